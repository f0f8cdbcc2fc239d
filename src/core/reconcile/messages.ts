/**
 * The codes the reconciliation returns instead of text, with their parameters (see `../messages`).
 * Amounts are fen in our sign; `ours`/`theirs` are the ledger's and the statement's amounts, `diff` ours − theirs.
 */
import type { Fen, IsoDate } from "../model";
import type { Message } from "../messages";

type Amounts = { ours: Fen; theirs: Fen; diff: Fen };
/** `—` stands for a row without a date. */
type When = { date: IsoDate | "—" };

export interface ReconcileMessages {
  // Likely reasons of a one-sided row.
  "reconcile.reason.return.ledger": When & { amount: Fen };
  "reconcile.reason.return.statement": When & { amount: Fen };
  "reconcile.reason.rebate.ledger": When & { amount: Fen };
  "reconcile.reason.rebate.statement": When & { amount: Fen };
  "reconcile.reason.rebate.statement_credit": When & { amount: Fen };
  "reconcile.reason.goods_in_transit": When & { cutoff: IsoDate | "—" };
  "reconcile.reason.sale_not_booked_by_dealer": When;
  "reconcile.reason.receipt_not_on_statement": When;
  "reconcile.reason.payment_in_transit": When & { cutoff: IsoDate | "—" };
  "reconcile.reason.payment_in_transit.draft": When & { cutoff: IsoDate | "—" };
  "reconcile.reason.payment_not_booked": When;
  "reconcile.reason.charge_not_booked": When & { amount: Fen };
  "reconcile.reason.unexplained": Record<string, never>;
  // Likely reasons of two amounts that differ.
  "reconcile.reason.transposed_digits": Amounts;
  "reconcile.reason.rebate.amounts": Amounts;
  "reconcile.reason.return.partial": Amounts;
  "reconcile.reason.wrong_amount": Amounts;
  "reconcile.reason.rounding": Amounts;
  /** `percent`: the share of the larger amount, in percent (0.5, 1, 1.5 …). */
  "reconcile.reason.cash_discount": Amounts & { percent: number };
  /** `paid`, `booked`, `short`: what the dealer paid, what we booked received, the difference (all positive). */
  "reconcile.reason.bank_fee": { paid: Fen; booked: Fen; short: Fen };
  "reconcile.reason.duplicate.ledger": { row: number; original: number };
  "reconcile.reason.duplicate.statement": { row: number; original: number };
  /** `other`: the dealer under whom the other side has the item. */
  "reconcile.reason.wrong_dealer.ledger": { other: string };
  "reconcile.reason.wrong_dealer.statement": { other: string };
  // A cell that could not be read: where, what was found, what is left out, what to write.
  "reconcile.reason.unreadable": { where: Message; what: Message; lost: Message; fix: Message };
  "reconcile.unread.where.cell": { sheet: string; cell: string };
  "reconcile.unread.where.cell_header": { sheet: string; cell: string; header: string };
  "reconcile.unread.where.row": { sheet: string; row: number };
  "reconcile.unread.where.row_header": { sheet: string; row: number; header: string };
  "reconcile.unread.what.bad_amount": { found: string };
  "reconcile.unread.what.bad_direction": { found: string };
  "reconcile.unread.what.bad_date": { found: string };
  "reconcile.unread.what.missing_date": Record<string, never>;
  "reconcile.unread.what.missing_year": { found: string };
  "reconcile.unread.what.unreadable": Record<string, never>;
  "reconcile.unread.lost.opening": Record<string, never>;
  "reconcile.unread.lost.row": Record<string, never>;
  "reconcile.unread.fix.amount": Record<string, never>;
  "reconcile.unread.fix.direction": Record<string, never>;
  "reconcile.unread.fix.date": Record<string, never>;
  "reconcile.unread.fix.year": Record<string, never>;
  "reconcile.unread.fix.cell": Record<string, never>;
  // Suggestions: why the engine could not choose.
  "reconcile.suggest.same_reference": Record<string, never>;
  "reconcile.suggest.same_amount_date": Record<string, never>;
  "reconcile.suggest.subset_bound": Record<string, never>;
  "reconcile.suggest.subset_several": Record<string, never>;
  "reconcile.suggest.fee_pair": Record<string, never>;
  /** `rows`: anchor rows whose search was cut short; `steps`: the bound per row. */
  "reconcile.subset.bound_hit": { rows: number; steps: number };
  // The 余额调节表's lines.
  "reconcile.adjust.ledger_only": { rows: readonly number[] };
  "reconcile.adjust.statement_only": { rows: readonly number[] };
  "reconcile.pending.mismatch": { ledgerRows: readonly number[]; ledgerAmount: Fen; statementRows: readonly number[]; statementAmount: Fen };
  "reconcile.pending.mismatch.likely": { ledgerRows: readonly number[]; ledgerAmount: Fen; statementRows: readonly number[]; statementAmount: Fen; likely: Message };
  "reconcile.likely.bank_fee": Record<string, never>;
  "reconcile.likely.cash_discount": Record<string, never>;
  "reconcile.likely.rounding": Record<string, never>;
  "reconcile.pending.duplicate.ledger": { rows: readonly number[]; original: number };
  "reconcile.pending.duplicate.statement": { rows: readonly number[]; original: number };
  "reconcile.pending.awaiting.ledger": { row: number };
  "reconcile.pending.awaiting.statement": { row: number };
  // Why the adjusted balances still differ.
  "reconcile.remainder.opening": { remainder: Fen; ours: Fen; theirs: Fen };
  "reconcile.remainder.pending": { remainder: Fen; count: number };
  "reconcile.remainder.unexplained": { remainder: Fen };
  "reconcile.remainder.parts": { remainder: Fen; parts: readonly Message[] };
  "reconcile.remainder.part.pending": { total: Fen; count: number };
  "reconcile.remainder.part.opening": { difference: Fen; ours: Fen; theirs: Fen };
  "reconcile.remainder.part.unexplained": { amount: Fen };
  // Why a dealer is not called balanced.
  "reconcile.status.no_statement": Record<string, never>;
  "reconcile.status.no_ledger": Record<string, never>;
  "reconcile.status.unread": { count: number };
  "reconcile.status.notes": { notes: readonly Message[] };
  // Problems with the request.
  "reconcile.problem.dealer_not_found": { dealer: string };
  "reconcile.problem.dealer_required": { named: string; unnamed: string };
  "reconcile.problem.sides_swapped": { ledger: string; statement: string };
  /** A one-dealer statement against a many-dealer ledger: the statement names a dealer the ledger lacks, or none. */
  "reconcile.problem.choose_dealer.named": { statement: string; named: string; dealers: Message };
  "reconcile.problem.choose_dealer.unnamed": { statement: string; dealers: Message };
  "reconcile.dealer_list": { names: readonly string[] };
  /** The first of many: Chinese says how many in all (`total`), English how many more (`more`). */
  "reconcile.dealer_list.more": { names: readonly string[]; total: number; more: number };
  /** `value`: the option's value as given, written out. */
  "reconcile.problem.invalid_option": { name: string; value: string; what: Message };
  "reconcile.option.whole_number": { min: number };
  "reconcile.option.date": Record<string, never>;
}
