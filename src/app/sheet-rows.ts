/**
 * A ledger kept one sheet per month, reconciled as one: the matching engine knows the ledger's rows by
 * number only, and month sheets all start at row 2, so row 5 of `2026-07` and row 5 of `2026-08` would be
 * one row to it. For the run, the port below shows the k-th sheet's rows numbered from k × ROW_STRIDE on
 * (the first sheet keeps its own numbers), so every entry has a number of its own; what the run writes
 * back through the same port (marks, the links of 差异明细) is put on the sheet and row the entry came
 * from. The pane turns the numbers back with `sheetRowOf` wherever it shows or selects a row.
 */
import type { ReconciliationBasis } from "../core/aging/review";
import type { Grid } from "../core/model";
import type { Message } from "../core/messages";
import type { Adjustment, DealerResult, ReconcileReport } from "../core/reconcile/types";
import type { ReadResult } from "../core/read";
import { combinedOf } from "../core/read/sheets-of";
import type { OutCell, OutRow, ReadableWorkbook, RowMark, Selection, SheetSpec, WorkbookPort } from "../port/workbook";
import { droppedLinkOf } from "../port/links";

/** Larger than any Excel row number (1,048,576), and decimal, so a number not turned back still ends in the row. */
export const ROW_STRIDE = 10_000_000;

/** The sheet and row a run's row number stands for; numbers below the stride are the first sheet's. */
export function sheetRowOf(sheets: readonly string[], row: number): { sheet: string; row: number } {
  const k = Math.floor(row / ROW_STRIDE);
  if (k <= 0 || k >= sheets.length) return { sheet: sheets[0], row };
  return { sheet: sheets[k], row: row - k * ROW_STRIDE };
}

/** A selection of run rows, on the sheet they belong to (a range that crosses sheets keeps its first sheet's part). */
export function realSelection(sheets: readonly string[], target: Selection): Selection {
  if (sheets.length < 2 || (target.sheet !== sheets[0] && target.row < ROW_STRIDE)) return target;
  const from = sheetRowOf(sheets, target.row);
  const to = target.rowEnd !== undefined ? sheetRowOf(sheets, target.rowEnd) : null;
  return { ...target, sheet: from.sheet, row: from.row, ...(to ? { rowEnd: to.sheet === from.sheet ? to.row : from.row } : {}) };
}

/**
 * What an aging of the same ledger sheets takes from a reconciliation run over them (app/aging's
 * `reconciliationOf`): each flagged row on the sheet and row it came from, where the aging finds it, instead of
 * the run's number. The reasons stay as the run's report says them (`relabelReport` words them `2026-08!5`).
 */
export function flagsOnSheets(sheets: readonly string[], basis: ReconciliationBasis): ReconciliationBasis {
  if (sheets.length < 2) return basis;
  return { ...basis, flags: basis.flags.map((f) => (f.sheet === sheets[0] ? { ...f, ...sheetRowOf(sheets, f.row) } : f)) };
}

/** Run row numbers as the user reads them: `5` on the first sheet, `2026-08!5` on another. */
export function rowLabel(sheets: readonly string[], row: number): string {
  if (sheets.length < 2) return String(row);
  const r = sheetRowOf(sheets, row);
  return placeLabel(sheets[0], r.sheet, r.row);
}

/** A row of a ledger read over several sheets as the user reads it: `5` on the first sheet (`first`), `2026-08!5` on another. */
export function placeLabel(first: string, sheet: string, row: number): string {
  return sheet === first ? String(row) : `${sheet}!${row}`;
}

/**
 * A ledger read through the ports below, its rows back on their own sheets, for what is said about the read
 * itself (its problems, openings, carry-overs, skipped and unreadable rows and their cells, header rows, the
 * balance column's first disagreeing row, dealer blocks, balance-table rows that do not add up); the entry
 * table keeps the run's numbers, which the report's rows are.
 */
export function readOnOwnSheets(sheets: readonly string[], read: ReadResult): ReadResult {
  if (sheets.length < 2) return read;
  const own = (row: number) => sheetRowOf(sheets, row).row;
  const placed = <T extends { row: number }>(x: T): T => ({ ...x, row: own(x.row) });
  const combined = combinedOf(read);
  const check = read.balanceCheck;
  return {
    ...read,
    headerRows: read.headerRows.map(own),
    openings: read.openings.map(placed),
    skipped: read.skipped.map(placed),
    errors: read.errors.map(placed),
    balanceCheck: check.firstMismatchRow === null ? check : { ...check, firstMismatchRow: own(check.firstMismatchRow) },
    ...(read.unreadable ? { unreadable: read.unreadable.map((u) => ({ ...placed(u), cells: u.cells.map(placed) })) } : {}),
    ...(read.blocks ? { blocks: read.blocks.map((b) => ({ ...b, titleRow: own(b.titleRow), lastRow: own(b.lastRow) })) } : {}),
    ...(read.balanceRowsNotAddingUp ? { balanceRowsNotAddingUp: read.balanceRowsNotAddingUp.map(placed) } : {}),
    ...(combined ? { carried: combined.carried.map(placed) } : {}),
  } as ReadResult;
}

function shifted(grid: Grid, k: number): Grid {
  const by = k * ROW_STRIDE;
  return {
    ...grid,
    top: grid.top + by,
    ...(grid.hiddenRows ? { hiddenRows: grid.hiddenRows.map((r) => r + by) } : {}),
    ...(grid.uncomputed ? { uncomputed: grid.uncomputed.map(([r, c]): [number, number] => [r + by, c]) } : {}),
  };
}

/** The port's sheet reads with the k-th ledger sheet's rows numbered from k × ROW_STRIDE on (both ports below). */
function shiftedReads(port: ReadableWorkbook, sheets: readonly string[]): ReadableWorkbook["readSheet"] {
  const index = new Map(sheets.map((s, k) => [s, k]));
  return async (name, options) => {
    const grid = await port.readSheet(name, options);
    const k = index.get(name) ?? 0;
    return k > 0 ? shifted(grid, k) : grid;
  };
}

/**
 * A result cell linking to run rows: the link on the real sheet and row, and its text (`5, 6`, `台账 5,6…`)
 * said as rows.
 */
function realCell(sheets: readonly string[], cell: OutCell): OutCell {
  // A cell whose link was dropped for Excel's limit (port/links) still says its rows as the user reads them.
  const dropped = cell.link ? undefined : droppedLinkOf(cell);
  const link = cell.link ?? dropped;
  if (!link || link.sheet !== sheets[0]) return cell;
  const to = sheetRowOf(sheets, link.row);
  const rows = typeof cell.value === "string" ? /^(\D*?)(\d[\d,\s]*?)(…?)$/.exec(cell.value) : null;
  const value = rows ? `${rows[1]}${rows[2].split(/,\s*/).map((n) => rowLabel(sheets, Number(n))).join(rows[2].includes(", ") ? ", " : ",")}${rows[3]}` : cell.value;
  if (value === cell.value && link.row < ROW_STRIDE) return cell;
  if (dropped) return { ...cell, value };
  return { ...cell, value, link: { ...link, sheet: to.sheet, row: to.row } };
}

function realSpec(sheets: readonly string[], spec: SheetSpec): SheetSpec {
  const rows = spec.rows.map((row): OutRow => row.map((c) => (c !== null && typeof c === "object" && "value" in c && (c.link || droppedLinkOf(c)) ? realCell(sheets, c) : c)));
  return { ...spec, rows };
}

/**
 * The port a run over several ledger sheets goes through: their grids numbered apart as above; marks laid on
 * the first sheet go to their own sheets (each sheet of the ledger gets its group's marks replaced, so a
 * sheet with no marks left loses the old ones); links in the sheets written point at the real rows.
 */
export function sheetRowsPort(port: WorkbookPort, sheets: readonly string[]): WorkbookPort {
  if (sheets.length < 2) return port;
  const first = sheets[0];
  return {
    capabilities: () => port.capabilities(),
    listSheets: () => port.listSheets(),
    readSheet: shiftedReads(port, sheets),
    writeSheet: (spec, options) => port.writeSheet(realSpec(sheets, spec), options),
    ownSheets: () => port.ownSheets(),
    deleteSheet: (name) => port.deleteSheet(name),
    markRows: async (sheet, group, marks, styles) => {
      if (sheet !== first) return port.markRows(sheet, group, marks, styles);
      const bySheet = new Map<string, RowMark[]>(sheets.map((s) => [s, []]));
      for (const m of marks) {
        const at = sheetRowOf(sheets, m.row);
        bySheet.get(at.sheet)!.push({ ...m, row: at.row });
      }
      for (const [name, list] of bySheet) await port.markRows(name, group, list, styles);
    },
    clearMarks: (group, sheet) => port.clearMarks(group, sheet),
    listMarks: (group, sheet) => port.listMarks(group, sheet),
    select: (target) => port.select(realSelection(sheets, target)),
    getSetting: <T>(key: string) => port.getSetting<T>(key),
    setSetting: (key, value) => port.setSetting(key, value),
    writeCells: (sheet, cells, options) => port.writeCells(sheet, cells, options),
    readLayout: (name) => port.readLayout(name),
  };
}

/** Several ledger sheets numbered apart as `sheetRowsPort` numbers them, for a run that only reads (the command line's). */
export function sheetRowsReader(port: ReadableWorkbook, sheets: readonly string[]): ReadableWorkbook {
  if (sheets.length < 2) return port;
  return {
    capabilities: () => port.capabilities(),
    listSheets: () => port.listSheets(),
    readSheet: shiftedReads(port, sheets),
    getSetting: <T>(key: string) => port.getSetting<T>(key),
    readLayout: (name) => port.readLayout(name),
  };
}

/**
 * The parameters of reconciliation messages that name ledger rows (statement rows and counts are left alone):
 * those the message tables say with `{x:rows}`, in both languages (test/app/sheet-rows-params.test.ts holds
 * the two lists together).
 */
export const LEDGER_ROW_PARAMS: Readonly<Record<string, readonly string[]>> = {
  "reconcile.reason.duplicate.ledger": ["row", "original"],
  "reconcile.adjust.ledger_only": ["rows"],
  "reconcile.pending.mismatch": ["ledgerRows"],
  "reconcile.pending.mismatch.likely": ["ledgerRows"],
  "reconcile.pending.duplicate.ledger": ["rows", "original"],
  "reconcile.pending.awaiting.ledger": ["row"],
};

/**
 * A message of a run over several ledger sheets, its ledger rows said as the user reads them (`5` on the
 * first sheet, `2026-08!5` on another) instead of the run's numbers. A place that already names its sheet
 * (an unread cell or row) keeps its sheet and gets the row on it. Messages inside messages are relabelled too.
 */
export function relabelRows(sheets: readonly string[], m: Message): Message {
  if (sheets.length < 2) return m;
  const params = m.params as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  let changed = false;
  const set = (key: string, value: unknown) => {
    out[key] = value;
    if (value !== params[key]) changed = true;
  };
  const rowParams = LEDGER_ROW_PARAMS[m.code] ?? [];
  const placed = m.code.startsWith("reconcile.unread.where.");
  for (const [key, value] of Object.entries(params)) {
    if (rowParams.includes(key)) {
      set(key, Array.isArray(value) ? value.map((r: number) => rowLabel(sheets, r)) : rowLabel(sheets, value as number));
    } else if (placed && key === "row" && typeof value === "number") {
      set(key, sheetRowOf(sheets, value).row);
    } else if (placed && key === "cell" && typeof value === "string") {
      set(key, value.replace(/\d+$/, (n) => String(sheetRowOf(sheets, Number(n)).row)));
    } else if (isMessage(value)) {
      set(key, relabelRows(sheets, value));
    } else if (Array.isArray(value) && value.length > 0 && value.every(isMessage)) {
      set(key, value.map((x: Message) => relabelRows(sheets, x)));
    } else out[key] = value;
  }
  return changed ? ({ code: m.code, params: out } as unknown as Message) : m;
}

function isMessage(v: unknown): v is Message {
  return typeof v === "object" && v !== null && typeof (v as { code?: unknown }).code === "string" && "params" in v;
}

/**
 * The report of a run over several ledger sheets with every message's ledger rows relabelled as above, for
 * the pane's results, the result sheets and the command line's text. The row numbers themselves stay the
 * run's, which marks, links and selections turn back to sheet and row.
 */
export function relabelReport(sheets: readonly string[], report: ReconcileReport): ReconcileReport {
  if (sheets.length < 2) return report;
  const f = (m: Message) => relabelRows(sheets, m);
  const dealer = (d: DealerResult): DealerResult => {
    const r = d.reconciliation;
    const adjust = (a: Adjustment): Adjustment => ({ ...a, text: f(a.text) });
    return {
      ...d,
      differences: d.differences.map((x) => ({ ...x, reason: { ...x.reason, text: f(x.reason.text) }, ...(x.fix ? { fix: f(x.fix) } : {}) })),
      suggestions: d.suggestions.map((s) => ({ ...s, note: f(s.note) })),
      reconciliation: {
        ...r,
        ledgerAdjustments: r.ledgerAdjustments.map(adjust),
        statementAdjustments: r.statementAdjustments.map(adjust),
        pendingItems: r.pendingItems.map((p) => ({ ...p, text: f(p.text) })),
        remainderNote: r.remainderNote ? f(r.remainderNote) : null,
      },
      subsetSearch: { ...d.subsetSearch, note: d.subsetSearch.note ? f(d.subsetSearch.note) : null },
    };
  };
  return { ...report, dealers: report.dealers.map(dealer) };
}
