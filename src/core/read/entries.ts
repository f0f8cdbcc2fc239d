/**
 * The reader's entries, column by column. A million entries as objects (each with its `refs` array and
 * normalised reference copies) are millions of long-lived allocations; most work (reconciliation,
 * balances, aging) needs a handful of fields per row, and the full entry only for the rows it reports
 * on. So the reader's one output is this table, and `entriesOf` / `entryAt` make plain entry objects
 * for code that wants them, with exactly the values the reader would have put in them.
 */
import type { Entry, Fen, IsoDate } from "../model";
import { fenAt } from "../money";
import { extractRefs, normaliseRef } from "../values/refs";
import type { ReadEntry } from "./types";

/**
 * Entries as columns: entry `i` is the `i`-th slot of every column, in sheet order (a table combined
 * from month sheets: sheet after sheet). Columns are never changed once the table is made.
 */
export interface EntryTable {
  readonly length: number;
  /** The sheets the entries come from, each once; `sheetIndex[i]` is entry `i`'s position in it. */
  readonly sheets: readonly string[];
  readonly sheetIndex: Int32Array;
  /** Excel row number of each entry on its sheet. */
  readonly rows: Int32Array;
  /** Signed amount in fen, our sign. */
  readonly amounts: Float64Array;
  readonly dates: readonly (IsoDate | null)[];
  /** The reference cell's text as read, `""` when blank or when the sheet has no reference column. */
  readonly refCells: readonly string[];
  readonly descriptions: readonly string[];
  readonly dealers: readonly (string | null)[];
  /** Null when the sheet has no such column (then every entry has null). */
  readonly reps: readonly (string | null)[] | null;
  readonly termDays: readonly (number | null)[] | null;
  readonly vouchers: readonly (string | null)[] | null;
  /** 1 for a row hidden in the sheet, else 0. */
  readonly hidden: Uint8Array;
  /** 1 for an entry dated after the read's `asOf` (listed, not in `closingBalance`), else 0. */
  readonly afterAsOf: Uint8Array;
  /**
   * Each entry's `refs` as given, for a table made from entries built by hand (`tableOf`): then `ref`
   * is `refCells[i]` (null when `""`). Null in the reader's tables, whose references follow the
   * reader's rule (see `refsAt`): the reference cell, then those found in the 摘要.
   */
  readonly refLists: readonly (readonly string[])[] | null;
}

/** An empty table (no sheet). */
export function emptyTable(): EntryTable {
  return new EntryTableBuilder("", { rep: false, term: false, voucher: false }, 0).finish();
}

/** Entry `i`'s signed amount in fen, our sign: the one way an amount is read out of the `amounts` column. */
export function amountAt(table: EntryTable, i: number): Fen {
  return fenAt(table.amounts, i);
}

/** The sheet of entry `i`. */
export function sheetAt(table: EntryTable, i: number): string {
  return table.sheets[table.sheetIndex[i]];
}

/** How many distinct 摘要s a `TableRefs` keeps the references of (then it starts over). */
const FOUND_CACHE_SIZE = 20_000;

/**
 * Reference lookups over one table. References in the 摘要 are found when asked for; a ledger repeats
 * its 摘要s (销售出库, 收到货款 …), so each one's are kept, in this reader only (one per caller, no shared
 * state), up to `FOUND_CACHE_SIZE` of them.
 */
export class TableRefs {
  private lastDescription: string | null = null;
  private lastFound: string[] = [];
  /** Null once the 摘要s have shown they do not repeat (each carrying its own document number). */
  private known: Map<string, string[]> | null = new Map();
  private misses = 0;
  private hits = 0;

  constructor(readonly table: EntryTable) {}

  /** References written in entry `i`'s 摘要, as found there (not normalised). Shared: never changed. */
  private found(i: number): string[] {
    const description = this.table.descriptions[i];
    if (description !== this.lastDescription) {
      let found = this.known === null ? undefined : this.known.get(description);
      if (found === undefined) {
        found = extractRefs(description);
        this.remember(description, found);
      } else this.hits++;
      this.lastDescription = description;
      this.lastFound = found;
    }
    return this.lastFound;
  }

  private remember(description: string, found: string[]): void {
    if (this.known === null) return;
    if (++this.misses === 4096 && this.hits < this.misses) {
      this.known = null;
      return;
    }
    if (this.known.size >= FOUND_CACHE_SIZE) this.known.clear();
    this.known.set(description, found);
  }

  /** `Entry.ref`: the reference cell as written, else the first reference found in the 摘要, else null. */
  refAt(i: number): string | null {
    const cell = this.table.refCells[i];
    if (this.table.refLists !== null) return cell === "" ? null : cell;
    if (cell !== "") return cell;
    const found = this.found(i);
    return found.length > 0 ? found[0] : null;
  }

  /** `Entry.refs`: every reference of the row, normalised, the reference cell's first. */
  refsAt(i: number): string[] {
    if (this.table.refLists !== null) return this.table.refLists[i] as string[];
    const cell = this.table.refCells[i];
    const refs: string[] = [];
    if (cell !== "") {
      const n = normaliseRef(cell);
      if (n !== "") refs.push(n);
    }
    for (const f of this.found(i)) {
      const n = normaliseRef(f);
      if (n !== "" && !refs.includes(n)) refs.push(n);
    }
    return refs;
  }

  /** `refs[0]` when there is one, else `ref`: the reference the reconciliation keys a row by. */
  primaryRefAt(i: number): string | null {
    if (this.table.refLists !== null) {
      const refs = this.table.refLists[i];
      if (refs.length > 0) return refs[0];
      const cell = this.table.refCells[i];
      return cell === "" ? null : cell;
    }
    const cell = this.table.refCells[i];
    if (cell !== "") {
      const n = normaliseRef(cell);
      if (n !== "") return n;
    }
    const found = this.found(i);
    for (const f of found) {
      const n = normaliseRef(f);
      if (n !== "") return n;
    }
    return cell !== "" ? cell : found.length > 0 ? found[0] : null;
  }

  /** Entry `i` as an object, with exactly the fields and values the reader gives an entry. */
  entryAt(i: number): ReadEntry {
    const t = this.table;
    return {
      sheet: t.sheets[t.sheetIndex[i]],
      row: t.rows[i],
      date: t.dates[i],
      ref: this.refAt(i),
      refs: this.refsAt(i),
      description: t.descriptions[i],
      amount: amountAt(t, i),
      dealer: t.dealers[i],
      rep: t.reps ? t.reps[i] : null,
      termDays: t.termDays ? t.termDays[i] : null,
      voucher: t.vouchers ? t.vouchers[i] : null,
      hidden: t.hidden[i] === 1,
      afterAsOf: t.afterAsOf[i] === 1,
    };
  }
}

/** Entry `i` as an object (for one or a few rows; `entriesOf` for all of them). */
export function entryAt(table: EntryTable, i: number): ReadEntry {
  return new TableRefs(table).entryAt(i);
}

/** Every entry of the table as an object, in table order. */
export function entriesOf(table: EntryTable): ReadEntry[] {
  const refs = new TableRefs(table);
  const out: ReadEntry[] = new Array(table.length);
  for (let i = 0; i < table.length; i++) out[i] = refs.entryAt(i);
  return out;
}

/**
 * A table holding the given entries (built by hand, or kept from an older read): `entriesOf` gives
 * them back with the same values (`voucher` null, `hidden` and `afterAsOf` false when they lack them).
 */
export function tableOf(entries: readonly (Entry | ReadEntry)[]): EntryTable {
  const n = entries.length;
  const sheets: string[] = [];
  const sheetIndex = new Int32Array(n);
  const rows = new Int32Array(n);
  const amounts = new Float64Array(n);
  const hidden = new Uint8Array(n);
  const afterAsOf = new Uint8Array(n);
  const dates: (IsoDate | null)[] = new Array(n);
  const refCells: string[] = new Array(n);
  const descriptions: string[] = new Array(n);
  const dealers: (string | null)[] = new Array(n);
  const reps: (string | null)[] = new Array(n);
  const termDays: (number | null)[] = new Array(n);
  const vouchers: (string | null)[] = new Array(n);
  const refLists: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const e = entries[i] as Partial<ReadEntry> & Entry;
    let s = sheets.indexOf(e.sheet);
    if (s < 0) s = sheets.push(e.sheet) - 1;
    sheetIndex[i] = s;
    rows[i] = e.row;
    amounts[i] = e.amount;
    dates[i] = e.date;
    refCells[i] = e.ref ?? "";
    refLists[i] = e.refs;
    descriptions[i] = e.description;
    dealers[i] = e.dealer;
    reps[i] = e.rep;
    termDays[i] = e.termDays;
    vouchers[i] = e.voucher ?? null;
    hidden[i] = e.hidden === true ? 1 : 0;
    afterAsOf[i] = e.afterAsOf === true ? 1 : 0;
  }
  return { length: n, sheets, sheetIndex, rows, amounts, dates, refCells, descriptions, dealers, reps, termDays, vouchers, hidden, afterAsOf, refLists };
}

/** The entries of `table` at the given positions (in that order), as a table of their own. */
export function pickRows(table: EntryTable, positions: readonly number[]): EntryTable {
  const n = positions.length;
  const pickTyped = <T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T => {
    for (let k = 0; k < n; k++) to[k] = from[positions[k]];
    return to;
  };
  const pick = <T>(from: readonly T[]): T[] => {
    const to: T[] = new Array(n);
    for (let k = 0; k < n; k++) to[k] = from[positions[k]];
    return to;
  };
  return {
    length: n,
    sheets: table.sheets,
    sheetIndex: pickTyped(table.sheetIndex, new Int32Array(n)),
    rows: pickTyped(table.rows, new Int32Array(n)),
    amounts: pickTyped(table.amounts, new Float64Array(n)),
    dates: pick(table.dates),
    refCells: pick(table.refCells),
    descriptions: pick(table.descriptions),
    dealers: pick(table.dealers),
    reps: table.reps ? pick(table.reps) : null,
    termDays: table.termDays ? pick(table.termDays) : null,
    vouchers: table.vouchers ? pick(table.vouchers) : null,
    hidden: pickTyped(table.hidden, new Uint8Array(n)),
    afterAsOf: pickTyped(table.afterAsOf, new Uint8Array(n)),
    refLists: table.refLists ? pick(table.refLists) : null,
  };
}

/** Tables one after another (a ledger kept one sheet per month), as one. */
export function concatTables(tables: readonly EntryTable[]): EntryTable {
  if (tables.length === 1) return tables[0];
  const n = tables.reduce((t, x) => t + x.length, 0);
  const sheets: string[] = [];
  const sheetIndex = new Int32Array(n);
  const rows = new Int32Array(n);
  const amounts = new Float64Array(n);
  const hidden = new Uint8Array(n);
  const afterAsOf = new Uint8Array(n);
  const dates: (IsoDate | null)[] = [];
  const refCells: string[] = [];
  const descriptions: string[] = [];
  const dealers: (string | null)[] = [];
  const anyOf = (has: (t: EntryTable) => boolean) => tables.some(has);
  const reps: (string | null)[] | null = anyOf((t) => t.reps !== null) ? [] : null;
  const termDays: (number | null)[] | null = anyOf((t) => t.termDays !== null) ? [] : null;
  const vouchers: (string | null)[] | null = anyOf((t) => t.vouchers !== null) ? [] : null;
  const refLists: (readonly string[])[] | null = anyOf((t) => t.refLists !== null) ? [] : null;
  let at = 0;
  for (const t of tables) {
    const refs = refLists ? new TableRefs(t) : null;
    for (let i = 0; i < t.length; i++) {
      const name = t.sheets[t.sheetIndex[i]];
      let s = sheets.indexOf(name);
      if (s < 0) s = sheets.push(name) - 1;
      sheetIndex[at + i] = s;
      dates.push(t.dates[i]);
      // A table with references given by hand makes every part of the combined one give its own.
      refCells.push(refs ? (refs.refAt(i) ?? "") : t.refCells[i]);
      if (refLists && refs) refLists.push(refs.refsAt(i));
      descriptions.push(t.descriptions[i]);
      dealers.push(t.dealers[i]);
      reps?.push(t.reps ? t.reps[i] : null);
      termDays?.push(t.termDays ? t.termDays[i] : null);
      vouchers?.push(t.vouchers ? t.vouchers[i] : null);
    }
    rows.set(t.rows, at);
    amounts.set(t.amounts, at);
    hidden.set(t.hidden, at);
    afterAsOf.set(t.afterAsOf, at);
    at += t.length;
  }
  return { length: n, sheets, sheetIndex, rows, amounts, dates, refCells, descriptions, dealers, reps, termDays, vouchers, hidden, afterAsOf, refLists };
}

/**
 * Fills a table row by row (the reader's, one per read). Sized once from the number of rows to read:
 * growing million-slot arrays step by step costs more than filling them.
 */
export class EntryTableBuilder {
  private length = 0;
  private capacity: number;
  private rows: Int32Array;
  private amounts: Float64Array;
  private hidden: Uint8Array;
  private afterAsOf: Uint8Array;
  // Plain arrays made at their full size (then filled in place, cut to length at the end): pushing a
  // million values grows each of them a dozen times over.
  private readonly dates: (IsoDate | null)[];
  private readonly refCells: string[];
  private readonly descriptions: string[];
  private readonly dealers: (string | null)[];
  private readonly reps: (string | null)[] | null;
  private readonly termDays: (number | null)[] | null;
  private readonly vouchers: (string | null)[] | null;

  constructor(
    private readonly sheet: string,
    has: { rep: boolean; term: boolean; voucher: boolean },
    capacity: number,
  ) {
    const n = Math.max(16, capacity);
    this.capacity = n;
    this.rows = new Int32Array(n);
    this.amounts = new Float64Array(n);
    this.hidden = new Uint8Array(n);
    this.afterAsOf = new Uint8Array(n);
    this.dates = new Array(n);
    this.refCells = new Array(n);
    this.descriptions = new Array(n);
    this.dealers = new Array(n);
    this.reps = has.rep ? new Array(n) : null;
    this.termDays = has.term ? new Array(n) : null;
    this.vouchers = has.voucher ? new Array(n) : null;
  }

  private grow(): void {
    const n = this.capacity * 2;
    const rows = new Int32Array(n);
    rows.set(this.rows);
    this.rows = rows;
    const amounts = new Float64Array(n);
    amounts.set(this.amounts);
    this.amounts = amounts;
    const hidden = new Uint8Array(n);
    hidden.set(this.hidden);
    this.hidden = hidden;
    const afterAsOf = new Uint8Array(n);
    afterAsOf.set(this.afterAsOf);
    this.afterAsOf = afterAsOf;
    this.capacity = n;
  }

  add(
    row: number,
    date: IsoDate | null,
    refCell: string,
    description: string,
    amount: Fen,
    dealer: string | null,
    rep: string | null,
    termDays: number | null,
    voucher: string | null,
    hidden: boolean,
    afterAsOf: boolean,
  ): void {
    const i = this.length;
    if (i === this.capacity) this.grow();
    this.rows[i] = row;
    this.amounts[i] = amount;
    this.hidden[i] = hidden ? 1 : 0;
    this.afterAsOf[i] = afterAsOf ? 1 : 0;
    // Past the capacity plain arrays grow on their own.
    this.dates[i] = date;
    this.refCells[i] = refCell;
    this.descriptions[i] = description;
    this.dealers[i] = dealer;
    if (this.reps) this.reps[i] = rep;
    if (this.termDays) this.termDays[i] = termDays;
    if (this.vouchers) this.vouchers[i] = voucher;
    this.length = i + 1;
  }

  finish(): EntryTable {
    const n = this.length;
    for (const column of [this.dates, this.refCells, this.descriptions, this.dealers, this.reps, this.termDays, this.vouchers]) if (column) column.length = n;
    return {
      length: n,
      sheets: [this.sheet],
      sheetIndex: new Int32Array(n),
      rows: this.rows.subarray(0, n),
      amounts: this.amounts.subarray(0, n),
      dates: this.dates,
      refCells: this.refCells,
      descriptions: this.descriptions,
      dealers: this.dealers,
      reps: this.reps,
      termDays: this.termDays,
      vouchers: this.vouchers,
      hidden: this.hidden.subarray(0, n),
      afterAsOf: this.afterAsOf.subarray(0, n),
      refLists: null,
    };
  }
}
