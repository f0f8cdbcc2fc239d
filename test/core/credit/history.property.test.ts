/**
 * The payment history walks each dealer's rows once; it must say exactly what an aging as of each day
 * says. The reference below is that: the aging run as of every due date, final deadline and payment day.
 */
import fc from "fast-check";
import { ageLedger, classifyEntry, graceDays, type AgingReport } from "../../../src/core/aging";
import { dealerRows, paymentHistory, rowsByDealer, yearBefore, type HistorySale, type PaymentHistory } from "../../../src/core/credit";
import { addDays, daysBetween } from "../../../src/core/dates";
import type { Entry, IsoDate, Opening } from "../../../src/core/model";
import { fen } from "../../../src/core/money";

/** The history as an aging per day gives it (how it was worked out before the one walk). */
function referenceHistory(ledger: { entries: readonly Entry[]; openings: readonly Opening[]; periodStart?: IsoDate }, dealer: string, termDays: number, asOf: IsoDate): PaymentHistory {
  const mine = dealerRows(ledger.entries, ledger.openings, dealer);
  const cache = new Map<IsoDate, Map<string, number>>();
  const reports = new Map<IsoDate, AgingReport>();
  const agedOn = (day: IsoDate): AgingReport => {
    let r = reports.get(day);
    if (!r) {
      r = ageLedger(
        { entries: mine.entries, openings: mine.openings, ...(ledger.periodStart ? { periodStart: ledger.periodStart } : {}) },
        { asOf: day, terms: { register: { [dealer]: termDays } }, defaultTermDays: termDays },
      );
      reports.set(day, r);
    }
    return r;
  };
  const openOn = (day: IsoDate): Map<string, number> => {
    let m = cache.get(day);
    if (!m) {
      m = new Map();
      for (const d of agedOn(day).dealers) for (const i of d.items) m.set(`${i.sheet}\u0000${i.row}`, i.open);
      cache.set(day, m);
    }
    return m;
  };

  const from = yearBefore(asOf);
  const inWindow = mine.entries.filter((e) => e.date !== null && e.date > from && e.date <= asOf && e.amount > 0 && classifyEntry(e) === "sale");
  const creditDays = [...new Set(mine.entries.filter((e) => e.date !== null && e.amount < 0 && e.date <= asOf).map((e) => e.date as IsoDate))].sort();
  const grace = graceDays(termDays);
  const sales: HistorySale[] = [];
  for (const e of inWindow) {
    const date = e.date as IsoDate;
    const dueDate = addDays(date, termDays);
    if (dueDate >= asOf) continue;
    const finalDate = addDays(dueDate, grace);
    const key = `${e.sheet}\u0000${e.row}`;
    const paidByDue = e.amount - (openOn(dueDate).get(key) ?? 0);
    let daysPastFinal = 0;
    if (finalDate < asOf && (openOn(finalDate).get(key) ?? 0) > 0) {
      const settledOn = creditDays.find((d) => d > finalDate && (openOn(d).get(key) ?? 0) === 0);
      daysPastFinal = daysBetween(finalDate, settledOn ?? asOf);
    }
    sales.push({ sheet: e.sheet, row: e.row, date, amount: e.amount, dueDate, finalDate, paidByDue: fen(paidByDue), daysPastFinal });
  }
  const salesAmount = sales.reduce((t, s) => t + s.amount, 0);
  const paidByDue = sales.reduce((t, s) => t + s.paidByDue, 0);
  const byMonth = new Map<string, number>();
  for (const e of inWindow) byMonth.set((e.date as string).slice(0, 7), (byMonth.get((e.date as string).slice(0, 7)) ?? 0) + e.amount);
  const monthTotal = [...byMonth.values()].reduce((t, v) => t + v, 0);
  const now = agedOn(asOf);
  const d = now.dealers[0];
  return {
    termDays,
    sales,
    salesAmount: fen(salesAmount),
    paidByDue: fen(paidByDue),
    onTimeRate: sales.length === 0 || salesAmount <= 0 ? null : (paidByDue / salesAmount) * 100,
    worstDaysPastFinal: sales.length === 0 ? null : Math.max(...sales.map((s) => s.daysPastFinal)),
    monthlyBase: byMonth.size === 0 ? null : fen(Math.floor(monthTotal / byMonth.size)),
    monthsWithSales: byMonth.size,
    exposure: now.totals.openBalance,
    openPastFinal: d ? d.items.filter((i) => i.stage === "past_final").map((i) => ({ sheet: i.sheet, row: i.row, open: i.open, finalDate: i.finalDate })) : [],
    openRows: d ? d.items.map((i) => ({ sheet: i.sheet, row: i.row })) : [],
  };
}

const START = "2027-01-01"; // 2028-02-29 falls inside the range of days
const INVOICES = ["XS2701-01", "XS2701-02", "XS2701-03", "XS2701-04", "XS2701-05", "XS2701-06"];
/** The dealer asked about, as the ledger writes it in several ways (one dealer key), and another dealer. */
const NAMES = ["美达五金", "美达五金 ", "美达五金有限公司", "别家"];

/** A value `odds` times as often as null. */
const sometimes = <T>(arb: fc.Arbitrary<T>, odds: number): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: arb, weight: Math.round(odds * 12) }, { arbitrary: fc.constant(null), weight: 12 });

/** Rows over `days` days; `dense`: few invoices, most receipts naming one, many rows sharing a row number. */
const rowArb = (days: number, dense: boolean) =>
  fc.record({
    day: fc.integer({ min: 0, max: days }),
    sale: fc.boolean(),
    amount: fc.oneof(fc.integer({ min: 1, max: 60 }).map((n) => n * 10_000), fc.integer({ min: 1, max: 900_000 }), fc.constant(0)),
    name: fc.constantFrom(...NAMES, NAMES[0], NAMES[0]),
    /** A reference of its own, and what a receipt's text or reference names. */
    ref: sometimes(fc.constantFrom(...(dense ? INVOICES.slice(0, 3) : INVOICES), "记-4", "SK-9"), dense ? 4 : 1),
    text: dense
      ? fc.constantFrom("回款 XS2701-01", "回款 XS2701-02", "收到货款 xs2701-03/XS2701-01", "收款")
      : fc.constantFrom("销售出库", "收款", "回款 XS2701-02", "收到货款 xs2701-03/XS2701-05", "退货 XS2701-01", "折让", "预收 ＸＳ2701-06", "付 XS-2"),
    /** Another sheet, or a row number another row also has (looked up by sheet and row, as the aging's items are). */
    sheet: dense ? fc.constant("明细账") : fc.constantFrom("明细账", "明细账", "明细账", "2027-08"),
    sameRowAs: sometimes(fc.integer({ min: 0, max: dense ? 10 : 30 }), dense ? 1 / 3 : 1 / 10),
  });

const caseArb = (dense: boolean) =>
  fc.record({
    rows: fc.array(rowArb(dense ? 300 : 560, dense), { maxLength: dense ? 60 : 45 }),
    openings: fc.array(
      fc.record({
        name: fc.constantFrom(...NAMES),
        amount: fc.integer({ min: -400_000, max: 600_000 }),
        day: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
        sameRowAs: sometimes(fc.integer({ min: 0, max: 30 }), 1 / 4),
      }),
      { maxLength: 3 },
    ),
    periodStart: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null, freq: 2 }),
    asOfDay: dense ? fc.integer({ min: 150, max: 400 }) : fc.integer({ min: 200, max: 600 }),
    termDays: dense ? fc.constantFrom(0, 7, 30) : fc.constantFrom(0, 7, 30, 45, 60, 90),
  });

type Case = ReturnType<typeof caseArb> extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case): { entries: Entry[]; openings: Opening[]; periodStart?: IsoDate } {
  const entries = c.rows.map((r, i): Entry => {
    const refs = r.ref === null ? [] : [r.ref];
    return {
      sheet: r.sheet,
      row: r.sameRowAs !== null && r.sameRowAs < c.rows.length ? r.sameRowAs + 10 : i + 10,
      date: addDays(START, r.day),
      ref: r.ref,
      refs,
      description: r.sale ? "销售出库" : r.text,
      amount: fen(r.sale ? r.amount : -r.amount),
      dealer: r.name,
      rep: null,
      termDays: null,
    };
  });
  const openings = c.openings.map((o, i): Opening => ({
    sheet: "明细账",
    row: o.sameRowAs !== null && o.sameRowAs < c.rows.length ? o.sameRowAs + 10 : i + 2,
    dealer: o.name,
    date: o.day === null ? null : addDays(START, o.day),
    amount: fen(o.amount),
  }));
  return { entries, openings, ...(c.periodStart !== null ? { periodStart: addDays(START, c.periodStart) } : {}) };
}

const row = (n: number, date: IsoDate, ref: string | null, description: string, amount: number): Entry => ({
  sheet: "明细账",
  row: n,
  date,
  ref,
  refs: ref === null ? [] : [ref],
  description,
  amount: fen(amount),
  dealer: "美达五金",
  rep: null,
  termDays: null,
});
const sale = (n: number, date: IsoDate, ref: string, amount: number) => row(n, date, ref, "销售出库", amount);
const receipt = (n: number, date: IsoDate, ref: string, text: string, amount: number) => row(n, date, ref, text, -amount);

describe("payment history in one walk equals the aging as of each day", () => {
  it.each([
    ["references named by receipts and texts, prepayments, late openings, shared rows, other dealers", false],
    ["many receipts naming a few invoices, many rows sharing a row number", true],
  ])("on generated ledgers: %s", (_, dense) => {
    fc.assert(
      fc.property(caseArb(dense as boolean), (c) => {
        const ledger = build(c);
        const asOf = addDays(START, c.asOfDay);
        const expected = referenceHistory(ledger, "美达五金", c.termDays, asOf);
        expect(paymentHistory(ledger, "美达五金", c.termDays, asOf)).toEqual(expected);
        expect(paymentHistory(ledger, "美达五金", c.termDays, asOf, rowsByDealer(ledger)("美达五金"))).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it("a receipt naming a younger invoice past its final deadline settles it while an older one stays open", () => {
    const ledger = {
      entries: [
        sale(2, "2026-01-05", "XS2601-01", 100_000),
        sale(3, "2026-02-01", "XS2602-02", 50_000),
        receipt(4, "2026-04-01", "SK-1", "回款 XS2602-02", 50_000),
      ],
      openings: [],
    };
    const h = paymentHistory(ledger, "美达五金", 30, "2026-11-30");
    expect(h).toEqual(referenceHistory(ledger, "美达五金", 30, "2026-11-30"));
    // Final deadlines 14 February and 13 March: the younger one paid on 1 April, the older one never.
    expect(h.sales.map((s) => [s.row, s.paidByDue, s.daysPastFinal])).toEqual([
      [2, 0, daysBetween("2026-02-14", "2026-11-30")],
      [3, 0, 19],
    ]);
  });

  it("a prepayment naming a later invoice pays an older one until that invoice is booked", () => {
    const ledger = {
      entries: [
        row(2, "2026-03-01", "XS2603-01", "销售出库", 100_000),
        row(3, "2026-03-20", "SK-1", "预收 XS2605-02", -100_000),
        row(4, "2026-05-01", "XS2605-02", "销售出库", 100_000),
        row(5, "2026-08-01", "SK-2", "收款", -100_000),
      ],
      openings: [],
    };
    const h = paymentHistory(ledger, "美达五金", 30, "2026-11-30");
    expect(h).toEqual(referenceHistory(ledger, "美达五金", 30, "2026-11-30"));
    // XS2603-01 stood paid by the prepayment at its due date and final deadline (31 March, 10 April); XS2605-02,
    // booked on 1 May, took the prepayment it was named in, so at its due date it was paid too.
    expect(h.sales.map((s) => [s.row, s.paidByDue, s.daysPastFinal])).toEqual([
      [2, 100_000, 0],
      [4, 100_000, 0],
    ]);
    // As of the as-of date, the later receipt paid XS2603-01: nothing is open.
    expect(h.exposure).toBe(0);
  });
});
