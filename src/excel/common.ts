/**
 * Pieces both workbook implementations share: how a mark is recognised, how rows group into
 * blocks, which sheets are ours, dates and column widths. Pure (no Office types, no ExcelJS), so
 * `src/xlsx` can use it under the command-line build too.
 *
 * Marks are conditional formats, never direct fills: a custom-formula rule per mark style per
 * block of rows overlays whatever fill the user gave the rows, and deleting the rule brings the
 * user's look back exactly, with nothing to remember. The rule's formula carries a tag,
 * `=N("duizhang:<group>:<style>")=0`, which is always TRUE (N of text is 0), so we can find our
 * own rules again (and only ours) even after the file was saved and reopened.
 */
import type { IsoDate } from "../core/model";
import type { OutCell, OutRow, OutValue } from "../port/workbook";
import { isIsoDate } from "../core/dates";

/** Settings key listing the sheets Duizhang created (and so may replace or delete). */
export const OWNED_SHEETS_KEY = "duizhang.ownedSheets";
/**
 * Settings key listing the worksheet ids (Excel's `worksheet.id`) of the sheets Duizhang created. A name
 * can be taken again by the user's own sheet after ours was deleted; an id cannot, so where this key
 * exists it alone decides which sheets are ours. Workbooks from before it get it on their next write,
 * seeded with the ids of the sheets then named in the names list.
 */
export const OWNED_SHEET_IDS_KEY = "duizhang.ownedSheetIds";

const KEY = /^[A-Za-z0-9_.-]+$/;
const TAG = /^=?\s*N\(\s*"duizhang:([A-Za-z0-9_.-]+):([A-Za-z0-9_.-]+)"\s*\)\s*=\s*0\s*$/i;

/** The formula of a mark rule, with a leading `=` (office-js wants it; ExcelJS wants it without). */
export function markFormula(group: string, style: string): string {
  if (!KEY.test(group) || !KEY.test(style)) {
    throw new Error(`mark group and style keys are letters, digits, _ . - only: ${group}/${style}`);
  }
  return `=N("duizhang:${group}:${style}")=0`;
}

/** Group and style of one of our mark rules, or null for anyone else's rule. */
export function parseMarkFormula(formula: string | null | undefined): { group: string; style: string } | null {
  if (!formula) return null;
  const m = TAG.exec(formula);
  return m ? { group: m[1], style: m[2] } : null;
}

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

/** Column number to letters: the reader's own conversion, so addresses and messages agree. */
export { columnLetter as columnLetters } from "../core/read/columns";

/** A sheet name as it must appear in a formula or link: quoted unless plain. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Excel date serials: the one conversion of the reader (../core/values/date). */
export { isoToSerial } from "../core/values/date";

export function isValidOutDate(date: unknown): date is IsoDate {
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

/** The owned-sheets list from a stored setting; anything unreadable counts as "none". */
export function parseOwned(value: unknown): string[] {
  let v = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return [];
    }
  }
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

export function sameSheetName(a: string, b: string): boolean {
  // Excel compares sheet names case-insensitively.
  return a.toLowerCase() === b.toLowerCase();
}

export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
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

/** A key equal for cells that look the same, so neighbouring cells share one format command. */
export function styleKey(c: PlannedCell): string | null {
  if (!c.bold && !c.fill && !c.color && !c.align && !c.border && !c.fontSize && !c.wrap) return null;
  return JSON.stringify([c.bold ?? false, c.fill ?? "", c.color ?? "", c.align ?? "", c.border ?? false, c.fontSize ?? 0, c.wrap ?? false]);
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
