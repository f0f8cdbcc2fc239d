/**
 * The 账龄 / 逾期 view's workflow: the choices (date, dealer, basis, buckets, kept in the pane store),
 * the automatic run whenever they or the ledger change (with the pane's last reconciliation of the
 * same, unchanged ledger), its problems as pane messages, and the commands: save the default term,
 * mark the overdue rows, clear those marks, write the aging sheets. The view renders what this returns.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import { defaultTermProblem, parseTermDays, type AgingRun } from "../../app/aging";
import type { MarkedStage } from "../../app/reports/aging-marks";
import { droppedLinksText } from "../../app/reports/links";
import { bucketsFromText } from "../../core/aging";
import type { Selection } from "../../port/workbook";
import { useConfirmations } from "../components/ActionNote";
import { useLocale, useServices } from "../context";
import { messageFromFailure } from "../failure";
import type { PaneMessage } from "../messages";
import { DEFAULT_AGING_CHOICES, usePane, usePaneStore, type AgingChoices } from "../store";
import { ageWithLastReconcile, issueMessages, isUsableAsOf, stagesToMark, todayIso, type ReviewState } from "./model";
import { AGING_STRINGS } from "./strings";

export const AGING_MESSAGE = {
  run: "aging-run",
  term: "aging-term",
  mark: "aging-mark",
  clear: "aging-clear",
  write: "aging-write",
};

/** Where the view's confirmations show: beside the term's save button, beside the three commands. */
export const AGING_NOTE = { term: "aging-term", marks: "aging-marks" };

export type AgingBusy = null | "mark" | "clear" | "write" | "term";

export type AgingStatus = { state: "idle" } | { state: "running" } | { state: "done"; run: AgingRun; sheet: string; review: ReviewState } | { state: "failed" };

export interface AgingRunState {
  status: AgingStatus;
  /** The dealers of the ledger as its last all-dealer run found them. */
  dealerList: { ledger: string; names: string[] } | null;
  busy: AgingBusy;
  /** The default term as typed, until saved; null shows the one in force. */
  termText: string | null;
  /** Bumped to run again with the same choices (recompute, a saved term). */
  version: number;
}

export type AgingEvent =
  | { type: "idle" }
  | { type: "running" }
  | { type: "done"; run: AgingRun; sheet: string; review: ReviewState; allDealers: boolean }
  | { type: "failed" }
  | { type: "busy"; busy: AgingBusy }
  | { type: "term-text"; text: string | null }
  | { type: "again" };

export const INITIAL_AGING: AgingRunState = { status: { state: "idle" }, dealerList: null, busy: null, termText: null, version: 0 };

export function reduceAging(state: AgingRunState, event: AgingEvent): AgingRunState {
  switch (event.type) {
    case "idle":
      return state.status.state === "idle" ? state : { ...state, status: { state: "idle" } };
    case "running":
      return { ...state, status: { state: "running" } };
    case "done":
      return {
        ...state,
        status: { state: "done", run: event.run, sheet: event.sheet, review: event.review },
        dealerList: event.allDealers ? { ledger: event.sheet, names: event.run.report.dealers.map((d) => d.dealer) } : state.dealerList,
      };
    case "failed":
      return { ...state, status: { state: "failed" } };
    case "busy":
      return { ...state, busy: event.busy };
    case "term-text":
      return { ...state, termText: event.text };
    case "again":
      return { ...state, version: state.version + 1 };
  }
}

export interface AgingRunOptions {
  ledger: string | null;
  /** A ledger kept one sheet per month: every sheet aged as the one ledger, `ledger` among them. */
  ledgerSheets?: readonly string[];
  /** Bumped when the user refreshes the sheet list: the ledger is aged again. */
  generation: number;
  report: (message: PaneMessage) => void;
  clear: (key: string) => void;
  onGoTo: (target: Selection) => void;
}

export interface AgingRunView extends AgingRunState {
  choices: AgingChoices;
  /** The as-of date when usable, else null. */
  asOf: string | null;
  bucketsOk: boolean;
  /** The chosen dealer of this ledger, or null for all. */
  dealer: string | null;
  dealers: string[];
  run: AgingRun | null;
  review: ReviewState;
  termValue: string;
  termProblem: ReturnType<typeof defaultTermProblem>;
  canAct: boolean;
  /** The ledger carries this pane's aging marks: the legend speaks of its colours. */
  markedHere: boolean;
  choose(patch: Partial<Omit<AgingChoices, "dealer">>): void;
  chooseDealer(name: string | null): void;
  recompute(): void;
  setTermText(text: string): void;
  saveTerm(): Promise<void>;
  mark(): Promise<void>;
  clearMarks(): Promise<void>;
  write(): Promise<void>;
}

export function useAgingRun({ ledger: ledgerSheet, ledgerSheets, generation, report, clear, onGoTo }: AgingRunOptions): AgingRunView {
  // Several sheets are one ledger, named by all of them (the key of its dealers, marks and results).
  const many = ledgerSheet !== null && ledgerSheets && ledgerSheets.length > 1 ? ledgerSheets : null;
  const manyKey = many ? many.join("\u0000") : "";
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const sheets = useMemo(() => (many ? [...many] : ledgerSheet ? [ledgerSheet] : []), [manyKey, ledgerSheet]);
  const ledger = many ? many.join("、") : ledgerSheet;
  const { port, useCases } = useServices();
  const store = usePaneStore();
  const locale = useLocale();
  const { confirm, startAction } = useConfirmations();
  const [state, dispatch] = useReducer(reduceAging, INITIAL_AGING);
  const stored = usePane((p) => p.aging);
  const marked = usePane((p) => p.marks.aging);
  // The clock is read here, in the pane; the core takes the date as an argument.
  const choices = useMemo(() => stored ?? { ...DEFAULT_AGING_CHOICES, asOf: todayIso(new Date()) }, [stored]);
  useEffect(() => {
    if (store.get().aging === null) store.dispatch({ type: "aging/choose", choices });
  }, [store, choices]);

  const dealer = ledger !== null && choices.dealer?.ledger === ledger ? choices.dealer.name : null;
  const dealers = ledger !== null && state.dealerList?.ledger === ledger ? state.dealerList.names : [];
  const asOf = isUsableAsOf(choices.asOf) ? choices.asOf.trim() : null;
  // The text stands for the buckets; the specs are rebuilt only when it or the basis changes.
  const buckets = useMemo(() => bucketsFromText(choices.buckets, choices.basis), [choices.buckets, choices.basis]);
  const basis = choices.basis;

  const issueKeys = useRef<string[]>([]);
  const clearIssues = useCallback(() => {
    for (const key of issueKeys.current) clear(key);
    issueKeys.current = [];
  }, [clear]);

  useEffect(() => {
    if (!ledger || !asOf || !buckets) {
      dispatch({ type: "idle" });
      return;
    }
    // A newer run (another date, dealer or sheet) makes this one's answer stale, and leaving the view or a newer
    // run stops its reads.
    let current = true;
    const stop = new AbortController();
    dispatch({ type: "running" });
    const last = store.get().lastReconcile;
    // Rows the pane's last reconciliation of this ledger flagged are aged as 待核对 (see model.ts); of a ledger
    // over several monthly sheets, a reconciliation over the same sheets, each row on its own sheet.
    ageWithLastReconcile(
      port,
      { ledger: { port, sheet: sheets[0], ...(sheets.length > 1 ? { read: { sheets } } : {}) }, asOf, basis, buckets, ...(dealer !== null ? { dealer } : {}) },
      last
        ? {
            run: last.run,
            ledgerPrint: last.prints.get(last.run.ledger.sheet) ?? null,
            ...(last.ledgerSheets ? { ledgerSheets: { sheets: last.ledgerSheets, prints: last.prints } } : {}),
          }
        : null,
      useCases.runAging,
      { signal: stop.signal },
    ).then(
      ({ run, review }) => {
        if (!current) return;
        dispatch({ type: "done", run, sheet: ledger, review, allDealers: dealer === null });
        clear(AGING_MESSAGE.run);
        clearIssues();
        const messages = issueMessages(run);
        issueKeys.current = messages.map((m) => m.key);
        for (const m of messages) report(m);
      },
      (err: unknown) => {
        if (!current) return;
        dispatch({ type: "failed" });
        clearIssues();
        report(messageFromFailure(err, AGING_MESSAGE.run));
      },
    );
    return () => {
      current = false;
      stop.abort();
    };
  }, [port, useCases, store, ledger, sheets, asOf, basis, buckets, dealer, generation, state.version, report, clear, clearIssues]);

  // Problems of a ledger no longer shown are no longer news.
  useEffect(() => () => clearIssues(), [clearIssues]);

  const status = state.status;
  const run = status.state === "done" ? status.run : null;
  const termText = state.termText;
  const termValue = termText ?? (run ? String(run.termSources.defaultTermDays) : "");
  const termProblem = termText !== null ? defaultTermProblem(termText) : null;

  const latest = useRef({ status, termText, choices, marked, ledger, sheets, locale });
  latest.current = { status, termText, choices, marked, ledger, sheets, locale };

  /** One command on the workbook: busy while it runs, its message cleared on success, reported on failure. */
  const command = useCallback(
    async (busy: Exclude<AgingBusy, null>, key: string, work: () => Promise<void>): Promise<void> => {
      startAction();
      dispatch({ type: "busy", busy });
      try {
        await work();
        clear(key);
      } catch (err) {
        report(messageFromFailure(err, key));
      } finally {
        dispatch({ type: "busy", busy: null });
      }
    },
    [startAction, clear, report],
  );

  const saveTerm = useCallback(async () => {
    const text = latest.current.termText;
    if (text === null || defaultTermProblem(text) !== null) return;
    await command("term", AGING_MESSAGE.term, async () => {
      await useCases.saveDefaultTermDays(port, text);
      const days = parseTermDays(text) ?? 0;
      dispatch({ type: "term-text", text: null });
      dispatch({ type: "again" });
      confirm(AGING_NOTE.term, (lang) => AGING_STRINGS[lang].defaultTermSaved(days));
    });
  }, [command, useCases, port, confirm]);

  const mark = useCallback(async () => {
    const st = latest.current.status;
    if (st.state !== "done") return;
    const { run: r, sheet } = st;
    const stages = stagesToMark(latest.current.choices.soonToo);
    const list = latest.current.sheets;
    await command("mark", AGING_MESSAGE.mark, async () => {
      // Each sheet of the ledger gets the marks of its own rows.
      let count = 0;
      if (list.length > 1) for (const one of list) count += await useCases.markAgingRows(r, port, one, stages, one);
      else count = await useCases.markAgingRows(r, port, sheet, stages);
      store.dispatch({ type: "marks", aging: { sheet, stages } });
      confirm(AGING_NOTE.marks, (lang) => (count > 0 ? AGING_STRINGS[lang].marked(count, sheet) : AGING_STRINGS[lang].nothingToMark(sheet)));
    });
  }, [command, useCases, port, store, confirm]);

  const clearMarks = useCallback(async () => {
    const sheet = latest.current.ledger;
    const list = latest.current.sheets;
    if (!sheet) return;
    await command("clear", AGING_MESSAGE.clear, async () => {
      for (const one of list) await useCases.clearAgingMarks(port, one);
      store.dispatch({ type: "marks", aging: null });
      confirm(AGING_NOTE.marks, (lang) => AGING_STRINGS[lang].cleared(sheet));
    });
  }, [command, useCases, port, store, confirm]);

  const write = useCallback(async () => {
    const { status: st, marked: m, locale: lang, sheets: list } = latest.current;
    if (st.state !== "done") return;
    const { run: r, sheet } = st;
    // Several sheets: every row linked and marked on its own sheet.
    const own = list.length > 1 ? { ledgerSheet: list[0], ledgerSheets: Object.fromEntries(list.map((x) => [x, x])) } : { ledgerSheet: sheet };
    // The legend of 账龄分析 names the colours the ledger carries now; with none, it is left out.
    const stages: readonly MarkedStage[] | null = m && m.sheet === sheet ? m.stages : null;
    await command("write", AGING_MESSAGE.write, async () => {
      const written = await useCases.writeAgingResults(r, { port, ...own, lang, marks: stages !== null, ...(stages ? { markStages: stages } : {}) });
      confirm(AGING_NOTE.marks, (l) => {
        const as = AGING_STRINGS[l];
        const dropped = written.linksDropped ? ` ${droppedLinksText(written.linksDropped, l)}` : "";
        return as.written(written.agingSheet, written.planSheet) + (written.chartsLeftOut > 0 ? ` ${as.chartsLeftOut(written.chartsLeftOut)}` : "") + dropped;
      });
      onGoTo({ sheet: written.agingSheet, row: 1, column: 1 });
    });
  }, [command, useCases, port, confirm, onGoTo]);

  const choose = useCallback((patch: Partial<Omit<AgingChoices, "dealer">>) => store.dispatch({ type: "aging/choose", choices: patch }), [store]);
  const chooseDealer = useCallback(
    (name: string | null) => {
      const l = latest.current.ledger;
      store.dispatch({ type: "aging/choose", choices: { dealer: l && name ? { ledger: l, name } : null } });
    },
    [store],
  );
  const recompute = useCallback(() => dispatch({ type: "again" }), []);
  const setTermText = useCallback((text: string) => dispatch({ type: "term-text", text }), []);

  return {
    ...state,
    choices,
    asOf,
    bucketsOk: buckets !== null,
    dealer,
    dealers,
    run,
    review: status.state === "done" ? status.review : { state: "none" },
    termValue,
    termProblem,
    canAct: run !== null && state.busy === null,
    markedHere: marked !== null && status.state === "done" && marked.sheet === status.sheet,
    choose,
    chooseDealer,
    recompute,
    setTermText,
    saveTerm,
    mark,
    clearMarks,
    write,
  };
}
