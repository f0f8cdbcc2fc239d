/**
 * The in-memory workbook behind the fake Excel: what Excel itself would hold, with none of the
 * office-js proxy machinery (that lives in `api.ts`).
 *
 * Cells are stored by column in dense arrays (one array per used column) so a sheet of
 * 1,048,576 rows by 8 columns costs 8 arrays of pointers, not a million row objects. Formats and
 * styles are sparse (a Map keyed by cell) because most cells have none.
 *
 * Browser-safe: no Node APIs, it is bundled into the preview page.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 1-based inclusive rectangle. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** What Excel stores in a cell (after conversion of the written value). */
export type StoredValue = string | number | boolean;

export interface CellStyle {
  fill?: string;
  /** `format.font.name`. */
  fontName?: string;
  bold?: boolean;
  fontColor?: string;
  fontSize?: number;
  align?: string;
  border?: boolean;
  /** `format.wrapText`. */
  wrap?: boolean;
  /** `format.verticalAlignment`, e.g. `Center`. */
  vertical?: string;
  /** Hyperlink target, e.g. `'Sheet 1'!A5`. */
  link?: string;
}

export interface FakeConditionalFormat {
  id: string;
  type: string;
  areas: Rect[];
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

/**
 * A chart on a sheet, as Excel keeps it: its data block (one area of its own sheet), how the series
 * run, the title, and the cells it covers once positioned. Excel does not hand the source back
 * through ExcelApi 1.1, so the source is read from the model by tests, not through the proxies.
 */
export interface FakeChart {
  id: string;
  name: string;
  /** `Excel.ChartType`, e.g. `ColumnStacked`. */
  type: string;
  source: Rect;
  seriesBy: "Auto" | "Columns" | "Rows";
  /** Null until a title text is set. */
  title: string | null;
  titleVisible: boolean;
  /** The cells the chart covers (`setPosition`), or null while it sits where Excel put it. */
  position: Rect | null;
}

/** Chart types the fake accepts: the ones Duizhang draws and their near relatives. */
export const FAKE_CHART_TYPES: readonly string[] = [
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "Pie",
  "Line",
];

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

let nextId = 1;

export function newId(prefix: string): string {
  return `{${prefix}-${(nextId++).toString(16).padStart(8, "0")}}`;
}

export function columnLetters(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `A1:C3`, `5:9`, `A:C`, `A1`; full rows and columns come out the way Excel writes them. */
export function rectAddress(rect: Rect): string {
  if (rect.c1 === 1 && rect.c2 === MAX_COLUMNS) return `${rect.r1}:${rect.r2}`;
  if (rect.r1 === 1 && rect.r2 === MAX_ROWS) return `${columnLetters(rect.c1)}:${columnLetters(rect.c2)}`;
  const a = `${columnLetters(rect.c1)}${rect.r1}`;
  if (rect.r1 === rect.r2 && rect.c1 === rect.c2) return a;
  return `${a}:${columnLetters(rect.c2)}${rect.r2}`;
}

/** Splits `Sheet!A1:B2` into sheet name (unquoted) and the local part. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

function parseRef(ref: string): { r: number | null; c: number | null } | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(ref.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  return { c: m[1] ? columnNumber(m[1]) : null, r: m[2] ? Number(m[2]) : null };
}

/** Parses one area like Excel does: `A1`, `A1:C3`, `5:9`, `A:C`. Throws InvalidArgument otherwise. */
export function parseArea(local: string): Rect {
  const parts = local.split(":");
  if (parts.length > 2) throw new FakeExcelError("InvalidArgument", `Bad address ${local}`);
  const a = parseRef(parts[0]);
  const b = parseRef(parts.length === 2 ? parts[1] : parts[0]);
  if (!a || !b) throw new FakeExcelError("InvalidArgument", `Bad address ${local}`);
  let rect: Rect;
  if (a.r !== null && a.c !== null && b.r !== null && b.c !== null) rect = { r1: a.r, c1: a.c, r2: b.r, c2: b.c };
  else if (a.c === null && b.c === null && a.r !== null && b.r !== null) rect = { r1: a.r, c1: 1, r2: b.r, c2: MAX_COLUMNS };
  else if (a.r === null && b.r === null && a.c !== null && b.c !== null) rect = { r1: 1, c1: a.c, r2: MAX_ROWS, c2: b.c };
  else throw new FakeExcelError("InvalidArgument", `Bad address ${local}`);
  const norm: Rect = {
    r1: Math.min(rect.r1, rect.r2),
    r2: Math.max(rect.r1, rect.r2),
    c1: Math.min(rect.c1, rect.c2),
    c2: Math.max(rect.c1, rect.c2),
  };
  if (norm.r1 < 1 || norm.c1 < 1 || norm.r2 > MAX_ROWS || norm.c2 > MAX_COLUMNS) {
    throw new FakeExcelError("InvalidArgument", `Address out of the sheet: ${local}`);
  }
  return norm;
}

/** `'Sheet'!A1:C3`, the way Excel writes an address with its sheet. */
export function sheetAddress(sheet: string, rect: Rect): string {
  return `${quoteSheetName(sheet)}!${rectAddress(rect)}`;
}

export function rectContains(rect: Rect, row: number, column: number): boolean {
  return row >= rect.r1 && row <= rect.r2 && column >= rect.c1 && column <= rect.c2;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isTextFormat(format: string | undefined): boolean {
  return format === "@";
}

/** Days from 1899-12-30 (Excel's 1900 system, valid from 1900-03-01). */
export function isoToSerial(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`not a date: ${iso}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000) + 25_569;
}

/** The value Excel keeps when `written` is typed into a cell with `format` (General unless `@`). */
export function convertWritten(
  written: unknown,
  format: string | undefined,
): { value: StoredValue | undefined; formula?: string; format?: string } {
  if (written === null || written === undefined || written === "") return { value: undefined };
  if (typeof written === "number") {
    if (!Number.isFinite(written)) throw new FakeExcelError("InvalidArgument", "Non-finite number written");
    return { value: written };
  }
  if (typeof written === "boolean") return { value: written };
  if (typeof written !== "string") throw new FakeExcelError("InvalidArgument", `Cannot write ${typeof written}`);
  if (isTextFormat(format)) return { value: written };
  // What Excel does to text typed into a General cell: numbers become numbers, dates become
  // dates, and anything starting with = + - @ becomes a formula (formula injection).
  if (NUMERIC.test(written)) return { value: Number(written) };
  const d = ISO_DATE.exec(written);
  if (d) return { value: isoToSerial(written), format: "yyyy-mm-dd" };
  if (written.length > 1 && "=+-@".includes(written[0])) {
    return { value: "#NAME?", formula: written[0] === "=" ? written : `=${written}` };
  }
  return { value: written };
}

export interface SheetSnapshot {
  name: string;
  visibility: Visibility;
  cells: Record<string, { value: StoredValue; formula?: string; numberFormat?: string; style?: CellStyle }>;
  /** Formats of cells without values. */
  formats: Record<string, { numberFormat?: string; style?: CellStyle }>;
  columnWidths: Record<number, number>;
  hiddenRows: number[];
  merges: string[];
  frozenRows: number;
  conditionalFormats: FakeConditionalFormat[];
}

export class FakeSheet {
  readonly id = newId("sheet");
  visibility: Visibility = "Visible";
  /** values[c - 1][r - 1]; `undefined` is an empty cell. */
  private values: (StoredValue | undefined)[][] = [];
  private numberFormats: (string | undefined)[][] = [];
  readonly formulas = new Map<number, string>();
  readonly styles = new Map<number, CellStyle>();
  /** Points, like office-js `format.columnWidth`. */
  readonly columnWidths = new Map<number, number>();
  readonly hiddenRows = new Set<number>();
  merges: Rect[] = [];
  frozenRows = 0;
  /** Index 0 has the highest priority. */
  conditionalFormats: FakeConditionalFormat[] = [];
  autoFilter: Rect | null = null;
  /** In the order they were added (`worksheet.charts.items`). */
  charts: FakeChart[] = [];
  readonly pageLayout: Record<string, unknown> = {};
  /** Points, like office-js `format.rowHeight`; rows never set keep Excel's own height. */
  readonly rowHeights = new Map<number, number>();
  /** `range.dataValidation.rule` lists (ExcelApi 1.8), in the order set. */
  listValidations: { rect: Rect; source: string }[] = [];
  /** Every `dataValidation` rule, prompt and error alert set (ExcelApi 1.8), in the order set. */
  validations: { rect: Rect; rule?: Record<string, unknown>; prompt?: Record<string, unknown>; errorAlert?: Record<string, unknown> }[] = [];
  /** Cells whose `format.protection.locked` was set false (ExcelApi 1.2), as `row,column`; every other cell is locked. */
  readonly unlocked = new Set<string>();
  /** `worksheet.protection.protect` (ExcelApi 1.2): its options, or null while unprotected. */
  protection: Record<string, unknown> | null = null;
  /** Rows that start a printed page (`horizontalPageBreaks.add`), in the order added. */
  pageBreaks: number[] = [];
  private usedCache: Rect | null | undefined = undefined;

  /** Told of every value written (the model's change events); set by the model that holds the sheet. */
  onWrite?: (sheet: FakeSheet, row: number, column: number) => void;

  constructor(public name: string) {}

  static key(row: number, column: number): number {
    return (row - 1) * MAX_COLUMNS + (column - 1);
  }

  getValue(row: number, column: number): StoredValue | undefined {
    return this.values[column - 1]?.[row - 1];
  }

  getNumberFormat(row: number, column: number): string {
    return this.numberFormats[column - 1]?.[row - 1] ?? "General";
  }

  setNumberFormat(row: number, column: number, format: string): void {
    let col = this.numberFormats[column - 1];
    if (!col) col = this.numberFormats[column - 1] = [];
    col[row - 1] = format === "General" ? undefined : format;
  }

  /** Stores a value as Excel would after conversion; `written` follows the cell's number format. */
  write(row: number, column: number, written: unknown): void {
    if (written === null) return; // office-js: null leaves the cell unchanged
    const k = FakeSheet.key(row, column);
    const converted = convertWritten(written, this.numberFormats[column - 1]?.[row - 1]);
    this.setStored(row, column, converted.value);
    if (converted.formula !== undefined) this.formulas.set(k, converted.formula);
    else this.formulas.delete(k);
    if (converted.format !== undefined) this.setNumberFormat(row, column, converted.format);
  }

  /** Puts a value in without Excel's conversion (fixtures). */
  setStored(row: number, column: number, value: StoredValue | undefined): void {
    let col = this.values[column - 1];
    if (!col) {
      if (value === undefined) return;
      col = this.values[column - 1] = [];
    }
    col[row - 1] = value;
    this.usedCache = undefined;
    this.onWrite?.(this, row, column);
  }

  style(row: number, column: number): CellStyle | undefined {
    return this.styles.get(FakeSheet.key(row, column));
  }

  setStyle(row: number, column: number, patch: Partial<CellStyle>): void {
    const k = FakeSheet.key(row, column);
    const next = { ...(this.styles.get(k) ?? {}), ...patch };
    for (const p of Object.keys(next) as (keyof CellStyle)[]) if (next[p] === undefined) delete next[p];
    if (Object.keys(next).length === 0) this.styles.delete(k);
    else this.styles.set(k, next);
  }

  /** Bounds of cells holding values (`getUsedRange(true)`), or null for an empty sheet. */
  usedRange(valuesOnly: boolean): Rect | null {
    if (this.usedCache === undefined) this.usedCache = this.computeValueBounds();
    if (valuesOnly) return this.usedCache;
    let rect = this.usedCache ? { ...this.usedCache } : null;
    const grow = (r: number, c: number) => {
      if (!rect) rect = { r1: r, c1: c, r2: r, c2: c };
      else {
        rect.r1 = Math.min(rect.r1, r);
        rect.r2 = Math.max(rect.r2, r);
        rect.c1 = Math.min(rect.c1, c);
        rect.c2 = Math.max(rect.c2, c);
      }
    };
    for (const k of this.styles.keys()) grow(Math.floor(k / MAX_COLUMNS) + 1, (k % MAX_COLUMNS) + 1);
    this.numberFormats.forEach((col, ci) => {
      if (!col) return;
      for (let ri = 0; ri < col.length; ri++) if (col[ri] !== undefined) grow(ri + 1, ci + 1);
    });
    return rect;
  }

  private computeValueBounds(): Rect | null {
    let rect: Rect | null = null;
    this.values.forEach((col, ci) => {
      if (!col) return;
      let first = -1;
      for (let i = 0; i < col.length; i++) if (col[i] !== undefined) { first = i; break; }
      if (first < 0) return;
      let last = col.length - 1;
      while (col[last] === undefined) last--;
      if (!rect) rect = { r1: first + 1, r2: last + 1, c1: ci + 1, c2: ci + 1 };
      else {
        rect.r1 = Math.min(rect.r1, first + 1);
        rect.r2 = Math.max(rect.r2, last + 1);
        rect.c1 = Math.min(rect.c1, ci + 1);
        rect.c2 = Math.max(rect.c2, ci + 1);
      }
    });
    return rect;
  }

  /** Every cell of the rectangle as office-js returns them: empty cells are `""`. */
  readValues(rect: Rect): StoredValue[][] {
    const out: StoredValue[][] = new Array(rect.r2 - rect.r1 + 1);
    const cols = [];
    for (let c = rect.c1; c <= rect.c2; c++) cols.push(this.values[c - 1]);
    for (let r = rect.r1; r <= rect.r2; r++) {
      const row: StoredValue[] = new Array(cols.length);
      for (let i = 0; i < cols.length; i++) {
        const v = cols[i]?.[r - 1];
        row[i] = v === undefined ? "" : v;
      }
      out[r - rect.r1] = row;
    }
    return out;
  }

  /**
   * What the user sees as the fill: conditional formats whose rule is true override the cell's
   * own fill, first match by priority wins.
   */
  effectiveFill(row: number, column: number): string | null {
    for (const cf of this.conditionalFormats) {
      if (cf.fill && cf.areas.some((a) => rectContains(a, row, column)) && evaluateRule(cf.formula)) return cf.fill;
    }
    return this.style(row, column)?.fill ?? null;
  }

  effectiveFontColor(row: number, column: number): string | null {
    for (const cf of this.conditionalFormats) {
      if (cf.fontColor && cf.areas.some((a) => rectContains(a, row, column)) && evaluateRule(cf.formula)) {
        return cf.fontColor;
      }
    }
    return this.style(row, column)?.fontColor ?? null;
  }

  snapshot(): SheetSnapshot {
    const cells: SheetSnapshot["cells"] = {};
    const formats: SheetSnapshot["formats"] = {};
    const addr = (k: number) => `${columnLetters((k % MAX_COLUMNS) + 1)}${Math.floor(k / MAX_COLUMNS) + 1}`;
    this.values.forEach((col, ci) => {
      col?.forEach((v, ri) => {
        if (v === undefined) return;
        const k = FakeSheet.key(ri + 1, ci + 1);
        const entry: SheetSnapshot["cells"][string] = { value: v };
        const f = this.formulas.get(k);
        if (f !== undefined) entry.formula = f;
        const nf = this.numberFormats[ci]?.[ri];
        if (nf !== undefined) entry.numberFormat = nf;
        const st = this.styles.get(k);
        if (st) entry.style = { ...st };
        cells[addr(k)] = entry;
      });
    });
    for (const [k, st] of this.styles) {
      if (cells[addr(k)]) continue;
      formats[addr(k)] = { style: { ...st } };
    }
    this.numberFormats.forEach((col, ci) => {
      col?.forEach((nf, ri) => {
        const a = addr(FakeSheet.key(ri + 1, ci + 1));
        if (nf === undefined || cells[a]) return;
        formats[a] = { ...(formats[a] ?? {}), numberFormat: nf };
      });
    });
    return {
      name: this.name,
      visibility: this.visibility,
      cells,
      formats,
      columnWidths: Object.fromEntries(this.columnWidths),
      hiddenRows: [...this.hiddenRows].sort((a, b) => a - b),
      merges: this.merges.map(rectAddress),
      frozenRows: this.frozenRows,
      conditionalFormats: this.conditionalFormats.map((cf) => ({ ...cf, areas: cf.areas.map((a) => ({ ...a })) })),
    };
  }
}

/**
 * The fake evaluates only constant rules: `=TRUE`, and formulas of the form `=N("…")=0` (what
 * Duizhang writes; N of text is 0). Anything else counts as false, which is how a user's own
 * rule that the fake cannot evaluate is treated.
 */
export function evaluateRule(formula: string): boolean {
  if (/^=\s*TRUE(\(\))?\s*$/i.test(formula)) return true;
  return /^=\s*N\(\s*"[^"]*"\s*\)\s*=\s*0\s*$/i.test(formula);
}

/** A cell for a fixture: a plain value, or a value with a fill, a number format, bold. */
export type FixtureCell =
  | StoredValue
  | null
  | { value: StoredValue | null; fill?: string; numberFormat?: string; bold?: boolean; fontColor?: string };

export interface FixtureSheet {
  name: string;
  /** Excel row of `rows[0]` (default 1). */
  top?: number;
  /** Excel column of `rows[r][0]` (default 1). */
  left?: number;
  rows: FixtureCell[][];
  hiddenRows?: number[];
  visibility?: Visibility;
  /** User's own conditional formats, e.g. to check ours never disturb them. */
  conditionalFormats?: { address: string; formula: string; fill?: string }[];
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

/** What `worksheet.onChanged` hands its handlers (the part of Excel's WorksheetChangedEventArgs the fake models). */
export interface FakeChangedEvent {
  type: "WorksheetChanged";
  worksheetId: string;
  /** The block of cells written since the last event, as `A1:B2`. */
  address: string;
  changeType: "RangeEdited";
  source: "Local";
}

export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  private readonly changeHandlers = new Map<string, Set<(event: FakeChangedEvent) => void>>();
  private readonly pendingChanges = new Map<FakeSheet, Rect>();
  private changeTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * Registers an onChanged handler for a sheet (by id). As in Excel, handlers are called after the
   * change, not inside the write: the writes of one moment are told once per sheet, with their block.
   */
  addChangeHandler(sheetId: string, handler: (event: FakeChangedEvent) => void): () => void {
    let set = this.changeHandlers.get(sheetId);
    if (!set) this.changeHandlers.set(sheetId, (set = new Set()));
    set.add(handler);
    return () => void set.delete(handler);
  }

  private noteChange(sheet: FakeSheet, row: number, column: number): void {
    if (!this.changeHandlers.get(sheet.id)?.size) return;
    const r = this.pendingChanges.get(sheet);
    if (r) this.pendingChanges.set(sheet, { r1: Math.min(r.r1, row), c1: Math.min(r.c1, column), r2: Math.max(r.r2, row), c2: Math.max(r.c2, column) });
    else this.pendingChanges.set(sheet, { r1: row, c1: column, r2: row, c2: column });
    if (this.changeTimer === null) this.changeTimer = setTimeout(() => this.tellChanges(), 0);
  }

  private tellChanges(): void {
    this.changeTimer = null;
    const changes = [...this.pendingChanges];
    this.pendingChanges.clear();
    for (const [sheet, rect] of changes) {
      const event: FakeChangedEvent = { type: "WorksheetChanged", worksheetId: sheet.id, address: rectAddress(rect), changeType: "RangeEdited", source: "Local" };
      for (const handler of [...(this.changeHandlers.get(sheet.id) ?? [])]) handler(event);
    }
  }
  readonly settings = new Map<string, unknown>();
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;

  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${name} exists`);
    if (name.length > 31 || /[\\/?*[\]:]/.test(name) || name.length === 0) {
      throw new FakeExcelError("InvalidArgument", `Bad sheet name ${name}`);
    }
    const s = new FakeSheet(name);
    s.onWrite = (sheet, row, column) => this.noteChange(sheet, row, column);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = name;
    return s;
  }

  deleteSheet(sheet: FakeSheet): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) {
      throw new FakeExcelError("InvalidOperation", "A workbook must keep at least one visible sheet");
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.activeSheet === sheet.name) this.activeSheet = this.sheets[0]?.name ?? null;
    if (this.selection?.sheet === sheet.name) this.selection = null;
  }

  /** Builds sheets from fixtures: values go in as stored (no conversion), fills as cell fills. */
  loadFixtures(fixtures: FixtureSheet[]): void {
    for (const f of fixtures) {
      const s = this.addSheet(f.name);
      if (f.visibility) s.visibility = f.visibility;
      const top = f.top ?? 1;
      const left = f.left ?? 1;
      f.rows.forEach((row, ri) => {
        row.forEach((cell, ci) => {
          const r = top + ri;
          const c = left + ci;
          if (cell !== null && typeof cell === "object") {
            if (cell.value !== null) s.setStored(r, c, cell.value);
            if (cell.numberFormat) s.setNumberFormat(r, c, cell.numberFormat);
            s.setStyle(r, c, { fill: cell.fill, bold: cell.bold, fontColor: cell.fontColor });
          } else if (cell !== null) s.setStored(r, c, cell as StoredValue);
        });
      });
      for (const h of f.hiddenRows ?? []) s.hiddenRows.add(h);
      for (const cf of f.conditionalFormats ?? []) {
        s.conditionalFormats.push({
          id: newId("cf"),
          type: "Custom",
          areas: cf.address.split(",").map((a) => parseArea(a.trim())),
          formula: cf.formula,
          fill: cf.fill ?? null,
          fontColor: null,
        });
      }
    }
  }
}
