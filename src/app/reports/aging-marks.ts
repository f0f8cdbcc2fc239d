/**
 * How aged rows look in the ledger: one colour per collection stage, under their own mark group so
 * they never mix with (or clear) the reconciliation marks. The fills differ from the reconcile ones
 * for the same reason: a row may carry both kinds.
 */
import { STAGE_TEXT, type AgingReport, type OpenItem, type Stage } from "../../core/aging";
import type { Bilingual } from "../lang";
import type { MarkStyle, RowMark } from "../../port/workbook";
import { pick, type Lang } from "../lang";
import { render } from "../../messages/render";

export const AGING_GROUP = "aging";

/** Stages that can be marked (a not-yet-due row is never coloured). */
export type MarkedStage = Exclude<Stage, "not_due">;

/**
 * The style of an open item a reconciliation flagged (待核对): it is out of the collection plan until
 * checked, so it must not look overdue. It wins over every stage on its row.
 */
export const UNDER_REVIEW_MARK = "under_review";

/**
 * The style of an open item whose limitation period ends within 180 days or has ended (时效将届满 /
 * 已过时效): losing the right to enforce the debt is more urgent than any stage of lateness, so it wins
 * over the stage colours; 待核对 still wins over it, since a disputed item is checked first.
 */
export const LIMITATION_MARK = "limitation";

export type AgingMarkStyle = MarkedStage | typeof UNDER_REVIEW_MARK | typeof LIMITATION_MARK;

export const AGING_MARK_STYLES: Record<AgingMarkStyle, MarkStyle> = {
  past_final: { fill: "#F5A3A3", color: "#7A0000" },
  overdue: { fill: "#FFC078" },
  due_today: { fill: "#FFEC99" },
  due_3d: { fill: "#C3FAE8" },
  due_7d: { fill: "#E3F2FD" },
  under_review: { fill: "#D9D2F5", color: "#3B2A7A" },
  limitation: { fill: "#F783AC", color: "#5C0A2E" },
};

export const UNDER_REVIEW_TEXT: Bilingual = { zh: "待核对（对账差异，未列入催款计划）", en: "Under reconciliation (not in the collection plan)" };

export const LIMITATION_MARK_TEXT: Bilingual = {
  zh: "时效将届满（180天内）/ 已过时效（可能丧失胜诉权）",
  en: "Limitation period ends within 180 days / has ended (possibly time-barred)",
};

/** Whether an item's limitation period calls for its own mark. */
function limitationFlagged(item: OpenItem): boolean {
  return item.limitation?.status === "expiring" || item.limitation?.status === "expired";
}

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
  // Styles by urgency: a row's mark is its most urgent item's (the lowest number; 0 is none).
  const styles: string[] = ["", UNDER_REVIEW_MARK, LIMITATION_MARK, ...AGING_MARK_ORDER];
  const codes = new Map<string, number>(styles.map((s, i) => [s, i]));
  let last = 0;
  for (const d of report.dealers) for (const item of d.items) if (item.sheet === sheet && item.row > last) last = item.row;
  // One byte a row, walked in order: no map of rows to sort (a full sheet marks hundreds of thousands).
  const byRow = new Uint8Array(last + 1);
  for (const d of report.dealers) {
    for (const item of d.items) {
      if (item.sheet !== sheet) continue;
      // A flagged row is shown as 待核对 whatever its stage: it is checked before anyone is chased. A
      // period running out is shown whatever stages were chosen: it is the fact that cannot wait.
      const style = item.underReconciliation
        ? UNDER_REVIEW_MARK
        : limitationFlagged(item)
          ? LIMITATION_MARK
          : wanted.has(item.stage)
            ? item.stage
            : null;
      if (style === null) continue;
      const code = codes.get(style)!;
      const had = byRow[item.row];
      if (had === 0 || code < had) byRow[item.row] = code;
    }
  }
  const marks: RowMark[] = [];
  for (let row = 0; row <= last; row++) if (byRow[row] !== 0) marks.push({ row, style: styles[byRow[row]] });
  return marks;
}

export interface LegendLine {
  style: AgingMarkStyle;
  fill: string;
  color?: string;
  text: string;
}

/**
 * The legend for the marks, most urgent first: 时效 when some rows carry it, the stages marked, then
 * 待核对 when some rows carry it.
 */
export function agingLegend(
  lang: Lang,
  stages: readonly MarkedStage[] = DEFAULT_MARK_STAGES,
  underReview = false,
  limitation = false,
): LegendLine[] {
  const lines: LegendLine[] = limitation ? [limitationLegend(lang)] : [];
  lines.push(...AGING_MARK_ORDER.filter((s) => stages.includes(s)).map((s) => ({
    style: s,
    fill: AGING_MARK_STYLES[s].fill,
    ...(AGING_MARK_STYLES[s].color ? { color: AGING_MARK_STYLES[s].color } : {}),
    text: render(STAGE_TEXT[s], lang),
  })));
  if (underReview) lines.push(underReviewLegend(lang));
  return lines;
}

export function underReviewLegend(lang: Lang): LegendLine {
  const style = AGING_MARK_STYLES[UNDER_REVIEW_MARK];
  return { style: UNDER_REVIEW_MARK, fill: style.fill, ...(style.color ? { color: style.color } : {}), text: pick(UNDER_REVIEW_TEXT, lang) };
}

/** Whether the marks of `sheet` include 待核对 rows (an open item a reconciliation flagged). */
export function hasUnderReviewMarks(report: AgingReport, sheet?: string): boolean {
  return report.dealers.some((d) => d.items.some((i) => i.underReconciliation !== null && (sheet === undefined || i.sheet === sheet)));
}

export function limitationLegend(lang: Lang): LegendLine {
  const style = AGING_MARK_STYLES[LIMITATION_MARK];
  return { style: LIMITATION_MARK, fill: style.fill, ...(style.color ? { color: style.color } : {}), text: pick(LIMITATION_MARK_TEXT, lang) };
}

/** Whether the marks of `sheet` include 时效 rows (open items, not under reconciliation, whose period runs out). */
export function hasLimitationMarks(report: AgingReport, sheet?: string): boolean {
  return report.dealers.some((d) =>
    d.items.some((i) => i.underReconciliation === null && limitationFlagged(i) && (sheet === undefined || i.sheet === sheet)),
  );
}
