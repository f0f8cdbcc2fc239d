/**
 * Public types of the reconciliation engine (对账) and the balance reconciliation (余额调节表).
 *
 * Sign conventions, used everywhere below:
 * - Entry amounts are in our sign: positive means the dealer owes us more (the reader has already
 *   turned the dealer's statement into our sign).
 * - A difference's `amount` is "ledger minus statement": the sum of its ledger rows minus the sum
 *   of its statement rows. So a sale only we booked is positive, a payment only the dealer booked
 *   is positive too (minus a negative), a rebate only the dealer booked is positive, and
 *   ledger balance − statement balance = Σ difference amounts (+ pending suggestion rows, see
 *   `BalanceReconciliation`) + the opening balance difference. That identity is what makes the
 *   余额调节表 add up.
 */
import type { Message } from "../messages";
import type { Entry, Fen, IsoDate, Opening } from "../model";
import { fen } from "../money";
import type { EntryTable } from "../read/entries";
import type { MatchList } from "./matches";
import type { PreparedSide } from "./prepare";
import type { UnreadRow } from "../read/types";

/**
 * One side as the reader produced it: its entry table (`ReadResult.table`), or entries built by hand,
 * which the engine takes as a table (`tableOf`).
 */
export type SideInput = TableSide | EntriesSide;

/** A side as read: its entry table. */
export interface TableSide extends SideRows {
  table: EntryTable;
  entries?: undefined;
  /** The table's rows as the matcher takes them (`prepareSide(table)`), when made beforehand; else made by `reconcile`. */
  prepared?: PreparedSide;
}

/** A side of entries built by hand. */
export interface EntriesSide extends SideRows {
  entries: Entry[];
  table?: undefined;
  prepared?: undefined;
}

interface SideRows {
  sheet: string;
  openings: Opening[];
  /**
   * Rows that look like entries but whose amount or date the reader could not read (its `unreadable`):
   * each unread cell becomes a difference of kind `unreadable`, and the dealer is not called balanced.
   */
  unreadable?: readonly UnreadRow[];
}

/** Which pass paired the rows. */
export type MatchRule =
  /** Pass 1: same normalised reference, same amount (or pass 2 when one row each and amounts differ). */
  | "reference"
  /** Pass 2: same reference on several rows whose totals agree (an invoice split into deliveries). */
  | "reference_total"
  /** Pass 3: one side's reference found in the other side's description or references. */
  | "reference_in_text"
  /** Pass 4: same amount (within tolerance), dates inside the window. */
  | "amount_date"
  /** Pass 5: one row against several rows of the other side (subset sum) within the window. */
  | "subset"
  /**
   * Pass 6: one row each side, same sign, inside the window, amounts a little apart (a bank fee kept off
   * a payment, a cash discount, a rounding): an amount mismatch with its likely reason, never a match.
   */
  | "fee_pair"
  /** A suggestion the user confirmed. */
  | "user";

export type DifferenceKind =
  | "ledger_only"
  | "statement_only"
  | "amount_mismatch"
  | "duplicate"
  /** A cell (amount or date) of a row that looks like an entry could not be read: the row is in neither balance. */
  | "unreadable";

export type ReasonCode =
  | "goods_in_transit"
  | "payment_in_transit"
  | "rebate_discount"
  | "return"
  | "duplicate_entry"
  | "wrong_amount"
  | "transposed_digits"
  | "wrong_dealer"
  /** We booked a sale long before the cut-off that the dealer has not booked. */
  | "sale_not_booked_by_dealer"
  /** We booked a receipt the dealer's statement does not show as a payment. */
  | "receipt_not_on_statement"
  /** The dealer shows a payment, not near the cut-off, that we never booked. */
  | "payment_not_booked"
  /** The dealer shows a charge (they owe more) that we never booked. */
  | "charge_not_booked"
  | "unexplained"
  /** A payment we booked a little short of what the dealer paid: the bank kept a fee. */
  | "bank_fee"
  /** The amounts differ by a round share (1%, 2% …) of the larger: a cash discount. */
  | "cash_discount"
  /** The amounts differ by a few fen: rounding. */
  | "rounding"
  /** For `unreadable`: the cell's text is not an amount or a date. */
  | "unreadable_cell";

/** A likely reason: its code, and the message that says it (rendered outside core). */
export interface Reason {
  code: ReasonCode;
  text: Message;
}

export interface Match {
  rule: MatchRule;
  ledgerRows: number[];
  statementRows: number[];
  /** Total of the ledger rows, which equals the statement rows' total. */
  amount: Fen;
}

export interface Difference {
  kind: DifferenceKind;
  ledgerRows: number[];
  statementRows: number[];
  /** Σ ledger rows − Σ statement rows (see the module comment). */
  amount: Fen;
  ledgerAmount: Fen;
  statementAmount: Fen;
  reason: Reason;
  /** For `amount_mismatch`: the pass that paired the rows. Null for one-sided rows and duplicates. */
  rule: MatchRule | null;
  /** For `duplicate`: the row (same sheet) this one repeats. */
  duplicateOf: number | null;
  /** For `wrong_dealer`: the other dealer under which the counterpart was found. */
  otherDealer: string | null;
  /** For `unreadable`: the sheet and cell (`E12`) that could not be read, the text found there and what to write instead. */
  sheet?: string;
  cell?: string | null;
  found?: string;
  fix?: Message;
}

/** A pairing the engine could not choose on its own: the rows stay open until the user decides. */
export interface Suggestion {
  /** Stable id derived from the rows and amounts involved; pass it back in `decisions`. */
  id: string;
  rule: MatchRule;
  ledgerRows: number[];
  statementRows: number[];
  ledgerAmount: Fen;
  statementAmount: Fen;
  /** Ledger minus statement; non-zero only when a tolerance allowed it. */
  amount: Fen;
  /** Ids of the suggestions competing for the same rows. */
  alternatives: string[];
  note: Message;
}

/** A user's answer to a suggestion. `ledgerRows`/`statementRows` are required for "confirmed". */
export interface Decision {
  id: string;
  decision: "confirmed" | "rejected";
  ledgerRows?: number[];
  statementRows?: number[];
}

/** Which item explains a line of the 余额调节表. */
export type AdjustmentSource = DifferenceKind | "pending";

export interface Adjustment {
  source: AdjustmentSource;
  /** Added to the balance the line belongs to (already signed). */
  amount: Fen;
  ledgerRows: number[];
  statementRows: number[];
  /** What the item is, without 加/减: whoever shows it says add or less from the sign of `amount`. */
  text: Message;
}

/**
 * An item of the 余额调节表 that is not a timing difference and so adjusts neither side (待查差异): amounts
 * that differ, duplicates, rows whose pairing awaits the user, rows that could not be read. Both amounts
 * are shown; someone finds which side is wrong and corrects it.
 */
export interface PendingItem {
  source: AdjustmentSource;
  ledgerRows: number[];
  statementRows: number[];
  /** Σ of the ledger rows (0 when none). */
  ledgerAmount: Fen;
  /** Σ of the statement rows, in our sign (0 when none). */
  statementAmount: Fen;
  /** ledgerAmount − statementAmount: what the item leaves between the adjusted balances. */
  amount: Fen;
  text: Message;
}

/**
 * The 余额调节表, in the usual form: a timing item adjusts the side that has not booked it yet, errors are
 * listed apart and adjust nothing.
 *   adjustedLedgerBalance    = ledgerBalance    + Σ ledgerAdjustments    (items only the dealer has booked)
 *   adjustedStatementBalance = statementBalance + Σ statementAdjustments (items only we have booked)
 *   remainder = adjustedLedgerBalance − adjustedStatementBalance
 *             = pendingTotal (Σ pendingItems: mismatches, duplicates, rows awaiting a decision, unread rows)
 *               + openingDifference + unexplained (0 when every row is accounted for)
 * `remainder` is never hidden; `balanced` is true only when it is zero and no row went unread.
 */
export interface BalanceReconciliation {
  ledgerOpening: Fen;
  statementOpening: Fen;
  ledgerOpeningRows: number[];
  statementOpeningRows: number[];
  ledgerBalance: Fen;
  statementBalance: Fen;
  ledgerAdjustments: Adjustment[];
  statementAdjustments: Adjustment[];
  adjustedLedgerBalance: Fen;
  adjustedStatementBalance: Fen;
  remainder: Fen;
  openingDifference: Fen;
  /** The 待查差异: listed with both amounts, adjusting neither balance. */
  pendingItems: PendingItem[];
  /** Σ pendingItems' amounts. */
  pendingTotal: Fen;
  /** What neither the 待查 items nor the opening balances explain: remainder − pendingTotal − openingDifference. */
  unexplained: Fen;
  balanced: boolean;
  /** Why the remainder is not zero, when it is not. */
  remainderNote: Message | null;
}

export interface SideSummary {
  sheet: string;
  /** Entries taken into account (dated on or before the cut-off, or undated). */
  entries: number;
  openingBalance: Fen;
  /** Opening + entries up to the cut-off. */
  closingBalance: Fen;
  /** Rows left out because they are dated after `asOf`. */
  excludedAfterCutoff: number[];
}

export interface SubsetSearchStats {
  /** Anchors (single rows) for which a subset was searched. */
  anchors: number;
  /** Search nodes explored in total. */
  nodes: number;
  /** True when at least one search stopped at `subsetMaxNodes` before it was complete. */
  boundHit: boolean;
  /** The anchor rows whose search was cut short. */
  cutShort: { side: "ledger" | "statement"; row: number }[];
  note: Message | null;
}

/**
 * Whether both sides had the dealer: a dealer with no statement rows (or no ledger rows) is listed, never
 * reconciled and never called balanced.
 */
export type DealerStatus = "reconciled" | "no_statement" | "no_ledger";

export interface DealerResult {
  /** The dealer's name as first written (ledger first), or null on sheets without dealer names. */
  dealer: string | null;
  /** The normalised name used to pair dealers across the two sheets. */
  dealerKey: string | null;
  status: DealerStatus;
  ledger: SideSummary;
  statement: SideSummary;
  /** The matches, compactly (`toArray()` for the `Match` objects). */
  matches: MatchList;
  differences: Difference[];
  suggestions: Suggestion[];
  reconciliation: BalanceReconciliation;
  /** Matches per rule; `fee_pair` counts the pairs pass 6 made (amount mismatches, not matches). */
  ruleCounts: Record<MatchRule, number>;
  subsetSearch: SubsetSearchStats;
}

export interface ReconcileProblem {
  /** `sides_swapped`: the ledger looks like a dealer's statement and the statement like our ledger. */
  code: "dealer_required" | "dealer_not_found" | "invalid_option" | "sides_swapped";
  text: Message;
}

export interface ReconcileOptions {
  /** Cut-off date; entries dated after it on either side are left out (and listed). Default: none. */
  asOf?: IsoDate | null;
  /** Largest amount difference still treated as "the same amount" (passes 3-5). Default 0: exact to the fen. */
  amountToleranceFen?: Fen;
  /**
   * How many days the statement's date may be BEFORE the ledger's date. Default 10: the dealer books a
   * payment when it leaves their bank, we book it when it arrives (and a 银行承兑汇票 takes longer).
   */
  dateWindowBefore?: number;
  /**
   * How many days the statement's date may be AFTER the ledger's date. Default 15: we book a sale when
   * the goods leave, the dealer when they arrive and are checked in, often a week or two later.
   */
  dateWindowAfter?: number;
  /**
   * Pass 6 (fee pairs): the largest difference, in fen, between the two amounts of one payment or sale
   * with no reference in common; 0.5% of the larger amount counts when it is more. Default 5,000 (50 元);
   * 0 turns the pass off.
   */
  feeToleranceFen?: Fen;
  /** Largest number of rows combined against one row in pass 5. Default 5. */
  subsetMaxItems?: number;
  /** Search nodes explored per anchor row in pass 5 before giving up (and saying so). Default 20,000. */
  subsetMaxNodes?: number;
  /** Candidate rows considered per anchor in pass 5 (the nearest in date). Default 24. */
  subsetMaxCandidates?: number;
  /** A row dated this many days before the cut-off or closer counts as "near the cut-off". Default 15. */
  inTransitDays?: number;
  /** Only this dealer (matched after name normalisation). Default: every dealer. */
  dealer?: string | null;
  /** Dealer-name normaliser; default `dealerKey` of ../values/refs. */
  dealerKey?: (name: string) => string;
  /** The user's earlier answers to suggestions. */
  decisions?: Decision[];
}

export interface ResolvedOptions {
  asOf: IsoDate | null;
  amountToleranceFen: Fen;
  dateWindowBefore: number;
  dateWindowAfter: number;
  feeToleranceFen: Fen;
  subsetMaxItems: number;
  subsetMaxNodes: number;
  subsetMaxCandidates: number;
  inTransitDays: number;
  dealer: string | null;
}

export const DEFAULT_OPTIONS: ResolvedOptions = {
  asOf: null,
  amountToleranceFen: fen(0),
  dateWindowBefore: 10,
  dateWindowAfter: 15,
  feeToleranceFen: fen(5_000),
  subsetMaxItems: 5,
  subsetMaxNodes: 20_000,
  subsetMaxCandidates: 24,
  inTransitDays: 15,
  dealer: null,
};

export interface ReconcileReport {
  asOf: IsoDate | null;
  /** The date "near the cut-off" is measured from: `asOf`, else the latest date on either side. */
  cutoff: IsoDate | null;
  options: ResolvedOptions;
  dealers: DealerResult[];
  problems: ReconcileProblem[];
  /** Decision ids that no longer fit the rows (rows changed, already matched, or unknown). */
  staleDecisions: string[];
}
