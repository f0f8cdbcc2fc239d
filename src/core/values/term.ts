/**
 * Credit terms (账期) as people write them, one parser for the reader's term column, the term table and
 * a default typed by the user: `45`, `45天`, `45日`, `45d`, `45 days`, `月结45天`, `账期：45天`, `Net 45`,
 * full-width digits too.
 */
import { toHalfWidth } from "./text";

/** Longest term taken: ten years. Anything longer is a typing slip, not an agreement. */
export const MAX_TERM_DAYS = 3650;

const TERM_TEXT = /^(?:(?:月结|账期|信用期|付款期|net)\s*[:：]?\s*)?(\d{1,5})\s*(?:天|日|days?|d)?$/i;

/** Whole days from 0 (cash) to `MAX_TERM_DAYS`. */
export function isValidTermDays(days: unknown): days is number {
  return typeof days === "number" && Number.isInteger(days) && days >= 0 && days <= MAX_TERM_DAYS;
}

/** A term cell or typed term in days, or null when it is not one. */
export function parseTermDays(value: unknown): number | null {
  if (typeof value === "number") return isValidTermDays(value) ? value : null;
  if (typeof value !== "string") return null;
  const m = TERM_TEXT.exec(toHalfWidth(value).trim());
  if (!m) return null;
  const days = Number(m[1]);
  return isValidTermDays(days) ? days : null;
}
