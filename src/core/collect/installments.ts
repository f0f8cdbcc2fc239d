/**
 * Installment plans of a payment commitment (还款承诺书): the schedule, and whether the dealer kept it.
 *
 * Dates are calendar arithmetic on ISO text: every D days, or monthly on the first date's day of the month
 * (the 31st falls on the 30th, or on 28 or 29 February, in the months that lack it; the next month goes back
 * to the 31st). Amounts are split to the fen: equal installments rounded down, the last one absorbing the
 * remainder, so the sum is exactly the amount acknowledged.
 */
import { msg, type Message } from "../messages";
import { addDays, daysInMonth, isIsoDate, ymdToIso } from "../dates";
import type { Fen, IsoDate } from "../model";
import { addFen, divFen, fen, maxFen, minFen, mulFen, subFen, sumFen } from "../money";

export interface Installment {
  /** 期数, from 1. */
  n: number;
  date: IsoDate;
  amount: Fen;
  /** 累计: this installment and all before it. */
  cumulative: Fen;
}

export type Interval = { days: number } | "month";

export type ScheduleProblem =
  | { code: "bad_count"; count: number }
  | { code: "bad_interval"; days: number }
  | { code: "bad_amount"; amount: Fen }
  | { code: "bad_date"; date: string }
  | { code: "hand_sum_differs"; amount: Fen; sum: Fen }
  | { code: "hand_dates_not_rising"; n: number }
  | { code: "too_small"; amount: Fen; count: number };

export type ScheduleResult = { ok: true; installments: Installment[] } | { ok: false; problem: ScheduleProblem };

/** The most installments a commitment may have: a schedule of ten years monthly. */
export const MAX_INSTALLMENTS = 120;

/** The `i`-th date (from 0) of a monthly schedule starting at `first`, the day clamped to the month's end. */
export function monthlyDate(first: IsoDate, i: number): IsoDate {
  const y = Number(first.slice(0, 4));
  const m = Number(first.slice(5, 7)) - 1 + i;
  const day = Number(first.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = (m % 12) + 1;
  return ymdToIso(year, month, Math.min(day, daysInMonth(year, month)));
}

/** Dates of `count` installments from `first`. */
export function installmentDates(first: IsoDate, count: number, every: Interval): IsoDate[] {
  return Array.from({ length: count }, (_, i) => (every === "month" ? monthlyDate(first, i) : addDays(first, i * every.days)));
}

/** Equal parts to the fen, the last absorbing the remainder: 53,000.00 in 3 → 17,666.66, 17,666.66, 17,666.68. */
export function splitEqually(amount: Fen, count: number): Fen[] {
  const part = divFen(amount, count);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? subFen(amount, mulFen(part, count - 1)) : part));
}

function withCumulative(dates: readonly IsoDate[], amounts: readonly Fen[]): Installment[] {
  let cumulative = fen(0);
  return dates.map((date, i) => {
    cumulative = addFen(cumulative, amounts[i]);
    return { n: i + 1, date, amount: amounts[i], cumulative };
  });
}

/** The schedule of `count` equal installments of `amount`, the first on `first`, then every interval. */
export function installmentSchedule(amount: Fen, count: number, first: IsoDate, every: Interval): ScheduleResult {
  if (!Number.isInteger(count) || count < 1 || count > MAX_INSTALLMENTS) return { ok: false, problem: { code: "bad_count", count } };
  if (every !== "month" && (!Number.isInteger(every.days) || every.days < 1 || every.days > 366)) return { ok: false, problem: { code: "bad_interval", days: every.days } };
  if (!Number.isSafeInteger(amount) || amount <= 0) return { ok: false, problem: { code: "bad_amount", amount } };
  if (!isIsoDate(first)) return { ok: false, problem: { code: "bad_date", date: first } };
  if (amount < count) return { ok: false, problem: { code: "too_small", amount, count } };
  return { ok: true, installments: withCumulative(installmentDates(first, count, every), splitEqually(amount, count)) };
}

/** A schedule typed by hand: dates strictly rising, amounts positive and adding up to the amount acknowledged. */
export function handSchedule(amount: Fen, lines: readonly { date: IsoDate; amount: Fen }[]): ScheduleResult {
  if (lines.length < 1 || lines.length > MAX_INSTALLMENTS) return { ok: false, problem: { code: "bad_count", count: lines.length } };
  let sum = fen(0);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!isIsoDate(l.date)) return { ok: false, problem: { code: "bad_date", date: l.date } };
    if (!Number.isSafeInteger(l.amount) || l.amount <= 0) return { ok: false, problem: { code: "bad_amount", amount: l.amount } };
    if (i > 0 && l.date <= lines[i - 1].date) return { ok: false, problem: { code: "hand_dates_not_rising", n: i + 1 } };
    sum = addFen(sum, l.amount);
  }
  if (sum !== amount) return { ok: false, problem: { code: "hand_sum_differs", amount, sum } };
  return { ok: true, installments: withCumulative(lines.map((l) => l.date), lines.map((l) => l.amount)) };
}

/** What became of an installment by the as-of date. */
export type InstallmentStatus = "paid" | "partial" | "missed" | "due";

export const INSTALLMENT_STATUS_TEXT: Readonly<Record<InstallmentStatus, Message>> = {
  paid: msg("collect.installment.paid", {}),
  partial: msg("collect.installment.partial", {}),
  missed: msg("collect.installment.missed", {}),
  due: msg("collect.installment.due", {}),
};

export interface InstallmentCheck extends Installment {
  /** 实收: receipts counted against this installment (in order: each receipt fills the earliest unpaid). */
  paid: Fen;
  status: InstallmentStatus;
}

/** A receipt of the dealer's, our sign turned positive (the amount received). */
export interface Receipt {
  date: IsoDate;
  amount: Fen;
}

/**
 * Checks a schedule against the dealer's receipts dated after `since` (the date of the balance the commitment
 * acknowledges: a receipt that day is already in it) up to `asOf`.
 * Receipts fill installments in order, whatever their date; an installment is paid when its 累计 is
 * covered by what was received by its date, and missed when its date has passed (before `asOf`) without that.
 * A late payment that covers it later makes it partly paid on its date but paid now: the status reports the
 * position at `asOf`, and `missed` means it is still short.
 */
export function checkInstallments(schedule: readonly Installment[], receipts: readonly Receipt[], since: IsoDate, asOf: IsoDate): InstallmentCheck[] {
  const counted = receipts.filter((r) => r.date > since && r.date <= asOf && r.amount > 0);
  const received = sumFen(counted, (r) => r.amount);
  let before = fen(0);
  return schedule.map((inst) => {
    const paid = maxFen(fen(0), minFen(inst.amount, subFen(received, before)));
    before = addFen(before, inst.amount);
    const status: InstallmentStatus = paid >= inst.amount ? "paid" : inst.date < asOf ? "missed" : paid > 0 ? "partial" : "due";
    return { ...inst, paid, status };
  });
}

/** The first installment still short after its date, or null when the dealer keeps to the plan. */
export function firstMissed(checks: readonly InstallmentCheck[]): InstallmentCheck | null {
  return checks.find((c) => c.status === "missed") ?? null;
}
