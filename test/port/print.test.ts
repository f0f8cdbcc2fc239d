/**
 * Print options of the port: the shared arithmetic (scale, row heights) and what the .xlsx port writes
 * into the file (read back from its bytes, as Excel and LibreOffice would read it).
 */
import ExcelJS from "exceljs";
import { columnPoints, headerFooterText, printScale, wrappedRowHeights } from "../../src/port/print";
import type { OutRow, SheetSpec } from "../../src/port/workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

const LONG = "销售出库：家用空调室内机及室外机一批，含冷凝管、支架与安装辅材";

describe("print scale", () => {
  const spec = (widths: number[], minScale?: number): Pick<SheetSpec, "rows" | "columnWidths" | "print"> => ({
    rows: [widths.map(() => "x")],
    columnWidths: widths,
    print: { orientation: "portrait", fitToWidth: true, ...(minScale ? { minScale } : {}) },
  });

  test("columns that fit the page print at 100%", () => {
    // Portrait A4 less 1.3 cm each side leaves 521.6 pt; seven columns of 12 characters take 7 × 66.75 pt.
    expect(7 * columnPoints(12)).toBe(467.25);
    expect(printScale(spec(new Array(7).fill(12)))).toEqual({ fitToWidth: true, scale: 100 });
  });

  test("a little too wide: fitted to the page width, at the scale that takes", () => {
    // 8 × 66.75 = 534 pt onto 521.6 pt: 97%.
    expect(printScale(spec(new Array(8).fill(12)))).toEqual({ fitToWidth: true, scale: 97 });
  });

  test("too wide to fit at the minimum: printed at the minimum over more pages across, never smaller", () => {
    expect(printScale(spec(new Array(10).fill(12)))).toEqual({ fitToWidth: false, scale: 90 });
    expect(printScale(spec(new Array(10).fill(12), 75))).toEqual({ fitToWidth: true, scale: 78 });
  });

  test("without fit-to-width the given scale stands", () => {
    expect(printScale({ rows: [["x"]], print: { scale: 95 } })).toEqual({ fitToWidth: false, scale: 95 });
  });

  test("an ampersand in header text prints as itself", () => {
    expect(headerFooterText("A&B 商贸")).toBe("A&&B 商贸");
  });
});

describe("row heights for wrapped text", () => {
  test("only rows whose wrapped text needs more than one line get a height, from the widest merged span", () => {
    const rows: OutRow[] = [
      [{ value: "短", wrap: true }, "x"],
      [{ value: LONG, wrap: true }, "x"],
      [{ value: LONG, wrap: true, mergeAcross: 1 }],
      [LONG, "x"],
      ["x", LONG],
    ];
    const heights = wrappedRowHeights({ rows, columnWidths: [20, 20], fontSize: 10, wrapColumns: [2] });
    // 31 ideographs of 10 pt: 310 pt in 103.75 pt (3 lines) or in 212.5 pt merged (2 lines); row 4 does not wrap.
    expect(Object.fromEntries(heights)).toEqual({ 2: 47, 3: 33, 5: 47 });
  });
});

describe("the .xlsx port writes the print setup into the file", () => {
  /** The sheet as read back from the file's bytes, and as the port built it (for what ExcelJS does not read back). */
  let built: ExcelJS.Worksheet;
  async function written(spec: SheetSpec): Promise<ExcelJS.Worksheet> {
    const wb = XlsxWorkbook.create();
    await wb.writeSheet(spec);
    built = wb.workbook.getWorksheet(spec.name)!;
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.toBuffer()) as unknown as ExcelJS.Buffer);
    return back.getWorksheet(spec.name)!;
  }

  test("A4, margins, fit to width, title rows, header and footer, print area, page breaks", async () => {
    const rows: OutRow[] = [["编号", "金额"], ["A", 1], ["B", 2], ["第二页", 3]];
    const ws = await written({
      name: "函证",
      rows,
      columnWidths: [20, 12],
      print: {
        orientation: "landscape",
        fitToWidth: true,
        repeatRows: [1, 1],
        header: { left: "函证 A&&B" },
        footer: { center: "第 &P 页 共 &N 页" },
        breakBefore: [4],
        margins: { top: 2.54, bottom: 2.54, left: 1.27, right: 1.27, header: 1.27, footer: 1.27 },
      },
    });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      firstPageNumber: 1,
      printTitlesRow: "1:1",
      printArea: "A1:B4",
      margins: { top: 1, bottom: 1, left: 0.5, right: 0.5, header: 0.5, footer: 0.5 },
    });
    expect(ws.headerFooter).toMatchObject({ oddHeader: "&L函证 A&&B", oddFooter: "&C第 &P 页 共 &N 页" });
    // ExcelJS does not read page breaks back: checked on the sheet the port built. Row 4 starts a page, so
    // the break is under row 3.
    expect((built as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map((x) => x.id)).toEqual([3]);
  });

  test("a sheet too wide for the minimum scale is given that scale instead of fit-to-page", async () => {
    const ws = await written({ name: "宽表", rows: [["a", "b", "c"]], columnWidths: [150, 150, 150], print: { orientation: "portrait", fitToWidth: true } });
    expect(ws.pageSetup).toMatchObject({ fitToPage: false, scale: 90 });
  });

  test("a sheet printed over pages across repeats its first columns on each, with its header rows", async () => {
    const ws = await written({
      name: "登记簿",
      rows: [["编号", "客户名称", "c", "d"], ["DZ-1", "美达", 1, 2]],
      columnWidths: [15, 24, 150, 150],
      print: { orientation: "landscape", fitToWidth: true, repeatRows: [1, 1], repeatColumns: [1, 2] },
    });
    expect(ws.pageSetup).toMatchObject({ fitToPage: false, scale: 90, printTitlesRow: "1:1", printTitlesColumn: "A:B" });
  });

  test("wrapped cells wrap, their rows are tall enough, and every cell keeps the workbook's font at the sheet's size", async () => {
    const ws = await written({
      name: "明细",
      rows: [
        [{ value: "摘要", bold: true }, "金额"],
        [LONG, 5],
      ],
      columnWidths: [20, 10],
      wrapColumns: [1],
      fontSize: 10,
      verticalAlign: "center",
      filterRow: 1,
      filterLastRow: 2,
    });
    expect(ws.getCell("A2").alignment).toEqual({ vertical: "middle", wrapText: true });
    expect(ws.getCell("B2").alignment).toEqual({ vertical: "middle" });
    expect(ws.getRow(2).height).toBe(47);
    expect(ws.getCell("A1").font).toMatchObject({ name: "Calibri", size: 10, bold: true });
    expect(ws.getCell("B2").font).toMatchObject({ name: "Calibri", size: 10 });
    expect(ws.autoFilter).toBe("A1:B2");
  });
});
