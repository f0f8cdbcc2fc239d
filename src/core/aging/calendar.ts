/**
 * Due dates, the one-third rule and the rep's collection calendar.
 *
 * The one-third rule: days overdue must not exceed one third of the term. Days overdue are whole
 * days, so "d ≤ term / 3" is exactly "d ≤ floor(term / 3)": rounding down is not a policy choice but
 * the rule itself (term 40 → 13.33 → day 14 past due already exceeds it). It is also the stricter
 * reading, so collection action never starts later than the rule allows.
 */
import { addDays, fromEpochDay, isIsoDate, toEpochDay } from "../dates";
import type { IsoDate } from "../model";
import type { ActionCode, NextAction, Stage } from "./types";

export const STAGES: readonly Stage[] = ["not_due", "due_7d", "due_3d", "due_today", "overdue", "past_final"];

/** Days past the due date still inside the one-third rule. */
export function graceDays(termDays: number): number {
  return Math.floor(termDays / 3);
}

export function dueDateOf(documentDate: IsoDate, termDays: number): IsoDate {
  return addDays(documentDate, termDays);
}

/** Final collection deadline: due date + floor(term / 3) (30 → day 40, 45 → day 60, 60 → day 80, 90 → day 120). */
export function finalDateOf(documentDate: IsoDate, termDays: number): IsoDate {
  return addDays(documentDate, termDays + graceDays(termDays));
}

/** The stage for an item `daysPastDue` days past its due date (negative: days before it). */
export function stageFor(daysPastDue: number, termDays: number): Stage {
  if (daysPastDue < -7) return "not_due";
  if (daysPastDue < -3) return "due_7d";
  if (daysPastDue < 0) return "due_3d";
  if (daysPastDue === 0) return "due_today";
  return daysPastDue <= graceDays(termDays) ? "overdue" : "past_final";
}

/** True for the stages in which money is late. */
export function isLate(stage: Stage): boolean {
  return stage === "overdue" || stage === "past_final";
}

export const STAGE_TEXT: Readonly<Record<Stage, { zh: string; en: string }>> = {
  not_due: { zh: "未到期", en: "Not due" },
  due_7d: { zh: "7天内到期", en: "Due within 7 days" },
  due_3d: { zh: "3天内到期", en: "Due within 3 days" },
  due_today: { zh: "今日到期", en: "Due today" },
  overdue: { zh: "逾期（三分之一期限内）", en: "Overdue (within one third of the term)" },
  past_final: { zh: "超过最终收款期限", en: "Past the final deadline" },
};

export const ACTION_TEXT: Readonly<Record<ActionCode, { zh: string; en: string }>> = {
  call_visit: { zh: "电话或上门拜访，了解付款日期", en: "Call or visit; learn the payment date" },
  confirm_date: {
    zh: "确认付款日期；业务员不能前往时派同事",
    en: "Confirm the payment date; send a colleague if the rep cannot go",
  },
  collect: { zh: "到期收款", en: "Collect the payment due" },
  chase: { zh: "逾期催收，须在最终收款期限前收回", en: "Overdue: chase it before the final deadline" },
  demand: {
    zh: "已过最终收款期限：立即发催款函，取得还款承诺书",
    en: "Past the final deadline: send a demand letter now and get a payment commitment",
  },
  verify_opening: {
    zh: "期初余额账龄未知：核实其发票明细与日期",
    en: "Opening balance of unknown age: verify its invoices and dates",
  },
  acknowledge: {
    zh: "诉讼时效将于半年内届满：取得对方书面确认（对账函回执、还款承诺书或付款）",
    en: "The limitation period ends within six months: get a written acknowledgement (a signed confirmation, a commitment or a payment)",
  },
  time_barred: {
    zh: "可能已过诉讼时效：请咨询法律意见，并尽快取得对方书面确认",
    en: "Possibly time-barred: seek legal advice and get a written acknowledgement soon",
  },
  commitment_broken: {
    zh: "承诺未履行：还款承诺书有一期未按期付款，发最后通知",
    en: "Commitment not kept: an installment was missed; send a final notice",
  },
};

/**
 * The action the current stage calls for, dated the day it fell due (so a list sorted by action
 * date puts the longest-waiting first); for an item not yet due, the coming call 7 days before due.
 *
 * An opening balance's dates are only lower bounds; unless they already prove it late, the first
 * thing to do is find out what it is made of, today.
 */
export function nextActionFor(
  stage: Stage,
  dueDate: IsoDate,
  termDays: number,
  unknownAge: boolean,
  asOf: IsoDate,
): NextAction {
  return nextActionOn(stage, toEpochDay(dueDate), termDays, unknownAge, toEpochDay(asOf), fromEpochDay);
}

/** The same on epoch days, with the caller's (cached) day-to-date conversion. */
export function nextActionOn(
  stage: Stage,
  dueDay: number,
  termDays: number,
  unknownAge: boolean,
  asOfDay: number,
  isoOf: (day: number) => IsoDate,
): NextAction {
  let code: ActionCode;
  let day: number;
  if (unknownAge && !isLate(stage)) {
    code = "verify_opening";
    day = asOfDay;
  } else {
    switch (stage) {
      case "not_due":
      case "due_7d":
        code = "call_visit";
        day = dueDay - 7;
        break;
      case "due_3d":
        code = "confirm_date";
        day = dueDay - 3;
        break;
      case "due_today":
        code = "collect";
        day = dueDay;
        break;
      case "overdue":
        code = "chase";
        day = dueDay + 1;
        break;
      case "past_final":
        code = "demand";
        day = dueDay + graceDays(termDays) + 1;
        break;
    }
  }
  const text = ACTION_TEXT[code];
  return { code, date: isoOf(day), zh: text.zh, en: text.en };
}

export function assertIsoDate(name: string, value: IsoDate): void {
  if (typeof value !== "string" || !isIsoDate(value)) {
    throw new RangeError(`${name} must be a YYYY-MM-DD date, got ${String(value)}`);
  }
}
