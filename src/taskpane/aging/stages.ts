/**
 * What each collection stage means, said where the stage's name appears in the pane (the summary,
 * the action list), since names such as 逾期（三分之一期限内） do not explain themselves. The limits
 * are those of the core's calendar (src/core/aging/calendar.ts): due date = document date + term;
 * final deadline = due date + one third of the term, rounded down.
 */
import { pick } from "../../app/lang";
import type { Stage } from "../../core/aging";
import type { Locale } from "../i18n";

export const STAGE_EXPLANATION: Readonly<Record<Stage, { zh: string; en: string }>> = {
  not_due: { zh: "离到期日还有 7 天以上。", en: "More than 7 days before the due date." },
  due_7d: { zh: "4 至 7 天后到期（到期日 = 单据日期 + 账期）。", en: "Due in 4 to 7 days (due date = document date + term)." },
  due_3d: { zh: "1 至 3 天后到期。", en: "Due in 1 to 3 days." },
  due_today: { zh: "今天是到期日。", en: "The due date is today." },
  overdue: {
    zh: "已过到期日，仍在最终收款期限内。最终收款期限 = 到期日 + 账期的三分之一（账期 30 天即到期后 10 天）。",
    en: "Past the due date, still before the final deadline: due date + one third of the term (10 days after due for a 30-day term).",
  },
  past_final: {
    zh: "已超过最终收款期限（到期日 + 账期的三分之一）：应立即发催款函。",
    en: "Past the final deadline (due date + one third of the term): send a demand letter now.",
  },
};

export function stageExplanation(stage: Stage, locale: Locale): string {
  return pick(STAGE_EXPLANATION[stage], locale);
}
