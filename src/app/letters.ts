/**
 * Confirmation letters (对账函) through workbook ports, shared by the task pane (ledger, template, register
 * and letters in the open workbook) and the command line (files in, a new result workbook out).
 *
 * A run: read the ledger and take each dealer's closing balance at the cut-off (`balanceOf`, the figure
 * reconcile and aging state); read the template (built-in, or a user's sheet, checked before anything is
 * made), the company details (本公司信息 in the ledger's workbook, else in the template's) and the register
 * (函证登记簿, created when missing); give each letter its number; write one sheet `对账函 YYYY-MM-DD`
 * holding every letter, each on its own page, with the template's formats; then the register rows.
 * Nothing is written when the template or the register has a problem. The register is written as the
 * user's sheet, never ours, so 全部撤销 leaves it.
 *
 * What a 函证 view calls: `readCompany` (details and where they came from), `checkTemplate` (problems by
 * sheet and cell before generating), `writeBuiltinTemplate` (on request: a built-in as the user's sheet
 * under a free name), `reconciledDealers(report)` (for "为该经销商生成对账函"), `runLetters` with
 * `onStage`/`signal` for progress and cancel, then `readRegisterStatus` for the summary (sent, 相符 / 不符,
 * overdue) and each letter's `sheet`/`firstRow` and `registerRow` for one-click navigation (`port.select`).
 */
import { fatalReadIssue, readSheet } from "./read";
import type { Lang } from "./lang";
import { writeRegisterPlan } from "./register";
import { balanceOf, entriesOf, readIssueMessage, type ReadResult, type UnreadRow } from "../core/read";
import { dealerKey } from "../core/values/refs";
import type { Fen, IsoDate } from "../core/model";
import { fen, subFen, sumFen } from "../core/money";
import {
  A4_PAGE,
  COMPANY_SHEET,
  REGISTER_SHEET,
  builtinTemplate,
  compileTemplate,
  fillTemplate,
  letterData,
  letterJson,
  lettersSheetName,
  planRegister,
  readCompanyInfo,
  readRegister,
  registerStatus,
  stackLetters,
  templateFromGrid,
  type BuiltinKind,
  type CompanyDetails,
  type FillWarning,
  type FilledLetter,
  type LetterData,
  type LetterJson,
  type Movement,
  type RegisterNotice,
  type RegisterProblem,
  type RegisterStatus,
  type StackedLetters,
  type Template,
  type TemplateProblem,
  type WorkingCalendar,
} from "../core/letters";
import { balanceRowOffMessage, companyProblemMessage, describeRegisterProblem, describeTemplateProblem, fillWarningMessage, registerProblemMessage, templateProblemMessage, letterProblemMessage, letterSkipMessage, registerNoticeMessage } from "../messages/letters";
import { findSheet, templateSheetProblemMessage, writeTemplateSheet } from "./template-sheet";
import { PortError, writableOr, type OutCell, type OutRow, type ReadableWorkbook, type SheetSpec, type TemplateFormats, type WorkbookPort } from "../port/workbook";
import { msg, type Message } from "../core/messages";
import { render } from "../messages/render";

export type LettersStage = "reading" | "generating" | "writing";

export interface LettersControl {
  onStage?: (stage: LettersStage, done: number, total: number) => void;
  signal?: AbortSignal;
}

/** A built-in template, or a user's template sheet in some workbook. */
export type TemplateChoice = { builtin: BuiltinKind } | { port: ReadableWorkbook; sheet: string };

/**
 * Which dealers get a letter: every dealer with a non-zero balance at the cut-off, the dealers named (as
 * typed; matched like reconcile matches names), or those just reconciled (the pane passes its run's dealers).
 */
export type DealerChoice = { all: true } | { names: readonly string[] } | { reconciled: readonly string[] };

export interface LettersRequest {
  /** `sheets`: a ledger kept one sheet per month, read as one (see `readSheets`); `sheet` is then the first. */
  ledger: { port: ReadableWorkbook; sheet: string; sheets?: readonly string[] };
  /** 截至日期. */
  asOf: IsoDate;
  /** 发函日期 printed on the letters (the caller's today; the core has no clock). */
  sendDate: IsoDate;
  /** First day of the period whose movements a 含明细 template lists; default 1 January of the cut-off's year. */
  periodStart?: IsoDate;
  dealers: DealerChoice;
  template: TemplateChoice;
  /** Where the register is read and written; default the ledger's workbook. */
  register?: WorkbookPort;
  /** Where the letters sheet is written; default the ledger's workbook. */
  target?: WorkbookPort;
  calendar?: WorkingCalendar;
  lang: Lang;
}

export type LetterSkipCode = "zero_balance" | "not_in_ledger" | "letter_refused" | "balance_row_off" | "balance_row_unreadable";

export interface SkippedDealer {
  dealer: string;
  code: LetterSkipCode;
  /** Why, as a message: the pane says it in its language at the time it shows, the command line in its own. */
  reason: Message;
}

/** One letter made: the command line's contract fields (`LetterJson`) and more. */
export interface MadeLetter extends LetterJson {
  /** Our sign, in fen: positive, the dealer owes us. */
  balanceFen: Fen;
  replyBy: IsoDate;
  /** The register row it is recorded on, and whether an unsent row's number was reused. */
  registerRow: number;
  reused: boolean;
}

export type LettersProblem =
  | { code: "ledger_unreadable"; message: Message }
  | { code: "template"; problems: TemplateProblem[]; messages: Message[] }
  | { code: "register"; problems: RegisterProblem[]; messages: Message[] }
  | { code: "template_not_found"; message: Message }
  | { code: "template_ambiguous"; message: Message };

export interface LettersRun {
  asOf: IsoDate;
  /** The ledger (or balance table) as read: its sheets, carry-overs and layouts, its cut-off. */
  ledger: ReadResult;
  sheet: string;
  letters: MadeLetter[];
  skipped: SkippedDealer[];
  /**
   * Missing company or dealer details (lines left to fill by hand), register notices and formats not carried,
   * as messages: the pane says them in its language at the time it shows, the command line in its own.
   */
  warnings: Message[];
  /** Fields left to fill by hand on some letter. */
  fillWarnings: FillWarning[];
  registerNotices: RegisterNotice[];
  /** Where the company details came from, or null when no 本公司信息 sheet was found. */
  companySheet: { port: "ledger" | "template"; sheet: string } | null;
  /** False where the platform wrote values without the template's formats (Excel before ExcelApi 1.9). */
  formatsCarried: boolean;
}

export type LettersResult = { ok: true; run: LettersRun } | { ok: false; problem: LettersProblem };

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PortError("cancelled", "letters");
}

/** The template as data, from a built-in or a user's sheet (values, merges, widths, heights). */
export async function loadTemplate(choice: TemplateChoice): Promise<Template> {
  if ("builtin" in choice) return builtinTemplate(choice.builtin);
  const grid = await choice.port.readSheet(choice.sheet);
  const layout = await choice.port.readLayout(choice.sheet);
  const merges = layout.merges.map((m) => ({ top: m.fromRow, left: m.fromColumn, bottom: m.toRow, right: m.toColumn }));
  const template = templateFromGrid(grid, { merges, columnWidths: layout.columnWidths, rowHeights: layout.rowHeights });
  // A merged block shows its first cell only; a reader may repeat that value in the others.
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        const cell = template.rows[r - 1]?.cells[c - 1];
        if (cell && (r !== m.top || c !== m.left)) cell.value = null;
      }
    }
  }
  return template;
}

/** Checks a template without making anything: the problems to show, each naming its sheet and cell. */
export async function checkTemplate(choice: TemplateChoice, lang: Lang): Promise<{ ok: true } | { ok: false; problems: TemplateProblem[]; messages: string[] }> {
  const compiled = compileTemplate(await loadTemplate(choice));
  if (compiled.ok) return { ok: true };
  return { ok: false, problems: compiled.problems, messages: compiled.problems.map((p) => describeTemplateProblem(p, lang)) };
}

/** The company details: 本公司信息 in the ledger's workbook first, then in the template's; what is wrong with them as messages. */
async function companyOf(
  ledger: ReadableWorkbook,
  template: ReadableWorkbook | null,
): Promise<{ details: CompanyDetails; from: LettersRun["companySheet"]; warnings: Message[] }> {
  for (const [port, which] of [[ledger, "ledger"], [template, "template"]] as const) {
    if (!port) continue;
    const name = await findSheet(port, COMPANY_SHEET);
    if (!name) continue;
    const read = readCompanyInfo(await port.readSheet(name));
    return { details: read.details, from: { port: which, sheet: name }, warnings: read.problems.map(companyProblemMessage) };
  }
  return { details: {}, from: null, warnings: [msg("letters.company.missing", { sheet: COMPANY_SHEET })] };
}

/** The company details: 本公司信息 in the ledger's workbook first, then in the template's; what is wrong with them said in `lang`. */
export async function readCompany(
  ledger: ReadableWorkbook,
  template: ReadableWorkbook | null,
  lang: Lang,
): Promise<{ details: CompanyDetails; from: LettersRun["companySheet"]; warnings: string[] }> {
  const company = await companyOf(ledger, template);
  return { ...company, warnings: company.warnings.map((w) => render(w, lang)) };
}

interface DealerBook {
  name: string;
  balance: Fen;
  movements: Movement[];
}

/** Each dealer of the ledger (as first written) with its balance at the cut-off and its movements. */
function dealerBooks(read: ReadResult, asOf: IsoDate, soleName: string | null): DealerBook[] {
  const byKey = new Map<string, DealerBook>();
  const nameOf = (d: string | null) => d ?? read.dealer ?? soleName;
  const book = (d: string | null): DealerBook | null => {
    const name = nameOf(d);
    if (!name) return null;
    const key = dealerKey(name);
    let b = byKey.get(key);
    if (!b) byKey.set(key, (b = { name, balance: fen(0), movements: [] }));
    return b;
  };
  for (const o of read.openings) book(o.dealer);
  const entries = entriesOf(read.table);
  for (const e of entries) {
    const b = book(e.dealer);
    if (b && e.date !== null) b.movements.push({ date: e.date, ref: e.ref, description: e.description, amount: e.amount, sheet: e.sheet, row: e.row });
  }
  const unnamed = entries.some((e) => e.dealer === null) || read.openings.some((o) => o.dealer === null);
  for (const b of byKey.values()) {
    // One-dealer ledgers carry no dealer column: their rows are the dealer's, so the balance is the sheet's.
    b.balance = unnamed && byKey.size === 1 ? balanceOf(read, null, asOf) : balanceOf(read, b.name, asOf);
  }
  return [...byKey.values()];
}

/** A built-in template's looks for the port: each template row's style ids by column. */
function templateFormatsOf(template: Template, source: TemplateChoice, sourceRows: number[], columns: number): TemplateFormats {
  if ("builtin" in source) {
    return {
      sourceRows,
      columns,
      from: { looks: template.styles ?? {}, cells: template.rows.map((r) => r.cells.map((c) => c?.style ?? null)) },
    };
  }
  return { sourceRows, columns, from: { sheet: source.sheet } };
}

const CM_PER_INCH = 2.54;

/**
 * One sheet holding papers filled from one template (letters, demand letters, a commitment), each starting on
 * a new page, with the template's formats carried and the A4 setup its page was designed for.
 */
export function papersSheet(name: string, template: Template, source: TemplateChoice | null, filled: readonly FilledLetter[]): { spec: SheetSpec; stacked: StackedLetters } {
  const stacked = stackLetters(filled);
  const columns = stacked.printArea.right;
  const spec: SheetSpec = {
    name,
    rows: stacked.rows.map((r): OutRow => r.cells.map((c) => (c === null ? null : ({ value: c.value, ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}) } as OutCell)))),
    columnWidths: stacked.columnWidths.map((w) => w ?? 0),
    merges: stacked.merges.map((m) => ({ fromRow: m.top, toRow: m.bottom, fromColumn: m.left, toColumn: m.right })),
    rowHeights: stacked.rows.map((r) => r.height ?? null),
    templateFormats: templateFormatsOf(template, source ?? { builtin: "positive" }, stacked.rows.map((r) => r.source), columns),
    print: {
      orientation: "portrait",
      fitToWidth: true,
      // A letter is designed for its page: shrink it onto the width rather than split it.
      minScale: 10,
      margins: {
        top: A4_PAGE.margins.top * CM_PER_INCH,
        bottom: A4_PAGE.margins.bottom * CM_PER_INCH,
        left: A4_PAGE.margins.left * CM_PER_INCH,
        right: A4_PAGE.margins.right * CM_PER_INCH,
        header: A4_PAGE.margins.header * CM_PER_INCH,
        footer: A4_PAGE.margins.footer * CM_PER_INCH,
      },
      area: { fromRow: 1, toRow: stacked.printArea.bottom, fromColumn: 1, toColumn: columns },
      breakBefore: stacked.pageBreaks,
    },
  };
  return { spec, stacked };
}

/** Make the letters and write them with the register rows. Problems with the template or register stop the run before anything is written. */
export async function runLetters(req: LettersRequest, control: LettersControl = {}): Promise<LettersResult> {
  const { lang, asOf } = req;
  const stage = (s: LettersStage, done: number, total: number) => control.onStage?.(s, done, total);
  // Without a register or target of their own, both are the ledger's workbook, which must then be writable.
  const registerPort = req.register ?? writableOr(req.ledger.port, req.ledger.sheet, msg("port.action.letters", {}));
  const target = req.target ?? writableOr(req.ledger.port, req.ledger.sheet, msg("port.action.letters", {}));
  stage("reading", 0, 4);

  // Template first: a template with problems makes nothing.
  let template: Template;
  try {
    template = await loadTemplate(req.template);
  } catch (e) {
    // Two sheets it cannot tell apart (named both, as the port said it) or none: each its own code.
    const problem = "builtin" in req.template ? null : templateSheetProblemMessage(e, req.template.sheet);
    if (problem) return { ok: false, problem };
    throw e;
  }
  const compiled = compileTemplate(template);
  if (!compiled.ok) {
    return { ok: false, problem: { code: "template", problems: compiled.problems, messages: compiled.problems.map(templateProblemMessage) } };
  }
  checkAbort(control.signal);
  stage("reading", 1, 4);

  // A balance table (科目余额表 / 往来余额表) gives each dealer's balance as well as the ledger does.
  const many = req.ledger.sheets && req.ledger.sheets.length > 1 ? { sheets: [...req.ledger.sheets] } : {};
  const read = await readSheet(req.ledger.port, req.ledger.sheet, { acceptBalanceTable: true, ...many }, { signal: control.signal });
  const fatal = fatalReadIssue(read);
  if (fatal) return { ok: false, problem: { code: "ledger_unreadable", message: readIssueMessage(fatal) } };
  checkAbort(control.signal);
  stage("reading", 2, 4);

  const company = await companyOf(req.ledger.port, "builtin" in req.template ? null : req.template.port);
  const foundRegister = await findSheet(registerPort, REGISTER_SHEET);
  const registerName = foundRegister ?? REGISTER_SHEET;
  const register = foundRegister ? readRegister(await registerPort.readSheet(foundRegister)) : null;
  checkAbort(control.signal);
  stage("reading", 3, 4);

  // Dealers.
  const named = "names" in req.dealers ? req.dealers.names : "reconciled" in req.dealers ? req.dealers.reconciled : null;
  const books = dealerBooks(read, asOf, named && named.length === 1 ? named[0] : null);
  const skipped: SkippedDealer[] = [];
  const skip = (dealer: string, code: LetterSkipCode, reason: Message) => skipped.push({ dealer, code, reason });
  const chosen: DealerBook[] = [];
  const zeroReason = letterSkipMessage("zero_balance");
  // A balance-table row whose figures do not add up states no balance to its dealer until it is corrected.
  const rowsOff = new Map((read.balanceRowsNotAddingUp ?? []).map((m) => [dealerKey(m.dealer), m]));
  const offReason = (dealer: string): Message | null => {
    const m = rowsOff.get(dealerKey(dealer));
    return m ? balanceRowOffMessage(m) : null;
  };
  // A balance-table row left out for a cell that cannot be read (a formula without its result, an error…):
  // its dealer's balance is not known, so it gets no letter, whatever other rows of the table say.
  const rowsUnread = balanceRowsUnread(read);
  const unreadReason = (dealer: string): Message | null => {
    const u = rowsUnread.get(dealerKey(dealer));
    return u ? msg("letters.skip.balance_row_unreadable", { problem: readIssueMessage(u.cells[0]!) }) : null;
  };
  if (named === null) {
    for (const b of books) {
      const off = offReason(b.name);
      const unread = unreadReason(b.name);
      if (unread !== null) skip(b.name, "balance_row_unreadable", unread);
      else if (off !== null) skip(b.name, "balance_row_off", off);
      else if (b.balance === 0) skip(b.name, "zero_balance", zeroReason);
      else chosen.push(b);
    }
    // A dealer whose only row cannot be read is not among the books, and is said all the same.
    for (const [key, u] of rowsUnread) if (!books.some((b) => dealerKey(b.name) === key)) skip(u.dealer!, "balance_row_unreadable", unreadReason(u.dealer!)!);
  } else {
    const seen = new Set<string>();
    for (const name of named) {
      const key = dealerKey(name);
      if (seen.has(key)) continue;
      seen.add(key);
      const b = books.find((x) => dealerKey(x.name) === key);
      const off = b ? offReason(b.name) : null;
      const unread = unreadReason(name);
      if (unread !== null) skip(b?.name ?? rowsUnread.get(key)!.dealer!, "balance_row_unreadable", unread);
      else if (!b) skip(name, "not_in_ledger", msg("letters.skip.not_in_ledger", { sheet: read.sheet }));
      else if (off !== null) skip(b.name, "balance_row_off", off);
      else if (b.balance === 0) skip(b.name, "zero_balance", zeroReason);
      else chosen.push(b);
    }
  }

  // Letters' values (numbers come from the register plan below).
  const periodStart = req.periodStart ?? `${asOf.slice(0, 4)}-01-01`;
  const datas: LetterData[] = [];
  for (const b of chosen) {
    const inPeriod = sumFen(b.movements.filter((m) => m.date >= periodStart && m.date <= asOf), (m) => m.amount);
    const result = letterData({
      number: "",
      dealer: { name: b.name },
      company: company.details,
      asOf,
      sendDate: req.sendDate,
      closingBalance: b.balance,
      periodStart: periodStart <= asOf ? periodStart : asOf,
      openingBalance: subFen(b.balance, inPeriod),
      movements: b.movements,
      ...(req.calendar ? { calendar: req.calendar } : {}),
    });
    if (result.ok) datas.push(result.letter);
    else skip(b.name, "letter_refused", letterProblemMessage(result.problem));
  }

  const planned = planRegister(
    register,
    datas.map((d) => ({ type: "对账函" as const, dealer: d.dealer, asOf, amount: d.balance })),
  );
  if (!planned.ok) {
    return { ok: false, problem: { code: "register", problems: planned.problems, messages: planned.problems.map(registerProblemMessage) } };
  }
  const plan = planned.plan;
  datas.forEach((d, i) => {
    d.number = plan.numbers[i].number;
    d.values.编号 = { kind: "text", text: d.number };
  });

  // Fill and stack.
  const fillWarnings = new Map<string, FillWarning>();
  const filled = datas.map((d, i) => {
    if (i % 100 === 0) {
      checkAbort(control.signal);
      stage("generating", i, datas.length);
    }
    const letter = fillTemplate(compiled.template, d.values, d.details);
    for (const w of letter.warnings) if (!fillWarnings.has(w.field)) fillWarnings.set(w.field, w);
    return letter;
  });
  stage("generating", datas.length, datas.length);
  const sheet = lettersSheetName(asOf);
  const { spec, stacked } = papersSheet(sheet, template, req.template, filled);
  checkAbort(control.signal);

  const formatsCarried = (await target.capabilities()).copyFormats === true;
  if (datas.length > 0) {
    await target.writeSheet(spec, {
      signal: control.signal,
      onProgress: (p) => stage("writing", p.done, p.total + 1),
    });
  }
  checkAbort(control.signal);

  // The register after the letters: a run stopped while writing letters leaves no numbers behind.
  await writeRegisterPlan(registerPort, registerName, register, plan, lang, control.signal);
  stage("writing", 1, 1);

  const letters: MadeLetter[] = datas.map((d, i) => {
    const place = stacked.letters[i];
    const n = plan.numbers[i];
    return { ...letterJson(d, sheet, place.firstRow, place.lastRow), balanceFen: d.balance, replyBy: d.replyBy, registerRow: n.row, reused: n.reused };
  });
  const warnings: Message[] = [
    // A balance-table row whose dealer cell cannot be read: some dealer's balance is not known.
    ...(read.balanceRowsNotAddingUp !== undefined ? (read.unreadable ?? []).filter((u) => u.dealer === null && u.cells.length > 0).map((u) => msg("letters.skip.balance_row_unreadable", { problem: readIssueMessage(u.cells[0]!) })) : []),
    ...company.warnings,
    ...[...fillWarnings.values()].filter((w) => company.from !== null || w.code !== "missing_company_detail").map(fillWarningMessage),
    ...plan.notices.map(registerNoticeMessage),
    ...(datas.length > 0 && !formatsCarried ? [msg("letters.formats_not_carried", {})] : []),
  ];
  return {
    ok: true,
    run: {
      asOf,
      ledger: read,
      sheet,
      letters,
      skipped,
      warnings,
      fillWarnings: [...fillWarnings.values()],
      registerNotices: plan.notices,
      companySheet: company.from,
      formatsCarried,
    },
  };
}

/**
 * Write a built-in template into a workbook as the user's own sheet (never ours: 全部撤销 keeps it), under a
 * free name. A sheet still holding the built-in's text unchanged is reused instead of written again; a
 * sheet the user changed is never written over. Returns the sheet's name.
 */
export async function writeBuiltinTemplate(port: WorkbookPort, kind: BuiltinKind): Promise<{ sheet: string; written: boolean }> {
  return writeTemplateSheet(port, builtinTemplate(kind));
}

/**
 * The register read back for the pane's summary: letters unanswered past their reply date, 不符 replies
 * (the dealer's amount against ours) and 相符 ones, with counts; null when the workbook has no register.
 * `today` is the caller's date (the core has no clock).
 */
export async function readRegisterStatus(
  port: WorkbookPort,
  today: IsoDate,
  lang: Lang,
  calendar: WorkingCalendar = {},
): Promise<{ status: RegisterStatus; sheet: string; problems: string[] } | null> {
  const name = await findSheet(port, REGISTER_SHEET);
  if (!name) return null;
  const read = readRegister(await port.readSheet(name));
  return { status: registerStatus(read, today, calendar), sheet: name, problems: read.problems.map((p) => describeRegisterProblem(p, lang)) };
}

/**
 * A balance table's rows left out for a cell that cannot be read, by dealer key (the first such row of a
 * dealer); empty for a ledger of entries, whose unread rows are its reconciliation's to say.
 */
function balanceRowsUnread(read: ReadResult): Map<string, UnreadRow & { dealer: string }> {
  const out = new Map<string, UnreadRow & { dealer: string }>();
  if (read.balanceRowsNotAddingUp === undefined) return out;
  for (const u of read.unreadable ?? []) {
    if (u.dealer === null || u.cells.length === 0) continue;
    const key = dealerKey(u.dealer);
    if (!out.has(key)) out.set(key, u as UnreadRow & { dealer: string });
  }
  return out;
}

/** The dealers a reconciliation run could balance (both sides read), for "为该经销商生成对账函" and `{ reconciled }`. */
export function reconciledDealers(report: { dealers: readonly { dealer: string | null; status?: string }[] }): string[] {
  return report.dealers.filter((d) => d.dealer !== null && (d.status === undefined || d.status === "reconciled")).map((d) => d.dealer as string);
}
