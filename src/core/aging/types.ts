/**
 * The shapes the aging engine works with: terms, stages, buckets, open items and the report.
 */
import type { Message } from "../messages";
import type { Fen, IsoDate } from "../model";
import type { ReconciliationBasis, ReviewMark, UnderReconciliation, UnreadableCell } from "./review";
import type { Limitation } from "../collect/limitation";

/** Where a dealer's (or an item's) credit term came from, in the order they are consulted. */
export type TermSource = "register" | "table" | "column" | "default";

/** Per-dealer credit terms in days, keyed by dealer name (matched ignoring width and spaces). */
export type DealerTerms = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/**
 * Per-dealer terms the user keeps. `register` (the credit register, issue 7) wins over `table`
 * (a term table in the workbook); both win over the ledger's term column.
 */
export interface TermTable {
  register?: DealerTerms;
  table?: DealerTerms;
}

/** The collection calendar stage of an open item as of a date. */
export type Stage = "not_due" | "due_7d" | "due_3d" | "due_today" | "overdue" | "past_final";

/** What the rep (or finance) does next for an item. */
export type ActionCode =
  | "call_visit"
  | "confirm_date"
  | "collect"
  | "chase"
  | "demand"
  | "verify_opening"
  /** The limitation period ends within 180 days: get the dealer to acknowledge the debt. */
  | "acknowledge"
  /** The limitation period has run out: possibly time-barred. */
  | "time_barred"
  /** A signed payment commitment's installment was missed (承诺未履行). */
  | "commitment_broken";

/** Read-only: the items of one aging share one per action and day (`NextActions`); an item's is replaced, never changed. */
export interface NextAction {
  readonly code: ActionCode;
  /** The day the action falls due; on or before the as-of date it is due now (since that day). */
  readonly date: IsoDate;
  /** What to do, in words (`ACTION_TEXT[code]`). */
  readonly text: Message;
}

/**
 * One aging bucket: an inclusive range of days past due (or of age, by document date).
 * `from: null` is unbounded below (not yet due), `to: null` unbounded above.
 */
export interface BucketSpec {
  key: string;
  from: number | null;
  to: number | null;
}

/** Age measured from the due date (days past due) or from the document date (days since). */
export type AgingBasis = "due" | "document";

export type EntryKind = "sale" | "receipt" | "credit";

/** A debit still (partly) unpaid at the as-of date. */
export interface OpenItem {
  dealer: string;
  /** The dealer's rep (see `DealerAging.rep`); every figure is attributed through the dealer. */
  rep: string | null;
  sheet: string;
  /** Excel row number of the source row (the opening balance row for an opening item). */
  row: number;
  kind: "sale" | "opening";
  ref: string | null;
  description: string;
  /** Document date; for an opening balance, the period start. */
  date: IsoDate;
  /** Original amount of the document. */
  amount: Fen;
  /** What is still owed on it at the as-of date (> 0). */
  open: Fen;
  termDays: number;
  termSource: TermSource;
  dueDate: IsoDate;
  /** Final collection deadline: due date + floor(term / 3). */
  finalDate: IsoDate;
  /** As-of date minus due date: negative before the due date. */
  daysPastDue: number;
  /** As-of date minus document date. */
  ageDays: number;
  stage: Stage;
  /** The aging bucket key the open amount is counted in. */
  bucket: string;
  /**
   * True for an opening balance: its invoices predate the ledger, so its dates are lower bounds
   * (it is at least this late) and it is counted in its own bucket, never aged as new.
   */
  unknownAge: boolean;
  nextAction: NextAction;
  /**
   * Set when a reconciliation flagged the row (待核对): the item stays in the balance and the buckets
   * but out of the collection plan until it is checked.
   */
  underReconciliation: ReviewMark | null;
  /**
   * The limitation period (诉讼时效), when the use case worked it out from the ledger's payments and the
   * register's acknowledgements (`core/collect`); absent from a bare `ageLedger` report.
   */
  limitation?: Limitation;
}

/** A receipt or credit note not (fully) applied to any invoice: a credit balance (预收 / 未核销). */
export interface UnappliedCredit {
  dealer: string;
  rep: string | null;
  sheet: string;
  row: number;
  kind: "receipt" | "credit" | "opening";
  ref: string | null;
  description: string;
  date: IsoDate;
  /** Original amount, our sign (< 0). */
  amount: Fen;
  /** The part still unapplied, our sign (< 0). */
  open: Fen;
  unknownAge: boolean;
  /** Present when a reconciliation flagged the row (待核对). */
  underReconciliation?: ReviewMark;
}

export interface StageTotal {
  amount: Fen;
  count: number;
}

export interface DealerAging {
  dealer: string;
  rep: string | null;
  /** The dealer-level term: the one used for items whose row carries no term of its own. */
  termDays: number;
  termSource: TermSource;
  /** Openings plus entries up to the as-of date; equals the sum of `buckets`. */
  openBalance: Fen;
  buckets: Record<string, Fen>;
  byStage: Record<Stage, StageTotal>;
  /** Open debits, oldest first. */
  items: OpenItem[];
  /** Unapplied receipts and credit notes, oldest first. A dealer never has both open items and credits. */
  credits: UnappliedCredit[];
}

export interface RepFigures {
  rep: string | null;
  dealers: number;
  /** Receivable of the rep's dealers at the start of the period (openings and entries before `from`). */
  openingReceivable: Fen;
  /** Net sales in the period: invoices minus returns and allowances. */
  sales: Fen;
  /** Returns and allowances in the period, as a positive amount (already deducted from `sales`). */
  returns: Fen;
  /** Receipts in the period, as a positive amount. */
  collections: Fen;
  /** collections / (openingReceivable + sales); null when that base is not positive. */
  collectionRate: number | null;
  /**
   * Open amount past its due date at the as-of date (overdue and past the final deadline), excluding
   * items under reconciliation (待核对), as the collection plan does; so are the other late figures.
   */
  overdue: Fen;
  overdueCount: number;
  pastFinal: Fen;
  pastFinalCount: number;
  /** Receivable of the rep's dealers at the end of the period. */
  closingReceivable: Fen;
  /** closingReceivable / sales × days in the period; null when sales are not positive. */
  dso: number | null;
}

/** A problem in the input that did not stop the aging; it names the sheet and row when there is one. */
export interface AgingIssue {
  code: "entry_without_date" | "bad_amount" | "bad_term" | "bad_default_term" | "bad_buckets" | "bad_rep_period";
  sheet?: string;
  row?: number;
  text: Message;
}

export interface AgingReport {
  asOf: IsoDate;
  basis: AgingBasis;
  periodStart: IsoDate;
  defaultTermDays: number;
  /** Bucket keys in display order, including the reserved unknown-age and unapplied-credit keys. */
  bucketKeys: string[];
  buckets: BucketSpec[];
  dealers: DealerAging[];
  totals: {
    openBalance: Fen;
    buckets: Record<string, Fen>;
    byStage: Record<Stage, StageTotal>;
  };
  repPeriod: { from: IsoDate; to: IsoDate };
  reps: RepFigures[];
  /** Entries dated after the as-of date, left out. */
  ignoredAfterAsOf: number;
  issues: AgingIssue[];
  /** Cells that kept their rows out of the aging: every total excludes those rows. */
  unreadable: UnreadableCell[];
  /** Distinct rows of `unreadable`. */
  unreadableRows: number;
  /** The reconciliation the 待核对 marks come from, or null when none was given. */
  reconciliation: (Omit<ReconciliationBasis, "flags" | "dealers"> & { dealers: string[] }) | null;
  /** Aged ledger rows that reconciliation flagged, in ledger order (open items among them are out of the plan). */
  underReconciliation: UnderReconciliation[];
}
