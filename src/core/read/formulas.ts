/**
 * Cells the reader needs that hold a formula rather than a value it can read: a formula saved without its
 * result (a file written by a script and never opened in Excel: the cell reads as empty), or an Excel
 * error value (`#DIV/0!`, `#N/A` …). Either is said as what it is, with what to fix, never read as an
 * empty cell or as a badly written amount or date.
 */
import type { CellValue } from "../model";

/** Excel's error values, as a cell shows them. */
const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
  "#BUSY!",
  "#PYTHON!",
]);

export type FormulaTrouble = "uncomputed_formula" | "formula_error";

/** Whether a cell shows one of Excel's error values. */
export function isExcelError(value: CellValue | undefined): boolean {
  return typeof value === "string" && value.charCodeAt(0) === 35 && EXCEL_ERRORS.has(value.trim().toUpperCase());
}

/** A number for a cell (sheet row and column, 1-based), for sets of cells. */
export function cellKey(row: number, column: number): number {
  return row * 16_385 + column;
}

/** The sheet row of a `cellKey`. */
export function rowOfKey(key: number): number {
  return Math.floor(key / 16_385);
}

/** The grid's formulas without a result (`Grid.uncomputed`) as a set of `cellKey`s; null when there are none. */
export function uncomputedSet(cells: ReadonlyArray<readonly [number, number]> | undefined): ReadonlySet<number> | null {
  if (!Array.isArray(cells) || cells.length === 0) return null;
  const set = new Set<number>();
  for (const [r, c] of cells) set.add(cellKey(r, c));
  return set;
}

/** What keeps the cell at sheet row `row`, column `column` (showing `value`) from being read, if a formula does. */
export function formulaTrouble(uncomputed: ReadonlySet<number> | null, row: number, column: number, value: CellValue | undefined): FormulaTrouble | null {
  if (uncomputed !== null && (value === null || value === undefined) && uncomputed.has(cellKey(row, column))) return "uncomputed_formula";
  return isExcelError(value) ? "formula_error" : null;
}
