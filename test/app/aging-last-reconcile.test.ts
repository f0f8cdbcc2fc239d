/** The 账龄 view takes the pane's last reconciliation of the same, unchanged ledger (src/taskpane/aging/model.ts). */
import { runReconcile } from "../../src/app/reconcile";
import type { OutRow } from "../../src/port/workbook";
import { ageWithLastReconcile, keptApartNotes, reviewLines, unreadableLines } from "../../src/taskpane/aging/model";
import { gridFingerprint } from "../../src/taskpane/reconcile/fingerprint";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

const AS_OF = "2026-12-01";
const LEDGER: OutRow[] = [
  ["日期", "单号", "摘要", "借方", "贷方"],
  ["2026-08-01", "XS-101", "销售", 1000, null],
  ["2026-09-01", "XS-102", "销售", 2000, null],
  ["2026-10-01", "XS-104", "销售", 700, null],
  ["2026-11-20", "XS-105", "销售", "待定", null],
];
const STATEMENT: OutRow[] = [
  ["日期", "单号", "摘要", "进货金额", "付款金额"],
  ["2026-08-03", "XS-101", "进货", 1000, null],
  ["2026-09-03", "XS-102", "进货", 1800, null],
];

async function reconciled(wb: XlsxWorkbook) {
  const run = await runReconcile({ ledger: { port: wb, sheet: "明细账" }, statement: { port: wb, sheet: "对账单" }, options: { asOf: AS_OF } });
  return { run, ledgerPrint: gridFingerprint(await wb.readSheet("明细账")) };
}

describe("the aging view and the last reconciliation", () => {
  it("marks the rows the last reconciliation of this ledger flagged as 待核对 and says which statement they come from", async () => {
    const wb = XlsxWorkbook.fromSpecs([
      { name: "明细账", rows: LEDGER },
      { name: "对账单", rows: STATEMENT },
    ]);
    const last = await reconciled(wb);
    const { run, review } = await ageWithLastReconcile(wb, { ledger: { port: wb, sheet: "明细账" }, asOf: AS_OF }, last);
    expect(review).toEqual({ state: "used", statement: "对账单" });
    expect(reviewLines(run.report, "zh-CN").map((l) => [l.target.row, l.ref, l.openText, l.statusText, l.kindText, l.reason])).toEqual([
      [3, "XS-102", "2,000.00", "未收", "金额不符", "金额不符：我方 2,000.00，对方 1,800.00，差额 200.00"],
      [4, "XS-104", "700.00", "未收", "仅我方入账", "我方 2026-10-01 已记销售，对方未入账（请核对发票或签收单）"],
    ]);
    expect(unreadableLines(run.report, "zh-CN").map((l) => [l.place, l.found, l.target])).toEqual([["明细账 D5", "待定", { sheet: "明细账", row: 5, column: 4 }]]);
    expect(keptApartNotes(run.report, review, "zh-CN")).toEqual([
      "合计不含无法读取的 1 行（见下方“无法读取”），请改正后重新计算。",
      "已采用最近一次与「对账单」的对账（截止 2026-12-01）：2 笔未收款项待核对，仍计入余额，不列入跟进和催款计划。",
    ]);
  });

  it("does not use it once the ledger changed since (its row numbers no longer fit), and says so", async () => {
    const before = XlsxWorkbook.fromSpecs([
      { name: "明细账", rows: LEDGER },
      { name: "对账单", rows: STATEMENT },
    ]);
    const last = await reconciled(before);
    // The same workbook after the user sorted the ledger: other values on the flagged rows.
    const sorted = XlsxWorkbook.fromSpecs([
      { name: "明细账", rows: [LEDGER[0], LEDGER[3], LEDGER[1], LEDGER[2], LEDGER[4]] },
      { name: "对账单", rows: STATEMENT },
    ]);
    const { run, review } = await ageWithLastReconcile(sorted, { ledger: { port: sorted, sheet: "明细账" }, asOf: AS_OF }, last);
    expect(review).toEqual({ state: "stale", statement: "对账单" });
    expect(run.report.underReconciliation).toEqual([]);
    expect(run.report.reconciliation).toBeNull();
    expect(keptApartNotes(run.report, review, "en-US")[1]).toBe(
      'The ledger changed after the reconciliation against "对账单", so its findings were not used; reconcile again to see what is under reconciliation.',
    );
  });

  it("ignores a reconciliation of another ledger sheet", async () => {
    const wb = XlsxWorkbook.fromSpecs([
      { name: "明细账", rows: LEDGER },
      { name: "对账单", rows: STATEMENT },
      { name: "另一台账", rows: LEDGER },
    ]);
    const last = await reconciled(wb);
    const { run, review } = await ageWithLastReconcile(wb, { ledger: { port: wb, sheet: "另一台账" }, asOf: AS_OF }, last);
    expect(review).toEqual({ state: "none" });
    expect(run.report.underReconciliation).toEqual([]);
    expect(keptApartNotes(run.report, review, "zh-CN")).toEqual(["合计不含无法读取的 1 行（见下方“无法读取”），请改正后重新计算。"]);
  });
});
