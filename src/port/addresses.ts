/**
 * A1 addresses, row blocks and sheet names as both workbook implementations write and read them.
 */
import type { CellBlock } from "./workbook";

/** Column number to letters: the reader's own conversion, so addresses and messages agree. */
export { columnLetter as columnLetters } from "../core/read/columns";

/** Sorted runs of consecutive rows: [5,6,7,9] → [[5,7],[9,9]]. */
export function rowBlocks(rows: Iterable<number>): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const blocks: [number, number][] = [];
  for (const r of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else blocks.push([r, r]);
  }
  return blocks;
}

/** Every row of `A5:H9`-style areas (or `5:9`), each possibly prefixed by a sheet name. */
export function rowsOfAddress(address: string): number[] {
  const rows: number[] = [];
  for (const part of address.split(/[, ]+/)) {
    if (!part) continue;
    const local = part.includes("!") ? part.slice(part.lastIndexOf("!") + 1) : part;
    const m = /^\$?[A-Za-z]*\$?(\d+)(?::\$?[A-Za-z]*\$?(\d+))?$/.exec(local);
    if (!m) continue;
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    for (let r = Math.min(a, b); r <= Math.max(a, b); r++) rows.push(r);
  }
  return rows;
}

/** `B2:D4` (or one cell, `$` allowed) as a block; null when it is not an address. */
export function blockOfAddress(address: string): CellBlock | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address.toUpperCase());
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [c1, r1] = [col(m[1]), Number(m[2])];
  const [c2, r2] = m[3] ? [col(m[3]), Number(m[4])] : [c1, r1];
  return { fromRow: Math.min(r1, r2), toRow: Math.max(r1, r2), fromColumn: Math.min(c1, c2), toColumn: Math.max(c1, c2) };
}

/** A sheet name as it must appear in a formula or link: quoted unless plain. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sameSheetName(a: string, b: string): boolean {
  // Excel compares sheet names case-insensitively.
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The sheet of `names` that `wanted` names: the one spelled so, else the one named so in another case (as
 * Excel compares names). Excel never holds two sheets whose names differ only in case, but a file another
 * program made can: a third spelling cannot tell them apart, so they are given back as `ambiguous`, for a
 * refusal naming them, and neither is picked. Null when no sheet is named so.
 */
export function sheetNamed(names: readonly string[], wanted: string): { name: string } | { ambiguous: string[] } | null {
  if (names.includes(wanted)) return { name: wanted };
  const found = names.filter((n) => sameSheetName(n, wanted));
  if (found.length === 0) return null;
  return found.length === 1 ? { name: found[0] } : { ambiguous: found };
}
