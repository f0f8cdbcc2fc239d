/**
 * How a dealer actually paid, from the ledger, settled exactly as the aging settles it (references first,
 * then first-in first-out: ../aging). An invoice's open amount on a day is what the aging as of that day
 * leaves open, so "paid by the due date" and "open past the final deadline until" need no second rule.
 */
import { ageLedger, classifyEntry, graceDays, type AgingReport } from "../aging";
import { addDays, daysBetween } from "../dates";
import type { Entry, Fen, IsoDate, Opening } from "../model";
import { addFen, divFen, fen, subFen, sumFen } from "../money";
import { dealerKey } from "../values/refs";

export interface HistorySale {
  sheet: string;
  row: number;
  date: IsoDate;
  amount: Fen;
  dueDate: IsoDate;
  finalDate: IsoDate;
  /** Settled on or before the due date. */
  paidByDue: Fen;
  /** Days open past the final deadline, up to its settlement or the as-of date (0 when never). */
  daysPastFinal: number;
}

export interface PaymentHistory {
  termDays: number;
  /** Sales dated in the 12 months before the as-of date whose due date has passed. */
  sales: HistorySale[];
  salesAmount: Fen;
  paidByDue: Fen;
  /** paidByDue / salesAmount × 100; null without such sales. */
  onTimeRate: number | null;
  /** The most days any of those sales stayed open past its final deadline; null without such sales. */
  worstDaysPastFinal: number | null;
  /** Average sales per month over the months with sales in the 12 months before the as-of date; null without. */
  monthlyBase: Fen | null;
  monthsWithSales: number;
  /** The dealer's ledger balance at the as-of date. */
  exposure: Fen;
  /** Open items past their final deadline at the as-of date. */
  openPastFinal: { sheet: string; row: number; open: Fen; finalDate: IsoDate }[];
  /** Open ledger rows at the as-of date (for the over-limit marks). */
  openRows: { sheet: string; row: number }[];
}

/** The day a year before `asOf` (29 February goes to 28 February): the 12-month window is (that day, asOf]. */
export function yearBefore(asOf: IsoDate): IsoDate {
  const y = Number(asOf.slice(0, 4)) - 1;
  const md = asOf.slice(5) === "02-29" ? "02-28" : asOf.slice(5);
  return `${String(y).padStart(4, "0")}-${md}`;
}

/** Entries and openings of one dealer (matched by the one dealer key every part uses). */
export function dealerRows(entries: readonly Entry[], openings: readonly Opening[], dealer: string): { entries: Entry[]; openings: Opening[] } {
  const k = dealerKey(dealer);
  return {
    entries: entries.filter((e) => e.dealer !== null && dealerKey(e.dealer) === k),
    openings: openings.filter((o) => o.dealer !== null && dealerKey(o.dealer) === k),
  };
}

/**
 * The payment history of `dealer` as of `asOf`, with `termDays` for every row (the register's term, else the
 * application's, else the default: the caller decides). `entries` and `openings` may hold other dealers.
 */
export function paymentHistory(ledger: { entries: readonly Entry[]; openings: readonly Opening[]; periodStart?: IsoDate }, dealer: string, termDays: number, asOf: IsoDate): PaymentHistory {
  const mine = dealerRows(ledger.entries, ledger.openings, dealer);
  const cache = new Map<IsoDate, Map<string, Fen>>();
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
  const openOn = (day: IsoDate): Map<string, Fen> => {
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
  // Days on which something was paid or credited: the only days an open amount can fall.
  const creditDays = [...new Set(mine.entries.filter((e) => e.date !== null && e.amount < 0 && e.date <= asOf).map((e) => e.date as IsoDate))].sort();
  const grace = graceDays(termDays);
  const sales: HistorySale[] = [];
  for (const e of inWindow) {
    const date = e.date as IsoDate;
    const dueDate = addDays(date, termDays);
    if (dueDate >= asOf) continue;
    const finalDate = addDays(dueDate, grace);
    const key = `${e.sheet}\u0000${e.row}`;
    const paidByDue = subFen(e.amount, openOn(dueDate).get(key) ?? fen(0));
    let daysPastFinal = 0;
    if (finalDate < asOf && (openOn(finalDate).get(key) ?? 0) > 0) {
      const settledOn = creditDays.find((d) => d > finalDate && (openOn(d).get(key) ?? 0) === 0);
      daysPastFinal = daysBetween(finalDate, settledOn ?? asOf);
    }
    sales.push({ sheet: e.sheet, row: e.row, date, amount: e.amount, dueDate, finalDate, paidByDue, daysPastFinal });
  }
  const salesAmount = sumFen(sales, (s) => s.amount);
  const paidByDue = sumFen(sales, (s) => s.paidByDue);

  const byMonth = new Map<string, Fen>();
  for (const e of inWindow) byMonth.set((e.date as string).slice(0, 7), addFen(byMonth.get((e.date as string).slice(0, 7)) ?? fen(0), e.amount));
  const monthTotal = sumFen(byMonth.values());

  const now = agedOn(asOf);
  const d = now.dealers[0];
  return {
    termDays,
    sales,
    salesAmount,
    paidByDue,
    onTimeRate: sales.length === 0 || salesAmount <= 0 ? null : (paidByDue / salesAmount) * 100,
    worstDaysPastFinal: sales.length === 0 ? null : Math.max(...sales.map((s) => s.daysPastFinal)),
    monthlyBase: byMonth.size === 0 ? null : divFen(monthTotal, byMonth.size),
    monthsWithSales: byMonth.size,
    exposure: now.totals.openBalance,
    openPastFinal: d ? d.items.filter((i) => i.stage === "past_final").map((i) => ({ sheet: i.sheet, row: i.row, open: i.open, finalDate: i.finalDate })) : [],
    openRows: d ? d.items.map((i) => ({ sheet: i.sheet, row: i.row })) : [],
  };
}

/** Whole months from `a` to `b` (a day-of-month not yet reached does not count). */
export function monthsBetween(a: IsoDate, b: IsoDate): number {
  if (b < a) return 0;
  const [ya, ma, da] = a.split("-").map(Number);
  const [yb, mb, db] = b.split("-").map(Number);
  let m = (yb - ya) * 12 + (mb - ma);
  if (db < da) m--;
  return Math.max(0, m);
}

