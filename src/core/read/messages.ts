/**
 * The codes the reader's issues, skipped rows and sides are said with (see `../messages`); the text is in
 * the message tables outside core.
 */
import { msg, type Message } from "../messages";
import type { ReadIssue, ReadIssueCode, SkipReason } from "./types";

type At = { at: Message };
type Found = At & { found: string };

export interface ReadMessages {
  /** Where an issue is: a cell (with its column's header) or a row. */
  "read.at.cell": { sheet: string; cell: string };
  "read.at.cell_header": { sheet: string; cell: string; header: string };
  "read.at.row": { sheet: string; row: number };
  "read.issue.no_header": At;
  "read.issue.no_amount_column": At;
  "read.issue.no_date_column": At;
  "read.issue.map_not_found": Found;
  "read.issue.bad_date": Found;
  "read.issue.missing_date": At;
  "read.issue.missing_year": Found;
  "read.issue.bad_amount": Found;
  "read.issue.bad_direction": Found;
  "read.issue.uncomputed_formula": At;
  "read.issue.formula_error": Found;
  /** A reconciliation's words for such a cell (see `reconcile.reason.unreadable`): what is there, what to do. */
  "read.unread.what.uncomputed_formula": Record<string, never>;
  "read.unread.what.formula_error": { found: string };
  "read.unread.fix.uncomputed_formula": Record<string, never>;
  "read.unread.fix.formula_error": Record<string, never>;
  "read.skip.title": Record<string, never>;
  "read.skip.blank": Record<string, never>;
  "read.skip.header": Record<string, never>;
  "read.skip.opening": Record<string, never>;
  "read.skip.carried": Record<string, never>;
  "read.skip.total": Record<string, never>;
  "read.skip.other-dealer": Record<string, never>;
  "read.skip.no-amount": Record<string, never>;
  "read.skip.sign-off": Record<string, never>;
}

/** Issues that name no text found in the sheet. */
const WITHOUT_FOUND: ReadonlySet<ReadIssueCode> = new Set<ReadIssueCode>(["no_header", "no_amount_column", "no_date_column", "missing_date", "uncomputed_formula"]);

/** The message of a reader's issue: the place, what was found and what to do. */
export function readIssueMessage(issue: ReadIssue): Message {
  const cell = issue.column ? `${issue.column}${issue.row}` : null;
  const at =
    cell === null
      ? msg("read.at.row", { sheet: issue.sheet, row: issue.row })
      : issue.header
        ? msg("read.at.cell_header", { sheet: issue.sheet, cell, header: issue.header })
        : msg("read.at.cell", { sheet: issue.sheet, cell });
  if (WITHOUT_FOUND.has(issue.code)) return msg(`read.issue.${issue.code as "no_header"}`, { at });
  return msg(`read.issue.${issue.code as "bad_date"}`, { at, found: issue.found });
}

export function skipReasonMessage(reason: SkipReason): Message {
  return msg(`read.skip.${reason}`, {});
}
