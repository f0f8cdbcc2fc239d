/**
 * Reconciles our ledger against a dealer's statement (对账): per dealer, pair every row possible,
 * explain the rest, and build the 余额调节表.
 */
import { msg, type Message } from "../messages";
import { compareDates, isIsoDate, toEpochDay } from "../dates";
import type { Fen, IsoDate, Opening } from "../model";
import { addFen, fen, sumFen } from "../money";
import { amountAt, TableRefs, tableOf, type EntryTable } from "../read/entries";
import type { ReadIssue, UnreadRow } from "../read/types";
import { reconcileBalances } from "./balance";
import { dealerKey } from "../values/refs";
import { MatchScratch, matchDealer } from "./engine";
import { prepareSide, type DealerColumn, type PreparedSide } from "./prepare";
import { wrongDealerReason, type ReasonContext } from "./reasons";
import {
  DEFAULT_OPTIONS,
  type DealerResult,
  type DealerStatus,
  type Difference,
  type MatchRule,
  type ReconcileOptions,
  type ReconcileProblem,
  type ReconcileReport,
  type ResolvedOptions,
  type SideInput,
} from "./types";

type Key = string | null;

interface SideGroup {
  /** Positions of the dealer's entries among the side's rows, in table order (a run of the side's `order`). */
  entries: Int32Array;
  /** Where that run starts in the side's `order`. */
  from: number;
  /** The group's number on its side (in the order groups were met). */
  index: number;
  openings: Opening[];
  excluded: number[];
  /** Rows of the dealer that could not be read (in neither balance). */
  unread: UnreadRow[];
  /** The dealer's name as written on this sheet's lowest row carrying it. */
  name: string | null;
  nameRow: number;
}

const NO_ENTRIES = new Int32Array(0);

// Unread cells first: until they are fixed, every figure below them is incomplete.
const KIND_ORDER: Record<Difference["kind"], number> = { unreadable: -1, amount_mismatch: 0, duplicate: 1, ledger_only: 2, statement_only: 3 };

export function reconcile(ledger: SideInput, statement: SideInput, options: ReconcileOptions = {}): ReconcileReport {
  const { opts, problems } = resolveOptions(options);
  const report = (dealers: DealerResult[], cutoff: IsoDate | null, extra: ReconcileProblem[] = [], stale: string[] = []): ReconcileReport => ({
    asOf: opts.asOf,
    cutoff,
    options: opts,
    dealers,
    problems: [...problems, ...extra],
    staleDecisions: stale,
  });
  if (problems.length > 0) return report([], null);

  const normalise = options.dealerKey ?? dealerKey;
  const cache = new Map<string, Key>();
  const keyOf = (name: string | null): Key => {
    if (name === null) return null;
    let k = cache.get(name);
    if (k === undefined) {
      const n = normalise(name);
      k = n === "" ? null : n;
      cache.set(name, k);
    }
    return k;
  };

  // The dealer's key of each distinct name, computed once: every row's name is a number into them.
  const lRows: EntryTable = ledger.table ?? tableOf(ledger.entries);
  const sRows: EntryTable = statement.table ?? tableOf(statement.entries);
  const lPrepared = ledger.prepared?.table === lRows ? ledger.prepared : prepareSide(lRows);
  const sPrepared = statement.prepared?.table === sRows ? statement.prepared : prepareSide(sRows);
  const keysOf = (side: SideInput, prepared: PreparedSide) => {
    const keys = prepared.dealers.names.map(keyOf);
    const names = new Set<string>();
    for (const k of keys) if (k !== null) names.add(k);
    for (const o of side.openings) {
      const k = keyOf(o.dealer);
      if (k !== null) names.add(k);
    }
    for (const u of side.unreadable ?? []) {
      const k = keyOf(u.dealer);
      if (k !== null) names.add(k);
    }
    return { keys, names };
  };
  const { keys: lKeys, names: lNames } = keysOf(ledger, lPrepared);
  const { keys: sKeys, names: sNames } = keysOf(statement, sPrepared);
  const filterKey = opts.dealer === null ? null : keyOf(opts.dealer);

  // Where rows without a dealer name go: to the sheet's only dealer, else (filter given, sheet without
  // names) to the dealer asked for, else to a group of their own.
  const fallbackFor = (names: Set<string>): Key => {
    if (names.size === 1) return [...names][0];
    if (names.size === 0 && filterKey !== null) return filterKey;
    return null;
  };
  let lFallback = fallbackFor(lNames);
  let sFallback = fallbackFor(sNames);
  if (filterKey !== null) {
    // Without names on either sheet the dealer asked for is the pair's, unless the ledger has nothing at
    // all (its rows were all another dealer's and left out when it was read).
    const nameless = lNames.size === 0 && sNames.size === 0;
    const ledgerEmpty = lRows.length === 0 && ledger.openings.length === 0 && (ledger.unreadable ?? []).length === 0;
    if (!lNames.has(filterKey) && !sNames.has(filterKey) && (!nameless || ledgerEmpty)) {
      return report([], null, [
        { code: "dealer_not_found", text: msg("reconcile.problem.dealer_not_found", { dealer: String(opts.dealer) }) },
      ]);
    }
  } else if (lNames.size === 0 && sNames.size > 0) {
    if (sNames.size > 1) return report([], null, [dealerRequired(statement.sheet, ledger.sheet)]);
    lFallback = [...sNames][0];
  } else if (sNames.size === 0 && lNames.size > 0) {
    if (lNames.size > 1) return report([], null, [dealerRequired(ledger.sheet, statement.sheet)]);
    sFallback = [...lNames][0];
  }

  const group = (side: SideInput, rows: EntryTable, dealers: DealerColumn, nameKeys: Key[], fallback: Key) => {
    const groups = new Map<Key, SideGroup>();
    // Each entry's group first, then the side's entries ordered group by group (table order inside one).
    const list: SideGroup[] = [];
    const counts: number[] = [];
    const groupOf = new Int32Array(rows.length);
    const get = (k: Key) => {
      let g = groups.get(k);
      if (!g) {
        g = { entries: NO_ENTRIES, from: 0, index: list.length, openings: [], excluded: [], unread: [], name: null, nameRow: Infinity };
        groups.set(k, g);
        list.push(g);
        counts.push(0);
      }
      return g;
    };
    const place = (dealer: string | null, own: Key, row: number): SideGroup | null => {
      const k = own ?? fallback;
      if (filterKey !== null && k !== filterKey) return null;
      const g = get(k);
      if (own !== null && row < g.nameRow) {
        g.name = dealer;
        g.nameRow = row;
      }
      return g;
    };
    // Each distinct name's group, found once (null: left out by the dealer asked for).
    const nameGroups: (SideGroup | null | undefined)[] = new Array(dealers.names.length);
    let nameless: SideGroup | null | undefined;
    const codes = dealers.codes;
    for (let n = 0; n < rows.length; n++) {
      const row = rows.rows[n];
      const code = codes[n];
      let g: SideGroup | null;
      if (code < 0) {
        if (nameless === undefined) nameless = place(null, null, row);
        g = nameless;
      } else {
        const known = nameGroups[code];
        if (known === undefined) g = nameGroups[code] = place(dealers.names[code], nameKeys[code], row);
        else {
          g = known;
          // The name as written on the group's lowest row carrying one.
          if (g !== null && nameKeys[code] !== null && row < g.nameRow) {
            g.name = dealers.names[code];
            g.nameRow = row;
          }
        }
      }
      if (!g) {
        groupOf[n] = -1;
        continue;
      }
      const date = rows.dates[n];
      if (opts.asOf !== null && date !== null && compareDates(date, opts.asOf) > 0) {
        g.excluded.push(row);
        groupOf[n] = -1;
      } else {
        groupOf[n] = g.index;
        counts[g.index]++;
      }
    }
    const order = new Int32Array(counts.reduce((t, c) => t + c, 0));
    const next: number[] = [];
    let at = 0;
    for (let k = 0; k < list.length; k++) {
      list[k].from = at;
      next.push(at);
      at += counts[k];
    }
    for (let n = 0; n < rows.length; n++) {
      const k = groupOf[n];
      if (k >= 0) order[next[k]++] = n;
    }
    for (let k = 0; k < list.length; k++) list[k].entries = order.subarray(list[k].from, list[k].from + counts[k]);
    for (const o of side.openings) {
      const g = place(o.dealer, keyOf(o.dealer), o.row);
      if (!g) continue;
      if (opts.asOf !== null && o.date !== null && compareDates(o.date, opts.asOf) > 0) g.excluded.push(o.row);
      else g.openings.push(o);
    }
    for (const u of side.unreadable ?? []) {
      const g = place(u.dealer, keyOf(u.dealer), u.row);
      if (!g) continue;
      // A row dated after the cut-off would not count even if it could be read.
      if (opts.asOf !== null && u.date !== null && compareDates(u.date, opts.asOf) > 0) g.excluded.push(u.row);
      else g.unread.push(u);
    }
    return { groups, order };
  };
  const { groups: lGroups, order: lOrder } = group(ledger, lRows, lPrepared.dealers, lKeys, lFallback);
  const { groups: sGroups, order: sOrder } = group(statement, sRows, sPrepared.dealers, sKeys, sFallback);

  const keys = [...new Set<Key>([...lGroups.keys(), ...sGroups.keys()])].sort((a, b) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1,
  );
  if (filterKey !== null && keys.length === 0) keys.push(filterKey);

  const cutoff = opts.asOf ?? latestDate(lRows, [...lGroups.values()], sRows, [...sGroups.values()]);
  const reasonCtx: ReasonContext = { cutoff, cutoffDay: cutoff === null ? null : toEpochDay(cutoff), inTransitDays: opts.inTransitDays };
  const decisions = options.decisions ?? [];
  const rejected = new Set(decisions.filter((d) => d.decision === "rejected").map((d) => d.id));
  const applied = new Set<string>();
  const oneSidedKeys = new Map<Difference, string>();
  const empty: SideGroup = { entries: NO_ENTRIES, from: 0, index: -1, openings: [], excluded: [], unread: [], name: null, nameRow: Infinity };

  const sumOf = (rows: EntryTable, positions: Int32Array): Fen => {
    let t = fen(0);
    for (const n of positions) t = addFen(t, amountAt(rows, n));
    return t;
  };
  // Scratch space of this reconciliation (never shared between calls).
  const scratch = new MatchScratch();
  const lRefs = new TableRefs(lRows);
  const sRefs = new TableRefs(sRows);

  const dealers: DealerResult[] = keys.map((key) => {
    const lg = lGroups.get(key) ?? empty;
    const sg = sGroups.get(key) ?? empty;
    const m = matchDealer(
      { side: "ledger", refs: lRefs, prepared: lPrepared, at: lOrder, positions: lg.entries, from: lg.from },
      { side: "statement", refs: sRefs, prepared: sPrepared, at: sOrder, positions: sg.entries, from: sg.from },
      opts,
      reasonCtx,
      decisions,
      rejected,
      scratch,
    );
    for (const id of m.appliedDecisions) applied.add(id);
    for (const [d, k] of m.oneSidedKeys) oneSidedKeys.set(d, k);
    const lOpening = sumFen(lg.openings, (o) => o.amount);
    const sOpening = sumFen(sg.openings, (o) => o.amount);
    const lBalance = addFen(lOpening, sumOf(lRows, lg.entries));
    const sBalance = addFen(sOpening, sumOf(sRows, sg.entries));
    const differences = [...unreadDifferences(lg.unread, "ledger"), ...unreadDifferences(sg.unread, "statement"), ...m.differences].sort(
      (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || firstRow(a.ledgerRows) - firstRow(b.ledgerRows) || firstRow(a.statementRows) - firstRow(b.statementRows),
    );
    // Matches stay in the order the passes made them (pass, then date): already deterministic, and
    // sorting a million of them again would cost more than making them.
    const matches = m.matches;
    const ruleCounts: Record<MatchRule, number> = { reference: 0, reference_total: 0, reference_in_text: 0, amount_date: 0, subset: 0, fee_pair: 0, user: 0 };
    matches.countRules(ruleCounts);
    // Fee pairs are amount mismatches, not matches: counted here so the pass's work shows beside the others'.
    for (const x of differences) if (x.rule === "fee_pair") ruleCounts.fee_pair++;
    const rows = (os: Opening[]) => os.map((o) => o.row).sort((a, b) => a - b);
    const name = lg.name ?? sg.name ?? (key === filterKey ? opts.dealer : null);
    const status: DealerStatus = !present(sg) ? "no_statement" : !present(lg) ? "no_ledger" : "reconciled";
    const reconciliation = reconcileBalances({
      ledgerOpening: lOpening,
      statementOpening: sOpening,
      ledgerOpeningRows: rows(lg.openings),
      statementOpeningRows: rows(sg.openings),
      ledgerBalance: lBalance,
      statementBalance: sBalance,
      differences,
      pending: m.pending,
    });
    settleStatus(reconciliation, status, lg.unread.length + sg.unread.length);
    const result: DealerResult = {
      dealer: name,
      dealerKey: key,
      status,
      ledger: {
        sheet: ledger.sheet,
        entries: lg.entries.length,
        openingBalance: lOpening,
        closingBalance: lBalance,
        excludedAfterCutoff: [...lg.excluded].sort((a, b) => a - b),
      },
      statement: {
        sheet: statement.sheet,
        entries: sg.entries.length,
        openingBalance: sOpening,
        closingBalance: sBalance,
        excludedAfterCutoff: [...sg.excluded].sort((a, b) => a - b),
      },
      matches,
      differences,
      suggestions: m.suggestions,
      reconciliation,
      ruleCounts,
      subsetSearch: m.subsetSearch,
    };
    return result;
  });

  if (dealers.length > 1) markWrongDealer(dealers, oneSidedKeys);
  const stale = decisions.filter((d) => d.decision === "confirmed" && !applied.has(d.id)).map((d) => d.id);
  return report(dealers, cutoff, [], [...new Set(stale)].sort());
}

function present(g: SideGroup): boolean {
  return g.entries.length + g.openings.length + g.excluded.length + g.unread.length > 0;
}

/**
 * A dealer one sheet does not have, or with rows that could not be read, is never called balanced,
 * whatever the arithmetic says: the note says why.
 */
function settleStatus(r: DealerResult["reconciliation"], status: DealerStatus, unread: number): void {
  if (status === "reconciled" && unread === 0) return;
  r.balanced = false;
  const notes: Message[] = [];
  if (status === "no_statement") notes.push(msg("reconcile.status.no_statement", {}));
  if (status === "no_ledger") notes.push(msg("reconcile.status.no_ledger", {}));
  if (unread > 0) notes.push(msg("reconcile.status.unread", { count: unread }));
  if (r.remainderNote) notes.push(r.remainderNote);
  r.remainderNote = msg("reconcile.status.notes", { notes });
}

/** What an unread cell holds and what to write there instead, by the reader's code. */
const UNREAD_WHAT: Record<ReadIssue["code"], { what: (found: string) => Message; fix: Message }> = {
  bad_amount: { what: (found) => msg("reconcile.unread.what.bad_amount", { found }), fix: msg("reconcile.unread.fix.amount", {}) },
  bad_direction: { what: (found) => msg("reconcile.unread.what.bad_direction", { found }), fix: msg("reconcile.unread.fix.direction", {}) },
  bad_date: { what: (found) => msg("reconcile.unread.what.bad_date", { found }), fix: msg("reconcile.unread.fix.date", {}) },
  missing_date: { what: () => msg("reconcile.unread.what.missing_date", {}), fix: msg("reconcile.unread.fix.date", {}) },
  missing_year: { what: (found) => msg("reconcile.unread.what.missing_year", { found }), fix: msg("reconcile.unread.fix.year", {}) },
  no_header: { what: () => msg("reconcile.unread.what.unreadable", {}), fix: msg("reconcile.unread.fix.cell", {}) },
  no_amount_column: { what: () => msg("reconcile.unread.what.unreadable", {}), fix: msg("reconcile.unread.fix.cell", {}) },
  no_date_column: { what: () => msg("reconcile.unread.what.unreadable", {}), fix: msg("reconcile.unread.fix.cell", {}) },
  map_not_found: { what: () => msg("reconcile.unread.what.unreadable", {}), fix: msg("reconcile.unread.fix.cell", {}) },
  uncomputed_formula: { what: () => msg("read.unread.what.uncomputed_formula", {}), fix: msg("read.unread.fix.uncomputed_formula", {}) },
  formula_error: { what: (found) => msg("read.unread.what.formula_error", { found }), fix: msg("read.unread.fix.formula_error", {}) },
};

function unreadWhere(sheet: string, cell: string | null, row: number, header: string | null | undefined): Message {
  if (cell !== null) return header ? msg("reconcile.unread.where.cell_header", { sheet, cell, header }) : msg("reconcile.unread.where.cell", { sheet, cell });
  return header ? msg("reconcile.unread.where.row_header", { sheet, row, header }) : msg("reconcile.unread.where.row", { sheet, row });
}

/** One `unreadable` difference per cell that could not be read. */
function unreadDifferences(rows: readonly UnreadRow[], side: "ledger" | "statement"): Difference[] {
  const out: Difference[] = [];
  for (const u of rows) {
    for (const c of u.cells) {
      const what = UNREAD_WHAT[c.code];
      const cell = c.column === null ? null : `${c.column}${u.row}`;
      const where = unreadWhere(u.sheet, cell, u.row, c.header);
      const lost = u.opening ? msg("reconcile.unread.lost.opening", {}) : msg("reconcile.unread.lost.row", {});
      out.push({
        kind: "unreadable",
        ledgerRows: side === "ledger" ? [u.row] : [],
        statementRows: side === "statement" ? [u.row] : [],
        amount: fen(0),
        ledgerAmount: fen(0),
        statementAmount: fen(0),
        reason: { code: "unreadable_cell", text: msg("reconcile.reason.unreadable", { where, what: what.what(c.found), lost, fix: what.fix }) },
        rule: null,
        duplicateOf: null,
        otherDealer: null,
        sheet: u.sheet,
        cell,
        found: c.found,
        fix: what.fix,
      });
    }
  }
  return out;
}

function dealerRequired(namedSheet: string, unnamedSheet: string): ReconcileProblem {
  return { code: "dealer_required", text: msg("reconcile.problem.dealer_required", { named: namedSheet, unnamed: unnamedSheet }) };
}

function firstRow(rows: number[]): number {
  return rows.length > 0 ? rows[0] : Infinity;
}

function latestDate(lRows: EntryTable, lGroups: SideGroup[], sRows: EntryTable, sGroups: SideGroup[]): IsoDate | null {
  let latest: IsoDate | null = null;
  const scan = (rows: EntryTable, groups: SideGroup[]) => {
    for (const g of groups) {
      for (const n of g.entries) {
        const date = rows.dates[n];
        if (date !== null && (latest === null || date > latest)) latest = date;
      }
    }
  };
  scan(lRows, lGroups);
  scan(sRows, sGroups);
  return latest;
}

/**
 * A row only we have under one dealer, and a row only the statements have under another, with the same
 * reference and amount: likely posted to the wrong dealer on one side.
 */
function markWrongDealer(dealers: DealerResult[], keys: Map<Difference, string>): void {
  const statementOnly = new Map<string, { diff: Difference; dealer: DealerResult }[]>();
  for (const dealer of dealers) {
    for (const diff of dealer.differences) {
      const k = keys.get(diff);
      if (diff.kind !== "statement_only" || k === undefined) continue;
      const list = statementOnly.get(k);
      if (list) list.push({ diff, dealer });
      else statementOnly.set(k, [{ diff, dealer }]);
    }
  }
  if (statementOnly.size === 0) return;
  for (const dealer of dealers) {
    for (const diff of dealer.differences) {
      const k = keys.get(diff);
      if (diff.kind !== "ledger_only" || k === undefined) continue;
      const other = statementOnly.get(k)?.find((o) => o.dealer !== dealer && o.diff.otherDealer === null);
      if (!other) continue;
      const there = other.dealer.dealer ?? "—";
      const here = dealer.dealer ?? "—";
      diff.reason = wrongDealerReason("ledger", there);
      diff.otherDealer = there;
      other.diff.reason = wrongDealerReason("statement", here);
      other.diff.otherDealer = here;
    }
  }
}

function resolveOptions(options: ReconcileOptions): { opts: ResolvedOptions; problems: ReconcileProblem[] } {
  const problems: ReconcileProblem[] = [];
  const bad = (name: string, value: unknown, what: Message) =>
    problems.push({ code: "invalid_option", text: msg("reconcile.problem.invalid_option", { name, value: String(value), what }) });
  const pick = (name: keyof ResolvedOptions & string, min: number): number => {
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined || value === null) return DEFAULT_OPTIONS[name] as number;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
      bad(name, value, msg("reconcile.option.whole_number", { min }));
      return DEFAULT_OPTIONS[name] as number;
    }
    return value;
  };
  const asOf = options.asOf ?? null;
  if (asOf !== null && !isIsoDate(asOf)) bad("asOf", asOf, msg("reconcile.option.date", {}));
  const opts: ResolvedOptions = {
    asOf: asOf !== null && isIsoDate(asOf) ? asOf : null,
    amountToleranceFen: fen(pick("amountToleranceFen", 0)),
    dateWindowBefore: pick("dateWindowBefore", 0),
    dateWindowAfter: pick("dateWindowAfter", 0),
    feeToleranceFen: fen(pick("feeToleranceFen", 0)),
    subsetMaxItems: pick("subsetMaxItems", 2),
    subsetMaxNodes: pick("subsetMaxNodes", 1),
    subsetMaxCandidates: pick("subsetMaxCandidates", 2),
    inTransitDays: pick("inTransitDays", 0),
    dealer: options.dealer === undefined || options.dealer === null || options.dealer.trim() === "" ? null : options.dealer,
  };
  return { opts, problems };
}

