import { msg } from "../../src/core/messages";
import { clearAgingMarks, runAging, writeAgingResults } from "../../src/app/aging";
import { AGING_GROUP, AGING_MARK_STYLES, agingLegend, agingMarks, LIMITATION_MARK, UNDER_REVIEW_MARK } from "../../src/app/reports/aging-marks";
import { agingSheet } from "../../src/app/reports/aging-sheets";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { limitationLegendLine } from "../../src/taskpane/aging/model";

const AS_OF = "2026-12-01";

/**
 * Row 2: an invoice of 2023 whose period ran out in 2026 (past 3 years); row 3: one of early 2024 whose
 * period ends within 180 days; row 4: a recent late invoice; row 5: not yet due.
 */
function ledger(): XlsxWorkbook {
  return XlsxWorkbook.fromSpecs([
    {
      name: "往来",
      rows: [
        ["客户名称", "日期", "单号", "摘要", "发货金额", "回款金额", "账期"],
        ["华东商贸", { date: "2023-06-01" }, "XS-1", "发货", 1000, null, 30],
        ["华南五金", { date: "2024-01-10" }, "XS-2", "发货", 2000, null, 30],
        ["华北建材", { date: "2026-09-01" }, "XS-3", "发货", 3000, null, 30],
        ["华北建材", { date: "2026-11-20" }, "XS-4", "发货", 4000, null, 30],
      ],
    },
  ]);
}

describe("时效 marks in the ledger", () => {
  it("marks an item past 3 years and one within 180 days with the 时效 style, over their overdue stage", async () => {
    const wb = ledger();
    const run = await runAging({ ledger: { port: wb, sheet: "往来" }, asOf: AS_OF });
    const statusOf = (ref: string) => run.report.dealers.flatMap((d) => d.items).find((i) => i.ref === ref)?.limitation?.status;
    expect([statusOf("XS-1"), statusOf("XS-2"), statusOf("XS-3")]).toEqual(["expired", "expiring", "running"]);

    const result = await writeAgingResults(run, { port: wb, ledgerSheet: "往来", lang: "zh-CN" });
    expect(result.marked).toBe(3);
    expect(await wb.listMarks(AGING_GROUP, "往来")).toEqual([
      { row: 2, style: LIMITATION_MARK },
      { row: 3, style: LIMITATION_MARK },
      { row: 4, style: "past_final" },
    ]);
    expect(AGING_MARK_STYLES.limitation.fill).not.toBe(AGING_MARK_STYLES.past_final.fill);
    expect(AGING_MARK_STYLES.limitation.fill).not.toBe(AGING_MARK_STYLES.under_review.fill);

    await clearAgingMarks(wb, "往来");
    expect(await wb.listMarks(AGING_GROUP, "往来")).toEqual([]);
  });

  it("keeps 待核对 over 时效: a flagged row is checked before anything else is done about it", async () => {
    const wb = ledger();
    const run = await runAging({ ledger: { port: wb, sheet: "往来" }, asOf: AS_OF });
    const flagged = run.report.dealers.flatMap((d) => d.items).find((i) => i.ref === "XS-1")!;
    flagged.underReconciliation = { kind: "amount_differs", text: msg("reconcile.reason.duplicate.ledger", { row: 2, original: 1 }) };
    expect(agingMarks(run.report, "往来")).toEqual([
      { row: 2, style: UNDER_REVIEW_MARK },
      { row: 3, style: LIMITATION_MARK },
      { row: 4, style: "past_final" },
    ]);
    expect(limitationLegendLine(run.report, "zh-CN")).toMatchObject({ count: 1, amountText: "2,000.00" });
  });

  it("names the 时效 mark first in the legend of 账龄分析 and in the pane's summary", async () => {
    const wb = ledger();
    const run = await runAging({ ledger: { port: wb, sheet: "往来" }, asOf: AS_OF });
    expect(agingLegend("zh-CN", ["past_final", "overdue"], false, true).map((l) => l.style)).toEqual(["limitation", "past_final", "overdue"]);

    const sheet = agingSheet(run.report, { ledgerSheet: "往来" }, "zh-CN");
    const texts = sheet.rows.flatMap((r) => r.map((c) => (c !== null && typeof c === "object" && "value" in c ? c.value : c)));
    expect(texts).toContain("时效将届满（180天内）/ 已过时效（可能丧失胜诉权）");

    // 1,000 + 2,000 yuan, in the pane's grouped figures.
    expect(limitationLegendLine(run.report, "zh-CN")).toMatchObject({ count: 2, amountText: "3,000.00", fill: AGING_MARK_STYLES.limitation.fill });
    expect(limitationLegendLine(run.report, "en-US")?.text).toBe("Limitation period ends within 180 days / has ended (possibly time-barred)");
  });
});
