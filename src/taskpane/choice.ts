/**
 * Which sheet is the ledger (台账) and which the dealer's statement (对账单): the rules of choosing,
 * apart from the components so they are tested without a browser.
 */
import type { Side } from "../core/model";
import type { SheetInfo } from "../port/workbook";
import type { PaneMessage } from "./messages";

export interface SheetChoice {
  ledger: string | null;
  statement: string | null;
}

export const NO_CHOICE: SheetChoice = { ledger: null, statement: null };

/** Workbook setting that remembers the choice, so reopening the pane picks up where the user was. */
export const CHOICE_SETTING = "taskpane.sheets";

export function choiceMessageKey(side: Side): string {
  return `choice-${side}`;
}

/**
 * Why `name` cannot be the `side` sheet, or null when it can. An empty sheet has nothing to read,
 * and reconciling a sheet against itself would only ever "agree".
 */
export function checkChoice(sheets: readonly SheetInfo[], choice: SheetChoice, side: Side, name: string): PaneMessage | null {
  const key = choiceMessageKey(side);
  const info = sheets.find((s) => s.name === name);
  if (!info) return { key, intent: "error", text: (t) => t.portError("no_sheet", name) };
  if (info.rowCount === 0 || info.columnCount === 0) {
    return { key, intent: "error", text: (t) => t.emptySheet(name) };
  }
  const other = side === "ledger" ? choice.statement : choice.ledger;
  if (other === name) return { key, intent: "error", text: (t) => t.sameSheet(name) };
  return null;
}

export function applyChoice(choice: SheetChoice, side: Side, name: string | null): SheetChoice {
  return side === "ledger" ? { ...choice, ledger: name } : { ...choice, statement: name };
}

/** After the sheet list changed (refresh, rename, delete): forget choices whose sheet is gone or empty. */
export function keepUsable(choice: SheetChoice, sheets: readonly SheetInfo[]): SheetChoice {
  const usable = (name: string | null): string | null => {
    if (name === null) return null;
    const info = sheets.find((s) => s.name === name);
    return info && info.rowCount > 0 && info.columnCount > 0 ? name : null;
  };
  const ledger = usable(choice.ledger);
  const statement = usable(choice.statement);
  return { ledger, statement: statement === ledger ? null : statement };
}

/** A choice read back from the workbook settings; anything malformed counts as no choice. */
export function choiceFromSetting(saved: unknown, sheets: readonly SheetInfo[]): SheetChoice {
  if (typeof saved !== "object" || saved === null) return NO_CHOICE;
  const { ledger, statement } = saved as { ledger?: unknown; statement?: unknown };
  return keepUsable(
    {
      ledger: typeof ledger === "string" ? ledger : null,
      statement: typeof statement === "string" ? statement : null,
    },
    sheets,
  );
}
