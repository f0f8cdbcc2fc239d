import { Acknowledgements, acknowledgementsFromEntries, acknowledgementsFromRegister, addYears, limitationOf } from "../../../src/core/collect";
import type { Entry } from "../../../src/core/model";
import type { RegisterRow } from "../../../src/core/letters";
import { render } from "../../../src/messages/render";
import { fen } from "../../../src/core/money";

const item = { dealer: "华东建材", dueDate: "2024-03-10" };

function reg(over: Partial<RegisterRow>): RegisterRow {
  return {
    row: 2, number: "DZ-202406-0001", type: "对账函", dealer: "华东建材", asOf: "2024-06-30", amount: fen(100_000), sentOn: null, sentBy: "", trackingNo: "",
    repliedOn: null, result: null, theirAmount: null, reason: "", note: "", signedOn: null, level: null, deadline: null, ...over,
  };
}

describe("the limitation period (诉讼时效)", () => {
  it("runs three years from the due date, 29 February becoming 28 February", () => {
    expect(addYears("2024-03-10", 3)).toBe("2027-03-10");
    expect(addYears("2024-02-29", 3)).toBe("2027-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    const l = limitationOf(item, new Acknowledgements([], "2026-01-01"), "2026-01-01");
    expect(l).toMatchObject({ expires: "2027-03-10", status: "running", basis: { kind: "due", date: "2024-03-10" } });
  });

  it("warns from 180 days before expiry and calls it possibly time-barred the day after", () => {
    const none = new Acknowledgements([], "2030-01-01");
    expect(limitationOf(item, none, "2026-09-10")).toMatchObject({ status: "running", daysLeft: 181 });
    expect(limitationOf(item, none, "2026-09-11")).toMatchObject({ status: "expiring", daysLeft: 180 });
    expect(limitationOf(item, none, "2027-03-10")).toMatchObject({ status: "expiring", daysLeft: 0 });
    expect(limitationOf(item, none, "2027-03-11")).toMatchObject({ status: "expired", daysLeft: -1 });
  });

  it("restarts at a payment from the dealer after the due date, naming it", () => {
    const entries = [
      { sheet: "台账", row: 7, date: "2025-01-20", ref: "HK-1", refs: [], description: "回款", amount: fen(-5_000), dealer: "华东建材", rep: null, termDays: null },
      { sheet: "台账", row: 8, date: "2025-02-01", ref: "TH-1", refs: [], description: "退货", amount: fen(-1_000), dealer: "华东建材", rep: null, termDays: null },
    ] as Entry[];
    const acks = new Acknowledgements(acknowledgementsFromEntries(entries, (e) => e.dealer), "2026-01-01");
    const l = limitationOf(item, acks, "2026-01-01");
    expect(l.expires).toBe("2028-01-20");
    expect(l.basis).toMatchObject({ kind: "payment", date: "2025-01-20", sheet: "台账", row: 7 });
    expect(render(l.basis.text, "zh-CN")).toBe("付款（2025-01-20）");
  });

  it("restarts at a 相符 reply, a 不符 reply stating an amount, a signed demand and a signed commitment", () => {
    const cases: [Partial<RegisterRow>, string, string][] = [
      [{ result: "相符", repliedOn: "2024-07-05" }, "reply_agreed", "2027-07-05"],
      [{ result: "不符", repliedOn: "2024-07-06", theirAmount: fen(90_000) }, "reply_differs", "2027-07-06"],
      [{ type: "催款函", number: "CK-202408-0001", signedOn: "2024-08-02" }, "demand_signed", "2027-08-02"],
      [{ type: "还款承诺书", number: "CN-202409-0001", signedOn: "2024-09-03" }, "commitment_signed", "2027-09-03"],
    ];
    for (const [row, kind, expires] of cases) {
      const acks = new Acknowledgements(acknowledgementsFromRegister([reg(row)], "函证登记簿"), "2026-01-01");
      expect(limitationOf(item, acks, "2026-01-01")).toMatchObject({ expires, basis: { kind } });
    }
  });

  it("ignores a 不符 reply without the dealer's amount, an unsent letter, an event before the due date or after the as-of date", () => {
    const rows = [reg({ result: "不符", repliedOn: "2024-07-06" }), reg({ result: "未回", sentOn: "2024-07-01" }), reg({ type: "催款函", signedOn: "2024-03-01" })];
    const acks = new Acknowledgements(acknowledgementsFromRegister(rows, "函证登记簿"), "2026-01-01");
    expect(limitationOf(item, acks, "2026-01-01").basis.kind).toBe("due");
    const later = new Acknowledgements(acknowledgementsFromRegister([reg({ result: "相符", repliedOn: "2026-02-01" })], "函证登记簿"), "2026-01-01");
    expect(limitationOf(item, later, "2026-01-01").basis.kind).toBe("due");
  });

  it("takes the latest acknowledgement, for every item of that dealer and no other", () => {
    const acks = new Acknowledgements(
      [
        { dealer: "华东建材", kind: "payment", date: "2025-05-01" },
        { dealer: "华东建材", kind: "reply_agreed", date: "2024-12-01" },
        { dealer: "美达商贸", kind: "payment", date: "2025-09-01" },
      ],
      "2026-01-01",
    );
    expect(limitationOf(item, acks, "2026-01-01").basis).toMatchObject({ kind: "payment", date: "2025-05-01" });
    expect(limitationOf({ dealer: "宏达", dueDate: "2024-03-10" }, acks, "2026-01-01").basis.kind).toBe("due");
  });

  it("of several acknowledgements on the latest date, takes the last given, whatever came before or after", () => {
    const list = [
      { dealer: "华东建材", kind: "reply_agreed" as const, date: "2025-05-01" },
      { dealer: "华东建材", kind: "payment" as const, date: "2025-05-01" },
      { dealer: "华东建材", kind: "reply_agreed" as const, date: "2025-04-01" },
      { dealer: "华东建材", kind: "reply_agreed" as const, date: "2026-03-01" },
    ];
    expect(limitationOf(item, new Acknowledgements(list, "2026-01-01"), "2026-01-01").basis).toMatchObject({ kind: "payment", date: "2025-05-01" });
    const swapped = [list[1], list[0], list[2], list[3]];
    expect(limitationOf(item, new Acknowledgements(swapped, "2026-01-01"), "2026-01-01").basis).toMatchObject({ kind: "reply_agreed", date: "2025-05-01" });
  });
});
