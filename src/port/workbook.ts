/**
 * The workbook port: everything the use cases need from a workbook, and nothing more.
 *
 * Two implementations: `src/excel/` over office-js (inside Excel) and `src/xlsx/` over
 * .xlsx files (command line). Use cases and the task pane only ever see this interface.
 */
import type { Grid, IsoDate } from "../core/model";
import { msg, type Message } from "../core/messages";
import type { NotFen } from "../core/money";
import type { SheetGrid } from "../core/read/source";
import type { SheetOfRows } from "./cells";

export interface SheetInfo {
  name: string;
  /** Rows and columns of the used range (0 and 0 for an empty sheet). */
  rowCount: number;
  columnCount: number;
  /** Excel row / column number of the used range's top-left cell. */
  top: number;
  left: number;
  visible: boolean;
}

/** A date cell to write: stored as a real Excel date, shown as `yyyy-mm-dd` unless a format is given. */
export interface OutDate {
  date: IsoDate;
}

/** A cell to write. Plain strings are always written as text, never as formulas. */
export type OutValue = string | NotFen | boolean | null | OutDate;

export interface OutCell {
  value: OutValue;
  /** Excel number format, e.g. `#,##0.00` or `yyyy-mm-dd`. Strings get `@` unless set. */
  numberFormat?: string;
  bold?: boolean;
  /** Fill colour `#RRGGBB`. */
  fill?: string;
  /** Font colour `#RRGGBB`. */
  color?: string;
  /** Link to a cell in this workbook. */
  link?: { sheet: string; row: number; column?: number };
  /** Horizontal alignment. */
  align?: "left" | "center" | "right";
  /** Merge this cell across this many columns (to the right), e.g. for a title. */
  mergeAcross?: number;
  /** Draw a thin border around the cell. */
  border?: boolean;
  /** Point size of the font. */
  fontSize?: number;
  /** Wrap long text onto more lines inside the column's width (the row is made tall enough). */
  wrap?: boolean;
}

export type OutRow = (OutValue | OutCell)[];

export interface SheetSpec {
  name: string;
  rows: OutRow[];
  /** Column widths in characters (Excel's own unit on desktop). */
  columnWidths?: number[];
  /** Number formats per column, applied to number cells without their own. */
  columnFormats?: (string | null)[];
  /** Keep this many top rows visible when scrolling. */
  freezeRows?: number;
  /** Add an AutoFilter on the header row (1-based row within `rows`). */
  filterRow?: number;
  /** Last row (1-based within `rows`) the AutoFilter covers; default the last row (set it to keep totals out). */
  filterLastRow?: number;
  /** Columns (1-based) whose text cells all wrap, as `OutCell.wrap` does for one cell. */
  wrapColumns?: number[];
  /** Point size of every cell without its own `fontSize`; default the platform's (11). */
  fontSize?: number;
  /** Vertical alignment of every written cell; default the platform's (bottom). */
  verticalAlign?: "top" | "center";
  /** Print setup; applied where the platform supports it (ExcelApi 1.9 in Excel). */
  print?: PrintSetup;
  /** Put the sheet at this position (0 = first); default is last. */
  position?: number;
  /**
   * Charts over blocks of this sheet's own cells. Optional for the platform: where charts cannot be
   * written (ExcelJS), they are left out and the data block stays readable as a table.
   */
  charts?: ChartSpec[];
  /** Cells merged as blocks (letters from a template), 1-based rows and columns within `rows`. */
  merges?: CellBlock[];
  /** Heights in points by row (index 0 = row 1); null or missing keeps the platform's height. */
  rowHeights?: (number | null | undefined)[];
  /**
   * Write the sheet as the user's own, not ours (a built-in letter template the user then adapts): refused
   * with `not_ours` when a sheet of the name exists, and never deleted by `deleteSheet` or undo.
   */
  usersSheet?: boolean;
  /** Formats carried from a template onto the written rows (letters): see `TemplateFormats`. */
  templateFormats?: TemplateFormats;
  /**
   * A form to fill in (the credit application): its input cells are unlocked and validated, and the sheet is
   * protected without a password so only they can be typed in. Applied as far as the platform can
   * (`Capabilities.forms`); cells outside `inputs` stay locked.
   */
  form?: FormSpec;
}

/** What an input cell accepts (data validation), and the message shown when it is selected. */
export interface InputRule {
  /** `list`: one of `list` (a drop-down); `date`: a date; `whole`: a whole number ≥ `min`; `text`: anything (only the message). */
  kind: "list" | "date" | "whole" | "text";
  list?: readonly string[];
  min?: number;
  /** Said in the message; Excel itself cannot refuse a blank cell. */
  required?: boolean;
  /** Input message: a title (at most 32 characters) and a text (at most 255). */
  title: string;
  prompt: string;
  /** Shown when a typed value breaks the rule. */
  error?: string;
}

export interface FormInput {
  /** 1-based within `rows`. */
  row: number;
  column: number;
  rule: InputRule;
}

export interface FormSpec {
  inputs: FormInput[];
  /** Protect the sheet, without a password, so only the inputs can be changed. */
  protect: boolean;
}

/** A block of cells, 1-based and inclusive. */
export interface CellBlock {
  fromRow: number;
  toRow: number;
  fromColumn: number;
  toColumn: number;
}

/** How a cell of a template given as data looks (the built-in letters' styles). */
export interface CellLook {
  fontName?: string;
  fontSize: number;
  bold?: boolean;
  align?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  wrap?: boolean;
  /** Thin borders on these sides; `dashedTop` a dashed line above (a cut line). */
  border?: { top?: boolean; bottom?: boolean; left?: boolean; right?: boolean; dashedTop?: boolean };
  numberFormat?: string;
}

/**
 * Formats a written sheet takes from a template, row by row: fonts, fills, borders, alignment and number
 * formats of columns 1…`columns`. A written cell's own `numberFormat` stays where the template cell's
 * format is General or text (`@`, a placeholder typed as text); a user's chosen number format wins. Merges and heights are given separately (`merges`,
 * `rowHeights`). Where the platform cannot copy formats (Excel before ExcelApi 1.9), values are written
 * without them and `formatsCarried` in the capabilities says so.
 */
export interface TemplateFormats {
  /** For each written row (index 0 = row 1), the template row (1-based) whose formats it takes, or null. */
  sourceRows: (number | null)[];
  columns: number;
  /** A template sheet of this workbook, copied as it looks; or a template given as data, with each row's looks by column. */
  from: { sheet: string } | { looks: Record<string, CellLook>; cells: (string | null | undefined)[][] };
}

/** A cell written into a sheet at its place (the letters' register). */
export interface PlacedCell {
  row: number;
  column: number;
  cell: OutValue | OutCell;
}

/** Merges, column widths (characters) and row heights (points) of a sheet, as far as the platform can read them. */
export interface SheetLayout {
  merges: CellBlock[];
  /** Index 0 = column A; null for the default width. */
  columnWidths: (number | null)[];
  /** Index 0 = row 1; undefined for the default height. */
  rowHeights: (number | undefined)[];
}

/** Left, centre and right parts of a printed header or footer, in Excel's codes (`&P` page, `&N` pages). */
export interface HeaderFooterText {
  left?: string;
  center?: string;
  right?: string;
}

/** Margins in centimetres; `header` and `footer` are the distances of those lines from the paper's edge. */
export interface PrintMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
}

/**
 * How a sheet prints. Paper is always A4. Scale: with `fitToWidth` the columns are shrunk onto one page
 * width, but never below `minScale` percent (default 90, so 10 pt type prints at 9 pt or more); a sheet
 * too wide for that prints at `minScale` over more pages across instead. Without `fitToWidth`, `scale`
 * (default 100). See `printScale` in ./print for the arithmetic both ports share.
 */
export interface PrintSetup {
  orientation?: "portrait" | "landscape";
  fitToWidth?: boolean;
  minScale?: number;
  scale?: number;
  /** Rows repeated at the top of every printed page, 1-based within `rows`. */
  repeatRows?: [number, number];
  /**
   * Columns repeated at the left of every printed page (1-based), for a sheet too wide for one page: each
   * page across then still says whose row it is.
   */
  repeatColumns?: [number, number];
  centerHorizontally?: boolean;
  /** Default: 2 cm top and bottom, 1.3 cm left and right, header and footer 0.8 cm from the edge. */
  margins?: PrintMargins;
  /** Header and footer text; `&&` prints one ampersand. */
  header?: HeaderFooterText;
  footer?: HeaderFooterText;
  /**
   * The block printed, 1-based rows and columns within `rows`; default every written cell. `used`: no fixed
   * print area, so a sheet that grows later (a register) prints all it holds.
   */
  area?: { fromRow: number; toRow: number; fromColumn: number; toColumn: number } | "used";
  /** Rows (1-based within `rows`) that start a new printed page, e.g. each letter of a batch. */
  breakBefore?: number[];
}

/** A chart drawn from a block of the sheet it belongs to (Excel: `worksheet.charts.add`). */
export interface ChartSpec {
  type: "columnStacked" | "columnClustered" | "barStacked" | "pie";
  title?: string;
  /**
   * The data block, 1-based rows and columns within `rows`: its first row names the series and its
   * first column the categories.
   */
  source: { fromRow: number; toRow: number; fromColumn: number; toColumn: number };
  /** Series run down the columns (default) or along the rows. */
  seriesBy?: "columns" | "rows";
  /** Top-left cell of the chart (1-based) and how many columns and rows it spans. */
  at: { row: number; column: number; columns: number; rows: number };
}

/** A named look for marked rows; each kind of mark has one. */
export interface MarkStyle {
  /** Fill colour `#RRGGBB`. */
  fill: string;
  /** Font colour, optional. */
  color?: string;
}

export interface RowMark {
  row: number;
  /** Key of the style, e.g. `amount_mismatch`; also used to find the mark again. */
  style: string;
}

export interface Selection {
  sheet: string;
  row: number;
  /** Last row of a block, inclusive; default `row`. */
  rowEnd?: number;
  /** Column number; whole used width of the row when left out. */
  column?: number;
}

/** Progress of a long operation, for a progress bar. */
export interface Progress {
  done: number;
  total: number;
}

export interface ReadOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface Capabilities {
  /** Several row blocks in one call (Excel's RangeAreas, ExcelApi 1.9). */
  rangeAreas: boolean;
  /** Page setup for printing (ExcelApi 1.9). */
  pageLayout: boolean;
  /** `SheetSpec.templateFormats` is carried (ExcelApi 1.9 in Excel: `Range.copyFrom`). */
  copyFormats?: boolean;
  /**
   * What a `SheetSpec.form` gets: data validation (ExcelApi 1.8 in Excel), locked cells and sheet protection
   * (ExcelApi 1.2). Missing means neither.
   */
  forms?: { validation: boolean; protection: boolean };
  /** What the platform is, for messages: `excel` or `xlsx`. */
  kind: "excel" | "xlsx";
}

/** One sheet's marks in a `writeResults` batch: as `markRows` takes them. */
export interface SheetMarks {
  sheet: string;
  group: string;
  marks: RowMark[];
  styles: Record<string, MarkStyle>;
}

/** What a run leaves in the workbook, written together: marks on the user's sheets, then our result sheets. */
export interface ResultBatch {
  marks?: SheetMarks[];
  sheets?: SheetSpec[];
}

/** A change to a watched sheet, as the platform reports it. */
export interface SheetChange {
  sheet: string;
  /** The changed cells (`A5:H9`), when the platform tells. */
  address?: string;
}

/**
 * A workbook to read: its sheets and their values, and nothing that changes it. Every input is one, a CSV
 * file or an old .xls workbook too, which can be nothing more; a use case that only reads asks for this.
 */
export interface ReadableWorkbook {
  /** For a file that can only be read, what it is (a CSV file, an old .xls workbook), to say when asked to write into it. */
  readonly readOnlyKind?: "csv" | "xls";
  capabilities(): Promise<Capabilities>;
  listSheets(): Promise<SheetInfo[]>;
  /** The used range of a sheet as values; never changes the sheet. Throws `PortError` `no_sheet` for an unknown name. */
  readSheet(name: string, options?: ReadOptions): Promise<Grid>;
  /**
   * The sheet for the reader, as `readSheet` or as a source of its rows (`RowsGrid`) where the platform
   * can give them one at a time without holding them all (a large CSV file). Optional: without it the
   * reader takes `readSheet`'s grid.
   */
  readRows?(name: string, options?: ReadOptions): Promise<SheetGrid>;
  /**
   * Several sheets read together: as `readSheet` each, in fewer round trips where the platform has them
   * (every used range in one request, the values of small sheets in the next). Optional: `readSheetsOf`
   * in ./batch reads one by one where a port leaves it out.
   */
  readSheets?(names: readonly string[], options?: ReadOptions): Promise<Grid[]>;
  /** Merges, widths and heights of a sheet (a user's letter template); empty lists where the platform cannot tell. */
  readLayout(name: string): Promise<SheetLayout>;
  /** Small per-file settings (JSON values); a file without any (CSV) has none. */
  getSetting<T = unknown>(key: string): Promise<T | undefined>;
}

/** Whether a workbook can also be written and marked (Excel, an .xlsx file), not only read (CSV, .xls). */
export function isWritable(port: ReadableWorkbook): port is WorkbookPort {
  return typeof (port as Partial<WorkbookPort>).writeSheet === "function" && typeof (port as Partial<WorkbookPort>).markRows === "function";
}

/**
 * `port` itself where it can be written; a workbook that can only be read (a CSV file, an .xls workbook) is
 * refused with `PortError` `unsupported` naming `sheet` (its detail), and saying which kind of file it is,
 * what was attempted (`action`, default writing the results) and what to do instead (`port.read_only`): for
 * a use case whose results go into its input's workbook unless it is given another.
 */
export function writableOr(port: ReadableWorkbook, sheet: string, action: Message = msg("port.action.results", {})): WorkbookPort {
  if (isWritable(port)) return port;
  const kind = port.readOnlyKind === "csv" ? msg("port.kind.csv", {}) : port.readOnlyKind === "xls" ? msg("port.kind.xls", {}) : msg("port.kind.other", {});
  throw new PortError("unsupported", sheet, msg("port.read_only", { sheet, kind, action }));
}

/** A workbook that is read, written and marked: Excel itself, or an .xlsx file. */
export interface WorkbookPort extends ReadableWorkbook {
  /**
   * Create or replace one of our own sheets with these rows. A sheet of that name that we did not
   * create is the user's: it is left alone and `PortError` `not_ours` is thrown.
   */
  writeSheet(spec: SheetSpec, options?: ReadOptions): Promise<void>;
  /**
   * Optional: `writeSheet(withRows(sheet))` with the rows asked for one at a time as they are written, never
   * all held (a file written as it is made); a port without it is given the sheet whole.
   */
  writeSheetRows?(sheet: SheetOfRows, options?: ReadOptions): Promise<void>;
  /** Names of the sheets we created (result sheets), in the order they were made. */
  ownSheets(): Promise<string[]>;
  /** Delete one of our own sheets, if it exists. */
  deleteSheet(name: string): Promise<void>;
  /**
   * Mark rows of a user's sheet with the named styles, under a group (e.g. `reconcile`, `aging`).
   * Marks overlay the user's formats and never replace them; a new call for the same group and sheet
   * replaces that group's previous marks there.
   */
  markRows(sheet: string, group: string, marks: RowMark[], styles: Record<string, MarkStyle>): Promise<void>;
  /** Remove a group's marks (from one sheet, or from every sheet), restoring exactly the look the rows had. */
  clearMarks(group: string, sheet?: string): Promise<void>;
  /** Which rows carry which marks of a group on a sheet (for the legend and tests). */
  listMarks(group: string, sheet: string): Promise<RowMark[]>;
  /** Move the selection (navigation from the pane to the sheet). */
  select(target: Selection): Promise<void>;
  /** Small per-file settings (JSON values), kept in the file. */
  setSetting(key: string, value: unknown): Promise<void>;
  /**
   * Write single cells into a sheet, creating it when missing. Unlike `writeSheet` the sheet is not ours
   * (undo never deletes it: the letters' register is the company's record) and no other cell is touched;
   * the caller decides which cells may be written.
   */
  writeCells(sheet: string, cells: PlacedCell[], options?: ReadOptions & { listValidation?: { column: number; fromRow: number; toRow: number; values: readonly string[] }[] }): Promise<void>;
  /**
   * Marks and result sheets of a run in one go, as `markRows` for each `marks` entry and then
   * `writeSheet` for each sheet, with the same checks (`not_ours`, `no_sheet`), in fewer round trips.
   * Optional: `writeResultsOf` in ./batch does it call by call where a port leaves it out.
   */
  writeResults?(batch: ResultBatch, options?: ReadOptions): Promise<void>;
  /**
   * Tells `onChange` when a cell of one of these sheets changes (Excel's `worksheet.onChanged`,
   * ExcelApi 1.7). Returns the unsubscribe, and null where the platform has no such events (a file
   * does not change under us; an older Excel): the caller then compares what it read instead.
   */
  watchSheets?(names: readonly string[], onChange: (change: SheetChange) => void): Promise<(() => Promise<void>) | null>;
}

export type PortErrorCode = "no_sheet" | "not_ours" | "too_large" | "unsupported" | "cancelled" | "io";

/**
 * A failure the user can act on; `detail` names the sheet or file. `said`, where the port knows more, is the
 * whole of it as a message (what went wrong with which file or sheet, and what to do), for the text shown.
 */
export class PortError extends Error {
  constructor(
    readonly code: PortErrorCode,
    readonly detail: string,
    readonly said?: Message,
  ) {
    super(`${code}: ${detail}`);
    this.name = "PortError";
  }
}
