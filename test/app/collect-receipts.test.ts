/**
 * A commitment's installments are checked against one dealer's receipts: those are built from that
 * dealer's payment rows of the ledger's table only (`paymentEntries` with a dealer), never from entry
 * objects of the whole ledger.
 */
import { paymentEntries } from "../../src/app/aging";
import { entriesOf, tableOf } from "../../src/core/read";
import { receiptsOf } from "../../src/core/collect/register";
import { UNNAMED_DEALER } from "../../src/core/aging";
import type { Entry } from "../../src/core/model";
import { fen } from "../../src/core/money";

const entry = (row: number, dealer: string | null, amount: number, description: string, date: string | null = "2026-10-01", sheet = "台账"): Entry => ({
  sheet,
  row,
  date,
  ref: null,
  refs: [],
  description,
  amount: fen(amount),
  dealer,
  rep: null,
  termDays: null,
});

const TABLE = tableOf([
  entry(2, "美达商贸有限公司", 500_000, "销售"),
  entry(3, "美达商贸有限公司", -200_000, "收款", "2026-10-15"),
  entry(4, "美达商贸（有限公司）", -50_000, "银行收款", "2026-10-20", "2026-10"),
  entry(5, "恒达电器", -70_000, "收款"),
  entry(6, "美达商贸有限公司", -10_000, "退货冲减"),
  entry(7, "美达商贸有限公司", -30_000, "收款", null),
  entry(8, null, -40_000, "收款"),
  entry(9, "Acme Trading Co., Ltd.", -60_000, "Received"),
  entry(10, "ACME TRADING", -15_000, "收款"),
]);

test("one dealer's payment rows only: dated, negative, that dealer's name however it is written", () => {
  const rows = paymentEntries(TABLE, "美达商贸有限公司").map((e) => [e.sheet, e.row, e.amount]);
  expect(rows).toEqual([
    ["台账", 3, -200_000],
    ["2026-10", 4, -50_000],
    ["台账", 6, -10_000],
  ]);
  // Without a dealer: every dealer's, as the limitation period takes them.
  expect(paymentEntries(TABLE).map((e) => e.row)).toEqual([3, 4, 5, 6, 8, 9, 10]);
  // An English legal form is the same dealer as without it, as the reports and the receipts have it.
  expect(paymentEntries(TABLE, "Acme Trading").map((e) => e.row)).toEqual([9, 10]);
  // Rows without a dealer are the unnamed dealer's.
  expect(paymentEntries(TABLE, UNNAMED_DEALER).map((e) => e.row)).toEqual([8]);
});

test("the receipts from one dealer's rows are those from the whole ledger's entries", () => {
  const dealerOf = (e: Entry) => e.dealer ?? UNNAMED_DEALER;
  for (const dealer of ["美达商贸有限公司", "恒达电器", UNNAMED_DEALER, "无此公司", "Acme Trading", "acme trading co ltd"]) {
    // The whole ledger's entries, every row made an object, as the receipts were found before.
    const all = receiptsOf(entriesOf(TABLE), dealer, dealerOf);
    expect(receiptsOf(paymentEntries(TABLE, dealer), dealer, dealerOf)).toEqual(all);
  }
  // A credit note (退货) is not a receipt.
  expect(receiptsOf(paymentEntries(TABLE, "美达商贸有限公司"), "美达商贸有限公司", dealerOf)).toEqual([
    { date: "2026-10-15", amount: 200_000 },
    { date: "2026-10-20", amount: 50_000 },
  ]);
});
