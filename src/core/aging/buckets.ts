/**
 * Aging buckets: contiguous day ranges covering every integer, plus two reserved buckets that are
 * not ranges of days (an opening balance has no known age; an unapplied receipt is not late).
 */
import { msg, type Message } from "../messages";
import type { AgingBasis, BucketSpec } from "./types";

/** Opening balances: their invoices predate the ledger, so they get their own column, never "new". */
export const UNKNOWN_AGE_BUCKET = "未知账龄";
/** Receipts and credit notes not applied to any invoice (a credit balance). */
export const UNAPPLIED_BUCKET = "未核销收款";

export const NOT_DUE_BUCKET = "未到期";

/**
 * Buckets from their inclusive upper bounds: `[0, 30, 60]` → 未到期 (≤ 0), 1-30, 31-60, 60+.
 * A first bound other than 0 opens with `0-N` (by document date, ages start at 0).
 */
export function makeBuckets(upperBounds: readonly number[]): BucketSpec[] {
  const specs: BucketSpec[] = [];
  let previous: number | null = null;
  for (const bound of upperBounds) {
    const key: string =
      previous === null ? (bound === 0 ? NOT_DUE_BUCKET : `0-${bound}`) : `${previous + 1}-${bound}`;
    specs.push({ key, from: previous === null ? null : previous + 1, to: bound });
    previous = bound;
  }
  specs.push({ key: previous === null ? "全部" : `${previous}+`, from: previous === null ? null : previous + 1, to: null });
  return specs;
}

/** 未到期, 1-30, 31-60, 61-90, 91-180, 181-365, 365+ days past due. */
export const DEFAULT_DUE_BUCKETS: readonly BucketSpec[] = makeBuckets([0, 30, 60, 90, 180, 365]);
/** 0-30, 31-60, 61-90, 91-180, 181-365, 365+ days since the document date. */
export const DEFAULT_DOCUMENT_BUCKETS: readonly BucketSpec[] = makeBuckets([30, 60, 90, 180, 365]);

export function defaultBuckets(basis: AgingBasis): BucketSpec[] {
  return (basis === "due" ? DEFAULT_DUE_BUCKETS : DEFAULT_DOCUMENT_BUCKETS).map((b) => ({ ...b }));
}

/**
 * Why a user's bucket list cannot be used, or null. The ranges must run from unbounded to
 * unbounded without gaps or overlaps, so every amount lands in exactly one bucket.
 */
export function bucketProblem(specs: readonly BucketSpec[]): Message | null {
  if (specs.length === 0) return msg("aging.buckets.none", {});
  const keys = new Set<string>();
  for (let i = 0; i < specs.length; i++) {
    const { key, from, to } = specs[i];
    if (typeof key !== "string" || key.trim() === "") return msg("aging.buckets.unnamed", { index: i + 1 });
    if (key === UNKNOWN_AGE_BUCKET || key === UNAPPLIED_BUCKET) return msg("aging.buckets.reserved", { key });
    if (keys.has(key)) return msg("aging.buckets.repeated", { key });
    keys.add(key);
    const intOrNull = (v: number | null) => v === null || Number.isInteger(v);
    if (!intOrNull(from) || !intOrNull(to)) return msg("aging.buckets.whole_days", { key });
    if (i === 0 ? from !== null : from === null) return msg(i === 0 ? "aging.buckets.first_unbounded" : "aging.buckets.no_start", { key });
    if (i === specs.length - 1 ? to !== null : to === null) return msg(i === specs.length - 1 ? "aging.buckets.last_unbounded" : "aging.buckets.no_end", { key });
    if (from !== null && to !== null && from > to) return msg("aging.buckets.backwards", { key });
    if (i > 0 && from !== (specs[i - 1].to as number) + 1) return msg("aging.buckets.gap", { key, day: (specs[i - 1].to as number) + 1 });
  }
  return null;
}

/** Index of the bucket holding `days`; the specs are valid, so one always does. */
export function bucketIndex(specs: readonly BucketSpec[], days: number): number {
  for (let i = 0; i < specs.length - 1; i++) {
    if (days <= (specs[i].to as number)) return i;
  }
  return specs.length - 1;
}

/**
 * Buckets from what a user types: upper bounds in days in increasing order, e.g. `30,60,90,180,365`.
 * By due date a 未到期 bucket comes first; the last bucket is open-ended. Null when the text is not that.
 */
export function bucketsFromText(text: string, basis: "due" | "document"): BucketSpec[] | null {
  const parts = text.split(/[,，、\s]+/).filter((p) => p !== "");
  if (parts.length === 0 || parts.some((p) => !/^\d{1,4}$/.test(p))) return null;
  const days = parts.map(Number);
  if (days.some((d, i) => d <= 0 || (i > 0 && d <= days[i - 1]))) return null;
  return makeBuckets(basis === "due" ? [0, ...days] : days);
}
