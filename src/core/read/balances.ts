/**
 * Balance tables (科目余额表 / 往来余额表 / 客户余额表): one row per dealer with 期初余额, 本期借方, 本期贷方 and
 * 期末余额 and no dates, what an ERP gives when asked for balances by 核算项目. They are not entries, but they
 * are what confirmation letters and a balances-only check against a statement need.
 *
 * Two header forms are read: one row (`客户 | 期初余额 | 本期借方 | 本期贷方 | 期末余额`), and two rows where
 * 期初余额 / 本期发生额 / 期末余额 each span a 借方 and a 贷方 column (a balance is then 借 − 贷). Each row is
 * checked: 期初 + 借 − 贷 = 期末. Amounts are in our sign (a 借方 balance: the dealer owes us).
 */
import type { CellValue, Fen, Grid, IsoDate, Opening } from "../model";
import { daysInMonth, isValidYmd, ymdToIso } from "../dates";
import { absFen, addFen, fen as asFen, mulFen, subFen, sumFen } from "../money";
import { parseAmountFen } from "../values/amount";
import { dealerKey } from "../values/refs";
import { cellText, toHalfWidth } from "../values/text";
import { emptyTable } from "./entries";
import { classifyLabel } from "./labels";
import { parseTitles } from "./title";
import { formulaTrouble, uncomputedSet } from "./formulas";
import { readIssueMessage } from "./messages";
import { columnLetter } from "./columns";
import type { Message } from "../messages";
import type { ReadIssue, ReadResult, UnreadRow } from "./types";

export interface BalanceRow {
  sheet: string;
  row: number;
  dealer: string;
  /** 期初余额; null when the table has no 期初 column. */
  opening: Fen | null;
  debit: Fen;
  credit: Fen;
  closing: Fen;
}

/** A row whose 期初 + 借 − 贷 is not its 期末. */
export interface BalanceRowMismatch {
  sheet: string;
  row: number;
  dealer: string;
  /** 期初 + 借 − 贷. */
  expected: Fen;
  /** 期末 as written. */
  found: Fen;
}

/**
 * A cell of a figure the row needs (期初, 本期借方/贷方, 期末, their 方向, or the dealer's name) that cannot be
 * read: text that is not an amount, a formula saved without its result (`Grid.uncomputed`), or an Excel
 * error value. Its row is left out: its dealer has no balance in the table, never a balance of 0.
 */
export interface BalanceCell {
  sheet: string;
  row: number;
  column: number;
  /** The text in the cell; "" for a formula without a result. */
  found: string;
  /** The row's dealer as written; "" when the dealer cell itself cannot be read. */
  dealer: string;
  /** The column's header as written. */
  header: string;
  code: "bad_amount" | "uncomputed_formula" | "formula_error";
  expected: "amount" | "direction" | "dealer";
}

export interface BalanceTable {
  sheet: string;
  /** The cut-off the balances are at: the user's, else from the title (截止 2026-08-31, 2026年8月), else null. */
  cutoff: IsoDate | null;
  cutoffSource: "user" | "title" | null;
  headerRows: number[];
  hasOpening: boolean;
  rows: BalanceRow[];
  mismatches: BalanceRowMismatch[];
  /** Totals rows (合计) and rows without a dealer, left out. */
  skipped: { row: number; reason: "total" | "blank"; text: string }[];
  /** Cells of the figures a row needs that could not be read; their rows are left out (see `BalanceCell`). */
  unreadable: BalanceCell[];
}

const DEALER_HEADER = /^(?:客户|客户名称|往来单位|往来单位名称|单位名称|核算项目|核算项目名称|经销商|经销商名称|名称|户名|对方单位)$/;
const CODE_HEADER = /^(?:客户编码|编码|代码|核算项目编码|客户代码|往来单位编码|科目编码|科目代码)$/;
const OPENING = /^(?:期初余额|期初|年初余额|期初数)$/;
const CLOSING = /^(?:期末余额|期末|余额|期末数)$/;
const DEBIT = /^(?:本期借方|借方发生额|本期借方发生额|借方发生|本期增加|借方)$/;
const CREDIT = /^(?:本期贷方|贷方发生额|本期贷方发生额|贷方发生|本期减少|贷方)$/;
const MOVEMENT = /^(?:本期发生额|本期发生|发生额|本期合计)$/;
const DIRECTION = /^(?:方向|余额方向|期初方向|期末方向)$/;
/** Headers that make a sheet a ledger or statement of entries instead (dates, split 月/日, vouchers, documents, 摘要). */
const DATE_HEADER = /日期|凭证|^[年月日]$|单号|单据|发票号|摘要/;

const norm = (v: CellValue | undefined): string => toHalfWidth(cellText(v)).replace(/\s+/g, "");

interface Layout {
  headerRows: number[];
  dealer: number;
  code: number;
  /** Column pairs: [debit column, credit column], or a single signed column as [c, -1]. */
  opening: [number, number] | null;
  debit: number;
  credit: number;
  closing: [number, number];
  /** 方向 columns for the single-column balances (期初, 期末), -1 when none. */
  openingDirection: number;
  closingDirection: number;
}

function findLayout(values: CellValue[][]): Layout | null {
  const limit = Math.min(values.length, 30);
  for (let r = 0; r < limit; r++) {
    const row = (values[r] ?? []).map(norm);
    if (row.some((t) => DATE_HEADER.test(t))) continue;
    const dealer = row.findIndex((t) => DEALER_HEADER.test(t));
    if (dealer < 0) continue;
    const code = row.findIndex((t) => CODE_HEADER.test(t));
    const opening = row.findIndex((t) => OPENING.test(t));
    const closing = row.findIndex((t) => CLOSING.test(t));
    const debit = row.findIndex((t) => DEBIT.test(t) && t !== "借方");
    const credit = row.findIndex((t) => CREDIT.test(t) && t !== "贷方");
    const next = (values[r + 1] ?? []).map(norm);
    const subDebit = (from: number): number => (next[from] === "借方" || next[from] === "借" ? from : -1);
    // Two header rows: 期初余额 / 本期发生额 / 期末余额 over 借方 | 贷方.
    if (closing >= 0 && subDebit(closing) >= 0 && /^贷方?$/.test(next[closing + 1] ?? "")) {
      const movement = row.findIndex((t) => MOVEMENT.test(t));
      const movementAt = movement >= 0 ? movement : next.findIndex((t, i) => (t === "借方" || t === "借") && i !== opening && i !== closing);
      if (movementAt < 0 || !/^借方?$/.test(next[movementAt] ?? "")) continue;
      return {
        headerRows: [r, r + 1],
        dealer,
        code,
        opening: opening >= 0 && subDebit(opening) >= 0 ? [opening, opening + 1] : null,
        debit: movementAt,
        credit: movementAt + 1,
        closing: [closing, closing + 1],
        openingDirection: -1,
        closingDirection: -1,
      };
    }
    if (closing < 0 || debit < 0 || credit < 0) continue;
    const directionBefore = (c: number): number => (c > 0 && DIRECTION.test(row[c - 1]) ? c - 1 : c + 1 < row.length && DIRECTION.test(row[c + 1]) && c + 1 !== debit ? c + 1 : -1);
    return {
      headerRows: [r],
      dealer,
      code,
      opening: opening >= 0 ? [opening, -1] : null,
      debit,
      credit,
      closing: [closing, -1],
      openingDirection: opening >= 0 ? directionBefore(opening) : -1,
      closingDirection: directionBefore(closing),
    };
  }
  return null;
}

const CUTOFF = /(?:截止|截至|截止日期|截止到|至)\s*[:：]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const MONTH_ONLY = /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)/;

/** The cut-off a balance table's title gives: `截止 2026-08-31`, a period's end, or the end of `2026年8月`. */
export function cutoffFromTitles(texts: readonly string[]): IsoDate | null {
  for (const raw of texts) {
    const m = CUTOFF.exec(toHalfWidth(raw));
    if (m && isValidYmd(+m[1], +m[2], +m[3])) return ymdToIso(+m[1], +m[2], +m[3]);
  }
  const titles = parseTitles([...texts]);
  if (titles.periodTo !== null) return titles.periodTo;
  for (const raw of texts) {
    const m = MONTH_ONLY.exec(toHalfWidth(raw));
    if (m && isValidYmd(+m[1], +m[2], 1)) return ymdToIso(+m[1], +m[2], daysInMonth(+m[1], +m[2]));
  }
  return null;
}

/** A 方向 cell's sign: 借 +1, 贷 −1, 平 or blank +1 (the amount as written). */
function directionOf(v: CellValue | undefined): number {
  const t = norm(v);
  return /^贷/.test(t) ? -1 : 1;
}

/**
 * The grid read as a balance table, or null when it is not one (a ledger or statement of entries, or
 * anything without a dealer column and 期末 and movement columns). `cutoff` is the user's date and wins over
 * the title's.
 */
export function readBalanceTable(grid: Grid, cutoff?: IsoDate): BalanceTable | null {
  const values: CellValue[][] = Array.isArray(grid.values) ? grid.values : [];
  const layout = findLayout(values);
  if (layout === null) return null;
  const top = Number.isInteger(grid.top) ? grid.top : 1;
  const left = Number.isInteger(grid.left) ? grid.left : 1;
  const sheet = grid.sheet;
  const titleTexts: string[] = [];
  for (let r = 0; r < layout.headerRows[0]; r++) for (const v of values[r] ?? []) if (typeof v === "string" && v.trim() !== "") titleTexts.push(v);
  const fromTitle = cutoffFromTitles(titleTexts);
  const table: BalanceTable = {
    sheet,
    cutoff: cutoff ?? fromTitle,
    cutoffSource: cutoff !== undefined ? "user" : fromTitle !== null ? "title" : null,
    headerRows: layout.headerRows.map((r) => top + r),
    hasOpening: layout.opening !== null,
    rows: [],
    mismatches: [],
    skipped: [],
    unreadable: [],
  };
  const last = layout.headerRows[layout.headerRows.length - 1];
  const uncomputed = uncomputedSet(grid.uncomputed);
  // A column's header; under two header rows the group's (期末余额, spanning 借方 | 贷方) and the column's own.
  const headerOf = (c: number): string => {
    const head = values[layout.headerRows[0]] ?? [];
    if (layout.headerRows.length === 1) return cellText(head[c]);
    const group = cellText(head[c]) || (c > 0 ? cellText(head[c - 1]) : "");
    const own = cellText(values[layout.headerRows[1]]?.[c]);
    return group !== "" && own !== "" && group !== own ? `${group} ${own}` : group || own;
  };
  for (let r = last + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const excelRow = top + r;
    const trouble = (c: number) => (c < 0 ? null : formulaTrouble(uncomputed, excelRow, left + c, row[c]));
    const dealerTrouble = trouble(layout.dealer);
    const dealer = dealerTrouble !== null ? "" : cellText(row[layout.dealer]);
    const codeText = layout.code >= 0 ? cellText(row[layout.code]) : "";
    const label = classifyLabel(dealer) ?? classifyLabel(codeText) ?? classifyLabel(cellText(row[0]));
    if (label === "total") {
      table.skipped.push({ row: excelRow, reason: "total", text: dealer || codeText || cellText(row[0]) });
      continue;
    }
    const cell = (c: number, code: BalanceCell["code"], expected: BalanceCell["expected"]): BalanceCell => ({
      sheet,
      row: excelRow,
      column: left + c,
      found: cellText(row[c]),
      dealer,
      header: headerOf(c),
      code,
      expected,
    });
    // A dealer cell that cannot be read: the row's figures belong to a dealer nobody can name.
    if (dealerTrouble !== null) {
      table.unreadable.push(cell(layout.dealer, dealerTrouble, "dealer"));
      continue;
    }
    if (dealer === "") {
      if (row.some((v) => cellText(v) !== "")) table.skipped.push({ row: excelRow, reason: "blank", text: codeText });
      continue;
    }
    const bad: BalanceCell[] = [];
    const amount = (c: number): Fen => {
      if (c < 0) return asFen(0);
      const v = row[c];
      // A formula saved without its result or showing an error is not an empty cell (0) nor a badly written amount.
      const t = trouble(c);
      if (t !== null) {
        bad.push(cell(c, t, "amount"));
        return asFen(0);
      }
      if (v === null || v === undefined || cellText(v) === "") return asFen(0);
      const fen = parseAmountFen(v);
      if (fen === null) {
        bad.push(cell(c, "bad_amount", "amount"));
        return asFen(0);
      }
      return fen;
    };
    const balance = (pair: [number, number], direction: number): Fen => {
      if (pair[1] >= 0) return subFen(amount(pair[0]), amount(pair[1]));
      const written = amount(pair[0]);
      if (direction < 0) return written;
      const t = trouble(direction);
      if (t !== null) bad.push(cell(direction, t, "direction"));
      return mulFen(absFen(written), directionOf(row[direction]));
    };
    const opening = layout.opening ? balance(layout.opening, layout.openingDirection) : null;
    const debit = amount(layout.debit);
    const credit = amount(layout.credit);
    const closing = balance(layout.closing, layout.closingDirection);
    if (bad.length > 0) {
      table.unreadable.push(...bad);
      continue;
    }
    table.rows.push({ sheet, row: excelRow, dealer, opening, debit, credit, closing });
    const expected = opening === null ? null : subFen(addFen(opening, debit), credit);
    if (expected !== null && expected !== closing) {
      table.mismatches.push({ sheet, row: excelRow, dealer, expected, found: closing });
    }
  }
  return table;
}

/** The table's row for a dealer (names compared as the reader compares them), or null. */
export function balanceRowOf(table: BalanceTable, dealer: string): BalanceRow | null {
  const key = dealerKey(dealer);
  return table.rows.find((r) => dealerKey(r.dealer) === key) ?? null;
}

/** A cell that cannot be read, as the reader's issue at that cell (its message names sheet, cell and header and says what to do). */
export function balanceCellIssue(c: BalanceCell): ReadIssue {
  return { code: c.code, sheet: c.sheet, row: c.row, column: columnLetter(c.column), header: c.header || null, found: c.found, expected: c.expected };
}

/** What is wrong with the cell and what to do, as the reader says it for a ledger's cell. */
export function balanceCellMessage(c: BalanceCell): Message {
  return readIssueMessage(balanceCellIssue(c));
}

/** The rows left out for cells that cannot be read, one per row (a row's cells together), in the table's order. */
export function unreadBalanceRows(table: BalanceTable): UnreadRow[] {
  const byRow = new Map<number, UnreadRow>();
  for (const c of table.unreadable) {
    let u = byRow.get(c.row);
    if (!u) byRow.set(c.row, (u = { sheet: c.sheet, row: c.row, dealer: c.dealer === "" ? null : c.dealer, date: null, ref: null, description: "", opening: true, cells: [] }));
    u.cells.push(balanceCellIssue(c));
  }
  return [...byRow.values()];
}

/**
 * The table as a read result where only balances are needed (letters): each dealer's 期末余额 as its
 * opening, undated (it is the balance at the table's cut-off), and no entries. Rows left out for cells that
 * cannot be read are its unread rows (openings: each is a dealer's balance), their cells its errors.
 */
export function balanceTableAsRead(table: BalanceTable): ReadResult {
  const openings: Opening[] = table.rows.map((r) => ({ sheet: r.sheet, row: r.row, dealer: r.dealer, date: null, amount: r.closing }));
  const total = sumFen(openings, (o) => o.amount);
  const unread = unreadBalanceRows(table);
  return {
    sheet: table.sheet,
    side: "ledger",
    sideSource: "headers",
    headerRows: table.headerRows,
    dealer: null,
    dealers: table.rows.map((r) => r.dealer),
    table: emptyTable(),
    openings,
    openingBalance: total,
    closingBalance: total,
    mapping: {},
    skipped: table.skipped.map((s) => ({ row: s.row, reason: s.reason, text: s.text })),
    errors: unread.flatMap((u) => u.cells),
    unreadable: unread,
    balanceCheck: { checked: false, firstMismatchRow: null, mismatches: 0 },
    balanceRowsNotAddingUp: table.mismatches.map((m) => ({ sheet: m.sheet, row: m.row, dealer: m.dealer, expected: m.expected, found: m.found })),
    hiddenRowCount: 0,
    ...(table.cutoff !== null ? { asOf: table.cutoff, periodTo: table.cutoff } : {}),
  };
}
