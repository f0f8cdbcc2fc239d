/**
 * A balance table's figures held in a formula saved without its result (`Grid.uncomputed`) or showing an
 * Excel error: the row is left out, its cell named with what to do, never read as 0 (the closing balance)
 * nor as a row that adds up or not. The reader's other rows are read as ever.
 */
import type { CellValue, Grid } from "../../src/core/model";
import { balanceOf, balanceTableAsRead, readBalanceTable } from "../../src/core/read";
import { balanceCellMessage } from "../../src/core/read/balances";
import { render } from "../../src/messages/render";

const _ = null;
const grid = (values: CellValue[][], uncomputed?: Array<[number, number]>): Grid => ({ sheet: "余额表", top: 1, left: 1, values, ...(uncomputed ? { uncomputed } : {}) });
const HEAD = ["客户名称", "期初余额", "本期借方", "本期贷方", "期末余额"];
const cells = (g: Grid) => readBalanceTable(g)!.unreadable.map((c) => [c.row, c.column, c.dealer, c.header, c.code, c.found]);

describe("one header row", () => {
  // Row 2 reads; row 3's 期末余额 is a formula without a result; row 4's 本期借方 shows #DIV/0!.
  const values = [HEAD, ["杭州美达商贸", 1000, 500, 300, 1200], ["宁波顺和电器", 0, 800, 0, _], ["成都蜀丰建材", 200, "#DIV/0!", 50, 260]];
  const g = grid(values, [[3, 5]]);

  test("the rows with such a cell are left out, each cell named: never a closing balance of 0, nor a row that does not add up", () => {
    const t = readBalanceTable(g)!;
    expect(t.rows.map((r) => [r.dealer, r.closing])).toEqual([["杭州美达商贸", 120000]]);
    expect(t.mismatches).toEqual([]);
    expect(cells(g)).toEqual([
      [3, 5, "宁波顺和电器", "期末余额", "uncomputed_formula", ""],
      [4, 3, "成都蜀丰建材", "本期借方", "formula_error", "#DIV/0!"],
    ]);
  });

  test("each problem names sheet, cell and column and says what to do, in both languages", () => {
    const [a, b] = readBalanceTable(g)!.unreadable;
    expect(render(balanceCellMessage(a!), "zh-CN")).toBe("工作表“余额表”单元格 E3（期末余额）：公式没有保存结果：请在 Excel 中打开这个文件并保存，再读取。");
    expect(render(balanceCellMessage(b!), "en-US")).toBe(
      'Sheet "余额表", cell C4 (本期借方): the formula gives the error "#DIV/0!". Fix the formula in this cell (or the cell it refers to), save, and read it again.',
    );
  });

  test("where only balances are needed, those rows are unread rows, not dealers with a balance of 0", () => {
    const read = balanceTableAsRead(readBalanceTable(g)!);
    expect(read.dealers).toEqual(["杭州美达商贸"]);
    expect(read.openings.map((o) => o.dealer)).toEqual(["杭州美达商贸"]);
    expect(balanceOf(read, "宁波顺和电器")).toBe(0);
    expect((read.unreadable ?? []).map((u) => [u.row, u.dealer, u.opening, u.cells.map((c) => `${c.column}${c.row} ${c.code}`)])).toEqual([
      [3, "宁波顺和电器", true, ["E3 uncomputed_formula"]],
      [4, "成都蜀丰建材", true, ["C4 formula_error"]],
    ]);
    expect(read.errors.map((e) => e.code)).toEqual(["uncomputed_formula", "formula_error"]);
  });

  test("a blank cell without a formula is still 0; without the list of uncomputed cells the row reads as before", () => {
    const t = readBalanceTable(grid(values.slice(0, 3)))!;
    expect(t.rows.map((r) => [r.dealer, r.closing])).toEqual([
      ["杭州美达商贸", 120000],
      ["宁波顺和电器", 0],
    ]);
  });
});

test("an error in a 方向 column or in the dealer's name leaves the row out too", () => {
  const g = grid(
    [
      ["客户名称", "期初余额", "本期借方", "本期贷方", "方向", "期末余额"],
      ["杭州美达商贸", 0, 500, 0, "#N/A", 500],
      ["#REF!", 0, 800, 0, "借", 800],
      [_, 0, 100, 0, "借", 100],
      ["宁波顺和电器", 0, 300, 0, "借", 300],
    ],
    [[4, 1]],
  );
  const t = readBalanceTable(g)!;
  expect(t.rows.map((r) => r.dealer)).toEqual(["宁波顺和电器"]);
  expect(cells(g)).toEqual([
    [2, 5, "杭州美达商贸", "方向", "formula_error", "#N/A"],
    [3, 1, "", "客户名称", "formula_error", "#REF!"],
    [4, 1, "", "客户名称", "uncomputed_formula", ""],
  ]);
  expect(render(balanceCellMessage(t.unreadable[1]!), "zh-CN")).toBe("工作表“余额表”单元格 A3（客户名称）：公式的结果是错误值“#REF!”。请改正这个单元格的公式（或它引用的单元格），在 Excel 中保存后再读取。");
  expect(balanceTableAsRead(t).unreadable?.map((u) => [u.row, u.dealer])).toEqual([
    [2, "杭州美达商贸"],
    [3, null],
    [4, null],
  ]);
});

test("two header rows: the cell's header is the group's and the column's", () => {
  const g = grid(
    [
      ["客户名称", "期初余额", _, "本期发生额", _, "期末余额", _],
      [_, "借方", "贷方", "借方", "贷方", "借方", "贷方"],
      ["杭州美达商贸", 100, 0, 50, 0, _, 0],
      ["宁波顺和电器", 0, 0, 20, "#VALUE!", 20, 0],
    ],
    [[3, 6]],
  );
  expect(cells(g)).toEqual([
    [3, 6, "杭州美达商贸", "期末余额 借方", "uncomputed_formula", ""],
    [4, 5, "宁波顺和电器", "本期发生额 贷方", "formula_error", "#VALUE!"],
  ]);
  expect(readBalanceTable(g)!.rows).toEqual([]);
});
