import { runAging } from "../../src/app/aging";
import { runCredit } from "../../src/app/credit";
import { SAMPLE_CREDIT_AS_OF, sampleCreditSheets } from "../../src/sample/credit";
import { SAMPLE_LIST_SHEET, sampleSheets } from "../../src/sample/sample";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

describe("the sample's credit sheets", () => {
  it("hold three applications (the form, a hand-made form, a table row) that score against 发货回款登记", async () => {
    const wb = XlsxWorkbook.fromSpecs([...sampleSheets(), ...sampleCreditSheets()]);
    const r = await runCredit({ applications: wb, ledger: { port: wb, sheet: SAMPLE_LIST_SHEET }, asOf: SAMPLE_CREDIT_AS_OF });
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    const d = r.run.result;
    expect(d.dealers.map((x) => [x.dealer, x.application.source.layout])).toEqual([
      ["宁波顺和电器有限公司", "form"],
      ["温州瑞丰五金经营部", "form"],
      ["绍兴百佳家电有限公司", "table"],
    ]);
    expect(d.dealers.map((x) => [x.score.score, x.score.grade, x.suggestion.termDays, x.suggestion.limit])).toEqual([
      [46, "D", 0, 0],
      [39, "D", 0, 0],
      // 54,300 a month (October's one sale) × 30 / 30 × 0.6 = 32,580: 32,000.
      [67, "C", 30, 3_200_000],
    ]);
    expect(d.exposures.map((e) => [e.dealer, e.limitSource, e.exposure, e.status])).toEqual([
      ["宁波顺和电器有限公司", "register", 12_100_000, "over"],
      ["温州瑞丰五金经营部", "register", 2_114_000, "near"],
      ["绍兴百佳家电有限公司", "suggested", 3_430_000, "over"],
    ]);
    // 顺和: 下次复评日期 2026-12-10 is within 30 days, and an item past its final deadline proposes a downgrade
    // at once: to D, its fresh score's grade, lower than C one step down. 瑞丰 is not due until March, but its
    // open item past the final deadline proposes C → D (one step down and its fresh grade alike).
    expect(d.review.map((v) => [v.dealer, v.due, v.grade, v.fresh?.grade, v.proposedGrade, v.proposal?.code])).toEqual([
      ["宁波顺和电器有限公司", true, "B", "D", "D", "credit.review.past_final_fresh_lower"],
      ["温州瑞丰五金经营部", false, "C", "D", "D", "credit.review.past_final_below_fresh"],
    ]);
  });
  it("aging the sample with its register gives the same due dates as the rows' own terms", async () => {
    const plain = await runAging({ ledger: { port: XlsxWorkbook.fromSpecs(sampleSheets()), sheet: SAMPLE_LIST_SHEET }, asOf: SAMPLE_CREDIT_AS_OF });
    const withRegister = await runAging({ ledger: { port: XlsxWorkbook.fromSpecs([...sampleSheets(), ...sampleCreditSheets()]), sheet: SAMPLE_LIST_SHEET }, asOf: SAMPLE_CREDIT_AS_OF });
    const due = (run: typeof plain) => run.report.dealers.flatMap((x) => x.items.map((i) => [i.row, i.dueDate]));
    expect(due(withRegister)).toEqual(due(plain));
    expect(withRegister.report.dealers.find((x) => x.dealer === "宁波顺和电器有限公司")!.termSource).toBe("register");
  });
});
