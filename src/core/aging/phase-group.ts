/**
 * Phase 1 of an aging, group: the ledger's rows by dealer, with what cannot be aged set apart.
 *
 * Rows dated after the as-of date are counted and left out; rows without a date or with an unusable
 * amount become issues naming their row. Dealers are matched as the term tables match them (width and
 * spaces ignored). Opening balances are dated at the period start: the given one, else the opening
 * row's own date, else the earliest entry.
 */
import { fromEpochDay } from "../dates";
import { msg } from "../messages";
import type { IsoDate, Opening } from "../model";
import { sheetAt, type EntryTable } from "../read/entries";
import type { DayCache, ReviewMarks } from "./setup";
import { dealerKey, isValidTerm } from "./terms";
import type { AgingIssue } from "./types";

/** The name rows without a dealer are grouped under (a single-dealer sheet whose title named none). */
export const UNNAMED_DEALER = "（未指定经销商）";

export interface GroupInput {
  table: EntryTable;
  openings: readonly Opening[];
  /** First day of the ledger's period, when the ledger says it. */
  periodStart?: IsoDate;
  asOf: IsoDate;
  days: DayCache;
  reviews: ReviewMarks;
}

export interface DealerGroup {
  name: string;
  /** Entries to age (dated on or before the as-of date, non-zero), oldest first, sheet order within a day. */
  entries: number[];
  /** Openings to age (non-zero, dated on or before the as-of date), in their order. */
  openings: number[];
  /** The rep on the dealer's latest row that names one. */
  rep: string | null;
  /** Valid terms from the ledger's term column, on rows of any date. */
  columnTerms: number[];
}

/** An aged row a reconciliation flagged (待核对): the entry and the dealer group holding it. */
export interface FlaggedRow {
  entry: number;
  dealer: number;
}

export interface Grouped {
  /** Dealers with something up to the as-of date, in order of first appearance. */
  dealers: DealerGroup[];
  /** Epoch day of each grouped entry (others are 0). */
  days: Int32Array;
  /** The date each grouped opening is aged from (others null). */
  openingDates: (IsoDate | null)[];
  periodStart: IsoDate;
  /** Entries and openings dated after the as-of date. */
  ignoredAfterAsOf: number;
  /** Rows that could not be aged or carry a bad term, in ledger order. */
  issues: AgingIssue[];
  /** Flagged rows among the grouped entries, in ledger order. */
  flagged: FlaggedRow[];
}

interface Acc extends DealerGroup {
  sorted: boolean;
  repDay: number;
  /** False for a dealer seen only in rows after the as-of date: not part of the report. */
  present: boolean;
  /** Its place among the present dealers, once it is known to be one (-1 before). */
  at: number;
}

export function groupLedger(input: GroupInput): Grouped {
  const { table, openings, asOf, days: dayCache, reviews } = input;
  const issues: AgingIssue[] = [];
  const byName = new Map<string | null, Acc>();
  const byKey = new Map<string, Acc>();
  const order: Acc[] = [];
  const accFor = (dealer: string | null): Acc => {
    let acc = byName.get(dealer);
    if (acc !== undefined) return acc;
    const name = dealer === null || dealer.trim() === "" ? UNNAMED_DEALER : dealer;
    const key = dealerKey(name);
    acc = byKey.get(key);
    if (acc === undefined) {
      acc = { name, entries: [], openings: [], rep: null, columnTerms: [], sorted: true, repDay: -Infinity, present: false, at: -1 };
      byKey.set(key, acc);
      order.push(acc);
    }
    byName.set(dealer, acc);
    return acc;
  };

  const n = table.length;
  const { dates, amounts, dealers, reps, termDays } = table;
  const days = new Int32Array(n);
  const flaggedAccs: { entry: number; acc: Acc }[] = [];
  let ignoredAfterAsOf = 0;
  let earliestEntryDay = Infinity;
  for (let i = 0; i < n; i++) {
    const acc = accFor(dealers[i]);
    // A term is a standing agreement, so every row's term column counts, even a row dated after the
    // as-of date: otherwise a later row could change a dealer's term and make an old item younger.
    const term = termDays === null ? null : termDays[i];
    if (term !== null) {
      if (isValidTerm(term)) acc.columnTerms.push(term);
      else {
        const sheet = sheetAt(table, i);
        const row = table.rows[i];
        issues.push({ code: "bad_term", sheet, row, text: msg("aging.issue.bad_term.row", { sheet, row, value: String(term) }) });
      }
    }
    const date = dates[i];
    if (date === null) {
      const sheet = sheetAt(table, i);
      const row = table.rows[i];
      issues.push({ code: "entry_without_date", sheet, row, text: msg("aging.issue.entry_without_date", { sheet, row }) });
      continue;
    }
    if (date > asOf) {
      ignoredAfterAsOf++;
      continue;
    }
    const amount = amounts[i];
    if (!Number.isSafeInteger(amount)) {
      const sheet = sheetAt(table, i);
      const row = table.rows[i];
      issues.push({ code: "bad_amount", sheet, row, text: msg("aging.issue.bad_amount", { sheet, row }) });
      continue;
    }
    const day = dayCache.dayOf(date);
    acc.present = true;
    const rep = reps === null ? null : reps[i];
    if (rep !== null && rep.trim() !== "" && day >= acc.repDay) {
      // The rep on the latest row owns the dealer: reps change, the latest assignment counts.
      acc.rep = rep;
      acc.repDay = day;
    }
    if (amount === 0) continue;
    if (reviews.any && reviews.at(sheetAt(table, i), table.rows[i]) !== null) flaggedAccs.push({ entry: i, acc });
    days[i] = day;
    if (day < earliestEntryDay) earliestEntryDay = day;
    const list = acc.entries;
    if (list.length > 0 && days[list[list.length - 1]] > day) acc.sorted = false;
    list.push(i);
  }

  let earliestOpeningDate: IsoDate | null = null;
  for (const o of openings) {
    if (o.date !== null && (earliestOpeningDate === null || o.date < earliestOpeningDate)) earliestOpeningDate = o.date;
  }
  const periodStart: IsoDate =
    input.periodStart ??
    earliestOpeningDate ??
    (earliestEntryDay === Infinity ? asOf : fromEpochDay(Math.min(earliestEntryDay, dayCache.dayOf(asOf))));
  const openingDates: (IsoDate | null)[] = new Array(openings.length).fill(null);
  for (let j = 0; j < openings.length; j++) {
    const o = openings[j];
    const date = input.periodStart ?? o.date ?? periodStart;
    if (date > asOf) {
      ignoredAfterAsOf++;
      continue;
    }
    if (!Number.isSafeInteger(o.amount)) {
      issues.push({ code: "bad_amount", sheet: o.sheet, row: o.row, text: msg("aging.issue.bad_opening_amount", { sheet: o.sheet, row: o.row }) });
      continue;
    }
    if (o.amount === 0) continue;
    openingDates[j] = date;
    const acc = accFor(o.dealer);
    acc.present = true;
    acc.openings.push(j);
  }

  const grouped: DealerGroup[] = [];
  for (const acc of order) {
    if (!acc.present) continue;
    if (!acc.sorted) sortByDate(acc.entries, days);
    acc.at = grouped.length;
    grouped.push({ name: acc.name, entries: acc.entries, openings: acc.openings, rep: acc.rep, columnTerms: acc.columnTerms });
  }
  return {
    dealers: grouped,
    days,
    openingDates,
    periodStart,
    ignoredAfterAsOf,
    issues,
    flagged: flaggedAccs.map((f) => ({ entry: f.entry, dealer: f.acc.at })),
  };
}

/**
 * Sort entry indices by date, keeping sheet order within a day, with one packed numeric key per
 * row (day, then position) so the typed-array sort needs no comparator.
 */
function sortByDate(indices: number[], days: Int32Array): void {
  const n = indices.length;
  const slot = 2 ** 24; // positions within one dealer; days since 1900 stay below 2 ** 22
  if (n >= slot) {
    indices.sort((a, b) => days[a] - days[b] || a - b);
    return;
  }
  const dayBase = 30_000; // 1900-01-01 is day -25567
  const keys = new Float64Array(n);
  for (let p = 0; p < n; p++) keys[p] = (days[indices[p]] + dayBase) * slot + p;
  keys.sort();
  const copy = indices.slice();
  for (let p = 0; p < n; p++) indices[p] = copy[keys[p] % slot];
}
