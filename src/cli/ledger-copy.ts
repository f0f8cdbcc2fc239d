/**
 * A CSV (or .xls) ledger's copy in a result workbook: its cells as the copy holds them (`csvCellOut`), its
 * rows one at a time for a streamed result workbook (`ledgerCopyRows`), and, for a large CSV ledger, the
 * copy written on a worker thread while the command reads and ages the ledger (`copyLedgerInWorker`).
 *
 * The copy depends on the file only; what depends on the aging (the marks, added after the rows) does not
 * touch its rows. So the worker opens the file as the command line opens a CSV file (a sheet named after
 * it), writes the sheet `StreamedWorkbook.writeValuesSheet` would write, up to the end of its rows, and
 * deflates it there (`writeValuesSheetElsewhere`); the command's thread makes it the result workbook's
 * first sheet (`StreamedWorkbook.takeValuesSheet`) and goes on from there, so the file is the one written
 * without the worker. Anything the worker cannot do (a file it cannot read as text, a failure, a thread
 * that dies or cannot start) leaves the copy to the command's thread, which writes it as before and says
 * what is wrong as it would. Nothing of the copy reaches the file before the worker has finished it: a
 * thread that dies leaves no part written.
 */
import * as fs from "fs";
import * as path from "path";
import { parentPort, workerData } from "worker_threads";
import { isIsoDate, isoFromUtcDate } from "../core/dates";
import type { CellValue } from "../core/model";
import { isRowsGrid, type SheetGrid } from "../core/read/source";
import type { OutValue } from "../port/workbook";
import { CsvWorkbook } from "../xlsx/csv-workbook";
import { writeValuesSheetElsewhere, type RowsSource, type RowsWrittenElsewhere } from "../xlsx/streamed-workbook";
import { canContinueParts } from "../xlsx/zip-writer";
import { isOle, isZip } from "./file-signatures";
import type { FileVersion } from "./files";
import { isLargeCsvFile, startWorker } from "./worker-boot";

const PLAIN_NUMBER = /^-?\d{1,15}(\.\d+)?$/;

/**
 * A source cell in the copy. A CSV cell is untyped text: plain numbers and ISO dates become numbers and
 * dates, so sums and filters work; the rest stays text. A cell of a `typed` source (an .xls sheet) keeps
 * its type: a text cell stays text even when it reads as a number or a date (an account number kept as
 * text, "0123"), numbers stay numbers and dates dates.
 */
export function csvCellOut(v: CellValue, typed = false): OutValue {
  if (v instanceof Date) return { date: isoFromUtcDate(v) };
  if (typeof v !== "string" || typed) return v;
  if (PLAIN_NUMBER.test(v) && !/^-?0\d/.test(v)) return Number(v);
  if (isIsoDate(v)) return { date: v };
  return v;
}

/**
 * The copy's rows, given one at a time: the cells `copyInto` writes (converted by `csvCellOut`, at the same
 * rows and columns, `typed` for an .xls source), without a second full grid. The writer is done with a row
 * before it asks for the next: each row is one array, refilled.
 */
export function ledgerCopyRows(grid: SheetGrid, typed: boolean): RowsSource {
  const pad = grid.top - 1;
  const lead = grid.left - 1;
  const source = isRowsGrid(grid) ? grid.rows : null;
  const values = isRowsGrid(grid) ? null : grid.values;
  const count = source ? source.length : values!.length;
  const width = source ? source.width : values!.reduce((m, r) => Math.max(m, r.length), 0);
  const scratch: CellValue[] = [];
  const out: OutValue[] = [];
  const empty: OutValue[] = [];
  // A column's text is often the row above's (a date, a 摘要): converted once for the run of rows.
  const lastText: CellValue[] = [];
  const lastOut: OutValue[] = [];
  return {
    length: pad + count,
    width: count > 0 ? lead + width : 0,
    row(index) {
      if (index < pad) return empty;
      const cells = source ? source.row(index - pad, scratch) : values![index - pad];
      out.length = lead + cells.length;
      for (let j = 0; j < lead; j++) out[j] = null;
      for (let j = 0; j < cells.length; j++) {
        const v = cells[j];
        if (typeof v === "string") {
          if (v !== lastText[j]) {
            lastText[j] = v;
            lastOut[j] = csvCellOut(v, typed);
          }
          out[lead + j] = lastOut[j];
        } else out[lead + j] = csvCellOut(v, typed);
      }
      return out;
    },
  };
}

/** Below this size a second thread costs more to start than the copy it takes over. */
export const COPY_WORKER_MIN_BYTES = 4 << 20;

/**
 * How much memory the worker's heap may take: the file's rows are made one at a time, so it holds little
 * more than the workbook's text table. Past the limit the thread dies and the copy is made here.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 1024 };

interface Job {
  /** The CSV file (a full path) and the deflate level of the result workbook. */
  file: string;
  level: number;
}

type Answer = { type: "written"; sheet: string; written: RowsWrittenElsewhere; version: FileVersion } | { type: "left"; reason: string };

/** Whether a ledger's copy is worth making on a worker thread: a file named .csv of at least `minBytes`. */
export function worthCopyingApart(file: string, cwd: string, minBytes = COPY_WORKER_MIN_BYTES): boolean {
  return isLargeCsvFile(file, cwd, minBytes);
}

/** In the worker: open the file as a CSV file is opened, write its sheet's copy up to the end of its rows, hand it back. */
export async function serveLedgerCopy(): Promise<void> {
  const job = workerData as Job;
  const post = (answer: Answer, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(answer, transfer);
  try {
    // The file's size and time as read here: the copy is taken only of the file the command read.
    const fd = fs.openSync(job.file, "r");
    let bytes: Buffer;
    let version: FileVersion;
    try {
      const stat = fs.fstatSync(fd);
      version = { size: stat.size, mtimeMs: stat.mtimeMs };
      bytes = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // Starts like an .xlsx or .xls workbook: the command's thread refuses it.
    if (isZip(bytes) || isOle(bytes)) return post({ type: "left", reason: "not text" });
    // Named after the file, as the command line names a CSV file's sheet.
    const port = CsvWorkbook.fromBytes(bytes, path.basename(job.file, path.extname(job.file)));
    const sheet = port.sheetName;
    const written = await writeValuesSheetElsewhere(ledgerCopyRows(await port.readRows(sheet), false), { level: job.level });
    post({ type: "written", sheet, written, version }, [written.head.deflated.buffer as ArrayBuffer]);
  } catch (e) {
    // The command's thread writes the copy itself, and says what is wrong as it would.
    post({ type: "left", reason: e instanceof Error ? e.message : String(e) });
  }
}

export interface LedgerCopyInWorker {
  /** The CSV file being copied (a full path). */
  readonly file: string;
  /**
   * The copy of the file's sheet, `sheet`, as written there; null when it is left to this thread (the
   * worker could not take the file or failed, the thread died, its sheet is not `sheet`, or the file it
   * read is not `version`, the one this thread read: changed in between). The worker is stopped once
   * this settles.
   */
  written(sheet: string, version: FileVersion): Promise<RowsWrittenElsewhere | null>;
  /** Stops the worker (nothing happens once it has answered). */
  stop(): void;
}

/**
 * Starts copying a CSV ledger (a full path) on a worker thread, for a streamed result workbook deflating
 * at `level` (as `StreamedWorkbook.create`); null where this Node cannot go on with a part deflated
 * elsewhere (`canContinueParts`) or the thread cannot be started: the copy is then made on this thread.
 */
export function copyLedgerInWorker(file: string, options: { level?: number } = {}): LedgerCopyInWorker | null {
  if (!canContinueParts()) return null;
  const job: Job = { file, level: options.level ?? 1 };
  let worker: ReturnType<typeof startWorker>;
  try {
    worker = startWorker(__filename, "serveLedgerCopy", job, WORKER_LIMITS);
  } catch {
    return null;
  }
  let done = false;
  const finish = () => {
    done = true;
    void worker.terminate();
  };
  type Copy = { sheet: string; written: RowsWrittenElsewhere; version: FileVersion };
  let settle: (answer: Copy | null) => void = () => undefined;
  const result = new Promise<Copy | null>((resolve) => (settle = resolve));
  worker.on("message", (a: Answer) => {
    if (done) return;
    finish();
    settle(a.type === "written" ? { sheet: a.sheet, written: a.written, version: a.version } : null);
  });
  // A thread that fails or dies (out of memory, say) leaves the copy to this one.
  worker.on("error", () => {
    if (done) return;
    finish();
    settle(null);
  });
  worker.on("exit", () => {
    if (done) return;
    done = true;
    settle(null);
  });
  return {
    file,
    async written(sheet, version) {
      const answer = await result;
      const same = answer !== null && answer.version.size === version.size && answer.version.mtimeMs === version.mtimeMs;
      return same && answer.sheet === sheet ? answer.written : null;
    },
    stop() {
      if (done) return;
      finish();
      settle(null);
    },
  };
}
