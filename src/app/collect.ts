/**
 * Collection papers through workbook ports, shared by the task pane and the command line: demand letters
 * (催款函 in three levels) for the dealers with overdue items, and a payment commitment (还款承诺书) for one
 * dealer with its installments on the 还款计划 sheet; and the limitation period (诉讼时效) of every open item.
 *
 * Both read the ledger through the aging (the open items, their due and final dates, and the 待核对 ones
 * left out are the aging's own), number their papers in the 函证登记簿 (CK-/CN-YYYYMM-0001, the register
 * written as the user's sheet), and write one sheet per kind and date with every paper on its own A4 pages.
 * A template or register with a problem stops the run before anything is written.
 *
 * For the pane: `runDemands` (one dealer, or all past their final deadline with `dealers: { all: true }`),
 * `runPromise` (one dealer, the installment form's fields); the 时效 column reads each aging item's `limitation`.
 */
import { paymentEntries, runAging, type AgingRun } from "./aging";
import type { SheetRef } from "./reconcile";
import type { EntryTable, ReadResult } from "../core/read";
import type { Lang } from "./lang";
import { writeRegisterPlan } from "./register";
import { UNNAMED_DEALER } from "../core/aging";
import {
  checkCommitments,
  checkInstallments,
  collectTemplate,
  commitment,
  commitmentValues,
  COLLECT_SHEETS,
  DEMAND_TITLES,
  demandFor,
  demandSkipMessage,
  demandValues,
  handSchedule,
  installmentSchedule,
  LEVEL_KIND,
  levelReasonMessage,
  missedCommitments,
  PLAN_COLUMNS,
  PLAN_SHEET,
  planSheetRows,
  readPlanSheet,
  receiptsOf,
  recordedDemands,
  type Commitment,
  type CommitmentCheck,
  type Demand,
  type DemandLevel,
  type InstallmentCheck,
  type Interval,
  type Receipt,
  type ScheduleProblem,
} from "../core/collect";
import {
  REGISTER_SHEET,
  compileTemplate,
  fillTemplate,
  planRegister,
  readRegister,
  type CompiledTemplate,
  type FillWarning,
  type LetterType,
  type PlannedLetter,
  type RegisterRead,
  type Template,
} from "../core/letters";
import { both, render } from "../messages";
import { describeFillWarning, describeRegisterNotice, registerProblemMessage, templateProblemMessage } from "../messages/letters";
import type { Entry, Fen, IsoDate } from "../core/model";
import { dealerKey } from "../core/values/refs";
import { loadTemplate, papersSheet, readCompany, type TemplateChoice } from "./letters";
import { writableOr, type OutCell, type PlacedCell, type WorkbookPort } from "../port/workbook";
import { msg, type Message } from "../core/messages";
import { findSheet, templateSheetProblemMessage, writeTemplateSheet } from "./template-sheet";
import type { CollectKind } from "../core/collect";

/** The register of a workbook, or null when it has none. */
async function loadRegister(port: WorkbookPort): Promise<{ name: string; read: RegisterRead | null }> {
  const name = await findSheet(port, REGISTER_SHEET);
  return { name: name ?? REGISTER_SHEET, read: name ? readRegister(await port.readSheet(name)) : null };
}

/** The dealer an entry belongs to, named as the aging names it. */
const dealerOfEntry = (e: Entry): string => e.dealer ?? UNNAMED_DEALER;

/** A dealer's receipts, from that dealer's payment rows of the ledger's table only (each dealer's found once). */
function receiptsFor(table: EntryTable): (dealer: string) => Receipt[] {
  const found = new Map<string, Receipt[]>();
  return (dealer) => {
    let receipts = found.get(dealer);
    if (receipts === undefined) found.set(dealer, (receipts = receiptsOf(paymentEntries(table, dealer), dealer, dealerOfEntry)));
    return receipts;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Writing papers


/** Why a demand or commitment run made nothing, as messages: said where they are shown, in the language of the moment. */
export type CollectProblem =
  | { code: "ledger_unreadable"; message: Message }
  | { code: "template"; messages: Message[] }
  | { code: "template_not_found"; message: Message }
  | { code: "template_ambiguous"; message: Message }
  | { code: "register"; messages: Message[] }
  | { code: "dealer_not_found"; message: Message }
  | { code: "nothing_owed"; message: Message }
  | { code: "schedule"; message: Message };

async function compiled(choice: TemplateChoice | null, builtin: Template): Promise<{ ok: true; template: CompiledTemplate } | { ok: false; problem: CollectProblem }> {
  let template = builtin;
  if (choice !== null) {
    try {
      template = await loadTemplate(choice);
    } catch (e) {
      // Two sheets it cannot tell apart (named both, as the port said it) or none: each its own code.
      const problem = "builtin" in choice ? null : templateSheetProblemMessage(e, choice.sheet);
      if (problem) return { ok: false, problem };
      throw e;
    }
  }
  const c = compileTemplate(template);
  if (!c.ok) return { ok: false, problem: { code: "template", messages: c.problems.map(templateProblemMessage) } };
  return { ok: true, template: c.template };
}

function fillWarningTexts(warnings: Map<string, FillWarning>, companyFound: boolean, lang: Lang): string[] {
  return [...warnings.values()].filter((w) => companyFound || w.code !== "missing_company_detail").map((w) => describeFillWarning(w, lang));
}

// ---------------------------------------------------------------------------------------------------------
// Demand letters

export interface DemandRequest {
  /** `read.sheets`: a ledger kept one sheet per month, read as one. */
  ledger: SheetRef;
  asOf: IsoDate;
  /** 发函日期 printed on the letters (the caller's today). */
  sendDate: IsoDate;
  /**
   * All dealers with overdue items, those with an item past its final deadline (the 账龄 view's
   * "生成催款函" for all), or the ones named.
   */
  dealers: { all: true } | { pastFinal: true } | { names: readonly string[] };
  level?: DemandLevel | "auto";
  deadlineDays?: number;
  /** A user's template sheet for every level; default the built-in one of each letter's level. */
  template?: TemplateChoice;
  /** Where the register (and 还款计划) is read and written; default the ledger's workbook. */
  register?: WorkbookPort;
  /** Where the letters sheets are written; default the ledger's workbook. */
  target?: WorkbookPort;
  lang: Lang;
}

export interface MadeDemand {
  number: string;
  demand: Demand;
  sheet: string;
  firstRow: number;
  lastRow: number;
  registerRow: number;
  reused: boolean;
  reason: { zh: string; en: string };
}

export interface DemandRun {
  asOf: IsoDate;
  letters: MadeDemand[];
  /** Why each dealer got no letter, as a message: the pane says it in its language at the time it shows, the command line in its own. */
  skipped: { dealer: string; code: string; reason: Message }[];
  /** Sheets written, one per level. */
  sheets: string[];
  warnings: string[];
  /** Commitments on the 还款计划 sheet checked against the ledger's receipts. */
  commitments: CommitmentCheck[];
  aging: AgingRun;
}

export type DemandResult = { ok: true; run: DemandRun } | { ok: false; problem: CollectProblem };

/** The sheet a level's letters go on: `催款函 2026-11-27`. */
export function demandSheetName(level: DemandLevel, asOf: IsoDate): string {
  return `${DEMAND_TITLES[level]} ${asOf}`;
}

export async function runDemands(req: DemandRequest): Promise<DemandResult> {
  const { lang, asOf } = req;
  // Without a register or target of their own, both are the ledger's workbook, which must then be writable.
  const registerPort = req.register ?? writableOr(req.ledger.port, req.ledger.sheet, msg("port.action.demand", {}));
  const target = req.target ?? writableOr(req.ledger.port, req.ledger.sheet, msg("port.action.demand", {}));

  // Templates first: a template with problems makes nothing.
  const templates = new Map<DemandLevel, CompiledTemplate>();
  for (const level of [1, 2, 3] as DemandLevel[]) {
    const c = await compiled(req.template ?? null, collectTemplate(LEVEL_KIND[level]));
    if (!c.ok) return c;
    templates.set(level, c.template);
  }

  const aging = await runAging({ ledger: req.ledger, asOf });
  if (aging.report.dealers.length === 0 && aging.ledger.table.length === 0) {
    return { ok: false, problem: { code: "ledger_unreadable", message: msg("collect.ledger_unreadable", { sheet: req.ledger.sheet }) } };
  }
  const company = await readCompany(req.ledger.port, req.template && !("builtin" in req.template) ? req.template.port : null, lang);
  const register = await loadRegister(registerPort);
  if (register.read && register.read.headerRow === null && register.read.lastRow > 0) {
    return { ok: false, problem: { code: "register", messages: register.read.problems.map(registerProblemMessage) } };
  }
  const planName = await findSheet(registerPort, PLAN_SHEET);
  const commitments = planName
    ? checkCommitments(readPlanSheet(await registerPort.readSheet(planName)).commitments, register.read?.rows ?? [], receiptsFor(aging.ledger.table), asOf)
    : [];
  const demands = recordedDemands(register.read?.rows ?? []);
  const missed = missedCommitments(commitments);

  const skipped: DemandRun["skipped"] = [];
  const chosen: Demand[] = [];
  const byKey = new Map(aging.report.dealers.map((d) => [dealerKey(d.dealer), d]));
  const dealers =
    "all" in req.dealers
      ? aging.report.dealers
      : "pastFinal" in req.dealers
        ? aging.report.dealers.filter((d) => d.items.some((i) => !i.underReconciliation && i.finalDate < asOf))
        : req.dealers.names.flatMap((name) => {
          const d = byKey.get(dealerKey(name)) ?? (aging.report.dealers.length === 1 && aging.report.dealers[0].dealer === UNNAMED_DEALER ? aging.report.dealers[0] : undefined);
          if (!d) skipped.push({ dealer: name, code: "not_in_ledger", reason: msg("letters.skip.not_in_ledger", { sheet: req.ledger.sheet }) });
          return d ? [{ ...d, dealer: d.dealer === UNNAMED_DEALER ? name : d.dealer }] : [];
        });
  for (const d of dealers) {
    const r = demandFor(d, { asOf, level: req.level ?? "auto", ...(req.deadlineDays !== undefined ? { deadlineDays: req.deadlineDays } : {}), demands, missed });
    if (r.ok) chosen.push(r.demand);
    else skipped.push({ dealer: d.dealer, code: r.skip, reason: demandSkipMessage(r.skip) });
  }

  const planned = planRegister(
    register.read,
    chosen.map((d): PlannedLetter => ({ type: "催款函", dealer: d.dealer, asOf, amount: d.total, level: d.level, deadline: d.deadline })),
  );
  if (!planned.ok) return { ok: false, problem: { code: "register", messages: planned.problems.map(registerProblemMessage) } };
  const plan = planned.plan;

  const warnings = new Map<string, FillWarning>();
  const letters: MadeDemand[] = [];
  const sheets: string[] = [];
  for (const level of [1, 2, 3] as DemandLevel[]) {
    const atLevel = chosen.map((d, i) => ({ d, i })).filter((x) => x.d.level === level);
    if (atLevel.length === 0) continue;
    const compiledT = templates.get(level)!;
    const filled = atLevel.map(({ d, i }) => {
      const { values, details } = demandValues(d, { number: plan.numbers[i].number, company: company.details, sendDate: req.sendDate });
      const letter = fillTemplate(compiledT, values, details);
      for (const w of letter.warnings) if (!warnings.has(w.field)) warnings.set(w.field, w);
      return letter;
    });
    const name = demandSheetName(level, asOf);
    const { spec, stacked } = papersSheet(name, compiledT.template, req.template ?? null, filled);
    await target.writeSheet(spec);
    sheets.push(name);
    const placed = stacked.letters;
    atLevel.forEach(({ d, i }, k) => {
      const n = plan.numbers[i];
      letters.push({ number: n.number, demand: d, sheet: name, firstRow: placed[k].firstRow, lastRow: placed[k].lastRow, registerRow: n.row, reused: n.reused, reason: both(levelReasonMessage(d.reason)) });
    });
  }
  // The register after the letters: a run stopped while writing letters leaves no numbers behind.
  await writeRegisterPlan(registerPort, register.name, register.read, plan, lang);
  letters.sort((a, b) => chosen.indexOf(a.demand) - chosen.indexOf(b.demand));

  return {
    ok: true,
    run: {
      asOf,
      letters,
      skipped,
      sheets,
      warnings: [...company.warnings, ...fillWarningTexts(warnings, company.from !== null, lang), ...plan.notices.map((n) => describeRegisterNotice(n, lang))],
      commitments,
      aging,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Payment commitment

export interface PromiseRequest {
  ledger: SheetRef;
  dealer: string;
  asOf: IsoDate;
  sendDate: IsoDate;
  /** The amount acknowledged; default the dealer's open balance at `asOf`. */
  amount?: Fen;
  /** Equal installments, or `hand` lines typed by the user. */
  installments: { count: number; first: IsoDate; every: Interval } | { hand: { date: IsoDate; amount: Fen }[] };
  template?: TemplateChoice;
  register?: WorkbookPort;
  target?: WorkbookPort;
  lang: Lang;
}

export interface PromiseRun {
  commitment: Commitment;
  /** The ledger as read (its sheets, carry-overs and layouts). */
  ledger: ReadResult;
  checks: InstallmentCheck[];
  sheet: string;
  planSheet: string;
  registerRow: number;
  warnings: string[];
}

export type PromiseResult = { ok: true; run: PromiseRun } | { ok: false; problem: CollectProblem };

export function scheduleProblemText(p: ScheduleProblem, lang: Lang): string {
  return render(scheduleProblemMessage(p), lang);
}

export function scheduleProblemMessage(p: ScheduleProblem): Message {
  switch (p.code) {
    case "bad_count":
      return msg("collect.schedule.bad_count", { count: p.count });
    case "bad_interval":
      return msg("collect.schedule.bad_interval", { days: p.days });
    case "bad_amount":
      return msg("collect.schedule.bad_amount", { amount: p.amount });
    case "bad_date":
      return msg("collect.schedule.bad_date", { date: p.date });
    case "hand_sum_differs":
      return msg("collect.schedule.hand_sum_differs", { amount: p.amount, sum: p.sum });
    case "hand_dates_not_rising":
      return msg("collect.schedule.hand_dates_not_rising", { n: p.n });
    case "too_small":
      return msg("collect.schedule.too_small", { amount: p.amount, count: p.count });
  }
}

/** The sheet a commitment goes on: `还款承诺书 CN-202611-0001`. */
export function promiseSheetName(number: string): string {
  return `${COLLECT_SHEETS.commitment} ${number}`;
}

export async function runPromise(req: PromiseRequest): Promise<PromiseResult> {
  const { lang, asOf } = req;
  // Without a register or target of their own, both are the ledger's workbook, which must then be writable.
  const registerPort = req.register ?? writableOr(req.ledger.port, req.ledger.sheet, msg("port.action.promise", {}));
  const target = req.target ?? writableOr(req.ledger.port, req.ledger.sheet, msg("port.action.promise", {}));
  const c = await compiled(req.template ?? null, collectTemplate("commitment"));
  if (!c.ok) return c;

  const aging = await runAging({ ledger: req.ledger, asOf });
  const key = dealerKey(req.dealer);
  const d =
    aging.report.dealers.find((x) => dealerKey(x.dealer) === key) ??
    (aging.report.dealers.length === 1 && aging.report.dealers[0].dealer === UNNAMED_DEALER ? aging.report.dealers[0] : undefined);
  if (!d) {
    const names = aging.report.dealers.map((x) => x.dealer).join("、");
    return { ok: false, problem: { code: "dealer_not_found", message: msg("collect.promise.dealer_not_found", { dealer: req.dealer, sheet: req.ledger.sheet, dealers: names }) } };
  }
  const dealer = d.dealer === UNNAMED_DEALER ? req.dealer : d.dealer;
  const amount = req.amount ?? d.openBalance;
  if (amount <= 0) {
    return { ok: false, problem: { code: "nothing_owed", message: msg("collect.promise.nothing_owed", { dealer, asOf, balance: d.openBalance }) } };
  }
  const schedule = "hand" in req.installments ? handSchedule(amount, req.installments.hand) : installmentSchedule(amount, req.installments.count, req.installments.first, req.installments.every);
  if (!schedule.ok) return { ok: false, problem: { code: "schedule", message: scheduleProblemMessage(schedule.problem) } };
  if (schedule.installments[0].date < asOf) {
    return { ok: false, problem: { code: "schedule", message: msg("collect.promise.first_before", { first: schedule.installments[0].date, asOf }) } };
  }

  const company = await readCompany(req.ledger.port, req.template && !("builtin" in req.template) ? req.template.port : null, lang);
  const register = await loadRegister(registerPort);
  const planned = planRegister(register.read, [{ type: "还款承诺书" as LetterType, dealer, asOf, amount }]);
  if (!planned.ok) return { ok: false, problem: { code: "register", messages: planned.problems.map(registerProblemMessage) } };
  const number = planned.plan.numbers[0].number;

  const made = commitment(number, dealer, asOf, amount, schedule.installments);
  const { values, details } = commitmentValues(made, { company: company.details, sendDate: req.sendDate });
  const filled = fillTemplate(c.template, values, details);
  const sheet = promiseSheetName(number);
  await target.writeSheet(papersSheet(sheet, c.template.template, req.template ?? null, [filled]).spec);
  const checks = checkInstallments(made.installments, receiptsFor(aging.ledger.table)(dealer), asOf, asOf);
  const planSheet = await writePlanRows(registerPort, number, dealer, checks, lang);
  await writeRegisterPlan(registerPort, register.name, register.read, planned.plan, lang);

  const warnings = new Map<string, FillWarning>();
  for (const w of filled.warnings) warnings.set(w.field, w);
  return {
    ok: true,
    run: {
      commitment: made,
      ledger: aging.ledger,
      checks,
      sheet,
      planSheet,
      registerRow: planned.plan.numbers[0].row,
      warnings: [...company.warnings, ...fillWarningTexts(warnings, company.from !== null, lang), ...planned.plan.notices.map((n) => describeRegisterNotice(n, lang))],
    },
  };
}

/**
 * The commitment's installments in 还款计划 (made with its header when missing, as the user's sheet like the
 * register). A commitment written again under the same 编号 (its number was never sent, so it is reused)
 * replaces its earlier rows: they take the new installments in order, further ones go below the sheet's last
 * row, and rows left over are emptied in our columns. Only our columns are written; the user's stay as they are.
 */
async function writePlanRows(port: WorkbookPort, number: string, dealer: string, checks: readonly InstallmentCheck[], lang: Lang): Promise<string> {
  const existing = await findSheet(port, PLAN_SHEET);
  const name = existing ?? PLAN_SHEET;
  const grid = existing ? await port.readSheet(existing) : null;
  const lastRow = grid ? grid.top + grid.values.length - 1 : 0;
  const layout = grid ? readPlanSheet(grid).layout : null;
  const cells: PlacedCell[] = [];
  // Our columns where the sheet has them (the user may have moved them), else in their usual places.
  const columnOf = (i: number): number => layout?.columns[PLAN_COLUMNS[i]!] ?? i + 1;
  let next = lastRow + 1;
  if (layout === null) {
    PLAN_COLUMNS.forEach((h, i) => cells.push({ row: lastRow === 0 ? 1 : next, column: i + 1, cell: { value: h, bold: true } }));
    next = lastRow === 0 ? 2 : next + 1;
  }
  const earlier = layout?.rowsOf.get(number) ?? [];
  const rows = planSheetRows(number, dealer, checks, (status) => render(status, lang));
  rows.forEach((values, k) => {
    const row = k < earlier.length ? earlier[k]! : next++;
    values.forEach((v, i) => {
      const cell: OutCell = v !== null && typeof v === "object" ? { value: v, numberFormat: "yyyy-mm-dd" } : i === 4 || i === 5 ? { value: v, numberFormat: "#,##0.00" } : { value: v };
      cells.push({ row, column: columnOf(i), cell });
    });
  });
  for (const row of earlier.slice(rows.length)) PLAN_COLUMNS.forEach((_, i) => cells.push({ row, column: columnOf(i), cell: { value: null } }));
  await port.writeCells(name, cells);
  return name;
}

/**
 * Writes a built-in collection template (提醒函, 催款函, 最后通知 or 还款承诺书) into a workbook as the user's own
 * sheet, to adapt and then pass as `template`. A sheet still holding the built-in's text is reused; one the
 * user changed is never written over (the new copy gets a free name).
 */
export async function writeCollectTemplate(port: WorkbookPort, kind: CollectKind): Promise<{ sheet: string; written: boolean }> {
  return writeTemplateSheet(port, collectTemplate(kind));
}

