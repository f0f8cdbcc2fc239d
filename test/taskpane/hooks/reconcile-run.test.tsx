/** The 对账 workflow (useReconcileRun) over the office-js adapter on the fake Excel, without a browser. */
import { RECONCILE_CHOICE_SETTING } from "../../../src/app/reconcile";
import { readSheet } from "../../../src/app/read";
import type { ReadResult } from "../../../src/core/read";
import type { FixtureSheet } from "../../../src/fake-excel";
import { PortError } from "../../../src/port/workbook";
import { STRINGS } from "../../../src/taskpane/i18n";
import { MARKS_NOTE, RECONCILE_MESSAGE, useReconcileRun, type ReconcileRunView } from "../../../src/taskpane/reconcile/useReconcileRun";
import { RECONCILE_STRINGS } from "../../../src/taskpane/reconcile/strings";
import type { Selection } from "../../../src/port/workbook";
import { act } from "react";
import { fireWindow, makePane, renderHook, settle, step, until, type Pane, type Rendered } from "./harness";

const LEDGER: FixtureSheet = {
  name: "明细账",
  rows: [
    ["日期", "单号", "摘要", "借方", "贷方"],
    ["2026-08-01", "XS-101", "销售", 1000, null],
    ["2026-09-01", "XS-102", "销售", 2000, null],
    ["2026-10-01", "XS-104", "销售", 700, null],
  ],
};
const STATEMENT: FixtureSheet = {
  name: "对账单",
  rows: [
    ["日期", "单号", "摘要", "进货金额", "付款金额"],
    ["2026-08-03", "XS-101", "进货", 1000, null],
    ["2026-09-03", "XS-102", "进货", 1800, null],
  ],
};
const CHOICE = { ledger: "明细账", statement: "对账单" };

interface Setup {
  pane: Pane;
  hook: Rendered<ReconcileRunView>;
  selected: Selection[];
}

async function setUp(sheets: FixtureSheet[] = [LEDGER, STATEMENT], useCases = {}, pane = makePane(sheets)): Promise<Setup> {
  const selected: Selection[] = [];
  const hook = await renderHook(pane, () => useReconcileRun({ choice: CHOICE, report: pane.report, clear: pane.clear, onGoTo: (t) => selected.push(t) }), { useCases });
  await until(() => hook.current.formLoaded);
  // What the 核对 step's ReadPanel tells the hook once it read both sheets.
  for (const [side, sheet] of [["ledger", "明细账"], ["statement", "对账单"]] as const) {
    const result: ReadResult = await readSheet(pane.port, sheet, { side });
    await step(() => hook.current.onRead(side, result));
  }
  return { pane, hook, selected };
}

function texts(pane: Pane): string[] {
  return pane.reported.map((m) => m.text(STRINGS["zh-CN"]));
}

describe("the reconciliation workflow", () => {
  test("starts with the choices remembered in the workbook for the same sheets and proposes the cut-off from the statement", async () => {
    const pane = makePane([LEDGER, STATEMENT]);
    await pane.port.setSetting(RECONCILE_CHOICE_SETTING, { ledger: "明细账", statement: "对账单", dealer: null, asOf: null, tolerance: "5.00", daysBefore: "3", daysAfter: "20" });
    const { hook } = await setUp(undefined, undefined, pane);
    expect(hook.current.form).toMatchObject({ tolerance: "5.00", daysBefore: "3", daysAfter: "20", asOfByUser: false });
    expect(hook.current.proposed).toBe("2026-09-03");
    expect(hook.current.form.asOf).toBe("2026-09-03");
    expect(hook.current.canRun).toBe(true);
    expect(hook.current.outcome).toBeNull();
  });

  test("cannot run with a field it cannot use, and says which", async () => {
    const { hook } = await setUp();
    await step(() => hook.current.setField({ tolerance: "abc" }));
    expect(hook.current.problems).toEqual({ tolerance: "amount" });
    expect(hook.current.canRun).toBe(false);
    await step(() => hook.current.resetDefaults());
    expect(hook.current.canRun).toBe(true);
  });

  test("a sheet without a header blocks the run", async () => {
    const blank: FixtureSheet = { name: "对账单", rows: [["随便写的一行字"], [12]] };
    const { hook } = await setUp([LEDGER, blank]);
    expect(hook.current.blocking.map((i) => i.code)).toEqual(["no_header"]);
    expect(hook.current.canRun).toBe(false);
  });

  test("runs through reading, matching and writing, keeps the results in the pane store and marks the sheets", async () => {
    const { pane, hook } = await setUp();
    await step(() => hook.current.setField({ asOf: "2026-10-31", asOfByUser: true }));
    // Started outside a long act, so each step of the run renders on its own.
    let finished: boolean | null = null;
    await act(() => {
      void hook.current.run(true).then((ran) => (finished = ran));
    });
    await until(() => finished !== null);
    expect(finished).toBe(true);
    const stages = hook.history.map((h) => h.progress?.stage).filter((s) => s !== undefined);
    expect([...new Set(stages)]).toEqual(["reading", "matching", "writing"]);
    const values = hook.history.map((h) => h.progress?.value).filter((v): v is number => v !== undefined);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(hook.current.running).toBe(false);
    expect(hook.current.revealed).toBe(1);
    const outcome = hook.current.outcome!;
    expect(outcome.items.map((i) => [i.kind, i.ledgerRows, i.statementRows])).toEqual([
      ["amount_mismatch", [3], [3]],
      ["ledger_only", [4], []],
    ]);
    expect(outcome.written).toMatchObject({ ledgerMarks: 2, statementMarks: 1, differencesSheet: "差异明细", reconciliationSheet: "余额调节表" });
    expect(pane.store.get().lastReconcile).toBe(outcome);
    expect(pane.store.get().marks.reconcile).toBe("present");
    expect(pane.excel.sheetNames()).toEqual(expect.arrayContaining(["差异明细", "余额调节表"]));
    expect(pane.excel.effectiveFill("明细账", 3, 1)).not.toBeNull();
    expect(pane.excel.effectiveFill("明细账", 2, 1)).toBeNull();
    // The form is remembered in the workbook too, before the run.
    expect(await pane.port.getSetting(RECONCILE_CHOICE_SETTING)).toMatchObject({ ledger: "明细账", statement: "对账单" });
  });

  test("cancelled while reading: no results, the progress gone and a notice that nothing was changed", async () => {
    const { pane, hook } = await setUp();
    let done!: Promise<boolean>;
    await step(() => {
      done = hook.current.run(true);
      hook.current.cancel();
    });
    expect(await done).toBe(false);
    expect(hook.current.progress).toBeNull();
    expect(hook.current.outcome).toBeNull();
    expect(hook.current.notice?.intent).toBe("info");
    expect(hook.current.notice?.text(RECONCILE_STRINGS["zh-CN"])).toBe(RECONCILE_STRINGS["zh-CN"].cancelled);
    expect(pane.excel.sheetNames()).toEqual(["明细账", "对账单"]);
    expect(pane.reported).toEqual([]);
  });

  test("cancelled while writing: a warning that part may have been written", async () => {
    const pane = makePane([LEDGER, STATEMENT]);
    let cancel: () => void = () => undefined;
    const { hook } = await setUp(undefined, {
      writeReconcileResults: async (_run: unknown, _target: unknown, control?: { onStage?: (s: "writing", done: number, total: number) => void }) => {
        control?.onStage?.("writing", 0, 2);
        cancel();
        throw new PortError("cancelled", "reconcile");
      },
    }, pane);
    cancel = () => hook.current.cancel();
    expect(await step(() => hook.current.run(false))).toBe(false);
    expect(hook.current.notice?.intent).toBe("warning");
    expect(hook.current.notice?.text(RECONCILE_STRINGS["zh-CN"])).toBe(RECONCILE_STRINGS["zh-CN"].cancelledWhileWriting);
  });

  test("a failing run is reported under the run's key and leaves the view ready to run again", async () => {
    const { pane, hook } = await setUp(undefined, {
      runReconcile: async () => {
        throw new Error("磁盘已满");
      },
    });
    expect(await step(() => hook.current.run(true))).toBe(false);
    expect(pane.reported.map((m) => m.key)).toEqual([RECONCILE_MESSAGE.run]);
    expect(texts(pane)[0]).toContain("磁盘已满");
    expect(hook.current.running).toBe(false);
    expect(hook.current.canRun).toBe(true);
    expect(hook.current.outcome).toBeNull();
  });

  test("a user's own sheet named like a result sheet is left alone and the results say so", async () => {
    const mine: FixtureSheet = { name: "差异明细", rows: [["我自己的表"]] };
    const { pane, hook } = await setUp([LEDGER, STATEMENT, mine]);
    expect(await step(() => hook.current.run(false))).toBe(true);
    expect(hook.current.outcome?.refused).toBe("差异明细");
    expect(hook.current.outcome?.written).toBeNull();
    expect(pane.excel.cell("差异明细", "A1").value).toBe("我自己的表");
  });

  test("clearing the marks takes them off the sheets, keeps the results and confirms beside the buttons", async () => {
    const { pane, hook } = await setUp();
    await step(() => hook.current.run(false));
    await step(() => hook.current.clearMarks());
    expect(pane.excel.effectiveFill("明细账", 3, 1)).toBeNull();
    expect(hook.current.marksCleared).toBe(true);
    expect(hook.current.outcome).not.toBeNull();
    expect(hook.current.busy).toBe(false);
    expect(pane.store.get().confirmation?.at).toBe(MARKS_NOTE);
    expect(pane.store.get().confirmation?.text("zh-CN")).toBe(RECONCILE_STRINGS["zh-CN"].marksCleared);
  });

  test("a failure to clear the marks is reported and the buttons come back", async () => {
    const { pane, hook } = await setUp(undefined, {
      clearReconcileMarks: async () => {
        throw new PortError("io", "clear");
      },
    });
    await step(() => hook.current.clearMarks());
    expect(pane.reported.map((m) => m.key)).toEqual([RECONCILE_MESSAGE.clear]);
    expect(hook.current.busy).toBe(false);
    expect(pane.store.get().confirmation).toBeNull();
  });

  test("a sheet edited after the run makes the results stale on focus, and a jump to its rows is not made", async () => {
    const { pane, hook, selected } = await setUp();
    await step(() => hook.current.run(false));
    await fireWindow("focus");
    expect(hook.current.stale).toEqual([]);
    const item = hook.current.outcome!.items[0];
    await step(() => hook.current.goTo({ side: "ledger", selection: { sheet: "明细账", row: 3 } }));
    expect(selected).toEqual([{ sheet: "明细账", row: 3 }]);
    pane.excel.sheet("明细账").write(3, 4, 2500);
    await fireWindow("focus");
    expect(hook.current.stale).toEqual(["明细账"]);
    await step(() => hook.current.goTo({ side: "ledger", selection: { sheet: "明细账", row: 3 } }));
    expect(selected).toHaveLength(1);
    expect(item.kind).toBe("amount_mismatch");
    // Running again clears the warning.
    await step(() => hook.current.run(false));
    expect(hook.current.stale).toEqual([]);
  });

  test("重新对账 beside results gone stale takes the last confirmation away, as the run button does", async () => {
    const { pane, hook } = await setUp();
    await step(() => hook.current.run(false));
    await step(() => hook.current.clearMarks());
    expect(pane.store.get().confirmation?.at).toBe(MARKS_NOTE);
    pane.excel.sheet("明细账").write(3, 4, 2500);
    await settle();
    expect(hook.current.stale).toEqual(["明细账"]);
    await step(() => hook.current.runAgain());
    expect(pane.store.get().confirmation).toBeNull();
    expect(hook.current.stale).toEqual([]);
    expect(hook.current.marksCleared).toBe(false);
  });

  test("an edit heard through Excel's change event makes the results stale at once, and a newer run starts clean", async () => {
    const { pane, hook } = await setUp();
    await step(() => hook.current.run(false));
    expect(hook.current.outcome?.watch?.mode).toBe("events");
    pane.excel.sheet("对账单").write(2, 4, 999);
    await settle();
    expect(hook.current.stale).toEqual(["对账单"]);
    await step(() => hook.current.run(false));
    expect(hook.current.stale).toEqual([]);
    pane.excel.sheet("明细账").write(2, 4, 1);
    await settle();
    expect(hook.current.stale).toEqual(["明细账"]);
  });

  test("the form, the filter and the results come back after the view was left and shown again", async () => {
    const pane = makePane([LEDGER, STATEMENT]);
    const first = await setUp(undefined, undefined, pane);
    await step(() => first.hook.current.setField({ tolerance: "2.00" }));
    await step(() => first.hook.current.run(false));
    await step(() => first.hook.current.setFilter("ledger_only"));
    await first.hook.unmount();
    const again = await renderHook(pane, () => useReconcileRun({ choice: CHOICE, report: pane.report, clear: pane.clear, onGoTo: () => undefined }));
    await settle();
    expect(again.current.form.tolerance).toBe("2.00");
    expect(again.current.filter).toBe("ledger_only");
    expect(again.current.outcome).toBe(pane.store.get().lastReconcile);
    expect(again.current.outcome).not.toBeNull();
  });

  test("leaving the view during a run stops it", async () => {
    const { pane, hook } = await setUp();
    let done!: Promise<boolean>;
    await act(() => {
      done = hook.current.run(false);
    });
    await hook.unmount();
    expect(await done).toBe(false);
    await settle();
    expect(pane.store.get().lastReconcile).toBeNull();
  });
});
