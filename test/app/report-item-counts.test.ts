import { runAging, writeAgingResults } from "../../src/app/aging";
import { runReconcile, writeReconcileResults } from "../../src/app/reconcile";
import { itemsText } from "../../src/app/reports/print";
import { SAMPLE_AS_OF, SAMPLE_LEDGER_SHEET, SAMPLE_LIST_SHEET, SAMPLE_STATEMENT_SHEET, sampleSheets } from "../../src/sample/sample";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

type Lang = "zh-CN" | "en-US";

/** The totals rows of a result sheet: [label, rep or kind, the count's cell], by the label in column B. */
async function countsOf(wb: XlsxWorkbook, sheet: string, labels: readonly string[], countColumn: number): Promise<unknown[][]> {
  const v = (await wb.readSheet(sheet)).values;
  return v.filter((r) => labels.includes(String(r[1]))).map((r) => [r[1], r[2], r[countColumn]]);
}

async function planCounts(lang: Lang): Promise<unknown[][]> {
  const wb = XlsxWorkbook.fromSpecs(sampleSheets());
  const run = await runAging({ ledger: { port: wb, sheet: SAMPLE_LIST_SHEET }, asOf: "2026-10-31" });
  const { planSheet } = await writeAgingResults(run, { port: wb, ledgerSheet: SAMPLE_LIST_SHEET, lang });
  return countsOf(wb, planSheet, ["小计", "合计", "Subtotal", "Total"], 3);
}

async function differenceCounts(lang: Lang): Promise<unknown[][]> {
  const wb = XlsxWorkbook.fromSpecs(sampleSheets());
  const run = await runReconcile({
    ledger: { port: wb, sheet: SAMPLE_LEDGER_SHEET },
    statement: { port: wb, sheet: SAMPLE_STATEMENT_SHEET },
    options: { asOf: SAMPLE_AS_OF },
  });
  await writeReconcileResults(run, { port: wb, ledgerSheet: SAMPLE_LEDGER_SHEET, statementSheet: SAMPLE_STATEMENT_SHEET, lang });
  const sheet = lang === "en-US" ? "Differences" : "差异明细";
  return countsOf(wb, sheet, ["小计", "合计", "Subtotal", "Total"], 6);
}

describe("totals rows count their items in the sheet's language", () => {
  it("says 1 item and 2 items in English, n 笔 in Chinese", () => {
    expect([0, 1, 2, 12_345].map((n) => itemsText(n, "en-US"))).toEqual(["0 items", "1 item", "2 items", "12345 items"]);
    expect([0, 1, 2].map((n) => itemsText(n, "zh-CN"))).toEqual(["0 笔", "1 笔", "2 笔"]);
  });

  it("催款计划's totals by rep", async () => {
    expect(await planCounts("zh-CN")).toEqual([
      ["小计", "王磊", "3 笔"],
      ["小计", "李娜", "2 笔"],
      ["小计", "张强", "2 笔"],
      ["合计", null, "7 笔"],
    ]);
    expect(await planCounts("en-US")).toEqual([
      ["Subtotal", "王磊", "3 items"],
      ["Subtotal", "李娜", "2 items"],
      ["Subtotal", "张强", "2 items"],
      ["Total", null, "7 items"],
    ]);
  });

  it("差异明细's totals by kind, a kind of one item among them", async () => {
    const zh = await differenceCounts("zh-CN");
    expect(zh.map((r) => r[2])).toEqual(["2 笔", "1 笔", "2 笔", "1 笔", "6 笔"]);
    const en = await differenceCounts("en-US");
    expect(en.map((r) => [r[0], r[2]])).toEqual([
      ["Subtotal", "2 items"],
      ["Subtotal", "1 item"],
      ["Subtotal", "2 items"],
      ["Subtotal", "1 item"],
      ["Total", "6 items"],
    ]);
  });
});
