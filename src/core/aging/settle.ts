/**
 * 核销: which invoices the receipts and credit notes of one dealer settle.
 *
 * First, a credit that names invoices (shares a reference with them) settles those, oldest first: the
 * rule is `namedDebits`, which the credit history's walk over days takes too. A receipt names an invoice
 * through any reference the reader found on its row (`rowLinks`), and also through a document number its
 * text spells exactly as the invoice's reference is written (`回款 INV4`, `收款 XS2611-003` beside its own
 * 单号): see `namedInText`.
 * Then everything left is applied first-in first-out: the oldest credits to the oldest invoices.
 * Applying the pooled remainder oldest-first gives the same end state as walking the ledger day by
 * day (a receipt settles the oldest open invoice; a prepayment waits for the next invoice), because
 * in both every invoice is settled before any younger one, so only the total applied matters.
 * As a consequence a dealer ends with open invoices or unapplied credit, never both.
 */
import type { Fen } from "../model";
import type { TableRefs } from "../read/entries";
import { normaliseRef } from "../values/refs";
import { toHalfWidth } from "../values/text";

export interface DebitToSettle {
  amount: Fen;
  refs: readonly string[];
}

export interface CreditToSettle {
  /** Magnitude of the receipt or credit note (> 0). */
  amount: Fen;
  refs: readonly string[];
}

/** Open amounts in fen, as raw numbers: a plain array or a Float64Array (exact for every safe integer). */
export type OpenAmounts = { [index: number]: number; readonly length: number };

export interface Settlement {
  /** Still open per debit, in the order given. */
  debitOpen: Fen[];
  /** Still unapplied per credit (magnitude), in the order given. */
  creditOpen: Fen[];
}

/**
 * Voucher numbers (凭证字号: 记-12, 收字第3号 …) restart every month and are shared by every line of a
 * voucher, so two rows sharing one are not evidence that a receipt pays an invoice.
 */
const VOUCHER_REF = /^(?:记|收|付|转|现收|现付|银收|银付)字?第?[-_－—·.\s]*\d+号?$/;

export function isLinkableRef(ref: string): boolean {
  return ref.length > 0 && !VOUCHER_REF.test(ref);
}

/** No references: one shared empty list (openings, rows without any); readonly, so never written to. */
export const NO_REFS: readonly string[] = [];

/**
 * The references ledger row `i` settles by: those the reader found on it (its reference cell, then those in
 * its 摘要), else its one reference, else none. The aging and the credit history both take a row's from here.
 */
export function rowLinks(refs: Pick<TableRefs, "refsAt" | "refAt">, i: number): readonly string[] {
  const found = refs.refsAt(i);
  if (found.length > 0) return found;
  const ref = refs.refAt(i);
  return ref !== null ? [ref] : NO_REFS;
}

/** One side's slots (debits or credits), written from a given position on: what each came from and its amount. */
export interface SlotBuffers {
  /** The entry index, or `-1 - j` for opening `j`. */
  source: Int32Array;
  /** The amount (a credit's as a magnitude). */
  open: Float64Array;
}

/**
 * A dealer's rows as slots to settle, as the aging and the credit history both order them: its openings first,
 * then its entries, each in the order given; a row above 0 is a debit, any other a credit (its magnitude).
 * Writes `debits` from `debitAt` on and `credits` from `creditAt` on; references go in from index 0: a credit's
 * (`rowLinks`; an opening's none) into `creditRefs`, a debit's likewise into `debitRefs`, or, when that is null,
 * none (the caller takes the debits' own: the aging only those a credit can use). Returns how many debits there
 * are; the rest of the rows are credits.
 */
export function dealerSlots(
  openings: readonly { readonly amount: number }[],
  openingIndices: readonly number[],
  amounts: Float64Array,
  entries: readonly number[],
  refs: Pick<TableRefs, "refsAt" | "refAt">,
  debits: SlotBuffers,
  debitAt: number,
  debitRefs: (readonly string[])[] | null,
  credits: SlotBuffers,
  creditAt: number,
  creditRefs: (readonly string[])[],
): number {
  let debitCount = 0;
  let creditCount = 0;
  for (const j of openingIndices) {
    const amount = openings[j].amount;
    if (amount > 0) {
      debits.source[debitAt + debitCount] = -1 - j;
      debits.open[debitAt + debitCount] = amount;
      if (debitRefs !== null) debitRefs[debitCount] = NO_REFS;
      debitCount++;
    } else {
      credits.source[creditAt + creditCount] = -1 - j;
      credits.open[creditAt + creditCount] = -amount;
      creditRefs[creditCount++] = NO_REFS;
    }
  }
  for (const i of entries) {
    const amount = amounts[i];
    if (amount > 0) {
      debits.source[debitAt + debitCount] = i;
      debits.open[debitAt + debitCount] = amount;
      if (debitRefs !== null) debitRefs[debitCount] = rowLinks(refs, i);
      debitCount++;
    } else {
      credits.source[creditAt + creditCount] = i;
      credits.open[creditAt + creditCount] = -amount;
      creditRefs[creditCount++] = rowLinks(refs, i);
    }
  }
  return debitCount;
}

/**
 * Settle `credits` against `debits`, both oldest first. Pure; runs in time linear in the rows plus
 * the references they share.
 */
export function settle(debits: readonly DebitToSettle[], credits: readonly CreditToSettle[]): Settlement {
  const debitOpen = debits.map((d) => d.amount);
  const creditOpen = credits.map((c) => c.amount);
  settleInPlace(
    debitOpen,
    debits.map((d) => d.refs),
    debitOpen.length,
    creditOpen,
    credits.map((c) => c.refs),
    creditOpen.length,
  );
  return { debitOpen, creditOpen };
}

/**
 * The same over the first `debitCount` / `creditCount` slots of parallel arrays (typed arrays
 * welcome), reducing the open amounts in place: the engine ages a million rows through buffers it
 * reuses for every dealer, rather than leaving an object per row to the garbage collector.
 */
export function settleInPlace(
  debitOpen: OpenAmounts,
  debitRefs: readonly (readonly string[])[],
  debitCount: number,
  creditOpen: OpenAmounts,
  creditRefs: readonly (readonly string[])[],
  creditCount: number,
): void {
  settleNamed(debitOpen, debitRefs, debitCount, creditOpen, creditRefs, creditCount);

  let d = 0;
  let c = 0;
  while (d < debitCount && c < creditCount) {
    if (debitOpen[d] === 0) {
      d++;
      continue;
    }
    if (creditOpen[c] === 0) {
      c++;
      continue;
    }
    const applied = Math.min(debitOpen[d], creditOpen[c]);
    debitOpen[d] -= applied;
    creditOpen[c] -= applied;
  }
}

function settleNamed(
  debitOpen: OpenAmounts,
  debitRefs: readonly (readonly string[])[],
  debitCount: number,
  creditOpen: OpenAmounts,
  creditRefs: readonly (readonly string[])[],
  creditCount: number,
): void {
  namedDebits(debitRefs, debitCount, creditRefs, creditCount, (c, targets) => {
    for (const i of targets) {
      if (creditOpen[c] === 0) break;
      const applied = Math.min(debitOpen[i], creditOpen[c]);
      debitOpen[i] -= applied;
      creditOpen[c] -= applied;
    }
  });
}

/**
 * The named step's rule: which debits each credit names, in the order it pays them. A credit names every
 * debit sharing a linkable reference with it (`isLinkableRef`); it pays them before anything goes first in,
 * first out, oldest first (debit order), each once, as far as it still has something to give.
 *
 * Calls `paid(c, targets)` for each credit naming a debit, in credit order; `targets` are the debits' indices,
 * ascending, without repeats (an array that may be shared between calls: read it, never change it).
 * The aging (`settleInPlace`) and the credit history's walk over days (../credit/history) both take the named
 * debits from here, so the two cannot settle differently.
 */
export function namedDebits(
  debitRefs: readonly (readonly string[])[],
  debitCount: number,
  creditRefs: readonly (readonly string[])[],
  creditCount: number,
  paid: (credit: number, targets: readonly number[]) => void,
): void {
  let named: Set<string> | null = null;
  for (let c = 0; c < creditCount; c++) {
    for (const ref of creditRefs[c]) {
      if (!isLinkableRef(ref)) continue;
      if (named === null) named = new Set();
      named.add(ref);
    }
  }
  if (named === null) return;

  const debitsByRef = new Map<string, number[]>();
  for (let i = 0; i < debitCount; i++) {
    for (const ref of debitRefs[i]) {
      if (!named.has(ref)) continue;
      const list = debitsByRef.get(ref);
      if (list === undefined) debitsByRef.set(ref, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  }
  if (debitsByRef.size === 0) return;

  for (let c = 0; c < creditCount; c++) {
    const refs = creditRefs[c];
    if (refs.length === 0) continue;
    let targets: number[] | null = null;
    let merged = false;
    for (const ref of refs) {
      const list = debitsByRef.get(ref);
      if (list === undefined) continue;
      if (targets === null) targets = list;
      else {
        targets = targets.concat(list);
        merged = true;
      }
    }
    if (targets === null) continue;
    // Several named references may point at the same invoice; settle each once, oldest first.
    if (merged) targets = Array.from(new Set(targets)).sort((a, b) => a - b);
    paid(c, targets);
  }
}

/**
 * The words of a row's text that could be document numbers, in the form references are compared in:
 * runs of letters and digits (joined by `-`, `_`, `/`, `.`) holding a letter and a digit, four
 * characters at least, and the parts of a run listed with `/` that are such words themselves (`INV4/INV5`).
 * Plain figures are left out: in a 摘要 they are amounts and dates far more often than invoice numbers
 * (the reader already takes the long or labelled ones as references).
 */
export function namedInText(text: string): readonly string[] {
  return text ? scanWords(text) : NO_WORDS;
}

/**
 * `namedInText` with its answers kept for the length of one aging: a ledger repeats its 摘要s, so each
 * is scanned once. Bounded, so a ledger of a million different 摘要s does not keep them all.
 */
export class NamedWords {
  private readonly known = new Map<string, readonly string[]>();

  of(text: string): readonly string[] {
    if (!text) return NO_WORDS;
    let words = this.known.get(text);
    if (words !== undefined) return words;
    words = scanWords(text);
    if (this.known.size >= WORD_CACHE_SIZE) this.known.clear();
    this.known.set(text, words);
    return words;
  }
}

const NO_WORDS: readonly string[] = [];
const WORD_CACHE_SIZE = 20_000;
const RUN = /[A-Za-z0-9]+(?:[-_/.][A-Za-z0-9]+)*/g;
const LETTER = /[A-Za-z]/;
const DIGIT = /\d/;

function scanWords(text: string): readonly string[] {
  const half = toHalfWidth(text);
  if (!DIGIT.test(half) || !LETTER.test(half)) return NO_WORDS;
  const out: string[] = [];
  const add = (word: string) => {
    if (!LETTER.test(word) || !DIGIT.test(word) || word.replace(/[-_/.]/g, "").length < 4) return;
    const key = normaliseRef(word);
    if (key !== "" && !out.includes(key)) out.push(key);
  };
  for (const m of half.matchAll(RUN)) {
    add(m[0]);
    // `/` lists documents (`INV4/INV5`); `-`, `_` and `.` join the parts of one number, never split it.
    if (m[0].includes("/")) for (const part of m[0].split("/")) add(part);
  }
  return out.length > 0 ? out : NO_WORDS;
}

/**
 * Adds to each credit's references the invoice references its text names (`namedInText`), so
 * `settleInPlace` settles the named invoice first. `creditText[c]` is the credit's 摘要 (null for
 * an opening balance); `creditRefs` is updated in place. Debit references are matched in their
 * normal form and added as the debit writes them.
 */
export function linkNamedInText(
  debitRefs: readonly (readonly string[])[],
  debitCount: number,
  creditRefs: (readonly string[])[],
  creditText: (c: number) => string | null,
  creditCount: number,
  wordsOf: (text: string) => readonly string[] = namedInText,
): void {
  let debitByKey: Map<string, string> | null = null;
  for (let c = 0; c < creditCount; c++) {
    const text = creditText(c);
    if (text === null) continue;
    const words = wordsOf(text);
    if (words.length === 0) continue;
    if (debitByKey === null) {
      debitByKey = new Map();
      for (let d = 0; d < debitCount; d++) {
        for (const ref of debitRefs[d]) {
          const key = normaliseRef(ref);
          if (key !== "" && !debitByKey.has(key)) debitByKey.set(key, ref);
        }
      }
    }
    let refs: string[] | null = null;
    for (const word of words) {
      const ref = debitByKey.get(word);
      if (ref === undefined || creditRefs[c].includes(ref) || (refs !== null && refs.includes(ref))) continue;
      if (refs === null) refs = creditRefs[c].slice();
      refs.push(ref);
    }
    if (refs !== null) creditRefs[c] = refs;
  }
}
