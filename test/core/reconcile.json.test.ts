import { reconcile } from "../../src/core/reconcile";
import { toReconcileJson } from "../../src/messages";
import { opening, side } from "./reconcile.fixtures";

describe("the --json contract", () => {
  const ledger = side(
    "应收明细",
    `
    5 | 2026-06-01 | XS-001 | 销售出库 | 10000.00 | 某某商贸有限公司
    6 | 2026-06-10 |        | 收到货款 | -3000.00 | 某某商贸有限公司
    7 | 2026-06-12 | XS-002 | 销售出库 | 2345.00  | 某某商贸有限公司
    8 | 2026-07-02 | XS-003 | 销售出库 | 800.00   | 某某商贸有限公司`,
    [opening("应收明细", 4, "1000.00", "某某商贸有限公司")],
  );
  const statement = side(
    "对账单",
    `
    3 | 2026-06-03 | XS-001 | 采购 | 10000.00
    4 | 2026-06-09 |        | 付款 | -1000.00
    5 | 2026-06-09 |        | 付款 | -2000.00
    6 | 2026-06-14 | XS-002 | 采购 | 2435.00`,
    [opening("对账单", 2, "1000.00")],
  );

  test("keeps the names and meanings of issue 4 item 10, amounts as two-place strings", () => {
    const json = toReconcileJson(reconcile(ledger, statement, { asOf: "2026-06-30" })) as Record<string, unknown>;
    expect(json.asOf).toBe("2026-06-30");
    const dealers = json.dealers as Record<string, unknown>[];
    expect(dealers).toHaveLength(1);
    expect(dealers[0]).toMatchObject({
      dealer: "某某商贸有限公司",
      status: "reconciled",
      ledger: { sheet: "应收明细", entries: 3, closingBalance: "10345.00" },
      statement: { sheet: "对账单", entries: 4, closingBalance: "10435.00" },
      matched: 2,
      matchedLedgerRows: 2,
      matchedStatementRows: 3,
      differences: [
        {
          kind: "amount_mismatch",
          ledgerRows: [7],
          statementRows: [6],
          amount: "-90.00",
          reason: "金额错误（疑似数字颠倒）：我方 2,345.00，对方 2,435.00，差额 -90.00 可被 9 整除",
          reasonCode: "transposed_digits",
        },
      ],
      suggestions: [],
      // The mismatch is 待查 (both amounts, adjusting neither side): the adjusted balances stay 90.00 apart.
      reconciliation: {
        ledgerBalance: "10345.00",
        statementBalance: "10435.00",
        adjustedLedgerBalance: "10345.00",
        adjustedStatementBalance: "10435.00",
        balanced: false,
        remainder: "-90.00",
        ledgerAdjustments: [],
        statementAdjustments: [],
        pendingItems: [
          {
            source: "amount_mismatch",
            ledgerRows: [7],
            statementRows: [6],
            ledgerAmount: "2345.00",
            statementAmount: "2435.00",
            amount: "-90.00",
            text: "金额不符（我方第 7 行 2,345.00，对方第 6 行 2,435.00）",
            textEn: "Amounts differ (our row 7 2,345.00, their row 6 2,435.00)",
          },
        ],
        pendingTotal: "-90.00",
        unexplained: "0.00",
      },
    });
    expect((dealers[0].ledger as Record<string, unknown>).excludedAfterCutoff).toEqual([8]);
    expect(dealers[0]).not.toHaveProperty("matches");
  });

  test("a null cut-off prints as null, and matches are listed only when asked", () => {
    const json = toReconcileJson(reconcile(ledger, statement), { includeMatches: true }) as { asOf: unknown; dealers: { matches: unknown[] }[] };
    expect(json.asOf).toBeNull();
    expect(json.dealers[0].matches).toEqual([
      { rule: "reference", ledgerRows: [5], statementRows: [3], amount: "10000.00" },
      { rule: "subset", ledgerRows: [6], statementRows: [4, 5], amount: "-3000.00" },
    ]);
  });

  test("problems come out with zh-CN and en-US messages, and no dealers", () => {
    const json = toReconcileJson(reconcile(ledger, statement, { dealer: "另一家" })) as Record<string, unknown>;
    expect(json.dealers).toEqual([]);
    expect(json.problems).toEqual([{ code: "dealer_not_found", message: "两张表中都找不到经销商「另一家」，请检查名称", messageEn: 'Dealer "另一家" appears on neither sheet; check the name' }]);
  });
});
