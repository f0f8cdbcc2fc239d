/**
 * What the reader takes and gives back.
 */
import type { Entry, Fen, IsoDate, Opening, Side } from "../model";
import type { DealerBlock } from "./blocks";
import type { EntryTable } from "./entries";

export type { DealerBlock } from "./blocks";

/**
 * Column roles. Debit and credit are always in OUR terms: `debit` is the column whose amounts make the
 * dealer owe us more (our 借方, 发货金额; on a dealer's statement their 进货金额, 应付增加, their 贷方).
 */
export type Role =
  | "date"
  | "year"
  | "month"
  | "day"
  | "ref"
  | "voucher"
  | "description"
  | "debit"
  | "credit"
  | "amount"
  | "direction"
  | "balance"
  | "dealer"
  | "rep"
  | "term"
  | "counterAccount";

export const ROLES: readonly Role[] = [
  "date",
  "year",
  "month",
  "day",
  "ref",
  "voucher",
  "description",
  "debit",
  "credit",
  "amount",
  "direction",
  "balance",
  "dealer",
  "rep",
  "term",
  "counterAccount",
];

export interface ReadOptions {
  /** Which side the sheet is; detected from titles and column names when left out (see `sideSource`). */
  side?: Side;
  /** Keep only this dealer's rows of a many-dealer sheet (compared after `dealerKey`). */
  dealer?: string;
  /** The user's choice of column for a role: header text (as shown), Excel column number (1 = A) or letter. */
  map?: Partial<Record<Role, string | number>>;
  /**
   * Closing balance as of this date: later entries are still listed (flagged `afterAsOf`) but left out
   * of `closingBalance`.
   */
  asOf?: IsoDate;
  /**
   * The sheets of one ledger kept one sheet per month, in order (the named sheet is the first): the app
   * layer reads each and combines them with `combineSheetReads`; the reader of one grid ignores it.
   */
  sheets?: string[];
  /**
   * Where only balances are needed (letters): a balance table (科目余额表 / 往来余额表) is read as each
   * dealer's 期末余额 at its cut-off (see `balanceTableAsRead`); `asOf` is then the user's cut-off.
   */
  acceptBalanceTable?: boolean;
  /** Year for dates written without one (`1月5日`, split 月/日 columns); beats a year found in the titles. */
  yearHint?: number;
}

export interface MappedColumn {
  /** Excel column number (1 = A). */
  column: number;
  /** Header text as shown (two-row headers joined with `/`). */
  header: string;
  /** 0..1: 1 for an exact known name or a user choice, less for a partial match. */
  confidence: number;
  source: "detected" | "user";
}

export type ColumnMapping = Partial<Record<Role, MappedColumn>>;

/** An entry as read, with what the reader knows beyond the shared model. */
export interface ReadEntry extends Entry {
  /** 凭证字号 as written (internal numbering; never among `refs`). */
  voucher: string | null;
  /** The row is hidden in the sheet (still read: hidden rows are data). */
  hidden: boolean;
  /** Dated after `asOf`: listed, not in `closingBalance`. */
  afterAsOf: boolean;
}

export type SkipReason =
  | "title"
  | "blank"
  | "header"
  | "opening"
  | "carried"
  | "total"
  | "other-dealer"
  | "no-amount"
  /** 制表：… 审核：… lines under the table. */
  | "sign-off";

export interface SkippedRow {
  row: number;
  /** The row's sheet, set when a ledger is read over several sheets (see `combineSheetReads`). */
  sheet?: string;
  reason: SkipReason;
  /** The row's label or first text, to show the user. */
  text: string;
}

export type ReadIssueCode =
  | "no_header"
  | "no_amount_column"
  | "no_date_column"
  | "map_not_found"
  | "bad_date"
  | "missing_date"
  | "missing_year"
  | "bad_amount"
  | "bad_direction"
  /** A formula saved without its result (the file was written by a script and never opened in Excel). */
  | "uncomputed_formula"
  /** An Excel error value (#DIV/0!, #N/A …): the cell's formula, or a cell it refers to, has to be fixed. */
  | "formula_error";

/** Something the user has to fix, pointing at the cell. */
export interface ReadIssue {
  code: ReadIssueCode;
  sheet: string;
  row: number;
  /** Excel column letter, null when the issue is about the sheet or a row as a whole. */
  column: string | null;
  header: string | null;
  /** The text found in the cell (or the user's mapping text for `map_not_found`). */
  found: string;
  expected: "date" | "amount" | "year" | "direction" | "header" | "column" | "dealer" | "reference";
}

/**
 * A row that looks like an entry (a date, a reference, a description or an amount beside the bad cell)
 * but whose amount or date cell could not be read: it is in neither balance, so a result that leaves
 * it out must say so rather than call the sides equal.
 */
export interface UnreadRow {
  sheet: string;
  row: number;
  dealer: string | null;
  /** The row's date when that cell was readable (or filled from the row above), else null. */
  date: IsoDate | null;
  ref: string | null;
  description: string;
  /** An opening-balance row (期初余额) rather than a transaction. */
  opening: boolean;
  /** The cells that could not be read (the same issues as in `errors`); a formula without a result or an error in the dealer or reference cell too. */
  cells: ReadIssue[];
}

export interface BalanceCheck {
  /** True when there is a 余额 column and at least one row had a balance to compare. */
  checked: boolean;
  /** Excel row of the first row whose 余额 differs from the recomputed running balance. */
  firstMismatchRow: number | null;
  /** That row's sheet, when a ledger is read over several sheets. */
  firstMismatchSheet?: string;
  /** Recomputed balance at that row (our sign). */
  expected?: Fen;
  /** Balance written on that row (our sign). */
  found?: Fen;
  /** Rows that disagreed (the running balance is re-based on the written one after each). */
  mismatches: number;
}

export interface ReadResult {
  sheet: string;
  side: Side;
  /** How the side was decided: given by the caller, from column names, from the title, or the default. */
  sideSource: "option" | "headers" | "title" | "default";
  /**
   * What the sheet itself says it is, whatever the caller asked for (a ledger given as the statement is
   * told apart by this), and from what. The reader always sets this and the fields below; they are
   * optional only for results built by hand.
   */
  detectedSide?: Side;
  detectedSideSource?: "headers" | "title" | "default";
  /** Excel row numbers of the header row(s). Empty when no header was found. */
  headerRows: number[];
  /** Dealer named in the title rows (one-dealer sheets), as written. */
  dealer: string | null;
  /** Where `dealer` came from: a labelled line (客户名称：…), or the title (`X对账单`, `X 应付账款明细账`). */
  dealerSource?: "label" | "title" | null;
  /**
   * Our own company as the sheet names it, when it does: on our ledger its 编制单位 line, on a dealer's
   * statement the 往来单位/供应商/对方单位 line (their books name us as the other party).
   */
  ourName?: string | null;
  /** Distinct dealers (by normalised name) in order of appearance, as first written. */
  dealers: string[];
  /** The entries, column by column; `entriesOf(table)` gives them as `ReadEntry` objects. */
  table: EntryTable;
  openings: Opening[];
  openingBalance: Fen;
  /** Opening plus entries (up to `asOf` when given). */
  closingBalance: Fen;
  mapping: ColumnMapping;
  skipped: SkippedRow[];
  errors: ReadIssue[];
  /** Rows that look like entries but were left out because a cell could not be read (see `UnreadRow`). */
  unreadable?: UnreadRow[];
  /**
   * The dealers' blocks of a block export (one dealer after another down the sheet, each under its own
   * title line), in sheet order; empty for an ordinary sheet. The reader always sets it.
   */
  blocks?: DealerBlock[];
  balanceCheck: BalanceCheck;
  /**
   * Read from a balance table (科目余额表 / 往来余额表): its rows where 期初 + 借 − 贷 ≠ 期末. Their closing
   * balance is in `openings` like every row's, but nothing should be stated to a dealer from it.
   */
  balanceRowsNotAddingUp?: { sheet: string; row: number; dealer: string; expected: Fen; found: Fen }[];
  /** Hidden rows among the rows read (they are read like any other). */
  hiddenRowCount: number;
  /** Year used for dates written without one, and where it came from. */
  yearUsed?: number;
  periodFrom?: IsoDate;
  periodTo?: IsoDate;
  asOf?: IsoDate;
}
