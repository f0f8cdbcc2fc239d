/** The pane's 标记逾期行: marks by stage without writing any sheet, apart from the reconciliation marks. */
import { clearAgingMarks, markAgingRows, runAging } from "../../src/app/aging";
import { AGING_GROUP } from "../../src/app/reports/aging-marks";
import { SAMPLE_LIST_SHEET, sampleSheets } from "../../src/sample/sample";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

describe("markAgingRows", () => {
  test("marks the late rows by stage and writes no sheet; a second call replaces the first", async () => {
    const wb = XlsxWorkbook.fromSpecs(sampleSheets());
    await wb.markRows(SAMPLE_LIST_SHEET, "reconcile", [{ row: 3, style: "ledger_only" }], { ledger_only: { fill: "#FFF3BF" } });
    const before = (await wb.listSheets()).map((s) => s.name);
    const run = await runAging({ ledger: { port: wb, sheet: SAMPLE_LIST_SHEET }, asOf: "2026-11-30" });

    expect(await markAgingRows(run, wb, SAMPLE_LIST_SHEET)).toBe(7);
    expect(await wb.listMarks(AGING_GROUP, SAMPLE_LIST_SHEET)).toEqual([
      { row: 2, style: "past_final" },
      { row: 4, style: "past_final" },
      { row: 5, style: "past_final" },
      { row: 6, style: "overdue" },
      { row: 7, style: "past_final" },
      { row: 9, style: "past_final" },
      { row: 10, style: "overdue" },
    ]);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(before);

    expect(await markAgingRows(run, wb, SAMPLE_LIST_SHEET, ["overdue"])).toBe(2);
    expect((await wb.listMarks(AGING_GROUP, SAMPLE_LIST_SHEET)).map((m) => m.row)).toEqual([6, 10]);

    await clearAgingMarks(wb, SAMPLE_LIST_SHEET);
    expect(await wb.listMarks(AGING_GROUP, SAMPLE_LIST_SHEET)).toEqual([]);
    expect(await wb.listMarks("reconcile", SAMPLE_LIST_SHEET)).toEqual([{ row: 3, style: "ledger_only" }]);
  });
});
