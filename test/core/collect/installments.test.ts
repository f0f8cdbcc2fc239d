import { checkInstallments, firstMissed, handSchedule, installmentSchedule, monthlyDate, splitEqually } from "../../../src/core/collect";
import { fen } from "../../../src/core/money";

describe("installment schedules", () => {
  it("splits equally to the fen, the last installment absorbing the remainder", () => {
    expect(splitEqually(fen(5_300_000), 3)).toEqual([1_766_666, 1_766_666, 1_766_668]);
    expect(splitEqually(fen(100), 3)).toEqual([33, 33, 34]);
    expect(splitEqually(fen(90_000), 3)).toEqual([30_000, 30_000, 30_000]);
  });

  it("runs the cumulative column to exactly the amount acknowledged", () => {
    const r = installmentSchedule(fen(5_300_000), 3, "2026-12-15", "month");
    expect(r.ok && r.installments).toEqual([
      { n: 1, date: "2026-12-15", amount: 1_766_666, cumulative: 1_766_666 },
      { n: 2, date: "2027-01-15", amount: 1_766_666, cumulative: 3_533_332 },
      { n: 3, date: "2027-02-15", amount: 1_766_668, cumulative: 5_300_000 },
    ]);
  });

  it("clamps monthly dates to the month's end and goes back to the day the next month", () => {
    expect([0, 1, 2, 3].map((i) => monthlyDate("2027-01-31", i))).toEqual(["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"]);
    expect([0, 1, 13].map((i) => monthlyDate("2028-01-30", i))).toEqual(["2028-01-30", "2028-02-29", "2029-02-28"]);
    expect(monthlyDate("2026-11-30", 2)).toEqual("2027-01-30");
  });

  it("keeps 29 February in a leap year and counts days across it", () => {
    const r = installmentSchedule(fen(300), 3, "2028-02-28", { days: 1 });
    expect(r.ok && r.installments.map((i) => i.date)).toEqual(["2028-02-28", "2028-02-29", "2028-03-01"]);
    const m = installmentSchedule(fen(300), 2, "2028-02-29", "month");
    expect(m.ok && m.installments.map((i) => i.date)).toEqual(["2028-02-29", "2028-03-29"]);
  });

  it("refuses a count, interval or amount that makes no schedule", () => {
    expect(installmentSchedule(fen(100), 0, "2026-12-01", "month")).toEqual({ ok: false, problem: { code: "bad_count", count: 0 } });
    expect(installmentSchedule(fen(100), 2, "2026-12-01", { days: 0 })).toEqual({ ok: false, problem: { code: "bad_interval", days: 0 } });
    expect(installmentSchedule(fen(2), 3, "2026-12-01", "month")).toEqual({ ok: false, problem: { code: "too_small", amount: 2, count: 3 } });
    expect(installmentSchedule(fen(100), 2, "2026-02-30", "month")).toEqual({ ok: false, problem: { code: "bad_date", date: "2026-02-30" } });
  });

  it("takes a schedule typed by hand when its amounts add up and its dates rise", () => {
    const ok = handSchedule(fen(10_000), [{ date: "2026-12-01", amount: fen(2_000) }, { date: "2027-01-10", amount: fen(8_000) }]);
    expect(ok.ok && ok.installments.map((i) => i.cumulative)).toEqual([2_000, 10_000]);
    expect(handSchedule(fen(10_000), [{ date: "2026-12-01", amount: fen(2_000) }])).toEqual({ ok: false, problem: { code: "hand_sum_differs", amount: 10_000, sum: 2_000 } });
    expect(handSchedule(fen(4_000), [{ date: "2026-12-01", amount: fen(2_000) }, { date: "2026-12-01", amount: fen(2_000) }])).toEqual({ ok: false, problem: { code: "hand_dates_not_rising", n: 2 } });
  });
});

describe("checking a commitment against the receipts", () => {
  const schedule = [
    { n: 1, date: "2026-12-15", amount: fen(1_000), cumulative: fen(1_000) },
    { n: 2, date: "2027-01-15", amount: fen(1_000), cumulative: fen(2_000) },
    { n: 3, date: "2027-02-15", amount: fen(1_000), cumulative: fen(3_000) },
  ];

  it("calls an installment missed the day after its date when the receipts fall short of its 累计", () => {
    const receipts = [{ date: "2026-12-14", amount: fen(1_000) }, { date: "2027-01-10", amount: fen(400) }];
    expect(checkInstallments(schedule, receipts, "2026-11-30", "2027-01-15").map((c) => c.status)).toEqual(["paid", "partial", "due"]);
    const later = checkInstallments(schedule, receipts, "2026-11-30", "2027-01-16");
    expect(later.map((c) => [c.status, c.paid])).toEqual([["paid", 1_000], ["missed", 400], ["due", 0]]);
    expect(firstMissed(later)?.n).toBe(2);
  });

  it("counts no receipt from the day of the balance acknowledged or before, nor after the as-of date", () => {
    const receipts = [{ date: "2026-11-30", amount: fen(1_000) }, { date: "2027-03-01", amount: fen(3_000) }];
    const checks = checkInstallments(schedule, receipts, "2026-11-30", "2026-12-16");
    expect(checks[0].status).toBe("missed");
  });

  it("fills installments in order, so an early large payment covers later ones", () => {
    const checks = checkInstallments(schedule, [{ date: "2026-12-01", amount: fen(2_500) }], "2026-11-30", "2027-02-16");
    expect(checks.map((c) => [c.status, c.paid])).toEqual([["paid", 1_000], ["paid", 1_000], ["missed", 500]]);
  });
});
