import fc from "fast-check";
import type { CellValue } from "../../src/core/model";
import { entriesOf, readGrid } from "../../src/core/read";
import { pairingId, reconcile, type ReconcileReport, type SideInput } from "../../src/core/reconcile";
import { fen } from "../../src/core/money";

/*
 * The first pass keys a reader's rows by hashing the reference cell itself when it is plain ASCII, and
 * by the reference's key otherwise; entries built by hand are always keyed by their references. Both
 * must pair, flag and leave exactly the same rows.
 */

/** References written in the many ways the key folds together, and some that fold to nothing. */
const refArb = fc.constantFrom("", "", "XS-001", "xs001", "XS 1", "ＸＳ－００１", "XS-002", "No.5", "n5", "5", "005", "A0B", "a00b", "HT-9", "ht9", "---", "合同", "0", "00");
const rowArb = fc.record({
  dealer: fc.constantFrom("甲商贸有限公司", "甲商贸", "乙公司", ""),
  day: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null, freq: 8 }),
  ref: refArb,
  text: fc.constantFrom("销售出库", "收到货款", "发票号00452301", "合同HT-9", "退货"),
  amount: fc.constantFrom(100, 250, -100, 300, 100),
});
type Row = { dealer: string; day: number | null; ref: string; text: string; amount: number };

const header = (statement: boolean): CellValue[] =>
  statement ? ["客户名称", "日期", "单据号", "摘要", "进货金额", "付款金额"] : ["客户名称", "日期", "单号", "摘要", "借方", "贷方"];

function read(sheet: string, rows: Row[], statement: boolean) {
  const values: CellValue[][] = [header(statement)];
  for (const r of rows) {
    values.push([
      r.dealer === "" ? null : r.dealer,
      r.day === null ? null : `2026-03-0${r.day}`,
      r.ref === "" ? null : r.ref,
      r.text,
      r.amount > 0 ? String(r.amount) : null,
      r.amount < 0 ? String(-r.amount) : null,
    ]);
  }
  return readGrid({ sheet, top: 1, left: 1, values }, { side: statement ? "statement" : "ledger" });
}

function sides(l: Row[], s: Row[]): { tables: [SideInput, SideInput]; entries: [SideInput, SideInput] } {
  const ledger = read("账", l, false);
  const statement = read("单", s, true);
  return {
    tables: [
      { sheet: ledger.sheet, table: ledger.table, openings: ledger.openings },
      { sheet: statement.sheet, table: statement.table, openings: statement.openings },
    ],
    entries: [
      { sheet: ledger.sheet, entries: entriesOf(ledger.table), openings: ledger.openings },
      { sheet: statement.sheet, entries: entriesOf(statement.table), openings: statement.openings },
    ],
  };
}

/** The report with every match built, as plain data. */
function plain(report: ReconcileReport): unknown {
  return { problems: report.problems, dealers: report.dealers.map((d) => ({ ...d, matches: d.matches.toArray() })) };
}

describe("the first pass over a read table", () => {
  test("gives the same result as over the table's entries, on random pairs of sheets", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 24 }), fc.array(rowArb, { maxLength: 24 }), fc.boolean(), (l, s, withAsOf) => {
        const { tables, entries } = sides(l, s);
        const asOf = withAsOf ? "2026-03-06" : null;
        expect(plain(reconcile(tables[0], tables[1], { asOf }))).toEqual(plain(reconcile(entries[0], entries[1], { asOf })));
      }),
      { numRuns: 150 },
    );
  });

  test("a reference on many rows: extra rows of an amount are duplicates, the rest pair in date order", () => {
    const l = Array.from({ length: 12 }, (_, i) => ({ dealer: "甲", day: 1 + (i % 9), ref: "HT-9", text: "销售出库", amount: i % 3 === 0 ? 250 : 100 }));
    const s = Array.from({ length: 11 }, (_, i) => ({ dealer: "甲", day: 1 + ((i * 5) % 9), ref: "ht9", text: "进货", amount: i % 2 === 0 ? 100 : 250 }));
    const { tables } = sides(l, s);
    const d = reconcile(tables[0], tables[1], {}).dealers[0];
    // 250.00: 4 rows here, 5 there (one a duplicate); 100.00: 8 here (two duplicates), 6 there.
    expect(d.matches.toArray().filter((m) => m.rule === "reference")).toHaveLength(10);
    expect(d.differences.filter((x) => x.kind === "duplicate").map((x) => [x.ledgerRows, x.statementRows, x.amount, x.duplicateOf])).toEqual([
      // 100.00 here first on row 3 (row 2 is a 250.00).
      [[9], [], 10000, 3],
      [[10], [], 10000, 3],
      // The statement's 250.00 rows by date: rows 11, 3, 5, 7, 9; the latest is the extra one.
      [[], [9], -25000, 11],
    ]);
  });

  test("a confirmed pair is claimed before duplicates are looked for: its row is no longer the original of a duplicate", () => {
    const l: Row[] = [
      { dealer: "甲", day: 1, ref: "XS-1", text: "销售出库", amount: 100 },
      { dealer: "甲", day: 2, ref: "XS-1", text: "销售出库", amount: 100 },
    ];
    const s: Row[] = [{ dealer: "甲", day: 3, ref: "", text: "进货", amount: 100 }];
    const { tables } = sides(l, s);
    const without = reconcile(tables[0], tables[1], {}).dealers[0];
    // Two rows of XS-1 here, none there: the second is a duplicate of the first, the first is only ours,
    // and their row without a reference pairs with nothing in the first pass.
    expect(without.differences.filter((x) => x.kind === "duplicate").map((x) => [x.ledgerRows, x.duplicateOf])).toEqual([[[3], 2]]);
    const id = pairingId([{ sheet: "账", row: 2, amount: fen(10000) }], [{ sheet: "单", row: 2, amount: fen(10000) }]);
    const confirmed = reconcile(tables[0], tables[1], { decisions: [{ id, decision: "confirmed", ledgerRows: [2], statementRows: [2] }] }).dealers[0];
    expect(confirmed.matches.toArray()).toEqual([{ rule: "user", ledgerRows: [2], statementRows: [2], amount: 10000 }]);
    expect(confirmed.differences.map((x) => [x.kind, x.ledgerRows, x.statementRows])).toEqual([["ledger_only", [3], []]]);
  });
});
