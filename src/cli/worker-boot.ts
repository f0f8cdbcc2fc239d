/**
 * Starting a worker thread of the command line (./read-worker, ./ledger-copy): the thread runs a module's
 * exported function. From the built JavaScript it loads the module as it is; from the TypeScript sources
 * (the tests) each module is compiled as it is loaded, with the project's compiler, and the output kept in
 * the temporary folder under a hash of the source for the next worker.
 */
import * as fs from "fs";
import * as path from "path";
import { Worker, type ResourceLimits } from "worker_threads";

/** What the worker runs first, as plain JavaScript: it loads `entry` and calls its export `serve`. */
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
    const kept = path.join(cache, require("crypto").createHash("sha1").update(file + "\\0" + source).digest("hex") + ".js");
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
require(entry)[workerData.serve]();
`;

/**
 * A worker thread running `serve` of the module `entry` (its `__filename`), with `job` as its `workerData`
 * (besides `entry` and `serve`).
 */
export function startWorker(entry: string, serve: string, job: object, resourceLimits?: ResourceLimits): Worker {
  return new Worker(BOOT, { eval: true, workerData: { ...job, entry, serve }, ...(resourceLimits ? { resourceLimits } : {}) });
}

/**
 * Whether `file` (relative to `cwd`) is a CSV file of at least `minBytes`, the only input worth a worker
 * thread: below that size a second thread costs more to start than the work it takes over. A file that is
 * not there or cannot be read is not: the command's own thread says why.
 */
export function isLargeCsvFile(file: string, cwd: string, minBytes: number): boolean {
  if (path.extname(file).toLowerCase() !== ".csv") return false;
  try {
    const stat = fs.statSync(path.resolve(cwd, file));
    return stat.isFile() && stat.size >= minBytes;
  } catch {
    return false;
  }
}
