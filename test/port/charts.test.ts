/**
 * Charts of a sheet spec: drawn by the office-js adapter (checked on the fake Excel), left out by the
 * ExcelJS port, which keeps the data block as a table, and said to be left out by the aging use case.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runAging, writeAgingResults } from "../../src/app/aging";
import { agingSheet } from "../../src/app/reports/aging-sheets";
import { createExcelWorkbook } from "../../src/excel/workbook";
import type { ChartSpec, SheetSpec } from "../../src/port/workbook";
import { SAMPLE_LIST_SHEET, sampleSheets } from "../../src/sample/sample";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { loadSheet } from "../../src/preview/sample";
import { FakeExcel } from "../../src/fake-excel";

const AS_OF = "2026-11-30";

function portOn(excel: FakeExcel) {
  return createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
}

/** The sample workbook as the user's own sheets in the fake Excel. */
function sampleExcel(apiVersion = "1.9"): FakeExcel {
  const excel = new FakeExcel({ apiVersion });
  for (const spec of sampleSheets()) loadSheet(excel, spec);
  return excel;
}

function block(rows: number, columns: number): SheetSpec["rows"] {
  const out: SheetSpec["rows"] = [["区间", ...Array.from({ length: columns - 1 }, (_, c) => `系列${c + 1}`)]];
  for (let r = 1; r < rows; r++) out.push([`类别${r}`, ...Array.from({ length: columns - 1 }, (_, c) => r * 10 + c)]);
  return out;
}

const STACKED: ChartSpec = {
  type: "columnStacked",
  title: "余额最大的经销商",
  source: { fromRow: 3, toRow: 6, fromColumn: 1, toColumn: 3 },
  at: { row: 2, column: 5, columns: 8, rows: 18 },
};

describe("charts through the office-js adapter", () => {
  test("a chart spec becomes one chart over its data block, titled and covering the cells asked for", async () => {
    const excel = new FakeExcel();
    const rows = [["标题"], [], ...block(4, 3)];
    await portOn(excel).writeSheet({ name: "图表", rows, charts: [STACKED] });
    expect(excel.charts("图表")).toEqual([
      { name: "Chart 1", type: "ColumnStacked", title: "余额最大的经销商", source: "'图表'!A3:C6", seriesBy: "Columns", position: "E2:L19" },
    ]);
    // The block the chart reads: series names along its first row, categories down its first column.
    expect([excel.cell("图表", "B3").value, excel.cell("图表", "A4").value, excel.cell("图表", "C6").value]).toEqual(["系列1", "类别1", 31]);
  });

  test("series along rows, other types, no title; several charts on one sheet keep their order", async () => {
    const excel = new FakeExcel();
    const charts: ChartSpec[] = [
      { type: "pie", source: { fromRow: 1, toRow: 4, fromColumn: 1, toColumn: 2 }, at: { row: 1, column: 4, columns: 4, rows: 10 } },
      { type: "barStacked", title: "B", seriesBy: "rows", source: { fromRow: 1, toRow: 3, fromColumn: 1, toColumn: 3 }, at: { row: 12, column: 4, columns: 6, rows: 6 } },
      { type: "columnClustered", title: "C", source: { fromRow: 1, toRow: 4, fromColumn: 1, toColumn: 3 }, at: { row: 1, column: 10, columns: 1, rows: 1 } },
    ];
    await portOn(excel).writeSheet({ name: "图表", rows: block(4, 3), charts });
    expect(excel.charts("图表")).toEqual([
      { name: "Chart 1", type: "Pie", title: null, source: "'图表'!A1:B4", seriesBy: "Columns", position: "D1:G10" },
      { name: "Chart 2", type: "BarStacked", title: "B", source: "'图表'!A1:C3", seriesBy: "Rows", position: "D12:I17" },
      { name: "Chart 3", type: "ColumnClustered", title: "C", source: "'图表'!A1:C4", seriesBy: "Columns", position: "J1" },
    ]);
  });

  test("writing the sheet again replaces its chart instead of adding a second one", async () => {
    const excel = new FakeExcel();
    const port = portOn(excel);
    const rows = [["标题"], [], ...block(4, 3)];
    await port.writeSheet({ name: "图表", rows, charts: [STACKED] });
    await port.writeSheet({ name: "图表", rows, charts: [{ ...STACKED, title: "第二次" }] });
    expect(excel.charts("图表").map((c) => c.title)).toEqual(["第二次"]);
    await port.writeSheet({ name: "图表", rows });
    expect(excel.charts("图表")).toEqual([]);
  });

  test("two charts cost one request more than the sheet without them, on ExcelApi 1.7 as on 1.9", async () => {
    const rows = [["标题"], [], ...block(4, 3)];
    for (const apiVersion of ["1.7", "1.9"]) {
      const plain = new FakeExcel({ apiVersion });
      await portOn(plain).writeSheet({ name: "图表", rows, freezeRows: 1 });
      const charted = new FakeExcel({ apiVersion });
      await portOn(charted).writeSheet({ name: "图表", rows, freezeRows: 1, charts: [STACKED, { ...STACKED, type: "pie" }] });
      expect(charted.stats.syncs).toBe(plain.stats.syncs + 1);
      expect(charted.charts("图表")).toHaveLength(2);
    }
  });

  test("a chart spec whose block lies outside the sheet's rows is a programming error, named, and nothing is written", async () => {
    const excel = new FakeExcel();
    excel.model.addSheet("账");
    const bad: ChartSpec = { ...STACKED, source: { fromRow: 2, toRow: 9, fromColumn: 1, toColumn: 3 } };
    await expect(portOn(excel).writeSheet({ name: "图表", rows: block(4, 3), charts: [bad] })).rejects.toThrow(
      'chart "余额最大的经销商" on 图表: data block outside the sheet\'s rows',
    );
    expect(excel.sheetNames()).toEqual(["账"]);
  });

  test("账龄分析 written into Excel carries the chart of the largest balances over exactly its data block", async () => {
    const excel = sampleExcel();
    const port = portOn(excel);
    const run = await runAging({ ledger: { port, sheet: SAMPLE_LIST_SHEET }, asOf: AS_OF });
    const written = await writeAgingResults(run, { port, ledgerSheet: SAMPLE_LIST_SHEET, lang: "zh-CN" });
    expect(written.chartsLeftOut).toBe(0);
    const spec = agingSheet(run.report, { ledgerSheet: SAMPLE_LIST_SHEET }, "zh-CN");
    const { source, at } = spec.charts![0];
    const letter = (c: number) => String.fromCharCode(64 + c);
    expect(excel.charts("账龄分析")).toEqual([
      {
        name: "Chart 1",
        type: "ColumnStacked",
        title: "余额最大的经销商（按账龄区间）",
        source: `'账龄分析'!A${source.fromRow}:${letter(source.toColumn)}${source.toRow}`,
        seriesBy: "Columns",
        position: `${letter(at.column)}${at.row}:${letter(at.column + at.columns - 1)}${at.row + at.rows - 1}`,
      },
    ]);
    // The block's header names the dealers' column, and its rows are the four dealers by balance.
    expect(excel.cell("账龄分析", `A${source.fromRow}`).value).toBe("经销商");
    const dealers = [];
    for (let r = source.fromRow + 1; r <= source.toRow; r++) dealers.push(excel.cell("账龄分析", `A${r}`).value);
    expect(dealers).toEqual(["宁波顺和电器有限公司", "杭州美达商贸有限公司", "绍兴百佳家电有限公司", "温州瑞丰五金经营部"]);
  });
});

describe("charts in an .xlsx file (ExcelJS)", () => {
  test("are left out without an error, and the chart's data block stays as a table", async () => {
    const wb = XlsxWorkbook.fromSpecs([]);
    const rows = [["标题"], [], ...block(4, 3)];
    await wb.writeSheet({ name: "图表", rows, charts: [STACKED] });
    const file = join(mkdtempSync(join(tmpdir(), "duizhang-charts-")), "charts.xlsx");
    await wb.save(file);
    const reopened = await XlsxWorkbook.open(file);
    const grid = await reopened.readSheet("图表");
    expect(grid.values).toEqual([
      ["标题", null, null],
      [null, null, null],
      ["区间", "系列1", "系列2"],
      ["类别1", 10, 11],
      ["类别2", 20, 21],
      ["类别3", 30, 31],
    ]);
  });

  test("the aging use case says the chart of 账龄分析 was left out of the file", async () => {
    const wb = XlsxWorkbook.fromSpecs(sampleSheets());
    const run = await runAging({ ledger: { port: wb, sheet: SAMPLE_LIST_SHEET }, asOf: AS_OF });
    const written = await writeAgingResults(run, { port: wb, ledgerSheet: SAMPLE_LIST_SHEET, lang: "en-US", marks: false });
    expect(written).toEqual({ agingSheet: "Aging", planSheet: "Collection plan", marked: 0, chartsLeftOut: 1 });
  });
});
