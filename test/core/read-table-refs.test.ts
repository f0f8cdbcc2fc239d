/**
 * One `TableRefs` over a whole table keeps the references found in each 摘要 while it walks the rows;
 * what it answers for a row is what a fresh one answers for that row alone, whether the 摘要s repeat
 * (a few kept for the whole walk), alternate, or differ on every row (then it stops keeping them).
 */
import fc from "fast-check";
import type { CellValue } from "../../src/core/model";
import { readGrid, TableRefs, type EntryTable } from "../../src/core/read";

function ledger(descriptions: (i: number) => string, rows: number): EntryTable {
  const values: CellValue[][] = [["客户名称", "日期", "单号", "摘要", "借方", "贷方"]];
  for (let i = 0; i < rows; i++) {
    const ref = i % 4 === 0 ? `XSCK-2026-${i}` : null;
    values.push([`经销商${i % 9}`, "2026-03-01", ref, descriptions(i), i % 2 === 0 ? String(100 + i) : null, i % 2 === 1 ? String(50 + i) : null]);
  }
  const r = readGrid({ sheet: "台账", top: 1, left: 1, values });
  expect(r.errors).toEqual([]);
  expect(r.table.length).toBe(rows);
  return r.table;
}

function expectSameAsFresh(table: EntryTable, order: readonly number[]): void {
  const shared = new TableRefs(table);
  for (const i of order) {
    const fresh = new TableRefs(table);
    expect([shared.refAt(i), shared.refsAt(i), shared.primaryRefAt(i)]).toEqual([fresh.refAt(i), fresh.refsAt(i), fresh.primaryRefAt(i)]);
  }
}

describe("references of an entry table, looked up row after row", () => {
  const sizes = 6_000;
  test.each([
    ["a few 摘要s taking turns", (i: number) => (i % 3 === 0 ? "销售出库" : i % 3 === 1 ? "收到货款 回 HD20260001" : "退货 冲 XS-2026-0007")],
    ["every 摘要 its own document number", (i: number) => `销售出库 XSCK-2026-${100000 + i}`],
    ["repeated 摘要s, then different ones", (i: number) => (i < 3_000 ? `回款 INV${i % 5}` : `回款 INV${i}`)],
  ])("%s: the same as a fresh lookup for each row", (_name, descriptions) => {
    const table = ledger(descriptions, sizes);
    expectSameAsFresh(
      table,
      Array.from({ length: table.length }, (_, i) => i),
    );
  });

  test("in any order over a table of a few 摘要s", () => {
    const table = ledger((i) => ["销售出库 INV1", "收到货款", "回 HD0001/HD0002", ""][i % 4], 200);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: table.length - 1 }), { maxLength: 300 }), (order) => expectSameAsFresh(table, order)),
      { numRuns: 50 },
    );
  });
});
