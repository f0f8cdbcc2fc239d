/**
 * The ledger model shared by every part of the domain.
 *
 * Money is always an integer number of fen (分). Dates are ISO `YYYY-MM-DD` strings.
 * Every entry remembers the sheet and the row (as Excel numbers it, 1-based) it came from.
 */

import type { Fen, NotFen } from "./money";

/** Integer amount in fen (1 yuan = 100 fen): see ./money. */
export type { Fen };

/** Calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

/** A cell value as a workbook hands it over: Excel serials stay numbers until a column says they are dates. */
export type CellValue = string | NotFen | boolean | Date | null;

/** The used part of a sheet, as read: `values[0][0]` is the cell at (`top`, `left`), both 1-based. */
export interface Grid {
  sheet: string;
  /** Excel row number of `values[0]`. */
  top: number;
  /** Excel column number (1 = A) of `values[r][0]`. */
  left: number;
  values: CellValue[][];
  /** Excel row numbers of rows the user has hidden (filters, grouping), when the source knows them. */
  hiddenRows?: number[];
  /**
   * Cells holding a formula saved without its result (files written by scripts such as openpyxl or ExcelJS),
   * as `[row, column]` in sheet coordinates (Excel numbers, 1-based), anywhere on the sheet: their value in
   * `values` is null, though the cell is not empty. Given by the .xlsx readers; office-js always hands over
   * computed values, so the Excel adapter never sets it.
   */
  uncomputed?: Array<[number, number]>;
  /** True when the workbook counts dates from 1904 (old Mac workbooks). */
  date1904?: boolean;
}

/** Which side of the reconciliation a sheet is. */
export type Side = "ledger" | "statement";

/** Where a value came from. */
export interface SourceRow {
  sheet: string;
  row: number;
}

/** One transaction, in our sign: a positive amount means the dealer owes us more. */
export interface Entry extends SourceRow {
  /** Document date; null only when the row had none and no error was raised for it (never for a transaction the reader keeps). */
  date: IsoDate | null;
  /** The reference as written in the reference column (or the first one found in the description), else null. */
  ref: string | null;
  /** Every reference seen on the row (reference column first, then those found in the description), normalised. */
  refs: string[];
  description: string;
  /** Signed amount in fen, our perspective: sale > 0, receipt < 0. */
  amount: Fen;
  dealer: string | null;
  rep: string | null;
  /** Credit term in days when the sheet carries one for this row. */
  termDays: number | null;
}

/** An opening balance row (期初余额, 上年结转 …). */
export interface Opening extends SourceRow {
  dealer: string | null;
  date: IsoDate | null;
  /** Our sign: positive means the dealer owed us at the start. */
  amount: Fen;
}
