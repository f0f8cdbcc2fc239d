/**
 * A large pair of CSV files is read on two threads (the statement on a worker): the read result, the
 * reconciliation and the printed report are the same as when both are read here.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CellValue, Grid } from "../../src/core/model";
import { readSheet } from "../../src/app/read";
import { runReconcile, sideReadOptions, type ReconcileRequest } from "../../src/app/reconcile";
import { toReconcileJson } from "../../src/messages";
import { CsvWorkbook } from "../../src/xlsx/csv-workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { sampleSheets, SAMPLE_LEDGER_SHEET, SAMPLE_STATEMENT_SHEET } from "../../src/sample/sample";
import { readSheetInWorker, worthReadingApart } from "../../src/cli/read-worker";
import { handmadeCsvGbk, handmadeCsvUtf8Bom } from "../fixtures/csv";
import { allLayouts } from "../fixtures/ledgers";
import { writeCsvPair } from "../bench/synth";
import { run } from "./support";

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-worker-"));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function csvCell(v: CellValue): string {
  if (v === null || v === undefined) return "";
  const text = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A grid as a UTF-8 CSV file (rows above the grid left blank), named after its sheet. */
function writeGridCsv(grid: Grid): string {
  const lines: string[] = [];
  for (let r = 1; r < grid.top; r++) lines.push("");
  for (const row of grid.values) lines.push([...Array<CellValue>(grid.left - 1).fill(null), ...row].map(csvCell).join(","));
  const file = path.join(dir, `${grid.sheet}.csv`);
  fs.writeFileSync(file, lines.join("\r\n") + "\r\n");
  return file;
}

function writeBytes(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function readHere(file: string, side: "ledger" | "statement") {
  const sheet = path.basename(file, ".csv");
  return readSheet(CsvWorkbook.fromBytes(fs.readFileSync(file), sheet), sheet, sideReadOptions(side));
}

async function sampleCsvPair(): Promise<{ ledger: string; statement: string }> {
  const wb = XlsxWorkbook.fromSpecs(sampleSheets());
  return { ledger: writeGridCsv(await wb.readSheet(SAMPLE_LEDGER_SHEET)), statement: writeGridCsv(await wb.readSheet(SAMPLE_STATEMENT_SHEET)) };
}

describe("a sheet read on a worker thread", () => {
  test("gives the read result reading it here gives, on every fixture layout and encoding", async () => {
    const files = [
      ...allLayouts.map(writeGridCsv),
      writeBytes("handmade-gbk.csv", handmadeCsvGbk),
      writeBytes("handmade-utf8.csv", handmadeCsvUtf8Bom),
      ...Object.values(await sampleCsvPair()),
    ];
    for (const file of files) {
      for (const side of ["ledger", "statement"] as const) {
        const there = readSheetInWorker(file, path.basename(file, ".csv"), sideReadOptions(side));
        expect(await there.result).toEqual(await readHere(file, side));
      }
    }
  }, 120_000);

  test("a reconciliation with the statement read on a worker is the one read here", async () => {
    const { ledger, statement } = await sampleCsvPair();
    const request = (): ReconcileRequest => {
      const open = (file: string) => CsvWorkbook.fromBytes(fs.readFileSync(file), path.basename(file, ".csv"));
      return {
        ledger: { port: open(ledger), sheet: path.basename(ledger, ".csv") },
        statement: { port: open(statement), sheet: path.basename(statement, ".csv") },
        options: { asOf: "2026-10-31" },
      };
    };
    const here = await runReconcile(request());
    const req = request();
    const there = readSheetInWorker(statement, req.statement.sheet, sideReadOptions("statement", req.statement.read));
    const apart = await runReconcile(req, {}, there.result);
    expect(JSON.stringify(toReconcileJson(apart.report, { includeMatches: true }), null, 2)).toBe(JSON.stringify(toReconcileJson(here.report, { includeMatches: true }), null, 2));
    expect(apart.report.dealers.length).toBeGreaterThan(0);
  }, 120_000);

  test("a file that cannot be read there fails the read, and stopping the worker early is harmless", async () => {
    const missing = readSheetInWorker(path.join(dir, "no-such-file.csv"), "no-such-file", sideReadOptions("statement"));
    await expect(missing.result).rejects.toThrow(/no-such-file/);
    const stopped = readSheetInWorker(writeGridCsv(allLayouts[0]), allLayouts[0].sheet, sideReadOptions("ledger"));
    stopped.stop();
    await expect(stopped.result).rejects.toThrow();
  }, 60_000);
});

describe("reconcile of a large CSV pair", () => {
  test("is read on two threads only for two large CSV files", () => {
    const { ledger, statement } = writeCsvPair(dir, 100, 5);
    const small = [
      { kind: "csv", path: ledger },
      { kind: "csv", path: statement },
    ];
    expect(worthReadingApart(small)).toBe(false);
    expect(worthReadingApart(small, 1)).toBe(true);
    expect(worthReadingApart([{ kind: "xlsx", path: ledger }, small[1]], 1)).toBe(false);
  });

  test("prints the report that reading both here gives", async () => {
    // Large enough for the worker: about 30,000 rows a side over 50 dealers.
    const pair = writeCsvPair(dir, 30_000, 50);
    expect(worthReadingApart([{ kind: "csv", path: pair.ledger }, { kind: "csv", path: pair.statement }])).toBe(true);
    const r = await run(["reconcile", "--ledger", path.basename(pair.ledger), "--statement", path.basename(pair.statement), "--json", "--matches"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const sheet = (file: string) => path.basename(file, ".csv");
    const here = await runReconcile({
      ledger: { port: CsvWorkbook.fromBytes(fs.readFileSync(pair.ledger), sheet(pair.ledger)), sheet: sheet(pair.ledger), read: {} },
      statement: { port: CsvWorkbook.fromBytes(fs.readFileSync(pair.statement), sheet(pair.statement)), sheet: sheet(pair.statement) },
      options: { asOf: null, dealer: null },
      stopIfSwapped: true,
    });
    expect(r.out).toBe(JSON.stringify(toReconcileJson(here.report, { includeMatches: true }), null, 2) + "\n");
    expect(here.report.dealers).toHaveLength(50);
  }, 180_000);
});
