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
import { msg, type Message } from "../messages";
import type { Fen, IsoDate, Side } from "../model";
import { fen, fenAt, negFen, subFen, sumFen } from "../money";
import type { EntryTable, TableRefs } from "../read/entries";
import { foldRefInto, normaliseRef } from "../values/refs";
import { AMOUNT, DAY, EXCEL_ROW, KEY_HASH, RAW_KEY, ROW_STRIDE, type PreparedSide } from "./prepare";
import { pairingId, type IdPart } from "./ids";
import { descriptionRefCandidates, isUsableRefKey, refKey } from "./refs";
import { duplicateReason, feeReason, mismatchReason, oneSidedReason, type ReasonContext } from "./reasons";
import { MatchList } from "./matches";
import { searchSubsets } from "./subset";
import type { Decision, Difference, MatchRule, ResolvedOptions, SubsetSearchStats, Suggestion } from "./types";

const FREE = 0;
const CLAIMED = 1;
const PENDING = 2;

/** A row inside the engine (made only for rows the first pass leaves, or that a decision names). */
export interface Item {
  side: Side;
  /** The side's references, and this row's position in its table (looked up only when needed). */
  refs: TableRefs;
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
  /** Every usable reference of the row as a match key (see `refsOf`), once asked for. */
  keys?: readonly string[];
}

/**
 * The item of row `p` of a dealer's side, from the columns the first pass took: its key is the one the
 * row was grouped by (a plain cell's `normaliseRef`, which for such a cell is what `refKey` would make).
 */
function itemAt(run: SideRun, p: number): Item {
  const table = run.table;
  const at = run.order[p];
  const text = run.keyText[p];
  const ref = text !== null && run.raw[p] === 1 ? normaliseRef(text) : text;
  const day = run.days[p];
  return {
    side: run.side,
    refs: run.refs,
    at,
    sheet: table.sheets[table.sheetIndex[at]],
    row: run.rowNumbers[p],
    day: day === Infinity ? null : day,
    amount: fenAt(run.amounts, p),
    ref,
    state: FREE,
    idx: -1,
    description: table.descriptions[at],
    date: table.dates[at],
    keys: undefined,
  };
}

/** Every usable reference of the row as a match key, primary first (only needed for the few rows pass 3 sees). */
function refsOf(item: Item): readonly string[] {
  if (item.keys !== undefined) return item.keys;
  const refs: string[] = [];
  if (item.ref !== null && isUsableRefKey(item.ref)) refs.push(item.ref);
  for (const r of item.refs.refsAt(item.at)) {
    const k = refKey(r);
    if (isUsableRefKey(k) && !refs.includes(k)) refs.push(k);
  }
  item.keys = refs;
  return refs;
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
const total = (items: Item[]): Fen => sumFen(items, (i) => i.amount);
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

/** Each row's candidate pairs, ledger side and statement side, in the order of `edges`. */
function edgesByRow(edges: readonly Edge[]): { byL: Map<Item, Edge[]>; byS: Map<Item, Edge[]> } {
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
  return { byL, byS };
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

/**
 * One side of one dealer: the side's table (through its references), its rows as the matcher takes them,
 * and where the dealer's entries sit in the side's order (`at[from]` to `at[from + positions.length - 1]`;
 * `positions` are those table positions).
 */
export interface DealerSide {
  side: Side;
  refs: TableRefs;
  prepared: PreparedSide;
  at: Int32Array;
  positions: ArrayLike<number>;
  from: number;
}

export function matchDealer(
  ledger: DealerSide,
  statement: DealerSide,
  opts: ResolvedOptions,
  reasonCtx: ReasonContext,
  decisions: readonly Decision[],
  rejected: ReadonlySet<string>,
  scratch: MatchScratch,
): DealerMatching {
  return new DealerRun(opts, reasonCtx, rejected).run(ledger, statement, decisions, scratch);
}

class DealerRun {
  private readonly matches = new MatchList();
  private readonly differences: Difference[] = [];
  /** The rows the first pass leaves, in (date, sheet, row) order: all the later passes see. */
  private L: Item[] = [];
  private S: Item[] = [];
  private readonly suggestions: Suggestion[] = [];
  private readonly stats: SubsetSearchStats = { anchors: 0, nodes: 0, boundHit: false, cutShort: [], note: null };
  private readonly applied: string[] = [];
  private readonly oneSidedKeys = new Map<Difference, string>();
  private readonly tol: number;

  constructor(
    private readonly opts: ResolvedOptions,
    private readonly reasonCtx: ReasonContext,
    private readonly rejected: ReadonlySet<string>,
  ) {
    this.tol = opts.amountToleranceFen;
  }

  run(ledger: DealerSide, statement: DealerSide, decisions: readonly Decision[], scratch: MatchScratch): DealerMatching {
    this.firstPass(ledger, statement, decisions, scratch);
    this.passReferenceGroups();
    this.resolveEdges(this.referenceInTextEdges(scratch), "reference_in_text");
    this.resolveEdges(this.amountDateEdges(), "amount_date");
    this.passSubsets();
    this.passFeePairs();
    this.oneSided();
    if (this.stats.boundHit) {
      const n = this.stats.cutShort.length;
      this.stats.note = msg("reconcile.subset.bound_hit", { rows: n, steps: this.opts.subsetMaxNodes });
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
      amount: subFen(la, sa),
      ledgerAmount: la,
      statementAmount: sa,
      reason: feeLike ? feeReason(la, sa, texts) : mismatchReason(la, sa, texts),
      rule,
      duplicateOf: null,
      otherDealer: null,
    });
  }

  /**
   * Confirmed decisions, duplicates and pass 1 (same reference, same amount), on row positions rather
   * than items: on a large pair of sheets nearly every row is settled here, and making an item for
   * each (then sorting and indexing those) would cost more than the matching. Only the rows left
   * become items, in order, for the later passes.
   */
  private firstPass(ledger: DealerSide, statement: DealerSide, decisions: readonly Decision[], scratch: MatchScratch): void {
    const L = orderSide(ledger, scratch.ledger);
    const S = orderSide(statement, scratch.statement);
    if (decisions.some((d) => d.decision === "confirmed")) this.applyConfirmed(decisions, L, S);
    keyRows(L, scratch);
    keyRows(S, scratch);
    this.flagDuplicates(L, S, scratch);
    this.passSameReference(L, S, scratch);
    this.L = itemsLeft(L);
    this.S = itemsLeft(S);
    this.L.forEach((item, i) => (item.idx = i));
    this.S.forEach((item, i) => (item.idx = i));
  }

  private applyConfirmed(decisions: readonly Decision[], L: SideRun, S: SideRun): void {
    // Rows by row number (on a many-sheet side the last in order wins, as a map of all of them would have it).
    const byRow = (run: SideRun) => {
      const m = new Map<number, number>();
      for (let p = 0; p < run.n; p++) m.set(run.rowNumbers[p], p);
      return m;
    };
    const lRows = byRow(L);
    const sRows = byRow(S);
    for (const d of decisions) {
      if (d.decision !== "confirmed" || !d.ledgerRows?.length || !d.statementRows?.length) continue;
      const lp = d.ledgerRows.map((r) => lRows.get(r));
      const sp = d.statementRows.map((r) => sRows.get(r));
      if (lp.some((p) => p === undefined) || sp.some((p) => p === undefined)) continue;
      const li = (lp as number[]).map((p) => itemOf(L, p));
      const si = (sp as number[]).map((p) => itemOf(S, p));
      if ([...li, ...si].some((i) => i.state !== FREE)) continue;
      // The id covers the amounts too: a decision on rows whose amounts have changed no longer applies.
      if (pairingId(li.map(part), si.map(part)) !== d.id) continue;
      this.claim(li, si, "user");
      for (const p of lp as number[]) L.claimed[p] = 1;
      for (const p of sp as number[]) S.claimed[p] = 1;
      this.applied.push(d.id);
    }
  }

  /**
   * The same reference with the same amount repeated on one side, more often than the other side has
   * it, is a duplicate entry; the earliest rows stay for matching, the extra ones become differences.
   * References go in the order of their first row, amounts in the order of theirs; both sides' counts
   * are taken before either side's duplicates are set aside.
   */
  private flagDuplicates(L: SideRun, S: SideRun, scratch: MatchScratch): void {
    const lFlagged = this.duplicatesOf(L, S, scratch);
    const sFlagged = this.duplicatesOf(S, L, scratch);
    for (const p of lFlagged) L.claimed[p] = 1;
    for (const p of sFlagged) S.claimed[p] = 1;
  }

  private duplicatesOf(mine: SideRun, theirs: SideRun, scratch: MatchScratch): number[] {
    const flagged: number[] = [];
    for (let first = 0; first < mine.n; first++) {
      if (mine.isHead[first] === 0 || mine.next[first] < 0) continue;
      const seen: number[] = [];
      for (let p = first; p >= 0; p = mine.next[p]) {
        const amount = fenAt(mine.amounts, p);
        if (seen.includes(amount)) continue;
        seen.push(amount);
        let original = -1;
        let count = 0;
        const keep = Math.max(1, countAmount(theirs, mine, first, amount, scratch));
        for (let q = p; q >= 0; q = mine.next[q]) {
          if (mine.amounts[q] !== amount) continue;
          if (original < 0) original = q;
          if (count++ < keep) continue;
          flagged.push(q);
          this.duplicate(mine.side, mine.rowNumbers[q], amount, mine.rowNumbers[original]);
        }
      }
    }
    return flagged;
  }

  private duplicate(side: Side, row: number, amount: Fen, originalRow: number): void {
    const isLedger = side === "ledger";
    this.differences.push({
      kind: "duplicate",
      ledgerRows: isLedger ? [row] : [],
      statementRows: isLedger ? [] : [row],
      amount: isLedger ? amount : negFen(amount),
      ledgerAmount: isLedger ? amount : fen(0),
      statementAmount: isLedger ? fen(0) : amount,
      reason: duplicateReason(side, row, originalRow),
      rule: null,
      duplicateOf: originalRow,
      otherDealer: null,
    });
  }

  /** Pass 1: same reference, same amount; the n-th such row on our side meets the n-th free one on theirs (date order). */
  private passSameReference(L: SideRun, S: SideRun, scratch: MatchScratch): void {
    // Per reference shared by many statement rows (a contract number): the next free row of each amount,
    // so the work does not grow with the square of the rows.
    const cursors = new Map<number, Map<number, { items: number[]; next: number }>>();
    for (let p = 0; p < L.n; p++) {
      if (L.keyText[p] === null || L.claimed[p] !== 0) continue;
      const h = lookup(S, L, p, scratch);
      if (h < 0) continue;
      const amount = fenAt(L.amounts, p);
      let found = -1;
      if (S.next[h] < 0) {
        if (S.claimed[h] === 0 && S.amounts[h] === amount) found = h;
      } else {
        let length = 0;
        for (let q = h; q >= 0 && length <= 8; q = S.next[q]) length++;
        if (length <= 8) {
          for (let q = h; q >= 0; q = S.next[q]) {
            if (S.claimed[q] === 0 && S.amounts[q] === amount) {
              found = q;
              break;
            }
          }
        } else {
          let byAmount = cursors.get(h);
          if (byAmount === undefined) {
            byAmount = new Map();
            for (let q = h; q >= 0; q = S.next[q]) {
              const c = byAmount.get(S.amounts[q]);
              if (c) c.items.push(q);
              else byAmount.set(S.amounts[q], { items: [q], next: 0 });
            }
            cursors.set(h, byAmount);
          }
          const c = byAmount.get(amount);
          if (c !== undefined) {
            while (c.next < c.items.length && S.claimed[c.items[c.next]] !== 0) c.next++;
            if (c.next < c.items.length) found = c.items[c.next];
          }
        }
      }
      if (found < 0) continue;
      L.claimed[p] = 1;
      S.claimed[found] = 1;
      this.matches.pushPair("reference", L.rowNumbers[p], S.rowNumbers[found], amount);
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
  private referenceInTextEdges(scratch: MatchScratch): Edge[] {
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
        const own = refsOf(x);
        const candidates = descriptionRefCandidates(x.description, scratch.candidates);
        // Most rows left here (receipts without a reference) have neither.
        if (own.length === 0 && candidates.length === 0) continue;
        const keys = new Set(own);
        for (const c of candidates) keys.add(c);
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
    const { byL, byS } = edgesByRow(edges);
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
          ? msg("reconcile.suggest.same_reference", {})
          : msg("reconcile.suggest.same_amount_date", {}),
      );
    }
  }

  private suggest(options: { ls: Item[]; ss: Item[] }[], rule: MatchRule, note: Message): void {
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
        amount: subFen(la, sa),
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
            ? msg("reconcile.suggest.subset_bound", {})
            : msg("reconcile.suggest.subset_several", {}),
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
    const { byL, byS } = edgesByRow(edges);
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
        msg("reconcile.suggest.fee_pair", {}),
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
        amount: isLedger ? i.amount : negFen(i.amount),
        ledgerAmount: isLedger ? i.amount : fen(0),
        statementAmount: isLedger ? fen(0) : i.amount,
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

/**
 * Working space of one reconciliation, reused from one dealer to the next (a thousand dealers each
 * making a dozen arrays is a steady stream of allocations); never shared between reconciliations.
 */
export class MatchScratch {
  readonly ledger = new SideBuffers();
  readonly statement = new SideBuffers();
  /** Two keys' characters, to compare keys whose hashes agree without making strings. */
  keyA = new Uint16Array(64);
  keyB = new Uint16Array(64);
  /** References that could be in each 摘要 (see `descriptionRefCandidates`), by 摘要. */
  readonly candidates = new Map<string, readonly string[]>();
}

class SideBuffers {
  keyText: (string | null)[] = [];
  gatheredText: (string | null)[] = [];
  days = new Float64Array(0);
  orderedDays = new Float64Array(0);
  rowNumbers = new Float64Array(0);
  orderedRows = new Float64Array(0);
  gatheredAmounts = new Float64Array(0);
  gatheredKeys = new Float64Array(0);
  order = new Int32Array(0);
  amounts = new Float64Array(0);
  hashes = new Int32Array(0);
  next = new Int32Array(0);
  raw = new Uint8Array(0);
  isHead = new Uint8Array(0);
  claimed = new Uint8Array(0);
  slots = new Int32Array(0);

  reserve(n: number, size: number): void {
    if (this.days.length < n) {
      const m = Math.max(n, this.days.length * 2);
      this.days = new Float64Array(m);
      this.orderedDays = new Float64Array(m);
      this.rowNumbers = new Float64Array(m);
      this.orderedRows = new Float64Array(m);
      this.gatheredAmounts = new Float64Array(m);
      this.gatheredKeys = new Float64Array(m);
      this.order = new Int32Array(m);
      this.amounts = new Float64Array(m);
      this.hashes = new Int32Array(m);
      this.next = new Int32Array(m);
      this.raw = new Uint8Array(m);
      this.isHead = new Uint8Array(m);
      this.claimed = new Uint8Array(m);
    }
    if (this.slots.length < size) this.slots = new Int32Array(size);
  }
}

/**
 * One side of one dealer in engine order (by date, undated last, then sheet, then row; ties in table
 * order), indexed by `p` from 0 to `n`: `order[p]` is the row's position in the table.
 */
interface SideRun {
  side: Side;
  refs: TableRefs;
  table: EntryTable;
  n: number;
  order: Int32Array;
  /** Days since 1970-01-01 (Infinity when undated), Excel row numbers and amounts, in engine order. */
  days: Float64Array;
  rowNumbers: Float64Array;
  amounts: Float64Array;
  /** The text the row's reference key is read from (see `emitKey`), or null when the row has none. */
  keyText: (string | null)[];
  /** 1 when `keyText` is the plain ASCII reference cell, folded by `foldRefInto`; 0 when it is the key. */
  raw: Uint8Array;
  hashes: Int32Array;
  /** Open-addressing table (its first `size` slots) of the first free row of each key; `next` chains the later ones, in order. */
  slots: Int32Array;
  size: number;
  next: Int32Array;
  isHead: Uint8Array;
  claimed: Uint8Array;
  /** Items made for rows a decision names, so a row has one item whichever step makes it. */
  items: Map<number, Item> | null;
}

function orderSide(d: DealerSide, buffers: SideBuffers): SideRun {
  const { table } = d.refs;
  const { numbers, text } = d.prepared;
  const from = d.from;
  const n = d.positions.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  buffers.reserve(n, size);
  // The dealer's rows gathered, in table order (`k`): one read of each row's numbers.
  const days = buffers.days;
  const rowNumbers = buffers.rowNumbers;
  const gAmounts = buffers.gatheredAmounts;
  const gKeys = buffers.gatheredKeys;
  if (buffers.gatheredText.length < n) buffers.gatheredText.length = n;
  const gText = buffers.gatheredText;
  const sheetIndex = table.sheetIndex;
  const manySheets = table.sheets.length > 1;
  const at = d.at;
  let oneSheet = true;
  let sorted = true;
  for (let k = 0; k < n; k++) {
    const i = at[from + k];
    const b = i * ROW_STRIDE;
    // Undated rows sort last (Infinity), as in `compareItems`.
    days[k] = numbers[b + DAY];
    rowNumbers[k] = numbers[b + EXCEL_ROW];
    gAmounts[k] = numbers[b + AMOUNT];
    gKeys[k] = numbers[b + KEY_HASH];
    gText[k] = text[i];
    if (manySheets && sheetIndex[i] !== sheetIndex[at[from]]) oneSheet = false;
    if (k > 0 && sorted && !(days[k] > days[k - 1] || (days[k] === days[k - 1] && rowNumbers[k] >= rowNumbers[k - 1]))) sorted = false;
  }
  // The gathered slot of each row in engine order.
  const slot = buffers.next;
  if (sorted && oneSheet) {
    for (let k = 0; k < n; k++) slot[k] = k;
  } else {
    const idx: number[] = new Array(n);
    for (let k = 0; k < n; k++) idx[k] = k;
    const sheets = table.sheets;
    // `compareItems` on positions (the sort is stable: ties keep table order).
    idx.sort((a, b) => {
      const da = days[a];
      const db = days[b];
      if (da !== db) {
        if (da === Infinity) return 1;
        if (db === Infinity) return -1;
        return da - db;
      }
      if (!oneSheet) {
        const sa = sheets[sheetIndex[at[from + a]]];
        const sb = sheets[sheetIndex[at[from + b]]];
        if (sa !== sb) return sa < sb ? -1 : 1;
      }
      return rowNumbers[a] - rowNumbers[b];
    });
    for (let k = 0; k < n; k++) slot[k] = idx[k];
  }
  const order = buffers.order;
  const amounts = buffers.amounts;
  const hashes = buffers.hashes;
  const raw = buffers.raw;
  if (buffers.keyText.length < n) buffers.keyText.length = n;
  const keyText = buffers.keyText;
  const orderedDays = buffers.orderedDays;
  const orderedRows = buffers.orderedRows;
  for (let p = 0; p < n; p++) {
    const k = slot[p];
    order[p] = at[from + k];
    orderedDays[p] = days[k];
    orderedRows[p] = rowNumbers[k];
    amounts[p] = gAmounts[k];
    const key = gKeys[k];
    const isRaw = key >= RAW_KEY / 2;
    hashes[p] = isRaw ? key - RAW_KEY : key;
    raw[p] = isRaw ? 1 : 0;
    keyText[p] = gText[k];
  }
  return {
    side: d.side,
    refs: d.refs,
    table,
    n,
    order,
    days: orderedDays,
    rowNumbers: orderedRows,
    amounts,
    keyText,
    raw,
    hashes,
    slots: buffers.slots,
    size,
    next: buffers.next,
    isHead: buffers.isHead.fill(0, 0, n),
    claimed: buffers.claimed.fill(0, 0, n),
    items: null,
  };
}

/** The item of row `p` (made once). */
function itemOf(run: SideRun, p: number): Item {
  if (run.items === null) run.items = new Map();
  let item = run.items.get(p);
  if (item === undefined) {
    item = itemAt(run, p);
    if (run.claimed[p] !== 0) item.state = CLAIMED;
    run.items.set(p, item);
  }
  return item;
}

/** Items for the rows the first pass left, in order. */
function itemsLeft(run: SideRun): Item[] {
  const out: Item[] = [];
  for (let p = 0; p < run.n; p++) if (run.claimed[p] === 0) out.push(run.items?.get(p) ?? itemAt(run, p));
  return out;
}

/** The rows chained by reference key (the keys and their hashes were taken with the side's columns). */
function keyRows(run: SideRun, scratch: MatchScratch): void {
  const { n, keyText, hashes, slots, size, next, claimed } = run;
  slots.fill(-1, 0, size);
  next.fill(-1, 0, n);
  const mask = size - 1;
  // From the last row back, so each chain ends up in order with its first row in the table.
  for (let p = n - 1; p >= 0; p--) {
    if (keyText[p] === null || claimed[p] !== 0) continue;
    const h = hashes[p];
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const q = slots[slot];
      if (q < 0) {
        slots[slot] = p;
        break;
      }
      if (hashes[q] === h && sameKey(run, q, run, p, scratch)) {
        next[p] = q;
        slots[slot] = p;
        break;
      }
    }
  }
  for (let slot = 0; slot < size; slot++) if (slots[slot] >= 0) run.isHead[slots[slot]] = 1;
}

/**
 * The key's characters into `scratch.keyA` or `keyB` (grown when short); returns their number. Raw
 * cells are folded by `foldRefInto`, the rule `plainRefKeyHash` hashed them by; keys are copied as they are.
 */
function emitKey(text: string, raw: boolean, scratch: MatchScratch, second: boolean): number {
  let out = second ? scratch.keyB : scratch.keyA;
  if (out.length < text.length) {
    out = new Uint16Array(text.length * 2);
    if (second) scratch.keyB = out;
    else scratch.keyA = out;
  }
  if (raw) return foldRefInto(text, out, true);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return text.length;
}

/** Whether row `p` of `a` and row `q` of `b` have the same reference key (called only when their hashes agree). */
function sameKey(a: SideRun, p: number, b: SideRun, q: number, scratch: MatchScratch): boolean {
  const ta = a.keyText[p] as string;
  const tb = b.keyText[q] as string;
  const ra = a.raw[p] === 1;
  const rb = b.raw[q] === 1;
  if (ra === rb && ta === tb) return true;
  const la = emitKey(ta, ra, scratch, false);
  const lb = emitKey(tb, rb, scratch, true);
  if (la !== lb) return false;
  const x = scratch.keyA;
  const y = scratch.keyB;
  for (let i = 0; i < la; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** The first row of `run` with the key of `other`'s row `p`, or -1. */
function lookup(run: SideRun, other: SideRun, p: number, scratch: MatchScratch): number {
  if (other.keyText[p] === null) return -1;
  const mask = run.size - 1;
  const h = other.hashes[p];
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const q = run.slots[slot];
    if (q < 0) return -1;
    if (run.hashes[q] === h && sameKey(run, q, other, p, scratch)) return q;
  }
}

/** Rows of `run` with the key of `other`'s row `p` and `amount`. */
function countAmount(run: SideRun, other: SideRun, p: number, amount: number, scratch: MatchScratch): number {
  let count = 0;
  for (let q = lookup(run, other, p, scratch); q >= 0; q = run.next[q]) if (run.amounts[q] === amount) count++;
  return count;
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
