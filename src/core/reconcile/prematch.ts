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
import { EntryColumns, type EntryRows } from "../read/entries";
import { fastEpochDay } from "./engine";
import { MatchList } from "./matches";
import { duplicateReason } from "./reasons";
import { refKey } from "./refs";
import { refKeyHash } from "../values/refs";
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
  amounts: Float64Array;
  /** Per position: the text its key is read from (see `emitKey`), or null when the row has no key. */
  keyText: (string | null)[];
  /** 1 when `keyText` is the raw ASCII reference cell to fold, 0 when it is the key itself. */
  raw: Uint8Array;
  hashes: Int32Array;
  /** Open-addressing table (its first `size` slots) of the first position of each key; `next` chains the later ones, in order. */
  slots: Int32Array;
  size: number;
  next: Int32Array;
  isHead: Uint8Array;
  claimed: Uint8Array;
}

let scratchA = new Uint16Array(64);
let scratchB = new Uint16Array(64);

/**
 * The key's characters into scratch `which` (A or B, grown when short); returns their number. Raw
 * cells are folded as `plainRefKeyHash` folds them (upper case, letters and digits only, a digit run's
 * leading zeros dropped, a run of zeros only kept as one `0`); keys are copied as they are. Only
 * called when two hashes agree, to make sure the keys do too.
 */
function emitKey(text: string, raw: boolean, which: 0 | 1): number {
  let out = which === 0 ? scratchA : scratchB;
  if (out.length < text.length) {
    out = new Uint16Array(text.length * 2);
    if (which === 0) scratchA = out;
    else scratchB = out;
  }
  if (!raw) {
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return text.length;
  }
  let len = 0;
  let inRun = false;
  let runLen = 0;
  let zeros = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c >= 48 && c <= 57) {
      if (!inRun) {
        inRun = true;
        runLen = 0;
        zeros = 0;
      }
      if (c === 48 && runLen === 0) {
        zeros++;
        continue;
      }
      out[len++] = c;
      runLen++;
    } else if (c >= 65 && c <= 90) {
      if (inRun && runLen === 0 && zeros > 0) out[len++] = 48;
      inRun = false;
      out[len++] = c;
    }
  }
  if (inRun && runLen === 0 && zeros > 0) out[len++] = 48;
  return len;
}

function sameKey(a: SideRun, p: number, b: SideRun, q: number): boolean {
  const ta = a.keyText[p] as string;
  const tb = b.keyText[q] as string;
  const ra = a.raw[p] === 1;
  const rb = b.raw[q] === 1;
  if (ra === rb && ta === tb) return true;
  const la = emitKey(ta, ra, 0);
  const lb = emitKey(tb, rb, 1);
  if (la !== lb) return false;
  for (let i = 0; i < la; i++) if (scratchA[i] !== scratchB[i]) return false;
  return true;
}

/** First position of `run` with the key of `other`'s position `p`, or -1. */
function lookup(run: SideRun, other: SideRun, p: number): number {
  if (other.keyText[p] === null) return -1;
  const mask = run.size - 1;
  const h = other.hashes[p];
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const q = run.slots[slot];
    if (q < 0) return -1;
    if (run.hashes[q] === h && sameKey(run, q, other, p)) return q;
  }
}

/**
 * Typed arrays kept from one dealer to the next (one set per side): a thousand dealers each making a
 * dozen arrays is a steady stream of off-heap allocations, and each one nudges the collector.
 */
class Scratch {
  days = new Float64Array(0);
  rowNumbers = new Float64Array(0);
  amounts = new Float64Array(0);
  hashes = new Int32Array(0);
  next = new Int32Array(0);
  raw = new Uint8Array(0);
  isHead = new Uint8Array(0);
  claimed = new Uint8Array(0);
  slots = new Int32Array(0);

  reserve(n: number, size: number): void {
    if (this.days.length < n) {
      const m = Math.max(n, this.days.length * 2);
      this.days = new Float64Array(m);
      this.rowNumbers = new Float64Array(m);
      this.amounts = new Float64Array(m);
      this.hashes = new Int32Array(m);
      this.next = new Int32Array(m);
      this.raw = new Uint8Array(m);
      this.isHead = new Uint8Array(m);
      this.claimed = new Uint8Array(m);
    }
    if (this.slots.length < size) this.slots = new Int32Array(size);
  }
}

const SCRATCH = { ledger: new Scratch(), statement: new Scratch() };

/** Null when a date or an amount is not a number (hand-made entries): the engine's own order and groups then decide. */
function sideRun(side: Side, rows: EntryRows, positions: readonly number[]): SideRun | null {
  const n = positions.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const scratch = SCRATCH[side];
  scratch.reserve(n, size);
  const days = scratch.days;
  const rowNumbers = scratch.rowNumbers;
  const sheets: string[] = new Array(n);
  let oneSheet = true;
  let sorted = true;
  for (let k = 0; k < n; k++) {
    const at = positions[k];
    const date = rows.dateAt(at);
    // Undated rows sort last, as in `compareItems`.
    days[k] = date === null ? Infinity : fastEpochDay(date);
    if (days[k] !== days[k]) return null;
    rowNumbers[k] = rows.rowAt(at);
    sheets[k] = rows.sheetAt(at);
    if (sheets[k] !== sheets[0]) oneSheet = false;
    if (k > 0 && sorted && (days[k] < days[k - 1] || (days[k] === days[k - 1] && rowNumbers[k] < rowNumbers[k - 1]))) sorted = false;
  }
  const idx: number[] = new Array(n);
  for (let k = 0; k < n; k++) idx[k] = k;
  if (!sorted || !oneSheet) {
    idx.sort((a, b) => {
      const da = days[a];
      const db = days[b];
      if (da !== db) return da < db ? -1 : 1;
      if (!oneSheet && sheets[a] !== sheets[b]) return sheets[a] < sheets[b] ? -1 : 1;
      return rowNumbers[a] - rowNumbers[b] || a - b;
    });
  }
  const columns = rows instanceof EntryColumns ? rows : null;
  const order: number[] = new Array(n);
  const amounts = scratch.amounts;
  const keyText: (string | null)[] = new Array(n);
  const raw = scratch.raw;
  const hashes = scratch.hashes;
  for (let p = 0; p < n; p++) {
    const at = positions[idx[p]];
    order[p] = at;
    amounts[p] = rows.amountAt(at);
    if (amounts[p] !== amounts[p]) return null;
    // Most reference cells are plain ASCII: their key is hashed from the cell, no key string is made.
    const h = columns !== null ? columns.refHashAt(at) : NaN;
    if (h === h) {
      keyText[p] = (columns as EntryColumns).refCellAt(at);
      raw[p] = 1;
      hashes[p] = h;
    } else {
      const key = refKeyAt(rows, at);
      keyText[p] = key;
      raw[p] = 0;
      if (key !== null) hashes[p] = refKeyHash(key);
    }
  }
  const slots = scratch.slots.fill(-1, 0, size);
  const next = scratch.next.fill(-1, 0, n);
  const isHead = scratch.isHead.fill(0, 0, n);
  const claimed = scratch.claimed.fill(0, 0, n);
  const run: SideRun = { side, rows, order, amounts, keyText, raw, hashes, slots, size, next, isHead, claimed };
  const mask = size - 1;
  // From the last position back, so each chain ends up in order with its first position in the table.
  for (let p = n - 1; p >= 0; p--) {
    if (keyText[p] === null) continue;
    const h = hashes[p];
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const q = slots[slot];
      if (q < 0) {
        slots[slot] = p;
        break;
      }
      if (hashes[q] === h && sameKey(run, q, run, p)) {
        next[p] = q;
        slots[slot] = p;
        break;
      }
    }
  }
  for (let slot = 0; slot < size; slot++) if (slots[slot] >= 0) run.isHead[slots[slot]] = 1;
  return run;
}

/** Rows of `run` with the key of `other`'s position `p` and `amount`. */
function countAmount(run: SideRun, other: SideRun, p: number, amount: number): number {
  let count = 0;
  for (let q = lookup(run, other, p); q >= 0; q = run.next[q]) if (run.amounts[q] === amount) count++;
  return count;
}

function flagDuplicates(mine: SideRun, theirs: SideRun, out: Difference[], flagged: number[]): void {
  // The engine goes through the references in order of their first row, then amounts in order of theirs.
  for (let first = 0; first < mine.order.length; first++) {
    if (mine.isHead[first] === 0 || mine.next[first] < 0) continue;
    const seen: number[] = [];
    for (let p = first; p >= 0; p = mine.next[p]) {
      const amount = mine.amounts[p];
      if (seen.includes(amount)) continue;
      seen.push(amount);
      let original = -1;
      let count = 0;
      const keep = Math.max(1, countAmount(theirs, mine, first, amount));
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
 * Null when the rows hold values the engine would order or group in its own way (see `sideRun`).
 */
export function prematch(lRows: EntryRows, ledger: readonly number[], sRows: EntryRows, statement: readonly number[]): Prematched | null {
  const L = sideRun("ledger", lRows, ledger);
  if (L === null) return null;
  const S = sideRun("statement", sRows, statement);
  if (S === null) return null;
  const duplicates: Difference[] = [];
  // Both sides' counts are taken before either side's duplicates are set aside.
  const lFlagged: number[] = [];
  const sFlagged: number[] = [];
  flagDuplicates(L, S, duplicates, lFlagged);
  flagDuplicates(S, L, duplicates, sFlagged);
  for (const p of lFlagged) L.claimed[p] = 1;
  for (const p of sFlagged) S.claimed[p] = 1;

  const matches = new MatchList();
  // Per key shared by many statement rows: the next free row of each amount (a scan per row would grow with the square).
  const cursors = new Map<number, Map<number, { items: number[]; next: number }>>();
  for (let p = 0; p < L.order.length; p++) {
    if (L.keyText[p] === null || L.claimed[p] !== 0) continue;
    const h = lookup(S, L, p);
    if (h < 0) continue;
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
        let byAmount = cursors.get(h);
        if (byAmount === undefined) {
          byAmount = new Map();
          for (let q = h; q >= 0; q = S.next[q]) {
            const c = byAmount.get(S.amounts[q]);
            if (c) c.items.push(q);
            else byAmount.set(S.amounts[q], { items: [q], next: 0 });
          }
          cursors.set(h, byAmount);
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
