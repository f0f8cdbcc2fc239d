/**
 * A new result workbook written to its file as it is made, for results too large to hold in ExcelJS's
 * workbook model (a full-sheet ledger's copy and a 催款计划 of half a million items: tens of millions of
 * cell objects). Each sheet's XML is made row by row and deflated as it goes (./xlsx-writer); what the
 * file holds is what `XlsxWorkbook` writes for the same calls, read back cell for cell and style for
 * style (values, number formats, fonts, fills, borders, wrapping, merges, links, widths, heights, frozen
 * rows, AutoFilter, print setup and page breaks, marks as tagged conditional formats, our sheets and their
 * ids in the very hidden `_duizhang`, which takes its id and place when the first of our sheets is written,
 * as there).
 *
 * Whole or nothing: the bytes go to a temporary file beside the target (`writeFileWhole`), which takes
 * the target's name only at `save`; `abandon`, or any failure, leaves no file. Write-only: a sheet is
 * sealed once the next one starts, so marks must come right after their sheet (as every use case does).
 *
 * The first sheet may have its rows written on another thread (a large CSV ledger's copy, made while the
 * command reads and ages the ledger: ../cli/ledger-copy): `writeValuesSheetElsewhere` writes there what
 * `writeValuesSheet` writes here, up to the end of its rows, deflated, with the texts and looks those rows
 * took; `takeValuesSheet` makes it this workbook's first sheet, goes on with its part here (marks, and
 * what follows the rows) and numbers the rest of the workbook's texts and looks after those.
 */
import * as path from "path";
import { WholeFileError, writeFileWhole, type ByteSink, type WholeFileFs } from "../port/whole-file";
import type { Grid } from "../core/model";
import { marginsOf, printScale, RowHeights, wrappedRowHeights } from "../port/print";
import {
  Capabilities,
  HeaderFooterText,
  MarkStyle,
  OutCell,
  OutRow,
  PortError,
  ReadOptions,
  RowMark,
  SheetInfo,
  SheetLayout,
  SheetSpec,
  WorkbookPort,
} from "../port/workbook";
import { checkMarkStyles } from "../port/marks";
import { msg } from "../core/messages";
import { columnLetters, sameSheetName } from "../port/addresses";
import { OWNED_SHEETS_KEY, OWNED_SHEET_IDS_KEY } from "../port/owned";
import { specWidth, type CutText, type SheetOfRows } from "../port/cells";
import { addMarkRules, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, SETTINGS_SHEET, sheetTooLarge } from "./workbook";
import { rowLinksToWritten, SheetNames, xmlSafe } from "./xml-safe";
import { defaultPageSetup, SheetPart, XlsxWriter, type PageSetup, type SheetEntry, type SheetSetup } from "./xlsx-writer";
import { HeadDeflater, type DeflatedHead } from "./zip-writer";
import type { CellKind } from "./xlsx-styles";
import type ExcelJS from "exceljs";

interface Written {
  name: string;
  id: number;
  rows: number;
  columns: number;
  ours: boolean;
}

/** Rows given one at a time (a CSV ledger's copy): how many, how wide, and each as the sheet gets it. */
export interface RowsSource {
  readonly length: number;
  readonly width: number;
  row(index: number): OutRow;
}

/**
 * The first sheet of a workbook with its rows written elsewhere (`writeValuesSheetElsewhere`), for
 * `takeValuesSheet`. Plain data, posted between threads.
 */
export interface RowsWrittenElsewhere {
  /** Rows and columns of the sheet (as `RowsSource` gave them). */
  rows: number;
  width: number;
  /** Its part's XML up to and including `</sheetData>`, deflated. */
  head: DeflatedHead;
  /** The texts its cells refer to by id (the shared strings, in id order) and how many references there are. */
  strings: { items: string[]; count: number };
  /** The looks its cells took, in the order each was first asked for, with the id each got. */
  looks: { style: Partial<ExcelJS.Style>; kind: CellKind; id: number }[];
  /** Columns of its cells with a value (what marks cover). */
  valueLeft: number;
  valueRight: number;
  /** Texts cut to a cell's limit, by row and column. */
  textsCut: Omit<CutText, "sheet">[];
}

export class StreamedWorkbook implements WorkbookPort {
  private readonly sheetsWritten: Written[] = [];
  private open: { written: Written; part: SheetPart } | null = null;
  private readonly settings = new Map<string, string>();
  /** Texts cut to a cell's limit as they were written (`fitCellText`), for the command line to report. */
  readonly textsCut: CutText[] = [];
  /** Names the sheets were written under, given as `XlsxWorkbook` gives them when it saves (`SheetNames`). */
  private readonly names = new SheetNames(SETTINGS_SHEET);
  private settingsEntry: SheetEntry | null = null;
  private finished = false;

  private constructor(
    private readonly writer: XlsxWriter,
    /** Settles when the file is in place (or was not written). */
    private readonly placed: Promise<void>,
    /** Lets `writeFileWhole` go on to flush and name the file, or makes it give up. */
    private readonly release: (error?: unknown) => void,
  ) {}

  /**
   * Starts `file` (an existing file is replaced only with `replace`). Nothing has the target's name until
   * `save`; call `abandon` to give up. Fails with a `WholeFileError` like `XlsxWorkbook.save`.
   * `level`: zlib's deflate level (1, the default, is the fastest).
   */
  static async create(file: string, options: { replace?: boolean; fs?: WholeFileFs; level?: number } = {}): Promise<StreamedWorkbook> {
    const target = path.resolve(file);
    let handOver!: (sink: ByteSink) => void;
    const sinkReady = new Promise<ByteSink>((resolve) => (handOver = resolve));
    let release!: (error?: unknown) => void;
    const released = new Promise<void>((resolve, reject) => (release = (error) => (error === undefined ? resolve() : reject(error))));
    const placed = writeFileWhole(
      target,
      async (sink) => {
        handOver(sink);
        await released;
      },
      { replace: options.replace ?? true, ...(options.fs ? { fs: options.fs } : {}) },
    );
    // A target that may not be replaced fails before any sink is handed over.
    const sink = await Promise.race([sinkReady, placed.then(() => null)]);
    if (sink === null) throw new PortError("io", `${file}: not written`);
    // A failed write (a full disk) is told as `XlsxWorkbook.save` tells it: a `WholeFileError` naming the file.
    const told: ByteSink = {
      write: (chunk) =>
        sink.write(chunk).catch((e: unknown) => {
          throw e instanceof WholeFileError ? e : new WholeFileError(target, "write", (e as NodeJS.ErrnoException | undefined)?.code ?? "EIO", e);
        }),
    };
    const writer = new XlsxWriter(told, options.level !== undefined ? { level: options.level } : {});
    // The caller learns of a failed write at `save`; until then nothing waits on this.
    placed.catch(() => undefined);
    return new StreamedWorkbook(writer, placed, release);
  }

  async capabilities(): Promise<Capabilities> {
    return { rangeAreas: true, pageLayout: true, copyFormats: false, forms: { validation: false, protection: false }, kind: "xlsx" };
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheetsWritten.map((s) => ({ name: s.name, rowCount: s.rows, columnCount: s.columns, top: 1, left: 1, visible: true }));
  }

  async ownSheets(): Promise<string[]> {
    return this.sheetsWritten.filter((s) => s.ours).map((s) => s.name);
  }

  async getSetting<T = unknown>(key: string): Promise<T | undefined> {
    const json = this.settings.get(key);
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    this.assertOpen(key);
    // As in `XlsxWorkbook`, the settings sheet is made when the first setting is kept.
    this.settingsEntry ??= this.writer.reserveSheet(SETTINGS_SHEET, "veryHidden");
    if (value === undefined) this.settings.delete(key);
    else this.settings.set(key, JSON.stringify(value));
  }

  /** Checks a sheet about to be written and takes its id and place; our own are recorded as `XlsxWorkbook` records them. */
  private async startSheet(name: string, rows: number, columns: number, usersSheet: boolean): Promise<{ written: Written; entry: SheetEntry }> {
    this.assertOpen(name);
    if (rows > MAX_SHEET_ROWS || columns > MAX_SHEET_COLUMNS) throw sheetTooLarge(name, rows, columns);
    if (sameSheetName(name, SETTINGS_SHEET) || this.sheetsWritten.some((s) => sameSheetName(s.name, name))) throw new PortError("not_ours", name);
    // Cleaned as `makeWorkbookXmlSafe` cleans names when `XlsxWorkbook` saves, and kept apart from those written before.
    const safeName = this.names.add(name);
    const entry = this.writer.reserveSheet(safeName);
    const written: Written = { name, id: entry.id, rows, columns, ours: !usersSheet };
    this.sheetsWritten.push(written);
    if (written.ours) {
      const ours = this.sheetsWritten.filter((s) => s.ours);
      await this.setSetting(OWNED_SHEETS_KEY, ours.map((s) => s.name));
      await this.setSetting(OWNED_SHEET_IDS_KEY, ours.map((s) => String(s.id)));
    }
    return { written, entry };
  }

  async writeSheet(spec: SheetSpec, options: ReadOptions = {}): Promise<void> {
    this.assertOpen(spec.name);
    if (spec.templateFormats || spec.form || spec.position !== undefined) {
      throw new PortError("unsupported", `${spec.name}: templates, forms and positions are not streamed`, msg("xlsx.streamed.layout", { sheet: spec.name }));
    }
    const columns = specWidth(spec.rows);
    const { written, entry } = await this.startSheet(spec.name, spec.rows.length, columns, spec.usersSheet === true);
    const part = await this.writer.startSheet(entry, setupOf(spec, columns));
    this.open = { written, part };
    await this.fill(part, spec.name, spec.rows.length, (i) => spec.rows[i], options);
  }

  /** `writeSheet(withRows(sheet))` without all the rows held at once: each is made as the file takes it (催款计划). */
  async writeSheetRows(sheet: SheetOfRows, options: ReadOptions = {}): Promise<void> {
    const { spec, rows } = sheet;
    this.assertOpen(spec.name);
    if (spec.templateFormats || spec.form || spec.position !== undefined) {
      throw new PortError("unsupported", `${spec.name}: templates, forms and positions are not streamed`, msg("xlsx.streamed.layout", { sheet: spec.name }));
    }
    const { written, entry } = await this.startSheet(spec.name, rows.length, rows.width, spec.usersSheet === true);
    const part = await this.writer.startSheet(entry, setupOf(spec, rows.width, rows.length));
    this.open = { written, part };
    await this.fill(part, spec.name, rows.length, (i) => rows.row(i), options);
  }

  /**
   * Writes a sheet of values only (no sheet-wide formats) from rows given one at a time: the sheet
   * `writeSheet({ name, rows })` writes, without all its rows held at once (a CSV ledger's copy).
   */
  async writeValuesSheet(name: string, rows: RowsSource, options: ReadOptions = {}): Promise<void> {
    const { written, entry } = await this.startSheet(name, rows.length, rows.width, false);
    const part = await this.writer.startSheet(entry, { rowCount: rows.length, width: rows.width });
    this.open = { written, part };
    await this.fill(part, name, rows.length, (i) => rows.row(i), options);
  }

  /** Whether no sheet has been written yet: the only time a sheet written elsewhere can be taken (`takeValuesSheet`). */
  get untouched(): boolean {
    return !this.finished && this.sheetsWritten.length === 0 && this.open === null;
  }

  /**
   * Makes `written` (from `writeValuesSheetElsewhere`) this workbook's first sheet, `name`: the sheet
   * `writeValuesSheet(name, rows)` writes, its rows' bytes as they came. Its texts and looks take the ids
   * they had there, the rest of the workbook's follow. It is the sheet written last until the next one
   * starts: marks go on it as on any.
   */
  async takeValuesSheet(name: string, written: RowsWrittenElsewhere): Promise<void> {
    this.assertOpen(name);
    // The rows refer to texts and looks by the ids they got there, numbered from the start of a workbook.
    if (!this.untouched) throw new Error(`${name}: a sheet written elsewhere must be a workbook's first`);
    const { written: sheet, entry } = await this.startSheet(name, written.rows, written.width, false);
    const strings = this.writer.strings;
    written.strings.items.forEach((text, id) => {
      if (strings.idOf(text) !== id) throw new Error(`${name}: shared text ${id} numbered differently`);
    });
    strings.count = written.strings.count;
    for (const look of written.looks) {
      if (this.writer.styles.cellFormat(look.style, look.kind) !== look.id) throw new Error(`${name}: look ${look.id} numbered differently`);
    }
    const part = await this.writer.continueSheet(entry, { rowCount: written.rows, width: written.width }, written.head);
    part.valueLeft = written.valueLeft;
    part.valueRight = written.valueRight;
    this.open = { written: sheet, part };
    for (const cut of written.textsCut) this.textsCut.push({ sheet: name, ...cut });
  }

  private async fill(part: SheetPart, name: string, total: number, rowAt: (index: number) => OutRow, options: ReadOptions): Promise<void> {
    options.onProgress?.({ done: 0, total });
    // Once a sheet was written under another name, links to it go there (as `makeWorkbookXmlSafe` makes them go).
    const memo = new WeakMap<OutCell, OutCell>();
    const rows = this.names.renamed ? (i: number) => rowLinksToWritten(rowAt(i), this.names.of, memo) : rowAt;
    await part.writeRows(total, rows, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      cancelled: () => new PortError("cancelled", name),
    });
    for (const cut of part.textsCut) this.textsCut.push({ sheet: name, ...cut });
    options.onProgress?.({ done: total, total });
  }

  /** Marks rows of the sheet written last (the only one still open), as `XlsxWorkbook.markRows` does. */
  async markRows(sheet: string, group: string, marks: RowMark[], styles: Record<string, MarkStyle>): Promise<void> {
    checkMarkStyles(marks, styles);
    const target = this.open;
    if (target === null || !sameSheetName(target.written.name, sheet)) throw new PortError("unsupported", `${sheet}: marks go on the sheet written last`, msg("xlsx.streamed.marks_last", { sheet }));
    const part = target.part;
    part.removeConditionalFormats(group);
    // Over the columns that hold values, as `XlsxWorkbook` bounds them.
    const c1 = columnLetters(part.valueLeft || 1);
    const c2 = columnLetters(part.valueRight || 1);
    addMarkRules({ addConditionalFormatting: (cf) => part.addConditionalFormatting(cf, group) }, group, marks, styles, c1, c2);
  }

  /** Seals the last sheet, writes the settings sheet (our sheets and their ids), and gives the file its name. */
  async save(): Promise<void> {
    this.assertOpen("save");
    this.finished = true;
    try {
      this.open = null;
      if (this.settingsEntry !== null) {
        const part = await this.writer.startSheet(this.settingsEntry, { rowCount: this.settings.size, width: 2 });
        await part.writeTextRows([...this.settings].map(([key, json]) => [key, json]));
      }
      await this.writer.finish();
      this.release();
    } catch (e) {
      this.writer.abandon();
      this.release(e);
      await this.placed.catch(() => undefined);
      throw e;
    }
    await this.placed;
  }

  /** Gives up: no file is left, and an existing file of that name is as it was. */
  async abandon(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.writer.abandon();
    this.release(new PortError("cancelled", "result workbook abandoned"));
    await this.placed.catch(() => undefined);
  }

  private assertOpen(what: string): void {
    if (this.finished) throw new PortError("unsupported", `${what}: the workbook is already saved`, msg("xlsx.streamed.finished", { what }));
  }

  // What a file being written cannot do.

  async readSheet(name: string): Promise<Grid> {
    throw new PortError("unsupported", `${name}: a streamed workbook is write-only`, msg("xlsx.streamed.write_only", { sheets: [name] }));
  }

  async deleteSheet(name: string): Promise<void> {
    throw new PortError("unsupported", `${name}: a streamed workbook is write-only`, msg("xlsx.streamed.write_only", { sheets: [name] }));
  }

  async clearMarks(group: string, sheet?: string): Promise<void> {
    // A new file has no marks until a sheet is written: clearing them all then is done at once.
    if (sheet === undefined && this.sheetsWritten.length === 0) return;
    throw new PortError("unsupported", `${group}: a streamed workbook is write-only`, msg("xlsx.streamed.write_only", { sheets: sheet !== undefined ? [sheet] : this.sheetsWritten.map((s) => s.name) }));
  }

  async listMarks(group: string, sheet: string): Promise<RowMark[]> {
    throw new PortError("unsupported", `${group}: a streamed workbook is write-only`, msg("xlsx.streamed.write_only", { sheets: [sheet] }));
  }

  async select(): Promise<void> {
    // A file written for the first time opens at its first sheet.
  }

  async writeCells(sheet: string): Promise<void> {
    throw new PortError("unsupported", `${sheet}: a streamed workbook writes whole sheets`, msg("xlsx.streamed.whole_sheets", { sheet }));
  }

  async readLayout(name: string): Promise<SheetLayout> {
    throw new PortError("unsupported", `${name}: a streamed workbook is write-only`, msg("xlsx.streamed.write_only", { sheets: [name] }));
  }
}

/** Everything but the rows of a sheet, as `XlsxWorkbook.fillSheet` and `setUpPrinting` set them. */
function setupOf(spec: SheetSpec, width: number, given?: number): SheetSetup {
  // Rows given one at a time (`given` of them) are measured as they are written.
  const total = given ?? spec.rows.length;
  const heights = given === undefined ? wrappedRowHeights(spec) : new Map<number, number>();
  const measure = given === undefined ? null : new RowHeights(spec);
  spec.rowHeights?.forEach((h, i) => {
    if (typeof h === "number" && h > 0) heights.set(i + 1, h);
  });
  const setup: SheetSetup = {
    rowCount: total,
    width,
    ...(spec.columnWidths ? { columnWidths: spec.columnWidths } : {}),
    ...(spec.columnFormats ? { columnFormats: spec.columnFormats } : {}),
    ...(spec.wrapColumns ? { wrapColumns: spec.wrapColumns } : {}),
    ...(spec.fontSize !== undefined ? { fontSize: spec.fontSize } : {}),
    ...(spec.verticalAlign ? { vertical: spec.verticalAlign === "center" ? "middle" : spec.verticalAlign } : {}),
    ...(spec.freezeRows && spec.freezeRows > 0 ? { freezeRows: spec.freezeRows } : {}),
    ...(heights.size > 0 ? { rowHeights: heights } : {}),
    ...(measure ? { rowHeightOf: (cells: OutRow) => measure.heightOf(cells) } : {}),
    ...(spec.merges ? { merges: spec.merges } : {}),
  };
  if (spec.filterRow && width > 0 && spec.filterRow <= total) {
    const last = Math.min(total, Math.max(spec.filterRow, spec.filterLastRow ?? total));
    setup.autoFilter = `A${spec.filterRow}:${columnLetters(width)}${last}`;
  }
  const p = spec.print;
  if (p) {
    const inches = (cm: number) => Math.round((cm / 2.54) * 1000) / 1000;
    const m = marginsOf(p);
    // The width in columns is known: the scale is worked out without going over the rows again.
    const scale = printScale(p.area === undefined || p.area === "used" ? { ...spec, print: { ...p, area: { fromRow: 1, toRow: total, fromColumn: 1, toColumn: width } } } : spec);
    const pageSetup: PageSetup = {
      ...defaultPageSetup(),
      paperSize: 9, // A4
      orientation: p.orientation ?? "portrait",
      firstPageNumber: 1,
      margins: { top: inches(m.top), bottom: inches(m.bottom), left: inches(m.left), right: inches(m.right), header: inches(m.header), footer: inches(m.footer) },
      ...(scale.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: scale.scale }),
    };
    if (p.repeatRows) pageSetup.printTitlesRow = `${p.repeatRows[0]}:${p.repeatRows[1]}`;
    if (p.repeatColumns) pageSetup.printTitlesColumn = `${columnLetters(p.repeatColumns[0])}:${columnLetters(p.repeatColumns[1])}`;
    if (p.centerHorizontally) pageSetup.horizontalCentered = true;
    const area = p.area;
    const block = area === "used" ? null : (area ?? (width > 0 && total > 0 ? { fromRow: 1, toRow: total, fromColumn: 1, toColumn: width } : null));
    if (block) pageSetup.printArea = `${columnLetters(block.fromColumn)}$${block.fromRow}:${columnLetters(block.toColumn)}$${block.toRow}`;
    setup.pageSetup = pageSetup;
    const part = (t: HeaderFooterText | undefined) => (t ? `${t.left ? `&L${t.left}` : ""}${t.center ? `&C${t.center}` : ""}${t.right ? `&R${t.right}` : ""}` : "");
    const header = xmlSafe(part(p.header));
    const footer = xmlSafe(part(p.footer));
    if (header || footer) setup.headerFooter = { ...(header ? { oddHeader: header } : {}), ...(footer ? { oddFooter: footer } : {}) };
    // A break goes under the row before the one that starts the page.
    setup.breaksAfter = (p.breakBefore ?? []).filter((r) => r > 1 && r <= total).map((r) => r - 1);
  }
  return setup;
}

/** Where a part started elsewhere sends its zip's other bytes: nowhere (only its head is kept). */
const NOWHERE = { write: async (): Promise<void> => undefined };

/**
 * On a worker thread: the first sheet of a new workbook as `writeValuesSheet(name, rows)` writes it, up to
 * the end of its rows, deflated (`level`, as `StreamedWorkbook.create`), with the texts and looks it took,
 * for `takeValuesSheet` to finish on the workbook's own thread. The rows are made one at a time, as there.
 */
export async function writeValuesSheetElsewhere(rows: RowsSource, options: { level?: number } = {}): Promise<RowsWrittenElsewhere> {
  const writer = new XlsxWriter(NOWHERE);
  // Each new look is kept with its id, in order: asked for again in that order on the other side, they get the same ids.
  const looks: RowsWrittenElsewhere["looks"] = [];
  const styles = writer.styles;
  const cellFormat = styles.cellFormat.bind(styles);
  styles.cellFormat = (style, kind) => {
    const id = cellFormat(style, kind);
    if (id > (looks.length > 0 ? looks[looks.length - 1].id : 0)) looks.push({ style, kind, id });
    return id;
  };
  const stream = new HeadDeflater(options.level ?? 1);
  try {
    // The name and id are the other side's to give: nothing written up to the end of the rows depends on them.
    const part = new SheetPart(writer, writer.reserveSheet("rows"), { rowCount: rows.length, width: rows.width }, stream);
    await part.begin();
    await part.writeRows(rows.length, (i) => rows.row(i));
    await part.endRows();
    const head = await stream.head();
    return {
      rows: rows.length,
      width: rows.width,
      head,
      strings: { items: writer.strings.items, count: writer.strings.count },
      looks,
      valueLeft: part.valueLeft,
      valueRight: part.valueRight,
      textsCut: part.textsCut,
    };
  } catch (e) {
    stream.destroy();
    throw e;
  }
}
