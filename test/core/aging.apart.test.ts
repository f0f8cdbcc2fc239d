import { actionsDue, ageLedger, collectionPlan, itemsUnderReconciliation, reconciliationFlags, unreadableCells } from "../../src/core/aging";
import { render, toAgingJson } from "../../src/messages";
import { msg } from "../../src/core/messages";
import type { CellValue } from "../../src/core/model";
import { readGrid } from "../../src/core/read";
import { reconcile, type ReconcileReport } from "../../src/core/reconcile";

const AS_OF = "2026-12-01";
const ledgerGrid = (rows: CellValue[][]) => ({ sheet: "明细账", top: 1, left: 1, values: [["日期", "单号", "摘要", "借方", "贷方"], ...rows] });
const statementGrid = (rows: CellValue[][]) => ({ sheet: "对账单", top: 1, left: 1, values: [["日期", "单号", "摘要", "进货金额", "付款金额"], ...rows] });

/** Our ledger: one good invoice, one the dealer booked for less, one booked twice, one they never booked, one unreadable. */
const LEDGER = ledgerGrid([
  ["2026-08-01", "XS-101", "销售", 1000, null],
  ["2026-09-01", "XS-102", "销售", 2000, null],
  ["2026-09-10", "XS-103", "销售", 500, null],
  ["2026-09-10", "XS-103", "销售", 500, null],
  ["2026-10-01", "XS-104", "销售", 700, null],
  ["2026-11-20", "XS-105", "销售", "待定", null],
]);
const STATEMENT = statementGrid([
  ["2026-08-03", "XS-101", "进货", 1000, null],
  ["2026-09-03", "XS-102", "进货", 1800, null],
  ["2026-09-12", "XS-103", "进货", 500, null],
]);

function agedWithReconciliation() {
  const ledger = readGrid(LEDGER, { side: "ledger" });
  const statement = readGrid(STATEMENT, { side: "statement" });
  const rec = reconcile({ sheet: ledger.sheet, table: ledger.table, openings: ledger.openings }, { sheet: statement.sheet, table: statement.table, openings: statement.openings }, { asOf: AS_OF });
  const report = ageLedger(
    { table: ledger.table, openings: ledger.openings, unreadable: unreadableCells(ledger) },
    { asOf: AS_OF, defaultTermDays: 30, reconciliation: reconciliationFlags(rec, ledger.sheet, statement.sheet) },
  );
  return report;
}

describe("cells that cannot be read are listed apart and the totals say they exclude them", () => {
  it("lists the 待定 amount with its sheet, cell and text, and leaves its row out of every total", () => {
    const ledger = readGrid(LEDGER, { side: "ledger" });
    const report = ageLedger({ table: ledger.table, openings: ledger.openings, unreadable: unreadableCells(ledger) }, { asOf: AS_OF });
    expect(report.unreadable.map((u) => [u.sheet, u.row, u.cell, u.found, u.code])).toEqual([["明细账", 7, "D7", "待定", "bad_amount"]]);
    expect(render(report.unreadable[0].text, "zh-CN")).toContain("单元格 D7");
    expect(report.unreadableRows).toBe(1);
    // 1000 + 2000 + 500 + 500 + 700: the 待定 row is in no figure.
    expect(report.totals.openBalance).toBe(4700_00);
    const json = toAgingJson(report) as { totals: { excludedUnreadableRows: number }; unreadable: unknown[] };
    expect(json.totals.excludedUnreadableRows).toBe(1);
    expect(json.unreadable).toEqual([
      {
        sheet: "明细账",
        row: 7,
        dealer: null,
        cell: "D7",
        column: "D",
        header: "借方",
        found: "待定",
        code: "bad_amount",
        message: render(report.unreadable[0].text, "zh-CN"),
        messageEn: render(report.unreadable[0].text, "en-US"),
      },
    ]);
  });

  it("lists the unreadable cells of rows left out where the reader gives no list, but not a bad 余额 beside a good amount", () => {
    const read = readGrid(
      {
        sheet: "往来",
        top: 1,
        left: 1,
        values: [
          ["日期", "单号", "摘要", "借方", "贷方", "余额"],
          ["2026-10-01", "A-1", "销售", 300, null, 300],
          ["2026-13-45", "A-2", "销售", 200, null, 500],
          ["2026-10-05", "A-3", "销售", "N/A", null, "?"],
          ["2026-10-06", "A-4", "销售", 100, null, "??"],
        ],
      },
      { side: "ledger" },
    );
    const fromErrors = unreadableCells({ errors: read.errors, table: read.table, openings: read.openings });
    expect(fromErrors.map((u) => [u.row, u.cell, u.found])).toEqual([
      [3, "A3", "2026-13-45"],
      [4, "F4", "?"],
      [4, "D4", "N/A"],
    ]);
  });

  it("has an empty list and nothing excluded on a clean ledger", () => {
    const report = ageLedger({ table: readGrid(STATEMENT, { side: "ledger" }).table, openings: [] }, { asOf: AS_OF });
    expect(report.unreadable).toEqual([]);
    expect((toAgingJson(report) as { totals: { excludedUnreadableRows: number } }).totals.excludedUnreadableRows).toBe(0);
  });
});

describe("rows the reconciliation flagged are 待核对: in the balance, out of the collection plan, listed with the reason", () => {
  it("keeps the mismatched, duplicated and ledger-only invoices out of the plan and chases the rest", () => {
    const report = agedWithReconciliation();
    expect(collectionPlan(report).map((i) => i.row)).toEqual([2, 4]);
    expect(actionsDue(report, 7).map((i) => i.row)).toEqual([2, 4]);
    expect(itemsUnderReconciliation(report).map((i) => [i.row, i.underReconciliation?.kind])).toEqual([
      [3, "amount_mismatch"],
      [5, "duplicate"],
      [6, "ledger_only"],
    ]);
    // Still owed on the books until checked: the balance and buckets keep them.
    expect(report.totals.openBalance).toBe(4700_00);
    // A statement without dealer names covers the ledger's rows without one.
    expect(report.reconciliation).toEqual({ ledgerSheet: "明细账", statementSheet: "对账单", cutoff: AS_OF, dealers: [] });
  });

  it("gives the reason in both languages on the item and in the list apart", () => {
    const report = agedWithReconciliation();
    expect(report.underReconciliation.map((u) => [u.row, u.kind, u.status, u.open, render(u.text, "zh-CN")])).toEqual([
      [3, "amount_mismatch", "open", 2000_00, "金额不符：我方 2,000.00，对方 1,800.00，差额 200.00"],
      [5, "duplicate", "open", 500_00, "重复记账：我方第 5 行与第 4 行单号、金额相同"],
      [6, "ledger_only", "open", 700_00, "我方 2026-10-01 已记销售，对方未入账（请核对发票或签收单）"],
    ]);
    const json = toAgingJson(report) as {
      dealers: { items: { row: number; underReconciliation?: unknown }[] }[];
      underReconciliation: unknown[];
      totals: { underReconciliation: unknown };
    };
    const items = json.dealers[0].items;
    expect(items.find((i) => i.row === 3)?.underReconciliation).toEqual({
      kind: "amount_mismatch",
      reason: "金额不符：我方 2,000.00，对方 1,800.00，差额 200.00",
      reasonEn: "Amounts differ: ours 2,000.00, theirs 1,800.00, difference 200.00",
    });
    expect(items.find((i) => i.row === 2)).not.toHaveProperty("underReconciliation");
    expect(json.totals.underReconciliation).toEqual({ open: "3200.00", count: 3 });
    expect(json.underReconciliation[1]).toEqual({
      sheet: "明细账",
      row: 5,
      dealer: "（未指定经销商）",
      rep: null,
      date: "2026-09-10",
      ref: "XS-103",
      amount: "500.00",
      open: "500.00",
      status: "open",
      kind: "duplicate",
      reason: "重复记账：我方第 5 行与第 4 行单号、金额相同",
      reasonEn: "Duplicate entry: our row 5 repeats row 4 (same reference and amount)",
    });
  });

  it("says when a flagged row was settled by a receipt, so nothing of it is left to keep out", () => {
    const ledger = readGrid(
      ledgerGrid([
        ["2026-08-01", "XS-101", "销售", 1000, null],
        ["2026-08-01", "XS-101", "销售", 1000, null],
        ["2026-11-01", "SK-1", "收款", null, 1500],
      ]),
      { side: "ledger" },
    );
    const report = ageLedger(
      { table: ledger.table, openings: [] },
      {
        asOf: AS_OF,
        reconciliation: {
          ledgerSheet: "明细账",
          statementSheet: "对账单",
          cutoff: AS_OF,
          flags: [{ sheet: "明细账", row: 2, kind: "duplicate", reason: msg("reconcile.reason.duplicate.ledger", { row: 2, original: 1 }), dealer: null }],
        },
      },
    );
    expect(report.underReconciliation.map((u) => [u.row, u.status, u.open])).toEqual([[2, "settled", 0]]);
    expect(collectionPlan(report).map((i) => [i.row, i.open])).toEqual([[3, 500_00]]);
  });

  it("flags nothing for a dealer the statement says nothing about", () => {
    const side = (sheet: string, entries: number) => ({ sheet, entries, openingBalance: 0, closingBalance: 0, excludedAfterCutoff: [] });
    const report = {
      asOf: AS_OF,
      cutoff: AS_OF,
      dealers: [
        {
          dealer: "美达五金",
          ledger: side("明细账", 2),
          statement: side("对账单", 0),
          differences: [{ kind: "ledger_only", ledgerRows: [2, 3], statementRows: [], reason: { zh: "仅我方", en: "ours only" } }],
          reconciliation: { statementOpeningRows: [] },
        },
        {
          dealer: "成都蜀丰",
          ledger: side("明细账", 1),
          statement: side("对账单", 1),
          differences: [{ kind: "ledger_only", ledgerRows: [4], statementRows: [], reason: { zh: "仅我方", en: "ours only" } }],
          reconciliation: { statementOpeningRows: [] },
        },
        {
          dealer: "华东商贸",
          status: "no_statement",
          ledger: side("明细账", 1),
          statement: side("对账单", 1),
          differences: [{ kind: "ledger_only", ledgerRows: [5], statementRows: [], reason: { zh: "仅我方", en: "ours only" } }],
          reconciliation: { statementOpeningRows: [] },
        },
      ],
    } as unknown as ReconcileReport;
    expect(reconciliationFlags(report, "明细账", "对账单").flags.map((f) => [f.dealer, f.row])).toEqual([["成都蜀丰", 4]]);
  });
});
