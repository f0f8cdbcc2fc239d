/**
 * What the collection checks add to an aging report: each open item's limitation period, and the action
 * the collection plan then shows for it (an acknowledgement to get, a possibly time-barred debt, a broken
 * commitment). Items under reconciliation (待核对) get their period but keep out of the plan as before.
 */
import { ACTION_TEXT } from "../aging/calendar";
import type { ActionCode, AgingReport, OpenItem } from "../aging/types";
import { dealerKey } from "../values/refs";
import type { MissedCommitment } from "./demand";
import { limitationOf, type Acknowledgements } from "./limitation";

export interface CollectionMarks {
  /** Open items whose period ends within the warning window, and those past it. */
  expiring: number;
  expired: number;
  /** Late items of dealers who missed an installment. */
  broken: number;
}

function act(item: OpenItem, code: ActionCode, asOf: string): void {
  item.nextAction = { code, date: asOf, text: ACTION_TEXT[code] };
}

/** Sets `limitation` on every open item and the action of those the checks call for; returns the counts. */
export function markCollection(report: AgingReport, acks: Acknowledgements, missed: readonly MissedCommitment[] = []): CollectionMarks {
  const marks: CollectionMarks = { expiring: 0, expired: 0, broken: 0 };
  const brokenDealers = new Set(missed.map((m) => dealerKey(m.dealer)));
  for (const d of report.dealers) {
    const broken = brokenDealers.has(dealerKey(d.dealer));
    for (const item of d.items) {
      const l = limitationOf(item, acks, report.asOf);
      item.limitation = l;
      if (l.status === "expired") marks.expired++;
      if (l.status === "expiring") marks.expiring++;
      if (item.underReconciliation) continue;
      if (l.status === "expired") act(item, "time_barred", report.asOf);
      else if (broken && item.daysPastDue > 0) {
        act(item, "commitment_broken", report.asOf);
        marks.broken++;
      } else if (l.status === "expiring") act(item, "acknowledge", report.asOf);
    }
  }
  return marks;
}
