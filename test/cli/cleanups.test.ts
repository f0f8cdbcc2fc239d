/** One register opener, one sheet chooser and one option table for the commands that share them. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { run } from "./support";

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-cleanups-"));
  const ledgerRows = [
    ["客户", "日期", "单号", "摘要", "借方", "贷方"],
    ["杭州美达商贸", "2026-07-05", "XS-1", "销售", 500, null],
  ];
  // Company details and a register come first: the ledger is still found as the default sheet.
  const book = new ExcelJS.Workbook();
  book.addWorksheet("本公司信息").addRows([["项目", "内容"], ["公司名称", "杭州某某有限公司"]]);
  book.addWorksheet("函证登记簿").addRows([["编号", "类型", "客户名称"]]);
  book.addWorksheet("台账").addRows(ledgerRows);
  await book.xlsx.writeFile(path.join(dir, "book.xlsx"));
  const notes = new ExcelJS.Workbook();
  notes.addWorksheet("说明").addRow(["登记簿在别处"]);
  await notes.xlsx.writeFile(path.join(dir, "notes.xlsx"));
  const onlyPapers = new ExcelJS.Workbook();
  onlyPapers.addWorksheet("本公司信息").addRows([["项目", "内容"]]);
  await onlyPapers.xlsx.writeFile(path.join(dir, "papers-only.xlsx"));
  fs.writeFileSync(path.join(dir, "ledger.csv"), "客户,日期,单号,摘要,借方,贷方\n杭州美达商贸,2026-07-05,XS-1,销售,500.00,\n");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function oneLine(r: { code: number; out: string; err: string }): string {
  expect([r.code, r.out]).toEqual([2, ""]);
  expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  return r.err;
}

describe("--register is opened the same way by letters, demand and aging", () => {
  test("a workbook without the register sheet: one line naming the sheet wanted and the sheets there", async () => {
    const common = ["--ledger", "ledger.csv", "--as-of", "2026-12-31", "--register", "notes.xlsx"];
    expect(oneLine(await run(["letters", ...common], dir))).toContain("notes.xlsx 中没有“函证登记簿”工作表（有：说明）");
    expect(oneLine(await run(["demand", ...common], dir))).toContain("notes.xlsx 中没有“函证登记簿”工作表（有：说明）");
    expect(oneLine(await run(["aging", ...common], dir))).toContain("notes.xlsx 中没有“函证登记簿”或“信用档案”工作表（有：说明）");
  });

  test("a CSV register is refused, saying which sheet the .xlsx needs", async () => {
    const common = ["--ledger", "ledger.csv", "--as-of", "2026-12-31", "--register", "ledger.csv"];
    expect(oneLine(await run(["letters", ...common], dir))).toContain("登记簿须是含“函证登记簿”工作表的 .xlsx 工作簿：ledger.csv");
    expect(oneLine(await run(["aging", ...common, "--lang", "en"], dir))).toContain('the register must be an .xlsx workbook with a "函证登记簿" or "信用档案" sheet: ledger.csv');
  });

  test("without --register, the ledger's own register is copied into the result and numbering goes on from it", async () => {
    const r = await run(["letters", "--ledger", "book.xlsx", "--as-of", "2026-07-31", "--out", "letters.xlsx", "--json"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const json = JSON.parse(r.out) as { letters: { dealer: string; number: string; registerRow: number }[] };
    expect(json.letters.map((l) => [l.dealer, l.number, l.registerRow])).toEqual([["杭州美达商贸", "DZ-202607-0001", 2]]);
    const out = await XlsxWorkbook.open(path.join(dir, "letters.xlsx"));
    expect((await out.listSheets()).map((s) => s.name)).toEqual(["函证登记簿", "对账函 2026-07-31", "本公司信息"]);
    expect((await out.readSheet("本公司信息")).values[1]).toEqual(["公司名称", "杭州某某有限公司"]);
  });
});

describe("the ledger sheet of the papers commands", () => {
  test("by default the first sheet that is not company details, register, template or papers", async () => {
    const r = await run(["demand", "--ledger", "book.xlsx", "--as-of", "2026-12-31", "--json"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect((JSON.parse(r.out) as { letters: { items: { sheet: string; row: number }[] }[] }).letters[0].items.map((i) => `${i.sheet}!${i.row}`)).toEqual(["台账!2"]);
  });

  test("a workbook holding only such sheets asks for --sheet; a named sheet that is not there lists the sheets", async () => {
    expect(oneLine(await run(["letters", "--ledger", "papers-only.xlsx"], dir))).toContain("papers-only.xlsx 中没有台账工作表（用 --sheet 指定）");
    expect(oneLine(await run(["promise", "--ledger", "book.xlsx", "--sheet", "总账", "--dealer", "杭州美达商贸", "--installments", "1", "--first", "2027-01-01"], dir))).toContain(
      "book.xlsx 中没有工作表“总账”（有：本公司信息、函证登记簿、台账）",
    );
  });
});

describe("the option tables", () => {
  test("--out, --force and --json are taken by the commands that write or print results, and refused elsewhere", async () => {
    expect(oneLine(await run(["sheets", "book.xlsx", "--out", "x.xlsx"], dir))).toContain("--out");
    expect(oneLine(await run(["make-sample", "--json"], dir))).toContain("--json");
    expect(oneLine(await run(["demo", "--json"], dir))).toContain("--json");
    const first = await run(["demand", "--ledger", "book.xlsx", "--as-of", "2026-12-31", "--out", "demand.xlsx"], dir);
    expect(first.code).toBe(0);
    expect(oneLine(await run(["demand", "--ledger", "book.xlsx", "--as-of", "2026-12-31", "--out", "demand.xlsx"], dir))).toContain("结果文件已存在：demand.xlsx（加 --force 覆盖它，或换一个文件名）");
    const again = await run(["demand", "--ledger", "book.xlsx", "--as-of", "2026-12-31", "--out", "demand.xlsx", "--force", "--json"], dir);
    expect([again.code, again.err]).toEqual([0, ""]);
    expect((JSON.parse(again.out) as { out: string }).out).toBe(path.join(dir, "demand.xlsx"));
  });
});
