/**
 * Reconciles our ledger against a dealer's statement (对账): per dealer, pair every row possible,
 * explain the rest, and build the 余额调节表.
 */
import { compareDates, isIsoDate, toEpochDay } from "../dates";
import type { IsoDate, Opening } from "../model";
import { TableRefs, tableOf, type EntryTable } from "../read/entries";
import type { ReadIssue, UnreadRow } from "../read/types";
import { reconcileBalances } from "./balance";
import { normaliseDealerName } from "./dealers";
import { FirstPassScratch, matchDealer } from "./engine";
import { attachMatches } from "./matches";
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
  /** Positions of the dealer's entries among the side's rows. */
  entries: number[];
  openings: Opening[];
  excluded: number[];
  /** Rows of the dealer that could not be read (in neither balance). */
  unread: UnreadRow[];
  /** The dealer's name as written on this sheet's lowest row carrying it. */
  name: string | null;
  nameRow: number;
}

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

  const normalise = options.dealerKey ?? normaliseDealerName;
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

  // One key per entry, computed once: names repeat on every row, so the previous row's name is tried first.
  const lRows: EntryTable = ledger.table ?? tableOf(ledger.entries);
  const sRows: EntryTable = statement.table ?? tableOf(statement.entries);
  const keysOf = (side: SideInput, rows: EntryTable) => {
    const keys = new Array<Key>(rows.length);
    const names = new Set<string>();
    let lastName: string | null = null;
    let lastKey: Key = null;
    for (let n = 0; n < rows.length; n++) {
      const dealer = rows.dealers[n];
      if (dealer !== lastName) {
        lastName = dealer;
        lastKey = keyOf(dealer);
        if (lastKey !== null) names.add(lastKey);
      }
      keys[n] = lastKey;
    }
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
  const { keys: lKeys, names: lNames } = keysOf(ledger, lRows);
  const { keys: sKeys, names: sNames } = keysOf(statement, sRows);
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
        {
          code: "dealer_not_found",
          zh: `两张表中都找不到经销商「${opts.dealer}」，请检查名称`,
          en: `Dealer "${opts.dealer}" appears on neither sheet; check the name`,
        },
      ]);
    }
  } else if (lNames.size === 0 && sNames.size > 0) {
    if (sNames.size > 1) return report([], null, [dealerRequired(statement.sheet, ledger.sheet)]);
    lFallback = [...sNames][0];
  } else if (sNames.size === 0 && lNames.size > 0) {
    if (lNames.size > 1) return report([], null, [dealerRequired(ledger.sheet, statement.sheet)]);
    sFallback = [...lNames][0];
  }

  const group = (side: SideInput, rows: EntryTable, entryKeys: Key[], fallback: Key) => {
    const groups = new Map<Key, SideGroup>();
    const get = (k: Key) => {
      let g = groups.get(k);
      if (!g) {
        g = { entries: [], openings: [], excluded: [], unread: [], name: null, nameRow: Infinity };
        groups.set(k, g);
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
    for (let n = 0; n < rows.length; n++) {
      const row = rows.rows[n];
      const g = place(rows.dealers[n], entryKeys[n], row);
      if (!g) continue;
      const date = rows.dates[n];
      if (opts.asOf !== null && date !== null && compareDates(date, opts.asOf) > 0) g.excluded.push(row);
      else g.entries.push(n);
    }
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
    return groups;
  };
  const lGroups = group(ledger, lRows, lKeys, lFallback);
  const sGroups = group(statement, sRows, sKeys, sFallback);

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
  const empty: SideGroup = { entries: [], openings: [], excluded: [], unread: [], name: null, nameRow: Infinity };

  const sumOf = (rows: EntryTable, positions: number[]) => {
    let t = 0;
    for (const n of positions) t += rows.amounts[n];
    return t;
  };
  // Scratch space of this reconciliation (never shared between calls).
  const scratch = new FirstPassScratch();
  const lRefs = new TableRefs(lRows);
  const sRefs = new TableRefs(sRows);

  const dealers: DealerResult[] = keys.map((key) => {
    const lg = lGroups.get(key) ?? empty;
    const sg = sGroups.get(key) ?? empty;
    const m = matchDealer(
      { side: "ledger", refs: lRefs, positions: lg.entries },
      { side: "statement", refs: sRefs, positions: sg.entries },
      opts,
      reasonCtx,
      decisions,
      rejected,
      scratch,
    );
    for (const id of m.appliedDecisions) applied.add(id);
    for (const [d, k] of m.oneSidedKeys) oneSidedKeys.set(d, k);
    const lOpening = lg.openings.reduce((t, o) => t + o.amount, 0);
    const sOpening = sg.openings.reduce((t, o) => t + o.amount, 0);
    const lBalance = lOpening + sumOf(lRows, lg.entries);
    const sBalance = sOpening + sumOf(sRows, sg.entries);
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
      matches: [],
      differences,
      suggestions: m.suggestions,
      reconciliation,
      ruleCounts,
      subsetSearch: m.subsetSearch,
    };
    attachMatches(result, matches);
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
  const notes: { zh: string; en: string }[] = [];
  if (status === "no_statement") notes.push({ zh: "对账单中没有这家经销商的记录，未能核对，不能视为一致", en: "The statement has no rows for this dealer: not reconciled, not to be taken as agreeing" });
  if (status === "no_ledger") notes.push({ zh: "我方台账中没有这家经销商的记录，未能核对，不能视为一致", en: "Our ledger has no rows for this dealer: not reconciled, not to be taken as agreeing" });
  if (unread > 0) {
    notes.push({ zh: `有 ${unread} 行的金额或日期无法读取，未计入余额：改正后重新对账`, en: `${unread} row(s) with an amount or date that cannot be read are in neither balance: correct them and reconcile again` });
  }
  if (r.remainderNote) notes.push(r.remainderNote);
  r.remainderNote = { zh: notes.map((n) => n.zh).join("；"), en: notes.map((n) => n.en).join("; ") };
}

const UNREAD_WHAT: Record<ReadIssue["code"], { zh: (found: string) => string; en: (found: string) => string; fixZh: string; fixEn: string }> = {
  bad_amount: {
    zh: (f) => `「${f}」不是金额`,
    en: (f) => `"${f}" is not an amount`,
    fixZh: "请填写数字金额（如 1200.00），或删除这一行",
    fixEn: "write the amount as a number (such as 1200.00), or delete the row",
  },
  bad_direction: { zh: (f) => `「${f}」不是借贷方向`, en: (f) => `"${f}" is not a direction`, fixZh: "请填写“借”或“贷”", fixEn: "write 借 (debit) or 贷 (credit)" },
  bad_date: { zh: (f) => `「${f}」不是日期`, en: (f) => `"${f}" is not a date`, fixZh: "请填写日期（如 2026-10-31）", fixEn: "write a date (such as 2026-10-31)" },
  missing_date: { zh: () => "没有日期，上方也没有可沿用的日期", en: () => "has no date, and none above to carry down", fixZh: "请填写日期（如 2026-10-31）", fixEn: "write a date (such as 2026-10-31)" },
  missing_year: { zh: (f) => `「${f}」没有年份`, en: (f) => `"${f}" has no year`, fixZh: "请写出年份（如 2026-10-31）", fixEn: "write the year (such as 2026-10-31)" },
  no_header: { zh: () => "无法读取", en: () => "cannot be read", fixZh: "请改正该单元格", fixEn: "correct the cell" },
  no_amount_column: { zh: () => "无法读取", en: () => "cannot be read", fixZh: "请改正该单元格", fixEn: "correct the cell" },
  no_date_column: { zh: () => "无法读取", en: () => "cannot be read", fixZh: "请改正该单元格", fixEn: "correct the cell" },
  map_not_found: { zh: () => "无法读取", en: () => "cannot be read", fixZh: "请改正该单元格", fixEn: "correct the cell" },
};

/** One `unreadable` difference per cell that could not be read. */
function unreadDifferences(rows: readonly UnreadRow[], side: "ledger" | "statement"): Difference[] {
  const out: Difference[] = [];
  for (const u of rows) {
    for (const c of u.cells) {
      const what = UNREAD_WHAT[c.code];
      const cell = c.column === null ? null : `${c.column}${u.row}`;
      const where = { zh: `${u.sheet} ${cell ?? `第 ${u.row} 行`}${c.header ? `（${c.header}）` : ""}`, en: `${u.sheet} ${cell ?? `row ${u.row}`}${c.header ? ` (${c.header})` : ""}` };
      const lost = u.opening ? { zh: "期初余额未计入", en: "the opening balance is left out" } : { zh: "该行未计入余额", en: "the row is in neither balance" };
      out.push({
        kind: "unreadable",
        ledgerRows: side === "ledger" ? [u.row] : [],
        statementRows: side === "statement" ? [u.row] : [],
        amount: 0,
        ledgerAmount: 0,
        statementAmount: 0,
        reason: {
          code: "unreadable_cell",
          zh: `无法读取：${where.zh}${what.zh(c.found)}，${lost.zh}。${what.fixZh}`,
          en: `Cannot be read: ${where.en} ${what.en(c.found)}; ${lost.en}. ${what.fixEn.charAt(0).toUpperCase()}${what.fixEn.slice(1)}`,
        },
        rule: null,
        duplicateOf: null,
        otherDealer: null,
        sheet: u.sheet,
        cell,
        found: c.found,
        fix: { zh: what.fixZh, en: what.fixEn },
      });
    }
  }
  return out;
}

function dealerRequired(namedSheet: string, unnamedSheet: string): ReconcileProblem {
  return {
    code: "dealer_required",
    zh: `「${namedSheet}」含多个经销商，而「${unnamedSheet}」没有经销商列：请指定要对账的经销商`,
    en: `"${namedSheet}" holds several dealers and "${unnamedSheet}" has no dealer column: name the dealer to reconcile`,
  };
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
  const bad = (name: string, value: unknown, zhWhat: string, enWhat: string) =>
    problems.push({ code: "invalid_option", zh: `选项 ${name} 的值 ${String(value)} 无效：${zhWhat}`, en: `Option ${name} = ${String(value)} is invalid: ${enWhat}` });
  const pick = (name: keyof ResolvedOptions & string, min: number): number => {
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined || value === null) return DEFAULT_OPTIONS[name] as number;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
      bad(name, value, `应为不小于 ${min} 的整数`, `expected a whole number of at least ${min}`);
      return DEFAULT_OPTIONS[name] as number;
    }
    return value;
  };
  const asOf = options.asOf ?? null;
  if (asOf !== null && !isIsoDate(asOf)) bad("asOf", asOf, "日期应写作 YYYY-MM-DD", "expected a date as YYYY-MM-DD");
  const opts: ResolvedOptions = {
    asOf: asOf !== null && isIsoDate(asOf) ? asOf : null,
    amountToleranceFen: pick("amountToleranceFen", 0),
    dateWindowBefore: pick("dateWindowBefore", 0),
    dateWindowAfter: pick("dateWindowAfter", 0),
    feeToleranceFen: pick("feeToleranceFen", 0),
    subsetMaxItems: pick("subsetMaxItems", 2),
    subsetMaxNodes: pick("subsetMaxNodes", 1),
    subsetMaxCandidates: pick("subsetMaxCandidates", 2),
    inTransitDays: pick("inTransitDays", 0),
    dealer: options.dealer === undefined || options.dealer === null || options.dealer.trim() === "" ? null : options.dealer,
  };
  return { opts, problems };
}

