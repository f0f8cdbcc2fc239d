/**
 * `reconcile --json` writes a dealer's differences, 待查 items and adjustments as text straight from the
 * report (`reconcileJsonToWrite`): the text is the contract's (`toReconcileJson`) byte for byte, streamed
 * in any chunk size, the exact way or in small parts, over one sheet or several, and `JSON.stringify` of
 * it is the same text too.
 */
import { jsonChunks } from "../../src/cli/json-stream";
import { reconcileJsonToWrite, toReconcileJson, type ReconcileJsonOptions } from "../../src/messages/json/reconcile";
import { reconcile, type SideInput } from "../../src/core/reconcile";
import type { UnreadRow } from "../../src/core/read/types";
import { opening, rows } from "../core/reconcile.fixtures";

const streamed = (value: unknown, chunk?: number, smallPart?: number) => [...jsonChunks(value, chunk, smallPart)].join("");

/** Two dealers (one with quotes and a line break in its name), and every kind of difference and 待查 item. */
function pair(): { ledger: SideInput; statement: SideInput } {
  const dealerA = '经销商 "甲"';
  const dealerB = "美达\n商贸";
  const ledgerRows = rows(
    "应收明细",
    `
    5  | 2026-06-01 | XS-001      | 销售出库           | 10000.00 | ${dealerA}
    6  | 2026-06-10 |             | 收到货款           | -3000.00 | ${dealerA}
    7  | 2026-06-12 | XS-002      | 销售出库           | 2345.00  | ${dealerA}
    8  | 2026-06-12 | XS-002      | 销售出库           | 2345.00  | ${dealerA}
    9  | 2026-06-15 | XS-"9"\\t   | 销售 "引号"\\ 反斜杠 | 500.00   | ${dealerA}
    10 | 2026-06-20 | HK-1        | 回款               | -800.00  | ${dealerA}
    11 | 2026-06-02 | MD-1        | 出库               | 1200.00  | 美达商贸
    12 | 2026-06-25 | MD-2        | 出库               | 99.99    | 美达商贸
    13 | 2026-07-02 | XS-003      | 销售出库           | 800.00   | ${dealerA}
    14 | 2026-06-28 | WRONG-1     | 错挂               | 640.00   | ${dealerA}`,
  ).map((e) => (e.dealer === "美达商贸" ? { ...e, dealer: dealerB } : e));
  const statementRows = rows(
    "对账单",
    `
    3 | 2026-06-03 | XS-001  | 采购     | 10000.00 | ${dealerA}
    4 | 2026-06-09 |         | 付款     | -1000.00 | ${dealerA}
    5 | 2026-06-09 |         | 付款     | -2000.00 | ${dealerA}
    6 | 2026-06-14 | XS-002  | 采购     | 2435.00  | ${dealerA}
    7 | 2026-06-30 | SK-9    | 付款     | -1500.00 | ${dealerA}
    8 | 2026-06-03 | MD-1    | 进货     | 1200.00  | 美达商贸
    9 | 2026-06-28 | WRONG-1 | 进货     | 640.00   | 美达商贸`,
  ).map((e) => (e.dealer === "美达商贸" ? { ...e, dealer: dealerB } : e));
  const unread: UnreadRow = {
    sheet: "应收明细",
    row: 15,
    dealer: dealerA,
    date: "2026-06-29",
    ref: "XS-\"U\"",
    description: "金额 \u2028 待定",
    opening: false,
    cells: [{ code: "bad_amount", sheet: "应收明细", row: 15, column: "E", header: "借方", found: "待定 \"?\"", expected: "amount" }],
  };
  return {
    ledger: { sheet: "应收明细", entries: ledgerRows, openings: [opening("应收明细", 4, "1000.00", dealerA)], unreadable: [unread] },
    statement: { sheet: "对账单", entries: statementRows, openings: [opening("对账单", 2, "1000.00", dealerA)] },
  };
}

describe("the reconciliation report written item by item", () => {
  const { ledger, statement } = pair();
  const report = reconcile(ledger, statement, { asOf: "2026-06-30" });
  const kinds = new Set(report.dealers.flatMap((d) => d.differences.map((x) => x.kind)));
  const places: ReconcileJsonOptions["ledgerPlace"] = (row) => ({ sheet: row % 2 === 0 ? "2026-06" : '2026 "07"', row: row - 1 });

  test("the report has every kind of difference, adjustments and 待查 items", () => {
    expect([...kinds].sort()).toEqual(["amount_mismatch", "duplicate", "ledger_only", "statement_only", "unreadable"]);
    expect(report.dealers.some((d) => d.reconciliation.pendingItems.length > 0)).toBe(true);
    expect(report.dealers.some((d) => d.reconciliation.ledgerAdjustments.length + d.reconciliation.statementAdjustments.length > 0)).toBe(true);
  });

  test.each([
    ["one sheet", {}],
    ["one sheet, with matches", { includeMatches: true }],
    ["several sheets", { ledgerPlace: places }],
  ] as [string, ReconcileJsonOptions][])("%s: the contract's text, however it is written", (_name, options) => {
    const text = JSON.stringify(toReconcileJson(report, options), null, 2);
    const lazy = reconcileJsonToWrite(report, options);
    expect(JSON.stringify(lazy, null, 2)).toBe(text);
    for (const [chunk, smallPart] of [[undefined, undefined], [100, 0], [100, 300], [7, 16]] as const) expect(streamed(lazy, chunk, smallPart)).toBe(text);
  });
});
