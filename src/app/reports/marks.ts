/**
 * How marked rows look, one colour per kind, and which rows get which mark.
 * The colours are light enough to read black text on and distinct enough to filter by colour in Excel.
 */
import type { DealerResult, Difference } from "../../core/reconcile";
import type { MarkStyle, RowMark } from "../../port/workbook";

export const RECONCILE_GROUP = "reconcile";

export type ReconcileMarkKind = Difference["kind"] | "suggestion";

export const MARK_STYLES: Record<ReconcileMarkKind, MarkStyle> = {
  amount_mismatch: { fill: "#FFD8A8" },
  ledger_only: { fill: "#FFF3BF" },
  statement_only: { fill: "#D0EBFF" },
  duplicate: { fill: "#FFC9C9" },
  unreadable: { fill: "#DEE2E6" },
  suggestion: { fill: "#E5DBFF" },
};

/** The order kinds are shown in (legend, filters). */
export const MARK_KINDS: ReconcileMarkKind[] = ["amount_mismatch", "ledger_only", "statement_only", "duplicate", "unreadable", "suggestion"];

/** Rows to mark on each sheet; a row in several items keeps the first kind in `MARK_KINDS` order. */
export function reconcileMarks(dealers: readonly DealerResult[]): { ledger: RowMark[]; statement: RowMark[] } {
  const ledger = new Map<number, ReconcileMarkKind>();
  const statement = new Map<number, ReconcileMarkKind>();
  const rank = (k: ReconcileMarkKind) => MARK_KINDS.indexOf(k);
  const put = (map: Map<number, ReconcileMarkKind>, rows: readonly number[], kind: ReconcileMarkKind) => {
    for (const r of rows) {
      const had = map.get(r);
      if (had === undefined || rank(kind) < rank(had)) map.set(r, kind);
    }
  };
  for (const d of dealers) {
    for (const x of d.differences) {
      put(ledger, x.ledgerRows, x.kind);
      put(statement, x.statementRows, x.kind);
    }
    for (const s of d.suggestions) {
      put(ledger, s.ledgerRows, "suggestion");
      put(statement, s.statementRows, "suggestion");
    }
  }
  const list = (map: Map<number, ReconcileMarkKind>): RowMark[] =>
    [...map].sort((a, b) => a[0] - b[0]).map(([row, style]) => ({ row, style }));
  return { ledger: list(ledger), statement: list(statement) };
}
