import { both } from "../../src/messages/render";
import { ageLedger, UNNAMED_DEALER } from "../../src/core/aging/ageLedger";
import { makeBuckets, UNAPPLIED_BUCKET, UNKNOWN_AGE_BUCKET } from "../../src/core/aging/buckets";
import { actionsDue, collectionPlan } from "../../src/core/aging/plan";
import { settle } from "../../src/core/aging/settle";
import type { Entry, Opening } from "../../src/core/model";
import { fen } from "../../src/core/money";

/** A ledger row; amounts in fen, our sign. */
function row(
  rowNo: number,
  date: string | null,
  amount: number,
  more: Partial<Omit<Entry, "row" | "date" | "amount">> = {},
): Entry {
  const refs = more.refs ?? (more.ref ? [more.ref] : []);
  return {
    sheet: "明细账",
    row: rowNo,
    date,
    ref: more.ref ?? refs[0] ?? null,
    refs,
    description: more.description ?? (amount > 0 ? "销售出库" : "收到货款"),
    amount: fen(amount),
    dealer: more.dealer === undefined ? "华东商贸" : more.dealer,
    rep: more.rep === undefined ? "王磊" : more.rep,
    termDays: more.termDays ?? null,
  };
}

function opening(rowNo: number, amount: number, dealer: string | null = "华东商贸", date: string | null = null): Opening {
  return { sheet: "明细账", row: rowNo, dealer, date, amount: fen(amount) };
}

const openOf = (report: ReturnType<typeof ageLedger>, dealer = 0) =>
  report.dealers[dealer].items.map((i) => [i.row, i.open]);

describe("open items (核销)", () => {
  it("settles receipts against the oldest invoices first and leaves the rest of a partly paid one open", () => {
    const report = ageLedger(
      {
        entries: [
          row(5, "2026-01-05", 1000_00, { ref: "XS-001" }),
          row(6, "2026-01-20", 2000_00, { ref: "XS-002" }),
          row(7, "2026-02-10", 3000_00, { ref: "XS-003" }),
          row(8, "2026-02-15", -1500_00),
        ],
        openings: [],
      },
      { asOf: "2026-03-01" },
    );
    expect(openOf(report)).toEqual([
      [6, 1500_00],
      [7, 3000_00],
    ]);
    expect(report.dealers[0].openBalance).toBe(4500_00);
    expect(report.dealers[0].credits).toEqual([]);
  });

  it("lets a receipt that names an invoice settle that one, even when older ones are open", () => {
    const report = ageLedger(
      {
        entries: [
          row(5, "2026-01-05", 1000_00, { ref: "XS-001" }),
          row(6, "2026-01-20", 2000_00, { ref: "XS-002" }),
          row(7, "2026-02-15", -2000_00, { refs: ["SK-9", "XS-002"], description: "收款 XS-002" }),
        ],
        openings: [],
      },
      { asOf: "2026-03-01" },
    );
    expect(openOf(report)).toEqual([[5, 1000_00]]);
  });

  it("links a receipt through a document number found in both rows' 摘要, not only the reference column", () => {
    const report = ageLedger(
      {
        entries: [
          row(5, "2026-01-05", 1000_00, { refs: ["记-3", "XSCK-2026-0101"] }),
          row(6, "2026-01-20", 2000_00, { refs: ["记-8", "XSCK-2026-0102"] }),
          row(7, "2026-02-15", -2000_00, { refs: ["记-15", "XSCK-2026-0102"] }),
        ],
        openings: [],
      },
      { asOf: "2026-03-01" },
    );
    expect(openOf(report)).toEqual([[5, 1000_00]]);
  });

  it("does not treat a shared voucher number (凭证字号 restart monthly) as naming an invoice", () => {
    const report = ageLedger(
      {
        entries: [
          row(5, "2026-01-05", 1000_00, { ref: "记-1" }),
          row(6, "2026-01-20", 1000_00, { ref: "记-12" }),
          row(7, "2026-02-15", -1000_00, { ref: "记-12" }),
        ],
        openings: [],
      },
      { asOf: "2026-03-01" },
    );
    expect(openOf(report)).toEqual([[6, 1000_00]]);
  });

  it("applies what a named invoice does not need to the oldest open invoice", () => {
    const report = ageLedger(
      {
        entries: [
          row(5, "2026-01-05", 1000_00, { ref: "XS-001" }),
          row(6, "2026-01-20", 2000_00, { ref: "XS-002" }),
          row(7, "2026-02-15", -2500_00, { refs: ["XS-002"] }),
        ],
        openings: [],
      },
      { asOf: "2026-03-01" },
    );
    expect(openOf(report)).toEqual([[5, 500_00]]);
  });

  it("reduces the invoice a return names, and counts it as a return, not as a collection", () => {
    const report = ageLedger(
      {
        entries: [
          row(5, "2026-01-05", 1000_00, { ref: "XS-001" }),
          row(6, "2026-01-20", 2000_00, { ref: "XS-002" }),
          row(7, "2026-01-25", -300_00, { refs: ["TH-01", "XS-002"], description: "销售退货 XS-002" }),
        ],
        openings: [],
      },
      { asOf: "2026-01-31", repPeriod: { from: "2026-01-01", to: "2026-01-31" } },
    );
    expect(openOf(report)).toEqual([
      [5, 1000_00],
      [6, 1700_00],
    ]);
    expect(report.reps[0]).toMatchObject({ sales: 2700_00, returns: 300_00, collections: 0 });
  });

  it("lets a return that names no invoice reduce the oldest one", () => {
    const report = ageLedger(
      {
        entries: [
          row(5, "2026-01-05", 1000_00, { ref: "XS-001" }),
          row(6, "2026-01-20", 2000_00, { ref: "XS-002" }),
          row(7, "2026-01-25", -300_00, { description: "红字冲销 折让" }),
        ],
        openings: [],
      },
      { asOf: "2026-01-31" },
    );
    expect(openOf(report)).toEqual([
      [5, 700_00],
      [6, 2000_00],
    ]);
  });

  it("shows an over-payment as an unapplied receipt (credit balance), with no open invoice", () => {
    const report = ageLedger(
      {
        entries: [row(5, "2026-01-05", 1000_00, { ref: "XS-001" }), row(6, "2026-02-01", -1500_00, { ref: "SK-1" })],
        openings: [],
      },
      { asOf: "2026-03-01" },
    );
    const dealer = report.dealers[0];
    expect(dealer.items).toEqual([]);
    expect(dealer.openBalance).toBe(-500_00);
    expect(dealer.credits).toEqual([
      {
        dealer: "华东商贸",
        rep: "王磊",
        sheet: "明细账",
        row: 6,
        kind: "receipt",
        ref: "SK-1",
        description: "收到货款",
        date: "2026-02-01",
        amount: -1500_00,
        open: -500_00,
        unknownAge: false,
      },
    ]);
    expect(dealer.buckets[UNAPPLIED_BUCKET]).toBe(-500_00);
  });

  it("applies a prepayment (预收) to the invoices that follow it", () => {
    const report = ageLedger(
      {
        entries: [
          row(5, "2026-01-01", -1000_00),
          row(6, "2026-01-10", 600_00),
          row(7, "2026-01-20", 800_00),
        ],
        openings: [],
      },
      { asOf: "2026-02-01" },
    );
    expect(openOf(report)).toEqual([[7, 400_00]]);
  });

  it("ages rows by date even when the sheet lists them out of order", () => {
    const report = ageLedger(
      {
        entries: [
          row(5, "2026-01-20", 2000_00),
          row(6, "2026-01-05", 1000_00),
          row(7, "2026-02-15", -1500_00),
        ],
        openings: [],
      },
      { asOf: "2026-03-01" },
    );
    expect(openOf(report)).toEqual([[5, 1500_00]]);
  });

  it("keeps sheet order among invoices of the same day when it sorts by date", () => {
    const report = ageLedger(
      {
        entries: [
          row(5, "2026-01-20", 100_00),
          row(6, "2026-01-05", 200_00),
          row(7, "2026-01-20", 300_00),
          row(8, "2026-01-05", 400_00),
          row(9, "2026-02-01", -250_00),
        ],
        openings: [],
      },
      { asOf: "2026-02-10" },
    );
    expect(openOf(report)).toEqual([
      [8, 350_00],
      [5, 100_00],
      [7, 300_00],
    ]);
  });

  it("keeps an opening balance as an item of unknown age at the period start, settled before any invoice", () => {
    const report = ageLedger(
      {
        entries: [row(5, "2026-01-10", 1000_00), row(6, "2026-01-15", -3000_00)],
        openings: [opening(4, 5000_00)],
        periodStart: "2026-01-01",
      },
      { asOf: "2026-01-20" },
    );
    const [item, sale] = report.dealers[0].items;
    expect(item).toMatchObject({
      row: 4,
      kind: "opening",
      date: "2026-01-01",
      open: 2000_00,
      unknownAge: true,
      bucket: UNKNOWN_AGE_BUCKET,
      dueDate: "2026-01-31",
      stage: "not_due",
    });
    expect(item.nextAction.code).toBe("verify_opening");
    expect(item.nextAction.date).toBe("2026-01-20");
    expect(sale).toMatchObject({ row: 5, open: 1000_00, bucket: "未到期", unknownAge: false });
    expect(report.dealers[0].buckets[UNKNOWN_AGE_BUCKET]).toBe(2000_00);
    expect(report.dealers[0].openBalance).toBe(3000_00);
  });

  it("asks for a demand letter on an opening balance that is late even on its most lenient dates", () => {
    const report = ageLedger(
      { entries: [], openings: [opening(4, 5000_00, "华东商贸", "2026-01-01")] },
      { asOf: "2026-03-01" },
    );
    const item = report.dealers[0].items[0];
    expect(item).toMatchObject({ stage: "past_final", daysPastDue: 29, bucket: UNKNOWN_AGE_BUCKET });
    expect(item.nextAction.code).toBe("demand");
  });

  it("shows a credit opening balance (prepaid last year) as unapplied credit and applies it to new invoices", () => {
    const report = ageLedger(
      {
        entries: [row(5, "2026-01-10", 300_00), row(6, "2026-01-12", 500_00)],
        openings: [opening(4, -1000_00)],
        periodStart: "2026-01-01",
      },
      { asOf: "2026-01-31" },
    );
    expect(report.dealers[0].items).toEqual([]);
    expect(report.dealers[0].credits.map((c) => [c.row, c.kind, c.open, c.unknownAge])).toEqual([
      [4, "opening", -200_00, true],
    ]);
  });

  it("leaves out rows dated after the as-of date and counts them", () => {
    const report = ageLedger(
      {
        entries: [row(5, "2026-01-05", 1000_00), row(6, "2026-02-02", -1000_00), row(7, "2026-02-03", 500_00)],
        openings: [],
      },
      { asOf: "2026-02-01" },
    );
    expect(openOf(report)).toEqual([[5, 1000_00]]);
    expect(report.ignoredAfterAsOf).toBe(2);
  });

  it("reports a row without a date, naming the sheet and row, and ages the rest", () => {
    const report = ageLedger(
      { entries: [row(5, "2026-01-05", 1000_00), row(9, null, 700_00)], openings: [] },
      { asOf: "2026-02-01" },
    );
    expect(report.dealers[0].openBalance).toBe(1000_00);
    expect(report.issues.map((i) => ({ code: i.code, sheet: i.sheet, row: i.row, ...both(i.text) }))).toEqual([
      {
        code: "entry_without_date",
        sheet: "明细账",
        row: 9,
        zh: "明细账 第9行没有日期，无法计算账龄；请补上日期",
        en: "明细账 row 9 has no date and cannot be aged; fill in the date",
      },
    ]);
  });

  it("groups rows without a dealer under one named group", () => {
    const report = ageLedger(
      { entries: [row(5, "2026-01-05", 1000_00, { dealer: null }), row(6, "2026-01-06", 1_00, { dealer: " " })], openings: [] },
      { asOf: "2026-02-01" },
    );
    expect(report.dealers.map((d) => [d.dealer, d.openBalance])).toEqual([[UNNAMED_DEALER, 1001_00]]);
  });

  it("treats a dealer written with full-width brackets or spaces as the same dealer", () => {
    const report = ageLedger(
      {
        entries: [
          row(5, "2026-01-05", 1000_00, { dealer: "恒达（上海）贸易" }),
          row(6, "2026-01-06", -400_00, { dealer: "恒达(上海) 贸易" }),
        ],
        openings: [],
      },
      { asOf: "2026-02-01" },
    );
    expect(report.dealers.map((d) => [d.dealer, d.openBalance])).toEqual([["恒达（上海）贸易", 600_00]]);
  });
});

describe("terms", () => {
  const entries = [
    row(5, "2026-01-01", 100_00, { dealer: "甲", termDays: 45 }),
    row(6, "2026-01-02", 100_00, { dealer: "甲" }),
    row(7, "2026-01-01", 100_00, { dealer: "乙", termDays: 45 }),
    row(8, "2026-01-01", 100_00, { dealer: "丙" }),
    row(9, "2026-01-01", 100_00, { dealer: "丁" }),
    row(10, "2026-01-01", 100_00, { dealer: "戊", termDays: 45 }),
  ];

  it("takes the credit register, then the ledger's term column, then the user's table, then the default, and says which", () => {
    const report = ageLedger(
      { entries, openings: [] },
      {
        asOf: "2026-01-10",
        defaultTermDays: 20,
        terms: { register: new Map([["乙", 60]]), table: { 乙: 90, 丙: 75, 戊: 90 } },
      },
    );
    expect(report.dealers.map((d) => [d.dealer, d.termDays, d.termSource])).toEqual([
      ["甲", 45, "column"],
      ["乙", 60, "register"],
      ["丙", 75, "table"],
      ["丁", 20, "default"],
      ["戊", 45, "column"],
    ]);
    expect(report.dealers.map((d) => d.items.map((i) => [i.dueDate, i.termSource]))).toEqual([
      [
        ["2026-02-15", "column"],
        ["2026-02-16", "column"],
      ],
      [["2026-03-02", "register"]],
      [["2026-03-17", "table"]],
      [["2026-01-21", "default"]],
      [["2026-02-15", "column"]],
    ]);
  });

  it("learns a dealer's term from a row dated after the as-of date, without aging that row or adding a dealer", () => {
    const report = ageLedger(
      {
        entries: [
          row(5, "2026-01-01", 100_00, { dealer: "甲" }),
          row(6, "2026-03-01", 100_00, { dealer: "甲", termDays: 60 }),
          row(7, "2026-03-01", 100_00, { dealer: "乙", termDays: 60 }),
        ],
        openings: [],
      },
      { asOf: "2026-01-10" },
    );
    expect(report.dealers.map((d) => [d.dealer, d.termDays, d.termSource, d.openBalance])).toEqual([["甲", 60, "column", 100_00]]);
    expect(report.dealers[0].items.map((i) => i.dueDate)).toEqual(["2026-03-02"]);
  });

  it("uses 30 days when nothing else gives a term, and reports an unusable default or table value", () => {
    const report = ageLedger(
      { entries: [row(5, "2026-01-01", 100_00)], openings: [] },
      { asOf: "2026-01-10", defaultTermDays: -5, terms: { table: { 华东商贸: 12.5 } } },
    );
    expect(report.dealers[0]).toMatchObject({ termDays: 30, termSource: "default" });
    expect(report.issues.map((i) => i.code)).toEqual(["bad_default_term", "bad_term"]);
  });
});

describe("aging buckets", () => {
  const ledger = {
    entries: [
      row(5, "2025-10-01", 100_00),
      row(6, "2026-01-15", 200_00),
      row(7, "2026-02-01", 300_00),
      row(8, "2026-03-25", 400_00),
    ],
    openings: [opening(4, 50_00)],
    periodStart: "2025-09-01",
  };

  it("counts open amounts by days past due in the default buckets, with opening balances apart", () => {
    const report = ageLedger(ledger, { asOf: "2026-04-01" });
    expect(report.bucketKeys).toEqual(["未到期", "1-30", "31-60", "61-90", "91-180", "181-365", "365+", "未知账龄", "未核销收款"]);
    expect(report.dealers[0].items.map((i) => [i.row, i.daysPastDue, i.bucket])).toEqual([
      [4, 182, "未知账龄"],
      [5, 152, "91-180"],
      [6, 46, "31-60"],
      [7, 29, "1-30"],
      [8, -23, "未到期"],
    ]);
    expect(report.dealers[0].buckets).toEqual({
      未到期: 400_00,
      "1-30": 300_00,
      "31-60": 200_00,
      "61-90": 0,
      "91-180": 100_00,
      "181-365": 0,
      "365+": 0,
      未知账龄: 50_00,
      未核销收款: 0,
    });
  });

  it("can age by document date instead", () => {
    const report = ageLedger(ledger, { asOf: "2026-04-01", basis: "document" });
    expect(report.dealers[0].items.map((i) => [i.row, i.ageDays, i.bucket])).toEqual([
      [4, 212, "未知账龄"],
      [5, 182, "181-365"],
      [6, 76, "61-90"],
      [7, 59, "31-60"],
      [8, 7, "0-30"],
    ]);
  });

  it("takes the user's buckets, and falls back to the default when they leave a gap", () => {
    const mine = ageLedger(ledger, { asOf: "2026-04-01", buckets: makeBuckets([0, 45, 90]) });
    expect(mine.dealers[0].buckets).toEqual({ 未到期: 400_00, "1-45": 300_00, "46-90": 200_00, "90+": 100_00, 未知账龄: 50_00, 未核销收款: 0 });
    const gap = ageLedger(ledger, {
      asOf: "2026-04-01",
      buckets: [
        { key: "未到期", from: null, to: 0 },
        { key: "2+", from: 2, to: null },
      ],
    });
    expect(gap.bucketKeys[1]).toBe("1-30");
    expect({ code: gap.issues[0].code, ...both(gap.issues[0].text) }).toMatchObject({
      code: "bad_buckets",
      zh: "账龄区间“2+”须紧接上一区间（从第1天开始），已改用默认账龄区间",
    });
  });
});

describe("per-rep figures", () => {
  it("gives sales, collections, 回款率 over opening receivable plus sales, overdue and DSO", () => {
    const entries = [
      row(5, "2026-01-10", 1000_00, { dealer: "甲", rep: "王磊" }),
      row(6, "2026-02-10", 2000_00, { dealer: "甲", rep: "王磊" }),
      row(7, "2026-02-20", -1500_00, { dealer: "甲", rep: "王磊" }),
      row(8, "2026-02-01", 4000_00, { dealer: "乙", rep: "李娜" }),
      row(9, "2026-02-25", -100_00, { dealer: "乙", rep: null, description: "退货" }),
    ];
    const report = ageLedger(
      { entries, openings: [opening(4, 500_00, "甲")], periodStart: "2026-01-01" },
      { asOf: "2026-03-15", repPeriod: { from: "2026-02-01", to: "2026-02-28" } },
    );
    expect(report.reps).toEqual([
      {
        rep: "王磊",
        dealers: 1,
        openingReceivable: 1500_00,
        sales: 2000_00,
        returns: 0,
        collections: 1500_00,
        collectionRate: 1500 / 3500,
        // As of 2026-03-15 the 2026-02-10 invoice (due 03-12) is 3 days late; the opening is settled.
        overdue: 2000_00,
        overdueCount: 1,
        pastFinal: 0,
        pastFinalCount: 0,
        closingReceivable: 2000_00,
        dso: (2000 / 2000) * 28,
      },
      {
        rep: "李娜",
        dealers: 1,
        openingReceivable: 0,
        sales: 3900_00,
        returns: 100_00,
        collections: 0,
        collectionRate: 0,
        overdue: 3900_00,
        overdueCount: 1,
        pastFinal: 3900_00,
        pastFinalCount: 1,
        closingReceivable: 3900_00,
        dso: 28,
      },
    ]);
  });

  it("gives no rate and no DSO to a rep with nothing to collect and no sales", () => {
    const report = ageLedger(
      { entries: [row(5, "2026-01-10", -100_00, { rep: null })], openings: [] },
      { asOf: "2026-01-31" },
    );
    expect(report.reps[0]).toMatchObject({ rep: null, collectionRate: null, dso: null, collections: 100_00 });
  });
});

describe("collection plan", () => {
  it("lists open items by action date and picks those needing action this week", () => {
    const report = ageLedger(
      {
        entries: [
          row(5, "2026-01-01", 100_00, { dealer: "甲" }),
          row(6, "2026-02-23", 200_00, { dealer: "乙" }),
          row(7, "2026-03-05", 300_00, { dealer: "甲" }),
          row(8, "2026-03-18", 400_00, { dealer: "乙" }),
        ],
        openings: [],
      },
      { asOf: "2026-03-20" },
    );
    expect(collectionPlan(report).map((i) => [i.row, i.stage, i.nextAction.code, i.nextAction.date])).toEqual([
      [5, "past_final", "demand", "2026-02-11"],
      [6, "due_7d", "call_visit", "2026-03-18"],
      [7, "not_due", "call_visit", "2026-03-28"],
      [8, "not_due", "call_visit", "2026-04-10"],
    ]);
    expect(actionsDue(report).map((i) => i.row)).toEqual([5, 6]);
    expect(actionsDue(report, 9).map((i) => i.row)).toEqual([5, 6, 7]);
  });
});

describe("settle", () => {
  it("settles several named invoices oldest first and names each only once", () => {
    expect(
      settle(
        [
          { amount: fen(100), refs: ["A"] },
          { amount: fen(100), refs: ["B", "A2"] },
          { amount: fen(100), refs: ["C"] },
        ],
        [{ amount: fen(150), refs: ["B", "A", "A2"] }],
      ),
    ).toEqual({ debitOpen: [0, 50, 100], creditOpen: [0] });
  });
});
