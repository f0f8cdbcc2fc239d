/**
 * Which credit term (账期) applies to a dealer and to each of its rows.
 *
 * Order (issue 6): the credit register, which rules once it exists; then the ledger's own term column
 * when its rows carry one; then the per-dealer term table the user keeps in the workbook; then the default.
 */
import { dealerKey } from "../values/refs";
import { isValidTermDays } from "../values/term";
import type { DealerTerms, TermSource, TermTable } from "./types";

export const DEFAULT_TERM_DAYS = 30;

/**
 * Dealer names are typed by hand in term tables and registers: they are matched by the one dealer key
 * every part uses (width, spaces, brackets and the legal form ignored).
 */
export { dealerKey };

/** A usable term: whole days, 0 (cash) or more, at most ten years (the one rule of ../values/term). */
export const isValidTerm = isValidTermDays;

export interface DealerTerm {
  termDays: number;
  source: TermSource;
}

/** Lookup tables with normalised keys; invalid values are reported, not used. */
export class TermResolver {
  private readonly register: Map<string, number>;
  private readonly table: Map<string, number>;
  readonly invalid: { source: "register" | "table"; dealer: string; value: unknown }[] = [];

  constructor(
    terms: TermTable | undefined,
    readonly defaultTermDays: number,
  ) {
    this.register = this.load("register", terms?.register);
    this.table = this.load("table", terms?.table);
  }

  private load(source: "register" | "table", terms: DealerTerms | undefined): Map<string, number> {
    const out = new Map<string, number>();
    if (!terms) return out;
    const pairs: Iterable<[string, number]> =
      terms instanceof Map ? terms.entries() : Object.entries(terms as Readonly<Record<string, number>>);
    for (const [dealer, days] of pairs) {
      if (isValidTerm(days)) out.set(dealerKey(dealer), days);
      else this.invalid.push({ source, dealer, value: days });
    }
    return out;
  }

  /**
   * The dealer-level term. `columnTerms` are the valid terms its rows carry; the most frequent one
   * stands for the dealer (ties: the later row), used for its opening balance and term-less rows.
   */
  forDealer(dealer: string, columnTerms: readonly number[]): DealerTerm {
    const key = dealerKey(dealer);
    const fromRegister = this.register.get(key);
    if (fromRegister !== undefined) return { termDays: fromRegister, source: "register" };
    const common = mostFrequent(columnTerms);
    if (common !== null) return { termDays: common, source: "column" };
    const fromTable = this.table.get(key);
    if (fromTable !== undefined) return { termDays: fromTable, source: "table" };
    return { termDays: this.defaultTermDays, source: "default" };
  }
}

/**
 * The term for one row: the credit register overrides the row; otherwise the row's own term column
 * value; otherwise whatever stands for the dealer.
 */
export function termForRow(dealerTerm: DealerTerm, rowTerm: number | null): DealerTerm {
  if (dealerTerm.source === "register") return dealerTerm;
  if (rowTerm !== null && isValidTerm(rowTerm)) return { termDays: rowTerm, source: "column" };
  return dealerTerm;
}

function mostFrequent(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const counts = new Map<number, number>();
  let best = values[0];
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c >= bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}
