/**
 * How a dealer actually paid, from the ledger, settled exactly as the aging settles it (references first,
 * then first-in first-out: ../aging). An invoice's open amount on a day is what the aging as of that day
 * would leave open, so "paid by the due date" and "open past the final deadline until" need no second rule.
 *
 * Those open amounts come from one walk through the dealer's rows in date order (`OpenOverTime`), not from
 * an aging per day: a ledger of a few thousand rows per dealer asks about thousands of days.
 */
import { ageLedger, graceDays, linkNamedInText } from "../aging";
import { groupLedger } from "../aging/phase-group";
import { dealerSlots, namedDebits } from "../aging/settle";
import { DayCache, ReviewMarks } from "../aging/setup";
import { addDays, daysBetween } from "../dates";
import type { Entry, Fen, IsoDate, Opening } from "../model";
import { addFen, divFen, fen, fenAt, subFen, sumFen } from "../money";
import { sheetAt, tableOf, TableRefs, type EntryTable } from "../read/entries";
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

/** A ledger as the credit run takes it. */
export interface CreditLedger {
  entries: readonly Entry[];
  openings: readonly Opening[];
  periodStart?: IsoDate;
}

/** One dealer's rows of a ledger. */
export interface DealerLedgerRows {
  entries: Entry[];
  openings: Opening[];
}

/** The day a year before `asOf` (29 February goes to 28 February): the 12-month window is (that day, asOf]. */
export function yearBefore(asOf: IsoDate): IsoDate {
  const y = Number(asOf.slice(0, 4)) - 1;
  const md = asOf.slice(5) === "02-29" ? "02-28" : asOf.slice(5);
  return `${String(y).padStart(4, "0")}-${md}`;
}

/** Entries and openings of one dealer (matched by the one dealer key every part uses). */
export function dealerRows(entries: readonly Entry[], openings: readonly Opening[], dealer: string): DealerLedgerRows {
  const k = dealerKey(dealer);
  return {
    entries: entries.filter((e) => e.dealer !== null && dealerKey(e.dealer) === k),
    openings: openings.filter((o) => o.dealer !== null && dealerKey(o.dealer) === k),
  };
}

/**
 * Every dealer's rows, split once (each distinct name keyed once): `dealerRows` for a run asking about many
 * dealers, in ledger order as `dealerRows` gives them.
 */
export function rowsByDealer(ledger: CreditLedger): (dealer: string) => DealerLedgerRows {
  const keys = new Map<string, string>();
  const keyOf = (name: string): string => {
    let k = keys.get(name);
    if (k === undefined) {
      k = dealerKey(name);
      keys.set(name, k);
    }
    return k;
  };
  const byKey = new Map<string, DealerLedgerRows>();
  const of = (k: string): DealerLedgerRows => {
    let rows = byKey.get(k);
    if (rows === undefined) {
      rows = { entries: [], openings: [] };
      byKey.set(k, rows);
    }
    return rows;
  };
  for (const e of ledger.entries) if (e.dealer !== null) of(keyOf(e.dealer)).entries.push(e);
  for (const o of ledger.openings) if (o.dealer !== null) of(keyOf(o.dealer)).openings.push(o);
  return (dealer) => byKey.get(dealerKey(dealer)) ?? { entries: [], openings: [] };
}

/**
 * The payment history of `dealer` as of `asOf`, with `termDays` for every row (the register's term, else the
 * application's, else the default: the caller decides). `entries` and `openings` may hold other dealers;
 * `mine`, when given, are the dealer's own (from `rowsByDealer`).
 */
export function paymentHistory(ledger: CreditLedger, dealer: string, termDays: number, asOf: IsoDate, mine?: DealerLedgerRows): PaymentHistory {
  const rows = mine ?? dealerRows(ledger.entries, ledger.openings, dealer);
  const periodStart = ledger.periodStart ? ledger.periodStart : undefined;
  // The aging as of the as-of date itself: the balance and what is open now.
  const now = ageLedger(
    { entries: rows.entries, openings: rows.openings, ...(periodStart ? { periodStart } : {}) },
    { asOf, terms: { register: { [dealer]: termDays } }, defaultTermDays: termDays },
  );

  const from = yearBefore(asOf);
  const inWindow: number[] = [];
  for (let i = 0; i < rows.entries.length; i++) {
    const e = rows.entries[i];
    // Positive rows are sales (a credit note or return is negative: ../aging/classify).
    if (e.date !== null && e.date > from && e.date <= asOf && e.amount > 0) inWindow.push(i);
  }
  const grace = graceDays(termDays);
  const asked: SaleQuestion[] = [];
  for (const i of inWindow) {
    const date = rows.entries[i].date as IsoDate;
    const dueDate = addDays(date, termDays);
    if (dueDate >= asOf) continue;
    asked.push({ entry: i, dueDate, finalDate: addDays(dueDate, grace) });
  }
  const answers = new OpenOverTime(rows, periodStart, asOf).answer(asked);
  const sales: HistorySale[] = asked.map((q, n) => {
    const e = rows.entries[q.entry];
    return {
      sheet: e.sheet,
      row: e.row,
      date: e.date as IsoDate,
      amount: e.amount,
      dueDate: q.dueDate,
      finalDate: q.finalDate,
      paidByDue: subFen(e.amount, fenAt(answers.openAtDue, n)),
      daysPastFinal: answers.daysPastFinal[n],
    };
  });
  const salesAmount = sumFen(sales, (s) => s.amount);
  const paidByDue = sumFen(sales, (s) => s.paidByDue);

  const byMonth = new Map<string, Fen>();
  for (const i of inWindow) {
    const e = rows.entries[i];
    const month = (e.date as string).slice(0, 7);
    byMonth.set(month, addFen(byMonth.get(month) ?? fen(0), e.amount));
  }
  const monthTotal = sumFen(byMonth.values());

  const d = now.dealers[0];
  let worst: number | null = null;
  for (const s of sales) worst = worst === null ? s.daysPastFinal : Math.max(worst, s.daysPastFinal);
  return {
    termDays,
    sales,
    salesAmount,
    paidByDue,
    onTimeRate: sales.length === 0 || salesAmount <= 0 ? null : (paidByDue / salesAmount) * 100,
    worstDaysPastFinal: worst,
    monthlyBase: byMonth.size === 0 ? null : divFen(monthTotal, byMonth.size),
    monthsWithSales: byMonth.size,
    exposure: now.totals.openBalance,
    openPastFinal: d ? d.items.filter((i) => i.stage === "past_final").map((i) => ({ sheet: i.sheet, row: i.row, open: i.open, finalDate: i.finalDate })) : [],
    openRows: d ? d.items.map((i) => ({ sheet: i.sheet, row: i.row })) : [],
  };
}

/** A sale asked about: its index among the dealer's entries, its due date and its final deadline. */
interface SaleQuestion {
  entry: number;
  dueDate: IsoDate;
  finalDate: IsoDate;
}

interface SaleAnswers {
  /** Open at the end of the due date, as the aging as of that day leaves it (fen, as raw numbers: read with `fenAt`). */
  openAtDue: number[];
  /** Days from the final deadline to the first payment day after it on which it stood settled (else the as-of date); 0 when settled by the deadline. */
  daysPastFinal: number[];
}

/** The history looks at no reconciliation's 待核对 marks. */
const NO_REVIEWS = new ReviewMarks(undefined);

/**
 * One dealer's rows settled as the aging as of any day would settle them, answered in one walk through the
 * days. The aging as of day D settles the debits dated up to D (openings first, then sales oldest first, sheet
 * order within a day) against the credits dated up to D: first each credit, in order, the debits it names
 * (oldest first: `namedDebits`, the rule the aging itself settles by), then the rest first in, first out
 * (../aging/settle.ts). Walking forward:
 *
 * - a debit or credit dated D is the youngest of its side, so it comes last in every credit's list of named
 *   debits and after every earlier credit: what the named step gave before D stays as it was, and only the
 *   new rows' part is worked out (an earlier credit naming a new debit gives it what it still has, in credit
 *   order; a new credit then takes the debits it names);
 * - first in, first out over what the named step left is a closed form: with `R` the credit left over and
 *   `Q(k)` the debits left up to debit k, debit k's open amount is `Q(k) − R` held between 0 and its own.
 *
 * `Q(k)` is kept in a Fenwick tree over the debits. Openings take no part in the named step (they carry no
 * reference), so one dated later than some day simply counts from its date.
 */
class OpenOverTime {
  private readonly asOf: IsoDate;
  private readonly table: EntryTable;
  /** Debit slots: positive openings in order, then sales oldest first. */
  private readonly debitAmount: Float64Array;
  private readonly debitKey: string[] = [];
  /** The day a debit counts from; null: from the start. */
  private readonly debitFrom: (IsoDate | null)[] = [];
  /** Debit slot of each of the dealer's entries (-1: none). */
  private readonly debitOfEntry: Int32Array;
  /** Credit slots: negative openings in order, then receipts and credit notes oldest first (as magnitudes). */
  private readonly creditAmount: Float64Array;
  private readonly creditFrom: (IsoDate | null)[] = [];
  /** Debits each credit names, ascending (null: none). */
  private readonly targets: (readonly number[] | null)[] = [];
  /** Credits naming each debit, ascending (null: none). */
  private readonly namedBy: (number[] | null)[] = [];
  /** The days a receipt or credit note of the ledger is dated (not an opening's), ascending: the only days an open amount can fall. */
  private readonly creditDays: IsoDate[] = [];

  // The walk's state.
  private readonly left: Float64Array;
  private readonly creditLeft: Float64Array;
  /** Next place in each credit's `targets` not yet reached. */
  private readonly nextTarget: Int32Array;
  private readonly counted: Uint8Array;
  private readonly creditCounted: Uint8Array;
  private readonly tree: Float64Array;
  /** Credit counted so far, and what the named step has applied of it. */
  private credit = 0;
  private applied = 0;
  /** Debits whose own open amount fell to 0 in the named step since last asked. */
  private zeroed: number[] = [];

  constructor(mine: DealerLedgerRows, periodStart: IsoDate | undefined, asOf: IsoDate) {
    this.asOf = asOf;
    const table = tableOf(mine.entries);
    this.table = table;
    const refs = new TableRefs(table);
    const { dates, amounts } = table;

    // The rows the aging as of the as-of date takes, in its order and with its dates for the openings (its own
    // grouping: dated on or before the as-of date, whole fen, not 0; sales oldest first, sheet order within a
    // day; openings dated at the period start, else their own date, else the dealer's earliest). All of `mine`
    // is one dealer, so one group. A day the walk stops at is never before the earliest row, so an opening
    // counts from the same point as from the start.
    const grouped = groupLedger({ table, openings: mine.openings, ...(periodStart ? { periodStart } : {}), asOf, days: new DayCache(), reviews: NO_REVIEWS });
    const group = grouped.dealers[0];
    // The aging's debits and credits, in its order (openings first, then the entries: `dealerSlots`).
    const openingIndices = group?.openings ?? [];
    const entries = group?.entries ?? [];
    const rowCount = openingIndices.length + entries.length;
    const debits = { source: new Int32Array(rowCount), open: new Float64Array(rowCount) };
    const credits = { source: new Int32Array(rowCount), open: new Float64Array(rowCount) };
    const debitRefs: (readonly string[])[] = [];
    const creditRefs: (readonly string[])[] = [];
    const nd = dealerSlots(mine.openings, openingIndices, amounts, entries, refs, debits, 0, debitRefs, credits, 0, creditRefs);
    const nc = rowCount - nd;
    this.debitAmount = debits.open.subarray(0, nd);
    this.creditAmount = credits.open.subarray(0, nc);
    this.debitOfEntry = new Int32Array(table.length).fill(-1);
    for (let j = 0; j < nd; j++) {
      const i = debits.source[j];
      if (i < 0) {
        const o = mine.openings[-1 - i];
        this.debitKey.push(`${o.sheet}\u0000${o.row}`);
        this.debitFrom.push(grouped.openingDates[-1 - i]);
      } else {
        this.debitOfEntry[i] = j;
        this.debitKey.push(this.entryKey(i));
        this.debitFrom.push(dates[i] as IsoDate);
      }
    }
    const creditText: (string | null)[] = [];
    for (let c = 0; c < nc; c++) {
      const i = credits.source[c];
      if (i < 0) {
        this.creditFrom.push(grouped.openingDates[-1 - i]);
        creditText.push(null);
      } else {
        const date = dates[i] as IsoDate;
        this.creditFrom.push(date);
        creditText.push(table.descriptions[i]);
        // Oldest first: a day not seen last is a new payment day.
        if (this.creditDays[this.creditDays.length - 1] !== date) this.creditDays.push(date);
      }
    }
    // The references a credit's text names are those of the debits up to any day it is asked about (the debits
    // of a day are a first part of all of them, and a reference's first spelling is in its first debit).
    linkNamedInText(debitRefs, nd, creditRefs, (c) => creditText[c], nc);
    this.findTargets(debitRefs, creditRefs);

    this.left = Float64Array.from(this.debitAmount);
    this.creditLeft = new Float64Array(nc);
    this.nextTarget = new Int32Array(nc);
    this.counted = new Uint8Array(nd);
    this.creditCounted = new Uint8Array(nc);
    this.tree = new Float64Array(nd + 1);
  }

  /** Which debits each credit names, by the aging's named step's own rule (`namedDebits`), over all the rows. */
  private findTargets(debitRefs: readonly (readonly string[])[], creditRefs: readonly (readonly string[])[]): void {
    const nd = debitRefs.length;
    const nc = creditRefs.length;
    for (let c = 0; c < nc; c++) this.targets.push(null);
    for (let j = 0; j < nd; j++) this.namedBy.push(null);
    namedDebits(debitRefs, nd, creditRefs, nc, (c, found) => {
      this.targets[c] = found;
      for (const j of found) {
        const by = this.namedBy[j];
        if (by === null) this.namedBy[j] = [c];
        else if (by[by.length - 1] !== c) by.push(c);
      }
    });
  }

  /** An entry's sheet and row, as the aging's items are looked up by. */
  private entryKey(i: number): string {
    return `${sheetAt(this.table, i)}\u0000${this.table.rows[i]}`;
  }

  private add(j: number, amount: number): void {
    for (let i = j + 1; i < this.tree.length; i += i & -i) this.tree[i] += amount;
  }

  /** What is left of debits 0..j after the named step. */
  private upTo(j: number): number {
    let sum = 0;
    for (let i = j + 1; i > 0; i -= i & -i) sum += this.tree[i];
    return sum;
  }

  private countDebit(j: number): void {
    this.counted[j] = 1;
    this.add(j, this.left[j]);
  }

  /** Credit `c` gives what it has left to the debits it names, up to debit `last`, oldest first. */
  private give(c: number, last: number): void {
    const targets = this.targets[c];
    if (targets === null) return;
    let t = this.nextTarget[c];
    while (t < targets.length && targets[t] <= last) {
      if (this.creditLeft[c] === 0) {
        // Spent: it names nothing more (the aging stops here too).
        t = targets.length;
        break;
      }
      const j = targets[t++];
      const applied = Math.min(this.left[j], this.creditLeft[c]);
      if (applied === 0) continue;
      this.left[j] -= applied;
      this.creditLeft[c] -= applied;
      this.applied += applied;
      this.add(j, -applied);
      if (this.left[j] === 0) this.zeroed.push(j);
    }
    this.nextTarget[c] = t;
  }

  /** Debit `j`'s open amount as the aging as of the day walked to leaves it (0 when not counted yet). */
  private openOf(j: number): number {
    if (this.counted[j] === 0 || this.left[j] === 0) return 0;
    const open = this.upTo(j) - (this.credit - this.applied);
    return open <= 0 ? 0 : Math.min(open, this.left[j]);
  }

  /**
   * The aging's open amount of the row keyed as debit slots `slots` are (the last of them still open, as a
   * lookup by sheet and row over the aging's items finds it).
   */
  private openOfKey(slots: readonly number[]): number {
    for (let s = slots.length - 1; s >= 0; s--) {
      const open = this.openOf(slots[s]);
      if (open > 0) return open;
    }
    return 0;
  }

  answer(asked: readonly SaleQuestion[]): SaleAnswers {
    const n = asked.length;
    const openAtDue: number[] = new Array(n).fill(0);
    const daysPastFinal: number[] = new Array(n).fill(0);
    if (n === 0) return { openAtDue, daysPastFinal };
    const asOf = this.asOf;
    const nd = this.debitAmount.length;
    const nc = this.creditAmount.length;

    // The debit slots each asked sale is looked up by: its own alone, unless another row has its sheet and row.
    const slotsByKey = new Map<string, number[]>();
    for (let j = 0; j < nd; j++) {
      const list = slotsByKey.get(this.debitKey[j]);
      if (list === undefined) slotsByKey.set(this.debitKey[j], [j]);
      else list.push(j);
    }
    const NONE: number[] = [];
    const slotsOf: (readonly number[])[] = [];
    /** The sale's own debit slot when it is looked up by that alone; else -1. */
    const ownSlot = new Int32Array(n).fill(-1);
    const saleOfDebit = new Int32Array(nd).fill(-1);
    for (let s = 0; s < n; s++) {
      const e = this.debitOfEntry[asked[s].entry];
      const slots = e >= 0 ? (slotsByKey.get(this.debitKey[e]) as number[]) : (slotsByKey.get(this.entryKey(asked[s].entry)) ?? NONE);
      slotsOf.push(slots);
      if (e >= 0 && slots.length === 1) {
        ownSlot[s] = e;
        saleOfDebit[e] = s;
      }
    }

    // The days to stop at, and what to ask on each.
    const dueOn = new Map<IsoDate, number[]>();
    const finalOn = new Map<IsoDate, number[]>();
    const push = (m: Map<IsoDate, number[]>, day: IsoDate, s: number) => {
      const list = m.get(day);
      if (list === undefined) m.set(day, [s]);
      else list.push(s);
    };
    for (let s = 0; s < n; s++) {
      push(dueOn, asked[s].dueDate, s);
      if (asked[s].finalDate < asOf) push(finalOn, asked[s].finalDate, s);
    }
    const creditDays = this.creditDays;
    const isCreditDay = new Set(creditDays);
    const daySet = new Set<IsoDate>([...dueOn.keys(), ...finalOn.keys(), ...creditDays]);
    for (const d of this.debitFrom) if (d !== null) daySet.add(d);
    for (const d of this.creditFrom) if (d !== null) daySet.add(d);
    const days = [...daySet].sort();

    // Rows counted from the start; then the rest by the day they count from (slots are in that order, openings first).
    const debitOrder = orderByDay(this.debitFrom);
    const creditOrder = orderByDay(this.creditFrom);
    let di = 0;
    let ci = 0;
    const countCredit = (c: number) => {
      this.creditCounted[c] = 1;
      this.creditLeft[c] = this.creditAmount[c];
      this.credit += this.creditAmount[c];
    };
    /** Sales open at their final deadline and not yet seen settled on a payment day: own slot first … */
    const waiting = new MinHeap();
    const isWaiting = new Uint8Array(n);
    /** … and those looked up over several slots, asked one by one. */
    let waitingByKey: number[] = [];
    let lastDebit = -1;
    const settle = (s: number, day: IsoDate) => {
      isWaiting[s] = 0;
      daysPastFinal[s] = daysBetween(asked[s].finalDate, day);
    };

    for (const day of [null, ...days]) {
      // Debits of the day: each counted, then the earlier credits naming them give what they have left, in credit order.
      const firstNew = lastDebit + 1;
      while (di < nd && (this.debitFrom[debitOrder[di]] ?? "") <= (day ?? "")) {
        const j = debitOrder[di++];
        this.countDebit(j);
        if (j > lastDebit) lastDebit = j;
      }
      if (lastDebit >= firstNew) {
        let giving: number[] = [];
        for (let j = firstNew; j <= lastDebit; j++) {
          const by = this.namedBy[j];
          if (by !== null) for (const c of by) if (this.creditCounted[c] === 1 && this.creditLeft[c] > 0) giving.push(c);
        }
        if (giving.length > 1) giving = Array.from(new Set(giving)).sort((a, b) => a - b);
        for (const c of giving) this.give(c, lastDebit);
      }
      // Credits of the day, in order: each takes the debits it names.
      while (ci < nc && (this.creditFrom[creditOrder[ci]] ?? "") <= (day ?? "")) {
        const c = creditOrder[ci++];
        countCredit(c);
        this.give(c, lastDebit);
      }
      if (day === null) {
        this.zeroed = [];
        continue;
      }

      if (isCreditDay.has(day)) {
        // Settled by a payment naming it …
        for (const j of this.zeroed) {
          const s = saleOfDebit[j];
          if (s >= 0 && isWaiting[s] === 1) settle(s, day);
        }
        // … or first in, first out: the waiting sales so settled are the oldest ones.
        const pool = this.credit - this.applied;
        while (waiting.size > 0) {
          const j = waiting.peek();
          const s = saleOfDebit[j];
          if (isWaiting[s] === 0) {
            waiting.pop();
            continue;
          }
          if (this.left[j] !== 0 && this.upTo(j) - pool > 0) break;
          waiting.pop();
          settle(s, day);
        }
        if (waitingByKey.length > 0) {
          const still: number[] = [];
          for (const s of waitingByKey) {
            if (this.openOfKey(slotsOf[s]) === 0) settle(s, day);
            else still.push(s);
          }
          waitingByKey = still;
        }
      }
      this.zeroed = [];

      for (const s of dueOn.get(day) ?? NONE) openAtDue[s] = ownSlot[s] >= 0 ? this.openOf(ownSlot[s]) : this.openOfKey(slotsOf[s]);
      for (const s of finalOn.get(day) ?? NONE) {
        const open = ownSlot[s] >= 0 ? this.openOf(ownSlot[s]) : this.openOfKey(slotsOf[s]);
        if (open <= 0) continue;
        isWaiting[s] = 1;
        if (ownSlot[s] >= 0) waiting.push(ownSlot[s]);
        else waitingByKey.push(s);
      }
    }
    for (let s = 0; s < n; s++) if (isWaiting[s] === 1) settle(s, asOf);
    return { openAtDue, daysPastFinal };
  }
}

/** Slots by the day they count from, those counted from the start first, slot order within a day. */
function orderByDay(from: readonly (IsoDate | null)[]): Int32Array {
  const order = Int32Array.from(from.keys());
  const sorted = from.every((d, i) => i === 0 || (from[i - 1] ?? "") <= (d ?? ""));
  if (sorted) return order;
  return Int32Array.from([...order].sort((a, b) => {
    const da = from[a] ?? "";
    const db = from[b] ?? "";
    return da < db ? -1 : da > db ? 1 : a - b;
  }));
}

/** The smallest of a changing set of slot numbers. */
class MinHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): number {
    return this.items[0];
  }

  push(v: number): void {
    const a = this.items;
    a.push(v);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p] <= v) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = v;
  }

  pop(): number {
    const a = this.items;
    const top = a[0];
    const last = a.pop() as number;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && a[r] < a[l] ? r : l;
        if (a[c] >= last) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
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
