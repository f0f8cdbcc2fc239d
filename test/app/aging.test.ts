import { render } from "../../src/messages/render";
import {
  clearAgingMarks,
  DEFAULT_TERM_SETTING,
  defaultTermProblem,
  loadDefaultTermDays,
  parseTermTable,
  runAging,
  saveDefaultTermDays,
  writeAgingResults,
} from "../../src/app/aging";
import { AGING_GROUP, agingLegend } from "../../src/app/reports/aging-marks";
import { agingSheet } from "../../src/app/reports/aging-sheets";
import { formatFen } from "../../src/core/money";
import { SAMPLE_LEDGER_SHEET, SAMPLE_LIST_SHEET, sampleSheets } from "../../src/sample/sample";
import type { UserSheetSpec } from "../../src/xlsx/workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

const AS_OF = "2026-10-31";

function sample(extra: UserSheetSpec[] = []): XlsxWorkbook {
  return XlsxWorkbook.fromSpecs([...sampleSheets(), ...extra]);
}

/** Open items as [row, open amount, stage] for compact exact comparison. */
function itemsOf(run: Awaited<ReturnType<typeof runAging>>, dealer: string): [number, string, string][] {
  const d = run.report.dealers.find((x) => x.dealer === dealer);
  if (!d) throw new Error(`no dealer ${dealer}`);
  return d.items.map((i) => [i.row, formatFen(i.open), i.stage]);
}

describe("runAging on the sample's hand-kept list (terms and reps in columns)", () => {
  it("ages every dealer with its own term from the column, to the fen", async () => {
    const run = await runAging({ ledger: { port: sample(), sheet: SAMPLE_LIST_SHEET }, asOf: AS_OF });
    const r = run.report;
    expect(r.dealers.map((d) => [d.dealer, d.rep, d.termDays, d.termSource, formatFen(d.openBalance)])).toEqual([
      ["宁波顺和电器有限公司", "李娜", 60, "column", "91300.00"],
      ["杭州美达商贸有限公司", "王磊", 30, "column", "110500.00"],
      ["温州瑞丰五金经营部", "王磊", 45, "column", "8260.00"],
      ["绍兴百佳家电有限公司", "张强", 30, "column", "54300.00"],
    ]);
    // 74,500 shipped 06-18 on 60 days, 40,000 paid: 34,500 due 08-17, final deadline 08-17 + 20 = 09-06.
    expect(itemsOf(run, "宁波顺和电器有限公司")).toEqual([
      [2, "34500.00", "past_final"],
      [6, "56800.00", "not_due"],
    ]);
    const ningbo = r.dealers[0].items[0];
    expect([ningbo.dueDate, ningbo.finalDate, ningbo.daysPastDue, ningbo.bucket]).toEqual(["2026-08-17", "2026-09-06", 75, "61-90"]);
    // 45 days: due 10-27, one third is 15 days, so 4 days late is still "overdue".
    expect(itemsOf(run, "温州瑞丰五金经营部")).toEqual([[5, "8260.00", "overdue"]]);
    expect(r.dealers[2].items[0].finalDate).toBe("2026-11-11");
    expect(itemsOf(run, "绍兴百佳家电有限公司")).toEqual([
      [7, "32400.00", "due_7d"],
      [10, "21900.00", "not_due"],
    ]);
    expect(formatFen(r.totals.openBalance)).toBe("264360.00");
    expect(r.totals.openBalance).toBe(run.ledger.closingBalance);
    expect(r.ignoredAfterAsOf).toBe(3);
    expect(run.termSources.table).toBeNull();
    expect(run.termSources.dealers.map((d) => [d.dealer, d.source, d.text.zh])).toEqual([
      ["宁波顺和电器有限公司", "column", "发货回款登记 的账期列"],
      ["杭州美达商贸有限公司", "column", "发货回款登记 的账期列"],
      ["温州瑞丰五金经营部", "column", "发货回款登记 的账期列"],
      ["绍兴百佳家电有限公司", "column", "发货回款登记 的账期列"],
    ]);
  });

  it("computes the per-rep figures over the period from the first row to the as-of date", async () => {
    const run = await runAging({ ledger: { port: sample(), sheet: SAMPLE_LIST_SHEET }, asOf: AS_OF });
    const li = run.report.reps.find((x) => x.rep === "李娜")!;
    expect(run.report.repPeriod).toEqual({ from: "2026-06-18", to: AS_OF });
    expect([formatFen(li.sales), formatFen(li.collections), formatFen(li.overdue), li.overdueCount, li.pastFinalCount]).toEqual(["131300.00", "40000.00", "34500.00", 1, 1]);
    expect(li.collectionRate).toBeCloseTo(40000 / 131300, 12);
    // 136 days from 06-18 to 10-31, both counted.
    expect(li.dso).toBeCloseTo((91300 / 131300) * 136, 9);
  });

  it("ages only the dealer asked for", async () => {
    const run = await runAging({ ledger: { port: sample(), sheet: SAMPLE_LIST_SHEET }, asOf: AS_OF, dealer: "温州瑞丰五金经营部" });
    expect(run.report.dealers.map((d) => d.dealer)).toEqual(["温州瑞丰五金经营部"]);
    expect(formatFen(run.report.totals.openBalance)).toBe("8260.00");
  });
});

describe("runAging on the Kingdee 明细账 (no term column)", () => {
  it("uses the built-in 30 days, settles the opening balance first and ages the rest to the fen", async () => {
    const run = await runAging({ ledger: { port: sample(), sheet: SAMPLE_LEDGER_SHEET }, asOf: AS_OF });
    const r = run.report;
    expect(r.periodStart).toBe("2026-07-01");
    expect(run.termSources.defaultFrom).toBe("builtin");
    expect(run.termSources.dealers).toEqual([
      { dealer: "杭州美达商贸有限公司", termDays: 30, source: "default", rowTerms: [], text: { zh: "默认账期（未设置，按 30 天）", en: "Default term (not set: 30 days)" } },
    ]);
    // 353,200 of receipts and the return clear the 120,000 opening, the July sales, 08-05 and the
    // first 08-12 posting, and 13,649.50 of the second: 14,150.50 of it is left.
    expect(itemsOf(run, "杭州美达商贸有限公司")).toEqual([
      [13, "14150.50", "past_final"],
      [17, "25630.00", "past_final"],
      [19, "36800.00", "past_final"],
      [20, "51260.00", "overdue"],
      [25, "47500.00", "not_due"],
      [26, "58000.00", "not_due"],
    ]);
    expect(Object.fromEntries(Object.entries(r.totals.buckets).map(([k, v]) => [k, formatFen(v)]))).toEqual({
      未到期: "105500.00",
      "1-30": "113690.00",
      "31-60": "14150.50",
      "61-90": "0.00",
      "91-180": "0.00",
      "181-365": "0.00",
      "365+": "0.00",
      未知账龄: "0.00",
      未核销收款: "0.00",
    });
    expect(formatFen(r.totals.openBalance)).toBe("233340.50");
    expect(r.totals.openBalance).toBe(run.ledger.closingBalance);
  });

  it("takes the default term the user saved in the workbook, and a term given for the run over it", async () => {
    const wb = sample();
    await saveDefaultTermDays(wb, "45天");
    expect(await wb.getSetting(DEFAULT_TERM_SETTING)).toBe(45);
    expect(await loadDefaultTermDays(wb)).toBe(45);
    const run = await runAging({ ledger: { port: wb, sheet: SAMPLE_LEDGER_SHEET }, asOf: AS_OF });
    expect(run.termSources.defaultFrom).toBe("setting");
    expect(run.termSources.defaultTermDays).toBe(45);
    // 45 days: 09-03 is due 10-18 with 15 days' grace (13 late: overdue); 09-24 is due 11-08 (8 days away).
    expect(itemsOf(run, "杭州美达商贸有限公司")).toEqual([
      [13, "14150.50", "past_final"],
      [17, "25630.00", "overdue"],
      [19, "36800.00", "overdue"],
      [20, "51260.00", "not_due"],
      [25, "47500.00", "not_due"],
      [26, "58000.00", "not_due"],
    ]);
    const given = await runAging({ ledger: { port: wb, sheet: SAMPLE_LEDGER_SHEET }, asOf: AS_OF, defaultTermDays: 60 });
    expect([given.termSources.defaultFrom, given.report.defaultTermDays]).toEqual(["request", 60]);
    await saveDefaultTermDays(wb, null);
    expect(await loadDefaultTermDays(wb)).toBeUndefined();
  });

  it("refuses to save a default term that is not whole days, and says why in both languages", async () => {
    const wb = sample();
    await expect(saveDefaultTermDays(wb, -5)).rejects.toThrow(RangeError);
    await expect(saveDefaultTermDays(wb, "三十")).rejects.toThrow(RangeError);
    expect(await wb.getSetting(DEFAULT_TERM_SETTING)).toBeUndefined();
    expect(defaultTermProblem("30.5")).toEqual({ zh: "账期“30.5”须为 0 到 3650 之间的整数天数", en: 'the term "30.5" must be a whole number of days from 0 to 3650' });
    expect(defaultTermProblem("60")).toBeNull();
  });
});

describe("the term table the user keeps in the workbook", () => {
  const termTable = (rows: (string | number | null)[][], name = "账期表"): UserSheetSpec => ({ name, rows });

  it("comes after the ledger's term column, matches short dealer names, and reports bad rows by row and column", async () => {
    const wb = sample([
      termTable([
        ["账期表（经销商信用期）"],
        ["客户名称", "账期（天）", "备注"],
        ["宁波顺和电器", 90, null],
        ["绍兴百佳家电有限公司", "45天", null],
        ["温州瑞丰五金经营部", "月结", "待定"],
        [null, 30, null],
      ]),
    ]);
    const run = await runAging({ ledger: { port: wb, sheet: SAMPLE_LIST_SHEET }, asOf: AS_OF });
    const table = run.termSources.table!;
    expect(table.sheet).toBe("账期表");
    expect(table.terms).toEqual({ 宁波顺和电器有限公司: 90, 绍兴百佳家电有限公司: 45 });
    expect(table.rows).toEqual({ 宁波顺和电器有限公司: 3, 绍兴百佳家电有限公司: 4 });
    // 发货回款登记 carries a term on every row: the ledger's own column comes first (issue 6).
    expect(run.termSources.dealers.map((d) => [d.dealer, d.termDays, d.source, d.text.zh])).toEqual([
      ["宁波顺和电器有限公司", 60, "column", "发货回款登记 的账期列"],
      ["杭州美达商贸有限公司", 30, "column", "发货回款登记 的账期列"],
      ["温州瑞丰五金经营部", 45, "column", "发货回款登记 的账期列"],
      ["绍兴百佳家电有限公司", 30, "column", "发货回款登记 的账期列"],
    ]);
    expect(run.report.issues.map((i) => [i.code, i.sheet, i.row, render(i.text, "zh-CN")])).toEqual([
      ["bad_term", "账期表", 5, "账期表 第5行（B列）“温州瑞丰五金经营部”的账期“月结”不是有效天数（0 至 3650 的整数），未采用"],
      ["bad_term", "账期表", 6, "账期表 第6行有账期但没有经销商名称，未采用"],
    ]);
  });

  it("gives the term of a ledger without a term column, before the default", async () => {
    const wb = sample([termTable([["客户名称", "账期（天）"], ["杭州美达商贸", 45]])]);
    const run = await runAging({ ledger: { port: wb, sheet: SAMPLE_LEDGER_SHEET }, asOf: "2026-10-31" });
    expect(run.termSources.dealers.map((d) => [d.dealer, d.termDays, d.source, d.text.zh])).toEqual([["杭州美达商贸有限公司", 45, "table", "账期表 第2行"]]);
    // 45 days: the 2026-09-24 sale of 51,260.00 is due 2026-11-08, not yet due at the cut-off.
    const item = run.report.dealers[0].items.find((i) => i.row === 20)!;
    expect([item.termDays, item.dueDate, item.finalDate, item.stage]).toEqual([45, "2026-11-08", "2026-11-23", "not_due"]);
  });

  it("reads English headers in a table that starts anywhere, and a dealer listed twice keeps the later term with a warning", () => {
    const read = parseTermTable(
      {
        sheet: "Terms",
        top: 1,
        left: 2,
        values: [
          ["Customer", "Credit term (days)"],
          ["华东商贸", 30],
          ["华东商贸", 60],
        ],
      },
      ["华东商贸有限公司"],
    );
    expect(read.terms).toEqual({ 华东商贸有限公司: 60 });
    expect(read.issues.map((i) => [i.row, render(i.text, "en-US")])).toEqual([[3, 'Terms rows 2 and 3 both list "华东商贸" with different terms (30, 60 days); using the later']]);
  });

  it("is found under the name Terms whatever its case", async () => {
    const wb = sample([termTable([["Dealer", "Term"], ["杭州美达商贸有限公司", 20]], "terms")]);
    const run = await runAging({ ledger: { port: wb, sheet: SAMPLE_LEDGER_SHEET }, asOf: AS_OF });
    expect(run.termSources.table?.sheet).toBe("terms");
    expect(run.termSources.dealers[0]).toMatchObject({ dealer: "杭州美达商贸有限公司", termDays: 20, source: "table", text: { en: "terms row 2" } });
  });

  it("says what to fix when the table has no dealer and term columns", () => {
    const read = parseTermTable({ sheet: "账期表", top: 1, left: 1, values: [["名称", "天数"], ["华东", 30]] });
    expect(read.terms).toEqual({});
    expect(read.issues.map((i) => [i.sheet, i.row, render(i.text, "zh-CN")])).toEqual([["账期表", 1, "账期表 中找不到“经销商”和“账期(天)”两列，账期表未采用；请在第一行写上这两个列名"]]);
  });

  it("gives way to the credit register (terms.register), which comes first", async () => {
    const wb = sample([termTable([["经销商", "账期(天)"], ["宁波顺和电器有限公司", 90]])]);
    const run = await runAging({
      ledger: { port: wb, sheet: SAMPLE_LIST_SHEET },
      asOf: AS_OF,
      terms: { register: { 宁波顺和电器有限公司: 15 } },
    });
    expect(run.termSources.dealers[0]).toMatchObject({ dealer: "宁波顺和电器有限公司", termDays: 15, source: "register", text: { zh: "信用档案", en: "Credit register" } });
  });
});

describe("writeAgingResults", () => {
  async function written(lang: "zh-CN" | "en-US" = "zh-CN") {
    const wb = sample();
    const run = await runAging({ ledger: { port: wb, sheet: SAMPLE_LIST_SHEET }, asOf: AS_OF });
    const result = await writeAgingResults(run, { port: wb, ledgerSheet: SAMPLE_LIST_SHEET, lang });
    return { wb, run, result };
  }

  it("marks the late rows by stage under the aging group, apart from the reconciliation marks", async () => {
    const wb = sample();
    await wb.markRows(SAMPLE_LIST_SHEET, "reconcile", [{ row: 3, style: "ledger_only" }], { ledger_only: { fill: "#FFF3BF" } });
    const run = await runAging({ ledger: { port: wb, sheet: SAMPLE_LIST_SHEET }, asOf: AS_OF });
    const result = await writeAgingResults(run, { port: wb, ledgerSheet: SAMPLE_LIST_SHEET, lang: "zh-CN" });
    // ExcelJS cannot draw the chart of 账龄分析: it is left out, and said so.
    expect(result).toEqual({ agingSheet: "账龄分析", planSheet: "催款计划", marked: 3, chartsLeftOut: 1 });
    expect(await wb.listMarks(AGING_GROUP, SAMPLE_LIST_SHEET)).toEqual([
      { row: 2, style: "past_final" },
      { row: 4, style: "past_final" },
      { row: 5, style: "overdue" },
    ]);
    await clearAgingMarks(wb, SAMPLE_LIST_SHEET);
    expect(await wb.listMarks(AGING_GROUP, SAMPLE_LIST_SHEET)).toEqual([]);
    expect(await wb.listMarks("reconcile", SAMPLE_LIST_SHEET)).toEqual([{ row: 3, style: "ledger_only" }]);
  });

  it("can mark the coming stages too, and leave the ledger unmarked when asked", async () => {
    const wb = sample();
    const run = await runAging({ ledger: { port: wb, sheet: SAMPLE_LIST_SHEET }, asOf: AS_OF });
    await writeAgingResults(run, { port: wb, ledgerSheet: SAMPLE_LIST_SHEET, lang: "zh-CN", markStages: ["past_final", "overdue", "due_7d"] });
    expect((await wb.listMarks(AGING_GROUP, SAMPLE_LIST_SHEET)).map((m) => m.row)).toEqual([2, 4, 5, 7]);
    await clearAgingMarks(wb);
    const none = await writeAgingResults(run, { port: wb, ledgerSheet: SAMPLE_LIST_SHEET, lang: "zh-CN", marks: false });
    expect(none.marked).toBe(0);
    expect(await wb.listMarks(AGING_GROUP, SAMPLE_LIST_SHEET)).toEqual([]);
  });

  it("writes 账龄分析: dealers by balance × buckets, totals, shares and the per-rep block", async () => {
    const { wb } = await written();
    const grid = await wb.readSheet("账龄分析");
    const v = grid.values;
    expect(v[3]).toEqual(["序号", "经销商", "业务员", "账期(天)", "账期来源", "应收余额", "占比", "未到期", "1-30", "31-60", "61-90", "91-180", "181-365", "365+", "逾期金额", "超最终期限金额"]);
    expect(v.slice(4, 8).map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[7], r[8], r[9], r[10], r[14], r[15]])).toEqual([
      // The number links to the dealer's first ledger row (a linked cell does not wrap everywhere; the name must).
      ["1", "杭州美达商贸有限公司", "王磊", 30, "台账账期列", 110500, 47500, 0, 63000, 0, 63000, 63000],
      ["2", "宁波顺和电器有限公司", "李娜", 60, "台账账期列", 91300, 56800, 0, 0, 34500, 34500, 34500],
      ["3", "绍兴百佳家电有限公司", "张强", 30, "台账账期列", 54300, 54300, 0, 0, 0, 0, 0],
      ["4", "温州瑞丰五金经营部", "王磊", 45, "台账账期列", 8260, 0, 8260, 0, 0, 8260, 0],
    ]);
    expect(v[4][6]).toBeCloseTo(110500 / 264360, 12);
    expect([v[8][1], v[8][5], v[8][6], v[8][7], v[8][8], v[8][9], v[8][10], v[8][14], v[8][15]]).toEqual(["合计", 264360, 1, 158600, 8260, 63000, 34500, 105760, 97500]);
    expect(v[9][1]).toBe("占比");
    expect(v[9][7]).toBeCloseTo(158600 / 264360, 12);
    // The per-rep block lies over the table's columns so that counts fall in narrow columns and amounts in
    // money columns (one set of widths for the printed page): 业务员 in B, then 经销商数, 逾期笔数, 超期笔数,
    // 期初应收, 回款率, 销售额, 退货折让, 回款, 逾期金额, 超期金额, 期末应收, DSO.
    const repHeader = v.findIndex((r) => r[1] === "业务员");
    expect(v[repHeader].slice(1, 14)).toEqual(["业务员", "经销商数", "逾期笔数", "超期笔数", "期初应收", "回款率", "销售额(净)", "退货折让", "回款", "逾期金额", "超最终期限金额", "期末应收", "DSO(天)"]);
    expect(v[repHeader - 1][5]).toBe("统计期间：2026-06-18 至 2026-10-31");
    expect(v.slice(repHeader + 1, repHeader + 5).map((r) => [r[1], r[2], r[7], r[9], r[10], r[3], r[11], r[4]])).toEqual([
      ["李娜", 1, 131300, 40000, 34500, 1, 34500, 1],
      ["王磊", 2, 128760, 10000, 71260, 2, 63000, 1],
      ["张强", 1, 54300, 0, 0, 0, 0, 0],
      ["合计", 4, 314360, 50000, 105760, 3, 97500, 2],
    ]);
    expect(v[repHeader + 1][13]).toBe(94.6);
    expect(v.some((r) => String(r[1]).startsWith("编制人：") && String(r[5]).startsWith("复核人："))).toBe(true);
  });

  it("writes 催款计划: one row per open item, soonest action first, linked to its ledger row, filterable and printable", async () => {
    const { wb } = await written();
    const grid = await wb.readSheet("催款计划");
    const v = grid.values;
    expect(v[2]).toEqual(["序号", "经销商", "业务员", "单号", "未收金额", "到期日", "最终收款期限", "阶段", "下一步行动", "行动日期", "逾期天数", "单据日期", "原金额", "账期(天)", "台账行", "摘要"]);
    const iso = (d: unknown) => (d as Date).toISOString().slice(0, 10);
    const end = v.findIndex((r, i) => i > 2 && r.every((c) => c === null));
    expect(v.slice(3, end).map((r) => [r[1], r[2], r[3], r[4], iso(r[5]), iso(r[6]), r[7], iso(r[9]), r[10], r[14]])).toEqual([
      ["宁波顺和电器有限公司", "李娜", "XSCK-2026-0618", 34500, "2026-08-17", "2026-09-06", "超过最终收款期限", "2026-09-07", 75, "2"],
      ["杭州美达商贸有限公司", "王磊", "XSCK-2026-0805", 63000, "2026-09-04", "2026-09-14", "超过最终收款期限", "2026-09-15", 57, "4"],
      ["温州瑞丰五金经营部", "王磊", "XSCK-2026-0912", 8260, "2026-10-27", "2026-11-11", "逾期（三分之一期限内）", "2026-10-28", 4, "5"],
      ["绍兴百佳家电有限公司", "张强", "XSCK-2026-1008", 32400, "2026-11-07", "2026-11-17", "7天内到期", "2026-10-31", 0, "7"],
      ["宁波顺和电器有限公司", "李娜", "XSCK-2026-0920", 56800, "2026-11-19", "2026-12-09", "未到期", "2026-11-12", 0, "6"],
      ["杭州美达商贸有限公司", "王磊", "XSCK-2026-1020", 47500, "2026-11-19", "2026-11-29", "未到期", "2026-11-12", 0, "9"],
      ["绍兴百佳家电有限公司", "张强", "XSCK-2026-1026", 21900, "2026-11-25", "2026-12-05", "未到期", "2026-11-18", 0, "10"],
    ]);
    expect(v[3][8]).toBe("已过最终收款期限：立即发催款函，取得还款承诺书");
    const ws = wb.workbook.getWorksheet("催款计划")!;
    expect(ws.getCell("D4").value).toEqual({ text: "XSCK-2026-0618", hyperlink: "#'发货回款登记'!A2" });
    expect(ws.getCell("O4").value).toEqual({ text: "2", hyperlink: "#'发货回款登记'!A2" });
    // Text from the user's data stays text, whatever it looks like.
    expect([ws.getCell("B4").numFmt, ws.getCell("C4").numFmt, ws.getCell("P4").numFmt]).toEqual(["@", "@", "@"]);
    expect(ws.autoFilter).toBe("A3:P10");
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", printTitlesRow: "3:3", fitToPage: true });
    // Totals by rep (largest open amount first) and overall, under the plan and outside its AutoFilter; the late
    // part stands in the wide 下一步行动 column.
    const totals = v.slice(end + 1).filter((r) => r[1] === "小计" || r[1] === "合计").map((r) => [r[1], r[2], r[3], r[4], r[8]]);
    expect(totals).toEqual([
      ["小计", "王磊", "3 笔", 118760, 71260],
      ["小计", "李娜", "2 笔", 91300, 34500],
      ["小计", "张强", "2 笔", 54300, 0],
      ["合计", null, "7 笔", 264360, 105760],
    ]);
  });

  it("writes both sheets in English on request", async () => {
    const { wb, result } = await written("en-US");
    expect(result).toMatchObject({ agingSheet: "Aging", planSheet: "Collection plan" });
    const plan = (await wb.readSheet("Collection plan")).values;
    expect(plan[2].slice(0, 5)).toEqual(["No.", "Dealer", "Rep", "Reference", "Open amount"]);
    expect(plan[3][7]).toBe("Past the final deadline");
    const aging = (await wb.readSheet("Aging")).values;
    expect(aging[3].slice(0, 9)).toEqual(["No.", "Dealer", "Rep", "Term (days)", "Term from", "Balance", "Share", "Not due", "1-30"]);
    expect(agingLegend("en-US").map((l) => l.text)).toEqual(["Past the final deadline", "Overdue (within one third of the term)"]);
  });

  it("shows an opening balance as of unknown age and an over-payment as unapplied, never as new debt", async () => {
    const wb = XlsxWorkbook.fromSpecs([
      {
        name: "往来",
        rows: [
          ["客户名称", "日期", "单号", "摘要", "发货金额", "回款金额"],
          ["华东商贸", { date: "2026-01-01" }, null, "期初余额", 5000, null],
          ["华东商贸", { date: "2026-02-01" }, "XS-1", "发货", 3000, null],
          ["华东商贸", { date: "2026-02-10" }, "HK-1", "回款", null, 1000],
          ["华南五金", { date: "2026-02-05" }, "XS-2", "发货", 1000, null],
          ["华南五金", { date: "2026-02-15" }, "HK-2", "回款", null, 1500],
        ],
      },
    ]);
    const run = await runAging({ ledger: { port: wb, sheet: "往来" }, asOf: "2026-02-20" });
    await writeAgingResults(run, { port: wb, ledgerSheet: "往来", lang: "zh-CN" });
    const v = (await wb.readSheet("账龄分析")).values;
    expect(v[3].slice(7)).toEqual(["未到期", "1-30", "31-60", "61-90", "91-180", "181-365", "365+", "未知账龄", "未核销收款", "逾期金额", "超最终期限金额"]);
    expect(v.slice(4, 7).map((r) => [r[1], r[5], r[7], r[14], r[15]])).toEqual([
      ["华东商贸", 7000, 3000, 4000, 0],
      ["华南五金", -500, 0, 0, -500],
      ["合计", 6500, 3000, 4000, -500],
    ]);
    expect(v.some((r) => r[0] === "未知账龄：期初余额，其发票早于台账期间，日期仅为下限，不按新账计龄。")).toBe(true);
    expect(v.some((r) => r[0] === "未核销收款：未能核销到发票的收款或贷项（贷方余额），以负数列示。")).toBe(true);
    const plan = (await wb.readSheet("催款计划")).values;
    expect(plan.slice(3, plan.findIndex((r, i) => i > 2 && r.every((c) => c === null))).map((r) => [r[1], r[3], r[4], r[7], r[14]])).toEqual([
      ["华东商贸", "期初余额", 4000, "超过最终收款期限", "2"],
      ["华东商贸", "XS-1", 3000, "未到期", "3"],
    ]);
  });

  it("points the chart of the largest balances at exactly its data block", async () => {
    const run = await runAging({ ledger: { port: sample(), sheet: SAMPLE_LIST_SHEET }, asOf: AS_OF });
    const spec = agingSheet(run.report, { ledgerSheet: SAMPLE_LIST_SHEET }, "zh-CN");
    expect(spec.charts).toHaveLength(1);
    const { source, type, title } = spec.charts![0];
    expect([type, title]).toEqual(["columnStacked", "余额最大的经销商（按账龄区间）"]);
    const cell = (r: number, c: number) => {
      const x = spec.rows[r - 1][c - 1];
      return x !== null && typeof x === "object" && "value" in x ? x.value : x;
    };
    const block: unknown[][] = [];
    for (let r = source.fromRow; r <= source.toRow; r++) {
      const line: unknown[] = [];
      for (let c = source.fromColumn; c <= source.toColumn; c++) line.push(cell(r, c));
      block.push(line);
    }
    // Buckets empty for every dealer charted are left out of the chart.
    expect(block).toEqual([
      ["经销商", "未到期", "1-30", "31-60", "61-90"],
      ["杭州美达商贸有限公司", 47500, 0, 63000, 0],
      ["宁波顺和电器有限公司", 56800, 0, 0, 34500],
      ["绍兴百佳家电有限公司", 54300, 0, 0, 0],
      ["温州瑞丰五金经营部", 0, 8260, 0, 0],
    ]);
  });
});
