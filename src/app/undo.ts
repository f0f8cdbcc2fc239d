/**
 * Taking back everything the add-in put into a workbook: the marks on the user's sheets, the result
 * sheets it created and, on request, the settings it saved. The user's own sheets, values and formats are
 * never touched (they were never changed: marks lie over them).
 */
import type { WorkbookPort } from "../port/workbook";
import { AGING_GROUP } from "./reports/aging-marks";
import { RECONCILE_GROUP } from "./reports/marks";
import { DEFAULT_TERM_SETTING } from "./aging";
import { CREDIT_GROUP } from "./credit";
import { MAPPINGS_SETTING } from "./read";
import { DECISIONS_SETTING, RECONCILE_CHOICE_SETTING } from "./reconcile";

/** Every mark group the add-in uses. */
export const MARK_GROUPS = [RECONCILE_GROUP, AGING_GROUP, CREDIT_GROUP] as const;

/** Settings the use cases keep in the workbook. */
export const USE_CASE_SETTINGS = [MAPPINGS_SETTING, DECISIONS_SETTING, RECONCILE_CHOICE_SETTING, DEFAULT_TERM_SETTING] as const;

export interface UndoOptions {
  /** Also forget saved column choices, decisions and choices (default false: they help next time). */
  forgetSettings?: boolean;
  /** Further settings keys to forget with them (the pane's own). */
  extraSettings?: readonly string[];
}

export interface UndoResult {
  sheetsRemoved: string[];
  settingsForgotten: string[];
}

export async function undoEverything(port: WorkbookPort, options: UndoOptions = {}): Promise<UndoResult> {
  for (const group of MARK_GROUPS) await port.clearMarks(group);
  const sheetsRemoved: string[] = [];
  for (const name of await port.ownSheets()) {
    await port.deleteSheet(name);
    sheetsRemoved.push(name);
  }
  const settingsForgotten: string[] = [];
  if (options.forgetSettings) {
    for (const key of [...USE_CASE_SETTINGS, ...(options.extraSettings ?? [])]) {
      if ((await port.getSetting(key)) === undefined) continue;
      await port.setSetting(key, undefined);
      settingsForgotten.push(key);
    }
  }
  return { sheetsRemoved, settingsForgotten };
}
