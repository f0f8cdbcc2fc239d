/**
 * The aging engine: open items per dealer, their due dates and stages, aging buckets, per-rep
 * figures. Pure: everything is derived from the entries, the openings and the options.
 *
 * It runs in five phases, each a function of its own with typed input and output:
 * group (`phase-group.ts`) → terms (`phase-terms.ts`) → settle (`phase-settle.ts`) →
 * bucket (`phase-bucket.ts`) → roll up (`phase-rollup.ts`); `setup.ts` checks the options first.
 */
import type { Entry, IsoDate, Opening } from "../model";
import { TableRefs, tableOf, type EntryTable } from "../read/entries";
import { assertIsoDate } from "./calendar";
import { bucketDealers } from "./phase-bucket";
import { groupLedger } from "./phase-group";
import { rollUp } from "./phase-rollup";
import { settleDealers } from "./phase-settle";
import { dealerTerms } from "./phase-terms";
import { unreadableRowCount, type UnreadableCell } from "./review";
import { agingSetup, kindsOf, repPeriodOf, type AgingOptions } from "./setup";
import { NamedWords } from "./settle";
import type { AgingReport } from "./types";

export { UNNAMED_DEALER } from "./phase-group";
export type { AgingOptions } from "./setup";

interface AgingInputBase {
  openings: readonly Opening[];
  /** First day of the ledger's period; opening balances are dated here. */
  periodStart?: IsoDate;
  /** Cells the reader could not take (see `unreadableCells`): listed apart, their rows in no total. */
  unreadable?: readonly UnreadableCell[];
}

/** The ledger to age: the reader's entry table, or entries as objects (made by hand, or one dealer's). */
export type AgingInput = AgingInputBase & ({ table: EntryTable; entries?: undefined } | { entries: readonly Entry[]; table?: undefined });

/**
 * Age a ledger as of `options.asOf`. Entries dated after it are left out; entries without a date
 * cannot be aged and are reported as issues. Throws only for an as-of date or period that is not a
 * valid YYYY-MM-DD date (callers validate what the user typed first).
 */
export function ageLedger(input: AgingInput, options: AgingOptions): AgingReport {
  const setup = agingSetup(options);
  if (input.periodStart !== undefined) assertIsoDate("periodStart", input.periodStart);
  const table = input.table ?? tableOf(input.entries);
  const refs = new TableRefs(table);
  const kindOf = kindsOf(table, options.classify);
  const { asOf, days } = setup;

  const grouped = groupLedger({ table, openings: input.openings, periodStart: input.periodStart, asOf, days, reviews: setup.reviews });
  const period = repPeriodOf(options.repPeriod, grouped.periodStart, asOf);
  const fromDay = days.dayOf(period.from);
  const toDay = days.dayOf(period.to);

  const terms = dealerTerms(grouped.dealers, setup.resolver);
  const settled = settleDealers({ table, refs, openings: input.openings, grouped, fromDay, toDay, days, kindOf, words: new NamedWords() });
  const bucketed = bucketDealers({ table, refs, openings: input.openings, grouped, terms, settled, setup, kindOf });
  const rolled = rollUp({
    table,
    refs,
    grouped,
    terms,
    flows: settled.flows,
    bucketed,
    bucketKeys: setup.bucketKeys,
    periodDays: toDay - fromDay + 1,
    reviews: setup.reviews,
  });

  return {
    asOf,
    basis: setup.basis,
    periodStart: grouped.periodStart,
    defaultTermDays: setup.defaultTermDays,
    bucketKeys: setup.bucketKeys,
    buckets: setup.buckets,
    dealers: rolled.dealers,
    totals: rolled.totals,
    repPeriod: { from: period.from, to: period.to },
    reps: rolled.reps,
    ignoredAfterAsOf: grouped.ignoredAfterAsOf,
    issues: [...setup.issues, ...grouped.issues, ...period.issues],
    unreadable: input.unreadable ? [...input.unreadable] : [],
    unreadableRows: input.unreadable ? unreadableRowCount(input.unreadable) : 0,
    reconciliation: options.reconciliation
      ? {
          ledgerSheet: options.reconciliation.ledgerSheet,
          statementSheet: options.reconciliation.statementSheet,
          cutoff: options.reconciliation.cutoff,
          dealers: [...(options.reconciliation.dealers ?? [])],
        }
      : null,
    underReconciliation: rolled.underReconciliation,
  };
}
