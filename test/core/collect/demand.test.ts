import { ageLedger } from "../../../src/core/aging";
import { chooseLevel, demandFor, overdueItems, recordedDemands } from "../../../src/core/collect";
import type { Entry } from "../../../src/core/model";
import type { RegisterRow } from "../../../src/core/letters";
import { fen } from "../../../src/core/money";

let rowNo = 1;
function sale(date: string, ref: string, yuan: number, dealer = "华东建材"): Entry {
  return { sheet: "台账", row: ++rowNo, date, ref, refs: [ref], description: "销售", amount: fen(yuan * 100), dealer, rep: null, termDays: 30 };
}
function receipt(date: string, ref: string, yuan: number, dealer = "华东建材"): Entry {
  return { sheet: "台账", row: ++rowNo, date, ref, refs: [ref], description: "回款", amount: fen(-yuan * 100), dealer, rep: null, termDays: null };
}

/** Term 30: due = date + 30, final deadline = date + 40. */
function dealerAt(entries: Entry[], asOf: string) {
  return ageLedger({ entries, openings: [] }, { asOf }).dealers[0];
}

describe("the level of a demand letter", () => {
  const entries = [sale("2026-10-01", "INV1", 5000), sale("2026-10-20", "INV2", 8000), receipt("2026-10-25", "HK1", 1000)];

  it("is 1 while the oldest overdue item is within one third of its term (up to its final deadline)", () => {
    // INV1 due 2026-10-31, final 2026-11-10: the receipt settled 1,000 of it.
    const d = dealerAt(entries, "2026-11-10");
    expect(overdueItems(d).map((i) => [i.ref, i.open])).toEqual([["INV1", 400_000]]);
    expect(chooseLevel(overdueItems(d), "2026-11-10")).toEqual({ level: 1, reason: { code: "within_grace", oldestDue: "2026-10-31", finalDate: "2026-11-10" } });
  });

  it("is 2 the day after any item's final deadline", () => {
    const items = overdueItems(dealerAt(entries, "2026-11-11"));
    expect(chooseLevel(items, "2026-11-11")?.level).toBe(2);
  });

  it("is 3 when a level-2 letter in the register is past its deadline and what it demanded is still open", () => {
    const items = overdueItems(dealerAt(entries, "2026-11-30"));
    const demand = { number: "CK-202611-0001", dealer: "华东建材", level: 2 as const, asOf: "2026-11-12", deadline: "2026-11-19" };
    expect(chooseLevel(items, "2026-11-19", [demand])?.level).toBe(2);
    expect(chooseLevel(items, "2026-11-20", [demand])).toEqual({ level: 3, reason: { code: "level2_unanswered", number: "CK-202611-0001", deadline: "2026-11-19" } });
    // A level-1 letter past its deadline, or another dealer's level-2 one, does not make it a final notice.
    expect(chooseLevel(items, "2026-11-30", [{ ...demand, level: 1 }])?.level).toBe(2);
    expect(chooseLevel(items, "2026-11-30", [{ ...demand, dealer: "美达商贸" }])?.level).toBe(2);
  });

  it("is not 3 once the debt the level-2 letter demanded is paid, though newer items are overdue", () => {
    const paid = [...entries, receipt("2026-11-15", "HK2", 4000), sale("2026-11-01", "INV3", 100)];
    const items = overdueItems(dealerAt(paid, "2027-01-05"));
    const demand = { number: "CK-202611-0001", dealer: "华东建材", level: 2 as const, asOf: "2026-11-05", deadline: "2026-11-12" };
    expect(items.every((i) => i.dueDate >= "2026-11-05")).toBe(true);
    expect(chooseLevel(items, "2027-01-05", [demand])?.level).toBe(2);
  });

  it("is 3 when the dealer missed an installment of a commitment", () => {
    const items = overdueItems(dealerAt(entries, "2026-11-05"));
    const r = chooseLevel(items, "2026-11-05", [], [{ number: "CN-202610-0001", dealer: "华东建材", installment: 1, date: "2026-11-01" }]);
    expect(r).toEqual({ level: 3, reason: { code: "commitment_missed", number: "CN-202610-0001", installment: 1, date: "2026-11-01" } });
  });

  it("reads the level and deadline of demand letters from the register", () => {
    const row = { row: 2, number: "CK-202611-0001", type: "催款函", dealer: "华东建材", asOf: "2026-11-12", level: 2, deadline: "2026-11-19" } as RegisterRow;
    expect(recordedDemands([row, { ...row, type: "对账函" }, { ...row, level: null }])).toEqual([{ number: "CK-202611-0001", dealer: "华东建材", level: 2, asOf: "2026-11-12", deadline: "2026-11-19" }]);
  });
});

describe("a demand's items, total and deadline", () => {
  it("lists every item open and past due, totals their open amounts and gives 7 days by default", () => {
    const d = dealerAt([sale("2026-09-01", "INV1", 5000), sale("2026-10-20", "INV2", 8000), sale("2026-11-25", "INV3", 999), receipt("2026-10-05", "HK1", 2000)], "2026-11-27");
    const r = demandFor(d, { asOf: "2026-11-27" });
    if (!r.ok) throw new Error(r.skip);
    // INV3 is not yet due; the receipt settled 2,000 of INV1.
    expect(r.demand.items.map((i) => [i.ref, i.open, i.daysOverdue])).toEqual([["INV1", 300_000, 57], ["INV2", 800_000, 8]]);
    expect(r.demand).toMatchObject({ level: 2, autoLevel: 2, total: 1_100_000, amountInWords: "人民币壹万壹仟元整", deadline: "2026-12-04" });
    // The total is what aging leaves open on those items, to the fen.
    expect(r.demand.total).toBe(d.items.filter((i) => i.daysPastDue > 0).reduce((t, i) => t + i.open, 0));
  });

  it("takes the level and the number of days the user gives", () => {
    const d = dealerAt([sale("2026-09-01", "INV1", 5000)], "2026-11-27");
    const r = demandFor(d, { asOf: "2026-11-27", level: 1, deadlineDays: 15 });
    expect(r.ok && [r.demand.level, r.demand.autoLevel, r.demand.reason.code, r.demand.deadline]).toEqual([1, 2, "chosen", "2026-12-12"]);
  });

  it("leaves out items under reconciliation, and makes no letter when nothing else is overdue", () => {
    const entries = [sale("2026-09-01", "INV1", 5000), sale("2026-09-02", "INV2", 700)];
    const report = ageLedger({ entries, openings: [] }, {
      asOf: "2026-11-27",
      reconciliation: { ledgerSheet: "台账", statementSheet: "对账单", cutoff: "2026-11-27", flags: [{ sheet: "台账", row: entries[0].row, kind: "amount_differs", reason: { zh: "金额不符", en: "amount differs" } }] } as never,
    });
    const r = demandFor(report.dealers[0], { asOf: "2026-11-27" });
    expect(r.ok && r.demand.items.map((i) => i.ref)).toEqual(["INV2"]);
    const only = ageLedger({ entries: [entries[0]], openings: [] }, { asOf: "2026-11-27", reconciliation: { ledgerSheet: "台账", statementSheet: "对账单", cutoff: "2026-11-27", flags: [{ sheet: "台账", row: entries[0].row, kind: "amount_differs", reason: { zh: "金额不符", en: "amount differs" } }] } as never });
    expect(demandFor(only.dealers[0], { asOf: "2026-11-27" })).toEqual({ ok: false, skip: "all_under_reconciliation" });
    expect(demandFor(dealerAt([sale("2026-11-20", "INV9", 10)], "2026-11-27"), { asOf: "2026-11-27" })).toEqual({ ok: false, skip: "nothing_overdue" });
  });
});
