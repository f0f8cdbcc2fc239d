/** Credit's texts (applications, the scorecard, the register) in English. */
import type { CreditMessages } from "../../core/credit/messages";
import type { MessageTable } from "../table";

export const creditEn: MessageTable<CreditMessages> = {
  "credit.application.error": 'Sheet "{sheet}", cell {cell} ({fieldEn}): {what:msg}',
  "credit.field.blank": "required, left blank",
  "credit.field.missing": 'no "{label}" field found (required)',
  "credit.field.not_choice": '"{found}" is not one of {choices:list}',
  "credit.field.not_date": '"{found}" is not a date (e.g. 2026-11-30)',
  "credit.field.not_yuan": '"{found}" must be a whole number of yuan, 0 or more',
  "credit.field.not_wan": '"{found}" must be a number of 10k yuan, 0 or more',
  "credit.field.not_days": '"{found}" must be a whole number of days from 0 to 3650',
  "credit.scorecard.unknown_item": 'row {row}: unknown item "{found}"',
  "credit.scorecard.bad_condition": 'row {row} (column B): condition "{found}" should read "≥ 3", "≤ 30", "其他" or "无记录"',
  "credit.scorecard.bad_points": "row {row} (column C): points must be a number, 0 or more",
  "credit.scorecard.bad_grade": 'row {row}: grade "{grade}" needs a minimum score, a factor and a whole-day term, 0 or more',
  "credit.scorecard.bad_cap": '"{label}" must be one of the grades ({grades:list})',
  "credit.register.bad_limit": '{sheet} {cell}: limit "{found}" is not an amount',
  "credit.register.bad_term": '{sheet} {cell}: term "{found}" is not a number of days',
};
