/**
 * The engine's first two steps (duplicates, then pass 1: same reference and same amount) done on row
 * positions instead of engine items. On a large pair of sheets nearly every row is settled here, and
 * making an item object for each of them (then sorting and indexing those objects) was most of the
 * matching cost; only the rows left over become items for the later passes.
 *
 * The outcome is exactly the engine's: the same rows flagged as duplicates (with the same original),
 * the same pairs in the same order. The engine orders rows by (date, sheet, row), ties kept in input
 * order; it flags duplicates from counts taken before any is flagged; then the n-th ledger row of a
 * (reference, amount) in that order meets the n-th free statement row of it.
 */
import type { Side } from "../model";
import type { EntryRows } from "../read/entries";
import { fastEpochDay } from "./engine";
import { MatchList } from "./matches";
import { duplicateReason } from "./reasons";
import { refKey } from "./refs";
import type { Difference } from "./types";

export interface Prematched {
  matches: MatchList;
  /** Duplicate differences, in the order the engine makes them. */
  duplicates: Difference[];
  /** Positions (into the side's rows) not settled here, for the later passes. */
  ledgerLeft: number[];
  statementLeft: number[];
}

/** The engine's reference key of row `n` (`itemAt`'s `ref`), or null. */
export function refKeyAt(rows: EntryRows, n: number): string | null {
  const primary = rows.primaryRefAt(n);
  const ref = primary === null ? "" : refKey(primary);
  return ref === "" ? null : ref;
}

interface SideRun {
  side: Side;
  rows: EntryRows;
  /** Positions in engine order. */
  order: number[];
  keys: (string | null)[];
  amounts: Float64Array;
  /** First position (in `order`) of each key, and the next position with the same key (-1: none). */
  head: Map<string, number>;
  next: Int32Array;
  claimed: Uint8Array;
}

function sideRun(side: Side, rows: EntryRows, positions: readonly number[]): SideRun {
  const n = positions.length;
  const days = new Float64Array(n);
  const rowNumbers = new Float64Array(n);
  const sheets: string[] = new Array(n);
  let oneSheet = true;
  for (let k = 0; k < n; k++) {
    const at = positions[k];
    const date = rows.dateAt(at);
    // Undated rows sort last, as in `compareItems`.
    days[k] = date === null ? Infinity : fastEpochDay(date);
    rowNumbers[k] = rows.rowAt(at);
    sheets[k] = rows.sheetAt(at);
    if (sheets[k] !== sheets[0]) oneSheet = false;
  }
  const idx: number[] = new Array(n);
  for (let k = 0; k < n; k++) idx[k] = k;
  idx.sort((a, b) => {
    const da = days[a];
    const db = days[b];
    if (da !== db) return da < db ? -1 : 1;
    if (!oneSheet && sheets[a] !== sheets[b]) return sheets[a] < sheets[b] ? -1 : 1;
    return rowNumbers[a] - rowNumbers[b] || a - b;
  });
  const order: number[] = new Array(n);
  const keys: (string | null)[] = new Array(n);
  const amounts = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const at = positions[idx[p]];
    order[p] = at;
    keys[p] = refKeyAt(rows, at);
    amounts[p] = rows.amountAt(at);
  }
  const head = new Map<string, number>();
  const next = new Int32Array(n);
  for (let p = n - 1; p >= 0; p--) {
    const key = keys[p];
    if (key === null) {
      next[p] = -1;
      continue;
    }
    const h = head.get(key);
    next[p] = h === undefined ? -1 : h;
    head.set(key, p);
  }
  return { side, rows, order, keys, amounts, head, next, claimed: new Uint8Array(n) };
}

/** Rows of `run` with reference `key` and `amount` (positions in order). */
function countAmount(run: SideRun, key: string, amount: number): number {
  let count = 0;
  for (let p = run.head.get(key) ?? -1; p >= 0; p = run.next[p]) if (run.amounts[p] === amount) count++;
  return count;
}

function flagDuplicates(mine: SideRun, theirs: SideRun, out: Difference[], flagged: number[]): void {
  // The engine goes through the references in order of their first row, then amounts in order of theirs.
  for (let first = 0; first < mine.order.length; first++) {
    const key = mine.keys[first];
    if (key === null || mine.head.get(key) !== first || mine.next[first] < 0) continue;
    const seen: number[] = [];
    for (let p = first; p >= 0; p = mine.next[p]) {
      const amount = mine.amounts[p];
      if (seen.includes(amount)) continue;
      seen.push(amount);
      let original = -1;
      let count = 0;
      const keep = Math.max(1, countAmount(theirs, key, amount));
      for (let q = p; q >= 0; q = mine.next[q]) {
        if (mine.amounts[q] !== amount) continue;
        if (original < 0) original = q;
        if (count++ < keep) continue;
        flagged.push(q);
        out.push(duplicateDifference(mine, q, original));
      }
    }
  }
}

function duplicateDifference(run: SideRun, p: number, original: number): Difference {
  const isLedger = run.side === "ledger";
  const row = run.rows.rowAt(run.order[p]);
  const amount = run.amounts[p];
  return {
    kind: "duplicate",
    ledgerRows: isLedger ? [row] : [],
    statementRows: isLedger ? [] : [row],
    amount: isLedger ? amount : -amount,
    ledgerAmount: isLedger ? amount : 0,
    statementAmount: isLedger ? 0 : amount,
    reason: duplicateReason(run.side, row, run.rows.rowAt(run.order[original])),
    rule: null,
    duplicateOf: run.rows.rowAt(run.order[original]),
    otherDealer: null,
  };
}

/**
 * Duplicates and pass 1 for one dealer's rows (`ledger`/`statement`: positions into each side's rows).
 * Valid only when no confirmed decision is applied first (those claim rows before the duplicates).
 */
export function prematch(lRows: EntryRows, ledger: readonly number[], sRows: EntryRows, statement: readonly number[]): Prematched {
  const L = sideRun("ledger", lRows, ledger);
  const S = sideRun("statement", sRows, statement);
  const duplicates: Difference[] = [];
  // Both sides' counts are taken before either side's duplicates are set aside.
  const lFlagged: number[] = [];
  const sFlagged: number[] = [];
  flagDuplicates(L, S, duplicates, lFlagged);
  flagDuplicates(S, L, duplicates, sFlagged);
  for (const p of lFlagged) L.claimed[p] = 1;
  for (const p of sFlagged) S.claimed[p] = 1;

  const matches = new MatchList();
  // Per reference shared by many statement rows: the next free row of each amount (a scan per row would grow with the square).
  const cursors = new Map<string, Map<number, { items: number[]; next: number }>>();
  for (let p = 0; p < L.order.length; p++) {
    const key = L.keys[p];
    if (key === null || L.claimed[p] !== 0) continue;
    const h = S.head.get(key);
    if (h === undefined) continue;
    const amount = L.amounts[p];
    let found = -1;
    if (S.next[h] < 0) {
      if (S.claimed[h] === 0 && S.amounts[h] === amount) found = h;
    } else {
      let length = 0;
      for (let q = h; q >= 0 && length <= 8; q = S.next[q]) length++;
      if (length <= 8) {
        for (let q = h; q >= 0; q = S.next[q]) {
          if (S.claimed[q] === 0 && S.amounts[q] === amount) {
            found = q;
            break;
          }
        }
      } else {
        let byAmount = cursors.get(key);
        if (byAmount === undefined) {
          byAmount = new Map();
          for (let q = h; q >= 0; q = S.next[q]) {
            const c = byAmount.get(S.amounts[q]);
            if (c) c.items.push(q);
            else byAmount.set(S.amounts[q], { items: [q], next: 0 });
          }
          cursors.set(key, byAmount);
        }
        const c = byAmount.get(amount);
        if (c !== undefined) {
          while (c.next < c.items.length && S.claimed[c.items[c.next]] !== 0) c.next++;
          if (c.next < c.items.length) found = c.items[c.next];
        }
      }
    }
    if (found < 0) continue;
    L.claimed[p] = 1;
    S.claimed[found] = 1;
    matches.pushPair("reference", lRows.rowAt(L.order[p]), sRows.rowAt(S.order[found]), amount);
  }
  const left = (run: SideRun) => {
    const out: number[] = [];
    for (let p = 0; p < run.order.length; p++) if (run.claimed[p] === 0) out.push(run.order[p]);
    return out;
  };
  return { matches, duplicates, ledgerLeft: left(L), statementLeft: left(S) };
}
