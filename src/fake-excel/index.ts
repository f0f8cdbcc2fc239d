/**
 * A fake Excel for tests and the browser preview: the subset of the Excel JavaScript API that
 * `src/excel` uses, over an in-memory workbook, strict where office-addin-mock is lenient.
 *
 *   const excel = FakeExcel.fromSheets([{ name: "应收明细", rows: [["日期", "金额"], [45296, 100]] }]);
 *   const port = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
 *
 * Browser-safe: no Node APIs.
 */
import { FakeHost, FakeRequestContext, PAYLOAD_LIMIT_BYTES, SyncStats } from "./api";
import {
  FakeSheet,
  FakeWorkbookModel,
  FixtureSheet,
  SheetSnapshot,
  StoredValue,
  columnLetters,
  parseArea,
  rectAddress,
  sheetAddress,
} from "./model";

export { FakeExcelError, columnLetters, isoToSerial, evaluateRule, MAX_ROWS, MAX_COLUMNS } from "./model";
export { FAKE_CHART_TYPES } from "./model";
export type { FixtureSheet, FixtureCell, SheetSnapshot, StoredValue, CellStyle, FakeChart, FakeChangedEvent } from "./model";
export type { SyncStats } from "./api";
export { FakeRequestContext, PAYLOAD_LIMIT_BYTES } from "./api";

export interface FakeExcelOptions {
  /** Highest ExcelApi version the host has, e.g. "1.7" (Office 2019) or "1.9"; default "1.9". */
  apiVersion?: string;
  /** Request/response limit in bytes; default 5 MB as Excel on the web. */
  payloadLimit?: number;
}

function emptyStats(): SyncStats {
  return { syncs: 0, maxRequestBytes: 0, maxResponseBytes: 0, totalRequestBytes: 0, totalResponseBytes: 0 };
}

export class FakeExcel implements FakeHost {
  readonly model = new FakeWorkbookModel();
  stats: SyncStats = emptyStats();
  apiMinor: number;
  payloadLimit: number;
  /** Every `Excel.run` started, for tests that count them. */
  runs = 0;

  constructor(options: FakeExcelOptions = {}) {
    this.apiMinor = minorOf(options.apiVersion ?? "1.9");
    this.payloadLimit = options.payloadLimit ?? PAYLOAD_LIMIT_BYTES;
  }

  static fromSheets(sheets: FixtureSheet[], options?: FakeExcelOptions): FakeExcel {
    const excel = new FakeExcel(options);
    excel.model.loadFixtures(sheets);
    return excel;
  }

  /** Drop-in for `Excel.run`: the batch gets a fresh context; pending commands are synced at the end. */
  readonly run = async <T>(batch: (context: never) => Promise<T>): Promise<T> => {
    this.runs += 1;
    const context = new FakeRequestContext(this);
    const result = await batch(context as never);
    if (context.pending) await context.sync();
    return result;
  };

  /** Drop-in for `Office.context.requirements.isSetSupported`. */
  readonly isSetSupported = (name: string, version?: string): boolean =>
    name === "ExcelApi" && minorOf(version ?? "1.1") <= this.apiMinor;

  setApiVersion(version: string): void {
    this.apiMinor = minorOf(version);
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  sheet(name: string): FakeSheet {
    const s = this.model.sheet(name);
    if (!s) throw new Error(`fake workbook has no sheet ${name}`);
    return s;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** The fill the user sees at a cell: our conditional formats on top of the cell's own fill. */
  effectiveFill(sheet: string, row: number, column: number): string | null {
    return this.sheet(sheet).effectiveFill(row, column);
  }

  effectiveFontColor(sheet: string, row: number, column: number): string | null {
    return this.sheet(sheet).effectiveFontColor(row, column);
  }

  /** Values and formats of a sheet, for "restored exactly" assertions. */
  snapshot(sheet: string): SheetSnapshot {
    return this.sheet(sheet).snapshot();
  }

  cell(sheet: string, address: string): {
    value: StoredValue | null;
    formula: string | null;
    numberFormat: string;
    fill: string | null;
    bold: boolean;
    link: string | null;
  } {
    const s = this.sheet(sheet);
    const rect = parseArea(address);
    const r = rect.r1;
    const c = rect.c1;
    const st = s.style(r, c);
    return {
      value: s.getValue(r, c) ?? null,
      formula: s.formulas.get(FakeSheet.key(r, c)) ?? null,
      numberFormat: s.getNumberFormat(r, c),
      fill: st?.fill ?? null,
      bold: st?.bold ?? false,
      link: st?.link ?? null,
    };
  }

  /** The charts of a sheet as a user would describe them: name, type, title, data block, place. */
  charts(sheet: string): {
    name: string;
    type: string;
    title: string | null;
    source: string;
    seriesBy: string;
    position: string | null;
  }[] {
    const s = this.sheet(sheet);
    return s.charts.map((c) => ({
      name: c.name,
      type: c.type,
      title: c.titleVisible ? c.title : null,
      source: sheetAddress(s.name, c.source),
      seriesBy: c.seriesBy,
      position: c.position ? rectAddress(c.position) : null,
    }));
  }

  /**
   * A plain view of a sheet for the preview's grid: the used range (capped), display text and the
   * effective fill of every cell.
   */
  view(sheet: string, maxRows = 500, maxColumns = 30): {
    top: number;
    left: number;
    columns: string[];
    rows: { row: number; hidden: boolean; cells: { text: string; fill: string | null; bold: boolean }[] }[];
  } {
    const s = this.sheet(sheet);
    const used = s.usedRange(false);
    if (!used) return { top: 1, left: 1, columns: [], rows: [] };
    const r2 = Math.min(used.r2, used.r1 + maxRows - 1);
    const c2 = Math.min(used.c2, used.c1 + maxColumns - 1);
    const columns: string[] = [];
    for (let c = used.c1; c <= c2; c++) columns.push(columnLetters(c));
    const rows = [];
    for (let r = used.r1; r <= r2; r++) {
      const cells = [];
      for (let c = used.c1; c <= c2; c++) {
        const v = s.getValue(r, c);
        cells.push({
          text: v === undefined ? "" : String(v),
          fill: s.effectiveFill(r, c),
          bold: s.style(r, c)?.bold ?? false,
        });
      }
      rows.push({ row: r, hidden: s.hiddenRows.has(r), cells });
    }
    return { top: used.r1, left: used.c1, columns, rows };
  }
}

function minorOf(version: string): number {
  const m = /^1\.(\d+)$/.exec(version);
  if (!m) throw new Error(`unknown ExcelApi version ${version}`);
  return Number(m[1]);
}
