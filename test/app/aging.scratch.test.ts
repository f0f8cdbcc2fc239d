import { runAging } from "../../src/app/aging";
import { sampleSheets, SAMPLE_LIST_SHEET, SAMPLE_LEDGER_SHEET } from "../../src/sample/sample";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { toAgingJson } from "../../src/core/aging";
it("scratch", async () => {
  const wb = XlsxWorkbook.fromSpecs(sampleSheets());
  for (const sheet of [SAMPLE_LIST_SHEET, SAMPLE_LEDGER_SHEET]) {
    const run = await runAging({ ledger: { port: wb, sheet }, asOf: "2026-10-31" });
    console.log(JSON.stringify({ json: toAgingJson(run.report), ts: run.termSources, errors: run.ledger.errors, periodFrom: run.ledger.periodFrom, closing: run.ledger.closingBalance, dealers: run.ledger.dealers }, null, 1));
  }
});
