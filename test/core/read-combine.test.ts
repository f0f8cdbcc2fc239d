/** A ledger kept one sheet per month, read as one: openings once, carry-overs checked, layouts compared. */
import type { CellValue } from "../../src/core/model";
import { combineSheetReads, readGrid, sameLayout, entriesOf } from "../../src/core/read";

const grid = (sheet: string, values: CellValue[][]) => ({ sheet, top: 1, left: 1, values });

const july = grid("2026-07", [
  ["美达商贸 应收账款明细账"],
  ["日期", "摘要", "借方", "贷方", "余额"],
  ["2026-07-01", "期初余额", null, null, 1000],
  ["2026-07-05", "销售 XS-1", 500, null, 1500],
  ["2026-07-20", "收款", null, 300, 1200],
]);
const august = grid("2026-08", [
  ["客户：美达商贸"],
  ["日期", "摘要", "借方", "贷方", "余额"],
  ["2026-08-01", "上月结转", null, null, 1200],
  ["2026-08-03", "销售 XS-2", 100, null, 1300],
]);
/** Its carry-over is 50 short of the running balance, and its columns are named otherwise, without 余额. */
const september = grid("2026-09", [
  ["日期", "摘要", "借方金额", "贷方金额"],
  ["2026-09-01", "上月结转", 1250, null],
  ["2026-09-10", "收款", null, 200],
]);

describe("combineSheetReads", () => {
  const combined = combineSheetReads([readGrid(july), readGrid(august), readGrid(september)]);

  test("entries keep their own sheet and row, in the sheets' order", () => {
    expect(combined.sheets).toEqual(["2026-07", "2026-08", "2026-09"]);
    expect(entriesOf(combined.table).map((e) => [e.sheet, e.row, e.amount])).toEqual([
      ["2026-07", 4, 50000],
      ["2026-07", 5, -30000],
      ["2026-08", 4, 10000],
      ["2026-09", 3, -20000],
    ]);
  });

  test("the opening is taken from the first sheet only; the later ones are not added", () => {
    expect(combined.openings.map((o) => [o.sheet, o.row, o.amount])).toEqual([["2026-07", 3, 100000]]);
    expect(combined.openingBalance).toBe(100000);
    // 1,000 + 500 − 300 + 100 − 200
    expect(combined.closingBalance).toBe(110000);
  });

  test("later 期初/上月结转 rows are checked against the running balance, and one that differs is named", () => {
    expect(combined.carried).toEqual([
      { sheet: "2026-08", row: 3, dealer: "美达商贸", expected: 120000, found: 120000, agrees: true },
      { sheet: "2026-09", row: 2, dealer: null, expected: 130000, found: 125000, agrees: false },
    ]);
    expect(combined.skipped.filter((s) => s.reason === "carried").map((s) => [s.sheet, s.row])).toEqual([
      ["2026-08", 3],
      ["2026-09", 2],
    ]);
  });

  test("a sheet whose columns differ is reported by sheet, with what differs", () => {
    expect(combined.layoutDifferences).toEqual([
      {
        sheet: "2026-09",
        missing: ["balance"],
        extra: [],
        renamed: [
          { role: "debit", first: "借方", here: "借方金额" },
          { role: "credit", first: "贷方", here: "贷方金额" },
        ],
        otherSide: false,
      },
    ]);
    expect(sameLayout(readGrid(july).mapping, readGrid(august).mapping)).toBe(true);
    expect(sameLayout(readGrid(july).mapping, readGrid(september).mapping)).toBe(false);
  });

  test("a dealer first seen on a later sheet opens there", () => {
    const other = grid("2026-08", [
      ["客户", "日期", "摘要", "借方", "贷方"],
      ["宁波顺和", "2026-08-01", "期初余额", 70, null],
      ["宁波顺和", "2026-08-02", "销售", 30, null],
    ]);
    const first = grid("2026-07", [
      ["客户", "日期", "摘要", "借方", "贷方"],
      ["杭州美达", "2026-07-01", "期初余额", 10, null],
    ]);
    const c = combineSheetReads([readGrid(first), readGrid(other)]);
    expect(c.openings.map((o) => [o.sheet, o.dealer, o.amount])).toEqual([
      ["2026-07", "杭州美达", 1000],
      ["2026-08", "宁波顺和", 7000],
    ]);
    expect(c.carried).toEqual([]);
    expect(c.closingBalance).toBe(11000);
  });

  test("one sheet combines to itself", () => {
    const one = combineSheetReads([readGrid(july)]);
    expect([one.openingBalance, one.closingBalance, entriesOf(one.table).length, one.carried.length]).toEqual([100000, 120000, 2, 0]);
  });
});
