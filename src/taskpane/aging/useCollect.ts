/**
 * The 账龄 view's collection papers: demand letters (催款函) for one dealer or for every dealer past its
 * final deadline, the payment commitment (还款承诺书) form of one dealer with its schedule previewed as it
 * is typed, and the 时效 filter of the action list. It works beside useAgingRun on the run that hook
 * shows; the use cases come from the pane's context, so a test replaces them.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import type { AgingRun } from "../../app/aging";
import type { DemandRun, PromiseRun } from "../../app/collect";
import { scheduleProblemText } from "../../app/collect";
import { handSchedule, installmentSchedule, type DemandLevel, type Installment, type Interval } from "../../core/collect";
import { isIsoDate } from "../../core/dates";
import type { Fen, IsoDate } from "../../core/model";
import { decimalTextToFen } from "../../core/money";
import type { Selection, WorkbookPort } from "../../port/workbook";
import { useConfirmations } from "../components/ActionNote";
import { useLocale, useServices } from "../context";
import { messageFromFailure } from "../failure";
import type { PaneMessage } from "../messages";
import type { Message } from "../../core/messages";
import { render } from "../../messages/render";
import { DEFAULT_COLLECT_CHOICES, usePane, usePaneStore, type CollectChoices } from "../store";
import { COLLECT_STRINGS } from "./collect-strings";
import { todayIso } from "./model";

export const COLLECT_MESSAGE = { demand: "aging-demand", promise: "aging-promise" };
/** Where the confirmations of the two papers show. */
export const COLLECT_NOTE = { demand: "aging-demand", promise: "aging-promise" };

/** The 时效 filter of the aging view's lists. */
export type LimitationFilter = "all" | "expiring" | "expired";

/** A dealer's name, or every dealer past its final deadline. */
export type DemandTarget = { dealer: string } | { pastFinal: true };

export interface DemandForm {
  target: DemandTarget | null;
  level: DemandLevel | "auto";
  deadlineDays: string;
}

export interface PromiseForm {
  dealer: string | null;
  /** Yuan as typed; empty means the dealer's open balance. */
  amount: string;
  count: string;
  first: string;
  every: "month" | "days";
  days: string;
  /** 等额分期 (from count, first and interval, the default) or 逐期填写 (the rows typed by hand). */
  mode?: "equal" | "hand";
  /** The typed installments, date and yuan as typed, for 逐期填写. */
  rows?: HandRow[];
}

export interface HandRow {
  date: string;
  amount: string;
}

export type SchedulePreview = { ok: true; amount: Fen; installments: Installment[] } | { ok: false; message: string } | null;

export type CollectBusy = null | "demand" | "promise";

export interface CollectOptions {
  ledger: string | null;
  /** A ledger kept one sheet per month: every sheet read as the one ledger, `ledger` among them. */
  ledgerSheets?: readonly string[];
  run: AgingRun | null;
  /** The one dealer the view ages, or null for all: "all past their final deadline" then means the ones shown. */
  dealer?: string | null;
  report: (message: PaneMessage) => void;
  clear: (key: string) => void;
  onGoTo: (target: Selection) => void;
}

export interface CollectView {
  filter: LimitationFilter;
  setFilter(filter: LimitationFilter): void;
  /** Dealers with an item past its final deadline (not 待核对), in the run's order. */
  pastFinal: string[];
  /** Dealers of the run with an open balance. */
  owing: string[];
  demand: DemandForm;
  setDemand(patch: Partial<DemandForm>): void;
  deadlineOk: boolean;
  canDemand: boolean;
  generateDemands(): Promise<void>;
  demandRun: DemandRun | null;
  promise: PromiseForm;
  setPromise(patch: Partial<PromiseForm>): void;
  /** The open balance of the form's dealer, in fen (the amount's default). */
  openBalance: Fen | null;
  preview: SchedulePreview;
  canPromise: boolean;
  generatePromise(): Promise<void>;
  promiseRun: PromiseRun | null;
  busy: CollectBusy;
}

/** Days to pay as typed, or null when unusable. */
export function parseDeadlineDays(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 365 ? n : null;
}

/** Yuan as typed (`53,000.50`, `53000`) in fen, or null when unusable or not above zero. */
export function parseYuanText(text: string): Fen | null {
  const t = text.trim().replace(/[,，]/g, "");
  if (!/^\d+(\.\d{0,2})?$/.test(t)) return null;
  const fen = decimalTextToFen(t);
  return fen > 0 ? fen : null;
}

/** The schedule the form describes, or why it cannot be made; null while no dealer is chosen. */
export function previewSchedule(form: PromiseForm, openBalance: Fen | null, asOf: IsoDate | null, lang: "zh-CN" | "en-US"): SchedulePreview {
  if (form.dealer === null || openBalance === null) return null;
  const say = (zh: string, en: string) => (lang === "en-US" ? en : zh);
  let amount = openBalance;
  if (form.amount.trim() !== "") {
    const typed = parseYuanText(form.amount);
    if (typed === null) return { ok: false, message: say("承诺金额应为大于零的数字，如 53000 或 53000.50", "the amount must be a number above zero, e.g. 53000 or 53000.50") };
    amount = typed;
  }
  if (amount <= 0) return { ok: false, message: say("该经销商没有未收余额，请填写承诺金额", "this dealer owes nothing: type the amount") };
  if (form.mode === "hand") return previewHand(form.rows ?? [], amount, asOf, lang);
  const count = /^\d{1,3}$/.test(form.count.trim()) ? Number(form.count.trim()) : NaN;
  const first = form.first.trim();
  if (!isIsoDate(first)) return { ok: false, message: say("请填写第一期日期，如 2026-12-15", "enter the first installment's date, e.g. 2026-12-15") };
  if (asOf !== null && first < asOf) return { ok: false, message: say(`第一期日期不能早于账龄日期 ${asOf}`, `the first installment cannot be before the as-of date ${asOf}`) };
  let every: Interval = "month";
  if (form.every === "days") {
    const days = /^\d{1,3}$/.test(form.days.trim()) ? Number(form.days.trim()) : NaN;
    every = { days };
  }
  const s = installmentSchedule(amount, count, first, every);
  return s.ok ? { ok: true, amount, installments: s.installments } : { ok: false, message: scheduleProblemText(s.problem, lang) };
}

/**
 * The installments typed row by row: each a date and an amount, dates rising, adding up to the amount
 * to the fen (the same checks as `duizhang promise --schedule`).
 */
function previewHand(rows: readonly HandRow[], amount: Fen, asOf: IsoDate | null, lang: "zh-CN" | "en-US"): SchedulePreview {
  const say = (zh: string, en: string) => (lang === "en-US" ? en : zh);
  const lines: { date: IsoDate; amount: Fen }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const date = rows[i].date.trim();
    if (!isIsoDate(date)) return { ok: false, message: say(`请填写第 ${i + 1} 期日期，如 2026-12-15`, `enter installment ${i + 1}'s date, e.g. 2026-12-15`) };
    const fen = parseYuanText(rows[i].amount);
    if (fen === null) return { ok: false, message: say(`第 ${i + 1} 期金额应为大于零的数字，如 5000 或 5000.50`, `installment ${i + 1}'s amount must be a number above zero, e.g. 5000 or 5000.50`) };
    lines.push({ date, amount: fen });
  }
  if (lines.length > 0 && asOf !== null && lines[0].date < asOf) {
    return { ok: false, message: say(`第一期日期不能早于账龄日期 ${asOf}`, `the first installment cannot be before the as-of date ${asOf}`) };
  }
  const s = handSchedule(amount, lines);
  return s.ok ? { ok: true, amount, installments: s.installments } : { ok: false, message: scheduleProblemText(s.problem, lang) };
}

/** The ledger the forms' dealers belong to: its sheet, or its monthly sheets read as one. */
function collectLedgerKey(ledger: string | null, ledgerSheets?: readonly string[]): string | null {
  return ledgerSheets && ledgerSheets.length > 1 ? ledgerSheets.join("\n") : ledger;
}

/**
 * The forms as kept, for the ledger now chosen: filled for another ledger, the dealer-specific fields (the
 * 催款函's dealer, the 还款承诺书's dealer and amount) are dropped; the level, days to pay, installments and
 * the filter are kept.
 */
export function collectFor(choices: CollectChoices, ledger: string | null): CollectChoices {
  if ((choices.ledger ?? null) === ledger) return choices;
  const { demand, promise } = choices;
  return {
    ...choices,
    ledger,
    demand: demand.target !== null && "dealer" in demand.target ? { ...demand, target: null } : demand,
    promise: { ...promise, dealer: null, amount: "" },
  };
}

/** The papers read the ledger as the view aged it: several monthly sheets as one. */
function ledgerRef(port: WorkbookPort, sheet: string, many: string[] | null) {
  return many ? { port, sheet: many[0], read: { sheets: many } } : { port, sheet };
}

export function useCollect({ ledger, ledgerSheets, run, dealer = null, report, clear, onGoTo }: CollectOptions): CollectView {
  const { port, useCases } = useServices();
  const locale = useLocale();
  const { confirm, startAction } = useConfirmations();
  // The forms and the filter are the pane store's, so a switch of views keeps what the user typed.
  const store = usePaneStore();
  // Forms filled for another ledger (another sheet, other monthly sheets) come back without their dealers.
  const ledgerKey = collectLedgerKey(ledger, ledgerSheets);
  const stored = usePane((p) => p.collect ?? DEFAULT_COLLECT_CHOICES);
  const { filter, demand, promise } = useMemo(() => collectFor(stored, ledgerKey), [stored, ledgerKey]);
  const [busy, setBusy] = useState<CollectBusy>(null);
  const [demandRun, setDemandRun] = useState<DemandRun | null>(null);
  const [promiseRun, setPromiseRun] = useState<PromiseRun | null>(null);

  const asOf = run?.report.asOf ?? null;
  const pastFinal = useMemo(
    () => (run ? run.report.dealers.filter((d) => d.items.some((i) => !i.underReconciliation && i.finalDate < run.report.asOf)).map((d) => d.dealer) : []),
    [run],
  );
  const owing = useMemo(() => (run ? run.report.dealers.filter((d) => d.openBalance > 0).map((d) => d.dealer) : []), [run]);
  const openBalance = useMemo(() => {
    if (!run || promise.dealer === null) return null;
    return run.report.dealers.find((d) => d.dealer === promise.dealer)?.openBalance ?? null;
  }, [run, promise.dealer]);
  const preview = useMemo(() => previewSchedule(promise, openBalance, asOf, locale), [promise, openBalance, asOf, locale]);
  const deadlineOk = parseDeadlineDays(demand.deadlineDays) !== null;

  const many = ledgerSheets && ledgerSheets.length > 1 ? [...ledgerSheets] : null;
  const latest = useRef({ demand, promise, preview, ledger, asOf, locale, dealer, pastFinal, many });
  latest.current = { demand, promise, preview, ledger, asOf, locale, dealer, pastFinal, many };


  const setFilter = useCallback((next: LimitationFilter) => store.dispatch({ type: "collect/choose", choices: { filter: next } }), [store]);
  // Both forms are written back for this ledger: a form filled for another one loses its dealers first.
  const current = useCallback(() => collectFor(store.get().collect ?? DEFAULT_COLLECT_CHOICES, ledgerKey), [store, ledgerKey]);
  const setDemand = useCallback(
    (patch: Partial<DemandForm>) => {
      const c = current();
      store.dispatch({ type: "collect/choose", choices: { ...c, demand: { ...c.demand, ...patch } } });
    },
    [store, current],
  );
  // Another dealer drops the amount typed for the last one.
  const setPromise = useCallback(
    (patch: Partial<PromiseForm>) => {
      const c = current();
      const p = c.promise;
      store.dispatch({ type: "collect/choose", choices: { ...c, promise: { ...p, ...(patch.dealer !== undefined && patch.dealer !== p.dealer ? { amount: "" } : {}), ...patch } } });
    },
    [store, current],
  );

  const failure = useCallback(
    // Said in the pane's language when shown: a switch of language says the refusal again.
    (key: string, lines: readonly Message[]) => report({ key, intent: "error", text: (t) => lines.map((m) => render(m, t.locale)).join("\n") }),
    [report],
  );

  const generateDemands = useCallback(async () => {
    const { demand: form, ledger: sheet, asOf: date, locale: lang, dealer: only, pastFinal: shown } = latest.current;
    const days = parseDeadlineDays(form.deadlineDays);
    if (!sheet || !date || form.target === null || days === null) return;
    startAction();
    setBusy("demand");
    try {
      const result = await useCases.runDemands({
        ledger: ledgerRef(port, sheet, latest.current.many),
        asOf: date,
        sendDate: todayIso(new Date()),
        // While the view ages one dealer, "all past their final deadline" is the dealers it shows.
        dealers: "pastFinal" in form.target ? (only === null ? { pastFinal: true } : { names: shown }) : { names: [form.target.dealer] },
        level: form.level,
        deadlineDays: days,
        lang,
      });
      if (!result.ok) {
        const p = result.problem;
        failure(COLLECT_MESSAGE.demand, "messages" in p ? p.messages : [p.message]);
        return;
      }
      clear(COLLECT_MESSAGE.demand);
      const r = result.run;
      setDemandRun(r);
      const letters = r.letters.length;
      const sheets = r.sheets;
      confirm(
        COLLECT_NOTE.demand,
        (l) => (letters > 0 ? COLLECT_STRINGS[l].demandsWritten(letters, sheets) : COLLECT_STRINGS[l].demandsNone),
        letters > 0 ? "success" : "warning",
      );
      if (r.letters.length > 0) onGoTo({ sheet: r.letters[0].sheet, row: r.letters[0].firstRow, column: 1 });
    } catch (err) {
      report(messageFromFailure(err, COLLECT_MESSAGE.demand));
    } finally {
      setBusy(null);
    }
  }, [port, useCases, startAction, confirm, clear, report, failure, onGoTo]);

  const generatePromise = useCallback(async () => {
    const { promise: form, preview: p, ledger: sheet, asOf: date, locale: lang } = latest.current;
    if (!sheet || !date || form.dealer === null || p === null || !p.ok) return;
    startAction();
    setBusy("promise");
    try {
      const every: Interval = form.every === "month" ? "month" : { days: Number(form.days.trim()) };
      // The preview already checked the typed rows: the use case gets them as they were previewed.
      const installments =
        form.mode === "hand" ? { hand: p.installments.map((i) => ({ date: i.date, amount: i.amount })) } : { count: p.installments.length, first: form.first.trim(), every };
      const result = await useCases.runPromise({
        ledger: ledgerRef(port, sheet, latest.current.many),
        dealer: form.dealer,
        asOf: date,
        sendDate: todayIso(new Date()),
        amount: p.amount,
        installments,
        lang,
      });
      if (!result.ok) {
        const q = result.problem;
        failure(COLLECT_MESSAGE.promise, "messages" in q ? q.messages : [q.message]);
        return;
      }
      clear(COLLECT_MESSAGE.promise);
      const r = result.run;
      setPromiseRun(r);
      confirm(COLLECT_NOTE.promise, (l) => COLLECT_STRINGS[l].promiseWritten(r.commitment.number, r.sheet, r.planSheet));
      onGoTo({ sheet: r.sheet, row: 1, column: 1 });
    } catch (err) {
      report(messageFromFailure(err, COLLECT_MESSAGE.promise));
    } finally {
      setBusy(null);
    }
  }, [port, useCases, startAction, confirm, clear, report, failure, onGoTo]);

  return {
    filter,
    setFilter,
    pastFinal,
    owing,
    demand,
    setDemand,
    deadlineOk,
    canDemand: run !== null && busy === null && demand.target !== null && deadlineOk,
    generateDemands,
    demandRun,
    promise,
    setPromise,
    openBalance,
    preview,
    canPromise: run !== null && busy === null && preview !== null && preview.ok,
    generatePromise,
    promiseRun,
    busy,
  };
}
