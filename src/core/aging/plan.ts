/**
 * Views of a report the pane and the 催款计划 sheet need: the plan sorted by action date and the
 * items that need action within the coming days.
 */
import { addDays } from "../dates";
import type { AgingReport, OpenItem } from "./types";

/**
 * Every open item, soonest action first (then dealer order, then row): the 催款计划. Items a
 * reconciliation flagged (待核对) are left out: nobody is chased for an amount that may not be owed.
 */
export function collectionPlan(report: AgingReport): OpenItem[] {
  const all: OpenItem[] = [];
  for (const d of report.dealers) for (const item of d.items) if (!item.underReconciliation) all.push(item);
  // Stable sort keeps dealer order and each dealer's oldest-first order among equal dates.
  return all.sort((a, b) => (a.nextAction.date < b.nextAction.date ? -1 : a.nextAction.date > b.nextAction.date ? 1 : 0));
}

/** Items whose next action falls due within `days` days from the as-of date (7: this week), overdue ones included. */
export function actionsDue(report: AgingReport, days = 7): OpenItem[] {
  const last = addDays(report.asOf, days - 1);
  return collectionPlan(report).filter((item) => item.nextAction.date <= last);
}

/** Open items a reconciliation flagged (待核对), in dealer order: listed apart from the plan. */
export function itemsUnderReconciliation(report: AgingReport): OpenItem[] {
  const all: OpenItem[] = [];
  for (const d of report.dealers) for (const item of d.items) if (item.underReconciliation) all.push(item);
  return all;
}
