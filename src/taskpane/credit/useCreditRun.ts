/**
 * The 信用 view's workflow: what the workbook holds for credit (the applications with their problems, the
 * balance tables, the register and the scorecard, read when the view opens and on request), the choices
 * (as-of date, approver, the balance table exposure comes from when no ledger is chosen: kept in the pane
 * store), the run, and the commands: make an application sheet, write the scorecard, approve a suggestion
 * into 信用档案 and take the approval back, mark the over-limit rows and clear those marks, write the credit
 * sheet. Every call goes through the injected use cases; the view renders what this returns.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { CreditProblem, CreditRun, CreditSurvey } from "../../app/credit";
import type { ApplicationError, DealerCredit, ExposureLine } from "../../core/credit";
import { formatFenGrouped } from "../../core/money";
import { columnNumber } from "../../core/read/columns";
import { render } from "../../messages/render";
import type { Selection } from "../../port/workbook";
import { useConfirmations } from "../components/ActionNote";
import { useLocale, useServices } from "../context";
import { failureText, messageFromFailure } from "../failure";
import type { Locale, Strings } from "../i18n";
import type { PaneMessage } from "../messages";
import { DEFAULT_CREDIT_CHOICES, usePane, usePaneStore, type CreditChoices } from "../store";
import { isUsableAsOf, todayIso } from "../aging/model";
import { CREDIT_STRINGS, type ExposureStatusKey } from "./strings";

export const CREDIT_MESSAGE = { survey: "credit-survey", run: "credit-run", command: "credit-command" };

/** Where the view's confirmations show. */
export const CREDIT_NOTE = { template: "credit-template", scorecard: "credit-scorecard", marks: "credit-marks", write: "credit-write", approve: (dealer: string) => `credit-approve:${dealer}` };

/** The sheet reps fill; a second one gets a number. */
const APPLICATION_SHEET = "信用申请表";

export type SurveyState = { state: "checking" } | { state: "done"; survey: CreditSurvey } | { state: "failed" };

export type CreditStatus =
  | { state: "idle" }
  | { state: "running" }
  | { state: "done"; run: CreditRun; ledger: string | null; balances: string | null }
  | { state: "refused"; problem: CreditProblem }
  /** `message`: the failure as the pane says it (what the port said, where it said something), in the pane's language. */
  | { state: "failed"; message: (t: Strings) => string };

export type CreditBusy = null | "template" | "scorecard" | "approve" | "undo" | "mark" | "clear" | "write";

export interface CreditRunState {
  survey: SurveyState;
  status: CreditStatus;
  busy: CreditBusy;
  /** Bumped to read the workbook again. */
  version: number;
}

export type CreditEvent = { type: "survey"; survey: SurveyState } | { type: "status"; status: CreditStatus } | { type: "busy"; busy: CreditBusy } | { type: "again" };

export const INITIAL_CREDIT: CreditRunState = { survey: { state: "checking" }, status: { state: "idle" }, busy: null, version: 0 };

export function reduceCredit(state: CreditRunState, event: CreditEvent): CreditRunState {
  switch (event.type) {
    case "survey":
      return { ...state, survey: event.survey };
    case "status":
      return { ...state, status: event.status };
    case "busy":
      return { ...state, busy: event.busy };
    case "again":
      return { ...state, version: state.version + 1 };
  }
}

/** A problem as the view lists it: its text, and the cell to select when it names one. */
export interface ProblemLine {
  text: string;
  target: Selection | null;
}

/** `B7` of a sheet as a selection, or null for text that is not a cell. */
export function cellTarget(sheet: string, cell: string): Selection | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(cell.trim().toUpperCase());
  const column = m ? columnNumber(m[1]) : null;
  return m && column !== null ? { sheet, row: Number(m[2]), column } : null;
}

export function applicationErrorLines(errors: readonly ApplicationError[], locale: Locale): ProblemLine[] {
  return errors.map((e) => ({ text: render(e.text, locale), target: cellTarget(e.sheet, e.cell) }));
}

/** A dealer's score breakdown and limit arithmetic as the view lists them, in the pane's language. */
export interface CreditLines {
  breakdown: { label: string; value: string; points: number; max: number }[];
  suggestion: string[];
}

/**
 * The default items and the arithmetic are said in the pane's language; an item the user named on the
 * 评分标准 sheet, and values such as a guarantee's choice, are shown as written.
 */
export function creditLines(d: DealerCredit, locale: Locale): CreditLines {
  const separator = CREDIT_STRINGS[locale].lineSeparator;
  return {
    breakdown: d.score.breakdown.map((b) => ({ label: render(b.text, locale), value: b.valueText ? render(b.valueText, locale) : b.value, points: b.points, max: b.max })),
    suggestion: d.suggestion.lines.map((l) => `${render(l.text, locale)}${separator}${l.value}`),
  };
}

/** A dealer's exposure as the view says it: the figure, or "cannot be read" with why (each cell), never 0. */
export interface ExposureShown {
  status: ExposureStatusKey;
  /** The status in words. */
  statusText: string;
  exposure: string;
  /** Why the exposure cannot be read: each cell of its balance-table row at fault and what to do; else empty. */
  why: string[];
}

export function exposureShown(d: Pick<DealerCredit | ExposureLine, "exposure" | "status" | "exposureUnknown">, locale: Locale): ExposureShown {
  const s = CREDIT_STRINGS[locale];
  const status: ExposureStatusKey = d.exposure === null || d.status === null ? "unknown" : d.status;
  return {
    status,
    statusText: s.status[status],
    exposure: d.exposure === null ? s.exposureUnread : formatFenGrouped(d.exposure),
    why: d.exposureUnknown.map((m) => render(m, locale)),
  };
}

/** A refused run's problems, each naming its sheet and cell where it has them. */
export function problemLines(problem: CreditProblem, locale: Locale): ProblemLine[] {
  const s = CREDIT_STRINGS[locale];
  switch (problem.code) {
    case "applications":
      return applicationErrorLines(problem.errors, locale);
    case "no_applications":
      return [{ text: s.noneFound, target: null }];
    case "scorecard":
      return problem.problems.map((p) => ({ text: render(p.text, locale), target: { sheet: problem.sheet, row: p.row, column: p.column } }));
    case "ledger_unreadable":
    case "not_balance_table":
      return [{ text: render(problem.message, locale), target: null }];
  }
}

/** The first sheet name free of `base`, `base 2`, `base 3`… */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const names = new Set(taken);
  let name = base;
  for (let i = 2; names.has(name); i++) name = `${base} ${i}`;
  return name;
}

export interface CreditRunOptions {
  ledger: string | null;
  /** Bumped when the user refreshes the sheet list: the workbook is read again. */
  generation?: number;
  report: (message: PaneMessage) => void;
  clear: (key: string) => void;
  onGoTo: (target: Selection) => void;
  /** The caller's today (tests fix it); default the computer's date. */
  today?: string;
}

export interface CreditRunView extends CreditRunState {
  choices: CreditChoices;
  asOfOk: boolean;
  running: boolean;
  canRun: boolean;
  /** The balance table exposure comes from: none while a ledger is chosen. */
  balances: string | null;
  run: CreditRun | null;
  /** The last approval, which can still be taken back. */
  approval: CreditChoices["approval"] | null;
  choose(patch: Partial<Pick<CreditChoices, "asOf" | "approver" | "balances">>): void;
  rescan(): void;
  score(): Promise<void>;
  makeSheet(): Promise<boolean>;
  writeScorecard(): Promise<boolean>;
  approve(dealer: DealerCredit): Promise<void>;
  undoApproval(): Promise<void>;
  mark(): Promise<void>;
  clearMarks(): Promise<boolean>;
  write(): Promise<void>;
  goTo(target: Selection): void;
}

export function useCreditRun({ ledger, generation = 0, report, clear, onGoTo, today }: CreditRunOptions): CreditRunView {
  const { port, useCases } = useServices();
  const store = usePaneStore();
  const locale = useLocale();
  const { confirm, startAction } = useConfirmations();
  const stored = usePane((p) => p.credit ?? null);
  const day = today ?? todayIso(new Date());
  const choices: CreditChoices = useMemo(() => stored ?? { ...DEFAULT_CREDIT_CHOICES, asOf: day }, [stored, day]);
  const [state, dispatch] = useReducer(reduceCredit, undefined, () =>
    stored?.last ? { ...INITIAL_CREDIT, status: { state: "done", ...stored.last } as CreditStatus } : INITIAL_CREDIT,
  );
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // The first showing starts from today's date; the choices then stay in the store.
  useEffect(() => {
    if (!stored) store.dispatch({ type: "credit/choose", choices: { asOf: day } });
  }, [stored, store, day]);

  // What the workbook holds: on showing, on "look again", after a sheet was made, on a refreshed sheet list.
  useEffect(() => {
    let live = true;
    dispatch({ type: "survey", survey: { state: "checking" } });
    useCases.surveyCredit(port).then(
      (survey) => {
        if (!live || !alive.current) return;
        dispatch({ type: "survey", survey: { state: "done", survey } });
        clear(CREDIT_MESSAGE.survey);
      },
      (err: unknown) => {
        if (!live || !alive.current) return;
        dispatch({ type: "survey", survey: { state: "failed" } });
        report(messageFromFailure(err, CREDIT_MESSAGE.survey));
      },
    );
    return () => {
      live = false;
    };
  }, [useCases, port, report, clear, state.version, generation]);

  const tables = state.survey.state === "done" ? state.survey.survey.balanceTables : [];
  // A balance table chosen as the ledger gives exposure, not entries.
  const ledgerIsTable = ledger !== null && tables.some((t) => t.sheet === ledger);
  const entriesLedger = ledgerIsTable ? null : ledger;
  // Without a ledger, exposure comes from a balance table: the one chosen, else the first found ("" is none).
  const balances = ledgerIsTable
    ? ledger
    : ledger !== null
      ? null
      : choices.balances === ""
        ? null
        : ((tables.find((t) => t.sheet === choices.balances) ?? tables[0])?.sheet ?? null);
  const asOfOk = isUsableAsOf(choices.asOf);
  const running = state.status.state === "running";
  const canRun = asOfOk && !running && state.busy === null && state.survey.state !== "checking";
  // A run again (after an approval) keeps the last results on screen, so what the user unfolded stays open.
  const run = state.status.state === "done" ? state.status.run : running ? (stored?.last?.run ?? null) : null;

  const latest = useRef({ choices, ledger: entriesLedger, balances, status: state.status, locale, day });
  latest.current = { choices, ledger: entriesLedger, balances, status: state.status, locale, day };

  const score = useCallback(async () => {
    const { choices: c, ledger: l, balances: b, locale: lang } = latest.current;
    if (!isUsableAsOf(c.asOf)) return;
    clear(CREDIT_MESSAGE.run);
    dispatch({ type: "status", status: { state: "running" } });
    try {
      const result = await useCases.runCredit({
        applications: port,
        ...(l ? { ledger: { port, sheet: l } } : {}),
        ...(b ? { balances: { port, sheet: b } } : {}),
        asOf: c.asOf.trim(),
        lang,
      });
      if (!alive.current) return;
      // The run looked at every sheet once: what it found is what the workbook holds now.
      dispatch({ type: "survey", survey: { state: "done", survey: result.survey } });
      if (!result.ok) {
        dispatch({ type: "status", status: { state: "refused", problem: result.problem } });
        return;
      }
      const last = { run: result.run, ledger: l, balances: b };
      dispatch({ type: "status", status: { state: "done", ...last } });
      store.dispatch({ type: "credit/choose", choices: { last } });
    } catch (err) {
      if (!alive.current) return;
      // Said once, where the scoring shows, under its own title: not again in the pane's messages.
      dispatch({ type: "status", status: { state: "failed", message: failureText(err) } });
    }
  }, [useCases, port, store, clear]);

  /** One command on the workbook: busy while it runs, reported on failure. */
  const command = useCallback(
    async (busy: Exclude<CreditBusy, null>, work: () => Promise<void>): Promise<boolean> => {
      startAction();
      dispatch({ type: "busy", busy });
      try {
        await work();
        clear(CREDIT_MESSAGE.command);
        return true;
      } catch (err) {
        if (alive.current) report(messageFromFailure(err, CREDIT_MESSAGE.command));
        return false;
      } finally {
        if (alive.current) dispatch({ type: "busy", busy: null });
      }
    },
    [startAction, clear, report],
  );

  const makeSheet = useCallback(
    () =>
      command("template", async () => {
        const name = freeSheetName(APPLICATION_SHEET, (await port.listSheets()).map((x) => x.name));
        const made = await useCases.writeApplicationTemplate(port, latest.current.locale, name);
        confirm(CREDIT_NOTE.template, (l) => {
          const s = CREDIT_STRINGS[l];
          return s.made(made.sheet) + (made.validation && made.protection ? "" : ` ${s.madeWithout(made.validation, made.protection)}`);
        });
        dispatch({ type: "again" });
        onGoTo({ sheet: made.sheet, row: 1, column: 1 });
      }),
    [command, useCases, port, confirm, onGoTo],
  );

  const writeScorecard = useCallback(
    () =>
      command("scorecard", async () => {
        await useCases.ensureScorecardSheet(port);
        confirm(CREDIT_NOTE.scorecard, (l) => CREDIT_STRINGS[l].scorecardWritten("评分标准"));
        dispatch({ type: "again" });
      }),
    [command, useCases, port, confirm],
  );

  const approve = useCallback(
    async (dealer: DealerCredit) => {
      const st = latest.current.status;
      const approver = latest.current.choices.approver.trim();
      if (st.state !== "done" || approver === "") return;
      const done = await command("approve", async () => {
        // Approved today; the scoring's as-of date is kept in the register's 评估日 column where it has one.
        const written = await useCases.approveCredit(port, { dealer, approver, approved: latest.current.day, asOf: st.run.result.asOf });
        store.dispatch({ type: "credit/choose", choices: { approval: { dealer: dealer.dealer, written } } });
        const v = written.values;
        confirm(CREDIT_NOTE.approve(dealer.dealer), (l) =>
          CREDIT_STRINGS[l].approved({
            dealer: dealer.dealer,
            sheet: written.undo.sheet,
            row: written.row,
            created: written.created,
            grade: v.grade,
            limit: formatFenGrouped(v.limit),
            term: v.termDays,
            rated: v.rated,
            asOf: v.asOf,
            next: v.nextReview,
            approver: v.approver,
          }),
        );
      });
      // The register now rules over the suggestion: score again to show it.
      if (done) await score();
    },
    [command, useCases, port, store, confirm, score],
  );

  const undoApproval = useCallback(async () => {
    const a = store.get().credit?.approval;
    if (!a) return;
    await command("undo", async () => {
      const r = await useCases.undoApproval(port, a.written.undo);
      store.dispatch({ type: "credit/choose", choices: { approval: null } });
      const { sheet, row } = a.written.undo;
      if (r.ok) confirm(CREDIT_NOTE.approve(a.dealer), (l) => CREDIT_STRINGS[l].undone(a.dealer, sheet, row));
      else confirm(CREDIT_NOTE.approve(a.dealer), (l) => CREDIT_STRINGS[l].undoRefused(sheet, row, a.dealer), "warning");
    });
    if (latest.current.status.state === "done") await score();
  }, [command, useCases, port, store, confirm, score]);

  const mark = useCallback(async () => {
    const st = latest.current.status;
    if (st.state !== "done") return;
    await command("mark", async () => {
      const r = await useCases.markOverLimit(port, st.run.result, st.ledger ? { sheet: st.ledger, readSheet: st.ledger } : null, st.run.register?.sheet);
      const over = st.run.result.exposures.some((e) => e.status === "over");
      confirm(CREDIT_NOTE.marks, (l) => (over ? CREDIT_STRINGS[l].marked(r.ledgerRows, st.ledger, r.registerRows) : CREDIT_STRINGS[l].nothingToMark));
    });
  }, [command, useCases, port, confirm]);

  const clearMarks = useCallback(
    () =>
      command("clear", async () => {
        await useCases.clearCreditMarks(port);
        confirm(CREDIT_NOTE.marks, (l) => CREDIT_STRINGS[l].cleared);
      }),
    [command, useCases, port, confirm],
  );

  const write = useCallback(async () => {
    const st = latest.current.status;
    if (st.state !== "done") return;
    await command("write", async () => {
      const sheet = await useCases.writeCreditResults(port, st.run, latest.current.locale);
      confirm(CREDIT_NOTE.write, (l) => CREDIT_STRINGS[l].sheetWritten(sheet));
      onGoTo({ sheet, row: 1, column: 1 });
    });
  }, [command, useCases, port, confirm, onGoTo]);

  const choose = useCallback((patch: Partial<Pick<CreditChoices, "asOf" | "approver" | "balances">>) => store.dispatch({ type: "credit/choose", choices: patch }), [store]);
  const rescan = useCallback(() => dispatch({ type: "again" }), []);

  return {
    ...state,
    choices,
    asOfOk,
    running,
    canRun,
    balances,
    run,
    approval: stored?.approval ?? null,
    choose,
    rescan,
    score,
    makeSheet,
    writeScorecard,
    approve,
    undoApproval,
    mark,
    clearMarks,
    write,
    goTo: onGoTo,
  };
}
