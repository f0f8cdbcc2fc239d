/**
 * Entries kept column by column. A million entries as objects (each with its `refs` array and a
 * normalised copy of its reference) are millions of long-lived allocations, the dearest thing a large
 * reconciliation does; the engine needs a handful of fields per row and the full entries only for the
 * rows it reports on. With `ReadOptions.lazyEntries` the reader fills these columns and builds
 * `ReadResult.entries` only when someone reads it, with exactly the values it would have had.
 */
import type { Fen, IsoDate } from "../model";
import { extractRefs, normaliseRef, plainRefKeyHash } from "../values/refs";
import type { ReadEntry, ReadResult } from "./types";

/** Row access shared by the reader's columns and plain entry arrays (see `entryRows`). */
export interface EntryRows {
  readonly length: number;
  sheetAt(i: number): string;
  rowAt(i: number): number;
  dateAt(i: number): IsoDate | null;
  amountAt(i: number): Fen;
  dealerAt(i: number): string | null;
  descriptionAt(i: number): string;
  /** `refs[0]` when there is one, else `ref`: the reference the engine keys a row by. */
  primaryRefAt(i: number): string | null;
  refsAt(i: number): readonly string[];
}

const HIDDEN = 1;
const AFTER_AS_OF = 2;

export class EntryColumns implements EntryRows {
  length = 0;
  // Sized once from the number of rows to read: growing million-slot arrays step by step costs more
  // than filling them.
  private capacity: number;
  private rows: Int32Array;
  private amounts: Float64Array;
  /** `plainRefKeyHash` of each reference cell (NaN for most cells that are not plain ASCII). */
  private refHashes: Float64Array;
  private flags: Uint8Array;
  private dates: (IsoDate | null)[];
  /** The reference cell's text, `""` when blank. */
  private refCells: string[];
  private descriptions: string[];
  private dealers: (string | null)[];
  /** Only for sheets that have these columns; else every entry has null. */
  private reps: (string | null)[] | null;
  private terms: (number | null)[] | null;
  private vouchers: (string | null)[] | null;
  private lastDescription = "";
  private lastFound: string[] = [];

  constructor(
    readonly sheet: string,
    has: { rep: boolean; term: boolean; voucher: boolean },
    capacity: number,
  ) {
    const n = Math.max(16, capacity);
    this.capacity = n;
    this.rows = new Int32Array(n);
    this.amounts = new Float64Array(n);
    this.refHashes = new Float64Array(n);
    this.flags = new Uint8Array(n);
    this.dates = new Array(n);
    this.refCells = new Array(n);
    this.descriptions = new Array(n);
    this.dealers = new Array(n);
    this.reps = has.rep ? new Array(n) : null;
    this.terms = has.term ? new Array(n) : null;
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
    const refHashes = new Float64Array(n);
    refHashes.set(this.refHashes);
    this.refHashes = refHashes;
    const flags = new Uint8Array(n);
    flags.set(this.flags);
    this.flags = flags;
    this.capacity = n;
    // Plain arrays grow on their own past their initial size.
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
    this.flags[i] = (hidden ? HIDDEN : 0) | (afterAsOf ? AFTER_AS_OF : 0);
    this.dates[i] = date;
    this.refCells[i] = refCell;
    // Taken here, while the cell's text was just read, rather than by the matcher after a million others.
    this.refHashes[i] = plainRefKeyHash(refCell);
    this.descriptions[i] = description;
    this.dealers[i] = dealer;
    if (this.reps) this.reps[i] = rep;
    if (this.terms) this.terms[i] = termDays;
    if (this.vouchers) this.vouchers[i] = voucher;
    this.length = i + 1;
  }

  sheetAt(): string {
    return this.sheet;
  }

  rowAt(i: number): number {
    return this.rows[i];
  }

  dateAt(i: number): IsoDate | null {
    return this.dates[i];
  }

  amountAt(i: number): Fen {
    return this.amounts[i];
  }

  dealerAt(i: number): string | null {
    return this.dealers[i];
  }

  descriptionAt(i: number): string {
    return this.descriptions[i];
  }

  /** The reference cell's text as read, `""` when blank. */
  refCellAt(i: number): string {
    return this.refCells[i];
  }

  /** `plainRefKeyHash` of the reference cell. */
  refHashAt(i: number): number {
    return this.refHashes[i];
  }

  /** References written in the 摘要, as the reader finds them (descriptions repeat: the last one is kept). */
  private found(description: string): string[] {
    if (description !== this.lastDescription) {
      this.lastDescription = description;
      this.lastFound = extractRefs(description);
    }
    return this.lastFound;
  }

  primaryRefAt(i: number): string | null {
    const refCell = this.refCells[i];
    if (refCell !== "") {
      const n = normaliseRef(refCell);
      if (n !== "") return n;
    }
    const found = this.found(this.descriptions[i]);
    for (const f of found) {
      const n = normaliseRef(f);
      if (n !== "") return n;
    }
    return refCell !== "" ? refCell : found.length > 0 ? found[0] : null;
  }

  refsAt(i: number): string[] {
    const refCell = this.refCells[i];
    const found = this.found(this.descriptions[i]);
    const refs: string[] = [];
    if (refCell !== "") {
      const n = normaliseRef(refCell);
      if (n !== "") refs.push(n);
    }
    for (const f of found) {
      const n = normaliseRef(f);
      if (n !== "" && !refs.includes(n)) refs.push(n);
    }
    return refs;
  }

  entryAt(i: number): ReadEntry {
    const refCell = this.refCells[i];
    const found = this.found(this.descriptions[i]);
    const flags = this.flags[i];
    return {
      sheet: this.sheet,
      row: this.rows[i],
      date: this.dates[i],
      ref: refCell !== "" ? refCell : found.length > 0 ? found[0] : null,
      refs: this.refsAt(i),
      description: this.descriptions[i],
      amount: this.amounts[i],
      dealer: this.dealers[i],
      rep: this.reps ? this.reps[i] : null,
      termDays: this.terms ? this.terms[i] : null,
      voucher: this.vouchers ? this.vouchers[i] : null,
      hidden: (flags & HIDDEN) !== 0,
      afterAsOf: (flags & AFTER_AS_OF) !== 0,
    };
  }

  entries(): ReadEntry[] {
    const out: ReadEntry[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.entryAt(i);
    return out;
  }
}

/** Plain entries (built by hand, or read eagerly) through the same row access. */
export function entryRows(entries: readonly ReadEntry[] | readonly import("../model").Entry[]): EntryRows {
  const list = entries as readonly import("../model").Entry[];
  return {
    length: list.length,
    sheetAt: (i) => list[i].sheet,
    rowAt: (i) => list[i].row,
    dateAt: (i) => list[i].date,
    amountAt: (i) => list[i].amount,
    dealerAt: (i) => list[i].dealer,
    descriptionAt: (i) => list[i].description,
    primaryRefAt: (i) => (list[i].refs.length > 0 ? list[i].refs[0] : list[i].ref),
    refsAt: (i) => list[i].refs,
  };
}

const COLUMNS = Symbol.for("duizhang.entryColumns");

/**
 * Makes `result.entries` a list built from `columns` on first read (then kept as a plain property),
 * and keeps the columns for `entryColumnsOf`.
 */
export function attachEntryColumns(result: ReadResult, columns: EntryColumns): void {
  Object.defineProperty(result, "entries", {
    enumerable: true,
    configurable: true,
    get(): ReadEntry[] {
      const entries = columns.entries();
      Object.defineProperty(result, "entries", { value: entries, enumerable: true, configurable: true, writable: true });
      return entries;
    },
    set(entries: ReadEntry[]) {
      Object.defineProperty(result, "entries", { value: entries, enumerable: true, configurable: true, writable: true });
    },
  });
  Object.defineProperty(result, COLUMNS, { value: columns, enumerable: false });
}

/** The columns behind a result read with `lazyEntries`, as long as its `entries` have not been built or replaced. */
export function entryColumnsOf(result: ReadResult): EntryColumns | null {
  const columns = (result as unknown as Record<symbol, EntryColumns | undefined>)[COLUMNS];
  if (columns === undefined) return null;
  const d = Object.getOwnPropertyDescriptor(result, "entries");
  return d !== undefined && d.get !== undefined ? columns : null;
}
