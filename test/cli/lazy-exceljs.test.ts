/**
 * ExcelJS takes about half a second to load, so it is loaded when a workbook model is first needed: a
 * command that reads CSV files and prints JSON never loads it; one that writes a result workbook does.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// Every load of the package in this file's module registry, counted before any project module is loaded.
let excelJsLoads = 0;
jest.doMock("exceljs", () => {
  excelJsLoads += 1;
  return jest.requireActual("exceljs");
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main } = require("../../src/cli/main") as typeof import("../../src/cli/main");

let dir: string;
const write = (name: string, lines: string[]) => fs.writeFileSync(path.join(dir, name), `${lines.join("\n")}\n`);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-lazy-"));
  write("ledger.csv", ["客户名称,日期,单号,摘要,借方,贷方", "杭州美达商贸,2026-10-01,XS2610-001,销售,5000.00,", "杭州美达商贸,2026-10-04,XS2610-002,销售,1200.00,"]);
  write("statement.csv", ["客户名称,日期,单据号,摘要,进货金额,付款金额", "杭州美达商贸,2026-10-02,XS2610-001,进货,5000.00,", "杭州美达商贸,2026-10-05,XS2610-002,进货,1200.00,"]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io = { out: (t: string) => void (out += `${t}\n`), err: (t: string) => void (err += `${t}\n`), write: (t: string) => void (out += t), cwd: dir };
  const code = await main(argv, io, {});
  return { code, out, err };
}

test("a CSV-only reconcile does not load ExcelJS; writing a result workbook from the same files does", async () => {
  expect(excelJsLoads).toBe(0);
  const json = await run(["reconcile", "--ledger", "ledger.csv", "--statement", "statement.csv", "--json"]);
  expect([json.code, json.err]).toEqual([0, ""]);
  const report = JSON.parse(json.out) as { dealers: { dealer: string; reconciliation: { balanced: boolean } }[] };
  expect(report.dealers.map((d) => [d.dealer, d.reconciliation.balanced])).toEqual([["杭州美达商贸", true]]);
  expect(excelJsLoads).toBe(0);

  // The same pair with a result workbook: the only difference is the .xlsx written, and ExcelJS is loaded for it.
  const out = await run(["reconcile", "--ledger", "ledger.csv", "--statement", "statement.csv", "--out", "result.xlsx"]);
  expect([out.code, out.err]).toEqual([0, ""]);
  expect(fs.statSync(path.join(dir, "result.xlsx")).size).toBeGreaterThan(0);
  expect(excelJsLoads).toBe(1);
});
