/**
 * Likely reasons for a difference, read from dates, signs and descriptions. They are hints for the
 * accountant, worded as "likely", never as findings.
 */
import { formatFenGrouped } from "../money";
import type { Fen, IsoDate, Side } from "../model";
import type { Reason } from "./types";

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

const money = (fen: Fen) => formatFenGrouped(fen);

export function oneSidedReason(row: ReasonRow, day: number | null, ctx: ReasonContext): Reason {
  const text = row.description;
  const when = row.date ?? "—";
  const cutoff = ctx.cutoff ?? "—";
  if (RETURN_WORDS.test(text) || (row.amount < 0 && SALE_WORDS.test(text) && !PAYMENT_WORDS.test(text))) {
    return row.side === "ledger"
      ? {
          code: "return",
          zh: `退货：我方 ${when} 已记退货 ${money(Math.abs(row.amount))}，对方未记`,
          en: `Return: we booked a return of ${money(Math.abs(row.amount))} on ${when}; the dealer has not`,
        }
      : {
          code: "return",
          zh: `退货：对方 ${when} 已记退货 ${money(Math.abs(row.amount))}，我方未记（货物可能尚未退回入库）`,
          en: `Return: the dealer booked a return of ${money(Math.abs(row.amount))} on ${when}; we have not (the goods may not be back yet)`,
        };
  }
  if (REBATE_WORDS.test(text)) {
    return row.side === "ledger"
      ? {
          code: "rebate_discount",
          zh: `返利或折让：我方 ${when} 已记 ${money(Math.abs(row.amount))}，对方未记`,
          en: `Rebate or discount: we booked ${money(Math.abs(row.amount))} on ${when}; the dealer has not`,
        }
      : {
          code: "rebate_discount",
          zh: `返利或折让：对方 ${when} 已扣 ${money(Math.abs(row.amount))}，我方未记`,
          en: `Rebate or discount: the dealer deducted ${money(Math.abs(row.amount))} on ${when}; we have not booked it`,
        };
  }
  if (row.side === "ledger") {
    if (row.amount > 0) {
      return nearCutoff(day, ctx)
        ? {
            code: "goods_in_transit",
            zh: `期末在途货物：我方 ${when} 已发货入账，对方截至 ${cutoff} 尚未入账`,
            en: `Goods in transit at the cut-off: we booked the sale on ${when}; the dealer had not by ${cutoff}`,
          }
        : {
            code: "sale_not_booked_by_dealer",
            zh: `我方 ${when} 已记销售，对方未入账（请核对发票或签收单）`,
            en: `We booked a sale on ${when} the dealer has not booked (check the invoice or the delivery receipt)`,
          };
    }
    if (row.amount < 0) {
      return {
        code: "receipt_not_on_statement",
        zh: `我方 ${when} 已记收款，对方对账单未见该笔付款（可能对方记在截止日之后或记入其他单位）`,
        en: `We booked a receipt on ${when} that the dealer's statement does not show (booked after the cut-off or under another company?)`,
      };
    }
  } else {
    if (row.amount < 0) {
      const paymentLike = DRAFT_WORDS.test(text) || PAYMENT_WORDS.test(text) || text.trim() === "";
      if (DRAFT_WORDS.test(text) || (paymentLike && nearCutoff(day, ctx))) {
        return {
          code: "payment_in_transit",
          zh: `在途款项：对方 ${when} 已付款${DRAFT_WORDS.test(text) ? "（承兑汇票）" : ""}，我方截至 ${cutoff} 尚未收到入账`,
          en: `Payment in transit: the dealer paid on ${when}${DRAFT_WORDS.test(text) ? " (bank acceptance draft)" : ""}; we had not received it by ${cutoff}`,
        };
      }
      if (paymentLike) {
        return {
          code: "payment_not_booked",
          zh: `对方 ${when} 已付款，我方未入账（请核查是否记入其他客户）`,
          en: `The dealer paid on ${when} but we have not booked it (check whether it went to another customer)`,
        };
      }
      return {
        code: "rebate_discount",
        zh: `返利或折让：对方 ${when} 自行记减 ${money(Math.abs(row.amount))}，我方未记`,
        en: `Rebate or discount: a credit of ${money(Math.abs(row.amount))} only the dealer booked, on ${when}`,
      };
    }
    if (row.amount > 0) {
      return {
        code: "charge_not_booked",
        zh: `对方 ${when} 记有我方未记的 ${money(Math.abs(row.amount))}（请核查是否漏记销售或记错客户）`,
        en: `The dealer booked ${money(Math.abs(row.amount))} on ${when} that we have not (a sale we missed, or posted to another customer?)`,
      };
    }
  }
  return { code: "unexplained", zh: "原因不明，请人工核对", en: "No likely reason found; check by hand" };
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
  const diff = money(ledgerAmount - statementAmount);
  if (Math.sign(ledgerAmount) === Math.sign(statementAmount) && isTransposition(ledgerAmount, statementAmount)) {
    return {
      code: "transposed_digits",
      zh: `金额错误（疑似数字颠倒）：我方 ${money(ledgerAmount)}，对方 ${money(statementAmount)}，差额 ${diff} 可被 9 整除`,
      en: `Wrong amount (digits likely transposed): ours ${money(ledgerAmount)}, theirs ${money(statementAmount)}; the difference ${diff} divides by 9`,
    };
  }
  const all = texts.join(" ");
  if (REBATE_WORDS.test(all)) {
    return {
      code: "rebate_discount",
      zh: `返利或折让：金额相差 ${diff}（我方 ${money(ledgerAmount)}，对方 ${money(statementAmount)}）`,
      en: `Rebate or discount: the amounts differ by ${diff} (ours ${money(ledgerAmount)}, theirs ${money(statementAmount)})`,
    };
  }
  if (RETURN_WORDS.test(all)) {
    return {
      code: "return",
      zh: `部分退货：金额相差 ${diff}（我方 ${money(ledgerAmount)}，对方 ${money(statementAmount)}）`,
      en: `Partial return: the amounts differ by ${diff} (ours ${money(ledgerAmount)}, theirs ${money(statementAmount)})`,
    };
  }
  return {
    code: "wrong_amount",
    zh: `金额不符：我方 ${money(ledgerAmount)}，对方 ${money(statementAmount)}，差额 ${diff}`,
    en: `Amounts differ: ours ${money(ledgerAmount)}, theirs ${money(statementAmount)}, difference ${diff}`,
  };
}

export function duplicateReason(side: Side, row: number, originalRow: number): Reason {
  return side === "ledger"
    ? {
        code: "duplicate_entry",
        zh: `重复记账：我方第 ${row} 行与第 ${originalRow} 行单号、金额相同`,
        en: `Duplicate entry: our row ${row} repeats row ${originalRow} (same reference and amount)`,
      }
    : {
        code: "duplicate_entry",
        zh: `重复记账：对方第 ${row} 行与第 ${originalRow} 行单号、金额相同`,
        en: `Duplicate entry: the dealer's row ${row} repeats row ${originalRow} (same reference and amount)`,
      };
}

export function wrongDealerReason(side: Side, otherDealer: string): Reason {
  return side === "ledger"
    ? {
        code: "wrong_dealer",
        zh: `疑似记错客户：对方对账单将此笔记在「${otherDealer}」名下`,
        en: `Likely posted to the wrong dealer: the statements show this item under "${otherDealer}"`,
      }
    : {
        code: "wrong_dealer",
        zh: `疑似记错客户：我方账上此笔记在「${otherDealer}」名下`,
        en: `Likely posted to the wrong dealer: our ledger has this item under "${otherDealer}"`,
      };
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
  const diffFen = Math.abs(ledgerAmount - statementAmount);
  const diff = money(ledgerAmount - statementAmount);
  const both = `我方 ${money(ledgerAmount)}，对方 ${money(statementAmount)}`;
  const bothEn = `ours ${money(ledgerAmount)}, theirs ${money(statementAmount)}`;
  if (diffFen <= ROUNDING_FEN) {
    return { code: "rounding", zh: `尾差：${both}，相差 ${diff}`, en: `Rounding: ${bothEn}, ${diff} apart` };
  }
  const gross = Math.max(Math.abs(ledgerAmount), Math.abs(statementAmount));
  const share = DISCOUNT_PERMILLE.find((p) => Math.round((gross * p) / 1000) === diffFen);
  if (share !== undefined) {
    const pct = `${share / 10}%`;
    return {
      code: "cash_discount",
      zh: `现金折扣：${both}，差额 ${diff} 为金额的 ${pct}（请核对折扣是否双方都已入账）`,
      en: `Cash discount: ${bothEn}; the difference ${diff} is ${pct} of the amount (check that both sides booked the discount)`,
    };
  }
  if (ledgerAmount < 0 && statementAmount < 0 && Math.abs(ledgerAmount) < Math.abs(statementAmount)) {
    return {
      code: "bank_fee",
      zh: `银行手续费：对方付款 ${money(Math.abs(statementAmount))}，我方收款入账 ${money(Math.abs(ledgerAmount))}，少 ${money(diffFen)}（请补记手续费）`,
      en: `Bank fee: the dealer paid ${money(Math.abs(statementAmount))}, we booked ${money(Math.abs(ledgerAmount))} received, ${money(diffFen)} less (book the fee)`,
    };
  }
  return mismatchReason(ledgerAmount, statementAmount, texts);
}
