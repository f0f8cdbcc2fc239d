/**
 * An .xlsx file reads as Excel shows it, by either path (the sheet's XML, or the ExcelJS workbook once it
 * is loaded): a date in one of Excel's East-Asian built-in formats (ids 27–36 and 50–58,
 * `yyyy"年"m"月"d"日"` in a Chinese Excel) is a date, and a formula whose last result is 0 or FALSE shows 0
 * or FALSE, not an empty cell. The files are written by hand, with those format ids and cached values, as
 * Excel writes them.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { EAST_ASIAN_DATE_FORMATS } from "../../src/xlsx/stream-read";
import { minimalWorkbook, writeZip } from "./zip-fixtures";
import { run } from "../cli/support";

const EAST_ASIAN_IDS = [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58];

/**
 * A styles part whose cell styles are, in order: General, then one per id of `ids` (by id alone, as Excel
 * writes a built-in format), then `#,##0.00` (id 4). `own` gives an id the file's own code.
 */
function stylesXml(ids: readonly number[], own?: { id: number; code: string }): string {
  const xfs = [0, ...ids, 4].map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ""}/>`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    (own ? `<numFmts count="1"><numFmt numFmtId="${own.id}" formatCode="${own.code}"/></numFmts>` : "") +
    `<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs></styleSheet>`
  );
}

const styleOf = (id: number) => 1 + EAST_ASIAN_IDS.indexOf(id);
const MONEY = EAST_ASIAN_IDS.length + 1;
const day = (iso: string) => new Date(`${iso}Z`);

/** The same bytes read from the XML and through the loaded ExcelJS workbook. */
async function bothWays(bytes: Uint8Array, sheet = "明细") {
  const streamed = await XlsxWorkbook.openBytes(bytes, "x.xlsx");
  const loaded = await XlsxWorkbook.openBytes(bytes, "x.xlsx");
  await loaded.load();
  return { streamed: await streamed.readSheet(sheet), loaded: await loaded.readSheet(sheet), workbook: loaded };
}

test("every East-Asian built-in date format (27–36, 50–58) reads as a date both ways; a file's own code for such an id wins", async () => {
  const rows = EAST_ASIAN_IDS.map((id, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${id}</v></c><c r="B${i + 1}" s="${styleOf(id)}"><v>46000</v></c></row>`);
  const n = EAST_ASIAN_IDS.length;
  rows.push(`<row r="${n + 1}"><c r="A${n + 1}"><v>4</v></c><c r="B${n + 1}" s="${MONEY}"><v>46000</v></c></row>`);
  const xml = `<sheetData>${rows.join("")}</sheetData>`;
  const { streamed, loaded } = await bothWays(writeZip(minimalWorkbook(xml, { styles: stylesXml(EAST_ASIAN_IDS) })));
  const expected = [...EAST_ASIAN_IDS.map((id) => [id, day("2025-12-09T00:00:00")]), [4, 46000]];
  expect(streamed.values).toEqual(expected);
  expect(loaded.values).toEqual(expected);
  // A file that gives id 57 a code of its own (a number format) is read by that code, both ways.
  const own = await bothWays(writeZip(minimalWorkbook(xml, { styles: stylesXml(EAST_ASIAN_IDS, { id: 57, code: "0.00" }) })));
  const ownExpected = expected.map(([id, v]) => [id, id === 57 ? 46000 : v]);
  expect(own.streamed.values).toEqual(ownExpected);
  expect(own.loaded.values).toEqual(ownExpected);
});

test("a time in an East-Asian time format (32: h\"时\"mm\"分\") is a date-time both ways, 1904 dates counted from 1904", async () => {
  const sheet = `<sheetData><row r="1"><c r="A1" s="${styleOf(32)}"><v>46000.75</v></c><c r="B1" s="${styleOf(31)}"><v>0</v></c></row></sheetData>`;
  const bytes = writeZip(minimalWorkbook(sheet, { styles: stylesXml(EAST_ASIAN_IDS), date1904: true }));
  const { streamed, loaded } = await bothWays(bytes);
  const expected = [[day("2029-12-10T18:00:00"), day("1904-01-01T00:00:00")]];
  expect(streamed.values).toEqual(expected);
  expect(loaded.values).toEqual(expected);
});

test("a formula whose last result is 0 or FALSE shows 0 or FALSE both ways, in a date style its date; an empty text result is empty", async () => {
  const sheet =
    `<sheetData>` +
    `<row r="1"><c r="A1"><v>5</v></c><c r="B1"><v>5</v></c><c r="C1"><f>A1-B1</f><v>0</v></c><c r="D1" t="b"><f>A1&gt;B1</f><v>0</v></c><c r="E1" t="b"><f>A1=B1</f><v>1</v></c></row>` +
    `<row r="2"><c r="A2" s="${MONEY}"><f t="shared" ref="A2:A3" si="0">B2-B2</f><v>0</v></c><c r="B2" s="${styleOf(31)}"><f>DATE(2025,12,9)</f><v>46000</v></c><c r="C2" t="str"><f>""</f><v></v></c><c r="D2" s="${styleOf(31)}"><f>0*1</f><v>0</v></c></row>` +
    `<row r="3"><c r="A3" s="${MONEY}"><f t="shared" si="0"/><v>0</v></c><c r="B3" t="e"><f>NA()</f><v>#N/A</v></c></row>` +
    `</sheetData>`;
  const bytes = writeZip(minimalWorkbook(sheet, { styles: stylesXml(EAST_ASIAN_IDS) }));
  const { streamed, loaded } = await bothWays(bytes);
  const expected = [
    [5, 5, 0, false, true],
    [0, day("2025-12-09T00:00:00"), null, day("1899-12-30T00:00:00"), null],
    [0, "#N/A", null, null, null],
  ];
  expect(streamed.values).toEqual(expected);
  expect(loaded.values).toEqual(expected);
});

test("a result workbook's copy of such a sheet shows the date in its format and the formula's 0, as values", async () => {
  const sheet =
    `<sheetData><row r="1"><c r="A1" s="${styleOf(31)}"><v>46000</v></c><c r="B1" s="${styleOf(31)}"><f>A1+1</f><v>46001</v></c><c r="C1"><f>A1-A1</f><v>0</v></c><c r="D1" t="b"><f>A1&lt;0</f><v>0</v></c></row></sheetData>`;
  const source = await XlsxWorkbook.openBytes(writeZip(minimalWorkbook(sheet, { styles: stylesXml(EAST_ASIAN_IDS) })), "ledger.xlsx");
  const result = XlsxWorkbook.create();
  await result.copySheetFrom(source, "明细", "台账-明细");
  const copy = result.workbook.getWorksheet("台账-明细")!;
  expect(copy.getCell("A1").value).toEqual(day("2025-12-09T00:00:00"));
  expect(copy.getCell("A1").numFmt).toBe('yyyy"年"m"月"d"日"');
  expect(copy.getCell("B1").value).toEqual(day("2025-12-10T00:00:00"));
  expect(copy.getCell("B1").numFmt).toBe('yyyy"年"m"月"d"日"');
  expect(copy.getCell("C1").value).toBe(0);
  expect(copy.getCell("D1").value).toBe(false);
  // Written and read back from the file's XML: the same values.
  const again = await XlsxWorkbook.openBytes(await result.toBuffer(), "result.xlsx");
  expect((await again.readSheet("台账-明细")).values).toEqual([[day("2025-12-09T00:00:00"), day("2025-12-10T00:00:00"), 0, false]]);
  // Only the East-Asian cells were given a format: the table has one code per id.
  expect(EAST_ASIAN_DATE_FORMATS.get(31)).toBe('yyyy"年"m"月"d"日"');
});

test("a Chinese ledger with 年月日 dates (format 31) and a balance column of formulas reads its dates and its closing 0", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-eastasian-"));
  try {
    const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
    const d = styleOf(31);
    const sheet =
      `<sheetData>` +
      `<row r="1">${text("A1", "日期")}${text("B1", "摘要")}${text("C1", "借方")}${text("D1", "贷方")}${text("E1", "余额")}</row>` +
      `<row r="2"><c r="A2" s="${d}"><v>46023</v></c>${text("B2", "销售 XS-1")}<c r="C2"><v>1000</v></c><c r="E2"><f>C2-D2</f><v>1000</v></c></row>` +
      `<row r="3"><c r="A3" s="${d}"><v>46054</v></c>${text("B3", "收款 SK-1")}<c r="D3"><v>1000</v></c><c r="E3"><f>E2+C3-D3</f><v>0</v></c></row>` +
      `</sheetData>`;
    fs.writeFileSync(path.join(dir, "台账.xlsx"), writeZip(minimalWorkbook(sheet, { styles: stylesXml(EAST_ASIAN_IDS), sheetName: "应收账款" })));
    const r = await run(["read", "台账.xlsx", "--json", "--entries"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { entries: { date: string; row: number }[]; closingBalance: string; balanceCheck: { checked: boolean; mismatches: number } };
    expect(json.entries.map((e) => [e.row, e.date])).toEqual([
      [2, "2026-01-01"],
      [3, "2026-02-01"],
    ]);
    expect(json.closingBalance).toBe("0.00");
    expect(json.balanceCheck).toMatchObject({ checked: true, mismatches: 0 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
