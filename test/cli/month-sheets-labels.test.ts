/**
 * `reconcile` over a ledger kept one sheet per month: ledger rows in the text report and the JSON are told
 * apart by sheet (`2026-08!5`, `ledgerPlaces`), never by the run's own numbers.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "./support";

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-month-labels-"));
  const wb = new ExcelJS.Workbook();
  const add = (name: string, rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  };
  const header = ["日期", "客户", "单号", "摘要", "借方", "贷方"];
  // Row 4 of July only we booked; row 4 of August booked at 300 against 350; row 5 of August books July's XS-702 again.
  add("2026-07", [
    header,
    ["2026-07-05", "甲公司", "XS-701", "销售", 1000, null],
    ["2026-07-20", "甲公司", "XS-702", "销售", 500, null],
    ["2026-07-28", "甲公司", "XS-703", "销售", 800, null],
  ]);
  add("2026-08", [
    header,
    ["2026-08-03", "甲公司", "XS-801", "销售", 2000, null],
    ["2026-08-15", "甲公司", "SK-801", "收款", null, 1000],
    ["2026-08-25", "甲公司", "XS-802", "销售", 300, null],
    ["2026-08-26", "甲公司", "XS-702", "销售", 500, null],
  ]);
  await wb.xlsx.writeFile(path.join(dir, "months.xlsx"));
  fs.writeFileSync(
    path.join(dir, "statement.csv"),
    "日期,单号,摘要,进货金额,付款金额\n2026-07-06,XS-701,进货,1000,\n2026-07-21,XS-702,进货,500,\n2026-08-04,XS-801,进货,2000,\n2026-08-15,SK-801,付款,,1000\n2026-08-26,XS-802,进货,350,\n",
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ARGS = ["reconcile", "--ledger", "months.xlsx", "--ledger-sheet", "2026-07", "--ledger-sheet", "2026-08", "--statement", "statement.csv", "--as-of", "2026-08-31"];

type Place = { sheet: string; row: number };
type Json = {
  dealers: {
    differences: { kind: string; ledgerRows: number[]; ledgerPlaces?: Place[]; duplicateOf: number | null; duplicateOfPlace?: Place; reason: string; reasonEn: string }[];
    reconciliation: { pendingItems: { ledgerRows: number[]; ledgerPlaces?: Place[]; text: string }[]; ledgerAdjustments: unknown[]; statementAdjustments: { ledgerRows: number[]; ledgerPlaces?: Place[] }[] };
  }[];
};

describe("reconcile over two monthly sheets", () => {
  test("--json: each difference's ledger rows keep their number on their own sheet, with the sheet beside; reasons name August's rows as that sheet's rows", async () => {
    const r = await run([...ARGS, "--json"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).not.toMatch(/1000000\d/);
    const d = (JSON.parse(r.out) as Json).dealers[0];
    const byKind = Object.fromEntries(d.differences.map((x) => [x.kind, x]));
    expect(byKind.ledger_only).toMatchObject({ ledgerRows: [4], ledgerPlaces: [{ sheet: "2026-07", row: 4 }] });
    expect(byKind.amount_mismatch).toMatchObject({ ledgerRows: [4], ledgerPlaces: [{ sheet: "2026-08", row: 4 }] });
    expect(byKind.duplicate).toMatchObject({
      ledgerRows: [5],
      ledgerPlaces: [{ sheet: "2026-08", row: 5 }],
      duplicateOf: 3,
      duplicateOfPlace: { sheet: "2026-07", row: 3 },
      reason: "重复记账：我方「2026-08」表第 5 行与第 3 行单号、金额相同",
      reasonEn: "Duplicate entry: our sheet 2026-08, row 5 repeats row 3 (same reference and amount)",
    });
    expect(d.reconciliation.pendingItems.map((p) => [p.ledgerRows, p.ledgerPlaces, p.text])).toEqual([
      [[4], [{ sheet: "2026-08", row: 4 }], "金额不符（我方「2026-08」表第 4 行 300.00，对方第 6 行 350.00）"],
      [[5], [{ sheet: "2026-08", row: 5 }], "我方重复记账（「2026-08」表第 5 行重复第 3 行）"],
    ]);
    expect(d.reconciliation.statementAdjustments).toEqual([expect.objectContaining({ ledgerRows: [4], ledgerPlaces: [{ sheet: "2026-07", row: 4 }] })]);
  });

  test("text: the ledger-rows column and the reasons say 4 for July's row and 2026-08!4 for August's", async () => {
    const r = await run(ARGS, dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).not.toMatch(/1000000\d/);
    const line = (kind: string) => r.out.split("\n").find((l) => l.includes(kind)) ?? "";
    expect(line("金额不符：")).toMatch(/\s2026-08!4\s+6\s/);
    expect(line("重复记账：")).toMatch(/\s2026-08!5\s+-\s+重复记账：我方「2026-08」表第 5 行与第 3 行单号、金额相同/);
    expect(line("已记销售")).toMatch(/\s4\s+-\s/);
  });

  test("--json: ledger rows left out after the cut-off keep their sheet too", async () => {
    const r = await run([...ARGS.slice(0, -1), "2026-08-20", "--json"], dir);
    expect(r.code).toBe(0);
    const ledger = (JSON.parse(r.out) as { dealers: { ledger: { excludedAfterCutoff: number[]; excludedAfterCutoffPlaces: Place[] } }[] }).dealers[0].ledger;
    expect(ledger.excludedAfterCutoff).toEqual([4, 5]);
    expect(ledger.excludedAfterCutoffPlaces).toEqual([{ sheet: "2026-08", row: 4 }, { sheet: "2026-08", row: 5 }]);
  });

  test("one sheet: no places are added to the JSON", async () => {
    const r = await run(["reconcile", "--ledger", "months.xlsx", "--ledger-sheet", "2026-08", "--statement", "statement.csv", "--as-of", "2026-08-31", "--json"], dir);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("ledgerPlaces");
    expect(r.out).not.toContain("duplicateOfPlace");
  });
});
