/**
 * How many links a written sheet may hold. Excel keeps at most 66,530 hyperlinks on one worksheet (its
 * "specifications and limits"); a file with more is refused or "repaired" on opening, and writing that many
 * through office-js is very slow. Result sheets link row by row, so a large ledger's sheets would pass it:
 * `capLinks` keeps the links of the first rows within a safe number and makes the rest plain cells.
 */
import type { OutCell, OutRow } from "./workbook";
import type { SheetRows } from "./cells";

/** Links kept on one sheet: under Excel's 66,530, with room to spare. */
export const LINKS_PER_SHEET = 65_000;

/** The colour our sheets give a link cell. A cell made plain loses it too: blue reads as "click here", and it would go nowhere. */
export const LINK_COLOR = "#0F6CBD";

export interface CappedLinks {
  /** The rows, with a row's links kept only while the whole row's fit within the limit. The input when nothing was dropped. */
  rows: OutRow[];
  /** Links written. */
  kept: number;
  /** Cells left without their link. */
  dropped: number;
  /** Rows that had a link and have none now. */
  rowsUnlinked: number;
  /**
   * Index (0-based) of the last row that keeps its links when some were dropped: every row up to it
   * still links to each place it linked to, none after it links at all; -1 when none keeps a link, and `rows.length - 1` when none was dropped.
   */
  lastLinkedRow: number;
  /** Links dropped only because another cell of the same row links to the same place (see `capLinks`). */
  doubled: number;
}

type Link = NonNullable<OutCell["link"]>;

function linkOf(cell: unknown): Link | undefined {
  // A date (`{ date }`) has no link either.
  return cell !== null && typeof cell === "object" ? (cell as OutCell).link : undefined;
}

/** Excel's last row: a link past it names a run's row that a port on the way turns into a real one (app/sheet-rows). */
const EXCEL_LAST_ROW = 1_048_576;

/** Cells `capLinks` made plain that linked past Excel's last row, with their link: for the port that words those rows. */
const droppedLinks = new WeakMap<OutCell, Link>();

/**
 * The link a cell had before `capLinks` dropped it, when it named a row past Excel's last (a run's row number,
 * which `sheetRowsPort` turns into a sheet and row, rewording the cell's text); undefined for any other cell.
 */
export function droppedLinkOf(cell: OutCell): Link | undefined {
  return droppedLinks.get(cell);
}

/** Every field of a cell, so a field added to `OutCell` cannot pass `withoutLink` unseen: this stops compiling. */
const CELL_FIELDS: Record<keyof OutCell, true> = {
  value: true, numberFormat: true, bold: true, fill: true, color: true, link: true, align: true, mergeAcross: true, border: true, fontSize: true, wrap: true,
};
void CELL_FIELDS;

/** The cell as it reads without its link: same value, format, fill, border, alignment; the link's blue dropped with it. */
export function withoutLink(cell: OutCell): OutCell {
  const plain: OutCell = { value: cell.value };
  if (cell.numberFormat !== undefined) plain.numberFormat = cell.numberFormat;
  if (cell.bold !== undefined) plain.bold = cell.bold;
  if (cell.fill !== undefined) plain.fill = cell.fill;
  if (cell.color !== undefined && cell.color !== LINK_COLOR && cell.color.toUpperCase() !== LINK_COLOR) plain.color = cell.color;
  if (cell.align !== undefined) plain.align = cell.align;
  if (cell.mergeAcross !== undefined) plain.mergeAcross = cell.mergeAcross;
  if (cell.border !== undefined) plain.border = cell.border;
  if (cell.fontSize !== undefined) plain.fontSize = cell.fontSize;
  if (cell.wrap !== undefined) plain.wrap = cell.wrap;
  if (cell.link && cell.link.row > EXCEL_LAST_ROW) droppedLinks.set(plain, cell.link);
  return plain;
}

function sameLink(a: Link, b: Link): boolean {
  return a.sheet === b.sheet && a.row === b.row && (a.column ?? 1) === (b.column ?? 1);
}

/** What `capLinks` decides for a sheet's rows, worked out in one pass over them without keeping or copying any. */
export interface LinkCap extends Omit<CappedLinks, "rows"> {
  /** Whether any link goes (false: every row is written as it is). */
  readonly capped: boolean;
  /** Index (0-based) of the first row that keeps no link; the rows' count when every row keeps its own. */
  readonly fullRow: number;
}

/** Index of each cell of `row` holding a link, into `into` (cleared first); how many. */
function linkColumns(row: OutRow, into: number[]): number {
  into.length = 0;
  for (let c = 0; c < row.length; c++) if (linkOf(row[c])) into.push(c);
  return into.length;
}

/** Of the cells `links` of a row linking to one place, the last keeps the link: how many keep one. */
function keptLinks(row: OutRow, links: readonly number[]): number {
  if (links.length === 1) return 1;
  let keep = 0;
  for (let i = 0; i < links.length; i++) if (!doubledAt(row, links, i)) keep += 1;
  return keep;
}

/** Whether the i-th link of a row goes to the same place as a later one (and so gives way to it). */
function doubledAt(row: OutRow, links: readonly number[], i: number): boolean {
  const a = linkOf(row[links[i]])!;
  for (let j = i + 1; j < links.length; j++) if (sameLink(a, linkOf(row[links[j]])!)) return true;
  return false;
}

/**
 * `capLinks`' decision for rows given one at a time (each row is asked for once): which rows keep their
 * links and the counts, without copying a row. `cappedRow` then gives each row as written.
 */
export function linkCap(rows: SheetRows, limit: number = LINKS_PER_SHEET): LinkCap {
  let total = 0;
  // As if the links were capped: each row's kept links counted until the first row that no longer fits.
  let kept = 0;
  let doubled = 0;
  let fullRow = -1;
  let afterFull = 0;
  let rowsAfterFull = 0;
  const links: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows.row(r);
    const n = linkColumns(row, links);
    if (n === 0) continue;
    total += n;
    if (fullRow < 0) {
      const keep = keptLinks(row, links);
      if (kept + keep > limit) fullRow = r;
      else {
        kept += keep;
        doubled += n - keep;
        continue;
      }
    }
    afterFull += n;
    rowsAfterFull += 1;
  }
  if (total <= limit) return { capped: false, fullRow: rows.length, kept: total, dropped: 0, rowsUnlinked: 0, lastLinkedRow: rows.length - 1, doubled: 0 };
  const full = fullRow >= 0;
  return {
    capped: true,
    fullRow: full ? fullRow : rows.length,
    kept,
    dropped: doubled + afterFull,
    rowsUnlinked: rowsAfterFull,
    lastLinkedRow: full ? fullRow - 1 : rows.length - 1,
    doubled,
  };
}

/**
 * Row `index` as `capLinks` leaves it under `cap`: the row itself while it keeps all its links, else a copy
 * whose cells that lose a link are made plain (`withoutLink`).
 */
export function cappedRow(cap: LinkCap, index: number, row: OutRow): OutRow {
  if (!cap.capped) return row;
  let links: number[] | null = null;
  for (let c = 0; c < row.length; c++) if (linkOf(row[c])) (links ??= []).push(c);
  if (links === null) return row;
  const full = index >= cap.fullRow;
  if (!full && (links.length === 1 || keptLinks(row, links) === links.length)) return row;
  const copy = row.slice();
  for (let i = 0; i < links.length; i++) {
    if (!full && !doubledAt(row, links, i)) continue;
    copy[links[i]] = withoutLink(row[links[i]] as OutCell);
  }
  return copy;
}

/**
 * The rows of a sheet with at most `limit` links. Nothing changes while the sheet holds no more than that.
 * Past it, first a row's links to the same place are made one (the last of them stays: a row's number cell,
 * e.g. 催款计划's 台账行, whose reference links to the same row), so twice as many rows can keep one; then
 * the rows keep their links in order for as long as all of a row's fit, and every later row is left
 * without links (a row never keeps half of them, so "the first N rows link" stays true).
 */
export function capLinks(rows: OutRow[], limit: number = LINKS_PER_SHEET): CappedLinks {
  const cap = linkCap({ length: rows.length, width: 0, row: (i) => rows[i] }, limit);
  const { capped: _capped, fullRow: _fullRow, ...counts } = cap;
  if (!cap.capped) return { rows, ...counts };
  return { rows: rows.map((row, r) => cappedRow(cap, r, row)), ...counts };
}
