/**
 * One credit run: every application scored with the scorecard and the ledger's history, a suggested term
 * and limit, the exposure against the limit in force, and the half-yearly review list.
 */
import { msg, type Message } from "../messages";
import type { Entry, Fen, IsoDate, Opening } from "../model";
import { fen } from "../money";
import { dealerKey } from "../values/refs";
import type { Application } from "./application";
import { paymentHistory, rowsByDealer, type DealerLedgerRows, type PaymentHistory } from "./history";
import { gradeBelow, registerRowOf, reviewIsDue, type RegisterRead, type RegisterRow } from "./register";
import { scoreApplication, suggest, type BreakdownLine, type CreditScore, type Suggestion } from "./score";
import type { Scorecard } from "./scorecard";

export type ExposureStatus = "ok" | "near" | "over";

export interface CreditInput {
  asOf: IsoDate;
  applications: readonly Application[];
  ledger: { entries: readonly Entry[]; openings: readonly Opening[]; periodStart?: IsoDate } | null;
  register: RegisterRead | null;
  card: Scorecard;
  /** Term when neither the register nor an application gives one. */
  defaultTermDays: number;
  /**
   * Closing balances by dealer key (a balance table's 期末余额): exposure comes from them instead of the
   * ledger; a dealer not in them has none. The ledger, when given too, still gives the history.
   */
  balances?: ReadonlyMap<string, Fen> | null;
  /**
   * Dealers (by key) whose exposure cannot be known, each with why (a balance-table row of theirs that cannot
   * be read: each cell's problem). Their exposure is null and no status is claimed, whatever `balances` gives.
   */
  unknownExposure?: ReadonlyMap<string, readonly Message[]> | null;
}

export interface DealerCredit {
  dealer: string;
  application: Application;
  score: CreditScore;
  suggestion: Suggestion;
  history: PaymentHistory | null;
  register: RegisterRow | null;
  limit: Fen;
  limitSource: "register" | "suggested";
  /** Null when it cannot be known (`CreditInput.unknownExposure`): never counted as 0. */
  exposure: Fen | null;
  /** Null when the exposure is not known: neither over, near nor within the limit. */
  status: ExposureStatus | null;
  /** Why the exposure is not known (empty when it is). */
  exposureUnknown: readonly Message[];
  /** The register's 下次复评日期 when it falls within 30 days of the as-of date or before; else null. */
  reviewDue: IsoDate | null;
}

export interface ExposureLine {
  dealer: string;
  grade: string | null;
  limit: Fen;
  limitSource: "register" | "suggested";
  /** Null when it cannot be known: never counted as 0. */
  exposure: Fen | null;
  /** Null when the exposure is not known. */
  status: ExposureStatus | null;
  /** Why the exposure is not known (empty when it is). */
  exposureUnknown: readonly Message[];
  /** Open ledger rows of the dealer (marked when over the limit). */
  openRows: { sheet: string; row: number }[];
  registerRow: number | null;
}

export interface ReviewLine {
  dealer: string;
  registerRow: number;
  grade: string;
  nextReview: IsoDate | null;
  /** Due by date (within 30 days or past). */
  due: boolean;
  /** A fresh score when an application of the dealer was read; else null. */
  fresh: { score: number; grade: string; breakdown: BreakdownLine[] } | null;
  /** Open items past their final deadline at the as-of date: a downgrade is proposed at once. */
  pastFinal: { sheet: string; row: number; open: Fen; finalDate: IsoDate }[];
  /**
   * Past the final deadline: the lower of the fresh score's grade and one below the register's; else the
   * fresh grade where it differs from the register's; else null.
   */
  proposedGrade: string | null;
  /** Why that grade is proposed (or why none can be), in the reader's language; null when nothing is proposed. */
  proposal: Message | null;
  /** Null when it cannot be known. */
  exposure: Fen | null;
}

export interface CreditResult {
  asOf: IsoDate;
  dealers: DealerCredit[];
  exposures: ExposureLine[];
  review: ReviewLine[];
}

/**
 * `over` above the limit (or any balance on a D-grade dealer: the lowest grade, cash before delivery), `near` from 80%;
 * null for an exposure not known (nothing is claimed about it).
 */
export function exposureStatus(exposure: Fen, limit: Fen, lowestGrade: boolean): ExposureStatus;
export function exposureStatus(exposure: Fen | null, limit: Fen, lowestGrade: boolean): ExposureStatus | null;
export function exposureStatus(exposure: Fen | null, limit: Fen, lowestGrade: boolean): ExposureStatus | null {
  if (exposure === null) return null;
  if (exposure > 0 && (lowestGrade || exposure > limit)) return "over";
  if (exposure > 0 && exposure * 5 >= limit * 4) return "near";
  return "ok";
}

/**
 * The grade the review proposes, and why. With items past their final deadline: one grade below the register's,
 * or the fresh score's grade when that is lower still (a dealer scoring D is not left at C). Without: the fresh
 * grade where it differs from the register's. `grades`: highest first.
 */
export function proposeGrade(grade: string, fresh: { score: number; grade: string } | null, pastFinal: number, grades: readonly string[]): { grade: string | null; why: Message | null } {
  if (pastFinal === 0) {
    if (!fresh || fresh.grade === grade) return { grade: null, why: null };
    return { grade: fresh.grade, why: msg("credit.review.fresh", { score: fresh.score, from: grade, to: fresh.grade }) };
  }
  const count = pastFinal;
  if (!grades.includes(grade)) {
    if (fresh) return { grade: fresh.grade, why: msg("credit.review.past_final_fresh_only", { count, grade, score: fresh.score, to: fresh.grade }) };
    return { grade: null, why: msg("credit.review.past_final_no_grade", { count, grade }) };
  }
  const below = gradeBelow(grade, grades);
  if (fresh && grades.indexOf(fresh.grade) > grades.indexOf(below)) {
    return { grade: fresh.grade, why: msg("credit.review.past_final_fresh_lower", { count, from: grade, below, score: fresh.score, to: fresh.grade }) };
  }
  if (below === grade) return { grade, why: msg("credit.review.past_final_lowest", { count, grade }) };
  if (fresh) return { grade: below, why: msg("credit.review.past_final_below_fresh", { count, from: grade, to: below, score: fresh.score, fresh: fresh.grade }) };
  return { grade: below, why: msg("credit.review.past_final_below", { count, from: grade, to: below }) };
}

export function assessCredit(input: CreditInput): CreditResult {
  const { asOf, card, register } = input;
  const lowest = [...card.grades].sort((a, b) => b.minScore - a.minScore).map((g) => g.grade);
  const lowestGrade = lowest[lowest.length - 1];
  const histories = new Map<string, PaymentHistory>();
  // The ledger split by dealer once, when a history is first asked for (not filtered again per dealer).
  let rowsOf: ((dealer: string) => DealerLedgerRows) | null = null;
  const historyOf = (dealer: string, termDays: number): PaymentHistory | null => {
    if (!input.ledger) return null;
    const k = `${dealerKey(dealer)}\u0000${termDays}`;
    let h = histories.get(k);
    if (!h) {
      if (rowsOf === null) rowsOf = rowsByDealer(input.ledger);
      h = paymentHistory(input.ledger, dealer, termDays, asOf, rowsOf(dealer));
      histories.set(k, h);
    }
    return h;
  };
  const noReasons: readonly Message[] = [];
  const whyUnknown = (dealer: string): readonly Message[] => input.unknownExposure?.get(dealerKey(dealer)) ?? noReasons;
  const exposureOf = (dealer: string, history: PaymentHistory | null): Fen | null => {
    if (input.unknownExposure?.has(dealerKey(dealer))) return null;
    return input.balances ? input.balances.get(dealerKey(dealer)) ?? fen(0) : history?.exposure ?? fen(0);
  };

  // The latest application per dealer counts (a rep may file again).
  const latest = new Map<string, Application>();
  for (const a of input.applications) {
    const k = dealerKey(a.dealer);
    const had = latest.get(k);
    if (!had || a.applied >= had.applied) latest.set(k, a);
  }

  const dealers: DealerCredit[] = [];
  for (const app of latest.values()) {
    const reg = registerRowOf(register, app.dealer);
    const term = reg?.termDays ?? app.requestedTerm ?? input.defaultTermDays;
    const history = historyOf(app.dealer, term);
    const score = scoreApplication(app, history, card, asOf);
    const suggestion = suggest(app, score, history);
    const registered = reg === null ? null : reg.limit;
    const fromRegister = registered !== null;
    const limit = registered ?? suggestion.limit;
    const grade = fromRegister && reg!.grade ? reg!.grade : score.grade;
    const exposure = exposureOf(app.dealer, history);
    dealers.push({
      dealer: app.dealer,
      application: app,
      score,
      suggestion,
      history,
      register: reg,
      limit,
      limitSource: fromRegister ? "register" : "suggested",
      exposure,
      status: exposureStatus(exposure, limit, grade === lowestGrade),
      exposureUnknown: whyUnknown(app.dealer),
      reviewDue: reg && reviewIsDue(reg, asOf) ? reg.nextReview : null,
    });
  }

  const exposures: ExposureLine[] = dealers.map((d) => ({
    dealer: d.dealer,
    grade: d.register?.grade || d.score.grade,
    limit: d.limit,
    limitSource: d.limitSource,
    exposure: d.exposure,
    status: d.status,
    exposureUnknown: d.exposureUnknown,
    openRows: d.history?.openRows ?? [],
    registerRow: d.register?.row ?? null,
  }));
  const review: ReviewLine[] = [];
  for (const row of register?.rows ?? []) {
    const app = latest.get(dealerKey(row.dealer));
    const history = historyOf(row.dealer, row.termDays ?? app?.requestedTerm ?? input.defaultTermDays);
    if (!app && row.limit !== null) {
      const exposure = exposureOf(row.dealer, history);
      exposures.push({
        dealer: row.dealer,
        grade: row.grade || null,
        limit: row.limit,
        limitSource: "register",
        exposure,
        status: exposureStatus(exposure, row.limit, row.grade === lowestGrade),
        exposureUnknown: whyUnknown(row.dealer),
        openRows: history?.openRows ?? [],
        registerRow: row.row,
      });
    }
    const due = reviewIsDue(row, asOf);
    const pastFinal = history?.openPastFinal ?? [];
    if (!due && pastFinal.length === 0) continue;
    const fresh = app ? scoreApplication(app, history, card, asOf) : null;
    const proposed = proposeGrade(row.grade, fresh, pastFinal.length, lowest);
    review.push({
      dealer: row.dealer,
      registerRow: row.row,
      grade: row.grade,
      nextReview: row.nextReview,
      due,
      fresh: fresh ? { score: fresh.score, grade: fresh.grade, breakdown: fresh.breakdown } : null,
      pastFinal,
      proposedGrade: proposed.grade,
      proposal: proposed.why,
      exposure: exposureOf(row.dealer, history),
    });
  }
  return { asOf, dealers, exposures, review };
}
