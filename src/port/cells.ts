/**
 * Cells to write, with the defaults both workbook implementations apply, and the units they share:
 * date serials and column widths.
 */
import type { IsoDate } from "../core/model";
import type { OutCell, OutRow, OutValue, SheetSpec } from "./workbook";
import { isIsoDate } from "../core/dates";

/** Excel date serials: the one conversion of the reader (../core/values/date). */
export { isoToSerial } from "../core/values/date";

function isValidOutDate(date: unknown): date is IsoDate {
  return typeof date === "string" && isIsoDate(date);
}

/**
 * Column width in characters (Excel's unit on desktop, and ExcelJS's) to points (office-js's
 * unit): Calibri 11's digit is 7 px wide plus 5 px padding, and a pixel is 0.75 pt at 96 dpi.
 */
export function widthToPoints(chars: number): number {
  return Math.round((Math.trunc(chars * 7 + 5) * 0.75) * 100) / 100;
}

export function pointsToWidth(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}

/** One cell to write, with defaults applied: what both implementations put into the sheet. */
export interface PlannedCell {
  kind: "empty" | "text" | "number" | "boolean" | "date";
  /** Text for "text", number for "number", ISO date for "date". */
  value: string | number | boolean | null;
  numberFormat: string;
  bold?: boolean;
  fill?: string;
  color?: string;
  align?: "left" | "center" | "right";
  border?: boolean;
  fontSize?: number;
  link?: { sheet: string; row: number; column?: number };
  mergeAcross?: number;
  wrap?: boolean;
  /** Set when the text was longer than a cell holds and `value` is it cut (`fitCellText`): its length before. */
  cutFrom?: number;
}

/**
 * Text gets `@` (so a dealer's `=SUM(A1)`, `+86 138…` or `-5 折让` stays text), numbers their own
 * or the column's format, dates `yyyy-mm-dd`. A malformed date is written as its text rather than
 * thrown: bad data must not stop a result sheet. A text longer than a cell holds is cut (`fitCellText`),
 * and `cutFrom` says so, for the writer to report where.
 */
export function planCell(
  cell: OutValue | OutCell,
  columnFormat: string | null | undefined,
): PlannedCell {
  const isOutCell = cell !== null && typeof cell === "object" && "value" in cell;
  const out = isOutCell ? (cell as OutCell) : null;
  const v = out ? out.value : (cell as OutValue);
  let planned: PlannedCell;
  if (v === null || v === undefined) planned = { kind: "empty", value: null, numberFormat: out?.numberFormat ?? "General" };
  else if (typeof v === "string") planned = { kind: "text", value: v, numberFormat: out?.numberFormat ?? "@" };
  else if (typeof v === "number") {
    planned = Number.isFinite(v)
      ? { kind: "number", value: v, numberFormat: out?.numberFormat ?? columnFormat ?? "General" }
      : { kind: "text", value: String(v), numberFormat: "@" };
  } else if (typeof v === "boolean") planned = { kind: "boolean", value: v, numberFormat: out?.numberFormat ?? "General" };
  else if (isValidOutDate(v.date)) planned = { kind: "date", value: v.date, numberFormat: out?.numberFormat ?? "yyyy-mm-dd" };
  else planned = { kind: "text", value: String(v.date), numberFormat: "@" };
  if (planned.kind === "text" && (planned.value as string).length > MAX_CELL_TEXT) {
    planned.cutFrom = (planned.value as string).length;
    planned.value = fitCellText(planned.value as string);
  }
  if (out) {
    if (out.bold) planned.bold = true;
    if (out.fill) planned.fill = out.fill.toUpperCase();
    if (out.color) planned.color = out.color.toUpperCase();
    if (out.align) planned.align = out.align;
    if (out.border) planned.border = true;
    if (out.fontSize) planned.fontSize = out.fontSize;
    if (out.link) planned.link = out.link;
    if (out.mergeAcross && out.mergeAcross > 0) planned.mergeAcross = out.mergeAcross;
    if (out.wrap) planned.wrap = true;
  }
  return planned;
}

/**
 * Excel's limit on the characters (UTF-16 units) of one cell ("specifications and limits"): a file with a
 * longer text is "repaired" on opening, and office-js refuses to write one. A CSV input can hold such a text
 * (a dealer's 摘要), and so can an .xlsx written by another program; a copy of its sheet or a result row would
 * carry it on.
 */
export const MAX_CELL_TEXT = 32_767;

/** What ends a text cut to the limit, so the cut shows. */
export const CUT_MARK = "…";

/**
 * A text as a cell can hold it: unchanged within `MAX_CELL_TEXT`, else its beginning ending in `CUT_MARK`,
 * the two together the limit (one less where the cut would split a surrogate pair, whose first half is
 * dropped too: never half a pair). The one rule every writer applies
 * (through `planCell`), so a file opens clean and Excel's API takes the value.
 */
export function fitCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let end = MAX_CELL_TEXT - CUT_MARK.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + CUT_MARK;
}

/** A text cut to `MAX_CELL_TEXT` where it was written: the sheet, row and column (1-based) and its length before. */
export interface CutText {
  sheet: string;
  row: number;
  column: number;
  length: number;
}

/** Width of a spec in columns, counting merged spans. */
export function specWidth(rows: OutRow[]): number {
  let width = 0;
  for (const row of rows) {
    row.forEach((cell, i) => {
      const span = cell !== null && typeof cell === "object" && "value" in cell ? (cell.mergeAcross ?? 0) : 0;
      width = Math.max(width, i + 1 + Math.max(0, span));
    });
  }
  return width;
}

/**
 * Rows given one at a time, as a sheet gets them: how many, how wide (`specWidth` of them all), and each.
 * A row asked for again may be a new array; one given must not be changed.
 */
export interface SheetRows {
  readonly length: number;
  readonly width: number;
  row(index: number): OutRow;
}

/** A sheet whose rows are given one at a time (`rows`); `spec` is the rest of it, its own `rows` empty. */
export interface SheetOfRows {
  spec: SheetSpec;
  rows: SheetRows;
}

/** The sheet with its rows in it: what a port that takes a sheet whole is given. */
export function withRows(sheet: SheetOfRows): SheetSpec {
  const rows: OutRow[] = new Array(sheet.rows.length);
  for (let i = 0; i < rows.length; i++) rows[i] = sheet.rows.row(i);
  return { ...sheet.spec, rows };
}
