import { runAging, markAgingRows } from "../../src/app/aging";
import { AGING_GROUP } from "../../src/app/reports/aging-marks";
import { approveCredit, clearCreditMarks, CREDIT_GROUP, markOverLimit, runCredit, scorecardSheetSpec } from "../../src/app/credit";
import { scorecardRows, defaultScorecard } from "../../src/core/credit";
import type { OutRow } from "../../src/port/workbook";
import { XlsxWorkbook, type UserSheetSpec } from "../../src/xlsx/workbook";
import { fen } from "../../src/core/money";

const AS_OF = "2026-11-30";

const LEDGER: UserSheetSpec = {
  name: "明细账",
  rows: [
    ["客户", "日期", "单号", "摘要", "借方", "贷方"],
    ["美达五金", { date: "2026-08-01" }, "XS2608-001", "销售", 50000, null],
    ["美达五金", { date: "2026-11-01" }, "XS2611-001", "销售", 30000, null],
    ["成都蜀丰", { date: "2026-11-10" }, "XS2611-002", "销售", 9000, null],
  ],
};

const REGISTER: UserSheetSpec = {
  name: "信用档案",
  rows: [
    ["客户名称", "信用等级", "信用额度", "账期（天）", "评定日期", "下次复评日期", "审批人", "备注", "我方联系人"],
    ["美达五金", "B", 60000, 60, { date: "2026-06-30" }, { date: "2026-12-30" }, "赵总", "老客户", "小周"],
    ["成都蜀丰", "B", 100000, 45, { date: "2026-07-15" }, { date: "2027-01-15" }, "赵总", "", "小吴"],
  ],
};

const APPLICATIONS: UserSheetSpec = {
  name: "申请登记",
  rows: [
    ["客户名称", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"],
    ["青城建材", "其他", { date: "2010-01-01" }, 600, 6000, { date: "2020-01-01" }, 100000, "无", 300000, 60, "张强", { date: "2026-11-01" }],
  ],
};

describe("credit through a workbook", () => {
  it("aging takes its terms from a 信用档案 sheet first", async () => {
    const wb = XlsxWorkbook.fromSpecs([LEDGER, REGISTER]);
    const run = await runAging({ ledger: { port: wb, sheet: "明细账" }, asOf: AS_OF });
    expect(run.report.dealers.map((d) => [d.dealer, d.termDays, d.termSource])).toEqual([
      ["美达五金", 60, "register"],
      ["成都蜀丰", 45, "register"],
    ]);
  });

  it("an edited 评分标准 sheet changes the grade of the next run", async () => {
    const before = await runCredit({ applications: XlsxWorkbook.fromSpecs([APPLICATIONS]), asOf: AS_OF });
    if (!before.ok) throw new Error(JSON.stringify(before.problem));
    // 10 + 10 + 10 + 15 + 0 (无) + 10 + 5 = 60: C.
    expect([before.run.result.dealers[0].score.score, before.run.result.dealers[0].score.grade]).toEqual([60, "C"]);
    const rows = scorecardRows(defaultScorecard());
    rows[rows.findIndex((r) => r[0] === "担保方式" && r[1] === "无")][2] = 10;
    const edited = XlsxWorkbook.fromSpecs([APPLICATIONS, { name: "评分标准", rows: rows as OutRow[] }]);
    const after = await runCredit({ applications: edited, asOf: AS_OF });
    if (!after.ok) throw new Error(JSON.stringify(after.problem));
    expect([after.run.scorecard.sheet, after.run.result.dealers[0].score.score, after.run.result.dealers[0].score.grade]).toEqual(["评分标准", 70, "B"]);
    expect(scorecardSheetSpec().usersSheet).toBe(true);
  });

  it("approving writes one dealer's row of the register and leaves other rows and the user's own column alone", async () => {
    const wb = XlsxWorkbook.fromSpecs([APPLICATIONS, REGISTER]);
    const result = await runCredit({ applications: wb, asOf: AS_OF });
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    const d = result.run.result.dealers[0];
    const { row } = await approveCredit(wb, { dealer: d, approver: "钱经理", approved: "2026-12-01", asOf: AS_OF });
    expect(row).toBe(4);
    const grid = await wb.readSheet("信用档案");
    expect(grid.values[1].slice(0, 2)).toEqual(["美达五金", "B"]);
    expect(grid.values[1][8]).toBe("小周");
    expect(grid.values[3].slice(0, 4)).toEqual(["青城建材", d.score.grade, d.suggestion.limit / 100, d.suggestion.termDays]);
    expect(grid.values[3][6]).toBe("钱经理");
    expect(grid.values[3][8] ?? null).toBeNull();
    // Approving again updates the same row.
    await approveCredit(wb, { dealer: d, approver: "孙总", approved: "2026-12-01", asOf: AS_OF, limit: fen(5_000_000) });
    const again = await wb.readSheet("信用档案");
    expect(again.values.length).toBe(4);
    expect([again.values[3][2], again.values[3][6]]).toEqual([50000, "孙总"]);
  });

  it("over-limit dealers' open ledger rows and register rows are marked under their own group, and cleared exactly, leaving the aging marks", async () => {
    const wb = XlsxWorkbook.fromSpecs([LEDGER, REGISTER, APPLICATIONS]);
    const aging = await runAging({ ledger: { port: wb, sheet: "明细账" }, asOf: AS_OF });
    await markAgingRows(aging, wb, "明细账", ["past_final", "overdue", "due_today", "due_3d", "due_7d"]);
    const agingMarks = await wb.listMarks(AGING_GROUP, "明细账");
    const credit = await runCredit({ applications: wb, ledger: { port: wb, sheet: "明细账" }, asOf: AS_OF });
    if (!credit.ok) throw new Error(JSON.stringify(credit.problem));
    // 美达五金 owes 80,000 against 60,000: over. 成都蜀丰 owes 9,000 of 100,000: ok.
    expect(credit.run.result.exposures.map((e) => [e.dealer, e.status])).toEqual([
      ["青城建材", "ok"],
      ["美达五金", "over"],
      ["成都蜀丰", "ok"],
    ]);
    const marked = await markOverLimit(wb, credit.run.result, { sheet: "明细账", readSheet: "明细账" }, "信用档案");
    expect(marked).toEqual({ ledgerRows: 2, registerRows: 1 });
    expect(await wb.listMarks(CREDIT_GROUP, "明细账")).toEqual([
      { row: 2, style: "over_limit" },
      { row: 3, style: "over_limit" },
    ]);
    expect(await wb.listMarks(CREDIT_GROUP, "信用档案")).toEqual([{ row: 2, style: "over_limit" }]);
    await clearCreditMarks(wb);
    expect(await wb.listMarks(CREDIT_GROUP, "明细账")).toEqual([]);
    expect(await wb.listMarks(CREDIT_GROUP, "信用档案")).toEqual([]);
    expect(await wb.listMarks(AGING_GROUP, "明细账")).toEqual(agingMarks);
  });
});
