import fc from "fast-check";
import { ageLedger } from "../../src/core/aging/ageLedger";
import { STAGES } from "../../src/core/aging/calendar";
import { settle } from "../../src/core/aging/settle";
import { addDays } from "../../src/core/dates";
import type { Entry, Opening } from "../../src/core/model";
import { fen } from "../../src/core/money";

const START = "2028-01-01"; // a leap year, so 2028-02-29 turns up
const DEALERS = ["甲", "乙", "丙"];
const REFS = ["XS-1", "XS-2", "XS-3", "记-4", "TH-5"];

const entryArb = fc.record({
  day: fc.integer({ min: 0, max: 400 }),
  amount: fc.integer({ min: -500_000, max: 500_000 }),
  dealer: fc.constantFrom(...DEALERS),
  refs: fc.subarray(REFS, { maxLength: 2 }),
  description: fc.constantFrom("销售出库", "收款", "退货", "折让"),
  termDays: fc.option(fc.constantFrom(0, 30, 40, 45, 60, 90), { nil: null }),
  rep: fc.option(fc.constantFrom("王磊", "李娜"), { nil: null }),
});

const ledgerArb = fc.record({
  rows: fc.array(entryArb, { maxLength: 40 }),
  openings: fc.array(fc.record({ dealer: fc.constantFrom(...DEALERS), amount: fc.integer({ min: -300_000, max: 300_000 }) }), {
    maxLength: 3,
  }),
  asOfDay: fc.integer({ min: 0, max: 420 }),
  laterBy: fc.integer({ min: 0, max: 200 }),
  basis: fc.constantFrom("due" as const, "document" as const),
});

type Ledger = typeof ledgerArb extends fc.Arbitrary<infer T> ? T : never;

function build(ledger: Ledger): {
  entries: Entry[];
  openings: Opening[];
} {
  const entries = ledger.rows.map(
    (r, i): Entry => ({
      sheet: "明细账",
      row: i + 10,
      date: addDays(START, r.day),
      ref: r.refs[0] ?? null,
      refs: r.refs,
      description: r.description,
      amount: fen(r.amount),
      dealer: r.dealer,
      rep: r.rep,
      termDays: r.termDays,
    }),
  );
  const openings = ledger.openings.map(
    (o, i): Opening => ({ sheet: "明细账", row: i + 2, dealer: o.dealer, date: START, amount: fen(o.amount) }),
  );
  return { entries, openings };
}

describe("aging invariants", () => {
  it("bucket totals equal the open balance, which equals openings plus the entries up to the as-of date", () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        const input = build(ledger);
        const asOf = addDays(START, ledger.asOfDay);
        const report = ageLedger({ ...input, periodStart: START }, { asOf, basis: ledger.basis });
        let grand = 0;
        for (const dealer of DEALERS) {
          const closing =
            input.openings.filter((o) => o.dealer === dealer).reduce((s, o) => s + o.amount, 0) +
            input.entries.filter((e) => e.dealer === dealer && (e.date as string) <= asOf).reduce((s, e) => s + e.amount, 0);
          grand += closing;
          const aged = report.dealers.find((d) => d.dealer === dealer);
          if (aged === undefined) {
            expect(closing).toBe(0);
            continue;
          }
          expect(aged.openBalance).toBe(closing);
          expect(Object.values(aged.buckets).reduce((s, v) => s + v, 0)).toBe(closing);
          const items = aged.items.reduce((s, i) => s + i.open, 0);
          const credits = aged.credits.reduce((s, c) => s + c.open, 0);
          expect(items + credits).toBe(closing);
          // 核销 leaves open invoices or unapplied credit, never both.
          expect(aged.items.length === 0 || aged.credits.length === 0).toBe(true);
          for (const item of aged.items) {
            expect(item.open).toBeGreaterThan(0);
            expect(item.open).toBeLessThanOrEqual(item.amount);
          }
        }
        expect(report.totals.openBalance).toBe(grand);
        expect(Object.values(report.totals.buckets).reduce((s, v) => s + v, 0)).toBe(grand);
        const byStage = STAGES.reduce((s, st) => s + report.totals.byStage[st].amount, 0);
        expect(byStage).toBe(report.dealers.reduce((s, d) => s + d.items.reduce((t, i) => t + i.open, 0), 0));
      }),
      { numRuns: 150 },
    );
  });

  it("moving the as-of date forward never makes an item still unpaid younger", () => {
    const stageRank = (s: string) => STAGES.indexOf(s as (typeof STAGES)[number]);
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        const input = { ...build(ledger), periodStart: START };
        const early = addDays(START, ledger.asOfDay);
        const late = addDays(early, ledger.laterBy);
        const a = ageLedger(input, { asOf: early, basis: ledger.basis });
        const b = ageLedger(input, { asOf: late, basis: ledger.basis });
        const before = new Map(a.dealers.flatMap((d) => d.items.map((i) => [`${i.sheet}:${i.row}`, i] as const)));
        for (const dealer of b.dealers) {
          for (const item of dealer.items) {
            const was = before.get(`${item.sheet}:${item.row}`);
            if (was === undefined) continue;
            expect(item.ageDays - was.ageDays).toBe(ledger.laterBy);
            expect(item.daysPastDue - was.daysPastDue).toBe(ledger.laterBy);
            expect(stageRank(item.stage)).toBeGreaterThanOrEqual(stageRank(was.stage));
            expect(b.bucketKeys.indexOf(item.bucket)).toBeGreaterThanOrEqual(a.bucketKeys.indexOf(was.bucket));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("settling keeps the books: open debits minus open credits equal debits minus credits", () => {
    const side = fc.array(fc.record({ amount: fc.integer({ min: 1, max: 10_000 }), refs: fc.subarray(REFS, { maxLength: 2 }) }), {
      maxLength: 20,
    });
    fc.assert(
      fc.property(side, side, (debits, credits) => {
        const asFen = (xs: { amount: number; refs: string[] }[]) => xs.map((x) => ({ ...x, amount: fen(x.amount) }));
        const { debitOpen, creditOpen } = settle(asFen(debits), asFen(credits));
        const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
        expect(sum(debitOpen) - sum(creditOpen)).toBe(sum(debits.map((d) => d.amount)) - sum(credits.map((c) => c.amount)));
        debitOpen.forEach((open, i) => expect(open >= 0 && open <= debits[i].amount).toBe(true));
        creditOpen.forEach((open, i) => expect(open >= 0 && open <= credits[i].amount).toBe(true));
        expect(sum(debitOpen) === 0 || sum(creditOpen) === 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
