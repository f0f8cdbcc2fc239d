/**
 * The 余额调节表 in the usual form: each balance at the cut-off, adjusted by the timing items only the
 * other side has booked (未达账项); amount mismatches, duplicates, rows whose pairing awaits the user and
 * rows that could not be read are 待查差异, listed with both amounts and adjusting neither side, because
 * which side is wrong is for someone to find out. See `BalanceReconciliation` for the arithmetic.
 */
import { formatFenGrouped } from "../money";
import type { Fen } from "../model";
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

const join = (rows: readonly number[], sep: string) => rows.join(sep);

/** The likely causes of a fee pair (pass 6), named in its 待查 line. */
const LIKELY: Partial<Record<Difference["reason"]["code"], { zh: string; en: string }>> = {
  bank_fee: { zh: "银行手续费", en: "a bank fee" },
  cash_discount: { zh: "现金折扣", en: "a cash discount" },
  rounding: { zh: "尾差", en: "rounding" },
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
      return {
        ...base,
        text: {
          zh: `金额不符（我方第 ${join(d.ledgerRows, "、")} 行 ${formatFenGrouped(d.ledgerAmount)}，对方第 ${join(d.statementRows, "、")} 行 ${formatFenGrouped(d.statementAmount)}）${likely ? `，可能是${likely.zh}` : ""}`,
          en: `Amounts differ (our row ${join(d.ledgerRows, ", ")} ${formatFenGrouped(d.ledgerAmount)}, their row ${join(d.statementRows, ", ")} ${formatFenGrouped(d.statementAmount)})${likely ? `, likely ${likely.en}` : ""}`,
        },
      };
    }
    case "duplicate":
      return {
        ...base,
        text:
          d.ledgerRows.length > 0
            ? { zh: `我方重复记账（第 ${join(d.ledgerRows, "、")} 行重复第 ${d.duplicateOf} 行）`, en: `Our duplicate entry (row ${join(d.ledgerRows, ", ")} repeats row ${d.duplicateOf})` }
            : {
                zh: `对方重复记账（第 ${join(d.statementRows, "、")} 行重复第 ${d.duplicateOf} 行）`,
                en: `The dealer's duplicate entry (row ${join(d.statementRows, ", ")} repeats row ${d.duplicateOf})`,
              },
      };
    default:
      // Any other kind (rows that could not be read) is for a person to look at: its reason says what.
      return { ...base, text: { zh: d.reason.zh, en: d.reason.en } };
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
        text: { zh: `我方已记、对方未记（我方第 ${join(d.ledgerRows, "、")} 行）`, en: `Booked by us, not by the dealer (our row ${join(d.ledgerRows, ", ")})` },
      });
    } else if (d.kind === "statement_only") {
      ledgerAdjustments.push({
        source: d.kind,
        amount: -d.amount,
        ...rows,
        text: { zh: `对方已记、我方未记（对方第 ${join(d.statementRows, "、")} 行）`, en: `Booked by the dealer, not by us (their row ${join(d.statementRows, ", ")})` },
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
      statementAmount: 0,
      amount: i.amount,
      text: { zh: `我方第 ${i.row} 行待确认匹配`, en: `Our row ${i.row}, match awaiting confirmation` },
    });
  }
  for (const i of input.pending.statement) {
    pendingItems.push({
      source: "pending",
      ledgerRows: [],
      statementRows: [i.row],
      ledgerAmount: 0,
      statementAmount: i.amount,
      amount: -i.amount,
      text: { zh: `对方第 ${i.row} 行待确认匹配`, en: `Their row ${i.row}, match awaiting confirmation` },
    });
  }
  const adjustedLedgerBalance = input.ledgerBalance + ledgerAdjustments.reduce((t, a) => t + a.amount, 0);
  const adjustedStatementBalance = input.statementBalance + statementAdjustments.reduce((t, a) => t + a.amount, 0);
  const remainder = adjustedLedgerBalance - adjustedStatementBalance;
  const openingDifference = input.ledgerOpening - input.statementOpening;
  const pendingTotal = pendingItems.reduce((t, p) => t + p.amount, 0);
  const unexplained = remainder - pendingTotal - openingDifference;
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
  const r = formatFenGrouped(remainder);
  const opening = {
    zh: `双方期初余额之差（我方 ${formatFenGrouped(input.ledgerOpening)}，对方 ${formatFenGrouped(input.statementOpening)}）`,
    en: `the difference between the opening balances (ours ${formatFenGrouped(input.ledgerOpening)}, theirs ${formatFenGrouped(input.statementOpening)})`,
  };
  const parts = [pendingTotal !== 0, openingDifference !== 0, unexplained !== 0].filter(Boolean).length;
  if (parts === 1 && openingDifference !== 0) {
    return { zh: `调节后仍差 ${r}，等于${opening.zh}，请核对以前期间`, en: `${r} remains after adjusting: ${opening.en}; check the earlier periods` };
  }
  if (parts === 1 && pendingTotal !== 0) {
    return {
      zh: `调节后仍差 ${r}，即待查差异合计（${pendingCount} 项），请逐项查明哪一方有误并更正`,
      en: `${r} remains after adjusting: the total of the ${pendingCount} item(s) to check; find which side is wrong in each and correct it`,
    };
  }
  if (parts === 1) return { zh: `调节后仍有 ${r} 无法解释，请人工核对`, en: `${r} remains unexplained after adjusting; check by hand` };
  const zh: string[] = [];
  const en: string[] = [];
  if (pendingTotal !== 0) {
    zh.push(`待查差异合计 ${formatFenGrouped(pendingTotal)}（${pendingCount} 项）`);
    en.push(`${formatFenGrouped(pendingTotal)} in the ${pendingCount} item(s) to check`);
  }
  if (openingDifference !== 0) {
    zh.push(`双方期初余额之差 ${formatFenGrouped(openingDifference)}（我方 ${formatFenGrouped(input.ledgerOpening)}，对方 ${formatFenGrouped(input.statementOpening)}）`);
    en.push(`${formatFenGrouped(openingDifference)}, ${opening.en}`);
  }
  if (unexplained !== 0) {
    zh.push(`无法解释的 ${formatFenGrouped(unexplained)}`);
    en.push(`${formatFenGrouped(unexplained)} unexplained`);
  }
  return { zh: `调节后仍差 ${r}：${zh.join("，")}；请逐项核对`, en: `${r} remains after adjusting: ${en.join("; ")}. Check each.` };
}
