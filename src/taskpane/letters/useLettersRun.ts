/**
 * The 函证 view's workflow: the company details (本公司信息, read when the view opens and on request),
 * the template (a built-in or a sheet of the workbook, checked before anything is made; a built-in
 * written into the workbook on request), the dealers (all with a balance, the ones just reconciled, or
 * picked from the ledger's dealers with a search), the cut-off, the run with progress and cancel, its
 * results and the register's summary. Choices live in the pane store, so "为该经销商生成对账函" in the
 * reconcile results can open this view with its dealer picked. Every call goes through the injected
 * use cases; the view renders what this returns.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { LettersRun, LettersStage, SkippedDealer, TemplateChoice } from "../../app/letters";
import { reconciledDealers } from "../../app/letters";
import type { BuiltinKind } from "../../core/letters/builtin";
import type { Message } from "../../core/messages";
import type { BalanceTable } from "../../core/read/balances";
import type { RegisterStatus } from "../../core/letters/register";
import type { Selection, WorkbookPort } from "../../port/workbook";
import { useLocale, useServices } from "../context";
import { failureText, messageFromFailure } from "../failure";
import type { Strings } from "../i18n";
import type { PaneMessage } from "../messages";
import { DEFAULT_LETTERS_CHOICES, usePane, usePaneStore, type LettersChoices } from "../store";
import { isCancelled } from "../workflow";
import { isUsableAsOf, todayIso } from "../aging/model";
import { dealerKey } from "../../core/values/refs";
import { LETTERS_STRINGS } from "./strings";

export const LETTERS_MESSAGE = { company: "letters-company", template: "letters-template", run: "letters-run", builtin: "letters-builtin", register: "letters-register" };

export const BUILTIN_KINDS: readonly BuiltinKind[] = ["positive", "negative", "movements"];

export type CompanyState = { state: "checking" } | { state: "done"; sheet: string | null; warnings: string[] } | { state: "failed" };
export type TemplateCheck = { state: "checking" } | { state: "ok" } | { state: "problems"; messages: string[] } | { state: "failed" };
export type LettersStatus =
  | { state: "idle" }
  | { state: "running"; stage: LettersStage; done: number; total: number }
  | { state: "done"; run: LettersRun }
  /** What stopped the run, as messages: said in the pane's language at the time it shows. */
  | { state: "refused"; messages: Message[] }
  | { state: "cancelled" }
  /** `message`: the failure as the pane says it (what the port said, where it said something), in the pane's language. */
  | { state: "failed"; message: (t: Strings) => string };

export interface LettersRunState {
  company: CompanyState;
  check: TemplateCheck;
  /** The ledger's dealers, for picking; null until read. */
  dealerList: string[] | null;
  status: LettersStatus;
  /** null while being read; `failed` with the reason, as `message` of `failed` says it, when it could not be read (the view offers a retry). */
  register: { status: RegisterStatus; sheet: string } | null | "none" | { failed: (t: Strings) => string };
  /**
   * The ledger sheet read as a balance table (余额表): letters state its closing balances, 含明细 is not
   * offered, and its rows that do not add up get no letter (the run skips them and says why). null: a ledger
   * of entries; undefined: not read yet.
   */
  balances?: BalanceTable | null;
  /** A built-in template is being written. */
  writing: boolean;
  /** Bumped to check company and template again. */
  version: number;
}

export type LettersEvent =
  | { type: "company"; company: CompanyState }
  | { type: "check"; check: TemplateCheck }
  | { type: "dealers"; names: string[] | null; balances?: BalanceTable | null }
  | { type: "status"; status: LettersStatus }
  | { type: "register"; register: LettersRunState["register"] }
  | { type: "writing"; writing: boolean }
  | { type: "again" };

export const INITIAL_LETTERS: LettersRunState = {
  company: { state: "checking" },
  check: { state: "checking" },
  dealerList: null,
  status: { state: "idle" },
  register: null,
  writing: false,
  version: 0,
};

export function reduceLetters(state: LettersRunState, event: LettersEvent): LettersRunState {
  switch (event.type) {
    case "company":
      return { ...state, company: event.company };
    case "check":
      return { ...state, check: event.check };
    case "dealers":
      return { ...state, dealerList: event.names, balances: event.balances };
    case "status":
      return { ...state, status: event.status };
    case "register":
      return { ...state, register: event.register };
    case "writing":
      return { ...state, writing: event.writing };
    case "again":
      return { ...state, version: state.version + 1 };
  }
}

/**
 * The store's text for a template choice as the app takes it. A sheet is taken even before the pane's
 * list of sheets shows it (a built-in just written); one that is gone fails its check, which says so.
 */
export function templateChoiceOf(text: string, port: WorkbookPort): TemplateChoice | null {
  if (text.startsWith("builtin:")) {
    const kind = text.slice("builtin:".length) as BuiltinKind;
    return BUILTIN_KINDS.includes(kind) ? { builtin: kind } : null;
  }
  const sheet = text.startsWith("sheet:") ? text.slice("sheet:".length) : "";
  return sheet ? { port, sheet } : null;
}

/** Dealers whose name contains the search text (case and width of spaces ignored). */
export function searchDealers(names: readonly string[], search: string): string[] {
  const q = search.replace(/\s+/g, "").toLowerCase();
  return q === "" ? [...names] : names.filter((n) => n.replace(/\s+/g, "").toLowerCase().includes(q));
}

export interface LettersRunOptions {
  ledger: string | null;
  /** A ledger kept one sheet per month: every sheet read as the one ledger, `ledger` among them. */
  ledgerSheets?: readonly string[];
  report: (message: PaneMessage) => void;
  clear: (key: string) => void;
  onGoTo: (target: Selection) => void;
  /** The caller's today (tests fix it); default the computer's date. */
  today?: string;
  /** Bumped when the user refreshes the sheet list: company, template and dealers are read again. */
  generation?: number;
}

export interface LettersRunView extends LettersRunState {
  choices: LettersChoices;
  /** The dealers the last reconciliation in this pane balanced. */
  reconciled: string[];
  asOfOk: boolean;
  running: boolean;
  canGenerate: boolean;
  choose(patch: Partial<LettersChoices>): void;
  togglePicked(name: string): void;
  recheck(): void;
  writeBuiltin(kind: BuiltinKind): Promise<void>;
  generate(): Promise<void>;
  cancel(): void;
  goTo(target: Selection): void;
  /** Reads the register again after it failed. */
  retryRegister(): void;
  /** A balance table whose cut-off is not the as-of date: both, for the warning. */
  cutoffDiffers: { asOf: string; cutoff: string } | null;
}

/** A dealer the run made no letter for because its balance-table row does not add up, with that row to select. */
export interface RowOff {
  dealer: string;
  /** The run's reason (the row, what it should be and what it says), said in the pane's language when shown. */
  reason: Message;
  target: Selection | null;
}

/**
 * The run's skipped dealers apart: those whose balance-table row does not add up (`balance_row_off`, each
 * with its row as the read found it), and the others (no balance, not in the ledger, refused), in the run's order.
 */
export function skippedOfRun(run: Pick<LettersRun, "skipped" | "ledger">): { rowsOff: RowOff[]; others: SkippedDealer[] } {
  const rows = new Map((run.ledger.balanceRowsNotAddingUp ?? []).map((m) => [dealerKey(m.dealer), m]));
  const rowsOff: RowOff[] = [];
  const others: SkippedDealer[] = [];
  for (const k of run.skipped) {
    if (k.code !== "balance_row_off") {
      others.push(k);
      continue;
    }
    const m = rows.get(dealerKey(k.dealer));
    rowsOff.push({ dealer: k.dealer, reason: k.reason, target: m ? { sheet: m.sheet, row: m.row } : null });
  }
  return { rowsOff, others };
}

export function useLettersRun({ ledger: ledgerSheet, ledgerSheets, report, clear, onGoTo, today, generation = 0 }: LettersRunOptions): LettersRunView {
  // Several monthly sheets are one ledger, opened by the first.
  const sheetsKeyText = ledgerSheet !== null && ledgerSheets && ledgerSheets.length > 1 ? ledgerSheets.join("\u0000") : ledgerSheet ?? "";
  const sheets = useMemo(() => (sheetsKeyText === "" ? [] : sheetsKeyText.split("\u0000")), [sheetsKeyText]);
  const ledger = sheets[0] ?? null;
  const { port, useCases } = useServices();
  const store = usePaneStore();
  const locale = useLocale();
  const s = LETTERS_STRINGS[locale];
  const stored = usePane((p) => p.letters ?? null);
  const lastReconcile = usePane((p) => p.lastReconcile);
  const day = today ?? todayIso(new Date());
  const choices: LettersChoices = useMemo(() => stored ?? { ...DEFAULT_LETTERS_CHOICES, asOf: day }, [stored, day]);
  const [state, dispatch] = useReducer(reduceLetters, undefined, () =>
    stored?.last ? { ...INITIAL_LETTERS, status: { state: "done", run: stored.last } as LettersStatus } : INITIAL_LETTERS,
  );
  const abort = useRef<AbortController | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      abort.current?.abort();
    };
  }, []);

  // The first showing starts from today's date; the choices then stay in the store.
  useEffect(() => {
    if (!stored) store.dispatch({ type: "letters/choose", choices: { asOf: day } });
  }, [stored, store, day]);

  const template = useMemo(() => templateChoiceOf(choices.template, port), [choices.template, port]);
  const reconciled = useMemo(() => (lastReconcile ? reconciledDealers(lastReconcile.run.report) : []), [lastReconcile]);

  const loadRegister = useCallback(async () => {
    try {
      const read = await useCases.readRegisterStatus(port, day, locale);
      if (!alive.current) return;
      dispatch({ type: "register", register: read ? { status: read.status, sheet: read.sheet } : "none" });
      if (read && read.problems.length > 0) report({ key: LETTERS_MESSAGE.register, intent: "warning", text: () => read.problems.join("\n") });
      else clear(LETTERS_MESSAGE.register);
    } catch (err) {
      // Said where the register's summary shows, with a retry, instead of a spinner that never stops.
      if (alive.current) dispatch({ type: "register", register: { failed: failureText(err) } });
    }
  }, [useCases, port, day, locale, report, clear]);

  // Company details and the register: on showing, on "check again", after a run.
  useEffect(() => {
    let live = true;
    dispatch({ type: "company", company: { state: "checking" } });
    useCases
      .readCompany(port, null, locale)
      .then((c) => {
        if (live && alive.current) dispatch({ type: "company", company: { state: "done", sheet: c.from?.sheet ?? null, warnings: c.warnings } });
      })
      .catch((err: unknown) => {
        if (!live || !alive.current) return;
        dispatch({ type: "company", company: { state: "failed" } });
        report(messageFromFailure(err, LETTERS_MESSAGE.company));
      });
    void loadRegister();
    return () => {
      live = false;
    };
  }, [useCases, port, locale, report, loadRegister, state.version, generation]);

  // The template is checked whenever it changes, before any run.
  useEffect(() => {
    let live = true;
    if (!template) {
      dispatch({ type: "check", check: { state: "problems", messages: [] } });
      return;
    }
    dispatch({ type: "check", check: { state: "checking" } });
    useCases
      .checkTemplate(template, locale)
      .then((r) => {
        if (live && alive.current) dispatch({ type: "check", check: r.ok ? { state: "ok" } : { state: "problems", messages: r.messages } });
      })
      .catch((err: unknown) => {
        if (!live || !alive.current) return;
        dispatch({ type: "check", check: { state: "failed" } });
        report(messageFromFailure(err, LETTERS_MESSAGE.template));
      });
    return () => {
      live = false;
    };
  }, [template, useCases, locale, report, state.version, generation]);

  // The ledger's dealers, for picking by hand; a one-sheet ledger may be a balance table.
  useEffect(() => {
    let live = true;
    dispatch({ type: "dealers", names: null });
    if (!ledger) return;
    (async () => {
      const table = sheets.length === 1 ? await useCases.readBalanceSheet(port, ledger) : null;
      if (table) return { names: table.rows.map((r) => r.dealer), balances: table };
      const read = await useCases.readSheet(port, ledger, sheets.length > 1 ? { side: "ledger", sheets } : { side: "ledger" });
      return { names: [...read.dealers], balances: null };
    })().then(
      (found) => {
        if (live && alive.current) dispatch({ type: "dealers", ...found });
      },
      () => {
        // A ledger that cannot be read is reported by the run, with its cell.
        if (live && alive.current) dispatch({ type: "dealers", names: [], balances: null });
      },
    );
    return () => {
      live = false;
    };
  }, [ledger, sheets, useCases, port, state.version, generation]);

  const choose = useCallback((patch: Partial<LettersChoices>) => store.dispatch({ type: "letters/choose", choices: patch }), [store]);

  const togglePicked = useCallback(
    (name: string) => {
      const picked = choices.picked.includes(name) ? choices.picked.filter((n) => n !== name) : [...choices.picked, name];
      store.dispatch({ type: "letters/choose", choices: { picked } });
    },
    [choices.picked, store],
  );

  const running = state.status.state === "running";
  const asOfOk = isUsableAsOf(choices.asOf);
  const dealersChosen = choices.mode === "all" || (choices.mode === "reconciled" ? reconciled.length > 0 : choices.picked.length > 0);
  // A balance table has no entries to list: the 含明细 template is not offered for it.
  const movementsRefused = !!state.balances && choices.template === "builtin:movements";
  const canGenerate = !running && !!ledger && asOfOk && state.check.state === "ok" && template !== null && dealersChosen && !state.writing && !movementsRefused && state.balances !== undefined;

  const generate = useCallback(async () => {
    if (!canGenerate || !ledger || !template) return;
    const controller = new AbortController();
    abort.current = controller;
    clear(LETTERS_MESSAGE.run);
    dispatch({ type: "status", status: { state: "running", stage: "reading", done: 0, total: 1 } });
    // From a balance table, a dealer whose row does not add up gets no letter: the run skips it and says why.
    const dealers = choices.mode === "all" ? ({ all: true } as const) : choices.mode === "reconciled" ? { reconciled } : { names: choices.picked };
    try {
      const result = await useCases.runLetters(
        { ledger: { port, sheet: ledger, ...(sheets.length > 1 ? { sheets } : {}) }, asOf: choices.asOf.trim(), sendDate: day, dealers, template, lang: locale },
        {
          signal: controller.signal,
          onStage: (stage, done, total) => {
            if (alive.current && !controller.signal.aborted) dispatch({ type: "status", status: { state: "running", stage, done, total } });
          },
        },
      );
      if (!alive.current) return;
      if (controller.signal.aborted) {
        dispatch({ type: "status", status: { state: "cancelled" } });
        return;
      }
      if (!result.ok) {
        const p = result.problem;
        dispatch({ type: "status", status: { state: "refused", messages: "messages" in p ? p.messages : [p.message] } });
        return;
      }
      dispatch({ type: "status", status: { state: "done", run: result.run } });
      store.dispatch({ type: "letters/choose", choices: { last: result.run } });
      await loadRegister();
    } catch (err) {
      if (!alive.current) return;
      if (isCancelled(err) || controller.signal.aborted) {
        dispatch({ type: "status", status: { state: "cancelled" } });
        return;
      }
      // Said once, where the run shows, under its own title: not again in the pane's messages.
      dispatch({ type: "status", status: { state: "failed", message: failureText(err) } });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }, [canGenerate, ledger, sheets, template, choices, reconciled, useCases, port, day, locale, clear, loadRegister, store]);

  const cancel = useCallback(() => abort.current?.abort(), []);

  const writeBuiltin = useCallback(
    async (kind: BuiltinKind) => {
      dispatch({ type: "writing", writing: true });
      try {
        const r = await useCases.writeBuiltinTemplate(port, kind);
        if (!alive.current) return;
        report({ key: LETTERS_MESSAGE.builtin, intent: "success", text: () => (r.written ? s.builtinWritten(r.sheet) : s.builtinKept(r.sheet)), target: { sheet: r.sheet, row: 1 } });
        store.dispatch({ type: "letters/choose", choices: { template: `sheet:${r.sheet}` } });
      } catch (err) {
        if (alive.current) report(messageFromFailure(err, LETTERS_MESSAGE.builtin));
      } finally {
        if (alive.current) dispatch({ type: "writing", writing: false });
      }
    },
    [useCases, port, report, store, s],
  );

  const recheck = useCallback(() => dispatch({ type: "again" }), []);

  const retryRegister = useCallback(() => {
    dispatch({ type: "register", register: null });
    void loadRegister();
  }, [loadRegister]);
  const cutoff = state.balances?.cutoff ?? null;
  const cutoffDiffers = cutoff !== null && asOfOk && choices.asOf.trim() !== cutoff ? { asOf: choices.asOf.trim(), cutoff } : null;

  return { ...state, choices, reconciled, asOfOk, running, canGenerate, choose, togglePicked, recheck, writeBuiltin, generate, cancel, goTo: onGoTo, retryRegister, cutoffDiffers };
}
