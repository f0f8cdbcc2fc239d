/**
 * A failure shown in a view's own place (a 函证 or 信用 run, the 函证登记簿 read): once, its title saying what
 * failed and its body the failure as the pane says it, each reading as a sentence in either language.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToStaticMarkup } from "react-dom/server";
import { msg } from "../../src/core/messages";
import { PortError } from "../../src/port/workbook";
import { Notice } from "../../src/taskpane/components/layout";
import { CREDIT_STRINGS } from "../../src/taskpane/credit/strings";
import { failureText } from "../../src/taskpane/failure";
import { LOCALES, STRINGS, type Locale } from "../../src/taskpane/i18n";
import { LETTERS_MORE } from "../../src/taskpane/letters/balance-strings";
import { LETTERS_STRINGS } from "../../src/taskpane/letters/strings";

/** The notice's title and body as shown, apart. */
function shown(title: string, body: string): { title: string; text: string } {
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <Notice intent="error" title={title}>
        {body}
      </Notice>
    </FluentProvider>,
  ).replace(/<style[^>]*>[\s\S]*?<\/style>/g, "");
  const titled = /<span[^>]*class="[^"]*fui-MessageBarTitle[^"]*"[^>]*>([^<]*)<\/span>/.exec(html);
  const decoded = (x: string) => x.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
  return { title: decoded(titled?.[1] ?? ""), text: decoded(html.replace(/<[^>]+>/g, "")) };
}

const titles = (locale: Locale) => [LETTERS_STRINGS[locale].failedTitle, CREDIT_STRINGS[locale].failedTitle, LETTERS_MORE[locale].registerFailedTitle];

describe("a failure in a view's own place", () => {
  test.each(LOCALES)("shows its title once and the failure once, unwrapped, whatever it was (%s)", (locale) => {
    const t = STRINGS[locale];
    const failures = [
      new TypeError("x is undefined"),
      new PortError("too_large", "对账函 2026-11-30"),
      new PortError("unsupported", "函证登记簿", msg("port.read_only", { sheet: "函证登记簿", kind: msg("port.kind.xls", {}), action: msg("port.action.results", {}) })),
    ];
    for (const title of titles(locale)) {
      for (const err of failures) {
        const body = failureText(err)(t);
        const { title: said, text } = shown(title, body);
        expect(said).toBe(title);
        expect(text.split(title)).toHaveLength(2);
        expect(text.split(body.slice(0, 12))).toHaveLength(2);
        // The body is the failure as the pane says it, a sentence of its own (not the tail of the title's).
        expect(body.charAt(0)).toBe(body.charAt(0).toUpperCase());
      }
    }
  });

  test("titles say what failed, as a heading: no colon waiting for the failure after it", () => {
    for (const locale of LOCALES) {
      for (const title of titles(locale)) {
        expect(title).not.toMatch(/[:：]\s*$/);
        expect(title.length).toBeGreaterThan(0);
      }
    }
    expect(LETTERS_STRINGS["zh-CN"].failedTitle).toBe("生成对账函失败");
    expect(LETTERS_STRINGS["en-US"].failedTitle).toBe("Letters could not be made");
    expect(CREDIT_STRINGS["en-US"].failedTitle).toBe("Scoring failed");
  });
});
