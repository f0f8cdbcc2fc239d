/**
 * The workbook port over .xlsx files with ExcelJS, for the command line.
 *
 * It behaves like the office-js implementation (one contract suite runs against both):
 * - A workbook opened from a file is a read-only view of that file: `save` refuses to write
 *   over it, so a user's input is never changed.
 * - An opened file's values are read straight from its sheet XML, row by row (./stream-read), under the
 *   zip caps (./zip); the ExcelJS workbook is loaded only when something needs more (`load`).
 * - Marks are conditional formats with a tagged expression (see `src/port/marks.ts`): they
 *   overlay the cells' own fills and clearing removes only ours. One rule per style covers all
 *   its row blocks (a multi-area `sqref`).
 * - Settings live in a very hidden sheet `_duizhang` (column A key, column B JSON), which
 *   survives save and open; the port never lists it, reads it, or lets it be written.
 * - Our own sheets are listed in the setting `duizhang.ownedSheets`, as in Excel.
 * - Text cells get number format `@`; ExcelJS writes strings as shared strings anyway, so
 *   nothing written here becomes a formula.
 * - Selection: ExcelJS has no live selection; the sheet's view gets the active cell and the
 *   workbook's active tab, so Excel opens the file there, and `lastSelection` records it.
 */
import type ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { Writable } from "stream";
import { writeFileWhole, type ByteSink, type WholeFileFs } from "../port/whole-file";
import { makeWorkbookXmlSafe } from "./xml-safe";
import { serialDate, XlsxPackage } from "./stream-read";
import { ZipError, ZipReader } from "./zip";
import { msg } from "../core/messages";
import type { CellValue, Grid } from "../core/model";
import { valuesGrid, type SheetGrid } from "../core/read/source";
import {
  Capabilities,
  CellLook,
  FormSpec,
  HeaderFooterText,
  PlacedCell,
  SheetLayout,
  MarkStyle,
  PortError,
  ReadOptions,
  RowMark,
  Selection,
  SheetInfo,
  SheetSpec,
  WorkbookPort,
} from "../port/workbook";
import { argbOf as argb, checkMarkStyles, markFormula, parseMarkFormula } from "../port/marks";
import { blockOfAddress, columnLetters, quoteSheet, rowBlocks, rowsOfAddress, sameSheetName, sheetNamed } from "../port/addresses";
import { OWNED_SHEETS_KEY, OWNED_SHEET_IDS_KEY, parseOwned } from "../port/owned";
import { CUT_MARK, fitCellText, MAX_CELL_TEXT, planCell, specWidth, type CutText, type PlannedCell } from "../port/cells";
import { marginsOf, printScale, wrappedRowHeights } from "../port/print";

export const SETTINGS_SHEET = "_duizhang";
/** The size of an .xlsx sheet: rows × columns (A to XFD). */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;
const READ_CHUNK_ROWS = 10_000;

let excelJsLoaded: typeof ExcelJS | null = null;

/**
 * ExcelJS, loaded the first time a workbook model is needed rather than with this module: with the
 * packages it brings (zip, streams, CSV, polyfills) it takes about half a second to load, which a command
 * that reads and writes only CSV (or reads an .xlsx file's values from its XML) never needs to spend.
 */
function excelJs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (excelJsLoaded ??= require("exceljs") as typeof ExcelJS);
}

/** What every written cell of a sheet shares. */
interface SheetLook {
  fontSize?: number;
  vertical?: "top" | "middle";
}

/** A sheet spec for building a user's workbook (the sample): hidden rows too. */
export interface UserSheetSpec extends SheetSpec {
  /** Excel row numbers to hide. */
  hiddenRows?: number[];
}

interface ConditionalFormattingEntry {
  ref: string;
  rules: { type: string; formulae?: unknown[]; priority?: number; style?: Partial<ExcelJS.Style> }[];
}

/** ExcelJS keeps these on the worksheet without declaring them in its typings. */
interface WorksheetInternals {
  orderNo: number;
  conditionalFormattings: ConditionalFormattingEntry[];
  mergeCellsWithoutStyle(range: string): void;
}

function internals(ws: ExcelJS.Worksheet): WorksheetInternals {
  return ws as unknown as WorksheetInternals;
}

function checkAbort(signal: AbortSignal | undefined, detail: string): void {
  if (signal?.aborted) throw new PortError("cancelled", detail);
}

/** A cell's value as the port hands it over: formulas give their result, rich text its text. */
export function cellValueOf(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  // A Date from another realm (a sheet copied with structuredClone under a test runner) is a Date too.
  if (value instanceof Date) return value;
  if (Object.prototype.toString.call(value) === "[object Date]") return new Date((value as unknown as Date).getTime());
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((t) => t.text).join("") || null;
    if ("hyperlink" in value) return cellValueOf((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ("error" in value) return value.error;
    if ("result" in value || "formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return cellValueOf(result as ExcelJS.CellValue);
    }
  }
  return null;
}

/**
 * A cell's value as Excel shows it: a formula's last result even when it is 0 or FALSE (ExcelJS's `value`
 * leaves such a result out), a merged cell its area's top-left value.
 */
export function valueOfCell(cell: ExcelJS.Cell): CellValue {
  const { ValueType } = excelJs();
  const master = cell.type === ValueType.Merge ? cell.master : cell;
  if (master.type === ValueType.Formula) return cellValueOf(master.result as ExcelJS.CellValue);
  return cellValueOf(master.value);
}

/**
 * ExcelJS reads a cell in an East-Asian built-in date format (Excel's ids 27–36 and 50–58, which it has no
 * code for) as a plain number in the General format. The cells `eastAsianDateCells` found in the file get
 * that format's code and, for a number or a formula's number result, its Date: the cell then reads, and a
 * copy of it shows, as Excel shows it, and as the sheet's XML reads.
 */
function giveEastAsianDates(ws: ExcelJS.Worksheet, cells: readonly { row: number; column: number; format: string }[], date1904: boolean): void {
  const { ValueType } = excelJs();
  for (const { row, column, format } of cells) {
    const cell = ws.getCell(row, column);
    // A copy of the style: ExcelJS shares one style object among the cells of a style index.
    cell.style = { ...cell.style, numFmt: format };
    if (cell.type === ValueType.Number) cell.value = serialDate(cell.value as number, date1904);
    else if (cell.type === ValueType.Formula && typeof cell.result === "number") {
      cell.value = { ...(cell.value as ExcelJS.CellFormulaValue), result: serialDate(cell.result, date1904) };
    }
  }
}

/**
 * A copy shows the values that were read, not live formulas: a formula in someone else's file may point at
 * sheets the copy does not have, or out of the workbook (HYPERLINK, WEBSERVICE). Each formula becomes its last
 * result and each hyperlink its text; number formats and styles stay.
 */
function freezeValues(ws: ExcelJS.Worksheet): void {
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value;
      if (v === null || typeof v !== "object" || v instanceof Date) return;
      if ("formula" in v || "sharedFormula" in v || "hyperlink" in v) {
        const plain = valueOfCell(cell);
        cell.value = plain;
        // Text that came out of a formula stays text if someone edits the copy.
        if (typeof plain === "string") cell.numFmt = "@";
      }
    });
  });
}

/**
 * A copy's texts as a cell can hold them (`fitCellText`), as every sheet written here has them: another
 * program's file may hold a longer text, which Excel "repairs" on opening. Each text cut is told to `cut`
 * (row, column, its length before), for the command line to report as it reports any other.
 */
function fitCopiedTexts(ws: ExcelJS.Worksheet, cut: (row: number, column: number, length: number) => void): void {
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A merged cell's followers show the first cell's value: that one is cut on its own.
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value;
      if (typeof v === "string") {
        if (v.length <= MAX_CELL_TEXT) return;
        cell.value = fitCellText(v);
        cut(r, c, v.length);
      } else if (v !== null && typeof v === "object" && "richText" in v) {
        const length = v.richText.reduce((n, t) => n + t.text.length, 0);
        if (length <= MAX_CELL_TEXT) return;
        // The runs up to where `fitCellText` cuts the whole text, the last of them ending in its mark.
        let keep = fitCellText(v.richText.map((t) => t.text).join("")).length - CUT_MARK.length;
        const runs: ExcelJS.RichText[] = [];
        for (const t of v.richText) {
          if (keep <= 0) break;
          runs.push({ ...t, text: t.text.slice(0, keep) });
          keep -= t.text.length;
        }
        const last = runs[runs.length - 1];
        if (last) runs[runs.length - 1] = { ...last, text: last.text + CUT_MARK };
        cell.value = { ...v, richText: runs };
        cut(r, c, length);
      }
    });
  });
}

function valueBounds(ws: ExcelJS.Worksheet): { r1: number; c1: number; r2: number; c2: number } | null {
  let b: { r1: number; c1: number; r2: number; c2: number } | null = null;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (valueOfCell(cell) === null) return;
      if (!b) b = { r1: r, c1: c, r2: r, c2: c };
      else {
        b.r1 = Math.min(b.r1, r);
        b.r2 = Math.max(b.r2, r);
        b.c1 = Math.min(b.c1, c);
        b.c2 = Math.max(b.c2, c);
      }
    });
  });
  return b;
}

export class XlsxWorkbook implements WorkbookPort {
  /** The last `select` made, for tests and the command line. */
  lastSelection: Selection | null = null;
  /** Texts cut to a cell's limit as they were written (`fitCellText`), for the command line to report. */
  readonly textsCut: CutText[] = [];

  /** The ExcelJS workbook, once something needs more than the sheets' values (see `load`). */
  private model: ExcelJS.Workbook | null;
  private loading: Promise<void> | null = null;

  private constructor(
    model: ExcelJS.Workbook | null,
    /** Absolute path of the file this was opened from; never written to. */
    readonly sourcePath: string | null,
    /** An opened file as it is on disk: its sheets are read from here until the ExcelJS workbook is loaded. */
    private readonly file: { bytes: Buffer; zip: ZipReader; pkg: XlsxPackage; name: string } | null = null,
  ) {
    this.model = model;
  }

  /** The ExcelJS workbook underneath, for inspection in tests; an opened file has it once `load` has run. */
  get workbook(): ExcelJS.Workbook {
    if (!this.model) throw new Error("the workbook is not loaded yet: await load() first");
    return this.model;
  }

  /** A read-only view of a file, loaded whole; `save` must go elsewhere. */
  static async open(file: string): Promise<XlsxWorkbook> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
      throw new PortError("io", file, missing ? msg("xlsx.open.not_found", { file }) : msg("xlsx.open.unreadable", { file }));
    }
    const x = await XlsxWorkbook.openBytes(bytes, file);
    await x.load();
    return x;
  }

  /**
   * A read-only view of a file's bytes already read (the command line reads them itself to say what is wrong).
   * The zip is checked against its caps and every sheet indexed here, so a file that cannot be read fails
   * now: `PortError` `too_large` (a zip bomb: see ./zip) or `io`, saying what is wrong and what to do.
   * Values are then read straight from the sheets' XML (./stream-read); the ExcelJS workbook is loaded only
   * when something needs more. `label` names the file in messages (the path as the user wrote it).
   */
  static async openBytes(bytes: Uint8Array, file: string, label: string = file): Promise<XlsxWorkbook> {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    try {
      const zip = new ZipReader(buf);
      const pkg = new XlsxPackage(zip);
      for (const entry of pkg.sheets) pkg.sheet(entry);
      return new XlsxWorkbook(null, path.resolve(file), { bytes: buf, zip, pkg, name: label });
    } catch (e) {
      throw zipFailure(e, label);
    }
  }

  /**
   * Loads the whole workbook with ExcelJS, for anything beyond the sheets' values (formats, marks, copies,
   * writes). Every zip entry is first inflated once under the caps, so ExcelJS never meets a bomb.
   */
  async load(): Promise<void> {
    if (this.model) return;
    const file = this.file!;
    this.loading ??= (async () => {
      try {
        file.zip.checkAll();
      } catch (e) {
        throw zipFailure(e, file.name);
      }
      // Sheets whose names differ only in case (another program's file: Excel allows none) are read one by one
      // from the XML, but ExcelJS will not hold them, so nothing can be copied or marked: said as such.
      const names = file.pkg.sheets.map((s) => s.name);
      const twins = names.filter((n) => names.some((m) => m !== n && sameSheetName(m, n)));
      if (twins.length > 0) throw new PortError("io", file.name, msg("xlsx.sheet_twins", { file: file.name, sheets: twins }));
      const wb = new (excelJs().Workbook)();
      try {
        await wb.xlsx.load(file.bytes as unknown as ExcelJS.Buffer);
      } catch {
        throw new PortError("io", file.name, msg("xlsx.damaged", { file: file.name, why: msg("xlsx.damaged.content", {}) }));
      }
      for (const entry of file.pkg.sheets) {
        const ws = wb.getWorksheet(entry.name);
        if (ws) giveEastAsianDates(ws, file.pkg.eastAsianDateCells(entry), file.pkg.date1904);
      }
      this.model = wb;
    })();
    await this.loading;
  }

  static create(): XlsxWorkbook {
    return new XlsxWorkbook(new (excelJs().Workbook)(), null);
  }

  /** A workbook whose sheets are the user's (not ours): for the sample workbook and fixtures. */
  static fromSpecs(specs: UserSheetSpec[]): XlsxWorkbook {
    const x = XlsxWorkbook.create();
    for (const spec of specs) {
      const ws = x.workbook.addWorksheet(spec.name);
      x.fillSheet(ws, spec);
      for (const r of spec.hiddenRows ?? []) ws.getRow(r).hidden = true;
    }
    return x;
  }

  /**
   * Writes the workbook to `file`, which must not be the file it was opened from, whole or not at all
   * (see `writeFileWhole`): a failed write leaves an earlier file of that name as it was. A file already
   * there is replaced only with `replace` (the default, for fixtures and the sample); the command line
   * passes `replace: false` unless `--force` was given. Text XML cannot carry is dropped first.
   * Failures to write are `WholeFileError`s naming the stage and the system's code.
   */
  async save(file: string, options: { replace?: boolean; fs?: WholeFileFs } = {}): Promise<void> {
    const target = path.resolve(file);
    if (this.sourcePath && (await samePath(this.sourcePath, target))) {
      throw new PortError("io", file, msg("xlsx.save.input", { file }));
    }
    await this.load();
    makeWorkbookXmlSafe(this.workbook, SETTINGS_SHEET);
    await writeFileWhole(target, (sink) => this.writeTo(sink), { replace: options.replace ?? true, ...(options.fs ? { fs: options.fs } : {}) });
  }

  /** Hands the .xlsx bytes to `sink` as ExcelJS's zip stream gives them (today: all at once, when the zip is finished). */
  private writeTo(sink: ByteSink): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const stream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          sink.write(chunk).then(() => done(), done);
        },
      });
      stream.on("finish", () => resolve());
      stream.on("error", reject);
      this.workbook.xlsx
        .write(stream)
        .then(() => stream.end())
        .catch(reject);
    });
  }

  async toBuffer(): Promise<Uint8Array> {
    await this.load();
    makeWorkbookXmlSafe(this.workbook, SETTINGS_SHEET);
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }

  /**
   * Copies a sheet of another workbook (values, formats, widths, merges, views, conditional
   * formats) into this one as one of our sheets, e.g. the input sheets of a result workbook. Formulas and
   * links become their values, and a text longer than a cell holds is cut (`fitCellText`) and kept in `textsCut`.
   */
  async copySheetFrom(source: XlsxWorkbook, name: string, newName: string, options: { usersSheet?: boolean } = {}): Promise<void> {
    await Promise.all([this.load(), source.load()]);
    const from = source.userSheet(name);
    // A copy of the user's own record (the letters' register, 本公司信息) stays theirs: undo never deletes it.
    if (options.usersSheet && this.findSheet(newName)) throw new PortError("not_ours", newName);
    await this.prepareOwnSheet(newName);
    const ws = this.workbook.addWorksheet(newName);
    const model = structuredClone(from.model) as unknown as Record<string, unknown>;
    const merges = (model.merges as string[] | undefined) ?? [];
    Object.assign(model, { id: ws.id, name: newName, media: [], tables: [], state: "visible" });
    (ws as unknown as { model: unknown }).model = model;
    for (const m of merges) internals(ws).mergeCellsWithoutStyle(m);
    freezeValues(ws);
    fitCopiedTexts(ws, (row, column, length) => this.textsCut.push({ sheet: newName, row, column, length }));
    if (!options.usersSheet) await this.recordOwned(newName);
  }

  async capabilities(): Promise<Capabilities> {
    return { rangeAreas: true, pageLayout: true, copyFormats: true, forms: { validation: true, protection: true }, kind: "xlsx" };
  }

  /** Template sheets of other workbooks whose formats `templateFormats` may copy, by name (a template given as a file). */
  private readonly templateSources = new Map<string, { source: XlsxWorkbook; sheet: string }>();

  /** Lets `templateFormats.from.sheet` name a sheet of another workbook (`--template FILE#SHEET`); its formats are copied, not the sheet. */
  useTemplateSheet(source: XlsxWorkbook, sheet: string, as: string = sheet): void {
    this.templateSources.set(as, { source, sheet });
  }

  /** Merges, heights and template formats of a written sheet; merges first, so each merged cell then gets its own template look. */
  private applyTemplateLayout(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
    spec.rowHeights?.forEach((h, i) => {
      if (typeof h === "number" && h > 0) ws.getRow(i + 1).height = h;
    });
    for (const m of spec.merges ?? []) {
      if (m.toRow > m.fromRow || m.toColumn > m.fromColumn) ws.mergeCells(m.fromRow, m.fromColumn, m.toRow, m.toColumn);
    }
    const t = spec.templateFormats;
    if (!t) return;
    let styleOf: (row: number, column: number) => Partial<ExcelJS.Style> | undefined;
    if ("sheet" in t.from) {
      const named = this.templateSources.get(t.from.sheet);
      const source = named ? named.source.userSheet(named.sheet) : this.findSheet(t.from.sheet);
      if (!source) throw new PortError("no_sheet", t.from.sheet);
      styleOf = (row, column) => source.getCell(row, column).style;
    } else {
      const { looks, cells } = t.from;
      const cache = new Map<string, Partial<ExcelJS.Style>>();
      styleOf = (row, column) => {
        const id = cells[row - 1]?.[column - 1];
        const look = id ? looks[id] : undefined;
        if (!id || !look) return undefined;
        let style = cache.get(id);
        if (!style) cache.set(id, (style = styleFromLook(look)));
        return style;
      };
    }
    t.sourceRows.forEach((from, i) => {
      if (from === null || from === undefined) return;
      const row = spec.rows[i] ?? [];
      for (let c = 1; c <= t.columns; c++) {
        const style = styleOf(from, c);
        if (!style) continue;
        const own = row[c - 1];
        const ownFormat = own !== null && typeof own === "object" && "value" in own ? own.numberFormat : undefined;
        const copy = structuredClone(style) as Partial<ExcelJS.Style>;
        if (ownFormat && (!copy.numFmt || copy.numFmt === "General" || copy.numFmt === "@")) copy.numFmt = ownFormat;
        ws.getCell(i + 1, c).style = copy;
      }
    });
  }

  async writeCells(
    sheet: string,
    cells: PlacedCell[],
    options: ReadOptions & { listValidation?: { column: number; fromRow: number; toRow: number; values: readonly string[] }[] } = {},
  ): Promise<void> {
    checkAbort(options.signal, sheet);
    await this.load();
    if (sameSheetName(sheet, SETTINGS_SHEET)) throw new PortError("not_ours", sheet);
    const ws = this.findSheet(sheet) ?? this.workbook.addWorksheet(sheet);
    for (const p of cells) this.writeCell(ws, p.row, p.column, planCell(p.cell, null));
    for (const v of options.listValidation ?? []) {
      const list = `"${v.values.join(",")}"`;
      for (let r = v.fromRow; r <= v.toRow; r++) ws.getCell(r, v.column).dataValidation = { type: "list", allowBlank: true, formulae: [list] };
    }
  }

  async readLayout(name: string): Promise<SheetLayout> {
    await this.load();
    const ws = this.userSheet(name);
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map(blockOfAddress).filter((b): b is NonNullable<typeof b> => b !== null);
    const columnWidths: (number | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) columnWidths.push(ws.getColumn(c).width ?? null);
    const rowHeights: (number | undefined)[] = [];
    for (let r = 1; r <= ws.rowCount; r++) rowHeights.push(ws.getRow(r).height ?? undefined);
    return { merges, columnWidths, rowHeights };
  }

  private sheets(): ExcelJS.Worksheet[] {
    return this.workbook.worksheets.filter((ws) => ws.name !== SETTINGS_SHEET);
  }

  private findSheet(name: string): ExcelJS.Worksheet | undefined {
    return this.named(this.sheets(), name);
  }

  /**
   * The sheet of `sheets` that `name` names (`sheetNamed`: as spelled, else in another case); two whose
   * names differ only in case, neither spelled so, are refused naming both (`PortError` `no_sheet`), not one picked.
   */
  private named<T extends { name: string }>(sheets: readonly T[], name: string): T | undefined {
    const found = sheetNamed(sheets.map((s) => s.name), name);
    if (found === null) return undefined;
    if ("ambiguous" in found) {
      const file = this.file?.name ?? path.basename(this.sourcePath ?? "");
      throw new PortError("no_sheet", name, msg("sheet.ambiguous", { file, sheet: name, sheets: found.ambiguous }));
    }
    return sheets.find((s) => s.name === found.name);
  }

  private userSheet(name: string): ExcelJS.Worksheet {
    const ws = this.findSheet(name);
    if (!ws) throw new PortError("no_sheet", name);
    return ws;
  }

  /** The opened file's sheets as read from its XML (before the ExcelJS workbook is loaded), else null. */
  private streamed(): XlsxPackage | null {
    return this.model ? null : this.file!.pkg;
  }

  async listSheets(): Promise<SheetInfo[]> {
    const pkg = this.streamed();
    if (pkg) {
      return pkg.sheets
        .filter((s) => s.name !== SETTINGS_SHEET)
        .map((s) => {
          const b = pkg.sheet(s).bounds;
          return { name: s.name, rowCount: b ? b.rowCount : 0, columnCount: b ? b.columnCount : 0, top: b ? b.top : 1, left: b ? b.left : 1, visible: s.visible };
        });
    }
    return this.sheets().map((ws) => {
      const b = valueBounds(ws);
      return {
        name: ws.name,
        rowCount: b ? b.r2 - b.r1 + 1 : 0,
        columnCount: b ? b.c2 - b.c1 + 1 : 0,
        top: b ? b.r1 : 1,
        left: b ? b.c1 : 1,
        visible: ws.state === "visible" || ws.state === undefined,
      };
    });
  }

  /** A sheet of the opened file, by the port's rules (case-insensitive, never the settings sheet). */
  private streamedSheet(pkg: XlsxPackage, name: string) {
    const entry = this.named(pkg.sheets.filter((s) => s.name !== SETTINGS_SHEET), name);
    if (!entry) throw new PortError("no_sheet", name);
    return entry;
  }

  /** The sheet for the reader: rows parsed one at a time from the file's XML while the workbook is not loaded. */
  async readRows(name: string, options: ReadOptions = {}): Promise<SheetGrid> {
    checkAbort(options.signal, name);
    const pkg = this.streamed();
    return pkg ? pkg.rowsGrid(this.streamedSheet(pkg, name)) : this.readSheet(name, options);
  }

  async readSheet(name: string, options: ReadOptions = {}): Promise<Grid> {
    checkAbort(options.signal, name);
    const pkg = this.streamed();
    if (pkg) return valuesGrid(pkg.rowsGrid(this.streamedSheet(pkg, name)));
    const ws = this.userSheet(name);
    const date1904 = this.workbook.properties?.date1904 === true;
    const b = valueBounds(ws);
    const uncomputed = this.uncomputedCells(ws);
    const more = uncomputed.length > 0 ? { uncomputed } : {};
    if (!b) return { sheet: ws.name, top: 1, left: 1, values: [], hiddenRows: [], date1904, ...more };
    const values: CellValue[][] = [];
    const hiddenRows: number[] = [];
    const total = b.r2 - b.r1 + 1;
    options.onProgress?.({ done: 0, total });
    for (let start = b.r1; start <= b.r2; start += READ_CHUNK_ROWS) {
      checkAbort(options.signal, name);
      const end = Math.min(b.r2, start + READ_CHUNK_ROWS - 1);
      for (let r = start; r <= end; r++) {
        const row = ws.findRow(r);
        const line: CellValue[] = new Array(b.c2 - b.c1 + 1).fill(null);
        if (row) {
          if (row.hidden) hiddenRows.push(r);
          for (let c = b.c1; c <= b.c2; c++) {
            const cell = row.findCell(c);
            line[c - b.c1] = cell ? valueOfCell(cell) : null;
          }
        }
        values.push(line);
      }
      options.onProgress?.({ done: end - b.r1 + 1, total });
    }
    return { sheet: ws.name, top: b.r1, left: b.c1, values, hiddenRows, date1904, ...more };
  }

  /**
   * The sheet's formulas without a stored result (see `Grid.uncomputed`), row by row. ExcelJS gives an
   * empty text result (`t="str"`, empty `<v>`) no result either, so for an opened file the sheet's XML
   * says which cells were saved without one; a cell written since is a value, no formula.
   */
  private uncomputedCells(ws: ExcelJS.Worksheet): Array<[number, number]> {
    const { ValueType } = excelJs();
    const noResult = (cell: ExcelJS.Cell | undefined) => cell !== undefined && cell.type === ValueType.Formula && cell.result === undefined;
    const entry = this.file?.pkg.sheets.find((s) => s.name === ws.name);
    if (this.file && entry) return this.file.pkg.sheet(entry).uncomputed.filter(([r, c]) => noResult(ws.findRow(r)?.findCell(c)));
    const out: Array<[number, number]> = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (noResult(cell)) out.push([r, c]);
      });
    });
    return out;
  }

  private settingsSheet(): ExcelJS.Worksheet | undefined {
    return this.workbook.getWorksheet(SETTINGS_SHEET);
  }

  private readSettings(): Map<string, string> {
    const map = new Map<string, string>();
    const pkg = this.streamed();
    if (pkg) {
      const entry = pkg.sheets.find((s) => s.name === SETTINGS_SHEET);
      const grid = entry ? valuesGrid(pkg.rowsGrid(entry)) : null;
      grid?.values.forEach((row) => {
        // Column A key, column B JSON, wherever the used range starts.
        const at = (column: number) => (column >= grid.left ? row[column - grid.left] : null);
        const key = at(1);
        const json = at(2);
        if (typeof key === "string" && typeof json === "string") map.set(key, json);
      });
      return map;
    }
    this.settingsSheet()?.eachRow((row) => {
      const key = row.getCell(1).value;
      const json = row.getCell(2).value;
      if (typeof key === "string" && typeof json === "string") map.set(key, json);
    });
    return map;
  }

  private writeSettings(map: Map<string, string>): void {
    let ws = this.settingsSheet();
    if (!ws) ws = this.workbook.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
    const old = ws.rowCount;
    let r = 1;
    for (const [k, v] of map) {
      const row = ws.getRow(r++);
      row.getCell(1).value = k;
      row.getCell(2).value = v;
    }
    for (; r <= old; r++) {
      const row = ws.getRow(r);
      row.getCell(1).value = null;
      row.getCell(2).value = null;
    }
  }

  async getSetting<T = unknown>(key: string): Promise<T | undefined> {
    const json = this.readSettings().get(key);
    if (json === undefined) return undefined;
    try {
      return JSON.parse(json) as T;
    } catch {
      return json as unknown as T;
    }
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.load();
    const map = this.readSettings();
    if (value === undefined) map.delete(key);
    else map.set(key, JSON.stringify(value));
    this.writeSettings(map);
  }

  /** A file does not change under the command that has it open: no events, and nothing to watch. */
  async watchSheets(): Promise<null> {
    return null;
  }

  async ownSheets(): Promise<string[]> {
    await this.load();
    const ids = this.ownedIds();
    if (ids === null) return this.owned();
    return ids.flatMap((id) => this.workbook.worksheets.filter((ws) => String(ws.id) === id && this.isOurs(ws)).map((ws) => ws.name));
  }

  private owned(): string[] {
    const json = this.readSettings().get(OWNED_SHEETS_KEY);
    return json === undefined ? [] : parseOwned(json);
  }

  /**
   * The sheet ids (the file's sheetId, which Excel does not give a new sheet while the file has it) of our
   * sheets, as in the office-js port (OWNED_SHEET_IDS_KEY); null in a file from before they were kept.
   */
  private ownedIds(): string[] | null {
    const json = this.readSettings().get(OWNED_SHEET_IDS_KEY);
    return json === undefined ? null : parseOwned(json);
  }

  /** Ours by id where ids are kept, else (an older file) by name. */
  private isOurs(ws: ExcelJS.Worksheet): boolean {
    // The settings sheet may take a freed id ExcelJS hands out again: never one of the result sheets.
    if (sameSheetName(ws.name, SETTINGS_SHEET)) return false;
    const ids = this.ownedIds();
    return ids === null ? this.owned().some((n) => sameSheetName(n, ws.name)) : ids.includes(String(ws.id));
  }

  private async recordOwned(name: string): Promise<void> {
    const owned = [...this.owned().filter((n) => !sameSheetName(n, name)), name];
    // A file from before ids were kept: the sheets its names list holds are ours, and get their ids now.
    const ids = this.ownedIds() ?? this.workbook.worksheets.filter((ws) => owned.some((n) => sameSheetName(n, ws.name))).map((ws) => String(ws.id));
    const ws = this.findSheet(name);
    await this.setSetting(OWNED_SHEETS_KEY, owned);
    if (ws) await this.setSetting(OWNED_SHEET_IDS_KEY, [...ids.filter((id) => id !== String(ws.id)), String(ws.id)]);
  }

  /** Removes our previous sheet of that name; refuses if the name is the user's. Returns its position. */
  private async prepareOwnSheet(name: string): Promise<number | undefined> {
    if (sameSheetName(name, SETTINGS_SHEET)) throw new PortError("not_ours", name);
    const existing = this.findSheet(name);
    if (!existing) return undefined;
    if (!this.isOurs(existing)) throw new PortError("not_ours", name);
    const position = this.workbook.worksheets.indexOf(existing);
    this.workbook.removeWorksheet(existing.id);
    return position;
  }

  private placeAt(ws: ExcelJS.Worksheet, position: number): void {
    const order = this.workbook.worksheets.filter((w) => w !== ws);
    order.splice(Math.max(0, Math.min(position, order.length)), 0, ws);
    order.forEach((w, i) => (internals(w).orderNo = i + 1));
  }

  async writeSheet(spec: SheetSpec, options: ReadOptions = {}): Promise<void> {
    checkAbort(options.signal, spec.name);
    await this.load();
    const from = spec.templateFormats?.from;
    const template = from && "sheet" in from ? this.templateSources.get(from.sheet) : undefined;
    if (template) await template.source.load();
    const columns = specWidth(spec.rows);
    if (spec.rows.length > MAX_SHEET_ROWS || columns > MAX_SHEET_COLUMNS) {
      // ExcelJS would stop with a stack trace (columns) or write a file Excel refuses (rows).
      throw sheetTooLarge(spec.name, spec.rows.length, columns);
    }
    if (spec.usersSheet && (this.findSheet(spec.name) || sameSheetName(spec.name, SETTINGS_SHEET))) throw new PortError("not_ours", spec.name);
    const oldPosition = await this.prepareOwnSheet(spec.name);
    const ws = this.workbook.addWorksheet(spec.name);
    if (!spec.usersSheet) await this.recordOwned(spec.name);
    const position = spec.position ?? oldPosition;
    if (position !== undefined) this.placeAt(ws, position);
    this.fillSheet(ws, spec, options);
    if (spec.form) await applyForm(ws, spec.form);
  }

  private fillSheet(ws: ExcelJS.Worksheet, spec: SheetSpec, options: ReadOptions = {}): void {
    const width = specWidth(spec.rows);
    const total = spec.rows.length;
    const wrapColumns = new Set(spec.wrapColumns ?? []);
    const look: SheetLook = { fontSize: spec.fontSize, vertical: spec.verticalAlign === "center" ? "middle" : spec.verticalAlign };
    (spec.columnWidths ?? []).forEach((w, i) => {
      if (w > 0) ws.getColumn(i + 1).width = w;
    });
    options.onProgress?.({ done: 0, total });
    spec.rows.forEach((row, i) => {
      if (i > 0 && i % READ_CHUNK_ROWS === 0) {
        checkAbort(options.signal, spec.name);
        options.onProgress?.({ done: i, total });
      }
      row.forEach((cell, j) => {
        const planned = planCell(cell, spec.columnFormats?.[j]);
        if (planned.kind === "text" && wrapColumns.has(j + 1)) planned.wrap = true;
        this.writeCell(ws, i + 1, j + 1, planned, look);
      });
    });
    for (const [r, points] of wrappedRowHeights(spec)) ws.getRow(r).height = points;
    if (spec.freezeRows && spec.freezeRows > 0) {
      ws.views = [{ state: "frozen", ySplit: spec.freezeRows, xSplit: 0, topLeftCell: `A${spec.freezeRows + 1}` }];
    }
    if (spec.filterRow && width > 0 && spec.filterRow <= total) {
      const last = Math.min(total, Math.max(spec.filterRow, spec.filterLastRow ?? total));
      ws.autoFilter = `A${spec.filterRow}:${columnLetters(width)}${last}`;
    }
    this.applyTemplateLayout(ws, spec);
    if (spec.print) this.setUpPrinting(ws, spec, width);
    options.onProgress?.({ done: total, total });
  }

  /** A4 page setup: margins, scale (see `printScale`), title rows, header and footer, print area, page breaks. */
  private setUpPrinting(ws: ExcelJS.Worksheet, spec: SheetSpec, width: number): void {
    const p = spec.print!;
    const inches = (cm: number) => Math.round((cm / 2.54) * 1000) / 1000;
    const m = marginsOf(p);
    const scale = printScale(spec);
    Object.assign(ws.pageSetup, {
      paperSize: 9, // A4
      orientation: p.orientation ?? "portrait",
      // Each result sheet counts its own pages, also when the whole workbook is printed at once.
      firstPageNumber: 1,
      margins: { top: inches(m.top), bottom: inches(m.bottom), left: inches(m.left), right: inches(m.right), header: inches(m.header), footer: inches(m.footer) },
      ...(scale.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: scale.scale }),
    });
    if (p.repeatRows) ws.pageSetup.printTitlesRow = `${p.repeatRows[0]}:${p.repeatRows[1]}`;
    if (p.repeatColumns) ws.pageSetup.printTitlesColumn = `${columnLetters(p.repeatColumns[0])}:${columnLetters(p.repeatColumns[1])}`;
    if (p.centerHorizontally) ws.pageSetup.horizontalCentered = true;
    const area = p.area;
    // ExcelJS puts a "$" before each corner when it writes the name; the rows' "$" must be given (an area
    // with relative rows is read by LibreOffice as the whole sheet).
    const block = area === "used" ? null : area ?? (width > 0 && spec.rows.length > 0 ? { fromRow: 1, toRow: spec.rows.length, fromColumn: 1, toColumn: width } : null);
    if (block) ws.pageSetup.printArea = `${columnLetters(block.fromColumn)}$${block.fromRow}:${columnLetters(block.toColumn)}$${block.toRow}`;
    const part = (t: HeaderFooterText | undefined) =>
      t ? `${t.left ? `&L${t.left}` : ""}${t.center ? `&C${t.center}` : ""}${t.right ? `&R${t.right}` : ""}` : "";
    const header = part(p.header);
    const footer = part(p.footer);
    if (header || footer) ws.headerFooter = { ...(header ? { oddHeader: header } : {}), ...(footer ? { oddFooter: footer } : {}) };
    // A break goes under the row before the one that starts the page.
    for (const r of p.breakBefore ?? []) if (r > 1 && r <= spec.rows.length) ws.getRow(r - 1).addPageBreak();
  }

  private writeCell(ws: ExcelJS.Worksheet, r: number, c: number, p: PlannedCell, look: SheetLook = {}): void {
    const cell = ws.getCell(r, c);
    if (p.kind === "empty" && p.numberFormat === "General" && !p.bold && !p.fill && !p.border && !p.align && !p.color) return;
    // Format before value, as in Excel, where the order decides whether text stays text.
    if (p.numberFormat !== "General") cell.numFmt = p.numberFormat;
    cell.value = cellValue(p);
    if (p.cutFrom !== undefined) this.textsCut.push({ sheet: ws.name, row: r, column: c, length: p.cutFrom });
    const style = cellStyle(p, look.fontSize, look.vertical);
    if (style.font) cell.font = style.font;
    if (style.fill) cell.fill = style.fill;
    if (style.alignment) cell.alignment = style.alignment;
    if (style.border) cell.border = style.border;
    if (p.mergeAcross) ws.mergeCells(r, c, r, c + p.mergeAcross);
  }

  async deleteSheet(name: string): Promise<void> {
    await this.load();
    const existing = this.findSheet(name);
    if (existing && !this.isOurs(existing)) throw new PortError("not_ours", name);
    if (existing) {
      const ids = this.ownedIds();
      if (ids !== null) await this.setSetting(OWNED_SHEET_IDS_KEY, ids.filter((id) => id !== String(existing.id)));
      this.workbook.removeWorksheet(existing.id);
    }
    if (this.owned().some((n) => sameSheetName(n, name))) await this.setSetting(OWNED_SHEETS_KEY, this.owned().filter((n) => !sameSheetName(n, name)));
  }

  private ourRules(ws: ExcelJS.Worksheet): { entry: ConditionalFormattingEntry; group: string; style: string }[] {
    const out = [];
    for (const entry of internals(ws).conditionalFormattings ?? []) {
      const rule = entry.rules.length === 1 ? entry.rules[0] : undefined;
      const formula = rule?.type === "expression" ? rule.formulae?.[0] : undefined;
      const tag = typeof formula === "string" ? parseMarkFormula(formula) : null;
      if (tag) out.push({ entry, ...tag });
    }
    return out;
  }

  private removeGroup(ws: ExcelJS.Worksheet, group: string): void {
    const doomed = new Set(this.ourRules(ws).filter((r) => r.group === group).map((r) => r.entry));
    internals(ws).conditionalFormattings = (internals(ws).conditionalFormattings ?? []).filter((e) => !doomed.has(e));
  }

  async markRows(sheet: string, group: string, marks: RowMark[], styles: Record<string, MarkStyle>): Promise<void> {
    checkMarkStyles(marks, styles);
    await this.load();
    const ws = this.userSheet(sheet);
    this.removeGroup(ws, group);
    const b = valueBounds(ws);
    const c1 = columnLetters(b ? b.c1 : 1);
    const c2 = columnLetters(b ? b.c2 : 1);
    addMarkRules(ws, group, marks, styles, c1, c2);
  }

  async clearMarks(group: string, sheet?: string): Promise<void> {
    await this.load();
    const targets = sheet === undefined ? this.sheets() : [this.userSheet(sheet)];
    for (const ws of targets) this.removeGroup(ws, group);
  }

  async listMarks(group: string, sheet: string): Promise<RowMark[]> {
    await this.load();
    const ws = this.userSheet(sheet);
    const seen = new Set<string>();
    const marks: RowMark[] = [];
    for (const rule of this.ourRules(ws)) {
      if (rule.group !== group) continue;
      for (const row of rowsOfAddress(rule.entry.ref)) {
        const key = `${row}\u0000${rule.style}`;
        if (seen.has(key)) continue;
        seen.add(key);
        marks.push({ row, style: rule.style });
      }
    }
    return marks.sort((a, b) => a.row - b.row || (a.style < b.style ? -1 : a.style > b.style ? 1 : 0));
  }

  async select(target: Selection): Promise<void> {
    await this.load();
    const ws = this.userSheet(target.sheet);
    const b = valueBounds(ws);
    const column = target.column ?? (b ? b.c1 : 1);
    const activeCell = `${columnLetters(column)}${target.row}`;
    const view = ws.views?.[0] ?? {};
    ws.views = [{ ...view, activeCell } as ExcelJS.WorksheetView];
    const index = this.workbook.worksheets.indexOf(ws);
    this.workbook.views = [{ ...(this.workbook.views?.[0] ?? {}), activeTab: index, firstSheet: 0, visibility: "visible" } as ExcelJS.WorkbookView];
    this.lastSelection = { ...target, rowEnd: target.rowEnd ?? target.row };
  }
}

/** A built-in template's look as an ExcelJS style (font, alignment, borders, number format). */
function styleFromLook(look: CellLook): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: { name: look.fontName ?? "Calibri", size: look.fontSize, ...(look.bold ? { bold: true } : {}) },
    alignment: {
      ...(look.align ? { horizontal: look.align } : {}),
      ...(look.vertical ? { vertical: look.vertical === "center" ? "middle" : look.vertical } : {}),
      ...(look.wrap ? { wrapText: true } : {}),
    },
  };
  const b = look.border;
  if (b) {
    const thin: Partial<ExcelJS.Border> = { style: "thin" };
    style.border = {
      ...(b.top ? { top: thin } : b.dashedTop ? { top: { style: "dashed" } } : {}),
      ...(b.bottom ? { bottom: thin } : {}),
      ...(b.left ? { left: thin } : {}),
      ...(b.right ? { right: thin } : {}),
    };
  }
  if (look.numberFormat) style.numFmt = look.numberFormat;
  return style;
}

/**
 * A form's inputs: unlocked, each with its validation and input message; then the sheet protected without a
 * password (only the unlocked cells can be typed in; the user may lift the protection from 审阅).
 */
async function applyForm(ws: ExcelJS.Worksheet, form: FormSpec): Promise<void> {
  for (const input of form.inputs) {
    const cell = ws.getCell(input.row, input.column);
    cell.protection = { locked: false };
    const r = input.rule;
    const message = {
      showInputMessage: true,
      promptTitle: r.title.slice(0, 32),
      prompt: r.prompt.slice(0, 255),
      ...(r.error ? { showErrorMessage: true, errorStyle: "stop", errorTitle: r.title.slice(0, 32), error: r.error.slice(0, 255) } : {}),
    };
    if (r.kind === "list") cell.dataValidation = { type: "list", allowBlank: true, formulae: [`"${(r.list ?? []).join(",")}"`], ...message };
    else if (r.kind === "date") cell.dataValidation = { type: "date", operator: "greaterThan", allowBlank: true, formulae: [new Date(Date.UTC(1900, 0, 1))], ...message };
    else if (r.kind === "whole") cell.dataValidation = { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [r.min ?? 0], ...message };
    // A text input only shows its message: type "any" is ExcelJS's word for no rule.
    else cell.dataValidation = { type: "any", formulae: [], ...message } as unknown as ExcelJS.DataValidation;
  }
  if (form.protect) await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: false, formatRows: false });
}

/** A sheet of `rows` × `columns` (more than an .xlsx sheet holds) refused, naming it and what to do. */
export function sheetTooLarge(sheet: string, rows: number, columns: number): PortError {
  const n = (x: number) => x.toLocaleString("en-US");
  return new PortError("too_large", sheet, msg("xlsx.sheet_too_large", { sheet, rows: n(rows), columns: n(columns), maxRows: n(MAX_SHEET_ROWS), maxColumns: n(MAX_SHEET_COLUMNS) }));
}

/** A size cap as written: `1 GB`, `512 MB`. */
function bytesText(bytes: number): string {
  const gb = bytes / 1024 ** 3;
  return gb >= 1 && Number.isInteger(gb) ? `${gb} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

/**
 * A zip that could not be read, as the port's error naming the file (its detail) and saying what is wrong
 * with it and what to do: `too_large` past the caps, else `io`.
 */
function zipFailure(e: unknown, file: string): PortError {
  if (e instanceof PortError) return e;
  if (!(e instanceof ZipError)) return new PortError("io", file, msg("xlsx.damaged", { file, why: msg("xlsx.damaged.content", {}) }));
  const part = e.entry ?? "";
  const f = e.fault;
  switch (f.kind) {
    case "total":
      return new PortError("too_large", file, msg("xlsx.too_large", { file, why: msg("xlsx.too_large.total", { limit: bytesText(f.limitBytes) }) }));
    case "ratio":
      return new PortError("too_large", file, msg("xlsx.too_large", { file, why: msg("xlsx.too_large.ratio", { part, ratio: f.ratio }) }));
    case "declared":
      return new PortError("too_large", file, msg("xlsx.too_large", { file, why: msg("xlsx.too_large.declared", { part }) }));
    case "encrypted":
      return new PortError("io", file, msg("xlsx.encrypted", { file, part }));
    case "directory":
      return new PortError("io", file, msg("xlsx.damaged", { file, why: msg("xlsx.damaged.directory", {}) }));
    case "method":
      return new PortError("io", file, msg("xlsx.damaged", { file, why: msg("xlsx.damaged.method", { part, method: f.method }) }));
    case "missing":
      return new PortError("io", file, msg("xlsx.damaged", { file, why: msg("xlsx.damaged.missing", { part }) }));
    case "part":
      return new PortError("io", file, msg("xlsx.damaged", { file, why: msg("xlsx.damaged.part", { part }) }));
  }
}

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => {
    try {
      return await fs.realpath(p);
    } catch {
      return path.resolve(p);
    }
  };
  return (await real(a)) === (await real(b));
}

/**
 * One tagged conditional format per mark style over the blocks of its rows, columns `c1`..`c2`: how both
 * .xlsx writers (the opened workbook and the streamed result workbook) put marks into the file.
 */
export function addMarkRules(
  ws: Pick<ExcelJS.Worksheet, "addConditionalFormatting">,
  group: string,
  marks: readonly RowMark[],
  styles: Readonly<Record<string, MarkStyle>>,
  c1: string,
  c2: string,
): void {
  const byStyle = new Map<string, number[]>();
  for (const m of marks) {
    const rows = byStyle.get(m.style);
    // Pushed, not copied: a copy per mark made marking a 100,000-row ledger take over a minute.
    if (rows) rows.push(m.row);
    else byStyle.set(m.style, [m.row]);
  }
  for (const [styleName, rows] of byStyle) {
    const style = styles[styleName];
    const ref = rowBlocks(rows)
      .map(([a, z]) => `${c1}${a}:${c2}${z}`)
      .join(" ");
    const dxf: Partial<ExcelJS.Style> = {
      fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(style.fill) } },
    };
    if (style.color) dxf.font = { color: { argb: argb(style.color) } };
    // ExcelJS writes the formula into the file as is, and files hold formulas without "=".
    ws.addConditionalFormatting({
      ref,
      rules: [{ type: "expression", formulae: [markFormula(group, styleName).slice(1)], style: dxf } as ExcelJS.ExpressionRuleType],
    });
  }
}

/**
 * A planned cell's look as ExcelJS's style (number format, font, fill, alignment, border; only what it has),
 * for both .xlsx writers: `fontSize` and `vertical` are the sheet's, a cell's own size wins.
 */
export function cellStyle(p: PlannedCell, fontSize: number | undefined, vertical: "top" | "middle" | undefined): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (p.numberFormat !== "General") style.numFmt = p.numberFormat;
  const font: Partial<ExcelJS.Font> = {};
  const size = p.fontSize ?? fontSize;
  if (p.bold) font.bold = true;
  if (p.color) font.color = { argb: argb(p.color) };
  if (size) font.size = size;
  if (p.link) {
    font.underline = true;
    if (!p.color) font.color = { argb: "FF0563C1" };
  }
  // A font without a name falls back to the reader's own default (LibreOffice: a wider one), so it keeps the workbook's.
  if (Object.keys(font).length > 0) style.font = { name: "Calibri", family: 2, ...font };
  if (p.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(p.fill) } };
  if (p.align || p.wrap || vertical) {
    style.alignment = { ...(p.align ? { horizontal: p.align } : {}), ...(vertical ? { vertical } : {}), ...(p.wrap ? { wrapText: true } : {}) };
  }
  if (p.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin" };
    style.border = { top: thin, bottom: thin, left: thin, right: thin };
  }
  return style;
}

/**
 * A planned cell's value as ExcelJS takes it (a date as a UTC midnight, a link as text with a `#Sheet!A1`
 * target), for both .xlsx writers; `text` is applied to text values (the streamed writer makes them XML-safe).
 */
export function cellValue(p: PlannedCell, text: (s: string) => string = (s) => s): ExcelJS.CellValue {
  let value: ExcelJS.CellValue;
  if (p.kind === "empty") value = null;
  else if (p.kind === "date") {
    const [y, m, d] = (p.value as string).split("-").map(Number);
    value = new Date(Date.UTC(y, m - 1, d));
  } else value = p.kind === "text" ? text(p.value as string) : (p.value as number | boolean);
  if (p.link && p.kind !== "empty") {
    const target = `${quoteSheet(p.link.sheet)}!${columnLetters(p.link.column ?? 1)}${p.link.row}`;
    return { text: typeof value === "string" ? value : String(p.value), hyperlink: `#${target}` };
  }
  return value;
}
