import { agingLegend, agingMarks, AGING_MARK_STYLES, UNDER_REVIEW_MARK } from "../../src/app/reports/aging-marks";
import { agingSheet } from "../../src/app/reports/aging-sheets";
import { ageLedger, collectionPlan, reconciliationFlags, unreadableCells } from "../../src/core/aging";
import type { CellValue } from "../../src/core/model";
import { readGrid } from "../../src/core/read";
import { reconcile } from "../../src/core/reconcile";
import type { OutRow } from "../../src/port/workbook";
import { reviewLegendLine } from "../../src/taskpane/aging/model";

const AS_OF = "2026-12-01";

/** Four late invoices of rep 张三; the statement disagrees on XS-102's amount and lacks the second XS-103 (row 5). */
function report() {
  const ledger = readGrid(
    {
      sheet: "明细账",
      top: 1,
      left: 1,
      values: [
        ["日期", "单号", "摘要", "借方", "贷方", "业务员"],
        ["2026-08-01", "XS-101", "销售", 1000, null, "张三"],
        ["2026-09-01", "XS-102", "销售", 2000, null, "张三"],
        ["2026-09-10", "XS-103", "销售", 500, null, "张三"],
        ["2026-09-10", "XS-103", "销售", 500, null, "张三"],
      ] as CellValue[][],
    },
    { side: "ledger" },
  );
  const statement = readGrid(
    {
      sheet: "对账单",
      top: 1,
      left: 1,
      values: [
        ["日期", "单号", "摘要", "进货金额", "付款金额"],
        ["2026-08-03", "XS-101", "进货", 1000, null],
        ["2026-09-03", "XS-102", "进货", 1800, null],
        ["2026-09-12", "XS-103", "进货", 500, null],
      ] as CellValue[][],
    },
    { side: "statement" },
  );
  const rec = reconcile({ sheet: "明细账", table: ledger.table, openings: [] }, { sheet: "对账单", table: statement.table, openings: [] }, { asOf: AS_OF });
  return ageLedger({ table: ledger.table, openings: [], unreadable: unreadableCells(ledger) }, { asOf: AS_OF, reconciliation: reconciliationFlags(rec, "明细账", "对账单") });
}

const values = (row: OutRow) => row.map((c) => (c !== null && typeof c === "object" && "value" in c ? c.value : c));

describe("待核对 rows in the aging marks and figures", () => {
  it("marks flagged rows with their own 待核对 style, never as overdue, whatever stages are marked", () => {
    const r = report();
    expect(agingMarks(r, "明细账")).toEqual([
      { row: 2, style: "past_final" },
      { row: 3, style: UNDER_REVIEW_MARK },
      { row: 4, style: "past_final" },
      { row: 5, style: UNDER_REVIEW_MARK },
    ]);
    expect(agingMarks(r, "明细账", ["due_7d"])).toEqual([
      { row: 3, style: UNDER_REVIEW_MARK },
      { row: 5, style: UNDER_REVIEW_MARK },
    ]);
    expect(AGING_MARK_STYLES.under_review.fill).not.toBe(AGING_MARK_STYLES.overdue.fill);
    expect(AGING_MARK_STYLES.under_review.fill).not.toBe(AGING_MARK_STYLES.past_final.fill);
  });

  it("the legend has a 待核对 line only when asked, after the stages", () => {
    expect(agingLegend("zh-CN").map((l) => l.style)).toEqual(["past_final", "overdue"]);
    const lines = agingLegend("zh-CN", ["past_final", "overdue"], true);
    expect(lines.map((l) => l.style)).toEqual(["past_final", "overdue", "under_review"]);
    expect(lines[2]).toEqual({ style: "under_review", fill: "#D9D2F5", color: "#3B2A7A", text: "待核对（对账差异，未列入催款计划）" });
  });

  it("the rep's overdue figures exclude 待核对 items, so they agree with the collection plan", () => {
    const r = report();
    const plan = collectionPlan(r);
    expect(plan.map((i) => i.ref)).toEqual(["XS-101", "XS-103"]);
    expect(r.reps).toHaveLength(1);
    // 1,000 + 500 yuan in fen: XS-102 (2,000) and the second XS-103 (500) are 待核对.
    expect(r.reps[0].overdue).toBe(150000);
    expect(r.reps[0].overdueCount).toBe(2);
    expect(r.reps[0].pastFinal).toBe(150000);
    expect(r.reps[0].overdue).toBe(plan.reduce((t, i) => t + i.open, 0));
    // The balance still holds them.
    expect(r.reps[0].closingReceivable).toBe(400000);
    expect(r.totals.openBalance).toBe(400000);
  });

  it("账龄分析 says under the per-rep block that its overdue figures exclude 待核对, and its legend shows the 待核对 colour", () => {
    const rows = agingSheet(report(), { ledgerSheet: "明细账" }, "zh-CN").rows;
    const repHead = rows.findIndex((r) => values(r).includes("业务员回款统计"));
    const note = rows.findIndex((r) => values(r).some((v) => typeof v === "string" && v.startsWith("业务员的逾期笔数、逾期金额和超过最终期限金额不含待核对的款项")));
    expect(note).toBeGreaterThan(repHead);
    const repRow = rows.findIndex((r) => values(r)[1] === "（未指定业务员）" || values(r)[1] === "张三");
    expect(values(rows[repRow])[3]).toBe(2);
    const legend = rows.findIndex((r) => values(r)[2] === "待核对（对账差异，未列入催款计划）");
    expect(legend).toBeGreaterThan(note);
    expect((rows[legend][1] as { fill: string }).fill).toBe("#D9D2F5");
  });

  it("without marks written, 账龄分析 has no legend at all", () => {
    const rows = agingSheet(report(), { ledgerSheet: "明细账", markStages: [] }, "zh-CN").rows;
    expect(rows.findIndex((r) => values(r)[2] === "待核对（对账差异，未列入催款计划）")).toBe(-1);
  });

  it("the pane's legend line for 待核对 counts the open flagged items", () => {
    expect(reviewLegendLine(report(), "zh-CN")).toEqual({ text: "待核对（对账差异，未列入催款计划）", count: 2, amountText: "2,500.00", fill: "#D9D2F5", color: "#3B2A7A" });
  });
});
