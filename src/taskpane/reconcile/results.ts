/**
 * What the pane shows of a reconciliation report: one list of items (differences and open
 * suggestions) filterable by kind, counts per kind, the balances per dealer, and the sheet blocks each
 * item points at. Pure, so it is tested without a browser.
 */
import { realSelection } from "../../app/sheet-rows";
import { rowBlocks } from "../../port/addresses";
import { MARK_KINDS, type ReconcileMarkKind } from "../../app/reports/marks";
import type { Fen } from "../../core/model";
import { both } from "../../messages";
import type { DealerResult, Decision, ReconcileReport, Suggestion } from "../../core/reconcile/types";
import type { Selection } from "../../port/workbook";

export type ItemKind = ReconcileMarkKind;
export type KindFilter = ItemKind | "all";

export interface ResultItem {
  /** Stable across re-renders and re-runs of the same report. */
  key: string;
  kind: ItemKind;
  dealer: string | null;
  /** Ledger minus statement. */
  amount: Fen;
  ledgerAmount: Fen;
  statementAmount: Fen;
  ledgerRows: number[];
  statementRows: number[];
  reason: { zh: string; en: string };
  /** Set for open suggestions: what confirming or rejecting it needs. */
  suggestion?: Suggestion;
}

export function resultItems(report: ReconcileReport): ResultItem[] {
  const items: ResultItem[] = [];
  report.dealers.forEach((d, n) => {
    for (const x of d.differences) {
      items.push({
        key: `${n}:${x.kind}:${x.ledgerRows.join(",")}:${x.statementRows.join(",")}`,
        kind: x.kind,
        dealer: d.dealer,
        amount: x.amount,
        ledgerAmount: x.ledgerAmount,
        statementAmount: x.statementAmount,
        ledgerRows: x.ledgerRows,
        statementRows: x.statementRows,
        reason: both(x.reason.text),
      });
    }
    for (const s of d.suggestions) {
      items.push({
        key: `${n}:suggestion:${s.id}`,
        kind: "suggestion",
        dealer: d.dealer,
        amount: s.amount,
        ledgerAmount: s.ledgerAmount,
        statementAmount: s.statementAmount,
        ledgerRows: s.ledgerRows,
        statementRows: s.statementRows,
        reason: both(s.note),
        suggestion: s,
      });
    }
  });
  return items;
}

export function countByKind(items: readonly ResultItem[]): Record<ItemKind, number> {
  const counts = Object.fromEntries(MARK_KINDS.map((k) => [k, 0])) as Record<ItemKind, number>;
  for (const i of items) counts[i.kind]++;
  return counts;
}

export function filterItems(items: readonly ResultItem[], filter: KindFilter): ResultItem[] {
  return filter === "all" ? [...items] : items.filter((i) => i.kind === filter);
}

/** Filters worth offering: "all" and each kind that occurs, in legend order. */
export function availableFilters(items: readonly ResultItem[]): KindFilter[] {
  const counts = countByKind(items);
  return ["all", ...MARK_KINDS.filter((k) => counts[k] > 0)];
}

// Consecutive rows as [first, last] blocks: `port.select` takes one block at a time.
export { rowBlocks };

export interface ItemTarget {
  side: "ledger" | "statement";
  selection: Selection;
}

/**
 * Every block of rows an item points at, ledger first; selecting the first is what clicking the item does.
 * `ledgerSheets`: the run read the ledger from these monthly sheets, its rows numbered apart (sheet-rows.ts).
 */
export function itemTargets(item: ResultItem, ledgerSheet: string, statementSheet: string, ledgerSheets?: readonly string[]): ItemTarget[] {
  const targets: ItemTarget[] = [];
  for (const [row, rowEnd] of rowBlocks(item.ledgerRows)) {
    const selection: Selection = rowEnd > row ? { sheet: ledgerSheet, row, rowEnd } : { sheet: ledgerSheet, row };
    targets.push({ side: "ledger", selection: ledgerSheets && ledgerSheets.length > 1 ? realSelection(ledgerSheets, selection) : selection });
  }
  for (const [row, rowEnd] of rowBlocks(item.statementRows)) {
    targets.push({
      side: "statement",
      selection: rowEnd > row ? { sheet: statementSheet, row, rowEnd } : { sheet: statementSheet, row },
    });
  }
  return targets;
}

export interface DealerSummary {
  dealer: string | null;
  matched: number;
  counts: Record<ItemKind, number>;
  ledgerBalance: Fen;
  statementBalance: Fen;
  adjustedLedgerBalance: Fen;
  adjustedStatementBalance: Fen;
  balanced: boolean;
  remainder: Fen;
  remainderNote: { zh: string; en: string } | null;
  /** Rows left out because they are dated after the cut-off, per side. */
  excludedAfterCutoff: { ledger: number; statement: number };
}

export function dealerSummary(d: DealerResult): DealerSummary {
  const counts = Object.fromEntries(MARK_KINDS.map((k) => [k, 0])) as Record<ItemKind, number>;
  for (const x of d.differences) counts[x.kind]++;
  counts.suggestion = d.suggestions.length;
  const r = d.reconciliation;
  return {
    dealer: d.dealer,
    matched: d.matches.length,
    counts,
    ledgerBalance: r.ledgerBalance,
    statementBalance: r.statementBalance,
    adjustedLedgerBalance: r.adjustedLedgerBalance,
    adjustedStatementBalance: r.adjustedStatementBalance,
    balanced: r.balanced,
    remainder: r.remainder,
    remainderNote: r.remainderNote ? both(r.remainderNote) : null,
    excludedAfterCutoff: { ledger: d.ledger.excludedAfterCutoff.length, statement: d.statement.excludedAfterCutoff.length },
  };
}

/**
 * The decision to save when the user answers a suggestion. A rejection keeps its rows too (the engine
 * goes by the id alone), so the pane can say which rows an answer was about when it lists it.
 */
export function decisionFor(s: Suggestion, answer: "confirmed" | "rejected"): Decision {
  return { id: s.id, decision: answer, ledgerRows: [...s.ledgerRows], statementRows: [...s.statementRows] };
}
