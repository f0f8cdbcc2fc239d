/**
 * What the command line says once a result workbook is written: the links a result sheet left out for Excel's
 * limit on one sheet, and the texts longer than an Excel cell holds (a CSV input, or an .xlsx another program wrote), cut to it with
 * "…" in both writers (ExcelJS's model for reconcile, the streamed workbook for a CSV ledger's aging), each named
 * at the input's sheet and row, on stderr.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MAX_CELL_TEXT } from "../../src/port/cells";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { run } from "./support";

let dir: string;
/** A 摘要 longer than an Excel cell holds: 40,000 characters. */
const LONG = "货款说明".repeat(10_000);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-notes-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

jest.setTimeout(120_000);

async function cellText(file: string, sheet: string, address: string): Promise<string> {
  const wb = await XlsxWorkbook.open(file);
  await wb.load();
  const v = wb.workbook.getWorksheet(sheet)!.getCell(address).value;
  return typeof v === "string" ? v : (v as { text: string }).text;
}

describe("notes after a result workbook is written", () => {
  it("aging --out: a 催款计划 of 33,000 items keeps each 台账行 link and says so on the sheet and on stderr; the long 摘要 is cut and named", async () => {
    const lines = ["客户名称,日期,单号,摘要,借方,贷方"];
    for (let i = 0; i < 33_000; i++) lines.push(`经销商${i % 7},2026-${String(1 + (i % 11)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")},XS-${i},${i === 1 ? LONG : "销售"},${100 + i},`);
    fs.writeFileSync(path.join(dir, "ledger.csv"), lines.join("\n") + "\n");
    const r = await run(["aging", "--ledger", "ledger.csv", "--as-of", "2026-12-01", "--out", "aging.xlsx"], dir);
    expect(r.code).toBe(0);
    const notes = r.err.trim().split("\n");
    expect(notes[0]).toBe("duizhang: 注：“催款计划”有 33,000 个链接未写入（Excel 每张工作表最多约 6.5 万个链接），该表第 2 行说明了哪些单元格仍带链接。");
    expect(notes[1]).toBe(
      `duizhang: ledger.csv 工作表“ledger”第 3 行 D 列的文字有 40,000 个字符，超过 Excel 单元格的上限（32,767 个），结果工作簿里的副本只写入了开头部分，以“…”结尾；全文仍在源文件 ledger.csv 中`,
    );
    // The plan carries the 摘要 of its item too, cut there as well.
    expect(notes[2]).toMatch(/^duizhang: 结果表“催款计划”第 \d+ 行 P 列的文字有 40,000 个字符，超过 Excel 单元格的上限（32,767 个），只写入了开头部分，以“…”结尾；全文仍在源文件中，在这一行所依据的那一行$/);
    expect(notes).toHaveLength(3);
    const out = path.join(dir, "aging.xlsx");
    expect(await cellText(out, "催款计划", "A2")).toBe("Excel 每张工作表最多约 6.5 万个链接：本表每行只在“台账行”上保留链接，同一行中指向同一处的其他单元格不带链接。");
    const cut = await cellText(out, "台账-ledger", "D3");
    expect(cut.length).toBe(MAX_CELL_TEXT);
    expect(cut).toBe(LONG.slice(0, MAX_CELL_TEXT - 1) + "…");
  });

  it("reconcile --out: the long 摘要 is cut in the ledger's copy and in 差异明细, each named, in English too", async () => {
    fs.writeFileSync(path.join(dir, "l.csv"), ["日期,单号,摘要,借方,贷方", "2026-03-01,XS-1,销售,1000,", `2026-03-02,XS-2,${LONG},500,`].join("\n") + "\n");
    fs.writeFileSync(path.join(dir, "s.csv"), ["日期,单号,摘要,借方,贷方", "2026-03-01,XS-1,采购,,1000"].join("\n") + "\n");
    const r = await run(["reconcile", "--ledger", "l.csv", "--statement", "s.csv", "--out", "rec.xlsx", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    const notes = r.err.trim().split("\n");
    expect(notes).toContain(
      'duizhang: the text in row 3, column C of sheet "l" of l.csv has 40,000 characters, more than an Excel cell holds (32,767), so its copy in the result workbook has only its beginning, ending in "…"; the full text is still in the source file l.csv',
    );
    const result = notes.find((n) => n.includes("result sheet"));
    expect(result).toMatch(/^duizhang: the text in row \d+, column [A-Z]+ of result sheet ".+" has 40,000 characters, more than an Excel cell holds \(32,767\), so only its beginning was written, ending in "…"; the full text is still in the source file, in the row this one was made from$/);
    const copy = await cellText(path.join(dir, "rec.xlsx"), "Ledger-l", "C3");
    expect(copy).toBe(LONG.slice(0, MAX_CELL_TEXT - 1) + "…");
  });
});
