/**
 * The browser preview: the real task pane over the real office-js adapter, running against the fake
 * Excel loaded with the sample workbook, beside a plain grid view of that workbook. No Office needed.
 *
 *   preview.html                the pane in Chinese (as Office with a Chinese display language)
 *   preview.html?lang=en-US     as Office in English
 *   preview.html?pane=only      the pane alone, as wide as the window, scrolling as its own page does in
 *                               Office (to check narrow panes: the pane's document must never scroll sideways)
 *
 * `window.duizhangPreview` gives tests and demos the fake itself, to change the workbook as a user
 * would in Excel (rename or delete a sheet, type a bad value) and see how the pane takes it.
 */
import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelWorkbook, type ExcelRun } from "../excel/workbook";
import type { WorkbookPort } from "../port/workbook";
import { sampleSheets } from "../sample/sample";
import { App } from "../taskpane/components/App";
import { localeFromDisplayLanguage } from "../taskpane/i18n";
import { APP_USE_CASES } from "../taskpane/use-cases";
import type { FakeExcel } from "../fake-excel";
import { Grid } from "./Grid";
import "./hook";
import { observe, type ObservedExcel } from "./observe";
import { fakeWorkbookFrom } from "./sample";

/** Office's task pane is about this wide on desktop. */
const PANE_WIDTH = 360;

const useStyles = makeStyles({
  page: {
    display: "flex",
    height: "100vh",
    overflow: "hidden",
  },
  sheet: {
    flexGrow: 1,
    minWidth: 0,
  },
  pane: {
    width: `${PANE_WIDTH}px`,
    flexShrink: 0,
    overflowY: "auto",
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
  },
});

/** The pane as Office hosts it: the whole page, which scrolls as one document. */
function PaneOnly({ port, lang }: Pick<PreviewProps, "port" | "lang">): JSX.Element {
  return (
    <div data-testid="pane">
      <App port={port} useCases={APP_USE_CASES} initialLocale={localeFromDisplayLanguage(lang ?? "zh-CN")} />
    </div>
  );
}

interface PreviewProps {
  excel: FakeExcel;
  observed: ObservedExcel;
  port: WorkbookPort;
  lang: string | null;
}

function Preview({ excel, observed, port, lang }: PreviewProps): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <div className={styles.sheet}>
        <Grid excel={excel} observed={observed} />
      </div>
      <aside className={styles.pane} data-testid="pane">
        <App port={port} useCases={APP_USE_CASES} initialLocale={localeFromDisplayLanguage(lang ?? "zh-CN")} />
      </aside>
    </div>
  );
}

const excel = fakeWorkbookFrom(sampleSheets());
const observed = observe(excel);
// The fake's context has the office-js shape the adapter uses, not the full Excel typings.
const port = createExcelWorkbook({ run: observed.run as unknown as ExcelRun, isSetSupported: excel.isSetSupported });
window.duizhangPreview = { excel, notify: observed.notify };

const container = document.getElementById("root");
if (container) {
  const query = new URLSearchParams(window.location.search);
  const lang = query.get("lang");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      {query.get("pane") === "only" ? (
        <PaneOnly port={port} lang={lang} />
      ) : (
        <Preview excel={excel} observed={observed} port={port} lang={lang} />
      )}
    </FluentProvider>,
  );
}
