/**
 * A new result workbook written to its file as it is made, for results too large to hold in ExcelJS's
 * workbook model (a full-sheet ledger's copy and a 催款计划 of half a million items: tens of millions of
 * cell objects). Each sheet goes out row by row through ExcelJS's streaming writer as soon as it is
 * given; what the file holds is what `XlsxWorkbook` would write for the same calls (values, number
 * formats, fonts, fills, borders, wrapping, merges, links, widths, frozen rows, AutoFilter, print
 * setup, marks as tagged conditional formats, our sheets and their ids in the very hidden `_duizhang`).
 *
 * Whole or nothing: the bytes go to a temporary file beside the target (`writeFileWhole`), which takes
 * the target's name only at `save`; `abandon`, or any failure, leaves no file. Write-only: a sheet is
 * sealed once the next one starts, so marks must come right after their sheet (as every use case does).
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { Writable } from "stream";
import { writeFileWhole, type ByteSink, type WholeFileFs } from "../port/whole-file";
import type { Grid } from "../core/model";
import { marginsOf, printScale, wrappedRowHeights } from "../port/print";
import {
  Capabilities,
  HeaderFooterText,
  MarkStyle,
  PortError,
  ReadOptions,
  RowMark,
  SheetInfo,
  SheetLayout,
  SheetSpec,
  WorkbookPort,
} from "../port/workbook";
import { checkMarkStyles } from "../port/marks";
import { columnLetters, sameSheetName } from "../port/addresses";
import { OWNED_SHEETS_KEY, OWNED_SHEET_IDS_KEY } from "../port/owned";
import { planCell, specWidth, type PlannedCell } from "../port/cells";
import { addMarkRules, cellStyle, cellValue, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, SETTINGS_SHEET } from "./workbook";
import { xmlSafe } from "./xml-safe";

/** Rows written between pauses that let the zip catch up, so a sheet's XML never gathers in memory whole. */
const ROWS_PER_PAUSE = 2_000;

interface Written {
  name: string;
  id: number;
  ws: StreamSheet;
  rows: number;
  columns: number;
  ours: boolean;
}

/** A sheet of the streaming writer: a worksheet whose rows and whole are committed (written out) once done. */
type StreamSheet = ExcelJS.Worksheet & { commit(): void };

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The streaming writer's buffer of one sheet's XML and where the zip reads it from. */
interface SheetStream {
  pipes: { _writableState?: { length: number; highWaterMark: number; needDrain: boolean } }[];
}

/** Whether a stream the sheet's XML goes to holds more than it asked for (the zip's own stream classes say so in their state). */
function full(p: SheetStream["pipes"][number]): boolean {
  const state = p._writableState;
  return state !== undefined && (state.needDrain || state.length >= state.highWaterMark);
}

/** Longest wait at one pause: a zip that has not caught up by then (an earlier sheet still compressing) is let be. */
const MAX_WAIT_MS = 2_000;

/**
 * Waits while the zip is behind with this sheet: ExcelJS hands the zip each piece of XML without waiting,
 * so a fast sheet would gather its whole XML in buffers outside the heap (hundreds of megabytes for a
 * full-sheet ledger). Waits until the zip reads the sheet and its input has room again.
 */
async function zipCaughtUp(ws: StreamSheet): Promise<void> {
  const stream = (ws as unknown as { stream: SheetStream }).stream;
  const started = Date.now();
  while (stream.pipes.length === 0 || stream.pipes.some(full)) {
    if (Date.now() - started > MAX_WAIT_MS) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
  }
}

export class StreamedWorkbook implements WorkbookPort {
  private readonly sheetsWritten: Written[] = [];
  private open: Written | null = null;
  private readonly settings = new Map<string, string>();
  private finished = false;

  private constructor(
    private readonly writer: ExcelJS.stream.xlsx.WorkbookWriter,
    /** Settles when the file is in place (or was not written). */
    private readonly placed: Promise<void>,
    /** Lets `writeFileWhole` go on to flush and name the file, or makes it give up. */
    private readonly release: (error?: unknown) => void,
    /** Settles when the zip has written its last byte. */
    private readonly zipped: Promise<void>,
  ) {}

  /**
   * Starts `file` (an existing file is replaced only with `replace`). Nothing has the target's name until
   * `save`; call `abandon` to give up. Fails with a `WholeFileError` like `XlsxWorkbook.save`.
   */
  static async create(file: string, options: { replace?: boolean; fs?: WholeFileFs } = {}): Promise<StreamedWorkbook> {
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
    let zipDone!: () => void;
    let zipFailed!: (e: unknown) => void;
    const zipped = new Promise<void>((resolve, reject) => {
      zipDone = resolve;
      zipFailed = reject;
    });
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        sink.write(chunk).then(() => done(), done);
      },
    });
    stream.on("finish", () => zipDone());
    stream.on("error", (e) => zipFailed(e));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    // The caller learns of a failed write at `save`; until then nothing waits on these.
    placed.catch(() => undefined);
    zipped.catch(() => undefined);
    return new StreamedWorkbook(writer, placed, release, zipped);
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
    if (value === undefined) this.settings.delete(key);
    else this.settings.set(key, JSON.stringify(value));
  }

  async writeSheet(spec: SheetSpec, options: ReadOptions = {}): Promise<void> {
    this.assertOpen(spec.name);
    const columns = specWidth(spec.rows);
    if (spec.rows.length > MAX_SHEET_ROWS || columns > MAX_SHEET_COLUMNS) {
      throw new PortError("too_large", `${spec.name}: ${spec.rows.length} × ${columns}, > ${MAX_SHEET_ROWS} × ${MAX_SHEET_COLUMNS}`);
    }
    if (sameSheetName(spec.name, SETTINGS_SHEET) || this.sheetsWritten.some((s) => sameSheetName(s.name, spec.name))) throw new PortError("not_ours", spec.name);
    if (spec.templateFormats || spec.form || spec.position !== undefined) throw new PortError("unsupported", `${spec.name}: templates, forms and positions are not streamed`);
    this.seal();
    const ws = this.writer.addWorksheet(xmlSafe(spec.name), this.sheetOptions(spec, columns)) as StreamSheet;
    const written: Written = { name: spec.name, id: ws.id, ws, rows: spec.rows.length, columns, ours: !spec.usersSheet };
    this.sheetsWritten.push(written);
    this.open = written;
    await this.fill(ws, spec, options);
  }

  private sheetOptions(spec: SheetSpec, width: number): Partial<ExcelJS.AddWorksheetOptions> {
    const options: Partial<ExcelJS.AddWorksheetOptions> = {};
    if (spec.freezeRows && spec.freezeRows > 0) options.views = [{ state: "frozen", ySplit: spec.freezeRows, xSplit: 0, topLeftCell: `A${spec.freezeRows + 1}` }];
    const total = spec.rows.length;
    if (spec.filterRow && width > 0 && spec.filterRow <= total) {
      const last = Math.min(total, Math.max(spec.filterRow, spec.filterLastRow ?? total));
      (options as { autoFilter?: string }).autoFilter = `A${spec.filterRow}:${columnLetters(width)}${last}`;
    }
    const p = spec.print;
    if (p) {
      const inches = (cm: number) => Math.round((cm / 2.54) * 1000) / 1000;
      const m = marginsOf(p);
      const scale = printScale(spec);
      const pageSetup: Partial<ExcelJS.PageSetup> = {
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
      options.pageSetup = pageSetup;
      const part = (t: HeaderFooterText | undefined) => (t ? `${t.left ? `&L${t.left}` : ""}${t.center ? `&C${t.center}` : ""}${t.right ? `&R${t.right}` : ""}` : "");
      const header = part(p.header);
      const footer = part(p.footer);
      if (header || footer) options.headerFooter = { ...(header ? { oddHeader: header } : {}), ...(footer ? { oddFooter: footer } : {}) } as ExcelJS.HeaderFooter;
    }
    return options;
  }

  private async fill(ws: StreamSheet, spec: SheetSpec, options: ReadOptions): Promise<void> {
    const wrapColumns = new Set(spec.wrapColumns ?? []);
    const fontSize = spec.fontSize;
    const vertical = spec.verticalAlign === "center" ? "middle" : spec.verticalAlign;
    (spec.columnWidths ?? []).forEach((w, i) => {
      if (w > 0) ws.getColumn(i + 1).width = w;
    });
    const heights = wrappedRowHeights(spec);
    const breaks = new Set((spec.print?.breakBefore ?? []).filter((r) => r > 1 && r <= spec.rows.length).map((r) => r - 1));
    const styles = new Map<string, Partial<ExcelJS.Style>>();
    const total = spec.rows.length;
    options.onProgress?.({ done: 0, total });
    for (let i = 0; i < total; i++) {
      const r = i + 1;
      const row = ws.getRow(r);
      const cells = spec.rows[i];
      for (let j = 0; j < cells.length; j++) {
        const planned = planCell(cells[j], spec.columnFormats?.[j]);
        if (planned.kind === "text" && wrapColumns.has(j + 1)) planned.wrap = true;
        if (planned.kind === "empty" && planned.numberFormat === "General" && !planned.bold && !planned.fill && !planned.border && !planned.align && !planned.color) continue;
        const cell = row.getCell(j + 1);
        const style = styleOf(planned, fontSize, vertical, styles);
        if (style !== null) cell.style = style;
        cell.value = cellValue(planned, xmlSafe);
        if (planned.mergeAcross) ws.mergeCells(r, j + 1, r, j + 1 + planned.mergeAcross);
      }
      const rowHeight = spec.rowHeights?.[i];
      const height = typeof rowHeight === "number" && rowHeight > 0 ? rowHeight : heights.get(r);
      if (height !== undefined) row.height = height;
      if (breaks.has(r)) row.addPageBreak();
      row.commit();
      if (r % ROWS_PER_PAUSE === 0) {
        if (options.signal?.aborted) throw new PortError("cancelled", spec.name);
        options.onProgress?.({ done: r, total });
        await pause();
        await zipCaughtUp(ws);
      }
    }
    for (const m of spec.merges ?? []) {
      if (m.toRow > m.fromRow || m.toColumn > m.fromColumn) ws.mergeCells(m.fromRow, m.fromColumn, m.toRow, m.toColumn);
    }
    options.onProgress?.({ done: total, total });
  }

  /** Marks rows of the sheet written last (the only one still open), as `XlsxWorkbook.markRows` does. */
  async markRows(sheet: string, group: string, marks: RowMark[], styles: Record<string, MarkStyle>): Promise<void> {
    checkMarkStyles(marks, styles);
    const target = this.open;
    if (target === null || !sameSheetName(target.name, sheet)) throw new PortError("unsupported", `${sheet}: marks go on the sheet written last`);
    addMarkRules(target.ws, group, marks, styles, "A", columnLetters(Math.max(1, target.columns)));
  }

  /** Seals the last sheet, adds the settings sheet (our sheets and their ids), and gives the file its name. */
  async save(): Promise<void> {
    this.assertOpen("save");
    this.finished = true;
    try {
      this.seal();
      const ours = this.sheetsWritten.filter((s) => s.ours);
      await this.setSetting(OWNED_SHEETS_KEY, ours.map((s) => s.name));
      await this.setSetting(OWNED_SHEET_IDS_KEY, ours.map((s) => String(s.id)));
      const settings = this.writer.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" }) as StreamSheet;
      let r = 1;
      for (const [key, json] of this.settings) {
        const row = settings.getRow(r++);
        row.getCell(1).value = key;
        row.getCell(2).value = json;
        row.commit();
      }
      settings.commit();
      await this.writer.commit();
      await this.zipped;
      this.release();
    } catch (e) {
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
    this.release(new PortError("cancelled", "result workbook abandoned"));
    await this.placed.catch(() => undefined);
  }

  private seal(): void {
    if (this.open !== null) this.open.ws.commit();
    this.open = null;
  }

  private assertOpen(what: string): void {
    if (this.finished) throw new PortError("unsupported", `${what}: the workbook is already saved`);
  }

  // What a file being written cannot do.

  async readSheet(name: string): Promise<Grid> {
    throw new PortError("unsupported", `${name}: a streamed workbook is write-only`);
  }

  async deleteSheet(name: string): Promise<void> {
    throw new PortError("unsupported", `${name}: a streamed workbook is write-only`);
  }

  async clearMarks(group: string): Promise<void> {
    throw new PortError("unsupported", `${group}: a streamed workbook is write-only`);
  }

  async listMarks(group: string): Promise<RowMark[]> {
    throw new PortError("unsupported", `${group}: a streamed workbook is write-only`);
  }

  async select(): Promise<void> {
    // A file written for the first time opens at its first sheet.
  }

  async writeCells(sheet: string): Promise<void> {
    throw new PortError("unsupported", `${sheet}: a streamed workbook writes whole sheets`);
  }

  async readLayout(name: string): Promise<SheetLayout> {
    throw new PortError("unsupported", `${name}: a streamed workbook is write-only`);
  }
}

/** The cell's style as `XlsxWorkbook` gives it, made once per distinct look; null when the cell has none. */
function styleOf(p: PlannedCell, sheetFontSize: number | undefined, vertical: "top" | "middle" | undefined, cache: Map<string, Partial<ExcelJS.Style>>): Partial<ExcelJS.Style> | null {
  const fontSize = p.fontSize ?? sheetFontSize;
  const key = `${p.numberFormat}\u0000${p.bold ? 1 : 0}${p.color ?? ""}\u0000${fontSize ?? ""}\u0000${p.link ? 1 : 0}\u0000${p.fill ?? ""}\u0000${p.align ?? ""}${p.wrap ? 1 : 0}\u0000${p.border ? 1 : 0}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const style = cellStyle(p, sheetFontSize, vertical);
  const out = Object.keys(style).length > 0 ? style : null;
  if (out !== null) cache.set(key, out);
  return out;
}
