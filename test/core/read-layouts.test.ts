import { readGrid, type ReadResult, entriesOf } from "../../src/core/read";
import {
  handmadeList,
  kingdeeLedger,
  messyLedger,
  payableStatement,
  purchaseStatement,
  yonyouLedger,
} from "../fixtures/ledgers";

/** The parts of an entry a reconciliation depends on, one line each. */
function lines(r: ReadResult) {
  return entriesOf(r.table).map((e) => ({ row: e.row, date: e.date, ref: e.ref, refs: e.refs, amount: e.amount, voucher: e.voucher }));
}
function skips(r: ReadResult) {
  return r.skipped.map((s) => [s.row, s.reason]);
}

describe("Kingdee 明细账 export", () => {
  const r = readGrid(kingdeeLedger);

  test("finds the header under three title rows and maps every column", () => {
    expect(r.headerRows).toEqual([4]);
    expect(r.side).toBe("ledger");
    expect(r.sideSource).toBe("title");
    const cols = Object.fromEntries(Object.entries(r.mapping).map(([role, m]) => [role, m!.column]));
    expect(cols).toEqual({ date: 1, voucher: 2, description: 3, counterAccount: 4, debit: 5, credit: 6, direction: 7, balance: 8 });
    expect(r.mapping.debit).toEqual({ column: 5, header: "借方", confidence: 1, source: "detected" });
  });

  test("takes the dealer and the period from the title rows", () => {
    expect(r.dealer).toBe("美达商贸有限公司");
    expect(r.dealers).toEqual(["美达商贸有限公司"]);
    expect(r.periodFrom).toBe("2026-01-01");
    expect(r.periodTo).toBe("2026-10-31");
    expect(r.yearUsed).toBe(2026);
  });

  test("a 期初余额 row becomes the opening balance, not a sale", () => {
    expect(r.openings).toEqual([{ sheet: "应收明细账", row: 5, dealer: "美达商贸有限公司", date: "2026-01-01", amount: 1200000 }]);
    expect(r.openingBalance).toBe(1200000);
    expect(entriesOf(r.table).some((e) => e.row === 5)).toBe(false);
  });

  test("entries carry the references found in 摘要, apart from the voucher number", () => {
    expect(lines(r)).toEqual([
      { row: 6, date: "2026-01-05", ref: "XSCK-2026-0101", refs: ["XSCK20260101"], amount: 2340000, voucher: "记-3" },
      { row: 7, date: "2026-01-18", ref: null, refs: [], amount: -1200000, voucher: "记-15" },
      { row: 10, date: "2026-02-03", ref: "XSCK-2026-0207", refs: ["XSCK20260207", "452301"], amount: 585050, voucher: "记-8" },
      { row: 11, date: "2026-02-20", ref: null, refs: [], amount: -2925050, voucher: "记-21" },
    ]);
    expect(entriesOf(r.table)[0]).toMatchObject({ sheet: "应收明细账", description: "销售出库 XSCK-2026-0101", dealer: "美达商贸有限公司", hidden: false, afterAsOf: false });
  });

  test("本月合计 and 本年累计 rows are skipped as totals and the running balance agrees", () => {
    expect(skips(r)).toEqual([
      [1, "title"],
      [2, "title"],
      [3, "title"],
      [5, "opening"],
      [8, "total"],
      [9, "total"],
      [12, "total"],
      [13, "total"],
    ]);
    expect(r.closingBalance).toBe(0);
    expect(r.balanceCheck).toEqual({ checked: true, firstMismatchRow: null, mismatches: 0 });
    expect(r.errors).toEqual([]);
  });
});

describe("Yonyou 三栏式 with split 月/日 under a 2026年 cell", () => {
  const r = readGrid(yonyouLedger);

  test("reads the two header rows and the year from the merged cell above 月 and 日", () => {
    expect(r.headerRows).toEqual([3, 4]);
    expect(r.mapping.month).toMatchObject({ column: 1, header: "2026年/月" });
    expect(r.mapping.day).toMatchObject({ column: 2, header: "2026年/日" });
    expect(r.mapping.voucher).toMatchObject({ column: 3, header: "凭证号数" });
    expect(r.yearUsed).toBe(2026);
  });

  test("entries get full dates, text amounts and references", () => {
    expect(lines(r)).toEqual([
      { row: 6, date: "2026-01-08", ref: "XS-0012", refs: ["XS12"], amount: 468000, voucher: "记-5" },
      { row: 7, date: "2026-01-25", ref: null, refs: [], amount: -800000, voucher: "收-2" },
      { row: 9, date: "2026-02-03", ref: "00876543", refs: ["876543"], amount: 117000, voucher: "记-9" },
      { row: 10, date: "2026-02-14", ref: "XS-0012", refs: ["XS12"], amount: -46800, voucher: "记-17" },
    ]);
  });

  test("上年结转 is the opening; the balance closes at 5,382.00", () => {
    expect(r.openings.map((o) => [o.row, o.amount, o.date])).toEqual([[5, 800000, null]]);
    expect(r.closingBalance).toBe(538200);
    expect(skips(r)).toEqual([
      [1, "title"],
      [2, "title"],
      [5, "opening"],
      [8, "total"],
      [11, "total"],
      [12, "total"],
    ]);
    expect(r.balanceCheck.firstMismatchRow).toBeNull();
    expect(r.dealer).toBe("宏达电器有限公司");
  });
});

describe("hand-made list of many dealers", () => {
  const r = readGrid(handmadeList);

  test("the dealer column gives every entry its dealer, filling merged cells down", () => {
    expect(r.dealer).toBeNull();
    expect(r.dealers).toEqual(["美达商贸", "宏达电器"]);
    expect(entriesOf(r.table).map((e) => [e.row, e.dealer, e.date, e.ref, e.amount, e.termDays, e.rep])).toEqual([
      [2, "美达商贸", "2026-01-05", "FH-001", 3600000, 30, "张伟"],
      [3, "美达商贸", "2026-01-20", "FH-007", 1200000, 30, "张伟"],
      [4, "美达商贸", "2026-02-10", null, -3600000, null, "张伟"],
      [6, "宏达电器", "2026-01-09", "FH-003", 880000, 60, "李娜"],
      [7, "宏达电器", "2026-02-01", null, -500000, 60, "李娜"],
    ]);
  });

  test("a dealer's 小计, a blank row and the 合计 are skipped with their reason", () => {
    expect(r.skipped).toEqual([
      { row: 5, reason: "total", text: "美达商贸 小计" },
      { row: 8, reason: "blank", text: "" },
      { row: 9, reason: "total", text: "合计" },
    ]);
    expect(r.closingBalance).toBe(1580000);
    expect(r.balanceCheck.checked).toBe(false);
  });

  test("shipment and receipt columns are recognised as debit and credit, with the term and the rep", () => {
    expect(r.sideSource).toBe("headers");
    expect(r.mapping.debit?.header).toBe("发货金额");
    expect(r.mapping.credit?.header).toBe("回款金额");
    expect(r.mapping.term?.header).toBe("账期(天)");
    expect(r.mapping.rep?.header).toBe("业务员");
  });
});

describe("dealer statements come out in our sign", () => {
  test("进货金额 is our debit and 付款金额 our credit; the dealer names itself in the title", () => {
    const r = readGrid(purchaseStatement);
    expect(r.side).toBe("statement");
    expect(r.sideSource).toBe("headers");
    expect(r.dealer).toBe("美达商贸有限公司");
    expect(r.periodFrom).toBe("2026-01-01");
    expect(r.periodTo).toBe("2026-02-28");
    expect(entriesOf(r.table).map((e) => [e.row, e.date, e.ref, e.refs, e.amount])).toEqual([
      [5, "2026-01-06", "XSCK-2026-0101", ["XSCK20260101"], 2340000],
      [6, "2026-01-18", "FK-0118", ["FK118"], -1200000],
      [7, "2026-02-05", "XSCK20260207", ["XSCK20260207"], 585050],
      [8, "2026-02-21", "FK-0221", ["FK221"], -2925050],
    ]);
    expect(r.openingBalance).toBe(1200000);
    expect(r.closingBalance).toBe(0);
    expect(skips(r)).toEqual([
      [1, "title"],
      [2, "title"],
      [4, "opening"],
      [9, "total"],
    ]);
    expect(r.balanceCheck).toEqual({ checked: true, firstMismatchRow: null, mismatches: 0 });
  });

  test("应付增加/应付减少 with a 贷 balance: their payable is our receivable", () => {
    const r = readGrid(payableStatement);
    expect(r.side).toBe("statement");
    expect(r.headerRows).toEqual([3]);
    expect(r.dealer).toBe("宏达电器有限公司");
    expect(r.openings.map((o) => [o.row, o.date, o.amount])).toEqual([[4, "2025-12-31", 800000]]);
    expect(lines(r)).toEqual([
      { row: 5, date: "2026-01-08", ref: "XS-0012", refs: ["XS12"], amount: 468000, voucher: "记-12" },
      { row: 6, date: "2026-01-26", ref: null, refs: [], amount: -800000, voucher: "付-3" },
      { row: 7, date: "2026-02-04", ref: "00876543", refs: ["876543"], amount: 117000, voucher: "记-20" },
      { row: 8, date: "2026-02-15", ref: "XS-0012", refs: ["XS12"], amount: -46800, voucher: "记-31" },
      { row: 9, date: "2026-02-28", ref: null, refs: [], amount: -50000, voucher: "记-40" },
    ]);
    expect(r.closingBalance).toBe(488200);
    expect(r.balanceCheck).toEqual({ checked: true, firstMismatchRow: null, mismatches: 0 });
  });
});

describe("a messy hand-kept sheet", () => {
  const r = readGrid(messyLedger);

  test("reads past the merged title, takes the dealer, and counts the hidden row it still read", () => {
    expect(r.headerRows).toEqual([4]);
    expect(r.dealer).toBe("金桥五金商行");
    expect(r.hiddenRowCount).toBe(1);
    expect(entriesOf(r.table).find((e) => e.row === 7)?.hidden).toBe(true);
  });

  test("text amounts and mixed date forms all become entries", () => {
    expect(entriesOf(r.table).map((e) => [e.row, e.date, e.amount])).toEqual([
      [6, "2026-01-03", 120000],
      [7, "2026-01-09", 300000],
      [8, "2026-01-12", -50000],
      [9, "2026-01-15", 80000],
      [11, "2026-01-20", -150000],
      [12, "2026-01-25", 240000],
      [15, "2026-01-30", 30000],
    ]);
    expect(r.openingBalance).toBe(200000);
    expect(r.closingBalance).toBe(770000);
  });

  test("the repeated header is skipped and unreadable cells become errors naming the cell", () => {
    expect(skips(r)).toEqual([
      [1, "title"],
      [2, "blank"],
      [3, "title"],
      [5, "opening"],
      [10, "header"],
      [16, "total"],
    ]);
    expect(r.errors).toEqual([
      { code: "bad_date", sheet: "金桥往来", row: 13, column: "A", header: "日期", found: "2026-01-32", expected: "date" },
      { code: "bad_amount", sheet: "金桥往来", row: 14, column: "E", header: "回款金额", found: "一千元", expected: "amount" },
    ]);
  });

  test("the running balance check names the first row that disagrees", () => {
    expect(r.balanceCheck).toEqual({ checked: true, firstMismatchRow: 12, expected: 740000, found: 760000, mismatches: 1 });
  });
});
