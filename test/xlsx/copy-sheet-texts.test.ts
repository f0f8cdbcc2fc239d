/**
 * An .xlsx sheet copied into a result workbook (`copySheetFrom`) has its texts cut to a cell's limit as every
 * other written sheet has them (`fitCellText`): another program's file may hold a longer one, which Excel
 * "repairs" on opening. Each cut is in `textsCut`, and the command line names it at the input's sheet and row.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CUT_MARK, MAX_CELL_TEXT } from "../../src/port/cells";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { run } from "../cli/support";

/** A 摘要 longer than an Excel cell holds: 40,000 characters. */
const LONG = "货款说明".repeat(10_000);

/** Another program's ledger, written by ExcelJS directly (our writers would cut the text): row 3's 摘要 is LONG, row 4's a rich text as long. */
async function ledgerBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("明细");
  ws.addRow(["日期", "单号", "摘要", "借方", "贷方"]);
  ws.addRow([new Date(Date.UTC(2026, 2, 1)), "XS-1", "销售", 1000, null]);
  ws.addRow([new Date(Date.UTC(2026, 2, 2)), "XS-2", LONG, 500, null]);
  ws.addRow([new Date(Date.UTC(2026, 2, 3)), "XS-3", "短", 300, null]);
  ws.getCell("C4").value = { richText: [{ text: "甲".repeat(30_000), font: { bold: true } }, { text: "乙".repeat(5_000) }] };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-copy-texts-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

jest.setTimeout(60_000);

test("copySheetFrom cuts a text and a rich text longer than a cell holds, says where, and leaves the others as they were", async () => {
  const source = await XlsxWorkbook.openBytes(await ledgerBytes(), "/tmp/ledger.xlsx", "ledger.xlsx");
  const result = XlsxWorkbook.create();
  await result.copySheetFrom(source, "明细", "台账-明细");
  expect(result.textsCut).toEqual([
    { sheet: "台账-明细", row: 3, column: 3, length: 40_000 },
    { sheet: "台账-明细", row: 4, column: 3, length: 35_000 },
  ]);
  const back = await XlsxWorkbook.openBytes(await result.toBuffer(), "/tmp/result.xlsx");
  await back.load();
  const ws = back.workbook.getWorksheet("台账-明细")!;
  expect(ws.getCell("C3").value).toBe(LONG.slice(0, MAX_CELL_TEXT - 1) + CUT_MARK);
  const rich = ws.getCell("C4").value as ExcelJS.CellRichTextValue;
  expect(rich.richText.map((t) => t.text)).toEqual(["甲".repeat(30_000), "乙".repeat(MAX_CELL_TEXT - 30_001) + CUT_MARK]);
  expect(rich.richText[0].font?.bold).toBe(true);
  expect(ws.getCell("C2").value).toBe("销售");
  expect(ws.getCell("D3").value).toBe(500);
  // The source is only read.
  expect((await source.readSheet("明细")).values[2][2]).toBe(LONG);
});

test("reconcile --out with an .xlsx ledger names the cut text at the input's sheet and row, as it does for a CSV ledger", async () => {
  fs.writeFileSync(path.join(dir, "l.xlsx"), await ledgerBytes());
  fs.writeFileSync(path.join(dir, "s.csv"), ["日期,单号,摘要,借方,贷方", "2026-03-01,XS-1,采购,,1000"].join("\n") + "\n");
  const r = await run(["reconcile", "--ledger", "l.xlsx", "--statement", "s.csv", "--out", "rec.xlsx", "--lang", "en"], dir);
  expect(r.code).toBe(0);
  const notes = r.err.trim().split("\n");
  expect(notes).toContain(
    'duizhang: the text in row 3, column C of sheet "明细" of l.xlsx has 40,000 characters, more than an Excel cell holds (32,767), so its copy in the result workbook has only its beginning, ending in "…"; the full text is still in the source file l.xlsx',
  );
  expect(notes).toContain(
    'duizhang: the text in row 4, column C of sheet "明细" of l.xlsx has 35,000 characters, more than an Excel cell holds (32,767), so its copy in the result workbook has only its beginning, ending in "…"; the full text is still in the source file l.xlsx',
  );
  const back = await XlsxWorkbook.open(path.join(dir, "rec.xlsx"));
  const copy = back.workbook.getWorksheet("Ledger-明细")!.getCell("C3").value;
  expect(copy).toBe(LONG.slice(0, MAX_CELL_TEXT - 1) + CUT_MARK);
});
