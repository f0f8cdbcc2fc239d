import { createExcelWorkbook, type ExcelRun } from "../../src/excel/workbook";
import { fakeWorkbookFrom } from "../../src/preview/sample";
import { observe } from "../../src/preview/observe";
import { sampleSheets, SAMPLE_LEDGER_SHEET, SAMPLE_STATEMENT_SHEET } from "../../src/sample/sample";

describe("the sample workbook in the preview's fake Excel", () => {
  test("dates are stored as Excel serials with a date format, money as numbers with the column's format", () => {
    const excel = fakeWorkbookFrom(sampleSheets());
    expect(excel.cell(SAMPLE_LEDGER_SHEET, "A6")).toMatchObject({ value: 46209, numberFormat: "yyyy-mm-dd" });
    expect(excel.cell(SAMPLE_LEDGER_SHEET, "E6")).toMatchObject({ value: 86400, numberFormat: "#,##0.00" });
    expect(excel.cell(SAMPLE_LEDGER_SHEET, "C6")).toMatchObject({ value: "销售出库 XSCK-2026-0706", numberFormat: "General" });
    // The dealer types dates as text: they stay text.
    expect(excel.cell(SAMPLE_STATEMENT_SHEET, "A5")).toMatchObject({ value: "2026/7/8" });
  });

  test("the title is merged across the table, bold, and the header row framed", () => {
    const excel = fakeWorkbookFrom(sampleSheets());
    const sheet = excel.sheet(SAMPLE_LEDGER_SHEET);
    expect(sheet.merges).toEqual([{ r1: 1, c1: 1, r2: 1, c2: 8 }]);
    expect(sheet.style(1, 1)).toEqual({ bold: true, fontSize: 14, align: "center" });
    expect(sheet.style(4, 5)).toEqual({ bold: true, align: "center", border: true });
    expect(sheet.frozenRows).toBe(4);
    // 28 characters: 28 × 7 + 5 = 201 px = 150.75 pt.
    expect(sheet.columnWidths.get(3)).toBe(150.75);
  });

  test("the sheets are the user's, not Duizhang's: the adapter refuses to overwrite them", async () => {
    const excel = fakeWorkbookFrom(sampleSheets());
    const port = createExcelWorkbook({ run: excel.run as unknown as ExcelRun, isSetSupported: excel.isSetSupported });
    await expect(port.writeSheet({ name: SAMPLE_LEDGER_SHEET, rows: [["x"]] })).rejects.toMatchObject({
      code: "not_ours",
    });
  });
});

describe("change notification", () => {
  test("listeners hear of every sync the adapter makes, and of the end of each batch", async () => {
    const excel = fakeWorkbookFrom(sampleSheets());
    const observed = observe(excel);
    let heard = 0;
    const stop = observed.subscribe(() => heard++);
    const port = createExcelWorkbook({ run: observed.run as unknown as ExcelRun, isSetSupported: excel.isSetSupported });
    excel.resetStats();
    await port.select({ sheet: SAMPLE_STATEMENT_SHEET, row: 5, column: 2 });
    expect(excel.model.selection).toEqual({ sheet: SAMPLE_STATEMENT_SHEET, address: "B5" });
    expect(heard).toBe(excel.stats.syncs + excel.runs);
    stop();
    const before = heard;
    await port.select({ sheet: SAMPLE_LEDGER_SHEET, row: 6 });
    expect(excel.model.selection?.sheet).toBe(SAMPLE_LEDGER_SHEET);
    expect(heard).toBe(before);
  });
});
