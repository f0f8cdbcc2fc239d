/**
 * The result workbook written by our own writer (`StreamedWorkbook`, ./xlsx-writer) against the same calls
 * made on ExcelJS's workbook model (`XlsxWorkbook`): both files are read back with ExcelJS and compared
 * cell for cell (value, number format, font, fill, alignment, border, merge) and sheet for sheet (ids,
 * order, state, widths, heights, frozen rows, AutoFilter, page setup, print area and titles, header and
 * footer, page breaks, conditional formats), on sheets that use every part of `SheetSpec` the writer takes.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { StreamedWorkbook } from "../../src/xlsx/streamed-workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { ZipReader } from "../../src/xlsx/zip";
import type { MarkStyle, OutRow, RowMark, SheetSpec, WorkbookPort } from "../../src/port/workbook";
import { nodeWholeFileFs, WholeFileError, type WholeFileFs } from "../../src/port/whole-file";

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-result-"));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Each case writes and reads back two workbooks: more than the default five seconds on a busy machine.
jest.setTimeout(60_000);

const LEDGER = "台账-ledger";

/** Texts that try the escaping: markup, quotes, spaces at the ends, line breaks, XML-unsafe characters, formulas. */
const TEXTS = ["=SUM(A1) 退货", "  leading", "trailing  ", "two\nlines", `A&B <c> "q" 'a'`, "ctrl\u0001x", "del\u007Fx", "", "lone \uD800 half", "emoji 😀", "+86 138", "-5 折让", "杭州美达商贸"];

function ledgerSpec(): SheetSpec {
  const rows: OutRow[] = [["客户名称", "日期", "单号", "摘要", "借方", "贷方", "已核", "备注"]];
  for (let i = 0; i < 60; i++) {
    const text = TEXTS[i % TEXTS.length];
    rows.push([
      i % 7 === 0 ? null : `经销商${i % 5}`,
      i % 11 === 0 ? { date: "2026-02-30" } : { date: `2026-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}` },
      `XS-${i}`,
      text,
      i % 3 === 0 ? null : i * 1234.5,
      i % 4 === 0 ? -i : null,
      i % 2 === 0,
      i % 9 === 0 ? Number.NaN : i % 10 === 0 ? 1e21 : null,
    ]);
  }
  // Enough rows for a column of references that never repeat to have its texts written in the cells.
  for (let i = 0; i < 1_500; i++) rows.push([`经销商${i % 7}`, null, `XSCK-2026-${String(i).padStart(7, "0")}`, TEXTS[i % TEXTS.length], i, null, null, i % 500 === 0 ? "snake_x_case" : `第 ${i} 行 A&B <c>`]);
  rows.push([]);
  rows.push([null, null, "after a gap"]);
  return { name: LEDGER, rows };
}

function reportSpec(): SheetSpec {
  const link = (row: number, column?: number) => ({ sheet: LEDGER, row, ...(column ? { column } : {}) });
  const rows: OutRow[] = [
    [{ value: "账龄分析", bold: true, fontSize: 14, align: "center", mergeAcross: 5 }],
    [{ value: "账龄日期：2026-10-31" }, null, null, { value: "单位：元", align: "right" }],
    [],
    ["序号", { value: "经销商", bold: true, fill: "#e8eef7", border: true, align: "center", wrap: true }, "业务员", "金额", "日期", "比例", "说明"],
  ];
  for (let i = 1; i <= 40; i++) {
    rows.push([
      i,
      { value: `经销商${i} 有限公司 名字很长需要换行的那一种`, link: link(i + 1), color: "#0F6CBD", wrap: true },
      { value: i % 2 ? "王磊" : "", wrap: true },
      { value: i * 100.25, numberFormat: "#,##0.00;-#,##0.00", border: true },
      { value: { date: "2026-10-31" }, ...(i % 3 === 0 ? { color: "#C50F1F", bold: true } : {}) },
      { value: i / 40, numberFormat: "0.0%" },
      TEXTS[i % TEXTS.length],
      { value: `行 ${i + 1}`, link: link(i + 1, 3), numberFormat: "@" },
      i % 5 === 0 ? { value: null, border: true, fill: "#F3F3F3" } : null,
      i % 6 === 0 ? { value: null, fontSize: 9 } : null,
      { value: i, numberFormat: "General" },
      { value: { date: "2026-01-15" }, numberFormat: "General" },
      i % 8 === 0,
      { value: 5, link: link(2) },
    ]);
  }
  rows.push([{ value: "说明：这一行合并整行并且换行显示，因为它很长很长很长很长很长很长很长很长很长很长很长。", mergeAcross: 13, wrap: true }]);
  rows.push([null, { value: "合计", bold: true, mergeAcross: 2, border: true }, null, null, { value: 4020.5, numberFormat: "#,##0.00;-#,##0.00", bold: true }]);
  rows.push(["签字", null, null, null, "日期"]);
  return {
    name: "账龄分析",
    rows,
    columnWidths: [4.5, 13, 5.5, 11, 10, 9, 16, 9, 9, 8, 6, 6, 6, 6],
    columnFormats: [null, null, null, "#,##0.00", null, null, null, null, null, null, "0.0"],
    wrapColumns: [7],
    fontSize: 10,
    verticalAlign: "center",
    freezeRows: 4,
    filterRow: 4,
    filterLastRow: 44,
    merges: [{ fromRow: 46, toRow: 47, fromColumn: 7, toColumn: 9 }],
    rowHeights: [30, undefined, null, 33],
    print: {
      orientation: "landscape",
      fitToWidth: true,
      repeatRows: [4, 4],
      repeatColumns: [1, 2],
      centerHorizontally: true,
      header: { left: "账龄分析 A&&B", right: "ctrl\u0002" },
      footer: { center: "第 &P 页 共 &N 页" },
      breakBefore: [20, 30, 30, 1, 999],
    },
  };
}

function planSpec(): SheetSpec {
  const rows: OutRow[] = [[{ value: "催款计划", bold: true, mergeAcross: 3 }], ["a", "b", "c", "d"]];
  for (let i = 0; i < 10; i++) rows.push([i, `item ${i}`, { date: "2026-11-01" }, { value: i * 2, numberFormat: "0.0" }]);
  return {
    name: "催款计划",
    rows,
    columnWidths: [9, 9, 12, 0, 7],
    fontSize: 11,
    verticalAlign: "top",
    print: { scale: 85, margins: { top: 1, bottom: 1, left: 1, right: 1, header: 0.5, footer: 0.5 }, area: { fromRow: 2, toRow: 12, fromColumn: 1, toColumn: 4 } },
  };
}

const MARK_STYLES: Record<string, MarkStyle> = { late: { fill: "#F5A3A3", color: "#7A0000" }, due: { fill: "#FFC078" } };
const MARKS: RowMark[] = [2, 3, 4, 9, 10, 30].map((row, i) => ({ row, style: i % 2 ? "late" : "due" }));

/** The same calls on either port: a user's sheet, a marked ledger copy, a report, a setting, a plan. */
async function fill(wb: WorkbookPort): Promise<void> {
  await wb.writeSheet({ name: "说明", rows: [["用户自己的表"]], usersSheet: true });
  await wb.writeSheet(ledgerSpec());
  await wb.markRows(LEDGER, "aging", MARKS, MARK_STYLES);
  await wb.markRows(LEDGER, "other", [{ row: 5, style: "due" }], MARK_STYLES);
  await wb.writeSheet(reportSpec());
  await wb.setSetting("duizhang.defaultTermDays", 45);
  await wb.writeSheet(planSpec());
}

async function bothWays(name: string): Promise<{ model: string; ours: string }> {
  const model = path.join(dir, `${name}-model.xlsx`);
  const ours = path.join(dir, `${name}-ours.xlsx`);
  const a = XlsxWorkbook.create();
  await fill(a);
  await a.save(model);
  const b = await StreamedWorkbook.create(ours);
  await fill(b);
  await b.save();
  return { model, ours };
}

async function excel(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** What ExcelJS reads of a cell, as plain data. */
function cellOf(cell: ExcelJS.Cell): unknown {
  return {
    value: cell.value,
    numFmt: cell.numFmt,
    font: cell.font,
    fill: cell.fill,
    alignment: cell.alignment,
    border: cell.border,
    merged: cell.isMerged ? cell.master.address : null,
  };
}

/** Every difference between two workbooks as ExcelJS reads them: sheet by sheet, then cell by cell. */
function differences(a: ExcelJS.Workbook, b: ExcelJS.Workbook): unknown[] {
  const out: unknown[] = [];
  const sheetsOf = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => ({ name: ws.name, id: ws.id, state: ws.state }));
  if (JSON.stringify(sheetsOf(a)) !== JSON.stringify(sheetsOf(b))) out.push({ sheets: [sheetsOf(a), sheetsOf(b)] });
  for (const wa of a.worksheets) {
    const wb = b.getWorksheet(wa.name);
    if (!wb) continue;
    const sheet = (what: string, x: unknown, y: unknown) => {
      if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ sheet: wa.name, what, model: x, ours: y });
    };
    sheet("views", wa.views, wb.views);
    sheet("autoFilter", wa.autoFilter, wb.autoFilter);
    sheet("pageSetup", wa.pageSetup, wb.pageSetup);
    sheet("headerFooter", wa.headerFooter, wb.headerFooter);
    sheet("rowBreaks", (wa as unknown as { rowBreaks: unknown }).rowBreaks, (wb as unknown as { rowBreaks: unknown }).rowBreaks);
    sheet("merges", [...((wa.model as unknown as { merges?: string[] }).merges ?? [])].sort(), [...((wb.model as unknown as { merges?: string[] }).merges ?? [])].sort());
    const cfs = (ws: ExcelJS.Worksheet) => (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    sheet("conditionalFormats", cfs(wa), cfs(wb));
    for (let c = 1; c <= 20; c++) sheet(`width ${c}`, wa.getColumn(c).width, wb.getColumn(c).width);
    const last = Math.max(wa.rowCount, wb.rowCount);
    const columns = Math.max(wa.columnCount, wb.columnCount);
    for (let r = 1; r <= last; r++) {
      sheet(`height ${r}`, wa.getRow(r).height, wb.getRow(r).height);
      for (let c = 1; c <= columns; c++) {
        const x = cellOf(wa.getCell(r, c));
        const y = cellOf(wb.getCell(r, c));
        if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ sheet: wa.name, cell: wa.getCell(r, c).address, model: x, ours: y });
      }
    }
  }
  return out;
}

describe("the result workbook written by our own writer", () => {
  it("reads back as the workbook ExcelJS's model writes for the same calls, cell for cell and style for style", async () => {
    const { model, ours } = await bothWays("same");
    const a = await excel(model);
    const b = await excel(ours);
    expect(a.worksheets.map((ws) => ws.name)).toEqual(["说明", LEDGER, "_duizhang", "账龄分析", "催款计划"]);
    expect(differences(a, b)).toEqual([]);
    // The comparison saw the parts that matter.
    const report = b.getWorksheet("账龄分析")!;
    expect(report.getCell("B5").value).toMatchObject({ hyperlink: `#'${LEDGER}'!A2` });
    expect(report.getCell("B1").isMerged).toBe(true);
    expect(report.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, printArea: "A1:N47", printTitlesRow: "4:4", printTitlesColumn: "A:B" });
    expect((b.getWorksheet(LEDGER) as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length).toBe(3);
    expect(b.getWorksheet(LEDGER)!.getCell("D2").value).toBe("=SUM(A1) 退货");
    // And it tells a difference when there is one.
    b.getWorksheet(LEDGER)!.getCell("C3").value = "changed";
    b.getWorksheet("催款计划")!.getColumn(3).width = 20;
    expect(differences(a, b)).toHaveLength(2);
  });

  it("holds the same values, marks, settings and our sheets for the port that reads it", async () => {
    const { model, ours } = await bothWays("port");
    const a = await XlsxWorkbook.open(model);
    const b = await XlsxWorkbook.open(ours);
    const names = (await a.listSheets()).map((s) => s.name);
    expect((await b.listSheets()).map((s) => s.name)).toEqual(names);
    for (const name of names) expect(await b.readSheet(name)).toEqual(await a.readSheet(name));
    for (const group of ["aging", "other"]) expect(await b.listMarks(group, LEDGER)).toEqual(await a.listMarks(group, LEDGER));
    expect(await b.ownSheets()).toEqual(await a.ownSheets());
    expect(await b.ownSheets()).toEqual([LEDGER, "账龄分析", "催款计划"]);
    expect(await b.getSetting("duizhang.defaultTermDays")).toBe(45);
  });

  it("keeps text that looks like an XML escape as it is, where ExcelJS's model would decode it", async () => {
    const file = path.join(dir, "escape.xlsx");
    const wb = await StreamedWorkbook.create(file);
    await wb.writeSheet({ name: "t", rows: [["_x0041_ and _x00e9_"], [{ value: "_x0042_", link: { sheet: "t", row: 1 } }]] });
    await wb.save();
    const read = await excel(file);
    expect(read.getWorksheet("t")!.getCell("A1").value).toBe("_x0041_ and _x00e9_");
    expect(read.getWorksheet("t")!.getCell("A2").value).toMatchObject({ text: "_x0042_" });
    expect((await (await XlsxWorkbook.open(file)).readSheet("t")).values).toEqual([["_x0041_ and _x00e9_"], ["_x0042_"]]);
  });

  it("reports every cell whose text was cut to a cell's limit as the in-memory workbook does, also a cell object written on several rows", async () => {
    const long = { value: "货款说明".repeat(10_000) };
    const rows: OutRow[] = [["摘要"], [long], [long], ["x".repeat(40_000)], [long]];
    const inMemory = XlsxWorkbook.create();
    await inMemory.writeSheet({ name: "t", rows });
    const wb = await StreamedWorkbook.create(path.join(dir, "cut.xlsx"));
    await wb.writeSheet({ name: "t", rows });
    await wb.save();
    expect(wb.textsCut.map((c) => c.row)).toEqual([2, 3, 4, 5]);
    expect(wb.textsCut).toEqual(inMemory.textsCut);
  });

  it("refuses a sheet too large for .xlsx with the same message as the in-memory workbook, naming the sheet", async () => {
    const rows = new Array(1_048_577).fill([]);
    const wb = await StreamedWorkbook.create(path.join(dir, "too-large.xlsx"));
    const streamed = wb.writeSheet({ name: "催款计划", rows });
    const inMemory = XlsxWorkbook.create().writeSheet({ name: "催款计划", rows });
    const [a, b] = await Promise.all([streamed.catch((e: unknown) => e), inMemory.catch((e: unknown) => e)]);
    await wb.abandon();
    expect(fs.existsSync(path.join(dir, "too-large.xlsx"))).toBe(false);
    expect(a).toMatchObject({ code: "too_large", detail: "催款计划" });
    expect((a as { said?: unknown }).said).toEqual((b as { said?: unknown }).said);
    expect((a as { said?: unknown }).said).toBeDefined();
  });

  it("leaves an existing file as it was, and no temporary file, when the disk fails part-way", async () => {
    const target = path.join(dir, "full-disk.xlsx");
    fs.writeFileSync(target, "before");
    let writes = 0;
    const failing: WholeFileFs = {
      ...nodeWholeFileFs,
      open: async (file, flags, mode) => {
        const handle = await nodeWholeFileFs.open(file, flags, mode);
        return {
          write: async (data) => {
            if (++writes > 2) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
            return handle.write(data);
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const wb = await StreamedWorkbook.create(target, { fs: failing });
    const written = (async () => {
      await fill(wb);
      await wb.save();
    })();
    await expect(written).rejects.toBeDefined();
    await wb.abandon();
    // Told as a failed save is: the file, the stage and the system's code.
    expect(await written.catch((e: unknown) => e)).toMatchObject({ constructor: WholeFileError, file: target, stage: "write", code: "ENOSPC" });
    expect(fs.readFileSync(target, "utf8")).toBe("before");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("is a zip every reader takes: our reader under its caps, and JSZip checking each part's CRC", async () => {
    const { ours } = await bothWays("zip");
    const bytes = fs.readFileSync(ours);
    const zip = new ZipReader(bytes);
    const zipped = await JSZip.loadAsync(bytes, { checkCRC32: true });
    const names = Object.keys(zipped.files).sort();
    expect(names).toEqual([...zip.entries.keys()].sort());
    expect(names).toEqual(
      expect.arrayContaining(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml", "xl/theme/theme1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/_rels/sheet4.xml.rels"]),
    );
    for (const name of names) expect(zip.read(name)!.equals(await zipped.file(name)!.async("nodebuffer"))).toBe(true);
  });
});
