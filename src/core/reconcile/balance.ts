/**
 * The 余额调节表: each balance at the cut-off, adjusted by what only the other side has, until both
 * read the same. See `BalanceReconciliation` for the formula and the sign conventions.
 */
import { formatFenGrouped } from "../money";
import type { Fen } from "../model";
import type { Item } from "./engine";
import type { Adjustment, BalanceReconciliation, Difference } from "./types";

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

export function reconcileBalances(input: BalanceInput): BalanceReconciliation {
  const ledgerAdjustments: Adjustment[] = [];
  const statementAdjustments: Adjustment[] = [];
  for (const d of input.differences) {
    const rows = { ledgerRows: d.ledgerRows, statementRows: d.statementRows };
    switch (d.kind) {
      case "ledger_only":
        statementAdjustments.push({
          source: d.kind,
          amount: d.amount,
          ...rows,
          text: { zh: `我方已记、对方未记（我方第 ${d.ledgerRows.join("、")} 行）`, en: `Booked by us, not by the dealer (our row ${d.ledgerRows.join(", ")})` },
        });
        break;
      case "statement_only":
        ledgerAdjustments.push({
          source: d.kind,
          amount: -d.amount,
          ...rows,
          text: {
            zh: `对方已记、我方未记（对方第 ${d.statementRows.join("、")} 行）`,
            en: `Booked by the dealer, not by us (their row ${d.statementRows.join(", ")})`,
          },
        });
        break;
      case "duplicate":
        if (d.ledgerRows.length > 0) {
          ledgerAdjustments.push({
            source: d.kind,
            amount: -d.amount,
            ...rows,
            text: { zh: `我方重复记账（第 ${d.ledgerRows.join("、")} 行重复第 ${d.duplicateOf} 行）`, en: `Our duplicate entry (row ${d.ledgerRows.join(", ")} repeats row ${d.duplicateOf})` },
          });
        } else {
          statementAdjustments.push({
            source: d.kind,
            amount: d.amount,
            ...rows,
            text: {
              zh: `对方重复记账（第 ${d.statementRows.join("、")} 行重复第 ${d.duplicateOf} 行）`,
              en: `The dealer's duplicate entry (row ${d.statementRows.join(", ")} repeats row ${d.duplicateOf})`,
            },
          });
        }
        break;
      case "amount_mismatch":
        // Which side keyed the wrong figure is not known; the statement is brought to our figure
        // because the confirmation letter states our books, and the dealer is asked to confirm it.
        statementAdjustments.push({
          source: d.kind,
          amount: d.amount,
          ...rows,
          text: {
            zh: `金额不符（我方第 ${d.ledgerRows.join("、")} 行 ${formatFenGrouped(d.ledgerAmount)}，对方第 ${d.statementRows.join("、")} 行 ${formatFenGrouped(d.statementAmount)}）`,
            en: `Amounts differ (our row ${d.ledgerRows.join(", ")} ${formatFenGrouped(d.ledgerAmount)}, their row ${d.statementRows.join(", ")} ${formatFenGrouped(d.statementAmount)})`,
          },
        });
        break;
    }
  }
  // Rows waiting for the user's decision count as one-sided until then, so the table still adds up.
  for (const i of input.pending.ledger) {
    statementAdjustments.push({
      source: "pending",
      amount: i.amount,
      ledgerRows: [i.row],
      statementRows: [],
      text: { zh: `我方第 ${i.row} 行待确认匹配`, en: `Our row ${i.row}, match awaiting confirmation` },
    });
  }
  for (const i of input.pending.statement) {
    ledgerAdjustments.push({
      source: "pending",
      amount: i.amount,
      ledgerRows: [],
      statementRows: [i.row],
      text: { zh: `对方第 ${i.row} 行待确认匹配`, en: `Their row ${i.row}, match awaiting confirmation` },
    });
  }
  const adjustedLedgerBalance = input.ledgerBalance + ledgerAdjustments.reduce((t, a) => t + a.amount, 0);
  const adjustedStatementBalance = input.statementBalance + statementAdjustments.reduce((t, a) => t + a.amount, 0);
  const remainder = adjustedLedgerBalance - adjustedStatementBalance;
  const openingDifference = input.ledgerOpening - input.statementOpening;
  let remainderNote: BalanceReconciliation["remainderNote"] = null;
  if (remainder !== 0) {
    const r = formatFenGrouped(remainder);
    remainderNote =
      remainder === openingDifference
        ? {
            zh: `调节后仍差 ${r}，等于双方期初余额之差（我方 ${formatFenGrouped(input.ledgerOpening)}，对方 ${formatFenGrouped(input.statementOpening)}），请核对以前期间`,
            en: `${r} remains after adjusting: the difference between the opening balances (ours ${formatFenGrouped(input.ledgerOpening)}, theirs ${formatFenGrouped(input.statementOpening)}); check the earlier periods`,
          }
        : { zh: `调节后仍有 ${r} 无法解释，请人工核对`, en: `${r} remains unexplained after adjusting; check by hand` };
  }
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
    balanced: remainder === 0,
    remainderNote,
  };
}
