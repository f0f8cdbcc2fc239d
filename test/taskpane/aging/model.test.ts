/** What the 账龄 / 逾期 view shows, worked out from aging runs over the sample and small inline ledgers. */
import { runAging } from "../../../src/app/aging";
import { AGING_MARK_ORDER, DEFAULT_MARK_STAGES } from "../../../src/app/reports/aging-marks";
import { SAMPLE_LIST_SHEET, sampleSheets } from "../../../src/sample/sample";
import {
  actionLines,
  agingStringsFor,
  issueMessages,
  unreadableLines,
  isUsableAsOf,
  MAX_LISTED_ISSUES,
  stageLines,
  stagesToMark,
  termLines,
  todayIso,
  unappliedTotal,
} from "../../../src/taskpane/aging/model";
import { AGING_STRINGS } from "../../../src/taskpane/aging/strings";
import { STRINGS } from "../../../src/taskpane/i18n";
import type { OutRow } from "../../../src/port/workbook";
import { XlsxWorkbook, type UserSheetSpec } from "../../../src/xlsx/workbook";

const HEADER: OutRow = ["客户名称", "日期", "单号", "摘要", "发货金额", "回款金额", "账期(天)", "业务员"];

async function agedSample(asOf: string, extra: UserSheetSpec[] = []) {
  const wb = XlsxWorkbook.fromSpecs([...sampleSheets(), ...extra]);
  return runAging({ ledger: { port: wb, sheet: SAMPLE_LIST_SHEET }, asOf });
}

async function agedList(rows: OutRow[], asOf: string) {
  const wb = XlsxWorkbook.fromSpecs([{ name: "登记", rows: [HEADER, ...rows] }]);
  return runAging({ ledger: { port: wb, sheet: "登记" }, asOf });
}

describe("the as-of date", () => {
  test("today is the user's local calendar day, late at night as early in the morning", () => {
    expect(todayIso(new Date(2026, 10, 30, 23, 59, 59))).toBe("2026-11-30");
    expect(todayIso(new Date(2026, 0, 5, 0, 0, 0))).toBe("2026-01-05");
  });

  test("only a real YYYY-MM-DD day is usable; a day that does not exist is not", () => {
    expect([" 2026-11-30 ", "2028-02-29", "2026-02-29", "2026/11/30", "", "2026-13-01"].map(isUsableAsOf)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("stages to mark", () => {
  test("the late stages by default, every stage that needs an action when the user asks for the coming ones too", () => {
    expect(stagesToMark(false)).toEqual(DEFAULT_MARK_STAGES);
    expect(stagesToMark(true)).toEqual(["past_final", "overdue", "due_today", "due_3d", "due_7d"]);
    expect(stagesToMark(true)).toBe(AGING_MARK_ORDER);
  });
});

describe("the summary by stage", () => {
  test("counts and amounts per stage on the sample at the 11-30 month end, most urgent first, with the marks' colours", async () => {
    const run = await agedSample("2026-11-30");
    expect(stageLines(run.report, "zh-CN").map((l) => [l.stage, l.text, l.count, l.amountText, l.fill, l.color])).toEqual([
      ["past_final", "超过最终收款期限", 5, "165,660.00", "#F5A3A3", "#7A0000"],
      ["overdue", "逾期（三分之一期限内）", 2, "78,700.00", "#FFC078", null],
      ["due_today", "今日到期", 0, "0.00", "#FFEC99", null],
      ["due_3d", "3天内到期", 0, "0.00", "#C3FAE8", null],
      ["due_7d", "7天内到期", 0, "0.00", "#E3F2FD", null],
      ["not_due", "未到期", 2, "42,580.00", null, null],
    ]);
    // The stages add up to the open balance.
    expect(stageLines(run.report, "zh-CN").reduce((a, l) => a + l.amount, 0)).toBe(run.report.totals.openBalance);
    expect(stageLines(run.report, "en-US").map((l) => l.text)).toEqual([
      "Past the final deadline",
      "Overdue (within one third of the term)",
      "Due today",
      "Due within 3 days",
      "Due within 7 days",
      "Not due",
    ]);
  });

  test("an over-payment shows as unapplied receipts, a negative amount apart from the stages", async () => {
    const run = await agedList(
      [
        ["甲公司", { date: "2026-10-01" }, "A-1", "发货", 1000, null, 30, "张三"],
        ["甲公司", { date: "2026-10-20" }, "HK-1", "回款", null, 1500, 30, "张三"],
      ],
      "2026-11-30",
    );
    expect(unappliedTotal(run.report)).toBe(-50_000);
    expect(stageLines(run.report, "zh-CN").every((l) => l.count === 0)).toBe(true);
  });
});

describe("the week's actions", () => {
  test("on the sample at 11-30: the seven items to chase, soonest action first, each selecting its ledger row", async () => {
    const run = await agedSample("2026-11-30");
    const lines = actionLines(run.report, "zh-CN");
    expect(lines.map((l) => [l.target.row, l.dealer, l.rep, l.ref, l.openText, l.dueDate, l.stage, l.actionDate, l.actionDue])).toEqual([
      [2, "宁波顺和电器有限公司", "李娜", "XSCK-2026-0618", "34,500.00", "2026-08-17", "past_final", "2026-09-07", true],
      [4, "杭州美达商贸有限公司", "王磊", "XSCK-2026-0805", "63,000.00", "2026-09-04", "past_final", "2026-09-15", true],
      [5, "温州瑞丰五金经营部", "王磊", "XSCK-2026-0912", "8,260.00", "2026-10-27", "past_final", "2026-11-12", true],
      [7, "绍兴百佳家电有限公司", "张强", "XSCK-2026-1008", "12,400.00", "2026-11-07", "past_final", "2026-11-18", true],
      [6, "宁波顺和电器有限公司", "李娜", "XSCK-2026-0920", "56,800.00", "2026-11-19", "overdue", "2026-11-20", true],
      [10, "绍兴百佳家电有限公司", "张强", "XSCK-2026-1026", "21,900.00", "2026-11-25", "overdue", "2026-11-26", true],
      [9, "杭州美达商贸有限公司", "王磊", "XSCK-2026-1020", "47,500.00", "2026-11-19", "past_final", "2026-11-30", true],
    ]);
    expect(lines.every((l) => l.target.sheet === SAMPLE_LIST_SHEET)).toBe(true);
    expect(new Set(lines.map((l) => l.key)).size).toBe(lines.length);
    expect(lines[0].actionText).toBe("已过最终收款期限：立即发催款函，取得还款承诺书");
    expect(actionLines(run.report, "en-US")[4].actionText).toBe("Overdue: chase it before the final deadline");
  });

  test("a call coming later this week is listed, not yet due; one further off is not listed", async () => {
    const run = await agedSample("2026-10-29");
    const coming = actionLines(run.report, "en-US").filter((l) => !l.actionDue);
    // Row 7 (30 days from 10-08) is due 11-07: the call 7 days before falls on 10-31.
    expect(coming.map((l) => [l.target.row, l.stage, l.stageText, l.actionText, l.actionDate])).toEqual([
      [7, "not_due", "Not due", "Call or visit; learn the payment date", "2026-10-31"],
    ]);
    expect(actionLines(run.report, "en-US").some((l) => l.target.row === 10)).toBe(false);
  });

  test("an opening balance is listed as such, to verify", async () => {
    const run = await agedList(
      [
        ["甲公司", { date: "2026-10-01" }, null, "期初余额", 5000, null, 30, "张三"],
        ["甲公司", { date: "2026-10-02" }, "A-1", "发货", 1000, null, 30, "张三"],
      ],
      "2026-10-05",
    );
    const lines = actionLines(run.report, "zh-CN");
    expect(lines.map((l) => [l.target.row, l.ref, l.openText, l.actionText])).toEqual([[2, "期初余额", "5,000.00", "期初余额账龄未知：核实其发票明细与日期"]]);
    expect(actionLines(run.report, "en-US")[0].ref).toBe("Opening balance");
  });
});

describe("term sources", () => {
  test("the ledger's term column on the sample, named with its sheet", async () => {
    const run = await agedSample("2026-11-30");
    expect(termLines(run.termSources, "zh-CN").map((l) => [l.dealer, l.termDays, l.source, l.sourceText])).toEqual([
      ["宁波顺和电器有限公司", 60, "column", "发货回款登记 的账期列"],
      ["杭州美达商贸有限公司", 30, "column", "发货回款登记 的账期列"],
      ["温州瑞丰五金经营部", 45, "column", "发货回款登记 的账期列"],
      ["绍兴百佳家电有限公司", 30, "column", "发货回款登记 的账期列"],
    ]);
  });

  test("a 账期表 row wins over the column and is named by its row; a dealer without any is on the default", async () => {
    const table: UserSheetSpec = { name: "账期表", rows: [["经销商", "账期(天)"], ["温州瑞丰五金经营部", 20]] };
    const wb = XlsxWorkbook.fromSpecs([
      table,
      { name: "登记", rows: [["客户名称", "日期", "单号", "发货金额", "回款金额"], ["温州瑞丰五金经营部", { date: "2026-10-01" }, "W-1", 100, null], ["乙公司", { date: "2026-10-01" }, "Y-1", 100, null]] },
    ]);
    const run = await runAging({ ledger: { port: wb, sheet: "登记" }, asOf: "2026-11-30" });
    expect(termLines(run.termSources, "zh-CN").map((l) => [l.dealer, l.termDays, l.source, l.sourceText])).toEqual([
      ["温州瑞丰五金经营部", 20, "table", "账期表 第2行"],
      ["乙公司", 30, "default", "默认账期（未设置，按 30 天）"],
    ]);
    expect(termLines(run.termSources, "en-US").map((l) => l.sourceText)).toEqual(["账期表 row 2", "Default term (not set: 30 days)"]);
  });

  test("rows carrying a term of their own are named beside the dealer's term", async () => {
    const run = await agedList(
      [
        ["甲公司", { date: "2026-10-01" }, "A-1", "发货", 1000, null, 30, "张三"],
        ["甲公司", { date: "2026-10-02" }, "A-2", "发货", 1000, null, 45, "张三"],
      ],
      "2026-11-30",
    );
    // The dealer's term is its latest row's; the earlier row keeps its own 30 days.
    expect(termLines(run.termSources, "zh-CN").map((l) => [l.termDays, l.otherTerms])).toEqual([[45, [30]]]);
    expect(AGING_STRINGS["zh-CN"].otherRowTerms([30])).toBe("部分行另有账期：30 天");
    expect(AGING_STRINGS["en-US"].otherRowTerms([30, 60])).toBe("Some rows have their own term: 30 days, 60 days");
  });
});

describe("problems as pane messages", () => {
  test("a bad 账期表 row becomes a warning that selects its row, in both languages; an unreadable amount cell is not warned of again", async () => {
    const wb = XlsxWorkbook.fromSpecs([
      { name: "账期表", rows: [["经销商", "账期(天)"], ["甲公司", "三十天"]] },
      {
        name: "登记",
        rows: [HEADER, ["甲公司", { date: "2026-10-01" }, "A-1", "发货", 1000, null, 30, "张三"], ["甲公司", { date: "2026-10-02" }, "A-2", "发货", "1,0O0.00", null, 30, "张三"]],
      },
    ]);
    const run = await runAging({ ledger: { port: wb, sheet: "登记" }, asOf: "2026-11-30" });
    const messages = issueMessages(run);
    // E3 is listed once, under 无法读取 (unreadableLines), not among the warnings as well.
    expect(unreadableLines(run.report, "zh-CN").map((l) => l.place)).toEqual(["登记 E3"]);
    expect(messages.map((m) => [m.key, m.intent, m.target])).toEqual([["aging-issue-0", "warning", { sheet: "账期表", row: 2 }]]);
    expect(messages[0].text(STRINGS["zh-CN"])).toBe("账期表 第2行（B列）“甲公司”的账期“三十天”不是有效天数（0 至 3650 的整数），未采用");
    expect(messages[0].text(STRINGS["en-US"])).toBe('账期表 row 2 (column B): term "三十天" for "甲公司" is not a whole number of days from 0 to 3650; not used');
  });

  test(`past ${MAX_LISTED_ISSUES} problems, one more message says how many were left out`, async () => {
    const wb = XlsxWorkbook.fromSpecs([
      { name: "账期表", rows: [["经销商", "账期(天)"], ...Array.from({ length: 8 }, (_, i) => [`公司${i}`, `x${i}`])] },
      { name: "登记", rows: [HEADER, ["甲公司", { date: "2026-10-01" }, "A-1", "发货", 1000, null, 30, "张三"]] },
    ]);
    const run = await runAging({ ledger: { port: wb, sheet: "登记" }, asOf: "2026-11-30" });
    const messages = issueMessages(run);
    expect(messages.map((m) => m.key)).toEqual(["aging-issue-0", "aging-issue-1", "aging-issue-2", "aging-issue-3", "aging-issue-4", "aging-issue-more"]);
    expect(messages[5].text(STRINGS["zh-CN"])).toBe("另有 3 条提示未列出。");
    expect(messages[5].text(STRINGS["en-US"])).toBe("3 more not listed.");
    expect(messages[5].target).toBeUndefined();
  });

  test("a clean run has no messages", async () => {
    expect(issueMessages(await agedSample("2026-11-30"))).toEqual([]);
  });
});

describe("the view's language", () => {
  test("follows the language of the pane's shared strings", () => {
    expect(agingStringsFor(STRINGS["zh-CN"]).viewTitle).toBe("账龄 / 逾期");
    expect(agingStringsFor(STRINGS["en-US"]).viewTitle).toBe("Aging / overdue");
  });
});

describe("stages explained where they appear", () => {
  test("each summary line and each action carries what its stage means; a late action also its final deadline", async () => {
    const run = await agedSample("2026-11-30");
    const overdue = stageLines(run.report, "zh-CN").find((l) => l.stage === "overdue");
    expect(overdue?.explanation).toBe("已过到期日，仍在最终收款期限内。最终收款期限 = 到期日 + 账期的三分之一（账期 30 天即到期后 10 天）。");
    const first = actionLines(run.report, "en-US")[0];
    // XSCK-2026-0618: 60-day term, due 08-17, final deadline 20 days later.
    expect([first.ref, first.dueDate, first.finalDate, first.stage]).toEqual(["XSCK-2026-0618", "2026-08-17", "2026-09-06", "past_final"]);
    expect(first.stageExplanation).toBe("Past the final deadline (due date + one third of the term): send a demand letter now.");
  });

  test("the week's list says that it includes what is already overdue", () => {
    expect(AGING_STRINGS["zh-CN"].actionsTitle(7)).toBe("本周需行动（7 笔，含已逾期）");
    expect(AGING_STRINGS["en-US"].actionsTitle(7)).toBe("Actions this week (7, overdue included)");
    expect(AGING_STRINGS["zh-CN"].actionsHint).toContain("已经逾期、尚未收回的款项");
  });
});
