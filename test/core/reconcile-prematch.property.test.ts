import fc from "fast-check";
import type { CellValue, Entry } from "../../src/core/model";
import { entryColumnsOf, readGrid } from "../../src/core/read";
import { reconcile, type Decision, type ReconcileReport, type SideInput } from "../../src/core/reconcile";

/*
 * Duplicates and pass 1 (same reference, same amount) run on row positions before the engine makes
 * items for the rows left (`prematch`). A confirmed decision makes the engine do those steps itself,
 * so a decision that applies to no row gives the reference result to compare with.
 */
const DECOY: Decision = { id: "decoy", decision: "confirmed", ledgerRows: [999_999], statementRows: [999_999] };

/** References written in the many ways the key folds together, and some that fold to nothing. */
const refArb = fc.constantFrom("", "", "XS-001", "xs001", "XS 1", "ＸＳ－００１", "XS-002", "No.5", "n5", "5", "005", "A0B", "a00b", "HT-9", "ht9", "---", "合同", "0", "00");
const rowArb = fc.record({
  dealer: fc.constantFrom("甲商贸有限公司", "甲商贸", "乙公司", ""),
  day: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null, freq: 8 }),
  ref: refArb,
  text: fc.constantFrom("销售出库", "收到货款", "发票号00452301", "合同HT-9", "退货"),
  amount: fc.constantFrom(100, 250, -100, 300, 100),
});

const header = (statement: boolean): CellValue[] =>
  statement ? ["客户名称", "日期", "单据号", "摘要", "进货金额", "付款金额"] : ["客户名称", "日期", "单号", "摘要", "借方", "贷方"];

function grid(sheet: string, rows: { dealer: string; day: number | null; ref: string; text: string; amount: number }[], statement: boolean) {
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
  return { sheet, top: 1, left: 1, values };
}

function sides(ledgerRows: Parameters<typeof grid>[1], statementRows: Parameters<typeof grid>[1], columns: boolean): [SideInput, SideInput] {
  const side = (sheet: string, rows: Parameters<typeof grid>[1], statement: boolean): SideInput => {
    const read = readGrid(grid(sheet, rows, statement), { side: statement ? "statement" : "ledger", lazyEntries: columns });
    const cols = entryColumnsOf(read);
    return cols !== null && columns ? ({ sheet, openings: read.openings, columns: cols, entries: [] } as SideInput) : { sheet, entries: read.entries, openings: read.openings };
  };
  return [side("账", ledgerRows, false), side("单", statementRows, true)];
}

/** The report with every match built, as plain data. */
function plain(report: ReconcileReport): unknown {
  return report.dealers.map((d) => ({ ...d, matches: d.matches }));
}

describe("prematching gives the engine's own result", () => {
  test.each([
    ["columns from the reader", true],
    ["plain entries", false],
  ])("on random pairs of sheets, read as %s", (_name, columns) => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 24 }), fc.array(rowArb, { maxLength: 24 }), fc.boolean(), (l, s, withAsOf) => {
        const [ledger, statement] = sides(l, s, columns);
        const asOf = withAsOf ? "2026-03-06" : null;
        const quick = reconcile(ledger, statement, { asOf });
        const full = reconcile(ledger, statement, { asOf, decisions: [DECOY] });
        expect(plain(quick)).toEqual(plain(full));
        expect(quick.problems).toEqual(full.problems);
      }),
      { numRuns: 150 },
    );
  });

  test("hand-made entries with a date the engine cannot place are matched as the engine would", () => {
    const entry = (sheet: string, row: number, date: string | null, amount: number, ref: string): Entry => ({
      sheet, row, date, ref, refs: [ref], description: "", amount, dealer: null, rep: null, termDays: null,
    });
    const ledger: SideInput = { sheet: "账", openings: [], entries: [entry("账", 2, "2026-3", 100, "X1"), entry("账", 3, "2026-03-01", 100, "X1"), entry("账", 4, null, 100, "X1")] };
    const statement: SideInput = { sheet: "单", openings: [], entries: [entry("单", 2, "2026-03-02", 100, "X1"), entry("单", 3, "2026-3", 100, "X1")] };
    const quick = reconcile(ledger, statement, {});
    const full = reconcile(ledger, statement, { decisions: [DECOY] });
    expect(plain(quick)).toEqual(plain(full));
    expect(quick.dealers[0].matches).toHaveLength(2);
  });

  test("a reference on many rows: extra rows of an amount are duplicates, the rest pair in date order", () => {
    const l = Array.from({ length: 12 }, (_, i) => ({ dealer: "甲", day: 1 + (i % 9), ref: "HT-9", text: "销售出库", amount: i % 3 === 0 ? 250 : 100 }));
    const s = Array.from({ length: 11 }, (_, i) => ({ dealer: "甲", day: 1 + ((i * 5) % 9), ref: "ht9", text: "进货", amount: i % 2 === 0 ? 100 : 250 }));
    const [ledger, statement] = sides(l, s, true);
    const quick = reconcile(ledger, statement, {});
    const full = reconcile(ledger, statement, { decisions: [DECOY] });
    expect(plain(quick)).toEqual(plain(full));
    // 250.00: 4 rows here, 5 there (one a duplicate); 100.00: 8 here (two duplicates), 6 there.
    expect(quick.dealers[0].matches.filter((m) => m.rule === "reference")).toHaveLength(10);
    const duplicates = quick.dealers[0].differences.filter((d) => d.kind === "duplicate");
    expect(duplicates.map((d) => [d.ledgerRows, d.statementRows, d.amount])).toEqual([
      [[9], [], 10000],
      [[10], [], 10000],
      // The statement's 250.00 rows by date: rows 11, 3, 5, 7, 9; the latest is the extra one.
      [[], [9], -25000],
    ]);
  });
});
