/**
 * The reconciliation's choices as the pane holds them (dealer, cut-off, tolerances as typed), how they
 * become engine options, what is remembered in the workbook, and the checks made before a run. Pure,
 * so it is tested without a browser.
 */
import { isValidYmd, ymdToIso } from "../../core/dates";
import type { Fen, IsoDate } from "../../core/model";
import { decimalTextToFen, fen, formatFen } from "../../core/money";
import type { ReadIssue, ReadResult } from "../../core/read/types";
import { DEFAULT_OPTIONS, type ReconcileOptions } from "../../core/reconcile/types";

export interface ReconcileForm {
  /** Only this dealer of a many-dealer sheet; null reconciles every dealer found on both sheets. */
  dealer: string | null;
  /** Cut-off as typed; "" means none. */
  asOf: string;
  /** True once the user typed a cut-off: a proposal from the statement no longer replaces it. */
  asOfByUser: boolean;
  /** Amount tolerance in yuan, as typed. */
  tolerance: string;
  /** Days the dealer's date may be before / after ours, as typed. */
  daysBefore: string;
  daysAfter: string;
  /** Fee tolerance in yuan (one payment booked with two amounts: a bank fee, a discount, rounding), as typed; "0" pairs none. */
  feeTolerance: string;
}

/** The engine's defaults, shown in the fields and in their hints. */
export const FORM_DEFAULTS: Readonly<Pick<ReconcileForm, "tolerance" | "daysBefore" | "daysAfter" | "feeTolerance">> = {
  tolerance: formatFen(DEFAULT_OPTIONS.amountToleranceFen),
  daysBefore: String(DEFAULT_OPTIONS.dateWindowBefore),
  daysAfter: String(DEFAULT_OPTIONS.dateWindowAfter),
  feeTolerance: formatFen(DEFAULT_OPTIONS.feeToleranceFen),
};

export const EMPTY_FORM: ReconcileForm = { dealer: null, asOf: "", asOfByUser: false, ...FORM_DEFAULTS };

/** Longest date window the pane accepts: a year either way is already more than any real delay. */
export const MAX_WINDOW_DAYS = 366;

/** Largest fee tolerance the pane accepts (1,000,000 元, as on the command line). */
export const MAX_FEE_TOLERANCE_FEN: Fen = fen(100_000_000);

export type FieldName = "asOf" | "tolerance" | "daysBefore" | "daysAfter" | "feeTolerance";
export type FieldProblem = "date" | "amount" | "days";

/** `2026-10-31`, `2026/10/31`, `2026.10.31` or `2026年10月31日` to ISO; null for anything else. */
export function parseCutoff(text: string): IsoDate | null {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? ymdToIso(y, mo, d) : null;
}

/** Yuan as typed, in fen; 0 when blank, null when unusable. */
function parseYuan(text: string): Fen | null {
  const bare = text.trim().replace(/[,，\s]/g, "").replace(/^[¥￥]/, "");
  if (bare === "") return fen(0);
  try {
    return decimalTextToFen(bare);
  } catch {
    return null;
  }
}

function parseDays(text: string): number | null {
  const bare = text.trim();
  if (!/^\d{1,4}$/.test(bare)) return null;
  const n = Number(bare);
  return n <= MAX_WINDOW_DAYS ? n : null;
}

export interface FormCheck {
  options: Omit<ReconcileOptions, "decisions">;
  problems: Partial<Record<FieldName, FieldProblem>>;
}

/** Engine options from the form, and which fields cannot be used as typed. */
export function optionsFromForm(form: ReconcileForm): FormCheck {
  const problems: FormCheck["problems"] = {};
  const asOf = form.asOf.trim() === "" ? null : parseCutoff(form.asOf);
  if (form.asOf.trim() !== "" && asOf === null) problems.asOf = "date";
  const tolerance = parseYuan(form.tolerance);
  if (tolerance === null) problems.tolerance = "amount";
  const before = parseDays(form.daysBefore);
  if (before === null) problems.daysBefore = "days";
  const after = parseDays(form.daysAfter);
  if (after === null) problems.daysAfter = "days";
  // A form saved before the field existed has none: the engine's default then.
  const fee = parseYuan(form.feeTolerance ?? FORM_DEFAULTS.feeTolerance);
  if (fee === null || fee > MAX_FEE_TOLERANCE_FEN) problems.feeTolerance = "amount";
  const feeFen = fee !== null && fee <= MAX_FEE_TOLERANCE_FEN ? fee : DEFAULT_OPTIONS.feeToleranceFen;
  return {
    options: {
      asOf,
      amountToleranceFen: tolerance ?? DEFAULT_OPTIONS.amountToleranceFen,
      dateWindowBefore: before ?? DEFAULT_OPTIONS.dateWindowBefore,
      dateWindowAfter: after ?? DEFAULT_OPTIONS.dateWindowAfter,
      // Left out at the default, so the engine's own default applies.
      ...(feeFen !== DEFAULT_OPTIONS.feeToleranceFen ? { feeToleranceFen: feeFen } : {}),
      dealer: form.dealer,
    },
    problems,
  };
}

/**
 * The cut-off to propose: the period end the statement states (`期间：… 至 2026-10-31`), else its latest
 * entry date; null for a statement without dates.
 */
export function proposeCutoff(statement: ReadResult | null): IsoDate | null {
  if (!statement) return null;
  if (statement.periodTo) return statement.periodTo;
  let latest: IsoDate | null = null;
  for (const date of statement.table.dates) if (date && (latest === null || date > latest)) latest = date;
  return latest;
}

/** Problems that make a sheet unusable for matching: without a header or an amount column nothing is read. */
export function blockingIssues(result: ReadResult | null): ReadIssue[] {
  if (!result) return [];
  return result.errors.filter((e) => e.code === "no_header" || e.code === "no_amount_column");
}

/** What the workbook keeps (RECONCILE_CHOICE_SETTING): the form tied to the sheets it was made for. */
export interface SavedReconcileChoice {
  ledger: string | null;
  statement: string | null;
  dealer: string | null;
  asOf: string | null;
  tolerance: string;
  daysBefore: string;
  daysAfter: string;
  /** Only when not the default. */
  feeTolerance?: string;
}

export function formToSetting(form: ReconcileForm, ledger: string | null, statement: string | null): SavedReconcileChoice {
  return {
    ledger,
    statement,
    dealer: form.dealer,
    // A cut-off the pane proposed is proposed again from the statement next time, not frozen.
    asOf: form.asOfByUser && form.asOf.trim() !== "" ? form.asOf.trim() : null,
    tolerance: form.tolerance,
    daysBefore: form.daysBefore,
    daysAfter: form.daysAfter,
    ...(form.feeTolerance !== undefined && form.feeTolerance !== FORM_DEFAULTS.feeTolerance ? { feeTolerance: form.feeTolerance } : {}),
  };
}

/**
 * The form from a saved choice. Tolerances carry over to any sheets; the dealer and the cut-off only
 * when the same ledger (dealer) and statement (cut-off) are chosen, since they describe those sheets.
 */
export function formFromSetting(saved: unknown, ledger: string | null, statement: string | null): ReconcileForm {
  if (typeof saved !== "object" || saved === null) return EMPTY_FORM;
  const s = saved as Partial<Record<keyof SavedReconcileChoice, unknown>>;
  const str = (v: unknown, fallback: string): string => (typeof v === "string" ? v : fallback);
  const sameLedger = typeof s.ledger === "string" && s.ledger === ledger;
  const sameStatement = typeof s.statement === "string" && s.statement === statement;
  const asOf = sameStatement && typeof s.asOf === "string" ? s.asOf : "";
  return {
    dealer: sameLedger && typeof s.dealer === "string" ? s.dealer : null,
    asOf,
    asOfByUser: asOf !== "",
    tolerance: str(s.tolerance, FORM_DEFAULTS.tolerance),
    daysBefore: str(s.daysBefore, FORM_DEFAULTS.daysBefore),
    daysAfter: str(s.daysAfter, FORM_DEFAULTS.daysAfter),
    feeTolerance: str(s.feeTolerance, FORM_DEFAULTS.feeTolerance),
  };
}

/** Dealers whose name contains what was typed, ignoring case and spaces; all of them for an empty query. */
export function filterDealers(dealers: readonly string[], query: string): string[] {
  const q = query.replace(/\s+/g, "").toLowerCase();
  if (q === "") return [...dealers];
  return dealers.filter((d) => d.replace(/\s+/g, "").toLowerCase().includes(q));
}
