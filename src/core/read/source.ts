/**
 * Sheets whose rows are built one at a time. A million-row CSV file held as `CellValue[][]` costs a row
 * array and six strings per line, all alive at once; the reader only ever needs one row at a time. A
 * `RowsGrid` says so in its type: the reader walks its rows, and code that wants the whole grid builds
 * it with `gridValues` (once, at a cost it can see).
 */
import type { CellValue, Grid } from "../model";

export interface RowSource {
  /** Number of rows. */
  readonly length: number;
  /** Cells in the longest row. */
  readonly width: number;
  /**
   * Row `index` (0-based, as `values[index]` would be): an array with exactly the cells of that row. A
   * fresh one, unless `into` is given: then that array is refilled and returned (a reader that looks at
   * one row at a time need not make a million of them).
   */
  row(index: number, into?: CellValue[]): CellValue[];
}

/** A sheet given as a row source instead of its values (same fields as `Grid` otherwise). */
export interface RowsGrid {
  sheet: string;
  /** Excel row number of row 0. */
  top: number;
  /** Excel column number (1 = A) of each row's first cell. */
  left: number;
  rows: RowSource;
  hiddenRows?: number[];
  uncomputed?: Array<[number, number]>;
  date1904?: boolean;
}

/** What the reader takes: a sheet's values, or a source of its rows. */
export type SheetGrid = Grid | RowsGrid;

export function isRowsGrid(grid: SheetGrid): grid is RowsGrid {
  return (grid as RowsGrid).rows !== undefined && (grid as Grid).values === undefined;
}

/** Every row of the sheet as arrays (built from the source for a `RowsGrid`). */
export function gridValues(grid: SheetGrid): CellValue[][] {
  if (!isRowsGrid(grid)) return grid.values;
  const source = grid.rows;
  const values: CellValue[][] = new Array(source.length);
  for (let i = 0; i < source.length; i++) values[i] = source.row(i);
  return values;
}

/** The sheet as a plain grid (its rows built when it is a `RowsGrid`). */
export function valuesGrid(grid: SheetGrid): Grid {
  if (!isRowsGrid(grid)) return grid;
  const { rows: _rows, ...rest } = grid;
  return { ...rest, values: gridValues(grid) };
}
