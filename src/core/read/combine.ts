/**
 * One ledger kept one sheet per month (`2026-07`, `2026-08`, … or `1月`, `2月`, …): the sheets' read results,
 * in the order given, combined into one. Entries keep their own sheet and row. The opening balance is taken
 * once per dealer, from the first sheet that has the dealer (for a dealer the first sheet lists, the first
 * sheet); a later sheet's 期初余额 / 上月结转 row is a carry-over, checked against the running balance and
 * never added. A sheet whose columns differ from the first sheet's is named with what differs.
 */
import type { Fen, IsoDate, Opening } from "../model";
import { addFen, fen } from "../money";
import { dealerKey } from "../values/refs";
import { amountAt, concatTables, emptyTable } from "./entries";
import type { ColumnMapping, ReadResult, Role } from "./types";

/** A later sheet's opening row, compared with the balance carried from the sheets before it. */
export interface CarryCheck {
  sheet: string;
  row: number;
  dealer: string | null;
  /** Openings plus every entry of the dealer in the sheets before (our sign). */
  expected: Fen;
  /** What the row says. */
  found: Fen;
  agrees: boolean;
}

/** How a sheet's columns differ from the first sheet's. */
export interface LayoutDifference {
  sheet: string;
  /** Roles the first sheet has and this one lacks. */
  missing: Role[];
  /** Roles this sheet has and the first lacks. */
  extra: Role[];
  /** Roles found under another header text than on the first sheet. */
  renamed: { role: Role; first: string; here: string }[];
  /** The sheet is read as the other side (a statement among ledger months, or the reverse). */
  otherSide: boolean;
}

export interface CombinedReadResult extends ReadResult {
  /** The sheets read, in order. */
  sheets: string[];
  carried: CarryCheck[];
  layoutDifferences: LayoutDifference[];
}

/** Whether two sheets were read with the same columns: the same roles under the same header texts. */
export function sameLayout(a: ColumnMapping, b: ColumnMapping): boolean {
  const ra = Object.keys(a).sort();
  const rb = Object.keys(b).sort();
  if (ra.join() !== rb.join()) return false;
  return ra.every((r) => a[r as Role]!.header === b[r as Role]!.header);
}

function layoutDifference(first: ReadResult, other: ReadResult): LayoutDifference | null {
  const roles = (m: ColumnMapping) => Object.keys(m) as Role[];
  const missing = roles(first.mapping).filter((r) => !other.mapping[r]);
  const extra = roles(other.mapping).filter((r) => !first.mapping[r]);
  const renamed = roles(first.mapping)
    .filter((r) => other.mapping[r] && other.mapping[r]!.header !== first.mapping[r]!.header)
    .map((r) => ({ role: r, first: first.mapping[r]!.header, here: other.mapping[r]!.header }));
  const otherSide = other.side !== first.side;
  if (missing.length === 0 && extra.length === 0 && renamed.length === 0 && !otherSide) return null;
  return { sheet: other.sheet, missing, extra, renamed, otherSide };
}

const minDate = (a: IsoDate | undefined, b: IsoDate | undefined) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);
const maxDate = (a: IsoDate | undefined, b: IsoDate | undefined) => (a === undefined ? b : b === undefined ? a : a > b ? a : b);

/**
 * The sheets' results as one ledger. `results` must be in the ledger's order (the first sheet's openings
 * open it). Pure: the inputs are not changed. One result is returned as it is, with the added fields.
 */
export function combineSheetReads(results: readonly ReadResult[]): CombinedReadResult {
  if (results.length === 0) throw new Error("combineSheetReads needs at least one sheet");
  const first = results[0];
  const combined: CombinedReadResult = {
    ...first,
    table: emptyTable(),
    openings: [],
    openingBalance: fen(0),
    closingBalance: fen(0),
    dealers: [],
    skipped: [],
    errors: [],
    unreadable: [],
    balanceCheck: { checked: false, firstMismatchRow: null, mismatches: 0 },
    hiddenRowCount: 0,
    sheets: results.map((r) => r.sheet),
    carried: [],
    layoutDifferences: [],
  };
  const running = new Map<string, Fen>();
  const seen = new Map<string, string | null>();
  const dealerNames = new Map<string, string>();
  const asOf = first.asOf;
  // Sheets without a dealer column are one dealer's book, whether or not each title names it.
  const oneDealer = results.every((r) => r.mapping.dealer === undefined);
  const keyOf = (d: string | null): string => (oneDealer ? "" : dealerKey(d ?? ""));
  let titleDealer: string | null | undefined = first.dealer;
  for (const r of results) {
    if (r !== first) {
      const diff = layoutDifference(first, r);
      if (diff) combined.layoutDifferences.push(diff);
      if (titleDealer !== undefined && r.dealer !== null && titleDealer !== null && dealerKey(r.dealer) !== dealerKey(titleDealer)) titleDealer = null;
      combined.periodFrom = minDate(combined.periodFrom, r.periodFrom);
      combined.periodTo = maxDate(combined.periodTo, r.periodTo);
    }
    const openingsHere = new Set<number>();
    for (const o of r.openings) {
      const key = keyOf(o.dealer);
      if (!seen.has(key)) {
        const opening: Opening = { ...o };
        combined.openings.push(opening);
        combined.openingBalance = addFen(combined.openingBalance, o.amount);
        running.set(key, addFen(running.get(key) ?? fen(0), o.amount));
        openingsHere.add(o.row);
      } else {
        const expected = running.get(key) ?? fen(0);
        combined.carried.push({ sheet: r.sheet, row: o.row, dealer: o.dealer, expected, found: o.amount, agrees: expected === o.amount });
      }
    }
    for (const o of r.openings) seen.set(keyOf(o.dealer), o.dealer);
    const t = r.table;
    for (let i = 0; i < t.length; i++) {
      const key = keyOf(t.dealers[i]);
      seen.set(key, t.dealers[i]);
      const amount = amountAt(t, i);
      running.set(key, addFen(running.get(key) ?? fen(0), amount));
      if (t.afterAsOf[i] === 0) combined.closingBalance = addFen(combined.closingBalance, amount);
    }
    for (const d of r.dealers) if (!dealerNames.has(dealerKey(d))) dealerNames.set(dealerKey(d), d);
    for (const s of r.skipped) {
      // A later sheet's opening row is a carry-over there, as a later 期初 row is within one sheet.
      const carried = s.reason === "opening" && r !== first && !openingsHere.has(s.row);
      combined.skipped.push({ ...s, sheet: r.sheet, ...(carried ? { reason: "carried" as const } : {}) });
    }
    combined.errors.push(...r.errors);
    combined.unreadable!.push(...(r.unreadable ?? []));
    combined.hiddenRowCount += r.hiddenRowCount;
    const check = r.balanceCheck;
    if (check.checked) combined.balanceCheck.checked = true;
    combined.balanceCheck.mismatches += check.mismatches;
    if (check.firstMismatchRow !== null && combined.balanceCheck.firstMismatchRow === null) {
      combined.balanceCheck = { ...combined.balanceCheck, firstMismatchRow: check.firstMismatchRow, firstMismatchSheet: r.sheet, expected: check.expected, found: check.found };
    }
  }
  combined.table = concatTables(results.map((r) => r.table));
  combined.closingBalance = addFen(combined.closingBalance, combined.openingBalance);
  combined.dealers = [...dealerNames.values()];
  combined.dealer = titleDealer ?? null;
  if (asOf !== undefined) combined.asOf = asOf;
  return combined;
}
