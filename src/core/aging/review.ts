/**
 * What the aging lists apart from its figures: cells of the ledger the reader could not take (their rows
 * are in no total), and ledger rows a reconciliation flagged (重复记账, 金额不符, only on our ledger …),
 * which stay in the balance but are checked before anyone is chased for them (待核对).
 */
import { msg, type Message } from "../messages";
import type { Fen, IsoDate } from "../model";
import { readIssueMessage } from "../read/messages";
import type { ReadIssue, ReadIssueCode, ReadResult } from "../read/types";
import type { ReconcileReport } from "../reconcile/types";

/** A cell of a row that otherwise looks like an entry, which could not be read: the row is left out. */
export interface UnreadableCell {
  code: ReadIssueCode;
  sheet: string;
  row: number;
  /** The row's dealer when the sheet names one. */
  dealer: string | null;
  /** The cell's address (`F7`), or null when the reader names the row as a whole. */
  cell: string | null;
  column: string | null;
  header: string | null;
  /** The text found in the cell. */
  found: string;
  /** Where, what was found and what to fix. */
  text: Message;
}

/** Reader issues about one cell of an entry row; the others concern the sheet's layout. */
const CELL_CODES: ReadonlySet<ReadIssueCode> = new Set<ReadIssueCode>(["bad_amount", "bad_date", "missing_date", "missing_year", "bad_direction"]);

/** The reader's own list of rows that look like entries but were left out, where it gives one. */
interface UnreadRows {
  unreadable?: readonly { dealer: string | null; cells: readonly ReadIssue[] }[];
}

/**
 * The cells that kept rows out of the aging. The reader's list of unread entry rows is taken when it
 * gives one (it tells a lost entry from a note under the table); otherwise every cell issue on a row
 * not taken. A cell the reader complained of on a row it still took (an unreadable 余额 beside a good
 * amount) changes no total and is not listed here.
 */
export function unreadableCells(read: Pick<ReadResult, "errors" | "table" | "openings"> & UnreadRows): UnreadableCell[] {
  if (read.unreadable !== undefined) return read.unreadable.flatMap((r) => r.cells.map((c) => unreadableCell(c, r.dealer)));
  const issues = read.errors.filter((e) => CELL_CODES.has(e.code));
  if (issues.length === 0) return [];
  const rowsWithIssues = new Set(issues.map((e) => rowKey(e.sheet, e.row)));
  const kept = new Set<string>();
  const t = read.table;
  for (let i = 0; i < t.length; i++) {
    const key = rowKey(t.sheets[t.sheetIndex[i]], t.rows[i]);
    if (rowsWithIssues.has(key)) kept.add(key);
  }
  for (const o of read.openings) {
    const key = rowKey(o.sheet, o.row);
    if (rowsWithIssues.has(key)) kept.add(key);
  }
  return issues.filter((e) => !kept.has(rowKey(e.sheet, e.row))).map((e) => unreadableCell(e, null));
}

function unreadableCell(issue: ReadIssue, dealer: string | null): UnreadableCell {
  return {
    code: issue.code,
    sheet: issue.sheet,
    row: issue.row,
    dealer,
    cell: issue.column ? `${issue.column}${issue.row}` : null,
    column: issue.column,
    header: issue.header,
    found: issue.found,
    text: readIssueMessage(issue),
  };
}

/** Rows (not cells) left out: one row may have an unreadable date and amount both. */
export function unreadableRowCount(cells: readonly UnreadableCell[]): number {
  return new Set(cells.map((c) => rowKey(c.sheet, c.row))).size;
}

export function rowKey(sheet: string, row: number): string {
  return `${sheet}\u0000${row}`;
}

/** The reconciliation's finding on a ledger row. */
export interface ReconciliationFlag {
  sheet: string;
  row: number;
  /** The reconciliation's kind of difference: `duplicate`, `amount_mismatch`, `ledger_only`, `unreadable` … */
  kind: string;
  /** Its likely reason as the reconciliation gives it (naming the other row or both amounts). */
  reason: Message;
  dealer: string | null;
}

/** The reconciliation an aging takes its 待核对 rows from. */
export interface ReconciliationBasis {
  ledgerSheet: string;
  statementSheet: string;
  cutoff: IsoDate | null;
  /** The dealers the statement covered (those its rows were reconciled for), by name where the sheets give one. */
  dealers?: string[];
  flags: ReconciliationFlag[];
}

/** What a 待核对 mark says: the kind of difference and why. */
export interface ReviewMark {
  kind: string;
  text: Message;
}

/** A flagged ledger row as the aging saw it. */
export interface UnderReconciliation {
  dealer: string;
  rep: string | null;
  sheet: string;
  row: number;
  kind: string;
  /** Why it was flagged, as the reconciliation gives it. */
  text: Message;
  date: IsoDate;
  ref: string | null;
  description: string;
  /** The row's amount, our sign. */
  amount: Fen;
  /** What of it is still open (an invoice, > 0) or unapplied (a receipt, < 0); 0 once settled. */
  open: Fen;
  /** `open`: kept out of the collection actions; `unapplied`: a receipt not applied; `settled`: applied in full. */
  status: "open" | "unapplied" | "settled";
}

/** Kinds of difference, as a 待核对 list names them. */
export const REVIEW_KIND_TEXT: Readonly<Record<string, Message>> = {
  duplicate: msg("aging.review.duplicate", {}),
  amount_mismatch: msg("aging.review.amount_mismatch", {}),
  ledger_only: msg("aging.review.ledger_only", {}),
  unreadable: msg("aging.review.unreadable", {}),
};

export function reviewKindText(kind: string): Message {
  return REVIEW_KIND_TEXT[kind] ?? msg("aging.review.other", {});
}

/**
 * The ledger rows a reconciliation flagged: every difference that involves our rows (a duplicate of
 * ours, an amount the dealer shows otherwise, a row only we booked, a row that could not be read).
 * A dealer the statement says nothing about (`no_statement`, or no statement rows at all) was not
 * reconciled: its rows are not flagged, however the engine listed them.
 */
export function reconciliationFlags(report: ReconcileReport, ledgerSheet: string, statementSheet: string): ReconciliationBasis {
  const flags: ReconciliationFlag[] = [];
  const dealers: string[] = [];
  const seen = new Set<string>();
  for (const d of report.dealers) {
    if (!wasReconciled(d)) continue;
    if (d.dealer !== null) dealers.push(d.dealer);
    const sheet = d.ledger.sheet || ledgerSheet;
    for (const diff of d.differences) {
      if ((diff.kind as string) === "statement_only") continue;
      for (const row of diff.ledgerRows) {
        const key = rowKey(sheet, row);
        // A row in two differences keeps the first: the engine lists the firmer finding first.
        if (seen.has(key)) continue;
        seen.add(key);
        flags.push({ sheet, row, kind: diff.kind, reason: diff.reason.text, dealer: d.dealer });
      }
    }
  }
  return { ledgerSheet, statementSheet, cutoff: report.asOf ?? report.cutoff, dealers, flags };
}

function wasReconciled(d: ReconcileReport["dealers"][number]): boolean {
  const status = (d as { status?: unknown }).status;
  if (typeof status === "string") return status === "reconciled";
  return d.statement.entries > 0 || d.statement.openingBalance !== 0 || d.reconciliation.statementOpeningRows.length > 0;
}
