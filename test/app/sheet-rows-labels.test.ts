/** Ledger rows named inside reconciliation messages, over several month sheets, said as sheet and row. */
import { msg } from "../../src/core/messages";
import { readOnOwnSheets, relabelRows, ROW_STRIDE, sheetRowsReader } from "../../src/app/sheet-rows";
import { readSheet } from "../../src/app/read";
import type { CombinedReadResult } from "../../src/core/read/combine";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { render } from "../../src/messages";
import { DECISION_STRINGS, decisionLines } from "../../src/taskpane/reconcile/decisions";
import { fen } from "../../src/core/money";

const MONTHS = ["2026-07", "2026-08"];

describe("relabelRows", () => {
  test("ledger rows on a later sheet are labelled 2026-08!N and said as that sheet's rows, the first sheet's stay bare, statement rows are left alone", () => {
    const m = msg("reconcile.pending.mismatch", { ledgerRows: [4, ROW_STRIDE + 5], ledgerAmount: fen(30_000), statementRows: [6], statementAmount: fen(35_000) });
    expect((relabelRows(MONTHS, m).params as { ledgerRows: unknown }).ledgerRows).toEqual(["4", "2026-08!5"]);
    expect(render(relabelRows(MONTHS, m), "zh-CN")).toBe("金额不符（我方第 4 行、「2026-08」表第 5 行 300.00，对方第 6 行 350.00）");
    expect(render(relabelRows(MONTHS, m), "en-US")).toBe("Amounts differ (our row 4; sheet 2026-08, row 5 300.00, their row 6 350.00)");
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
  test("the pane's list of answers names a later sheet's rows as that sheet's rows", () => {
    const lines = decisionLines([{ id: "s1", decision: "confirmed", ledgerRows: [ROW_STRIDE + 5, ROW_STRIDE + 6], statementRows: [7] }], [], MONTHS);
    expect(DECISION_STRINGS["zh-CN"].pair(lines[0])).toBe("台账「2026-08」表第 5–6 行 ↔ 对账单第 7 行");
    expect(DECISION_STRINGS["en-US"].pair(lines[0])).toBe("ledger sheet 2026-08, rows 5–6 ↔ statement row 7");
    const both = decisionLines([{ id: "s3", decision: "confirmed", ledgerRows: [ROW_STRIDE + 2, 3, 4], statementRows: [7] }], [], MONTHS);
    expect(DECISION_STRINGS["zh-CN"].pair(both[0])).toBe("台账第 3–4 行、「2026-08」表第 2 行 ↔ 对账单第 7 行");
    expect(DECISION_STRINGS["en-US"].pair(both[0])).toBe("ledger rows 3–4; sheet 2026-08, row 2 ↔ statement row 7");
    expect(DECISION_STRINGS["en-US"].pair(decisionLines([{ id: "s2", decision: "rejected", ledgerRows: [4], statementRows: [] }], [], MONTHS)[0])).toBe("ledger row 4");
  });
});

describe("readOnOwnSheets", () => {
  test("everything said about a read over month sheets has its rows on their own sheets; the entry table keeps the run's numbers", async () => {
    const header = ["日期", "单号", "摘要", "借方", "贷方", "余额"];
    const port = XlsxWorkbook.fromSpecs([
      { name: "2026-07", rows: [["客户：美达商贸"], header, ["2026-07-01", null, "期初余额", null, null, 1000], ["2026-07-05", "XS-1", "销售", 500, null, 1500]] as never },
      // The 余额 of row 4 is off by 100 (a row missing, say), and row 5's 借方 cannot be read.
      { name: "2026-08", rows: [["客户：美达商贸"], header, ["2026-08-01", null, "上月结转", null, null, 1500], ["2026-08-03", "XS-2", "销售", 100, null, 1700], ["2026-08-04", "XS-3", "销售", "一百", null, 1800]] as never },
    ]);
    const read = await readSheet(sheetRowsReader(port, MONTHS), "2026-07", { sheets: MONTHS });
    // Through the port the later sheet's rows are numbered apart ...
    expect(read.balanceCheck.firstMismatchRow).toBe(ROW_STRIDE + 4);
    expect(read.unreadable?.[0].cells[0].row).toBe(ROW_STRIDE + 5);
    const own = readOnOwnSheets(MONTHS, read);
    // ... and back on their own sheets for what is said about the read.
    expect(own.balanceCheck).toMatchObject({ firstMismatchRow: 4, firstMismatchSheet: "2026-08", mismatches: 1 });
    expect(own.unreadable?.map((u) => [u.sheet, u.row, u.cells.map((c) => [c.sheet, c.row, c.column])])).toEqual([["2026-08", 5, [["2026-08", 5, "D"]]]]);
    expect(own.errors.map((e) => [e.sheet, e.row])).toEqual([["2026-08", 5]]);
    expect(own.openings.map((o) => [o.sheet, o.row])).toEqual([["2026-07", 3]]);
    expect((own as CombinedReadResult).carried.map((c) => [c.sheet, c.row])).toEqual([["2026-08", 3]]);
    expect(own.headerRows).toEqual([2]);
    expect(own.table.rows).toEqual(read.table.rows);
    // Nothing outside the entry table is left with a run's number.
    const { table: _table, ...said } = own;
    expect(JSON.stringify(said)).not.toMatch(/\d{8}/);
  });
});
