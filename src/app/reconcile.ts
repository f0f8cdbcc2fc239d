/**
 * Reconciling a ledger sheet against a dealer's statement through workbook ports, shared by the task pane
 * (both sheets and the results in the open workbook) and the command line (two files in, a new file out).
 */
import { reconcile, type Decision, type ReconcileOptions, type ReconcileReport, type SideInput } from "../core/reconcile";
import { entryColumnsOf, type ReadOptions, type ReadResult } from "../core/read";
import type { WorkbookPort } from "../port/workbook";
import { PortError } from "../port/workbook";
import type { Lang } from "./lang";
import { readSheet } from "./read";
import { MARK_STYLES, RECONCILE_GROUP, reconcileMarks } from "./reports/marks";
import { differencesSheet, entriesByRow, reconciliationSheet } from "./reports/reconcile-sheets";

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
  port: WorkbookPort;
  sheet: string;
  read?: ReadOptions;
}

export interface ReconcileRequest {
  ledger: SheetRef;
  statement: SheetRef;
  options?: Omit<ReconcileOptions, "decisions">;
  /** Where decisions are kept; defaults to the ledger's workbook. */
  decisionsPort?: WorkbookPort;
}

export interface ReconcileRun {
  report: ReconcileReport;
  ledger: ReadResult;
  statement: ReadResult;
}

function decisionsKey(ledgerSheet: string, statementSheet: string): string {
  return `${ledgerSheet}|${statementSheet}`;
}

export async function loadDecisions(port: WorkbookPort, ledgerSheet: string, statementSheet: string): Promise<Decision[]> {
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

/** A read sheet as the engine's input, without building its entries when the reader kept them in columns. */
function sideInput(read: ReadResult): SideInput {
  const columns = entryColumnsOf(read);
  if (columns === null) return { sheet: read.sheet, entries: read.entries, openings: read.openings };
  const side = { sheet: read.sheet, openings: read.openings, columns } as Omit<SideInput, "entries"> as SideInput;
  Object.defineProperty(side, "entries", { enumerable: true, get: () => read.entries });
  return side;
}

/** Read both sheets and reconcile them. Changes nothing in any workbook. */
export async function runReconcile(req: ReconcileRequest, control: RunControl = {}): Promise<ReconcileRun> {
  const { onStage, signal } = control;
  onStage?.("reading", 0, 2);
  // Entries stay in columns: the engine reads those, and `entries` is built only if someone asks for it.
  const ledger = await readSheet(req.ledger.port, req.ledger.sheet, { side: "ledger", lazyEntries: true, ...req.ledger.read }, { signal });
  checkCancelled(signal);
  onStage?.("reading", 1, 2);
  const statement = await readSheet(req.statement.port, req.statement.sheet, { side: "statement", lazyEntries: true, ...req.statement.read }, { signal });
  checkCancelled(signal);
  onStage?.("matching", 0, 1);
  const decisions = await loadDecisions(req.decisionsPort ?? req.ledger.port, req.ledger.sheet, req.statement.sheet);
  const report = reconcile(sideInput(ledger), sideInput(statement), { ...req.options, decisions });
  onStage?.("matching", 1, 1);
  return { report, ledger, statement };
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
}

/** Mark differing rows and write 差异明细 and 余额调节表. Only marks and our own sheets change. */
export async function writeReconcileResults(run: ReconcileRun, target: WriteTarget, control: RunControl = {}): Promise<WrittenResults> {
  const { onStage, signal } = control;
  const { port } = target;
  const src = {
    ledgerSheet: target.ledgerSheet,
    statementSheet: target.statementSheet,
    ledgerEntries: entriesByRow(run.ledger.entries),
    statementEntries: entriesByRow(run.statement.entries),
  };
  const total = target.marks === false ? 2 : 4;
  let done = 0;
  const step = () => onStage?.("writing", ++done, total);
  onStage?.("writing", 0, total);
  const marks = reconcileMarks(run.report.dealers);
  if (target.marks !== false) {
    await port.markRows(target.ledgerSheet, RECONCILE_GROUP, marks.ledger, MARK_STYLES);
    step();
    checkCancelled(signal);
    await port.markRows(target.statementSheet, RECONCILE_GROUP, marks.statement, MARK_STYLES);
    step();
    checkCancelled(signal);
  }
  const diff = differencesSheet(run.report, src, target.lang);
  await port.writeSheet(diff, { signal });
  step();
  const rec = reconciliationSheet(run.report, src, target.lang);
  await port.writeSheet(rec, { signal });
  step();
  return {
    differencesSheet: diff.name,
    reconciliationSheet: rec.name,
    ledgerMarks: target.marks === false ? 0 : marks.ledger.length,
    statementMarks: target.marks === false ? 0 : marks.statement.length,
  };
}

/** Remove the reconciliation marks from every sheet, restoring the rows' own look. */
export async function clearReconcileMarks(port: WorkbookPort, sheet?: string): Promise<void> {
  await port.clearMarks(RECONCILE_GROUP, sheet);
}
