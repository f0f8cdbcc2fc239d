/**
 * The JSON contract printed by `duizhang reconcile --json` (issue 4, item 10). Other tools read it:
 * the names in the issue are never renamed; fields may only be added. Texts come from the message tables:
 * `message`, `text`, `reason`, `note`… in Chinese, their `…En` twins in English.
 *
 * `matched` counts match GROUPS (one pairing, whatever its number of rows: a payment split in two is
 * one match). `matchedLedgerRows` / `matchedStatementRows` give the row counts. Amount mismatches are
 * differences, not matches, so they count in neither.
 */
import type { Message } from "../../core/messages";
import { formatFen } from "../../core/money";
import { matchCounts } from "../../core/reconcile/matches";
import type { Fen } from "../../core/model";
import type { Adjustment, DealerResult, Difference, PendingItem, ReconcileReport } from "../../core/reconcile/types";
import { render } from "../render";
import { LazyJsonItems } from "./lazy-items";

const zh = (m: Message) => render(m, "zh-CN");
const en = (m: Message) => render(m, "en-US");

export interface ReconcileJsonOptions {
  /** Adds `matches` to every dealer (not printed by default). */
  includeMatches?: boolean;
  /**
   * Given for a ledger read over several sheets, whose run numbers each sheet's rows apart: where a run's
   * ledger row is. `ledgerRows` then hold each row's number on its own sheet, as a one-sheet report does,
   * and `ledgerPlaces` (`duplicateOfPlace`, `ledgerOpeningPlaces`) beside them say which sheet.
   */
  ledgerPlace?: (row: number) => { sheet: string; row: number };
}

/** `ledgerRows` as printed, and `ledgerPlaces` beside them when the ledger spans several sheets. */
function ledgerRowsJson(rows: readonly number[], place: Place): { ledgerRows: readonly number[]; ledgerPlaces?: { sheet: string; row: number }[] } {
  if (!place) return { ledgerRows: rows };
  const places = rows.map(place);
  return { ledgerRows: places.map((p) => p.row), ledgerPlaces: places };
}

export function toReconcileJson(report: ReconcileReport, options: ReconcileJsonOptions = {}): object {
  return reconcileJson(report, options, eagerLists(options.ledgerPlace));
}

function reconcileJson(report: ReconcileReport, options: ReconcileJsonOptions, lists: DealerLists): object {
  return {
    asOf: report.asOf,
    cutoff: report.cutoff,
    dealers: report.dealers.map((d) => dealerJson(d, options, lists)),
    problems: report.problems.map((p) => ({ code: p.code, message: zh(p.text), messageEn: en(p.text) })),
    staleDecisions: report.staleDecisions,
    options: {
      amountTolerance: formatFen(report.options.amountToleranceFen),
      dateWindowBefore: report.options.dateWindowBefore,
      dateWindowAfter: report.options.dateWindowAfter,
      feeTolerance: formatFen(report.options.feeToleranceFen),
      subsetMaxItems: report.options.subsetMaxItems,
      subsetMaxNodes: report.options.subsetMaxNodes,
      dealer: report.options.dealer,
    },
  };
}

/** The lists of a dealer that run to a row or two per difference, as the report is written (see `reconcileJsonToWrite`). */
interface DealerLists {
  differences: (d: DealerResult) => object[] | LazyJsonItems<object>;
  pendingItems: (d: DealerResult) => object[] | LazyJsonItems<object>;
  adjustments: (list: readonly Adjustment[]) => object[] | LazyJsonItems<object>;
}

function eagerLists(place: Place | undefined): DealerLists {
  return {
    differences: (d) => d.differences.map((x) => differenceJson(x, place)),
    pendingItems: (d) => d.reconciliation.pendingItems.map((x) => pendingJson(x, place)),
    adjustments: (list) => list.map((a) => adjustmentJson(a, place)),
  };
}

type Place = ReconcileJsonOptions["ledgerPlace"];

function adjustmentJson(a: Adjustment, place: Place): object {
  return {
    source: a.source,
    ...ledgerRowsJson(a.ledgerRows, place),
    statementRows: a.statementRows,
    amount: formatFen(a.amount),
    text: zh(a.text),
    textEn: en(a.text),
  };
}

function differenceJson(x: Difference, place: Place): object {
  // A ledger duplicate repeats a ledger row, which may be on another sheet.
  const dupPlace = place && x.kind === "duplicate" && x.ledgerRows.length > 0 && x.duplicateOf !== null ? place(x.duplicateOf) : null;
  return {
    kind: x.kind,
    ...ledgerRowsJson(x.ledgerRows, place),
    statementRows: x.statementRows,
    amount: formatFen(x.amount),
    reason: zh(x.reason.text),
    reasonCode: x.reason.code,
    reasonEn: en(x.reason.text),
    ledgerAmount: formatFen(x.ledgerAmount),
    statementAmount: formatFen(x.statementAmount),
    rule: x.rule,
    duplicateOf: dupPlace ? dupPlace.row : x.duplicateOf,
    ...(dupPlace ? { duplicateOfPlace: dupPlace } : {}),
    otherDealer: x.otherDealer,
    // Only an unread cell has these: the other kinds print exactly as before.
    ...(x.kind === "unreadable"
      ? { sheet: x.sheet ?? null, cell: x.cell ?? null, found: x.found ?? "", fix: x.fix ? zh(x.fix) : null, fixEn: x.fix ? en(x.fix) : null }
      : {}),
  };
}

function pendingJson(x: PendingItem, place: Place): object {
  return {
    source: x.source,
    ...ledgerRowsJson(x.ledgerRows, place),
    statementRows: x.statementRows,
    ledgerAmount: formatFen(x.ledgerAmount),
    statementAmount: formatFen(x.statementAmount),
    amount: formatFen(x.amount),
    text: zh(x.text),
    textEn: en(x.text),
  };
}

function dealerJson(d: DealerResult, options: ReconcileJsonOptions, lists: DealerLists): object {
  const r = d.reconciliation;
  const place = options.ledgerPlace;
  // Counted without building the match list, which the default report does not print.
  const counts = matchCounts(d);
  const json: Record<string, unknown> = {
    dealer: d.dealer,
    dealerKey: d.dealerKey,
    status: d.status,
    ledger: {
      sheet: d.ledger.sheet,
      entries: d.ledger.entries,
      closingBalance: formatFen(d.ledger.closingBalance),
      openingBalance: formatFen(d.ledger.openingBalance),
      excludedAfterCutoff: place ? d.ledger.excludedAfterCutoff.map((n) => place(n).row) : d.ledger.excludedAfterCutoff,
      ...(place ? { excludedAfterCutoffPlaces: d.ledger.excludedAfterCutoff.map(place) } : {}),
    },
    statement: {
      sheet: d.statement.sheet,
      entries: d.statement.entries,
      closingBalance: formatFen(d.statement.closingBalance),
      openingBalance: formatFen(d.statement.openingBalance),
      excludedAfterCutoff: d.statement.excludedAfterCutoff,
    },
    matched: counts.matches,
    matchedLedgerRows: counts.ledgerRows,
    matchedStatementRows: counts.statementRows,
    rules: d.ruleCounts,
    differences: lists.differences(d),
    suggestions: d.suggestions.map((s) => ({
      id: s.id,
      rule: s.rule,
      ...ledgerRowsJson(s.ledgerRows, place),
      statementRows: s.statementRows,
      amount: formatFen(s.amount),
      ledgerAmount: formatFen(s.ledgerAmount),
      statementAmount: formatFen(s.statementAmount),
      alternatives: s.alternatives,
      reason: zh(s.note),
      reasonEn: en(s.note),
    })),
    reconciliation: {
      ledgerBalance: formatFen(r.ledgerBalance),
      statementBalance: formatFen(r.statementBalance),
      adjustedLedgerBalance: formatFen(r.adjustedLedgerBalance),
      adjustedStatementBalance: formatFen(r.adjustedStatementBalance),
      balanced: r.balanced,
      remainder: formatFen(r.remainder),
      remainderNote: r.remainderNote ? zh(r.remainderNote) : null,
      remainderNoteEn: r.remainderNote ? en(r.remainderNote) : null,
      openingDifference: formatFen(r.openingDifference),
      ledgerOpeningRows: place ? r.ledgerOpeningRows.map((n) => place(n).row) : r.ledgerOpeningRows,
      ...(place ? { ledgerOpeningPlaces: r.ledgerOpeningRows.map(place) } : {}),
      statementOpeningRows: r.statementOpeningRows,
      ledgerAdjustments: lists.adjustments(r.ledgerAdjustments),
      statementAdjustments: lists.adjustments(r.statementAdjustments),
      pendingItems: lists.pendingItems(d),
      pendingTotal: formatFen(r.pendingTotal),
      unexplained: formatFen(r.unexplained),
    },
    subsetSearch: {
      anchors: d.subsetSearch.anchors,
      nodes: d.subsetSearch.nodes,
      boundHit: d.subsetSearch.boundHit,
      cutShort: place ? d.subsetSearch.cutShort.map((c) => (c.side === "ledger" ? { ...c, row: place(c.row).row, sheet: place(c.row).sheet } : c)) : d.subsetSearch.cutShort,
      note: d.subsetSearch.note ? zh(d.subsetSearch.note) : null,
      noteEn: d.subsetSearch.note ? en(d.subsetSearch.note) : null,
    },
  };
  if (options.includeMatches) {
    json.matches = d.matches.toArray().map((m) => ({ rule: m.rule, ...ledgerRowsJson(m.ledgerRows, place), statementRows: m.statementRows, amount: formatFen(m.amount) }));
  }
  return json;
}

/** Below this many items a dealer's list is made as objects (see `reconcileJsonToWrite`). */
const LAZY_MIN_ITEMS = 4;

/**
 * The same report for the streamed writer (`reconcile --json`): a dealer's differences, 待查 items and
 * adjustments (a row or two each, and on a large pair of sheets tens of thousands of them) are written
 * as text straight from the report's objects (`LazyJsonItems` with `textAt`), without an object per
 * item made only to be stringified. `JSON.stringify` of it gives the text of `toReconcileJson`.
 */
export function reconcileJsonToWrite(report: ReconcileReport, options: ReconcileJsonOptions = {}): object {
  const place = options.ledgerPlace;
  const texts = new ItemTexts();
  const lazy = <T>(items: readonly T[], json: (x: T, place: Place) => object, text: (x: T, indent: string) => string | null) =>
    // A short list stays a list of objects: a dealer holding only short ones is then written with its
    // neighbours by one JSON.stringify (a statement of thousands of small dealers), which lazy items prevent.
    items.length < LAZY_MIN_ITEMS
      ? items.map((x) => json(x, place))
      : new LazyJsonItems(
          items.length,
          (k) => json(items[k], place),
          // Over several sheets rows carry their places: those items are written from their objects.
          (k, indent) => (place ? null : text(items[k], indent)) ?? objectText(json(items[k], place), indent),
        );
  return reconcileJson(report, options, {
    differences: (d) => lazy(d.differences, differenceJson, (x, indent) => texts.difference(x, indent)),
    pendingItems: (d) => lazy(d.reconciliation.pendingItems, pendingJson, (x, indent) => texts.pending(x, indent)),
    adjustments: (list) => lazy(list, adjustmentJson, (x, indent) => texts.adjustment(x, indent)),
  });
}

/** `JSON.stringify(value, null, 2)` where it sits `indent` in: JSON escapes line breaks inside strings, so every one is its own. */
function objectText(value: object, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

/** A list of row numbers as `JSON.stringify(rows, null, 2)` writes it on a line `indent` in. */
function rowsText(rows: readonly number[], indent: string): string {
  if (rows.length === 0) return "[]";
  const inner = `${indent}  `;
  let text = "[";
  for (let k = 0; k < rows.length; k++) text += `${k === 0 ? "\n" : ",\n"}${inner}${numberText(rows[k])}`;
  return `${text}\n${indent}]`;
}

/** A number as JSON writes it (`null` for NaN and the infinities). */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : "null";
}

/** An amount as the report gives it: `formatFen`'s digits, sign and point need no escape. */
function amountText(amount: Fen): string {
  return `"${formatFen(amount)}"`;
}

/**
 * The text of `differenceJson`, `pendingJson` and `adjustmentJson` where the streamed writer puts an
 * item, made without the object: the same fields in the same order (the tests compare the two).
 * Each field's line start (`,\n`, indent and key) is made once per indent.
 */
class ItemTexts {
  private indent: string | null = null;
  private k: Record<string, string> = {};
  private inner = "";

  private atIndent(indent: string): void {
    this.indent = indent;
    this.inner = `${indent}  `;
    const keys: Record<string, string> = {};
    const names = ["kind", "source", "ledgerRows", "statementRows", "amount", "reason", "reasonCode", "reasonEn", "ledgerAmount", "statementAmount", "rule", "duplicateOf", "otherDealer", "text", "textEn"];
    for (const key of names) keys[key] = `,\n${this.inner}${JSON.stringify(key)}: `;
    keys.kind = `{\n${this.inner}"kind": `;
    keys.source = `{\n${this.inner}"source": `;
    this.k = keys;
  }

  /** Null for an unread cell, whose extra fields are written from its object. */
  difference(x: Difference, indent: string): string | null {
    if (x.kind === "unreadable") return null;
    if (indent !== this.indent) this.atIndent(indent);
    const k = this.k;
    const i = this.inner;
    return (
      k.kind + JSON.stringify(x.kind) + k.ledgerRows + rowsText(x.ledgerRows, i) + k.statementRows + rowsText(x.statementRows, i) +
      k.amount + amountText(x.amount) + k.reason + JSON.stringify(zh(x.reason.text)) + k.reasonCode + JSON.stringify(x.reason.code) +
      k.reasonEn + JSON.stringify(en(x.reason.text)) + k.ledgerAmount + amountText(x.ledgerAmount) + k.statementAmount + amountText(x.statementAmount) +
      k.rule + JSON.stringify(x.rule) + k.duplicateOf + (x.duplicateOf === null ? "null" : numberText(x.duplicateOf)) + k.otherDealer + JSON.stringify(x.otherDealer) +
      `\n${indent}}`
    );
  }

  pending(x: PendingItem, indent: string): string {
    if (indent !== this.indent) this.atIndent(indent);
    const k = this.k;
    const i = this.inner;
    return (
      k.source + JSON.stringify(x.source) + k.ledgerRows + rowsText(x.ledgerRows, i) + k.statementRows + rowsText(x.statementRows, i) +
      k.ledgerAmount + amountText(x.ledgerAmount) + k.statementAmount + amountText(x.statementAmount) + k.amount + amountText(x.amount) +
      k.text + JSON.stringify(zh(x.text)) + k.textEn + JSON.stringify(en(x.text)) + `\n${indent}}`
    );
  }

  adjustment(a: Adjustment, indent: string): string {
    if (indent !== this.indent) this.atIndent(indent);
    const k = this.k;
    const i = this.inner;
    return (
      k.source + JSON.stringify(a.source) + k.ledgerRows + rowsText(a.ledgerRows, i) + k.statementRows + rowsText(a.statementRows, i) +
      k.amount + amountText(a.amount) + k.text + JSON.stringify(zh(a.text)) + k.textEn + JSON.stringify(en(a.text)) + `\n${indent}}`
    );
  }
}
