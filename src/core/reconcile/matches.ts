/**
 * A dealer's matches, kept compactly. Most matches pair one row with one row by reference; on a
 * million-row pair of sheets, making each one an object with two one-element arrays is millions of
 * long-lived allocations that the JSON report (which prints only counts) never reads. The list says so
 * in its type: `toArray()` or `at(i)` make the `Match` objects for code that wants them.
 */
import type { Fen } from "../model";
import type { Match, MatchRule } from "./types";

export class MatchList implements Iterable<Match> {
  /** Number of matches. */
  length = 0;
  /** Per match: the ledger row of a one-to-one match, or -1 when `full` holds it. */
  private readonly ledgerRow: number[] = [];
  /** Per match: the statement row of a one-to-one match, or the match's position in `full`. */
  private readonly statementRow: number[] = [];
  private readonly amounts: Fen[] = [];
  private readonly rules: MatchRule[] = [];
  private readonly full: Match[] = [];
  private ledgerRowCount = 0;
  private statementRowCount = 0;

  /** A list holding the given matches, in order (results built by hand). */
  static of(matches: readonly Match[]): MatchList {
    const list = new MatchList();
    for (const m of matches) list.push(m);
    return list;
  }

  pushPair(rule: MatchRule, ledgerRow: number, statementRow: number, amount: Fen): void {
    this.ledgerRow.push(ledgerRow);
    this.statementRow.push(statementRow);
    this.amounts.push(amount);
    this.rules.push(rule);
    this.ledgerRowCount++;
    this.statementRowCount++;
    this.length++;
  }

  push(match: Match): void {
    this.ledgerRow.push(-1);
    this.statementRow.push(this.full.length);
    this.amounts.push(match.amount);
    this.rules.push(match.rule);
    this.full.push(match);
    this.ledgerRowCount += match.ledgerRows.length;
    this.statementRowCount += match.statementRows.length;
    this.length++;
  }

  /** Rows in all matches, per side. */
  rowCounts(): { ledger: number; statement: number } {
    return { ledger: this.ledgerRowCount, statement: this.statementRowCount };
  }

  countRules(counts: Record<MatchRule, number>): void {
    for (const rule of this.rules) counts[rule]++;
  }

  /** Match `i` as an object. */
  at(i: number): Match {
    const l = this.ledgerRow[i];
    return l >= 0 ? { rule: this.rules[i], ledgerRows: [l], statementRows: [this.statementRow[i]], amount: this.amounts[i] } : this.full[this.statementRow[i]];
  }

  /** Every match as an object, in the order the passes made them. */
  toArray(): Match[] {
    const out: Match[] = new Array(this.length);
    for (let i = 0; i < out.length; i++) out[i] = this.at(i);
    return out;
  }

  *[Symbol.iterator](): Iterator<Match> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}

/** Match groups and the rows in them, without building the matches. */
export function matchCounts(result: { matches: MatchList }): { matches: number; ledgerRows: number; statementRows: number } {
  const rows = result.matches.rowCounts();
  return { matches: result.matches.length, ledgerRows: rows.ledger, statementRows: rows.statement };
}
