/**
 * Working days for the reply deadline (回函截止日期 = 发函日期 + 10 working days).
 *
 * The core knows only Monday to Friday. China's public holidays and the 调休 weekends worked in exchange
 * are set by the State Council each year and are not known here: the caller passes them as extra
 * non-working days (`holidays`) and extra working days (`workdays`) when it has them.
 */
import { addDays, toEpochDay } from "../dates";
import type { IsoDate } from "../model";

export interface WorkingCalendar {
  /** Weekdays that are not worked (法定节假日). */
  holidays?: readonly IsoDate[];
  /** Saturdays and Sundays that are worked (调休上班). */
  workdays?: readonly IsoDate[];
}

/** Working days a dealer gets to reply. */
export const REPLY_WORKING_DAYS = 10;

export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar = {}): boolean {
  if (calendar.workdays?.includes(date)) return true;
  if (calendar.holidays?.includes(date)) return false;
  // 1970-01-01 (epoch day 0) was a Thursday.
  const weekday = (((toEpochDay(date) + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday !== 0 && weekday !== 6;
}

/** The date `days` working days after `date` (the day itself not counted). */
export function addWorkingDays(date: IsoDate, days: number, calendar: WorkingCalendar = {}): IsoDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`not a number of working days: ${days}`);
  let d = date;
  for (let left = days; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar)) left--;
  }
  return d;
}

/** 回函截止日期 for a letter sent on `sendDate`. */
export function replyDeadline(sendDate: IsoDate, calendar: WorkingCalendar = {}): IsoDate {
  return addWorkingDays(sendDate, REPLY_WORKING_DAYS, calendar);
}
