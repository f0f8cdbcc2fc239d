/**
 * Cells the reader needs that hold a formula saved without its result (`Grid.uncomputed`; the value is
 * null) or an Excel error value: each is a problem at its cell saying what to fix, and its row is unread,
 * in whatever column it is (amount, date, dealer, reference, the 余额 an opening is read from, split dates,
 * 方向), and wherever the row is (a row showing nothing else, a row below the last value).
 */
import type { CellValue, Grid } from "../../src/core/model";
import { readGrid } from "../../src/core/read";
import type { ReadResult } from "../../src/core/read";

const _ = null;
const grid = (values: CellValue[][], uncomputed?: Array<[number, number]>): Grid => ({ sheet: "台账", top: 1, left: 1, values, ...(uncomputed ? { uncomputed } : {}) });
const problems = (r: ReadResult) => r.errors.map((e) => `${e.column}${e.row} ${e.code} ${e.expected}${e.found ? ` ${e.found}` : ""}`);
const unread = (r: ReadResult) => (r.unreadable ?? []).map((u) => [u.row, u.dealer, u.opening]);

const HEAD = ["日期", "客户", "单号", "摘要", "借方", "贷方", "余额"];

describe("dealer and reference cells", () => {
  const values = [
    HEAD,
    ["2026-01-05", "乙公司", "XS-1", "销售", 1000, _, _],
    ["2026-01-06", "#N/A", "XS-2", "销售", 2000, _, _],
    ["2026-01-07", "甲公司", _, "销售", 500, _, _],
    ["2026-01-08", "甲公司", "XS-4", "销售", 300, _, _],
  ];

  test("an error in the dealer cell and a formula without a result in the reference cell are problems; their rows are unread", () => {
    const r = readGrid(grid(values, [[4, 3]]), { side: "ledger" });
    expect(problems(r)).toEqual(["B3 formula_error dealer #N/A", "C4 uncomputed_formula reference"]);
    // Without a dealer filter the row goes to the dealer above, as a blank dealer cell would.
    expect(unread(r)).toEqual([
      [3, "乙公司", false],
      [4, "甲公司", false],
    ]);
    expect(Array.from(r.table.rows)).toEqual([2, 5]);
    expect(r.dealers).toEqual(["乙公司", "甲公司"]);
  });

  test("under a dealer filter the row whose dealer cannot be read is kept unread, not skipped as another dealer's", () => {
    const r = readGrid(grid(values, [[4, 3]]), { side: "ledger", dealer: "甲公司" });
    expect(problems(r)).toEqual(["B3 formula_error dealer #N/A", "C4 uncomputed_formula reference"]);
    expect(unread(r)).toEqual([
      [3, null, false],
      [4, "甲公司", false],
    ]);
    expect(r.skipped.map((s) => [s.row, s.reason])).toEqual([[2, "other-dealer"]]);
  });
});

test("an opening read from a 余额 formula without a result is unread, not an opening of 0; an error in 余额 beside an amount is said as one", () => {
  const r = readGrid(
    grid(
      [
        HEAD,
        ["2026-01-01", "甲公司", _, "期初余额", _, _, _],
        ["2026-01-05", "甲公司", "XS-1", "销售", 1000, _, "#REF!"],
      ],
      [[2, 7]],
    ),
    { side: "ledger" },
  );
  expect(problems(r)).toEqual(["G2 uncomputed_formula amount", "G3 formula_error amount #REF!"]);
  expect(unread(r)).toEqual([[2, "甲公司", true]]);
  expect(r.openings).toEqual([]);
  // The 余额 is only checked: the sale is read.
  expect(Array.from(r.table.rows)).toEqual([3]);
  expect(r.closingBalance).toBe(100_000);
});

test("an error in the date cell is said as one, not as a badly written date; a date formula without a result is not the date above", () => {
  const r = readGrid(
    grid(
      [
        HEAD,
        ["2026-01-05", "甲公司", "XS-1", "销售", 1000, _, _],
        [_, "甲公司", "XS-2", "销售", 2000, _, _],
        ["#VALUE!", "甲公司", "XS-3", "销售", 3000, _, _],
      ],
      [[3, 1]],
    ),
    { side: "ledger" },
  );
  expect(problems(r)).toEqual(["A3 uncomputed_formula date", "A4 formula_error date #VALUE!"]);
  expect(unread(r).map(([row]) => row)).toEqual([3, 4]);
  expect(Array.from(r.table.rows)).toEqual([2]);
});

test("a row showing nothing whose cells are formulas without results, and such rows below the last value, are unread, not blank", () => {
  const r = readGrid(
    grid(
      [
        HEAD,
        ["2026-01-05", "甲公司", "XS-1", "销售", 1000, _, _],
        [_, _, _, _, _, _, _],
        ["2026-01-07", "甲公司", "XS-3", "销售", 300, _, _],
      ],
      [
        [3, 1],
        [3, 5],
        [6, 5],
        [6, 9],
        [7, 9],
      ],
    ),
    { side: "ledger" },
  );
  expect(problems(r)).toEqual(["A3 uncomputed_formula date", "E3 uncomputed_formula amount", "E6 uncomputed_formula amount"]);
  expect(unread(r)).toEqual([
    [3, "甲公司", false],
    [6, "甲公司", false],
  ]);
  expect(r.skipped.filter((s) => s.reason === "blank")).toEqual([]);
  // Column I is no column the reader reads: row 7 is nothing to it.
  expect(Array.from(r.table.rows)).toEqual([2, 4]);
});

test("split 月/日 dates and a 方向 beside a signed amount are read the same way", () => {
  const split = readGrid(
    grid(
      [
        ["月", "日", "摘要", "借方", "贷方"],
        [1, 5, "销售 XS-1", 1000, _],
        [1, _, "销售 XS-2", 2000, _],
        [1, "#NUM!", "销售 XS-3", 3000, _],
      ],
      [[3, 2]],
    ),
    { side: "ledger", yearHint: 2026 },
  );
  expect(problems(split)).toEqual(["B3 uncomputed_formula date", "B4 formula_error date #NUM!"]);
  expect(Array.from(split.table.rows)).toEqual([2]);
  const direction = readGrid(
    grid(
      [
        ["日期", "摘要", "方向", "金额"],
        ["2026-01-05", "销售 XS-1", "借", 1000],
        ["2026-01-06", "收款 SK-1", _, 500],
      ],
      [[3, 3]],
    ),
    { side: "ledger" },
  );
  expect(problems(direction)).toEqual(["C3 uncomputed_formula direction"]);
  expect(Array.from(direction.table.rows)).toEqual([2]);
  expect(unread(direction).map(([row]) => row)).toEqual([3]);
});

test("an error value in an amount cell of a sheet without the list (office-js, CSV) is said as one too", () => {
  const r = readGrid(grid([HEAD, ["2026-01-05", "甲公司", "XS-1", "销售", "#DIV/0!", _, _]]), { side: "ledger" });
  expect(problems(r)).toEqual(["E2 formula_error amount #DIV/0!"]);
  expect(unread(r).map(([row]) => row)).toEqual([2]);
});

test("a 余额 column of formulas without results beside readable amounts is no problem: the balances are only left unchecked", () => {
  const r = readGrid(
    grid(
      [
        HEAD,
        ["2026-01-05", "甲公司", "XS-1", "销售", 1000, _, _],
        ["2026-01-06", "甲公司", "SK-1", "收款", _, 400, _],
      ],
      [
        [2, 7],
        [3, 7],
      ],
    ),
    { side: "ledger" },
  );
  expect(r.errors).toEqual([]);
  expect(unread(r)).toEqual([]);
  expect(r.closingBalance).toBe(60_000);
  expect(r.balanceCheck.checked).toBe(false);
});
