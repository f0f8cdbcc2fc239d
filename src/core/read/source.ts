/**
 * Grids whose rows are built on demand. A million-row CSV file held as `CellValue[][]` costs a row array
 * and six strings per line, all alive at once; the reader only ever needs one row at a time. A source
 * attached to a grid lets the reader walk the rows without that, while `values` still appears (built on
 * first use) for anyone who asks for the whole grid.
 */
import type { CellValue, Grid } from "../model";

export interface RowSource {
  /** Number of rows: what `values.length` would be. */
  readonly length: number;
  /** Cells in the longest row. */
  readonly width: number;
  /**
   * Row `index` (0-based, as `values[index]`): an array with exactly the cells `values[index]` holds.
   * A fresh one, unless `into` is given: then that array is refilled and returned (a reader that looks
   * at one row at a time need not make a million of them).
   */
  row(index: number, into?: CellValue[]): CellValue[];
}

const ROW_SOURCE = Symbol.for("duizhang.rowSource");

/**
 * A grid over a row source. `values` is built from the source the first time it is read (then kept),
 * so code that wants the whole grid sees an ordinary one.
 */
export function gridFromSource(sheet: string, top: number, left: number, source: RowSource): Grid {
  const grid = { sheet, top, left } as Grid;
  Object.defineProperty(grid, "values", {
    enumerable: true,
    configurable: true,
    get(): CellValue[][] {
      const values: CellValue[][] = new Array(source.length);
      for (let i = 0; i < source.length; i++) values[i] = source.row(i);
      Object.defineProperty(grid, "values", { value: values, enumerable: true, configurable: true, writable: true });
      return values;
    },
    set(values: CellValue[][]) {
      Object.defineProperty(grid, "values", { value: values, enumerable: true, configurable: true, writable: true });
    },
  });
  // Not enumerable: equality checks and copies see a plain grid.
  Object.defineProperty(grid, ROW_SOURCE, { value: source, enumerable: false });
  return grid;
}

/** The grid's row source when its `values` have not been built (or replaced) yet, else null. */
export function rowSourceOf(grid: Grid): RowSource | null {
  const source = (grid as unknown as Record<symbol, RowSource | undefined>)[ROW_SOURCE];
  if (source === undefined) return null;
  const d = Object.getOwnPropertyDescriptor(grid, "values");
  return d !== undefined && d.get !== undefined ? source : null;
}
