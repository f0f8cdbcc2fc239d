import fc from "fast-check";
import type { Entry } from "../../src/core/model";
import { addDays } from "../../src/core/dates";
import { pairingId, reconcile, type DealerResult, type SideInput } from "../../src/core/reconcile";
import { toReconcileJson } from "../../src/messages";
import { side } from "./reconcile.fixtures";
import { enText, zhText } from "../messages/text";
import { fen } from "../../src/core/money";

function one(ledger: SideInput, statement: SideInput, options = {}): DealerResult {
  const report = reconcile(ledger, statement, { asOf: "2026-10-31", ...options });
  expect(report.problems).toEqual([]);
  expect(report.dealers).toHaveLength(1);
  return report.dealers[0];
}

describe("pass 6: one payment or sale, two amounts", () => {
  test("a receipt the bank kept 25.00 of pairs as one amount mismatch, likely a bank fee", () => {
    const d = one(
      side("台账", `
        2 | 2026-10-08 | | 银行收款 | -19975.00`),
      side("对账单", `
        5 | 2026-10-07 | | 付款 | -20000.00`),
    );
    expect(d.differences).toHaveLength(1);
    expect(d.differences[0]).toMatchObject({
      kind: "amount_mismatch",
      rule: "fee_pair",
      ledgerRows: [2],
      statementRows: [5],
      ledgerAmount: -1_997_500,
      statementAmount: -2_000_000,
      amount: 2_500,
    });
    expect(d.differences[0].reason.code).toBe("bank_fee");
    expect(zhText(d.differences[0].reason.text)).toContain("银行手续费");
    expect(zhText(d.differences[0].reason.text)).toContain("25.00");
    expect(d.ruleCounts.fee_pair).toBe(1);
    expect(d.suggestions).toEqual([]);
    // The 余额调节表 lists it under 待查差异 with both amounts; no one-sided adjustment is left.
    const r = d.reconciliation;
    expect(r.ledgerAdjustments).toEqual([]);
    expect(r.statementAdjustments).toEqual([]);
    expect(r.pendingItems).toEqual([
      expect.objectContaining({ source: "amount_mismatch", ledgerRows: [2], statementRows: [5], ledgerAmount: -1_997_500, statementAmount: -2_000_000, amount: 2_500 }),
    ]);
    expect(zhText(r.pendingItems[0].text)).toContain("-19,975.00");
    expect(zhText(r.pendingItems[0].text)).toContain("-20,000.00");
    expect(zhText(r.pendingItems[0].text)).toContain("可能是银行手续费");
    expect(enText(r.pendingItems[0].text)).toContain("likely a bank fee");
    expect(r.remainder).toBe(2_500);
    expect(r.unexplained).toBe(0);
  });

  test("a sale booked a few fen apart is 尾差; one 2% short is a cash discount", () => {
    const d = one(
      side("台账", `
        2 | 2026-09-01 | | 销售出库 | 1170.03
        3 | 2026-09-20 | | 销售出库 | 2000.00`),
      side("对账单", `
        4 | 2026-09-05 | | 进货 | 1170.00
        6 | 2026-09-21 | | 进货 | 1960.00`),
    );
    expect(d.differences.map((x) => [x.kind, x.rule, x.ledgerRows, x.statementRows, x.amount, x.reason.code])).toEqual([
      ["amount_mismatch", "fee_pair", [2], [4], 3, "rounding"],
      ["amount_mismatch", "fee_pair", [3], [6], 4_000, "cash_discount"],
    ]);
    expect(zhText(d.differences[1].reason.text)).toContain("2%");
  });

  test("the allowance is 50 元 or 0.5% of the amount, whichever is larger", () => {
    const d = one(
      side("台账", `
        2 | 2026-09-01 | | 收款 | -99700.00
        3 | 2026-09-10 | | 收款 | -9930.00`),
      side("对账单", `
        4 | 2026-09-01 | | 付款 | -100000.00
        5 | 2026-09-10 | | 付款 | -10000.00`),
    );
    // 300.00 on 100,000.00 is within 0.5%; 70.00 on 10,000.00 is above both 50 元 and 0.5% (50.00).
    expect(d.differences.map((x) => [x.kind, x.ledgerRows, x.statementRows])).toEqual([
      ["amount_mismatch", [2], [4]],
      ["ledger_only", [3], []],
      ["statement_only", [], [5]],
    ]);
  });

  test("a pair outside the date window stays two one-sided rows", () => {
    const d = one(
      side("台账", `
        2 | 2026-10-28 | | 银行收款 | -19975.00`),
      side("对账单", `
        5 | 2026-10-01 | | 付款 | -20000.00`),
    );
    expect(d.differences.map((x) => x.kind)).toEqual(["ledger_only", "statement_only"]);
    expect(d.ruleCounts.fee_pair).toBe(0);
  });

  test("two payments that could each be the one we booked short become suggestions, and confirming one pairs it with the fee reason", () => {
    const ledger = side("台账", `
      2 | 2026-10-08 | | 银行收款 | -19975.00`);
    const statement = side("对账单", `
      5 | 2026-10-06 | | 付款 | -20000.00
      6 | 2026-10-09 | | 付款 | -19990.00`);
    const d = one(ledger, statement);
    expect(d.differences.filter((x) => x.kind === "amount_mismatch")).toEqual([]);
    expect(d.suggestions.map((s) => [s.rule, s.ledgerRows, s.statementRows, s.amount])).toEqual([
      ["fee_pair", [2], [6], 1_500],
      ["fee_pair", [2], [5], 2_500],
    ]);
    expect(d.suggestions[0].alternatives).toEqual([d.suggestions[1].id]);
    expect(zhText(d.suggestions[0].note)).toContain("请确认");

    const id = pairingId([{ sheet: "台账", row: 2, amount: fen(-1_997_500) }], [{ sheet: "对账单", row: 5, amount: fen(-2_000_000) }]);
    expect(id).toBe(d.suggestions[1].id);
    const confirmed = one(ledger, statement, { decisions: [{ id, decision: "confirmed", ledgerRows: [2], statementRows: [5] }] });
    expect(confirmed.suggestions).toEqual([]);
    expect(confirmed.differences.map((x) => [x.kind, x.rule, x.ledgerRows, x.statementRows, x.reason.code])).toEqual([
      ["amount_mismatch", "user", [2], [5], "bank_fee"],
      ["statement_only", null, [], [6], "payment_not_booked"],
    ]);
  });

  test("a fee tolerance of 0 pairs none; exact passes still win over a near amount", () => {
    const ledger = side("台账", `
      2 | 2026-10-08 | | 银行收款 | -19975.00
      3 | 2026-10-09 | | 银行收款 | -5000.00`);
    const statement = side("对账单", `
      5 | 2026-10-07 | | 付款 | -20000.00
      6 | 2026-10-09 | | 付款 | -5000.00
      7 | 2026-10-09 | | 付款 | -4990.00`);
    const off = one(ledger, statement, { feeToleranceFen: 0 });
    expect(off.differences.map((x) => x.kind)).toEqual(["ledger_only", "statement_only", "statement_only"]);
    const on = one(ledger, statement);
    expect(on.matches.toArray().map((m) => [m.rule, m.ledgerRows, m.statementRows])).toEqual([["amount_date", [3], [6]]]);
    expect(on.differences.map((x) => [x.kind, x.ledgerRows, x.statementRows])).toEqual([
      ["amount_mismatch", [2], [5]],
      ["statement_only", [], [7]],
    ]);
  });

  test("JSON options carry the fee tolerance; the rule and reason code name the pass", () => {
    const report = reconcile(side("台账", "2 | 2026-10-08 | | 收款 | -19975.00"), side("对账单", "5 | 2026-10-07 | | 付款 | -20000.00"), { feeToleranceFen: fen(10_000) });
    const json = toReconcileJson(report) as { options: Record<string, unknown>; dealers: { rules: Record<string, number>; differences: Record<string, unknown>[] }[] };
    expect(json.options.feeTolerance).toBe("100.00");
    expect(json.dealers[0].rules.fee_pair).toBe(1);
    expect(json.dealers[0].differences[0]).toMatchObject({ kind: "amount_mismatch", rule: "fee_pair", reasonCode: "bank_fee", ledgerAmount: "-19975.00", statementAmount: "-20000.00" });
  });

  test("a fee tolerance that is not a whole number of fen is refused", () => {
    const report = reconcile(side("台账", ""), side("对账单", ""), { feeToleranceFen: fen(-1) });
    expect(report.problems.map((p) => p.code)).toEqual(["invalid_option"]);
  });
});

/**
 * Sheets where many payments and sales arrive on the other side a little off (fees, discounts,
 * rounding) or not at all: fee pairing may group the differences otherwise, never change the sums.
 */
const eventArb = fc.record({
  day: fc.integer({ min: 0, max: 25 }),
  amount: fc.constantFrom(-2_000_000, -1_000_000, -500_000, -9_999, 150_000, 1_000_000, 2_345_600),
  presence: fc.constantFrom("both", "ledger", "statement", "off", "off"),
  off: fc.constantFrom(-2_500, -1, 3, 2_000, -20_000, 9_000),
  shift: fc.integer({ min: -12, max: 18 }),
  text: fc.constantFrom("收款", "付款", "销售出库", ""),
});

const pairArb = fc.array(eventArb, { maxLength: 16 }).map((events) => {
  const ledger: Entry[] = [];
  const statement: Entry[] = [];
  const entry = (sheet: string, row: number, day: number, amount: number, text: string): Entry => ({
    sheet,
    row,
    date: addDays("2026-09-01", day),
    ref: null,
    refs: [],
    description: text,
    amount: fen(amount),
    dealer: null,
    rep: null,
    termDays: null,
  });
  for (const e of events) {
    if (e.presence !== "statement") ledger.push(entry("账本", ledger.length + 2, e.day, e.amount, e.text));
    if (e.presence === "both") statement.push(entry("对账", statement.length + 2, e.day, e.amount, e.text));
    if (e.presence === "statement") statement.push(entry("对账", statement.length + 2, e.day, e.amount, e.text));
    if (e.presence === "off") statement.push(entry("对账", statement.length + 2, Math.max(0, e.day + e.shift), e.amount + e.off, e.text));
  }
  return { ledger: { sheet: "账本", entries: ledger, openings: [] }, statement: { sheet: "对账", entries: statement, openings: [] } };
});

/** What fee pairing must leave alone: both balances and everything the differences and open suggestions add up to. */
function sums(d: DealerResult) {
  const r = d.reconciliation;
  return {
    ledgerBalance: r.ledgerBalance,
    statementBalance: r.statementBalance,
    differences: d.differences.reduce((t, x) => t + x.amount, 0) + r.pendingItems.filter((p) => p.source === "pending").reduce((t, p) => t + p.amount, 0),
    openingDifference: r.openingDifference,
    unexplained: r.unexplained,
  };
}

test("fee pairing never changes the reconciled balances or the total of the differences, only how they are grouped", () => {
  let paired = 0;
  let suggested = 0;
  fc.assert(
    fc.property(pairArb, fc.constantFrom(100, 5_000, 50_000), ({ ledger, statement }, fee) => {
      const off = reconcile(ledger, statement, { asOf: "2026-12-31", feeToleranceFen: fen(0) }).dealers;
      const on = reconcile(ledger, statement, { asOf: "2026-12-31", feeToleranceFen: fen(fee) }).dealers;
      expect(on.length).toBe(off.length);
      for (let n = 0; n < on.length; n++) {
        expect(sums(on[n])).toEqual(sums(off[n]));
        expect(on[n].reconciliation.unexplained).toBe(0);
        // Every row is accounted for once: in a match, a difference or a pending suggestion.
        const rowsOf = (d: DealerResult, key: "ledgerRows" | "statementRows") =>
          [...d.matches.toArray().flatMap((m) => m[key]), ...d.differences.flatMap((x) => x[key]), ...new Set(d.suggestions.flatMap((s) => s[key]))].sort((a, b) => a - b);
        expect(rowsOf(on[n], "ledgerRows")).toEqual(rowsOf(off[n], "ledgerRows"));
        expect(rowsOf(on[n], "statementRows")).toEqual(rowsOf(off[n], "statementRows"));
        // Pairing only ever joins one-sided rows: the exact matches stay as they were.
        expect(on[n].matches.toArray()).toEqual(off[n].matches.toArray());
        paired += on[n].ruleCounts.fee_pair;
        suggested += on[n].suggestions.filter((x) => x.rule === "fee_pair").length;
      }
    }),
    { numRuns: 300, seed: 15 },
  );
  // The generated sheets do reach the pass, both as pairs and as suggestions.
  expect(paired).toBeGreaterThan(50);
  expect(suggested).toBeGreaterThan(5);
});
