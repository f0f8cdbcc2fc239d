/**
 * The sheets a read covered. A ledger read over several sheets (one per month) is a `CombinedReadResult`,
 * with its sheets, carry-overs and layouts; a one-sheet read has its one sheet only.
 */
import type { CombinedReadResult } from "./combine";
import type { ReadResult } from "./types";

/** The result as read over several sheets, or null for a one-sheet read. */
export function combinedOf(result: ReadResult): CombinedReadResult | null {
  return (result as Partial<CombinedReadResult>).sheets === undefined ? null : (result as CombinedReadResult);
}

/** The sheets read, in order: those of a ledger read over several sheets, else its one sheet. */
export function sheetsOf(result: ReadResult): string[] {
  return combinedOf(result)?.sheets ?? [result.sheet];
}
