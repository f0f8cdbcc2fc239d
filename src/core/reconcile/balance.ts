/**
 * The 余额调节表 in the usual form: each balance at the cut-off, adjusted by the timing items only the
 * other side has booked (未达账项); amount mismatches, duplicates, rows whose pairing awaits the user and
 * rows that could not be read are 待查差异, listed with both amounts and adjusting neither side, because
 * which side is wrong is for someone to find out. See `BalanceReconciliation` for the arithmetic.
 */
import { msg, type Message } from "../messages";
import type { Fen } from "../model";
import { addFen, fen, negFen, subFen, sumFen } from "../money";
import type { Item } from "./engine";
import type { Adjustment, BalanceReconciliation, Difference, PendingItem } from "./types";

export interface BalanceInput {
  ledgerOpening: Fen;
  statementOpening: Fen;
  ledgerOpeningRows: number[];
  statementOpeningRows: number[];
  ledgerBalance: Fen;
  statementBalance: Fen;
  differences: readonly Difference[];
  pending: { ledger: readonly Item[]; statement: readonly Item[] };
}

/** The likely causes of a fee pair (pass 6), named in its 待查 line. */
const LIKELY: Partial<Record<Difference["reason"]["code"], Message>> = {
  bank_fee: msg("reconcile.likely.bank_fee", {}),
  cash_discount: msg("reconcile.likely.cash_discount", {}),
  rounding: msg("reconcile.likely.rounding", {}),
};

function pendingOf(d: Difference): PendingItem {
  const base = {
    source: d.kind,
    ledgerRows: d.ledgerRows,
    statementRows: d.statementRows,
    ledgerAmount: d.ledgerAmount,
    statementAmount: d.statementAmount,
    amount: d.amount,
  };
  switch (d.kind) {
    case "amount_mismatch": {
      // One payment or sale booked with two amounts: the likely cause goes with it, so no one looks for a missing payment.
      const likely = LIKELY[d.reason.code];
      const params = { ledgerRows: d.ledgerRows, ledgerAmount: d.ledgerAmount, statementRows: d.statementRows, statementAmount: d.statementAmount };
      return { ...base, text: likely ? msg("reconcile.pending.mismatch.likely", { ...params, likely }) : msg("reconcile.pending.mismatch", params) };
    }
    case "duplicate":
      return {
        ...base,
        text:
          d.ledgerRows.length > 0
            ? msg("reconcile.pending.duplicate.ledger", { rows: d.ledgerRows, original: d.duplicateOf ?? 0 })
            : msg("reconcile.pending.duplicate.statement", { rows: d.statementRows, original: d.duplicateOf ?? 0 }),
      };
    default:
      // Any other kind (rows that could not be read) is for a person to look at: its reason says what.
      return { ...base, text: d.reason.text };
  }
}

export function reconcileBalances(input: BalanceInput): BalanceReconciliation {
  const ledgerAdjustments: Adjustment[] = [];
  const statementAdjustments: Adjustment[] = [];
  const pendingItems: PendingItem[] = [];
  for (const d of input.differences) {
    const rows = { ledgerRows: d.ledgerRows, statementRows: d.statementRows };
    if (d.kind === "ledger_only") {
      // Booked by us only: the dealer has not booked it yet, so their balance is adjusted.
      statementAdjustments.push({
        source: d.kind,
        amount: d.amount,
        ...rows,
        text: msg("reconcile.adjust.ledger_only", { rows: d.ledgerRows }),
      });
    } else if (d.kind === "statement_only") {
      ledgerAdjustments.push({
        source: d.kind,
        amount: negFen(d.amount),
        ...rows,
        text: msg("reconcile.adjust.statement_only", { rows: d.statementRows }),
      });
    } else pendingItems.push(pendingOf(d));
  }
  // Rows waiting for the user's decision: probably booked on both sides, so they adjust neither until decided.
  for (const i of input.pending.ledger) {
    pendingItems.push({
      source: "pending",
      ledgerRows: [i.row],
      statementRows: [],
      ledgerAmount: i.amount,
      statementAmount: fen(0),
      amount: i.amount,
      text: msg("reconcile.pending.awaiting.ledger", { row: i.row }),
    });
  }
  for (const i of input.pending.statement) {
    pendingItems.push({
      source: "pending",
      ledgerRows: [],
      statementRows: [i.row],
      ledgerAmount: fen(0),
      statementAmount: i.amount,
      amount: negFen(i.amount),
      text: msg("reconcile.pending.awaiting.statement", { row: i.row }),
    });
  }
  const adjustedLedgerBalance = addFen(input.ledgerBalance, sumFen(ledgerAdjustments, (a) => a.amount));
  const adjustedStatementBalance = addFen(input.statementBalance, sumFen(statementAdjustments, (a) => a.amount));
  const remainder = subFen(adjustedLedgerBalance, adjustedStatementBalance);
  const openingDifference = subFen(input.ledgerOpening, input.statementOpening);
  const pendingTotal = sumFen(pendingItems, (p) => p.amount);
  const unexplained = subFen(subFen(remainder, pendingTotal), openingDifference);
  const unread = input.differences.some((d) => (d.kind as string) === "unreadable");
  return {
    ledgerOpening: input.ledgerOpening,
    statementOpening: input.statementOpening,
    ledgerOpeningRows: input.ledgerOpeningRows,
    statementOpeningRows: input.statementOpeningRows,
    ledgerBalance: input.ledgerBalance,
    statementBalance: input.statementBalance,
    ledgerAdjustments,
    statementAdjustments,
    adjustedLedgerBalance,
    adjustedStatementBalance,
    remainder,
    openingDifference,
    pendingItems,
    pendingTotal,
    unexplained,
    balanced: remainder === 0 && !unread,
    remainderNote: remainderNote(input, remainder, pendingTotal, pendingItems.length, openingDifference, unexplained),
  };
}

function remainderNote(
  input: BalanceInput,
  remainder: Fen,
  pendingTotal: Fen,
  pendingCount: number,
  openingDifference: Fen,
  unexplained: Fen,
): BalanceReconciliation["remainderNote"] {
  if (remainder === 0) return null;
  const ours = input.ledgerOpening;
  const theirs = input.statementOpening;
  const parts = [pendingTotal !== 0, openingDifference !== 0, unexplained !== 0].filter(Boolean).length;
  if (parts === 1 && openingDifference !== 0) return msg("reconcile.remainder.opening", { remainder, ours, theirs });
  if (parts === 1 && pendingTotal !== 0) return msg("reconcile.remainder.pending", { remainder, count: pendingCount });
  if (parts === 1) return msg("reconcile.remainder.unexplained", { remainder });
  const list: Message[] = [];
  if (pendingTotal !== 0) list.push(msg("reconcile.remainder.part.pending", { total: pendingTotal, count: pendingCount }));
  if (openingDifference !== 0) list.push(msg("reconcile.remainder.part.opening", { difference: openingDifference, ours, theirs }));
  if (unexplained !== 0) list.push(msg("reconcile.remainder.part.unexplained", { amount: unexplained }));
  return msg("reconcile.remainder.parts", { remainder, parts: list });
}
