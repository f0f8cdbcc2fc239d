/**
 * Old-format Excel workbooks (.xls, BIFF8 and BIFF5, as Yonyou U8, older Kingdee and many company templates
 * still save them), read-only, for the command line. Inputs are never written, so formats are not kept:
 * values, dates, merged cells (value in the top-left cell, blanks elsewhere, as the reader expects) and which
 * sheets are hidden.
 *
 * The parsing is SheetJS (`@e965/xlsx` 0.20.3, the 0.20 line that fixes CVE-2023-30533 and CVE-2024-22363),
 * and it runs in a worker thread: a hostile file cannot hang the command (the worker is stopped after a time
 * limit), cannot exhaust memory (the worker has its own heap limit) and cannot pollute the command's
 * prototypes (only plain values come back, by structured clone). The caller sniffs the bytes first; this
 * module only ever gets an OLE compound file.
 */
import { Worker } from "worker_threads";
import type { CellValue, Grid } from "../core/model";
import type { Capabilities, ReadableWorkbook, SheetInfo } from "../port/workbook";
import { PortError } from "../port/workbook";
import { sheetNamed } from "../port/addresses";
import { msg } from "../core/messages";

export interface XlsLimits {
  /** Largest file read, in bytes; BIFF8 sheets hold at most 65,536 × 256 cells, far below this. */
  maxBytes: number;
  /** Time the parse may take before it is stopped. */
  timeoutMs: number;
  /** Heap of the parsing worker, in MB. */
  memoryMb: number;
  /** Cells kept over all sheets. */
  maxCells: number;
}

export const XLS_LIMITS: XlsLimits = { maxBytes: 128 * 1024 * 1024, timeoutMs: 60_000, memoryMb: 1024, maxCells: 20_000_000 };

/** Why an .xls file could not be read; the caller says it as one line. */
export type XlsFailure = "too_large" | "timeout" | "encrypted" | "corrupt";

export class XlsReadError extends Error {
  constructor(
    readonly reason: XlsFailure,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

interface XlsSheet {
  name: string;
  visible: boolean;
  top: number;
  left: number;
  values: CellValue[][];
  hiddenRows: number[];
}

interface WorkerAnswer {
  ok: boolean;
  reason?: XlsFailure;
  detail?: string;
  sheets?: XlsSheet[];
  date1904?: boolean;
}

/*
 * Runs in the worker, as plain JavaScript: the library is required by the absolute path the caller resolved.
 * Date cells (a number under a date format) become UTC midnights plus the time of day, as ExcelJS gives
 * them for .xlsx; error cells their Excel text.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("worker_threads");
const ERRORS = { 0: "#NULL!", 7: "#DIV/0!", 15: "#VALUE!", 23: "#REF!", 29: "#NAME?", 36: "#NUM!", 42: "#N/A", 43: "#GETTING_DATA" };
function answer() {
  const X = require(workerData.lib);
  let wb;
  try {
    wb = X.read(workerData.bytes, { type: "buffer", dense: true, cellNF: true, cellText: false, cellDates: false, cellFormula: false,
      cellHTML: false, cellStyles: false, bookVBA: false, bookDeps: false, sheetStubs: false, WTF: false });
  } catch (e) {
    const text = String((e && e.message) || e).split("\\n")[0].slice(0, 200);
    return { ok: false, reason: /password|encrypt/i.test(text) ? "encrypted" : "corrupt", detail: text };
  }
  const date1904 = !!(wb.Workbook && wb.Workbook.WBProps && wb.Workbook.WBProps.date1904);
  const toDate = (serial) => {
    let days = Math.floor(serial);
    const ms = Math.round((serial - days) * 86400000);
    // The 1900 system counts a 29 February 1900 that never was: serials before it are one day early.
    if (!date1904 && days < 60) days += 1;
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    // Sent as a time, not a Date: the caller builds its own (a Date from the worker's realm fails instanceof in another).
    return { $date: epoch + days * 86400000 + ms };
  };
  const props = (wb.Workbook && wb.Workbook.Sheets) || [];
  const sheets = [];
  let cells = 0;
  for (let i = 0; i < wb.SheetNames.length; i++) {
    const name = String(wb.SheetNames[i]);
    const ws = wb.Sheets[name] || {};
    const visible = !(props[i] && props[i].Hidden);
    const data = Array.isArray(ws["!data"]) ? ws["!data"] : [];
    let r0 = Infinity, r1 = -1, c0 = Infinity, c1 = -1;
    data.forEach((row, r) => {
      if (!Array.isArray(row)) return;
      row.forEach((cell, c) => {
        if (!cell || cell.v === undefined || cell.v === null || cell.v === "") return;
        if (r < r0) r0 = r; if (r > r1) r1 = r; if (c < c0) c0 = c; if (c > c1) c1 = c;
      });
    });
    if (r1 < 0) { sheets.push({ name, visible, top: 1, left: 1, values: [], hiddenRows: [] }); continue; }
    cells += (r1 - r0 + 1) * (c1 - c0 + 1);
    if (cells > workerData.maxCells) return { ok: false, reason: "too_large", detail: "cells" };
    const values = [];
    for (let r = r0; r <= r1; r++) {
      const row = new Array(c1 - c0 + 1).fill(null);
      const src = Array.isArray(data[r]) ? data[r] : [];
      for (let c = c0; c <= c1; c++) {
        const cell = src[c];
        if (!cell || cell.v === undefined || cell.v === null) continue;
        let v = cell.v;
        if (cell.t === "e") v = ERRORS[v] || "#N/A";
        else if (cell.t === "n" && typeof v === "number" && isFinite(v) && v >= 0 && v < 2958466 && cell.z && X.SSF.is_date(cell.z)) v = toDate(v);
        else if (cell.t === "s") v = String(v);
        else if (typeof v !== "number" && typeof v !== "boolean") v = String(v);
        row[c - c0] = v;
      }
      values.push(row);
    }
    const hiddenRows = [];
    if (Array.isArray(ws["!rows"])) ws["!rows"].forEach((info, r) => { if (info && info.hidden && r >= r0 && r <= r1) hiddenRows.push(r + 1); });
    sheets.push({ name, visible, top: r0 + 1, left: c0 + 1, values, hiddenRows });
  }
  return { ok: true, sheets, date1904 };
}
let result;
try { result = answer(); } catch (e) { result = { ok: false, reason: "corrupt", detail: String((e && e.message) || e).split("\\n")[0].slice(0, 200) }; }
parentPort.postMessage(result);
`;

function withDates(sheet: XlsSheet): XlsSheet {
  for (const row of sheet.values) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c] as unknown;
      if (v !== null && typeof v === "object" && typeof (v as { $date?: unknown }).$date === "number") row[c] = new Date((v as { $date: number }).$date);
    }
  }
  return sheet;
}

/** Parses an .xls file's bytes in a worker within `limits`; a failure is an `XlsReadError`. */
export function parseXls(bytes: Uint8Array, limits: XlsLimits = XLS_LIMITS): Promise<{ sheets: XlsSheet[]; date1904: boolean }> {
  if (bytes.byteLength > limits.maxBytes) return Promise.reject(new XlsReadError("too_large", `${bytes.byteLength} bytes`));
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { lib: require.resolve("@e965/xlsx"), bytes, maxCells: limits.maxCells },
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
      stdout: true,
      stderr: true,
    });
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(new XlsReadError("timeout", `${limits.timeoutMs} ms`))), limits.timeoutMs);
    worker.on("message", (a: WorkerAnswer) =>
      finish(() => (a.ok && a.sheets ? resolve({ sheets: a.sheets.map(withDates), date1904: a.date1904 === true }) : reject(new XlsReadError(a.reason ?? "corrupt", a.detail ?? "")))),
    );
    worker.on("error", (e: Error & { code?: string }) =>
      finish(() => reject(new XlsReadError(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? "too_large" : "corrupt", e.message.split("\n")[0]))),
    );
    worker.on("exit", () => finish(() => reject(new XlsReadError("corrupt", "the reader stopped"))));
  });
}

/**
 * An .xls workbook held in memory: a workbook to read and nothing more (results go to a new .xlsx), so it
 * has no way to be written or marked.
 */
export class XlsWorkbook implements ReadableWorkbook {
  readonly readOnlyKind = "xls";
  private constructor(
    private readonly sheets: XlsSheet[],
    private readonly date1904: boolean,
    /** Names the file in messages. */
    readonly label: string,
  ) {}

  /** `label` names the file in messages. */
  static async openBytes(bytes: Uint8Array, label: string, limits: XlsLimits = XLS_LIMITS): Promise<XlsWorkbook> {
    const { sheets, date1904 } = await parseXls(bytes, limits);
    return new XlsWorkbook(sheets, date1904, label);
  }

  async capabilities(): Promise<Capabilities> {
    return { rangeAreas: false, pageLayout: false, kind: "xlsx" };
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((s) => ({
      name: s.name,
      rowCount: s.values.length,
      columnCount: s.values.reduce((m, r) => Math.max(m, r.length), 0),
      top: s.top,
      left: s.left,
      visible: s.visible,
    }));
  }

  async readSheet(name: string): Promise<Grid> {
    // Named as spelled, else in any case, as Excel and the other workbooks compare sheet names; two sheets
    // whose names differ only in case, neither spelled so, are refused naming both.
    const found = sheetNamed(this.sheets.map((x) => x.name), name);
    if (found !== null && "ambiguous" in found) throw new PortError("no_sheet", name, msg("sheet.ambiguous", { file: this.label, sheet: name, sheets: found.ambiguous }));
    const s = found === null ? undefined : this.sheets.find((x) => x.name === found.name);
    if (!s) throw new PortError("no_sheet", name);
    return { sheet: s.name, top: s.top, left: s.left, values: s.values.map((r) => r.slice()), hiddenRows: s.hiddenRows.slice(), date1904: this.date1904 };
  }

  async readLayout(): Promise<{ merges: []; columnWidths: []; rowHeights: [] }> {
    return { merges: [], columnWidths: [], rowHeights: [] };
  }

  /** An .xls input carries no settings of ours. */
  async getSetting<T>(_key: string): Promise<T | undefined> {
    return undefined;
  }
}
