/** The pane store: one per pane, what outlives a view switch, and its confirmation rules. */
import { createPaneStore, DEFAULT_AGING_CHOICES } from "../../src/taskpane/store";

describe("the pane store", () => {
  test("two panes never share their state", () => {
    const a = createPaneStore();
    const b = createPaneStore();
    a.dispatch({ type: "aging/choose", choices: { ...DEFAULT_AGING_CHOICES, asOf: "2026-10-31" } });
    a.dispatch({ type: "marks", aging: { sheet: "明细账", stages: ["overdue"] } });
    expect(a.get().aging?.asOf).toBe("2026-10-31");
    expect(b.get().aging).toBeNull();
    expect(b.get().marks).toEqual({ reconcile: null, aging: null });
  });

  test("later choices patch the first; marks change only where told", () => {
    const store = createPaneStore();
    store.dispatch({ type: "aging/choose", choices: { ...DEFAULT_AGING_CHOICES, asOf: "2026-10-31" } });
    store.dispatch({ type: "aging/choose", choices: { basis: "document" } });
    expect(store.get().aging).toEqual({ ...DEFAULT_AGING_CHOICES, asOf: "2026-10-31", basis: "document" });
    store.dispatch({ type: "marks", reconcile: "cleared" });
    store.dispatch({ type: "marks", aging: { sheet: "明细账", stages: [] } });
    expect(store.get().marks).toEqual({ reconcile: "cleared", aging: { sheet: "明细账", stages: [] } });
    store.dispatch({ type: "marks", aging: null });
    expect(store.get().marks).toEqual({ reconcile: "cleared", aging: null });
  });

  test("tells its listeners of a change, and not of an event that changes nothing", () => {
    const store = createPaneStore();
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    // No confirmation shown: starting an action changes nothing.
    store.dispatch({ type: "confirmation", event: { type: "action" } });
    expect(calls).toBe(0);
    store.dispatch({ type: "confirmation", event: { type: "confirm", note: { at: "reconcile-marks", intent: "success", text: () => "已清除" } } });
    expect(calls).toBe(1);
    // A dismissal meant for another place leaves the confirmation where it is.
    store.dispatch({ type: "confirmation", event: { type: "dismiss", at: "aging-marks" } });
    expect(store.get().confirmation?.at).toBe("reconcile-marks");
    expect(calls).toBe(1);
    stop();
    store.dispatch({ type: "confirmation", event: { type: "action" } });
    expect(store.get().confirmation).toBeNull();
    expect(calls).toBe(1);
  });
});
