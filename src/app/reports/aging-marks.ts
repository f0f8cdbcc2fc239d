/**
 * How aged rows look in the ledger: one colour per collection stage, under their own mark group so
 * they never mix with (or clear) the reconciliation marks. The fills differ from the reconcile ones
 * for the same reason: a row may carry both kinds.
 */
import { STAGE_TEXT, type AgingReport, type Stage } from "../../core/aging";
import type { MarkStyle, RowMark } from "../../port/workbook";
import { pick, type Lang } from "../lang";

export const AGING_GROUP = "aging";

/** Stages that can be marked (a not-yet-due row is never coloured). */
export type MarkedStage = Exclude<Stage, "not_due">;

export const AGING_MARK_STYLES: Record<MarkedStage, MarkStyle> = {
  past_final: { fill: "#F5A3A3", color: "#7A0000" },
  overdue: { fill: "#FFC078" },
  due_today: { fill: "#FFEC99" },
  due_3d: { fill: "#C3FAE8" },
  due_7d: { fill: "#E3F2FD" },
};

/** Most urgent first: the order of the legend, and which stage wins when one row holds several items. */
export const AGING_MARK_ORDER: readonly MarkedStage[] = ["past_final", "overdue", "due_today", "due_3d", "due_7d"];

/** Marked by default: the rows whose money is late ("overdue rows marked by stage"). */
export const DEFAULT_MARK_STAGES: readonly MarkedStage[] = ["past_final", "overdue"];

/**
 * Rows of `sheet` to mark for the open items in the given stages. An opening balance item marks its
 * 期初余额 row. Only `sheet`'s items count, so a report over several sheets marks each on its own.
 */
export function agingMarks(report: AgingReport, sheet: string, stages: readonly MarkedStage[] = DEFAULT_MARK_STAGES): RowMark[] {
  const wanted = new Set<Stage>(stages);
  const rank = (s: Stage) => AGING_MARK_ORDER.indexOf(s as MarkedStage);
  const byRow = new Map<number, Stage>();
  for (const d of report.dealers) {
    for (const item of d.items) {
      if (item.sheet !== sheet || !wanted.has(item.stage)) continue;
      const had = byRow.get(item.row);
      if (had === undefined || rank(item.stage) < rank(had)) byRow.set(item.row, item.stage);
    }
  }
  return [...byRow].sort((a, b) => a[0] - b[0]).map(([row, style]) => ({ row, style }));
}

export interface LegendLine {
  style: MarkedStage;
  fill: string;
  color?: string;
  text: string;
}

/** The legend for the stages marked, most urgent first. */
export function agingLegend(lang: Lang, stages: readonly MarkedStage[] = DEFAULT_MARK_STAGES): LegendLine[] {
  return AGING_MARK_ORDER.filter((s) => stages.includes(s)).map((s) => ({
    style: s,
    fill: AGING_MARK_STYLES[s].fill,
    ...(AGING_MARK_STYLES[s].color ? { color: AGING_MARK_STYLES[s].color } : {}),
    text: pick(STAGE_TEXT[s], lang),
  }));
}
