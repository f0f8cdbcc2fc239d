/** The 信用 workflow (useCreditRun) over the office-js adapter on the fake Excel, without a browser. */
import { CREDIT_MESSAGE, CREDIT_NOTE, cellTarget, creditLines, exposureShown, freeSheetName, problemLines, useCreditRun, type CreditRunView } from "../../src/taskpane/credit/useCreditRun";
import { PortError, type Selection } from "../../src/port/workbook";
import { render } from "../../src/messages/render";
import { msg } from "../../src/core/messages";
import type { UseCases } from "../../src/taskpane/use-cases";
import { STRINGS } from "../../src/taskpane/i18n";
import type { FixtureSheet } from "../../src/fake-excel";
import { makePane, renderHook, step, until, type Pane, type Rendered } from "./hooks/harness";

const LEDGER: FixtureSheet = {
  name: "应收明细",
  rows: [
    ["客户", "日期", "单号", "摘要", "借方", "贷方"],
    ["杭州美达商贸", "2026-08-01", "XS-1", "销售", 120000, null],
    ["杭州美达商贸", "2026-08-20", "SK-1", "回款", null, 120000],
    ["杭州美达商贸", "2026-10-01", "XS-2", "销售", 123456.78, null],
    ["宁波顺和电器", "2026-09-01", "XS-3", "销售", 60000, null],
  ],
};
/** 顺和 is due for review on 2026-12-10, within 30 days of 2026-11-30, with no application. */
const REGISTER: FixtureSheet = {
  name: "信用档案",
  rows: [
    ["客户名称", "信用等级", "信用额度", "账期（天）", "评定日期", "下次复评日期", "审批人", "备注"],
    ["宁波顺和电器", "B", 50000, 30, "2026-06-10", "2026-12-10", "陈静", "上半年评定"],
  ],
};
const BALANCES: FixtureSheet = {
  name: "往来余额表",
  rows: [
    ["应收账款往来余额表"],
    ["截止 2026-10-31"],
    ["客户编码", "客户名称", "期初余额", "本期借方", "本期贷方", "期末余额"],
    ["C001", "杭州美达商贸", 100000, 250000, 50000, 300000],
  ],
};
const APPLICATION_TABLE: FixtureSheet = {
  name: "申请登记",
  rows: [
    ["客户名称", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"],
    ["杭州美达商贸", "其他", "2010-01-01", 600, 6000, "2020-01-01", 100000, "抵押", 300000, 60, "张强", "2026-11-01"],
  ],
};

/** The inputs of the 信用申请表 as a rep fills them: (row, column) of the written form. */
const FILLED: [number, number, string | number][] = [
  [4, 2, "杭州美达商贸"],
  [8, 2, "其他"],
  [8, 4, "2010-01-01"],
  [9, 2, 600],
  [9, 4, 6000],
  [12, 2, "2020-01-01"],
  [12, 4, 100000],
  [13, 2, 300000],
  [13, 4, 60],
  [14, 2, "抵押"],
  [15, 2, "张强"],
  [15, 4, "2026-11-01"],
];

interface Setup {
  pane: Pane;
  hook: Rendered<CreditRunView>;
  selected: Selection[];
}

async function setUp(sheets: FixtureSheet[], ledger: string | null = "应收明细", pane = makePane(sheets), locale: "zh-CN" | "en-US" = "zh-CN"): Promise<Setup> {
  const selected: Selection[] = [];
  const hook = await renderHook(pane, () => useCreditRun({ ledger, report: pane.report, clear: pane.clear, onGoTo: (t) => selected.push(t), today: "2026-12-01" }), { locale });
  await until(() => hook.current.survey.state === "done");
  return { pane, hook, selected };
}

async function scoreAt(hook: Rendered<CreditRunView>, asOf = "2026-11-30"): Promise<void> {
  await step(() => hook.current.choose({ asOf }));
  await step(() => hook.current.score());
  await until(() => hook.current.status.state !== "running" && hook.current.busy === null);
}

function done(hook: Rendered<CreditRunView>) {
  const st = hook.current.status;
  if (st.state !== "done") throw new Error(`not done: ${JSON.stringify(st)}`);
  return st.run;
}

function registerRow(pane: Pane, row: number): unknown[] {
  const sheet = pane.excel.model.sheet("信用档案")!;
  return [1, 2, 3, 4, 5, 6, 7].map((c) => sheet.getValue(row, c) ?? null);
}

describe("the 信用 workflow", () => {
  test("make the sheet, fill it, score, approve into the register, undo, review, exposure near and over, mark and clear", async () => {
    const { pane, hook, selected } = await setUp([LEDGER, REGISTER]);
    // Nothing to score yet: the workbook holds the register and no application.
    const survey = hook.current.survey.state === "done" ? hook.current.survey.survey : null;
    expect(survey).toMatchObject({ applications: [], errors: [], register: "信用档案", scorecard: null, balanceTables: [] });
    await scoreAt(hook);
    expect(hook.current.status).toMatchObject({ state: "refused", problem: { code: "no_applications" } });

    // The application sheet, made in the workbook and selected; a second one would get a number.
    await step(() => hook.current.makeSheet());
    await until(() => hook.current.survey.state === "done" && hook.current.busy === null);
    expect((await pane.port.listSheets()).map((s) => s.name)).toContain("信用申请表");
    expect(selected.at(-1)).toEqual({ sheet: "信用申请表", row: 1, column: 1 });
    expect(pane.store.get().confirmation).toMatchObject({ at: CREDIT_NOTE.template });
    expect(pane.store.get().confirmation!.text("zh-CN")).toContain("已生成“信用申请表”");

    // A rep fills it in; looking again finds the application.
    const form = pane.excel.model.sheet("信用申请表")!;
    for (const [r, c, v] of FILLED) form.setStored(r, c, v);
    await step(() => hook.current.rescan());
    await until(() => hook.current.survey.state === "done");
    if (hook.current.survey.state !== "done") return;
    expect(hook.current.survey.survey.applications.map((a) => [a.dealer, a.source.sheet, a.source.layout])).toEqual([["杭州美达商贸", "信用申请表", "form"]]);

    await scoreAt(hook);
    let run = done(hook);
    const meida = run.result.dealers[0];
    // 10 + 10 + 10 + 15 + 15 from the form; the one sale due was paid on time (30), no overdue (10): 100, A.
    expect([meida.dealer, meida.score.score, meida.score.grade, meida.suggestion.termDays, meida.suggestion.limit, meida.limitSource]).toEqual(["杭州美达商贸", 100, "A", 60, 29_200_000, "suggested"]);
    expect(meida.score.breakdown.map((b) => [b.item, b.points, b.max])).toEqual([
      ["合作年限", 10, 10],
      ["成立年限", 10, 10],
      ["注册资本（万元）", 10, 10],
      ["年销售额（万元）", 15, 15],
      ["担保方式", 15, 15],
      ["按期回款率", 30, 30],
      ["逾期记录", 10, 10],
    ]);
    // 顺和: due on 2026-12-10 and its sale of 2026-09-01 (term 30, final 2026-10-11) is still open: C proposed at once.
    // No application to rescore it: one step down, and the reason says so.
    expect(run.result.review.map((v) => [v.dealer, v.due, v.grade, v.proposedGrade, v.fresh, render(v.proposal!, "zh-CN")])).toEqual([
      ["宁波顺和电器", true, "B", "C", null, "1 笔超过最终期限：建议由 B 降一级为 C（无申请表，未重新评分）"],
    ]);
    expect(run.result.exposures.map((e) => [e.dealer, e.exposure, e.limit, e.status])).toEqual([
      ["杭州美达商贸", 12_345_678, 29_200_000, "ok"],
      ["宁波顺和电器", 6_000_000, 5_000_000, "over"],
    ]);

    // Approving needs an approver; then the dealer's row goes under the register's, and nothing else changes.
    await step(() => hook.current.approve(meida));
    expect(registerRow(pane, 3)).toEqual([null, null, null, null, null, null, null]);
    await step(() => hook.current.choose({ approver: "王芳" }));
    await step(() => hook.current.approve(done(hook).result.dealers[0]));
    await until(() => hook.current.busy === null && hook.current.status.state === "done");
    const sheet = pane.excel.model.sheet("信用档案")!;
    expect([sheet.getValue(3, 1), sheet.getValue(3, 2), sheet.getValue(3, 3), sheet.getValue(3, 4), sheet.getValue(3, 7)]).toEqual(["杭州美达商贸", "A", 292000, 60, "王芳"]);
    expect(registerRow(pane, 2)[0]).toBe("宁波顺和电器");
    const note = pane.store.get().confirmation!;
    expect(note.at).toBe(CREDIT_NOTE.approve("杭州美达商贸"));
    expect(note.text("zh-CN")).toBe(
      "已写入“信用档案”第 3 行：杭州美达商贸，A 级，额度 292,000.00，账期 60 天，评定日期 2026-12-01，下次复评 2027-06-01，审批人 王芳。其他行和您自己的列未改动；可点“撤销这次审批”恢复该行原样。",
    );
    // 评定日期 is the day of the approval (the pane's today), not the scoring's as-of date 2026-11-30; this
    // register has no 评估日 column and gets none.
    expect([5, 6, 9].map((c) => sheet.getValue(3, c) ?? null)).toEqual([expect.anything(), expect.anything(), null]);
    expect(done(hook).register?.rows.find((r) => r.dealer === "杭州美达商贸")).toMatchObject({ rated: "2026-12-01", nextReview: "2027-06-01", asOf: null });
    expect(note.text("en-US")).toContain('Written to row 3 of "信用档案"');
    // Scored again: the register's limit now rules.
    expect(done(hook).result.dealers[0].limitSource).toBe("register");
    expect(hook.current.approval?.dealer).toBe("杭州美达商贸");

    // Taken back: the row is empty again, and the suggestion rules again.
    await step(() => hook.current.undoApproval());
    await until(() => hook.current.busy === null && hook.current.status.state === "done");
    expect(registerRow(pane, 3)).toEqual([null, null, null, null, null, null, null]);
    expect(pane.store.get().confirmation!.text("zh-CN")).toBe("已撤销：“信用档案”第 3 行（杭州美达商贸）恢复为审批前的内容。");
    expect(hook.current.approval).toBeNull();
    expect(done(hook).result.dealers[0].limitSource).toBe("suggested");

    // Approved again, then the finance head lowers the limit in the sheet: 123,456.78 of 130,000 is near.
    await step(() => hook.current.approve(done(hook).result.dealers[0]));
    await until(() => hook.current.busy === null && hook.current.status.state === "done");
    sheet.setStored(3, 3, 130000);
    await scoreAt(hook);
    run = done(hook);
    expect(run.result.exposures.map((e) => [e.dealer, e.status])).toEqual([
      ["杭州美达商贸", "near"],
      ["宁波顺和电器", "over"],
    ]);

    // Over the limit: 顺和's open row in the ledger and its register row are marked, then cleared.
    await step(() => hook.current.mark());
    await until(() => hook.current.busy === null);
    expect(await pane.port.listMarks("credit", "应收明细")).toEqual([{ row: 5, style: "over_limit" }]);
    expect(await pane.port.listMarks("credit", "信用档案")).toEqual([{ row: 2, style: "over_limit" }]);
    expect(pane.store.get().confirmation!.text("zh-CN")).toBe("已标出台账“应收明细”1 行、信用档案 1 行。标记只叠加颜色，可用“清除超额度标记”或“全部撤销”去掉。");
    await step(() => hook.current.clearMarks());
    await until(() => hook.current.busy === null);
    expect(await pane.port.listMarks("credit", "应收明细")).toEqual([]);
    expect(await pane.port.listMarks("credit", "信用档案")).toEqual([]);
    expect(pane.store.get().confirmation!.text("zh-CN")).toBe("已清除超额度标记，各行恢复原样。");
  });

  test("scoring reads each sheet of the workbook once (the ledger and the register from the same reads), and shows what it found", async () => {
    const { pane, hook } = await setUp([LEDGER, REGISTER, APPLICATION_TABLE]);
    const reads = new Map<string, number>();
    const count = (name: string) => reads.set(name, (reads.get(name) ?? 0) + 1);
    let lists = 0;
    const port = pane.port;
    const readSheet = port.readSheet.bind(port);
    const readSheets = port.readSheets!.bind(port);
    const listSheets = port.listSheets.bind(port);
    port.readSheet = (name, options) => (count(name), readSheet(name, options));
    port.readSheets = (names, options) => (names.forEach(count), readSheets(names, options));
    port.listSheets = () => (lists++, listSheets());
    // A second application typed in since the view opened: the run sees it, and the survey shown follows.
    pane.excel.model.sheet("申请登记")!.setStored(3, 1, "温州新客五金");
    for (const [c, v] of APPLICATION_TABLE.rows[1].slice(1).entries()) pane.excel.model.sheet("申请登记")!.setStored(3, c + 2, v as string | number);
    await scoreAt(hook);
    expect(done(hook).result.dealers.map((d) => d.dealer)).toEqual(["杭州美达商贸", "温州新客五金"]);
    expect(Object.fromEntries(reads)).toEqual({ 应收明细: 1, 信用档案: 1, 申请登记: 1 });
    expect(lists).toBe(1);
    if (hook.current.survey.state !== "done") throw new Error(hook.current.survey.state);
    expect(hook.current.survey.survey.applications.map((a) => a.dealer)).toEqual(["杭州美达商贸", "温州新客五金"]);
  });

  test("the last run outlives a switch of views: shown again from the pane store", async () => {
    const { pane, hook } = await setUp([LEDGER, APPLICATION_TABLE]);
    await scoreAt(hook);
    expect(done(hook).result.dealers.map((d) => d.dealer)).toEqual(["杭州美达商贸"]);
    await hook.unmount();
    const again = await renderHook(pane, () => useCreditRun({ ledger: "应收明细", report: pane.report, clear: pane.clear, onGoTo: () => undefined, today: "2026-12-01" }));
    expect(again.current.status.state).toBe("done");
    expect(again.current.choices.asOf).toBe("2026-11-30");
    await again.unmount();
  });

  test("without a ledger, exposure comes from the workbook's balance table, with a warning naming both dates; it can be left out", async () => {
    const { hook } = await setUp([APPLICATION_TABLE, BALANCES], null);
    if (hook.current.survey.state !== "done") return;
    expect(hook.current.survey.survey.balanceTables).toEqual([{ sheet: "往来余额表", cutoff: "2026-10-31", dealers: 1 }]);
    expect(hook.current.balances).toBe("往来余额表");
    await scoreAt(hook);
    const run = done(hook);
    expect([run.exposureFrom, run.result.dealers[0].exposure, run.result.dealers[0].status]).toEqual(["balances", 30_000_000, "over"]);
    expect(run.warnings.map((w) => render(w, "zh-CN"))).toEqual(["余额表“往来余额表”的截止日期是 2026-10-31，评估日是 2026-11-30：占用取的是 2026-10-31 的期末余额，不是评估日的余额"]);
    await step(() => hook.current.choose({ balances: "" }));
    expect(hook.current.balances).toBeNull();
    await scoreAt(hook);
    expect([done(hook).exposureFrom, done(hook).result.dealers[0].exposure]).toEqual(["none", 0]);
  });

  test("a dealer whose balance-table row shows #N/A: exposure cannot be read, with the cell and what to do; no status against its limit, nothing marked", async () => {
    // 顺和 is D in the register: any balance would be over its limit, and 0 would say it is within.
    const table: FixtureSheet = { ...BALANCES, rows: [...BALANCES.rows, ["C002", "宁波顺和电器", 0, 80000, 0, "#N/A"]] };
    const register: FixtureSheet = { ...REGISTER, rows: [REGISTER.rows[0], ["宁波顺和电器", "D", 50000, 30, "2026-06-10", "2027-06-10", "陈静", ""]] };
    const apps: FixtureSheet = { ...APPLICATION_TABLE, rows: [...APPLICATION_TABLE.rows, ["宁波顺和电器", ...APPLICATION_TABLE.rows[1].slice(1)]] };
    const { pane, hook } = await setUp([apps, table, register], null);
    await scoreAt(hook);
    const run = done(hook);
    const shunhe = run.result.dealers.find((d) => d.dealer === "宁波顺和电器")!;
    expect([shunhe.limit, shunhe.exposure, shunhe.status]).toEqual([5_000_000, null, null]);
    const cell = "工作表“往来余额表”单元格 F5（期末余额）：公式的结果是错误值“#N/A”。请改正这个单元格的公式（或它引用的单元格），在 Excel 中保存后再读取。";
    expect(exposureShown(shunhe, "zh-CN")).toEqual({ status: "unknown", statusText: "占用未知（无法读取）", exposure: "无法读取", why: [cell] });
    const en = exposureShown(shunhe, "en-US");
    expect([en.status, en.statusText, en.exposure, en.why.length]).toEqual(["unknown", "Exposure unknown (cannot be read)", "cannot be read", 1]);
    expect(en.why[0]).toContain("F5");
    // The exposure list says the same of the register's line; 美达's figure is shown as before.
    const lines = run.result.exposures.map((e) => [e.dealer, exposureShown(e, "zh-CN")]);
    expect(lines).toEqual([
      ["杭州美达商贸", { status: "over", statusText: "超额度", exposure: "300,000.00", why: [] }],
      ["宁波顺和电器", { status: "unknown", statusText: "占用未知（无法读取）", exposure: "无法读取", why: [cell] }],
    ]);
    expect(run.warnings.map((w) => render(w, "zh-CN"))).toContain(`${cell} 余额表的这一行未读取：这家经销商的占用无法得出（不按 0 计），改正后请重新评估`);
    // Marking: 美达 is over (it has no register row); 顺和's register row is not marked.
    await step(() => hook.current.mark());
    await until(() => hook.current.busy === null);
    expect(await pane.port.listMarks("credit", "信用档案")).toEqual([]);
  });

  test("a balance table chosen as the ledger gives exposure instead of entries", async () => {
    const { hook } = await setUp([APPLICATION_TABLE, BALANCES], "往来余额表");
    expect(hook.current.balances).toBe("往来余额表");
    await scoreAt(hook);
    expect([done(hook).exposureFrom, done(hook).ledger, done(hook).result.dealers[0].exposure]).toEqual(["balances", null, 30_000_000]);
  });

  test("with a ledger chosen, a balance table is not used", async () => {
    const { hook } = await setUp([LEDGER, APPLICATION_TABLE, BALANCES]);
    expect(hook.current.balances).toBeNull();
    await scoreAt(hook);
    expect(done(hook).exposureFrom).toBe("ledger");
  });

  test("a missing required field is listed naming sheet and cell, a click away; scoring is refused with it", async () => {
    const rows = APPLICATION_TABLE.rows.map((r) => [...r]);
    rows[1][7] = null;
    const { hook } = await setUp([LEDGER, { name: "申请登记", rows }]);
    if (hook.current.survey.state !== "done") return;
    const errors = hook.current.survey.survey.errors;
    expect(errors.map((e) => [e.sheet, e.cell])).toEqual([["申请登记", "H2"]]);
    await scoreAt(hook);
    const st = hook.current.status;
    if (st.state !== "refused") throw new Error(st.state);
    const lines = problemLines(st.problem, "zh-CN");
    expect(lines).toHaveLength(1);
    expect(lines[0].text).toContain("H2");
    expect(lines[0].target).toEqual({ sheet: "申请登记", row: 2, column: 8 });
  });

  test("a 评分标准 cell that cannot be read refuses scoring, naming the sheet, row and cell, a click from it", async () => {
    const card: FixtureSheet = { name: "评分标准", rows: [["项目", "条件", "分值"], ["担保方式", "房产", 10], [], ["等级", "最低分", "额度系数", "账期（天）"], ["A", 0, 1, 30], [], ["合作不满一年最高等级", "A"]] };
    const { hook } = await setUp([LEDGER, APPLICATION_TABLE, card]);
    await scoreAt(hook);
    const st = hook.current.status;
    if (st.state !== "refused") throw new Error(st.state);
    expect(problemLines(st.problem, "zh-CN")).toEqual([
      { text: "工作表“评分标准”第 2 行（B2）：担保方式的条件“房产”应为 抵押、保证、无 或 其他（与申请表的选项一致）", target: { sheet: "评分标准", row: 2, column: 2 } },
    ]);
  });

  test("writes the default scorecard on request, and the survey then names it", async () => {
    const { pane, hook } = await setUp([LEDGER, APPLICATION_TABLE]);
    await step(() => hook.current.writeScorecard());
    await until(() => hook.current.survey.state === "done" && hook.current.busy === null);
    expect((await pane.port.listSheets()).map((s) => s.name)).toContain("评分标准");
    if (hook.current.survey.state !== "done") return;
    expect(hook.current.survey.survey.scorecard).toBe("评分标准");
  });

  test("writes the 信用评估 sheet and selects it", async () => {
    const { pane, hook, selected } = await setUp([LEDGER, APPLICATION_TABLE]);
    await scoreAt(hook);
    await step(() => hook.current.write());
    await until(() => hook.current.busy === null);
    expect((await pane.port.listSheets()).map((s) => s.name)).toContain("信用评估");
    expect(selected.at(-1)).toEqual({ sheet: "信用评估", row: 1, column: 1 });
  });

  test("the breakdown's default items and the limit's arithmetic are said in the pane's language; a guarantee's choice stays as written", async () => {
    // 美达 sells on the ledger (two months with sales); 新客 has no history, so its base is the application's and it grades D.
    const table: FixtureSheet = {
      name: "申请登记",
      rows: [
        APPLICATION_TABLE.rows[0],
        APPLICATION_TABLE.rows[1],
        ["温州新客五金", "其他", "2025-06-01", 50, 200, "2026-06-01", 20000, "无", 50000, 30, "李明", "2026-11-01"],
      ],
    };
    const lines = async (locale: "zh-CN" | "en-US") => {
      const { hook } = await setUp([LEDGER, table], "应收明细", undefined, locale);
      await scoreAt(hook);
      return done(hook).result.dealers.map((d) => creditLines(d, locale));
    };
    const [meidaEn, newEn] = await lines("en-US");
    expect(meidaEn.breakdown.map((b) => [b.label, b.value, b.points, b.max])).toEqual([
      ["Years of cooperation", "6.8", 10, 10],
      ["Years since founded", "16.8", 10, 10],
      ["Registered capital (10k yuan)", "600", 10, 10],
      ["Annual sales (10k yuan)", "6000", 15, 15],
      ["Guarantee", "抵押", 15, 15],
      ["Paid on time", "100.0%", 30, 30],
      ["Overdue record (days)", "0", 10, 10],
    ]);
    expect(meidaEn.suggestion).toEqual([
      "Monthly sales (average over the months with sales in the last 12: 2): 121728.39",
      "Term (days): the shorter of grade A's 60 days and the 60 applied for: 60",
      "Limit factor (grade A): 1.2",
      "Monthly base × term / 30 × factor: 292148.13",
      "Limit applied for (the cap): 300000.00",
      "Suggested limit (rounded down to 1,000 yuan): 292000.00",
    ]);
    expect(newEn.breakdown.slice(4).map((b) => [b.label, b.value])).toEqual([
      ["Guarantee", "无"],
      ["Paid on time", "no record"],
      ["Overdue record (days)", "no record"],
    ]);
    expect(newEn.suggestion).toEqual([
      "Expected monthly purchases (no sales recorded): 20000.00",
      "Term (days): the shorter of grade D's 0 days and the 30 applied for (0 days: payment before delivery): 0",
      "Limit factor (grade D): 0",
      "Monthly base × term / 30 × factor: 0.00",
      "Limit applied for (the cap): 50000.00",
      "Suggested limit (rounded down to 1,000 yuan): 0.00",
    ]);

    const [meidaZh, newZh] = await lines("zh-CN");
    expect(meidaZh.breakdown.map((b) => b.label)).toEqual(["合作年限", "成立年限", "注册资本（万元）", "年销售额（万元）", "担保方式", "按期回款率", "逾期记录"]);
    expect(meidaZh.suggestion.slice(0, 2)).toEqual(["月均销售额（近12个月有销售的 2 个月）：121728.39", "账期（天）：等级 A 60 天与申请 60 天取短：60"]);
    expect(newZh.breakdown.slice(5).map((b) => b.value)).toEqual(["无记录", "无记录"]);
    expect(newZh.suggestion[1]).toBe("账期（天）：等级 D 0 天与申请 30 天取短（0 天：款到发货）：0");
  });

  test("a failure the port said more about is shown as the port said it, in the pane's language, once: a scoring's in the view, the others in the messages", async () => {
    const said = msg("port.read_only", { sheet: "信用档案", kind: msg("port.kind.xls", {}), action: msg("port.action.results", {}) });
    const fail = async (): Promise<never> => {
      throw new PortError("unsupported", "信用档案", said);
    };
    const useCases: Partial<UseCases> = { surveyCredit: fail, runCredit: fail, ensureScorecardSheet: fail };
    const pane = makePane([LEDGER, REGISTER]);
    const hook = await renderHook(pane, () => useCreditRun({ ledger: "应收明细", report: pane.report, clear: pane.clear, onGoTo: () => undefined, today: "2026-12-01" }), { useCases });
    await until(() => hook.current.survey.state === "failed");
    const en = render(said, "en-US");
    const asSentence = en.charAt(0).toUpperCase() + en.slice(1);
    const reported = (key: string) => {
      const m = [...pane.reported].reverse().find((x) => x.key === key);
      if (!m) throw new Error(`nothing reported for ${key}`);
      return m;
    };
    expect(reported(CREDIT_MESSAGE.survey).text(STRINGS["zh-CN"])).toBe(render(said, "zh-CN"));

    await scoreAt(hook);
    const status = hook.current.status;
    if (status.state !== "failed") throw new Error(`not failed: ${status.state}`);
    expect(status.message(STRINGS["zh-CN"])).toBe(render(said, "zh-CN"));
    // The text follows a switch of language: the English text, as a sentence.
    expect(status.message(STRINGS["en-US"])).toBe(asSentence);
    expect(status.message(STRINGS["zh-CN"])).not.toBe(STRINGS["zh-CN"].portError("unsupported", "信用档案"));
    // Said in the view, under the view's title: not again in the pane's messages.
    expect(pane.reported.filter((m) => m.key === CREDIT_MESSAGE.run)).toEqual([]);

    expect(await step(() => hook.current.writeScorecard())).toBe(false);
    expect(reported(CREDIT_MESSAGE.command).text(STRINGS["zh-CN"])).toBe(render(said, "zh-CN"));
  });
});

describe("the 信用 view's helpers", () => {
  test("a cell address becomes a selection; other text does not", () => {
    expect(cellTarget("申请", "AB12")).toEqual({ sheet: "申请", row: 12, column: 28 });
    expect(cellTarget("申请", "第 3 行")).toBeNull();
  });
  test("a second application sheet gets the next free number", () => {
    expect(freeSheetName("信用申请表", ["明细"])).toBe("信用申请表");
    expect(freeSheetName("信用申请表", ["信用申请表", "信用申请表 2"])).toBe("信用申请表 3");
  });
});
