/**
 * Due dates, the one-third rule and the rep's collection calendar.
 *
 * The one-third rule: days overdue must not exceed one third of the term. Days overdue are whole
 * days, so "d ≤ term / 3" is exactly "d ≤ floor(term / 3)": rounding down is not a policy choice but
 * the rule itself (term 40 → 13.33 → day 14 past due already exceeds it). It is also the stricter
 * reading, so collection action never starts later than the rule allows.
 */
import { addDays, fromEpochDay, isIsoDate, toEpochDay } from "../dates";
import { msg, type Message } from "../messages";
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

/** Each stage's name, as a message. */
export const STAGE_TEXT: Readonly<Record<Stage, Message>> = {
  not_due: msg("aging.stage.not_due", {}),
  due_7d: msg("aging.stage.due_7d", {}),
  due_3d: msg("aging.stage.due_3d", {}),
  due_today: msg("aging.stage.due_today", {}),
  overdue: msg("aging.stage.overdue", {}),
  past_final: msg("aging.stage.past_final", {}),
};

/** What each action asks for, as a message. */
export const ACTION_TEXT: Readonly<Record<ActionCode, Message>> = {
  call_visit: msg("aging.action.call_visit", {}),
  confirm_date: msg("aging.action.confirm_date", {}),
  collect: msg("aging.action.collect", {}),
  chase: msg("aging.action.chase", {}),
  demand: msg("aging.action.demand", {}),
  verify_opening: msg("aging.action.verify_opening", {}),
  acknowledge: msg("aging.action.acknowledge", {}),
  time_barred: msg("aging.action.time_barred", {}),
  commitment_broken: msg("aging.action.commitment_broken", {}),
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
  const code = actionCode(stage, unknownAge);
  return { code, date: isoOf(actionDay(code, dueDay, termDays, asOfDay)), text: ACTION_TEXT[code] };
}

/** The action an item's stage calls for (see `nextActionFor`). */
function actionCode(stage: Stage, unknownAge: boolean): ActionCode {
  if (unknownAge && !isLate(stage)) return "verify_opening";
  switch (stage) {
    case "not_due":
    case "due_7d":
      return "call_visit";
    case "due_3d":
      return "confirm_date";
    case "due_today":
      return "collect";
    case "overdue":
      return "chase";
    case "past_final":
      return "demand";
  }
}

/** The epoch day action `code` falls due, for an item due on `dueDay` (see `nextActionFor`). */
function actionDay(code: ActionCode, dueDay: number, termDays: number, asOfDay: number): number {
  switch (code) {
    case "call_visit":
      return dueDay - 7;
    case "confirm_date":
      return dueDay - 3;
    case "collect":
      return dueDay;
    case "chase":
      return dueDay + 1;
    case "demand":
      return dueDay + graceDays(termDays) + 1;
    default:
      return asOfDay;
  }
}

const ACTION_CODES = Object.keys(ACTION_TEXT) as ActionCode[];

/**
 * `nextActionOn` for the items of one aging, each action (code and day) made once: a large ledger's items
 * share a few hundred of them. The actions are read-only (the collection checks replace an item's, never
 * change it).
 */
export class NextActions {
  private readonly made = new Map<number, NextAction>();

  constructor(
    private readonly asOfDay: number,
    private readonly isoOf: (day: number) => IsoDate,
  ) {}

  of(stage: Stage, dueDay: number, termDays: number, unknownAge: boolean): NextAction {
    const code = actionCode(stage, unknownAge);
    const day = actionDay(code, dueDay, termDays, this.asOfDay);
    // Only a whole day is kept: the key is one number per code and day, and NaN (or a fraction) would give
    // two actions one key. Such a day is worked out each time, as `nextActionOn` does.
    if (!Number.isSafeInteger(day)) return { code, date: this.isoOf(day), text: ACTION_TEXT[code] };
    const key = day * ACTION_CODES.length + ACTION_CODES.indexOf(code);
    let action = this.made.get(key);
    if (action === undefined) {
      action = { code, date: this.isoOf(day), text: ACTION_TEXT[code] };
      this.made.set(key, action);
    }
    return action;
  }
}

export function assertIsoDate(name: string, value: IsoDate): void {
  if (typeof value !== "string" || !isIsoDate(value)) {
    throw new RangeError(`${name} must be a YYYY-MM-DD date, got ${String(value)}`);
  }
}
