/**
 * Stable ids for pairings: derived from the sheets, rows and amounts involved, so a user's decision on a
 * suggestion still applies on the next run, and stops applying once those rows change.
 */
import type { Fen } from "../model";

export interface IdPart {
  sheet: string;
  row: number;
  amount: Fen;
}

export function pairingId(ledger: readonly IdPart[], statement: readonly IdPart[]): string {
  const describe = (parts: readonly IdPart[]) =>
    parts
      .map((p) => `${p.sheet}!${p.row}:${p.amount}`)
      .sort()
      .join(",");
  const text = `L[${describe(ledger)}]S[${describe(statement)}]`;
  return `p-${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193)}`;
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits; two seeds give 64 bits against collisions. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
