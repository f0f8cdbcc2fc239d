/**
 * Matching for one dealer, in passes from the most precise to the least (as BlackLine and Oracle ARCS
 * do): confirmed decisions, duplicates, then passes 1-5 (exact, or within the amount tolerance), then
 * pass 6, which pairs one payment or sale booked with two slightly different amounts as one amount
 * mismatch; every row is claimed at most once and what is left is one-sided.
 *
 * Everything is keyed (maps by reference and amount, day-sorted arrays with binary search), so the
 * work grows with the number of rows, not with its square; only the small candidate sets of passes
 * 4 and 5 are compared pairwise, and they are capped.
 *
 * Determinism: both sides are sorted by (date, sheet, row) first, and every later choice is ordered by
 * stable keys, never by input order; ties between sides are broken without regard to which side is
 * which, so swapping the sheets swaps the result.
 */
import type { Fen, IsoDate, Side } from "../model";
import type { EntryRows } from "../read/entries";
import { pairingId, type IdPart } from "./ids";
import { descriptionRefCandidates, isUsableRefKey, refKey } from "./refs";
import { duplicateReason, feeReason, mismatchReason, oneSidedReason, type ReasonContext } from "./reasons";
import { MatchList } from "./matches";
import { searchSubsets } from "./subset";
import type { Decision, Difference, MatchRule, ResolvedOptions, SubsetSearchStats, Suggestion } from "./types";

const FREE = 0;
const CLAIMED = 1;
const PENDING = 2;

/** A row inside the engine. */
export interface Item {
  side: Side;
  /** The side's rows, and this one's position among them (its references are looked up only when needed). */
  rows: EntryRows;
  at: number;
  sheet: string;
  row: number;
  day: number | null;
  amount: Fen;
  /** Primary reference as a match key, or null. */
  ref: string | null;
  state: number;
  /** Position in its side's sorted array. */
  idx: number;
  description: string;
  date: IsoDate | null;
}

export function itemAt(side: Side, rows: EntryRows, at: number): Item {
  const primary = rows.primaryRefAt(at);
  const ref = primary === null ? "" : refKey(primary);
  const date = rows.dateAt(at);
  return {
    side,
    rows,
    at,
    sheet: rows.sheetAt(at),
    row: rows.rowAt(at),
    day: date === null ? null : fastEpochDay(date),
    amount: rows.amountAt(at),
    ref: ref === "" ? null : ref,
    state: FREE,
    idx: -1,
    description: rows.descriptionAt(at),
    date,
  };
}

/** Every usable reference of the row as a match key, primary first (only needed for the few rows pass 3 sees). */
function refsOf(item: Item): string[] {
  const refs: string[] = [];
  if (item.ref !== null && isUsableRefKey(item.ref)) refs.push(item.ref);
  for (const r of item.rows.refsAt(item.at)) {
    const k = refKey(r);
    if (isUsableRefKey(k) && !refs.includes(k)) refs.push(k);
  }
  return refs;
}

/**
 * Days since 1970-01-01 straight from the characters of a valid `YYYY-MM-DD` (same result as
 * `toEpochDay`, without building a Date or a substring: this runs once per row on a million rows).
 */
export function fastEpochDay(date: IsoDate): number {
  const digit = (i: number) => date.charCodeAt(i) - 48;
  let y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const m = digit(5) * 10 + digit(6);
  const d = digit(8) * 10 + digit(9);
  // Civil-from-days arithmetic with March as the first month, so leap days fall at the year's end.
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Order by date (undated last), sheet, row: the stable key used for every tie. */
export function compareItems(a: Item, b: Item): number {
  if (a.day !== b.day) {
    if (a.day === null) return 1;
    if (b.day === null) return -1;
    return a.day - b.day;
  }
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  return a.row - b.row;
}

/**
 * Rows with the same signature are interchangeable: picking either changes nothing but a row number.
 * The reference is left out on purpose: rows reaching the passes that use this had no reference in
 * common with their counterpart, so a reference cannot tell the candidates apart.
 */
function signature(item: Item): string {
  return `${item.day}|${item.amount}|${item.description}`;
}

const part = (i: Item): IdPart => ({ sheet: i.sheet, row: i.row, amount: i.amount });
const rowsOf = (items: Item[]) => (items.length === 1 ? [items[0].row] : items.map((i) => i.row).sort((a, b) => a - b));
const total = (items: Item[]) => items.reduce((t, i) => t + i.amount, 0);
const NO_GAP = 1_000_000;

interface Edge {
  l: Item;
  s: Item;
  diff: number;
  gap: number;
  /** 0 when both rows carry the same description, else 1: the weakest evidence, used last. */
  text: number;
}

function edge(l: Item, s: Item): Edge {
  return {
    l,
    s,
    diff: Math.abs(l.amount - s.amount),
    gap: l.day === null || s.day === null ? NO_GAP : Math.abs(l.day - s.day),
    text: l.description.trim() === s.description.trim() ? 0 : 1,
  };
}

function compareEdges(a: Edge, b: Edge): number {
  if (a.diff !== b.diff) return a.diff - b.diff;
  if (a.gap !== b.gap) return a.gap - b.gap;
  if (a.text !== b.text) return a.text - b.text;
  // Compare the pairs as unordered pairs, so the order does not depend on which sheet is the ledger.
  const [aLo, aHi] = compareItems(a.l, a.s) <= 0 ? [a.l, a.s] : [a.s, a.l];
  const [bLo, bHi] = compareItems(b.l, b.s) <= 0 ? [b.l, b.s] : [b.s, b.l];
  return compareItems(aLo, bLo) || compareItems(aHi, bHi) || compareItems(a.l, b.l);
}

export interface DealerMatching {
  matches: MatchList;
  differences: Difference[];
  suggestions: Suggestion[];
  /** Rows that sit in open suggestions, per side, sorted. */
  pending: { ledger: Item[]; statement: Item[] };
  subsetSearch: SubsetSearchStats;
  /** Ids of confirmed decisions applied here. */
  appliedDecisions: string[];
  /** For one-sided differences with a reference: "reference NUL amount", to spot rows posted to the wrong dealer. */
  oneSidedKeys: Map<Difference, string>;
}

export function matchDealer(
  ledger: Item[],
  statement: Item[],
  opts: ResolvedOptions,
  reasonCtx: ReasonContext,
  decisions: readonly Decision[],
  rejected: ReadonlySet<string>,
  prematched?: { matches: MatchList; duplicates: Difference[] },
): DealerMatching {
  return new DealerRun(ledger, statement, opts, reasonCtx, rejected, prematched).run(decisions);
}

class DealerRun {
  private readonly matches: MatchList;
  private readonly differences: Difference[];
  private readonly suggestions: Suggestion[] = [];
  private readonly stats: SubsetSearchStats = { anchors: 0, nodes: 0, boundHit: false, cutShort: [], note: null };
  private readonly applied: string[] = [];
  private readonly oneSidedKeys = new Map<Difference, string>();
  private readonly tol: number;

  constructor(
    private readonly L: Item[],
    private readonly S: Item[],
    private readonly opts: ResolvedOptions,
    private readonly reasonCtx: ReasonContext,
    private readonly rejected: ReadonlySet<string>,
    /** Duplicates and pass 1 already done (see `prematch`): `L` and `S` hold only the rows left. */
    private readonly prematched?: { matches: MatchList; duplicates: Difference[] },
  ) {
    this.matches = prematched?.matches ?? new MatchList();
    this.differences = prematched ? [...prematched.duplicates] : [];
    L.sort(compareItems);
    S.sort(compareItems);
    L.forEach((item, i) => (item.idx = i));
    S.forEach((item, i) => (item.idx = i));
    this.tol = opts.amountToleranceFen;
  }

  run(decisions: readonly Decision[]): DealerMatching {
    if (this.prematched === undefined) {
      this.applyConfirmed(decisions);
      this.flagDuplicates();
      this.passSameReference();
    }
    this.passReferenceGroups();
    this.resolveEdges(this.referenceInTextEdges(), "reference_in_text");
    this.resolveEdges(this.amountDateEdges(), "amount_date");
    this.passSubsets();
    this.passFeePairs();
    this.oneSided();
    if (this.stats.boundHit) {
      const n = this.stats.cutShort.length;
      this.stats.note = {
        zh: `组合匹配在 ${n} 笔上达到搜索上限（每笔 ${this.opts.subsetMaxNodes} 步），这些行可能还有未找到的组合`,
        en: `The subset search hit its bound (${this.opts.subsetMaxNodes} steps per row) on ${n} row(s); combinations may remain unfound there`,
      };
    }
    return {
      matches: this.matches,
      differences: this.differences,
      suggestions: this.suggestions,
      pending: { ledger: this.L.filter((i) => i.state === PENDING), statement: this.S.filter((i) => i.state === PENDING) },
      subsetSearch: this.stats,
      appliedDecisions: this.applied,
      oneSidedKeys: this.oneSidedKeys,
    };
  }

  /** `claim` for one row on each side, without the temporary arrays (this runs for most rows). */
  private claimOne(l: Item, s: Item, rule: MatchRule): void {
    if (l.amount !== s.amount) return this.claim([l], [s], rule);
    l.state = CLAIMED;
    s.state = CLAIMED;
    this.matches.pushPair(rule, l.row, s.row, l.amount);
  }

  /** Claims rows as one pairing: a match when the totals agree, else an amount mismatch. */
  private claim(ls: Item[], ss: Item[], rule: MatchRule): void {
    for (const i of ls) i.state = CLAIMED;
    for (const i of ss) i.state = CLAIMED;
    const la = total(ls);
    const sa = total(ss);
    if (la === sa) {
      this.matches.push({ rule, ledgerRows: rowsOf(ls), statementRows: rowsOf(ss), amount: la });
      return;
    }
    const texts = [...ls, ...ss].map((i) => i.description);
    // A confirmed pair that pass 6 would have suggested gets that pass's reason (fee, discount, rounding).
    const feeLike = rule === "fee_pair" || (rule === "user" && ls.length === 1 && ss.length === 1 && this.feeFits(ls[0], ss[0]));
    this.differences.push({
      kind: "amount_mismatch",
      ledgerRows: rowsOf(ls),
      statementRows: rowsOf(ss),
      amount: la - sa,
      ledgerAmount: la,
      statementAmount: sa,
      reason: feeLike ? feeReason(la, sa, texts) : mismatchReason(la, sa, texts),
      rule,
      duplicateOf: null,
      otherDealer: null,
    });
  }

  private applyConfirmed(decisions: readonly Decision[]): void {
    if (decisions.length === 0) return;
    const byRow = (items: Item[]) => new Map(items.map((i) => [i.row, i] as const));
    const lRows = byRow(this.L);
    const sRows = byRow(this.S);
    for (const d of decisions) {
      if (d.decision !== "confirmed" || !d.ledgerRows?.length || !d.statementRows?.length) continue;
      const ls = d.ledgerRows.map((r) => lRows.get(r));
      const ss = d.statementRows.map((r) => sRows.get(r));
      if (ls.some((i) => i === undefined) || ss.some((i) => i === undefined)) continue;
      const li = ls as Item[];
      const si = ss as Item[];
      if ([...li, ...si].some((i) => i.state !== FREE)) continue;
      // The id covers the amounts too: a decision on rows whose amounts have changed no longer applies.
      if (pairingId(li.map(part), si.map(part)) !== d.id) continue;
      this.claim(li, si, "user");
      this.applied.push(d.id);
    }
  }

  /**
   * The same reference with the same amount repeated on one side, more often than the other side has
   * it, is a duplicate entry; the earliest rows stay for matching, the extra ones become differences.
   */
  private flagDuplicates(): void {
    const lm = byRef(this.L, (i) => i.state === FREE);
    const sm = byRef(this.S, (i) => i.state === FREE);
    const flag = (mine: Map<string, Item | Item[]>, theirs: Map<string, Item | Item[]>) => {
      for (const [ref, found] of mine) {
        if (!Array.isArray(found)) continue;
        const other = theirs.get(ref);
        for (const group of sameAmountGroups(found)) {
          if (group.length < 2) continue;
          const keep = Math.max(1, countAmount(other, group[0].amount));
          for (let n = keep; n < group.length; n++) this.duplicate(group[n], group[0]);
        }
      }
    };
    flag(lm, sm);
    flag(sm, lm);
  }

  private duplicate(dup: Item, original: Item): void {
    dup.state = CLAIMED;
    const isLedger = dup.side === "ledger";
    this.differences.push({
      kind: "duplicate",
      ledgerRows: isLedger ? [dup.row] : [],
      statementRows: isLedger ? [] : [dup.row],
      amount: isLedger ? dup.amount : -dup.amount,
      ledgerAmount: isLedger ? dup.amount : 0,
      statementAmount: isLedger ? 0 : dup.amount,
      reason: duplicateReason(dup.side, dup.row, original.row),
      rule: null,
      duplicateOf: original.row,
      otherDealer: null,
    });
  }

  /** Pass 1: same reference, same amount; rows pair up in date order. */
  private passSameReference(): void {
    const sm = byRef(this.S, (i) => i.state === FREE);
    // A reference shared by many rows (a contract number) gets an index by amount, not a scan per row.
    const cursors = new Map<Item[], Map<number, { items: Item[]; next: number }>>();
    for (const l of this.L) {
      if (l.state !== FREE || l.ref === null) continue;
      const found = sm.get(l.ref);
      if (found === undefined) continue;
      if (!Array.isArray(found)) {
        if (found.state === FREE && found.amount === l.amount) this.claimOne(l, found, "reference");
        continue;
      }
      // Both lists are in date order, so the n-th such row on our side meets the n-th on theirs.
      const s = found.length <= 8 ? found.find((x) => x.state === FREE && x.amount === l.amount) : nextByAmount(found, l.amount, cursors);
      if (s) this.claimOne(l, s, "reference");
    }
  }

  /**
   * Pass 2: rows left with the same reference and the same sign. Totals that agree are one document
   * split differently on the two sides; totals that differ are an amount mismatch. A reference on more
   * than MAX_GROUP rows is a contract or order number, not a document, and is left to later passes.
   */
  private passReferenceGroups(): void {
    const MAX_GROUP = 20;
    const open = (i: Item) => i.state === FREE && i.amount !== 0;
    const sm = byRef(this.S, open);
    if (sm.size === 0) return;
    const lm = byRef(this.L, open);
    for (const [ref, lFound] of lm) {
      const sFound = sm.get(ref);
      if (sFound === undefined) continue;
      const lAll = Array.isArray(lFound) ? lFound : [lFound];
      const sAll = Array.isArray(sFound) ? sFound : [sFound];
      if (lAll.length > MAX_GROUP || sAll.length > MAX_GROUP) continue;
      for (const sign of [1, -1]) {
        const ls = lAll.filter((i) => Math.sign(i.amount) === sign);
        const ss = sAll.filter((i) => Math.sign(i.amount) === sign);
        if (ls.length === 0 || ss.length === 0) continue;
        this.claim(ls, ss, ls.length === 1 && ss.length === 1 ? "reference" : "reference_total");
      }
    }
  }

  /** Pass 3 candidates: a reference of one row found among the other row's references or inside its description. */
  private referenceInTextEdges(): Edge[] {
    const index = (items: Item[]) => {
      const m = new Map<string, Item[]>();
      for (const i of items) {
        if (i.state !== FREE) continue;
        for (const r of refsOf(i)) {
          const list = m.get(r);
          if (list) list.push(i);
          else m.set(r, [i]);
        }
      }
      return m;
    };
    const li = index(this.L);
    const si = index(this.S);
    const edges = new Map<string, Edge>();
    const consider = (l: Item, s: Item) => {
      if (Math.sign(l.amount) !== Math.sign(s.amount)) return;
      const diff = Math.abs(l.amount - s.amount);
      if (diff > this.tol) return;
      const key = `${l.idx}:${s.idx}`;
      if (edges.has(key) || this.isRejected([l], [s])) return;
      edges.set(key, edge(l, s));
    };
    const scan = (items: Item[], other: Map<string, Item[]>, mineIsLedger: boolean) => {
      if (other.size === 0) return;
      for (const x of items) {
        if (x.state !== FREE) continue;
        const keys = new Set(refsOf(x));
        for (const c of descriptionRefCandidates(x.description)) keys.add(c);
        for (const k of keys) {
          for (const y of other.get(k) ?? []) {
            if (mineIsLedger) consider(x, y);
            else consider(y, x);
          }
        }
      }
    };
    scan(this.L, si, true);
    scan(this.S, li, false);
    return [...edges.values()];
  }

  /** Pass 4 candidates: same amount within the tolerance, the statement's date inside the window around ours. */
  private amountDateEdges(): Edge[] {
    const { dateWindowBefore: before, dateWindowAfter: after } = this.opts;
    const CAP = 32;
    const dated = this.S.filter((i) => i.state === FREE && i.day !== null);
    const edges: Edge[] = [];
    const push = (found: Edge[]) => {
      if (found.length > CAP) {
        found.sort(compareEdges);
        found.length = CAP;
      }
      for (const e of found) edges.push(e);
    };
    if (this.tol === 0) {
      const byAmount = new Map<number, Item[]>();
      for (const s of dated) {
        const list = byAmount.get(s.amount);
        if (list) list.push(s);
        else byAmount.set(s.amount, [s]);
      }
      for (const l of this.L) {
        if (l.state !== FREE || l.day === null) continue;
        const list = byAmount.get(l.amount);
        if (!list) continue;
        const found: Edge[] = [];
        for (let j = lowerBoundDay(list, l.day - before); j < list.length && (list[j].day as number) <= l.day + after; j++) {
          const s = list[j];
          if (!this.isRejected([l], [s])) found.push(edge(l, s));
        }
        push(found);
      }
    } else {
      const byAmount = [...dated].sort((a, b) => a.amount - b.amount || compareItems(a, b));
      for (const l of this.L) {
        if (l.state !== FREE || l.day === null) continue;
        const found: Edge[] = [];
        for (let j = lowerBoundAmount(byAmount, l.amount - this.tol); j < byAmount.length && byAmount[j].amount <= l.amount + this.tol; j++) {
          const s = byAmount[j];
          const delta = (s.day as number) - l.day;
          if (delta < -before || delta > after || Math.sign(s.amount) !== Math.sign(l.amount)) continue;
          if (!this.isRejected([l], [s])) found.push(edge(l, s));
        }
        push(found);
      }
    }
    return edges;
  }

  private isRejected(ls: Item[], ss: Item[]): boolean {
    return this.rejected.size > 0 && this.rejected.has(pairingId(ls.map(part), ss.map(part)));
  }

  /**
   * Takes candidate pairs best first (closest amount, then closest date). A pair is matched only when
   * neither row has another free candidate that fits exactly as well and differs from it; otherwise
   * every equally good pair becomes a suggestion and the rows stay open.
   */
  private resolveEdges(edges: Edge[], rule: MatchRule): void {
    if (edges.length === 0) return;
    edges.sort(compareEdges);
    const byL = new Map<Item, Edge[]>();
    const byS = new Map<Item, Edge[]>();
    for (const e of edges) {
      const a = byL.get(e.l);
      if (a) a.push(e);
      else byL.set(e.l, [e]);
      const b = byS.get(e.s);
      if (b) b.push(e);
      else byS.set(e.s, [e]);
    }
    const sameScore = (x: Edge, e: Edge) => x.diff === e.diff && x.gap === e.gap && x.text === e.text;
    for (const e of edges) {
      if (e.l.state !== FREE || e.s.state !== FREE) continue;
      const tiedL = (byL.get(e.l) as Edge[]).filter((x) => x.s.state === FREE && sameScore(x, e));
      const tiedS = (byS.get(e.s) as Edge[]).filter((x) => x.l.state === FREE && sameScore(x, e));
      const distinct = (items: Item[]) => new Set(items.map(signature)).size;
      if (distinct(tiedL.map((x) => x.s)) <= 1 && distinct(tiedS.map((x) => x.l)) <= 1) {
        this.claimOne(e.l, e.s, rule);
        continue;
      }
      const set = [...new Set([...tiedL, ...tiedS])].sort(compareEdges);
      this.suggest(
        set.map((x) => ({ ls: [x.l], ss: [x.s] })),
        rule,
        rule === "reference_in_text"
          ? { zh: "多笔记录引用了相同单号且金额相同，请确认哪两笔对应", en: "Several rows cite the same reference with the same amount; confirm which belong together" }
          : { zh: "金额相同、日期同样接近的候选不止一笔，请确认哪两笔对应", en: "More than one row has the same amount and an equally close date; confirm which belong together" },
      );
    }
  }

  private suggest(options: { ls: Item[]; ss: Item[] }[], rule: MatchRule, note: { zh: string; en: string }): void {
    const ids = options.map((o) => pairingId(o.ls.map(part), o.ss.map(part)));
    options.forEach((o, n) => {
      for (const i of [...o.ls, ...o.ss]) i.state = PENDING;
      const la = total(o.ls);
      const sa = total(o.ss);
      this.suggestions.push({
        id: ids[n],
        rule,
        ledgerRows: rowsOf(o.ls),
        statementRows: rowsOf(o.ss),
        ledgerAmount: la,
        statementAmount: sa,
        amount: la - sa,
        alternatives: ids.filter((_, m) => m !== n),
        note,
      });
    });
  }

  /**
   * Pass 5: one row against several rows of the other side, same sign, every row inside the date
   * window of the single one. Anchors go in date order, larger amounts first on a day, both sides
   * mixed, so the result does not depend on which sheet is the ledger.
   */
  private passSubsets(): void {
    const { dateWindowBefore: before, dateWindowAfter: after, subsetMaxCandidates, subsetMaxItems, subsetMaxNodes } = this.opts;
    const usable = (i: Item) => i.state === FREE && i.day !== null && i.amount !== 0;
    const lDated = this.L.filter(usable);
    const sDated = this.S.filter(usable);
    if (lDated.length === 0 || sDated.length === 0) return;
    const anchors = [...lDated, ...sDated].sort(
      (a, b) => (a.day as number) - (b.day as number) || Math.abs(b.amount) - Math.abs(a.amount) || compareItems(a, b) || (a.side < b.side ? -1 : 1),
    );
    for (const anchor of anchors) {
      if (anchor.state !== FREE) continue;
      const isLedger = anchor.side === "ledger";
      const other = isLedger ? sDated : lDated;
      const day = anchor.day as number;
      const from = isLedger ? day - before : day - after;
      const to = isLedger ? day + after : day + before;
      const size = Math.abs(anchor.amount);
      let candidates: Item[] = [];
      for (let j = lowerBoundDay(other, from); j < other.length && (other[j].day as number) <= to; j++) {
        const c = other[j];
        if (c.state === FREE && Math.sign(c.amount) === Math.sign(anchor.amount) && Math.abs(c.amount) <= size + this.tol) candidates.push(c);
      }
      if (candidates.length < 2) continue;
      if (candidates.length > subsetMaxCandidates) {
        candidates = candidates
          .sort((a, b) => Math.abs((a.day as number) - day) - Math.abs((b.day as number) - day) || compareItems(a, b))
          .slice(0, subsetMaxCandidates);
      }
      candidates.sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount) || compareItems(a, b));
      const pairOf = (indices: readonly number[]) => {
        const members = indices.map((k) => candidates[k]);
        return isLedger ? { ls: [anchor], ss: members } : { ls: members, ss: [anchor] };
      };
      const result = searchSubsets({
        values: candidates.map((c) => Math.abs(c.amount)),
        target: size,
        tolerance: this.tol,
        maxItems: subsetMaxItems,
        maxNodes: subsetMaxNodes,
        maxSolutions: 3,
        solutionKey: (indices) => indices.map((k) => signature(candidates[k])).sort().join("\u0001"),
        accept: (indices) => {
          const p = pairOf(indices);
          return !this.isRejected(p.ls, p.ss);
        },
      });
      this.stats.anchors++;
      this.stats.nodes += result.nodes;
      if (result.cutShort) {
        this.stats.boundHit = true;
        this.stats.cutShort.push({ side: anchor.side, row: anchor.row });
      }
      if (result.solutions.length === 0) continue;
      const options = result.solutions.map(pairOf);
      if (options.length === 1 && !result.cutShort) {
        this.claim(options[0].ls, options[0].ss, "subset");
      } else {
        this.suggest(
          options,
          "subset",
          result.cutShort
            ? { zh: "组合搜索达到上限，未能确认是否唯一，请确认", en: "The subset search hit its bound before it could prove this set unique; please confirm" }
            : { zh: "有不止一组记录合计等于该笔金额，请确认哪一组对应", en: "More than one set of rows adds up to this amount; confirm which one belongs to it" },
        );
      }
    }
  }

  /** Largest difference pass 6 accepts: the fee tolerance, or 0.5% of the larger amount when that is more. */
  private feeAllowance(a: Fen, b: Fen): number {
    return Math.max(this.opts.feeToleranceFen, Math.round((Math.max(Math.abs(a), Math.abs(b)) * 5) / 1000));
  }

  /** Whether two rows could be one payment or sale booked with slightly different amounts (pass 6's test, dates aside). */
  private feeFits(l: Item, s: Item): boolean {
    if (this.opts.feeToleranceFen <= 0 || l.amount === s.amount || Math.sign(l.amount) !== Math.sign(s.amount) || l.amount === 0) return false;
    return Math.abs(l.amount - s.amount) <= this.feeAllowance(l.amount, s.amount);
  }

  /**
   * Pass 6: one payment or sale, two amounts. A row left on each side, same sign, the statement's date
   * inside the window around ours, amounts apart by no more than the fee allowance: one amount mismatch
   * with its likely reason (bank fee, cash discount, rounding) instead of two one-sided rows that send
   * the accountant looking for a missing payment. A row with more than one such counterpart that can be
   * told apart becomes a suggestion, as in pass 4.
   */
  private passFeePairs(): void {
    if (this.opts.feeToleranceFen <= 0) return;
    const { dateWindowBefore: before, dateWindowAfter: after } = this.opts;
    const usable = (i: Item) => i.state === FREE && i.day !== null && i.amount !== 0;
    const byAmount = this.S.filter(usable).sort((a, b) => a.amount - b.amount || compareItems(a, b));
    if (byAmount.length === 0) return;
    const CAP = 8;
    const edges: Edge[] = [];
    for (const l of this.L) {
      if (!usable(l)) continue;
      const day = l.day as number;
      // The allowance grows with the larger amount: |s| ≤ |l| / 0.995 bounds how far the search goes.
      const reach = Math.max(this.opts.feeToleranceFen, Math.ceil((Math.abs(l.amount) * 5) / 995) + 1);
      const found: Edge[] = [];
      for (let j = lowerBoundAmount(byAmount, l.amount - reach); j < byAmount.length && byAmount[j].amount <= l.amount + reach; j++) {
        const s = byAmount[j];
        const delta = (s.day as number) - day;
        if (delta < -before || delta > after || !this.feeFits(l, s) || this.isRejected([l], [s])) continue;
        found.push(edge(l, s));
      }
      if (found.length > CAP) {
        found.sort(compareEdges);
        found.length = CAP;
      }
      for (const e of found) edges.push(e);
    }
    if (edges.length === 0) return;
    edges.sort(compareEdges);
    const byL = new Map<Item, Edge[]>();
    const byS = new Map<Item, Edge[]>();
    for (const e of edges) {
      const a = byL.get(e.l);
      if (a) a.push(e);
      else byL.set(e.l, [e]);
      const b = byS.get(e.s);
      if (b) b.push(e);
      else byS.set(e.s, [e]);
    }
    const distinct = (items: Item[]) => new Set(items.map(signature)).size;
    for (const e of edges) {
      if (e.l.state !== FREE || e.s.state !== FREE) continue;
      const otherS = (byL.get(e.l) as Edge[]).filter((x) => x.s.state === FREE);
      const otherL = (byS.get(e.s) as Edge[]).filter((x) => x.l.state === FREE);
      if (distinct(otherS.map((x) => x.s)) <= 1 && distinct(otherL.map((x) => x.l)) <= 1) {
        this.claim([e.l], [e.s], "fee_pair");
        continue;
      }
      const set = [...new Set([...otherS, ...otherL])].sort(compareEdges);
      this.suggest(
        set.map((x) => ({ ls: [x.l], ss: [x.s] })),
        "fee_pair",
        {
          zh: "金额相差不大（可能是手续费、折扣或尾差）的候选不止一笔，请确认哪两笔是同一笔款项",
          en: "More than one row is a little apart in amount (a fee, a discount or rounding?); confirm which two are the same payment",
        },
      );
    }
  }

  private oneSided(): void {
    for (const i of [...this.L, ...this.S]) {
      if (i.state !== FREE) continue;
      i.state = CLAIMED;
      const isLedger = i.side === "ledger";
      const diff: Difference = {
        kind: isLedger ? "ledger_only" : "statement_only",
        ledgerRows: isLedger ? [i.row] : [],
        statementRows: isLedger ? [] : [i.row],
        amount: isLedger ? i.amount : -i.amount,
        ledgerAmount: isLedger ? i.amount : 0,
        statementAmount: isLedger ? 0 : i.amount,
        reason: oneSidedReason({ side: i.side, date: i.date, amount: i.amount, description: i.description }, i.day, this.reasonCtx),
        rule: null,
        duplicateOf: null,
        otherDealer: null,
      };
      this.differences.push(diff);
      if (i.ref !== null) this.oneSidedKeys.set(diff, `${i.ref}\u0000${i.amount}`);
    }
  }
}

/**
 * Items by primary reference, in the order given (date order). A single item is stored bare: most
 * references occur once, and a million one-element arrays cost more than the matching itself.
 */
function byRef(items: Item[], keep: (i: Item) => boolean): Map<string, Item | Item[]> {
  const m = new Map<string, Item | Item[]>();
  for (const i of items) {
    if (i.ref === null || !keep(i)) continue;
    const found = m.get(i.ref);
    if (found === undefined) m.set(i.ref, i);
    else if (Array.isArray(found)) found.push(i);
    else m.set(i.ref, [found, i]);
  }
  return m;
}

function nextByAmount(found: Item[], amount: number, cursors: Map<Item[], Map<number, { items: Item[]; next: number }>>): Item | undefined {
  let byAmount = cursors.get(found);
  if (!byAmount) {
    byAmount = new Map();
    for (const i of found) {
      const c = byAmount.get(i.amount);
      if (c) c.items.push(i);
      else byAmount.set(i.amount, { items: [i], next: 0 });
    }
    cursors.set(found, byAmount);
  }
  const c = byAmount.get(amount);
  if (!c) return undefined;
  while (c.next < c.items.length && c.items[c.next].state !== FREE) c.next++;
  return c.items[c.next];
}

function sameAmountGroups(items: Item[]): Item[][] {
  const groups = new Map<number, Item[]>();
  for (const i of items) {
    const g = groups.get(i.amount);
    if (g) g.push(i);
    else groups.set(i.amount, [i]);
  }
  return [...groups.values()];
}

function countAmount(found: Item | Item[] | undefined, amount: number): number {
  if (found === undefined) return 0;
  if (!Array.isArray(found)) return found.amount === amount ? 1 : 0;
  let n = 0;
  for (const i of found) if (i.amount === amount) n++;
  return n;
}

/** First index whose day is ≥ `day`, in an array sorted by day (dated items only). */
function lowerBoundDay(items: Item[], day: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid].day as number) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBoundAmount(items: Item[], amount: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].amount < amount) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
