/**
 * Scoring an application with a scorecard and the ledger's history, and the suggested limit and term.
 */
import { msg, type Message } from "../messages";
import type { Fen, IsoDate } from "../model";
import { addFen, divFen, formatFen, minFen, mulFen, subFen, yuan, yuanToFen } from "../money";
import type { Application } from "./application";
import { monthsBetween, type PaymentHistory } from "./history";
import { ITEM_LABELS, itemMax, type Condition, type ItemKey, type Scorecard, type ScoreItemSpec } from "./scorecard";

export interface BreakdownLine {
  /** The item as the 评分标准 sheet labels it (the JSON's `item`). */
  item: string;
  /** The same, said in the reader's language. */
  text: Message;
  /** The measured value as shown ("3.5", "96.2%", "抵押"); "" when there is no ledger history (see `valueText`). */
  value: string;
  /** The value said in the reader's language when it is not a figure or the user's own text (no ledger history). */
  valueText?: Message;
  points: number;
  max: number;
}

/** One line of the suggested limit's arithmetic: what it is (rendered for every reader, the JSON's `item` in Chinese) and its value. */
export interface LimitLine {
  text: Message;
  value: string;
}

export interface CreditScore {
  score: number;
  grade: string;
  /** The grade before the cap for dealers of under a year, when the cap lowered it. */
  cappedFrom: string | null;
  factor: number;
  gradeTermDays: number;
  breakdown: BreakdownLine[];
}

export interface Suggestion {
  termDays: number;
  monthlyBase: Fen;
  monthlyBaseFrom: "ledger" | "application";
  /** base × term / 30 × factor, before the cap and the rounding. */
  computed: Fen;
  requestedLimit: Fen;
  /** The suggested limit: no more than requested, rounded down to a multiple of 1,000 yuan. */
  limit: Fen;
  lines: LimitLine[];
}

function matches(c: Condition, value: number | string | null): boolean {
  switch (c.op) {
    case "none":
      return value === null;
    case "else":
      return value !== null;
    case "is":
      return typeof value === "string" && value === c.text;
    case "ge":
      return typeof value === "number" && value >= c.value - 1e-9;
    case "le":
      return typeof value === "number" && value <= c.value + 1e-9;
  }
}

/** The points of the first band (top to bottom) the value meets; 0 when none does. */
export function bandPoints(item: ScoreItemSpec, value: number | string | null): number {
  for (const b of item.bands) if (matches(b.when, value)) return b.points;
  return 0;
}

function oneDecimal(n: number): string {
  return (Math.round(n * 10) / 10).toFixed(1);
}

/** The values each item is measured on, and how they are shown. */
export function measures(app: Application, history: PaymentHistory | null, asOf: IsoDate): Record<ItemKey, { value: number | string | null; text: string }> {
  const coop = monthsBetween(app.since, asOf) / 12;
  const founded = monthsBetween(app.founded, asOf) / 12;
  const rate = history?.onTimeRate ?? null;
  const worst = history?.worstDaysPastFinal ?? null;
  return {
    cooperation: { value: coop, text: oneDecimal(coop) },
    founded: { value: founded, text: oneDecimal(founded) },
    capital: { value: app.capitalWan, text: String(app.capitalWan) },
    revenue: { value: app.revenueWan, text: String(app.revenueWan) },
    guarantee: { value: app.guarantee, text: app.guarantee },
    onTime: { value: rate, text: rate === null ? "" : `${oneDecimal(rate)}%` },
    overdue: { value: worst, text: worst === null ? "" : `${worst}` },
  };
}

const ITEM_CODES = {
  cooperation: "credit.item.cooperation",
  founded: "credit.item.founded",
  capital: "credit.item.capital",
  revenue: "credit.item.revenue",
  guarantee: "credit.item.guarantee",
  onTime: "credit.item.onTime",
  overdue: "credit.item.overdue",
} as const satisfies Record<ItemKey, string>;

/** A default item keeps its translated name; one the user named otherwise is said as typed. */
function itemText(item: ScoreItemSpec): Message {
  return item.label === ITEM_LABELS[item.key].label ? msg(ITEM_CODES[item.key], {}) : msg("credit.item.custom", { name: item.label });
}

export function scoreApplication(app: Application, history: PaymentHistory | null, card: Scorecard, asOf: IsoDate): CreditScore {
  const m = measures(app, history, asOf);
  const breakdown = card.items.map((item) => ({ item: item.label, text: itemText(item), value: m[item.key].text, ...(m[item.key].value === null ? { valueText: msg("credit.value.no_record", {}) } : {}), points: bandPoints(item, m[item.key].value), max: itemMax(item) }));
  const score = breakdown.reduce((t, b) => t + b.points, 0);
  const grades = [...card.grades].sort((a, b) => b.minScore - a.minScore);
  let gi = grades.findIndex((g) => score >= g.minScore - 1e-9);
  if (gi < 0) gi = grades.length - 1;
  let cappedFrom: string | null = null;
  const capIndex = grades.findIndex((g) => g.grade === card.newDealerCap);
  if (monthsBetween(app.since, asOf) < 12 && capIndex >= 0 && gi < capIndex) {
    cappedFrom = grades[gi].grade;
    gi = capIndex;
  }
  const g = grades[gi];
  return { score, grade: g.grade, cappedFrom, factor: g.factor, gradeTermDays: g.termDays, breakdown };
}

/** The fen in 1,000 yuan: a suggested limit is rounded down to a multiple of it. */
const FEN_PER_THOUSAND_YUAN: Fen = yuanToFen(yuan(1_000));

/**
 * base × days × factor‰ / 30,000, rounded down, exactly in whole numbers without BigInt (which the pane's
 * oldest webview lacks): the base is split at 30,000 so no product passes 2^53 for any base below 2.7 × 10^13
 * fen (270 billion yuan a month) at 1,000 days and a factor of 10.
 */
export function limitFen(base: Fen, days: number, factorMilli: number): Fen {
  const whole = divFen(base, 30_000);
  const rest = subFen(base, mulFen(whole, 30_000));
  return addFen(mulFen(mulFen(whole, days), factorMilli), divFen(mulFen(mulFen(rest, days), factorMilli), 30_000));
}

/** Term, monthly base and limit: see the rule; whole-number arithmetic in fen. */
export function suggest(app: Application, score: CreditScore, history: PaymentHistory | null): Suggestion {
  const termDays = Math.min(score.gradeTermDays, app.requestedTerm);
  const ledgerBase = history === null ? null : history.monthlyBase;
  const fromLedger = ledgerBase !== null;
  const monthlyBase = ledgerBase ?? app.monthly;
  const computed = limitFen(monthlyBase, termDays, Math.round(score.factor * 1000));
  const capped = minFen(computed, app.requestedLimit);
  // Whole thousands of yuan in the capped figure, as a count, times 1,000 yuan.
  const limit = mulFen(FEN_PER_THOUSAND_YUAN, Math.floor(capped / FEN_PER_THOUSAND_YUAN));
  return {
    termDays,
    monthlyBase,
    monthlyBaseFrom: fromLedger ? "ledger" : "application",
    computed,
    requestedLimit: app.requestedLimit,
    limit,
    lines: [
      { text: fromLedger ? msg("credit.limit.base_ledger", { months: history!.monthsWithSales }) : msg("credit.limit.base_application", {}), value: formatFen(monthlyBase) },
      { text: msg(termDays === 0 ? "credit.limit.term_cash" : "credit.limit.term", { grade: score.grade, gradeDays: score.gradeTermDays, requestedDays: app.requestedTerm }), value: String(termDays) },
      { text: msg("credit.limit.factor", { grade: score.grade }), value: String(score.factor) },
      { text: msg("credit.limit.computed", {}), value: formatFen(computed) },
      { text: msg("credit.limit.requested", {}), value: formatFen(app.requestedLimit) },
      { text: msg("credit.limit.suggested", {}), value: formatFen(limit) },
    ],
  };
}
