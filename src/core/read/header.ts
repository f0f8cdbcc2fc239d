/**
 * Finding the header row (or two rows) below any title rows, and the columns' roles.
 */
import type { CellValue, Side } from "../model";
import { parseAmount } from "../values/amount";
import { parseDate } from "../values/date";
import { cellText } from "../values/text";
import { matchHeader, matchHeaderAnySide, normaliseHeader, type RoleMatch } from "./roles";
import type { Role } from "./types";

/** How far down the header is looked for: exports put a handful of title rows first, hand-made sheets more. */
export const HEADER_SCAN_ROWS = 60;

export interface HeaderColumn {
  /** Index within the grid row. */
  index: number;
  /** As shown: `top/bottom` for two-row headers. */
  label: string;
  /** Normalised texts this column's header can be recognised by (bottom, top, joined). */
  keys: string[];
}

export interface HeaderInfo {
  /** Grid row indexes of the header rows (one or two). */
  rows: number[];
  columns: HeaderColumn[];
  /** A year written in the header itself (`2026年` over split 月/日 columns). */
  year: number | null;
}

const YEAR_CELL = /((?:19|20)\d{2})\s*年/;
/** `客户：美达`, `日期：2026年3月5日`: a labelled value is a title line, never a column name. */
const LABELLED = /[:：]\s*\S/;

function isNumberish(value: CellValue): boolean {
  if (typeof value === "number" || value instanceof Date) return true;
  if (typeof value !== "string") return false;
  const t = value.trim();
  if (!/\d/.test(t)) return false;
  const a = parseAmount(t);
  if (a.ok && !a.blank) return true;
  return parseDate(t).ok;
}

interface RowScan {
  score: number;
  roles: number;
  nonEmpty: number;
  matched: number;
  numberish: boolean;
  labelled: boolean;
  matches: (RoleMatch | null)[];
  texts: string[];
}

function scanRow(row: CellValue[] | undefined): RowScan {
  const scan: RowScan = { score: 0, roles: 0, nonEmpty: 0, matched: 0, numberish: false, labelled: false, matches: [], texts: [] };
  if (!Array.isArray(row)) return scan;
  const best = new Map<Role, number>();
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    const text = typeof v === "string" ? cellText(v) : "";
    scan.texts.push(text);
    if (v === null || v === undefined || (typeof v === "string" && text === "")) {
      scan.matches.push(null);
      continue;
    }
    scan.nonEmpty++;
    if (isNumberish(v)) scan.numberish = true;
    const isLabelled = LABELLED.test(text);
    if (isLabelled) scan.labelled = true;
    const m = text === "" || isLabelled ? null : matchHeaderAnySide(normaliseHeader(text));
    scan.matches.push(m);
    if (m) {
      scan.matched++;
      best.set(m.role, Math.max(best.get(m.role) ?? 0, m.confidence));
    }
  }
  for (const conf of best.values()) scan.score += conf;
  scan.roles = best.size;
  return scan;
}

function headerLike(s: RowScan): boolean {
  return s.nonEmpty > 0 && !s.numberish && !s.labelled && s.matched > 0 && s.matched * 2 >= s.nonEmpty;
}

/** The second row adds something: a role under a cell the first row left blank, unnamed, or only grouped (`金额`). */
function complements(upper: RowScan, lower: RowScan): boolean {
  for (let c = 0; c < lower.matches.length; c++) {
    if (!lower.matches[c]) continue;
    const above = upper.matches[c] ?? null;
    if (above === null || above.role === "amount") return true;
  }
  return false;
}

export function findHeader(values: CellValue[][]): HeaderInfo | null {
  const limit = Math.min(values.length, HEADER_SCAN_ROWS);
  const scans: RowScan[] = [];
  let best = -1;
  for (let r = 0; r < limit; r++) {
    const s = scanRow(values[r]);
    scans.push(s);
    if (s.roles >= 2 && !s.numberish && (best < 0 || s.score > scans[best].score)) best = r;
  }
  if (best < 0) return null;
  let rows = [best];
  const below = best + 1 < limit ? scans[best + 1] : null;
  const above = best > 0 ? scans[best - 1] : null;
  if (below && headerLike(below) && complements(scans[best], below)) rows = [best, best + 1];
  else if (above && above.nonEmpty >= 2 && headerLike(above) && complements(above, scans[best])) rows = [best - 1, best];
  return buildHeader(values, rows, scans);
}

function buildHeader(values: CellValue[][], rows: number[], scans: RowScan[]): HeaderInfo {
  const width = rows.reduce((w, r) => Math.max(w, Array.isArray(values[r]) ? values[r].length : 0), 0);
  const columns: HeaderColumn[] = [];
  let year: number | null = null;
  const top = scans[rows[0]].texts;
  const bottom = rows.length === 2 ? scans[rows[1]].texts : null;
  let carried = "";
  for (let c = 0; c < width; c++) {
    const t = top[c] ?? "";
    const y = YEAR_CELL.exec(t);
    if (y && year === null) year = Number(y[1]);
    if (bottom === null) {
      columns.push({ index: c, label: t, keys: t === "" ? [] : [normaliseHeader(t)] });
      continue;
    }
    // A merged group title arrives in its first cell only: carry it over the cells below it.
    if (t !== "") carried = t;
    const b = bottom[c] ?? "";
    const upper = t !== "" ? t : b !== "" ? carried : "";
    const label = upper !== "" && b !== "" && upper !== b ? `${upper}/${b}` : b !== "" ? b : upper;
    const keys: string[] = [];
    if (b !== "") keys.push(normaliseHeader(b));
    if (t !== "") keys.push(normaliseHeader(t));
    if (label !== "") keys.push(normaliseHeader(label));
    columns.push({ index: c, label, keys });
  }
  return { rows, columns, year };
}

export interface Assigned {
  role: Role;
  column: HeaderColumn;
  confidence: number;
}

/** Each role to its best column, each column to one role; a separate signed `amount` only without debit/credit. */
export function assignRoles(header: HeaderInfo, side: Side): Assigned[] {
  const candidates: Assigned[] = [];
  for (const column of header.columns) {
    let best: RoleMatch | null = null;
    for (const key of column.keys) {
      const m = matchHeader(key, side);
      if (m && (best === null || m.confidence > best.confidence)) best = m;
    }
    if (best) candidates.push({ role: best.role, column, confidence: best.confidence });
  }
  candidates.sort((a, b) => b.confidence - a.confidence || a.column.index - b.column.index);
  const taken = new Set<Role>();
  const used = new Set<number>();
  const out: Assigned[] = [];
  for (const cand of candidates) {
    if (taken.has(cand.role) || used.has(cand.column.index)) continue;
    taken.add(cand.role);
    used.add(cand.column.index);
    out.push(cand);
  }
  return out;
}
