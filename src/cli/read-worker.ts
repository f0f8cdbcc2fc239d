/**
 * Reading a large CSV sheet on a second thread while this one reads the other sheet of the pair: the two
 * reads are most of a large reconciliation's time, and neither needs the other. The worker opens the file
 * as a CSV file is opened here (a sheet named after it), says what sheet it holds, reads it with the
 * options the request will ask for (checked when it asks: other options are read here) and hands the result back with its table packed (see ./table-transfer), so what arrives
 * equals what reading it here gives. Anything the worker cannot take as plain text (a file it cannot
 * read, one that starts like a zip or OLE container), and any read that fails there or a thread that dies,
 * is left to this thread, which opens and reads it as before and says what is wrong with it.
 *
 * Only for CSV files, and only past a size where starting a thread costs less than it saves; everything
 * else is read in process, as before. The worker loads the reader and what prepares a side for matching
 * (core/reconcile/prepare), nothing else (no .xlsx library): the statement it reads is handed back with its
 * rows prepared (`prepareSide`), done there while this thread still reads or prepares the ledger.
 */
import * as fs from "fs";
import * as path from "path";
import { parentPort, workerData } from "worker_threads";
import { isLargeCsvFile, startWorker } from "./worker-boot";
import type { Grid } from "../core/model";
import type { ReadOptions, ReadResult } from "../core/read";
import type { ReadElsewhere } from "../app/reconcile";
import type { SheetGrid } from "../core/read/source";
import type { Capabilities, ReadableWorkbook, ReadOptions as PortReadOptions, SheetInfo, SheetLayout } from "../port/workbook";
import { readSheet } from "../app/read";
import { packRead, unpackRead, type PackedRead } from "./table-transfer";
import { prepareSide } from "../core/reconcile/prepare";
import { CsvWorkbook } from "../xlsx/csv-workbook";
import type { OpenedFile } from "./files";
import { isOle, isZip } from "./file-signatures";

/** Below this size (each of the two files) a second thread costs more to start than the read it takes over. */
export const WORKER_MIN_BYTES = 4 << 20;

/**
 * How much memory the worker's heap may take. It holds the file's bytes, its rows while they are read
 * and the read table: a 1,048,575-row statement takes about 400 MB. Past the limit the thread dies and
 * the statement is read on the command's own thread, which says what is wrong if it fails there too.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 1024 };

interface Job {
  /** This module's own file, which the worker loads. */
  entry: string;
  /** The CSV file (a full path) and the reader's options. */
  file: string;
  read: ReadOptions;
}

type Answer =
  | { type: "opened"; sheets: SheetInfo[] }
  | { type: "left"; reason: string }
  | { type: "read"; read: PackedRead };

/** Whether a pair of files is worth reading on two threads: both named .csv, each a file of at least `minBytes`. */
export function worthReadingApart(files: readonly string[], cwd: string, minBytes = WORKER_MIN_BYTES): boolean {
  return files.every((file) => isLargeCsvFile(file, cwd, minBytes));
}

/** In the worker: open the file as a CSV file is opened, say what sheet it holds, read it, hand the result back. */
export async function serveSheetRead(): Promise<void> {
  const job = workerData as Job;
  const post = (answer: Answer, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(answer, transfer);
  let port: CsvWorkbook | null;
  try {
    const bytes = fs.readFileSync(job.file);
    // Starts like an .xlsx or .xls workbook: not for the worker to take as text.
    if (isZip(bytes) || isOle(bytes)) return post({ type: "left", reason: "not text" });
    // Named after the file, as the command line names a CSV file's sheet.
    port = CsvWorkbook.fromBytes(bytes, path.basename(job.file, path.extname(job.file)));
  } catch (e) {
    return post({ type: "left", reason: e instanceof Error ? e.message : String(e) });
  }
  try {
    post({ type: "opened", sheets: await port.listSheets() });
    const read = await readOnly(port, job.read);
    // The file's bytes and rows are not needed past this point.
    port = null;
    // Its rows prepared for matching here too, while the command's thread is still busy with the ledger.
    const packed = packRead(read, prepareSide(read.table));
    post({ type: "read", read: packed.read }, packed.transfer);
  } catch (e) {
    // The command's own thread reads it again, and says what is wrong as reading there says it.
    post({ type: "left", reason: e instanceof Error ? e.message : String(e) });
  }
}

/** The workbook's only sheet read. */
function readOnly(port: CsvWorkbook, read: ReadOptions): Promise<ReadResult> {
  return readSheet(port, port.sheetName, read);
}

/**
 * A CSV file the worker opened: its sheet list as the worker found it; anything else (a copy of its cells
 * for the result workbook) opens it here, once, as the command line opens any file.
 */
class OpenedElsewhere implements ReadableWorkbook {
  private here: Promise<OpenedFile> | null = null;

  constructor(
    private readonly sheets: SheetInfo[],
    private readonly open: () => Promise<OpenedFile>,
  ) {}

  private port(): Promise<ReadableWorkbook> {
    if (this.here === null) this.here = this.open();
    return this.here.then((f) => f.port);
  }

  async capabilities(): Promise<Capabilities> {
    return (await this.port()).capabilities();
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((s) => ({ ...s }));
  }

  async readSheet(name: string, options?: PortReadOptions): Promise<Grid> {
    return (await this.port()).readSheet(name, options);
  }

  async readRows(name: string, options?: PortReadOptions): Promise<SheetGrid> {
    const port = await this.port();
    return port.readRows ? port.readRows(name, options) : port.readSheet(name, options);
  }

  async readLayout(name: string): Promise<SheetLayout> {
    return (await this.port()).readLayout(name);
  }

  /** A CSV file has nowhere to keep settings. */
  async getSetting<T>(_key: string): Promise<T | undefined> {
    return undefined;
  }
}

export interface SheetReadInWorker {
  /**
   * The file as opened: by the worker when it could take it (its sheet list from there, anything more
   * opened here when asked for), else by `openHere`, which refuses it as it would any file.
   */
  opened(openHere: () => Promise<OpenedFile>): Promise<OpenedFile>;
  /**
   * Its only sheet read with `options`, as `readSheet` in this thread would give it (with its dealer
   * column coded, as it travelled); null when the file is left to this thread: the worker could not take
   * it, its read failed or the thread died, or `options` are not those it was started with (it starts
   * reading at once, before the command has chosen its sheets and built its request).
   */
  read(options: ReadOptions): Promise<ReadElsewhere | null>;
  /** Stops the worker (nothing happens once it has answered). */
  stop(): void;
}

/** Opens and reads a CSV file (a full path) on a worker thread, with the reader's options `read` is expected to ask for. */
export function readSheetInWorker(file: string, read: ReadOptions): SheetReadInWorker {
  const job: Job = { entry: __filename, file, read };
  const worker = startWorker(__filename, "serveSheetRead", job, WORKER_LIMITS);
  let done = false;
  const finish = () => {
    done = true;
    void worker.terminate();
  };
  let sheets: (value: SheetInfo[] | null) => void = () => undefined;
  const listed = new Promise<SheetInfo[] | null>((resolve) => (sheets = resolve));
  let fail: (e: Error) => void = () => undefined;
  const result = new Promise<ReadElsewhere | null>((resolve, reject) => {
    fail = (e) => {
      sheets(null);
      reject(e);
    };
    // A read that failed or a thread that died (out of memory, say) is read again here: what goes wrong
    // is then said as reading here says it (a port error keeps its kind and code), or the read succeeds.
    const left = () => {
      sheets(null);
      resolve(null);
    };
    worker.on("message", (a: Answer) => {
      if (done) return;
      if (a.type === "opened") return sheets(a.sheets);
      finish();
      if (a.type !== "read") return left();
      // A table that cannot be unpacked is read again here, as a failed read is.
      let unpacked: ReadElsewhere;
      try {
        unpacked = unpackRead(a.read);
      } catch {
        return left();
      }
      resolve(unpacked);
    });
    worker.on("error", () => {
      if (done) return;
      finish();
      left();
    });
    worker.on("exit", () => {
      if (done) return;
      done = true;
      left();
    });
  });
  // Not waited for when the command stops first.
  result.catch(() => undefined);
  const expected = JSON.stringify(read);
  return {
    async opened(openHere) {
      const found = await listed;
      if (found === null) return openHere();
      return { port: new OpenedElsewhere(found, openHere), path: file, kind: "csv", onlySheet: found[0]?.name };
    },
    read(options) {
      if (JSON.stringify(options) === expected) return result;
      // Not the read under way: this thread reads the sheet as asked.
      if (!done) {
        finish();
        sheets(null);
      }
      return Promise.resolve(null);
    },
    stop: () => {
      if (done) return;
      finish();
      fail(new Error("the reading thread was stopped"));
    },
  };
}
