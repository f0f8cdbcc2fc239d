import fc from "fast-check";
import type { Entry } from "../../src/core/model";
import { addDays } from "../../src/core/dates";
import { reconcile, type DealerResult, type ReconcileOptions, type EntriesSide } from "../../src/core/reconcile";
import { fen } from "../../src/core/money";

/**
 * Pairs of sheets built from one pool of business events: each event lands on both sides, on one side
 * only, or on both with a shifted date or another amount. Amounts, dates and texts come from small sets
 * so that collisions (the hard cases) are common.
 */
const eventArb = fc.record({
  day: fc.integer({ min: 0, max: 20 }),
  amount: fc.constantFrom(-300000, -100000, -50000, 20000, 50000, 100000, 150000, 234500, 243500),
  ref: fc.option(fc.constantFrom("XS-1", "XS-2", "XS-3", "SK-1", "SK-2"), { nil: null }),
  text: fc.constantFrom("销售出库", "收到货款", "返利", "退货", "付款", ""),
  presence: fc.constantFrom("both", "both", "both", "ledger", "statement", "split"),
  shift: fc.integer({ min: -3, max: 5 }),
  changeAmount: fc.boolean(),
  /** The dealer's own wording, or null to copy ours. */
  theirText: fc.option(fc.constantFrom("采购", "付款", "网银"), { nil: null }),
});

const pairArb = fc.array(eventArb, { maxLength: 14 }).map((events) => {
  const ledger: Entry[] = [];
  const statement: Entry[] = [];
  const entry = (sheet: string, row: number, day: number, amount: number, ref: string | null, text: string): Entry => ({
    sheet,
    row,
    date: addDays("2026-06-01", day),
    ref,
    refs: ref === null ? [] : [ref],
    description: text,
    amount: fen(amount),
    dealer: null,
    rep: null,
    termDays: null,
  });
  for (const e of events) {
    if (e.presence !== "statement") ledger.push(entry("账本", ledger.length + 2, e.day, e.amount, e.ref, e.text));
    if (e.presence === "split") {
      // The dealer booked the event in two parts (a split payment, two deliveries).
      const part = Math.round(e.amount / 4);
      statement.push(entry("对账单", statement.length + 5, e.day + e.shift, part, e.ref, e.text));
      statement.push(entry("对账单", statement.length + 5, e.day, e.amount - part, e.ref, e.changeAmount ? "第二笔" : e.text));
    } else if (e.presence !== "ledger") {
      const amount = e.changeAmount ? e.amount + 9000 : e.amount;
      statement.push(entry("对账单", statement.length + 5, e.day + e.shift, amount, e.ref, e.theirText ?? e.text));
    }
  }
  const asSide = (sheet: string, entries: Entry[]): EntriesSide => ({ sheet, entries, openings: [{ sheet, row: 1, dealer: null, date: null, amount: fen(100000) }] });
  return { ledger: asSide("账本", ledger), statement: asSide("对账单", statement) };
});

const options: ReconcileOptions = { asOf: "2026-07-31", dateWindowBefore: 4, dateWindowAfter: 6 };

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function one(report: ReturnType<typeof reconcile>): DealerResult {
  expect(report.problems).toEqual([]);
  expect(report.dealers).toHaveLength(1);
  return report.dealers[0];
}

describe("properties of the engine", () => {
  test("the generated pairs cover the hard cases: suggestions, subsets, duplicates, mismatches", () => {
    const seen = new Set<string>();
    for (const { ledger, statement } of fc.sample(pairArb, { numRuns: 300, seed: 7 })) {
      const d = one(reconcile(ledger, statement, options));
      if (d.suggestions.length > 0) seen.add("suggestion");
      for (const m of d.matches.toArray()) seen.add(m.rule);
      for (const x of d.differences) seen.add(x.kind);
    }
    expect([...seen].sort()).toEqual(
      ["amount_date", "amount_mismatch", "duplicate", "ledger_only", "reference", "reference_total", "statement_only", "subset", "suggestion"].sort(),
    );
  });

  test("every entry ends in exactly one match or one difference, or in open suggestions only", () => {
    fc.assert(
      fc.property(pairArb, ({ ledger, statement }) => {
        const d = one(reconcile(ledger, statement, options));
        for (const [sideName, entries] of [
          ["ledger", ledger.entries],
          ["statement", statement.entries],
        ] as const) {
          const rowsOf = (x: { ledgerRows: number[]; statementRows: number[] }) => (sideName === "ledger" ? x.ledgerRows : x.statementRows);
          const seen = new Map<number, number>();
          for (const x of [...d.matches, ...d.differences]) for (const r of rowsOf(x)) seen.set(r, (seen.get(r) ?? 0) + 1);
          const suggested = new Set(d.suggestions.flatMap(rowsOf));
          for (const e of entries) {
            const settled = seen.get(e.row) ?? 0;
            expect(settled + (suggested.has(e.row) ? 1 : 0)).toBe(1);
          }
          expect([...seen.keys()].every((r) => entries.some((e) => e.row === r))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  test("when the openings agree the adjusted balances differ by exactly the 待查 total, and the differences explain the whole gap", () => {
    fc.assert(
      fc.property(pairArb, ({ ledger, statement }) => {
        const d = one(reconcile(ledger, statement, options));
        const r = d.reconciliation;
        // Timing items adjust a side; mismatches, duplicates and undecided rows are 待查 and adjust neither.
        expect(r.unexplained).toBe(0);
        expect(r.adjustedLedgerBalance - r.adjustedStatementBalance).toBe(r.pendingTotal);
        expect(r.pendingTotal).toBe(r.pendingItems.reduce((t, x) => t + x.ledgerAmount - x.statementAmount, 0));
        expect(r.balanced).toBe(r.pendingTotal === 0);
        const pendingLedger = new Set(d.suggestions.flatMap((s) => s.ledgerRows));
        const pendingStatement = new Set(d.suggestions.flatMap((s) => s.statementRows));
        const amountOf = (entries: Entry[], rows: Set<number>) => entries.filter((e) => rows.has(e.row)).reduce((t, e) => t + e.amount, 0);
        const explained = d.differences.reduce((t, x) => t + x.amount, 0) + amountOf(ledger.entries, pendingLedger) - amountOf(statement.entries, pendingStatement);
        expect(r.ledgerBalance - r.statementBalance).toBe(explained);
      }),
      { numRuns: 150 },
    );
  });

  test("shuffling the rows of either sheet does not change the result", () => {
    fc.assert(
      fc.property(pairArb, fc.integer(), fc.integer(), ({ ledger, statement }, a, b) => {
        const plain = reconcile(ledger, statement, options);
        const shuffled = reconcile({ ...ledger, entries: shuffle(ledger.entries, a) }, { ...statement, entries: shuffle(statement.entries, b) }, options);
        expect(shuffled).toEqual(plain);
      }),
      { numRuns: 150 },
    );
  });

  test("a ledger reconciled against itself has no differences and no suggestions", () => {
    fc.assert(
      fc.property(pairArb, ({ ledger }) => {
        const d = one(reconcile(ledger, { ...ledger }, options));
        expect(d.differences).toEqual([]);
        expect(d.suggestions).toEqual([]);
        expect(d.matches.toArray().reduce((t, m) => t + m.ledgerRows.length, 0)).toBe(ledger.entries.length);
      }),
      { numRuns: 150 },
    );
  });

  test("swapping the sheets (and the date window) swaps the kinds and the signs", () => {
    const swappedKind = { ledger_only: "statement_only", statement_only: "ledger_only", amount_mismatch: "amount_mismatch", duplicate: "duplicate", unreadable: "unreadable" } as const;
    fc.assert(
      fc.property(pairArb, ({ ledger, statement }) => {
        const d = one(reconcile(ledger, statement, options));
        const s = one(reconcile(statement, ledger, { ...options, dateWindowBefore: options.dateWindowAfter, dateWindowAfter: options.dateWindowBefore }));
        const key = (kind: string, mine: number[], theirs: number[], amount: number) => `${kind}|${mine.join(",")}|${theirs.join(",")}|${amount}`;
        const forward = d.differences.map((x) => key(swappedKind[x.kind], x.statementRows, x.ledgerRows, -x.amount)).sort();
        const backward = s.differences.map((x) => key(x.kind, x.ledgerRows, x.statementRows, x.amount)).sort();
        expect(backward).toEqual(forward);
        const pairs = (ms: { ledgerRows: number[]; statementRows: number[] }[], flip: boolean) =>
          ms.map((m) => (flip ? `${m.statementRows}|${m.ledgerRows}` : `${m.ledgerRows}|${m.statementRows}`)).sort();
        expect(pairs(s.matches.toArray(), false)).toEqual(pairs(d.matches.toArray(), true));
        expect(pairs(s.suggestions, false)).toEqual(pairs(d.suggestions, true));
      }),
      { numRuns: 150 },
    );
  });
});
