/**
 * How many links a written sheet may hold. Excel keeps at most 66,530 hyperlinks on one worksheet (its
 * "specifications and limits"); a file with more is refused or "repaired" on opening, and writing that many
 * through office-js is very slow. Result sheets link row by row, so a large ledger's sheets would pass it:
 * `capLinks` keeps the links of the first rows within a safe number and makes the rest plain cells.
 */
import type { OutCell, OutRow } from "./workbook";

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
  return cell !== null && typeof cell === "object" && "value" in cell ? (cell as OutCell).link : undefined;
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

/**
 * The rows of a sheet with at most `limit` links. Nothing changes while the sheet holds no more than that.
 * Past it, first a row's links to the same place are made one (the last of them stays: a row's number cell,
 * e.g. 催款计划's 台账行, whose reference links to the same row), so twice as many rows can keep one; then
 * the rows keep their links in order for as long as all of a row's fit, and every later row is left
 * without links (a row never keeps half of them, so "the first N rows link" stays true).
 */
export function capLinks(rows: OutRow[], limit: number = LINKS_PER_SHEET): CappedLinks {
  let total = 0;
  for (const row of rows) for (const cell of row) if (linkOf(cell)) total += 1;
  if (total <= limit) return { rows, kept: total, dropped: 0, rowsUnlinked: 0, lastLinkedRow: rows.length - 1, doubled: 0 };

  const out: OutRow[] = new Array(rows.length);
  let kept = 0;
  let dropped = 0;
  let doubled = 0;
  let rowsUnlinked = 0;
  let lastLinkedRow = -1;
  let full = false;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let links: number[] | null = null;
    for (let c = 0; c < row.length; c++) if (linkOf(row[c])) (links ??= []).push(c);
    if (links === null) {
      out[r] = row;
      if (!full) lastLinkedRow = r;
      continue;
    }
    // Of the cells linking to one place, the last keeps the link.
    const keep = links.length === 1 ? links : links.filter((c, i) => !links!.some((d, j) => j > i && sameLink(linkOf(row[c])!, linkOf(row[d])!)));
    if (!full && kept + keep.length > limit) full = true;
    if (!full && keep.length === links.length) {
      out[r] = row;
      kept += keep.length;
      lastLinkedRow = r;
      continue;
    }
    const copy = row.slice();
    for (const c of links) {
      if (!full && keep.includes(c)) continue;
      copy[c] = withoutLink(row[c] as OutCell);
      dropped += 1;
      if (!full) doubled += 1;
    }
    if (full) rowsUnlinked += 1;
    else {
      kept += keep.length;
      lastLinkedRow = r;
    }
    out[r] = copy;
  }
  return { rows: out, kept, dropped, rowsUnlinked, lastLinkedRow, doubled };
}
