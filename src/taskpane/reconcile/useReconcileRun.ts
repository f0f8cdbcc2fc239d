/**
 * The 对账 view's workflow: choose (the form, remembered in the workbook and in the pane store), check
 * (the reads of both sheets, what blocks a run), run with progress and cancel, the results, the marks,
 * and whether the sheets changed since (stale). The view renders what this returns and forwards the
 * user's events to it; every call to the workbook goes through the injected use cases and port.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import { RECONCILE_CHOICE_SETTING, sidesSwapped, statementDealer, type Stage } from "../../app/reconcile";
import type { Side } from "../../core/model";
import { type ReadIssue, type ReadResult } from "../../core/read";
import { describeReadIssue } from "../../messages/read";
import { render } from "../../messages";
import { PortError, type Selection, type WorkbookPort } from "../../port/workbook";
import type { SheetChoice } from "../choice";
import { useConfirmations } from "../components/ActionNote";
import { useLocale, useServices } from "../context";
import { messageFromFailure } from "../failure";
import type { PaneMessage } from "../messages";
import { usePane, usePaneStore, type ReconcileOutcome } from "../store";
import { issueTarget } from "../summary";
import { isCancelled, isNotOurs } from "../workflow";
import { DECISIONS_NOTE } from "./DecisionList";
import { DECISION_STRINGS, type DecisionLine } from "./decisions";
import { changedSheets, gridFingerprint } from "./fingerprint";
import { EMPTY_FORM, FORM_DEFAULTS, blockingIssues, formFromSetting, formToSetting, optionsFromForm, proposeCutoff, type FieldName, type FieldProblem, type ReconcileForm } from "./form";
import { runPort } from "./port";
import { realSelection, relabelReport, sheetRowsPort } from "../../app/sheet-rows";
import { sheetsKey } from "../ledger-sheets";
import { watchRunSheets } from "./stale-watch";
import { advance, runProgress, type RunProgress } from "./progress";
import { decisionFor, resultItems, type ItemTarget, type KindFilter, type ResultItem } from "./results";
import { RECONCILE_STRINGS, reconcileStringsFor, type ReconcileStrings } from "./strings";

/** Where the confirmation of clearing the marks shows: beside the run and clear buttons. */
export const MARKS_NOTE = "reconcile-marks";

export const RECONCILE_MESSAGE = {
  run: "reconcile-run",
  clear: "reconcile-clear",
  decision: "reconcile-decision",
  choice: "reconcile-choice",
};

export type Notice = { intent: "info" | "warning"; text: (s: ReconcileStrings) => string } | null;

/** The view's own state; what outlives a switch of views (form, results, filter) is in the pane store. */
export interface ReconcileRunState {
  form: ReconcileForm;
  /** The pair of sheets the form belongs to; until it is loaded from the workbook, no run. */
  formFor: string | null;
  reads: Record<Side, ReadResult | null>;
  /** Set while a run goes on. */
  progress: RunProgress | null;
  /** A decision or a clearing of marks is being saved. */
  busy: boolean;
  /** What the last run's end means when it brought no results (cancelled). */
  notice: Notice;
  /** Bumped when a run the user started from the run button has results, so the view scrolls to them. */
  revealed: number;
  /** The ledger sheet is a balance table (余额表): no entries to reconcile item by item, so no run. */
  balanceLedger?: boolean;
}

export type ReconcileEvent =
  | { type: "form-loaded"; pair: string; form: ReconcileForm }
  | { type: "field"; patch: Partial<ReconcileForm> }
  | { type: "read"; side: Side; result: ReadResult | null; balances?: boolean }
  | { type: "run-started" }
  | { type: "progress"; progress: RunProgress }
  | { type: "run-ended"; notice?: Notice; reveal?: boolean }
  | { type: "busy"; busy: boolean };

export function initialReconcileState(form: ReconcileForm = EMPTY_FORM, formFor: string | null = null): ReconcileRunState {
  return { form, formFor, reads: { ledger: null, statement: null }, progress: null, busy: false, notice: null, revealed: 0 };
}

export function reduceReconcile(state: ReconcileRunState, event: ReconcileEvent): ReconcileRunState {
  switch (event.type) {
    case "form-loaded":
      return { ...state, form: event.form, formFor: event.pair };
    case "field":
      return { ...state, form: { ...state.form, ...event.patch } };
    case "read": {
      const balanceLedger = event.side === "ledger" ? event.balances === true : state.balanceLedger;
      if (state.reads[event.side] === event.result && balanceLedger === state.balanceLedger) return state;
      return { ...state, reads: { ...state.reads, [event.side]: event.result }, balanceLedger };
    }
    case "run-started":
      return { ...state, notice: null, progress: runProgress("reading", 0, 2) };
    case "progress":
      return state.progress === null ? state : { ...state, progress: advance(state.progress, event.progress) };
    case "run-ended":
      return { ...state, progress: null, notice: event.notice ?? state.notice, revealed: event.reveal ? state.revealed + 1 : state.revealed };
    case "busy":
      return { ...state, busy: event.busy };
  }
}

/** Results kept without a watch are checked by reading their sheets again and comparing the prints. */
async function changedSinceRead(port: WorkbookPort, prints: ReadonlyMap<string, string>): Promise<string[]> {
  const now = new Map<string, string | null>();
  for (const sheet of prints.keys()) {
    try {
      now.set(sheet, gridFingerprint(await port.readSheet(sheet)));
    } catch (err) {
      if (err instanceof PortError || (err as { name?: unknown })?.name === "PortError") now.set(sheet, null);
      else throw err;
    }
  }
  return changedSheets(prints, now);
}

export interface ReconcileRunOptions {
  choice: SheetChoice;
  /** A ledger kept one sheet per month: every sheet read as the ledger, `choice.ledger` among them. */
  ledgerSheets?: readonly string[];
  report: (message: PaneMessage) => void;
  clear: (key: string) => void;
  onGoTo: (target: Selection) => void;
}

export interface ReconcileRunView extends ReconcileRunState {
  /** The form can be used: its choices are loaded. */
  formLoaded: boolean;
  problems: Partial<Record<FieldName, FieldProblem>>;
  /** The cut-off the statement suggests, shown while the user has typed none. */
  proposed: string | null;
  placement: ReturnType<typeof statementDealer> | null;
  oneDealerStatement: boolean;
  mustPickDealer: boolean;
  swapped: boolean;
  bothChosen: boolean;
  readsDone: boolean;
  blocking: ReadIssue[];
  running: boolean;
  canRun: boolean;
  /** The results of the last run on the chosen pair of sheets, if any. */
  outcome: ReconcileOutcome | null;
  /** Sheets changed since the shown results were made (sorted, edited, deleted): their rows no longer fit. */
  stale: string[];
  /** The marks of the shown results were cleared since: the results say so instead of counting them. */
  marksCleared: boolean;
  filter: KindFilter;
  setFilter(filter: KindFilter): void;
  setField(patch: Partial<ReconcileForm>): void;
  resetDefaults(): void;
  onRead(side: Side, result: ReadResult | null, balances?: unknown): void;
  /** Runs; `reveal` scrolls the results into view when done. Resolves true when it brought results. */
  run(reveal: boolean): Promise<boolean>;
  /**
   * The user's run (the run button, and 重新对账 beside results gone stale): the last confirmation is no
   * longer news, then the run as `run(true)`.
   */
  runAgain(): Promise<boolean>;
  cancel(): void;
  answer(item: ResultItem, decision: "confirmed" | "rejected"): Promise<void>;
  undoDecision(line: DecisionLine): Promise<void>;
  clearMarks(): Promise<void>;
  /** Selects a result's rows, once the sheets are checked to be as the run left them. */
  goTo(target: ItemTarget): Promise<void>;
  /** Compares the sheets with the run's prints; true when unchanged. */
  checkFresh(): Promise<boolean>;
}

export function useReconcileRun({ choice, ledgerSheets, report, clear, onGoTo }: ReconcileRunOptions): ReconcileRunView {
  const { port, useCases } = useServices();
  const store = usePaneStore();
  const locale = useLocale();
  const { confirm, startAction } = useConfirmations();
  const pair = `${choice.ledger ?? ""}|${choice.statement ?? ""}`;
  const memory = usePane((p) => p.reconcile);
  const lastRun = usePane((p) => p.lastReconcile);
  const marks = usePane((p) => p.marks.reconcile);
  const staleSheets = usePane((p) => p.reconcileStale);
  const [state, dispatch] = useReducer(reduceReconcile, undefined, () =>
    memory && memory.formFor === pair ? initialReconcileState(memory.form, pair) : initialReconcileState(),
  );
  const formLoaded = state.formFor === pair;
  const filter: KindFilter = memory && memory.formFor === pair ? memory.filter : "all";

  const controller = useRef<AbortController | null>(null);
  const stage = useRef<Stage | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      controller.current?.abort();
    };
  }, []);

  // The form (and the filter) survive a switch of views, for the pair they were made for.
  useEffect(() => {
    if (!formLoaded) return;
    const known = store.get().reconcile;
    if (known && known.formFor === pair && known.form === state.form) return;
    store.dispatch({ type: "reconcile/remember", memory: { form: state.form, formFor: pair, filter: known && known.formFor === pair ? known.filter : "all" } });
  }, [store, formLoaded, pair, state.form]);

  // The choices remembered in the workbook, for the chosen pair of sheets.
  useEffect(() => {
    if (formLoaded) return;
    let current = true;
    port.getSetting(RECONCILE_CHOICE_SETTING).then(
      (value) => {
        if (current) dispatch({ type: "form-loaded", pair, form: formFromSetting(value, choice.ledger, choice.statement) });
      },
      (err: unknown) => {
        if (!current) return;
        dispatch({ type: "form-loaded", pair, form: EMPTY_FORM });
        report(messageFromFailure(err, RECONCILE_MESSAGE.choice));
      },
    );
    return () => {
      current = false;
    };
  }, [port, pair, formLoaded, choice.ledger, choice.statement, report]);

  const { form, reads } = state;
  // Propose the cut-off from the statement until the user types one.
  const proposed = proposeCutoff(reads.statement);
  useEffect(() => {
    if (!formLoaded || form.asOfByUser) return;
    const next = proposed ?? "";
    if (form.asOf !== next) dispatch({ type: "field", patch: { asOf: next } });
  }, [formLoaded, form.asOfByUser, form.asOf, proposed]);

  // Whose statement it is: its dealer is preselected once per statement and dealer; a one-dealer statement
  // that cannot be placed among the ledger's dealers waits for the user's pick (never "all dealers").
  const placement = useMemo(() => (reads.statement ? statementDealer(reads.ledger, reads.statement) : null), [reads.ledger, reads.statement]);
  const preselected = useRef("");
  useEffect(() => {
    if (!formLoaded || !placement?.dealer || placement.ledgerDealers.length < 2) return;
    const key = `${choice.statement ?? ""}|${placement.dealer}`;
    if (preselected.current === key) return;
    preselected.current = key;
    if (form.dealer !== placement.dealer) dispatch({ type: "field", patch: { dealer: placement.dealer } });
  }, [formLoaded, placement, choice.statement, form.dealer]);

  const checked = optionsFromForm(form);
  const formOk = Object.keys(checked.problems).length === 0;
  const bothChosen = choice.ledger !== null && choice.statement !== null;
  const readsDone = reads.ledger !== null && reads.statement !== null;
  const blocking = [...blockingIssues(reads.ledger), ...blockingIssues(reads.statement)];
  const mustPickDealer = placement !== null && placement.mustChoose && !form.dealer;
  const running = state.progress !== null;
  const canRun = bothChosen && readsDone && formLoaded && blocking.length === 0 && formOk && !mustPickDealer && !running && !state.busy && !state.balanceLedger;
  const sheets = useMemo(() => (ledgerSheets && ledgerSheets.length > 1 ? [...ledgerSheets] : choice.ledger ? [choice.ledger] : []), [ledgerSheets, choice.ledger]);
  const ledgerKey = sheetsKey(sheets);
  const outcomeKey = (o: ReconcileOutcome) => sheetsKey(o.ledgerSheets ?? [o.ledgerSheet]);
  const outcome = lastRun && outcomeKey(lastRun) === ledgerKey && lastRun.statementSheet === choice.statement ? lastRun : null;

  // The latest state for callbacks that outlive a render (the focus listener, a re-run after a decision).
  const latest = useRef({ form, choice, running, locale, sheets });
  latest.current = { form, choice, running, locale, sheets };

  const run = useCallback(
    async (reveal: boolean): Promise<boolean> => {
      const { form: f, choice: c, locale: lang, sheets: ledgerList } = latest.current;
      if (!c.ledger || !c.statement || latest.current.running || ledgerList.length === 0) return false;
      const { options, problems } = optionsFromForm(f);
      if (Object.keys(problems).length > 0) return false;
      // Several monthly sheets: read as one ledger, opened by the first.
      const many = ledgerList.length > 1 ? ledgerList : null;
      const ledgerSheet = ledgerList[0];
      const statementSheet = c.statement;
      const abort = new AbortController();
      controller.current = abort;
      stage.current = "reading";
      latest.current.running = true;
      dispatch({ type: "run-started" });
      store.dispatch({ type: "reconcile/stale", outcome: store.get().lastReconcile, sheets: [] });
      clear(RECONCILE_MESSAGE.run);
      const prints = new Map<string, string>();
      const paced = runPort(port, {
        signal: abort.signal,
        onGrid: (sheet, grid) => {
          if (ledgerList.includes(sheet) || sheet === statementSheet) prints.set(sheet, gridFingerprint(grid));
        },
      });
      // The engine knows rows by number: month sheets get numbers of their own for the run (see sheet-rows.ts).
      const runAt = many ? sheetRowsPort(paced, many) : paced;
      const onStage = (st: Stage, done: number, total: number) => {
        stage.current = st;
        if (alive.current) dispatch({ type: "progress", progress: runProgress(st, done, total) });
      };
      let notice: Notice | undefined;
      let revealed = false;
      try {
        // Remembered before the run, so a choice survives even a run that fails.
        await paced.setSetting(RECONCILE_CHOICE_SETTING, formToSetting(f, c.ledger, statementSheet));
        const ran = await useCases.runReconcile(
          { ledger: { port: runAt, sheet: ledgerSheet, ...(many ? { read: { sheets: many } } : {}) }, statement: { port: runAt, sheet: statementSheet }, options },
          { onStage, signal: abort.signal },
        );
        // Rows named inside the results' text are said as `2026-08!5`, not by the run's numbers.
        const result = many ? { ...ran, report: relabelReport(many, ran.report) } : ran;
        const blockers = [...blockingIssues(result.ledger), ...blockingIssues(result.statement)];
        if (blockers.length > 0 || result.report.problems.length > 0) {
          for (const issue of blockers) {
            report({
              key: `${RECONCILE_MESSAGE.run}-${issue.sheet}`,
              intent: "error",
              text: (tt) => reconcileStringsFor(tt).blocked(issue.sheet, describeReadIssue(issue, tt.locale)),
              target: many ? realSelection(many, issueTarget(issue)) : issueTarget(issue),
            });
          }
          for (const p of result.report.problems) {
            report({ key: `${RECONCILE_MESSAGE.run}-${p.code}`, intent: "error", text: (tt) => render(p.text, tt.locale) });
          }
          return false;
        }
        if (abort.signal.aborted) throw new PortError("cancelled", "reconcile");
        let written: ReconcileOutcome["written"] = null;
        let refused: string | null = null;
        try {
          written = await useCases.writeReconcileResults(result, { port: runAt, ledgerSheet, statementSheet, lang }, { onStage, signal: abort.signal });
        } catch (err) {
          refused = isNotOurs(err);
          if (refused === null) throw err;
        }
        const capabilities = await port.capabilities();
        const decisions = await useCases.loadDecisions(port, ledgerSheet, statementSheet);
        if (!alive.current) return false;
        // Watched only now, after the run's own marks and sheets, so its writes are not taken for the user's.
        const outcome: ReconcileOutcome = {
          run: result,
          items: resultItems(result.report),
          ledgerSheet,
          statementSheet,
          ...(many ? { ledgerSheets: many } : {}),
          written,
          refused,
          capabilities,
          prints,
          decisions,
        };
        outcome.watch = await watchRunSheets(port, prints, (changed) => store.dispatch({ type: "reconcile/stale", outcome, sheets: changed }));
        const before = store.get().lastReconcile;
        store.dispatch({ type: "reconcile/result", outcome });
        await before?.watch?.stop();
        revealed = reveal;
        return true;
      } catch (err) {
        if (!alive.current) return false;
        if (isCancelled(err)) {
          // Set by onStage while the run went on; TypeScript only sees the assignment above.
          const writing = (stage.current as Stage | null) === "writing";
          notice = { intent: writing ? "warning" : "info", text: (x) => (writing ? x.cancelledWhileWriting : x.cancelled) };
        } else report(messageFromFailure(err, RECONCILE_MESSAGE.run));
        return false;
      } finally {
        controller.current = null;
        latest.current.running = false;
        if (alive.current) dispatch({ type: "run-ended", notice, reveal: revealed });
      }
    },
    [port, useCases, store, report, clear],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  const checkFresh = useCallback(async (): Promise<boolean> => {
    const c = latest.current.choice;
    const o = store.get().lastReconcile;
    if (!o || sheetsKey(o.ledgerSheets ?? [o.ledgerSheet]) !== sheetsKey(latest.current.sheets) || o.statementSheet !== c.statement || latest.current.running) return true;
    const changed = o.watch ? await o.watch.changed() : await changedSinceRead(port, o.prints);
    store.dispatch({ type: "reconcile/stale", outcome: o, sheets: changed });
    return changed.length === 0;
  }, [port, store]);

  // Back in the pane after working in the sheet: the user may have sorted or edited it.
  useEffect(() => {
    const onFocus = () => {
      checkFresh().catch((err: unknown) => report(messageFromFailure(err, RECONCILE_MESSAGE.run)));
    };
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [checkFresh, report]);

  const goTo = useCallback(
    async (target: ItemTarget): Promise<void> => {
      try {
        if (await checkFresh()) onGoTo(target.selection);
      } catch (err) {
        report(messageFromFailure(err, RECONCILE_MESSAGE.run));
      }
    },
    [checkFresh, onGoTo, report],
  );

  const runAgain = useCallback((): Promise<boolean> => {
    startAction();
    return run(true);
  }, [startAction, run]);

  /** Saves or takes back an answer to a suggestion, then runs again so the results show it. */
  const decide = useCallback(
    async (save: (o: ReconcileOutcome) => Promise<void>, done: (lang: "zh-CN" | "en-US") => string): Promise<void> => {
      const o = store.get().lastReconcile;
      if (!o) return;
      startAction();
      dispatch({ type: "busy", busy: true });
      try {
        await save(o);
        if (alive.current) dispatch({ type: "busy", busy: false });
        if (await run(false)) confirm(DECISIONS_NOTE, done);
      } catch (err) {
        if (alive.current) dispatch({ type: "busy", busy: false });
        report(messageFromFailure(err, RECONCILE_MESSAGE.decision));
      }
    },
    [store, run, confirm, startAction, report],
  );

  const answer = useCallback(
    (item: ResultItem, decision: "confirmed" | "rejected") =>
      item.suggestion
        ? decide(
            (o) => useCases.saveDecision(port, o.ledgerSheet, o.statementSheet, decisionFor(item.suggestion!, decision)),
            (lang) => DECISION_STRINGS[lang].saved(decision === "confirmed"),
          )
        : Promise.resolve(),
    [decide, useCases, port],
  );

  const undoDecision = useCallback(
    (line: DecisionLine) =>
      decide(
        (o) => useCases.removeDecision(port, o.ledgerSheet, o.statementSheet, line.id),
        (lang) => DECISION_STRINGS[lang].undone(line.decision === "confirmed"),
      ),
    [decide, useCases, port],
  );

  const clearMarks = useCallback(async (): Promise<void> => {
    startAction();
    dispatch({ type: "busy", busy: true });
    try {
      await useCases.clearReconcileMarks(port);
      clear(RECONCILE_MESSAGE.clear);
      confirm(MARKS_NOTE, (lang) => RECONCILE_STRINGS[lang].marksCleared);
      // The results stay (they are still true of the sheets) but must no longer speak of marks.
      store.dispatch({ type: "marks", reconcile: "cleared" });
    } catch (err) {
      report(messageFromFailure(err, RECONCILE_MESSAGE.clear));
    } finally {
      if (alive.current) dispatch({ type: "busy", busy: false });
    }
  }, [port, useCases, store, report, clear, confirm, startAction]);

  const setFilter = useCallback(
    (next: KindFilter) => {
      const known = store.get().reconcile;
      store.dispatch({ type: "reconcile/remember", memory: { form: known?.form ?? latest.current.form, formFor: pair, filter: next } });
    },
    [store, pair],
  );
  const setField = useCallback((patch: Partial<ReconcileForm>) => dispatch({ type: "field", patch }), []);
  const resetDefaults = useCallback(() => dispatch({ type: "field", patch: { ...FORM_DEFAULTS } }), []);
  const onRead = useCallback((side: Side, result: ReadResult | null, balances?: unknown) => dispatch({ type: "read", side, result, balances: !!balances }), []);

  return {
    ...state,
    formLoaded,
    problems: checked.problems,
    proposed,
    placement,
    oneDealerStatement: placement !== null && !placement.manyOnStatement,
    mustPickDealer,
    swapped: sidesSwapped(reads.ledger, reads.statement),
    bothChosen,
    readsDone,
    blocking,
    running,
    canRun,
    outcome,
    stale: outcome !== null ? staleSheets : [],
    marksCleared: outcome !== null && marks === "cleared",
    filter,
    setFilter,
    setField,
    resetDefaults,
    onRead,
    run,
    runAgain,
    cancel,
    answer,
    undoDecision,
    clearMarks,
    goTo,
    checkFresh,
  };
}
