/**
 * The workbook port over office-js: the only code in Duizhang that calls `Excel.run`.
 *
 * Round trips are what make an add-in slow, so every operation is a fixed handful of
 * `context.sync()` calls plus one per chunk of rows, never one per row or per mark. A chunk is
 * sized by bytes, not rows: Excel on the web refuses a request or a response over 5 MB, so each
 * stays under `maxRequestBytes` (3.5 MB by default, leaving room for the JSON envelope and
 * estimates). Reads
 * measure the bytes per row of every chunk and size the next from the largest seen; writes know
 * their bytes before sending. A chunk refused for its size anyway is split in two and retried.
 *
 * Design decisions (see also `common.ts`):
 * - Marks are conditional formats (ExcelApi 1.6) tagged in their formula; on ExcelApi 1.9 one
 *   rule per style covers many row blocks through `getRanges` (RangeAreas), below that one rule
 *   per style per block of consecutive rows. Clearing deletes our rules only.
 * - Our own sheets are listed in the workbook setting `duizhang.ownedSheets`; any other sheet
 *   of the same name is the user's and is never replaced (`not_ours`).
 * - Text is written with number format `@` set before the values, so it can never turn into a
 *   formula; dates are serials with `yyyy-mm-dd`.
 * - Hidden rows: each chunk also loads `rowHidden` (one value for the whole chunk, cheap); only
 *   for a chunk with some rows hidden is its visible view's addresses loaded (one column), in
 *   the next request. A sheet without hidden rows costs nothing extra.
 * - date1904: no ExcelApi set up to 1.7 tells it, so `Grid.date1904` is left out (1900 system).
 * - Settings live in `workbook.settings` (ExcelApi 1.4) as JSON text, saved with the file.
 * - Charts (ExcelApi 1.1) go out with the request that ends a write, after the values they read.
 */
import type { CellValue, Grid } from "../core/model";
import {
  Capabilities,
  CellLook,
  ChartSpec,
  PlacedCell,
  SheetLayout,
  MarkStyle,
  PortError,
  ReadOptions,
  ResultBatch,
  RowMark,
  SheetChange,
  Selection,
  SheetInfo,
  SheetSpec,
  type FormSpec,
  WorkbookPort,
} from "../port/workbook";
import { jsonBytes, styleKey, utf8Length } from "./common";
import { checkMarkStyles, markFormula, parseMarkFormula } from "../port/marks";
import { columnLetters, quoteSheet, rowBlocks, rowsOfAddress, sameSheetName } from "../port/addresses";
import { OWNED_SHEETS_KEY, OWNED_SHEET_IDS_KEY, parseOwned } from "../port/owned";
import { isoToSerial, planCell, pointsToWidth, specWidth, widthToPoints, type PlannedCell } from "../port/cells";
import { marginsOf, POINTS_PER_CM, printScale, wrappedRowHeights } from "../port/print";

/**
 * Adds the hidden rows of a block (Excel rows `first`…`first + count - 1`) to `into`, from what Excel says of
 * it: `rowHidden` true (every row hidden), or the addresses of its visible view's rows (`visible`, asked for
 * when `rowHidden` is null: some hidden, some not). Anything else: none hidden.
 */
function collectHiddenRows(into: number[], first: number, count: number, rowHidden: boolean | null, visible: string[][] | null): void {
  if (rowHidden === true) {
    for (let r = first; r < first + count; r++) into.push(r);
    return;
  }
  if (rowHidden !== null || visible === null) return;
  const shown = new Set(visible.map((line) => rowsOfAddress(line[0])[0]));
  for (let r = first; r < first + count; r++) if (!shown.has(r)) into.push(r);
}

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelWorkbookOptions {
  /** Rows in the first chunk of a read, before bytes per row are known (default 10,000). */
  chunkRows?: number;
  /** Bytes one request or response may carry (default 3,500,000: under 4 MB with room for estimates; Excel on the web refuses 5 MB). */
  maxRequestBytes?: number;
  /** `Excel.run`, or the fake Excel's `run` in tests and the browser preview. */
  run?: ExcelRun;
  /** `Office.context.requirements.isSetSupported`, injectable so tests can switch sets on and off. */
  isSetSupported?: (name: string, version: string) => boolean;
}

const DEFAULT_CHUNK_ROWS = 10_000;
const DEFAULT_MAX_BYTES = 3_500_000;
/** Guess for the first read chunk: a typical ledger cell is a short text or a number. */
const GUESSED_BYTES_PER_CELL = 24;
/** Excel may return nulls for reads over 5,000,000 cells; stay far below. */
const MAX_CELLS_PER_READ = 1_000_000;
/** A queued command's JSON envelope, roughly (path, method, property names). */
const COMMAND_BYTES = 160;
/** `getRanges` addresses are cut silently at 8,192 characters. */
const MAX_ADDRESS_CHARS = 8_000;
const PAYLOAD_TOO_LARGE = "RequestPayloadSizeLimitExceeded";

function errorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : undefined;
}

function defaultIsSetSupported(name: string, version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported(name, version) === true;
}

function checkAbort(signal: AbortSignal | undefined, detail: string): void {
  if (signal?.aborted) throw new PortError("cancelled", detail);
}

const ALIGN: Record<string, Excel.HorizontalAlignment> = {
  left: "Left" as Excel.HorizontalAlignment,
  center: "Center" as Excel.HorizontalAlignment,
  right: "Right" as Excel.HorizontalAlignment,
};

const CHART_TYPES: Record<ChartSpec["type"], Excel.ChartType> = {
  columnStacked: "ColumnStacked" as Excel.ChartType,
  columnClustered: "ColumnClustered" as Excel.ChartType,
  barStacked: "BarStacked" as Excel.ChartType,
  pie: "Pie" as Excel.ChartType,
};

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"];

export class ExcelWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly chunkRows: number;
  private readonly maxBytes: number;
  private readonly isSetSupported: (name: string, version: string) => boolean;

  constructor(options: ExcelWorkbookOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.chunkRows = Math.max(1, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
    this.maxBytes = Math.max(10_000, options.maxRequestBytes ?? DEFAULT_MAX_BYTES);
    this.isSetSupported = options.isSetSupported ?? defaultIsSetSupported;
  }

  private has(version: string): boolean {
    return this.isSetSupported("ExcelApi", version);
  }

  async capabilities(): Promise<Capabilities> {
    const v19 = this.has("1.9");
    return { rangeAreas: v19, pageLayout: v19, copyFormats: v19, forms: { validation: this.has("1.8"), protection: this.has("1.2") }, kind: "excel" };
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name,items/visibility");
      await ctx.sync();
      const used = sheets.items.map((ws) =>
        ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
      );
      await ctx.sync();
      return sheets.items.map((ws, i) => {
        const u = used[i];
        const empty = u.isNullObject;
        return {
          name: ws.name,
          rowCount: empty ? 0 : u.rowCount,
          columnCount: empty ? 0 : u.columnCount,
          top: empty ? 1 : u.rowIndex + 1,
          left: empty ? 1 : u.columnIndex + 1,
          visible: ws.visibility === "Visible",
        };
      });
    });
  }

  async readSheet(name: string, options: ReadOptions = {}): Promise<Grid> {
    checkAbort(options.signal, name);
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      ws.load("name");
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await ctx.sync();
      if (ws.isNullObject) throw new PortError("no_sheet", name);
      if (used.isNullObject) return { sheet: ws.name, top: 1, left: 1, values: [], hiddenRows: [] };
      const top0 = used.rowIndex;
      const left0 = used.columnIndex;
      const total = used.rowCount;
      const cols = used.columnCount;
      const values: CellValue[][] = [];
      const hiddenRows: number[] = [];
      // Chunks with some rows hidden: their visible rows are asked for in the next request.
      let mixed: { start: number; count: number }[] = [];
      const viewBytesPerRow = utf8Length(quoteSheet(ws.name)) + 16;
      const maxRowsByCells = Math.max(1, Math.floor(MAX_CELLS_PER_READ / cols));
      let bytesPerRow = GUESSED_BYTES_PER_CELL * cols;
      let next = Math.min(this.chunkRows, Math.max(1, Math.floor(this.maxBytes / bytesPerRow)));
      let done = 0;
      options.onProgress?.({ done: 0, total });

      const queueViews = (blocks: { start: number; count: number }[]) =>
        blocks.map((b) => ({
          block: b,
          view: ws.getRangeByIndexes(top0 + b.start, left0, b.count, 1).getVisibleView().load("cellAddresses"),
        }));
      const takeViews = (views: ReturnType<typeof queueViews>) => {
        for (const { block, view } of views) collectHiddenRows(hiddenRows, top0 + block.start + 1, block.count, null, view.cellAddresses);
      };

      while (done < total) {
        checkAbort(options.signal, name);
        const pendingViewBytes = mixed.reduce((n, b) => n + b.count * viewBytesPerRow, 0);
        const room = Math.max(bytesPerRow, this.maxBytes - pendingViewBytes);
        const count = Math.max(1, Math.min(next, Math.floor(room / bytesPerRow), total - done, maxRowsByCells));
        const views = queueViews(mixed);
        const range = ws.getRangeByIndexes(top0 + done, left0, count, cols).load("values,rowHidden");
        try {
          await ctx.sync();
        } catch (e) {
          if (errorCode(e) === PAYLOAD_TOO_LARGE && count > 1) {
            next = Math.ceil(count / 2);
            bytesPerRow = Math.max(bytesPerRow, Math.ceil(this.maxBytes / next));
            continue;
          }
          throw e;
        }
        takeViews(views);
        mixed = [];
        const chunk = range.values as CellValue[][];
        const chunkBytes = jsonBytes(chunk);
        for (const row of chunk) {
          for (let j = 0; j < row.length; j++) if (row[j] === "") row[j] = null;
          values.push(row);
        }
        if (range.rowHidden === true) collectHiddenRows(hiddenRows, top0 + done + 1, count, true, null);
        else if (range.rowHidden === null) mixed.push({ start: done, count });
        // Size the next chunk from the widest rows seen so far, so one long-text stretch cannot
        // push a later request over the limit.
        bytesPerRow = Math.max(chunkBytes / count, done === 0 ? 1 : bytesPerRow, 1);
        next = Math.max(1, Math.floor(this.maxBytes / bytesPerRow));
        done += count;
        options.onProgress?.({ done, total });
      }
      if (mixed.length > 0) {
        const views = queueViews(mixed);
        await ctx.sync();
        takeViews(views);
      }
      hiddenRows.sort((a, b) => a - b);
      return { sheet: ws.name, top: top0 + 1, left: left0 + 1, values, hiddenRows };
    });
  }

  async writeSheet(spec: SheetSpec, options: ReadOptions = {}): Promise<void> {
    checkAbort(options.signal, spec.name);
    checkCharts(spec);
    await this.run(async (ctx) => {
      const wb = ctx.workbook;
      const existing = wb.worksheets.getItemOrNullObject(spec.name);
      existing.load("name,position,id");
      const loaded = loadOwnership(ctx);
      await ctx.sync();
      const own = loaded.read();
      if (!existing.isNullObject && (spec.usersSheet || !own.isOurs(existing))) {
        throw new PortError("not_ours", spec.name);
      }

      const ws = this.queueNewSheet(wb, spec, existing);
      const ownedNext = [...own.names.filter((n) => !sameSheetName(n, spec.name)), spec.name];
      if (!spec.usersSheet) wb.settings.add(OWNED_SHEETS_KEY, JSON.stringify(ownedNext));
      ws.load("id");
      this.queueSheetLook(ws, spec);
      // The sheet exists and is ours before any row goes out, so a cancelled or failed write
      // leaves a sheet the next run may replace.
      await ctx.sync();
      // Its id is known once it exists; it goes out with the first rows.
      if (!spec.usersSheet) wb.settings.add(OWNED_SHEET_IDS_KEY, JSON.stringify(own.idsWith(ws.id, existing.isNullObject ? null : existing.id)));

      const width = specWidth(spec.rows);
      const total = spec.rows.length;
      options.onProgress?.({ done: 0, total });
      if (width > 0) {
        let start = 0;
        let bytes = 0;
        for (let i = 0; i < total; i++) {
          const rowBytes = this.estimateRowBytes(spec, i, width);
          if (i > start && bytes + rowBytes > this.maxBytes) {
            checkAbort(options.signal, spec.name);
            await this.writeRows(ctx, ws, spec, start, i, width);
            options.onProgress?.({ done: i, total });
            start = i;
            bytes = 0;
          }
          bytes += rowBytes;
        }
        if (start < total) {
          checkAbort(options.signal, spec.name);
          await this.writeRows(ctx, ws, spec, start, total, width);
        }
      }

      await this.carryTemplate(ctx, ws, spec, options);
      const tail = this.queueSheetExtras(ws, spec, width);
      // After the values, so each chart picks up its series names and categories from filled cells.
      const charted = this.queueCharts(ws, spec);
      if (tail || charted) await ctx.sync();
      if (spec.form && this.queueForm(ws, spec.form)) await ctx.sync();
      options.onProgress?.({ done: total, total });
    });
  }

  /**
   * A form's inputs unlocked (ExcelApi 1.2) and validated with their input messages (1.8), then the sheet
   * protected without a password (1.2). Before 1.8 the inputs are unlocked without rules or messages; before 1.2
   * nothing is locked or protected (`capabilities().forms` says which). True when anything was queued.
   */
  private queueForm(ws: Excel.Worksheet, form: FormSpec): boolean {
    const protection = this.has("1.2");
    const validation = this.has("1.8");
    if (!protection && !validation) return false;
    for (const input of form.inputs) {
      const range = ws.getCell(input.row - 1, input.column - 1);
      if (protection) range.format.protection.locked = false;
      if (!validation) continue;
      const r = input.rule;
      const rule: Excel.DataValidationRule =
        r.kind === "list"
          ? { list: { inCellDropDown: true, source: (r.list ?? []).join(",") } }
          : r.kind === "date"
            ? { date: { formula1: "1900-01-01", operator: "GreaterThan" as Excel.DataValidationOperator } }
            : r.kind === "whole"
              ? { wholeNumber: { formula1: r.min ?? 0, operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator } }
              : {};
      if (r.kind !== "text") range.dataValidation.rule = rule;
      range.dataValidation.prompt = { showPrompt: true, title: r.title.slice(0, 32), message: r.prompt.slice(0, 255) };
      if (r.error) range.dataValidation.errorAlert = { showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: r.title.slice(0, 32), message: r.error.slice(0, 255) };
    }
    if (protection && form.protect) ws.protection.protect({ selectionMode: "Normal" as Excel.ProtectionSelectionMode, allowFormatColumns: false, allowFormatRows: false });
    return true;
  }

  /**
   * Adds the sheet of a spec. A sheet being replaced is renamed aside, the new one added, then the old
   * deleted: a workbook must keep one visible sheet, and the new sheet takes the old one's place.
   */
  private queueNewSheet(wb: Excel.Workbook, spec: SheetSpec, existing: Excel.Worksheet): Excel.Worksheet {
    if (!existing.isNullObject) existing.name = asideName(spec.name);
    const ws = wb.worksheets.add(spec.name);
    if (!existing.isNullObject) existing.delete();
    const position = spec.position ?? (existing.isNullObject ? undefined : existing.position);
    if (position !== undefined) ws.position = position;
    return ws;
  }

  /** Column widths, frozen rows and the sheet's own font and alignment, before any row. */
  private queueSheetLook(ws: Excel.Worksheet, spec: SheetSpec): void {
    (spec.columnWidths ?? []).forEach((w, i) => {
      if (w > 0) ws.getRange(`${columnLetters(i + 1)}:${columnLetters(i + 1)}`).format.columnWidth = widthToPoints(w);
    });
    if (spec.freezeRows && spec.freezeRows > 0) ws.freezePanes.freezeRows(spec.freezeRows);
    const used = { rows: spec.rows.length, columns: specWidth(spec.rows) };
    if (used.rows > 0 && used.columns > 0 && (spec.fontSize || spec.verticalAlign)) {
      // The sheet's own look first, so cells with a size of their own override it.
      const all = ws.getRangeByIndexes(0, 0, used.rows, used.columns);
      if (spec.fontSize) all.format.font.size = spec.fontSize;
      if (spec.verticalAlign) all.format.verticalAlignment = (spec.verticalAlign === "center" ? "Center" : "Top") as Excel.VerticalAlignment;
    }
  }

  /** Bytes a row adds to a request: its values and formats, and a command per styled cell. */
  private estimateRowBytes(spec: SheetSpec, i: number, width: number): number {
    const row = spec.rows[i];
    let bytes = 8 + width * 4;
    for (let c = 0; c < row.length; c++) {
      const p = planCell(row[c], spec.columnFormats?.[c]);
      bytes += utf8Length(JSON.stringify(p.value) ?? "") + utf8Length(p.numberFormat) + 6;
      if (styleKey(p)) bytes += COMMAND_BYTES * 6;
      if (p.link) bytes += COMMAND_BYTES + utf8Length(p.link.sheet) * 2 + 40;
      if (p.mergeAcross) bytes += COMMAND_BYTES;
    }
    if (this.rowHeightsOf(spec).has(i + 1)) bytes += COMMAND_BYTES;
    return bytes;
  }

  /** Rows [from, to) of the spec: formats first (so text stays text), then values, then styles; one sync. */
  private async writeRows(
    ctx: Excel.RequestContext,
    ws: Excel.Worksheet,
    spec: SheetSpec,
    from: number,
    to: number,
    width: number,
  ): Promise<void> {
    this.queueRows(ws, spec, from, to, width);
    try {
      await ctx.sync();
    } catch (e) {
      if (errorCode(e) === PAYLOAD_TOO_LARGE && to - from > 1) {
        // Our estimate was short: the request was refused whole, so send it as two halves.
        const mid = from + Math.floor((to - from) / 2);
        await this.writeRows(ctx, ws, spec, from, mid, width);
        await this.writeRows(ctx, ws, spec, mid, to, width);
        return;
      }
      throw e;
    }
  }

  /** Queues rows [from, to) of the spec: formats first (so text stays text), then values, then styles. */
  private queueRows(ws: Excel.Worksheet, spec: SheetSpec, from: number, to: number, width: number): void {
    const planned: PlannedCell[][] = [];
    const values: (string | number | boolean)[][] = [];
    const formats: string[][] = [];
    for (let i = from; i < to; i++) {
      const row = spec.rows[i];
      const prow: PlannedCell[] = [];
      const vrow: (string | number | boolean)[] = [];
      const frow: string[] = [];
      for (let c = 0; c < width; c++) {
        const p = c < row.length ? planCell(row[c], spec.columnFormats?.[c]) : planCell(null, null);
        if (p.kind === "text" && spec.wrapColumns?.includes(c + 1)) p.wrap = true;
        prow.push(p);
        vrow.push(p.kind === "empty" ? "" : p.kind === "date" ? isoToSerial(p.value as string) : (p.value as string | number | boolean));
        frow.push(p.numberFormat);
      }
      planned.push(prow);
      values.push(vrow);
      formats.push(frow);
    }
    const range = ws.getRangeByIndexes(from, 0, to - from, width);
    range.numberFormat = formats;
    range.values = values;
    this.queueStyles(ws, planned, from);
    this.queueRowHeights(ws, spec, from, to);
  }

  /** Neighbouring cells that look alike share one range (runs in a row, stacked across rows). */
  private queueStyles(ws: Excel.Worksheet, planned: PlannedCell[][], from: number): void {
    type Open = { r1: number; r2: number; c1: number; c2: number; cell: PlannedCell };
    let open = new Map<string, Open>();
    const emit = (o: Open) => {
      const range = ws.getRange(`${columnLetters(o.c1)}${o.r1}:${columnLetters(o.c2)}${o.r2}`);
      const c = o.cell;
      if (c.bold) range.format.font.bold = true;
      if (c.fill) range.format.fill.color = c.fill;
      if (c.color) range.format.font.color = c.color;
      if (c.fontSize) range.format.font.size = c.fontSize;
      if (c.align) range.format.horizontalAlignment = ALIGN[c.align];
      if (c.wrap) range.format.wrapText = true;
      if (c.border) {
        for (const edge of EDGES) {
          range.format.borders.getItem(edge as Excel.BorderIndex).style = "Continuous" as Excel.BorderLineStyle;
        }
      }
    };
    planned.forEach((prow, i) => {
      const r = from + i + 1;
      const next = new Map<string, Open>();
      let c = 0;
      while (c < prow.length) {
        const key = styleKey(prow[c]);
        if (!key) {
          c++;
          continue;
        }
        let end = c;
        while (end + 1 < prow.length && styleKey(prow[end + 1]) === key) end++;
        const runKey = `${c}:${end}:${key}`;
        const prev = open.get(runKey);
        if (prev && prev.r2 === r - 1) {
          prev.r2 = r;
          next.set(runKey, prev);
          open.delete(runKey);
        } else next.set(runKey, { r1: r, r2: r, c1: c + 1, c2: end + 1, cell: prow[c] });
        c = end + 1;
      }
      for (const o of open.values()) emit(o);
      open = next;
      prow.forEach((p, j) => {
        if (p.mergeAcross) ws.getRange(`${columnLetters(j + 1)}${r}:${columnLetters(j + 1 + p.mergeAcross)}${r}`).merge(false);
        if (p.link) {
          const target = `${quoteSheet(p.link.sheet)}!${columnLetters(p.link.column ?? 1)}${p.link.row}`;
          const cell = ws.getRange(`${columnLetters(j + 1)}${r}`);
          cell.hyperlink = typeof p.value === "string" ? { documentReference: target, textToDisplay: p.value } : { documentReference: target };
        }
      });
    });
    for (const o of open.values()) emit(o);
  }

  /**
   * Heights of rows [from, to) whose wrapped text needs more than one line (ExcelApi 1.1). Set, not
   * autofitted: Excel does not autofit merged cells, and the same estimate serves the .xlsx port.
   * Neighbouring rows of one height share a command.
   */
  private queueRowHeights(ws: Excel.Worksheet, spec: SheetSpec, from: number, to: number): void {
    const heights = this.rowHeightsOf(spec);
    let start = -1;
    let height = 0;
    const flush = (end: number) => {
      if (start > 0) ws.getRange(`${start}:${end}`).format.rowHeight = height;
      start = -1;
    };
    for (let r = from + 1; r <= to; r++) {
      const h = heights.get(r);
      if (h === undefined || h !== height) flush(r - 1);
      if (h !== undefined && start < 0) {
        start = r;
        height = h;
      }
    }
    flush(to);
  }

  private heightCache: { spec: SheetSpec; heights: Map<number, number> } | null = null;

  private rowHeightsOf(spec: SheetSpec): Map<number, number> {
    if (this.heightCache?.spec !== spec) this.heightCache = { spec, heights: wrappedRowHeights(spec) };
    return this.heightCache.heights;
  }

  /** AutoFilter and print setup (ExcelApi 1.9; skipped below it). Returns whether anything was queued. */
  private queueSheetExtras(ws: Excel.Worksheet, spec: SheetSpec, width: number): boolean {
    if (!this.has("1.9") || width === 0) return false;
    let queued = false;
    if (spec.filterRow && spec.filterRow <= spec.rows.length) {
      const last = Math.min(spec.rows.length, Math.max(spec.filterRow, spec.filterLastRow ?? spec.rows.length));
      ws.autoFilter.apply(ws.getRange(`A${spec.filterRow}:${columnLetters(width)}${last}`));
      queued = true;
    }
    const print = spec.print;
    if (print) {
      const layout = ws.pageLayout;
      const points = (cm: number) => Math.round(cm * POINTS_PER_CM * 100) / 100;
      const m = marginsOf(print);
      const scale = printScale(spec);
      layout.paperSize = "A4" as Excel.PaperType;
      layout.orientation = (print.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
      Object.assign(layout, {
        leftMargin: points(m.left),
        rightMargin: points(m.right),
        topMargin: points(m.top),
        bottomMargin: points(m.bottom),
        headerMargin: points(m.header),
        footerMargin: points(m.footer),
      });
      layout.zoom = scale.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: scale.scale };
      // Each result sheet counts its own pages, also when the whole workbook is printed at once.
      layout.firstPageNumber = 1;
      if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows[0]}:$${print.repeatRows[1]}`);
      if (print.repeatColumns) layout.setPrintTitleColumns(`$${columnLetters(print.repeatColumns[0])}:$${columnLetters(print.repeatColumns[1])}`);
      if (print.centerHorizontally) layout.centerHorizontally = true;
      if (print.area !== "used") {
        const area = print.area ?? { fromRow: 1, toRow: spec.rows.length, fromColumn: 1, toColumn: width };
        layout.setPrintArea(`${columnLetters(area.fromColumn)}${area.fromRow}:${columnLetters(area.toColumn)}${area.toRow}`);
      }
      const page = layout.headersFooters.defaultForAllPages;
      if (print.header?.left) page.leftHeader = print.header.left;
      if (print.header?.center) page.centerHeader = print.header.center;
      if (print.header?.right) page.rightHeader = print.header.right;
      if (print.footer?.left) page.leftFooter = print.footer.left;
      if (print.footer?.center) page.centerFooter = print.footer.center;
      if (print.footer?.right) page.rightFooter = print.footer.right;
      for (const r of print.breakBefore ?? []) if (r > 1 && r <= spec.rows.length) ws.horizontalPageBreaks.add(`A${r}`);
      queued = true;
    }
    return queued;
  }

  /**
   * Charts (ExcelApi 1.1, so every Excel has them): one `charts.add` over the spec's data block, a
   * title, and the cells to cover. Returns whether anything was queued.
   */
  private queueCharts(ws: Excel.Worksheet, spec: SheetSpec): boolean {
    const charts = spec.charts ?? [];
    for (const chart of charts) {
      const { source: s, at } = chart;
      const data = ws.getRange(`${columnLetters(s.fromColumn)}${s.fromRow}:${columnLetters(s.toColumn)}${s.toRow}`);
      const seriesBy = (chart.seriesBy === "rows" ? "Rows" : "Columns") as Excel.ChartSeriesBy;
      const added = ws.charts.add(CHART_TYPES[chart.type], data, seriesBy);
      if (chart.title) {
        added.title.text = chart.title;
        added.title.visible = true;
      }
      added.setPosition(
        `${columnLetters(at.column)}${at.row}`,
        `${columnLetters(at.column + at.columns - 1)}${at.row + at.rows - 1}`,
      );
    }
    return charts.length > 0;
  }

  /**
   * Merges, row heights (ExcelApi 1.1) and a template's formats (ExcelApi 1.9) for the written rows, in
   * requests kept under the byte limit. A template sheet's rows are copied with `Range.copyFrom(…,
   * "Formats")`, one command per run of rows that copy consecutive template rows (one per letter for a
   * template without a 明细 block). Looks given as data are set once, on the first row copying each
   * template row, and every later row copies that row the same way. Below ExcelApi 1.9 the values
   * stay without the template's formats (`capabilities().copyFormats` is false).
   */
  private async carryTemplate(ctx: Excel.RequestContext, ws: Excel.Worksheet, spec: SheetSpec, options: ReadOptions): Promise<void> {
    let bytes = 0;
    const queued = async (more: number) => {
      bytes += more;
      if (bytes < this.maxBytes) return;
      checkAbort(options.signal, spec.name);
      await ctx.sync();
      bytes = 0;
    };
    for (const m of spec.merges ?? []) {
      if (m.toRow === m.fromRow && m.toColumn === m.fromColumn) continue;
      ws.getRangeByIndexes(m.fromRow - 1, m.fromColumn - 1, m.toRow - m.fromRow + 1, m.toColumn - m.fromColumn + 1).merge(false);
      await queued(COMMAND_BYTES);
    }
    const heights = spec.rowHeights ?? [];
    for (let i = 0; i < heights.length; ) {
      const h = heights[i];
      let j = i + 1;
      while (j < heights.length && heights[j] === h) j++;
      if (typeof h === "number" && h > 0) {
        ws.getRange(`${i + 1}:${j}`).format.rowHeight = h;
        await queued(COMMAND_BYTES);
      }
      i = j;
    }
    const t = spec.templateFormats;
    if (t && t.columns > 0 && this.has("1.9")) {
      const source = "sheet" in t.from ? ctx.workbook.worksheets.getItem(t.from.sheet) : ws;
      // Template row -> the row its formats are copied from (the template sheet's own row, or the first written row taking it).
      const origin = new Map<number, number>();
      let templateFormats: string[][] = [];
      if ("sheet" in t.from) {
        // A loop, not a spread: a long letters sheet has more rows than a call takes arguments.
        const last = t.sourceRows.reduce<number>((m, r) => Math.max(m, r ?? 0), 0);
        if (last > 0) {
          const range = source.getRangeByIndexes(0, 0, last, t.columns);
          range.load("numberFormat");
          await ctx.sync();
          bytes = 0;
          templateFormats = range.numberFormat as string[][];
          for (let r = 1; r <= last; r++) origin.set(r, r);
        }
      } else {
        const { looks, cells } = t.from;
        t.sourceRows.forEach((from, i) => {
          if (from === null || from === undefined || origin.has(from)) return;
          origin.set(from, i + 1);
          templateFormats[from - 1] = [];
          for (let c = 1; c <= t.columns; c++) {
            const look = looks[cells[from - 1]?.[c - 1] ?? ""];
            templateFormats[from - 1][c - 1] = look?.numberFormat ?? "General";
            if (look) queueLook(ws.getCell(i, c - 1), look);
          }
        });
        await queued(COMMAND_BYTES * 8 * origin.size * t.columns);
      }
      // Runs of written rows whose origins are consecutive rows: one copy each.
      const rows = t.sourceRows;
      for (let i = 0; i < rows.length; ) {
        const from = rows[i];
        const start = from === null || from === undefined ? undefined : origin.get(from);
        if (start === undefined || (source === ws && start === i + 1)) {
          i++;
          continue;
        }
        let n = 1;
        while (i + n < rows.length) {
          const next = rows[i + n];
          const o = next === null || next === undefined ? undefined : origin.get(next);
          if (o !== start + n || (source === ws && o === i + n + 1)) break;
          n++;
        }
        ws.getRangeByIndexes(i, 0, n, t.columns).copyFrom(source.getRangeByIndexes(start - 1, 0, n, t.columns), "Formats" as Excel.RangeCopyType);
        await queued(COMMAND_BYTES * 2);
        options.onProgress?.({ done: i + n, total: rows.length });
        i += n;
      }
      // A cell's own format (amounts, dates) where the template cell's is General or text (a placeholder typed as text).
      rows.forEach((from, i) => {
        if (from === null || from === undefined) return;
        (spec.rows[i] ?? []).forEach((cell, c) => {
          if (c >= t.columns || cell === null || typeof cell !== "object" || !("value" in cell) || !cell.numberFormat) return;
          const theirs = templateFormats[from - 1]?.[c] ?? "General";
          if (theirs === "General" || theirs === "@") ws.getCell(i, c).numberFormat = [[cell.numberFormat]];
        });
      });
      checkAbort(options.signal, spec.name);
      await ctx.sync();
    }
    if (bytes > 0) await ctx.sync();
  }

  async writeCells(
    sheet: string,
    cells: PlacedCell[],
    options: ReadOptions & { listValidation?: { column: number; fromRow: number; toRow: number; values: readonly string[] }[] } = {},
  ): Promise<void> {
    checkAbort(options.signal, sheet);
    await this.run(async (ctx) => {
      const wb = ctx.workbook;
      const existing = wb.worksheets.getItemOrNullObject(sheet);
      existing.load("name");
      await ctx.sync();
      const ws = existing.isNullObject ? wb.worksheets.add(sheet) : existing;
      let bytes = 0;
      for (const placed of cells) {
        const p = planCell(placed.cell, null);
        const range = ws.getCell(placed.row - 1, placed.column - 1);
        // Format first, so text stays text.
        range.numberFormat = [[p.numberFormat]];
        range.values = [[p.kind === "empty" ? "" : p.kind === "date" ? isoToSerial(p.value as string) : (p.value as string | number | boolean)]];
        if (p.bold) range.format.font.bold = true;
        bytes += COMMAND_BYTES * 2 + utf8Length(JSON.stringify(p.value) ?? "") + utf8Length(p.numberFormat);
        if (bytes >= this.maxBytes) {
          checkAbort(options.signal, sheet);
          await ctx.sync();
          bytes = 0;
        }
      }
      if (this.has("1.8")) {
        for (const v of options.listValidation ?? []) {
          if (v.toRow < v.fromRow) continue;
          const range = ws.getRangeByIndexes(v.fromRow - 1, v.column - 1, v.toRow - v.fromRow + 1, 1);
          range.dataValidation.rule = { list: { inCellDropDown: true, source: v.values.join(",") } };
        }
      }
      await ctx.sync();
    });
  }

  /**
   * Column widths and row heights of a sheet from `getColumnProperties` / `getRowProperties` (ExcelApi 1.9), over its first row and
   * first column; merges are not read (`copyFrom` carries them with the formats).
   */
  async readLayout(name: string): Promise<SheetLayout> {
    if (!this.has("1.9")) return { merges: [], columnWidths: [], rowHeights: [] };
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("rowCount,columnCount,rowIndex,columnIndex");
      await ctx.sync();
      if (ws.isNullObject) throw new PortError("no_sheet", name);
      if (used.isNullObject) return { merges: [], columnWidths: [], rowHeights: [] };
      const columns = used.columnIndex + used.columnCount;
      const rows = used.rowIndex + used.rowCount;
      const across = ws.getRangeByIndexes(0, 0, 1, columns).getColumnProperties({ format: { columnWidth: true } });
      const down = ws.getRangeByIndexes(0, 0, rows, 1).getRowProperties({ format: { rowHeight: true } });
      await ctx.sync();
      const columnWidths = across.value.map((p) => (typeof p.format?.columnWidth === "number" ? pointsToWidth(p.format.columnWidth) : null));
      const rowHeights = down.value.map((p) => (typeof p.format?.rowHeight === "number" ? p.format.rowHeight : undefined));
      return { merges: [], columnWidths, rowHeights };
    });
  }

  /**
   * Several sheets in two requests when they are small: every used range in the first, every sheet's
   * values in the second (sheets that together may pass the byte or cell limit are read one by one by
   * `readSheet`, as are any refused for their size).
   */
  async readSheets(names: readonly string[], options: ReadOptions = {}): Promise<Grid[]> {
    checkAbort(options.signal, names[0] ?? "");
    const together = await this.run(async (ctx): Promise<Grid[] | null> => {
      const looked = names.map((name) => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
        ws.load("name");
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        return { name, ws, used };
      });
      await ctx.sync();
      for (const l of looked) if (l.ws.isNullObject) throw new PortError("no_sheet", l.name);
      const cells = looked.reduce((n, l) => n + (l.used.isNullObject ? 0 : l.used.rowCount * l.used.columnCount), 0);
      if (cells * GUESSED_BYTES_PER_CELL > this.maxBytes || cells > MAX_CELLS_PER_READ) return null;
      const total = looked.reduce((n, l) => n + (l.used.isNullObject ? 0 : l.used.rowCount), 0);
      options.onProgress?.({ done: 0, total });
      checkAbort(options.signal, names[0] ?? "");
      const ranges = looked.map(({ ws, used }) =>
        used.isNullObject ? null : ws.getRangeByIndexes(used.rowIndex, used.columnIndex, used.rowCount, used.columnCount).load("values,rowHidden"),
      );
      try {
        await ctx.sync();
      } catch (e) {
        if (errorCode(e) === PAYLOAD_TOO_LARGE) return null;
        throw e;
      }
      // Sheets with some rows hidden: their visible rows (one column's addresses) in one more request.
      const views = looked.map(({ ws, used }, i) =>
        ranges[i]?.rowHidden === null ? ws.getRangeByIndexes(used.rowIndex, used.columnIndex, used.rowCount, 1).getVisibleView().load("cellAddresses") : null,
      );
      if (views.some((v) => v !== null)) await ctx.sync();
      const grids = looked.map(({ ws, used }, i): Grid => {
        const range = ranges[i];
        if (used.isNullObject || !range) return { sheet: ws.name, top: 1, left: 1, values: [], hiddenRows: [] };
        const top = used.rowIndex + 1;
        const values = range.values as CellValue[][];
        for (const row of values) for (let j = 0; j < row.length; j++) if (row[j] === "") row[j] = null;
        const hiddenRows: number[] = [];
        collectHiddenRows(hiddenRows, top, used.rowCount, range.rowHidden, views[i]?.cellAddresses ?? null);
        return { sheet: ws.name, top, left: used.columnIndex + 1, values, hiddenRows };
      });
      options.onProgress?.({ done: total, total });
      return grids;
    });
    if (together) return together;
    const grids: Grid[] = [];
    for (const name of names) grids.push(await this.readSheet(name, options));
    return grids;
  }

  /**
   * Marks and result sheets of a run: the look-ups of every marked sheet, its rules and the result
   * sheets in one request (one more for the formulas of custom rules found), then the marks, the new
   * sheets and their rows in one request when all of it fits under the byte limit. What does not fit
   * (large results, sheets with template formats, merges, set heights or a form) is written after the
   * marks by `writeSheet`, in its own chunks. A request refused whole for its size is redone call by call.
   */
  async writeResults(batch: ResultBatch, options: ReadOptions = {}): Promise<void> {
    const markSets = batch.marks ?? [];
    const specs = batch.sheets ?? [];
    for (const set of markSets) checkMarkStyles(set.marks, set.styles);
    specs.forEach(checkCharts);
    const first = markSets[0]?.sheet ?? specs[0]?.name ?? "";
    checkAbort(options.signal, first);
    const total = markSets.length + specs.length;
    options.onProgress?.({ done: 0, total });
    const plain = (spec: SheetSpec) => !spec.templateFormats && !spec.merges?.length && !spec.rowHeights?.length && !spec.form;
    const outcome = await this.run(async (ctx): Promise<{ later: SheetSpec[]; done: number } | null> => {
      const wb = ctx.workbook;
      const loaded = loadOwnership(ctx);
      const existing = specs.map((spec) => wb.worksheets.getItemOrNullObject(spec.name).load("name,position,id"));
      const marked = markSets.map((set) => {
        const ws = wb.worksheets.getItem(set.sheet);
        return { ws, used: ws.getUsedRangeOrNullObject(true).load("columnIndex,columnCount") };
      });
      let found: { cf: Excel.ConditionalFormat; group: string }[][];
      try {
        // Its first request carries the look-ups queued above.
        found = marked.length > 0 ? await this.findOurRules(ctx, marked.map((m) => m.ws), "") : (await ctx.sync(), []);
      } catch (e) {
        // A marked sheet is gone: the call-by-call path names which.
        if (e instanceof PortError && e.code === "no_sheet") return null;
        throw e;
      }
      const own = loaded.read();
      let owned = own.names;
      specs.forEach((spec, i) => {
        if (!existing[i].isNullObject && (spec.usersSheet || !own.isOurs(existing[i]))) {
          throw new PortError("not_ours", spec.name);
        }
      });
      checkAbort(options.signal, first);

      let bytes = 0;
      const flushIfFull = async (more: number) => {
        if (bytes + more > this.maxBytes && bytes > 0) {
          await ctx.sync();
          bytes = 0;
        }
        bytes += more;
      };
      for (let i = 0; i < markSets.length; i++) {
        const set = markSets[i];
        await this.queueMarks(marked[i].ws, marked[i].used, found[i], set.group, set.marks, set.styles, flushIfFull);
      }
      // Result sheets go with the marks while the whole stays under the limit; the rest after, by writeSheet.
      const together: { spec: SheetSpec; existing: Excel.Worksheet; width: number }[] = [];
      const later: SheetSpec[] = [];
      specs.forEach((spec, i) => {
        const width = specWidth(spec.rows);
        let size = COMMAND_BYTES * 12 + (spec.columnWidths?.length ?? 0) * COMMAND_BYTES;
        for (let r = 0; r < spec.rows.length && bytes + size <= this.maxBytes; r++) size += this.estimateRowBytes(spec, r, width);
        if (plain(spec) && later.length === 0 && bytes + size <= this.maxBytes) {
          together.push({ spec, existing: existing[i], width });
          bytes += size;
        } else later.push(spec);
      });
      const created: { ws: Excel.Worksheet; old: Excel.Worksheet }[] = [];
      for (const { spec, existing: old, width } of together) {
        const ws = this.queueNewSheet(wb, spec, old);
        if (!spec.usersSheet) {
          owned = [...owned.filter((n) => !sameSheetName(n, spec.name)), spec.name];
          created.push({ ws: ws.load("id"), old });
        }
        this.queueSheetLook(ws, spec);
        if (width > 0 && spec.rows.length > 0) this.queueRows(ws, spec, 0, spec.rows.length, width);
        this.queueSheetExtras(ws, spec, width);
        // After the values, so each chart picks up its series names and categories from filled cells.
        this.queueCharts(ws, spec);
      }
      if (together.length > 0) wb.settings.add(OWNED_SHEETS_KEY, JSON.stringify(owned));
      checkAbort(options.signal, first);
      try {
        await ctx.sync();
      } catch (e) {
        // Refused whole for its size, so nothing of it was done: call by call instead.
        if (errorCode(e) === PAYLOAD_TOO_LARGE) return null;
        throw e;
      }
      // The new sheets' ids, known now that they exist (one more request; see OWNED_SHEET_IDS_KEY).
      if (created.length > 0) {
        let ids = own.ids;
        for (const { ws, old } of created) ids = [...ids.filter((id) => old.isNullObject || id !== old.id), ws.id];
        wb.settings.add(OWNED_SHEET_IDS_KEY, JSON.stringify(ids));
        await ctx.sync();
      }
      return { later, done: markSets.length + together.length };
    });
    if (outcome === null) {
      let done = 0;
      for (const set of markSets) {
        checkAbort(options.signal, set.sheet);
        await this.markRows(set.sheet, set.group, set.marks, set.styles);
        options.onProgress?.({ done: ++done, total });
      }
      for (const spec of specs) {
        await this.writeSheet(spec, { signal: options.signal });
        options.onProgress?.({ done: ++done, total });
      }
      return;
    }
    let done = outcome.done;
    options.onProgress?.({ done, total });
    for (const spec of outcome.later) {
      await this.writeSheet(spec, { signal: options.signal });
      options.onProgress?.({ done: ++done, total });
    }
  }

  /**
   * `worksheet.onChanged` (ExcelApi 1.7) on each sheet, registered in one request; null below 1.7, where
   * the caller compares fingerprints instead. A sheet that is gone fails with `no_sheet`. The handlers
   * are removed through the context they were added with, as Excel requires.
   */
  async watchSheets(names: readonly string[], onChange: (change: SheetChange) => void): Promise<(() => Promise<void>) | null> {
    if (!this.has("1.7")) return null;
    const handlers = await this.run(async (ctx) => {
      const added = names.map((name) =>
        ctx.workbook.worksheets.getItem(name).onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
          onChange({ sheet: name, address: event.address });
        }),
      );
      try {
        await ctx.sync();
      } catch (e) {
        if (errorCode(e) === "ItemNotFound") throw new PortError("no_sheet", names.join(", "));
        throw e;
      }
      return added;
    });
    let removed = false;
    return async () => {
      if (removed || handlers.length === 0) return;
      removed = true;
      for (const h of handlers) h.remove();
      await handlers[0].context.sync();
    };
  }

  async ownSheets(): Promise<string[]> {
    return this.run(async (ctx) => {
      const loaded = loadOwnership(ctx);
      await ctx.sync();
      return loaded.read().present();
    });
  }

  async deleteSheet(name: string): Promise<void> {
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      ws.load("name,id");
      const loaded = loadOwnership(ctx);
      await ctx.sync();
      const own = loaded.read();
      if (!ws.isNullObject && !own.isOurs(ws)) throw new PortError("not_ours", name);
      if (!ws.isNullObject) ws.delete();
      if (own.names.some((n) => sameSheetName(n, name))) {
        ctx.workbook.settings.add(OWNED_SHEETS_KEY, JSON.stringify(own.names.filter((n) => !sameSheetName(n, name))));
      }
      if (!ws.isNullObject) ctx.workbook.settings.add(OWNED_SHEET_IDS_KEY, JSON.stringify(own.ids.filter((id) => id !== ws.id)));
      await ctx.sync();
    });
  }

  async markRows(sheet: string, group: string, marks: RowMark[], styles: Record<string, MarkStyle>): Promise<void> {
    checkMarkStyles(marks, styles);
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const used = ws.getUsedRangeOrNullObject(true).load("columnIndex,columnCount");
      const found = await this.findOurRules(ctx, [ws], sheet);
      let bytes = 0;
      const flushIfFull = async (more: number) => {
        if (bytes + more > this.maxBytes && bytes > 0) {
          await ctx.sync();
          bytes = 0;
        }
        bytes += more;
      };
      await this.queueMarks(ws, used, found[0], group, marks, styles, flushIfFull);
      await ctx.sync();
    });
  }

  /**
   * Replaces a group's mark rules on a sheet: the old rules found by `findOurRules` deleted, one new rule
   * per style per block (or per `getRanges` list). `flushIfFull` is told each command's bytes first.
   */
  private async queueMarks(
    ws: Excel.Worksheet,
    used: Excel.Range,
    found: { cf: Excel.ConditionalFormat; group: string }[],
    group: string,
    marks: RowMark[],
    styles: Record<string, MarkStyle>,
    flushIfFull: (more: number) => Promise<void>,
  ): Promise<void> {
    const formulas = new Map(Object.keys(styles).map((s) => [s, markFormula(group, s)]));
    for (const rule of found) {
      if (rule.group !== group) continue;
      await flushIfFull(COMMAND_BYTES);
      rule.cf.delete();
    }
    const c1 = used.isNullObject ? 1 : used.columnIndex + 1;
    const c2 = used.isNullObject ? 1 : used.columnIndex + used.columnCount;
    const byStyle = new Map<string, number[]>();
    for (const m of marks) {
      const list = byStyle.get(m.style) ?? [];
      list.push(m.row);
      byStyle.set(m.style, list);
    }
    const areas = this.has("1.9");
    for (const [styleName, rows] of byStyle) {
      const style = styles[styleName];
      const addresses = rowBlocks(rows).map(([a, b]) => `${columnLetters(c1)}${a}:${columnLetters(c2)}${b}`);
      const groups = areas ? packAddresses(addresses) : addresses;
      for (const address of groups) {
        await flushIfFull(COMMAND_BYTES * 4 + address.length * 2);
        const target = areas ? ws.getRanges(address) : ws.getRange(address);
        const cf = target.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
        cf.custom.rule.formula = formulas.get(styleName) as string;
        cf.custom.format.fill.color = style.fill;
        if (style.color) cf.custom.format.font.color = style.color;
      }
    }
  }

  /**
   * Our mark rules on the given sheets: one request for the rules' types, one for the formulas
   * (and ranges) of the custom ones. `sheetForError` names the sheet in `no_sheet`.
   */
  private async findOurRules(
    ctx: Excel.RequestContext,
    sheets: Excel.Worksheet[],
    sheetForError: string,
    withRanges = false,
  ): Promise<{ cf: Excel.ConditionalFormat; group: string; style: string; range?: Excel.Range }[][]> {
    const collections = sheets.map((ws) => ws.getRange().conditionalFormats.load("items/type"));
    try {
      await ctx.sync();
    } catch (e) {
      if (errorCode(e) === "ItemNotFound") throw new PortError("no_sheet", sheetForError);
      throw e;
    }
    const candidates = collections.map((cfs) =>
      cfs.items
        .filter((cf) => cf.type === "Custom")
        .map((cf) => ({
          cf,
          rule: cf.custom.rule.load("formula"),
          range: withRanges ? cf.getRange().load("address") : undefined,
        })),
    );
    if (candidates.some((list) => list.length > 0)) await ctx.sync();
    return candidates.map((list) =>
      list.flatMap(({ cf, rule, range }) => {
        const tag = parseMarkFormula(rule.formula);
        return tag ? [{ cf, group: tag.group, style: tag.style, range }] : [];
      }),
    );
  }

  async clearMarks(group: string, sheet?: string): Promise<void> {
    await this.run(async (ctx) => {
      let sheets: Excel.Worksheet[];
      if (sheet !== undefined) sheets = [ctx.workbook.worksheets.getItem(sheet)];
      else {
        const all = ctx.workbook.worksheets.load("items/name");
        await ctx.sync();
        sheets = all.items;
      }
      const found = await this.findOurRules(ctx, sheets, sheet ?? "");
      let bytes = 0;
      for (const rules of found) {
        for (const rule of rules) {
          if (rule.group !== group) continue;
          if (bytes + COMMAND_BYTES > this.maxBytes) {
            await ctx.sync();
            bytes = 0;
          }
          rule.cf.delete();
          bytes += COMMAND_BYTES;
        }
      }
      if (bytes > 0) await ctx.sync();
    });
  }

  async listMarks(group: string, sheet: string): Promise<RowMark[]> {
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const found = await this.findOurRules(ctx, [ws], sheet, true);
      const seen = new Set<string>();
      const marks: RowMark[] = [];
      for (const rule of found[0]) {
        if (rule.group !== group || !rule.range) continue;
        for (const row of rowsOfAddress(rule.range.address)) {
          const key = `${row}\u0000${rule.style}`;
          if (seen.has(key)) continue;
          seen.add(key);
          marks.push({ row, style: rule.style });
        }
      }
      return marks.sort((a, b) => a.row - b.row || (a.style < b.style ? -1 : a.style > b.style ? 1 : 0));
    });
  }

  async select(target: Selection): Promise<void> {
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(target.sheet);
      ws.load("name");
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("columnIndex,columnCount");
      await ctx.sync();
      if (ws.isNullObject) throw new PortError("no_sheet", target.sheet);
      const rowEnd = Math.max(target.row, target.rowEnd ?? target.row);
      let c1: number;
      let c2: number;
      if (target.column !== undefined) c1 = c2 = target.column;
      else if (used.isNullObject) c1 = c2 = 1;
      else {
        c1 = used.columnIndex + 1;
        c2 = used.columnIndex + used.columnCount;
      }
      ws.activate();
      ws.getRange(`${columnLetters(c1)}${target.row}:${columnLetters(c2)}${rowEnd}`).select();
      await ctx.sync();
    });
  }

  async getSetting<T = unknown>(key: string): Promise<T | undefined> {
    return this.run(async (ctx) => {
      const item = ctx.workbook.settings.getItemOrNullObject(key);
      item.load("value");
      await ctx.sync();
      if (item.isNullObject) return undefined;
      const raw: unknown = item.value;
      if (typeof raw !== "string") return raw as T;
      try {
        return JSON.parse(raw) as T;
      } catch {
        // Written by something else than us: hand it over as it is.
        return raw as unknown as T;
      }
    });
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.run(async (ctx) => {
      if (value === undefined) {
        const item = ctx.workbook.settings.getItemOrNullObject(key);
        await ctx.sync();
        if (!item.isNullObject) item.delete();
      } else {
        // JSON text, so any JSON value comes back exactly as it went in.
        ctx.workbook.settings.add(key, JSON.stringify(value));
      }
      await ctx.sync();
    });
  }
}

const VERTICAL: Record<NonNullable<CellLook["vertical"]>, string> = { top: "Top", center: "Center", bottom: "Bottom" };

/** A built-in template's look on one cell (its number format goes with the copy's own). */
function queueLook(range: Excel.Range, look: CellLook): void {
  const f = range.format;
  if (look.fontName) f.font.name = look.fontName;
  f.font.size = look.fontSize;
  if (look.bold) f.font.bold = true;
  if (look.align) f.horizontalAlignment = ALIGN[look.align];
  if (look.vertical) f.verticalAlignment = VERTICAL[look.vertical] as Excel.VerticalAlignment;
  if (look.wrap) f.wrapText = true;
  if (look.numberFormat) range.numberFormat = [[look.numberFormat]];
  const b = look.border;
  if (!b) return;
  if (b.top) f.borders.getItem("EdgeTop" as Excel.BorderIndex).style = "Continuous" as Excel.BorderLineStyle;
  else if (b.dashedTop) f.borders.getItem("EdgeTop" as Excel.BorderIndex).style = "Dash" as Excel.BorderLineStyle;
  if (b.bottom) f.borders.getItem("EdgeBottom" as Excel.BorderIndex).style = "Continuous" as Excel.BorderLineStyle;
  if (b.left) f.borders.getItem("EdgeLeft" as Excel.BorderIndex).style = "Continuous" as Excel.BorderLineStyle;
  if (b.right) f.borders.getItem("EdgeRight" as Excel.BorderIndex).style = "Continuous" as Excel.BorderLineStyle;
}

export function createExcelWorkbook(options: ExcelWorkbookOptions = {}): WorkbookPort {
  return new ExcelWorkbook(options);
}

/**
 * A chart spec that points outside its sheet is a programming error (the sheets are built by our own
 * code, not from user data): refused before anything is written, naming the chart and the sheet.
 */
function checkCharts(spec: SheetSpec): void {
  for (const chart of spec.charts ?? []) {
    const { source: s, at } = chart;
    const name = `chart "${chart.title ?? chart.type}" on ${spec.name}`;
    if (s.fromRow < 1 || s.fromColumn < 1 || s.toRow < s.fromRow || s.toColumn < s.fromColumn || s.toRow > spec.rows.length) {
      throw new Error(`${name}: data block outside the sheet's rows`);
    }
    if (at.row < 1 || at.column < 1 || at.rows < 1 || at.columns < 1) throw new Error(`${name}: bad position`);
  }
}

/**
 * What tells our sheets from the user's, loaded in the caller's next request: the owned names, the owned
 * ids and every sheet's name and id. `read()` after the sync: a sheet is ours when its id is listed (or,
 * in a workbook from before ids were kept, its name, whose sheets' ids then seed the list).
 */
function loadOwnership(ctx: Excel.RequestContext) {
  const namesSetting = ctx.workbook.settings.getItemOrNullObject(OWNED_SHEETS_KEY).load("value");
  const idsSetting = ctx.workbook.settings.getItemOrNullObject(OWNED_SHEET_IDS_KEY).load("value");
  const sheets = ctx.workbook.worksheets.load("items/name,items/id");
  return {
    read() {
      const names = namesSetting.isNullObject ? [] : parseOwned(namesSetting.value);
      const ids = idsSetting.isNullObject
        ? sheets.items.filter((ws) => names.some((n) => sameSheetName(n, ws.name))).map((ws) => ws.id)
        : parseOwned(idsSetting.value);
      return {
        names,
        ids,
        isOurs: (ws: { id: string }) => ids.includes(ws.id),
        /** The ids list after `added` replaced `replaced` (null when nothing was replaced). */
        idsWith: (added: string, replaced: string | null) => [...ids.filter((id) => id !== replaced && id !== added), added],
        /** Names of our sheets that exist, in the order they were made. */
        present: () => ids.flatMap((id) => sheets.items.filter((ws) => ws.id === id).map((ws) => ws.name)),
      };
    },
  };
}

/** A name for the sheet being replaced while its successor is created (31 characters at most). */
function asideName(name: string): string {
  return `~${name}`.slice(0, 24) + "~dz-old";
}

/** Joins `A5:H9`-style addresses into comma lists that stay under the `getRanges` limit. */
function packAddresses(addresses: string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > MAX_ADDRESS_CHARS) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}
