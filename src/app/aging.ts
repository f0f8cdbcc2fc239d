/**
 * Aging a ledger sheet through workbook ports, shared by the task pane (the open workbook) and the
 * command line (a file in, a new file out): the ledger through the reader, the credit terms from
 * wherever the user keeps them, the engine in the core, and the marks and result sheets.
 */
import {
  ageLedger,
  DEFAULT_TERM_DAYS,
  isValidTerm,
  type AgingBasis,
  type AgingIssue,
  type AgingReport,
  type BucketSpec,
  type DealerTerms,
  type ReconciliationBasis,
  type TermSource,
  reconciliationFlags,
  unreadableCells,
} from "../core/aging";
import { msg } from "../core/messages";
import type { CellValue, Entry, IsoDate } from "../core/model";
import {
  Acknowledgements,
  acknowledgementsFromEntries,
  acknowledgementsFromRegister,
  checkCommitments,
  markCollection,
  missedCommitments,
  PLAN_SHEET,
  readPlanSheet,
  receiptsOf,
  type CollectionMarks,
  type CommitmentCheck,
} from "../core/collect";
import { REGISTER_SHEET, readRegister, type RegisterRead } from "../core/letters";
import { UNNAMED_DEALER } from "../core/aging";
import { amountAt, columnLetter, dealerKey, pickRows, sheetAt, type EntryTable, type ReadResult } from "../core/read";
import { parseTermDays } from "../core/values/term";
import { parseRegister as parseCreditRegister, registerTerms, REGISTER_SHEET as CREDIT_REGISTER_SHEET, type RegisterRead as CreditRegisterRead } from "../core/credit";
import { PortError, type ReadableWorkbook, type WorkbookPort } from "../port/workbook";
import { creditSheetName } from "./credit";
import type { Bilingual, Lang } from "./lang";
import { readSheet } from "./read";
import type { ReconcileRun, SheetRef } from "./reconcile";
import { AGING_GROUP, AGING_MARK_STYLES, agingMarks, DEFAULT_MARK_STAGES, type MarkedStage } from "./reports/aging-marks";
import { agingSheet, planSheetRows, TERM_SOURCE_TEXT } from "./reports/aging-sheets";
import { withRows } from "../port/cells";
import { capSheetLinks, capSheetRowsLinks, droppedLinksOf, FIND_ROWS_BY, type DroppedLinks } from "./reports/links";

/** Settings key of the user's default credit term in days (30 until they set one). */
export const DEFAULT_TERM_SETTING = "duizhang.aging.defaultTermDays";

/** Names a per-dealer term table may have in the workbook, in the order they are looked for. */
export const TERM_TABLE_SHEETS: readonly string[] = ["账期表", "信用期表", "Terms"];

export type AgingStage = "reading" | "aging" | "writing";

export interface AgingControl {
  onStage?: (stage: AgingStage, done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface AgingRequest {
  ledger: SheetRef;
  /** The as-of date; the caller reads the clock (the core never does). */
  asOf: IsoDate;
  /** Overrides the saved default term for this run (e.g. `--term-days`). */
  defaultTermDays?: number;
  basis?: AgingBasis;
  /** Age only this dealer (matched like the reader matches dealers). */
  dealer?: string;
  buckets?: BucketSpec[];
  /** Where the term table and the default-term setting are kept; the ledger's workbook by default. */
  termTablePort?: ReadableWorkbook;
  /**
   * Terms from elsewhere. `register` is the seam for the credit register (a later issue): it wins over
   * everything. `table`, when given, is used instead of looking for a term table sheet.
   */
  terms?: { register?: DealerTerms; table?: DealerTerms };
  /** Period of the per-rep figures; default from the ledger's period start to the as-of date. */
  repPeriod?: { from: IsoDate; to: IsoDate };
  /**
   * A reconciliation of this ledger (see `reconciliationOf`): the rows it flagged are marked 待核对 and
   * kept out of the collection plan. Its row numbers must be this sheet's as read now.
   */
  reconciliation?: ReconciliationBasis;
  /** Where the credit register (信用档案) is kept when not in the ledger's (or term table's) workbook. */
  creditRegister?: ReadableWorkbook;
  /**
   * The workbook holding the 函证登记簿 (and 还款计划) whose replies, signed demands and commitments restart
   * the limitation period and whose commitments are checked; default the ledger's workbook. Without a
   * register the period restarts at payments only.
   */
  register?: ReadableWorkbook;
}

/** A term table found in the workbook. */
export interface TermTableRead {
  sheet: string;
  /** Valid terms by dealer, spelled as in the ledger when the names match. */
  terms: Record<string, number>;
  /** The table row each dealer's term came from. */
  rows: Record<string, number>;
  issues: AgingIssue[];
}

export interface DealerTermSource {
  dealer: string;
  termDays: number;
  source: TermSource;
  /** Other terms some of its rows carry in the ledger's term column (used for those rows). */
  rowTerms: number[];
  /** Where the term came from, for the pane: e.g. `账期表 第5行`. */
  text: Bilingual;
}

export interface TermSources {
  /** The term table sheet read, or null when there is none (or terms were given). */
  table: TermTableRead | null;
  defaultTermDays: number;
  /** Where the default came from: this request, the workbook's setting, or the built-in 30 days. */
  defaultFrom: "request" | "setting" | "builtin";
  dealers: DealerTermSource[];
}

export interface AgingRun {
  report: AgingReport;
  ledger: ReadResult;
  termSources: TermSources;
  /** Limitation warnings and broken commitments put on the collection plan. */
  collection: CollectionMarks & { register: string | null; commitments: CommitmentCheck[] };
}

/**
 * The limitation period of every open item (the ledger's payments, and the register's acknowledgements when
 * the workbook has one) and the commitments of 还款计划 checked against the receipts; the plan's actions follow.
 */
async function collectionChecks(report: AgingReport, ledger: ReadResult, port: ReadableWorkbook, signal?: AbortSignal): Promise<AgingRun["collection"]> {
  const names = (await port.listSheets()).map((x) => x.name);
  const regName = names.find((n) => n === REGISTER_SHEET) ?? null;
  const register: RegisterRead | null = regName ? readRegister(await port.readSheet(regName, { signal })) : null;
  const usable = register && register.headerRow !== null ? register : null;
  const dealerOf = (e: { dealer: string | null }) => e.dealer ?? UNNAMED_DEALER;
  const entries = paymentEntries(ledger.table);
  const acks = new Acknowledgements([...acknowledgementsFromEntries(entries, dealerOf), ...(usable ? acknowledgementsFromRegister(usable.rows, usable.sheet) : [])], report.asOf);
  const planName = names.find((n) => n === PLAN_SHEET);
  const commitments = planName
    ? checkCommitments(readPlanSheet(await port.readSheet(planName, { signal })).commitments, usable?.rows ?? [], (d) => receiptsOf(entries, d, dealerOf), report.asOf)
    : [];
  const marks = markCollection(report, acks, missedCommitments(commitments));
  return { ...marks, register: usable ? usable.sheet : null, commitments };
}

/**
 * The rows that can be payments (negative, dated) as entries: the only ones the limitation period and the
 * commitment check look at (date, amount, 摘要, dealer, sheet and row), so a full-sheet ledger's sales are
 * never made into objects. They carry no references: nothing here looks at them. With `dealer`, only that
 * dealer's rows (an unnamed row is `UNNAMED_DEALER`'s; names compared as `dealerKey` has them).
 */
export function paymentEntries(table: EntryTable, dealer?: string): Entry[] {
  const out: Entry[] = [];
  const { dates, descriptions, dealers } = table;
  const key = dealer === undefined ? null : dealerKey(dealer);
  const theirs = new Map<string | null, boolean>();
  for (let i = 0; i < table.length; i++) {
    const amount = amountAt(table, i);
    if (amount >= 0 || dates[i] === null) continue;
    if (key !== null) {
      let same = theirs.get(dealers[i]);
      if (same === undefined) theirs.set(dealers[i], (same = dealerKey(dealers[i] ?? UNNAMED_DEALER) === key));
      if (!same) continue;
    }
    out.push({ sheet: sheetAt(table, i), row: table.rows[i], date: dates[i], ref: null, refs: [], description: descriptions[i], amount, dealer: dealers[i], rep: null, termDays: null });
  }
  return out;
}

/** The 信用档案 of a workbook, or null when it has none (or no header row yet). */
async function loadCreditRegister(port: ReadableWorkbook): Promise<CreditRegisterRead | null> {
  const sheet = creditSheetName(await port.listSheets(), CREDIT_REGISTER_SHEET);
  if (sheet === null) return null;
  const read = parseCreditRegister(await port.readSheet(sheet));
  return read.headerRow === null ? null : read;
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PortError("cancelled", "aging");
}

// ---- the user's default term ----

/** The saved default term, or undefined when none was saved (or the saved value is unusable). */
export async function loadDefaultTermDays(port: ReadableWorkbook): Promise<number | undefined> {
  const value = await port.getSetting<unknown>(DEFAULT_TERM_SETTING);
  return isValidTerm(value) ? value : undefined;
}

/** Why a default term the user typed cannot be used, or null. Accepts `45`, `"45"`, `"45天"`. */
export function defaultTermProblem(value: unknown): Bilingual | null {
  return parseTermDays(value) === null
    ? { zh: `账期“${String(value ?? "")}”须为 0 到 3650 之间的整数天数`, en: `the term "${String(value ?? "")}" must be a whole number of days from 0 to 3650` }
    : null;
}

/**
 * Remember the user's default term in the workbook; `null` forgets it (back to 30 days). Throws a
 * RangeError for a value `defaultTermProblem` rejects: callers check what the user typed first.
 */
export async function saveDefaultTermDays(port: WorkbookPort, days: number | string | null): Promise<void> {
  if (days === null) {
    await port.setSetting(DEFAULT_TERM_SETTING, undefined);
    return;
  }
  const parsed = parseTermDays(days);
  if (parsed === null) throw new RangeError(defaultTermProblem(days)!.en);
  await port.setSetting(DEFAULT_TERM_SETTING, parsed);
}

// ---- the term table ----

const DEALER_HEADER = /^(经销商|客户|客商|单位|购货单位|dealer|customer)(名称|全称|name)?$/i;
const TERM_HEADER = /^(账期|信用期|信用期限|付款期|回款期|收款期|term|terms|creditterm|termdays|paymentterm)(\(?(天|天数|days?)\)?)?$/i;

/** Header text compared without width or spaces: NFKC turns （天） into (天). */
function headerText(v: CellValue): string {
  return typeof v === "string" ? v.normalize("NFKC").replace(/\s+/g, "") : "";
}

/** A term cell or typed term: the one parser of ../core/values/term (`45`, `45天`, `45d`, `月结45天` …). */
export { parseTermDays };

function cellString(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return "";
}

/** The sheet holding the user's term table, if the workbook has one. */
export async function findTermTableSheet(port: ReadableWorkbook): Promise<string | null> {
  const sheets = await port.listSheets();
  for (const wanted of TERM_TABLE_SHEETS) {
    const found = sheets.find((s) => s.name.trim().toLowerCase() === wanted.toLowerCase());
    if (found) return found.name;
  }
  return null;
}

/**
 * Read a term table grid: a header row (within the first 20) with a dealer column (经销商, 客户名称 …)
 * and a term column (账期(天), 信用期 …), then one dealer per row. Bad rows become issues naming the
 * row and column; a dealer listed twice keeps its later term (tables are appended to over time).
 * `ledgerNames` respells matching dealers as the ledger writes them (suffixes and brackets ignored).
 */
export function parseTermTable(
  grid: { sheet: string; top: number; left: number; values: CellValue[][] },
  ledgerNames: readonly string[] = [],
): TermTableRead {
  const { sheet, top, left, values } = grid;
  const out: TermTableRead = { sheet, terms: {}, rows: {}, issues: [] };
  let headerIndex = -1;
  let dealerCol = -1;
  let termCol = -1;
  for (let r = 0; r < Math.min(values.length, 20) && headerIndex < 0; r++) {
    const row = values[r] ?? [];
    const d = row.findIndex((v) => DEALER_HEADER.test(headerText(v)));
    const t = row.findIndex((v) => TERM_HEADER.test(headerText(v)));
    if (d >= 0 && t >= 0) {
      headerIndex = r;
      dealerCol = d;
      termCol = t;
    }
  }
  if (headerIndex < 0) {
    out.issues.push({
      code: "bad_term",
      sheet,
      row: top,
      text: msg("aging.term_table.no_columns", { sheet }),
    });
    return out;
  }
  const ledgerSpelling = new Map<string, string>();
  for (const name of ledgerNames) {
    const key = dealerKey(name);
    if (key !== "" && !ledgerSpelling.has(key)) ledgerSpelling.set(key, name);
  }
  const termLetter = columnLetter(left + termCol);
  const byKey = new Map<string, { name: string; row: number; days: number }>();
  for (let r = headerIndex + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const excelRow = top + r;
    const dealer = cellString(row[dealerCol] ?? null);
    const termCell = row[termCol] ?? null;
    const termText = cellString(termCell);
    if (dealer === "" && termText === "") continue;
    if (dealer === "") {
      out.issues.push({
        code: "bad_term",
        sheet,
        row: excelRow,
        text: msg("aging.term_table.no_dealer", { sheet, row: excelRow }),
      });
      continue;
    }
    const days = parseTermDays(typeof termCell === "number" ? termCell : termText);
    if (days === null) {
      out.issues.push({
        code: "bad_term",
        sheet,
        row: excelRow,
        text: msg("aging.term_table.bad_term", { sheet, row: excelRow, column: termLetter, dealer, value: termText }),
      });
      continue;
    }
    const key = dealerKey(dealer);
    const before = byKey.get(key);
    if (before && before.days !== days) {
      out.issues.push({
        code: "bad_term",
        sheet,
        row: excelRow,
        text: msg("aging.term_table.conflict", { sheet, row: excelRow, first: before.row, dealer, before: before.days, days }),
      });
    }
    byKey.set(key, { name: ledgerSpelling.get(key) ?? dealer, row: excelRow, days });
  }
  for (const { name, row, days } of byKey.values()) {
    out.terms[name] = days;
    out.rows[name] = row;
  }
  return out;
}

function ledgerDealerNames(ledger: ReadResult): string[] {
  const names = new Set<string>(ledger.dealers);
  if (ledger.dealer) names.add(ledger.dealer);
  for (const d of ledger.table.dealers) if (d) names.add(d);
  for (const o of ledger.openings) if (o.dealer) names.add(o.dealer);
  return [...names];
}

// ---- the run ----

/**
 * Read the ledger and its terms and age it as of `req.asOf`. Changes nothing in any workbook.
 * Problems with the term table join the report's issues, so every consumer sees them.
 */
export async function runAging(req: AgingRequest, control: AgingControl = {}): Promise<AgingRun> {
  const { onStage, signal } = control;
  const termPort = req.termTablePort ?? req.ledger.port;
  onStage?.("reading", 0, 2);
  const ledger = await readSheet(
    req.ledger.port,
    req.ledger.sheet,
    // The side is left to the reader: a sheet that is a dealer's statement reads right only as one.
    { ...req.ledger.read, ...(req.dealer !== undefined ? { dealer: req.dealer } : {}), asOf: req.asOf },
    { signal },
  );
  checkCancelled(signal);
  onStage?.("reading", 1, 2);

  let table: TermTableRead | null = null;
  if (req.terms?.table === undefined) {
    const tableSheet = await findTermTableSheet(termPort);
    // A term table is never the ledger itself (someone may keep terms as a column of the ledger sheet).
    if (tableSheet !== null && !(termPort === req.ledger.port && tableSheet === req.ledger.sheet)) {
      table = parseTermTable(await termPort.readSheet(tableSheet, { signal }), ledgerDealerNames(ledger));
    }
  }
  // The credit register (信用档案) is the first source of terms once it exists: given, or kept in the workbook.
  let registerTerms_ = req.terms?.register;
  if (registerTerms_ === undefined) {
    const creditRegister = await loadCreditRegister(req.creditRegister ?? termPort);
    if (creditRegister && creditRegister.rows.length > 0) registerTerms_ = registerTerms(creditRegister);
  }
  let defaultFrom: TermSources["defaultFrom"] = "request";
  let defaultTermDays = req.defaultTermDays;
  if (defaultTermDays === undefined) {
    defaultTermDays = await loadDefaultTermDays(termPort);
    defaultFrom = defaultTermDays === undefined ? "builtin" : "setting";
  }
  checkCancelled(signal);
  onStage?.("reading", 2, 2);

  onStage?.("aging", 0, 1);
  const { table: ledgerTable, openings } = onlyDealer(ledger, req.dealer);
  const aged = ageLedger(
    { table: ledgerTable, openings, unreadable: unreadableCells(ledger), ...(ledger.periodFrom ? { periodStart: ledger.periodFrom } : {}) },
    {
      asOf: req.asOf,
      terms: { register: registerTerms_, table: req.terms?.table ?? table?.terms },
      defaultTermDays: defaultTermDays ?? DEFAULT_TERM_DAYS,
      ...(req.basis ? { basis: req.basis } : {}),
      ...(req.buckets ? { buckets: req.buckets } : {}),
      ...(req.repPeriod ? { repPeriod: req.repPeriod } : {}),
      ...(req.reconciliation ? { reconciliation: req.reconciliation } : {}),
    },
  );
  const report: AgingReport = table && table.issues.length > 0 ? { ...aged, issues: [...table.issues, ...aged.issues] } : aged;
  const collection = await collectionChecks(report, ledger, req.register ?? req.ledger.port, signal);
  onStage?.("aging", 1, 1);

  return {
    report,
    ledger,
    collection,
    termSources: {
      table,
      defaultTermDays: report.defaultTermDays,
      defaultFrom,
      dealers: report.dealers.map((d) => {
        const rowTerms = [...new Set(d.items.map((i) => i.termDays))].filter((t) => t !== d.termDays).sort((a, b) => a - b);
        return { dealer: d.dealer, termDays: d.termDays, source: d.termSource, rowTerms, text: termSourceText(d.termSource, d.dealer, table, defaultFrom, req.ledger.sheet) };
      }),
    },
  };
}

/**
 * What aging takes from a reconciliation run: the ledger rows it flagged (duplicate, amount mismatch,
 * only on our ledger, unreadable), for dealers the statement covers.
 */
export function reconciliationOf(run: Pick<ReconcileRun, "report" | "ledger" | "statement">): ReconciliationBasis {
  return reconciliationFlags(run.report, run.ledger.sheet, run.statement.sheet);
}

/**
 * Rows of one dealer. The reader filters many-dealer sheets itself; a one-dealer sheet (the dealer in
 * its title) for another dealer has nothing to age. Rows that name no dealer at all are the asked
 * dealer's: the user said whose sheet it is.
 */
function onlyDealer(ledger: ReadResult, dealer: string | undefined): { table: EntryTable; openings: ReadResult["openings"] } {
  if (dealer === undefined) return { table: ledger.table, openings: ledger.openings };
  const key = dealerKey(dealer);
  const mine = (d: string | null) => d === null || dealerKey(d) === key;
  const all = ledger.table;
  const positions: number[] = [];
  for (let i = 0; i < all.length; i++) if (mine(all.dealers[i])) positions.push(i);
  const picked = pickRows(all, positions);
  return {
    table: { ...picked, dealers: picked.dealers.map((d) => d ?? dealer) },
    openings: ledger.openings.filter((o) => mine(o.dealer)).map((o) => (o.dealer === null ? { ...o, dealer } : o)),
  };
}

function termSourceText(source: TermSource, dealer: string, table: TermTableRead | null, defaultFrom: TermSources["defaultFrom"], ledgerSheet: string): Bilingual {
  const base = TERM_SOURCE_TEXT[source];
  switch (source) {
    case "table": {
      const row = table?.rows[dealer];
      return table && row !== undefined ? { zh: `${table.sheet} 第${row}行`, en: `${table.sheet} row ${row}` } : base;
    }
    case "column":
      return { zh: `${ledgerSheet} 的账期列`, en: `${ledgerSheet}, term column` };
    case "default":
      return defaultFrom === "setting"
        ? { zh: "默认账期（已保存的设置）", en: "Default term (saved setting)" }
        : defaultFrom === "request"
          ? { zh: "默认账期（本次指定）", en: "Default term (given for this run)" }
          : { zh: `默认账期（未设置，按 ${DEFAULT_TERM_DAYS} 天）`, en: `Default term (not set: ${DEFAULT_TERM_DAYS} days)` };
    default:
      return base;
  }
}

// ---- writing ----

export interface AgingWriteTarget {
  port: WorkbookPort;
  /** Name of the ledger sheet in the target workbook (a copy, in the command line). */
  ledgerSheet: string;
  /**
   * A ledger read over several sheets: each read sheet's name in the target workbook (the sheets themselves
   * in Excel, their copies in the command line); every row is marked and linked on its own sheet.
   */
  ledgerSheets?: Readonly<Record<string, string>>;
  lang: Lang;
  /** Mark the ledger's rows (default true). */
  marks?: boolean;
  /** Stages to mark; default the late ones (overdue and past the final deadline). */
  markStages?: readonly MarkedStage[];
}

export interface WrittenAging {
  agingSheet: string;
  planSheet: string;
  /** Rows marked in the ledger. */
  marked: number;
  /**
   * Charts of 账龄分析 left out because the target cannot draw them (an .xlsx file written by
   * ExcelJS): the chart's data block is still there, as a table. 0 inside Excel.
   */
  chartsLeftOut: number;
  /** Sheets that had links left out for Excel's limit on links (./reports/links), with how many; missing when none had. */
  linksDropped?: DroppedLinks[];
}

/** Mark aged rows (group `aging`, never `reconcile`) and write 账龄分析 and 催款计划. */
export async function writeAgingResults(run: AgingRun, target: AgingWriteTarget, control: AgingControl = {}): Promise<WrittenAging> {
  const { onStage, signal } = control;
  const { port, lang } = target;
  const marking = target.marks !== false;
  const markStages = marking ? target.markStages ?? DEFAULT_MARK_STAGES : [];
  const total = marking ? 3 : 2;
  let done = 0;
  const step = () => onStage?.("writing", ++done, total);
  onStage?.("writing", 0, total);
  let marked = 0;
  if (marking) {
    const sheets = Object.entries(target.ledgerSheets ?? { [run.ledger.sheet]: target.ledgerSheet });
    for (const [read, written] of sheets) marked += await markAgingRows(run, port, written, markStages, read);
    step();
    checkCancelled(signal);
  }
  const src = { ledgerSheet: target.ledgerSheet, ...(target.ledgerSheets ? { ledgerSheets: target.ledgerSheets } : {}), markStages };
  // Each within Excel's limit on links (./reports/links), saying so under its title when rows lost theirs.
  const agingCapped = capSheetLinks(agingSheet(run.report, src, lang), lang, null);
  const aging = agingCapped.spec;
  await port.writeSheet(aging, { signal });
  // Only the office-js port draws charts; the file port keeps their data blocks as tables.
  const chartsLeftOut = (aging.charts?.length ?? 0) > 0 && (await port.capabilities()).kind !== "excel" ? aging.charts!.length : 0;
  step();
  checkCancelled(signal);
  // 催款计划 holds a row per open item: a port that takes rows one at a time is given them so.
  const planCapped = capSheetRowsLinks(planSheetRows(run.report, src, lang), lang, FIND_ROWS_BY.plan);
  const plan = planCapped.spec;
  if (port.writeSheetRows) await port.writeSheetRows(planCapped, { signal });
  else await port.writeSheet(withRows(planCapped), { signal });
  step();
  const linksDropped = droppedLinksOf([agingCapped, planCapped]);
  return { agingSheet: aging.name, planSheet: plan.name, marked, chartsLeftOut, ...(linksDropped.length > 0 ? { linksDropped } : {}) };
}

/**
 * Mark the ledger's rows by stage (group `aging`) without writing any sheet: what the pane's
 * 标记逾期行 does. Replaces the previous aging marks on that sheet; returns how many rows were marked.
 */
export async function markAgingRows(
  run: AgingRun,
  port: WorkbookPort,
  ledgerSheet: string,
  stages: readonly MarkedStage[] = DEFAULT_MARK_STAGES,
  /** The read sheet whose rows go on `ledgerSheet`: for a ledger over several sheets, one of them. */
  readSheet: string = run.ledger.sheet,
): Promise<number> {
  const marks = agingMarks(run.report, readSheet, stages);
  await port.markRows(ledgerSheet, AGING_GROUP, marks, AGING_MARK_STYLES);
  return marks.length;
}

/** Remove the aging marks (from one sheet, or every sheet); the reconciliation marks stay. */
export async function clearAgingMarks(port: WorkbookPort, sheet?: string): Promise<void> {
  await port.clearMarks(AGING_GROUP, sheet);
}
