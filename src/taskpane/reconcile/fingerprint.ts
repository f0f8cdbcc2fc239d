/**
 * A cheap fingerprint of a sheet's values, kept from a run to tell later whether the sheet was sorted
 * or edited since. Marks and the row numbers in the results are tied to row positions: once values
 * move, they point at the wrong rows.
 *
 * Only the values and where they sit count. Hidden rows (a filter) do not: filtering hides rows without
 * moving them, so the marks stay right, and filtering by colour is what the marks are for.
 */
import type { CellValue, Grid } from "../../core/model";

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mixString(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

function cellKey(value: CellValue): string {
  if (value === null || value === "") return "";
  if (value instanceof Date) return `d${value.getTime()}`;
  if (typeof value === "number") return `n${value}`;
  if (typeof value === "boolean") return value ? "b1" : "b0";
  return `s${value}`;
}

/**
 * FNV-1a (32 bits) over the used range's origin and every cell, with separators so that moving a value
 * to the neighbouring cell changes the print. Two different sheets can collide (1 in 4 billion): good
 * enough to warn, never used to decide anything silently.
 */
export function gridFingerprint(grid: Pick<Grid, "top" | "left" | "values">): string {
  let h = mixString(FNV_OFFSET, `${grid.top}:${grid.left}|`);
  for (const row of grid.values) {
    for (const cell of row) h = mixString(h, `${cellKey(cell)}\u001f`);
    h = mixString(h, "\u001e");
  }
  const rows = grid.values.length;
  const columns = rows > 0 ? grid.values[0].length : 0;
  return `${rows}x${columns}:${h.toString(16).padStart(8, "0")}`;
}

/** Sheets whose print changed (or that are gone) since the run, in the order given. */
export function changedSheets(kept: ReadonlyMap<string, string>, now: ReadonlyMap<string, string | null>): string[] {
  const changed: string[] = [];
  for (const [sheet, print] of kept) if (now.get(sheet) !== print) changed.push(sheet);
  return changed;
}
