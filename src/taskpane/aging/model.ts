/**
 * What the 账龄 / 逾期 view shows, worked out from an aging run apart from the components, so it is
 * tested without a browser: the stage summary with its colours, the week's actions with the row each
 * one selects, the term sources, and the problems as pane messages with their sheet and row.
 */
import { reconciliationOf, runAging, type AgingControl, type AgingRequest, type AgingRun, type TermSources } from "../../app/aging";
import type { ReconcileRun } from "../../app/reconcile";
import { flagsOnSheets } from "../../app/sheet-rows";
import { pick } from "../../app/lang";
import {
  AGING_MARK_ORDER,
  AGING_MARK_STYLES,
  DEFAULT_MARK_STAGES,
  LIMITATION_MARK,
  LIMITATION_MARK_TEXT,
  UNDER_REVIEW_MARK,
  UNDER_REVIEW_TEXT,
  type MarkedStage,
} from "../../app/reports/aging-marks";
import { actionsDue, reviewKindText, STAGE_TEXT, UNAPPLIED_BUCKET, type AgingIssue, type AgingReport, type Stage } from "../../core/aging";
import { isIsoDate } from "../../core/dates";
import type { Fen, Grid, IsoDate } from "../../core/model";
import { formatFenGrouped, sumFen } from "../../core/money";
import { columnNumber } from "../../core/read/columns";
import { describeReadIssue } from "../../messages/read";
import { render } from "../../messages/render";
import type { ReadIssue } from "../../core/read/types";
import { readSheetsOf } from "../../port/batch";
import type { ReadableWorkbook, Selection, WorkbookPort } from "../../port/workbook";
import { gridFingerprint } from "../reconcile/fingerprint";
import type { Locale, Strings } from "../i18n";
import type { PaneMessage } from "../messages";
import { issueTarget } from "../summary";
import { stageExplanation } from "./stages";
import { AGING_STRINGS, type AgingStrings } from "./strings";

/** Days ahead the action list looks: "this week". */
export const ACTION_WINDOW_DAYS = 7;
/** Actions listed in the pane; the rest are in 催款计划, which is made for long lists. */
export const MAX_LISTED_ACTIONS = 50;
/** Problems shown one by one; more would push the view itself out of the narrow pane. */
export const MAX_LISTED_ISSUES = 5;

/**
 * Today in the user's own time zone, as Excel shows dates: the pane reads the clock and hands the
 * date down, the core never does.
 */
export function todayIso(now: Date): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** True when the as-of date the user typed can be used. */
export function isUsableAsOf(text: string): boolean {
  return isIsoDate(text.trim());
}

/** The stages to mark: the late ones, and with `soonToo` every stage that needs an action. */
export function stagesToMark(soonToo: boolean): readonly MarkedStage[] {
  return soonToo ? AGING_MARK_ORDER : DEFAULT_MARK_STAGES;
}

export interface StageLine {
  stage: Stage;
  text: string;
  /** What the stage means, shown under its name. */
  explanation: string;
  count: number;
  amount: Fen;
  amountText: string;
  /** The colour the stage's rows get in the ledger; none for items not yet due (never marked). */
  fill: string | null;
  color: string | null;
}

/** Most urgent first, as the legend of the ledger's marks, then what is not yet due. */
export const SUMMARY_ORDER: readonly Stage[] = [...AGING_MARK_ORDER, "not_due"];

export function stageLines(report: AgingReport, locale: Locale): StageLine[] {
  return SUMMARY_ORDER.map((stage) => {
    const total = report.totals.byStage[stage];
    const style = stage === "not_due" ? undefined : AGING_MARK_STYLES[stage];
    return {
      stage,
      text: render(STAGE_TEXT[stage], locale),
      explanation: stageExplanation(stage, locale),
      count: total.count,
      amount: total.amount,
      amountText: formatFenGrouped(total.amount),
      fill: style?.fill ?? null,
      color: style?.color ?? null,
    };
  });
}

/** The legend line of 待核对 rows (their own colour in the ledger), with their count and open amount; null when none. */
export interface ReviewLegendLine {
  text: string;
  count: number;
  amountText: string;
  fill: string;
  color: string | null;
}

export function reviewLegendLine(report: AgingReport, locale: Locale): ReviewLegendLine | null {
  const open = report.underReconciliation.filter((u) => u.status === "open");
  if (open.length === 0) return null;
  const style = AGING_MARK_STYLES[UNDER_REVIEW_MARK];
  return {
    text: pick(UNDER_REVIEW_TEXT, locale),
    count: open.length,
    amountText: formatFenGrouped(sumFen(open, (u) => u.open)),
    fill: style.fill,
    color: style.color ?? null,
  };
}

/**
 * The legend line of the 时效 mark (period ending within 180 days or ended), with the count and open
 * amount of the items that carry it (those under reconciliation show 待核对 instead); null when none.
 */
export function limitationLegendLine(report: AgingReport, locale: Locale): ReviewLegendLine | null {
  const items = report.dealers.flatMap((d) =>
    d.items.filter((i) => i.underReconciliation === null && (i.limitation?.status === "expiring" || i.limitation?.status === "expired")),
  );
  if (items.length === 0) return null;
  const style = AGING_MARK_STYLES[LIMITATION_MARK];
  return {
    text: pick(LIMITATION_MARK_TEXT, locale),
    count: items.length,
    amountText: formatFenGrouped(sumFen(items, (i) => i.open)),
    fill: style.fill,
    color: style.color ?? null,
  };
}

/** Receipts not applied to any invoice (a credit balance), as a negative amount; 0 when none. */
export function unappliedTotal(report: AgingReport): Fen {
  return report.totals.buckets[UNAPPLIED_BUCKET] ?? 0;
}

export interface ActionLine {
  /** Unique within the list: the sheet row and the document (one row can hold one open item). */
  key: string;
  dealer: string;
  rep: string | null;
  ref: string;
  openText: string;
  dueDate: IsoDate;
  stage: Stage;
  stageText: string;
  /** What the stage means (see stages.ts), for the stage's tooltip. */
  stageExplanation: string;
  /** Due date + one third of the term: the last day the one-third rule allows. */
  finalDate: IsoDate;
  actionText: string;
  actionDate: IsoDate;
  /** The action's day has come (it is due since then) rather than coming later this week. */
  actionDue: boolean;
  /** The item's limitation period (时效 column), when the run worked it out. */
  limitation: { status: "running" | "expiring" | "expired"; expires: IsoDate; basisText: string } | null;
  target: Selection;
}

/** The items that need action this week, soonest action first, each selecting its ledger row. */
export function actionLines(report: AgingReport, locale: Locale): ActionLine[] {
  const s = AGING_STRINGS[locale];
  return actionsDue(report, ACTION_WINDOW_DAYS).map((item) => ({
    key: `${item.sheet}:${item.row}:${item.ref ?? ""}:${item.dealer}`,
    dealer: item.dealer,
    rep: item.rep,
    ref: item.ref ?? (item.kind === "opening" ? s.openingRef : ""),
    openText: formatFenGrouped(item.open),
    dueDate: item.dueDate,
    stage: item.stage,
    stageText: render(STAGE_TEXT[item.stage], locale),
    stageExplanation: stageExplanation(item.stage, locale),
    finalDate: item.finalDate,
    actionText: render(item.nextAction.text, locale),
    actionDate: item.nextAction.date,
    actionDue: item.nextAction.date <= report.asOf,
    limitation: item.limitation
      ? { status: item.limitation.status, expires: item.limitation.expires, basisText: render(item.limitation.basis.text, locale) }
      : null,
    target: { sheet: item.sheet, row: item.row },
  }));
}

export interface TermLine {
  dealer: string;
  termDays: number;
  /** Where the term came from, e.g. `账期表 第5行` or `发货回款登记 的账期列`. */
  sourceText: string;
  source: TermSources["dealers"][number]["source"];
  otherTerms: number[];
}

export function termLines(sources: TermSources, locale: Locale): TermLine[] {
  return sources.dealers.map((d) => ({
    dealer: d.dealer,
    termDays: d.termDays,
    sourceText: pick(d.text, locale),
    source: d.source,
    otherTerms: d.rowTerms,
  }));
}

/**
 * The pane's messages carry a function of the shared strings, so they follow a language switch. The
 * view's own texts are picked by the language those strings are in.
 */
export function agingStringsFor(t: Strings): AgingStrings {
  return AGING_STRINGS[t.locale];
}

/** Prefix of the keys of the view's problem messages, so a new run clears the last run's. */
export const ISSUE_KEY = "aging-issue-";

function issueTargetOf(issue: AgingIssue): Selection | undefined {
  return issue.sheet !== undefined && issue.row !== undefined ? { sheet: issue.sheet, row: issue.row } : undefined;
}

/**
 * The run's problems as messages: cells the reader could not take (those rows are left out of the
 * aging) and the aging's own issues (a bad term table row, an entry without a date), each with its
 * sheet and row to select; past `MAX_LISTED_ISSUES`, one message says how many more there are.
 */
export function issueMessages(run: Pick<AgingRun, "report" | "ledger">): PaneMessage[] {
  type Problem = { text: (locale: Locale) => string; target?: Selection };
  // Cells listed under 无法读取 are said there, once: the warnings keep the reader's other issues.
  const unread = new Set(run.report.unreadable.map((u) => `${u.sheet}\u0000${u.row}\u0000${u.column ?? ""}`));
  const problems: Problem[] = [
    ...run.ledger.errors
      .filter((e) => !unread.has(`${e.sheet}\u0000${e.row}\u0000${e.column ?? ""}`))
      .map((e: ReadIssue): Problem => ({ text: (l) => describeReadIssue(e, l), target: issueTarget(e) })),
    ...run.report.issues.map((i): Problem => ({ text: (l) => render(i.text, l), target: issueTargetOf(i) })),
  ];
  const listed = problems.slice(0, MAX_LISTED_ISSUES);
  const messages: PaneMessage[] = listed.map((p, i) => ({
    key: `${ISSUE_KEY}${i}`,
    intent: "warning",
    text: (t) => p.text(t.locale),
    ...(p.target ? { target: p.target } : {}),
  }));
  const more = problems.length - listed.length;
  if (more > 0) messages.push({ key: `${ISSUE_KEY}more`, intent: "warning", text: (t) => agingStringsFor(t).moreIssues(more) });
  return messages;
}

/** The last reconciliation the pane ran, as the reconcile view keeps it. */
export interface LastReconcile {
  run: Pick<ReconcileRun, "report" | "ledger" | "statement">;
  /** The ledger's print as that run read it. */
  ledgerPrint: string | null;
  /** A ledger kept one sheet per month, reconciled as one: its sheets in order, each one's print as the run read it. */
  ledgerSheets?: { sheets: readonly string[]; prints: ReadonlyMap<string, string> };
}

/**
 * Whether the aging used a reconciliation: `used` (its flagged rows are 待核对), `stale` (the ledger
 * changed since, so its row numbers no longer fit and it was not used), or `none`.
 */
export type ReviewState = { state: "none" } | { state: "used"; statement: string } | { state: "stale"; statement: string };

/**
 * The workbook as `port`, except that the sheets in `grids` are given as already read: the aging reads the very
 * grids whose prints were just compared, and the ledger crosses from Excel once.
 */
function withGrids(port: ReadableWorkbook, grids: ReadonlyMap<string, Grid>): ReadableWorkbook {
  return {
    ...(port.readOnlyKind !== undefined ? { readOnlyKind: port.readOnlyKind } : {}),
    capabilities: () => port.capabilities(),
    listSheets: () => port.listSheets(),
    readSheet: (name, options) => {
      const grid = grids.get(name);
      return grid !== undefined ? Promise.resolve(grid) : port.readSheet(name, options);
    },
    readLayout: (name) => port.readLayout(name),
    getSetting: <T>(key: string) => port.getSetting<T>(key),
  };
}

/**
 * Ages the ledger, with the last reconciliation of that same ledger when there is one and the ledger's
 * values are still as it read them (row numbers tie its findings to rows). A ledger over several monthly
 * sheets takes a reconciliation over the same sheets, in the same order, none of them changed since; its
 * 待核对 rows are then each on its own sheet. `age` is the aging use case (the pane passes its injected one).
 * The ledger's sheets are read once (together, where the port can): the same grids are compared with the
 * reconciliation's prints and aged. `control.signal` is the view's: once it aborts (the view is left, or a newer
 * run starts), the reads stop and the aging with them.
 */
export async function ageWithLastReconcile(
  port: WorkbookPort,
  req: AgingRequest,
  last: LastReconcile | null,
  age: (req: AgingRequest, control?: AgingControl) => Promise<AgingRun> = runAging,
  control: AgingControl = {},
): Promise<{ run: AgingRun; review: ReviewState }> {
  const many = req.ledger.read?.sheets;
  const sheets = many && many.length > 1 ? many : [req.ledger.sheet];
  const lastSheets = last === null ? [] : (last.ledgerSheets?.sheets ?? [last.run.ledger.sheet]);
  const same = sheets.length === lastSheets.length && sheets.every((s, i) => s === lastSheets[i]);
  if (last === null || !same || req.ledger.port !== port) return { run: await age(req, control), review: { state: "none" } };
  const statement = last.run.statement.sheet;
  const grids = await readSheetsOf(port, sheets, control.signal ? { signal: control.signal } : {});
  const read: AgingRequest = { ...req, ledger: { ...req.ledger, port: withGrids(port, new Map(sheets.map((s, i) => [s, grids[i]]))) } };
  const unchanged = sheets.every((sheet, i) => {
    const then = last.ledgerSheets ? (last.ledgerSheets.prints.get(sheet) ?? null) : last.ledgerPrint;
    return then !== null && gridFingerprint(grids[i]) === then;
  });
  if (!unchanged) return { run: await age(read, control), review: { state: "stale", statement } };
  const reconciliation = flagsOnSheets(sheets, reconciliationOf(last.run));
  return { run: await age({ ...read, reconciliation }, control), review: { state: "used", statement } };
}

/** A 待核对 row as the view lists it. */
export interface ReviewLine {
  key: string;
  dealer: string;
  ref: string;
  openText: string;
  statusText: string;
  kindText: string;
  reason: string;
  target: Selection;
}

export function reviewLines(report: AgingReport, locale: Locale): ReviewLine[] {
  const s = AGING_STRINGS[locale];
  return report.underReconciliation.map((u) => ({
    key: `${u.sheet}:${u.row}`,
    dealer: u.dealer,
    ref: u.ref ?? "",
    openText: formatFenGrouped(u.status === "settled" ? u.amount : u.open),
    statusText: s.reviewStatus[u.status],
    kindText: render(reviewKindText(u.kind), locale),
    reason: render(u.text, locale),
    target: { sheet: u.sheet, row: u.row },
  }));
}

/** A cell that could not be read, as the view lists it: where, what was found, what to fix. */
export interface UnreadableLine {
  key: string;
  place: string;
  found: string;
  text: string;
  target: Selection;
}

export function unreadableLines(report: AgingReport, locale: Locale): UnreadableLine[] {
  return report.unreadable.map((u, i) => ({
    key: `${u.sheet}:${u.cell ?? u.row}:${i}`,
    place: `${u.sheet} ${u.cell ?? u.row}`,
    found: u.found,
    text: render(u.text, locale),
    target: cellTarget(u.sheet, u.row, u.column),
  }));
}

function cellTarget(sheet: string, row: number, column: string | null): Selection {
  const n = column ? columnNumber(column) : null;
  return n ? { sheet, row, column: n } : { sheet, row };
}

/** The lines said beside the totals: what they exclude, and which reconciliation the 待核对 items come from. */
export function keptApartNotes(report: AgingReport, review: ReviewState, locale: Locale): string[] {
  const s = AGING_STRINGS[locale];
  const notes: string[] = [];
  if (report.unreadableRows > 0) notes.push(s.totalsExclude(report.unreadableRows));
  const open = report.underReconciliation.filter((u) => u.status === "open").length;
  if (review.state === "used") notes.push(s.reviewUsed(review.statement, report.reconciliation?.cutoff ?? null, open));
  if (review.state === "stale") notes.push(s.reviewStale(review.statement));
  return notes;
}
