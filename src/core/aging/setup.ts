/**
 * What every phase of an aging shares, made once per call from the options: the as-of day, the
 * buckets and basis, the term resolver, the 待核对 marks by row, and per-call caches (dates, the kind
 * of a negative row, the document numbers a 摘要 names). Nothing here outlives the call.
 */
import { fromEpochDay, toEpochDay } from "../dates";
import { msg } from "../messages";
import type { Entry, IsoDate } from "../model";
import type { EntryTable } from "../read/entries";
import { entryAt } from "../read/entries";
import { bucketProblem, defaultBuckets, UNAPPLIED_BUCKET, UNKNOWN_AGE_BUCKET } from "./buckets";
import { assertIsoDate } from "./calendar";
import { classifyEntry } from "./classify";
import { rowKey, type ReconciliationBasis, type ReviewMark } from "./review";
import { DEFAULT_TERM_DAYS, isValidTerm, TermResolver } from "./terms";
import type { AgingBasis, AgingIssue, BucketSpec, EntryKind, TermTable } from "./types";

export interface AgingOptions {
  asOf: IsoDate;
  terms?: TermTable;
  /** Term for dealers with no term anywhere else (30 until the user sets one). */
  defaultTermDays?: number;
  buckets?: BucketSpec[];
  basis?: AgingBasis;
  /** Period for the per-rep figures; default from the period start to the as-of date. */
  repPeriod?: { from: IsoDate; to: IsoDate };
  /** Overrides how a negative row is told apart: a receipt (回款) or a return / credit note. */
  classify?: (entry: Entry) => EntryKind;
  /** A reconciliation of the ledger: the rows it flagged are marked 待核对 and kept out of the plan. */
  reconciliation?: ReconciliationBasis;
}

/** Epoch days and ISO dates both ways, each conversion made once per call (ledgers repeat few dates). */
export class DayCache {
  private readonly days = new Map<string, number>();
  private readonly isos = new Map<number, IsoDate>();

  dayOf(date: IsoDate): number {
    let day = this.days.get(date);
    if (day === undefined) {
      day = toEpochDay(date);
      this.days.set(date, day);
    }
    return day;
  }

  isoOf(day: number): IsoDate {
    let iso = this.isos.get(day);
    if (iso === undefined) {
      iso = fromEpochDay(day);
      this.isos.set(day, iso);
    }
    return iso;
  }
}

/** The 待核对 marks of a reconciliation, by ledger row; a row in two findings keeps the first. */
export class ReviewMarks {
  private readonly byKey = new Map<string, ReviewMark>();

  constructor(reconciliation: ReconciliationBasis | undefined) {
    for (const f of reconciliation?.flags ?? []) {
      const key = rowKey(f.sheet, f.row);
      if (!this.byKey.has(key)) this.byKey.set(key, { kind: f.kind, text: f.reason });
    }
  }

  get any(): boolean {
    return this.byKey.size > 0;
  }

  at(sheet: string, row: number): ReviewMark | null {
    return this.byKey.size === 0 ? null : (this.byKey.get(rowKey(sheet, row)) ?? null);
  }
}

/**
 * Whether a negative row of the table is a receipt or a credit note. The default looks only at the
 * 摘要, and ledgers repeat a few 摘要s, so each is classified once; a caller's own rule sees the entry.
 */
export function kindsOf(table: EntryTable, classify: AgingOptions["classify"]): (i: number) => EntryKind {
  if (classify) return (i) => classify(entryAt(table, i));
  const cache = new Map<string, EntryKind>();
  const amounts = table.amounts;
  const descriptions = table.descriptions;
  return (i) => {
    if (amounts[i] > 0) return "sale";
    const description = descriptions[i];
    let kind = cache.get(description);
    if (kind === undefined) {
      kind = classifyEntry({ amount: amounts[i], description } as Entry);
      cache.set(description, kind);
    }
    return kind;
  };
}

export interface AgingSetup {
  asOf: IsoDate;
  asOfDay: number;
  basis: AgingBasis;
  defaultTermDays: number;
  buckets: BucketSpec[];
  /** Bucket keys in display order, the reserved unknown-age and unapplied keys last. */
  bucketKeys: string[];
  resolver: TermResolver;
  reviews: ReviewMarks;
  days: DayCache;
  /** Problems with the options themselves (a bad default term, bad buckets, bad terms in the tables). */
  issues: AgingIssue[];
}

/**
 * The options checked and completed. Throws only for an as-of date that is not a valid YYYY-MM-DD date
 * (callers validate what the user typed first); other bad options fall back to the defaults, said in `issues`.
 */
export function agingSetup(options: AgingOptions): AgingSetup {
  const { asOf } = options;
  assertIsoDate("asOf", asOf);
  const issues: AgingIssue[] = [];
  const basis: AgingBasis = options.basis ?? "due";

  let defaultTermDays = options.defaultTermDays ?? DEFAULT_TERM_DAYS;
  if (!isValidTerm(defaultTermDays)) {
    issues.push({ code: "bad_default_term", text: msg("aging.issue.bad_default_term", { value: String(defaultTermDays), fallback: DEFAULT_TERM_DAYS }) });
    defaultTermDays = DEFAULT_TERM_DAYS;
  }

  let buckets = options.buckets ? options.buckets.map((b) => ({ ...b })) : defaultBuckets(basis);
  const problem = options.buckets ? bucketProblem(options.buckets) : null;
  if (problem) {
    issues.push({ code: "bad_buckets", text: msg("aging.issue.bad_buckets", { problem }) });
    buckets = defaultBuckets(basis);
  }

  const resolver = new TermResolver(options.terms, defaultTermDays);
  for (const bad of resolver.invalid) {
    const code = bad.source === "register" ? "aging.issue.bad_term.register" : "aging.issue.bad_term.table";
    issues.push({ code: "bad_term", text: msg(code, { dealer: bad.dealer, value: String(bad.value) }) });
  }

  const days = new DayCache();
  return {
    asOf,
    asOfDay: days.dayOf(asOf),
    basis,
    defaultTermDays,
    buckets,
    bucketKeys: [...buckets.map((b) => b.key), UNKNOWN_AGE_BUCKET, UNAPPLIED_BUCKET],
    resolver,
    reviews: new ReviewMarks(options.reconciliation),
    days,
    issues,
  };
}

/** The period of the per-rep figures: the one asked for, cut to the as-of date; else the period start to the as-of date. */
export function repPeriodOf(
  asked: AgingOptions["repPeriod"],
  periodStart: IsoDate,
  asOf: IsoDate,
): { from: IsoDate; to: IsoDate; issues: AgingIssue[] } {
  const issues: AgingIssue[] = [];
  let from = asked?.from ?? periodStart;
  let to = asked?.to ?? asOf;
  if (asked) {
    assertIsoDate("repPeriod.from", from);
    assertIsoDate("repPeriod.to", to);
    if (to > asOf) {
      issues.push({ code: "bad_rep_period", text: msg("aging.issue.rep_period_end", { to, asOf }) });
      to = asOf;
    }
    if (from > to) {
      issues.push({ code: "bad_rep_period", text: msg("aging.issue.rep_period_start", { from, to }) });
      from = to;
    }
  }
  return { from, to, issues };
}
