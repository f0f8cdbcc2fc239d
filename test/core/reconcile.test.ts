import { dealerKey, reconcile, pairingId, type DealerResult, type ReconcileReport } from "../../src/core/reconcile";
import { opening, side } from "./reconcile.fixtures";
import { zhText } from "../messages/text";
import { fen } from "../../src/core/money";

const only = (report: ReconcileReport): DealerResult => {
  expect(report.problems).toEqual([]);
  expect(report.dealers).toHaveLength(1);
  return report.dealers[0];
};
const kinds = (d: DealerResult) => d.differences.map((x) => [x.kind, x.ledgerRows, x.statementRows, x.amount, x.reason.code]);

describe("pass 1: same reference, same amount", () => {
  test("rows with the same reference and amount match by rule 'reference', even on different days", () => {
    const d = only(
      reconcile(
        side("账本", `5 | 2026-06-01 | XS-001 | 销售出库 | 10000.00`),
        side("对账单", `3 | 2026-06-09 | xs-001 | 采购入库 | 10000.00`),
      ),
    );
    expect(d.matches.toArray()).toEqual([{ rule: "reference", ledgerRows: [5], statementRows: [3], amount: 1000000 }]);
    expect(d.differences).toEqual([]);
    expect(d.ruleCounts.reference).toBe(1);
  });

  test("references written with different separators or widths are the same key", () => {
    const d = only(
      reconcile(side("账本", `5 | 2026-06-01 | XSCK-2026-0101 | 销售 | 88.00`), side("对账单", `3 | 2026-06-01 | ＸＳＣＫ２０２６０１０１ | 采购 | 88.00`)),
    );
    expect(d.matches.toArray().map((m) => m.rule)).toEqual(["reference"]);
  });
});

describe("pass 2: same reference, different amount", () => {
  test("a transposed-digit amount is an amount_mismatch of ledger minus statement, reason transposed_digits", () => {
    const d = only(reconcile(side("账本", `7 | 2026-06-12 | XS-002 | 销售出库 | 2345.00`), side("对账单", `5 | 2026-06-14 | XS-002 | 采购 | 2435.00`)));
    expect(kinds(d)).toEqual([["amount_mismatch", [7], [5], -9000, "transposed_digits"]]);
    expect(d.differences[0].rule).toBe("reference");
    expect(zhText(d.differences[0].reason.text)).toBe("金额错误（疑似数字颠倒）：我方 2,345.00，对方 2,435.00，差额 -90.00 可被 9 整除");
  });

  test("an amount that is simply different is a wrong_amount mismatch", () => {
    const d = only(reconcile(side("账本", `7 | 2026-06-12 | XS-002 | 销售出库 | 1000.00`), side("对账单", `5 | 2026-06-14 | XS-002 | 采购 | 950.00`)));
    expect(kinds(d)).toEqual([["amount_mismatch", [7], [5], 5000, "wrong_amount"]]);
  });

  test("a mismatch whose text mentions a discount gives rebate_discount", () => {
    const d = only(reconcile(side("账本", `7 | 2026-06-12 | XS-002 | 销售出库 | 1000.00`), side("对账单", `5 | 2026-06-14 | XS-002 | 采购（折扣后） | 970.00`)));
    expect(kinds(d)).toEqual([["amount_mismatch", [7], [5], 3000, "rebate_discount"]]);
  });

  test("one invoice booked by the dealer as two deliveries with its number matches by 'reference_total'", () => {
    const d = only(
      reconcile(
        side("账本", `4 | 2026-06-01 | XS-009 | 销售出库 | 3000.00`),
        side("对账单", `
          8 | 2026-06-03 | XS-009 | 到货一 | 1000.00
          9 | 2026-06-06 | XS-009 | 到货二 | 2000.00`),
      ),
    );
    expect(d.matches.toArray()).toEqual([{ rule: "reference_total", ledgerRows: [4], statementRows: [8, 9], amount: 300000 }]);
  });

  test("a receipt citing an invoice number is not paired with that invoice (signs differ)", () => {
    const d = only(reconcile(side("账本", `4 | 2026-06-01 | XS-009 | 销售出库 | 3000.00`), side("对账单", `8 | 2026-06-20 | XS-009 | 付 XS-009 货款 | -3000.00`)));
    expect(kinds(d).map((k) => k[0])).toEqual(["ledger_only", "statement_only"]);
  });
});

describe("pass 3: reference found in the other side's text", () => {
  test("the dealer's row without a number column but with our number in its description matches by 'reference_in_text'", () => {
    const d = only(reconcile(side("账本", `5 | 2026-05-01 | XSCK-2026-0101 | 销售出库 | 4500.00`), side("对账单", `3 | 2026-06-20 |  | 收到货物 xsck2026-0101 | 4500.00`)));
    expect(d.matches.toArray()).toEqual([{ rule: "reference_in_text", ledgerRows: [5], statementRows: [3], amount: 450000 }]);
  });
});

describe("pass 4: same amount, dates inside the window", () => {
  test("a receipt we booked 2 days after the dealer paid matches by 'amount_date'", () => {
    const d = only(reconcile(side("账本", `6 | 2026-06-10 |  | 收到货款 | -5000.00`), side("对账单", `4 | 2026-06-08 |  | 电汇付款 | -5000.00`)));
    expect(d.matches.toArray()).toEqual([{ rule: "amount_date", ledgerRows: [6], statementRows: [4], amount: -500000 }]);
  });

  test("the same amount 20 days apart is outside the default window and stays one-sided on both sheets", () => {
    const d = only(reconcile(side("账本", `6 | 2026-03-30 |  | 收到货款 | -5000.00`), side("对账单", `4 | 2026-03-10 |  | 电汇付款 | -5000.00`)));
    expect(d.matches.toArray()).toEqual([]);
    expect(kinds(d)).toEqual([
      ["ledger_only", [6], [], -500000, "receipt_not_on_statement"],
      ["statement_only", [], [4], 500000, "payment_not_booked"],
    ]);
  });

  test("the window is an option: 25 days before lets the same pair match", () => {
    const d = only(reconcile(side("账本", `6 | 2026-03-30 |  | 收到货款 | -5000.00`), side("对账单", `4 | 2026-03-10 |  | 电汇付款 | -5000.00`), { dateWindowBefore: 25 }));
    expect(d.matches.toArray().map((m) => m.rule)).toEqual(["amount_date"]);
  });

  test("the closer date wins when two rows have the amount", () => {
    const d = only(
      reconcile(
        side("账本", `6 | 2026-06-10 |  | 收到货款 | -1000.00`),
        side("对账单", `
          4 | 2026-06-09 |  | 付款 | -1000.00
          5 | 2026-06-04 |  | 付款 | -1000.00`),
        { asOf: "2026-06-30", inTransitDays: 5 },
      ),
    );
    expect(d.matches.toArray()).toEqual([{ rule: "amount_date", ledgerRows: [6], statementRows: [4], amount: -100000 }]);
    expect(kinds(d)).toEqual([["statement_only", [], [5], 100000, "payment_not_booked"]]);
  });

  test("within the amount tolerance, a pair is made but the small difference stays an amount_mismatch", () => {
    const d = only(reconcile(side("账本", `6 | 2026-06-10 |  | 销售 | 1000.00`), side("对账单", `4 | 2026-06-12 |  | 采购 | 999.98`), { amountToleranceFen: fen(5) }));
    expect(kinds(d)).toEqual([["amount_mismatch", [6], [4], 2, "wrong_amount"]]);
    expect(d.differences[0].rule).toBe("amount_date");
  });
});

describe("ambiguity is a suggestion, and the user's decisions are kept", () => {
  const ledger = side("账本", `6 | 2026-06-10 |  | 收到货款 | -1000.00`);
  const statement = side("对账单", `
    4 | 2026-06-09 |  | 付款 A | -1000.00
    5 | 2026-06-11 |  | 付款 B | -1000.00`);

  test("two different rows with the amount and an equally close date give two suggestions and no match", () => {
    const d = only(reconcile(ledger, statement));
    expect(d.matches.toArray()).toEqual([]);
    expect(d.differences).toEqual([]);
    const a = pairingId([{ sheet: "账本", row: 6, amount: fen(-100000) }], [{ sheet: "对账单", row: 4, amount: fen(-100000) }]);
    const b = pairingId([{ sheet: "账本", row: 6, amount: fen(-100000) }], [{ sheet: "对账单", row: 5, amount: fen(-100000) }]);
    expect(d.suggestions.map((s) => [s.id, s.rule, s.ledgerRows, s.statementRows, s.alternatives])).toEqual([
      [a, "amount_date", [6], [4], [b]],
      [b, "amount_date", [6], [5], [a]],
    ]);
    // Open rows adjust neither balance (they are probably booked on both sides): they are 待查 until the
    // user decides, each with its amount, and their total is what stands between the adjusted balances.
    const r = d.reconciliation;
    expect([r.ledgerAdjustments, r.statementAdjustments]).toEqual([[], []]);
    expect([r.adjustedLedgerBalance, r.adjustedStatementBalance]).toEqual([-100000, -200000]);
    expect(r.pendingItems.map((x) => [x.source, x.ledgerRows, x.statementRows, x.ledgerAmount, x.statementAmount, x.amount])).toEqual([
      ["pending", [6], [], -100000, 0, -100000],
      ["pending", [], [4], 0, -100000, 100000],
      ["pending", [], [5], 0, -100000, 100000],
    ]);
    expect([r.pendingTotal, r.remainder, r.unexplained, r.balanced]).toEqual([100000, 100000, 0, false]);
  });

  test("a confirmed suggestion becomes a match by rule 'user'; the other row becomes one-sided", () => {
    const first = only(reconcile(ledger, statement)).suggestions[1];
    const d = only(
      reconcile(ledger, statement, { decisions: [{ id: first.id, decision: "confirmed", ledgerRows: first.ledgerRows, statementRows: first.statementRows }] }),
    );
    expect(d.matches.toArray()).toEqual([{ rule: "user", ledgerRows: [6], statementRows: [5], amount: -100000 }]);
    expect(kinds(d).map((k) => k.slice(0, 3))).toEqual([["statement_only", [], [4]]]);
    expect(d.suggestions).toEqual([]);
  });

  test("a rejected suggestion is never proposed again, so the remaining candidate matches", () => {
    const [first] = only(reconcile(ledger, statement)).suggestions;
    const report = reconcile(ledger, statement, { decisions: [{ id: first.id, decision: "rejected" }] });
    const d = only(report);
    expect(d.matches.toArray()).toEqual([{ rule: "amount_date", ledgerRows: [6], statementRows: [5], amount: -100000 }]);
    expect(d.suggestions).toEqual([]);
  });

  test("a confirmation whose rows have changed amount no longer applies and is reported stale", () => {
    const first = only(reconcile(ledger, statement)).suggestions[0];
    const changed = side("对账单", `
      4 | 2026-06-09 |  | 付款 A | -1100.00
      5 | 2026-06-11 |  | 付款 B | -1000.00`);
    const report = reconcile(ledger, changed, { decisions: [{ id: first.id, decision: "confirmed", ledgerRows: [6], statementRows: [4] }] });
    expect(report.staleDecisions).toEqual([first.id]);
    expect(only(report).matches.toArray().map((m) => [m.rule, m.statementRows])).toEqual([["amount_date", [5]]]);
  });

  test("two candidates identical in date, amount and text are interchangeable: no suggestion, the lower row is taken", () => {
    const d = only(
      reconcile(
        side("账本", `6 | 2026-06-10 |  | 收到货款 | -1000.00`),
        side("对账单", `
          9 | 2026-06-09 |  | 付款 | -1000.00
          4 | 2026-06-09 |  | 付款 | -1000.00`),
        { asOf: "2026-06-30" },
      ),
    );
    expect(d.matches.toArray()).toEqual([{ rule: "amount_date", ledgerRows: [6], statementRows: [4], amount: -100000 }]);
    expect(kinds(d)).toEqual([["statement_only", [], [9], 100000, "payment_not_booked"]]);
  });
});

describe("pass 5: one row against several", () => {
  test("a split payment: one receipt on our side, two payments on theirs, matches by 'subset'", () => {
    const d = only(
      reconcile(
        side("账本", `9 | 2026-06-20 |  | 收到货款 | -3000.00`),
        side("对账单", `
          6 | 2026-06-19 |  | 付款 | -1000.00
          7 | 2026-06-19 |  | 付款 | -2000.00`),
      ),
    );
    expect(d.matches.toArray()).toEqual([{ rule: "subset", ledgerRows: [9], statementRows: [6, 7], amount: -300000 }]);
    expect(d.subsetSearch.boundHit).toBe(false);
  });

  test("two deliveries we booked apart, booked by the dealer as one receipt of goods, match many-to-one", () => {
    const d = only(
      reconcile(
        side("账本", `
          3 | 2026-06-01 |  | 发货 | 500.00
          4 | 2026-06-02 |  | 发货 | 700.00`),
        side("对账单", `2 | 2026-06-05 |  | 到货 | 1200.00`),
      ),
    );
    expect(d.matches.toArray()).toEqual([{ rule: "subset", ledgerRows: [3, 4], statementRows: [2], amount: 120000 }]);
  });

  test("two different sets adding up to the same receipt give suggestions, never a guess", () => {
    const d = only(
      reconcile(
        side("账本", `9 | 2026-06-20 |  | 收到货款 | -3000.00`),
        side("对账单", `
          5 | 2026-06-18 |  | 付款一 | -1000.00
          6 | 2026-06-19 |  | 付款二 | -2000.00
          7 | 2026-06-21 |  | 付款三 | -1500.00
          8 | 2026-06-22 |  | 付款四 | -1500.00`),
      ),
    );
    expect(d.matches.toArray()).toEqual([]);
    expect(d.suggestions.map((s) => [s.rule, s.ledgerRows, s.statementRows])).toEqual([
      ["subset", [9], [5, 6]],
      ["subset", [9], [7, 8]],
    ]);
    expect(d.differences).toEqual([]);
  });
});

describe("duplicates are flagged before matching", () => {
  test("our invoice booked twice: the later row is a duplicate difference, the first one matches", () => {
    const d = only(
      reconcile(
        side("账本", `
          5 | 2026-06-01 | XS-005 | 销售出库 | 800.00
          6 | 2026-06-01 | XS-005 | 销售出库 | 800.00`),
        side("对账单", `3 | 2026-06-02 | XS-005 | 采购 | 800.00`),
      ),
    );
    expect(d.matches.toArray()).toEqual([{ rule: "reference", ledgerRows: [5], statementRows: [3], amount: 80000 }]);
    expect(kinds(d)).toEqual([["duplicate", [6], [], 80000, "duplicate_entry"]]);
    expect(d.differences[0].duplicateOf).toBe(5);
    // A duplicate is an error to correct, not a timing item: it is 待查 with both amounts and adjusts neither side.
    const r = d.reconciliation;
    expect(r.ledgerAdjustments).toEqual([]);
    expect(r.pendingItems.map((a) => [a.source, a.ledgerRows, a.ledgerAmount, a.statementAmount, a.amount, zhText(a.text)])).toEqual([
      ["duplicate", [6], 80000, 0, 80000, "我方重复记账（第 6 行重复第 5 行）"],
    ]);
    expect([r.remainder, r.pendingTotal, r.balanced]).toEqual([80000, 80000, false]);
    expect(zhText(r.remainderNote)).toBe("调节后仍差 800.00，即待查差异合计（1 项），请逐项查明哪一方有误并更正");
  });

  test("the same reference twice on both sides is not a duplicate", () => {
    const twice = `
      5 | 2026-06-01 | XS-005 | 销售出库 | 800.00
      6 | 2026-06-03 | XS-005 | 销售出库 | 800.00`;
    const d = only(reconcile(side("账本", twice), side("对账单", twice)));
    expect(d.differences).toEqual([]);
    expect(d.matches.toArray().map((m) => [m.ledgerRows, m.statementRows])).toEqual([
      [[5], [5]],
      [[6], [6]],
    ]);
  });
});

describe("likely reasons for one-sided rows", () => {
  const asOf = { asOf: "2026-06-30" };
  const reasonOf = (ledgerText: string, statementText: string) => kinds(only(reconcile(side("账本", ledgerText), side("对账单", statementText), asOf)));

  test("our sale two days before the cut-off, missing on their side, is goods in transit", () => {
    const d = only(reconcile(side("账本", `8 | 2026-06-28 | XS-003 | 销售出库 | 800.00`), side("对账单", ``), asOf));
    expect(kinds(d)).toEqual([["ledger_only", [8], [], 80000, "goods_in_transit"]]);
    expect(zhText(d.differences[0].reason.text)).toBe("期末在途货物：我方 2026-06-28 已发货入账，对方截至 2026-06-30 尚未入账");
  });

  test("an old sale they never booked is not called in transit", () => {
    expect(reasonOf(`8 | 2026-03-02 | XS-003 | 销售出库 | 800.00`, ``)).toEqual([["ledger_only", [8], [], 80000, "sale_not_booked_by_dealer"]]);
  });

  test("their payment near the cut-off, missing on our side, is a payment in transit", () => {
    expect(reasonOf(``, `4 | 2026-06-29 |  | 网银付款 | -5000.00`)).toEqual([["statement_only", [], [4], 500000, "payment_in_transit"]]);
  });

  test("a bank acceptance draft is a payment in transit whatever its date", () => {
    expect(reasonOf(``, `4 | 2026-04-01 |  | 银行承兑汇票 | -5000.00`)).toEqual([["statement_only", [], [4], 500000, "payment_in_transit"]]);
  });

  test("a rebate only the dealer booked is rebate_discount, positive ledger-minus-statement", () => {
    expect(reasonOf(``, `8 | 2026-06-25 |  | 返利 | -300.00`)).toEqual([["statement_only", [], [8], 30000, "rebate_discount"]]);
  });

  test("a credit only they booked without payment words is read as a rebate or discount", () => {
    expect(reasonOf(``, `8 | 2026-05-25 |  | 调整 | -200.00`)).toEqual([["statement_only", [], [8], 20000, "rebate_discount"]]);
  });

  test("a return booked only by the dealer is a return", () => {
    expect(reasonOf(``, `8 | 2026-06-05 |  | 退货 | -450.00`)).toEqual([["statement_only", [], [8], 45000, "return"]]);
  });

  test("a negative sale on our side is a return", () => {
    expect(reasonOf(`8 | 2026-06-05 | XS-77 | 销售出库（红字） | -450.00`, ``)).toEqual([["ledger_only", [8], [], -45000, "return"]]);
  });

  test("a charge only the dealer booked asks whether we missed a sale", () => {
    expect(reasonOf(``, `8 | 2026-05-05 |  | 采购 | 450.00`)).toEqual([["statement_only", [], [8], -45000, "charge_not_booked"]]);
  });
});

describe("the cut-off", () => {
  test("rows after the cut-off are left out, listed, and the balances stop at the cut-off", () => {
    const d = only(
      reconcile(
        side("账本", `
          5 | 2026-06-01 | XS-001 | 销售 | 1000.00
          6 | 2026-07-02 | XS-002 | 销售 | 500.00`),
        side("对账单", `
          3 | 2026-06-01 | XS-001 | 采购 | 1000.00
          4 | 2026-07-05 | XS-002 | 采购 | 500.00`),
        { asOf: "2026-06-30" },
      ),
    );
    expect(d.ledger).toEqual({ sheet: "账本", entries: 1, openingBalance: 0, closingBalance: 100000, excludedAfterCutoff: [6] });
    expect(d.statement).toEqual({ sheet: "对账单", entries: 1, openingBalance: 0, closingBalance: 100000, excludedAfterCutoff: [4] });
    expect(d.differences).toEqual([]);
  });
});

describe("the 余额调节表", () => {
  const ledger = side(
    "账本",
    `
    5 | 2026-06-01 | XS-001 | 销售出库 | 10000.00
    6 | 2026-06-10 |        | 收到货款 | -5000.00
    7 | 2026-06-12 | XS-002 | 销售出库 | 2345.00
    8 | 2026-06-28 | XS-003 | 销售出库 | 800.00
    9 | 2026-06-20 |        | 收到货款 | -3000.00`,
    [opening("账本", 4, "1000.00")],
  );
  const statement = side(
    "对账单",
    `
    3 | 2026-06-03 | XS-001 | 采购 | 10000.00
    4 | 2026-06-08 |        | 付款 | -5000.00
    5 | 2026-06-14 | XS-002 | 采购 | 2435.00
    6 | 2026-06-19 |        | 付款 | -1000.00
    7 | 2026-06-19 |        | 付款 | -2000.00
    8 | 2026-06-25 |        | 返利 | -300.00`,
    [opening("对账单", 2, "1000.00")],
  );

  test("timing items adjust the side that has not booked them; the mismatch is 待查 with both amounts", () => {
    const r = only(reconcile(ledger, statement, { asOf: "2026-06-30" })).reconciliation;
    expect([r.ledgerBalance, r.statementBalance]).toEqual([614500, 513500]);
    expect(r.ledgerAdjustments.map((a) => [a.source, a.ledgerRows, a.statementRows, a.amount])).toEqual([["statement_only", [], [8], -30000]]);
    expect(r.statementAdjustments.map((a) => [a.source, a.ledgerRows, a.statementRows, a.amount])).toEqual([["ledger_only", [8], [], 80000]]);
    // Which side keyed 2,345.00 or 2,435.00 wrongly is not known, so neither balance is forced to the other.
    expect(r.pendingItems.map((a) => [a.source, a.ledgerRows, a.statementRows, a.ledgerAmount, a.statementAmount, a.amount])).toEqual([
      ["amount_mismatch", [7], [5], 234500, 243500, -9000],
    ]);
    expect([r.adjustedLedgerBalance, r.adjustedStatementBalance, r.remainder, r.pendingTotal, r.unexplained, r.balanced]).toEqual([
      584500, 593500, -9000, -9000, 0, false,
    ]);
    expect([r.ledgerOpeningRows, r.statementOpeningRows]).toEqual([[4], [2]]);
  });

  test("different opening balances leave a remainder that is shown and explained, never hidden", () => {
    const theirs = { ...statement, openings: [opening("对账单", 2, "900.00")] };
    const r = only(reconcile(ledger, theirs, { asOf: "2026-06-30" })).reconciliation;
    expect([r.remainder, r.openingDifference, r.pendingTotal, r.unexplained, r.balanced]).toEqual([1000, 10000, -9000, 0, false]);
    expect(zhText(r.remainderNote)).toBe("调节后仍差 10.00：待查差异合计 -90.00（1 项），双方期初余额之差 100.00（我方 1,000.00，对方 900.00）；请逐项核对");
  });

  test("only different opening balances: the remainder is their difference, and said so", () => {
    const ours = side("账本", `5 | 2026-06-01 | XS-001 | 销售出库 | 10000.00`, [opening("账本", 4, "1000.00")]);
    const theirs = side("对账单", `3 | 2026-06-03 | XS-001 | 采购 | 10000.00`, [opening("对账单", 2, "900.00")]);
    const r = only(reconcile(ours, theirs)).reconciliation;
    expect([r.remainder, r.openingDifference, r.pendingItems, r.balanced]).toEqual([10000, 10000, [], false]);
    expect(zhText(r.remainderNote)).toBe("调节后仍差 100.00，等于双方期初余额之差（我方 1,000.00，对方 900.00），请核对以前期间");
  });
});

describe("many dealers", () => {
  test("dealer names are keyed without spaces, full-width forms, brackets or legal suffixes", () => {
    expect(
      ["某某商贸有限公司", "某某商贸 有限责任公司", "某某商贸股份有限公司", "（某某商贸）", "某某商贸", "ＡＢＣ贸易 Co., Ltd."].map(dealerKey),
    ).toEqual(["某某商贸", "某某商贸", "某某商贸", "某某商贸", "某某商贸", "ABC贸易"]);
    expect(dealerKey("某某集团有限公司")).toBe("某某集团");
  });

  test("every dealer is reconciled after name normalisation, sorted by key, one result each", () => {
    const report = reconcile(
      side("账本", `
        2 | 2026-06-01 | XS-1 | 销售 | 100.00 | 乙商贸有限公司
        3 | 2026-06-01 | XS-2 | 销售 | 200.00 | 甲商贸有限公司
        4 | 2026-06-02 | XS-3 | 销售 | 300.00 | 甲商贸有限公司`),
      side("对账单", `
        2 | 2026-06-02 | XS-2 | 采购 | 200.00 | 甲商贸 有限责任公司
        3 | 2026-06-02 | XS-1 | 采购 | 100.00 | （乙商贸）有限公司
        4 | 2026-06-02 | XS-3 | 采购 | 300.00 | 甲商贸有限公司`),
    );
    expect(report.problems).toEqual([]);
    expect(report.dealers.map((d) => [d.dealer, d.dealerKey, d.matches.length, d.differences.length])).toEqual([
      ["乙商贸有限公司", "乙商贸", 1, 0],
      ["甲商贸有限公司", "甲商贸", 2, 0],
    ]);
  });

  test("a row we posted under one dealer that the statements show under another is flagged wrong_dealer", () => {
    const report = reconcile(
      side("账本", `2 | 2026-05-01 | XS-7 | 销售 | 100.00 | 甲商贸`),
      side("对账单", `2 | 2026-05-02 | XS-7 | 采购 | 100.00 | 乙商贸`),
    );
    expect(report.dealers.map((d) => kinds(d))).toEqual([
      [["statement_only", [], [2], -10000, "wrong_dealer"]],
      [["ledger_only", [2], [], 10000, "wrong_dealer"]],
    ]);
    expect(zhText(report.dealers[1].differences[0].reason.text)).toBe("疑似记错客户：对方对账单将此笔记在「乙商贸」名下");
  });

  test("a statement without a dealer column belongs to the ledger's only dealer", () => {
    const d = only(reconcile(side("账本", `2 | 2026-05-01 | XS-7 | 销售 | 100.00 | 甲商贸`), side("对账单", `2 | 2026-05-02 | XS-7 | 采购 | 100.00`)));
    expect([d.dealer, d.matches.length]).toEqual(["甲商贸", 1]);
  });

  test("a many-dealer ledger against a statement without dealers needs a dealer, said as a problem", () => {
    const ledger = side("账本", `
      2 | 2026-05-01 | XS-7 | 销售 | 100.00 | 甲商贸
      3 | 2026-05-01 | XS-8 | 销售 | 100.00 | 乙商贸`);
    const statement = side("对账单", `2 | 2026-05-02 | XS-7 | 采购 | 100.00`);
    const report = reconcile(ledger, statement);
    expect(report.dealers).toEqual([]);
    expect(report.problems.map((p) => p.code)).toEqual(["dealer_required"]);
    const d = only(reconcile(ledger, statement, { dealer: "甲商贸有限公司" }));
    expect([d.dealer, d.matches.length, d.differences.length]).toEqual(["甲商贸", 1, 0]);
    expect(reconcile(ledger, statement, { dealer: "丙商贸" }).problems.map((p) => p.code)).toEqual(["dealer_not_found"]);
  });
});

describe("options", () => {
  test("an invalid cut-off date or a negative tolerance is a problem, not an exception", () => {
    const report = reconcile(side("账本", ``), side("对账单", ``), { asOf: "2026/06/30", amountToleranceFen: fen(-1) });
    expect(report.dealers).toEqual([]);
    expect(report.problems.map((p) => p.code)).toEqual(["invalid_option", "invalid_option"]);
    expect(zhText(report.problems[0].text)).toBe("选项 asOf 的值 2026/06/30 无效：日期应写作 YYYY-MM-DD");
  });
});
