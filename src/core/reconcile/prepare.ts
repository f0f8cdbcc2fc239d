/**
 * What the matcher takes from every row of one side that depends on that side alone, in table order:
 * each row's dealer as a number into the side's distinct names, its day, and its reference key (hashed
 * straight from a plain cell, no key string made). `reconcile` makes it for a side that comes without
 * it; a caller that has one side well before the other (the command line reads the ledger here while
 * another thread reads the statement) can make it meanwhile and hand it in with the side.
 */
import { toEpochDay } from "../dates";
import type { IsoDate } from "../model";
import { TableRefs, type EntryTable } from "../read/entries";
import { plainRefKeyHash, refKeyHash } from "../values/refs";
import { refKey } from "./refs";

/** A dealer column as numbers into its distinct names: row `i`'s name is `names[codes[i]]`, none when -1. */
export interface DealerColumn {
  /** Each name once. */
  readonly names: readonly string[];
  readonly codes: Int32Array;
}

/**
 * `PreparedSide.numbers` holds these per row, one row after another: a dealer's rows are gathered from all
 * over a large table, and a row's numbers side by side cost one memory read where a column each would
 * cost one per column.
 */
export const ROW_STRIDE = 4;
/** Days since 1970-01-01, Infinity when undated. */
export const DAY = 0;
/** The Excel row number. */
export const EXCEL_ROW = 1;
/** The signed amount in fen. */
export const AMOUNT = 2;
/** The reference key's hash (`plainRefKeyHash`, which for a key string is `refKeyHash`), plus `RAW_KEY` when read from the plain cell. */
export const KEY_HASH = 3;
/** Added to `KEY_HASH` when the row's key text is the plain ASCII reference cell itself (a hash is below 2^31). */
export const RAW_KEY = 2 ** 33;

export interface PreparedSide {
  /** The table this was made from (a side handed in with another table's is made again). */
  readonly table: EntryTable;
  readonly dealers: DealerColumn;
  /** Per row `ROW_STRIDE` numbers: `DAY`, `EXCEL_ROW`, `AMOUNT`, `KEY_HASH`. */
  readonly numbers: Float64Array;
  /**
   * The text the row's reference key is read from: the plain ASCII reference cell, folded by
   * `foldRefInto`, when `KEY_HASH` carries `RAW_KEY`; else the key itself; null when the row has no key.
   */
  readonly text: readonly (string | null)[];
}

/** The table's dealer column coded, each distinct name once (in the order first met). */
export function dealerColumn(table: EntryTable): DealerColumn {
  const n = table.length;
  const codes = new Int32Array(n);
  const index = new Map<string, number>();
  const names: string[] = [];
  let last: string | null = null;
  let lastCode = -1;
  for (let i = 0; i < n; i++) {
    const name = table.dealers[i];
    if (name !== last) {
      last = name;
      if (name === null) lastCode = -1;
      else {
        const known = index.get(name);
        if (known !== undefined) lastCode = known;
        else {
          lastCode = names.push(name) - 1;
          index.set(name, lastCode);
        }
      }
    }
    codes[i] = lastCode;
  }
  return { names, codes };
}

/** `dealers`: the table's dealer column already coded (as another thread hands a table over), else coded here. */
export function prepareSide(table: EntryTable, dealers?: DealerColumn): PreparedSide {
  const n = table.length;
  const numbers = new Float64Array(n * ROW_STRIDE);
  const text: (string | null)[] = new Array(n).fill(null);
  const plain = table.refLists === null;
  const refs = new TableRefs(table);
  // Where each cell's key is folded (a buffer of this call, grown for a longer cell).
  let buffer = new Uint16Array(64);
  // Rows come in date order more often than not: the day of the last date is kept.
  let lastDate: IsoDate | null = null;
  let lastDay = Infinity;
  for (let i = 0; i < n; i++) {
    const date = table.dates[i];
    if (date !== lastDate) {
      lastDate = date;
      lastDay = date === null ? Infinity : toEpochDay(date);
    }
    const at = i * ROW_STRIDE;
    numbers[at + DAY] = lastDay;
    numbers[at + EXCEL_ROW] = table.rows[i];
    numbers[at + AMOUNT] = table.amounts[i];
    // Most reference cells are plain ASCII: their key is hashed straight from the cell, no key string is made.
    const cell = table.refCells[i];
    if (cell.length > buffer.length) buffer = new Uint16Array(cell.length * 2);
    const h = plain ? plainRefKeyHash(cell, buffer) : NaN;
    if (h === h) {
      text[i] = cell;
      numbers[at + KEY_HASH] = h + RAW_KEY;
    } else {
      const primary = refs.primaryRefAt(i);
      const key = primary === null ? "" : refKey(primary);
      if (key !== "") {
        text[i] = key;
        numbers[at + KEY_HASH] = refKeyHash(key);
      }
    }
  }
  return { table, dealers: dealers ?? dealerColumn(table), numbers, text };
}
