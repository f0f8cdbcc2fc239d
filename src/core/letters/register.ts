/**
 * The register (函证登记簿): one row per letter, the company's record of what was sent and what came back.
 *
 * Who writes what: we write 编号, 类型, 客户名称, 截至日期, 金额 (and 未回 in 回函结果 of a new row); the user
 * writes everything else (发函日期 when the letter leaves, 发出方式, 快递单号, the reply). A planned write
 * never lands on a cell the user typed: rows already sent are never touched, and on a row we reuse only our
 * own 金额 is brought up to date. The register is read by its header names, so the user may reorder columns
 * or add their own.
 *
 * 金额 is the balance in our sign (positive: the dealer owes us), as the letter states it with its direction;
 * the dealer's 对方金额 is compared with its absolute value, since a reply states the amount in the letter's
 * direction.
 */
import { daysBetween } from "../dates";
import { absFen, fenToYuan, subFen } from "../money";
import type { CellValue, Fen, Grid, IsoDate } from "../model";
import { columnLetter } from "../read/columns";
import { parseAmountFen } from "../values/amount";
import { parseDate } from "../values/date";
import { dealerKey } from "../values/refs";
import { cellDisplay, cellText, isBlankCell } from "../values/text";
import { replyDeadline, type WorkingCalendar } from "./calendar";
import { AMOUNT_FORMAT } from "./template";
import type { FilledValue, LetterType } from "./types";

export const REGISTER_SHEET = "函证登记簿";

export const REGISTER_COLUMNS = [
  "编号",
  "类型",
  "客户名称",
  "截至日期",
  "金额",
  "发函日期",
  "发出方式",
  "快递单号",
  "回函日期",
  "回函结果",
  "对方金额",
  "不符原因",
  "备注",
  // The day the dealer signed a demand's receipt or a commitment: an acknowledgement of the debt (诉讼时效).
  "签收日期",
  // A demand letter's level (1 提醒函, 2 催款函, 3 最后通知) and the payment deadline it gave.
  "等级",
  "限期付款日期",
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

/** The drop-down list of 回函结果. */
export const REPLY_RESULTS = ["相符", "不符", "未回"] as const;
export type ReplyResult = (typeof REPLY_RESULTS)[number];

export const LETTER_TYPES: readonly LetterType[] = ["对账函", "催款函", "还款承诺书"];
export const LETTER_PREFIX: Record<LetterType, string> = { 对账函: "DZ", 催款函: "CK", 还款承诺书: "CN" };

export const REGISTER_DATE_FORMAT = "yyyy-mm-dd";

// ---------------------------------------------------------------------------------------------------------
// Numbers

const NUMBER = /^([A-Z]{2})-(\d{4})(\d{2})-(\d{4,})$/;

export interface LetterNumber {
  prefix: string;
  /** `YYYYMM`. */
  month: string;
  sequence: number;
}

export function parseLetterNumber(text: string): LetterNumber | null {
  const m = NUMBER.exec(text.trim().toUpperCase());
  if (!m) return null;
  return { prefix: m[1], month: m[2] + m[3], sequence: Number(m[4]) };
}

export function formatLetterNumber(n: LetterNumber): string {
  return `${n.prefix}-${n.month}-${String(n.sequence).padStart(4, "0")}`;
}

/**
 * The next `count` numbers for letters of `type` dated in the month of `date` (for 对账函 the cut-off), each
 * month counting from 0001 and continuing after the highest number of that prefix and month already used.
 */
export function nextLetterNumbers(type: LetterType, date: IsoDate, count: number, used: Iterable<string>): string[] {
  const counter = new LetterCounter(used);
  return Array.from({ length: count }, () => counter.next(type, date));
}

/**
 * The highest sequence used per prefix and month, kept as numbers are handed out, so numbering a run of
 * letters reads the numbers used once instead of once per letter.
 */
class LetterCounter {
  private readonly last = new Map<string, number>();

  constructor(used: Iterable<string>) {
    for (const u of used) this.take(u);
  }

  take(number: string): void {
    const n = parseLetterNumber(number);
    if (!n) return;
    const key = `${n.prefix}-${n.month}`;
    if ((this.last.get(key) ?? 0) < n.sequence) this.last.set(key, n.sequence);
  }

  next(type: LetterType, date: IsoDate): string {
    const prefix = LETTER_PREFIX[type];
    const month = date.slice(0, 4) + date.slice(5, 7);
    const sequence = (this.last.get(`${prefix}-${month}`) ?? 0) + 1;
    this.last.set(`${prefix}-${month}`, sequence);
    return formatLetterNumber({ prefix, month, sequence });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reading

export interface RegisterRow {
  /** Excel row number in the register sheet. */
  row: number;
  number: string;
  type: string;
  dealer: string;
  asOf: IsoDate | null;
  amount: Fen | null;
  sentOn: IsoDate | null;
  sentBy: string;
  trackingNo: string;
  repliedOn: IsoDate | null;
  result: ReplyResult | null;
  theirAmount: Fen | null;
  reason: string;
  note: string;
  /** 签收日期: the dealer signed the demand's receipt or the commitment on this day. */
  signedOn: IsoDate | null;
  /** 等级 of a demand letter, when recorded. */
  level: 1 | 2 | 3 | null;
  /** 限期付款日期 of a demand letter, when recorded. */
  deadline: IsoDate | null;
}

export type RegisterProblemCode = "no_header" | "bad_date" | "bad_amount" | "bad_result";

/** 等级 as written: 1, "2", "二级", "三". */
function levelOf(text: string): 1 | 2 | 3 | null {
  const t = text.replace(/\s|级/g, "");
  const n = ({ "1": 1, "2": 2, "3": 3, 一: 1, 二: 2, 三: 3 } as Record<string, 1 | 2 | 3>)[t];
  return n ?? null;
}

export interface RegisterProblem {
  code: RegisterProblemCode;
  sheet: string;
  /** A1-style cell; for `no_header`, the sheet's first cell. */
  cell: string;
  row: number;
  column: number;
  /** The column's header, e.g. 回函日期. */
  header: string;
  found: string;
}

export interface RegisterRead {
  sheet: string;
  /** Excel row of the header; null when the sheet is empty (the header is still to be written). */
  headerRow: number | null;
  /** Excel column of each of our columns found in the header. */
  columns: Partial<Record<RegisterColumn, number>>;
  rows: RegisterRow[];
  /** Last used Excel row and column (0 for an empty sheet). */
  lastRow: number;
  lastColumn: number;
  problems: RegisterProblem[];
}

const HEADER_SEARCH_ROWS = 10;

/** Read the register sheet. An empty sheet is an empty register; a sheet without our header is a problem. */
export function readRegister(grid: Grid): RegisterRead {
  const height = grid.values.length;
  const width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
  const nonEmpty = grid.values.some((r) => r.some((v) => !isBlankCell(v)));
  const read: RegisterRead = {
    sheet: grid.sheet,
    headerRow: null,
    columns: {},
    rows: [],
    lastRow: nonEmpty ? grid.top + height - 1 : 0,
    lastColumn: nonEmpty ? grid.left + width - 1 : 0,
    problems: [],
  };
  if (!nonEmpty) return read;

  let headerIndex = -1;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, height); r++) {
    const names = grid.values[r].map((v) => cellText(v).replace(/\s/g, ""));
    if (names.includes("编号") && names.includes("客户名称")) {
      headerIndex = r;
      names.forEach((n, c) => {
        if ((REGISTER_COLUMNS as readonly string[]).includes(n) && read.columns[n as RegisterColumn] === undefined) {
          read.columns[n as RegisterColumn] = grid.left + c;
        }
      });
      break;
    }
  }
  if (headerIndex < 0) {
    read.problems.push({ code: "no_header", sheet: grid.sheet, cell: `${columnLetter(grid.left)}${grid.top}`, row: grid.top, column: grid.left, header: "", found: "" });
    return read;
  }
  read.headerRow = grid.top + headerIndex;

  for (let r = headerIndex + 1; r < height; r++) {
    const cells = grid.values[r];
    const row = grid.top + r;
    const at = (col: RegisterColumn): CellValue | undefined => {
      const c = read.columns[col];
      return c === undefined ? undefined : cells[c - grid.left];
    };
    const bad = (code: RegisterProblemCode, col: RegisterColumn) => {
      const column = read.columns[col]!;
      read.problems.push({ code, sheet: grid.sheet, cell: `${columnLetter(column)}${row}`, row, column, header: col, found: cellDisplay(at(col)) });
    };
    const text = (col: RegisterColumn) => cellText(at(col));
    const date = (col: RegisterColumn): IsoDate | null => {
      const v = at(col);
      if (isBlankCell(v)) return null;
      const d = parseDate(v, { date1904: grid.date1904 });
      if (d.ok) return d.date;
      bad("bad_date", col);
      return null;
    };
    const amount = (col: RegisterColumn): Fen | null => {
      const v = at(col);
      if (isBlankCell(v)) return null;
      const fen = parseAmountFen(v);
      if (fen === null) bad("bad_amount", col);
      return fen;
    };
    if (text("编号") === "" && text("客户名称") === "") continue;
    const resultText = text("回函结果").replace(/\s/g, "");
    let result: ReplyResult | null = null;
    if ((REPLY_RESULTS as readonly string[]).includes(resultText)) result = resultText as ReplyResult;
    else if (resultText !== "") bad("bad_result", "回函结果");
    read.rows.push({
      row,
      number: text("编号"),
      type: text("类型"),
      dealer: text("客户名称"),
      asOf: date("截至日期"),
      amount: amount("金额"),
      sentOn: date("发函日期"),
      sentBy: text("发出方式"),
      trackingNo: text("快递单号"),
      repliedOn: date("回函日期"),
      result,
      theirAmount: amount("对方金额"),
      reason: text("不符原因"),
      note: text("备注"),
      signedOn: date("签收日期"),
      level: levelOf(text("等级")),
      deadline: date("限期付款日期"),
    });
  }
  return read;
}

/** Sent, or answered: anything the user recorded after we wrote the row. */
function isSent(r: RegisterRow): boolean {
  return r.sentOn !== null || r.sentBy !== "" || r.trackingNo !== "" || r.repliedOn !== null || r.signedOn !== null || r.result === "相符" || r.result === "不符";
}

// ---------------------------------------------------------------------------------------------------------
// Planning an append

export interface PlannedLetter {
  type: LetterType;
  dealer: string;
  asOf: IsoDate;
  /** Our sign. */
  amount: Fen;
  /** A demand letter's level and payment deadline, written to 等级 and 限期付款日期. */
  level?: 1 | 2 | 3;
  deadline?: IsoDate;
}

export interface RegisterWrite {
  /** Excel row and column in the register sheet. */
  row: number;
  column: number;
  field: RegisterColumn | null;
  value: FilledValue;
  numberFormat?: string;
}

export interface PlannedNumber {
  dealer: string;
  number: string;
  /** The register row the letter is recorded on. */
  row: number;
  /** The letter takes the number of an unsent row made earlier for the same dealer and cut-off. */
  reused: boolean;
}

export type RegisterNotice =
  /** A letter for this dealer and cut-off was already sent; the new one gets a new number. */
  | { code: "already_sent"; dealer: string; number: string; sentOn: IsoDate | null; row: number }
  /** A column of ours was missing from the header and is added after the last column. */
  | { code: "column_added"; column: RegisterColumn; at: string };

export type RegisterPlanResult = { ok: true; plan: RegisterPlan } | { ok: false; problems: RegisterProblem[] };

export interface RegisterPlan {
  numbers: PlannedNumber[];
  /** Cells to write, the header first when the register is new; never a cell the user typed. */
  writes: RegisterWrite[];
  notices: RegisterNotice[];
}

/**
 * Numbers and register rows for letters about to be generated. `register` is null (or empty) when the sheet
 * does not exist yet. A sheet of that name without our header is not written to: its `no_header` problem
 * comes back instead.
 */
export function planRegister(register: RegisterRead | null, letters: readonly PlannedLetter[]): RegisterPlanResult {
  if (register && register.headerRow === null && register.lastRow > 0) {
    return { ok: false, problems: register.problems.filter((p) => p.code === "no_header") };
  }
  const writes: RegisterWrite[] = [];
  const notices: RegisterNotice[] = [];
  const numbers: PlannedNumber[] = [];
  const rows = register?.rows ?? [];

  const columns: Partial<Record<RegisterColumn, number>> = { ...(register?.columns ?? {}) };
  let headerRow = register?.headerRow ?? null;
  if (headerRow === null) {
    headerRow = 1;
    REGISTER_COLUMNS.forEach((name, i) => {
      columns[name] = i + 1;
      writes.push({ row: 1, column: i + 1, field: name, value: name });
    });
  } else {
    let next = Math.max(register!.lastColumn, 0) + 1;
    const needed: RegisterColumn[] = ["编号", "类型", "客户名称", "截至日期", "金额", "回函结果"];
    if (letters.some((l) => l.level !== undefined)) needed.push("等级", "限期付款日期");
    for (const name of needed) {
      if (columns[name] !== undefined) continue;
      columns[name] = next;
      writes.push({ row: headerRow, column: next, field: name, value: name });
      notices.push({ code: "column_added", column: name, at: `${columnLetter(next)}${headerRow}` });
      next++;
    }
  }

  const counter = new LetterCounter(rows.map((r) => r.number));
  // The rows of each type, dealer and cut-off, in register order: one pass, not one per letter.
  const byLetter = new Map<string, RegisterRow[]>();
  const letterKey = (type: string, dealer: string, asOf: IsoDate | null) => `${type}\u0000${dealerKey(dealer)}\u0000${asOf ?? ""}`;
  for (const r of rows) {
    const key = letterKey(r.type === "" ? "对账函" : r.type, r.dealer, r.asOf);
    const list = byLetter.get(key);
    if (list) list.push(r);
    else byLetter.set(key, [r]);
  }
  const taken = new Set<number>();
  let nextRow = Math.max(register?.lastRow ?? 0, headerRow) + 1;
  const write = (row: number, field: RegisterColumn, value: FilledValue, numberFormat?: string) => {
    const w: RegisterWrite = { row, column: columns[field]!, field, value };
    if (numberFormat) w.numberFormat = numberFormat;
    writes.push(w);
  };

  for (const letter of letters) {
    const same = byLetter.get(letterKey(letter.type, letter.dealer, letter.asOf)) ?? [];
    const draft = [...same].reverse().find((r) => !isSent(r) && !taken.has(r.row));
    if (draft) {
      taken.add(draft.row);
      let number = parseLetterNumber(draft.number) ? draft.number : "";
      if (number === "") {
        number = counter.next(letter.type, letter.asOf);
        write(draft.row, "编号", number);
      }
      if (draft.amount !== letter.amount) write(draft.row, "金额", fenToYuan(letter.amount), AMOUNT_FORMAT);
      // An unsent demand redone is redone at the level and deadline of this run.
      if (letter.level !== undefined && draft.level !== letter.level) write(draft.row, "等级", letter.level);
      if (letter.deadline !== undefined && draft.deadline !== letter.deadline) write(draft.row, "限期付款日期", { date: letter.deadline }, REGISTER_DATE_FORMAT);
      numbers.push({ dealer: letter.dealer, number, row: draft.row, reused: true });
      continue;
    }
    const sent = same.filter(isSent).pop();
    if (sent) notices.push({ code: "already_sent", dealer: letter.dealer, number: sent.number, sentOn: sent.sentOn, row: sent.row });
    const number = counter.next(letter.type, letter.asOf);
    const row = nextRow++;
    write(row, "编号", number);
    write(row, "类型", letter.type);
    write(row, "客户名称", letter.dealer);
    write(row, "截至日期", { date: letter.asOf }, REGISTER_DATE_FORMAT);
    write(row, "金额", fenToYuan(letter.amount), AMOUNT_FORMAT);
    write(row, "回函结果", "未回");
    if (letter.level !== undefined) write(row, "等级", letter.level);
    if (letter.deadline !== undefined) write(row, "限期付款日期", { date: letter.deadline }, REGISTER_DATE_FORMAT);
    numbers.push({ dealer: letter.dealer, number, row, reused: false });
  }
  return { ok: true, plan: { numbers, writes, notices } };
}

// ---------------------------------------------------------------------------------------------------------
// Reading the replies back

export interface OverdueLetter {
  row: number;
  number: string;
  dealer: string;
  asOf: IsoDate | null;
  sentOn: IsoDate;
  replyBy: IsoDate;
  daysOverdue: number;
}

export interface MismatchedReply {
  row: number;
  number: string;
  dealer: string;
  asOf: IsoDate | null;
  /** Our balance as recorded, our sign. */
  ours: Fen | null;
  /** The dealer's amount as they wrote it. */
  theirs: Fen | null;
  /** |ours| − theirs, when both are known. */
  difference: Fen | null;
  reason: string;
}

export interface ConfirmedReply {
  row: number;
  number: string;
  dealer: string;
  asOf: IsoDate | null;
  amount: Fen | null;
  /** The day the dealer acknowledged the balance (回函日期); null when the user has not recorded it. */
  acknowledgedOn: IsoDate | null;
}

export interface RegisterStatus {
  overdue: OverdueLetter[];
  mismatched: MismatchedReply[];
  confirmed: ConfirmedReply[];
  counts: { letters: number; unsent: number; sent: number; awaiting: number; overdue: number; confirmed: number; mismatched: number };
}

/**
 * What the register says on `today` (the caller's date: the core has no clock): letters past their reply
 * deadline without an answer, 不符 replies to reconcile, and 相符 replies with the day of acknowledgement.
 */
export function registerStatus(register: RegisterRead, today: IsoDate, calendar: WorkingCalendar = {}): RegisterStatus {
  const status: RegisterStatus = {
    overdue: [],
    mismatched: [],
    confirmed: [],
    counts: { letters: 0, unsent: 0, sent: 0, awaiting: 0, overdue: 0, confirmed: 0, mismatched: 0 },
  };
  const c = status.counts;
  for (const r of register.rows) {
    c.letters++;
    const base = { row: r.row, number: r.number, dealer: r.dealer, asOf: r.asOf };
    if (r.result === "相符") {
      c.sent++;
      c.confirmed++;
      status.confirmed.push({ ...base, amount: r.amount, acknowledgedOn: r.repliedOn });
    } else if (r.result === "不符") {
      c.sent++;
      c.mismatched++;
      const difference = r.amount !== null && r.theirAmount !== null ? subFen(absFen(r.amount), r.theirAmount) : null;
      status.mismatched.push({ ...base, ours: r.amount, theirs: r.theirAmount, difference, reason: r.reason });
    } else if (r.sentOn === null) {
      c.unsent++;
    } else {
      c.sent++;
      const replyBy = replyDeadline(r.sentOn, calendar);
      if (today > replyBy) {
        c.overdue++;
        status.overdue.push({ ...base, sentOn: r.sentOn, replyBy, daysOverdue: daysBetween(replyBy, today) });
      } else c.awaiting++;
    }
  }
  status.overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.row - b.row);
  return status;
}

