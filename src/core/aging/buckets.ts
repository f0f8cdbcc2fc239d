/**
 * Aging buckets: contiguous day ranges covering every integer, plus two reserved buckets that are
 * not ranges of days (an opening balance has no known age; an unapplied receipt is not late).
 */
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
export function bucketProblem(specs: readonly BucketSpec[]): { zh: string; en: string } | null {
  if (specs.length === 0) return { zh: "账龄区间为空", en: "no aging buckets given" };
  const keys = new Set<string>();
  for (let i = 0; i < specs.length; i++) {
    const { key, from, to } = specs[i];
    if (typeof key !== "string" || key.trim() === "") {
      return { zh: `第${i + 1}个账龄区间没有名称`, en: `aging bucket ${i + 1} has no name` };
    }
    if (key === UNKNOWN_AGE_BUCKET || key === UNAPPLIED_BUCKET) {
      return { zh: `账龄区间名称“${key}”为保留名称`, en: `aging bucket name "${key}" is reserved` };
    }
    if (keys.has(key)) return { zh: `账龄区间名称“${key}”重复`, en: `aging bucket name "${key}" is repeated` };
    keys.add(key);
    const intOrNull = (v: number | null) => v === null || Number.isInteger(v);
    if (!intOrNull(from) || !intOrNull(to)) {
      return { zh: `账龄区间“${key}”的天数须为整数`, en: `aging bucket "${key}" needs whole days` };
    }
    if (i === 0 ? from !== null : from === null) {
      return i === 0
        ? { zh: `第一个账龄区间“${key}”须无下限`, en: `the first aging bucket "${key}" must have no lower bound` }
        : { zh: `账龄区间“${key}”缺少起始天数`, en: `aging bucket "${key}" has no start day` };
    }
    if (i === specs.length - 1 ? to !== null : to === null) {
      return i === specs.length - 1
        ? { zh: `最后一个账龄区间“${key}”须无上限`, en: `the last aging bucket "${key}" must have no upper bound` }
        : { zh: `账龄区间“${key}”缺少截止天数`, en: `aging bucket "${key}" has no end day` };
    }
    if (from !== null && to !== null && from > to) {
      return { zh: `账龄区间“${key}”起始天数大于截止天数`, en: `aging bucket "${key}" starts after it ends` };
    }
    if (i > 0 && from !== (specs[i - 1].to as number) + 1) {
      return {
        zh: `账龄区间“${key}”须紧接上一区间（从第${(specs[i - 1].to as number) + 1}天开始）`,
        en: `aging bucket "${key}" must start right after the previous one (day ${(specs[i - 1].to as number) + 1})`,
      };
    }
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
