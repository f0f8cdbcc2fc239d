/** Ledger rows named inside reconciliation messages, over several month sheets, said as sheet and row. */
import { msg } from "../../src/core/messages";
import { relabelRows, ROW_STRIDE } from "../../src/app/sheet-rows";
import { render } from "../../src/messages";
import { DECISION_STRINGS, decisionLines } from "../../src/taskpane/reconcile/decisions";
import { fen } from "../../src/core/money";

const MONTHS = ["2026-07", "2026-08"];

describe("relabelRows", () => {
  test("ledger rows on a later sheet read 2026-08!N, the first sheet's stay bare, statement rows are left alone", () => {
    const m = msg("reconcile.pending.mismatch", { ledgerRows: [4, ROW_STRIDE + 5], ledgerAmount: fen(30_000), statementRows: [6], statementAmount: fen(35_000) });
    expect(render(relabelRows(MONTHS, m), "zh-CN")).toBe("金额不符（我方第 4、2026-08!5 行 300.00，对方第 6 行 350.00）");
    const dup = msg("reconcile.reason.duplicate.statement", { row: 7, original: 3 });
    expect(relabelRows(MONTHS, dup)).toBe(dup);
  });

  test("a message inside another is relabelled too; a count named rows is not a row", () => {
    const inner = msg("reconcile.pending.awaiting.ledger", { row: ROW_STRIDE + 9 });
    const outer = msg("reconcile.status.notes", { notes: [inner, msg("reconcile.subset.bound_hit", { rows: 2, steps: 100 })] });
    const out = relabelRows(MONTHS, outer) as unknown as { params: { notes: { params: Record<string, unknown> }[] } };
    expect(out.params.notes[0].params).toEqual({ row: "2026-08!9" });
    expect(out.params.notes[1].params).toEqual({ rows: 2, steps: 100 });
  });

  test("a place that names its sheet already gets the row on that sheet", () => {
    const where = msg("reconcile.unread.where.cell", { sheet: "2026-08", cell: `E${ROW_STRIDE + 12}` });
    expect(render(relabelRows(MONTHS, where), "zh-CN")).toBe("2026-08 E12");
    const row = msg("reconcile.unread.where.row", { sheet: "2026-08", row: ROW_STRIDE + 12 });
    expect(render(relabelRows(MONTHS, row), "en-US")).toBe("2026-08 row 12");
  });

  test("one sheet: the message is returned as it is", () => {
    const m = msg("reconcile.adjust.ledger_only", { rows: [4] });
    expect(relabelRows(["2026-07"], m)).toBe(m);
  });
});

describe("answered suggestions over several sheets", () => {
  test("the pane's list of answers names a later sheet's rows as 2026-08!N", () => {
    const lines = decisionLines([{ id: "s1", decision: "confirmed", ledgerRows: [ROW_STRIDE + 5, ROW_STRIDE + 6], statementRows: [7] }], [], MONTHS);
    expect(DECISION_STRINGS["zh-CN"].pair(lines[0])).toBe("台账第 2026-08!5–6 行 ↔ 对账单第 7 行");
    expect(DECISION_STRINGS["en-US"].pair(decisionLines([{ id: "s2", decision: "rejected", ledgerRows: [4], statementRows: [] }], [], MONTHS)[0])).toBe("ledger row 4");
  });
});
