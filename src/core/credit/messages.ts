/** The codes the credit part says its problems with, and their parameters (see `../messages`). */
import type { Message } from "../messages";
import type { Fen, IsoDate } from "../model";

export interface CreditMessages {
  /**
   * A field of an application that cannot be taken: the place, the field (Chinese says its label as the
   * form writes it, English its name) and what is wrong.
   */
  "credit.application.error": { sheet: string; cell: string; field: string; name: Message; what: Message };
  /** A field's name, for saying which field is meant (Chinese uses the form's label as it is). */
  "credit.field_name.dealer": Record<string, never>;
  "credit.field_name.creditCode": Record<string, never>;
  "credit.field_name.address": Record<string, never>;
  "credit.field_name.legalRep": Record<string, never>;
  "credit.field_name.contact": Record<string, never>;
  "credit.field_name.phone": Record<string, never>;
  "credit.field_name.nature": Record<string, never>;
  "credit.field_name.founded": Record<string, never>;
  "credit.field_name.capital": Record<string, never>;
  "credit.field_name.revenue": Record<string, never>;
  "credit.field_name.since": Record<string, never>;
  "credit.field_name.products": Record<string, never>;
  "credit.field_name.monthly": Record<string, never>;
  "credit.field_name.guarantee": Record<string, never>;
  "credit.field_name.guaranteeNote": Record<string, never>;
  "credit.field_name.requestedLimit": Record<string, never>;
  "credit.field_name.requestedTerm": Record<string, never>;
  "credit.field_name.rep": Record<string, never>;
  "credit.field_name.applied": Record<string, never>;
  "credit.field.blank": Record<string, never>;
  /** `label`: the field's label, as the form writes it. */
  "credit.field.missing": { label: string };
  "credit.field.not_choice": { found: string; choices: readonly string[] };
  "credit.field.not_date": { found: string };
  "credit.field.not_yuan": { found: string };
  "credit.field.not_wan": { found: string };
  "credit.field.not_days": { found: string };
  // The 评分标准 sheet: each names the sheet, the row and cell to fix, and what was found there.
  /** `items`: the default items' names, as the sheet writes them. */
  "credit.scorecard.unknown_item": { sheet: string; row: number; cell: string; found: string; items: readonly string[] };
  "credit.scorecard.bad_condition": { sheet: string; row: number; cell: string; found: string };
  /** A 按期回款率 bound written as a fraction (`found`, such as ≥ 0.95) where the rate is in % (`percent`: 95). */
  "credit.scorecard.rate_fraction": { sheet: string; row: number; cell: string; found: string; percent: number };
  /** A 注册资本 / 年销售额 label in a money unit (`unit`) other than the 万元 its bands are compared in. */
  "credit.scorecard.not_wan": { sheet: string; row: number; cell: string; found: string; unit: string };
  /** A band of 担保方式 that is not one of the application's choices. */
  "credit.scorecard.bad_guarantee": { sheet: string; row: number; cell: string; found: string };
  "credit.scorecard.bad_points": { sheet: string; row: number; cell: string; found: string };
  "credit.scorecard.bad_grade_name": { sheet: string; row: number; cell: string };
  "credit.scorecard.bad_grade_min": { sheet: string; row: number; cell: string; grade: string; found: string };
  "credit.scorecard.bad_grade_factor": { sheet: string; row: number; cell: string; grade: string; found: string };
  "credit.scorecard.bad_grade_term": { sheet: string; row: number; cell: string; grade: string; found: string };
  /** `label`: the cap's label on the sheet; `found`: what it says; `grades`: the grades the table has. */
  "credit.scorecard.bad_cap": { sheet: string; row: number; label: string; found: string; grades: readonly string[] };
  /** No cap row, and the default's grade (`found`) is not in the table: `row` is the row under the grades, where one goes. */
  "credit.scorecard.no_cap": { sheet: string; row: number; label: string; found: string; grades: readonly string[] };
  // The 信用档案.
  "credit.register.bad_limit": { sheet: string; cell: string; found: string };
  "credit.register.bad_term": { sheet: string; cell: string; found: string };
  // The score's breakdown: the default items' names (the 评分标准 sheet and the JSON keep the Chinese label).
  "credit.item.cooperation": Record<string, never>;
  "credit.item.founded": Record<string, never>;
  "credit.item.capital": Record<string, never>;
  "credit.item.revenue": Record<string, never>;
  "credit.item.guarantee": Record<string, never>;
  "credit.item.onTime": Record<string, never>;
  "credit.item.overdue": Record<string, never>;
  /** An item named otherwise on the user's 评分标准 sheet: its name as typed, in every language. */
  "credit.item.custom": { name: string };
  /** An item measured on the ledger's history when there is none. */
  "credit.value.no_record": Record<string, never>;
  // The suggested limit's arithmetic, one line each.
  /** The monthly base from the ledger: `months`, the months of the last twelve with sales. */
  "credit.limit.base_ledger": { months: number };
  "credit.limit.base_application": Record<string, never>;
  /** The term: the shorter of the grade's and the one applied for. */
  "credit.limit.term": { grade: string; gradeDays: number; requestedDays: number };
  /** The same when it comes to 0 days (payment before delivery). */
  "credit.limit.term_cash": { grade: string; gradeDays: number; requestedDays: number };
  "credit.limit.factor": { grade: string };
  "credit.limit.computed": Record<string, never>;
  "credit.limit.requested": Record<string, never>;
  "credit.limit.suggested": Record<string, never>;
  // The half-yearly review's proposal: why that grade. `count`: open items past their final deadline.
  /** One grade below the register's; no fresh score (no application). */
  "credit.review.past_final_below": { count: number; from: string; to: string };
  /** One grade below the register's; the fresh score's grade is not lower. */
  "credit.review.past_final_below_fresh": { count: number; from: string; to: string; score: number; fresh: string };
  /** The fresh score's grade, lower than one below the register's (`below`). */
  "credit.review.past_final_fresh_lower": { count: number; from: string; below: string; score: number; to: string };
  /** The register's grade is the lowest already: it stays. */
  "credit.review.past_final_lowest": { count: number; grade: string };
  /** The register's grade is not one of the scorecard's: the fresh score's grade. */
  "credit.review.past_final_fresh_only": { count: number; grade: string; score: number; to: string };
  /** The register's grade is not one of the scorecard's and there is no fresh score: nothing can be proposed. */
  "credit.review.past_final_no_grade": { count: number; grade: string };
  /** Nothing past the final deadline; the fresh score's grade differs from the register's. */
  "credit.review.fresh": { score: number; from: string; to: string };
  // Exposure from a balance table (科目余额表 / 往来余额表).
  "credit.balances.not_table": { sheet: string };
  /** The table states no cut-off: its closing balances are taken as at the as-of date. */
  "credit.balances.no_cutoff": { sheet: string; asOf: IsoDate };
  "credit.balances.cutoff_differs": { sheet: string; cutoff: IsoDate; asOf: IsoDate };
  /** A row of an assessed dealer where 期初 + 借 − 贷 (`expected`, fen) is not its 期末 (`found`, fen). */
  "credit.balances.row_off": { sheet: string; row: number; dealer: string; expected: Fen; found: Fen };
  /**
   * A cell of a figure the table's row needs that cannot be read (not an amount, a formula without a saved
   * result, an Excel error), as the reader says it: the row is left out, its dealer has no exposure figure.
   */
  "credit.balances.unreadable": { problem: Message };
  // `credit --approve` on the command line, refused before anything is written.
  /** --approver or --approved-on given without --approve. */
  "credit.approve.alone": Record<string, never>;
  "credit.approve.needs_out": Record<string, never>;
  "credit.approve.needs_approver": Record<string, never>;
  /** --approved-on given, before --as-of: an approval cannot predate the scoring it approves. */
  "credit.approve.before_as_of": { approvedOn: IsoDate; asOf: IsoDate };
  /** No --approved-on, and today (its default) is before --as-of. */
  "credit.approve.today_before_as_of": { approvedOn: IsoDate; asOf: IsoDate };
  /** A dealer named that has no application scored in the run; `scored` are those that have. */
  "credit.approve.no_application": { dealer: string; scored: string[] };
  /** The register (`sheet` of `file`) is not in an .xlsx workbook, so it cannot be carried into the result. */
  "credit.approve.register_not_xlsx": { file: string; sheet: string };
}
