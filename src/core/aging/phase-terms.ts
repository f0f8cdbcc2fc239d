/**
 * Phase 2 of an aging, terms: each dealer's own term, from the credit register, the ledger's term
 * column (its most frequent value), the term table or the default, in that order (see `TermResolver`).
 * A row with its own valid term still uses it (`termForRow`, in the bucket phase).
 */
import type { DealerGroup } from "./phase-group";
import type { DealerTerm, TermResolver } from "./terms";

export function dealerTerms(dealers: readonly DealerGroup[], resolver: TermResolver): DealerTerm[] {
  return dealers.map((d) => resolver.forDealer(d.name, d.columnTerms));
}
