/**
 * Demand letters (催款函) for a dealer at an as-of date: the items they list, the total, the new deadline and
 * the level, all from the aging's own open items (settlement is the aging's, never done again here).
 *
 * Levels: 1 提醒函 while every overdue item is still within one third of its term (the oldest one decides);
 * 2 催款函 once any item is past its final deadline (due date + term / 3); 3 最后通知 when a level-2 letter to
 * the dealer recorded in the register is past its payment deadline and the debt it demanded is still open,
 * or when the dealer missed an installment of a signed commitment. The user may choose any level.
 */
import { msg, type Message } from "../messages";
import { addDays } from "../dates";
import type { Fen, IsoDate } from "../model";
import { sumFen } from "../money";
import type { DealerAging, OpenItem } from "../aging/types";
import { amountInWords, MAX_AMOUNT_IN_WORDS_FEN } from "../letters/amountInWords";
import type { RegisterRow } from "../letters/register";
import { dealerKey } from "../values/refs";

export type DemandLevel = 1 | 2 | 3;

export const DEMAND_TITLES: Readonly<Record<DemandLevel, string>> = { 1: "提醒函", 2: "催款函", 3: "最后通知" };

/** Days a demand letter gives to pay, unless the user says otherwise. */
export const DEFAULT_DEADLINE_DAYS = 7;

/** Why a level was chosen. */
export type LevelReason =
  | { code: "within_grace"; oldestDue: IsoDate; finalDate: IsoDate }
  | { code: "past_final"; finalDate: IsoDate; ref: string | null }
  | { code: "level2_unanswered"; number: string; deadline: IsoDate }
  | { code: "commitment_missed"; number: string; installment: number; date: IsoDate }
  | { code: "chosen" };

/** A level-2 (or 3) demand recorded in the register: the level and deadline columns the demand run writes. */
export interface RecordedDemand {
  number: string;
  dealer: string;
  level: DemandLevel;
  /** 截至日期 of the letter. */
  asOf: IsoDate;
  deadline: IsoDate;
}

/** A missed installment of a commitment, for the level choice. */
export interface MissedCommitment {
  number: string;
  dealer: string;
  installment: number;
  date: IsoDate;
}

/** Demand letters of the register with a level and a deadline (rows written by a demand run, or typed alike). */
export function recordedDemands(rows: readonly RegisterRow[]): RecordedDemand[] {
  const out: RecordedDemand[] = [];
  for (const r of rows) {
    if (r.type !== "催款函" || r.level === null || r.deadline === null || r.asOf === null) continue;
    out.push({ number: r.number, dealer: r.dealer, level: r.level, asOf: r.asOf, deadline: r.deadline });
  }
  return out;
}

/** The items a demand lists: open and past due at the as-of date, less those under reconciliation (待核对). */
export function overdueItems(dealer: DealerAging): OpenItem[] {
  return dealer.items.filter((i) => i.daysPastDue > 0 && i.open > 0 && !i.underReconciliation);
}

/**
 * The level the dealer's position calls for. `demands` and `missed` may hold other dealers' rows: only this
 * dealer's count. Null when nothing is overdue.
 */
export function chooseLevel(
  items: readonly OpenItem[],
  asOf: IsoDate,
  demands: readonly RecordedDemand[] = [],
  missed: readonly MissedCommitment[] = [],
): { level: DemandLevel; reason: LevelReason } | null {
  if (items.length === 0) return null;
  const key = dealerKey(items[0].dealer);
  const miss = missed.find((m) => dealerKey(m.dealer) === key);
  if (miss) return { level: 3, reason: { code: "commitment_missed", number: miss.number, installment: miss.installment, date: miss.date } };
  // The debt a level-2 letter demanded is still open when an item already overdue at its as-of date is open now.
  const unanswered = demands
    .filter((d) => dealerKey(d.dealer) === key && d.level >= 2 && d.deadline < asOf)
    .filter((d) => items.some((i) => i.dueDate < d.asOf))
    .sort((a, b) => (a.deadline < b.deadline ? 1 : -1))[0];
  if (unanswered) return { level: 3, reason: { code: "level2_unanswered", number: unanswered.number, deadline: unanswered.deadline } };
  const past = items.find((i) => i.finalDate < asOf);
  if (past) return { level: 2, reason: { code: "past_final", finalDate: past.finalDate, ref: past.ref } };
  const oldest = items.reduce((a, b) => (b.dueDate < a.dueDate ? b : a));
  return { level: 1, reason: { code: "within_grace", oldestDue: oldest.dueDate, finalDate: oldest.finalDate } };
}

export interface DemandItem {
  sheet: string;
  row: number;
  ref: string | null;
  description: string;
  date: IsoDate;
  dueDate: IsoDate;
  finalDate: IsoDate;
  amount: Fen;
  open: Fen;
  daysOverdue: number;
}

export interface Demand {
  dealer: string;
  level: DemandLevel;
  reason: LevelReason;
  /** The level the position calls for (what `auto` would choose). */
  autoLevel: DemandLevel;
  asOf: IsoDate;
  deadline: IsoDate;
  items: DemandItem[];
  total: Fen;
  amountInWords: string;
}

export type DemandSkip = "nothing_overdue" | "all_under_reconciliation" | "amount_too_large";

export type DemandResult = { ok: true; demand: Demand } | { ok: false; skip: DemandSkip };

export interface DemandOptions {
  asOf: IsoDate;
  /** `auto` or a level the user chose. */
  level?: DemandLevel | "auto";
  deadlineDays?: number;
  demands?: readonly RecordedDemand[];
  missed?: readonly MissedCommitment[];
}

/** One dealer's demand, or why none is made. */
export function demandFor(dealer: DealerAging, options: DemandOptions): DemandResult {
  const { asOf } = options;
  const items = overdueItems(dealer);
  if (items.length === 0) {
    const flagged = dealer.items.some((i) => i.daysPastDue > 0 && i.underReconciliation);
    return { ok: false, skip: flagged ? "all_under_reconciliation" : "nothing_overdue" };
  }
  const chosen = chooseLevel(items, asOf, options.demands, options.missed)!;
  const total = sumFen(items, (i) => i.open);
  if (total > MAX_AMOUNT_IN_WORDS_FEN) return { ok: false, skip: "amount_too_large" };
  const override = options.level !== undefined && options.level !== "auto" ? options.level : null;
  return {
    ok: true,
    demand: {
      dealer: dealer.dealer,
      level: override ?? chosen.level,
      reason: override !== null && override !== chosen.level ? { code: "chosen" } : chosen.reason,
      autoLevel: chosen.level,
      asOf,
      deadline: addDays(asOf, options.deadlineDays ?? DEFAULT_DEADLINE_DAYS),
      items: items
        .map((i) => ({
          sheet: i.sheet,
          row: i.row,
          ref: i.ref,
          description: i.description,
          date: i.date,
          dueDate: i.dueDate,
          finalDate: i.finalDate,
          amount: i.amount,
          open: i.open,
          daysOverdue: i.daysPastDue,
        }))
        .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.row - b.row)),
      total,
      amountInWords: amountInWords(total),
    },
  };
}

export function levelReasonMessage(r: LevelReason): Message {
  switch (r.code) {
    case "within_grace":
      return msg("collect.level.within_grace", { oldestDue: r.oldestDue, finalDate: r.finalDate });
    case "past_final":
      return r.ref === null ? msg("collect.level.past_final.unnamed", { finalDate: r.finalDate }) : msg("collect.level.past_final", { ref: r.ref, finalDate: r.finalDate });
    case "level2_unanswered":
      return msg("collect.level.level2_unanswered", { number: r.number, deadline: r.deadline });
    case "commitment_missed":
      return msg("collect.level.commitment_missed", { number: r.number, installment: r.installment, date: r.date });
    case "chosen":
      return msg("collect.level.chosen", {});
  }
}

export function demandSkipMessage(s: DemandSkip): Message {
  return msg(`collect.skip.${s}`, {});
}
