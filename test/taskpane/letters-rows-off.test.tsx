/** The 函证 results' list of balance-table rows that do not add up, as the run skipped them (LettersView's RowsOffList). */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToStaticMarkup } from "react-dom/server";
import { LETTERS_MORE } from "../../src/taskpane/letters/balance-strings";
import { RowsOffList } from "../../src/taskpane/letters/LettersView";
import { LETTERS_STRINGS } from "../../src/taskpane/letters/strings";
import type { RowOff } from "../../src/taskpane/letters/useLettersRun";

function rowsOff(n: number): RowOff[] {
  return Array.from({ length: n }, (_, i) => ({
    dealer: `经销商${i + 1}`,
    reason: `余额表“往来余额表”第 ${i + 3} 行不平`,
    target: { sheet: "往来余额表", row: i + 3 },
  }));
}

/** The rendered items and lines, each ended by `|`. */
function shown(rows: RowOff[], locale: "zh-CN" | "en-US" = "zh-CN"): string {
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <RowsOffList more={LETTERS_MORE[locale]} s={LETTERS_STRINGS[locale]} rows={rows} goTo={() => undefined} />
    </FluentProvider>,
  );
  return html
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/<\/(li|span)>/g, "|")
    .replace(/<[^>]+>/g, "")
    .replace(/\|+/g, "|");
}

describe("the rows of a balance table that got no letter", () => {
  test("lists the first 8, each with the run's reason, and counts the rest, as the read summary does", () => {
    const text = shown(rowsOff(11));
    expect(text.startsWith("余额表中 11 行对不上，未生成对账函：|经销商1：余额表“往来余额表”第 3 行不平|")).toBe(true);
    expect(text).toContain("经销商8：余额表“往来余额表”第 10 行不平|");
    expect(text).not.toContain("经销商9");
    expect(text).toContain("另有 3 行未列出。");
  });

  test("a short list is shown whole, without a count of more", () => {
    const text = shown(rowsOff(2), "en-US");
    expect(text).toContain("2 rows of the balance table do not add up: no letter made for them:");
    expect(text).toContain("经销商2: 余额表“往来余额表”第 4 行不平");
    expect(text).not.toContain("more not listed");
  });

  test("nothing at all when every row adds up", () => {
    expect(shown([])).toBe("");
  });
});
