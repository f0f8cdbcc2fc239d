/**
 * Print arithmetic both ports share: the printable width of A4, the scale a sheet prints at, and how
 * tall a row of wrapped text must be. Pure; no platform calls.
 */
import type { OutCell, OutRow, PrintMargins, PrintSetup, SheetSpec } from "./workbook";

/** A4 in points (210 × 297 mm). */
export const A4 = { width: 595.28, height: 841.89 };
export const POINTS_PER_CM = 72 / 2.54;
export const DEFAULT_MARGINS: PrintMargins = { top: 2, bottom: 2, left: 1.3, right: 1.3, header: 0.8, footer: 0.8 };
/** Below this a 10 pt font prints under 9 pt. */
export const DEFAULT_MIN_SCALE = 90;
/** Excel's width of a column nobody sized (8.43 characters). */
export const DEFAULT_COLUMN_WIDTH = 8.43;
/** The platform's font size when the spec sets none. */
export const DEFAULT_FONT_SIZE = 11;

/**
 * Column width in characters (Excel's unit, based on an 11 pt font's digit of 7 px plus 5 px padding)
 * to points at 96 dpi; the same rule as the office-js port's.
 */
export function columnPoints(chars: number): number {
  return Math.trunc(chars * 7 + 5) * 0.75;
}

export function marginsOf(print: PrintSetup | undefined): PrintMargins {
  return print?.margins ?? DEFAULT_MARGINS;
}

/** Width a page leaves for cells, in points. */
export function printableWidth(print: PrintSetup | undefined): number {
  const m = marginsOf(print);
  const paper = print?.orientation === "landscape" ? A4.height : A4.width;
  return paper - (m.left + m.right) * POINTS_PER_CM;
}

function isOutCell(cell: unknown): cell is OutCell {
  return cell !== null && typeof cell === "object" && "value" in (cell as object);
}

/** Columns a spec writes, counting merged spans. */
export function columnsOf(rows: readonly OutRow[]): number {
  let width = 0;
  for (const row of rows) {
    row.forEach((cell, i) => {
      const span = isOutCell(cell) ? Math.max(0, cell.mergeAcross ?? 0) : 0;
      width = Math.max(width, i + 1 + span);
    });
  }
  return width;
}

/** Width of the printed columns in points at 100%. */
export function contentWidth(spec: Pick<SheetSpec, "rows" | "columnWidths" | "print">): number {
  const given = spec.print?.area;
  const area = given === "used" ? undefined : given;
  const from = area?.fromColumn ?? 1;
  const to = area?.toColumn ?? columnsOf(spec.rows);
  let total = 0;
  for (let c = from; c <= to; c++) total += columnPoints(spec.columnWidths?.[c - 1] || DEFAULT_COLUMN_WIDTH);
  return total;
}

/**
 * The scale a sheet prints at: 100 when it fits; shrunk onto one page width when that keeps `minScale`;
 * else `minScale` (the columns then run over more pages across rather than print too small to read).
 * `fitToWidth` says whether the platform should be told to fit (true) or given `scale` as is.
 */
export function printScale(spec: Pick<SheetSpec, "rows" | "columnWidths" | "print">): { fitToWidth: boolean; scale: number } {
  const print = spec.print;
  if (!print?.fitToWidth) return { fitToWidth: false, scale: print?.scale ?? 100 };
  const min = print.minScale ?? DEFAULT_MIN_SCALE;
  const content = contentWidth(spec);
  const needed = content > 0 ? Math.floor((printableWidth(print) / content) * 100) : 100;
  if (needed >= 100) return { fitToWidth: true, scale: 100 };
  if (needed >= min) return { fitToWidth: true, scale: needed };
  return { fitToWidth: false, scale: min };
}

/** Header and footer codes treat `&` as a command: a literal one (a dealer's "A&B") is written twice. */
export function headerFooterText(text: string): string {
  return text.replace(/&/g, "&&");
}

/**
 * Width of text in points at a font size, as CJK and Latin fonts set it: ideographs and full-width forms
 * one em, Latin letters and digits a little over half. An estimate that errs wide, so rows come out tall
 * enough rather than clipped.
 */
export function textPoints(text: string, size: number): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (c > 0xffff) i++;
    if (c >= 0x2e80 || (c >= 0x1100 && c <= 0x11ff)) em += c >= 0xff61 && c <= 0xffdc ? 0.55 : 1;
    else if (c === 0x20) em += 0.3;
    else if (c >= 0x41 && c <= 0x5a) em += 0.65;
    else em += 0.56;
  }
  return em * size;
}

/** Lines a text takes in a column of this many points. */
export function linesFor(text: string, widthPoints: number, size: number): number {
  const usable = Math.max(1, widthPoints - 5);
  if (text.indexOf("\n") < 0) return Math.max(1, Math.ceil(textPoints(text, size) / usable));
  let lines = 0;
  for (const part of text.split("\n")) lines += Math.max(1, Math.ceil(textPoints(part, size) / usable));
  return lines;
}

/** Height of a row holding this many lines of this font size, with the line spacing CJK fonts need. */
export function rowPointsFor(lines: number, size: number): number {
  return Math.ceil(lines * size * 1.42 + 4);
}

/** Cells of a column measured before it is decided whether remembering them pays (see `RowHeights`). */
const MEASURE_TRIAL = 2_000;

/**
 * How tall rows of wrapped text must be, one row at a time: the rule of `wrappedRowHeights`, for a writer that
 * is given a sheet's rows one by one. A cell object is measured once per column while its column's cells are
 * met again (a dealer's name, a stage); a column whose cells are new objects row after row (a reference) is
 * measured cell by cell without being remembered.
 */
export class RowHeights {
  private readonly wrapColumns: ReadonlySet<number>;
  private readonly base: number;
  private readonly widths: readonly number[] | undefined;
  /** Lines of a cell object in the column it was last measured in: many rows share a cell (a dealer's name). */
  private readonly measured = new Map<object, { column: number; lines: number }>();
  private readonly kept: number[] = [];
  private readonly hits: number[] = [];
  private readonly unremembered: boolean[] = [];

  constructor(spec: Pick<SheetSpec, "columnWidths" | "wrapColumns" | "fontSize">) {
    this.wrapColumns = new Set(spec.wrapColumns ?? []);
    this.base = spec.fontSize ?? DEFAULT_FONT_SIZE;
    this.widths = spec.columnWidths;
  }

  /** Height in points of a row whose wrapped text needs more than one line; undefined for a row that fits on one. */
  heightOf(row: OutRow | undefined): number | undefined {
    if (row === undefined) return undefined;
    const base = this.base;
    let lines = 1;
    let size = base;
    let tallest = 0;
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      const out = isOutCell(cell) ? cell : null;
      const value = out ? out.value : cell;
      if (typeof value !== "string" || value === "") continue;
      const wraps = out?.wrap ?? this.wrapColumns.has(j + 1);
      if (!wraps) continue;
      const cellSize = out?.fontSize ?? base;
      const n = out !== null && this.unremembered[j] !== true ? this.remembered(out, j, value, cellSize) : this.lines(out, j, value, cellSize);
      const h = rowPointsFor(n, cellSize);
      if (h > tallest) {
        tallest = h;
        lines = n;
        size = cellSize;
      }
    }
    return lines > 1 ? rowPointsFor(lines, size) : undefined;
  }

  private lines(out: OutCell | null, j: number, value: string, size: number): number {
    let width = 0;
    for (let c = j; c <= j + Math.max(0, out?.mergeAcross ?? 0); c++) width += columnPoints(this.widths?.[c] || DEFAULT_COLUMN_WIDTH);
    return linesFor(value, width, size);
  }

  private remembered(out: OutCell, j: number, value: string, size: number): number {
    const known = this.measured.get(out);
    if (known !== undefined && known.column === j) {
      this.hits[j] = (this.hits[j] ?? 0) + 1;
      return known.lines;
    }
    const n = this.lines(out, j, value, size);
    if (this.measured.size >= 100_000) this.measured.clear();
    this.measured.set(out, { column: j, lines: n });
    const kept = (this.kept[j] = (this.kept[j] ?? 0) + 1);
    if (kept >= MEASURE_TRIAL && (this.hits[j] ?? 0) * 4 < kept) this.unremembered[j] = true;
    return n;
  }
}

/**
 * Heights (points, by 1-based row) for the rows whose wrapped text needs more than one line. Rows that fit
 * on one line are left to the platform's own height. Merged cells count their whole span.
 */
export function wrappedRowHeights(spec: Pick<SheetSpec, "rows" | "columnWidths" | "wrapColumns" | "fontSize">): Map<number, number> {
  const heights = new Map<number, number>();
  const measure = new RowHeights(spec);
  const rows = spec.rows;
  for (let i = 0; i < rows.length; i++) {
    const h = measure.heightOf(rows[i]);
    if (h !== undefined) heights.set(i + 1, h);
  }
  return heights;
}
