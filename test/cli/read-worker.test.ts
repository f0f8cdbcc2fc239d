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
import { PortError } from "../../src/port/workbook";
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
        const there = readSheetInWorker(file, sideReadOptions(side));
        const arrived = await there.read(sideReadOptions(side));
        expect(arrived?.read).toEqual(await readHere(file, side));
        // The dealer column travelled coded: the same names, row for row.
        if (arrived?.dealers) expect(Array.from(arrived.dealers.codes, (c) => (c < 0 ? null : arrived.dealers!.names[c]))).toEqual(arrived.read.table.dealers);
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
    const there = readSheetInWorker(statement, sideReadOptions("statement", req.statement.read));
    const apart = await runReconcile(req, {}, there.read);
    expect(JSON.stringify(toReconcileJson(apart.report, { includeMatches: true }), null, 2)).toBe(JSON.stringify(toReconcileJson(here.report, { includeMatches: true }), null, 2));
    expect(apart.report.dealers.length).toBeGreaterThan(0);
  }, 120_000);

  test("a read asked with other options than the worker started with is left to this thread", async () => {
    const file = writeGridCsv(allLayouts[0]);
    const there = readSheetInWorker(file, sideReadOptions("statement"));
    expect(await there.read(sideReadOptions("ledger"))).toBeNull();
  }, 60_000);

  test("a file the worker cannot take is left to this thread, which opens it as before", async () => {
    const open = jest.fn(async () => ({ port: CsvWorkbook.fromBytes(new Uint8Array(), "x"), path: "x", kind: "csv" as const }));
    const missing = readSheetInWorker(path.join(dir, "no-such-file.csv"), sideReadOptions("statement"));
    expect(await missing.read(sideReadOptions("statement"))).toBeNull();
    await missing.opened(open);
    expect(open).toHaveBeenCalledTimes(1);
    // An .xlsx workbook named .csv: the command line says what it is, not the worker.
    const zip = writeBytes("workbook.csv", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(await readSheetInWorker(zip, sideReadOptions("statement")).read(sideReadOptions("statement"))).toBeNull();
  }, 60_000);

  test("a read that fails on the worker is left to this thread, whose error keeps its kind", async () => {
    const file = writeGridCsv(allLayouts[1]);
    // Two sheets asked of a CSV file: the read fails with a port error (no such sheet), here and there.
    const options = sideReadOptions("statement", { sheets: ["a", "b"] });
    const here = readSheet(CsvWorkbook.fromBytes(fs.readFileSync(file), allLayouts[1].sheet), allLayouts[1].sheet, options);
    await expect(here).rejects.toBeInstanceOf(PortError);
    const there = readSheetInWorker(file, options);
    expect(await there.read(options)).toBeNull();
    // The file was opened there first: its sheet list stands, and the read here fails as it does above.
    const opened = await there.opened(async () => {
      throw new Error("not opened here");
    });
    expect(opened.onlySheet).toBe(allLayouts[1].sheet);
    const again = runReconcile(
      { ledger: { port: CsvWorkbook.fromBytes(fs.readFileSync(file), allLayouts[1].sheet), sheet: allLayouts[1].sheet }, statement: { port: CsvWorkbook.fromBytes(fs.readFileSync(file), allLayouts[1].sheet), sheet: allLayouts[1].sheet, read: { sheets: ["a", "b"] } } },
      {},
      () => there.read(options),
    );
    await expect(again).rejects.toBeInstanceOf(PortError);
  }, 60_000);

  test("the file's sheet is the one opening it here gives; stopping the worker early is harmless", async () => {
    const file = writeGridCsv(allLayouts[0]);
    const there = readSheetInWorker(file, sideReadOptions("ledger"));
    const opened = await there.opened(async () => {
      throw new Error("not opened here");
    });
    expect(await opened.port.listSheets()).toEqual(await CsvWorkbook.fromBytes(fs.readFileSync(file), allLayouts[0].sheet).listSheets());
    expect(opened.onlySheet).toBe(allLayouts[0].sheet);
    expect(opened.path).toBe(file);
    await there.read(sideReadOptions("ledger"));
    const stopped = readSheetInWorker(file, sideReadOptions("ledger"));
    const result = stopped.read(sideReadOptions("ledger"));
    stopped.stop();
    await expect(result).rejects.toThrow();
  }, 60_000);
});

describe("reconcile of a large CSV pair", () => {
  test("is read on two threads only for two large CSV files", () => {
    const { ledger, statement } = writeCsvPair(dir, 100, 5);
    const small = [path.basename(ledger), path.basename(statement)];
    expect(worthReadingApart(small, dir)).toBe(false);
    expect(worthReadingApart(small, dir, 1)).toBe(true);
    fs.copyFileSync(ledger, path.join(dir, "ledger.xlsx"));
    expect(worthReadingApart(["ledger.xlsx", small[1]], dir, 1)).toBe(false);
    expect(worthReadingApart(["missing.csv", small[1]], dir, 1)).toBe(false);
  });

  test("prints the report that reading both here gives", async () => {
    // Large enough for the worker: about 60,000 rows a side over 50 dealers.
    const pair = writeCsvPair(dir, 60_000, 50);
    expect(worthReadingApart([pair.ledger, pair.statement], dir)).toBe(true);
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

  test("a large statement that is not text is refused with the message reading it here gives", async () => {
    const pair = writeCsvPair(dir, 60_000, 50);
    const fake = Buffer.alloc(5 << 20);
    fake.set([0x50, 0x4b, 0x03, 0x04]);
    fs.writeFileSync(path.join(dir, "fake-statement.csv"), fake);
    const r = await run(["reconcile", "--ledger", path.basename(pair.ledger), "--statement", "fake-statement.csv", "--json"], dir);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("fake-statement.csv");
    expect(r.err).toMatch(/\.xlsx/);
  }, 120_000);
});
