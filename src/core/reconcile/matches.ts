/**
 * Matches kept compactly. Most matches pair one row with one row by reference; on a million-row pair of
 * sheets, making each one an object with two one-element arrays is millions of long-lived allocations
 * that the JSON report (which prints only counts) never reads. `DealerResult.matches` is built from
 * this list the first time it is read, with exactly the objects it would otherwise hold, in order.
 */
import type { Fen } from "../model";
import type { DealerResult, Match, MatchRule } from "./types";

export class MatchList {
  /** Per match: the ledger row of a one-to-one match, or -1 when `full` holds it. */
  private readonly ledgerRow: number[] = [];
  private readonly statementRow: number[] = [];
  private readonly amounts: Fen[] = [];
  private readonly rules: MatchRule[] = [];
  private readonly full: Match[] = [];
  private ledgerRowCount = 0;
  private statementRowCount = 0;

  get length(): number {
    return this.rules.length;
  }

  pushPair(rule: MatchRule, ledgerRow: number, statementRow: number, amount: Fen): void {
    this.ledgerRow.push(ledgerRow);
    this.statementRow.push(statementRow);
    this.amounts.push(amount);
    this.rules.push(rule);
    this.ledgerRowCount++;
    this.statementRowCount++;
  }

  push(match: Match): void {
    this.ledgerRow.push(-1);
    this.statementRow.push(this.full.length);
    this.amounts.push(match.amount);
    this.rules.push(match.rule);
    this.full.push(match);
    this.ledgerRowCount += match.ledgerRows.length;
    this.statementRowCount += match.statementRows.length;
  }

  rowCounts(): { ledger: number; statement: number } {
    return { ledger: this.ledgerRowCount, statement: this.statementRowCount };
  }

  countRules(counts: Record<MatchRule, number>): void {
    for (const rule of this.rules) counts[rule]++;
  }

  toArray(): Match[] {
    const out: Match[] = new Array(this.rules.length);
    for (let i = 0; i < out.length; i++) {
      const l = this.ledgerRow[i];
      out[i] =
        l >= 0
          ? { rule: this.rules[i], ledgerRows: [l], statementRows: [this.statementRow[i]], amount: this.amounts[i] }
          : this.full[this.statementRow[i]];
    }
    return out;
  }
}

const LIST = Symbol.for("duizhang.matchList");

/** Gives `result.matches` as a list built from `list` on first read (then kept as a plain property). */
export function attachMatches(result: DealerResult, list: MatchList): void {
  Object.defineProperty(result, "matches", {
    enumerable: true,
    configurable: true,
    get(): Match[] {
      const matches = list.toArray();
      Object.defineProperty(result, "matches", { value: matches, enumerable: true, configurable: true, writable: true });
      return matches;
    },
    set(matches: Match[]) {
      Object.defineProperty(result, "matches", { value: matches, enumerable: true, configurable: true, writable: true });
    },
  });
  Object.defineProperty(result, LIST, { value: list, enumerable: false });
}

/** The compact list while `matches` has not been built or replaced. */
function listOf(result: DealerResult): MatchList | null {
  const list = (result as unknown as Record<symbol, MatchList | undefined>)[LIST];
  if (list === undefined) return null;
  const d = Object.getOwnPropertyDescriptor(result, "matches");
  return d !== undefined && d.get !== undefined ? list : null;
}

/** Match groups and the rows in them, without building the matches. */
export function matchCounts(result: DealerResult): { matches: number; ledgerRows: number; statementRows: number } {
  const list = listOf(result);
  if (list !== null) {
    const rows = list.rowCounts();
    return { matches: list.length, ledgerRows: rows.ledger, statementRows: rows.statement };
  }
  const m = result.matches;
  return {
    matches: m.length,
    ledgerRows: m.reduce((t, x) => t + x.ledgerRows.length, 0),
    statementRows: m.reduce((t, x) => t + x.statementRows.length, 0),
  };
}
