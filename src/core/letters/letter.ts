/**
 * One dealer's letter at a cut-off: the values every placeholder takes.
 *
 * The balance is not worked out here. The caller passes the figure reconcile and aging state for the
 * dealer at the cut-off (`balanceOf(readResult, dealer, asOf)` in `core/read`: openings dated up to the
 * cut-off or undated, plus entries dated up to it) together with the period's opening balance and
 * movements; the letter is refused when those do not add up to that figure, so a letter never states a
 * balance the other views would not show.
 */
import { absFen, addFen, fen, formatFen, negFen, subFen } from "../money";
import type { Fen, IsoDate } from "../model";
import { amountInWords, MAX_AMOUNT_IN_WORDS_FEN } from "./amountInWords";
import { replyDeadline, type WorkingCalendar } from "./calendar";
import type { CompanyField } from "./fields";
import type { DetailValues, LetterValues } from "./template";
import type { Direction, FieldValue } from "./types";

/** A movement of the period or an open item, in our sign (positive: the dealer owes us more). */
export interface Movement {
  date: IsoDate;
  ref: string | null;
  description: string;
  amount: Fen;
  sheet: string;
  row: number;
}

export interface DealerDetails {
  name: string;
  address?: string | null;
  contact?: string | null;
  phone?: string | null;
}

/** The company's own details, as the 本公司信息 sheet gives them; a missing one is a line to fill by hand. */
export type CompanyDetails = Partial<Record<CompanyField, string | null>>;

export interface LetterInput {
  number: string;
  dealer: DealerDetails;
  company: CompanyDetails;
  /** 截至日期. */
  asOf: IsoDate;
  /** 发函日期, the date printed on the letter. */
  sendDate: IsoDate;
  /** The dealer's balance at `asOf`, our sign, from the same function reconcile and aging use. */
  closingBalance: Fen;
  /** First day of the period whose movements are listed (起始日期). */
  periodStart: IsoDate;
  /** Balance before `periodStart`, our sign. */
  openingBalance: Fen;
  /** The dealer's movements; those dated from `periodStart` to `asOf` are the period's. */
  movements: readonly Movement[];
  /** What the 明细 block lists: the period's movements (default) or these open items. */
  openItems?: readonly Movement[];
  calendar?: WorkingCalendar;
}

export interface LetterData {
  number: string;
  dealer: string;
  asOf: IsoDate;
  sendDate: IsoDate;
  replyBy: IsoDate;
  /** Our sign: positive, the dealer owes us. */
  balance: Fen;
  direction: Direction;
  amountInWords: string;
  values: LetterValues;
  details: DetailValues[];
}

export type LetterProblem =
  | { code: "balance_mismatch"; dealer: string; balance: Fen; opening: Fen; movements: Fen }
  | { code: "amount_too_large"; dealer: string; balance: Fen }
  | { code: "period_after_cutoff"; dealer: string; periodStart: IsoDate; asOf: IsoDate };

export type LetterResult = { ok: true; letter: LetterData } | { ok: false; problem: LetterProblem };

export const DIRECTION_TEXT: Record<Direction, string> = { receivable: "贵公司欠本公司", payable: "本公司欠贵公司" };

const text = (t: string | null | undefined): FieldValue => (t && t.trim() !== "" ? { kind: "text", text: t.trim() } : { kind: "missing" });
const amount = (fen: Fen): FieldValue => ({ kind: "amount", fen });
const date = (d: IsoDate): FieldValue => ({ kind: "date", date: d });
const BLANK: FieldValue = { kind: "blank" };

export function letterData(input: LetterInput): LetterResult {
  const dealer = input.dealer.name;
  const { asOf, periodStart } = input;
  if (periodStart > asOf) return { ok: false, problem: { code: "period_after_cutoff", dealer, periodStart, asOf } };
  const balance = input.closingBalance;
  if (Math.abs(balance) > MAX_AMOUNT_IN_WORDS_FEN) return { ok: false, problem: { code: "amount_too_large", dealer, balance } };

  const inPeriod = sortLines(input.movements.filter((m) => m.date >= periodStart && m.date <= asOf));
  let increase = fen(0);
  let decrease = fen(0);
  for (const m of inPeriod) {
    if (m.amount > 0) increase = addFen(increase, m.amount);
    else decrease = subFen(decrease, m.amount);
  }
  const movements = subFen(increase, decrease);
  if (addFen(input.openingBalance, movements) !== balance) {
    return { ok: false, problem: { code: "balance_mismatch", dealer, balance, opening: input.openingBalance, movements } };
  }

  const direction: Direction = balance < 0 ? "payable" : "receivable";
  const words = amountInWords(balance);
  const replyBy = replyDeadline(input.sendDate, input.calendar);
  const c = input.company;
  const values: LetterValues = {
    编号: { kind: "text", text: input.number },
    客户名称: text(dealer),
    客户地址: text(input.dealer.address),
    联系人: text(input.dealer.contact),
    客户电话: text(input.dealer.phone),
    本公司名称: text(c.本公司名称),
    本公司地址: text(c.本公司地址),
    本公司联系人: text(c.本公司联系人),
    电话: text(c.电话),
    开户行: text(c.开户行),
    账号: text(c.账号),
    截至日期: date(asOf),
    起始日期: date(periodStart),
    发函日期: date(input.sendDate),
    回函截止日期: date(replyBy),
    余额: amount(absFen(balance)),
    余额大写: { kind: "text", text: words },
    方向: { kind: "text", text: DIRECTION_TEXT[direction] },
    贵公司欠本公司: direction === "receivable" ? amount(balance) : BLANK,
    本公司欠贵公司: direction === "payable" ? amount(negFen(balance)) : BLANK,
    期初余额: amount(input.openingBalance),
    本期增加: amount(increase),
    本期减少: amount(decrease),
    期末余额: amount(balance),
  };

  const lines = input.openItems ? sortLines(input.openItems) : inPeriod;
  let running = input.openItems ? fen(0) : input.openingBalance;
  const details: DetailValues[] = lines.map((m) => {
    running = addFen(running, m.amount);
    return {
      日期: date(m.date),
      单号: m.ref ? { kind: "text", text: m.ref } : BLANK,
      摘要: m.description ? { kind: "text", text: m.description } : BLANK,
      金额: amount(m.amount),
      增加: m.amount > 0 ? amount(m.amount) : BLANK,
      减少: m.amount < 0 ? amount(negFen(m.amount)) : BLANK,
      余额: amount(running),
    };
  });

  return {
    ok: true,
    letter: { number: input.number, dealer, asOf, sendDate: input.sendDate, replyBy, balance, direction, amountInWords: words, values, details },
  };
}

/** Date order; the sheet's own order (sheet, row) among lines of one day. */
function sortLines(lines: readonly Movement[]): Movement[] {
  return [...lines].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row));
}

/** One entry of the command line's `letters` array (a JSON contract: add fields, never rename). */
export interface LetterJson {
  number: string;
  dealer: string;
  /** Absolute amount, two decimals. */
  balance: string;
  direction: Direction;
  amountInWords: string;
  sheet: string;
  firstRow: number;
  lastRow: number;
}

export function letterJson(letter: LetterData, sheet: string, firstRow: number, lastRow: number): LetterJson {
  return {
    number: letter.number,
    dealer: letter.dealer,
    balance: formatFen(absFen(letter.balance)),
    direction: letter.direction,
    amountInWords: letter.amountInWords,
    sheet,
    firstRow,
    lastRow,
  };
}

