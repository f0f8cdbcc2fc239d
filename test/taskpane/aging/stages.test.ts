import { finalDateOf, graceDays, STAGES } from "../../../src/core/aging";
import { STAGE_EXPLANATION, stageExplanation } from "../../../src/taskpane/aging/stages";

describe("what each stage means", () => {
  test("every stage is explained in both languages", () => {
    for (const stage of STAGES) {
      expect(STAGE_EXPLANATION[stage].zh.length).toBeGreaterThan(4);
      expect(STAGE_EXPLANATION[stage].en.length).toBeGreaterThan(8);
    }
  });

  test("逾期（三分之一期限内） is past due but before the final deadline, due date + one third of the term", () => {
    expect(stageExplanation("overdue", "zh-CN")).toBe(
      "已过到期日，仍在最终收款期限内。最终收款期限 = 到期日 + 账期的三分之一（账期 30 天即到期后 10 天）。",
    );
    expect(stageExplanation("overdue", "en-US")).toContain("due date + one third of the term");
    // The example in the text is the calendar's own rule: a 30-day term invoiced 11-01 is due 12-01, final 12-11.
    expect(graceDays(30)).toBe(10);
    expect(finalDateOf("2026-11-01", 30)).toBe("2026-12-11");
  });
});
