/**
 * The bench's second reference for reconcile: the exact-reference part of the job (the join DuckDB runs) written
 * as plainly and as fast as JavaScript on one thread allows, with nothing else a reconciliation needs (no reading
 * of real ledgers' layouts, no duplicates, no reasons, no balances). Its time is the floor of this platform on this
 * machine for the part DuckDB does: reconcile's ratio to it says how much the rest of the work costs, and DuckDB's
 * ratio to it how much a native, multi-threaded engine gains over any JavaScript.
 *
 * It counts as the reference query counts (a full outer join on dealer and reference, rows without a reference
 * left out, several rows with one key each paired with each), so its `matched` must equal DuckDB's.
 */
import * as fs from "fs";

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const DOT = 0x2e;
const MINUS = 0x2d;
const ZERO = 0x30;

interface Side {
  /** Key (dealer and reference bytes) → first row with it; `next[row]` chains the others. */
  first: Map<string, number>;
  next: Int32Array;
  amounts: Float64Array;
  rows: number;
}

/** An amount in fen from a field's bytes ("30505.92", "-12.5", ""); NaN when it is not a plain number. */
function fenOf(b: Buffer, from: number, to: number): number {
  if (from === to) return 0;
  let sign = 1;
  let i = from;
  if (b[i] === MINUS) {
    sign = -1;
    i++;
  }
  let v = 0;
  let decimals = -1;
  for (; i < to; i++) {
    const c = b[i];
    if (c === DOT && decimals < 0) decimals = 0;
    else if (c >= ZERO && c <= ZERO + 9) {
      v = v * 10 + (c - ZERO);
      if (decimals >= 0) decimals++;
    } else return NaN;
  }
  if (decimals <= 0) return sign * v * 100;
  return sign * (decimals === 1 ? v * 10 : decimals === 2 ? v : Math.round(v / 10 ** (decimals - 2)));
}

/**
 * Reads one CSV side (header row first; columns: dealer, date, reference, 摘要, debit, credit) into a
 * multimap of dealer + reference → signed amounts. Quoted fields are honoured.
 */
function readSide(file: string): Side {
  const b = fs.readFileSync(file);
  const n = b.length;
  const first = new Map<string, number>();
  let capacity = 1 << 16;
  let next = new Int32Array(capacity);
  let amounts = new Float64Array(capacity);
  let rows = 0;
  const starts = new Int32Array(7);
  const ends = new Int32Array(7);
  let i = b.indexOf(LF) + 1;
  while (i > 0 && i < n) {
    let field = 0;
    // Field bounds of one record; a quoted field's bounds are inside its quotes (escaped quotes are rare
    // enough in these columns to be kept as written).
    for (;;) {
      let start = i;
      let end: number;
      if (b[i] === QUOTE) {
        start = ++i;
        while (i < n && !(b[i] === QUOTE && b[i + 1] !== QUOTE)) i += b[i] === QUOTE ? 2 : 1;
        end = i++;
      } else {
        while (i < n && b[i] !== COMMA && b[i] !== LF) i++;
        end = i > start && b[i - 1] === CR ? i - 1 : i;
      }
      if (field < 7) {
        starts[field] = start;
        ends[field] = end;
      }
      field++;
      if (i >= n || b[i] === LF) {
        i++;
        break;
      }
      i++;
    }
    if (field < 6 || ends[2] === starts[2]) continue;
    if (rows === capacity) {
      capacity *= 2;
      const grownNext = new Int32Array(capacity);
      grownNext.set(next);
      next = grownNext;
      const grownAmounts = new Float64Array(capacity);
      grownAmounts.set(amounts);
      amounts = grownAmounts;
    }
    const debit = fenOf(b, starts[4], ends[4]);
    const credit = fenOf(b, starts[5], ends[5]);
    amounts[rows] = (Number.isNaN(debit) ? 0 : debit) - (Number.isNaN(credit) ? 0 : credit);
    // Bytes as Latin-1: equal keys are equal bytes, without decoding UTF-8.
    const key = b.toString("latin1", starts[0], ends[0]) + "\u0000" + b.toString("latin1", starts[2], ends[2]);
    const seen = first.get(key);
    next[rows] = seen === undefined ? -1 : seen;
    first.set(key, rows);
    rows++;
  }
  return { first, next, amounts, rows };
}

export interface FloorResult {
  matched: number;
  mismatched: number;
  ledgerOnly: number;
  statementOnly: number;
}

/** The reference query's four counts, for the ledger and statement CSVs of the bench's pair. */
export function floorJoin(ledgerFile: string, statementFile: string): FloorResult {
  const ledger = readSide(ledgerFile);
  const statement = readSide(statementFile);
  let matched = 0;
  let mismatched = 0;
  let ledgerOnly = 0;
  let statementOnly = 0;
  for (const [key, firstLedger] of ledger.first) {
    const firstStatement = statement.first.get(key);
    for (let l = firstLedger; l >= 0; l = ledger.next[l]) {
      if (firstStatement === undefined) {
        ledgerOnly++;
        continue;
      }
      for (let s = firstStatement; s >= 0; s = statement.next[s]) {
        if (ledger.amounts[l] === statement.amounts[s]) matched++;
        else mismatched++;
      }
    }
  }
  for (const [key, firstStatement] of statement.first) {
    if (ledger.first.has(key)) continue;
    for (let s = firstStatement; s >= 0; s = statement.next[s]) statementOnly++;
  }
  return { matched, mismatched, ledgerOnly, statementOnly };
}
