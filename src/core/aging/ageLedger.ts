/**
 * The aging engine: open items per dealer, their due dates and stages, aging buckets, per-rep
 * figures. Pure: everything is derived from the entries, the openings and the options.
 */
import { fromEpochDay, toEpochDay } from "../dates";
import type { Entry, Fen, IsoDate, Opening } from "../model";
import { bucketIndex, bucketProblem, defaultBuckets, UNAPPLIED_BUCKET, UNKNOWN_AGE_BUCKET } from "./buckets";
import { assertIsoDate, graceDays, isLate, nextActionOn, STAGES, stageFor } from "./calendar";
import { classifyEntry } from "./classify";
import { rowKey, type ReconciliationBasis, type ReviewMark, type UnderReconciliation, type UnreadableCell, unreadableRowCount } from "./review";
import { linkNamedInText, settleInPlace } from "./settle";
import { DEFAULT_TERM_DAYS, dealerKey, isValidTerm, TermResolver, termForRow } from "./terms";
import type {
  AgingBasis,
  AgingIssue,
  AgingReport,
  BucketSpec,
  DealerAging,
  EntryKind,
  OpenItem,
  RepFigures,
  Stage,
  StageTotal,
  TermTable,
  UnappliedCredit,
} from "./types";

/** The name rows without a dealer are grouped under (a single-dealer sheet whose title named none). */
export const UNNAMED_DEALER = "（未指定经销商）";

const NO_REFS: readonly string[] = [];
const OPENING_DESCRIPTION = "期初余额";

export interface AgingInput {
  entries: readonly Entry[];
  openings: readonly Opening[];
  /** First day of the ledger's period; opening balances are dated here. */
  periodStart?: IsoDate;
  /** Cells the reader could not take (see `unreadableCells`): listed apart, their rows in no total. */
  unreadable?: readonly UnreadableCell[];
}

export interface AgingOptions {
  asOf: IsoDate;
  terms?: TermTable;
  /** Term for dealers with no term anywhere else (30 until the user sets one). */
  defaultTermDays?: number;
  buckets?: BucketSpec[];
  basis?: AgingBasis;
  /** Period for the per-rep figures; default from the period start to the as-of date. */
  repPeriod?: { from: IsoDate; to: IsoDate };
  /** Overrides how a negative row is told apart: a receipt (回款) or a return / credit note. */
  classify?: (entry: Entry) => EntryKind;
  /** A reconciliation of the ledger: the rows it flagged are marked 待核对 and kept out of the plan. */
  reconciliation?: ReconciliationBasis;
}

interface DealerAcc {
  name: string;
  /** Indices into `entries`, dated on or before the as-of date, non-zero. */
  entries: number[];
  sorted: boolean;
  openings: number[];
  rep: string | null;
  repDay: number;
  /** Valid terms from the ledger's term column, all dates. */
  terms: number[];
  /** False for a dealer seen only in rows after the as-of date: not part of the report. */
  present: boolean;
}

interface RepAcc {
  rep: string | null;
  dealers: number;
  openingReceivable: Fen;
  sales: Fen;
  returns: Fen;
  collections: Fen;
  overdue: Fen;
  overdueCount: number;
  pastFinal: Fen;
  pastFinalCount: number;
  closingReceivable: Fen;
}

/**
 * Age a ledger as of `options.asOf`. Entries dated after it are left out; entries without a date
 * cannot be aged and are reported as issues. Throws only for an as-of date or period that is not a
 * valid YYYY-MM-DD date (callers validate what the user typed first).
 */
export function ageLedger(input: AgingInput, options: AgingOptions): AgingReport {
  const { asOf } = options;
  assertIsoDate("asOf", asOf);
  if (input.periodStart !== undefined) assertIsoDate("periodStart", input.periodStart);
  const issues: AgingIssue[] = [];
  const basis: AgingBasis = options.basis ?? "due";
  const classify = options.classify ?? cachedClassifier();
  const flagByKey = new Map<string, ReviewMark>();
  for (const f of options.reconciliation?.flags ?? []) {
    const key = rowKey(f.sheet, f.row);
    if (!flagByKey.has(key)) flagByKey.set(key, { kind: f.kind, zh: f.reason.zh, en: f.reason.en });
  }
  const reviewOf = (sheet: string, row: number): ReviewMark | null => (flagByKey.size === 0 ? null : flagByKey.get(rowKey(sheet, row)) ?? null);
  /** Flagged rows that were aged, by entry index, with what became of them (filled while settling). */
  const flagged: { index: number; mark: ReviewMark; dealer: string; rep: string | null; open: Fen; status: UnderReconciliation["status"] }[] = [];
  const flaggedAt = new Map<number, number>();

  let defaultTermDays = options.defaultTermDays ?? DEFAULT_TERM_DAYS;
  if (!isValidTerm(defaultTermDays)) {
    issues.push({
      code: "bad_default_term",
      zh: `默认账期“${String(defaultTermDays)}”不是有效天数（0 至 3650 的整数），已改用 ${DEFAULT_TERM_DAYS} 天`,
      en: `default term "${String(defaultTermDays)}" is not a whole number of days from 0 to 3650; using ${DEFAULT_TERM_DAYS}`,
    });
    defaultTermDays = DEFAULT_TERM_DAYS;
  }

  let buckets = options.buckets ? options.buckets.map((b) => ({ ...b })) : defaultBuckets(basis);
  const problem = options.buckets ? bucketProblem(options.buckets) : null;
  if (problem) {
    issues.push({
      code: "bad_buckets",
      zh: `${problem.zh}，已改用默认账龄区间`,
      en: `${problem.en}; using the default buckets`,
    });
    buckets = defaultBuckets(basis);
  }
  const bucketKeys = [...buckets.map((b) => b.key), UNKNOWN_AGE_BUCKET, UNAPPLIED_BUCKET];

  const resolver = new TermResolver(options.terms, defaultTermDays);
  for (const bad of resolver.invalid) {
    const where = bad.source === "register" ? { zh: "信用档案", en: "credit register" } : { zh: "账期表", en: "term table" };
    issues.push({
      code: "bad_term",
      zh: `${where.zh}中“${bad.dealer}”的账期“${String(bad.value)}”不是有效天数，未采用`,
      en: `${where.en}: term "${String(bad.value)}" for "${bad.dealer}" is not a valid number of days; not used`,
    });
  }

  const dayCache = new Map<string, number>();
  const dayOf = (date: IsoDate): number => {
    let day = dayCache.get(date);
    if (day === undefined) {
      day = toEpochDay(date);
      dayCache.set(date, day);
    }
    return day;
  };
  const asOfDay = dayOf(asOf);
  const isoCache = new Map<number, IsoDate>();
  const isoOf = (day: number): IsoDate => {
    let iso = isoCache.get(day);
    if (iso === undefined) {
      iso = fromEpochDay(day);
      isoCache.set(day, iso);
    }
    return iso;
  };

  // Group by dealer. Names are matched as the term tables match them (width and spaces ignored).
  const accByName = new Map<string | null, DealerAcc>();
  const accByKey = new Map<string, DealerAcc>();
  const order: DealerAcc[] = [];
  const accFor = (dealer: string | null): DealerAcc => {
    let acc = accByName.get(dealer);
    if (acc !== undefined) return acc;
    const name = dealer === null || dealer.trim() === "" ? UNNAMED_DEALER : dealer;
    const key = dealerKey(name);
    acc = accByKey.get(key);
    if (acc === undefined) {
      acc = { name, entries: [], sorted: true, openings: [], rep: null, repDay: -Infinity, terms: [], present: false };
      accByKey.set(key, acc);
      order.push(acc);
    }
    accByName.set(dealer, acc);
    return acc;
  };

  const entries = input.entries;
  const days = new Int32Array(entries.length);
  let ignoredAfterAsOf = 0;
  let earliestEntryDay = Infinity;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const acc = accFor(e.dealer);
    // A term is a standing agreement, so every row's term column counts, even a row dated after the
    // as-of date: otherwise a later row could change a dealer's term and make an old item younger.
    if (e.termDays !== null) {
      if (isValidTerm(e.termDays)) acc.terms.push(e.termDays);
      else
        issues.push({
          code: "bad_term",
          sheet: e.sheet,
          row: e.row,
          zh: `${e.sheet} 第${e.row}行账期“${String(e.termDays)}”不是有效天数，改用该经销商的账期`,
          en: `${e.sheet} row ${e.row}: term "${String(e.termDays)}" is not a valid number of days; using the dealer's term`,
        });
    }
    if (e.date === null) {
      issues.push({
        code: "entry_without_date",
        sheet: e.sheet,
        row: e.row,
        zh: `${e.sheet} 第${e.row}行没有日期，无法计算账龄；请补上日期`,
        en: `${e.sheet} row ${e.row} has no date and cannot be aged; fill in the date`,
      });
      continue;
    }
    if (e.date > asOf) {
      ignoredAfterAsOf++;
      continue;
    }
    if (!Number.isSafeInteger(e.amount)) {
      issues.push({
        code: "bad_amount",
        sheet: e.sheet,
        row: e.row,
        zh: `${e.sheet} 第${e.row}行金额无效，未计入账龄`,
        en: `${e.sheet} row ${e.row} has an invalid amount; left out of the aging`,
      });
      continue;
    }
    const day = dayOf(e.date);
    acc.present = true;
    if (e.rep !== null && e.rep.trim() !== "" && day >= acc.repDay) {
      // The rep on the latest row owns the dealer: reps change, the latest assignment counts.
      acc.rep = e.rep;
      acc.repDay = day;
    }
    if (e.amount === 0) continue;
    if (flagByKey.size > 0) {
      const mark = reviewOf(e.sheet, e.row);
      if (mark !== null) {
        flaggedAt.set(i, flagged.length);
        flagged.push({ index: i, mark, dealer: "", rep: null, open: 0, status: "settled" });
      }
    }
    days[i] = day;
    if (day < earliestEntryDay) earliestEntryDay = day;
    const list = acc.entries;
    if (list.length > 0 && days[list[list.length - 1]] > day) acc.sorted = false;
    list.push(i);
  }

  // Opening balances are dated at the period start: the given one, else the opening row's own date.
  const openings = input.openings;
  let earliestOpeningDate: IsoDate | null = null;
  for (const o of openings) {
    if (o.date !== null && (earliestOpeningDate === null || o.date < earliestOpeningDate)) earliestOpeningDate = o.date;
  }
  const periodStart: IsoDate =
    input.periodStart ??
    earliestOpeningDate ??
    (earliestEntryDay === Infinity ? asOf : fromEpochDay(Math.min(earliestEntryDay, asOfDay)));
  const openingDates: (IsoDate | null)[] = new Array(openings.length).fill(null);
  for (let j = 0; j < openings.length; j++) {
    const o = openings[j];
    const date = input.periodStart ?? o.date ?? periodStart;
    if (date > asOf) {
      ignoredAfterAsOf++;
      continue;
    }
    if (!Number.isSafeInteger(o.amount)) {
      issues.push({
        code: "bad_amount",
        sheet: o.sheet,
        row: o.row,
        zh: `${o.sheet} 第${o.row}行期初余额金额无效，未计入账龄`,
        en: `${o.sheet} row ${o.row}: the opening balance amount is invalid; left out of the aging`,
      });
      continue;
    }
    if (o.amount === 0) continue;
    openingDates[j] = date;
    const acc = accFor(o.dealer);
    acc.present = true;
    acc.openings.push(j);
  }

  // Period for the per-rep figures.
  let from = options.repPeriod?.from ?? periodStart;
  let to = options.repPeriod?.to ?? asOf;
  if (options.repPeriod) {
    assertIsoDate("repPeriod.from", from);
    assertIsoDate("repPeriod.to", to);
    if (to > asOf) {
      issues.push({
        code: "bad_rep_period",
        zh: `业务员统计期间截止日 ${to} 晚于账龄日期 ${asOf}，已截至 ${asOf}`,
        en: `the rep period ends ${to}, after the as-of date ${asOf}; cut at ${asOf}`,
      });
      to = asOf;
    }
    if (from > to) {
      issues.push({
        code: "bad_rep_period",
        zh: `业务员统计期间起始日 ${from} 晚于截止日 ${to}，已改为 ${to}`,
        en: `the rep period starts ${from}, after its end ${to}; starting at ${to}`,
      });
      from = to;
    }
  }
  const fromDay = dayOf(from);
  const toDay = dayOf(to);

  const emptyBuckets = (): Record<string, Fen> => {
    const out: Record<string, Fen> = {};
    for (const key of bucketKeys) out[key] = 0;
    return out;
  };
  const emptyStages = (): Record<Stage, StageTotal> => {
    const out = {} as Record<Stage, StageTotal>;
    for (const s of STAGES) out[s] = { amount: 0, count: 0 };
    return out;
  };

  const totals = { openBalance: 0, buckets: emptyBuckets(), byStage: emptyStages() };
  const reps = new Map<string | null, RepAcc>();
  const dealers: DealerAging[] = [];

  // Buffers shared by all dealers: a million rows would otherwise leave a million small objects and
  // arrays for the garbage collector, which costs more than the aging itself.
  let longest = 0;
  for (const acc of order) longest = Math.max(longest, acc.entries.length + acc.openings.length);
  const sortKeys = new Float64Array(longest);
  const debitSrc = new Int32Array(longest);
  const debitOpen = new Float64Array(longest);
  const debitRefs: (readonly string[])[] = new Array(longest).fill(NO_REFS);
  const creditSrc = new Int32Array(longest);
  const creditOpen = new Float64Array(longest);
  const creditRefs: (readonly string[])[] = new Array(longest).fill(NO_REFS);

  const noteFlagged = (index: number, status: UnderReconciliation["status"], open: Fen) => {
    const at = flaggedAt.get(index);
    if (at === undefined) return;
    flagged[at].status = status;
    flagged[at].open = open;
  };

  for (const acc of order) {
    if (!acc.present) continue;
    if (!acc.sorted) sortByDate(acc.entries, days, sortKeys);
    const dealerTerm = resolver.forDealer(acc.name, acc.terms);
    const rep = acc.rep;

    // Debits and credits, oldest first; opening balances are older than any row. Sources are
    // entry indices, or -1 - opening index.
    let debitCount = 0;
    let creditCount = 0;
    const repFigures = {
      openingReceivable: 0,
      sales: 0,
      returns: 0,
      collections: 0,
      closingReceivable: 0,
    };
    let openBalance = 0;

    for (const j of acc.openings) {
      const amount = openings[j].amount;
      const day = dayOf(openingDates[j] as IsoDate);
      openBalance += amount;
      if (day <= fromDay) repFigures.openingReceivable += amount;
      if (day <= toDay) repFigures.closingReceivable += amount;
      if (amount > 0) {
        debitSrc[debitCount] = -1 - j;
        debitOpen[debitCount] = amount;
        debitRefs[debitCount++] = NO_REFS;
      } else {
        creditSrc[creditCount] = -1 - j;
        creditOpen[creditCount] = -amount;
        creditRefs[creditCount++] = NO_REFS;
      }
    }
    for (const i of acc.entries) {
      const e = entries[i];
      const day = days[i];
      const amount = e.amount;
      openBalance += amount;
      if (day < fromDay) repFigures.openingReceivable += amount;
      else if (day <= toDay) {
        if (amount > 0) repFigures.sales += amount;
        else if (classify(e) === "credit") repFigures.returns -= amount;
        else repFigures.collections -= amount;
      }
      if (day <= toDay) repFigures.closingReceivable += amount;
      const refs = e.refs.length > 0 ? e.refs : e.ref !== null ? [e.ref] : NO_REFS;
      if (amount > 0) {
        debitSrc[debitCount] = i;
        debitOpen[debitCount] = amount;
        debitRefs[debitCount++] = refs;
      } else {
        creditSrc[creditCount] = i;
        creditOpen[creditCount] = -amount;
        creditRefs[creditCount++] = refs;
      }
    }
    repFigures.sales -= repFigures.returns;

    linkNamedInText(debitRefs, debitCount, creditRefs, (c) => (creditSrc[c] < 0 ? null : entries[creditSrc[c]].description), creditCount);
    settleInPlace(debitOpen, debitRefs, debitCount, creditOpen, creditRefs, creditCount);

    const dealerBuckets = emptyBuckets();
    const byStage = emptyStages();
    const items: OpenItem[] = [];
    let overdue = 0;
    let overdueCount = 0;
    let pastFinal = 0;
    let pastFinalCount = 0;
    for (let k = 0; k < debitCount; k++) {
      const open = debitOpen[k];
      if (open === 0) continue;
      const src = debitSrc[k];
      const opening = src < 0 ? openings[-1 - src] : null;
      const e = src < 0 ? null : entries[src];
      const term = e === null ? dealerTerm : termForRow(dealerTerm, e.termDays);
      const date = (e === null ? openingDates[-1 - src] : e.date) as IsoDate;
      const unknownAge = e === null;
      const docDay = dayOf(date);
      const dueDay = docDay + term.termDays;
      const daysPastDue = asOfDay - dueDay;
      const ageDays = asOfDay - docDay;
      const stage = stageFor(daysPastDue, term.termDays);
      const dueDate = isoOf(dueDay);
      const bucket = unknownAge ? UNKNOWN_AGE_BUCKET : buckets[bucketIndex(buckets, basis === "due" ? daysPastDue : ageDays)].key;
      const sheet = e === null ? (opening as Opening).sheet : e.sheet;
      const row = e === null ? (opening as Opening).row : e.row;
      const review = reviewOf(sheet, row);
      // One literal with every field, in one order: V8 keeps such objects compact, which matters
      // when a large ledger leaves a hundred thousand items open.
      items.push({
        dealer: acc.name,
        rep,
        sheet,
        row,
        kind: e === null ? "opening" : "sale",
        ref: e === null ? null : e.ref,
        description: e === null ? OPENING_DESCRIPTION : e.description,
        date,
        amount: e === null ? (opening as Opening).amount : e.amount,
        open,
        termDays: term.termDays,
        termSource: term.source,
        dueDate,
        finalDate: isoOf(dueDay + graceDays(term.termDays)),
        daysPastDue,
        ageDays,
        stage,
        bucket,
        unknownAge,
        nextAction: nextActionOn(stage, dueDay, term.termDays, unknownAge, asOfDay, isoOf),
        underReconciliation: review,
      });
      if (review !== null && src >= 0) noteFlagged(src, "open", open);
      dealerBuckets[bucket] += open;
      byStage[stage].amount += open;
      byStage[stage].count++;
      // The per-rep figures leave 待核对 items out, as the collection plan does: a rep is not held to
      // money that may not be owed. They stay in the balance and the buckets.
      if (review !== null) continue;
      if (isLate(stage)) {
        overdue += open;
        overdueCount++;
      }
      if (stage === "past_final") {
        pastFinal += open;
        pastFinalCount++;
      }
    }

    const unapplied: UnappliedCredit[] = [];
    for (let k = 0; k < creditCount; k++) {
      if (creditOpen[k] === 0) continue;
      const src = creditSrc[k];
      if (src < 0) {
        const o = openings[-1 - src];
        unapplied.push({
          dealer: acc.name,
          rep,
          sheet: o.sheet,
          row: o.row,
          kind: "opening",
          ref: null,
          description: OPENING_DESCRIPTION,
          date: openingDates[-1 - src] as IsoDate,
          amount: o.amount,
          open: -creditOpen[k],
          unknownAge: true,
        });
      } else {
        const e = entries[src];
        unapplied.push({
          dealer: acc.name,
          rep,
          sheet: e.sheet,
          row: e.row,
          kind: classify(e) === "credit" ? "credit" : "receipt",
          ref: e.ref,
          description: e.description,
          date: e.date as IsoDate,
          amount: e.amount,
          open: -creditOpen[k],
          unknownAge: false,
        });
        const review = reviewOf(e.sheet, e.row);
        if (review !== null) {
          unapplied[unapplied.length - 1].underReconciliation = review;
          noteFlagged(src, "unapplied", -creditOpen[k]);
        }
      }
      dealerBuckets[UNAPPLIED_BUCKET] -= creditOpen[k];
    }

    for (const key of bucketKeys) totals.buckets[key] += dealerBuckets[key];
    for (const s of STAGES) {
      totals.byStage[s].amount += byStage[s].amount;
      totals.byStage[s].count += byStage[s].count;
    }
    totals.openBalance += openBalance;

    if (flaggedAt.size > 0) {
      for (const i of acc.entries) {
        const at = flaggedAt.get(i);
        if (at === undefined) continue;
        flagged[at].dealer = acc.name;
        flagged[at].rep = rep;
      }
    }

    dealers.push({
      dealer: acc.name,
      rep,
      termDays: dealerTerm.termDays,
      termSource: dealerTerm.source,
      openBalance,
      buckets: dealerBuckets,
      byStage,
      items,
      credits: unapplied,
    });

    let r = reps.get(rep);
    if (r === undefined) {
      r = {
        rep,
        dealers: 0,
        openingReceivable: 0,
        sales: 0,
        returns: 0,
        collections: 0,
        overdue: 0,
        overdueCount: 0,
        pastFinal: 0,
        pastFinalCount: 0,
        closingReceivable: 0,
      };
      reps.set(rep, r);
    }
    r.dealers++;
    r.openingReceivable += repFigures.openingReceivable;
    r.sales += repFigures.sales;
    r.returns += repFigures.returns;
    r.collections += repFigures.collections;
    r.closingReceivable += repFigures.closingReceivable;
    r.overdue += overdue;
    r.overdueCount += overdueCount;
    r.pastFinal += pastFinal;
    r.pastFinalCount += pastFinalCount;
  }

  const periodDays = toDay - fromDay + 1;
  const repList: RepFigures[] = [];
  for (const r of reps.values()) repList.push(repFiguresOf(r, periodDays));
  // Dealers without a rep go last, so named reps read first.
  repList.sort((a, b) => (a.rep === null ? 1 : 0) - (b.rep === null ? 1 : 0));

  return {
    asOf,
    basis,
    periodStart,
    defaultTermDays,
    bucketKeys,
    buckets,
    dealers,
    totals,
    repPeriod: { from, to },
    reps: repList,
    ignoredAfterAsOf,
    issues,
    unreadable: input.unreadable ? [...input.unreadable] : [],
    unreadableRows: input.unreadable ? unreadableRowCount(input.unreadable) : 0,
    reconciliation: options.reconciliation
      ? {
          ledgerSheet: options.reconciliation.ledgerSheet,
          statementSheet: options.reconciliation.statementSheet,
          cutoff: options.reconciliation.cutoff,
          dealers: [...(options.reconciliation.dealers ?? [])],
        }
      : null,
    underReconciliation: flagged.map((f): UnderReconciliation => {
      const e = entries[f.index];
      return {
        dealer: f.dealer,
        rep: f.rep,
        sheet: e.sheet,
        row: e.row,
        kind: f.mark.kind,
        zh: f.mark.zh,
        en: f.mark.en,
        date: e.date as IsoDate,
        ref: e.ref,
        description: e.description,
        amount: e.amount,
        open: f.open,
        status: f.status,
      };
    }),
  };
}

/**
 * 回款率 = collections / (receivable at the start of the period + net sales in the period): the share
 * of what could have been collected that was (the usual 应收账款回收率). A plain collections / sales
 * ratio exceeds 100% whenever old debt is paid, and says nothing when there were no sales.
 * DSO = closing receivable / net credit sales × days in the period (both ends counted).
 */
function repFiguresOf(r: RepAcc, periodDays: number): RepFigures {
  const base = r.openingReceivable + r.sales;
  return {
    rep: r.rep,
    dealers: r.dealers,
    openingReceivable: r.openingReceivable,
    sales: r.sales,
    returns: r.returns,
    collections: r.collections,
    collectionRate: base > 0 ? r.collections / base : null,
    overdue: r.overdue,
    overdueCount: r.overdueCount,
    pastFinal: r.pastFinal,
    pastFinalCount: r.pastFinalCount,
    closingReceivable: r.closingReceivable,
    dso: r.sales > 0 ? (r.closingReceivable / r.sales) * periodDays : null,
  };
}

/** The default classifier looks only at the description, and ledgers repeat a few descriptions. */
function cachedClassifier(): (entry: Entry) => EntryKind {
  const cache = new Map<string, EntryKind>();
  return (entry) => {
    if (entry.amount > 0) return "sale";
    let kind = cache.get(entry.description);
    if (kind === undefined) {
      kind = classifyEntry(entry);
      cache.set(entry.description, kind);
    }
    return kind;
  };
}

/**
 * Sort entry indices by date, keeping sheet order within a day, with one packed numeric key per
 * row (day, then position) so the typed-array sort needs no comparator.
 */
function sortByDate(indices: number[], days: Int32Array, keys: Float64Array): void {
  const n = indices.length;
  const slot = 2 ** 24; // positions within one dealer; days since 1900 stay below 2 ** 22
  if (n >= slot) {
    indices.sort((a, b) => days[a] - days[b] || a - b);
    return;
  }
  const dayBase = 30_000; // 1900-01-01 is day -25567
  const view = keys.subarray(0, n);
  for (let p = 0; p < n; p++) view[p] = (days[indices[p]] + dayBase) * slot + p;
  view.sort();
  const copy = indices.slice();
  for (let p = 0; p < n; p++) indices[p] = copy[view[p] % slot];
}
