/**
 * Reading a sheet through the port: the grid from the workbook, the user's saved column choices from its
 * settings, and the reader in the core.
 */
import { balanceTableAsRead, combineSheetReads, readBalanceTable, readGrid, type BalanceTable, type CombinedReadResult, type ReadOptions, type ReadResult, type Role } from "../core/read";
import type { ReadOptions as PortReadOptions, ReadableWorkbook, WorkbookPort } from "../port/workbook";

/** Settings key holding every sheet's column choices: `{ [sheet]: { [role]: column number } }`. */
export const MAPPINGS_SETTING = "duizhang.mappings";

export type SavedMapping = Partial<Record<Role, number>>;

export async function loadMapping(port: ReadableWorkbook, sheet: string): Promise<SavedMapping> {
  const all = (await port.getSetting<Record<string, SavedMapping>>(MAPPINGS_SETTING)) ?? {};
  return all[sheet] ?? {};
}

/** Remember the user's column choices for a sheet; an empty mapping forgets them. */
export async function saveMapping(port: WorkbookPort, sheet: string, map: SavedMapping): Promise<void> {
  const all = { ...((await port.getSetting<Record<string, SavedMapping>>(MAPPINGS_SETTING)) ?? {}) };
  if (Object.keys(map).length === 0) delete all[sheet];
  else all[sheet] = map;
  await port.setSetting(MAPPINGS_SETTING, all);
}

/**
 * Read a sheet into entries. Column choices given in `options.map` win over the saved ones, which win
 * over what the reader detects.
 */
export async function readSheet(
  port: ReadableWorkbook,
  sheet: string,
  options: ReadOptions = {},
  control: PortReadOptions = {},
): Promise<ReadResult> {
  if (options.sheets !== undefined && options.sheets.length > 1) return readSheets(port, options.sheets, options, control);
  if (options.acceptBalanceTable) {
    const table = readBalanceTable(await port.readSheet(sheet, control), options.asOf);
    if (table !== null) return balanceTableAsRead(table);
  }
  // A port that can give the rows one at a time (a large CSV file) does: the reader never needs them all.
  const grid = port.readRows ? await port.readRows(sheet, control) : await port.readSheet(sheet, control);
  const saved = await loadMapping(port, sheet);
  return readGrid(grid, { ...options, map: { ...saved, ...(options.map ?? {}) } });
}

/** The sheet read as a balance table (科目余额表 / 往来余额表), or null when it is not one. `cutoff` is the user's. */
export async function readBalanceSheet(port: ReadableWorkbook, sheet: string, cutoff?: string, control: PortReadOptions = {}): Promise<BalanceTable | null> {
  return readBalanceTable(await port.readSheet(sheet, control), cutoff);
}

/**
 * A ledger kept one sheet per month, read as one: each sheet with its own saved column choices, then
 * combined (openings once, carry-overs checked, layouts compared; see `combineSheetReads`).
 */
export async function readSheets(port: ReadableWorkbook, sheets: readonly string[], options: ReadOptions = {}, control: PortReadOptions = {}): Promise<CombinedReadResult> {
  const results: ReadResult[] = [];
  const { sheets: _all, ...one } = options;
  for (const name of sheets) results.push(await readSheet(port, name, one, control));
  return combineSheetReads(results);
}

/** Reader problems that leave nothing to work with: the sheet is not a ledger or statement we can read. */
const FATAL_READ: ReadonlySet<string> = new Set(["no_header", "no_amount_column", "no_date_column", "map_not_found"]);

/** The first problem that makes a read result unusable, or null when it can be used. */
export function fatalReadIssue(result: ReadResult): ReadResult["errors"][number] | null {
  return result.errors.find((e) => FATAL_READ.has(e.code)) ?? null;
}
