/**
 * An opened .xlsx file is read straight from its sheet XML; the grid must be the one the whole ExcelJS
 * workbook gives (the reader's results must not depend on the path), on the sample, the fixture layouts,
 * hand-written XML with the odd cases, and generated files.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { sampleSheets } from "../../src/sample/sample";
import { sampleCreditSheets } from "../../src/sample/credit";
import { allLayouts } from "../fixtures/ledgers";
import { isRowsGrid } from "../../src/core/read/source";
import { minimalWorkbook, writeZip } from "./zip-fixtures";
import { execFileSync } from "child_process";
import { availableOrFailInCi, hasCommands } from "../support/required";

const soffice = availableOrFailInCi(hasCommands("soffice"), "soffice");

/** The same bytes read both ways: sheets listed and every sheet's grid. */
async function expectSameBothWays(bytes: Uint8Array): Promise<void> {
  const streamed = await XlsxWorkbook.openBytes(bytes, "x.xlsx");
  const loaded = await XlsxWorkbook.openBytes(bytes, "x.xlsx");
  await loaded.load();
  const sheets = await loaded.listSheets();
  expect(await streamed.listSheets()).toEqual(sheets);
  for (const s of sheets) expect(await streamed.readSheet(s.name)).toEqual(await loaded.readSheet(s.name));
  expect(await streamed.getSetting("duizhang.ownedSheets")).toEqual(await loaded.getSetting("duizhang.ownedSheets"));
}

test("the sample workbook reads the same from its XML as through ExcelJS", async () => {
  const wb = XlsxWorkbook.fromSpecs([...sampleSheets(), ...sampleCreditSheets()]);
  await wb.writeSheet({ name: "差异明细", rows: [["说明"], ["ok"]] });
  await expectSameBothWays(await wb.toBuffer());
});

test("every fixture layout reads the same from its XML as through ExcelJS", async () => {
  for (const grid of allLayouts) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(grid.sheet);
    grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") ws.getCell(grid.top + r, grid.left + c).value = v as ExcelJS.CellValue;
      }),
    );
    await expectSameBothWays(new Uint8Array(await wb.xlsx.writeBuffer()));
  }
});

const ODD_SHEET =
  `<sheetData>` +
  `<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2"/><c r="D2" s="1"><v>46000</v></c><c r="E2" s="4"><v>46000</v></c><c r="F2" s="2"><v>46000.5</v></c></row>` +
  `<row r="3" hidden="1"><c r="B3" t="inlineStr"><is><t>a&amp;lt;b_x0041_</t></is></c><c r="C3" t="str"><f>X</f><v>p&amp;lt;q</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" t="s"><v>1</v></c></row>` +
  `<row r="4" hidden="true"/>` +
  `<row r="5"><c r="B5"><v>1</v></c><c r="C5" t="s"><v>2</v></c><c r="D5" t="s"><v>3</v></c><c r="E5" s="1"><f>D2</f><v>46001</v></c><c r="F5" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>` +
  `<row r="7"><c r="B7" t="str"><f>""</f><v></v></c><c r="D7" s="3"/></row>` +
  `<row r="9" hidden="1"><c r="H9" s="3"/></row>` +
  `</sheetData><mergeCells count="1"><mergeCell ref="B5:C7"/></mergeCells>`;
const ODD_STRINGS = ["<si><t>x_x0042_</t></si>", "<si><r><t>ri</t></r><r><rPr><b/></rPr><t>ch</t></r></si>", "<si><t></t></si>", '<si><t>汉</t><rPh sb="0" eb="1"><t>han</t></rPh></si>'];

test("odd cells read as ExcelJS reads them: date styles, strings of every kind, formulas, merges, hidden rows", async () => {
  const bytes = writeZip(minimalWorkbook(ODD_SHEET, { sharedStrings: ODD_STRINGS }));
  const grid = await (await XlsxWorkbook.openBytes(bytes, "odd.xlsx")).readSheet("明细");
  const day = (iso: string) => new Date(`${iso}Z`);
  expect(grid).toEqual({
    sheet: "明细",
    top: 2,
    left: 2,
    values: [
      // Built-in date style 14, the custom 年月日 style and the Chinese built-in 31 are dates; #,##0.00 is not.
      ["xB", null, day("2025-12-09T00:00:00"), day("2025-12-09T00:00:00"), day("2025-12-09T12:00:00")],
      ["a&lt;b_x0041_", "p<q", true, "#N/A", "rich"],
      [null, null, null, null, null],
      [1, 1, "汉", day("2025-12-10T00:00:00"), "富文本"],
      [1, 1, null, null, null],
      [1, 1, null, null, null],
    ],
    hiddenRows: [3, 4],
    date1904: false,
  });
  await expectSameBothWays(bytes);
});

test("a 1904 workbook's dates count from 1904", async () => {
  const bytes = writeZip(minimalWorkbook(`<sheetData><row r="1"><c r="A1" s="1"><v>0</v></c></row></sheetData>`, { date1904: true }));
  const grid = await (await XlsxWorkbook.openBytes(bytes, "mac.xlsx")).readSheet("明细");
  expect(grid.values).toEqual([[new Date("1904-01-01T00:00:00Z")]]);
  expect(grid.date1904).toBe(true);
  await expectSameBothWays(bytes);
});

test("rows and cells without references follow the ones before them", async () => {
  const bytes = writeZip(minimalWorkbook(`<sheetData><row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row><c r="B2"><v>3</v></c></row></sheetData>`));
  const grid = await (await XlsxWorkbook.openBytes(bytes, "bare.xlsx")).readSheet("明细");
  expect(grid.values).toEqual([["a", 2], [null, 3]]);
});

test("a generated workbook of 20,000 rows (dates, shared strings, hidden rows, merges, formulas) reads the same both ways", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("明细");
  ws.addRow(["应收账款明细账"]);
  ws.mergeCells("A1:F1");
  ws.addRow(["日期", "客户名称", "单号", "借方", "贷方", "余额"]);
  for (let i = 0; i < 20_000; i++) {
    // Formula results include 0 and FALSE (read as 0 and FALSE by both paths).
    const result = i % 5 === 0 ? i % 2 === 0 : i % 7;
    const row = ws.addRow([new Date(Date.UTC(2026, i % 12, 1 + (i % 28))), `经销商${i % 300}`, `XS-${i}`, i % 3 === 0 ? null : ((i * 7) % 10_000) / 100, i % 3 === 0 ? 12.5 : null, { formula: `D${i + 3}-E${i + 3}`, result }]);
    row.getCell(1).numFmt = i % 2 ? "yyyy-mm-dd" : "yyyy\"年\"m\"月\"d\"日\"";
    row.getCell(4).numFmt = "#,##0.00";
    if (i % 997 === 0) row.hidden = true;
  }
  ws.mergeCells("B100:B104");
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const streamed = await XlsxWorkbook.openBytes(bytes, "big.xlsx");
  const rows = await streamed.readRows("明细");
  expect(isRowsGrid(rows)).toBe(true);
  await expectSameBothWays(bytes);
}, 120_000);

test("the file on disk is only read: opening and reading leave it as it was", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-stream-"));
  try {
    const file = path.join(dir, "a.xlsx");
    fs.writeFileSync(file, writeZip(minimalWorkbook(ODD_SHEET, { sharedStrings: ODD_STRINGS })));
    const before = fs.readFileSync(file);
    const x = await XlsxWorkbook.openBytes(fs.readFileSync(file), file);
    await x.readSheet("明细");
    expect(fs.readFileSync(file)).toEqual(before);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

(soffice ? test : test.skip)("the sample saved again by LibreOffice (its own XML: spans, styles, shared strings) reads the same both ways", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-lo-"));
  try {
    const wb = XlsxWorkbook.fromSpecs(sampleSheets());
    fs.mkdirSync(path.join(dir, "in"));
    await wb.save(path.join(dir, "in", "sample.xlsx"));
    const profile = path.join(dir, "profile");
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", dir, path.join(dir, "in", "sample.xlsx")], { stdio: "ignore", timeout: 120_000 });
    const bytes = fs.readFileSync(path.join(dir, "sample.xlsx"));
    await expectSameBothWays(bytes);
    // Something was read: the ledger's rows are there.
    const streamed = await XlsxWorkbook.openBytes(bytes, "lo.xlsx");
    expect((await streamed.listSheets()).find((s) => s.name === "应收明细账")?.rowCount).toBeGreaterThan(10);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
