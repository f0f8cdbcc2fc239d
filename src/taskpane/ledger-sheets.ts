/**
 * A ledger kept one sheet per month (`2026-07`, `2026-08`, … or `1月`, `2月`, …), chosen in the pane as one
 * ledger: which sheets are chosen (kept in the pane store, so a switch of views keeps them, and saved in the
 * workbook's settings, so they come back when it is opened again), which sheets are
 * named like the first one (the "select all like it" shortcut), and in which order they are read (the
 * workbook's: the first sheet's openings open the ledger). Pure, so it is tested without a browser.
 */
import type { SheetInfo } from "../port/workbook";

/**
 * A sheet name with its runs of digits made one placeholder: `2026-07` and `2026-8` are both `#-#`, `7月`
 * and `12月` are `#月`, `应收2026年7月` is `应收#年#月`. Names without digits have no shape (null): nothing is
 * "like" a sheet called 明细账.
 */
export function nameShape(name: string): string | null {
  const trimmed = name.trim();
  if (!/\d/.test(trimmed)) return null;
  return trimmed.replace(/\d+/g, "#");
}

/** Workbook setting that keeps the choice (a list of sheet names, two or more), beside the ledger and statement's (CHOICE_SETTING). */
export const LEDGER_SHEETS_SETTING = "taskpane.ledgerSheets";

/**
 * A choice (saved in the workbook, or kept by the pane) against the workbook's sheets now: the names still
 * there, in the workbook's order (null when fewer than two are left: one sheet is no choice), and the names
 * no longer there. Anything that is not a list of names counts as no choice.
 */
export function keepExisting(saved: unknown, sheets: readonly SheetInfo[]): { sheets: string[] | null; gone: string[] } {
  if (!Array.isArray(saved)) return { sheets: null, gone: [] };
  const names = saved.filter((n): n is string => typeof n === "string");
  const there = new Set(sheets.map((s) => s.name));
  const kept = inWorkbookOrder(sheets, names);
  const gone = [...new Set(names.filter((n) => !there.has(n)))];
  return { sheets: kept.length > 1 ? kept : null, gone };
}

/** Sheets of the workbook named like `name` (itself included), in the workbook's order; empty ones left out. */
export function sheetsLike(sheets: readonly SheetInfo[], name: string): string[] {
  const shape = nameShape(name);
  if (shape === null) return [];
  return sheets.filter((s) => s.rowCount > 0 && s.columnCount > 0 && nameShape(s.name) === shape).map((s) => s.name);
}

/** The chosen names in the workbook's order, each once; names no longer in the workbook left out. */
export function inWorkbookOrder(sheets: readonly SheetInfo[], names: Iterable<string>): string[] {
  const wanted = new Set(names);
  return sheets.filter((s) => wanted.has(s.name)).map((s) => s.name);
}

/**
 * The sheets read as the ledger: the stored choice while it still holds the pane's ledger sheet, else that
 * sheet alone (the user chose another ledger on some view). Empty when no ledger is chosen.
 */
export function ledgerSheetsOf(ledger: string | null, stored: readonly string[] | null | undefined): string[] {
  if (ledger === null) return [];
  if (stored && stored.length > 1 && stored.includes(ledger)) return [...stored];
  return [ledger];
}

/** A key that tells one choice of sheets from another (results made for other sheets are not shown). */
export function sheetsKey(sheets: readonly string[]): string {
  return sheets.join("\u0000");
}

/**
 * The choice after the user ticked or unticked `name` beside the ledger `ledger`: in the workbook's order.
 * The ledger sheet itself cannot be unticked here (it is chosen with the ledger field), nor can the
 * statement be added to its own ledger.
 */
export function toggleSheet(sheets: readonly SheetInfo[], current: readonly string[], ledger: string, name: string, statement: string | null): string[] {
  if (name === ledger || name === statement) return inWorkbookOrder(sheets, current.includes(ledger) ? current : [ledger, ...current]);
  const next = new Set(current.includes(ledger) ? current : [ledger, ...current]);
  if (next.has(name)) next.delete(name);
  else next.add(name);
  return inWorkbookOrder(sheets, next);
}
