/**
 * What the register and the ledger say for collection: acknowledgements of debt (for the limitation
 * period), and the 还款计划 sheet of commitments' installments, checked against the dealer's receipts.
 */
import type { Message } from "../messages";
import { addDays } from "../dates";
import { columnLetter } from "../read/columns";
import type { Entry, Fen, Grid, IsoDate } from "../model";
import { absFen, addFen, fen, fenToYuan, negFen } from "../money";
import { parseAmountFen } from "../values/amount";
import { parseDate } from "../values/date";
import { dealerKey } from "../values/refs";
import { cellText, isBlankCell } from "../values/text";
import { classifyEntry } from "../aging/classify";
import type { RegisterRow } from "../letters/register";
import { checkInstallments, INSTALLMENT_STATUS_TEXT, type Installment, type InstallmentCheck, type Receipt } from "./installments";
import type { Acknowledgement } from "./limitation";
import type { MissedCommitment } from "./demand";

/**
 * Acknowledgements the register records: a 相符 reply, a 不符 reply with the dealer's own amount (dated
 * 回函日期), and a demand or commitment signed for (签收日期). Rows without the date say nothing dated.
 */
export function acknowledgementsFromRegister(rows: readonly RegisterRow[], sheet: string): Acknowledgement[] {
  const out: Acknowledgement[] = [];
  for (const r of rows) {
    const base = { dealer: r.dealer, sheet, row: r.row, ...(r.number ? { number: r.number } : {}) };
    if (r.repliedOn !== null && r.result === "相符") out.push({ ...base, kind: "reply_agreed", date: r.repliedOn, ...(r.amount !== null ? { amount: absFen(r.amount) } : {}) });
    if (r.repliedOn !== null && r.result === "不符" && r.theirAmount !== null && r.theirAmount !== 0) {
      out.push({ ...base, kind: "reply_differs", date: r.repliedOn, amount: r.theirAmount });
    }
    if (r.signedOn !== null && r.type === "催款函") out.push({ ...base, kind: "demand_signed", date: r.signedOn });
    if (r.signedOn !== null && r.type === "还款承诺书") out.push({ ...base, kind: "commitment_signed", date: r.signedOn });
  }
  return out;
}

/** Whether a negative row is a receipt; ledgers repeat a few descriptions, so each is classified once. */
function receiptTest(): (e: Entry) => boolean {
  const seen = new Map<string, boolean>();
  return (e) => {
    let r = seen.get(e.description);
    if (r === undefined) seen.set(e.description, (r = classifyEntry(e) === "receipt"));
    return r;
  };
}

/** Payments in the ledger (receipts, not returns or credit notes), each an acknowledgement by its dealer. */
export function acknowledgementsFromEntries(entries: readonly Entry[], dealerOf: (e: Entry) => string | null): Acknowledgement[] {
  const out: Acknowledgement[] = [];
  const isReceipt = receiptTest();
  for (const e of entries) {
    if (e.amount >= 0 || e.date === null || !isReceipt(e)) continue;
    const dealer = dealerOf(e);
    if (dealer === null) continue;
    out.push({ dealer, kind: "payment", date: e.date, sheet: e.sheet, row: e.row, amount: negFen(e.amount) });
  }
  return out;
}

/** A dealer's receipts from the ledger, for the installment check. */
export function receiptsOf(entries: readonly Entry[], dealer: string, dealerOf: (e: Entry) => string | null): Receipt[] {
  const key = dealerKey(dealer);
  const out: Receipt[] = [];
  const isReceipt = receiptTest();
  for (const e of entries) {
    if (e.amount >= 0 || e.date === null || !isReceipt(e)) continue;
    const d = dealerOf(e);
    if (d !== null && dealerKey(d) === key) out.push({ date: e.date, amount: negFen(e.amount) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The 还款计划 sheet

export const PLAN_SHEET = "还款计划";
export const PLAN_COLUMNS = ["编号", "客户名称", "期数", "日期", "金额", "实收", "状态"] as const;

export interface PlannedCommitment {
  number: string;
  dealer: string;
  installments: Installment[];
}

export interface PlanSheetProblem {
  sheet: string;
  cell: string;
  header: string;
  found: string;
}

/** Where a 还款计划 sheet keeps things: its header row, the Excel column of each of our columns found, and the sheet rows of each 编号. */
export interface PlanSheetLayout {
  headerRow: number;
  columns: Partial<Record<(typeof PLAN_COLUMNS)[number], number>>;
  rowsOf: Map<string, number[]>;
}

/**
 * The commitments recorded on a 还款计划 sheet, by 编号, installments in order; `layout` is null when the sheet
 * has no header with 编号 and 期数.
 */
export function readPlanSheet(grid: Grid): { commitments: PlannedCommitment[]; problems: PlanSheetProblem[]; layout: PlanSheetLayout | null } {
  const problems: PlanSheetProblem[] = [];
  const headerIndex = grid.values.findIndex((r) => r.some((v) => cellText(v).trim() === "编号") && r.some((v) => cellText(v).trim() === "期数"));
  if (headerIndex < 0) return { commitments: [], problems, layout: null };
  const col: Partial<Record<(typeof PLAN_COLUMNS)[number], number>> = {};
  grid.values[headerIndex].forEach((v, c) => {
    const t = cellText(v).trim();
    if ((PLAN_COLUMNS as readonly string[]).includes(t) && col[t as (typeof PLAN_COLUMNS)[number]] === undefined) col[t as (typeof PLAN_COLUMNS)[number]] = c;
  });
  const byNumber = new Map<string, PlannedCommitment>();
  const rowsOf = new Map<string, number[]>();
  for (let r = headerIndex + 1; r < grid.values.length; r++) {
    const cells = grid.values[r];
    const at = (name: (typeof PLAN_COLUMNS)[number]) => (col[name] === undefined ? undefined : cells[col[name]!]);
    const number = cellText(at("编号")).trim();
    if (number === "") continue;
    const rows = rowsOf.get(number);
    if (rows) rows.push(grid.top + r);
    else rowsOf.set(number, [grid.top + r]);
    const place = (name: (typeof PLAN_COLUMNS)[number]) => `${columnLetter(grid.left + (col[name] ?? 0))}${grid.top + r}`;
    const d = at("日期");
    const parsed = isBlankCell(d) ? null : parseDate(d, { date1904: grid.date1904 });
    const amount = parseAmountFen(at("金额"));
    if (!parsed || !parsed.ok) {
      problems.push({ sheet: grid.sheet, cell: place("日期"), header: "日期", found: cellText(d) });
      continue;
    }
    if (amount === null || amount <= 0) {
      problems.push({ sheet: grid.sheet, cell: place("金额"), header: "金额", found: cellText(at("金额")) });
      continue;
    }
    let c = byNumber.get(number);
    if (!c) byNumber.set(number, (c = { number, dealer: cellText(at("客户名称")).trim(), installments: [] }));
    const cumulative = addFen(c.installments[c.installments.length - 1]?.cumulative ?? fen(0), amount);
    c.installments.push({ n: Number(cellText(at("期数"))) || c.installments.length + 1, date: parsed.date, amount, cumulative });
  }
  for (const c of byNumber.values()) c.installments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.n - b.n));
  const columns: PlanSheetLayout["columns"] = {};
  for (const [name, c] of Object.entries(col) as [(typeof PLAN_COLUMNS)[number], number][]) columns[name] = grid.left + c;
  return { commitments: [...byNumber.values()], problems, layout: { headerRow: grid.top + headerIndex, columns, rowsOf } };
}

/**
 * The 还款计划 rows of one commitment (header not included): 编号, 客户名称, 期数, 日期, 金额, 实收, 状态, the
 * status said by `statusText` (the caller's language).
 */
export function planSheetRows(
  number: string,
  dealer: string,
  checks: readonly InstallmentCheck[],
  statusText: (status: Message) => string,
): (string | number | { date: IsoDate } | null)[][] {
  return checks.map((c) => [number, dealer, c.n, { date: c.date }, fenToYuan(c.amount), fenToYuan(c.paid), statusText(INSTALLMENT_STATUS_TEXT[c.status])]);
}

export interface CommitmentCheck {
  number: string;
  dealer: string;
  since: IsoDate;
  checks: InstallmentCheck[];
  missed: InstallmentCheck | null;
}

/**
 * Every commitment on the plan sheet checked against the ledger's receipts from its date: the register row
 * with its 编号 gives the date of the balance acknowledged (截至日期); without one, receipts from the first
 * installment's date on are counted.
 */
export function checkCommitments(
  commitments: readonly PlannedCommitment[],
  registerRows: readonly RegisterRow[],
  receiptsFor: (dealer: string) => readonly Receipt[],
  asOf: IsoDate,
): CommitmentCheck[] {
  return commitments.map((c) => {
    const reg = registerRows.find((r) => r.number === c.number);
    const since = reg?.asOf ?? (c.installments[0] ? addDays(c.installments[0].date, -1) : asOf);
    const checks = checkInstallments(c.installments, receiptsFor(c.dealer), since, asOf);
    return { number: c.number, dealer: c.dealer, since, checks, missed: checks.find((k) => k.status === "missed") ?? null };
  });
}

/** Missed commitments in the form the level choice takes. */
export function missedCommitments(checked: readonly CommitmentCheck[]): MissedCommitment[] {
  return checked.filter((c) => c.missed).map((c) => ({ number: c.number, dealer: c.dealer, installment: c.missed!.n, date: c.missed!.date }));
}

export type { Fen };
