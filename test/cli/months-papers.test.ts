/** Letters, demand letters and commitments on a ledger kept one sheet per month; aging --out with several sheets. */
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { run } from "./support";

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-month-papers-"));
  const wb = new ExcelJS.Workbook();
  const add = (name: string, rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
    return ws;
  };
  add("2026-07", [
    ["客户", "日期", "单号", "摘要", "借方", "贷方"],
    ["杭州美达商贸", "2026-07-01", null, "期初余额", 1000, null],
    ["杭州美达商贸", "2026-07-05", "XS-1", "销售", 500, null],
    ["宁波顺和电器", "2026-07-07", "XS-2", "销售", 800, null],
  ]);
  const aug = add("2026-08", [
    ["客户", "日期", "单号", "摘要", "借方", "贷方"],
    ["杭州美达商贸", "2026-08-01", null, "上月结转", 1500, null],
    ["宁波顺和电器", "2026-08-01", null, "上月结转", 800, null],
    ["杭州美达商贸", "2026-08-10", null, "收款", null, 300],
    ["宁波顺和电器", "2026-08-12", "XS-3", "销售", 200, null],
  ]);
  aug.getCell("E5").numFmt = "#,##0.00";
  aug.getCell("E5").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  aug.getColumn(4).width = 21;
  add("2026-09", [
    ["客户", "日期", "单号", "摘要", "发生额"],
    ["杭州美达商贸", "2026-09-03", "XS-4", "销售", 100],
  ]);
  await wb.xlsx.writeFile(path.join(dir, "months.xlsx"));
  // The dealer has not booked our 300 received in August, and has a 50 we have not.
  fs.writeFileSync(path.join(dir, "meida.csv"), "杭州美达商贸对账单,,,,\n日期,单据号,摘要,进货金额,付款金额\n2026-07-01,,期初余额,1000.00,\n2026-07-06,XS-1,进货,500.00,\n2026-07-20,XS-9,进货,50.00,\n");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const hash = (f: string) => createHash("sha256").update(fs.readFileSync(f)).digest("hex");
type Carried = { sheet: string; row: number; dealer: string; expected: string; found: string; agrees: boolean };

describe("letters, demand and promise take a ledger kept one sheet per month", () => {
  test("letters --sheet repeated: each dealer's balance over both months, the opening once, the carry-overs checked", async () => {
    const r = await run(["letters", "--ledger", "months.xlsx", "--sheet", "2026-07", "--sheet", "2026-08", "--as-of", "2026-08-31", "--json"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const json = JSON.parse(r.out) as { letters: { dealer: string; balance: string }[]; sheets: string[]; carried: Carried[]; layoutDifferences: unknown[] };
    // 美达: 1,000 opening + 500 − 300; the 1,500 carried into August is checked, not added again.
    expect(json.letters.map((l) => [l.dealer, l.balance])).toEqual([
      ["杭州美达商贸", "1200.00"],
      ["宁波顺和电器", "1000.00"],
    ]);
    expect(json.sheets).toEqual(["2026-07", "2026-08"]);
    expect(json.carried.map((c) => [c.sheet, c.row, c.dealer, c.expected, c.agrees])).toEqual([
      ["2026-08", 2, "杭州美达商贸", "1500.00", true],
      ["2026-08", 3, "宁波顺和电器", "800.00", true],
    ]);
    expect(json.layoutDifferences).toEqual([]);
  });

  test("letters --sheets GLOB: the sheet with other columns is named with what differs", async () => {
    const r = await run(["letters", "--ledger", "months.xlsx", "--sheets", "2026-*", "--as-of", "2026-09-30"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toMatch(/DZ-202609-0001\s+杭州美达商贸\s+贵公司欠本公司\s+1,300\.00/);
    expect(r.out).toContain("期初余额取自：2026-07!2（只计一次）");
    expect(r.out).toContain("列结构与首表“2026-07”不同：工作表“2026-09”缺少 借方/增加、贷方/减少 列；多出 金额 列");
  });

  test("one sheet only: the letters JSON is as before, without the months' fields", async () => {
    const r = await run(["letters", "--ledger", "months.xlsx", "--sheet", "2026-07", "--as-of", "2026-07-31", "--json"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["asOf", "letters", "skipped", "warnings", "sheet"]);
  });

  test("demand: the overdue items of both months, each with its own sheet and row", async () => {
    const r = await run(["demand", "--ledger", "months.xlsx", "--sheet", "2026-07", "--sheet", "2026-08", "--as-of", "2026-12-31", "--json"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const json = JSON.parse(r.out) as { letters: { dealer: string; total: string; items: { sheet: string; row: number; open: string }[] }[]; sheets: string[] };
    expect(json.letters.map((l) => [l.dealer, l.total, l.items.map((i) => `${i.sheet}!${i.row}:${i.open}`)])).toEqual([
      ["杭州美达商贸", "1200.00", ["2026-07!2:700.00", "2026-07!3:500.00"]],
      ["宁波顺和电器", "1000.00", ["2026-07!4:800.00", "2026-08!5:200.00"]],
    ]);
    expect(json.sheets).toEqual(["2026-07", "2026-08"]);
  });

  test("promise: the amount acknowledged is the balance over both months", async () => {
    const r = await run(["promise", "--ledger", "months.xlsx", "--sheets", "2026-0?", "--dealer", "杭州美达商贸", "--as-of", "2026-08-31", "--installments", "2", "--first", "2026-09-15", "--json"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const json = JSON.parse(r.out) as { amount: string; sheets: string[]; layoutDifferences: { sheet: string }[] };
    // 2026-09 is read too (its sale is after the as-of date): named for its other columns.
    expect(json.amount).toBe("1200.00");
    expect(json.sheets).toEqual(["2026-07", "2026-08", "2026-09"]);
    expect(json.layoutDifferences.map((d) => d.sheet)).toEqual(["2026-09"]);
  });
});

describe("aging --out over several monthly sheets", () => {
  test("copies every sheet, marks each item on its own sheet and row, links to it, and leaves the input and its formats alone", async () => {
    const input = path.join(dir, "months.xlsx");
    const before = hash(input);
    const r = await run(["aging", "--ledger", "months.xlsx", "--sheet", "2026-07", "--sheet", "2026-08", "--as-of", "2026-12-31", "--out", "aging.xlsx"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain("台账: 2026-07、2026-08  账龄日期: 2026-12-31");
    expect(r.out).toContain("台账标色 4 行");
    expect(hash(input)).toBe(before);

    const wb = await XlsxWorkbook.open(path.join(dir, "aging.xlsx"));
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(["台账-2026-07", "台账-2026-08", "账龄分析", "催款计划"]);
    expect(await wb.listMarks("aging", "台账-2026-07")).toEqual([
      { row: 2, style: "past_final" },
      { row: 3, style: "past_final" },
      { row: 4, style: "past_final" },
    ]);
    expect(await wb.listMarks("aging", "台账-2026-08")).toEqual([{ row: 5, style: "past_final" }]);
    const plan = wb.workbook.getWorksheet("催款计划")!;
    expect([4, 5, 6, 7].map((n) => plan.getCell(`D${n}`).value)).toEqual([
      { text: "期初余额", hyperlink: "#'台账-2026-07'!A2" },
      { text: "XS-1", hyperlink: "#'台账-2026-07'!A3" },
      { text: "XS-2", hyperlink: "#'台账-2026-07'!A4" },
      { text: "XS-3", hyperlink: "#'台账-2026-08'!A5" },
    ]);

    // The copies hold the user's values and formats as they were.
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(input);
    for (const name of ["2026-07", "2026-08"]) {
      const from = original.getWorksheet(name)!;
      const to = wb.workbook.getWorksheet(`台账-${name}`)!;
      from.eachRow((row, n) => expect(to.getRow(n).values).toEqual(row.values));
    }
    const aug = wb.workbook.getWorksheet("台账-2026-08")!;
    expect(aug.getCell("E5").numFmt).toBe("#,##0.00");
    expect(aug.getCell("E5").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } });
    expect(aug.getColumn(4).width).toBe(21);
  });
});

describe("reconcile --out over several monthly sheets", () => {
  test("copies every ledger sheet and marks each difference on its own sheet's row, not the same row of the first sheet", async () => {
    const input = path.join(dir, "months.xlsx");
    const before = hash(input);
    const args = ["reconcile", "--ledger", "months.xlsx", "--ledger-sheet", "2026-07", "--ledger-sheet", "2026-08", "--statement", "meida.csv", "--as-of", "2026-08-31"];
    const r = await run([...args, "--out", "rec.xlsx"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(hash(input)).toBe(before);
    const wb = await XlsxWorkbook.open(path.join(dir, "rec.xlsx"));
    expect((await wb.listSheets()).map((s) => s.name).slice(0, 3)).toEqual(["台账-2026-07", "台账-2026-08", "对账单-meida"]);
    // The 300 received is row 4 of 2026-08; row 4 of 2026-07 is another dealer's sale and stays unmarked.
    expect(await wb.listMarks("reconcile", "台账-2026-07")).toEqual([]);
    expect(await wb.listMarks("reconcile", "台账-2026-08")).toEqual([{ row: 4, style: "ledger_only" }]);
    expect(await wb.listMarks("reconcile", "对账单-meida")).toEqual([{ row: 5, style: "statement_only" }]);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(input);
    for (const name of ["2026-07", "2026-08"]) {
      const from = original.getWorksheet(name)!;
      from.eachRow((row, n) => expect(wb.workbook.getWorksheet(`台账-${name}`)!.getRow(n).values).toEqual(row.values));
    }
    expect(wb.workbook.getWorksheet("差异明细")!.getCell("G4").value).toEqual({ text: "台账-2026-08!4", hyperlink: "#'台账-2026-08'!A4" });
    // The printed report is the same as without --out.
    const plain = await run(args, dir);
    expect(r.out.startsWith(plain.out.trimEnd())).toBe(true);
  });
});

describe("help", () => {
  test("--help and each command's help list the monthly sheets and the balance table's cut-off", async () => {
    const top = await run(["--help"], dir);
    expect(top.out).toContain("或 --sheets \"2026-*\" 合为一本，--out 时每张表各复制一份并在各自的行上标记");
    const topEn = await run(["--help", "--lang", "en"], dir);
    expect(topEn.out).toContain("(--ledger-sheet for reconcile) or --sheets \"2026-*\" and read the sheets as one");
    for (const command of ["letters", "demand", "promise"]) {
      const zh = await run([command, "--help"], dir);
      expect(zh.out).toContain("[--sheet 名称]… [--sheets 通配符]");
      const en = await run([command, "--help", "--lang", "en"], dir);
      expect(en.out).toContain("[--sheet NAME]… [--sheets GLOB]");
    }
    expect((await run(["letters", "--help"], dir)).out).toContain("JSON 中另有 cutoffMismatch");
    expect((await run(["reconcile", "--help", "--lang", "en"], dir)).out).toContain("with --out each sheet is copied and every difference marked on its own sheet's row");
    expect((await run(["aging", "--help"], dir)).out).toContain("--out 时每张表各复制一份，每笔款项标在它自己那张表的行上");
  });
});

describe("the text reports of reconcile and aging over several sheets", () => {
  test("name every sheet read, the carry-overs checked and the sheet whose columns differ", async () => {
    const rec = await run(["reconcile", "--ledger", "months.xlsx", "--sheets", "2026-*", "--statement", "meida.csv", "--as-of", "2026-08-31"], dir);
    expect([rec.code, rec.err]).toEqual([0, ""]);
    expect(rec.out).toContain("台账: 2026-07、2026-08、2026-09  对账单: meida");
    expect(rec.out).toContain("工作表“2026-08”第 2 行 杭州美达商贸 期初/结转 1,500.00：与上月结余一致");
    expect(rec.out).toContain("列结构与首表“2026-07”不同：工作表“2026-09”");
    const aging = await run(["aging", "--ledger", "months.xlsx", "--sheet", "2026-07", "--sheet", "2026-08", "--as-of", "2026-12-31", "--lang", "en"], dir);
    expect([aging.code, aging.err]).toEqual([0, ""]);
    expect(aging.out).toContain("Opening balance from: 2026-07!2 (counted once)");
    expect(aging.out).toContain("All sheets have the same layout");
  });
});
