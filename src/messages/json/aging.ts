/**
 * The `duizhang aging --json` contract (issue 6 item 8). Other tools read it: the names below never
 * change; new fields may be added. Texts core gives as messages are rendered here, in both languages.
 */
import { addFen, fen, formatFen } from "../../core/money";
import type { Fen } from "../../core/model";
import type { ReviewMark } from "../../core/aging/review";
import type { Limitation } from "../../core/collect/limitation";
import type { AgingReport, OpenItem, UnappliedCredit } from "../../core/aging/types";
import type { Message } from "../../core/messages";
import type { Lang } from "../../app/lang";
import { render as renderOnce } from "../render";
import { LazyJsonItems } from "./lazy-items";

/** A message's text, each message object rendered once per report: half a million items share a few actions. */
type Texts = (m: Message, lang: Lang) => string;

function textsOnce(): Texts {
  const known: Record<Lang, Map<Message, string>> = { "zh-CN": new Map(), "en-US": new Map() };
  return (m, lang) => {
    let text = known[lang].get(m);
    if (text === undefined) {
      text = renderOnce(m, lang);
      known[lang].set(m, text);
    }
    return text;
  };
}

/** `underReconciliation` of a flagged item or credit (待核对). */
function reviewJson(mark: ReviewMark, render: Texts): { kind: string; reason: string; reasonEn: string } {
  return { kind: mark.kind, reason: render(mark.text, "zh-CN"), reasonEn: render(mark.text, "en-US") };
}

/**
 * The limitation period of an item, when the use case worked it out, added to its JSON. Fields are set
 * one by one, in the contract's order, rather than spread from small objects: a report has an item per
 * open row, and the spreads cost more than the rest of the item.
 */
function addLimitation(out: Record<string, unknown>, l: Limitation, render: Texts): void {
  const b = l.basis;
  const basis: Record<string, unknown> = { kind: b.kind, date: b.date };
  if (b.sheet !== undefined) basis.sheet = b.sheet;
  if (b.row !== undefined) basis.row = b.row;
  if (b.number !== undefined) basis.number = b.number;
  basis.text = render(b.text, "zh-CN");
  basis.textEn = render(b.text, "en-US");
  out.limitationExpires = l.expires;
  out.limitationBasis = basis;
  out.limitationStatus = l.status;
  out.limitationDaysLeft = l.daysLeft;
}

function itemJson(item: OpenItem, render: Texts): Record<string, unknown> {
  const out: Record<string, unknown> = {
    row: item.row,
    sheet: item.sheet,
    ref: item.ref,
    date: item.date,
    dueDate: item.dueDate,
    finalDate: item.finalDate,
    open: formatFen(item.open),
    amount: formatFen(item.amount),
    // Days past due; 0 while the item is not yet due.
    daysOverdue: Math.max(0, item.daysPastDue),
    daysPastDue: item.daysPastDue,
    stage: item.stage,
    bucket: item.bucket,
    termDays: item.termDays,
    termSource: item.termSource,
    unknownAge: item.unknownAge,
    nextAction: item.nextAction.code,
    nextActionDate: item.nextAction.date,
    nextActionText: { zh: render(item.nextAction.text, "zh-CN"), en: render(item.nextAction.text, "en-US") },
  };
  if (item.underReconciliation) out.underReconciliation = reviewJson(item.underReconciliation, render);
  if (item.limitation) addLimitation(out, item.limitation, render);
  return out;
}

/** A string or null as JSON. */
function quoted(value: string | null): string {
  return JSON.stringify(value);
}

/** A number as JSON writes it (`null` for NaN and the infinities). */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : "null";
}

/**
 * `JSON.stringify(value, null, 2)` of an object as it reads `indent` in, without its braces: its fields,
 * each on its own line, joined by `,\n`. The text has no line break of its own inside a string (JSON
 * escapes them), and every line between the braces starts with two spaces: indenting is putting `indent`
 * in their place.
 */
function fieldsText(value: object, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  return text.length <= 2 ? "" : `${indent}${text.slice(4, -2).replace(/\n {2}/g, `\n${indent}`)}`;
}

/**
 * The text of `itemJson(item)` where the streamed writer puts it, made without the object: the same fields
 * in the same order. Parts many items share (a few sheets, dates, stages; the action texts; the limitation
 * periods, one object per start) are made once per report and indent.
 */
class ItemTexts {
  private readonly quotes = new Map<string, string>();
  /** The `nextAction` fields' text by action code and date, with the message it was made from. */
  private readonly actions = new Map<string, Map<string, { text: Message; json: string }>>();
  private readonly limitations = new Map<Limitation, string>();
  private indent: string | null = null;
  /** Each field's `,\n`, indent and key, for the current indent. */
  private keys: Record<string, string> = {};

  constructor(private readonly render: Texts) {}

  /** A string that repeats across items (a sheet, a date, a stage or bucket key) as JSON. */
  private q(value: string): string {
    let text = this.quotes.get(value);
    if (text === undefined) {
      text = quoted(value);
      this.quotes.set(value, text);
    }
    return text;
  }

  private atIndent(indent: string): void {
    this.indent = indent;
    this.actions.clear();
    this.limitations.clear();
    const i = `${indent}  `;
    const keys: Record<string, string> = {};
    for (const key of ["row", "sheet", "ref", "date", "dueDate", "finalDate", "open", "amount", "daysOverdue", "daysPastDue", "stage", "bucket", "termDays", "termSource", "unknownAge"]) {
      keys[key] = `${key === "row" ? "{" : ","}\n${i}${quoted(key)}: `;
    }
    this.keys = keys;
  }

  /** `"nextAction"`, `"nextActionDate"` and `"nextActionText"` of an item, with the comma before them. */
  private action(action: OpenItem["nextAction"]): string {
    let byDate = this.actions.get(action.code);
    if (byDate === undefined) this.actions.set(action.code, (byDate = new Map()));
    const made = byDate.get(action.date);
    if (made !== undefined && made.text === action.text) return made.json;
    const i = `${this.indent}  `;
    const t = action.text;
    const json =
      `,\n${i}"nextAction": ${quoted(action.code)},\n${i}"nextActionDate": ${quoted(action.date)},` +
      `\n${i}"nextActionText": {\n${fieldsText({ zh: this.render(t, "zh-CN"), en: this.render(t, "en-US") }, `${i}  `)}\n${i}}`;
    if (made === undefined) byDate.set(action.date, { text: t, json });
    return json;
  }

  item(item: OpenItem, indent: string): string {
    if (indent !== this.indent) this.atIndent(indent);
    const k = this.keys;
    let text =
      k.row + numberText(item.row) + k.sheet + this.q(item.sheet) + k.ref + quoted(item.ref) +
      k.date + this.q(item.date) + k.dueDate + this.q(item.dueDate) + k.finalDate + this.q(item.finalDate) +
      k.open + `"${formatFen(item.open)}"` + k.amount + `"${formatFen(item.amount)}"` +
      k.daysOverdue + numberText(Math.max(0, item.daysPastDue)) + k.daysPastDue + numberText(item.daysPastDue) +
      k.stage + this.q(item.stage) + k.bucket + this.q(item.bucket) + k.termDays + numberText(item.termDays) +
      k.termSource + this.q(item.termSource) + k.unknownAge + (item.unknownAge ? "true" : "false") +
      this.action(item.nextAction);
    const i = `${indent}  `;
    if (item.underReconciliation) text += `,\n${fieldsText({ underReconciliation: reviewJson(item.underReconciliation, this.render) }, i)}`;
    if (item.limitation) {
      let limitation = this.limitations.get(item.limitation);
      if (limitation === undefined) {
        const fields: Record<string, unknown> = {};
        addLimitation(fields, item.limitation, this.render);
        limitation = `,\n${fieldsText(fields, i)}`;
        this.limitations.set(item.limitation, limitation);
      }
      text += limitation;
    }
    return `${text}\n${indent}}`;
  }
}

function creditJson(c: UnappliedCredit, render: Texts): Record<string, unknown> {
  const out: Record<string, unknown> = {
    row: c.row,
    sheet: c.sheet,
    ref: c.ref,
    date: c.date,
    kind: c.kind,
    open: formatFen(c.open),
    amount: formatFen(c.amount),
    unknownAge: c.unknownAge,
  };
  if (c.underReconciliation) out.underReconciliation = reviewJson(c.underReconciliation, render);
  return out;
}

function amounts(record: Record<string, Fen>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) out[key] = formatFen(record[key] ?? 0);
  return out;
}

/** Ratios to 4 places, DSO to 1: more digits are noise in a monthly review. */
function round(value: number | null, places: number): number | null {
  if (value === null) return null;
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

export function toAgingJson(report: AgingReport): object {
  const render = textsOnce();
  return agingJson(report, render, report.dealers.map((d) => dealerJson(d, report.bucketKeys, render)));
}

/**
 * The same JSON for the streamed writer (`aging --json`): each dealer's object is made only when the
 * writer comes to it (`LazyJsonItems`), and its open items are written as text straight from the report's
 * items (`itemText`), so a large ledger's hundred thousand item objects are never made at all.
 * `JSON.stringify` of it gives the text of `toAgingJson`.
 */
export function agingJsonToWrite(report: AgingReport): object {
  const render = textsOnce();
  const texts = new ItemTexts(render);
  const dealers = report.dealers;
  return agingJson(
    report,
    render,
    new LazyJsonItems(dealers.length, (i) => {
      const d = dealers[i];
      return dealerJson(d, report.bucketKeys, render, new LazyJsonItems(d.items.length, (k) => itemJson(d.items[k], render), (k, indent) => texts.item(d.items[k], indent)));
    }),
  );
}

function dealerJson(d: AgingReport["dealers"][number], bucketKeys: readonly string[], render: Texts, items?: LazyJsonItems<object>): object {
  return {
    dealer: d.dealer,
    rep: d.rep,
    openBalance: formatFen(d.openBalance),
    termDays: d.termDays,
    termSource: d.termSource,
    buckets: amounts(d.buckets, bucketKeys),
    items: items ?? d.items.map((item) => itemJson(item, render)),
    credits: d.credits.map((c) => creditJson(c, render)),
  };
}

function agingJson(report: AgingReport, render: Texts, dealers: object[] | LazyJsonItems<object>): object {
  return {
    asOf: report.asOf,
    basis: report.basis,
    periodStart: report.periodStart,
    defaultTermDays: report.defaultTermDays,
    bucketKeys: report.bucketKeys,
    totals: {
      openBalance: formatFen(report.totals.openBalance),
      buckets: amounts(report.totals.buckets, report.bucketKeys),
      byStage: Object.fromEntries(
        Object.entries(report.totals.byStage).map(([stage, t]) => [stage, { amount: formatFen(t.amount), count: t.count }]),
      ),
      // Rows with a cell that could not be read are in no figure above: see `unreadable`.
      excludedUnreadableRows: report.unreadableRows,
      // Flagged open items are in the figures above but out of the collection plan: see `underReconciliation`.
      underReconciliation: underReconciliationTotal(report),
    },
    dealers,
    repPeriod: report.repPeriod,
    reps: report.reps.map((r) => ({
      rep: r.rep ?? "",
      sales: formatFen(r.sales),
      collections: formatFen(r.collections),
      collectionRate: round(r.collectionRate, 4),
      overdue: formatFen(r.overdue),
      overdueCount: r.overdueCount,
      pastFinalCount: r.pastFinalCount,
      dso: round(r.dso, 1),
      dealers: r.dealers,
      openingReceivable: formatFen(r.openingReceivable),
      returns: formatFen(r.returns),
      pastFinal: formatFen(r.pastFinal),
      closingReceivable: formatFen(r.closingReceivable),
    })),
    ignoredAfterAsOf: report.ignoredAfterAsOf,
    // As the issues were written before they became messages: code, where, then the text in both languages.
    issues: report.issues.map((i) => ({ code: i.code, ...(i.sheet !== undefined ? { sheet: i.sheet } : {}), ...(i.row !== undefined ? { row: i.row } : {}), zh: render(i.text, "zh-CN"), en: render(i.text, "en-US") })),
    unreadable: report.unreadable.map((u) => ({
      sheet: u.sheet,
      row: u.row,
      dealer: u.dealer,
      cell: u.cell,
      column: u.column,
      header: u.header,
      found: u.found,
      code: u.code,
      message: render(u.text, "zh-CN"),
      messageEn: render(u.text, "en-US"),
    })),
    reconciliation: report.reconciliation,
    underReconciliation: report.underReconciliation.map((u) => ({
      sheet: u.sheet,
      row: u.row,
      dealer: u.dealer,
      rep: u.rep,
      date: u.date,
      ref: u.ref,
      amount: formatFen(u.amount),
      open: formatFen(u.open),
      status: u.status,
      kind: u.kind,
      reason: render(u.text, "zh-CN"),
      reasonEn: render(u.text, "en-US"),
    })),
  };
}

/** Open amount and count of the items kept out of the plan (待核对). */
function underReconciliationTotal(report: AgingReport): { open: string; count: number } {
  let open = fen(0);
  let count = 0;
  for (const d of report.dealers) {
    for (const item of d.items) {
      if (!item.underReconciliation) continue;
      open = addFen(open, item.open);
      count++;
    }
  }
  return { open: formatFen(open), count };
}
