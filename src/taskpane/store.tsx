/**
 * The pane store: what outlives a switch of views, one instance per pane (created by <App>, or by a
 * test), never a module-level map, so two panes (tests, the preview) never share one.
 *
 * - the last choices of each view (the reconciliation's form for a pair of sheets, the aging's date,
 *   dealer, basis and buckets, its collection papers' forms), so a view comes back as the user left it;
 * - the last results (the last reconciliation run, which the aging view builds on);
 * - the marks this pane laid and that are still there (the legend of 账龄分析 and the results text say so);
 * - the current confirmation of an action (shown beside the action, see components/ActionNote).
 *
 * Views read it through `usePane(select)` and change it only through the workflow hooks' events.
 */
import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from "react";
import type { MarkedStage } from "../app/reports/aging-marks";
import type { ReconcileRun, WrittenResults } from "../app/reconcile";
import type { LettersRun } from "../app/letters";
import type { ApprovalWritten, CreditRun } from "../app/credit";
import type { Decision } from "../core/reconcile/types";
import type { Capabilities } from "../port/workbook";
import { nextConfirmation, type Confirmation, type ConfirmationEvent } from "./confirmation";
import type { DemandForm, LimitationFilter, PromiseForm } from "./aging/useCollect";
import type { ReconcileForm } from "./reconcile/form";
import type { KindFilter, ResultItem } from "./reconcile/results";
import type { StaleWatch } from "./reconcile/stale-watch";

/** A finished reconciliation as the pane shows it. */
export interface ReconcileOutcome {
  run: ReconcileRun;
  items: ResultItem[];
  ledgerSheet: string;
  statementSheet: string;
  written: WrittenResults | null;
  /** A result sheet the user owns under our name (`not_ours`), left alone. */
  refused: string | null;
  capabilities: Capabilities;
  /** Fingerprints of both sheets' values as the run read them. */
  prints: ReadonlyMap<string, string>;
  /** The user's saved answers to suggestions for this pair of sheets, as the run used them. */
  decisions: Decision[];
  /** Every sheet of the ledger when it was kept one sheet per month (the first is `ledgerSheet`). */
  ledgerSheets?: string[];
  /** Tells whether the run's sheets changed since (Excel's change events, else their prints); stopped when a newer run replaces it. */
  watch?: StaleWatch | null;
}

export interface ReconcileMemory {
  form: ReconcileForm;
  /** The pair of sheets (`ledger|statement`) the form was made for. */
  formFor: string;
  filter: KindFilter;
}

export interface AgingChoices {
  asOf: string;
  /** One dealer of one ledger; another ledger shows all its dealers again. */
  dealer: { ledger: string; name: string } | null;
  soonToo: boolean;
  basis: "due" | "document";
  /** Bucket upper bounds as the user typed them. */
  buckets: string;
}

/** The 账龄 view's collection papers (催款函, 还款承诺书) as the user filled them, and the 时效 filter of its lists. */
export interface CollectChoices {
  filter: LimitationFilter;
  demand: DemandForm;
  promise: PromiseForm;
  /** The ledger (its sheet, or its monthly sheets) the forms' dealers were chosen from (see useCollect's `collectFor`). */
  ledger?: string | null;
}

/** The 函证 view's choices; `dealers` set by "为该经销商生成对账函" opens the view with those dealers picked. */
export interface LettersChoices {
  asOf: string;
  /** "builtin:positive" | "builtin:negative" | "builtin:movements" | "sheet:<name>". */
  template: string;
  mode: "all" | "reconciled" | "picked";
  picked: string[];
  /** Bumped when another view asks to show the 函证 view (the pane's navigation follows). */
  opened: number;
  /** The last letters made from this pane, shown again when the user comes back to the view. */
  last?: LettersRun | null;
}

/** The 信用 view's choices, its last run and its last approval (which can be taken back). */
export interface CreditChoices {
  asOf: string;
  approver: string;
  /** The balance table exposure comes from when no ledger is chosen: null not chosen (the first found), "" none. */
  balances: string | null;
  last?: { run: CreditRun; ledger: string | null; balances: string | null } | null;
  approval?: { dealer: string; written: ApprovalWritten } | null;
}

export interface PaneMarks {
  /**
   * The marks of the last reconciliation from this pane: `present` in the sheets, `cleared` since (the
   * results then say so instead of counting them), null when the run wrote none.
   */
  reconcile: "present" | "cleared" | null;
  /** Stages marked in a ledger from this pane, so the written sheets' legend matches them. */
  aging: { sheet: string; stages: readonly MarkedStage[] } | null;
}

export interface PaneState {
  reconcile: ReconcileMemory | null;
  lastReconcile: ReconcileOutcome | null;
  /** Sheets of the last reconciliation changed since it read them: its marks and row numbers no longer fit. */
  reconcileStale: string[];
  /** Null until the aging view first shows (it then starts from today's date). */
  aging: AgingChoices | null;
  /** Null until the user first fills a collection paper's form or filters by 时效. */
  collect?: CollectChoices | null;
  marks: PaneMarks;
  confirmation: Confirmation | null;
  /** Null until the 函证 view first shows or another view opens it for a dealer. */
  letters?: LettersChoices | null;
  /** Null until the 信用 view first shows. */
  credit?: CreditChoices | null;
  /** A ledger kept one sheet per month: every sheet read as the one ledger, in order (see ledger-sheets.ts). */
  ledgerSheets?: string[] | null;
}

export type PaneAction =
  | { type: "reconcile/remember"; memory: ReconcileMemory }
  | { type: "reconcile/result"; outcome: ReconcileOutcome }
  | { type: "reconcile/stale"; outcome: ReconcileOutcome | null; sheets: string[] }
  | { type: "aging/choose"; choices: Partial<AgingChoices> }
  | { type: "collect/choose"; choices: Partial<CollectChoices> }
  | { type: "marks"; reconcile?: PaneMarks["reconcile"]; aging?: PaneMarks["aging"] }
  | { type: "confirmation"; event: ConfirmationEvent }
  | { type: "letters/choose"; choices: Partial<LettersChoices> }
  | { type: "credit/choose"; choices: Partial<CreditChoices> }
  | { type: "ledger/sheets"; sheets: string[] | null }
  /** "为该经销商生成对账函": the 函证 view with these dealers picked. */
  | { type: "letters/open"; dealers: string[]; asOf?: string };

export const EMPTY_PANE: PaneState = {
  reconcile: null,
  lastReconcile: null,
  reconcileStale: [],
  aging: null,
  marks: { reconcile: null, aging: null },
  confirmation: null,
};

export function reducePane(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "reconcile/remember":
      return { ...state, reconcile: action.memory };
    case "reconcile/result":
      return { ...state, lastReconcile: action.outcome, reconcileStale: [], marks: { ...state.marks, reconcile: action.outcome.written ? "present" : null } };
    case "reconcile/stale":
      // News about an older run (its watch spoke late) is no news about the results shown.
      if (action.outcome !== state.lastReconcile) return state;
      if (action.sheets.length === state.reconcileStale.length && action.sheets.every((x, i) => x === state.reconcileStale[i])) return state;
      return { ...state, reconcileStale: action.sheets };
    case "aging/choose":
      // The first choice (from the view's defaults) must be complete; later ones patch it.
      return { ...state, aging: { ...(state.aging ?? DEFAULT_AGING_CHOICES), ...action.choices } };
    case "collect/choose":
      return { ...state, collect: { ...(state.collect ?? DEFAULT_COLLECT_CHOICES), ...action.choices } };
    case "marks":
      return {
        ...state,
        marks: {
          reconcile: action.reconcile !== undefined ? action.reconcile : state.marks.reconcile,
          aging: action.aging !== undefined ? action.aging : state.marks.aging,
        },
      };
    case "letters/choose":
      return { ...state, letters: { ...(state.letters ?? DEFAULT_LETTERS_CHOICES), ...action.choices } };
    case "ledger/sheets":
      return { ...state, ledgerSheets: action.sheets };
    case "credit/choose":
      return { ...state, credit: { ...(state.credit ?? DEFAULT_CREDIT_CHOICES), ...action.choices } };
    case "letters/open": {
      const prev = state.letters ?? DEFAULT_LETTERS_CHOICES;
      const asOf = action.asOf ?? prev.asOf;
      return { ...state, letters: { ...prev, asOf, mode: "picked", picked: [...action.dealers], opened: prev.opened + 1 } };
    }
    case "confirmation": {
      const next = nextConfirmation(state.confirmation, action.event);
      return next === state.confirmation ? state : { ...state, confirmation: next };
    }
  }
}

/** The aging view's choices before the user made any, but the date (today, read by the view). */
export const DEFAULT_AGING_CHOICES: AgingChoices = { asOf: "", dealer: null, soonToo: false, basis: "due", buckets: "30,60,90,180,365" };

export const DEFAULT_COLLECT_CHOICES: CollectChoices = {
  filter: "all",
  demand: { target: null, level: "auto", deadlineDays: "7" },
  promise: { dealer: null, amount: "", count: "3", first: "", every: "month", days: "30", mode: "equal", rows: [{ date: "", amount: "" }] },
};

export const DEFAULT_LETTERS_CHOICES: LettersChoices = { asOf: "", template: "builtin:positive", mode: "all", picked: [], opened: 0 };

export const DEFAULT_CREDIT_CHOICES: CreditChoices = { asOf: "", approver: "", balances: null };

export interface PaneStore {
  get(): PaneState;
  dispatch(action: PaneAction): void;
  subscribe(listener: () => void): () => void;
}

export function createPaneStore(initial: PaneState = EMPTY_PANE): PaneStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    dispatch(action) {
      const next = reducePane(state, action);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

const StoreContext = createContext<PaneStore | null>(null);

/** One store per pane: made on the first render unless the caller (a test) hands one in. */
export function PaneStoreProvider({ store, children }: { store?: PaneStore; children: ReactNode }): JSX.Element {
  const [own] = useState(() => store ?? createPaneStore());
  return <StoreContext.Provider value={own}>{children}</StoreContext.Provider>;
}

export function usePaneStore(): PaneStore {
  const store = useContext(StoreContext);
  // A programming error (a view rendered outside <App>), not a user-facing one.
  if (!store) throw new Error("usePaneStore() outside PaneStoreProvider");
  return store;
}

/** A part of the pane's state; the component renders again when that part changes. */
export function usePane<T>(select: (state: PaneState) => T): T {
  const store = usePaneStore();
  return useSyncExternalStore(store.subscribe, () => select(store.get()), () => select(store.get()));
}
