/**
 * Cells to write, with the defaults both workbook implementations apply, and the units they share:
 * date serials and column widths.
 */
import type { IsoDate } from "../core/model";
import type { OutCell, OutRow, OutValue } from "./workbook";
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
}

/**
 * Text gets `@` (so a dealer's `=SUM(A1)`, `+86 138…` or `-5 折让` stays text), numbers their own
 * or the column's format, dates `yyyy-mm-dd`. A malformed date is written as its text rather than
 * thrown: bad data must not stop a result sheet.
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
