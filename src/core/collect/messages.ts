/**
 * The codes the collection part (demand letters, commitments, the limitation period) says things with,
 * with their parameters (see `../messages`).
 */
import type { Message } from "../messages";
import type { Fen, IsoDate } from "../model";

type None = Record<string, never>;

export interface CollectMessages {
  // Why a demand letter has its level.
  "collect.level.within_grace": { oldestDue: IsoDate; finalDate: IsoDate };
  "collect.level.past_final": { ref: string; finalDate: IsoDate };
  "collect.level.past_final.unnamed": { finalDate: IsoDate };
  "collect.level.level2_unanswered": { number: string; deadline: IsoDate };
  "collect.level.commitment_missed": { number: string; installment: number; date: IsoDate };
  "collect.level.chosen": None;
  // Why a dealer gets no demand letter.
  "collect.skip.nothing_overdue": None;
  "collect.skip.all_under_reconciliation": None;
  "collect.skip.amount_too_large": None;
  // What started an item's limitation period (诉讼时效), and where it stands.
  "collect.basis_kind.due": None;
  "collect.basis_kind.payment": None;
  "collect.basis_kind.reply_agreed": None;
  "collect.basis_kind.reply_differs": None;
  "collect.basis_kind.demand_signed": None;
  "collect.basis_kind.commitment_signed": None;
  "collect.basis": { kind: Message; date: IsoDate };
  /** `number`: the letter or commitment that restarted the period. */
  "collect.basis.numbered": { kind: Message; number: string; date: IsoDate };
  "collect.limitation.running": None;
  "collect.limitation.expiring": None;
  "collect.limitation.expired": None;
  // An installment of a commitment, as the 还款计划 sheet says it.
  "collect.installment.paid": None;
  "collect.installment.partial": None;
  "collect.installment.missed": None;
  "collect.installment.due": None;
  // Why a commitment's schedule cannot be made (amounts in fen).
  "collect.schedule.bad_count": { count: number };
  "collect.schedule.bad_interval": { days: number };
  "collect.schedule.bad_amount": { amount: Fen };
  "collect.schedule.bad_date": { date: string };
  "collect.schedule.hand_sum_differs": { amount: Fen; sum: Fen };
  "collect.schedule.hand_dates_not_rising": { n: number };
  "collect.schedule.too_small": { amount: Fen; count: number };
  /** A commitment for a dealer owing nothing at the as-of date, without an amount given. */
  "collect.promise.nothing_owed": { dealer: string; asOf: IsoDate; balance: Fen };
  /** A commitment for `dealer`, whom the ledger `sheet` does not hold; `dealers`: the ones it holds, already joined. */
  "collect.promise.dealer_not_found": { dealer: string; sheet: string; dealers: string };
  /** A commitment whose first installment (`first`) comes before the commitment's own date. */
  "collect.promise.first_before": { first: IsoDate; asOf: IsoDate };
  /** A ledger `sheet` with no entry that could be read: nothing to chase. */
  "collect.ledger_unreadable": { sheet: string };
}
