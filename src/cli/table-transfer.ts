/**
 * A read result handed from one thread to another. Structured cloning a million-row table copies every
 * string of it one by one; here its number columns travel as typed arrays whose memory is moved, not
 * copied, and each text column as one string: the distinct values written one after another with their
 * lengths, and per row the number of its value (a column of repeated names or dates), or every row's
 * text in turn (a column of references, nearly all different). `unpackRead` gives back a result equal
 * to the one packed, column for column.
 */
import type { EntryTable, ReadResult } from "../core/read";
import { KEY_HASH, RAW_KEY, ROW_STRIDE, type DealerColumn, type PreparedSide } from "../core/reconcile/prepare";
import type { ReadElsewhere } from "../app/reconcile";

/** A column of text (or null) as one string. */
export interface PackedStrings {
  /** Per row, the number of its value among the distinct ones (-1: null); null when every row's text is kept in turn. */
  codes: Int32Array | null;
  /** The lengths of the values in `text`, in order (-1: null, in a column kept row by row). */
  lengths: Int32Array;
  text: string;
}

export interface PackedTable {
  length: number;
  sheets: readonly string[];
  sheetIndex: Int32Array;
  rows: Int32Array;
  amounts: Float64Array;
  hidden: Uint8Array;
  afterAsOf: Uint8Array;
  dates: PackedStrings;
  refCells: PackedStrings;
  descriptions: PackedStrings;
  dealers: PackedStrings;
  reps: PackedStrings | null;
  /** NaN for null. */
  termDays: Float64Array | null;
  vouchers: PackedStrings | null;
  refLists: (readonly string[])[] | null;
}

/**
 * A side prepared for matching (`prepareSide`) beside its table: its numbers as they are, and the keys of
 * the rows whose key is not their plain reference cell (the others' key text is that cell, which travels
 * in the table). Its dealer column is the table's, which travelled coded.
 */
export interface PackedPrepared {
  numbers: Float64Array;
  /** Rows whose key text is not the reference cell, and those texts. */
  keyRows: Int32Array;
  keys: PackedStrings;
}

export type PackedRead = Omit<ReadResult, "table"> & { table: PackedTable; prepared: PackedPrepared | null };

/** Past this many distinct values (and a quarter of the rows) a column is kept row by row. */
const DICTIONARY_MIN = 1024;
const TRIAL_ROWS = 4096;

function packStrings(values: readonly (string | null)[], n: number): PackedStrings {
  const limit = Math.max(DICTIONARY_MIN, n >> 2);
  const codes = new Int32Array(n);
  const index = new Map<string, number>();
  const distinct: string[] = [];
  let last: string | null = null;
  let lastCode = -1;
  let i = 0;
  for (; i < n; i++) {
    // A column whose first rows are mostly different (references) is kept row by row from the start.
    if (i === TRIAL_ROWS && distinct.length * 2 > TRIAL_ROWS) break;
    const v = values[i];
    if (v === last) {
      codes[i] = lastCode;
      continue;
    }
    let code = -1;
    if (v !== null) {
      const known = index.get(v);
      if (known !== undefined) code = known;
      else {
        if (distinct.length >= limit) break;
        code = distinct.push(v) - 1;
        index.set(v, code);
      }
    }
    codes[i] = code;
    last = v;
    lastCode = code;
  }
  if (i === n) return { codes, lengths: Int32Array.from(distinct, (s) => s.length), text: distinct.join("") };
  // Mostly different values: every row's text in turn (joined as they are when none is null, as in a
  // column of reference cells, without a copy of the column first).
  const lengths = new Int32Array(n);
  let nulls = false;
  for (let k = 0; k < n; k++) {
    const v = values[k];
    if (v === null) nulls = true;
    lengths[k] = v === null ? -1 : v.length;
  }
  if (!nulls && values.length === n) return { codes: null, lengths, text: values.join("") };
  const parts: string[] = new Array(n);
  for (let k = 0; k < n; k++) parts[k] = values[k] ?? "";
  return { codes: null, lengths, text: parts.join("") };
}

/** The distinct values of a column kept as numbers into them, in order. */
function distinctOf(p: PackedStrings): string[] {
  const { lengths, text } = p;
  const distinct: string[] = new Array(lengths.length);
  let at = 0;
  for (let k = 0; k < lengths.length; k++) {
    distinct[k] = text.slice(at, at + lengths[k]);
    at += lengths[k];
  }
  return distinct;
}

function unpackStrings(p: PackedStrings, n: number, distinct: string[] | null = null): (string | null)[] {
  const out: (string | null)[] = new Array(n);
  const { codes, lengths, text } = p;
  let at = 0;
  if (codes === null) {
    for (let i = 0; i < n; i++) {
      const len = lengths[i];
      if (len < 0) out[i] = null;
      else {
        out[i] = text.slice(at, at + len);
        at += len;
      }
    }
    return out;
  }
  const values = distinct ?? distinctOf(p);
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    out[i] = c < 0 ? null : values[c];
  }
  return out;
}

/** A typed array that owns its memory exactly (a view into a larger one is copied), so it can be moved. */
function own<T extends Int32Array | Float64Array | Uint8Array>(a: T): T {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : (a.slice() as T);
}

/** A coded dealer column as a packed text column (the same codes, its names one after another). */
function packedDealers(d: DealerColumn): PackedStrings {
  return { codes: own(d.codes), lengths: Int32Array.from(d.names, (s) => s.length), text: d.names.join("") };
}

/**
 * The table as columns another thread can take, and the memory to move with it. `dealers`: its dealer
 * column already coded (a prepared side's), packed as it is rather than coded again.
 */
export function packTable(t: EntryTable, dealers?: DealerColumn): { table: PackedTable; transfer: ArrayBuffer[] } {
  const n = t.length;
  const termDays = t.termDays === null ? null : Float64Array.from(t.termDays, (d) => (d === null ? NaN : d));
  const table: PackedTable = {
    length: n,
    sheets: t.sheets,
    sheetIndex: own(t.sheetIndex),
    rows: own(t.rows),
    amounts: own(t.amounts),
    hidden: own(t.hidden),
    afterAsOf: own(t.afterAsOf),
    dates: packStrings(t.dates, n),
    refCells: packStrings(t.refCells, n),
    descriptions: packStrings(t.descriptions, n),
    dealers: dealers !== undefined && dealers.codes.length === n ? packedDealers(dealers) : packStrings(t.dealers, n),
    reps: t.reps === null ? null : packStrings(t.reps, n),
    termDays,
    vouchers: t.vouchers === null ? null : packStrings(t.vouchers, n),
    refLists: t.refLists === null ? null : t.refLists.slice(),
  };
  const typed = [table.sheetIndex, table.rows, table.amounts, table.hidden, table.afterAsOf, termDays, table.dates.codes, table.refCells.codes, table.descriptions.codes, table.dealers.codes, table.reps?.codes, table.vouchers?.codes];
  const lengths = [table.dates, table.refCells, table.descriptions, table.dealers, table.reps, table.vouchers].map((p) => p?.lengths);
  const transfer = new Set<ArrayBuffer>();
  for (const a of [...typed, ...lengths]) if (a) transfer.add(a.buffer as ArrayBuffer);
  return { table, transfer: [...transfer] };
}

export function unpackTable(p: PackedTable): EntryTable {
  return unpackTableAndDealers(p).table;
}

/**
 * The table, and its dealer column as numbers into its distinct names when it travelled so (the
 * matcher's dealer column, see `prepareSide`; null when the names were kept row by row).
 */
export function unpackTableAndDealers(p: PackedTable): { table: EntryTable; dealers: DealerColumn | null } {
  const n = p.length;
  const strings = (s: PackedStrings) => unpackStrings(s, n);
  const dealerNames = p.dealers.codes === null ? null : distinctOf(p.dealers);
  const termDays = p.termDays === null ? null : Array.from(p.termDays, (d) => (d === d ? d : null));
  const table: EntryTable = {
    length: n,
    sheets: p.sheets,
    sheetIndex: p.sheetIndex,
    rows: p.rows,
    amounts: p.amounts,
    dates: strings(p.dates) as EntryTable["dates"],
    refCells: strings(p.refCells) as string[],
    descriptions: strings(p.descriptions) as string[],
    dealers: unpackStrings(p.dealers, n, dealerNames),
    reps: p.reps === null ? null : strings(p.reps),
    termDays,
    vouchers: p.vouchers === null ? null : strings(p.vouchers),
    hidden: p.hidden,
    afterAsOf: p.afterAsOf,
    refLists: p.refLists,
  };
  return { table, dealers: dealerNames === null || p.dealers.codes === null ? null : { names: dealerNames, codes: p.dealers.codes } };
}

/** The prepared side's numbers and the keys that are not the rows' reference cells, ready to post. */
function packPrepared(p: PreparedSide): PackedPrepared {
  const n = p.table.length;
  const rows: number[] = [];
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    const text = p.text[i];
    if (text !== null && p.numbers[i * ROW_STRIDE + KEY_HASH] < RAW_KEY / 2) {
      rows.push(i);
      keys.push(text);
    }
  }
  return { numbers: own(p.numbers), keyRows: Int32Array.from(rows), keys: packStrings(keys, keys.length) };
}

/**
 * The prepared side of `table` (the unpacked table it came with): a row's key text is its reference cell
 * where its hash was taken from the cell, else the key that travelled. Throws when the parts do not fit
 * the table, which is then read again here.
 */
function unpackPrepared(p: PackedPrepared, table: EntryTable, dealers: DealerColumn | null): PreparedSide {
  const n = table.length;
  const keyCount = p.keys.codes === null ? p.keys.lengths.length : p.keys.codes.length;
  if (dealers === null || dealers.codes.length !== n || p.numbers.length !== n * ROW_STRIDE || keyCount !== p.keyRows.length) throw new RangeError("prepared rows out of step with their table");
  const text: (string | null)[] = new Array(n);
  const numbers = p.numbers;
  const cells = table.refCells;
  for (let i = 0; i < n; i++) text[i] = numbers[i * ROW_STRIDE + KEY_HASH] >= RAW_KEY / 2 ? cells[i] : null;
  const keys = unpackStrings(p.keys, p.keyRows.length);
  for (let k = 0; k < keys.length; k++) {
    const i = p.keyRows[k];
    // A row whose key is its reference cell takes no other key.
    if (!(i >= 0 && i < n) || numbers[i * ROW_STRIDE + KEY_HASH] >= RAW_KEY / 2) throw new RangeError("prepared key out of its table");
    text[i] = keys[k];
  }
  return { table, dealers, numbers, text };
}

/**
 * A read result ready to post to another thread, with the memory to move; with `prepared` (its table's
 * rows prepared for matching), that too, so the receiver need not prepare them again.
 */
export function packRead(read: ReadResult, prepared?: PreparedSide): { read: PackedRead; transfer: ArrayBuffer[] } {
  const ours = prepared !== undefined && prepared.table === read.table ? prepared : undefined;
  const { table, transfer } = packTable(read.table, ours?.dealers);
  const packedPrepared = ours === undefined ? null : packPrepared(ours);
  if (packedPrepared !== null) {
    for (const a of [packedPrepared.numbers, packedPrepared.keyRows, packedPrepared.keys.codes, packedPrepared.keys.lengths]) {
      if (a !== null && !transfer.includes(a.buffer as ArrayBuffer)) transfer.push(a.buffer as ArrayBuffer);
    }
  }
  return { read: { ...read, table, prepared: packedPrepared }, transfer };
}

export function unpackRead(packed: PackedRead): ReadElsewhere {
  const { prepared: packedPrepared, ...rest } = packed;
  const { table, dealers } = unpackTableAndDealers(packed.table);
  const prepared = packedPrepared ? unpackPrepared(packedPrepared, table, dealers) : null;
  return { read: { ...rest, table }, dealers, prepared };
}
