/**
 * Reconciling a ledger sheet against a dealer's statement through workbook ports, shared by the task pane
 * (both sheets and the results in the open workbook) and the command line (two files in, a new file out).
 */
import { prepareSide, reconcile, type DealerColumn, type Decision, type PreparedSide, type ReconcileOptions, type ReconcileProblem, type ReconcileReport, type SideInput } from "../core/reconcile";
import { msg } from "../core/messages";
import { dealerKey } from "../core/values/refs";
import { fen } from "../core/money";
import { TableRefs, type EntryTable, type ReadEntry, type ReadOptions, type ReadResult } from "../core/read";
import type { ReadableWorkbook, WorkbookPort } from "../port/workbook";
import { PortError } from "../port/workbook";
import { writeResultsOf } from "../port/batch";
import type { Lang } from "./lang";
import { readSheet } from "./read";
import { MARK_STYLES, RECONCILE_GROUP, reconcileMarks } from "./reports/marks";
import { differencesSheet, entriesByRow, reconciliationSheet } from "./reports/reconcile-sheets";
import { capSheetLinks, droppedLinksOf, FIND_ROWS_BY, type DroppedLinks } from "./reports/links";

/** Settings key holding the user's answers to suggestions: `{ [ledger sheet|statement sheet]: Decision[] }`. */
export const DECISIONS_SETTING = "duizhang.decisions";
/** Settings key holding the pane's last choices (sheets, dealer, cut-off, tolerances). */
export const RECONCILE_CHOICE_SETTING = "duizhang.reconcile.choice";

export type Stage = "reading" | "matching" | "writing";

export interface RunControl {
  onStage?: (stage: Stage, done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface SheetRef {
  /** A workbook to read: a CSV file or an .xls workbook too. */
  port: ReadableWorkbook;
  sheet: string;
  read?: ReadOptions;
}

export interface ReconcileRequest {
  ledger: SheetRef;
  statement: SheetRef;
  options?: Omit<ReconcileOptions, "decisions">;
  /** Where decisions are kept; defaults to the ledger's workbook. */
  decisionsPort?: ReadableWorkbook;
  /**
   * Stop before matching when the two sheets look given the wrong way round (see `sidesSwapped`): the
   * report then carries one `sides_swapped` problem and no dealers. Off by default: the pane warns before
   * the run instead, and a user who goes on gets the sides as chosen.
   */
  stopIfSwapped?: boolean;
}

export interface ReconcileRun {
  report: ReconcileReport;
  ledger: ReadResult;
  statement: ReadResult;
  /** Which dealer the statement was taken to be, and how (see `statementDealer`). */
  dealerChoice: StatementDealer;
  /** The ledger looks like a dealer's statement and the statement like our ledger. */
  swapped: boolean;
  /** The dealer this run reconciled because the statement named it, when no dealer was asked for; else null. */
  autoDealer: string | null;
}

/**
 * Whose statement it is, as far as the two sheets tell, before any run: what the pane preselects and
 * what the command line reconciles without being asked.
 */
export interface StatementDealer {
  /**
   * The ledger's dealer to reconcile, as the ledger writes it; null when there is nothing to choose (the
   * ledger has at most one dealer and the statement no name, or the statement itself holds several
   * dealers) or when it cannot be told (`mustChoose`).
   */
  dealer: string | null;
  /** The statement's own name for its dealer (title, 客户名称 line, its one dealer column value), if any. */
  statementName: string | null;
  /** How `dealer` was found: the same name, a name containing the other (蜀丰建材 in 成都蜀丰建材有限公司), or the ledger's only dealer. */
  match: "same" | "similar" | "only" | null;
  /** The ledger holds several dealers and the statement's one cannot be told: the user has to name it. */
  mustChoose: boolean;
  /** The statement itself holds several dealers (a dealer column): every dealer is matched, as named. */
  manyOnStatement: boolean;
  /** The ledger's dealers, as first written. */
  ledgerDealers: string[];
}

/** The statement's one dealer name, unless it holds several or the name is ours. */
function statementNameOf(ledger: ReadResult | null, statement: ReadResult): { name: string | null; several: boolean } {
  const names = statement.dealers.length > 0 ? statement.dealers : statement.dealer ? [statement.dealer] : [];
  if (names.length > 1) return { name: null, several: true };
  const name = names[0] ?? null;
  if (name === null) return { name: null, several: false };
  const ours = [ledger?.ourName, statement.ourName].filter((n): n is string => typeof n === "string" && n !== "").map(dealerKey);
  return { name: ours.includes(dealerKey(name)) ? null : name, several: false };
}

/** Which of the ledger's dealers a one-dealer statement belongs to, from the two read results alone. */
export function statementDealer(ledger: ReadResult | null, statement: ReadResult): StatementDealer {
  const ledgerDealers = ledger?.dealers ?? [];
  const { name, several } = statementNameOf(ledger, statement);
  const none: StatementDealer = { dealer: null, statementName: name, match: null, mustChoose: false, manyOnStatement: several, ledgerDealers };
  if (several) return none;
  if (ledgerDealers.length <= 1) {
    if (ledgerDealers.length === 0 || name === null) return none;
    const key = dealerKey(name);
    const only = dealerKey(ledgerDealers[0]);
    return { ...none, dealer: ledgerDealers[0], match: only === key ? "same" : similar(only, key) ? "similar" : "only" };
  }
  if (name === null) return { ...none, mustChoose: true };
  const key = dealerKey(name);
  const same = ledgerDealers.find((d) => dealerKey(d) === key);
  if (same !== undefined) return { ...none, dealer: same, match: "same" };
  const close = ledgerDealers.filter((d) => similar(dealerKey(d), key));
  if (close.length === 1) return { ...none, dealer: close[0], match: "similar" };
  return { ...none, mustChoose: true };
}

/** One key written inside the other: a city or a legal form added on one side only. */
function similar(a: string, b: string): boolean {
  return a.length >= 2 && b.length >= 2 && (a.includes(b) || b.includes(a));
}

/**
 * The ledger looks like a dealer's statement (their 应付/进货 columns or title) and the statement like
 * our ledger: the two were most likely given the wrong way round.
 */
export function sidesSwapped(ledger: ReadResult | null, statement: ReadResult | null): boolean {
  return ledger?.detectedSide === "statement" && statement?.detectedSide === "ledger";
}

/** The problem that stops a run whose statement's dealer cannot be told against a many-dealer ledger. */
function dealerRequiredProblem(choice: StatementDealer, statementSheet: string): ReconcileProblem {
  const names = choice.ledgerDealers.slice(0, 10);
  const total = choice.ledgerDealers.length;
  const dealers = total > names.length ? msg("reconcile.dealer_list.more", { names, total, more: total - names.length }) : msg("reconcile.dealer_list", { names });
  const text = choice.statementName
    ? msg("reconcile.problem.choose_dealer.named", { statement: statementSheet, named: choice.statementName, dealers })
    : msg("reconcile.problem.choose_dealer.unnamed", { statement: statementSheet, dealers });
  return { code: "dealer_required", text };
}

function decisionsKey(ledgerSheet: string, statementSheet: string): string {
  return `${ledgerSheet}|${statementSheet}`;
}

export async function loadDecisions(port: ReadableWorkbook, ledgerSheet: string, statementSheet: string): Promise<Decision[]> {
  const all = (await port.getSetting<Record<string, Decision[]>>(DECISIONS_SETTING)) ?? {};
  return all[decisionsKey(ledgerSheet, statementSheet)] ?? [];
}

/** Keep a user's answer to a suggestion; a later answer for the same suggestion replaces the earlier one. */
export async function saveDecision(port: WorkbookPort, ledgerSheet: string, statementSheet: string, decision: Decision): Promise<void> {
  const all = { ...((await port.getSetting<Record<string, Decision[]>>(DECISIONS_SETTING)) ?? {}) };
  const key = decisionsKey(ledgerSheet, statementSheet);
  all[key] = [...(all[key] ?? []).filter((d) => d.id !== decision.id), decision];
  await port.setSetting(DECISIONS_SETTING, all);
}

/**
 * Take back a user's answer to a suggestion: the rows are open again and the suggestion comes back on
 * the next run. The pair's entry goes when its last answer does, so nothing is left behind.
 */
export async function removeDecision(port: WorkbookPort, ledgerSheet: string, statementSheet: string, id: string): Promise<void> {
  const all = { ...((await port.getSetting<Record<string, Decision[]>>(DECISIONS_SETTING)) ?? {}) };
  const key = decisionsKey(ledgerSheet, statementSheet);
  const kept = (all[key] ?? []).filter((d) => d.id !== id);
  if (kept.length === (all[key] ?? []).length) return;
  if (kept.length > 0) all[key] = kept;
  else delete all[key];
  await port.setSetting(DECISIONS_SETTING, all);
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PortError("cancelled", "reconcile");
}

/** A read sheet as the engine's input, with its rows prepared for matching when they already are. */
function sideInput(read: ReadResult, prepared?: PreparedSide): SideInput {
  return { sheet: read.sheet, table: read.table, openings: read.openings, unreadable: read.unreadable ?? [], ...(prepared ? { prepared } : {}) };
}

/**
 * A sheet read elsewhere (another thread), with its dealer column coded when that read kept it so, and
 * its rows prepared for matching when that was done there too (for its table: anything else is ignored).
 */
export interface ReadElsewhere {
  read: ReadResult;
  dealers?: DealerColumn | null;
  prepared?: PreparedSide | null;
}

/** The reader's options for one side of a request: what `runReconcile` reads that sheet with. */
export function sideReadOptions(side: "ledger" | "statement", read?: ReadOptions): ReadOptions {
  return { side, ...read };
}

/**
 * Read both sheets and reconcile them. Changes nothing in any workbook. `readStatementElsewhere`: reads
 * the statement elsewhere (another thread) with the reader's options given, which are those of the
 * request; the ledger is read here meanwhile, and its rows prepared for matching while that read
 * finishes (the statement is read here too when that read gives null).
 */
export async function runReconcile(
  req: ReconcileRequest,
  control: RunControl = {},
  readStatementElsewhere?: (options: ReadOptions) => Promise<ReadElsewhere | null>,
): Promise<ReconcileRun> {
  const { onStage, signal } = control;
  onStage?.("reading", 0, 2);
  const statementRead = readStatementElsewhere?.(sideReadOptions("statement", req.statement.read));
  const ledger = await readSheet(req.ledger.port, req.ledger.sheet, sideReadOptions("ledger", req.ledger.read), { signal });
  checkCancelled(signal);
  onStage?.("reading", 1, 2);
  const ledgerPrepared = statementRead ? prepareSide(ledger.table) : undefined;
  const elsewhere = await statementRead;
  const statement = elsewhere?.read ?? (await readSheet(req.statement.port, req.statement.sheet, sideReadOptions("statement", req.statement.read), { signal }));
  const statementPrepared =
    elsewhere?.prepared?.table === statement.table ? elsewhere.prepared : elsewhere?.dealers ? prepareSide(statement.table, elsewhere.dealers) : undefined;
  checkCancelled(signal);
  onStage?.("matching", 0, 1);
  const swapped = sidesSwapped(ledger, statement);
  const dealerChoice = statementDealer(ledger, statement);
  const stop = (problem: ReconcileProblem): ReconcileRun => {
    // The options as the engine would resolve them, without matching anything.
    const base = reconcile({ sheet: ledger.sheet, entries: [], openings: [] }, { sheet: statement.sheet, entries: [], openings: [] }, { ...req.options, dealer: null });
    const report = { ...base, options: { ...base.options, dealer: req.options?.dealer ?? null }, dealers: [], problems: [...base.problems, problem] };
    return { report, ledger, statement, dealerChoice, swapped, autoDealer: null };
  };
  if (swapped && req.stopIfSwapped) {
    return stop({
      code: "sides_swapped",
      text: msg("reconcile.problem.sides_swapped", { ledger: ledger.sheet, statement: statement.sheet }),
    });
  }
  const options = { ...req.options, ...dealerOptions(req.options ?? {}, dealerChoice, ledger, statement) };
  if (!options.dealer && dealerChoice.mustChoose) return stop(dealerRequiredProblem(dealerChoice, statement.sheet));
  const decisions = await loadDecisions(req.decisionsPort ?? req.ledger.port, req.ledger.sheet, req.statement.sheet);
  const report = reconcile(sideInput(ledger, ledgerPrepared), sideInput(statement, statementPrepared), { ...options, decisions });
  onStage?.("matching", 1, 1);
  const autoDealer = req.options?.dealer ? null : (options.dealer ?? null);
  return { report, ledger, statement, dealerChoice, swapped, autoDealer };
}

/**
 * The dealer to reconcile and how names are keyed, for a one-dealer statement: the dealer found by
 * `statementDealer` (or the one the user named, when the ledger has it), with the statement's own spelling
 * keyed as that dealer's, so 蜀丰建材's statement meets 成都蜀丰建材有限公司's rows. A statement holding
 * several dealers is matched dealer by dealer, as named.
 */
function dealerOptions(
  given: Omit<ReconcileOptions, "decisions">,
  choice: StatementDealer,
  ledger: ReadResult,
  statement: ReadResult,
): Pick<ReconcileOptions, "dealer" | "dealerKey"> {
  const { name, several } = statementNameOf(ledger, statement);
  if (several) return {};
  const wanted = given.dealer ?? choice.dealer;
  if (!wanted) return {};
  // A one-dealer ledger needs no filter (the engine pairs the two sheets' only dealers), so a run that was
  // not asked for a dealer keeps its options as they were; only the statement's spelling may need keying.
  const filter = given.dealer || choice.ledgerDealers.length > 1 ? { dealer: wanted } : {};
  const wantedKey = dealerKey(wanted);
  // Named by the user: the statement is taken as that dealer's only when our ledger has the dealer.
  const onLedger = ledger.dealers.some((d) => dealerKey(d) === wantedKey);
  if (name === null || !onLedger) return filter;
  const statementKey = dealerKey(name);
  if (statementKey === wantedKey) return filter;
  const keyOf = given.dealerKey ?? dealerKey;
  return { ...filter, dealerKey: (n: string) => (dealerKey(n) === statementKey ? keyOf(wanted) : keyOf(n)) };
}

export interface WriteTarget {
  port: WorkbookPort;
  /** Names of the ledger and statement sheets in the target workbook (copies, in the command line). */
  ledgerSheet: string;
  statementSheet: string;
  lang: Lang;
  /** Mark the rows in the two sheets (default true). */
  marks?: boolean;
}

/** Names of the result sheets written. */
export interface WrittenResults {
  differencesSheet: string;
  reconciliationSheet: string;
  ledgerMarks: number;
  statementMarks: number;
  /** Sheets that had links left out for Excel's limit on links (./reports/links), with how many; missing when none had. */
  linksDropped?: DroppedLinks[];
}

/** Mark differing rows and write 差异明细 and 余额调节表. Only marks and our own sheets change. */
export async function writeReconcileResults(run: ReconcileRun, target: WriteTarget, control: RunControl = {}): Promise<WrittenResults> {
  const { onStage, signal } = control;
  const { port } = target;
  const wanted = rowsInReport(run.report);
  const src = {
    ledgerSheet: target.ledgerSheet,
    statementSheet: target.statementSheet,
    ledgerEntries: withUnreadRows(entriesByRow(entriesAtRows(run.ledger.table, wanted.ledger)), run.ledger),
    statementEntries: withUnreadRows(entriesByRow(entriesAtRows(run.statement.table, wanted.statement)), run.statement),
  };
  const total = target.marks === false ? 2 : 4;
  onStage?.("writing", 0, total);
  checkCancelled(signal);
  const marks = reconcileMarks(run.report.dealers);
  // Each within Excel's limit on links (./reports/links), saying so under its title when rows lost theirs.
  const diffCapped = capSheetLinks(differencesSheet(run.report, src, target.lang), target.lang, FIND_ROWS_BY.differences);
  const recCapped = capSheetLinks(reconciliationSheet(run.report, src, target.lang), target.lang, FIND_ROWS_BY.reconciliation);
  const diff = diffCapped.spec;
  const rec = recCapped.spec;
  const linksDropped = droppedLinksOf([diffCapped, recCapped]);
  // Marks on both sheets and both result sheets in one batch: on Excel a few requests in all, where
  // call by call each part paid its own look-ups.
  await writeResultsOf(
    port,
    {
      marks:
        target.marks === false
          ? []
          : [
              { sheet: target.ledgerSheet, group: RECONCILE_GROUP, marks: marks.ledger, styles: MARK_STYLES },
              { sheet: target.statementSheet, group: RECONCILE_GROUP, marks: marks.statement, styles: MARK_STYLES },
            ],
      sheets: [diff, rec],
    },
    { signal, onProgress: (p) => onStage?.("writing", Math.min(total, p.done), total) },
  );
  return {
    differencesSheet: diff.name,
    reconciliationSheet: rec.name,
    ledgerMarks: target.marks === false ? 0 : marks.ledger.length,
    statementMarks: target.marks === false ? 0 : marks.statement.length,
    ...(linksDropped.length > 0 ? { linksDropped } : {}),
  };
}

/**
 * The rows the result sheets show details of: those of differences, suggestions and the reconciliation's
 * lines (every object in them naming ledger or statement rows). Matched rows are only counted there.
 */
function rowsInReport(report: ReconcileReport): { ledger: Set<number>; statement: Set<number> } {
  const ledger = new Set<number>();
  const statement = new Set<number>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const o = value as { ledgerRows?: unknown; statementRows?: unknown };
    if (Array.isArray(o.ledgerRows)) for (const r of o.ledgerRows) ledger.add(r as number);
    if (Array.isArray(o.statementRows)) for (const r of o.statementRows) statement.add(r as number);
    for (const v of Object.values(value)) if (typeof v === "object") visit(v);
  };
  for (const d of report.dealers) {
    visit(d.differences);
    visit(d.suggestions);
    visit(d.reconciliation);
  }
  return { ledger, statement };
}

/** The table's entries on the given rows, as objects. */
function entriesAtRows(table: EntryTable, rows: ReadonlySet<number>): ReadEntry[] {
  const refs = new TableRefs(table);
  const out: ReadEntry[] = [];
  for (let i = 0; i < table.length; i++) if (rows.has(table.rows[i])) out.push(refs.entryAt(i));
  return out;
}

/**
 * Rows that could not be read, beside the entries, so 差异明细 shows their date, reference and 摘要 like
 * any other difference's (their amount is the cell that could not be read: 0 here, never summed).
 */
function withUnreadRows(byRow: Map<number, ReadEntry>, read: ReadResult): Map<number, ReadEntry> {
  for (const u of read.unreadable ?? []) {
    if (byRow.has(u.row)) continue;
    byRow.set(u.row, {
      sheet: u.sheet,
      row: u.row,
      date: u.date,
      ref: u.ref,
      refs: [],
      description: u.description,
      amount: fen(0),
      dealer: u.dealer,
      rep: null,
      termDays: null,
      voucher: null,
      hidden: false,
      afterAsOf: false,
    });
  }
  return byRow;
}

/** Remove the reconciliation marks from every sheet, restoring the rows' own look. */
export async function clearReconcileMarks(port: WorkbookPort, sheet?: string): Promise<void> {
  await port.clearMarks(RECONCILE_GROUP, sheet);
}
