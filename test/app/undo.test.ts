import { runAging, writeAgingResults } from "../../src/app/aging";
import { runReconcile, writeReconcileResults } from "../../src/app/reconcile";
import { saveMapping } from "../../src/app/read";
import { undoEverything } from "../../src/app/undo";
import { createExcelWorkbook } from "../../src/excel/workbook";
import type { WorkbookPort } from "../../src/port/workbook";
import { fakeWorkbookFrom } from "../../src/preview/sample";
import { SAMPLE_AGING_AS_OF, SAMPLE_AS_OF, SAMPLE_LEDGER_SHEET, SAMPLE_LIST_SHEET, SAMPLE_COMPANY_SHEET, SAMPLE_STATEMENT_SHEET, sampleSheets } from "../../src/sample/sample";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

/** Everything the add-in does to a workbook: marks, result sheets, saved choices. */
async function useEverything(port: WorkbookPort): Promise<void> {
  const run = await runReconcile({ ledger: { port, sheet: SAMPLE_LEDGER_SHEET }, statement: { port, sheet: SAMPLE_STATEMENT_SHEET }, options: { asOf: SAMPLE_AS_OF } });
  await writeReconcileResults(run, { port, ledgerSheet: SAMPLE_LEDGER_SHEET, statementSheet: SAMPLE_STATEMENT_SHEET, lang: "zh-CN" });
  const aging = await runAging({ ledger: { port, sheet: SAMPLE_LIST_SHEET }, asOf: SAMPLE_AGING_AS_OF });
  await writeAgingResults(aging, { port, ledgerSheet: SAMPLE_LIST_SHEET, lang: "zh-CN" });
  await saveMapping(port, SAMPLE_LEDGER_SHEET, { description: 3 });
  await port.setSetting("taskpane.sheets", { ledger: SAMPLE_LEDGER_SHEET });
}

describe("undoing everything the add-in did to a workbook", () => {
  test("in Excel (office-js adapter on the fake): the user's sheets look exactly as before, our sheets are gone", async () => {
    const excel = fakeWorkbookFrom(sampleSheets());
    const port = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
    const before = sampleSheets().map((s) => excel.snapshot(s.name));
    await useEverything(port);
    expect((await port.listSheets()).map((s) => s.name)).toEqual([SAMPLE_LEDGER_SHEET, SAMPLE_STATEMENT_SHEET, SAMPLE_LIST_SHEET, SAMPLE_COMPANY_SHEET, "差异明细", "余额调节表", "账龄分析", "催款计划"]);
    expect(excel.effectiveFill(SAMPLE_LEDGER_SHEET, 13, 1)).not.toBeNull();

    const result = await undoEverything(port);
    expect(result.sheetsRemoved).toEqual(["差异明细", "余额调节表", "账龄分析", "催款计划"]);
    expect((await port.listSheets()).map((s) => s.name)).toEqual([SAMPLE_LEDGER_SHEET, SAMPLE_STATEMENT_SHEET, SAMPLE_LIST_SHEET, SAMPLE_COMPANY_SHEET]);
    expect(sampleSheets().map((s) => excel.snapshot(s.name))).toEqual(before);
    // Saved choices stay unless asked: they spare the user work next time.
    expect(result.settingsForgotten).toEqual([]);
    expect(await port.getSetting("duizhang.mappings")).toEqual({ [SAMPLE_LEDGER_SHEET]: { description: 3 } });
  });

  test("settings are forgotten on request, the pane's own keys included", async () => {
    const wb = XlsxWorkbook.fromSpecs(sampleSheets());
    await useEverything(wb);
    const result = await undoEverything(wb, { forgetSettings: true, extraSettings: ["taskpane.sheets"] });
    expect(result.settingsForgotten).toEqual(["duizhang.mappings", "taskpane.sheets"]);
    expect(await wb.getSetting("duizhang.mappings")).toBeUndefined();
    expect(await wb.getSetting("taskpane.sheets")).toBeUndefined();
    expect(await wb.ownSheets()).toEqual([]);
    expect(await wb.listMarks("reconcile", SAMPLE_LEDGER_SHEET)).toEqual([]);
    expect(await wb.listMarks("aging", SAMPLE_LIST_SHEET)).toEqual([]);
  });

  test("a workbook the add-in never touched is left as it is", async () => {
    const wb = XlsxWorkbook.fromSpecs(sampleSheets());
    expect(await undoEverything(wb, { forgetSettings: true })).toEqual({ sheetsRemoved: [], settingsForgotten: [] });
    expect((await wb.listSheets()).map((s) => s.name)).toEqual([SAMPLE_LEDGER_SHEET, SAMPLE_STATEMENT_SHEET, SAMPLE_LIST_SHEET, SAMPLE_COMPANY_SHEET]);
  });
});
