/** The read notes of a balance table: a cell that cannot be read is said as the reader says it (the cell, its column, what is wrong, what to do). */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToStaticMarkup } from "react-dom/server";
import type { BalanceTable } from "../../src/core/read/balances";
import { BalanceTableSummary } from "../../src/taskpane/components/SheetsReadNotes";
import { LocaleProvider } from "../../src/taskpane/context";
import type { Locale } from "../../src/taskpane/i18n";
import { fen } from "../../src/core/money";

const TABLE: BalanceTable = {
  sheet: "往来余额表",
  cutoff: "2026-08-31",
  cutoffSource: "title",
  headerRows: [2],
  hasOpening: true,
  rows: [{ sheet: "往来余额表", row: 3, dealer: "杭州美达商贸", opening: fen(100_000), debit: fen(50_000), credit: fen(30_000), closing: fen(120_000) }],
  mismatches: [],
  skipped: [],
  unreadable: [
    { sheet: "往来余额表", row: 4, column: 5, found: "", dealer: "宁波顺和电器", header: "期末余额", code: "uncomputed_formula", expected: "amount" },
    { sheet: "往来余额表", row: 5, column: 3, found: "#N/A", dealer: "成都蜀丰建材", header: "本期借方", code: "formula_error", expected: "amount" },
  ],
};

function listed(locale: Locale): string[] {
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale={locale}>
        <BalanceTableSummary table={TABLE} onGoTo={() => undefined} />
      </LocaleProvider>
    </FluentProvider>,
  );
  const list = /data-testid="balances-unreadable"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "";
  return [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1].replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
}

test("each cell that cannot be read is named with its problem and what to do, not as an empty amount", () => {
  const zh = listed("zh-CN");
  expect(zh).toHaveLength(2);
  expect(zh[0]).toMatch(/^工作表“往来余额表”单元格 E4（期末余额）：.*公式.*该行未读取。$/);
  expect(zh[1]).toBe("工作表“往来余额表”单元格 C5（本期借方）：公式的结果是错误值“#N/A”。请改正这个单元格的公式（或它引用的单元格），在 Excel 中保存后再读取。该行未读取。");
  expect(zh.join("")).not.toContain("金额“”");
  const en = listed("en-US");
  expect(en).toHaveLength(2);
  expect(en[0]).toMatch(/E4.*The row is left out\.$/);
  expect(en[1]).toMatch(/C5.*#N\/A.*The row is left out\.$/);
});
