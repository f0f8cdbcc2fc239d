/**
 * The values every placeholder of a demand letter or a commitment takes, and the command line's JSON
 * entries (contracts: add fields, never rename).
 */
import { formatFen } from "../money";
import type { Fen, IsoDate } from "../model";
import { amountInWords } from "../letters/amountInWords";
import type { CompanyDetails, DealerDetails } from "../letters/letter";
import type { DetailValues, LetterValues } from "../letters/template";
import type { FieldValue } from "../letters/types";
import { DEMAND_TITLES, type Demand, type DemandLevel } from "./demand";
import type { Installment, InstallmentCheck } from "./installments";

const text = (t: string | null | undefined): FieldValue => (t && t.trim() !== "" ? { kind: "text", text: t.trim() } : { kind: "missing" });
const amount = (fen: Fen): FieldValue => ({ kind: "amount", fen });
const date = (d: IsoDate): FieldValue => ({ kind: "date", date: d });
const BLANK: FieldValue = { kind: "blank" };

export const LEVEL_TEXT: Readonly<Record<DemandLevel, string>> = { 1: "一级（提醒）", 2: "二级（催款）", 3: "三级（最后通知）" };

function common(number: string, dealer: DealerDetails, company: CompanyDetails, asOf: IsoDate, sendDate: IsoDate): LetterValues {
  return {
    编号: { kind: "text", text: number },
    客户名称: text(dealer.name),
    客户地址: text(dealer.address),
    联系人: text(dealer.contact),
    客户电话: text(dealer.phone),
    本公司名称: text(company.本公司名称),
    本公司地址: text(company.本公司地址),
    本公司联系人: text(company.本公司联系人),
    电话: text(company.电话),
    开户行: text(company.开户行),
    账号: text(company.账号),
    截至日期: date(asOf),
    发函日期: date(sendDate),
  };
}

/** A demand letter's values; its 逾期明细 lines are the overdue items, oldest due first. */
export function demandValues(
  demand: Demand,
  input: { number: string; dealer?: Omit<DealerDetails, "name">; company: CompanyDetails; sendDate: IsoDate },
): { values: LetterValues; details: DetailValues[] } {
  const values: LetterValues = {
    ...common(input.number, { ...input.dealer, name: demand.dealer }, input.company, demand.asOf, input.sendDate),
    等级: { kind: "text", text: LEVEL_TEXT[demand.level] },
    函件名称: { kind: "text", text: DEMAND_TITLES[demand.level] },
    合计: amount(demand.total),
    合计大写: { kind: "text", text: demand.amountInWords },
    限期付款日期: date(demand.deadline),
    余额: amount(demand.total),
    余额大写: { kind: "text", text: demand.amountInWords },
  };
  const details: DetailValues[] = demand.items.map((i) => ({
    日期: date(i.date),
    单号: i.ref ? { kind: "text", text: i.ref } : BLANK,
    摘要: i.description ? { kind: "text", text: i.description } : BLANK,
    金额: amount(i.amount),
    到期日: date(i.dueDate),
    最终收款期限: date(i.finalDate),
    逾期天数: { kind: "text", text: String(i.daysOverdue) },
    未收金额: amount(i.open),
  }));
  return { values, details };
}

export interface Commitment {
  number: string;
  dealer: string;
  asOf: IsoDate;
  amount: Fen;
  amountInWords: string;
  installments: Installment[];
}

export function commitment(number: string, dealer: string, asOf: IsoDate, amountFen: Fen, installments: Installment[]): Commitment {
  return { number, dealer, asOf, amount: amountFen, amountInWords: amountInWords(amountFen), installments };
}

/** A commitment's values; its 还款计划 lines are the installments. */
export function commitmentValues(
  c: Commitment,
  input: { dealer?: Omit<DealerDetails, "name">; company: CompanyDetails; sendDate: IsoDate },
): { values: LetterValues; details: DetailValues[] } {
  const values: LetterValues = {
    ...common(c.number, { ...input.dealer, name: c.dealer }, input.company, c.asOf, input.sendDate),
    函件名称: { kind: "text", text: "还款承诺书" },
    合计: amount(c.amount),
    合计大写: { kind: "text", text: c.amountInWords },
    余额: amount(c.amount),
    余额大写: { kind: "text", text: c.amountInWords },
    分期期数: { kind: "text", text: String(c.installments.length) },
  };
  const details: DetailValues[] = c.installments.map((i) => ({
    期数: { kind: "text", text: String(i.n) },
    日期: date(i.date),
    金额: amount(i.amount),
    累计: amount(i.cumulative),
  }));
  return { values, details };
}

/** `duizhang promise --json`. */
export function commitmentJson(c: Commitment, checks?: readonly InstallmentCheck[]): object {
  return {
    number: c.number,
    dealer: c.dealer,
    asOf: c.asOf,
    amount: formatFen(c.amount),
    amountInWords: c.amountInWords,
    installments: c.installments.map((i, k) => ({
      n: i.n,
      date: i.date,
      amount: formatFen(i.amount),
      cumulative: formatFen(i.cumulative),
      ...(checks ? { paid: formatFen(checks[k].paid), status: checks[k].status } : {}),
    })),
  };
}
