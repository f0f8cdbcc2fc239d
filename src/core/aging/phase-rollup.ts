/**
 * Phase 5 of an aging, roll up: the dealers' figures summed into the report's totals and the per-rep
 * figures, and the flagged (待核对) rows listed with what became of them.
 */
import type { Fen, IsoDate } from "../model";
import { addFen, fen } from "../money";
import { amountAt, sheetAt, type EntryTable, type TableRefs } from "../read/entries";
import { STAGES } from "./calendar";
import type { Bucketed, BucketedDealer } from "./phase-bucket";
import { emptyBuckets, emptyStages } from "./phase-bucket";
import type { Grouped } from "./phase-group";
import type { DealerFlows } from "./phase-settle";
import type { ReviewMarks } from "./setup";
import type { DealerTerm } from "./terms";
import type { UnderReconciliation } from "./review";
import type { AgingReport, DealerAging, RepFigures } from "./types";

export interface RollUpInput {
  table: EntryTable;
  refs: TableRefs;
  grouped: Grouped;
  terms: readonly DealerTerm[];
  flows: readonly DealerFlows[];
  bucketed: Bucketed;
  bucketKeys: readonly string[];
  /** Days in the per-rep period, both ends counted. */
  periodDays: number;
  reviews: ReviewMarks;
}

export interface RolledUp {
  dealers: DealerAging[];
  totals: AgingReport["totals"];
  reps: RepFigures[];
  underReconciliation: UnderReconciliation[];
}

interface RepAcc {
  rep: string | null;
  dealers: number;
  openingReceivable: Fen;
  sales: Fen;
  returns: Fen;
  collections: Fen;
  overdue: Fen;
  overdueCount: number;
  pastFinal: Fen;
  pastFinalCount: number;
  closingReceivable: Fen;
}

export function rollUp(input: RollUpInput): RolledUp {
  const { grouped, terms, flows, bucketed, bucketKeys } = input;
  const totals: AgingReport["totals"] = { openBalance: fen(0), buckets: emptyBuckets(bucketKeys), byStage: emptyStages() };
  const reps = new Map<string | null, RepAcc>();
  const dealers: DealerAging[] = new Array(grouped.dealers.length);

  for (let d = 0; d < grouped.dealers.length; d++) {
    const group = grouped.dealers[d];
    const b: BucketedDealer = bucketed.dealers[d];
    const f = flows[d];
    for (const key of bucketKeys) totals.buckets[key] = addFen(totals.buckets[key], b.buckets[key]);
    for (const s of STAGES) {
      totals.byStage[s].amount = addFen(totals.byStage[s].amount, b.byStage[s].amount);
      totals.byStage[s].count += b.byStage[s].count;
    }
    totals.openBalance = addFen(totals.openBalance, f.openBalance);
    dealers[d] = {
      dealer: group.name,
      rep: group.rep,
      termDays: terms[d].termDays,
      termSource: terms[d].source,
      openBalance: f.openBalance,
      buckets: b.buckets,
      byStage: b.byStage,
      items: b.items,
      credits: b.credits,
    };

    let r = reps.get(group.rep);
    if (r === undefined) {
      const none = fen(0);
      r = { rep: group.rep, dealers: 0, openingReceivable: none, sales: none, returns: none, collections: none, overdue: none, overdueCount: 0, pastFinal: none, pastFinalCount: 0, closingReceivable: none };
      reps.set(group.rep, r);
    }
    r.dealers++;
    r.openingReceivable = addFen(r.openingReceivable, f.openingReceivable);
    r.sales = addFen(r.sales, f.sales);
    r.returns = addFen(r.returns, f.returns);
    r.collections = addFen(r.collections, f.collections);
    r.closingReceivable = addFen(r.closingReceivable, f.closingReceivable);
    r.overdue = addFen(r.overdue, b.overdue);
    r.overdueCount += b.overdueCount;
    r.pastFinal = addFen(r.pastFinal, b.pastFinal);
    r.pastFinalCount += b.pastFinalCount;
  }

  const repList: RepFigures[] = [];
  for (const r of reps.values()) repList.push(repFiguresOf(r, input.periodDays));
  // Dealers without a rep go last, so named reps read first.
  repList.sort((a, b) => (a.rep === null ? 1 : 0) - (b.rep === null ? 1 : 0));

  return { dealers, totals, reps: repList, underReconciliation: underReconciliationOf(input) };
}

/** Aged rows a reconciliation flagged, in ledger order, with what became of each. */
function underReconciliationOf(input: RollUpInput): UnderReconciliation[] {
  const { table, refs, grouped, bucketed, reviews } = input;
  return grouped.flagged.map(({ entry, dealer }): UnderReconciliation => {
    const group = grouped.dealers[dealer];
    const sheet = sheetAt(table, entry);
    const row = table.rows[entry];
    const mark = reviews.at(sheet, row)!;
    const outcome = bucketed.flagOutcomes.get(entry);
    return {
      dealer: group.name,
      rep: group.rep,
      sheet,
      row,
      kind: mark.kind,
      text: mark.text,
      date: table.dates[entry] as IsoDate,
      ref: refs.refAt(entry),
      description: table.descriptions[entry],
      amount: amountAt(table, entry),
      open: outcome?.open ?? fen(0),
      status: outcome?.status ?? "settled",
    };
  });
}

/**
 * 回款率 = collections / (receivable at the start of the period + net sales in the period): the share
 * of what could have been collected that was (the usual 应收账款回收率). A plain collections / sales
 * ratio exceeds 100% whenever old debt is paid, and says nothing when there were no sales.
 * DSO = closing receivable / net credit sales × days in the period (both ends counted).
 */
function repFiguresOf(r: RepAcc, periodDays: number): RepFigures {
  const base = r.openingReceivable + r.sales;
  return {
    rep: r.rep,
    dealers: r.dealers,
    openingReceivable: r.openingReceivable,
    sales: r.sales,
    returns: r.returns,
    collections: r.collections,
    collectionRate: base > 0 ? r.collections / base : null,
    overdue: r.overdue,
    overdueCount: r.overdueCount,
    pastFinal: r.pastFinal,
    pastFinalCount: r.pastFinalCount,
    closingReceivable: r.closingReceivable,
    dso: r.sales > 0 ? (r.closingReceivable / r.sales) * periodDays : null,
  };
}
