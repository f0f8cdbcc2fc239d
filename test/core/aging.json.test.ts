import { ageLedger } from "../../src/core/aging/ageLedger";
import { toAgingJson } from "../../src/messages/json/aging";
import type { Entry } from "../../src/core/model";
import { fen } from "../../src/core/money";

function row(rowNo: number, date: string, amount: number, ref: string | null, rep: string | null = "王磊"): Entry {
  return {
    sheet: "应收明细",
    row: rowNo,
    date,
    ref,
    refs: ref ? [ref] : [],
    description: amount > 0 ? "销售出库" : "收款",
    amount: fen(amount),
    dealer: "华东商贸有限公司",
    rep,
    termDays: 30,
  };
}

describe("the aging JSON contract", () => {
  const report = ageLedger(
    {
      entries: [
        row(12, "2026-09-15", 10000_00, "XSCK-0915"),
        row(13, "2026-10-20", 45000_00, "XSCK-1020"),
        row(14, "2026-11-01", -2000_00, null),
        row(15, "2026-12-01", 999_00, "XSCK-1201"),
      ],
      openings: [],
    },
    { asOf: "2026-11-27", repPeriod: { from: "2026-09-01", to: "2026-11-27" } },
  );
  const json = toAgingJson(report) as Record<string, unknown>;

  it("keeps the names of issue 6 with amounts as two-place strings and rows as sheet row numbers", () => {
    expect(json).toMatchObject({
      asOf: "2026-11-27",
      dealers: [
        {
          dealer: "华东商贸有限公司",
          openBalance: "53000.00",
          buckets: {
            未到期: "0.00",
            "1-30": "45000.00",
            "31-60": "8000.00",
            "61-90": "0.00",
            "91-180": "0.00",
            "181-365": "0.00",
            "365+": "0.00",
            未知账龄: "0.00",
            未核销收款: "0.00",
          },
          items: [
            {
              row: 12,
              ref: "XSCK-0915",
              date: "2026-09-15",
              dueDate: "2026-10-15",
              finalDate: "2026-10-25",
              open: "8000.00",
              daysOverdue: 43,
              stage: "past_final",
            },
            {
              row: 13,
              ref: "XSCK-1020",
              date: "2026-10-20",
              dueDate: "2026-11-19",
              finalDate: "2026-11-29",
              open: "45000.00",
              daysOverdue: 8,
              stage: "overdue",
            },
          ],
        },
      ],
      reps: [
        {
          rep: "王磊",
          sales: "55000.00",
          collections: "2000.00",
          collectionRate: 0.0364,
          overdue: "53000.00",
          overdueCount: 2,
          pastFinalCount: 1,
          // 53000 / 55000 × 88 days (2026-09-01 to 2026-11-27, both counted)
          dso: 84.8,
        },
      ],
    });
  });

  it("adds the term, its source and the next action to every item", () => {
    const dealers = json.dealers as { items: Record<string, unknown>[] }[];
    expect(dealers[0].items[0]).toMatchObject({
      sheet: "应收明细",
      termDays: 30,
      termSource: "column",
      unknownAge: false,
      nextAction: "demand",
      nextActionDate: "2026-10-26",
    });
  });

  it("survives a JSON round trip unchanged (plain data only)", () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("writes a rep-less group with an empty rep name and null ratios when there is nothing to divide by", () => {
    const empty = toAgingJson(
      ageLedger({ entries: [row(5, "2026-01-01", -5_00, null, null)], openings: [] }, { asOf: "2026-01-31" }),
    ) as { reps: unknown[]; dealers: { credits: unknown[]; openBalance: string }[] };
    expect(empty.reps).toMatchObject([{ rep: "", sales: "0.00", collections: "5.00", collectionRate: null, dso: null }]);
    expect(empty.dealers[0].openBalance).toBe("-5.00");
    expect(empty.dealers[0].credits).toEqual([
      { row: 5, sheet: "应收明细", ref: null, date: "2026-01-01", kind: "receipt", open: "-5.00", amount: "-5.00", unknownAge: false },
    ]);
  });
});
