/**
 * Reading a large CSV sheet on a second thread while this one reads the other sheet of the pair: the two
 * reads are most of a large reconciliation's time, and neither needs the other. The file has been opened
 * here first (with every check and message that goes with it); the worker reads the same file with the
 * same options and hands the result back with its table packed (see app/table-transfer), so what arrives
 * equals what reading it here gives.
 *
 * Only for CSV files, and only past a size where starting a thread costs less than it saves; everything
 * else is read in process, as before. The worker loads the reader and nothing else (no .xlsx library).
 */
import * as fs from "fs";
import * as path from "path";
import { Worker, parentPort, workerData } from "worker_threads";
import type { ReadOptions, ReadResult } from "../core/read";
import { readSheet } from "../app/read";
import { packRead, unpackRead, type PackedRead } from "../app/table-transfer";
import { CsvWorkbook } from "../xlsx/csv-workbook";

/** Below this size (each of the two files) a second thread costs more to start than the read it takes over. */
export const WORKER_MIN_BYTES = 2 << 20;

interface Job {
  /** This module's own file, which the worker loads. */
  entry: string;
  /** The CSV file, its sheet's name (as the file was opened here) and the reader's options. */
  file: string;
  sheet: string;
  read: ReadOptions;
}

type Answer = { type: "read"; read: PackedRead } | { type: "failed"; message: string; stack?: string };

/*
 * What the worker runs first, as plain JavaScript: it loads this module and serves the job. From the
 * TypeScript sources (the tests) each module is compiled as it is loaded, with the project's compiler,
 * and the output kept in the temporary folder under a hash of the source for the next worker.
 */
const BOOT = `
const { workerData } = require("worker_threads");
const entry = workerData.entry;
if (entry.endsWith(".ts")) {
  const fs = require("fs");
  const path = require("path");
  const cache = path.join(require("os").tmpdir(), "duizhang-worker-ts");
  let ts = null;
  require.extensions[".ts"] = (m, file) => {
    const source = fs.readFileSync(file, "utf8");
    const kept = path.join(cache, require("crypto").createHash("sha1").update(file + "\0" + source).digest("hex") + ".js");
    let js;
    try {
      js = fs.readFileSync(kept, "utf8");
    } catch {
      ts = ts || require(require.resolve("typescript", { paths: [path.dirname(entry)] }));
      const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true };
      js = ts.transpileModule(source, { compilerOptions: options, fileName: file }).outputText;
      try {
        fs.mkdirSync(cache, { recursive: true });
        fs.writeFileSync(kept + "." + process.pid, js);
        fs.renameSync(kept + "." + process.pid, kept);
      } catch {}
    }
    m._compile(js, file);
  };
}
require(entry).serveSheetRead();
`;

/** Whether a pair of opened files is worth reading on two threads: both CSV, each at least `minBytes`. */
export function worthReadingApart(files: readonly { kind: string; path: string }[], minBytes = WORKER_MIN_BYTES): boolean {
  return files.every((file) => {
    if (file.kind !== "csv") return false;
    try {
      return fs.statSync(file.path).size >= minBytes;
    } catch {
      return false;
    }
  });
}

/** The job's sheet read (the file's bytes are left behind for the collector before the result is packed). */
async function readFile(job: Job): Promise<ReadResult> {
  // Opened as the command line opens a CSV file: the sheet is named after it.
  const port = CsvWorkbook.fromBytes(fs.readFileSync(job.file), path.basename(job.file, path.extname(job.file)));
  return readSheet(port, job.sheet, job.read);
}

/** In the worker: read the file's sheet, hand the result back. */
export async function serveSheetRead(): Promise<void> {
  const job = workerData as Job;
  try {
    const packed = packRead(await readFile(job));
    parentPort?.postMessage({ type: "read", read: packed.read } satisfies Answer, packed.transfer);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    parentPort?.postMessage({ type: "failed", message: error.message, stack: error.stack } satisfies Answer);
  }
}

export interface SheetReadInWorker {
  /** The sheet read, as `readSheet` in this thread would give it. */
  result: Promise<ReadResult>;
  /** Stops the worker (nothing happens once it has answered). */
  stop(): void;
}

/** Reads a CSV file's sheet on a worker thread; `read` are the reader's options, as in process. */
export function readSheetInWorker(file: string, sheet: string, read: ReadOptions): SheetReadInWorker {
  const job: Job = { entry: __filename, file, sheet, read };
  const worker = new Worker(BOOT, { eval: true, workerData: job });
  let done = false;
  let fail: (e: Error) => void = () => undefined;
  const finish = () => {
    done = true;
    void worker.terminate();
  };
  const result = new Promise<ReadResult>((resolve, reject) => {
    fail = reject;
    worker.on("message", (a: Answer) => {
      if (done) return;
      finish();
      if (a.type === "read") resolve(unpackRead(a.read));
      else {
        const error = new Error(a.message);
        if (a.stack) error.stack = a.stack;
        reject(error);
      }
    });
    worker.on("error", (e: Error) => {
      if (done) return;
      finish();
      reject(e);
    });
    worker.on("exit", (code) => {
      if (done) return;
      done = true;
      reject(new Error(`the reading thread stopped (${code})`));
    });
  });
  // Not waited for when the command stops first.
  result.catch(() => undefined);
  return {
    result,
    stop: () => {
      if (done) return;
      finish();
      fail(new Error("the reading thread was stopped"));
    },
  };
}
