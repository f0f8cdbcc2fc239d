/** Balance tables (科目余额表 / 往来余额表): recognised, each dealer's balances read and checked row by row. */
import type { CellValue } from "../../src/core/model";
import { balanceOf, balanceRowOf, balanceTableAsRead, readBalanceTable, readGrid, entriesOf } from "../../src/core/read";

const grid = (values: CellValue[][]) => ({ sheet: "余额表", top: 1, left: 1, values });

const oneRow = grid([
  ["应收账款往来余额表"],
  ["截止 2026-08-31", null, null, null, null],
  ["客户编码", "客户名称", "期初余额", "本期借方", "本期贷方", "期末余额"],
  ["C001", "杭州美达商贸", 1000, 500, 300, 1200],
  ["C002", "宁波顺和电器", 0, 800, 0, 800],
  ["C003", "成都蜀丰建材", 200, 100, 50, 260],
  ["合计", null, 1200, 1400, 350, 2260],
]);

describe("readBalanceTable", () => {
  test("a one-row header: dealers, 期初/借/贷/期末, the cut-off from the title, the totals row skipped", () => {
    const t = readBalanceTable(oneRow)!;
    expect(t.cutoff).toBe("2026-08-31");
    expect(t.cutoffSource).toBe("title");
    expect(t.headerRows).toEqual([3]);
    expect(t.rows.map((r) => [r.row, r.dealer, r.opening, r.debit, r.credit, r.closing])).toEqual([
      [4, "杭州美达商贸", 100000, 50000, 30000, 120000],
      [5, "宁波顺和电器", 0, 80000, 0, 80000],
      [6, "成都蜀丰建材", 20000, 10000, 5000, 26000],
    ]);
    expect(t.skipped).toEqual([{ row: 7, reason: "total", text: "合计" }]);
  });

  test("a row where 期初 + 借 − 贷 is not 期末 is named with what it should be", () => {
    // 200 + 100 − 50 = 250, written 260.
    expect(readBalanceTable(oneRow)!.mismatches).toEqual([{ sheet: "余额表", row: 6, dealer: "成都蜀丰建材", expected: 25000, found: 26000 }]);
  });

  test("the user's cut-off wins over the title's", () => {
    const t = readBalanceTable(oneRow, "2026-09-30")!;
    expect([t.cutoff, t.cutoffSource]).toEqual(["2026-09-30", "user"]);
  });

  test("two header rows, each balance split into 借方 and 贷方, a dealer in credit, the month as the cut-off", () => {
    const t = readBalanceTable(
      grid([
        ["科目余额表  2026年8月"],
        ["核算项目", "期初余额", null, "本期发生额", null, "期末余额", null],
        [null, "借方", "贷方", "借方", "贷方", "借方", "贷方"],
        ["杭州美达商贸", 1000, null, 500, 300, 1200, null],
        ["宁波顺和电器", null, 100, null, 50, null, 150],
        ["总计", 1000, 100, 500, 350, 1200, 150],
      ]),
    )!;
    expect(t.cutoff).toBe("2026-08-31");
    expect(t.headerRows).toEqual([2, 3]);
    expect(t.rows.map((r) => [r.dealer, r.opening, r.debit, r.credit, r.closing])).toEqual([
      ["杭州美达商贸", 100000, 50000, 30000, 120000],
      ["宁波顺和电器", -10000, 0, 5000, -15000],
    ]);
    expect(t.mismatches).toEqual([]);
    expect(t.skipped.map((s) => s.reason)).toEqual(["total"]);
  });

  test("without 期初 the balances are read and no row can be checked", () => {
    const t = readBalanceTable(
      grid([
        ["客户", "借方发生额", "贷方发生额", "方向", "期末余额"],
        ["杭州美达商贸", 500, 300, "借", 1200],
        ["宁波顺和电器", 0, 50, "贷", 150],
      ]),
    )!;
    expect(t.hasOpening).toBe(false);
    expect(t.cutoff).toBeNull();
    expect(t.rows.map((r) => [r.dealer, r.opening, r.closing])).toEqual([
      ["杭州美达商贸", null, 120000],
      ["宁波顺和电器", null, -15000],
    ]);
    expect(t.mismatches).toEqual([]);
  });

  test("a ledger of entries is not a balance table", () => {
    expect(readBalanceTable(grid([["日期", "摘要", "借方", "贷方", "余额"], ["2026-08-01", "销售", 1, null, 1]]))).toBeNull();
    expect(readBalanceTable(grid([["客户", "日期", "摘要", "借方", "贷方", "余额"], ["杭州美达", "2026-08-01", "销售", 1, null, 1]]))).toBeNull();
    // Split 月/日 columns and movement-style headers are still a ledger.
    expect(readBalanceTable(grid([["客户", "月", "日", "借方发生额", "贷方发生额", "余额"], ["杭州美达", 8, 1, 1, null, 1]]))).toBeNull();
  });

  test("an unreadable amount leaves its row out and names the cell", () => {
    const t = readBalanceTable(grid([["客户", "期初余额", "本期借方", "本期贷方", "期末余额"], ["杭州美达商贸", 1, "待定", 0, 1]]))!;
    expect(t.rows).toEqual([]);
    expect(t.unreadable).toEqual([{ sheet: "余额表", row: 2, column: 3, found: "待定", dealer: "杭州美达商贸", header: "本期借方", code: "bad_amount", expected: "amount" }]);
  });
});

describe("a balance table where only balances are needed", () => {
  test("each dealer's closing balance is its balance at any date, the same as the ledger's", () => {
    const t = readBalanceTable(oneRow)!;
    const read = balanceTableAsRead(t);
    expect(entriesOf(read.table)).toEqual([]);
    expect(read.dealers).toEqual(["杭州美达商贸", "宁波顺和电器", "成都蜀丰建材"]);
    expect(balanceOf(read, "杭州美达商贸", "2026-08-31")).toBe(120000);
    const ledger = readGrid(
      grid([
        ["客户", "日期", "摘要", "借方", "贷方"],
        ["杭州美达商贸", "2026-08-01", "期初余额", 1000, null],
        ["杭州美达商贸", "2026-08-05", "销售", 500, null],
        ["杭州美达商贸", "2026-08-20", "收款", null, 300],
      ]),
    );
    expect(balanceOf(read, "杭州美达商贸", "2026-08-31")).toBe(balanceOf(ledger, "杭州美达商贸", "2026-08-31"));
    expect(balanceRowOf(t, "杭州美达商贸")?.row).toBe(4);
  });
});
