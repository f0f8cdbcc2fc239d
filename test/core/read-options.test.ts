import { balanceOf, readGrid, entriesOf } from "../../src/core/read";
import { describeReadIssue, describeSkipReason } from "../../src/messages/read";
import type { Grid } from "../../src/core/model";
import { handmadeList, kingdeeLedger, purchaseStatement } from "../fixtures/ledgers";

const _ = null;

describe("reader options", () => {
  test("a dealer option keeps only that dealer's rows, matched after name normalisation", () => {
    const r = readGrid(handmadeList, { dealer: "美达商贸有限公司" });
    expect(entriesOf(r.table).map((e) => e.row)).toEqual([2, 3, 4]);
    expect(r.skipped.filter((s) => s.reason === "other-dealer").map((s) => [s.row, s.text])).toEqual([
      [6, "宏达电器"],
      [7, "宏达电器"],
    ]);
    expect(r.closingBalance).toBe(1200000);
  });

  test("asOf keeps later entries listed but out of the closing balance", () => {
    const r = readGrid(kingdeeLedger, { asOf: "2026-01-31" });
    expect(entriesOf(r.table).map((e) => [e.row, e.afterAsOf])).toEqual([
      [6, false],
      [7, false],
      [10, true],
      [11, true],
    ]);
    expect(r.closingBalance).toBe(2340000);
    expect(r.asOf).toBe("2026-01-31");
  });

  test("balanceOf gives per-dealer balances as of any date", () => {
    const r = readGrid(handmadeList);
    expect(balanceOf(r)).toBe(1580000);
    expect(balanceOf(r, "宏达电器有限公司")).toBe(380000);
    expect(balanceOf(r, "美达商贸", "2026-01-31")).toBe(4800000);
    expect(balanceOf(r, null, "2026-01-10")).toBe(4480000);
  });

  test("a user mapping by header text, column letter or number overrides detection", () => {
    const r = readGrid(kingdeeLedger, { map: { ref: "凭证字号", description: "D" } });
    expect(r.mapping.ref).toEqual({ column: 2, header: "凭证字号", confidence: 1, source: "user" });
    expect(r.mapping.voucher).toBeUndefined();
    expect(r.mapping.description).toEqual({ column: 4, header: "对方科目", confidence: 1, source: "user" });
    expect(r.mapping.counterAccount).toBeUndefined();
    expect(entriesOf(r.table)[0]).toMatchObject({ ref: "记-3", description: "主营业务收入", refs: ["3"] });
    const byNumber = readGrid(kingdeeLedger, { map: { balance: 8 } });
    expect(byNumber.mapping.balance).toMatchObject({ column: 8, source: "user" });
  });

  test("a mapping to a column that does not exist is reported, and detection stands", () => {
    const r = readGrid(kingdeeLedger, { map: { ref: "发票号码" } });
    expect(r.errors).toEqual([
      { code: "map_not_found", sheet: "应收明细账", row: 4, column: null, header: null, found: "发票号码", expected: "column" },
    ]);
    expect(entriesOf(r.table)).toHaveLength(4);
  });

  test("side option turns a statement read as our ledger around", () => {
    const asLedger = readGrid(
      { ...purchaseStatement, values: purchaseStatement.values.map((row) => row.map((v) => (v === "进货金额" ? "借方" : v === "付款金额" ? "贷方" : v))) },
      { side: "ledger" },
    );
    expect(asLedger.sideSource).toBe("option");
    expect(entriesOf(asLedger.table)[0].amount).toBe(2340000);
    const asStatement = readGrid(
      { ...purchaseStatement, values: purchaseStatement.values.map((row) => row.map((v) => (v === "进货金额" ? "借方" : v === "付款金额" ? "贷方" : v))) },
      { side: "statement" },
    );
    expect(entriesOf(asStatement.table)[0].amount).toBe(-2340000);
  });

  test("a dealer's statement titled 对账单 with 借方/贷方 is read from their side", () => {
    const grid: Grid = {
      sheet: "S",
      top: 1,
      left: 1,
      values: [
        ["对账单", _, _, _],
        ["日期", "摘要", "借方", "贷方"],
        ["2026-03-01", "购货 XS-0301", _, 1000],
        ["2026-03-09", "付款", 400, _],
      ],
    };
    const r = readGrid(grid);
    expect(r.side).toBe("statement");
    expect(r.sideSource).toBe("title");
    expect(entriesOf(r.table).map((e) => e.amount)).toEqual([100000, -40000]);
  });

  test("yearHint dates 1月5日 forms; without any year they are errors", () => {
    const grid: Grid = {
      sheet: "S",
      top: 5,
      left: 2,
      values: [
        ["日期", "摘要", "金额"],
        ["1月5日", "发货 FH-0105", 100],
        ["1月6日", "回款", -40],
      ],
    };
    const withHint = readGrid(grid, { yearHint: 2025 });
    expect(entriesOf(withHint.table).map((e) => [e.row, e.date, e.amount])).toEqual([
      [6, "2025-01-05", 10000],
      [7, "2025-01-06", -4000],
    ]);
    const without = readGrid(grid);
    expect(entriesOf(without.table)).toEqual([]);
    expect(without.errors.map((e) => [e.code, e.row, e.column, e.found])).toEqual([
      ["missing_year", 6, "B", "1月5日"],
      ["missing_year", 7, "B", "1月6日"],
    ]);
  });

  test("month/day text rolls into the next year when the period spans two years", () => {
    const grid: Grid = {
      sheet: "S",
      top: 1,
      left: 1,
      values: [
        ["期间：2025年11期至2026年2期", _, _],
        ["日期", "摘要", "借方"],
        ["12月20日", "发货", 100],
        ["1月3日", "发货", 200],
      ],
    };
    expect(entriesOf(readGrid(grid).table).map((e) => e.date)).toEqual(["2025-12-20", "2026-01-03"]);
  });

  test("an amount column with 方向 takes its sign from 借/贷", () => {
    const grid: Grid = {
      sheet: "S",
      top: 1,
      left: 1,
      values: [
        ["日期", "摘要", "方向", "金额"],
        ["2026-01-01", "发货", "借", 100],
        ["2026-01-02", "回款", "贷", 30],
        ["2026-01-03", "?", "X", 30],
      ],
    };
    const r = readGrid(grid);
    expect(entriesOf(r.table).map((e) => e.amount)).toEqual([10000, -3000]);
    expect(r.errors.map((e) => [e.code, e.row, e.column])).toEqual([["bad_direction", 4, "C"]]);
  });

  test("a blank date takes the date above; with none above it is an error", () => {
    const grid: Grid = {
      sheet: "S",
      top: 1,
      left: 1,
      values: [
        ["日期", "摘要", "借方", "贷方"],
        [_, "发货", 1, _],
        ["2026-01-02", "发货", 2, _],
        [_, "发货", 3, _],
      ],
    };
    const r = readGrid(grid);
    expect(entriesOf(r.table).map((e) => [e.row, e.date])).toEqual([
      [3, "2026-01-02"],
      [4, "2026-01-02"],
    ]);
    expect(r.errors.map((e) => [e.code, e.row, e.column])).toEqual([["missing_date", 2, "A"]]);
  });

  test("a sheet without a header, or without an amount column, says so instead of guessing", () => {
    const none = readGrid({ sheet: "X", top: 1, left: 1, values: [["hello"], [1, 2, 3]] });
    expect(none.errors.map((e) => e.code)).toEqual(["no_header"]);
    expect(entriesOf(none.table)).toEqual([]);
    const noAmount = readGrid({ sheet: "X", top: 1, left: 1, values: [["日期", "摘要", "业务员"], ["2026-01-01", "x", "张"]] });
    expect(noAmount.errors.map((e) => [e.code, e.row])).toEqual([["no_amount_column", 1]]);
  });

  test("a many-dealer sheet with balances checks each dealer's running balance on its own", () => {
    const grid: Grid = {
      sheet: "S",
      top: 1,
      left: 1,
      values: [
        ["客户", "日期", "摘要", "借方", "贷方", "余额"],
        ["甲", "2026-01-01", "期初余额", _, _, 100],
        ["乙", "2026-01-01", "期初余额", _, _, 50],
        ["甲", "2026-01-02", "发货", 10, _, 110],
        ["乙", "2026-01-03", "回款", _, 20, 30],
        ["甲", "2026-01-04", "回款", _, 5, 106],
      ],
    };
    const r = readGrid(grid);
    expect(r.openings.map((o) => [o.dealer, o.amount])).toEqual([
      ["甲", 10000],
      ["乙", 5000],
    ]);
    expect(r.balanceCheck).toEqual({ checked: true, firstMismatchRow: 6, expected: 10500, found: 10600, mismatches: 1 });
    expect(balanceOf(r, "乙")).toBe(3000);
  });

  test("a 承前页 row after entries is a carried balance, checked and not counted again", () => {
    const grid: Grid = {
      sheet: "S",
      top: 1,
      left: 1,
      values: [
        ["日期", "摘要", "借方", "贷方", "余额"],
        ["2026-01-01", "承前页", _, _, 100],
        ["2026-01-02", "发货", 10, _, 110],
        ["2026-01-02", "过次页", 10, _, 110],
        ["2026-01-02", "承前页", _, _, 110],
        ["2026-01-03", "发货", 5, _, 115],
      ],
    };
    const r = readGrid(grid);
    expect(r.openingBalance).toBe(10000);
    expect(r.closingBalance).toBe(11500);
    expect(r.skipped.map((s) => [s.row, s.reason])).toEqual([
      [2, "opening"],
      [4, "total"],
      [5, "carried"],
    ]);
    expect(r.balanceCheck.firstMismatchRow).toBeNull();
  });
});

describe("messages", () => {
  test("an issue is described in Chinese and in English with the cell to fix", () => {
    const issue = { code: "bad_amount", sheet: "金桥往来", row: 14, column: "E", header: "回款金额", found: "一千元", expected: "amount" } as const;
    expect(describeReadIssue(issue, "zh-CN")).toBe(
      "工作表“金桥往来”单元格 E14（回款金额）：“一千元”不是有效金额。请写成 1234.50 或 1,234.50 这样的数字（负数可写作 -1234.50 或 (1,234.50)）。",
    );
    expect(describeReadIssue(issue, "en-US")).toBe(
      'Sheet "金桥往来", cell E14 (回款金额): "一千元" is not a valid amount. Write a number such as 1234.50 or 1,234.50 (negatives as -1234.50 or (1,234.50)).',
    );
  });

  test("every issue code and skip reason has text in both languages", () => {
    const codes = ["no_header", "no_amount_column", "no_date_column", "map_not_found", "bad_date", "missing_date", "missing_year", "bad_amount", "bad_direction"] as const;
    for (const code of codes) {
      for (const lang of ["zh-CN", "en-US"] as const) {
        const text = describeReadIssue({ code, sheet: "S", row: 3, column: null, header: null, found: "x", expected: "date" }, lang);
        expect(text.startsWith(lang === "zh-CN" ? "工作表“S”第 3 行" : 'Sheet "S", row 3')).toBe(true);
      }
    }
    expect(describeSkipReason("total", "zh-CN")).toBe("合计/小计行");
    expect(describeSkipReason("opening", "en-US")).toBe("opening balance (taken as the opening, not as a sale)");
  });
});
