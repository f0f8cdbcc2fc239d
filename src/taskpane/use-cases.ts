/**
 * The use cases (src/app) as the pane calls them: one object, handed to the pane by its entry
 * (index.tsx, the preview) and reached by views and workflow hooks through `useUseCases()` only, so a
 * test replaces any of them (a failing write, a slow run) without touching the workbook.
 *
 * `APP_USE_CASES` loads each use case's module on its first call: the pane's first load stays its
 * frame, and the matching, aging and undo code comes with the view that needs it.
 */
import type {
  clearReconcileMarks,
  loadDecisions,
  removeDecision,
  runReconcile,
  saveDecision,
  writeReconcileResults,
} from "../app/reconcile";
import type { clearAgingMarks, markAgingRows, runAging, saveDefaultTermDays, writeAgingResults } from "../app/aging";
import type { undoEverything } from "../app/undo";
import type { runDemands, runPromise } from "../app/collect";
import type { checkTemplate, readCompany, readRegisterStatus, runLetters, writeBuiltinTemplate } from "../app/letters";
import type {
  approveCredit,
  clearCreditMarks,
  ensureScorecardSheet,
  markOverLimit,
  runCredit,
  surveyCredit,
  undoApproval,
  writeApplicationTemplate,
  writeCreditResults,
} from "../app/credit";
import type { readBalanceSheet } from "../app/read";
import type { ReadOptions, ReadResult } from "../core/read/types";
import type { WorkbookPort } from "../port/workbook";
import type { ColumnMap } from "./summary";

/** The reading use cases (src/app/read.ts). */
export interface ReadUseCases {
  /** Reads a sheet with the mapping saved for it in the workbook, overridden by `options.map`. */
  readSheet(port: WorkbookPort, sheet: string, options: ReadOptions): Promise<ReadResult>;
  /** Saves the user's column choices for a sheet in the workbook settings. */
  saveMapping(port: WorkbookPort, sheet: string, map: ColumnMap): Promise<void>;
  /** The sheet read as a balance table (余额表), or null when it is not one. */
  readBalanceSheet: typeof readBalanceSheet;
}

export interface ReconcileUseCases {
  runReconcile: typeof runReconcile;
  writeReconcileResults: typeof writeReconcileResults;
  loadDecisions: typeof loadDecisions;
  saveDecision: typeof saveDecision;
  removeDecision: typeof removeDecision;
  clearReconcileMarks: typeof clearReconcileMarks;
}

export interface AgingUseCases {
  runAging: typeof runAging;
  markAgingRows: typeof markAgingRows;
  clearAgingMarks: typeof clearAgingMarks;
  writeAgingResults: typeof writeAgingResults;
  saveDefaultTermDays: typeof saveDefaultTermDays;
}

export interface LettersUseCases {
  readCompany: typeof readCompany;
  checkTemplate: typeof checkTemplate;
  writeBuiltinTemplate: typeof writeBuiltinTemplate;
  runLetters: typeof runLetters;
  readRegisterStatus: typeof readRegisterStatus;
}

/** The 账龄 view's collection papers (src/app/collect.ts). */
export interface CollectUseCases {
  runDemands: typeof runDemands;
  runPromise: typeof runPromise;
}

/** The 信用 view's (src/app/credit.ts). */
export interface CreditUseCases {
  writeApplicationTemplate: typeof writeApplicationTemplate;
  surveyCredit: typeof surveyCredit;
  ensureScorecardSheet: typeof ensureScorecardSheet;
  runCredit: typeof runCredit;
  approveCredit: typeof approveCredit;
  undoApproval: typeof undoApproval;
  markOverLimit: typeof markOverLimit;
  clearCreditMarks: typeof clearCreditMarks;
  writeCreditResults: typeof writeCreditResults;
}

export interface UndoUseCases {
  undoEverything: typeof undoEverything;
}

/** Everything the pane asks of src/app. Later views (letters, demand letters, credit) add theirs here. */
export type UseCases = ReadUseCases & ReconcileUseCases & AgingUseCases & LettersUseCases & CollectUseCases & CreditUseCases & UndoUseCases;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...args: any[]) => Promise<unknown>;

/** A use case whose module is fetched on its first call (webpack makes the module a chunk of its own or shares it). */
function later<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  const call = async (...args: unknown[]): Promise<unknown> => {
    const module = await load();
    return (module[name] as unknown as AnyFunction)(...args);
  };
  return call as unknown as M[K];
}

const read = () => import("../app/read");
const reconcile = () => import("../app/reconcile");
const aging = () => import("../app/aging");
const undo = () => import("../app/undo");
const letters = () => import("../app/letters");
const collect = () => import("../app/collect");
const credit = () => import("../app/credit");

export const APP_USE_CASES: UseCases = {
  readSheet: later(read, "readSheet"),
  saveMapping: later(read, "saveMapping"),
  readBalanceSheet: later(read, "readBalanceSheet"),
  runReconcile: later(reconcile, "runReconcile"),
  writeReconcileResults: later(reconcile, "writeReconcileResults"),
  loadDecisions: later(reconcile, "loadDecisions"),
  saveDecision: later(reconcile, "saveDecision"),
  removeDecision: later(reconcile, "removeDecision"),
  clearReconcileMarks: later(reconcile, "clearReconcileMarks"),
  runAging: later(aging, "runAging"),
  markAgingRows: later(aging, "markAgingRows"),
  clearAgingMarks: later(aging, "clearAgingMarks"),
  writeAgingResults: later(aging, "writeAgingResults"),
  saveDefaultTermDays: later(aging, "saveDefaultTermDays"),
  readCompany: later(letters, "readCompany"),
  checkTemplate: later(letters, "checkTemplate"),
  writeBuiltinTemplate: later(letters, "writeBuiltinTemplate"),
  runLetters: later(letters, "runLetters"),
  readRegisterStatus: later(letters, "readRegisterStatus"),
  runDemands: later(collect, "runDemands"),
  runPromise: later(collect, "runPromise"),
  writeApplicationTemplate: later(credit, "writeApplicationTemplate"),
  surveyCredit: later(credit, "surveyCredit"),
  ensureScorecardSheet: later(credit, "ensureScorecardSheet"),
  runCredit: later(credit, "runCredit"),
  approveCredit: later(credit, "approveCredit"),
  undoApproval: later(credit, "undoApproval"),
  markOverLimit: later(credit, "markOverLimit"),
  clearCreditMarks: later(credit, "clearCreditMarks"),
  writeCreditResults: later(credit, "writeCreditResults"),
  undoEverything: later(undo, "undoEverything"),
};
