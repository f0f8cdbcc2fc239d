/**
 * Phase 4 of an aging, bucket: what each dealer still owes after settling, item by item with its due
 * date, final deadline, stage, bucket and next action; its unapplied receipts and credit notes; its
 * bucket and stage totals, and the late figures the reps are held to (待核对 items left out of those).
 */
import type { Fen, IsoDate, Opening } from "../model";
import { addFen, fen, fenAt, negFen, subFen } from "../money";
import { amountAt, sheetAt, type EntryTable, type TableRefs } from "../read/entries";
import { bucketIndex, UNAPPLIED_BUCKET, UNKNOWN_AGE_BUCKET } from "./buckets";
import { graceDays, isLate, NextActions, STAGES, stageFor } from "./calendar";
import type { Grouped } from "./phase-group";
import type { Settled } from "./phase-settle";
import type { AgingSetup } from "./setup";
import { termForRow, type DealerTerm } from "./terms";
import type { UnderReconciliation } from "./review";
import type { EntryKind, OpenItem, Stage, StageTotal, UnappliedCredit } from "./types";

const OPENING_DESCRIPTION = "期初余额";

export interface BucketInput {
  table: EntryTable;
  refs: TableRefs;
  openings: readonly Opening[];
  grouped: Grouped;
  terms: readonly DealerTerm[];
  settled: Settled;
  setup: AgingSetup;
  kindOf: (entry: number) => EntryKind;
}

/** One dealer's open items and credits with their totals. */
export interface BucketedDealer {
  items: OpenItem[];
  credits: UnappliedCredit[];
  buckets: Record<string, Fen>;
  byStage: Record<Stage, StageTotal>;
  /** Late amounts and counts, 待核对 items left out (as the collection plan leaves them out). */
  overdue: Fen;
  overdueCount: number;
  pastFinal: Fen;
  pastFinalCount: number;
}

/** What became of a flagged (待核对) entry: still open, unapplied, or settled in full (absent). */
export interface FlagOutcome {
  status: UnderReconciliation["status"];
  open: Fen;
}

export interface Bucketed {
  dealers: BucketedDealer[];
  /** Flagged entries still open or unapplied, by entry index. */
  flagOutcomes: Map<number, FlagOutcome>;
}

export function emptyBuckets(bucketKeys: readonly string[]): Record<string, Fen> {
  const out: Record<string, Fen> = {};
  for (const key of bucketKeys) out[key] = fen(0);
  return out;
}

export function emptyStages(): Record<Stage, StageTotal> {
  const out = {} as Record<Stage, StageTotal>;
  for (const s of STAGES) out[s] = { amount: fen(0), count: 0 };
  return out;
}

export function bucketDealers(input: BucketInput): Bucketed {
  const { table, refs, openings, grouped, terms, settled, setup, kindOf } = input;
  const { asOfDay, basis, buckets, bucketKeys, reviews, days: dayCache } = setup;
  const isoOf = (day: number) => dayCache.isoOf(day);
  const { debits, credits } = settled;
  const flagOutcomes = new Map<number, FlagOutcome>();
  const out: BucketedDealer[] = new Array(grouped.dealers.length);
  const actions = new NextActions(asOfDay, isoOf);

  for (let d = 0; d < grouped.dealers.length; d++) {
    const group = grouped.dealers[d];
    const dealerTerm = terms[d];
    const rep = group.rep;
    const dealerBuckets = emptyBuckets(bucketKeys);
    const byStage = emptyStages();
    const items: OpenItem[] = [];
    let overdue = fen(0);
    let overdueCount = 0;
    let pastFinal = fen(0);
    let pastFinalCount = 0;

    for (let k = debits.start[d]; k < debits.start[d + 1]; k++) {
      const open = fenAt(debits.open, k);
      if (open === 0) continue;
      const src = debits.source[k];
      const isOpening = src < 0;
      const opening = isOpening ? openings[-1 - src] : null;
      const term = isOpening ? dealerTerm : termForRow(dealerTerm, table.termDays === null ? null : table.termDays[src]);
      const date = (isOpening ? grouped.openingDates[-1 - src] : table.dates[src]) as IsoDate;
      const unknownAge = isOpening;
      const docDay = isOpening ? dayCache.dayOf(date) : grouped.days[src];
      const dueDay = docDay + term.termDays;
      const daysPastDue = asOfDay - dueDay;
      const ageDays = asOfDay - docDay;
      const stage = stageFor(daysPastDue, term.termDays);
      const bucket = unknownAge ? UNKNOWN_AGE_BUCKET : buckets[bucketIndex(buckets, basis === "due" ? daysPastDue : ageDays)].key;
      const sheet = opening !== null ? opening.sheet : sheetAt(table, src);
      const row = opening !== null ? opening.row : table.rows[src];
      const review = reviews.at(sheet, row);
      // One literal with every field, in one order: V8 keeps such objects compact, which matters
      // when a large ledger leaves a hundred thousand items open.
      items.push({
        dealer: group.name,
        rep,
        sheet,
        row,
        kind: isOpening ? "opening" : "sale",
        ref: isOpening ? null : refs.refAt(src),
        description: isOpening ? OPENING_DESCRIPTION : table.descriptions[src],
        date,
        amount: opening !== null ? opening.amount : amountAt(table, src),
        open,
        termDays: term.termDays,
        termSource: term.source,
        dueDate: isoOf(dueDay),
        finalDate: isoOf(dueDay + graceDays(term.termDays)),
        daysPastDue,
        ageDays,
        stage,
        bucket,
        unknownAge,
        nextAction: actions.of(stage, dueDay, term.termDays, unknownAge),
        underReconciliation: review,
      });
      if (review !== null && !isOpening) flagOutcomes.set(src, { status: "open", open });
      dealerBuckets[bucket] = addFen(dealerBuckets[bucket], open);
      byStage[stage].amount = addFen(byStage[stage].amount, open);
      byStage[stage].count++;
      // The per-rep figures leave 待核对 items out, as the collection plan does: a rep is not held to
      // money that may not be owed. They stay in the balance and the buckets.
      if (review !== null) continue;
      if (isLate(stage)) {
        overdue = addFen(overdue, open);
        overdueCount++;
      }
      if (stage === "past_final") {
        pastFinal = addFen(pastFinal, open);
        pastFinalCount++;
      }
    }

    const unapplied: UnappliedCredit[] = [];
    for (let k = credits.start[d]; k < credits.start[d + 1]; k++) {
      const left = fenAt(credits.open, k);
      if (left === 0) continue;
      const src = credits.source[k];
      if (src < 0) {
        const o = openings[-1 - src];
        unapplied.push({
          dealer: group.name,
          rep,
          sheet: o.sheet,
          row: o.row,
          kind: "opening",
          ref: null,
          description: OPENING_DESCRIPTION,
          date: grouped.openingDates[-1 - src] as IsoDate,
          amount: o.amount,
          open: negFen(left),
          unknownAge: true,
        });
      } else {
        const sheet = sheetAt(table, src);
        const row = table.rows[src];
        const credit: UnappliedCredit = {
          dealer: group.name,
          rep,
          sheet,
          row,
          kind: kindOf(src) === "credit" ? "credit" : "receipt",
          ref: refs.refAt(src),
          description: table.descriptions[src],
          date: table.dates[src] as IsoDate,
          amount: amountAt(table, src),
          open: negFen(left),
          unknownAge: false,
        };
        const review = reviews.at(sheet, row);
        if (review !== null) {
          credit.underReconciliation = review;
          flagOutcomes.set(src, { status: "unapplied", open: negFen(left) });
        }
        unapplied.push(credit);
      }
      dealerBuckets[UNAPPLIED_BUCKET] = subFen(dealerBuckets[UNAPPLIED_BUCKET], left);
    }

    out[d] = { items, credits: unapplied, buckets: dealerBuckets, byStage, overdue, overdueCount, pastFinal, pastFinalCount };
  }
  return { dealers: out, flagOutcomes };
}
