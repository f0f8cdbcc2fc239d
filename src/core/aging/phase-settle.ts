/**
 * Phase 3 of an aging, settle (核销): per dealer, its debits (opening balances first, then sales oldest
 * first) against its receipts and credit notes (see `settle.ts` for the rule), and the flows of the
 * per-rep period (opening and closing receivable, net sales, returns, collections).
 *
 * The result is column-wise, one slot per debit or credit, every dealer's slots together (a dealer's
 * run is `start[d]` to `start[d + 1]`): a million rows leave a few typed arrays, not a million objects.
 */
import type { Fen, IsoDate, Opening } from "../model";
import { addFen, fen, subFen } from "../money";
import { amountAt, type EntryTable, type TableRefs } from "../read/entries";
import type { DealerGroup, Grouped } from "./phase-group";
import type { DayCache } from "./setup";
import { plainRefKeyHash, refKeyHash } from "../values/refs";
import { dealerSlots, isLinkableRef, linkNamedInText, NO_REFS, rowLinks, settleInPlace, type NamedWords } from "./settle";
import type { EntryKind } from "./types";

export interface SettleInput {
  table: EntryTable;
  refs: TableRefs;
  openings: readonly Opening[];
  grouped: Grouped;
  /** The per-rep period, as epoch days (both ends included). */
  fromDay: number;
  toDay: number;
  days: DayCache;
  kindOf: (entry: number) => EntryKind;
  words: NamedWords;
}

/** A dealer's movements over the per-rep period (all in fen, collections and returns positive). */
export interface DealerFlows {
  /** Openings plus entries up to the as-of date. */
  openBalance: Fen;
  openingReceivable: Fen;
  /** Net of returns. */
  sales: Fen;
  returns: Fen;
  collections: Fen;
  closingReceivable: Fen;
}

/** Slots of one side (debits or credits): a source (entry index, or -1 - opening index) and what is left open. */
export interface SettledSide {
  start: Int32Array;
  source: Int32Array;
  /** Still open (a debit) or unapplied (a credit, as a magnitude) after settling. */
  open: Float64Array;
}

export interface Settled {
  debits: SettledSide;
  credits: SettledSide;
  flows: DealerFlows[];
}

export function settleDealers(input: SettleInput): Settled {
  const { table, refs, openings, grouped, fromDay, toDay, days: dayCache, kindOf, words } = input;
  const dealers = grouped.dealers;
  let slots = 0;
  let longest = 0;
  for (const d of dealers) {
    const n = d.entries.length + d.openings.length;
    slots += n;
    longest = Math.max(longest, n);
  }
  const debits: SettledSide = { start: new Int32Array(dealers.length + 1), source: new Int32Array(slots), open: new Float64Array(slots) };
  const credits: SettledSide = { start: new Int32Array(dealers.length + 1), source: new Int32Array(slots), open: new Float64Array(slots) };
  // References of one dealer's slots, reused from dealer to dealer within this call.
  const debitRefs: (readonly string[])[] = new Array(longest).fill(NO_REFS);
  const creditRefs: (readonly string[])[] = new Array(longest).fill(NO_REFS);
  const flows: DealerFlows[] = new Array(dealers.length);
  const entryDays = grouped.days;
  const linksOfDebits = new DebitLinks(table, refs);

  let debitAt = 0;
  let creditAt = 0;
  for (let d = 0; d < dealers.length; d++) {
    const group: DealerGroup = dealers[d];
    debits.start[d] = debitAt;
    credits.start[d] = creditAt;
    const none = fen(0);
    const f: DealerFlows = { openBalance: none, openingReceivable: none, sales: none, returns: none, collections: none, closingReceivable: none };
    for (const j of group.openings) {
      const amount = openings[j].amount;
      const day = dayCache.dayOf(grouped.openingDates[j] as IsoDate);
      f.openBalance = addFen(f.openBalance, amount);
      if (day <= fromDay) f.openingReceivable = addFen(f.openingReceivable, amount);
      if (day <= toDay) f.closingReceivable = addFen(f.closingReceivable, amount);
    }
    for (const i of group.entries) {
      const day = entryDays[i];
      const amount = amountAt(table, i);
      f.openBalance = addFen(f.openBalance, amount);
      if (day < fromDay) f.openingReceivable = addFen(f.openingReceivable, amount);
      else if (day <= toDay) {
        if (amount > 0) f.sales = addFen(f.sales, amount);
        else if (kindOf(i) === "credit") f.returns = subFen(f.returns, amount);
        else f.collections = subFen(f.collections, amount);
      }
      if (day <= toDay) f.closingReceivable = addFen(f.closingReceivable, amount);
    }
    f.sales = subFen(f.sales, f.returns);
    flows[d] = f;

    // A debit's references are taken below, once its dealer's credits show which can matter.
    const debitCount = dealerSlots(openings, group.openings, table.amounts, group.entries, refs, debits, debitAt, null, credits, creditAt, creditRefs);
    const creditCount = group.openings.length + group.entries.length - debitCount;

    const creditSource = credits.source;
    const creditText = (c: number) => (creditSource[creditAt + c] < 0 ? null : table.descriptions[creditSource[creditAt + c]]);
    linksOfDebits.fill(debitRefs, debits.source.subarray(debitAt, debitAt + debitCount), creditRefs, creditCount, (c) => {
      const text = creditText(c);
      return text !== null && words.of(text).length > 0;
    });
    linkNamedInText(debitRefs, debitCount, creditRefs, creditText, creditCount, (text) => words.of(text));
    settleInPlace(
      debits.open.subarray(debitAt, debitAt + debitCount),
      debitRefs,
      debitCount,
      credits.open.subarray(creditAt, creditAt + creditCount),
      creditRefs,
      creditCount,
    );
    // Let the references of this dealer go before the next one's are gathered.
    debitRefs.fill(NO_REFS, 0, debitCount);
    creditRefs.fill(NO_REFS, 0, creditCount);
    debitAt += debitCount;
    creditAt += creditCount;
  }
  debits.start[dealers.length] = debitAt;
  credits.start[dealers.length] = creditAt;
  return { debits, credits, flows };
}

/**
 * The references of a dealer's debits, as far as its credits can use them. Settling looks at a debit's
 * references only where a credit names one of them (a reference they share, `namedDebits`) or where a
 * credit's 摘要 names document numbers (`linkNamedInText`, which takes them all). So when no credit's 摘要
 * names any, a debit whose references are none of the credits' is given none: the settlement is the same,
 * and a full sheet's sales are not each made a normalised reference string. A plain reference cell (its
 * key its own letters and digits) is compared by the hash of its key first; the references are made only
 * for a debit that may share one, or whose cells are not that simple (a 摘要 with digits, other text).
 */
class DebitLinks {
  private readonly scratch = new Uint16Array(256);
  private readonly named = new Set<number>();

  constructor(
    private readonly table: EntryTable,
    private readonly refs: TableRefs,
  ) {}

  /** Sets `debitRefs[k]` for each debit `sources[k]` (an entry index, or an opening's below 0), given the dealer's credits. */
  fill(
    debitRefs: (readonly string[])[],
    sources: Int32Array,
    creditRefs: readonly (readonly string[])[],
    creditCount: number,
    namesInText: (credit: number) => boolean,
  ): void {
    let allNeeded = false;
    const named = this.named;
    named.clear();
    for (let c = 0; c < creditCount && !allNeeded; c++) {
      if (namesInText(c)) allNeeded = true;
      for (const ref of creditRefs[c]) if (isLinkableRef(ref)) named.add(refKeyHash(ref));
    }
    if (!allNeeded && named.size === 0) return;
    for (let k = 0; k < sources.length; k++) {
      const i = sources[k];
      // An opening balance (a negative source) has no references.
      if (i >= 0 && (allNeeded || this.mayShare(i))) debitRefs[k] = rowLinks(this.refs, i);
    }
  }

  /** False only when entry `i`'s references are surely none of the credits' (`named`, by hash). */
  private mayShare(i: number): boolean {
    const table = this.table;
    if (table.refLists !== null || hasDigit(table.descriptions[i])) return true;
    const cell = table.refCells[i];
    // No reference cell and no digit in the 摘要: the row has no reference at all.
    if (cell === "") return false;
    const hash = plainRefKeyHash(cell, this.scratch);
    return Number.isNaN(hash) || this.named.has(hash);
  }
}

/** Whether `text` has a digit (ASCII or full-width): a 摘要 without one holds no reference. */
function hasDigit(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) return true;
  }
  return false;
}
