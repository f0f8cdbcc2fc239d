/** The 账龄 workflow (useAgingRun) over the office-js adapter on the fake Excel, without a browser. */
import type { AgingControl, AgingRequest, AgingRun } from "../../../src/app/aging";
import { runReconcile } from "../../../src/app/reconcile";
import type { Selection } from "../../../src/port/workbook";
import { PortError } from "../../../src/port/workbook";
import { AGING_MESSAGE, AGING_NOTE, useAgingRun, type AgingRunView } from "../../../src/taskpane/aging/useAgingRun";
import { todayIso } from "../../../src/taskpane/aging/model";
import { resultItems } from "../../../src/taskpane/reconcile/results";
import { gridFingerprint } from "../../../src/taskpane/reconcile/fingerprint";
import type { FixtureSheet } from "../../../src/fake-excel";
import { makePane, renderHook, step, until, type Pane, type Rendered } from "./harness";

const AS_OF = "2026-12-01";
// Term 30 days (the default): XS-101 due 08-31 is 92 days late on 12-01, XS-102 due 10-01 is 61, XS-105 not due.
const LEDGER: FixtureSheet = {
  name: "明细账",
  rows: [
    ["日期", "客户", "单号", "摘要", "借方", "贷方"],
    ["2026-08-01", "甲公司", "XS-101", "销售", 1000, null],
    ["2026-09-01", "甲公司", "XS-102", "销售", 2000, null],
    ["2026-11-20", "乙公司", "XS-105", "销售", 500, null],
  ],
};
const STATEMENT: FixtureSheet = {
  name: "对账单",
  rows: [
    ["日期", "单号", "摘要", "进货金额", "付款金额"],
    ["2026-08-03", "XS-101", "进货", 1000, null],
  ],
};

interface Setup {
  pane: Pane;
  hook: Rendered<AgingRunView>;
  selected: Selection[];
}

async function setUp(options: { ledger?: string | null; useCases?: object; pane?: Pane; asOf?: string | null } = {}): Promise<Setup> {
  const pane = options.pane ?? makePane([LEDGER, STATEMENT]);
  const selected: Selection[] = [];
  const ledger = options.ledger === undefined ? "明细账" : options.ledger;
  const hook = await renderHook(pane, () => useAgingRun({ ledger, generation: 0, report: pane.report, clear: pane.clear, onGoTo: (t) => selected.push(t) }), {
    useCases: options.useCases,
  });
  if (options.asOf !== null) await step(() => hook.current.choose({ asOf: options.asOf ?? AS_OF }));
  if (ledger) await until(() => hook.current.status.state !== "running");
  return { pane, hook, selected };
}

describe("the aging workflow", () => {
  test("starts on today's date and waits for a ledger", async () => {
    const { pane, hook } = await setUp({ ledger: null, asOf: null });
    expect(hook.current.choices.asOf).toBe(todayIso(new Date()));
    expect(hook.current.status).toEqual({ state: "idle" });
    expect(pane.store.get().aging?.asOf).toBe(todayIso(new Date()));
  });

  test("ages the chosen ledger as of the date, and lists its dealers", async () => {
    const { hook } = await setUp();
    expect(hook.current.status.state).toBe("done");
    const run = hook.current.run!;
    expect(run.report.asOf).toBe(AS_OF);
    expect(run.report.totals.openBalance).toBe(350_000);
    expect(hook.current.dealers).toEqual(["甲公司", "乙公司"]);
    expect(hook.current.canAct).toBe(true);
    expect(hook.current.review).toEqual({ state: "none" });
  });

  test("one dealer: ages only it, and the list of dealers stays", async () => {
    const { hook } = await setUp();
    await step(() => hook.current.chooseDealer("乙公司"));
    await until(() => hook.current.status.state === "done");
    expect(hook.current.dealer).toBe("乙公司");
    expect(hook.current.run!.report.totals.openBalance).toBe(50_000);
    expect(hook.current.dealers).toEqual(["甲公司", "乙公司"]);
  });

  test("an unusable date or bucket list stops the aging until corrected", async () => {
    const { hook } = await setUp();
    await step(() => hook.current.choose({ asOf: "2026-13-01" }));
    expect(hook.current.asOf).toBeNull();
    expect(hook.current.status).toEqual({ state: "idle" });
    expect(hook.current.canAct).toBe(false);
    await step(() => hook.current.choose({ asOf: AS_OF, buckets: "30,abc" }));
    expect(hook.current.bucketsOk).toBe(false);
    expect(hook.current.status).toEqual({ state: "idle" });
    await step(() => hook.current.choose({ buckets: "30,60" }));
    await until(() => hook.current.status.state === "done");
  });

  test("a failing aging is reported and shows no results", async () => {
    const { pane, hook } = await setUp({
      useCases: {
        runAging: async () => {
          throw new PortError("no_sheet", "明细账");
        },
      },
    });
    expect(hook.current.status).toEqual({ state: "failed" });
    expect(hook.current.run).toBeNull();
    // Once for today's date at the first render, once for the date chosen: each under the run's key.
    expect(pane.reported.length).toBeGreaterThan(0);
    expect(new Set(pane.reported.map((m) => m.key))).toEqual(new Set([AGING_MESSAGE.run]));
  });

  test("leaving the view, or a newer run, aborts the run's signal: its reads stop", async () => {
    const signals: AbortSignal[] = [];
    const pane = makePane([LEDGER, STATEMENT]);
    const useCases = {
      // A run that waits until its signal aborts, as a port's read of a large sheet does.
      runAging: (_req: AgingRequest, control?: AgingControl) =>
        new Promise<AgingRun>((_resolve, reject) => {
          const signal = control!.signal!;
          signals.push(signal);
          signal.addEventListener("abort", () => reject(new PortError("cancelled", "明细账")));
        }),
    };
    const hook = await renderHook(pane, () => useAgingRun({ ledger: "明细账", generation: 0, report: pane.report, clear: pane.clear, onGoTo: () => undefined }), { useCases });
    await until(() => signals.length === 1);
    expect(signals[0].aborted).toBe(false);
    await step(() => hook.current.choose({ asOf: AS_OF }));
    await until(() => signals.length === 2);
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
    await hook.unmount();
    expect(signals[1].aborted).toBe(true);
  });

  test("marks the late rows, then the legend speaks of the ledger's colours; clearing takes them off", async () => {
    const { pane, hook } = await setUp();
    expect(hook.current.markedHere).toBe(false);
    await step(() => hook.current.mark());
    expect(pane.excel.effectiveFill("明细账", 2, 1)).not.toBeNull();
    expect(pane.excel.effectiveFill("明细账", 4, 1)).toBeNull();
    expect(hook.current.markedHere).toBe(true);
    expect(pane.store.get().marks.aging?.sheet).toBe("明细账");
    expect(pane.store.get().confirmation?.at).toBe(AGING_NOTE.marks);
    expect(pane.store.get().confirmation?.text("zh-CN")).toBe("已在「明细账」中标记 2 行。");
    expect(hook.current.busy).toBeNull();

    await step(() => hook.current.clearMarks());
    expect(pane.excel.effectiveFill("明细账", 2, 1)).toBeNull();
    expect(hook.current.markedHere).toBe(false);
    expect(pane.store.get().marks.aging).toBeNull();
    expect(pane.store.get().confirmation?.text("zh-CN")).toBe("已清除「明细账」中的逾期标记，对账标记未受影响。");
  });

  test("a failing command is reported under its key and frees the buttons", async () => {
    const { pane, hook } = await setUp({
      useCases: {
        markAgingRows: async () => {
          throw new PortError("io", "mark");
        },
      },
    });
    await step(() => hook.current.mark());
    expect(pane.reported.map((m) => m.key)).toEqual([AGING_MESSAGE.mark]);
    expect(hook.current.busy).toBeNull();
    expect(hook.current.canAct).toBe(true);
    expect(pane.store.get().marks.aging).toBeNull();
  });

  test("writes the aging sheets and selects the first", async () => {
    const { pane, hook, selected } = await setUp();
    await step(() => hook.current.write());
    expect(pane.excel.sheetNames()).toEqual(expect.arrayContaining(["账龄分析", "催款计划"]));
    expect(selected).toEqual([{ sheet: "账龄分析", row: 1, column: 1 }]);
    expect(pane.store.get().confirmation?.text("zh-CN")).toContain("已生成「账龄分析」和「催款计划」。");
  });

  test("a default term typed wrong is refused; a good one is saved and the ledger aged again with it", async () => {
    const { pane, hook } = await setUp();
    expect(hook.current.termValue).toBe("30");
    await step(() => hook.current.setTermText("三十"));
    expect(hook.current.termProblem).not.toBeNull();
    await step(() => hook.current.setTermText("120"));
    expect(hook.current.termProblem).toBeNull();
    await step(() => hook.current.saveTerm());
    await until(() => hook.current.status.state === "done" && hook.current.run!.termSources.defaultTermDays === 120);
    expect(hook.current.termText).toBeNull();
    expect(hook.current.termValue).toBe("120");
    expect(pane.store.get().confirmation?.at).toBe(AGING_NOTE.term);
  });

  test("uses the pane's last reconciliation of the same, unchanged ledger from the pane store", async () => {
    // One dealer's ledger against its statement: XS-102 differs in amount, XS-104 is only ours.
    const ledger: FixtureSheet = {
      name: "明细账",
      rows: [
        ["日期", "单号", "摘要", "借方", "贷方"],
        ["2026-08-01", "XS-101", "销售", 1000, null],
        ["2026-09-01", "XS-102", "销售", 2000, null],
        ["2026-10-01", "XS-104", "销售", 700, null],
      ],
    };
    const statement: FixtureSheet = { ...STATEMENT, rows: [...STATEMENT.rows, ["2026-09-03", "XS-102", "进货", 1800, null]] };
    const pane = makePane([ledger, statement]);
    const run = await runReconcile({ ledger: { port: pane.port, sheet: "明细账" }, statement: { port: pane.port, sheet: "对账单" }, options: { asOf: AS_OF } });
    const prints = new Map([["明细账", gridFingerprint(await pane.port.readSheet("明细账"))]]);
    pane.store.dispatch({
      type: "reconcile/result",
      outcome: { run, items: resultItems(run.report), ledgerSheet: "明细账", statementSheet: "对账单", written: null, refused: null, capabilities: await pane.port.capabilities(), prints, decisions: [] },
    });
    const { hook } = await setUp({ pane });
    expect(hook.current.review).toEqual({ state: "used", statement: "对账单" });
    expect(hook.current.run!.report.underReconciliation.map((u) => u.row).sort()).toEqual([3, 4]);
  });

  test("the choices come back after the view was left and shown again", async () => {
    const pane = makePane([LEDGER, STATEMENT]);
    const first = await setUp({ pane });
    await step(() => first.hook.current.choose({ basis: "document", soonToo: true, buckets: "30,90" }));
    await first.hook.unmount();
    const again = await setUp({ pane, asOf: null });
    expect(again.hook.current.choices).toEqual({ asOf: AS_OF, dealer: null, soonToo: true, basis: "document", buckets: "30,90" });
  });
});
