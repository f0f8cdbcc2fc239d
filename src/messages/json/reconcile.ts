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
import type { Adjustment, DealerResult, ReconcileReport } from "../../core/reconcile/types";
import { render } from "../render";

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

type Place = { sheet: string; row: number };

/** `ledgerRows` as printed, and `ledgerPlaces` beside them when the ledger spans several sheets. */
function ledgerRowsJson(rows: readonly number[], place: ReconcileJsonOptions["ledgerPlace"]): { ledgerRows: readonly number[]; ledgerPlaces?: Place[] } {
  if (!place) return { ledgerRows: rows };
  const places = rows.map(place);
  return { ledgerRows: places.map((p) => p.row), ledgerPlaces: places };
}

export function toReconcileJson(report: ReconcileReport, options: ReconcileJsonOptions = {}): object {
  return {
    asOf: report.asOf,
    cutoff: report.cutoff,
    dealers: report.dealers.map((d) => dealerJson(d, options)),
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

function dealerJson(d: DealerResult, options: ReconcileJsonOptions): object {
  const r = d.reconciliation;
  const place = options.ledgerPlace;
  const adjustment = (a: Adjustment) => ({
    source: a.source,
    ...ledgerRowsJson(a.ledgerRows, place),
    statementRows: a.statementRows,
    amount: formatFen(a.amount),
    text: zh(a.text),
    textEn: en(a.text),
  });
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
    differences: d.differences.map((x) => {
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
    }),
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
      ledgerAdjustments: r.ledgerAdjustments.map(adjustment),
      statementAdjustments: r.statementAdjustments.map(adjustment),
      pendingItems: r.pendingItems.map((x) => ({
        source: x.source,
        ...ledgerRowsJson(x.ledgerRows, place),
        statementRows: x.statementRows,
        ledgerAmount: formatFen(x.ledgerAmount),
        statementAmount: formatFen(x.statementAmount),
        amount: formatFen(x.amount),
        text: zh(x.text),
        textEn: en(x.text),
      })),
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
