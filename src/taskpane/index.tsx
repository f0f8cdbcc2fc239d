/**
 * The task pane's entry inside Excel: wait for Office, pick the language, render the App over the
 * office-js workbook port. Nothing else in the pane touches `Office` or `Excel`.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelWorkbook } from "../excel/workbook";
import { App } from "./components/App";
import { localeFromDisplayLanguage, LOCALES, type Locale } from "./i18n";
import { APP_USE_CASES } from "./use-cases";

const LOCALE_KEY = "duizhang.locale";

/** The language the user last switched to in the pane, if the webview lets us keep one. */
function rememberedLocale(): Locale | null {
  try {
    const saved = window.localStorage.getItem(LOCALE_KEY);
    return (LOCALES as readonly string[]).includes(saved ?? "") ? (saved as Locale) : null;
  } catch {
    // Some Office webviews block storage; the display language is then the only guide.
    return null;
  }
}

function remember(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Not being able to remember only means the pane starts in Office's language next time.
  }
}

void Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) return;
  const locale = rememberedLocale() ?? localeFromDisplayLanguage(Office.context.displayLanguage);
  document.documentElement.lang = locale;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
      <App
        port={createExcelWorkbook()}
        useCases={APP_USE_CASES}
        initialLocale={locale}
        onLocaleChange={(next) => {
          document.documentElement.lang = next;
          remember(next);
        }}
      />
    </FluentProvider>,
  );
});
