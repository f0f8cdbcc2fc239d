/**
 * The aging's messages: each code and the parameters its text needs (the text is in src/messages).
 */
import type { Message } from "../messages";

type Where = { sheet: string; row: number };

export interface AgingMessages {
  // Options that could not be used.
  "aging.issue.bad_default_term": { value: string; fallback: number };
  "aging.issue.bad_buckets": { problem: Message };
  "aging.issue.bad_term.register": { dealer: string; value: string };
  "aging.issue.bad_term.table": { dealer: string; value: string };
  "aging.issue.rep_period_end": { to: string; asOf: string };
  "aging.issue.rep_period_start": { from: string; to: string };
  // Rows that could not be aged.
  "aging.issue.bad_term.row": Where & { value: string };
  "aging.issue.entry_without_date": Where;
  "aging.issue.bad_amount": Where;
  "aging.issue.bad_opening_amount": Where;
  // A term table in the workbook (账期表).
  "aging.term_table.no_columns": { sheet: string };
  "aging.term_table.no_dealer": Where;
  "aging.term_table.bad_term": Where & { column: string; dealer: string; value: string };
  "aging.term_table.conflict": Where & { first: number; dealer: string; before: number; days: number };
  // Why a bucket list cannot be used.
  "aging.buckets.none": Record<string, never>;
  "aging.buckets.unnamed": { index: number };
  "aging.buckets.reserved": { key: string };
  "aging.buckets.repeated": { key: string };
  "aging.buckets.whole_days": { key: string };
  "aging.buckets.first_unbounded": { key: string };
  "aging.buckets.no_start": { key: string };
  "aging.buckets.last_unbounded": { key: string };
  "aging.buckets.no_end": { key: string };
  "aging.buckets.backwards": { key: string };
  "aging.buckets.gap": { key: string; day: number };
  // The collection calendar.
  "aging.stage.not_due": Record<string, never>;
  "aging.stage.due_7d": Record<string, never>;
  "aging.stage.due_3d": Record<string, never>;
  "aging.stage.due_today": Record<string, never>;
  "aging.stage.overdue": Record<string, never>;
  "aging.stage.past_final": Record<string, never>;
  "aging.action.call_visit": Record<string, never>;
  "aging.action.confirm_date": Record<string, never>;
  "aging.action.collect": Record<string, never>;
  "aging.action.chase": Record<string, never>;
  "aging.action.demand": Record<string, never>;
  "aging.action.verify_opening": Record<string, never>;
  "aging.action.acknowledge": Record<string, never>;
  "aging.action.time_barred": Record<string, never>;
  "aging.action.commitment_broken": Record<string, never>;
  // Kinds of difference a 待核对 list names.
  "aging.review.duplicate": Record<string, never>;
  "aging.review.amount_mismatch": Record<string, never>;
  "aging.review.ledger_only": Record<string, never>;
  "aging.review.unreadable": Record<string, never>;
  "aging.review.other": Record<string, never>;
}
