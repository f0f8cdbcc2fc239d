/**
 * A ledger kept one sheet per month, chosen in the pane as one ledger, and letters from a balance table:
 * the 对账, 账龄 and 函证 workflows over the office-js adapter on the fake Excel.
 */
import { undoEverything } from "../../../src/app/undo";
import { MARK_STYLES } from "../../../src/app/reports/marks";
import { AGING_MARK_STYLES } from "../../../src/app/reports/aging-marks";
import type { CombinedReadResult } from "../../../src/core/read/combine";
import type { ReadResult } from "../../../src/core/read/types";
import type { Selection } from "../../../src/port/workbook";
import type { FixtureSheet } from "../../../src/fake-excel";
import { reviewLines } from "../../../src/taskpane/aging/model";
import { useAgingRun } from "../../../src/taskpane/aging/useAgingRun";
import { skippedOfRun, useLettersRun, type LettersRunView } from "../../../src/taskpane/letters/useLettersRun";
import { itemTargets } from "../../../src/taskpane/reconcile/results";
import { useReconcileRun } from "../../../src/taskpane/reconcile/useReconcileRun";
import { STRINGS } from "../../../src/taskpane/i18n";
import { render } from "../../../src/messages/render";
import { APP_USE_CASES } from "../../../src/taskpane/use-cases";
import { makePane, renderHook, step, until, type Pane } from "./harness";

const HEADER = ["日期", "客户", "单号", "摘要", "借方", "贷方"];
// Row 4 of both months differs from the statement: XS-703 only we booked (July), XS-802 booked at 300 against 350 (August).
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
  ],
};
// Same months, a 业务员 column more.
const SEPTEMBER: FixtureSheet = {
  name: "2026-09",
  rows: [
    ["日期", "客户", "单号", "摘要", "业务员", "借方", "贷方"],
    ["2026-09-10", "甲公司", "XS-901", "销售", "王五", 100, null],
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

function fillOf(pane: Pane, sheet: string, row: number): string | null {
  return pane.excel.sheet(sheet)!.effectiveFill(row, 1);
}

describe("several monthly sheets as one ledger", () => {
  test("the reader names the sheet whose columns differ from the first, by sheet", async () => {
    const pane = makePane([JULY, AUGUST, SEPTEMBER]);
    const read = (await APP_USE_CASES.readSheet(pane.port, "2026-07", { side: "ledger", sheets: ["2026-07", "2026-08", "2026-09"] })) as CombinedReadResult;
    expect(read.sheets).toEqual(["2026-07", "2026-08", "2026-09"]);
    expect(read.layoutDifferences).toEqual([{ sheet: "2026-09", missing: [], extra: ["rep"], renamed: [], otherSide: false }]);
  });

  test("对账: one run over both months; each difference marks its own sheet and row, and 全部撤销 takes every mark away", async () => {
    const pane = makePane([JULY, AUGUST, STATEMENT]);
    const selected: Selection[] = [];
    const choice = { ledger: "2026-07", statement: "对账单" };
    const hook = await renderHook(pane, () => useReconcileRun({ choice, ledgerSheets: MONTHS, report: pane.report, clear: pane.clear, onGoTo: (t) => selected.push(t) }));
    await until(() => hook.current.formLoaded);
    const ledger: ReadResult = await APP_USE_CASES.readSheet(pane.port, "2026-07", { side: "ledger", sheets: MONTHS });
    const statement: ReadResult = await APP_USE_CASES.readSheet(pane.port, "对账单", { side: "statement" });
    await step(() => hook.current.onRead("ledger", ledger));
    await step(() => hook.current.onRead("statement", statement));
    await step(() => hook.current.setField({ asOf: "2026-08-31", asOfByUser: true }));
    expect(await step(() => hook.current.run(false))).toBe(true);

    const outcome = hook.current.outcome!;
    expect(outcome.ledgerSheets).toEqual(MONTHS);
    expect(outcome.written).toMatchObject({ ledgerMarks: 2, statementMarks: 1 });
    // Row 4 of each month, never both on July's.
    expect(fillOf(pane, "2026-07", 4)).toBe(MARK_STYLES.ledger_only.fill);
    expect(fillOf(pane, "2026-08", 4)).toBe(MARK_STYLES.amount_mismatch.fill);
    for (const [sheet, row] of [["2026-07", 2], ["2026-07", 3], ["2026-08", 2], ["2026-08", 3]] as const) expect(fillOf(pane, sheet, row)).toBeNull();
    expect(fillOf(pane, "对账单", 6)).toBe(MARK_STYLES.amount_mismatch.fill);

    // The results point at the rows on their own sheets.
    const mismatch = outcome.items.find((i) => i.kind === "amount_mismatch")!;
    const onlyOurs = outcome.items.find((i) => i.kind === "ledger_only")!;
    expect(itemTargets(mismatch, outcome.ledgerSheet, outcome.statementSheet, outcome.ledgerSheets)[0].selection).toEqual({ sheet: "2026-08", row: 4 });
    expect(itemTargets(onlyOurs, outcome.ledgerSheet, outcome.statementSheet, outcome.ledgerSheets)[0].selection).toEqual({ sheet: "2026-07", row: 4 });

    // 差异明细 links each ledger row to its own sheet.
    const diff = pane.excel.sheet(outcome.written!.differencesSheet)!;
    const linked: [string, string][] = [];
    for (let r = 1; r <= 20; r++) {
      for (let c = 1; c <= 12; c++) {
        const link = diff.style(r, c)?.link;
        if (link) linked.push([String(diff.getValue(r, c) ?? ""), link]);
      }
    }
    const toLedger = linked.filter(([, link]) => link.includes("2026-0"));
    expect(toLedger.map(([, link]) => link.replace(/[$']/g, "")).sort()).toEqual(["2026-07!A4", "2026-08!A4"]);
    expect(toLedger.map(([value]) => value).sort()).toEqual(["2026-08!4", "4"]);

    await undoEverything(pane.port);
    for (const sheet of MONTHS) for (const row of [2, 3, 4]) expect(fillOf(pane, sheet, row)).toBeNull();
    expect(pane.excel.sheet("2026-07")!.conditionalFormats).toEqual([]);
    expect(pane.excel.sheet("2026-08")!.conditionalFormats).toEqual([]);
  });

  test("账龄 after 对账 over both months: the reconciliation's 待核对 rows each on its own sheet, with reasons naming their sheet; an edit since leaves them out", async () => {
    // August with XS-801 booked a second time, on its row 5.
    const august: FixtureSheet = { ...AUGUST, rows: [...AUGUST.rows, ["2026-08-27", "甲公司", "XS-801", "销售", 2000, null]] };
    const pane = makePane([JULY, august, STATEMENT]);
    const choice = { ledger: "2026-07", statement: "对账单" };
    const reconciling = await renderHook(pane, () => useReconcileRun({ choice, ledgerSheets: MONTHS, report: pane.report, clear: pane.clear, onGoTo: () => undefined }));
    await until(() => reconciling.current.formLoaded);
    await step(async () => reconciling.current.onRead("ledger", await APP_USE_CASES.readSheet(pane.port, "2026-07", { side: "ledger", sheets: MONTHS })));
    await step(async () => reconciling.current.onRead("statement", await APP_USE_CASES.readSheet(pane.port, "对账单", { side: "statement" })));
    await step(() => reconciling.current.setField({ asOf: "2026-08-31", asOfByUser: true }));
    expect(await step(() => reconciling.current.run(false))).toBe(true);
    await reconciling.unmount();

    const aging = await renderHook(pane, () => useAgingRun({ ledger: "2026-07", ledgerSheets: MONTHS, generation: 0, report: pane.report, clear: pane.clear, onGoTo: () => undefined }));
    await step(() => aging.current.choose({ asOf: "2026-12-01" }));
    await until(() => aging.current.status.state === "done");
    expect(aging.current.review).toEqual({ state: "used", statement: "对账单" });
    const report = aging.current.run!.report;
    expect(report.underReconciliation.map((u) => [u.sheet, u.row, u.kind, u.ref])).toEqual([
      ["2026-07", 4, "ledger_only", "XS-703"],
      ["2026-08", 4, "amount_mismatch", "XS-802"],
      ["2026-08", 5, "duplicate", "XS-801"],
    ]);
    const lines = reviewLines(report, "zh-CN");
    expect(lines.map((l) => l.target)).toEqual([{ sheet: "2026-07", row: 4 }, { sheet: "2026-08", row: 4 }, { sheet: "2026-08", row: 5 }]);
    expect(lines.map((l) => l.reason)).toEqual([
      "我方 2026-07-28 已记销售，对方未入账（请核对发票或签收单）",
      "金额不符：我方 300.00，对方 350.00，差额 -50.00",
      // The run's numbers said as the user reads them (relabelReport): row 5 and row 2 of 2026-08.
      "重复记账：我方「2026-08」表第 5 行与「2026-08」表第 2 行单号、金额相同",
    ]);
    // 待核对 rows are not chased: the collection plan leaves them out.
    expect(report.dealers.flatMap((d) => d.items.filter((i) => i.underReconciliation).map((i) => `${i.sheet}!${i.row}`))).toEqual(["2026-07!4", "2026-08!4", "2026-08!5"]);

    // August edited after the reconciliation: its findings no longer fit the rows, so none is used.
    pane.excel.sheet("2026-08")!.write(3, 6, 900);
    await step(() => aging.current.recompute());
    await until(() => aging.current.status.state === "done" && aging.current.review.state === "stale");
    expect(aging.current.run!.report.underReconciliation).toEqual([]);
  });

  test("账龄 over other sheets than the last 对账's takes none of its rows", async () => {
    const pane = makePane([JULY, AUGUST, STATEMENT]);
    const reconciling = await renderHook(pane, () => useReconcileRun({ choice: { ledger: "2026-07", statement: "对账单" }, report: pane.report, clear: pane.clear, onGoTo: () => undefined }));
    await until(() => reconciling.current.formLoaded);
    await step(async () => reconciling.current.onRead("ledger", await APP_USE_CASES.readSheet(pane.port, "2026-07", { side: "ledger" })));
    await step(async () => reconciling.current.onRead("statement", await APP_USE_CASES.readSheet(pane.port, "对账单", { side: "statement" })));
    expect(await step(() => reconciling.current.run(false))).toBe(true);
    await reconciling.unmount();
    // July alone was reconciled; July and August aged as one ledger is another ledger.
    const aging = await renderHook(pane, () => useAgingRun({ ledger: "2026-07", ledgerSheets: MONTHS, generation: 0, report: pane.report, clear: pane.clear, onGoTo: () => undefined }));
    await step(() => aging.current.choose({ asOf: "2026-12-01" }));
    await until(() => aging.current.status.state === "done");
    expect(aging.current.review).toEqual({ state: "none" });
    expect(aging.current.run!.report.underReconciliation).toEqual([]);
  });

  test("账龄: both months aged as one (the payment settles July's first sale), overdue rows marked on their own sheets, cleared from both", async () => {
    const pane = makePane([JULY, AUGUST]);
    const hook = await renderHook(pane, () => useAgingRun({ ledger: "2026-07", ledgerSheets: MONTHS, generation: 0, report: pane.report, clear: pane.clear, onGoTo: () => undefined }));
    await step(() => hook.current.choose({ asOf: "2026-12-01" }));
    await until(() => hook.current.status.state === "done");
    const run = hook.current.run!;
    // 1000 + 500 + 800 + 2000 − 1000 + 300.
    expect(run.report.totals.openBalance).toBe(360_000);
    const open = run.report.dealers.flatMap((d) => d.items.map((i) => `${i.sheet}!${i.row}`)).sort();
    expect(open).toEqual(["2026-07!3", "2026-07!4", "2026-08!2", "2026-08!4"]);

    await step(() => hook.current.mark());
    const lateFills = new Set([AGING_MARK_STYLES.overdue.fill, AGING_MARK_STYLES.past_final.fill, AGING_MARK_STYLES.limitation.fill]);
    for (const [sheet, row] of [["2026-07", 3], ["2026-07", 4], ["2026-08", 2], ["2026-08", 4]] as const) expect(lateFills.has(fillOf(pane, sheet, row) ?? "")).toBe(true);
    for (const [sheet, row] of [["2026-07", 2], ["2026-08", 3]] as const) expect(fillOf(pane, sheet, row)).toBeNull();
    expect(pane.store.get().marks.aging?.sheet).toBe("2026-07、2026-08");
    expect(hook.current.markedHere).toBe(true);

    await step(() => hook.current.clearMarks());
    for (const sheet of MONTHS) for (const row of [2, 3, 4]) expect(fillOf(pane, sheet, row)).toBeNull();

    await step(() => hook.current.mark());
    expect(fillOf(pane, "2026-08", 4)).not.toBeNull();
    await undoEverything(pane.port);
    for (const sheet of MONTHS) for (const row of [2, 3, 4]) expect(fillOf(pane, sheet, row)).toBeNull();
  });

  test("函证: one letter for the dealer, with the balance of both months", async () => {
    const pane = makePane([JULY, AUGUST]);
    const hook = await renderHook(pane, () => useLettersRun({ ledger: "2026-07", ledgerSheets: MONTHS, report: pane.report, clear: pane.clear, onGoTo: () => undefined, today: "2026-12-01" }));
    await until(() => hook.current.check.state === "ok" && hook.current.dealerList !== null && hook.current.register !== null);
    expect(hook.current.balances).toBeNull();
    await step(() => hook.current.choose({ asOf: "2026-08-31" }));
    await step(() => hook.current.generate());
    await until(() => hook.current.status.state === "done");
    const status = hook.current.status;
    if (status.state !== "done") throw new Error(status.state);
    expect(status.run.letters.map((l) => [l.dealer, l.balanceFen])).toEqual([["甲公司", 360_000]]);
  });
});

// The balance table of the same dealers as LEDGER below, at the same date; 温州瑞丰五金's row does not add up (300 + 100 ≠ 500).
const BALANCES: FixtureSheet = {
  name: "往来余额表",
  rows: [
    ["往来余额表（截止 2026-11-30）"],
    ["客户名称", "期初余额", "本期借方", "本期贷方", "期末余额"],
    ["杭州美达商贸有限公司", 0, 107000.53, 0, 107000.53],
    ["嘉兴恒通家电", 0, 1409.5, 0, 1409.5],
    ["宁波顺和电器", 0, 5000, 5000, 0],
    ["温州瑞丰五金", 300, 100, 0, 500],
    ["合计", 300, 113510.03, 5000, 108910.03],
  ],
};
const LEDGER: FixtureSheet = {
  name: "应收明细",
  rows: [
    ["日期", "客户名称", "单号", "摘要", "借方", "贷方"],
    ["2026-10-08", "杭州美达商贸有限公司", "XS-1", "销售出库", 107000.53, null],
    ["2026-10-12", "嘉兴恒通家电", "XS-2", "销售出库", 1409.5, null],
    ["2026-10-20", "宁波顺和电器", "XS-3", "销售出库", 5000, null],
    ["2026-11-05", "宁波顺和电器", "SK-1", "收款", null, 5000],
  ],
};

async function lettersOn(sheet: string, sheets: FixtureSheet[], useCases = {}): Promise<{ pane: Pane; hook: { current: LettersRunView } }> {
  const pane = makePane(sheets);
  const hook = await renderHook(pane, () => useLettersRun({ ledger: sheet, report: pane.report, clear: pane.clear, onGoTo: () => undefined, today: "2026-12-01" }), { useCases });
  await until(() => hook.current.check.state === "ok" && hook.current.dealerList !== null && hook.current.register !== null);
  return { pane, hook };
}

async function generated(hook: { current: LettersRunView }) {
  await step(() => hook.current.generate());
  await until(() => hook.current.status.state !== "running" && hook.current.status.state !== "idle");
  const status = hook.current.status;
  if (status.state !== "done") throw new Error(JSON.stringify(status));
  return status.run;
}

describe("函证 from a balance table", () => {
  test("letters from the balance table are the letters from the ledger for the same dealers; the row that does not add up gets none", async () => {
    const fromLedger = await lettersOn("应收明细", [LEDGER]);
    await step(() => fromLedger.hook.current.choose({ asOf: "2026-11-30" }));
    const ledgerRun = await generated(fromLedger.hook);

    const fromTable = await lettersOn("往来余额表", [BALANCES]);
    const table = fromTable.hook.current.balances!;
    expect(table.cutoff).toBe("2026-11-30");
    expect(table.mismatches).toEqual([{ sheet: "往来余额表", row: 6, dealer: "温州瑞丰五金", expected: 40_000, found: 50_000 }]);
    await step(() => fromTable.hook.current.choose({ asOf: "2026-11-30" }));
    const tableRun = await generated(fromTable.hook);

    const shown = (r: typeof ledgerRun) => r.letters.map((l) => [l.number, l.dealer, l.balanceFen]);
    expect(shown(tableRun)).toEqual(shown(ledgerRun));
    expect(shown(tableRun)).toEqual([
      ["DZ-202611-0001", "杭州美达商贸有限公司", 10_700_053],
      ["DZ-202611-0002", "嘉兴恒通家电", 140_950],
    ]);
    // The pane hands the run every dealer: the run itself skips the row that does not add up, and says why.
    expect(tableRun.skipped.map((k) => [k.dealer, k.code])).toEqual([
      ["宁波顺和电器", "zero_balance"],
      ["温州瑞丰五金", "balance_row_off"],
    ]);
    expect(tableRun.letters.some((l) => l.dealer === "温州瑞丰五金")).toBe(false);
    const { rowsOff, others } = skippedOfRun(tableRun);
    expect(rowsOff.map((r) => ({ ...r, reason: render(r.reason, "zh-CN") }))).toEqual([
      {
        dealer: "温州瑞丰五金",
        reason: "余额表“往来余额表”第 6 行不平：期初 + 借方 − 贷方 = 400.00，期末余额却是 500.00；请先核对该行，未生成对账函",
        target: { sheet: "往来余额表", row: 6 },
      },
    ]);
    expect(others.map((k) => k.dealer)).toEqual(["宁波顺和电器"]);
  });

  test("a picked dealer whose row does not add up gets no letter either", async () => {
    const { hook } = await lettersOn("往来余额表", [BALANCES]);
    await step(() => hook.current.choose({ asOf: "2026-11-30", mode: "picked", picked: ["温州瑞丰五金", "嘉兴恒通家电"] }));
    const run = await generated(hook);
    expect(run.letters.map((l) => l.dealer)).toEqual(["嘉兴恒通家电"]);
    expect(skippedOfRun(run).rowsOff.map((r) => [r.dealer, r.target])).toEqual([["温州瑞丰五金", { sheet: "往来余额表", row: 6 }]]);
  });

  test("the as-of date against the table's cut-off: both dates while they differ, nothing once they agree", async () => {
    const { hook } = await lettersOn("往来余额表", [BALANCES]);
    expect(hook.current.choices.asOf).toBe("2026-12-01");
    expect(hook.current.cutoffDiffers).toEqual({ asOf: "2026-12-01", cutoff: "2026-11-30" });
    await step(() => hook.current.choose({ asOf: "2026-11-30" }));
    expect(hook.current.cutoffDiffers).toBeNull();
  });

  test("the 含明细 template is not offered for a balance table: no run while it is chosen", async () => {
    const { hook } = await lettersOn("往来余额表", [BALANCES]);
    await step(() => hook.current.choose({ asOf: "2026-11-30" }));
    expect(hook.current.canGenerate).toBe(true);
    await step(() => hook.current.choose({ template: "builtin:movements" }));
    await until(() => hook.current.check.state !== "checking");
    expect(hook.current.canGenerate).toBe(false);
  });

  test("对账 does not run on a balance table as the ledger: item by item needs entries", async () => {
    const pane = makePane([BALANCES, STATEMENT]);
    const hook = await renderHook(pane, () => useReconcileRun({ choice: { ledger: "往来余额表", statement: "对账单" }, report: pane.report, clear: pane.clear, onGoTo: () => undefined }));
    await until(() => hook.current.formLoaded);
    const ledger = await APP_USE_CASES.readSheet(pane.port, "往来余额表", { side: "ledger" });
    const table = await APP_USE_CASES.readBalanceSheet(pane.port, "往来余额表");
    await step(() => hook.current.onRead("ledger", ledger, table));
    const statement = await APP_USE_CASES.readSheet(pane.port, "对账单", { side: "statement" });
    await step(() => hook.current.onRead("statement", statement));
    expect(hook.current.balanceLedger).toBe(true);
    expect(hook.current.canRun).toBe(false);
    await step(() => hook.current.onRead("ledger", ledger, null));
    expect(hook.current.canRun).toBe(true);
  });

  test("a ledger of entries is not taken for a balance table", async () => {
    const { hook } = await lettersOn("应收明细", [LEDGER]);
    expect(hook.current.balances).toBeNull();
    expect(hook.current.cutoffDiffers).toBeNull();
  });
});

describe("the 函证 register's summary", () => {
  test("a register that cannot be read says why and is read again on retry, instead of a spinner that never stops", async () => {
    let calls = 0;
    const { hook } = await lettersOn("应收明细", [LEDGER], {
      readRegisterStatus: async (...args: Parameters<typeof APP_USE_CASES.readRegisterStatus>) => {
        calls++;
        if (calls === 1) throw new Error("网络中断");
        return APP_USE_CASES.readRegisterStatus(...args);
      },
    });
    const register = hook.current.register;
    if (register === null || register === "none" || !("failed" in register)) throw new Error("the register did not fail");
    expect(register.failed(STRINGS["zh-CN"])).toBe(STRINGS["zh-CN"].unexpectedError("网络中断"));
    await step(() => hook.current.retryRegister());
    await until(() => hook.current.register !== null);
    expect(hook.current.register).toBe("none");
    expect(calls).toBe(2);
  });
});
