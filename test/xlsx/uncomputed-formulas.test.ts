/**
 * A formula saved without its result (files written by openpyxl, ExcelJS and other scripts) or showing an
 * Excel error (#DIV/0!) in a cell the reader needs is said as such, naming sheet, row and cell and what to
 * fix: never read as an empty cell (a sale dropped as a row without an amount, a date taken from the row
 * above) nor as a badly written amount. The files are written by hand, as such scripts write them.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { readGrid } from "../../src/core/read";
import { describeReadIssue } from "../../src/messages/read";
import { minimalWorkbook, writeZip } from "./zip-fixtures";
import { run } from "../cli/support";

const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
const date = (ref: string, serial: number) => `<c r="${ref}" s="1"><v>${serial}</v></c>`;
const num = (ref: string, n: number) => `<c r="${ref}"><v>${n}</v></c>`;
const HEADER = `<row r="1">${text("A1", "日期")}${text("B1", "客户")}${text("C1", "单号")}${text("D1", "摘要")}${text("E1", "借方")}${text("F1", "贷方")}</row>`;
/** 2026-01-05 and the days after it, as Excel serials. */
const JAN5 = 46027;

/**
 * 台账: row 2 a sale of 1,000; row 3 a sale whose 借方 is `=E2*2` saved without a result (openpyxl writes an
 * empty `<v>`); row 4 a sale whose 日期 is `=A2+2` saved without any `<v>` (ExcelJS); row 5 a sale whose 借方
 * shows #DIV/0!; row 6 a sale of 300 whose 单号 is a formula with an empty text result, as Excel saves one
 * (a value: read as an empty cell, nothing to say).
 */
function ledgerXml(): string {
  return (
    `<sheetData>${HEADER}` +
    `<row r="2">${date("A2", JAN5)}${text("B2", "甲公司")}${text("C2", "XS-1")}${text("D2", "销售")}${num("E2", 1000)}</row>` +
    `<row r="3">${date("A3", JAN5 + 1)}${text("B3", "甲公司")}${text("C3", "XS-2")}${text("D3", "销售")}<c r="E3"><f>E2*2</f><v></v></c></row>` +
    `<row r="4"><c r="A4" s="1"><f>A2+2</f></c>${text("B4", "甲公司")}${text("C4", "XS-3")}${text("D4", "销售")}${num("E4", 500)}</row>` +
    `<row r="5">${date("A5", JAN5 + 3)}${text("B5", "甲公司")}${text("C5", "XS-4")}${text("D5", "销售")}<c r="E5" t="e"><f>E4/0</f><v>#DIV/0!</v></c></row>` +
    `<row r="6">${date("A6", JAN5 + 4)}${text("B6", "甲公司")}<c r="C6" t="str"><f>IF(B6="","x","")</f><v></v></c>${text("D6", "销售")}${num("E6", 300)}</row>` +
    `</sheetData>`
  );
}

/** 对账单: the dealer's statement, row 2 the sale of 1,000 and row 3 that of 300 (their 贷方: what they owe). */
function statementXml(): string {
  return (
    `<sheetData>${HEADER}` +
    `<row r="2">${date("A2", JAN5)}${text("B2", "甲公司")}${text("C2", "XS-1")}${text("D2", "销售")}${num("F2", 1000)}</row>` +
    `<row r="3">${date("A3", JAN5 + 4)}${text("B3", "甲公司")}${text("C3", "XS-5")}${text("D3", "销售")}${num("F3", 300)}</row>` +
    `</sheetData>`
  );
}

const ledgerBytes = () => writeZip(minimalWorkbook(ledgerXml(), { sheetName: "台账" }));

/** The ledger's grid from the sheet XML, and through the loaded ExcelJS workbook. */
async function bothGrids() {
  const streamed = await XlsxWorkbook.openBytes(ledgerBytes(), "台账.xlsx");
  const loaded = await XlsxWorkbook.openBytes(ledgerBytes(), "台账.xlsx");
  await loaded.load();
  return [
    ["sheet XML", await streamed.readSheet("台账")],
    ["ExcelJS", await loaded.readSheet("台账")],
  ] as const;
}

const EXPECTED_PROBLEMS = [
  { code: "uncomputed_formula", sheet: "台账", row: 3, column: "E", header: "借方", found: "" },
  { code: "uncomputed_formula", sheet: "台账", row: 4, column: "A", header: "日期", found: "" },
  { code: "formula_error", sheet: "台账", row: 5, column: "E", header: "借方", found: "#DIV/0!" },
];

test("both readers list the formulas saved without a result, and only those (an empty text result is a value)", async () => {
  for (const [, grid] of await bothGrids()) {
    expect(grid.uncomputed).toEqual([
      [3, 5],
      [4, 1],
    ]);
    expect(grid.values[2][4]).toBeNull();
    expect(grid.values[3][0]).toBeNull();
    expect(grid.values[4][4]).toBe("#DIV/0!");
    expect(grid.values[5][2]).toBeNull();
  }
});

test("a shared formula saved without results is listed in every cell it fills, both ways; a merged area's hidden cells never", async () => {
  const xml =
    `<sheetData><row r="1">${num("A1", 1)}<c r="B1"><f t="shared" ref="B1:B2" si="0">A1*2</f></c><c r="C1"><f>A1</f></c><c r="D1"><f>A1+1</f></c></row>` +
    `<row r="2">${num("A2", 2)}<c r="B2"><f t="shared" si="0"/><v/></c></row></sheetData><mergeCells count="1"><mergeCell ref="C1:D1"/></mergeCells>`;
  const bytes = writeZip(minimalWorkbook(xml, { sheetName: "台账" }));
  const streamed = await XlsxWorkbook.openBytes(bytes, "x.xlsx");
  const loaded = await XlsxWorkbook.openBytes(bytes, "x.xlsx");
  await loaded.load();
  const expected = [
    [1, 2],
    [1, 3],
    [2, 2],
  ];
  expect((await streamed.readSheet("台账")).uncomputed).toEqual(expected);
  expect((await loaded.readSheet("台账")).uncomputed).toEqual(expected);
});

test("a file without such formulas gives no list, both ways", async () => {
  const xml = `<sheetData>${HEADER}<row r="2">${date("A2", JAN5)}${text("B2", "甲公司")}<c r="E2"><f>1+1</f><v>2</v></c></row></sheetData>`;
  const bytes = writeZip(minimalWorkbook(xml, { sheetName: "台账" }));
  const streamed = await XlsxWorkbook.openBytes(bytes, "x.xlsx");
  const loaded = await XlsxWorkbook.openBytes(bytes, "x.xlsx");
  await loaded.load();
  expect((await streamed.readSheet("台账")).uncomputed).toBeUndefined();
  expect((await loaded.readSheet("台账")).uncomputed).toBeUndefined();
});

test("the reader says which cell holds a formula without a result or an error, by either reader, and leaves those rows unread", async () => {
  for (const [way, grid] of await bothGrids()) {
    const r = readGrid(grid, { side: "ledger" });
    expect([way, r.errors.map(({ code, sheet, row, column, header, found }) => ({ code, sheet, row, column, header, found }))]).toEqual([way, EXPECTED_PROBLEMS]);
    // The 2,000 of row 3 is not a row without an amount: it is unread, like rows 4 and 5.
    expect(r.skipped.filter((s) => s.reason === "no-amount")).toEqual([]);
    expect((r.unreadable ?? []).map((u) => [u.row, u.dealer, u.cells.map((c) => `${c.column}${c.row} ${c.code}`)])).toEqual([
      [3, "甲公司", ["E3 uncomputed_formula"]],
      [4, "甲公司", ["A4 uncomputed_formula"]],
      [5, "甲公司", ["E5 formula_error"]],
    ]);
    expect(Array.from(r.table.rows)).toEqual([2, 6]);
    expect(r.closingBalance).toBe(130_000);
    expect(r.errors.map((e) => describeReadIssue(e, "zh-CN"))).toEqual([
      "工作表“台账”单元格 E3（借方）：公式没有保存结果：请在 Excel 中打开这个文件并保存，再读取。",
      "工作表“台账”单元格 A4（日期）：公式没有保存结果：请在 Excel 中打开这个文件并保存，再读取。",
      "工作表“台账”单元格 E5（借方）：公式的结果是错误值“#DIV/0!”。请改正这个单元格的公式（或它引用的单元格），在 Excel 中保存后再读取。",
    ]);
    expect(describeReadIssue(r.errors[0], "en-US")).toBe('Sheet "台账", cell E3 (借方): the formula has no saved result. Open the file in Excel, save it, and read it again.');
    expect(describeReadIssue(r.errors[2], "en-US")).toBe(
      'Sheet "台账", cell E5 (借方): the formula gives the error "#DIV/0!". Fix the formula in this cell (or the cell it refers to), save, and read it again.',
    );
  }
});

describe("the command line", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-uncomputed-"));
    fs.writeFileSync(path.join(dir, "台账.xlsx"), ledgerBytes());
    fs.writeFileSync(path.join(dir, "对账单.xlsx"), writeZip(minimalWorkbook(statementXml(), { sheetName: "对账单" })));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("read shows each problem with its cell, in both languages and in its JSON", async () => {
    const zh = await run(["read", "台账.xlsx"], dir);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain("问题: 3");
    expect(zh.out).toContain("工作表“台账”单元格 E3（借方）：公式没有保存结果：请在 Excel 中打开这个文件并保存，再读取。");
    expect(zh.out).toContain("工作表“台账”单元格 A4（日期）：公式没有保存结果");
    expect(zh.out).toContain("工作表“台账”单元格 E5（借方）：公式的结果是错误值“#DIV/0!”");
    expect(zh.out).not.toContain("不是有效金额");
    const en = await run(["read", "台账.xlsx", "--lang", "en"], dir);
    expect(en.out).toContain('Sheet "台账", cell A4 (日期): the formula has no saved result. Open the file in Excel, save it, and read it again.');
    const json = JSON.parse((await run(["read", "台账.xlsx", "--json"], dir)).out) as { counts: { entries: number }; errors: { code: string; row: number; column: string; message: string }[] };
    expect(json.counts.entries).toBe(2);
    expect(json.errors.map((e) => [e.code, `${e.column}${e.row}`])).toEqual([
      ["uncomputed_formula", "E3"],
      ["uncomputed_formula", "A4"],
      ["formula_error", "E5"],
    ]);
  });

  test("a ledger kept one sheet a month, written by ExcelJS with formulas and no results, names the cell on its own sheet", async () => {
    const wb = new ExcelJS.Workbook();
    for (const [name, day] of [["1月", "2026-01-05"], ["2月", "2026-02-05"]] as const) {
      const ws = wb.addWorksheet(name);
      ws.addRow(["日期", "客户", "单号", "摘要", "借方", "贷方"]);
      ws.addRow([new Date(`${day}T00:00:00Z`), "甲公司", `XS-${name}`, "销售", 1000, null]);
      ws.addRow([new Date(`${day}T00:00:00Z`), "甲公司", `XS-${name}-2`, "销售", null, null]);
      // ExcelJS saves a formula given without a result as `<f>` alone.
      if (name === "2月") ws.getCell("E3").value = { formula: "E2*2" } as ExcelJS.CellFormulaValue;
    }
    await wb.xlsx.writeFile(path.join(dir, "月表.xlsx"));
    const r = await run(["read", "月表.xlsx", "--sheet", "1月", "--sheet", "2月", "--json"], dir);
    const json = JSON.parse(r.out) as { counts: { entries: number }; errors: { code: string; sheet: string; row: number; column: string }[]; skipped: { row: number; reason: string }[] };
    expect(json.errors.map((e) => [e.code, e.sheet, `${e.column}${e.row}`])).toEqual([["uncomputed_formula", "2月", "E3"]]);
    expect(json.counts.entries).toBe(2);
  });

  test("reconcile lists the cells as unreadable and never calls the dealer balanced", async () => {
    const zh = await run(["reconcile", "--ledger", "台账.xlsx", "--statement", "对账单.xlsx"], dir);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain("无法读取：台账 E3（借方）的公式没有保存结果，该行未计入余额。请在 Excel 中打开这个文件并保存，再读取");
    expect(zh.out).toContain("无法读取：台账 A4（日期）的公式没有保存结果");
    expect(zh.out).toContain("无法读取：台账 E5（借方）的公式结果是错误值「#DIV/0!」，该行未计入余额。请改正这个单元格的公式（或它引用的单元格），保存后再读取");
    expect(zh.out).toContain("不能确认一致");
    const en = await run(["reconcile", "--ledger", "台账.xlsx", "--statement", "对账单.xlsx", "--lang", "en"], dir);
    expect(en.out).toContain("Cannot be read: 台账 E3 (借方) holds a formula with no saved result; the row is in neither balance. Open the file in Excel, save it, and read it again");
    const json = JSON.parse((await run(["reconcile", "--ledger", "台账.xlsx", "--statement", "对账单.xlsx", "--json"], dir)).out) as {
      dealers: { dealer: string; reconciliation: { balanced: boolean }; differences: { kind: string; cell: string | null; fixEn: string }[] }[];
    };
    expect(json.dealers.map((d) => [d.dealer, d.reconciliation.balanced])).toEqual([["甲公司", false]]);
    expect(json.dealers[0].differences.filter((d) => d.kind === "unreadable").map((d) => [d.cell, d.fixEn])).toEqual([
      ["E3", "open the file in Excel, save it, and read it again"],
      ["A4", "open the file in Excel, save it, and read it again"],
      ["E5", "fix the formula in this cell (or the cell it refers to), save, and read it again"],
    ]);
  });
});
