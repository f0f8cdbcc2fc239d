/**
 * A ledger over monthly sheets, reconciled in the pane: rows named inside the results' text (reasons, the
 * 余额调节表's lines) are said as the user reads them, `4` on the first sheet and `2026-08!4` on another,
 * never by the run's own numbers.
 */
import type { ReadResult } from "../../../src/core/read/types";
import type { FixtureSheet } from "../../../src/fake-excel";
import { useReconcileRun } from "../../../src/taskpane/reconcile/useReconcileRun";
import { APP_USE_CASES } from "../../../src/taskpane/use-cases";
import { makePane, renderHook, step, until } from "./harness";

const HEADER = ["日期", "客户", "单号", "摘要", "借方", "贷方"];
// Row 4 of July only we booked; row 4 of August booked at 300 against 350; row 5 of August books July's XS-702 again.
const JULY: FixtureSheet = {
  name: "2026-07",
  rows: [
    HEADER,
    ["2026-07-05", "甲公司", "XS-701", "销售", 1000, null],
    ["2026-07-20", "甲公司", "XS-702", "销售", 500, null],
    ["2026-07-28", "甲公司", "XS-703", "销售", 800, null],
  ],
};
const AUGUST: FixtureSheet = {
  name: "2026-08",
  rows: [
    HEADER,
    ["2026-08-03", "甲公司", "XS-801", "销售", 2000, null],
    ["2026-08-15", "甲公司", "SK-801", "收款", null, 1000],
    ["2026-08-25", "甲公司", "XS-802", "销售", 300, null],
    ["2026-08-26", "甲公司", "XS-702", "销售", 500, null],
  ],
};
const STATEMENT: FixtureSheet = {
  name: "对账单",
  rows: [
    ["日期", "单号", "摘要", "进货金额", "付款金额"],
    ["2026-07-06", "XS-701", "进货", 1000, null],
    ["2026-07-21", "XS-702", "进货", 500, null],
    ["2026-08-04", "XS-801", "进货", 2000, null],
    ["2026-08-15", "SK-801", "付款", null, 1000],
    ["2026-08-26", "XS-802", "进货", 350, null],
  ],
};
const MONTHS = ["2026-07", "2026-08"];

test("对账 over two months: reasons and the 差异明细 / 余额调节表 text name August's rows as its sheet's rows (2026-08!N in the rows columns)", async () => {
  const pane = makePane([JULY, AUGUST, STATEMENT]);
  const choice = { ledger: "2026-07", statement: "对账单" };
  const hook = await renderHook(pane, () => useReconcileRun({ choice, ledgerSheets: MONTHS, report: pane.report, clear: pane.clear, onGoTo: () => undefined }));
  await until(() => hook.current.formLoaded);
  const ledger: ReadResult = await APP_USE_CASES.readSheet(pane.port, "2026-07", { side: "ledger", sheets: MONTHS });
  const statement: ReadResult = await APP_USE_CASES.readSheet(pane.port, "对账单", { side: "statement" });
  await step(() => hook.current.onRead("ledger", ledger));
  await step(() => hook.current.onRead("statement", statement));
  await step(() => hook.current.setField({ asOf: "2026-08-31", asOfByUser: true }));
  expect(await step(() => hook.current.run(false))).toBe(true);

  const outcome = hook.current.outcome!;
  const reasons = outcome.items.map((i) => `${i.kind}: ${i.reason.zh} / ${i.reason.en}`).sort();
  expect(reasons.join("\n")).not.toMatch(/1000000\d/);
  const duplicate = outcome.items.find((i) => i.kind === "duplicate")!;
  expect(duplicate.reason.zh).toBe("重复记账：我方「2026-08」表第 5 行与第 3 行单号、金额相同");
  expect(duplicate.reason.en).toBe("Duplicate entry: our sheet 2026-08, row 5 repeats row 3 (same reference and amount)");

  const texts = (name: string): string[] => {
    const sheet = pane.excel.sheet(name)!;
    const out: string[] = [];
    for (let r = 1; r <= 40; r++) for (let c = 1; c <= 12; c++) {
      const v = sheet.getValue(r, c);
      if (typeof v === "string" && v !== "") out.push(v);
    }
    return out;
  };
  const differences = texts(outcome.written!.differencesSheet);
  const adjustments = texts(outcome.written!.reconciliationSheet);
  expect(differences).toEqual(expect.arrayContaining(["2026-08!4", "2026-08!5", "4", "重复记账：我方「2026-08」表第 5 行与第 3 行单号、金额相同"]));
  expect(adjustments).toEqual(
    expect.arrayContaining(["销售；对方：进货\n金额不符（我方「2026-08」表第 4 行 300.00，对方第 6 行 350.00）", "销售\n我方重复记账（「2026-08」表第 5 行重复第 3 行）", "台账 4", "台账 2026-08!4", "台账 2026-08!5"]),
  );
  expect([...differences, ...adjustments].join("\n")).not.toMatch(/1000000\d/);
});
