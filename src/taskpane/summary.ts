/**
 * What the pane shows of a read: counts, skipped rows grouped by reason, where each error points,
 * the column choices for the mapping dropdowns. Pure, so it is tested without a browser.
 */
import type { ColumnMapping, ReadIssue, ReadResult, Role, SkipReason } from "../core/read/types";
import type { Selection, SheetInfo } from "../port/workbook";
import { columnLetter, columnNumber } from "../core/read/columns";

/** The user's column choices (role → Excel column number), as the reader takes them and the workbook settings keep them. */
export type ColumnMap = Partial<Record<Role, number>>;

export interface ColumnChoice {
  column: number;
  letter: string;
  /** Header text as the reader showed it, or "" when the reader did not name this column. */
  header: string;
}

/**
 * Every column of the sheet's used range, named by its header where the reader reported one.
 * `headers` (column → text) comes from the read when the use case provides it; mapped columns are
 * named from the mapping in any case.
 */
export function columnChoices(
  result: ReadResult,
  sheet: SheetInfo | undefined,
  headers?: ReadonlyMap<number, string>,
): ColumnChoice[] {
  const named = new Map<number, string>(headers ?? []);
  for (const m of Object.values(result.mapping)) if (m && !named.has(m.column)) named.set(m.column, m.header);
  const columns = new Set<number>(named.keys());
  if (sheet && sheet.columnCount > 0) {
    for (let c = sheet.left; c < sheet.left + sheet.columnCount; c++) columns.add(c);
  }
  return [...columns]
    .sort((a, b) => a - b)
    .map((column) => ({ column, letter: columnLetter(column), header: named.get(column) ?? "" }));
}

export interface EntryCounts {
  total: number;
  /** Rows that make the dealer owe more (sales, our sign). */
  increases: number;
  /** Rows that make the dealer owe less (receipts, returns, rebates). */
  decreases: number;
}

export function entryCounts(result: ReadResult): EntryCounts {
  let increases = 0;
  let decreases = 0;
  const amounts = result.table.amounts;
  for (let i = 0; i < amounts.length; i++) {
    if (amounts[i] > 0) increases++;
    else if (amounts[i] < 0) decreases++;
  }
  return { total: result.table.length, increases, decreases };
}

export interface SkippedGroup {
  reason: SkipReason;
  count: number;
  rows: number[];
}

/** Skipped rows grouped by reason, in the order the reasons first occur in the sheet. */
export function skippedByReason(result: ReadResult): SkippedGroup[] {
  const groups = new Map<SkipReason, SkippedGroup>();
  for (const s of result.skipped) {
    const g = groups.get(s.reason);
    if (g) {
      g.count++;
      g.rows.push(s.row);
    } else groups.set(s.reason, { reason: s.reason, count: 1, rows: [s.row] });
  }
  return [...groups.values()];
}

/** The cell an error points at, for `port.select`; a whole-row or whole-sheet issue selects the row. */
export function issueTarget(issue: ReadIssue): Selection {
  const row = Math.max(1, issue.row);
  const column = issue.column ? columnNumber(issue.column) : null;
  return column ? { sheet: issue.sheet, row, column } : { sheet: issue.sheet, row };
}

/** The mapping the user set by hand, as a map to save and to read with. */
export function userMap(mapping: ColumnMapping): ColumnMap {
  const map: ColumnMap = {};
  for (const [role, m] of Object.entries(mapping) as [Role, ColumnMapping[Role]][]) {
    if (m && m.source === "user") map[role] = m.column;
  }
  return map;
}

/**
 * The map after the user chose `column` for `role`. Only hand-set roles are kept: the rest stays
 * with detection, so a later change to the sheet's layout is still picked up for them.
 */
export function remap(mapping: ColumnMapping, role: Role, column: number): ColumnMap {
  return { ...userMap(mapping), [role]: column };
}

/** Roles shown first (mapped ones, in reading order) and the rest, folded away. */
export function rolesForDisplay(mapping: ColumnMapping, roles: readonly Role[]): { mapped: Role[]; unmapped: Role[] } {
  return {
    mapped: roles.filter((r) => mapping[r] !== undefined),
    unmapped: roles.filter((r) => mapping[r] === undefined),
  };
}

/**
 * Below this a detected column is a guess (a partial header match such as 单据 for 单号) worth a look;
 * exact header names and the user's own choices are at 1.
 */
export const CONFIDENT = 0.9;

export interface MappingReview {
  /** Detected with a guess: shown unfolded so the user checks them. */
  needsLook: Role[];
  /** Exact header names and the user's choices: folded away. */
  confident: Role[];
  unmapped: Role[];
}

/** The mapped roles split into those worth a look and those that are sure, in reading order. */
export function reviewMapping(mapping: ColumnMapping, roles: readonly Role[]): MappingReview {
  const review: MappingReview = { needsLook: [], confident: [], unmapped: [] };
  for (const role of roles) {
    const m = mapping[role];
    if (m === undefined) review.unmapped.push(role);
    else if (m.source === "user" || m.confidence >= CONFIDENT) review.confident.push(role);
    else review.needsLook.push(role);
  }
  return review;
}
