/**
 * The credit register (信用档案): one row per dealer with its grade, limit and term. Read by its header
 * labels (the user may move columns and add their own); approving writes only the dealer's own row and
 * only the register's columns.
 */
import { msg, type Message } from "../messages";
import { addDays } from "../dates";
import type { CellValue, Fen, IsoDate } from "../model";
import { fenToYuan } from "../money";
import { columnLetter } from "../read/columns";
import { parseAmount } from "../values/amount";
import { parseDate } from "../values/date";
import { dealerKey } from "../values/refs";
import { parseTermDays } from "../values/term";
import { cellText } from "../values/text";

export const REGISTER_SHEET = "信用档案";

export type RegisterColumn = "dealer" | "grade" | "limit" | "term" | "rated" | "nextReview" | "approver" | "note" | "asOf";

/**
 * The register's columns. 评定日期 is the day the grade was approved (下次复评日期 is six months on from it);
 * 评估日 is the as-of date of the scoring it was approved from, an optional column: a register made by approving
 * has it, an existing register gets it written only where it has such a column (approving never adds it).
 */
export const REGISTER_HEADERS: readonly { key: RegisterColumn; label: string; aliases: readonly string[]; optional?: boolean }[] = [
  { key: "dealer", label: "客户名称", aliases: ["客户", "经销商", "经销商名称"] },
  { key: "grade", label: "信用等级", aliases: ["等级"] },
  { key: "limit", label: "信用额度", aliases: ["额度", "信用额度（元）", "信用额度(元)"] },
  { key: "term", label: "账期（天）", aliases: ["账期", "账期(天)", "信用期"] },
  { key: "rated", label: "评定日期", aliases: ["评级日期", "审批日期", "批准日期"] },
  { key: "nextReview", label: "下次复评日期", aliases: ["复评日期"] },
  { key: "approver", label: "审批人", aliases: [] },
  { key: "note", label: "备注", aliases: [] },
  { key: "asOf", label: "评估日", aliases: ["评估日期", "评估基准日", "评分基准日", "评分日期", "数据截止日"], optional: true },
];

export interface RegisterRow {
  dealer: string;
  grade: string;
  limit: Fen | null;
  termDays: number | null;
  /** 评定日期: the day the grade was approved. */
  rated: IsoDate | null;
  nextReview: IsoDate | null;
  approver: string;
  note: string;
  /** 评估日: the as-of date of the scoring approved, where the register has the column. */
  asOf: IsoDate | null;
  /** Excel row number. */
  row: number;
}

export interface RegisterRead {
  sheet: string;
  /** Excel row of the header; null when the sheet has none yet. */
  headerRow: number | null;
  /** Excel column of each register column. */
  columns: Partial<Record<RegisterColumn, number>>;
  rows: RegisterRow[];
  /** Last Excel row with anything in it. */
  lastRow: number;
  problems: { row: number; cell: string; text: Message }[];
}

const norm = (v: CellValue | undefined) => cellText(v ?? null).normalize("NFKC").replace(/\s+/g, "");
const HEADER_KEY = new Map<string, RegisterColumn>(REGISTER_HEADERS.flatMap((h) => [h.label, ...h.aliases].map((l) => [norm(l), h.key] as [string, RegisterColumn])));

export function parseRegister(grid: { sheet: string; top: number; left: number; values: CellValue[][] }): RegisterRead {
  const out: RegisterRead = { sheet: grid.sheet, headerRow: null, columns: {}, rows: [], lastRow: grid.top + grid.values.length - 1, problems: [] };
  let header = -1;
  for (let r = 0; r < Math.min(grid.values.length, 20) && header < 0; r++) {
    const cols: Partial<Record<RegisterColumn, number>> = {};
    (grid.values[r] ?? []).forEach((v, c) => {
      const k = HEADER_KEY.get(norm(v));
      if (k && cols[k] === undefined) cols[k] = grid.left + c;
    });
    if (cols.dealer !== undefined && (cols.limit !== undefined || cols.grade !== undefined)) {
      header = r;
      out.columns = cols;
    }
  }
  if (header < 0) return out;
  out.headerRow = grid.top + header;
  const at = (row: CellValue[], k: RegisterColumn) => (out.columns[k] === undefined ? null : row[(out.columns[k] as number) - grid.left] ?? null);
  for (let r = header + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const dealer = cellText(at(row, "dealer")).trim();
    if (dealer === "") continue;
    const excelRow = grid.top + r;
    const cell = (k: RegisterColumn) => `${columnLetter(out.columns[k] ?? 1)}${excelRow}`;
    const limitCell = at(row, "limit");
    const amount = limitCell === null || cellText(limitCell).trim() === "" ? null : parseAmount(limitCell);
    if (amount && (!amount.ok || amount.fen < 0)) out.problems.push({ row: excelRow, cell: cell("limit"), text: msg("credit.register.bad_limit", { sheet: grid.sheet, cell: cell("limit"), found: cellText(limitCell) }) });
    const termCell = at(row, "term");
    const term = termCell === null || cellText(termCell).trim() === "" ? null : parseTermDays(termCell);
    if (termCell !== null && cellText(termCell).trim() !== "" && term === null) out.problems.push({ row: excelRow, cell: cell("term"), text: msg("credit.register.bad_term", { sheet: grid.sheet, cell: cell("term"), found: cellText(termCell) }) });
    const date = (k: RegisterColumn) => {
      const v = at(row, k);
      if (v === null || cellText(v).trim() === "") return null;
      const d = parseDate(v);
      return d.ok ? d.date : null;
    };
    out.rows.push({
      dealer,
      grade: cellText(at(row, "grade")).trim().toUpperCase(),
      limit: amount && amount.ok && amount.fen >= 0 ? amount.fen : null,
      termDays: term,
      rated: date("rated"),
      nextReview: date("nextReview"),
      approver: cellText(at(row, "approver")).trim(),
      note: cellText(at(row, "note")).trim(),
      asOf: date("asOf"),
      row: excelRow,
    });
  }
  return out;
}

/** The register's row for a dealer (matched by the one dealer key); the later row when listed twice. */
export function registerRowOf(register: RegisterRead | null, dealer: string): RegisterRow | null {
  if (!register) return null;
  const k = dealerKey(dealer);
  let found: RegisterRow | null = null;
  for (const r of register.rows) if (dealerKey(r.dealer) === k) found = r;
  return found;
}

/** The register's terms by dealer, for the aging (the register rules over every other source). */
export function registerTerms(register: RegisterRead | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of register?.rows ?? []) if (r.termDays !== null) out[r.dealer] = r.termDays;
  return out;
}

/** 评定日期 + 6 months (the last day of a shorter month when the day does not exist). */
export function nextReviewDate(rated: IsoDate): IsoDate {
  let y = Number(rated.slice(0, 4));
  let m = Number(rated.slice(5, 7)) + 6;
  if (m > 12) {
    m -= 12;
    y++;
  }
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = Math.min(Number(rated.slice(8, 10)), last);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export interface Approval {
  dealer: string;
  grade: string;
  limit: Fen;
  termDays: number;
  /** The day of the approval: 评定日期, and six months on 下次复评日期. */
  approved: IsoDate;
  /** The as-of date of the scoring approved: 评估日, where the register has that column. */
  asOf: IsoDate;
  approver: string;
  note?: string;
}

export type RegisterValue = string | number | { date: IsoDate };

/** A cell approving writes: a heading (`header`), or the value of the dealer's row in column `key`. */
export interface ApprovalCell {
  row: number;
  column: number;
  value: RegisterValue;
  header?: boolean;
  key?: RegisterColumn;
}

/**
 * The cells approving writes: the dealer's existing row (else the next free row under the table), and in it
 * only the register's columns. A register without a header first gets one, with every column (row 1, or under
 * the used range). Columns missing from an existing header are added right of its last column, except the
 * optional 评估日.
 */
export function approvalCells(register: RegisterRead | null, a: Approval): ApprovalCell[] {
  const cells: ApprovalCell[] = [];
  let headerRow = register?.headerRow ?? null;
  const columns: Partial<Record<RegisterColumn, number>> = { ...(register?.columns ?? {}) };
  if (headerRow === null) {
    headerRow = register && register.lastRow >= 1 ? register.lastRow + 2 : 1;
    REGISTER_HEADERS.forEach((h, i) => {
      columns[h.key] = i + 1;
      cells.push({ row: headerRow as number, column: i + 1, value: h.label, header: true });
    });
  } else {
    let next = Math.max(...Object.values(columns).map((c) => c as number));
    for (const h of REGISTER_HEADERS) {
      if (columns[h.key] === undefined && !h.optional) {
        columns[h.key] = ++next;
        cells.push({ row: headerRow, column: next, value: h.label, header: true });
      }
    }
  }
  const existing = registerRowOf(register, a.dealer);
  const row = existing?.row ?? Math.max(register?.lastRow ?? 0, headerRow) + 1;
  const put = (k: RegisterColumn, value: RegisterValue) => cells.push({ row, column: columns[k] as number, value, key: k });
  put("dealer", existing?.dealer ?? a.dealer);
  put("grade", a.grade);
  put("limit", fenToYuan(a.limit));
  put("term", a.termDays);
  put("rated", { date: a.approved });
  put("nextReview", { date: nextReviewDate(a.approved) });
  put("approver", a.approver);
  put("note", a.note ?? existing?.note ?? "");
  if (approvalWritesAsOf(register)) put("asOf", { date: a.asOf });
  return cells;
}

/**
 * Whether approving into this register writes the 评估日: a register approving makes (no sheet, or no header
 * yet) gets every column, 评估日 too; an existing header only where it has that column.
 */
export function approvalWritesAsOf(register: RegisterRead | null): boolean {
  return register === null || register.headerRow === null || register.columns.asOf !== undefined;
}

/** Within 30 days of its 下次复评日期, or past it. */
export function reviewIsDue(row: RegisterRow, asOf: IsoDate): boolean {
  return row.nextReview !== null && row.nextReview <= addDays(asOf, 30);
}

/** One grade lower (A → B …), the lowest staying where it is. */
export function gradeBelow(grade: string, grades: readonly string[]): string {
  const i = grades.indexOf(grade);
  return i < 0 || i === grades.length - 1 ? grade : grades[i + 1];
}
