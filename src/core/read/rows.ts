/**
 * The reader's row loop: every row below the header, one at a time, in four steps.
 *
 * 1. `layoutRow`: rows of the sheet's layout rather than its data (blank lines, repeated headers,
 *    sign-offs, block titles and the text lines above them) are recorded as skipped; a block title
 *    starts the next dealer's block (see ./blocks).
 * 2. `classifyRow`: whose row it is (the dealer, filled from above) and what it is (opening, carry-over,
 *    total, transaction), from its label; totals and other dealers' rows are skipped here.
 * 3. `readOpening` / `readTransaction`: the row's cells (date, amount, 余额, reference …) read into the
 *    openings or the entry table, with the running-balance check.
 * 4. `recordIssue`: a cell that cannot be read becomes a `ReadIssue` pointing at it.
 *
 * Everything a read needs lives in one `RowRead`, made per call: what is fixed for the sheet (`RowPlan`),
 * the per-call lookups of repeated texts (`Lookups`), and what carries from row to row (`RowState`).
 */
import type { CellValue, Fen, IsoDate, Opening, Side } from "../model";
import { absFen, addFen, fen, mulFen, subFen, sumFen } from "../money";
import { parseAmount, parseAmountFen } from "../values/amount";
import { parseDate, parseSmallInt, type DateResult } from "../values/date";
import { dealerKey } from "../values/refs";
import { parseTermDays } from "../values/term";
import { cellDisplay, cellText, isBlankCell } from "../values/text";
import { columnLetter } from "./columns";
import type { HeaderInfo } from "./header";
import { classifyLabel, isSignOff, type RowLabel } from "./labels";
import { normaliseHeader } from "./roles";
import { amountAt, EntryTableBuilder, pickRows } from "./entries";
import { blockTitleOf, type DealerBlock } from "./blocks";
import { formulaTrouble, isExcelError, rowOfKey } from "./formulas";
import type { BalanceCheck, ColumnMapping, ReadIssue, ReadResult, UnreadRow } from "./types";

const DIRECTION_DEBIT = /^(?:借|借方|dr|d|debit)$/i;
const DIRECTION_CREDIT = /^(?:贷|贷方|cr|c|credit)$/i;
const DIRECTION_FLAT = /^(?:平|0|-)$/;

/** Grid column index (0 = the grid's first column) of each role, -1 when the sheet has none. */
export interface Cols {
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
export interface Rows {
  length: number;
  /** The first rows (at least as many as the header search looks at), as arrays. */
  head: CellValue[][];
  /** Row `index`; past `head`, valid only until the next call. */
  at(index: number): CellValue[] | undefined;
}

/** What is fixed for one read before its first row: the sheet, its header and columns, the options. */
export interface RowPlan {
  sheet: string;
  /** Excel row of grid row 0, Excel column of grid column 0. */
  top: number;
  left: number;
  side: Side;
  header: HeaderInfo;
  mapping: ColumnMapping;
  cols: Cols;
  date1904: boolean;
  /** Excel rows hidden in the sheet; null when none are. */
  hidden: ReadonlySet<number> | null;
  /** Cells holding a formula without a stored result (`uncomputedSet`); null when none do. */
  uncomputed: ReadonlySet<number> | null;
  /** `ReadOptions.dealer` as a dealer key, `asOf` as given. */
  wantDealer: string | null;
  asOf: IsoDate | null;
  /** The dealer the sheet's title rows name (a one-dealer sheet, or the first block's). */
  titleDealer: string | null;
  /** Year for dates written without one; whether the sheet's period runs over a new year. */
  yearStart: number | null;
  spansYears: boolean;
}

/** A probe for a repeated header: the cell at `index` reading as the header's `key`. */
interface Probe {
  index: number;
  key: string;
}

/**
 * What is derived from repeated texts (dealer names, 摘要, dates), derived once per read, and the
 * read's other lookups. Made per call: nothing is shared between reads.
 */
interface Lookups {
  labelOf: (text: string) => RowLabel | null;
  headerKeyOf: (text: string) => string;
  signOffOf: (text: string) => boolean;
  dealerKeyOf: (text: string) => string;
  /** Other cells that may carry a row's label (期初余额 in the date column, 合计 in the dealer column). */
  labelCols: number[];
  /** What is derived from each text cell, by grid column (see `factsAt`). */
  columns: ColumnTexts[];
  /** Probes of the mapped columns, and of the upper row of a two-row header. */
  probes: Probe[];
  topProbes: Probe[];
  /** Dates read, by cell (a Date by its time): only results that do not depend on the running year. */
  dateCache: Map<CellValue, DateResult>;
  dateTimeCache: Map<number, DateResult>;
  /** The last date cell (not a Date) read to a result that does not depend on the running year, and that result. */
  lastDateCell: CellValue | undefined;
  lastDateResult: DateResult | undefined;
  /** The last cell of each money column read as an amount (a row's are read twice: is it a title line, what is its amount). */
  debitRead: LastAmount;
  creditRead: LastAmount;
  amountRead: LastAmount;
  balanceRead: LastAmount;
}

/**
 * What the reader derives from one text cell, each field when first asked for (undefined until then):
 * the same text is met row after row (a dealer's name, a 摘要, a date), and each of its readings is
 * made once.
 */
interface TextFacts {
  /** `cellText` of the cell. */
  text: string | undefined;
  /** `classifyLabel` of the cell as written, and of `text`. */
  label: RowLabel | null | undefined;
  textLabel: RowLabel | null | undefined;
  signOff: boolean | undefined;
  headerKey: string | undefined;
  /** `dealerKey(text)`. */
  key: string | undefined;
}

/**
 * One grid column's texts and their facts. A column whose texts turn out not to repeat (references, a
 * 摘要 carrying each row's document number) stops keeping them, so it costs neither memory nor lookups;
 * the last one is kept in any case (the row's other steps ask for the same cell again).
 */
interface ColumnTexts {
  last: string | null;
  lastFacts: TextFacts | null;
  known: Map<string, TextFacts> | null;
  misses: number;
  hits: number;
}

/** The facts of text cell `raw` of grid column `index`. */
function factsAt(look: Lookups, index: number, raw: string): TextFacts {
  let column = look.columns[index];
  if (column === undefined) {
    while (look.columns.length <= index) look.columns.push({ last: null, lastFacts: null, known: new Map(), misses: 0, hits: 0 });
    column = look.columns[index];
  }
  if (raw === column.last) return column.lastFacts as TextFacts;
  let facts = column.known === null ? undefined : column.known.get(raw);
  if (facts === undefined) {
    if (column.known === null && column.lastFacts !== null) {
      // Kept nowhere else: the last one's record serves this text.
      facts = column.lastFacts;
      facts.text = facts.label = facts.textLabel = facts.signOff = facts.headerKey = facts.key = undefined;
    } else facts = { text: undefined, label: undefined, textLabel: undefined, signOff: undefined, headerKey: undefined, key: undefined };
    if (column.known !== null) {
      if (++column.misses === 4096 && column.hits < column.misses) column.known = null;
      else if (column.known.size < 100_000) column.known.set(raw, facts);
    }
  } else column.hits++;
  column.last = raw;
  column.lastFacts = facts;
  return facts;
}

function textOfFacts(facts: TextFacts, raw: string): string {
  if (facts.text === undefined) facts.text = cellText(raw);
  return facts.text;
}

function labelOfFacts(facts: TextFacts, raw: string): RowLabel | null {
  if (facts.label === undefined) facts.label = classifyLabel(raw);
  return facts.label;
}

function textLabelOfFacts(look: Lookups, facts: TextFacts, raw: string): RowLabel | null {
  if (facts.textLabel === undefined) facts.textLabel = look.labelOf(textOfFacts(facts, raw));
  return facts.textLabel;
}

function keyOfFacts(look: Lookups, facts: TextFacts, raw: string): string {
  if (facts.key === undefined) facts.key = look.dealerKeyOf(textOfFacts(facts, raw));
  return facts.key;
}

/** A money column's last cell read as an amount (`parseAmountFen`) and what it read as. */
interface LastAmount {
  cell: CellValue | undefined;
  fen: Fen | null;
}

/** `parseAmountFen(value)`, kept for the next read of the same cell. */
function amountFenOf(last: LastAmount, value: CellValue | undefined): Fen | null {
  if (value === last.cell) return last.fen;
  const f = parseAmountFen(value);
  last.cell = value;
  last.fen = f;
  return f;
}

/** A text line read as a row that may yet turn out to be the next block's title (see `takeTitleLines`). */
interface TitleLine {
  row: number;
  text: string;
  errorsAt: number;
  skippedAt: number;
  unreadAt: number;
}

/** What carries from one row to the next. */
interface RowState {
  lastDate: IsoDate | null;
  lastMonth: number;
  year: number | null;
  lastDealer: string | null;
  lastRep: string | null;
  lastTerm: number | null;
  // Block exports (see ./blocks): the block being read, its dealer, and the text lines that may be the
  // next block's title (a 明细账 line or a period above its 核算项目 line).
  blocks: DealerBlock[];
  block: DealerBlock;
  blockNo: number;
  blockDealer: string | null;
  firstBlockEnd: number;
  inBlockTitle: boolean;
  titleLines: TitleLine[];
  /** Each dealer key's and each dealer's block's (`runKey`) run: one lookup gives all a row needs of it. */
  runs: Map<string, Run>;
  /** Dealers by key, as first written. */
  dealerSeen: Map<string, string>;
  /** The key `runOf` was last asked for, and its run (the next row is most often the same dealer's). */
  lastRunKey: string | null;
  lastRun: Run | null;
}

/**
 * The running state of a dealer (under its key) or of a dealer's block (under its `runKey`; a block
 * after the first has its own opening: another code of the same name). On the first block the two are
 * the same record. A new record stands for "nothing yet".
 */
interface Run {
  /** Running balance; undefined before the first opening or entry. */
  balance: Fen | undefined;
  /** Has had an entry (a key's record: in any block; a run's: in its block). */
  started: boolean;
  /** A key's record: the run its last opening or entry went to. */
  lastRun: string | undefined;
  /** A key's record: the dealer is in `dealerSeen`. */
  seen: boolean;
}

/** Whose row it is and what it is (step 2), filled in for each row in one object per read. */
interface RowFacts {
  dealer: string | null;
  /** The dealer cell was blank and the dealer came from the row above. */
  dealerFilled: boolean;
  descText: string;
  label: RowLabel | null;
  /** The text the label was read from (the 摘要, else the cell that carries it). */
  labelText: string;
  key: string;
  runKey: string;
}

/** One read of the rows: everything it uses and builds. */
interface RowRead {
  readonly plan: RowPlan;
  readonly look: Lookups;
  readonly state: RowState;
  readonly facts: RowFacts;
  readonly result: ReadResult;
  readonly unread: UnreadRow[];
  readonly table: EntryTableBuilder;
}

/** Reads the rows below the header into `result` (its table, openings, skips, errors, blocks, dealers). */
export function readRows(rows: Rows, plan: RowPlan, result: ReadResult): void {
  const read = startRead(rows, plan, result);
  const { state } = read;
  const headerEnd = plan.header.rows[plan.header.rows.length - 1];
  const rowCount = rows.length;
  for (let i = headerEnd + 1; i < rowCount; i++) {
    const row = rows.at(i);
    const excelRow = plan.top + i;
    if (layoutRow(read, row, excelRow)) continue;
    const cells = row as CellValue[];
    if (!classifyRow(read, cells, excelRow)) continue;
    const written = writtenBalance(read, cells, excelRow);
    if (read.facts.label === "opening" || read.facts.label === "carried") readOpening(read, cells, excelRow, written);
    else readTransaction(read, cells, excelRow, written);
  }
  // Below the last cell with a value, rows whose only cells the reader needs are formulas without a result.
  for (const excelRow of uncomputedRowsBelow(plan, plan.top + rowCount)) {
    const cells = new Array<CellValue>(Math.max(plan.header.columns.length, ...Object.values(plan.cols).map((c: number) => c + 1))).fill(null);
    if (layoutRow(read, cells, excelRow) || !classifyRow(read, cells, excelRow)) continue;
    readTransaction(read, cells, excelRow, undefined);
  }
  result.table = read.table.finish();
  result.closingBalance = addFen(result.closingBalance, result.openingBalance);
  if (state.blockNo > 0) settleBlocks(result, state.blocks, state.dealerSeen, plan.wantDealer, plan.titleDealer, state.firstBlockEnd, (d) => dealerKeyOf(read.look, d), plan.asOf);
  result.dealers = [...state.dealerSeen.values()];
}

function startRead(rows: Rows, plan: RowPlan, result: ReadResult): RowRead {
  const { cols, header } = plan;
  const headerEnd = header.rows[header.rows.length - 1];
  const table = new EntryTableBuilder(plan.sheet, { rep: cols.rep >= 0, term: cols.term >= 0, voucher: cols.voucher >= 0 }, rows.length - headerEnd - 1);

  // Repeated headers are spotted by the mapped columns' cells equalling their header text.
  const probes: Probe[] = [];
  for (const m of Object.values(plan.mapping)) {
    const c = header.columns[m!.column - plan.left];
    if (c && c.keys.length > 0) probes.push({ index: c.index, key: c.keys[0] });
  }
  const topProbes: Probe[] = [];
  for (const c of header.columns) if (c.keys.length > 1) topProbes.push({ index: c.index, key: c.keys[1] });
  const labelCols: number[] = [];
  for (const idx of [cols.date, cols.month, cols.ref, cols.voucher, cols.dealer, 0]) if (idx >= 0 && !labelCols.includes(idx)) labelCols.push(idx);
  const look: Lookups = {
    labelOf: memo(classifyLabel),
    headerKeyOf: memo(normaliseHeader),
    signOffOf: memo(isSignOff),
    dealerKeyOf: memo(dealerKey),
    labelCols,
    columns: [],
    probes,
    topProbes,
    dateCache: new Map(),
    dateTimeCache: new Map(),
    lastDateCell: undefined,
    lastDateResult: undefined,
    // A cell not read yet (undefined) reads as 0.
    debitRead: { cell: undefined, fen: fen(0) },
    creditRead: { cell: undefined, fen: fen(0) },
    amountRead: { cell: undefined, fen: fen(0) },
    balanceRead: { cell: undefined, fen: fen(0) },
  };

  const titleDealer = plan.titleDealer;
  const dealerSeen = new Map<string, string>();
  if (titleDealer !== null && cols.dealer < 0) dealerSeen.set(dealerKey(titleDealer), titleDealer);
  const block = firstBlock(rows, headerEnd, plan.top, plan.side, titleDealer);
  const state: RowState = {
    lastDate: null,
    lastMonth: 0,
    year: plan.yearStart,
    lastDealer: null,
    lastRep: null,
    lastTerm: null,
    blocks: [block],
    block,
    blockNo: 0,
    blockDealer: titleDealer,
    firstBlockEnd: Infinity,
    inBlockTitle: false,
    titleLines: [],
    runs: new Map(),
    dealerSeen,
    lastRunKey: null,
    lastRun: null,
  };
  const facts: RowFacts = { dealer: null, dealerFilled: false, descText: "", label: null, labelText: "", key: "", runKey: "" };
  const unread: UnreadRow[] = (result.unreadable = []);
  return { plan, look, state, facts, result, unread, table };
}

/** A dealer's key, `""` for none. */
function dealerKeyOf(look: Lookups, dealer: string | null): string {
  return dealer === null ? "" : look.dealerKeyOf(dealer);
}

/**
 * Step 1. A row of the sheet's layout rather than its data is recorded as skipped (blank, repeated
 * header, sign-off, block title, a line of a block's title): true. False for a row to read on; a text line
 * that may be the next block's title is noted (`titleLines`) and read on.
 */
function layoutRow(read: RowRead, row: CellValue[] | undefined, excelRow: number): boolean {
  const { plan, look, state, result } = read;
  if (!Array.isArray(row) || (isBlankRow(row) && !uncomputedInRow(plan, excelRow))) {
    result.skipped.push({ row: excelRow, reason: "blank", text: "" });
    return true;
  }
  if (plan.hidden !== null && plan.hidden.has(excelRow)) result.hiddenRowCount++;

  if (isRepeatedHeader(row, look.probes, look) || (look.topProbes.length >= 2 && isRepeatedHeader(row, look.topProbes, look))) {
    takeTitleLines(result, read.unread, state.titleLines);
    state.titleLines = [];
    state.inBlockTitle = false;
    result.skipped.push({ row: excelRow, reason: "header", text: firstText(row) });
    return true;
  }

  // Only the row's first filled cell can open a sign-off line; a date or an amount there ends the check.
  const leadAt = firstFilledAt(row);
  const lead = leadAt < 0 ? null : row[leadAt];
  if (typeof lead === "string" && signOffAt(look, leadAt, lead)) {
    result.skipped.push({ row: excelRow, reason: "sign-off", text: lead.trim() });
    return true;
  }

  if (amountCellsBlank(row, plan.cols, look)) {
    const title = blockTitleOf(row, plan.side);
    if (title !== null) {
      // Lines just above belong to this title, not to the data: they were no entries after all.
      takeTitleLines(result, read.unread, state.titleLines);
      state.titleLines = [];
      result.skipped.push({ row: excelRow, reason: "title", text: title.text });
      state.inBlockTitle = true;
      if (title.dealer !== null) startBlock(read, title.dealer, excelRow);
      return true;
    }
    const dateCol = plan.cols.date;
    if (textOnly(row, look.labelOf) && (dateCol < 0 || isBlankCell(row[dateCol]) || !parseDate(row[dateCol], { date1904: plan.date1904, yearHint: state.year }).ok)) {
      if (state.inBlockTitle) {
        result.skipped.push({ row: excelRow, reason: "title", text: firstText(row) });
        return true;
      }
      state.titleLines.push({ row: excelRow, text: firstText(row), errorsAt: result.errors.length, skippedAt: result.skipped.length, unreadAt: read.unread.length });
    } else endTitleLines(state);
  } else endTitleLines(state);
  state.inBlockTitle = false;
  if (state.titleLines.length === 0) state.block.lastRow = excelRow;
  return false;
}

/** A row that is no title line: the text lines above it were no block's title. */
function endTitleLines(state: RowState): void {
  if (state.titleLines.length > 0) state.titleLines = [];
}

/** A block title naming a dealer: the next block starts, read on its own (nothing carries down into it). */
function startBlock(read: RowRead, dealer: string, excelRow: number): void {
  const { plan, state } = read;
  if (state.blockNo === 0) state.firstBlockEnd = excelRow;
  state.blockNo++;
  state.blockDealer = dealer;
  state.block = { dealer, titleRow: excelRow, lastRow: excelRow, openingBalance: fen(0), entries: 0, closingBalance: fen(0) };
  state.blocks.push(state.block);
  state.lastDealer = null;
  state.lastDate = null;
  state.lastMonth = 0;
  state.year = plan.yearStart;
  const k = dealerKeyOf(read.look, dealer);
  if (plan.cols.dealer < 0 && (plan.wantDealer === null || k === plan.wantDealer)) noteDealer(state, runOf(state, k), dealer, k);
}

/**
 * Step 2. Whose row it is and what it is, into `read.facts`. Totals and, under a dealer filter, other
 * dealers' rows are recorded as skipped: false. The dealer comes first: a subtotal or opening of
 * another dealer must be filtered like its entries.
 */
function classifyRow(read: RowRead, row: CellValue[], excelRow: number): boolean {
  const { plan, look, state, result, facts } = read;
  const cols = plan.cols;
  let dealer: string | null = state.blockDealer;
  let dealerFilled = false;
  // The dealer cell's facts, when the row's dealer is its text.
  let dealerFacts: TextFacts | null = null;
  let dealerRaw = "";
  if (cols.dealer >= 0) {
    const v = row[cols.dealer];
    const facts = typeof v === "string" ? factsAt(look, cols.dealer, v) : null;
    const d = facts !== null ? textOfFacts(facts, v as string) : cellText(v);
    if (d !== "" && !isExcelError(v)) {
      dealer = d;
      dealerFacts = facts;
      dealerRaw = v as string;
    } else {
      dealer = state.lastDealer;
      dealerFilled = true;
    }
  }

  let descText = "";
  let label: RowLabel | null;
  if (cols.description >= 0) {
    const v = row[cols.description];
    if (typeof v === "string") {
      const facts = factsAt(look, cols.description, v);
      descText = textOfFacts(facts, v);
      label = textLabelOfFacts(look, facts, v);
    } else {
      descText = cellText(v);
      label = look.labelOf(descText);
    }
  } else label = look.labelOf(descText);
  let labelText = descText;
  if (label === null) {
    const labelCols = look.labelCols;
    for (let k = 0; k < labelCols.length; k++) {
      const v = row[labelCols[k]];
      if (typeof v !== "string") continue;
      const l = labelOfFacts(factsAt(look, labelCols[k], v), v);
      if (l !== null) {
        label = l;
        labelText = cellText(v);
        break;
      }
    }
  }
  if (label === "total") {
    result.skipped.push({ row: excelRow, reason: "total", text: labelText });
    return false;
  }
  if (cols.dealer >= 0 && label === null) state.lastDealer = dealer;
  // A dealer cell that cannot be read (see `cellTrouble`) may be the dealer asked for: the row is kept, unread.
  const dealerUnread = dealerFilled && plan.wantDealer !== null && troubleAt(read, row, excelRow, cols.dealer) !== null;
  if (dealerUnread) dealer = null;
  const key = dealerFacts !== null && dealer === dealerFacts.text ? keyOfFacts(look, dealerFacts, dealerRaw) : dealerKeyOf(look, dealer);
  if (plan.wantDealer !== null && (cols.dealer >= 0 || state.blockNo > 0) && !dealerUnread && (dealer === null || key !== plan.wantDealer)) {
    result.skipped.push({ row: excelRow, reason: "other-dealer", text: dealer ?? "" });
    return false;
  }
  facts.dealer = dealer;
  facts.dealerFilled = dealerFilled;
  facts.descText = descText;
  facts.label = label;
  facts.labelText = labelText;
  facts.key = key;
  facts.runKey = state.blockNo === 0 ? key : `${key}\u0000${state.blockNo}`;
  return true;
}

/** The balance written on the row, in our sign; undefined when blank, null when unreadable (recorded). */
function writtenBalance(read: RowRead, row: CellValue[], excelRow: number): Fen | null | undefined {
  const cols = read.plan.cols;
  if (cols.balance < 0 || isBlankCell(row[cols.balance])) return undefined;
  const b = parseAmount(row[cols.balance]);
  if (!b.ok) {
    recordIssue(read, troubleAt(read, row, excelRow, cols.balance) ?? "bad_amount", excelRow, cols.balance, row[cols.balance], "amount");
    return null;
  }
  // 方向 goes with 余额 when there are debit/credit columns (Kingdee, Yonyou).
  if ((cols.debit >= 0 || cols.credit >= 0) && cols.direction >= 0) {
    const s = directionSign(row[cols.direction], read.plan.side);
    if (s === null && !isBlankCell(row[cols.direction])) {
      recordIssue(read, "bad_direction", excelRow, cols.direction, row[cols.direction], "direction");
      return null;
    }
    if (s !== null) return mulFen(absFen(b.fen), s);
  }
  return b.fen;
}

/**
 * Step 3, an opening (期初余额) or carry-over (承前页) row. A block's 期初余额 opens its own account; a
 * carry-over continues the dealer's rows above. Either counts only before any entry of its dealer;
 * later ones are page carry-overs, only checked against the running balance.
 */
function readOpening(read: RowRead, row: CellValue[], excelRow: number, written: Fen | null | undefined): void {
  const { plan, state, result, facts } = read;
  const { label, key, runKey, dealer, labelText } = facts;
  const keyRun = runOf(state, key);
  const run = runKey === key ? keyRun : runOf(state, runKey);
  if (label === "carried" && state.blockNo > 0 && run.balance === undefined && keyRun.lastRun !== undefined) run.balance = runOf(state, keyRun.lastRun).balance;
  if (!(label === "opening" ? run : keyRun).started) {
    let amount: Fen | null = written ?? null;
    const openingErrors = result.errors.length;
    cellTrouble(read, row, excelRow, plan.cols.dealer, "dealer");
    if (written === undefined) amount = rowAmount(read, row, excelRow);
    // The opening in a 余额 formula saved without its result: not read as 0.
    if (amount === 0 && plan.cols.balance >= 0 && troubleAt(read, row, excelRow, plan.cols.balance) !== null) {
      recordIssue(read, "uncomputed_formula", excelRow, plan.cols.balance, row[plan.cols.balance], "amount");
    }
    if (result.errors.length > openingErrors) amount = null;
    if (amount === null && result.errors.length > openingErrors) {
      const refText = plan.cols.ref >= 0 ? cellText(row[plan.cols.ref]) : "";
      read.unread.push(unreadRow(plan.sheet, excelRow, dealer, null, refText, labelText, true, result.errors.slice(openingErrors)));
    }
    if (amount !== null) {
      const dateCol = plan.cols.date;
      const dateRes = dateCol >= 0 && !isBlankCell(row[dateCol]) ? parseDate(row[dateCol], { date1904: plan.date1904, yearHint: state.year }) : null;
      const opening: Opening = { sheet: plan.sheet, row: excelRow, dealer, date: dateRes?.ok ? dateRes.date : null, amount };
      result.openings.push(opening);
      result.openingBalance = addFen(result.openingBalance, amount);
      run.balance = addFen(run.balance ?? fen(0), amount);
      keyRun.lastRun = runKey;
      state.block.openingBalance = addFen(state.block.openingBalance, amount);
      state.block.closingBalance = addFen(state.block.closingBalance, amount);
      noteDealer(state, keyRun, dealer, key);
    }
    result.skipped.push({ row: excelRow, reason: "opening", text: labelText });
  } else {
    if (typeof written === "number") compareBalance(result.balanceCheck, run, fen(0), written, excelRow);
    result.skipped.push({ row: excelRow, reason: "carried", text: labelText });
  }
}

/**
 * Step 3, a transaction: its date and amount, then the entry into the table. A row with a cell that
 * cannot be read stays out of the table (and is listed in `unreadable` when it looks like an entry).
 */
function readTransaction(read: RowRead, row: CellValue[], excelRow: number, written: Fen | null | undefined): void {
  const { plan, state, result, facts } = read;
  const cols = plan.cols;
  const { dealer, descText, key, runKey } = facts;
  const keyRun = runOf(state, key);
  const run = runKey === key ? keyRun : runOf(state, runKey);
  const errorsBefore = result.errors.length;
  const date = cols.date < 0 ? splitDateOf(read, row, excelRow) : rowDate(read, row, excelRow);
  cellTrouble(read, row, excelRow, cols.dealer, "dealer");
  cellTrouble(read, row, excelRow, cols.ref, "reference");

  const amount = rowAmount(read, row, excelRow);
  if (result.errors.length > errorsBefore || amount === null) {
    const cells = result.errors.slice(errorsBefore);
    const refText = cols.ref >= 0 ? cellText(row[cols.ref]) : "";
    const dateCellFilled = cols.date < 0 ? !isBlankCell(row[cols.month]) || !isBlankCell(row[cols.day]) : !isBlankCell(row[cols.date]);
    if (looksLikeEntry(cells, amount, dateCellFilled, refText, descText)) {
      read.unread.push(unreadRow(plan.sheet, excelRow, dealer, date, refText, descText, false, cells));
    }
    if (typeof written === "number") run.balance = written;
    if (date !== null) state.lastDate = date;
    return;
  }
  if (date !== null) {
    state.lastDate = date;
    state.lastMonth = monthOf(date);
  }
  if (amount === 0) {
    result.skipped.push({ row: excelRow, reason: "no-amount", text: descText || firstText(row) });
    return;
  }

  keyRun.started = true;
  run.started = true;
  keyRun.lastRun = runKey;
  const asOf = plan.asOf;
  const block = state.block;
  block.entries++;
  if (asOf === null || date === null || date <= asOf) block.closingBalance = addFen(block.closingBalance, amount);
  if (typeof written === "number") compareBalance(result.balanceCheck, run, amount, written, excelRow);
  else run.balance = addFen(run.balance ?? fen(0), amount);
  const afterAsOf = asOf !== null && date !== null && date > asOf;
  noteDealer(state, keyRun, dealer, key);
  if (!afterAsOf) result.closingBalance = addFen(result.closingBalance, amount);
  addEntry(read, row, excelRow, date, amount, afterAsOf);
}

/** The rest of a transaction's cells (reference, rep, term, voucher) and the entry into the table. */
function addEntry(read: RowRead, row: CellValue[], excelRow: number, date: IsoDate | null, amount: Fen, afterAsOf: boolean): void {
  const { plan, state, facts } = read;
  const cols = plan.cols;
  const refCell = cols.ref >= 0 ? cellText(row[cols.ref]) : "";
  let rep: string | null = cols.rep >= 0 ? cellText(row[cols.rep]) || null : null;
  let termDays: number | null = cols.term >= 0 ? parseTermDays(row[cols.term]) : null;
  // A row whose dealer was filled from above takes that dealer's rep and term too.
  if (facts.dealerFilled && cols.rep >= 0 && rep === null) rep = state.lastRep;
  if (facts.dealerFilled && cols.term >= 0 && termDays === null && isBlankCell(row[cols.term])) termDays = state.lastTerm;
  state.lastRep = rep;
  state.lastTerm = termDays;
  const voucher = cols.voucher >= 0 ? cellText(row[cols.voucher]) || null : null;
  const hidden = plan.hidden !== null && plan.hidden.has(excelRow);
  read.table.add(excelRow, date, refCell, facts.descText, amount, facts.dealer, rep, termDays, voucher, hidden, afterAsOf);
}

/** A transaction's date from its date cell (blank: the date above); null when unreadable (recorded). */
function rowDate(read: RowRead, row: CellValue[], excelRow: number): IsoDate | null {
  const { plan, look, state } = read;
  const col = plan.cols.date;
  const cell = row[col];
  if (isBlankCell(cell)) {
    if (plan.uncomputed !== null && troubleAt(read, row, excelRow, col) !== null) {
      recordIssue(read, "uncomputed_formula", excelRow, col, cell, "date");
      return null;
    }
    if (state.lastDate !== null) return state.lastDate;
    recordIssue(read, "missing_date", excelRow, col, cell, "date");
    return null;
  }
  // Dates repeat a lot in long ledgers; only results that do not depend on the running year are kept.
  // The row above most often has the same date: its cell is checked before the map.
  const time = cell instanceof Date ? cell.getTime() : null;
  let res = time === null && cell === look.lastDateCell ? look.lastDateResult : undefined;
  if (res === undefined) {
    res = time !== null ? look.dateTimeCache.get(time) : look.dateCache.get(cell as CellValue);
    let kept = res !== undefined;
    if (res === undefined) {
      res = parseDate(cell, { date1904: plan.date1904, yearHint: state.year });
      const yearDependent = res.ok ? res.yearFromHint : res.reason === "no_year";
      if (!yearDependent) {
        kept = true;
        if (time !== null) {
          if (look.dateTimeCache.size < 50_000) look.dateTimeCache.set(time, res);
        } else if (look.dateCache.size < 50_000) look.dateCache.set(cell as CellValue, res);
      }
    }
    if (kept && time === null) {
      look.lastDateCell = cell;
      look.lastDateResult = res;
    }
  }
  if (res.ok && res.yearFromHint && plan.spansYears) {
    const month = monthOf(res.date);
    if (month < state.lastMonth && state.year !== null) {
      state.year++;
      res = parseDate(cell, { date1904: plan.date1904, yearHint: state.year });
    }
  }
  if (res.ok) return res.date;
  if (isExcelError(cell)) recordIssue(read, "formula_error", excelRow, col, cell, "date");
  else if (res.reason === "no_year") recordIssue(read, "missing_year", excelRow, col, cell, "year");
  else recordIssue(read, "bad_date", excelRow, col, cell, "date");
  return null;
}

/** A transaction's date from split 年/月/日 columns; null when unreadable (recorded). */
function splitDateOf(read: RowRead, row: CellValue[], excelRow: number): IsoDate | null {
  const { plan, state } = read;
  const cols = plan.cols;
  const lastDate = state.lastDate;
  for (const index of [cols.year, cols.month, cols.day]) {
    const trouble = index >= 0 ? troubleAt(read, row, excelRow, index) : null;
    if (trouble !== null) {
      recordIssue(read, trouble, excelRow, index, row[index], index === cols.year ? "year" : "date");
      return null;
    }
  }
  const monthCell = row[cols.month];
  const dayCell = row[cols.day];
  if (isBlankCell(monthCell) && isBlankCell(dayCell)) {
    if (lastDate !== null) return lastDate;
    recordIssue(read, "missing_date", excelRow, cols.month, monthCell, "date");
    return null;
  }
  const month = isBlankCell(monthCell) && lastDate !== null ? monthOf(lastDate) : parseSmallInt(monthCell, 12);
  if (month === null) {
    recordIssue(read, "bad_date", excelRow, cols.month, monthCell, "date");
    return null;
  }
  const day = parseSmallInt(dayCell, 31);
  if (day === null) {
    recordIssue(read, "bad_date", excelRow, cols.day, dayCell, "date");
    return null;
  }
  let y = state.year;
  if (cols.year >= 0 && !isBlankCell(row[cols.year])) {
    y = parseSmallInt(row[cols.year], 9999);
    if (y === null || y < 1900) {
      recordIssue(read, "bad_date", excelRow, cols.year, row[cols.year], "year");
      return null;
    }
  } else if (y !== null && plan.spansYears && month < state.lastMonth) {
    y++;
    state.year = y;
  }
  if (y === null) {
    recordIssue(read, "missing_year", excelRow, cols.month, monthCell, "year");
    return null;
  }
  const res = parseDate(`${y}-${month}-${day}`);
  if (!res.ok) {
    recordIssue(read, "bad_date", excelRow, cols.day, dayCell, "date");
    return null;
  }
  return res.date;
}

/** The row's amount in our sign, or null when a cell cannot be read (recorded). */
function rowAmount(read: RowRead, row: CellValue[], excelRow: number): Fen | null {
  const cols = read.plan.cols;
  let bad = false;
  let amount = fen(0);
  // A blank cell is 0 unless it holds a formula saved without its result.
  const unknown = read.plan.uncomputed !== null;
  if (cols.debit >= 0) {
    const d = amountFenOf(read.look.debitRead, row[cols.debit]);
    if (d !== null && !(unknown && troubleAt(read, row, excelRow, cols.debit) !== null)) amount = addFen(amount, d);
    else {
      recordIssue(read, troubleAt(read, row, excelRow, cols.debit) ?? "bad_amount", excelRow, cols.debit, row[cols.debit], "amount");
      bad = true;
    }
  }
  if (cols.credit >= 0) {
    const c = amountFenOf(read.look.creditRead, row[cols.credit]);
    if (c !== null && !(unknown && troubleAt(read, row, excelRow, cols.credit) !== null)) amount = subFen(amount, c);
    else {
      recordIssue(read, troubleAt(read, row, excelRow, cols.credit) ?? "bad_amount", excelRow, cols.credit, row[cols.credit], "amount");
      bad = true;
    }
  }
  if (cols.amount >= 0) {
    const a = amountFenOf(read.look.amountRead, row[cols.amount]);
    if (a === null || (unknown && troubleAt(read, row, excelRow, cols.amount) !== null)) {
      recordIssue(read, troubleAt(read, row, excelRow, cols.amount) ?? "bad_amount", excelRow, cols.amount, row[cols.amount], "amount");
      bad = true;
    } else if (cols.direction >= 0 && cols.debit < 0 && cols.credit < 0 && (!isBlankCell(row[cols.direction]) || (unknown && troubleAt(read, row, excelRow, cols.direction) !== null))) {
      // 方向 goes with the amount when there are no debit/credit columns.
      const s = directionSign(row[cols.direction], read.plan.side);
      if (s === null) {
        recordIssue(read, troubleAt(read, row, excelRow, cols.direction) ?? "bad_direction", excelRow, cols.direction, row[cols.direction], "direction");
        bad = true;
      } else amount = addFen(amount, mulFen(absFen(a), s));
    } else amount = addFen(amount, a);
  }
  return bad ? null : amount;
}

/** Step 4: a cell that cannot be read, as an issue pointing at it (grid column `index`). */
function recordIssue(read: RowRead, code: ReadIssue["code"], row: number, index: number, value: CellValue | undefined, expected: ReadIssue["expected"]): void {
  const plan = read.plan;
  read.result.errors.push({
    code,
    sheet: plan.sheet,
    row,
    column: columnLetter(plan.left + index),
    header: plan.header.columns[index]?.label ?? null,
    found: cellDisplay(value),
    expected,
  });
}

/** What keeps the cell at grid column `index` of the row from being read, if a formula does (see ./formulas). */
function troubleAt(read: RowRead, row: CellValue[], excelRow: number, index: number): ReturnType<typeof formulaTrouble> {
  return formulaTrouble(read.plan.uncomputed, excelRow, read.plan.left + index, row[index]);
}

/** A dealer or reference cell holding a formula without a result, or an error: recorded (the row is then unread). */
function cellTrouble(read: RowRead, row: CellValue[], excelRow: number, index: number, expected: "dealer" | "reference"): void {
  if (index < 0) return;
  const trouble = troubleAt(read, row, excelRow, index);
  if (trouble !== null) recordIssue(read, trouble, excelRow, index, row[index], expected);
}

/** Whether a row that shows nothing has a formula without a result in a column the reader reads. */
function uncomputedInRow(plan: RowPlan, excelRow: number): boolean {
  if (plan.uncomputed === null) return false;
  const c = plan.cols;
  for (const index of [c.date, c.year, c.month, c.day, c.debit, c.credit, c.amount, c.dealer, c.ref]) {
    if (index >= 0 && formulaTrouble(plan.uncomputed, excelRow, plan.left + index, null) !== null) return true;
  }
  return false;
}

/** Rows from `firstRow` on with a formula without a result in a column the reader reads, in order. */
function uncomputedRowsBelow(plan: RowPlan, firstRow: number): number[] {
  if (plan.uncomputed === null) return [];
  const rows = new Set<number>();
  for (const key of plan.uncomputed) {
    const r = rowOfKey(key);
    if (r >= firstRow && !rows.has(r) && uncomputedInRow(plan, r)) rows.add(r);
  }
  return [...rows].sort((a, b) => a - b);
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

/** The month of an ISO date (`YYYY-MM-DD`), from its digits. */
function monthOf(date: IsoDate): number {
  return (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
}

/** Index of the row's first cell that is not null, undefined or `""`; -1 when none is. */
function firstFilledAt(row: CellValue[]): number {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v !== null && v !== undefined && v !== "") return c;
  }
  return -1;
}

function signOffAt(look: Lookups, index: number, raw: string): boolean {
  const facts = factsAt(look, index, raw);
  if (facts.signOff === undefined) facts.signOff = look.signOffOf(raw);
  return facts.signOff;
}

/** The row's first non-blank cell as shown, `""` when none. */
export function firstText(row: CellValue[] | undefined): string {
  if (!Array.isArray(row)) return "";
  for (const v of row) {
    const t = cellDisplay(v);
    if (t !== "") return t;
  }
  return "";
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
function amountCellsBlank(row: CellValue[], cols: Cols, look: Lookups): boolean {
  const none = (index: number, last: LastAmount) => {
    if (index < 0) return true;
    const v = row[index];
    return isBlankCell(v) || (typeof v === "string" && amountFenOf(last, v) === null);
  };
  return none(cols.debit, look.debitRead) && none(cols.credit, look.creditRead) && none(cols.amount, look.amountRead) && none(cols.balance, look.balanceRead);
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
function takeTitleLines(result: ReadResult, unread: UnreadRow[], lines: TitleLine[]): void {
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
      result.openingBalance = sumFen(result.openings, (o) => o.amount);
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
  // A formula in a cell the reader needs was meant to give a value: its row is an entry, whatever else it holds.
  if (cells.some((c) => c.code === "uncomputed_formula" || c.code === "formula_error")) return true;
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

/** The run of a dealer key or `runKey`, made when first asked for. */
function runOf(state: RowState, key: string): Run {
  if (key === state.lastRunKey) return state.lastRun as Run;
  let run = state.runs.get(key);
  if (run === undefined) {
    run = { balance: undefined, started: false, lastRun: undefined, seen: false };
    state.runs.set(key, run);
  }
  state.lastRunKey = key;
  state.lastRun = run;
  return run;
}

/** The dealer (as written) among the sheet's dealers, if its key is not there yet. `keyRun` is the key's run. */
function noteDealer(state: RowState, keyRun: Run, dealer: string | null, key: string): void {
  if (dealer === null || keyRun.seen) return;
  keyRun.seen = true;
  if (!state.dealerSeen.has(key)) state.dealerSeen.set(key, dealer);
}

function compareBalance(check: BalanceCheck, run: Run, amount: Fen, written: Fen, row: number): void {
  const expected = addFen(run.balance ?? fen(0), amount);
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
  run.balance = written;
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

function isRepeatedHeader(row: CellValue[], probes: Probe[], look: Lookups): boolean {
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
    const facts = factsAt(look, probes[p].index, v);
    if (facts.headerKey === undefined) facts.headerKey = look.headerKeyOf(v);
    if (facts.headerKey === probes[p].key) hits++;
    else if (p === 0) return false;
  }
  return hits >= 2 || (hits === 1 && probes.length === 1);
}
