/**
 * .xls files on the command line: one saved by LibreOffice (from an .xlsx with real dates and a merged
 * title) and one from an ERP-like writer (text dates), read through the same reader; results stay .xlsx.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "./support";
import { erpLikeXls } from "../xlsx/xls-fixtures";
import { availableOrFailInCi, hasCommands } from "../support/required";

let dir: string;
const soffice = hasCommands("soffice");
if (!soffice) console.warn(".xls from LibreOffice not tested: soffice is missing (apt-get install -y libreoffice-calc-nogui)");
availableOrFailInCi(soffice, "soffice");

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-xls-"));
  fs.writeFileSync(path.join(dir, "erp.xls"), erpLikeXls());
  fs.writeFileSync(path.join(dir, "statement.csv"), "美达商贸有限公司对账单,,,,\n日期,单据号,摘要,进货金额,付款金额\n2026-07-05,XS-0705,进货,2500.50,\n2026-07-18,,付款,,1500.00\n");
  if (!soffice) return;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("2026年7月");
  ws.addRow(["应收账款明细账"]);
  ws.mergeCells("A1:E1");
  ws.addRow(["客户：美达商贸"]);
  ws.addRow(["日期", "单号", "摘要", "借方", "贷方"]);
  ws.addRow([new Date(Date.UTC(2026, 6, 5)), "XS-0705", "销售", 2500.5, null]);
  ws.addRow([new Date(Date.UTC(2026, 6, 18)), null, "收款", null, 1500]);
  ws.getColumn(1).numFmt = "yyyy-mm-dd";
  await wb.xlsx.writeFile(path.join(dir, "lo.xlsx"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-lo-profile-"));
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xls", "--outdir", dir, path.join(dir, "lo.xlsx")], { stdio: "ignore", timeout: 120_000 });
  fs.rmSync(profile, { recursive: true, force: true });
  fs.unlinkSync(path.join(dir, "lo.xlsx"));
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type ReadJson = { sheet: string; dealer: string | null; counts: { entries: number }; closingBalance: string; entries: { row: number; date: string; amount: string }[] };

describe(".xls read on the command line", () => {
  (soffice ? test : test.skip)("a workbook saved as .xls by LibreOffice: real dates, merged title", async () => {
    expect(fs.readFileSync(path.join(dir, "lo.xls")).subarray(0, 4)).toEqual(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    const sheets = await run(["sheets", "lo.xls"], dir);
    expect([sheets.code, sheets.err]).toEqual([0, ""]);
    expect(sheets.out).toContain("2026年7月");
    const r = await run(["read", "lo.xls", "--json", "--entries"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const json = JSON.parse(r.out) as ReadJson;
    expect(json.sheet).toBe("2026年7月");
    expect(json.dealer).toBe("美达商贸");
    expect(json.entries.map((e) => [e.row, e.date, e.amount])).toEqual([
      [4, "2026-07-05", "2500.50"],
      [5, "2026-07-18", "-1500.00"],
    ]);
    expect(json.closingBalance).toBe("1000.50");
  });

  test("an ERP-like .xls: text dates, opening row and totals row, as with .xlsx", async () => {
    const r = await run(["read", "erp.xls", "--json", "--entries"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const json = JSON.parse(r.out) as ReadJson;
    expect(json.dealer).toBe("美达商贸有限公司");
    expect(json.entries.map((e) => [e.row, e.date, e.amount])).toEqual([
      [5, "2026-07-05", "2500.50"],
      [6, "2026-07-18", "-1500.00"],
    ]);
    expect(json.closingBalance).toBe("2000.50");
  });

  test("reconcile an .xls ledger; the --out result is an .xlsx workbook", async () => {
    const r = await run(["reconcile", "--ledger", "erp.xls", "--statement", "statement.csv", "--out", "result.xlsx"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const bytes = fs.readFileSync(path.join(dir, "result.xlsx"));
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const out = await run(["reconcile", "--ledger", "erp.xls", "--statement", "statement.csv", "--out", "result.xls"], dir);
    expect(out.err).toContain("结果文件须以 .xlsx 结尾");
  });
});
