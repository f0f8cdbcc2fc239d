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
import type { CellValue, Fen, IsoDate, Opening, Side } from "../model";
import { absFen, addFen, fen, mulFen, subFen, sumFen } from "../money";
import { parseAmount, parseAmountFen } from "../values/amount";
import { parseDate, parseSmallInt, type DateResult } from "../values/date";
import { dealerKey as normaliseDealerName } from "../values/refs";
import { parseTermDays } from "../values/term";
import { cellDisplay, cellText, isBlankCell } from "../values/text";
import { columnLetter, columnNumber } from "./columns";
import { assignRoles, findHeader, type HeaderInfo } from "./header";
import { classifyLabel, isSignOff } from "./labels";
import { normaliseHeader, STATEMENT_HEADER_WORDS } from "./roles";
import { amountAt, emptyTable, EntryTableBuilder, pickRows } from "./entries";
import { blockTitleOf, type DealerBlock } from "./blocks";
import { isRowsGrid, type SheetGrid } from "./source";
import { parseTitles } from "./title";
import type {
  BalanceCheck,
  ColumnMapping,
  ReadIssue,
  ReadOptions,
  ReadResult,
  Role,
  UnreadRow,
} from "./types";

export * from "./types";
export { readIssueMessage, skipReasonMessage, type ReadMessages } from "./messages";
export { normaliseRef, extractRefs, isVoucherNumber, dealerKey } from "../values/refs";
/** The one dealer key (../values/refs `dealerKey`), under the name the reader's callers know. */
export { dealerKey as normaliseDealerName } from "../values/refs";
export { parseAmount } from "../values/amount";
export { parseDate } from "../values/date";
export { columnLetter } from "./columns";
export { gridValues, isRowsGrid, valuesGrid, type RowSource, type RowsGrid, type SheetGrid } from "./source";
export { amountAt, concatTables, emptyTable, entriesOf, entryAt, pickRows, sheetAt, tableOf, TableRefs, type EntryTable } from "./entries";
export { balanceRowOf, balanceTableAsRead, cutoffFromTitles, readBalanceTable, type BalanceRow, type BalanceRowMismatch, type BalanceTable } from "./balances";
export { combineSheetReads, sameLayout, type CarryCheck, type CombinedReadResult, type LayoutDifference } from "./combine";

const LEDGER_HEADER_WORDS = /应收|发货|回款|收款|实收/;
const DIRECTION_DEBIT = /^(?:借|借方|dr|d|debit)$/i;
const DIRECTION_CREDIT = /^(?:贷|贷方|cr|c|credit)$/i;
const DIRECTION_FLAT = /^(?:平|0|-)$/;

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

/** Sign of a 方向 cell in our terms: +1 the dealer owes us, -1 we owe the dealer, 0 平, null unreadable. */
function directionSign(value: CellValue | undefined, side: Side): number | null {
  const t = cellText(value);
  if (t === "") return null;
  let sign: number;
  if (DIRECTION_DEBIT.test(t)) sign = 1;
  else if (DIRECTION_CREDIT.test(t)) sign = -1;
  else if (DIRECTION_FLAT.test(t)) return 0;
  else return null;
  // The dealer's own books carry what they owe us as a credit (贷) balance.
  return side === "statement" ? -sign : sign;
}

interface Cols {
  date: number;
  year: number;
  month: number;
  day: number;
  ref: number;
  voucher: number;
  description: number;
  debit: number;
  credit: number;
  amount: number;
  direction: number;
  balance: number;
  dealer: number;
  rep: number;
  term: number;
}

/** Row access for the reader: a plain grid's arrays, or rows built one at a time from a row source. */
interface Rows {
  length: number;
  /** The first rows (at least as many as the header search looks at), as arrays. */
  head: CellValue[][];
  /** Row `index`; past `head`, valid only until the next call. */
  at(index: number): CellValue[] | undefined;
}

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
  readRows(rows, header, cols, mapping, side, grid, options, result, yearStart, spansYears);
  return result;
}

function firstFilled(row: CellValue[]): CellValue {
  for (const v of row) if (v !== null && v !== undefined && v !== "") return v;
  return null;
}

function firstText(row: CellValue[] | undefined): string {
  if (!Array.isArray(row)) return "";
  for (const v of row) {
    const t = cellDisplay(v);
    if (t !== "") return t;
  }
  return "";
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

function readRows(
  rows: Rows,
  header: HeaderInfo,
  cols: Cols,
  mapping: ColumnMapping,
  side: Side,
  grid: SheetGrid,
  options: ReadOptions,
  result: ReadResult,
  yearStart: number | null,
  spansYears: boolean,
): void {
  const sheet = grid.sheet;
  const top = Number.isInteger(grid.top) ? grid.top : 1;
  const date1904 = grid.date1904 === true;
  const hidden = new Set(Array.isArray(grid.hiddenRows) ? grid.hiddenRows : []);
  const anyHidden = hidden.size > 0;
  const headerLast = header.rows[header.rows.length - 1];
  const table = new EntryTableBuilder(sheet, { rep: cols.rep >= 0, term: cols.term >= 0, voucher: cols.voucher >= 0 }, rows.length - headerLast - 1);
  // Dealer names, 摘要 and dates repeat on most rows: what is derived from their text is derived once.
  const textOf = memo(cellText);
  const repeatedText = (v: CellValue | undefined): string => (typeof v === "string" ? textOf(v) : cellText(v));
  const labelOf = memo(classifyLabel);
  const headerKeyOf = memo(normaliseHeader);
  const wantDealer = options.dealer ? normaliseDealerName(options.dealer) : null;
  const asOf = options.asOf ?? null;
  const titleDealer = result.dealer;
  const splitDate = cols.date < 0;
  const directionForBalance = cols.debit >= 0 || cols.credit >= 0;

  // Repeated headers are spotted by the mapped columns' cells equalling their header text.
  const probes: { index: number; key: string }[] = [];
  for (const m of Object.values(mapping)) {
    const c = header.columns[m!.column - (Number.isInteger(grid.left) ? grid.left : 1)];
    if (c && c.keys.length > 0) probes.push({ index: c.index, key: c.keys[0] });
  }
  const topProbes: { index: number; key: string }[] = [];
  for (const c of header.columns) if (c.keys.length > 1) topProbes.push({ index: c.index, key: c.keys[1] });

  const check: BalanceCheck = result.balanceCheck;
  const unread: UnreadRow[] = (result.unreadable = []);
  const running = new Map<string, Fen>();
  const started = new Set<string>();
  const dealerSeen = new Map<string, string>();
  if (titleDealer !== null && cols.dealer < 0) dealerSeen.set(normaliseDealerName(titleDealer), titleDealer);
  const dateCache = new Map<CellValue, DateResult>();
  const dateTimeCache = new Map<number, DateResult>();
  // Other cells that may carry a row's label (期初余额 in the date column, 合计 in the dealer column).
  const labelCols: number[] = [];
  for (const idx of [cols.date, cols.month, cols.ref, cols.voucher, cols.dealer, 0]) if (idx >= 0 && !labelCols.includes(idx)) labelCols.push(idx);
  const labelColMemos = labelCols.map(() => memo(classifyLabel));
  const signOffOf = memo(isSignOff);
  const dealerKeyOf = memo(normaliseDealerName);
  const dealerKey = (d: string | null): string => (d === null ? "" : dealerKeyOf(d));

  let lastDate: IsoDate | null = null;
  let lastMonth = 0;
  let year = yearStart;
  let lastDealer: string | null = null;
  let lastRep: string | null = null;
  let lastTerm: number | null = null;
  const headerEnd = header.rows[header.rows.length - 1];

  // Block exports (see ./blocks): the block being read, its dealer, and the text lines that may be the
  // next block's title (a 明细账 line or a period above its 核算项目 line).
  const blocks: DealerBlock[] = [];
  let block = firstBlock(rows, headerEnd, top, side, titleDealer);
  blocks.push(block);
  let blockNo = 0;
  let blockDealer = titleDealer;
  let firstBlockEnd = Infinity;
  let inBlockTitle = false;
  let titleLines: { row: number; text: string; errorsAt: number; skippedAt: number; unreadAt: number }[] = [];
  // Balances run per block: a dealer's second block (another code of the same name) has its own opening.
  const lastRun = new Map<string, string>();

  const issue = (code: ReadIssue["code"], row: number, index: number, value: CellValue | undefined, expected: ReadIssue["expected"]): void => {
    const column = (Number.isInteger(grid.left) ? grid.left : 1) + index;
    result.errors.push({
      code,
      sheet,
      row,
      column: columnLetter(column),
      header: header.columns[index]?.label ?? null,
      found: cellDisplay(value),
      expected,
    });
  };

  const rowCount = rows.length;
  for (let i = headerEnd + 1; i < rowCount; i++) {
    const row = rows.at(i);
    const excelRow = top + i;
    if (!Array.isArray(row) || isBlankRow(row)) {
      result.skipped.push({ row: excelRow, reason: "blank", text: "" });
      continue;
    }
    if (anyHidden && hidden.has(excelRow)) result.hiddenRowCount++;

    if (isRepeatedHeader(row, probes, headerKeyOf) || (topProbes.length >= 2 && isRepeatedHeader(row, topProbes, headerKeyOf))) {
      takeTitleLines(result, unread, titleLines);
      titleLines = [];
      inBlockTitle = false;
      result.skipped.push({ row: excelRow, reason: "header", text: firstText(row) });
      continue;
    }

    // Only the row's first filled cell can open a sign-off line; a date or an amount there ends the check.
    const lead = firstFilled(row);
    if (typeof lead === "string" && signOffOf(lead)) {
      result.skipped.push({ row: excelRow, reason: "sign-off", text: lead.trim() });
      continue;
    }

    const noAmounts = amountCellsBlank(row, cols);
    if (noAmounts) {
      const title = blockTitleOf(row, side);
      if (title !== null) {
        // Lines just above belong to this title, not to the data: they were no entries after all.
        takeTitleLines(result, unread, titleLines);
        titleLines = [];
        result.skipped.push({ row: excelRow, reason: "title", text: title.text });
        inBlockTitle = true;
        if (title.dealer !== null) {
          if (blockNo === 0) firstBlockEnd = excelRow;
          blockNo++;
          blockDealer = title.dealer;
          block = { dealer: title.dealer, titleRow: excelRow, lastRow: excelRow, openingBalance: fen(0), entries: 0, closingBalance: fen(0) };
          blocks.push(block);
          // A block is read on its own: nothing carries down into it from the block above.
          lastDealer = null;
          lastDate = null;
          lastMonth = 0;
          year = yearStart;
          const k = dealerKey(title.dealer);
          if (cols.dealer < 0 && (wantDealer === null || k === wantDealer)) noteDealer(dealerSeen, title.dealer, k);
        }
        continue;
      }
      if (textOnly(row, labelOf) && (splitDate || isBlankCell(row[cols.date]) || !parseDate(row[cols.date], { date1904, yearHint: year }).ok)) {
        if (inBlockTitle) {
          result.skipped.push({ row: excelRow, reason: "title", text: firstText(row) });
          continue;
        }
        titleLines.push({ row: excelRow, text: firstText(row), errorsAt: result.errors.length, skippedAt: result.skipped.length, unreadAt: unread.length });
      } else titleLines = [];
    } else titleLines = [];
    inBlockTitle = false;
    if (titleLines.length === 0) block.lastRow = excelRow;

    // Dealer first: a subtotal or opening of another dealer must be filtered like its entries.
    let dealer: string | null = blockDealer;
    let dealerFilled = false;
    if (cols.dealer >= 0) {
      const d = repeatedText(row[cols.dealer]);
      if (d !== "") dealer = d;
      else {
        dealer = lastDealer;
        dealerFilled = true;
      }
    }

    const descText = cols.description >= 0 ? repeatedText(row[cols.description]) : "";
    let labelText = descText;
    let label = labelOf(descText);
    if (label === null) {
      for (let k = 0; k < labelCols.length; k++) {
        const v = row[labelCols[k]];
        if (typeof v !== "string") continue;
        const l = labelColMemos[k](v);
        if (l !== null) {
          label = l;
          labelText = cellText(v);
          break;
        }
      }
    }
    if (label === "total") {
      result.skipped.push({ row: excelRow, reason: "total", text: labelText });
      continue;
    }
    if (cols.dealer >= 0 && label === null) lastDealer = dealer;
    const key = dealerKey(dealer);
    const runKey = blockNo === 0 ? key : `${key}\u0000${blockNo}`;
    if (wantDealer !== null && (cols.dealer >= 0 || blockNo > 0) && (dealer === null || key !== wantDealer)) {
      result.skipped.push({ row: excelRow, reason: "other-dealer", text: dealer ?? "" });
      continue;
    }

    // The balance written on the row, in our sign; undefined when blank, null when unreadable.
    let written: Fen | null | undefined;
    if (cols.balance >= 0 && !isBlankCell(row[cols.balance])) {
      const b = parseAmount(row[cols.balance]);
      if (!b.ok) {
        issue("bad_amount", excelRow, cols.balance, row[cols.balance], "amount");
        written = null;
      } else {
        written = b.fen;
        if (directionForBalance && cols.direction >= 0) {
          const s = directionSign(row[cols.direction], side);
          if (s === null && !isBlankCell(row[cols.direction])) {
            issue("bad_direction", excelRow, cols.direction, row[cols.direction], "direction");
            written = null;
          } else if (s !== null) written = mulFen(absFen(b.fen), s);
        }
      }
    }

    if (label === "opening" || label === "carried") {
      // A block's 期初余额 opens its own account; a carry-over (承前页) continues the dealer's rows above.
      if (label === "carried" && blockNo > 0 && !running.has(runKey) && lastRun.has(key)) running.set(runKey, running.get(lastRun.get(key) as string)!);
      if (!started.has(label === "opening" ? runKey : key)) {
        let amount: Fen | null = written ?? null;
        const openingErrors = result.errors.length;
        if (written === undefined) amount = rowAmount(row, cols, side, excelRow, issue);
        if (amount === null && result.errors.length > openingErrors) {
          const refText = cols.ref >= 0 ? cellText(row[cols.ref]) : "";
          unread.push(unreadRow(sheet, excelRow, dealer, null, refText, labelText, true, result.errors.slice(openingErrors)));
        }
        if (amount !== null) {
          const dateRes = cols.date >= 0 && !isBlankCell(row[cols.date]) ? parseDate(row[cols.date], { date1904, yearHint: year }) : null;
          const opening: Opening = { sheet, row: excelRow, dealer, date: dateRes?.ok ? dateRes.date : null, amount };
          result.openings.push(opening);
          result.openingBalance = addFen(result.openingBalance, amount);
          running.set(runKey, addFen(running.get(runKey) ?? fen(0), amount));
          lastRun.set(key, runKey);
          block.openingBalance = addFen(block.openingBalance, amount);
          block.closingBalance = addFen(block.closingBalance, amount);
          noteDealer(dealerSeen, dealer, key);
        }
        result.skipped.push({ row: excelRow, reason: "opening", text: labelText });
      } else {
        if (typeof written === "number") compareBalance(check, running, runKey, fen(0), written, excelRow);
        result.skipped.push({ row: excelRow, reason: "carried", text: labelText });
      }
      continue;
    }

    // A transaction.
    const errorsBefore = result.errors.length;
    let date: IsoDate | null = null;
    if (!splitDate) {
      const cell = row[cols.date];
      if (isBlankCell(cell)) {
        if (lastDate !== null) date = lastDate;
        else issue("missing_date", excelRow, cols.date, cell, "date");
      } else {
        // Dates repeat a lot in long ledgers; only results that do not depend on the running year are kept.
        const time = cell instanceof Date ? cell.getTime() : null;
        let res = time !== null ? dateTimeCache.get(time) : dateCache.get(cell as CellValue);
        if (res === undefined) {
          res = parseDate(cell, { date1904, yearHint: year });
          const yearDependent = res.ok ? res.yearFromHint : res.reason === "no_year";
          if (!yearDependent) {
            if (time !== null) {
              if (dateTimeCache.size < 50_000) dateTimeCache.set(time, res);
            } else if (dateCache.size < 50_000) dateCache.set(cell as CellValue, res);
          }
        }
        if (res.ok && res.yearFromHint && spansYears) {
          const month = Number(res.date.slice(5, 7));
          if (month < lastMonth && year !== null) {
            year++;
            res = parseDate(cell, { date1904, yearHint: year });
          }
        }
        if (res.ok) date = res.date;
        else issue(res.reason === "no_year" ? "missing_year" : "bad_date", excelRow, cols.date, cell, res.reason === "no_year" ? "year" : "date");
      }
    } else {
      date = splitDateOf(row, cols, lastDate, year, excelRow, issue, (y) => (year = y), spansYears, lastMonth);
    }

    const amount = rowAmount(row, cols, side, excelRow, issue);
    if (result.errors.length > errorsBefore || amount === null) {
      const cells = result.errors.slice(errorsBefore);
      const refText = cols.ref >= 0 ? cellText(row[cols.ref]) : "";
      const dateCellFilled = splitDate ? !isBlankCell(row[cols.month]) || !isBlankCell(row[cols.day]) : !isBlankCell(row[cols.date]);
      if (looksLikeEntry(cells, amount, dateCellFilled, refText, descText)) {
        unread.push(unreadRow(sheet, excelRow, dealer, date, refText, descText, false, cells));
      }
      if (typeof written === "number") running.set(runKey, written);
      if (date !== null) lastDate = date;
      continue;
    }
    if (date !== null) {
      lastDate = date;
      lastMonth = Number(date.slice(5, 7));
    }
    if (amount === 0) {
      result.skipped.push({ row: excelRow, reason: "no-amount", text: descText || firstText(row) });
      continue;
    }

    started.add(key);
    started.add(runKey);
    lastRun.set(key, runKey);
    block.entries++;
    if (asOf === null || date === null || date <= asOf) block.closingBalance = addFen(block.closingBalance, amount);
    if (typeof written === "number") compareBalance(check, running, runKey, amount, written, excelRow);
    else running.set(runKey, addFen(running.get(runKey) ?? fen(0), amount));

    const refCell = cols.ref >= 0 ? cellText(row[cols.ref]) : "";
    let rep: string | null = cols.rep >= 0 ? cellText(row[cols.rep]) || null : null;
    let termDays: number | null = cols.term >= 0 ? parseTermDays(row[cols.term]) : null;
    if (dealerFilled && cols.rep >= 0 && rep === null) rep = lastRep;
    if (dealerFilled && cols.term >= 0 && termDays === null && isBlankCell(row[cols.term])) termDays = lastTerm;
    lastRep = rep;
    lastTerm = termDays;
    const afterAsOf = asOf !== null && date !== null && date > asOf;
    noteDealer(dealerSeen, dealer, key);
    if (!afterAsOf) result.closingBalance = addFen(result.closingBalance, amount);
    const voucher = cols.voucher >= 0 ? cellText(row[cols.voucher]) || null : null;
    table.add(excelRow, date, refCell, descText, amount, dealer, rep, termDays, voucher, anyHidden && hidden.has(excelRow), afterAsOf);
  }
  result.table = table.finish();
  result.closingBalance = addFen(result.closingBalance, result.openingBalance);
  if (blockNo > 0) settleBlocks(result, blocks, dealerSeen, wantDealer, titleDealer, firstBlockEnd, dealerKey, asOf);
  result.dealers = [...dealerSeen.values()];
}

/** The first block: the one the sheet's title rows name, starting at its title line (else at the header). */
function firstBlock(rows: Rows, headerEnd: number, top: number, side: Side, titleDealer: string | null): DealerBlock {
  let titleRow = top + headerEnd;
  if (titleDealer !== null) {
    for (let r = 0; r < headerEnd && r < rows.head.length; r++) {
      const row = rows.head[r];
      if (Array.isArray(row) && blockTitleOf(row, side)?.dealer === titleDealer) {
        titleRow = top + r;
        break;
      }
    }
  }
  return { dealer: titleDealer, titleRow, lastRow: top + headerEnd, openingBalance: fen(0), entries: 0, closingBalance: fen(0) };
}

/**
 * No amount or balance in the row's money columns (text that is no amount, such as a title line's
 * `第2页` over the 余额 column, counts as none): only such a row can be a title line.
 */
function amountCellsBlank(row: CellValue[], cols: Cols): boolean {
  const none = (index: number) => {
    if (index < 0) return true;
    const v = row[index];
    return isBlankCell(v) || (typeof v === "string" && !parseAmount(v).ok);
  };
  return none(cols.debit) && none(cols.credit) && none(cols.amount) && none(cols.balance);
}

/** Only text, none of it a row label (期初余额, 合计 …): a line of a title, if anything. */
function textOnly(row: CellValue[], labelOf: (text: string) => unknown): boolean {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isBlankCell(v)) continue;
    if (typeof v !== "string" || labelOf(cellText(v)) !== null) return false;
  }
  return true;
}

/**
 * Text lines read as rows (a 应收账款明细账 or 期间 line above a block's 核算项目 line) turn out to be the
 * next block's title: their errors and skips since the first of them give way to `title` skips.
 */
function takeTitleLines(result: ReadResult, unread: UnreadRow[], lines: { row: number; text: string; errorsAt: number; skippedAt: number; unreadAt: number }[]): void {
  if (lines.length === 0) return;
  const first = lines[0];
  const rows = new Set(lines.map((l) => l.row));
  result.errors.length = first.errorsAt;
  unread.length = first.unreadAt;
  const kept = result.skipped.splice(first.skippedAt).filter((s) => !rows.has(s.row));
  for (const l of lines) kept.push({ row: l.row, reason: "title", text: l.text });
  kept.sort((a, b) => a.row - b.row);
  result.skipped.push(...kept);
}

/**
 * A block export's summary and, under a dealer filter, the first block's rows when they are another
 * dealer's (they were read before the sheet showed it holds blocks). With several dealers the sheet has
 * no one dealer.
 */
function settleBlocks(
  result: ReadResult,
  blocks: DealerBlock[],
  dealerSeen: Map<string, string>,
  wantDealer: string | null,
  titleDealer: string | null,
  firstBlockEnd: number,
  keyOf: (d: string | null) => string,
  asOf: IsoDate | null,
): void {
  result.blocks = blocks.filter((b, n) => b.dealer !== null || n > 0 || b.entries > 0 || b.openingBalance !== 0);
  if (wantDealer !== null && titleDealer !== null && keyOf(titleDealer) !== wantDealer) {
    const other = (row: number, dealer: string | null) => row < firstBlockEnd && (dealer === null || keyOf(dealer) !== wantDealer);
    const table = result.table;
    const dropped: number[] = [];
    const kept: number[] = [];
    for (let i = 0; i < table.length; i++) (other(table.rows[i], table.dealers[i]) ? dropped : kept).push(i);
    if (dropped.length > 0 || result.openings.some((o) => other(o.row, o.dealer))) {
      result.table = pickRows(table, kept);
      result.openings = result.openings.filter((o) => !other(o.row, o.dealer));
      result.unreadable = (result.unreadable ?? []).filter((u) => !other(u.row, u.dealer));
      for (const i of dropped) result.skipped.push({ row: table.rows[i], reason: "other-dealer", text: table.dealers[i] ?? "" });
      for (const s of result.skipped) if (s.reason === "opening" && s.row < firstBlockEnd) s.reason = "other-dealer";
      result.skipped.sort((a, b) => a.row - b.row);
      result.openingBalance = sumFen(result.openings.map((o) => o.amount));
      const t = result.table;
      let closing = result.openingBalance;
      for (let i = 0; i < t.length; i++) {
        const date = t.dates[i];
        if (t.afterAsOf[i] === 0 && !(asOf !== null && date !== null && date > asOf)) closing = addFen(closing, amountAt(t, i));
      }
      result.closingBalance = closing;
    }
    dealerSeen.delete(keyOf(titleDealer));
  }
  if (dealerSeen.size === 1) {
    const only = [...dealerSeen.values()][0];
    if (result.dealer === null || keyOf(result.dealer) !== keyOf(only)) {
      result.dealer = only;
      result.dealerSource = "label";
    }
  } else {
    result.dealer = null;
    result.dealerSource = null;
  }
}

/**
 * Whether a row that failed to read is a lost entry rather than a note under the table: an unreadable
 * amount beside a date, reference or description (`N/A`, `待定`), or an unreadable date beside an amount.
 */
function looksLikeEntry(cells: readonly ReadIssue[], amount: Fen | null, dateCellFilled: boolean, ref: string, description: string): boolean {
  const amountBad = cells.some((c) => c.expected === "amount" || c.expected === "direction");
  if (amountBad) return dateCellFilled || ref !== "" || description !== "";
  return amount !== null && amount !== 0;
}

function unreadRow(
  sheet: string,
  row: number,
  dealer: string | null,
  date: IsoDate | null,
  ref: string,
  description: string,
  opening: boolean,
  cells: ReadIssue[],
): UnreadRow {
  return { sheet, row, dealer, date, ref: ref === "" ? null : ref, description, opening, cells };
}

function noteDealer(seen: Map<string, string>, dealer: string | null, key: string): void {
  if (dealer === null) return;
  if (!seen.has(key)) seen.set(key, dealer);
}

function compareBalance(check: BalanceCheck, running: Map<string, Fen>, key: string, amount: Fen, written: Fen, row: number): void {
  const expected = addFen(running.get(key) ?? fen(0), amount);
  check.checked = true;
  if (expected !== written) {
    check.mismatches++;
    if (check.firstMismatchRow === null) {
      check.firstMismatchRow = row;
      check.expected = expected;
      check.found = written;
    }
  }
  // Re-base on what is written, so one bad row is reported once rather than on every row after it.
  running.set(key, written);
}

function isBlankRow(row: CellValue[]): boolean {
  for (let c = 0; c < row.length; c++) if (!isBlankCell(row[c])) return false;
  return true;
}

/**
 * Results per distinct text, for cells that repeat (dealer names, 摘要, dates). A column whose texts
 * turn out not to repeat (a 摘要 carrying each row's document number) stops being remembered, so it
 * costs neither memory nor lookups. The results are shared: never mutated.
 */
function memo<T>(fn: (text: string) => T): (text: string) => T {
  let cache: Map<string, T> | null = new Map<string, T>();
  let calls = 0;
  let hits = 0;
  // The row above very often has the same text (a date, a 摘要): checked before the map.
  let lastText: string | null = null;
  let lastValue: T | undefined;
  return (text) => {
    if (text === lastText) return lastValue as T;
    if (cache === null) return fn(text);
    let v = cache.get(text);
    if (v !== undefined) {
      hits++;
      lastText = text;
      lastValue = v;
      return v;
    }
    v = fn(text);
    if (++calls === 4096 && hits < calls) cache = null;
    else if (cache.size < 100_000) cache.set(text, v);
    lastText = text;
    lastValue = v;
    return v;
  };
}

function isRepeatedHeader(row: CellValue[], probes: { index: number; key: string }[], headerKeyOf: (text: string) => string): boolean {
  if (probes.length === 0) return false;
  let hits = 0;
  for (let p = 0; p < probes.length; p++) {
    const v = row[probes[p].index];
    if (typeof v !== "string") {
      if (p === 0) return false;
      continue;
    }
    if (v.length > probes[p].key.length + 8) {
      if (p === 0) return false;
      continue;
    }
    if (headerKeyOf(v) === probes[p].key) hits++;
    else if (p === 0) return false;
  }
  return hits >= 2 || (hits === 1 && probes.length === 1);
}

type IssueFn = (code: ReadIssue["code"], row: number, index: number, value: CellValue | undefined, expected: ReadIssue["expected"]) => void;

/** The row's amount in our sign, or null when a cell cannot be read (reported through `issue`). */
function rowAmount(row: CellValue[], cols: Cols, side: Side, excelRow: number, issue: IssueFn): Fen | null {
  let bad = false;
  let amount = fen(0);
  if (cols.debit >= 0) {
    const d = parseAmountFen(row[cols.debit]);
    if (d !== null) amount = addFen(amount, d);
    else {
      issue("bad_amount", excelRow, cols.debit, row[cols.debit], "amount");
      bad = true;
    }
  }
  if (cols.credit >= 0) {
    const c = parseAmountFen(row[cols.credit]);
    if (c !== null) amount = subFen(amount, c);
    else {
      issue("bad_amount", excelRow, cols.credit, row[cols.credit], "amount");
      bad = true;
    }
  }
  if (cols.amount >= 0) {
    const a = parseAmountFen(row[cols.amount]);
    if (a === null) {
      issue("bad_amount", excelRow, cols.amount, row[cols.amount], "amount");
      bad = true;
    } else if (cols.direction >= 0 && cols.debit < 0 && cols.credit < 0 && !isBlankCell(row[cols.direction])) {
      const s = directionSign(row[cols.direction], side);
      if (s === null) {
        issue("bad_direction", excelRow, cols.direction, row[cols.direction], "direction");
        bad = true;
      } else amount = addFen(amount, mulFen(absFen(a), s));
    } else amount = addFen(amount, a);
  }
  return bad ? null : amount;
}

function splitDateOf(
  row: CellValue[],
  cols: Cols,
  lastDate: IsoDate | null,
  year: number | null,
  excelRow: number,
  issue: IssueFn,
  setYear: (y: number) => void,
  spansYears: boolean,
  lastMonth: number,
): IsoDate | null {
  const monthCell = row[cols.month];
  const dayCell = row[cols.day];
  if (isBlankCell(monthCell) && isBlankCell(dayCell)) {
    if (lastDate !== null) return lastDate;
    issue("missing_date", excelRow, cols.month, monthCell, "date");
    return null;
  }
  const month = isBlankCell(monthCell) && lastDate !== null ? Number(lastDate.slice(5, 7)) : parseSmallInt(monthCell, 12);
  if (month === null) {
    issue("bad_date", excelRow, cols.month, monthCell, "date");
    return null;
  }
  const day = parseSmallInt(dayCell, 31);
  if (day === null) {
    issue("bad_date", excelRow, cols.day, dayCell, "date");
    return null;
  }
  let y = year;
  if (cols.year >= 0 && !isBlankCell(row[cols.year])) {
    y = parseSmallInt(row[cols.year], 9999);
    if (y === null || y < 1900) {
      issue("bad_date", excelRow, cols.year, row[cols.year], "year");
      return null;
    }
  } else if (y !== null && spansYears && month < lastMonth) {
    y++;
    setYear(y);
  }
  if (y === null) {
    issue("missing_year", excelRow, cols.month, monthCell, "year");
    return null;
  }
  const res = parseDate(`${y}-${month}-${day}`);
  if (!res.ok) {
    issue("bad_date", excelRow, cols.day, dayCell, "date");
    return null;
  }
  return res.date;
}

/**
 * Balance of the readable rows: openings plus entries, for one dealer (compared by normalised name) or all
 * (`dealer` null or left out), up to `asOf` inclusive when given.
 */
export function balanceOf(result: ReadResult, dealer?: string | null, asOf?: IsoDate): Fen {
  const key = dealer === undefined || dealer === null ? null : normaliseDealerName(dealer);
  const matches = (d: string | null): boolean => key === null || (d !== null && normaliseDealerName(d) === key);
  let total = fen(0);
  for (const o of result.openings) if (matches(o.dealer) && (asOf === undefined || o.date === null || o.date <= asOf)) total = addFen(total, o.amount);
  const t = result.table;
  for (let i = 0; i < t.length; i++) {
    const date = t.dates[i];
    if (matches(t.dealers[i]) && (asOf === undefined || (date !== null && date <= asOf))) total = addFen(total, amountAt(t, i));
  }
  return total;
}
