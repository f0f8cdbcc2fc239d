import { reconcile, type SideInput } from "../../src/core/reconcile";
import { both, toReconcileJson } from "../../src/messages";
import type { UnreadRow } from "../../src/core/read";
import { side } from "./reconcile.fixtures";
import { zhText } from "../messages/text";

const unread = (sheet: string, row: number, dealer: string | null, column: string, header: string, found: string, code: "bad_amount" | "bad_date" = "bad_amount"): UnreadRow => ({
  sheet,
  row,
  dealer,
  date: code === "bad_date" ? null : "2026-10-05",
  ref: `XS-${row}`,
  description: "销售",
  opening: false,
  cells: [{ code, sheet, row, column, header, found, expected: code === "bad_amount" ? "amount" : "date" }],
});

describe("a dealer one side does not have", () => {
  const ledger = side("台账", `
    2 | 2026-10-01 | XS-1 | 销售 | 100.00 | 甲商贸
    3 | 2026-10-02 | XS-2 | 销售 | 200.00 | 乙商贸`);
  const statement = side("对账单", `
    2 | 2026-10-03 | XS-1 | 进货 | 100.00 | 甲商贸
    3 | 2026-10-04 | XS-9 | 进货 | 50.00  | 丙商贸`);

  test("is listed with its status and never called balanced", () => {
    const report = reconcile(ledger, statement);
    expect(report.dealers.map((d) => [d.dealer, d.status, d.reconciliation.balanced])).toEqual([
      ["丙商贸", "no_ledger", false],
      ["乙商贸", "no_statement", false],
      ["甲商贸", "reconciled", true],
    ]);
    expect(zhText(report.dealers[1].reconciliation.remainderNote)).toMatch(/^对账单中没有这家经销商的记录/);
  });

  test("the JSON gives every dealer its status", () => {
    const json = toReconcileJson(reconcile(ledger, statement)) as { dealers: { dealer: string; status: string; reconciliation: { balanced: boolean } }[] };
    expect(json.dealers.map((d) => [d.dealer, d.status, d.reconciliation.balanced])).toEqual([
      ["丙商贸", "no_ledger", false],
      ["乙商贸", "no_statement", false],
      ["甲商贸", "reconciled", true],
    ]);
  });

  test("a dealer asked for that neither sheet names is refused, also when the ledger's rows were filtered away", () => {
    expect(reconcile(ledger, statement, { dealer: "丁商贸" }).problems.map((p) => p.code)).toEqual(["dealer_not_found"]);
    const emptied: SideInput = { sheet: "台账", entries: [], openings: [] };
    const nameless = side("对账单", `2 | 2026-10-03 | XS-1 | 进货 | 100.00`);
    expect(reconcile(emptied, nameless, { dealer: "丁商贸" }).problems.map((p) => p.code)).toEqual(["dealer_not_found"]);
    // Two nameless sheets: the name only labels the pair.
    const ours = side("台账", `2 | 2026-10-01 | XS-1 | 销售 | 100.00`);
    expect(reconcile(ours, nameless, { dealer: "丁商贸" }).dealers.map((d) => [d.dealer, d.status])).toEqual([["丁商贸", "reconciled"]]);
  });
});

describe("cells that cannot be read", () => {
  const ledger: SideInput = {
    ...side("台账", `
      2 | 2026-10-01 | XS-1 | 销售 | 100.00 | 甲商贸
      4 | 2026-10-06 | XS-4 | 销售 | 40.00  | 乙商贸`),
    unreadable: [unread("台账", 3, "甲商贸", "E", "借方", "N/A"), unread("台账", 5, "乙商贸", "B", "日期", "下周", "bad_date")],
  };
  const statement: SideInput = {
    ...side("对账单", `
      2 | 2026-10-03 | XS-1 | 进货 | 100.00 | 甲商贸
      3 | 2026-10-06 | XS-4 | 进货 | 40.00  | 乙商贸`),
    unreadable: [unread("对账单", 4, "甲商贸", "D", "进货金额", "待定")],
  };
  const report = reconcile(ledger, statement);

  test("each becomes an `unreadable` difference naming sheet, cell, text and fix, listed first", () => {
    const jia = report.dealers.find((d) => d.dealer === "甲商贸")!;
    expect(jia.differences.map((x) => [x.kind, x.ledgerRows, x.statementRows, x.amount, x.sheet, x.cell, x.found])).toEqual([
      ["unreadable", [3], [], 0, "台账", "E3", "N/A"],
      ["unreadable", [], [4], 0, "对账单", "D4", "待定"],
    ]);
    expect(zhText(jia.differences[0].reason.text)).toBe("无法读取：台账 E3（借方）「N/A」不是金额，该行未计入余额。请填写数字金额（如 1200.00），或删除这一行");
    expect(jia.differences[0].fix && both(jia.differences[0].fix)).toEqual({ zh: "请填写数字金额（如 1200.00），或删除这一行", en: "write the amount as a number (such as 1200.00), or delete the row" });
  });

  test("a dealer with unread rows is never balanced, though every readable row matched", () => {
    expect(report.dealers.map((d) => [d.dealer, d.status, d.matches.length, d.reconciliation.balanced])).toEqual([
      ["乙商贸", "reconciled", 1, false],
      ["甲商贸", "reconciled", 1, false],
    ]);
    expect(zhText(report.dealers[0].reconciliation.remainderNote)).toBe("有 1 行的金额或日期无法读取，未计入余额：改正后重新对账");
  });

  test("the JSON adds sheet, cell, found and fix to unread differences only", () => {
    const json = toReconcileJson(report) as { dealers: { differences: Record<string, unknown>[] }[] };
    expect(json.dealers[0].differences[0]).toMatchObject({ kind: "unreadable", reasonCode: "unreadable_cell", ledgerRows: [5], sheet: "台账", cell: "B5", found: "下周", fix: "请填写日期（如 2026-10-31）", fixEn: "write a date (such as 2026-10-31)" });
    const plain = toReconcileJson(reconcile(side("台账", `2 | 2026-10-01 | XS-1 | 销售 | 100.00`), side("对账单", ``))) as { dealers: { differences: Record<string, unknown>[] }[] };
    expect(Object.keys(plain.dealers[0].differences[0])).toEqual(["kind", "ledgerRows", "statementRows", "amount", "reason", "reasonCode", "reasonEn", "ledgerAmount", "statementAmount", "rule", "duplicateOf", "otherDealer"]);
  });

  test("an unread row dated after the cut-off is left out like any later row", () => {
    const later: SideInput = { ...side("台账", `2 | 2026-10-01 | XS-1 | 销售 | 100.00`), unreadable: [{ ...unread("台账", 3, null, "E", "借方", "N/A"), date: "2026-11-02" }] };
    const d = reconcile(later, side("对账单", `2 | 2026-10-03 | XS-1 | 进货 | 100.00`), { asOf: "2026-10-31" }).dealers[0];
    expect([d.differences, d.ledger.excludedAfterCutoff, d.reconciliation.balanced]).toEqual([[], [3], true]);
  });
});
