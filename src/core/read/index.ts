/**
 * The reader: any receivables sheet (ERP export, hand-made list, a dealer's statement) to typed entries in
 * our sign, with what it understood and what it could not. It never throws for bad user data and never
 * changes the grid.
 *
 * Decisions worth knowing:
 * - Blank date and dealer cells take the value above (merged cells arrive as the value in the top cell and
 *   blanks below, and hand-made lists write a date once per day). A row with no date above it is an error.
 * - A row with any unreadable cell (date, amount) is reported in `errors` and kept out of the entry table (`table`), so the
 *   balances are those of the readable rows; the running-balance check re-bases on such a row's 余额. When
 *   the row otherwise looks like an entry it is also listed in `unreadable`, so no result can call the
 *   sides equal without it.
 * - 方向 goes with 余额 when there are debit/credit columns (Kingdee, Yonyou), with the amount otherwise.
 * - An opening row (期初余额, 上年结转, 承前页 …) counts only before any entry of its dealer; later ones are
 *   page carry-overs and only checked against the running balance.
 * - `asOf`: entries after it stay in the table, flagged `afterAsOf`, and are left out of `closingBalance`.
 * - `dealer` filters rows by the dealer column; a one-dealer sheet (dealer from the title) is kept whole.
 */
import type { CellValue, Fen, IsoDate, Side } from "../model";
import { addFen, fen } from "../money";
import { dealerKey } from "../values/refs";
import { columnNumber } from "./columns";
import { assignRoles, findHeader, type HeaderInfo } from "./header";
import { normaliseHeader, STATEMENT_HEADER_WORDS } from "./roles";
import { amountAt, emptyTable } from "./entries";
import { isRowsGrid, type SheetGrid } from "./source";
import { parseTitles } from "./title";
import { firstText, readRows, type Cols, type Rows } from "./rows";
import { uncomputedSet } from "./formulas";
import type { ColumnMapping, ReadOptions, ReadResult, Role } from "./types";

export * from "./types";
export { readIssueMessage, skipReasonMessage, type ReadMessages } from "./messages";
export { normaliseRef, extractRefs, isVoucherNumber, dealerKey } from "../values/refs";
export { parseAmount } from "../values/amount";
export { parseDate } from "../values/date";
export { columnLetter } from "./columns";
export { gridValues, isRowsGrid, valuesGrid, type RowSource, type RowsGrid, type SheetGrid } from "./source";
export { amountAt, concatTables, emptyTable, entriesOf, entryAt, pickRows, sheetAt, tableOf, TableRefs, type EntryTable } from "./entries";
export { balanceRowOf, balanceTableAsRead, cutoffFromTitles, readBalanceTable, type BalanceRow, type BalanceRowMismatch, type BalanceTable } from "./balances";
export { combineSheetReads, sameLayout, type CarryCheck, type CombinedReadResult, type LayoutDifference } from "./combine";

const LEDGER_HEADER_WORDS = /应收|发货|回款|收款|实收/;

function emptyResult(grid: SheetGrid, side: Side, sideSource: ReadResult["sideSource"], detected: Side, detectedSource: ReadResult["detectedSideSource"]): ReadResult {
  return {
    sheet: grid.sheet,
    side,
    sideSource,
    detectedSide: detected,
    detectedSideSource: detectedSource,
    headerRows: [],
    dealer: null,
    dealerSource: null,
    ourName: null,
    dealers: [],
    table: emptyTable(),
    openings: [],
    openingBalance: fen(0),
    closingBalance: fen(0),
    mapping: {},
    skipped: [],
    errors: [],
    unreadable: [],
    blocks: [],
    balanceCheck: { checked: false, firstMismatchRow: null, mismatches: 0 },
    hiddenRowCount: 0,
  };
}

/** The grid's rows for the reader: a row source's built one at a time past the first `HEAD_ROWS`. */
function rowsOf(grid: SheetGrid): Rows {
  if (isRowsGrid(grid)) {
    const source = grid.rows;
    const head: CellValue[][] = [];
    for (let i = 0; i < Math.min(source.length, HEAD_ROWS); i++) head.push(source.row(i));
    // Rows past the head are looked at one at a time and never kept: one array serves them all.
    const scratch: CellValue[] = [];
    return { length: source.length, head, at: (i) => (i < head.length ? head[i] : source.row(i, scratch)) };
  }
  const values: CellValue[][] = Array.isArray(grid.values) ? grid.values : [];
  return { length: values.length, head: values, at: (i) => values[i] };
}

/** More than the header search scans, so the title and header rows all come from `head`. */
const HEAD_ROWS = 64;

export function readGrid(grid: SheetGrid, options: ReadOptions = {}): ReadResult {
  const rows = rowsOf(grid);
  const values = rows.head;
  const top = Number.isInteger(grid.top) ? grid.top : 1;
  const left = Number.isInteger(grid.left) ? grid.left : 1;
  const sheet = grid.sheet;
  const header = findHeader(values);

  const titleTexts: string[] = [];
  const headerStart = header ? header.rows[0] : Math.min(values.length, 10);
  for (let r = 0; r < headerStart; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    for (const v of row) if (typeof v === "string" && v.trim() !== "") titleTexts.push(v);
  }
  const titles = parseTitles(titleTexts);

  const headerWords = header ? header.columns.map((c) => c.label).join("|") : "";
  let detected: Side;
  let detectedSource: ReadResult["detectedSideSource"];
  if (STATEMENT_HEADER_WORDS.test(headerWords)) {
    detected = "statement";
    detectedSource = "headers";
  } else if (LEDGER_HEADER_WORDS.test(headerWords)) {
    detected = "ledger";
    detectedSource = "headers";
  } else if (titles.statementWords !== null) {
    detected = "statement";
    detectedSource = "title";
  } else if (titles.receivable) {
    detected = "ledger";
    detectedSource = "title";
  } else {
    detected = "ledger";
    detectedSource = "default";
  }
  const side: Side = options.side ?? detected;
  const sideSource: ReadResult["sideSource"] = options.side ? "option" : detectedSource;

  const result = emptyResult(grid, side, sideSource, detected, detectedSource);
  if (side === "statement") {
    result.dealer = titles.statementDealer;
    result.dealerSource = titles.statementDealerSource;
    result.ourName = titles.counterparty;
  } else {
    result.dealer = titles.dealer;
    result.dealerSource = titles.dealer === null ? null : titles.dealerSource;
    result.ourName = titles.ownName;
  }
  if (titles.periodFrom) result.periodFrom = titles.periodFrom;
  if (titles.periodTo) result.periodTo = titles.periodTo;
  if (options.asOf) result.asOf = options.asOf;
  if (!header) {
    result.errors.push({
      code: "no_header",
      sheet,
      row: top,
      column: null,
      header: null,
      found: "",
      expected: "header",
    });
    return result;
  }
  result.headerRows = header.rows.map((r) => top + r);
  for (let r = 0; r < header.rows[0]; r++) {
    const row = values[r];
    const text = firstText(row);
    result.skipped.push({ row: top + r, reason: text === "" ? "blank" : "title", text });
  }

  const mapping = buildMapping(header, side, left, options, result);
  result.mapping = mapping;
  const col = (role: Role): number => (mapping[role] ? mapping[role]!.column - left : -1);
  const cols: Cols = {
    date: col("date"),
    year: col("year"),
    month: col("month"),
    day: col("day"),
    ref: col("ref"),
    voucher: col("voucher"),
    description: col("description"),
    debit: col("debit"),
    credit: col("credit"),
    amount: col("amount"),
    direction: col("direction"),
    balance: col("balance"),
    dealer: col("dealer"),
    rep: col("rep"),
    term: col("term"),
  };
  const headerRow = top + header.rows[header.rows.length - 1];
  if (cols.debit < 0 && cols.credit < 0 && cols.amount < 0) {
    result.errors.push({ code: "no_amount_column", sheet, row: headerRow, column: null, header: null, found: headerWords, expected: "column" });
    return result;
  }
  if (cols.date < 0 && (cols.month < 0 || cols.day < 0)) {
    result.errors.push({ code: "no_date_column", sheet, row: headerRow, column: null, header: null, found: headerWords, expected: "column" });
    return result;
  }

  const yearStart = options.yearHint ?? header.year ?? titles.year ?? null;
  if (yearStart !== null) result.yearUsed = yearStart;
  const spansYears =
    titles.periodFrom !== null && titles.periodTo !== null && titles.periodFrom.slice(0, 4) !== titles.periodTo.slice(0, 4);
  const hiddenRows = Array.isArray(grid.hiddenRows) ? grid.hiddenRows : [];
  readRows(rows, {
    sheet,
    top,
    left,
    side,
    header,
    mapping,
    cols,
    date1904: grid.date1904 === true,
    hidden: hiddenRows.length > 0 ? new Set(hiddenRows) : null,
    uncomputed: uncomputedSet(grid.uncomputed),
    wantDealer: options.dealer ? dealerKey(options.dealer) : null,
    asOf: options.asOf ?? null,
    titleDealer: result.dealer,
    yearStart,
    spansYears,
  }, result);
  return result;
}

function buildMapping(header: HeaderInfo, side: Side, left: number, options: ReadOptions, result: ReadResult): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const a of assignRoles(header, side)) {
    mapping[a.role] = { column: left + a.column.index, header: a.column.label, confidence: a.confidence, source: "detected" };
  }
  const headerRow = result.headerRows[result.headerRows.length - 1];
  const width = header.columns.length;
  for (const [roleKey, wanted] of Object.entries(options.map ?? {})) {
    const role = roleKey as Role;
    if (wanted === undefined || wanted === null) continue;
    let index = -1;
    if (typeof wanted === "number") {
      if (Number.isInteger(wanted) && wanted - left >= 0 && wanted - left < Math.max(width, 1) + 256) index = wanted - left;
    } else {
      const key = normaliseHeader(String(wanted));
      index = header.columns.findIndex((c) => c.keys.includes(key));
      if (index < 0) {
        const n = columnNumber(String(wanted));
        if (n !== null && n - left >= 0) index = n - left;
      }
    }
    if (index < 0) {
      result.errors.push({
        code: "map_not_found",
        sheet: result.sheet,
        row: headerRow,
        column: null,
        header: null,
        found: String(wanted),
        expected: "column",
      });
      continue;
    }
    // The user's column leaves whatever role was detected there.
    for (const r of Object.keys(mapping) as Role[]) if (mapping[r]!.column === left + index) delete mapping[r];
    mapping[role] = { column: left + index, header: header.columns[index]?.label ?? "", confidence: 1, source: "user" };
  }
  // A signed amount column next to debit/credit columns would count every row twice.
  if ((mapping.debit || mapping.credit) && mapping.amount?.source === "detected") delete mapping.amount;
  return mapping;
}

/**
 * Balance of the readable rows: openings plus entries, for one dealer (compared by normalised name) or all
 * (`dealer` null or left out), up to `asOf` inclusive when given.
 */
export function balanceOf(result: ReadResult, dealer?: string | null, asOf?: IsoDate): Fen {
  const key = dealer === undefined || dealer === null ? null : dealerKey(dealer);
  const matches = (d: string | null): boolean => key === null || (d !== null && dealerKey(d) === key);
  let total = fen(0);
  for (const o of result.openings) if (matches(o.dealer) && (asOf === undefined || o.date === null || o.date <= asOf)) total = addFen(total, o.amount);
  const t = result.table;
  for (let i = 0; i < t.length; i++) {
    const date = t.dates[i];
    if (matches(t.dealers[i]) && (asOf === undefined || (date !== null && date <= asOf))) total = addFen(total, amountAt(t, i));
  }
  return total;
}
