/**
 * The `duizhang credit --json` contract (issue 13): names as given there; more fields added. Texts core gives
 * as messages are rendered here: a limit line's `item` in Chinese from the one zh table (the sheets, the pane
 * and the text render the same codes), a review's reason in both languages.
 */
import type { CreditResult } from "../../core/credit";
import type { Fen } from "../../core/model";
import { formatFen } from "../../core/money";
import { both, render } from "../render";

/** An exposure not known (a balance-table row that cannot be read) is null, never 0. */
const exposureJson = (f: Fen | null): string | null => (f === null ? null : formatFen(f));

export function toCreditJson(r: CreditResult) {
  return {
    asOf: r.asOf,
    dealers: r.dealers.map((d) => ({
      dealer: d.dealer,
      source: { sheet: d.application.source.sheet, row: d.application.source.row },
      score: d.score.score,
      grade: d.score.grade,
      // An item without ledger history is valued 无记录, as the 评分标准 sheet writes the band.
      breakdown: d.score.breakdown.map((b) => ({ item: b.item, value: b.valueText ? render(b.valueText, "zh-CN") : b.value, points: b.points, max: b.max })),
      monthlyBase: formatFen(d.suggestion.monthlyBase),
      termDays: d.suggestion.termDays,
      suggestedLimit: formatFen(d.suggestion.limit),
      requestedLimit: formatFen(d.suggestion.requestedLimit),
      limit: formatFen(d.limit),
      limitSource: d.limitSource,
      exposure: exposureJson(d.exposure),
      status: d.status,
      reviewDue: d.reviewDue,
      gradeCappedFrom: d.score.cappedFrom,
      factor: d.score.factor,
      monthlyBaseFrom: d.suggestion.monthlyBaseFrom,
      // points and max are 0 on every line of the arithmetic: kept, as the contract has them.
      limitBreakdown: d.suggestion.lines.map((l) => ({ item: render(l.text, "zh-CN"), value: l.value, points: 0, max: 0 })),
      history:
        d.history === null
          ? null
          : {
              termDays: d.history.termDays,
              sales: d.history.sales.length,
              salesAmount: formatFen(d.history.salesAmount),
              paidByDue: formatFen(d.history.paidByDue),
              onTimeRate: d.history.onTimeRate === null ? null : Math.round(d.history.onTimeRate * 10) / 10,
              worstDaysPastFinal: d.history.worstDaysPastFinal,
              monthsWithSales: d.history.monthsWithSales,
            },
      register: d.register ? { row: d.register.row, grade: d.register.grade, limit: d.register.limit === null ? null : formatFen(d.register.limit), termDays: d.register.termDays, nextReview: d.register.nextReview } : null,
    })),
    review: r.review.map((v) => ({
      dealer: v.dealer,
      registerRow: v.registerRow,
      grade: v.grade,
      nextReview: v.nextReview,
      due: v.due,
      freshScore: v.fresh?.score ?? null,
      freshGrade: v.fresh?.grade ?? null,
      proposedGrade: v.proposedGrade,
      proposedBecause: v.proposal ? { code: v.proposal.code, ...both(v.proposal) } : null,
      pastFinal: v.pastFinal.map((p) => ({ sheet: p.sheet, row: p.row, open: formatFen(p.open), finalDate: p.finalDate })),
      exposure: exposureJson(v.exposure),
    })),
    exposures: r.exposures.map((e) => ({ dealer: e.dealer, grade: e.grade, limit: formatFen(e.limit), limitSource: e.limitSource, exposure: exposureJson(e.exposure), status: e.status })),
    overLimit: r.exposures.filter((e) => e.status === "over").map((e) => e.dealer),
  };
}
