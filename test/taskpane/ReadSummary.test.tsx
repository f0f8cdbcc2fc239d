import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToStaticMarkup } from "react-dom/server";
import { tableOf, type ReadResult } from "../../src/core/read";
import { ReadSummary } from "../../src/taskpane/components/ReadSummary";
import { LocaleProvider } from "../../src/taskpane/context";
import type { Locale } from "../../src/taskpane/i18n";
import type { ColumnChoice } from "../../src/taskpane/summary";
import { fen } from "../../src/core/money";

const RESULT: ReadResult = {
  sheet: "发货回款登记",
  side: "ledger",
  sideSource: "option",
  headerRows: [1],
  dealer: null,
  dealers: ["杭州美达商贸有限公司", "宁波顺和电器有限公司"],
  table: tableOf([
    { sheet: "发货回款登记", row: 2, date: "2026-06-18", ref: "XSCK-2026-0618", refs: ["XSCK20260618"], description: "发货", amount: fen(7_450_000), dealer: "宁波顺和电器有限公司", rep: "李娜", termDays: 60, voucher: null, hidden: false, afterAsOf: false },
    { sheet: "发货回款登记", row: 3, date: "2026-07-30", ref: "HK-0730", refs: ["HK0730"], description: "回款", amount: fen(-4_000_000), dealer: "宁波顺和电器有限公司", rep: "李娜", termDays: 60, voucher: null, hidden: false, afterAsOf: false },
  ]),
  openings: [],
  openingBalance: fen(0),
  closingBalance: fen(3_450_000),
  mapping: {
    dealer: { column: 1, header: "客户名称", confidence: 1, source: "detected" },
    date: { column: 2, header: "日期", confidence: 0.75, source: "detected" },
    debit: { column: 5, header: "发货金额", confidence: 1, source: "user" },
  },
  skipped: [{ row: 6, reason: "blank", text: "" }],
  errors: [
    { code: "bad_amount", sheet: "发货回款登记", row: 4, column: "E", header: "发货金额", found: "1,8260", expected: "amount" },
  ],
  balanceCheck: { checked: false, firstMismatchRow: null, mismatches: 0 },
  hiddenRowCount: 0,
};

const COLUMNS: ColumnChoice[] = [
  { column: 1, letter: "A", header: "客户名称" },
  { column: 2, letter: "B", header: "日期" },
  { column: 5, letter: "E", header: "发货金额" },
];

function visibleText(locale: Locale, result: ReadResult = RESULT, mappingOpen?: boolean): string {
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale={locale}>
        <ReadSummary result={result} columns={COLUMNS} onRemap={() => undefined} onGoTo={() => undefined} mappingOpen={mappingOpen} />
      </LocaleProvider>
    </FluentProvider>,
  );
  const body = html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, "");
  return body
    .replace(/<\/(li|dt|dd|div|span|button|p)>/g, "|")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

describe("the summary of a read sheet", () => {
  test("shows the dealers, counts, balances, skipped rows and the cell to fix, in Chinese", () => {
    const text = visibleText("zh-CN");
    expect(text).toContain("客户（2 家）|杭州美达商贸有限公司、宁波顺和电器有限公司|");
    expect(text).toContain("业务笔数|2 笔（增加 1 笔，减少 1 笔）|");
    expect(text).toContain("期初余额|无（按 0 计）|");
    expect(text).toContain("期末余额|34,500.00|");
    expect(text).toContain("跳过的行（1）");
    expect(text).toContain("空行：1 行（第 6 行）");
    expect(text).toContain("需要修改的单元格（1）");
    expect(text).toContain("工作表“发货回款登记”单元格 E4（发货金额）：“1,8260”不是有效金额。");
  });

  test("shows a guessed column unfolded for a look, and folds the columns recognised by their exact header", () => {
    const text = visibleText("zh-CN");
    expect(text).toContain("以下 1 列是按表头推测的，请核对：|日期|可信度 75%|");
    expect(text).toContain("▸ 其余 2 列已确定；查看或修改");
    expect(text).not.toContain("客户|可信度 100%|");
    expect(text).not.toContain("手动指定");
  });

  test("with every column sure, the whole mapping is one folded line", () => {
    const sure: ReadResult = { ...RESULT, mapping: { ...RESULT.mapping, date: { column: 2, header: "日期", confidence: 1, source: "detected" } } };
    const text = visibleText("zh-CN", sure);
    expect(text).toContain("列的用途|▸ 3 列的用途都已确定（表头明确或由您指定）；查看或修改");
    expect(text).not.toContain("请核对");
    expect(text).not.toContain("可信度");
  });

  test("unfolded, says how each column was chosen: by the user, or detected with a confidence", () => {
    const text = visibleText("zh-CN", RESULT, true);
    expect(text).toContain("▾ 其余 2 列已确定；查看或修改");
    expect(text).toContain("客户|可信度 100%|");
    expect(text).toContain("日期|可信度 75%|");
    expect(text).toContain("借方（增加）|手动指定|");
    expect(text).toContain("其他用途（13）");
  });

  test("is all in English when the pane is", () => {
    const text = visibleText("en-US", RESULT, true);
    expect(text).toContain("Dealers (2)|");
    expect(text).toContain("Entries|2 (1 increase, 1 decrease)|");
    expect(text).toContain("Opening balance|none (taken as 0)|");
    expect(text).toContain("Closing balance|34,500.00|");
    expect(text).toContain("blank row: 1 row (row 6)");
    expect(text).toContain('Sheet "发货回款登记", cell E4 (发货金额): "1,8260" is not a valid amount.');
    expect(text).toContain("Debit (increase)|set by you|");
    for (const chinese of ["业务笔数", "期初余额", "跳过的行", "列的用途", "手动指定", "可信度"]) expect(text).not.toContain(chinese);
  });

  test("a broken running balance is shown with the row, both balances and the count", () => {
    const text = visibleText("zh-CN", {
      ...RESULT,
      balanceCheck: { checked: true, firstMismatchRow: 12, expected: fen(21_955_050), found: fen(21_865_050), mismatches: 2 },
    });
    expect(text).toContain(
      "「发货回款登记」第 12 行的余额是 218,650.50，逐笔累计应为 219,550.50；通常是上面漏记或记错了一笔。共有 2 处余额对不上。",
    );
  });
});

describe("the summary of a block export", () => {
  const blocked: ReadResult = {
    ...RESULT,
    blocks: [
      { dealer: "湖北楚天建材有限公司", titleRow: 2, lastRow: 9, openingBalance: fen(100_000), entries: 3, closingBalance: fen(150_000) },
      { dealer: "武汉长江商贸有限公司", titleRow: 11, lastRow: 16, openingBalance: fen(0), entries: 1, closingBalance: fen(0) },
    ],
  };

  test("lists each block's dealer, rows and entries, in Chinese and in English", () => {
    const zh = visibleText("zh-CN", blocked);
    expect(zh).toContain("按客户分块（2 块）");
    expect(zh).toContain("湖北楚天建材有限公司：第 2–9 行，3 笔");
    expect(zh).toContain("武汉长江商贸有限公司：第 11–16 行，1 笔");
    const en = visibleText("en-US", blocked);
    expect(en).toContain("Blocks by dealer (2)");
    expect(en).toContain("武汉长江商贸有限公司: rows 11–16, 1 entry");
  });

  test("an ordinary sheet shows no blocks", () => {
    expect(visibleText("zh-CN", { ...RESULT, blocks: [] })).not.toContain("分块");
  });
});
