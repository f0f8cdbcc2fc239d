/**
 * Likely reasons for a difference, read from dates, signs and descriptions. They are hints for the
 * accountant, worded as "likely", never as findings.
 */
import { msg, type Message } from "../messages";
import type { Fen, IsoDate, Side } from "../model";
import { absFen, subFen } from "../money";
import type { Reason, ReasonCode } from "./types";

const RETURN_WORDS = /退货|退回|销退|红字出库|RETURN/i;
const REBATE_WORDS = /返利|折让|折扣|让利|返点|REBATE|DISCOUNT/i;
const DRAFT_WORDS = /银行承兑汇票|承兑|汇票|银承|商承/;
const PAYMENT_WORDS = /付款|汇款|转账|电汇|回款|收款|支付|货款|银行|网银|现金|PAYMENT|REMIT/i;
const SALE_WORDS = /销售|出库|发货|发票|开票|SALE|INVOICE/i;

/** What the reason finder needs to know about a row. */
export interface ReasonRow {
  side: Side;
  date: IsoDate | null;
  amount: Fen;
  description: string;
}

export interface ReasonContext {
  /** The cut-off the "in transit" test measures from; null when no row has a date. */
  cutoff: IsoDate | null;
  cutoffDay: number | null;
  inTransitDays: number;
}

function nearCutoff(day: number | null, ctx: ReasonContext): boolean {
  if (day === null || ctx.cutoffDay === null) return false;
  const before = ctx.cutoffDay - day;
  return before >= 0 && before <= ctx.inTransitDays;
}

const reason = (code: ReasonCode, text: Message): Reason => ({ code, text });

export function oneSidedReason(row: ReasonRow, day: number | null, ctx: ReasonContext): Reason {
  const text = row.description;
  const date = row.date ?? "—";
  const cutoff = ctx.cutoff ?? "—";
  const amount = absFen(row.amount);
  if (RETURN_WORDS.test(text) || (row.amount < 0 && SALE_WORDS.test(text) && !PAYMENT_WORDS.test(text))) {
    return reason("return", row.side === "ledger" ? msg("reconcile.reason.return.ledger", { date, amount }) : msg("reconcile.reason.return.statement", { date, amount }));
  }
  if (REBATE_WORDS.test(text)) {
    return reason("rebate_discount", row.side === "ledger" ? msg("reconcile.reason.rebate.ledger", { date, amount }) : msg("reconcile.reason.rebate.statement", { date, amount }));
  }
  if (row.side === "ledger") {
    if (row.amount > 0) {
      return nearCutoff(day, ctx)
        ? reason("goods_in_transit", msg("reconcile.reason.goods_in_transit", { date, cutoff }))
        : reason("sale_not_booked_by_dealer", msg("reconcile.reason.sale_not_booked_by_dealer", { date }));
    }
    if (row.amount < 0) return reason("receipt_not_on_statement", msg("reconcile.reason.receipt_not_on_statement", { date }));
  } else {
    if (row.amount < 0) {
      const paymentLike = DRAFT_WORDS.test(text) || PAYMENT_WORDS.test(text) || text.trim() === "";
      if (DRAFT_WORDS.test(text)) return reason("payment_in_transit", msg("reconcile.reason.payment_in_transit.draft", { date, cutoff }));
      if (paymentLike && nearCutoff(day, ctx)) return reason("payment_in_transit", msg("reconcile.reason.payment_in_transit", { date, cutoff }));
      if (paymentLike) return reason("payment_not_booked", msg("reconcile.reason.payment_not_booked", { date }));
      return reason("rebate_discount", msg("reconcile.reason.rebate.statement_credit", { date, amount }));
    }
    if (row.amount > 0) return reason("charge_not_booked", msg("reconcile.reason.charge_not_booked", { date, amount }));
  }
  return reason("unexplained", msg("reconcile.reason.unexplained", {}));
}

/** True when the two amounts hold the same digits in another order (a classic keying error). */
export function isTransposition(a: Fen, b: Fen): boolean {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x === y || (Math.abs(x - y) % 9 !== 0)) return false;
  const dx = String(x);
  const dy = String(y);
  return dx.length === dy.length && [...dx].sort().join("") === [...dy].sort().join("");
}

export function mismatchReason(ledgerAmount: Fen, statementAmount: Fen, texts: string[]): Reason {
  const amounts = { ours: ledgerAmount, theirs: statementAmount, diff: subFen(ledgerAmount, statementAmount) };
  if (Math.sign(ledgerAmount) === Math.sign(statementAmount) && isTransposition(ledgerAmount, statementAmount)) {
    return reason("transposed_digits", msg("reconcile.reason.transposed_digits", amounts));
  }
  const all = texts.join(" ");
  if (REBATE_WORDS.test(all)) return reason("rebate_discount", msg("reconcile.reason.rebate.amounts", amounts));
  if (RETURN_WORDS.test(all)) return reason("return", msg("reconcile.reason.return.partial", amounts));
  return reason("wrong_amount", msg("reconcile.reason.wrong_amount", amounts));
}

export function duplicateReason(side: Side, row: number, originalRow: number): Reason {
  const params = { row, original: originalRow };
  return reason("duplicate_entry", side === "ledger" ? msg("reconcile.reason.duplicate.ledger", params) : msg("reconcile.reason.duplicate.statement", params));
}

export function wrongDealerReason(side: Side, otherDealer: string): Reason {
  const params = { other: otherDealer };
  return reason("wrong_dealer", side === "ledger" ? msg("reconcile.reason.wrong_dealer.ledger", params) : msg("reconcile.reason.wrong_dealer.statement", params));
}

/** Shares of the larger amount a cash discount is usually given as, in tenths of a percent. */
const DISCOUNT_PERMILLE = [5, 10, 15, 20, 25, 30, 40, 50];
/** Up to this many fen apart, two amounts differ by rounding. */
export const ROUNDING_FEN = 10;

/**
 * The likely reason two amounts of one payment or sale differ a little (pass 6): 尾差 for a few fen, a
 * cash discount when the difference is a round share of the larger amount, a bank fee when we booked a
 * receipt short of what the dealer paid; else what `mismatchReason` says.
 */
export function feeReason(ledgerAmount: Fen, statementAmount: Fen, texts: string[]): Reason {
  const diffFen = absFen(subFen(ledgerAmount, statementAmount));
  const amounts = { ours: ledgerAmount, theirs: statementAmount, diff: subFen(ledgerAmount, statementAmount) };
  if (diffFen <= ROUNDING_FEN) return reason("rounding", msg("reconcile.reason.rounding", amounts));
  const gross = Math.max(Math.abs(ledgerAmount), Math.abs(statementAmount));
  const share = DISCOUNT_PERMILLE.find((p) => Math.round((gross * p) / 1000) === diffFen);
  if (share !== undefined) return reason("cash_discount", msg("reconcile.reason.cash_discount", { ...amounts, percent: share / 10 }));
  if (ledgerAmount < 0 && statementAmount < 0 && Math.abs(ledgerAmount) < Math.abs(statementAmount)) {
    return reason("bank_fee", msg("reconcile.reason.bank_fee", { paid: absFen(statementAmount), booked: absFen(ledgerAmount), short: diffFen }));
  }
  return mismatchReason(ledgerAmount, statementAmount, texts);
}
