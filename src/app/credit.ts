/**
 * Credit through workbook ports, shared by the command line and (next) the pane's 信用 view: the application
 * sheet reps fill, reading the filled applications of a workbook, the scorecard sheet, one credit run over the
 * ledger and the register, approving into the register, the over-limit marks and the result sheet.
 *
 * For the pane's 信用 view: `writeApplicationTemplate`, `surveyCredit`, `runCredit`, `approveCredit` and
 * `undoApproval`, `markOverLimit`, `clearCreditMarks`, `writeCreditResults`, `ensureScorecardSheet`.
 *
 * Exposure comes from the ledger, or from a balance table (科目余额表 / 往来余额表: each dealer's 期末余额 at the
 * table's cut-off) where the workbook has no ledger of entries.
 */
import {
  APPLICATION_FIELDS,
  assessCredit,
  approvalCells,
  approvalWritesAsOf,
  defaultScorecard,
  exposureStatus,
  parseRegister,
  nextReviewDate,
  parseScorecard,
  readApplications,
  REGISTER_SHEET,
  reviewIsDue,
  SCORECARD_SHEET,
  scorecardRows,
  type Application,
  type ApplicationError,
  type ApplicationField,
  type CreditResult,
  type DealerCredit,
  type ExposureLine,
  type ExposureStatus,
  type RegisterRead,
  type RegisterRow,
  type Scorecard,
  type ScorecardProblem,
} from "../core/credit";
import { DEFAULT_TERM_DAYS } from "../core/aging";
import { msg, type Message } from "../core/messages";
import type { CellValue, Fen, Grid, IsoDate } from "../core/model";
import { addFen, fen, fenToYuan, formatFenGrouped } from "../core/money";
import { entriesOf, readBalanceTable, type BalanceTable, type ReadResult } from "../core/read";
import { balanceCellMessage } from "../core/read/balances";
import { dealerKey } from "../core/values/refs";
import { PortError, type FormInput, type InputRule, type MarkStyle, type OutCell, type OutRow, type OutValue, type PlacedCell, type Progress, type ReadableWorkbook, type ReadOptions, type RowMark, type SheetInfo, type SheetSpec, type WorkbookPort } from "../port/workbook";
import { pick, type Bilingual, type Lang } from "./lang";
import { readBalanceSheet, readSheet } from "./read";
import { readIssueMessage } from "../core/read/messages";
import { render } from "../messages/render";
import { sameSheetName, sheetNamed } from "../port/addresses";
import { headCell, REPORT_FONT_SIZE, reportPrint, signatureRows, TITLE_FONT_SIZE, unitText } from "./reports/print";

export const APPLICATION_SHEET = "信用申请表";
export const CREDIT_RESULT_SHEET: Bilingual = { zh: "信用评估", en: "Credit assessment" };
export const CREDIT_GROUP = "credit";
export const OVER_LIMIT_STYLE = "over_limit";
export const CREDIT_MARK_STYLES: Record<string, MarkStyle> = { [OVER_LIMIT_STYLE]: { fill: "#E599F7", color: "#5C0B6B" } };
export const CREDIT_LEGEND: Bilingual = { zh: "超出信用额度的经销商（未收款项所在行）", en: "Dealer over its credit limit (open rows)" };

const INPUT_FILL = "#FFF4CE";
const SECTION_FILL = "#E8EEF7";

// ---- the application sheet ----

function ruleFor(field: ApplicationField): InputRule {
  const req = field.required ? "必填。" : "选填。";
  switch (field.kind) {
    case "choice":
      return { kind: "list", list: field.choices, required: field.required, title: field.label, prompt: `${req}请从下拉列表中选择：${field.choices!.join(" / ")}`, error: `请从列表中选择：${field.choices!.join("、")}` };
    case "date":
      return { kind: "date", required: field.required, title: field.label, prompt: `${req}填写日期，如 2026-11-30`, error: "请填写有效日期，如 2026-11-30" };
    case "money":
      return { kind: "whole", min: 0, required: field.required, title: field.label, prompt: `${req}填写大于或等于 0 的整数（元）`, error: "须为大于或等于 0 的整数（元）" };
    case "wan":
      return { kind: "whole", min: 0, required: field.required, title: field.label, prompt: `${req}填写大于或等于 0 的整数（万元）`, error: "须为大于或等于 0 的整数（万元）" };
    case "days":
      return { kind: "whole", min: 0, required: field.required, title: field.label, prompt: `${req}填写整数天数，如 45`, error: "须为大于或等于 0 的整数天数" };
    default:
      return { kind: "text", required: field.required, title: field.label, prompt: `${req}${field.key === "dealer" ? "填写营业执照上的全称" : `填写${field.label}`}` };
  }
}

const FIELD = new Map(APPLICATION_FIELDS.map((f) => [f.key, f]));

/** Pairs of fields per printed line; a single field runs across the line. */
const LAYOUT: { section: string; lines: (string[] | [string])[] }[] = [
  {
    section: "一、客户基本信息",
    lines: [["dealer"], ["creditCode", "legalRep"], ["address"], ["contact", "phone"], ["nature", "founded"], ["capital", "revenue"], ["products"]],
  },
  { section: "二、合作与申请", lines: [["since", "monthly"], ["requestedLimit", "requestedTerm"], ["guarantee", "guaranteeNote"], ["rep", "applied"]] },
];

export const APPROVERS = ["销售代表", "销售经理", "财务经理", "总经理"] as const;

/**
 * The 信用申请表 a rep fills: labels locked, inputs shaded with their rules and input messages, the sheet
 * protected without a password, printed on one A4 page with the approval lines.
 */
export function applicationTemplateSpec(lang: Lang = "zh-CN"): SheetSpec {
  const rows: OutRow[] = [];
  const inputs: FormInput[] = [];
  const rowHeights: (number | null)[] = [];
  const label = (f: ApplicationField): OutCell => ({ value: f.required ? `${f.label} *` : f.label, bold: true, border: true, fill: SECTION_FILL, wrap: true });
  const input = (f: ApplicationField, column: number, across = 0): OutCell => {
    inputs.push({ row: rows.length + 1, column, rule: ruleFor(f) });
    return { value: null, fill: INPUT_FILL, border: true, ...(f.kind === "date" ? { numberFormat: "yyyy-mm-dd" } : f.kind === "money" ? { numberFormat: "#,##0" } : f.kind === "text" ? { numberFormat: "@" } : {}), ...(across ? { mergeAcross: across } : {}) };
  };
  rows.push([{ value: "经销商信用申请表", bold: true, fontSize: 16, align: "center", mergeAcross: 3 }]);
  rowHeights.push(30);
  rows.push([{ value: `黄色底纹处填写，带 * 的为必填；选中单元格可看到填写说明。${unitText(lang)}`, mergeAcross: 3, wrap: true }]);
  rowHeights.push(null);
  for (const part of LAYOUT) {
    rows.push([{ value: part.section, bold: true, mergeAcross: 3 }]);
    rowHeights.push(22);
    for (const line of part.lines) {
      const a = FIELD.get(line[0] as never)!;
      if (line.length === 1) rows.push([label(a), input(a, 2, 2), null, null]);
      else {
        const b = FIELD.get(line[1] as never)!;
        rows.push([label(a), input(a, 2), label(b), input(b, 4)]);
      }
      rowHeights.push(24);
    }
  }
  rows.push([{ value: "三、审批意见", bold: true, mergeAcross: 3 }]);
  rowHeights.push(22);
  rows.push([headCell("审批环节"), headCell("意见"), headCell("签字"), headCell("日期")]);
  rowHeights.push(null);
  for (const who of APPROVERS) {
    rows.push([{ value: who, bold: true, border: true }, { value: null, border: true, wrap: true }, { value: null, border: true }, { value: null, border: true, numberFormat: "yyyy-mm-dd" }]);
    inputs.push({ row: rows.length, column: 2, rule: { kind: "text", title: `${who}意见`, prompt: `由${who}填写意见，或打印后手写。` } });
    inputs.push({ row: rows.length, column: 3, rule: { kind: "text", title: "签字", prompt: "打印后签字。" } });
    inputs.push({ row: rows.length, column: 4, rule: { kind: "date", title: "日期", prompt: "签字日期，如 2026-11-30", error: "请填写有效日期" } });
    rowHeights.push(48);
  }
  return {
    name: APPLICATION_SHEET,
    rows,
    columnWidths: [20, 26, 20, 26],
    fontSize: 11,
    verticalAlign: "center",
    rowHeights,
    usersSheet: true,
    form: { inputs, protect: true },
    print: { ...reportPrint(lang, { orientation: "portrait", centerHorizontally: true }), fitToWidth: true },
  };
}

/** Write the application sheet into a workbook (the user's sheet from then on: filled in, kept, never deleted by undo). */
export async function writeApplicationTemplate(port: WorkbookPort, lang: Lang = "zh-CN", name = APPLICATION_SHEET): Promise<{ sheet: string; validation: boolean; protection: boolean }> {
  const spec = { ...applicationTemplateSpec(lang), name };
  await port.writeSheet(spec);
  const caps = await port.capabilities();
  return { sheet: name, validation: caps.forms?.validation ?? false, protection: caps.forms?.protection ?? false };
}

// ---- reading applications, the scorecard, the register ----

/** Sheets that never hold applications (named in any case, as Excel names sheets). */
function notApplications(name: string): boolean {
  return [SCORECARD_SHEET, REGISTER_SHEET, pick(CREDIT_RESULT_SHEET, "zh-CN"), pick(CREDIT_RESULT_SHEET, "en-US")].some((n) => sameSheetName(n, name));
}

/**
 * The sheet of `sheets` that `wanted` names, found as every command finds one (`sheetNamed`): spelled so, else in
 * another case, and then as the workbook writes it; null when none is. Two sheets whose names differ only in
 * case, neither spelled so (a file another program made: Excel holds no such pair), give `wanted` itself: the
 * port's read of it then refuses it naming both (`sheet.ambiguous`), rather than one of them being taken.
 */
export function creditSheetName(sheets: readonly { name: string }[], wanted: string): string | null {
  const found = sheetNamed(sheets.map((s) => s.name), wanted);
  if (found === null) return null;
  return "ambiguous" in found ? wanted : found.name;
}

/**
 * One read of the port (a sheet, or several in one batch) that every caller asking for those sheets waits on,
 * each with its own progress and abort signal: progress goes to every caller still waiting; a caller whose
 * signal aborts stops waiting at once (`PortError` `cancelled`, as a port says it), and the read itself is
 * aborted, and forgotten, only once every caller waiting on it has aborted.
 */
class SharedRead {
  private readonly controller = new AbortController();
  private readonly listeners = new Set<{ onProgress: (p: Progress) => void }>();
  private waiting = 0;

  /** `forget` drops the read's sheets from the cache (an aborted read is asked again next time). */
  constructor(private readonly forget: (read: SharedRead) => void) {}

  /** What the port's read is given: progress for every caller, aborted when no caller waits any more. */
  readonly options: ReadOptions = {
    onProgress: (p) => {
      for (const l of this.listeners) l.onProgress(p);
    },
    signal: this.controller.signal,
  };

  /** A caller's wait for `result` (from this read), with the caller's own progress and signal. */
  join<T>(result: Promise<T>, name: string, options: ReadOptions | undefined): Promise<T> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(new PortError("cancelled", name));
    const listener = options?.onProgress ? { onProgress: options.onProgress } : null;
    if (listener) this.listeners.add(listener);
    this.waiting++;
    return new Promise<T>((resolve, reject) => {
      let waiting = true;
      const leave = (): void => {
        waiting = false;
        this.waiting--;
        if (listener) this.listeners.delete(listener);
        signal?.removeEventListener("abort", aborted);
      };
      const aborted = (): void => {
        if (!waiting) return;
        leave();
        reject(new PortError("cancelled", name));
        if (this.waiting === 0) {
          this.forget(this);
          this.controller.abort();
        }
      };
      signal?.addEventListener("abort", aborted);
      result.then(
        (value) => {
          if (!waiting) return;
          leave();
          resolve(value);
        },
        (err: unknown) => {
          if (!waiting) return;
          leave();
          reject(err);
        },
      );
    });
  }
}

/** A sheet asked for: its grid as the shared read gives it, and that read. */
interface CachedSheet {
  grid: Promise<Grid>;
  read: SharedRead;
}

/**
 * The workbook with its sheet list and each sheet read at most once (later asks get the same grid): a credit
 * run looks at every sheet for applications and then takes the ledger, a balance table, the register and the
 * scorecard from those same reads. Every caller's `onProgress` and `signal` are honoured, the second caller
 * of a sheet being read as much as the first (`SharedRead`). A port that gives rows one at a time (a large
 * CSV file) still does for a sheet not read yet. Wrapping a port already wrapped gives it back; `readOnceScope`
 * gives each port one wrapper for the length of a run or a command.
 */
export function readOnce(port: ReadableWorkbook): ReadableWorkbook {
  if (READ_ONCE.has(port)) return port;
  let sheets: Promise<SheetInfo[]> | null = null;
  const cached = new Map<string, CachedSheet>();
  const forget = (read: SharedRead): void => {
    for (const [name, c] of cached) {
      if (c.read !== read) continue;
      cached.delete(name);
      // A read that had already finished when its last caller aborted (its answer not yet passed on) still
      // gave a good grid: it is kept again for the next ask, unless that ask has started a read of its own.
      c.grid.then(
        () => {
          if (!cached.has(name)) cached.set(name, c);
        },
        () => undefined,
      );
    }
  };
  const keep = (name: string, grid: Promise<Grid>, read: SharedRead): CachedSheet => {
    const c = { grid, read };
    cached.set(name, c);
    // A read that failed is not kept: asking again tries again.
    grid.catch(() => {
      if (cached.get(name) === c) cached.delete(name);
    });
    return c;
  };
  const sheet = (name: string): CachedSheet => {
    const c = cached.get(name);
    if (c) return c;
    const read = new SharedRead(forget);
    return keep(name, port.readSheet(name, read.options), read);
  };
  const readSheet = (name: string, options?: ReadOptions): Promise<Grid> => {
    // A caller already stopped starts no read: one that no caller waits on would never be aborted.
    if (options?.signal?.aborted) return Promise.reject(new PortError("cancelled", name));
    const c = sheet(name);
    return c.read.join(c.grid, name, options);
  };
  const once: ReadableWorkbook = {
    capabilities: () => port.capabilities(),
    listSheets: () => {
      if (sheets === null) {
        sheets = port.listSheets();
        sheets.catch(() => (sheets = null));
      }
      return sheets;
    },
    readSheet,
    // The sheets not read yet in one batch where the port has one (Excel: fewer round trips); the caller waits
    // once on each read its sheets come from.
    readSheets: async (names, options) => {
      if (options?.signal?.aborted) throw new PortError("cancelled", names.join(", "));
      const missing = [...new Set(names)].filter((n) => !cached.has(n));
      if (missing.length > 1 && port.readSheets) {
        const read = new SharedRead(forget);
        const batch = port.readSheets(missing, read.options);
        missing.forEach((n, k) => keep(n, batch.then((g) => g[k]), read));
      }
      const asked = names.map((n) => sheet(n));
      const reads = [...new Set(asked.map((c) => c.read))];
      await Promise.all(reads.map((r) => r.join(Promise.all(asked.filter((c) => c.read === r).map((c) => c.grid)), names.join(", "), options)));
      return Promise.all(asked.map((c) => c.grid));
    },
    readLayout: (name) => port.readLayout(name),
    getSetting: (key) => port.getSetting(key),
  };
  if (port.readRows) {
    const rows = port.readRows.bind(port);
    once.readRows = (name, options) => {
      const c = cached.get(name);
      return c ? c.read.join(c.grid, name, options) : rows(name, options);
    };
  }
  READ_ONCE.add(once);
  return once;
}

const READ_ONCE = new WeakSet<ReadableWorkbook>();

/**
 * The one cache of a run or a command: each port read through one `readOnce` wrapper (the same workbook named
 * for the applications, the ledger and the register is read once), a wrapper given in kept as it is, so a
 * command's scope and the run's never stack. A new scope reads afresh: the pane's workbook changes between runs.
 */
export function readOnceScope(): (port: ReadableWorkbook) => ReadableWorkbook {
  const wrappers = new WeakMap<ReadableWorkbook, ReadableWorkbook>();
  return (port) => {
    let once = wrappers.get(port);
    if (!once) {
      once = readOnce(port);
      wrappers.set(port, once);
    }
    return once;
  };
}

/** A sheet that reads as a balance table, with the cut-off its title gives (or null). */
export interface BalanceSheetFound {
  sheet: string;
  cutoff: IsoDate | null;
  dealers: number;
}

export interface CreditSurvey {
  applications: Application[];
  errors: ApplicationError[];
  /** Sheets holding applications (or errors in them). */
  sheets: string[];
  /** Sheets that read as balance tables: exposure can come from one where no ledger is chosen. */
  balanceTables: BalanceSheetFound[];
  /** The 信用档案 sheet, when the workbook has one. */
  register: string | null;
  /** The 评分标准 sheet, when the workbook has one (else the default scorecard scores). */
  scorecard: string | null;
}

/**
 * What a workbook holds for credit, each sheet read once (together, where the port can): the applications (with
 * their errors naming sheet and cell), the balance tables, and whether the register and the scorecard are there.
 */
export async function surveyCredit(port: ReadableWorkbook): Promise<CreditSurvey> {
  const out: CreditSurvey = { applications: [], errors: [], sheets: [], balanceTables: [], register: null, scorecard: null };
  const sheets = await port.listSheets();
  const names = sheets.filter((s) => !notApplications(s.name) && s.rowCount > 0).map((s) => s.name);
  out.register = creditSheetName(sheets, REGISTER_SHEET);
  out.scorecard = creditSheetName(sheets, SCORECARD_SHEET);
  const grids = port.readSheets && names.length > 1 ? await port.readSheets(names) : await Promise.all(names.map((n) => port.readSheet(n)));
  names.forEach((name, k) => {
    const grid = grids[k];
    const read = readApplications(grid);
    if (read.applications.length > 0 || read.errors.length > 0) {
      out.sheets.push(name);
      out.applications.push(...read.applications);
      out.errors.push(...read.errors);
      return;
    }
    const table = readBalanceTable(grid);
    if (table !== null && table.rows.length > 0) out.balanceTables.push({ sheet: name, cutoff: table.cutoff, dealers: table.rows.length });
  });
  return out;
}

/** The first sheet of a workbook that reads as a balance table, and the table read, or null. */
export async function findBalanceSheet(port: ReadableWorkbook): Promise<{ sheet: string; table: BalanceTable } | null> {
  for (const s of await port.listSheets()) {
    if (s.rowCount === 0) continue;
    const table = await readBalanceSheet(port, s.name);
    if (table !== null) return { sheet: s.name, table };
  }
  return null;
}

export interface ScorecardRead {
  card: Scorecard;
  /** The sheet it was read from, or null for the default. */
  sheet: string | null;
  problems: ScorecardProblem[];
}

/** The 评分标准 sheet of a workbook, read back; the default when there is none. */
export async function loadScorecard(port: ReadableWorkbook): Promise<ScorecardRead> {
  const sheets = await port.listSheets();
  const sheet = creditSheetName(sheets, SCORECARD_SHEET);
  if (sheet === null) return { card: defaultScorecard(), sheet: null, problems: [] };
  const grid = await port.readSheet(sheet);
  const { card, problems } = parseScorecard(grid.values, grid.top, grid.sheet, grid.left);
  return { card, sheet: grid.sheet, problems };
}

export function scorecardSheetSpec(card: Scorecard = defaultScorecard()): SheetSpec {
  const rows: OutRow[] = scorecardRows(card).map((r, i) =>
    i === 0 ? [{ value: r[0] as string, bold: true, fontSize: 12 }] : r.map((v) => (v === "项目" || v === "条件" || v === "分值" || v === "等级" || v === "最低分" || v === "额度系数" || v === "账期（天）" ? headCell(v) : v instanceof Date ? null : v)),
  );
  return { name: SCORECARD_SHEET, rows, columnWidths: [22, 14, 12, 12], usersSheet: true, print: reportPrint("zh-CN", { orientation: "portrait" }) };
}

/** Write the default 评分标准 sheet when the workbook has none (the user's to edit from then on). */
export async function ensureScorecardSheet(port: WorkbookPort): Promise<boolean> {
  if (creditSheetName(await port.listSheets(), SCORECARD_SHEET) !== null) return false;
  await port.writeSheet(scorecardSheetSpec());
  return true;
}

/** The 信用档案 of a workbook, or null when it has none. */
export async function loadRegister(port: ReadableWorkbook, wanted = REGISTER_SHEET): Promise<RegisterRead | null> {
  const sheet = creditSheetName(await port.listSheets(), wanted);
  if (sheet === null) return null;
  return parseRegister(await port.readSheet(sheet));
}

// ---- one run ----

export interface CreditRequest {
  /** The workbook holding the applications. */
  applications: ReadableWorkbook;
  ledger?: { port: ReadableWorkbook; sheet: string };
  /**
   * A balance table (科目余额表 / 往来余额表): exposure is each dealer's 期末余额 at the table's cut-off instead
   * of the ledger's balance (the ledger, when given too, still gives the payment history).
   */
  balances?: { port: ReadableWorkbook; sheet: string; /** The table as already read (`findBalanceSheet`): not read again. */ table?: BalanceTable };
  /** Where the register is kept; default the applications' workbook. */
  register?: ReadableWorkbook;
  /** Where the scorecard is kept; default the applications' workbook. */
  scorecard?: ReadableWorkbook;
  asOf: IsoDate;
  defaultTermDays?: number;
  /** Kept for callers that still pass it: problems and warnings are returned as messages, said where they are shown. */
  lang?: Lang;
}

export type CreditProblem =
  | { code: "applications"; errors: ApplicationError[] }
  | { code: "no_applications" }
  | { code: "scorecard"; sheet: string; problems: ScorecardProblem[] }
  | { code: "ledger_unreadable"; message: Message }
  | { code: "not_balance_table"; sheet: string; message: Message };

export interface CreditRun {
  result: CreditResult;
  scorecard: ScorecardRead;
  register: RegisterRead | null;
  ledger: ReadResult | null;
  applicationSheets: string[];
  /** Where exposure came from: the ledger's balances, a balance table's 期末余额, or nowhere (none given). */
  exposureFrom: "ledger" | "balances" | "none";
  /** The balance table exposure came from, when it did. */
  balances: BalanceTable | null;
  /**
   * What the user should know about the figures (a balance table at another date…), as messages: the pane says
   * them in its language at the time it shows, the command line in its own.
   */
  warnings: Message[];
}

export type CreditOutcome = ({ ok: true; run: CreditRun } | { ok: false; problem: CreditProblem }) & {
  /** What the applications' workbook holds, from the run's own reads (the pane shows it instead of surveying again). */
  survey: CreditSurvey;
};

/**
 * One credit run. Every sheet is read once: the applications are looked for in every sheet, and the ledger, a
 * balance table, the register and the scorecard are taken from those reads where they are in the same
 * workbook (ports are read through `readOnce`).
 */
export async function runCredit(req: CreditRequest): Promise<CreditOutcome> {
  const read = readOnceScope();
  const survey = await surveyCredit(read(req.applications));
  if (survey.errors.length > 0) return { ok: false, problem: { code: "applications", errors: survey.errors }, survey };
  if (survey.applications.length === 0) return { ok: false, problem: { code: "no_applications" }, survey };
  const scorecard = await loadScorecard(read(req.scorecard ?? req.applications));
  if (scorecard.problems.length > 0) return { ok: false, problem: { code: "scorecard", sheet: scorecard.sheet ?? SCORECARD_SHEET, problems: scorecard.problems }, survey };
  const register = await loadRegister(read(req.register ?? req.applications));
  let ledger: ReadResult | null = null;
  if (req.ledger) {
    ledger = await readSheet(read(req.ledger.port), req.ledger.sheet, { asOf: req.asOf });
    if (ledger.table.length === 0 && ledger.openings.length === 0 && ledger.errors.length > 0) {
      return { ok: false, problem: { code: "ledger_unreadable", message: readIssueMessage(ledger.errors[0]) }, survey };
    }
  }
  let balances: BalanceTable | null = null;
  if (req.balances) {
    balances = req.balances.table ?? (await readBalanceSheet(read(req.balances.port), req.balances.sheet));
    if (balances === null) {
      const sheet = req.balances.sheet;
      return { ok: false, problem: { code: "not_balance_table", sheet, message: msg("credit.balances.not_table", { sheet }) }, survey };
    }
  }
  const result = assessCredit({
    asOf: req.asOf,
    applications: survey.applications,
    ledger: ledger ? { entries: entriesOf(ledger.table), openings: ledger.openings, ...(ledger.periodFrom ? { periodStart: ledger.periodFrom } : {}) } : null,
    register,
    card: scorecard.card,
    defaultTermDays: req.defaultTermDays ?? DEFAULT_TERM_DAYS,
    balances: balances ? closingByDealer(balances) : null,
    unknownExposure: balances ? unknownExposureOf(balances) : null,
  });
  const warnings = balances ? balanceWarnings(balances, result, req.asOf) : [];
  return { ok: true, run: { result, scorecard, register, ledger, applicationSheets: survey.sheets, exposureFrom: balances ? "balances" : ledger ? "ledger" : "none", balances, warnings }, survey };
}

const say = (lang: Lang, zh: string, en: string) => (lang === "en-US" ? en : zh);

/** A dealer listed twice in a table owes the sum of its rows. */
function closingByDealer(table: BalanceTable): Map<string, Fen> {
  const out = new Map<string, Fen>();
  for (const r of table.rows) {
    const k = dealerKey(r.dealer);
    out.set(k, addFen(out.get(k) ?? fen(0), r.closing));
  }
  return out;
}

/** The table's cut-off against the as-of date, and its rows of the assessed dealers that do not add up or cannot be read. */
function balanceWarnings(table: BalanceTable, result: CreditResult, asOf: IsoDate): Message[] {
  const out: Message[] = [];
  const sheet = table.sheet;
  if (table.cutoff === null) out.push(msg("credit.balances.no_cutoff", { sheet, asOf }));
  else if (table.cutoff !== asOf) out.push(msg("credit.balances.cutoff_differs", { sheet, cutoff: table.cutoff, asOf }));
  const assessed = new Set(result.exposures.map((e) => dealerKey(e.dealer)));
  for (const m of table.mismatches) {
    if (assessed.has(dealerKey(m.dealer))) out.push(msg("credit.balances.row_off", { sheet, row: m.row, dealer: m.dealer, expected: m.expected, found: m.found }));
  }
  for (const c of table.unreadable) out.push(msg("credit.balances.unreadable", { problem: balanceCellMessage(c) }));
  return out;
}

/**
 * The dealers (as the table writes them, in its order) whose balance-table row was left out for a cell that
 * cannot be read: their exposure is not known. The assessment gets them from `unknownExposureOf`.
 */
export function exposureUnknown(table: BalanceTable | null): ReadonlySet<string> {
  const out = new Set<string>();
  for (const c of table?.unreadable ?? []) if (c.dealer !== "") out.add(c.dealer);
  return out;
}

/** Those dealers by key, each with what is wrong with its cells: core gives them no exposure figure and no status. */
function unknownExposureOf(table: BalanceTable): Map<string, Message[]> {
  const out = new Map<string, Message[]>();
  for (const c of table.unreadable) {
    if (c.dealer === "") continue;
    const k = dealerKey(c.dealer);
    const why = out.get(k);
    if (why) why.push(balanceCellMessage(c));
    else out.set(k, [balanceCellMessage(c)]);
  }
  return out;
}

// ---- approving ----

export interface ApprovalRequest {
  dealer: DealerCredit;
  approver: string;
  /** The day of the approval (the caller's today: core has no clock): 评定日期, and six months on 下次复评日期. */
  approved: IsoDate;
  /** The as-of date of the scoring approved: 评估日, where the register has that column. */
  asOf: IsoDate;
  /** Overrides of the suggestion the finance head decided on. */
  grade?: string;
  limit?: Fen;
  termDays?: number;
  note?: string;
}

/** What an approval wrote, and what the cells held before: enough to take it back. */
export interface ApprovalUndo {
  sheet: string;
  dealer: string;
  row: number;
  /** The cells as they were before (empty ones as null). */
  previous: PlacedCell[];
}

export interface ApprovalWritten {
  row: number;
  /** The register sheet did not exist and was made by this approval. */
  created: boolean;
  /** The register's values written, as the pane says them. */
  values: { grade: string; limit: Fen; termDays: number; rated: IsoDate; nextReview: IsoDate; approver: string; /** 评估日, or null where the register has no such column. */ asOf: IsoDate | null };
  undo: ApprovalUndo;
}

function previousValue(v: CellValue | undefined): OutValue {
  if (v === undefined || v === null || v === "") return null;
  if (v instanceof Date) return { date: v.toISOString().slice(0, 10) };
  return v;
}

/**
 * Write or update the dealer's row of 信用档案 (created when missing): only that row, and only the
 * register's columns; every other row and the user's own columns stay as they are. Returns what the cells
 * held before, for `undoApproval`.
 */
export async function approveCredit(port: WorkbookPort, a: ApprovalRequest, wanted = REGISTER_SHEET): Promise<ApprovalWritten> {
  const found = creditSheetName(await port.listSheets(), wanted);
  const exists = found !== null;
  const grid = found !== null ? await port.readSheet(found) : null;
  // Written to the sheet as the workbook names it (a new one under the name asked for).
  const sheet = grid?.sheet ?? wanted;
  const register = grid ? parseRegister(grid) : null;
  const values = {
    grade: a.grade ?? a.dealer.score.grade,
    limit: a.limit ?? a.dealer.suggestion.limit,
    termDays: a.termDays ?? a.dealer.suggestion.termDays,
    rated: a.approved,
    nextReview: nextReviewDate(a.approved),
    approver: a.approver,
    asOf: approvalWritesAsOf(register) ? a.asOf : null,
  };
  const cells = approvalCells(register, {
    dealer: a.dealer.dealer,
    grade: values.grade,
    limit: values.limit,
    termDays: values.termDays,
    approved: a.approved,
    asOf: a.asOf,
    approver: a.approver,
    ...(a.note !== undefined ? { note: a.note } : {}),
  });
  const before = (row: number, column: number): OutValue => (grid ? previousValue(grid.values[row - grid.top]?.[column - grid.left]) : null);
  const previous: PlacedCell[] = cells.map((c) => ({ row: c.row, column: c.column, cell: before(c.row, c.column) }));
  await port.writeCells(
    sheet,
    cells.map((c) => ({
      row: c.row,
      column: c.column,
      cell: c.header
        ? { value: c.value as string, bold: true, fill: SECTION_FILL, border: true }
        : c.key === "limit"
          ? { value: c.value, numberFormat: "#,##0.00" }
          : typeof c.value === "string"
            ? { value: c.value, numberFormat: "@" }
            : c.value,
    })),
  );
  const row = cells.find((c) => !c.header)!.row;
  return { row, created: !exists, values, undo: { sheet, dealer: a.dealer.dealer, row, previous } };
}

/**
 * Take an approval back: the cells it wrote get their former values again (a new row becomes empty). Refused,
 * with nothing written, when the row no longer holds that dealer (the register was sorted or edited since).
 */
export async function undoApproval(port: WorkbookPort, undo: ApprovalUndo): Promise<{ ok: true } | { ok: false; reason: "gone" | "moved" }> {
  const sheet = creditSheetName(await port.listSheets(), undo.sheet);
  if (sheet === null) return { ok: false, reason: "gone" };
  const register = parseRegister(await port.readSheet(sheet));
  const now = register.rows.find((r) => r.row === undo.row);
  if (!now || dealerKey(now.dealer) !== dealerKey(undo.dealer)) return { ok: false, reason: "moved" };
  await port.writeCells(sheet, undo.previous);
  return { ok: true };
}

/**
 * The run as it stands after approvals: each approved dealer's grade, limit (from the register now), review date
 * and register row as written, and its exposure status against the limit approved, in the dealer list and the
 * exposure list alike. Other dealers stay as they were.
 */
export function withApprovals(run: CreditRun, approved: readonly ApprovalWritten[]): CreditRun {
  if (approved.length === 0) return run;
  const grades = run.scorecard.card.grades;
  const lowest = grades[grades.length - 1]?.grade;
  const byDealer = new Map(approved.map((a) => [dealerKey(a.undo.dealer), a]));
  const rowOf = (a: ApprovalWritten, before: RegisterRow | null): RegisterRow => {
    const v = a.values;
    return { dealer: before?.dealer ?? a.undo.dealer, grade: v.grade, limit: v.limit, termDays: v.termDays, rated: v.rated, nextReview: v.nextReview, approver: v.approver, note: before?.note ?? "", asOf: v.asOf, row: a.row };
  };
  const r = run.result;
  return {
    ...run,
    result: {
      ...r,
      dealers: r.dealers.map((d) => {
        const a = byDealer.get(dealerKey(d.dealer));
        if (!a) return d;
        const register = rowOf(a, d.register);
        const { grade, limit } = a.values;
        return { ...d, register, limit, limitSource: "register" as const, status: exposureStatus(d.exposure, limit, grade === lowest), reviewDue: reviewIsDue(register, r.asOf) ? register.nextReview : null };
      }),
      exposures: r.exposures.map((e) => {
        const a = byDealer.get(dealerKey(e.dealer));
        if (!a) return e;
        const { grade, limit } = a.values;
        return { ...e, grade, limit, limitSource: "register" as const, status: exposureStatus(e.exposure, limit, grade === lowest), registerRow: a.row };
      }),
    },
  };
}

// ---- over-limit marks ----

/**
 * Mark the open ledger rows of dealers over their limit (group `credit`, never another group's), and their
 * rows of the register when `registerSheet` is given. Replaces the previous credit marks on those sheets.
 */
export async function markOverLimit(port: WorkbookPort, result: CreditResult, ledger: { sheet: string; readSheet: string } | null, registerSheet?: string): Promise<{ ledgerRows: number; registerRows: number }> {
  const over = result.exposures.filter((e) => e.status === "over");
  let ledgerRows = 0;
  let registerRows = 0;
  if (ledger) {
    const rows = new Set<number>();
    for (const e of over) for (const r of e.openRows) if (r.sheet === ledger.readSheet) rows.add(r.row);
    const marks: RowMark[] = [...rows].sort((a, b) => a - b).map((row) => ({ row, style: OVER_LIMIT_STYLE }));
    await port.markRows(ledger.sheet, CREDIT_GROUP, marks, CREDIT_MARK_STYLES);
    ledgerRows = marks.length;
  }
  if (registerSheet) {
    const marks: RowMark[] = over.filter((e) => e.registerRow !== null).map((e) => ({ row: e.registerRow as number, style: OVER_LIMIT_STYLE }));
    await port.markRows(registerSheet, CREDIT_GROUP, marks, CREDIT_MARK_STYLES);
    registerRows = marks.length;
  }
  return { ledgerRows, registerRows };
}

/** Remove the credit marks (one sheet, or every sheet), restoring exactly the look the rows had. */
export async function clearCreditMarks(port: WorkbookPort, sheet?: string): Promise<void> {
  await port.clearMarks(CREDIT_GROUP, sheet);
}

// ---- the result sheet ----

const yuan = (f: Fen) => fenToYuan(f);
const MONEY = "#,##0.00";
const STATUS_TEXT: Record<string, Bilingual> = { ok: { zh: "正常", en: "OK" }, near: { zh: "接近额度（≥80%）", en: "Near (≥ 80%)" }, over: { zh: "超额度", en: "Over" } };

/** 信用评估: per dealer the score with its breakdown and the suggestion with its arithmetic; then the exposure and review lists. */
export function creditResultSpec(run: CreditRun, lang: Lang): SheetSpec {
  const p = (t: Bilingual) => pick(t, lang);
  const s = (zh: string, en: string) => say(lang, zh, en);
  const r = run.result;
  const rows: OutRow[] = [];
  const text = (v: string, more: Omit<OutCell, "value"> = {}): OutCell => ({ value: v, numberFormat: "@", border: true, ...more });
  const money = (f: Fen, more: Omit<OutCell, "value"> = {}): OutCell => ({ value: yuan(f), numberFormat: MONEY, border: true, ...more });
  rows.push([{ value: `${p(CREDIT_RESULT_SHEET)}\u3000${s("评估日：", "as of ")}${r.asOf}`, bold: true, fontSize: TITLE_FONT_SIZE, mergeAcross: 5 }]);
  rows.push([`${s("评分标准：", "Scorecard: ")}${run.scorecard.sheet ?? s("默认（未找到“评分标准”工作表）", "the default (no 评分标准 sheet found)")}\u3000${unitText(lang)}`]);
  rows.push([]);
  const headRow = rows.length + 1;
  // The exposure column says where its figures come from: the ledger, or a balance table's 期末余额.
  const exposureHead = run.exposureFrom === "balances" ? s("占用（余额表期末）", "Exposure (balance table)") : s("占用（台账余额）", "Exposure (ledger balance)");
  rows.push(
    (lang === "en-US"
      ? ["Dealer", "Score", "Grade", "Suggested term (days)", "Suggested limit", "Limit applied for", "Limit in force", "From", exposureHead, "Status"]
      : ["经销商", "得分", "等级", "建议账期（天）", "建议额度", "申请额度", "执行额度", "额度来源", exposureHead, "状态"]
    ).map((h) => headCell(h)),
  );
  for (const d of r.dealers) {
    rows.push([
      text(d.dealer, { wrap: true }),
      { value: d.score.score, border: true },
      text(d.score.grade + (d.score.cappedFrom ? s(`（原 ${d.score.cappedFrom}，合作不满一年）`, ` (was ${d.score.cappedFrom}: under a year of cooperation)`) : ""), { wrap: true }),
      { value: d.suggestion.termDays, border: true },
      money(d.suggestion.limit),
      money(d.suggestion.requestedLimit),
      money(d.limit),
      text(d.limitSource === "register" ? s("信用档案", "register") : s("建议", "suggested")),
      d.exposure === null ? text(s("无法读取", "cannot be read"), { color: "#C50F1F" }) : money(d.exposure),
      d.status === null ? text("—") : text(p(STATUS_TEXT[d.status]), d.status === "over" ? { color: "#C50F1F", bold: true } : {}),
    ]);
  }
  for (const d of r.dealers) {
    rows.push([]);
    rows.push([{ value: s(`${d.dealer}（${d.application.source.sheet} 第 ${d.application.source.row} 行）`, `${d.dealer} (${d.application.source.sheet}, row ${d.application.source.row})`), bold: true, mergeAcross: 5 }]);
    rows.push([headCell(s("项目", "Item")), headCell(s("取值", "Value")), headCell(s("得分", "Points")), headCell(s("满分", "Max"))]);
    for (const b of d.score.breakdown) rows.push([text(render(b.text, lang)), text(b.valueText ? render(b.valueText, lang) : b.value), { value: b.points, border: true }, { value: b.max, border: true }]);
    rows.push([text(s("合计", "Total"), { bold: true }), text(d.score.grade, { bold: true }), { value: d.score.score, border: true, bold: true }, { value: d.score.breakdown.reduce((t, b) => t + b.max, 0), border: true, bold: true }]);
    for (const l of d.suggestion.lines) rows.push([text(render(l.text, lang), { wrap: true, mergeAcross: 2 }), null, null, text(l.value, { align: "right" })]);
  }
  if (r.review.length > 0) {
    rows.push([], [{ value: s("半年复评", "Half-yearly review"), bold: true, mergeAcross: 5 }]);
    rows.push(
      (lang === "en-US"
        ? ["Dealer", "Grade", "Next review", "Fresh score", "Fresh grade", "Proposed grade", "Open items past the final deadline", "Why"]
        : ["经销商", "现等级", "下次复评日期", "新得分", "新等级", "建议等级", "超过最终期限的未收款项", "理由"]
      )
        .map((h, i): OutCell => (i === 7 ? { ...headCell(h), mergeAcross: 2 } : headCell(h))),
    );
    for (const v of r.review) {
      rows.push([
        text(v.dealer, { wrap: true }),
        text(v.grade),
        text(v.nextReview ?? ""),
        v.fresh ? { value: v.fresh.score, border: true } : text("—"),
        text(v.fresh?.grade ?? "—"),
        text(v.proposedGrade ?? "", v.pastFinal.length > 0 ? { color: "#C50F1F", bold: true } : {}),
        text(v.pastFinal.map((x) => s(`${x.sheet} 第${x.row}行 ${formatFenGrouped(x.open)}`, `${x.sheet} row ${x.row} ${formatFenGrouped(x.open)}`)).join(s("；", "; ")), { wrap: true }),
        text(v.proposal ? render(v.proposal, lang) : "", { wrap: true, mergeAcross: 2 }),
      ]);
    }
  }
  const over = r.exposures.filter((e): e is ExposureLine & { exposure: Fen; status: ExposureStatus } => e.exposure !== null && e.status !== null && e.status !== "ok");
  if (over.length > 0) {
    rows.push([], [{ value: s("超额度与接近额度", "Over and near the limit"), bold: true, mergeAcross: 5 }]);
    rows.push((lang === "en-US" ? ["Dealer", "Grade", "Limit in force", "From", "Exposure", "Status"] : ["经销商", "等级", "执行额度", "额度来源", "占用", "状态"]).map((h) => headCell(h)));
    for (const e of over) rows.push([text(e.dealer, { wrap: true }), text(e.grade ?? ""), money(e.limit), text(e.limitSource === "register" ? s("信用档案", "register") : s("建议", "suggested")), money(e.exposure), text(p(STATUS_TEXT[e.status]))]);
    rows.push([null, { value: "", fill: CREDIT_MARK_STYLES[OVER_LIMIT_STYLE].fill, border: true }, { value: p(CREDIT_LEGEND), mergeAcross: 3 }]);
  }
  rows.push(...signatureRows(lang, [1, 4, 7]));
  return {
    name: p(CREDIT_RESULT_SHEET),
    rows,
    columnWidths: [24, 10, 12, 12, 14, 14, 14, 10, 16, 14],
    fontSize: REPORT_FONT_SIZE,
    freezeRows: headRow,
    wrapColumns: [1],
    print: reportPrint(lang, { orientation: "landscape", repeatRows: [headRow, headRow], headerText: `${p(CREDIT_RESULT_SHEET)}\u3000${r.asOf}` }),
  };
}

export async function writeCreditResults(port: WorkbookPort, run: CreditRun, lang: Lang): Promise<string> {
  const spec = creditResultSpec(run, lang);
  await port.writeSheet(spec);
  return spec.name;
}
