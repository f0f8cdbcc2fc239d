import {
  applicationTemplateSpec,
} from "../../src/app/credit";
import {
  approvalCells,
  approvalWritesAsOf,
  assessCredit,
  bandPoints,
  defaultScorecard,
  exposureStatus,
  parseRegister,
  parseScorecard,
  paymentHistory,
  proposeGrade,
  readApplications,
  scoreApplication,
  scorecardRows,
  suggest,
  type Application,
  type Scorecard,
} from "../../src/core/credit";
import type { CellValue } from "../../src/core/model";
import { entriesOf, readGrid } from "../../src/core/read";
import type { OutRow } from "../../src/port/workbook";
import { toCreditJson } from "../../src/messages/json/credit";
import { render } from "../../src/messages/render";
import { fen } from "../../src/core/money";
import { anApplication } from "../fixtures/applications";

const AS_OF = "2026-11-30";

const app = anApplication;

const item = (key: string) => defaultScorecard().items.find((i) => i.key === key)!;
const points = (a: Application) => Object.fromEntries(scoreApplication(a, null, defaultScorecard(), AS_OF).breakdown.map((b) => [b.item, b.points]));

/** A card with only 担保方式, worth `n` for 抵押: the score is exactly `n`. */
function cardWorth(n: number): Scorecard {
  const card = defaultScorecard();
  card.items = [{ ...item("guarantee"), bands: [{ when: { op: "is", text: "抵押" }, points: n }] }];
  return card;
}

describe("the default scorecard's bands, at each boundary", () => {
  it("合作年限: 3 years to the day gives 10, a day less 6; 1 year gives 6, a day less 2", () => {
    expect(points(app({ since: "2023-11-30" }))["合作年限"]).toBe(10);
    expect(points(app({ since: "2023-12-01" }))["合作年限"]).toBe(6);
    expect(points(app({ since: "2025-11-30" }))["合作年限"]).toBe(6);
    expect(points(app({ since: "2025-12-01" }))["合作年限"]).toBe(2);
  });

  it("成立年限: 5 years 10, under 5 6, 2 years 6, under 2 2", () => {
    expect(points(app({ founded: "2021-11-30" }))["成立年限"]).toBe(10);
    expect(points(app({ founded: "2021-12-01" }))["成立年限"]).toBe(6);
    expect(points(app({ founded: "2024-11-30" }))["成立年限"]).toBe(6);
    expect(points(app({ founded: "2024-12-01" }))["成立年限"]).toBe(2);
  });

  it("注册资本 500 / 100 and 年销售额 5000 / 1000 / 300 (万元)", () => {
    expect([500, 499.99, 100, 99].map((c) => points(app({ capitalWan: c }))["注册资本（万元）"])).toEqual([10, 6, 6, 2]);
    expect([5000, 4999, 1000, 999, 300, 299].map((r) => points(app({ revenueWan: r }))["年销售额（万元）"])).toEqual([15, 10, 10, 6, 6, 2]);
  });

  it("担保方式: 抵押 15, 保证 10, 无 0", () => {
    expect((["抵押", "保证", "无"] as const).map((g) => points(app({ guarantee: g }))["担保方式"])).toEqual([15, 10, 0]);
  });

  it("按期回款率 95 / 85 / 70 %, 10 without history; 逾期记录 none / up to 30 days / more, 5 without history", () => {
    expect([95, 94.9, 85, 84.9, 70, 69.9, null].map((r) => bandPoints(item("onTime"), r))).toEqual([30, 22, 22, 12, 12, 0, 10]);
    expect([0, 1, 30, 31, null].map((d) => bandPoints(item("overdue"), d))).toEqual([10, 5, 5, 0, 5]);
  });

  it("grades: A from 85, B from 70, C from 60, D below", () => {
    const grade = (n: number) => scoreApplication(app(), null, cardWorth(n), AS_OF).grade;
    expect([85, 84, 70, 69, 60, 59, 0].map(grade)).toEqual(["A", "B", "B", "C", "C", "D", "D"]);
  });

  it("a dealer of under one year is at most B, and says what it would have been", () => {
    const under = scoreApplication(app({ since: "2025-12-01" }), null, cardWorth(95), AS_OF);
    expect([under.grade, under.cappedFrom, under.factor, under.gradeTermDays]).toEqual(["B", "A", 1, 45]);
    const year = scoreApplication(app({ since: "2025-11-30" }), null, cardWorth(95), AS_OF);
    expect([year.grade, year.cappedFrom]).toEqual(["A", null]);
    // A C stays a C.
    expect(scoreApplication(app({ since: "2026-06-01" }), null, cardWorth(65), AS_OF).grade).toBe("C");
  });
});

describe("the suggested term and limit", () => {
  it("base × term / 30 × factor, under the limit applied for, rounded down to 1,000 yuan (the issue's 185,000)", () => {
    const score = scoreApplication(app(), null, cardWorth(75), AS_OF); // B: 1.0 and 45 days
    const s = suggest(app(), score, null);
    expect(s.termDays).toBe(45);
    expect(s.monthlyBase).toBe(12_345_678);
    expect(s.monthlyBaseFrom).toBe("application");
    expect(s.computed).toBe(18_518_517);
    expect(s.limit).toBe(18_500_000);
  });

  it("the limit applied for caps it before the rounding; a shorter applied-for term wins", () => {
    const score = scoreApplication(app(), null, cardWorth(90), AS_OF); // A: 1.2 and 60 days
    const s = suggest(app({ requestedLimit: fen(15_050_000), requestedTerm: 30 }), score, null);
    expect(s.termDays).toBe(30);
    // 123,456.78 × 30 / 30 × 1.2 = 148,148.13; under 150,500; rounded down to 148,000.
    expect(s.computed).toBe(14_814_813);
    expect(s.limit).toBe(14_800_000);
    const capped = suggest(app({ requestedLimit: fen(10_050_000) }), score, null);
    expect(capped.limit).toBe(10_000_000);
  });

  it("the arithmetic's amounts are written to the fen as the JSON writes money, even at the largest amounts", () => {
    const score = scoreApplication(app(), null, cardWorth(75), AS_OF);
    // 90,000,000,000,000.01 yuan: fen / 100 as a float is not that amount to the cent.
    const s = suggest(app({ requestedLimit: fen(9_000_000_000_000_001) }), score, null);
    expect(s.lines.map((l) => l.value)).toEqual(["123456.78", "45", "1", "185185.17", "90000000000000.01", "185000.00"]);
  });

  it("D gives 0 days and no limit (款到发货)", () => {
    const s = suggest(app(), scoreApplication(app(), null, cardWorth(10), AS_OF), null);
    expect([s.termDays, s.limit]).toEqual([0, 0]);
    expect(render(s.lines[1].text, "zh-CN")).toContain("款到发货");
  });

  it("every line is said in Chinese and in English from the message tables: the same arithmetic", () => {
    const history = { monthlyBase: 12_000_000, monthsWithSales: 7, onTimeRate: 90, worstDaysPastFinal: 12 } as Parameters<typeof suggest>[2];
    const fromLedger = suggest(app(), scoreApplication(app(), history, cardWorth(75), AS_OF), history);
    const cash = suggest(app(), scoreApplication(app(), null, cardWorth(10), AS_OF), null);
    expect(fromLedger.lines.map((l) => render(l.text, "zh-CN"))).toEqual([
      "月均销售额（近12个月有销售的 7 个月）",
      "账期（天）：等级 B 45 天与申请 60 天取短",
      "额度系数（等级 B）",
      "月均基数 × 账期 / 30 × 系数",
      "申请额度（上限）",
      "建议额度（向下取整到千元）",
    ]);
    expect(render(cash.lines[0].text, "zh-CN")).toBe("预计月采购额（无销售记录）");
    expect(fromLedger.lines.map((l) => render(l.text, "en-US"))).toEqual([
      "Monthly sales (average over the months with sales in the last 12: 7)",
      "Term (days): the shorter of grade B's 45 days and the 60 applied for",
      "Limit factor (grade B)",
      "Monthly base × term / 30 × factor",
      "Limit applied for (the cap)",
      "Suggested limit (rounded down to 1,000 yuan)",
    ]);
    expect(render(cash.lines[0].text, "en-US")).toBe("Expected monthly purchases (no sales recorded)");
    expect(render(cash.lines[1].text, "en-US")).toBe("Term (days): the shorter of grade D's 0 days and the 60 applied for (0 days: payment before delivery)");
  });
});

describe("the breakdown's item names", () => {
  it("a default item is said in the reader's language, the JSON's item keeping the 评分标准 label; no history is 无记录 / no record", () => {
    const score = scoreApplication(app(), null, defaultScorecard(), AS_OF);
    expect(score.breakdown.map((b) => [b.item, render(b.text, "zh-CN"), render(b.text, "en-US")])).toEqual([
      ["合作年限", "合作年限", "Years of cooperation"],
      ["成立年限", "成立年限", "Years since founded"],
      ["注册资本（万元）", "注册资本（万元）", "Registered capital (10k yuan)"],
      ["年销售额（万元）", "年销售额（万元）", "Annual sales (10k yuan)"],
      ["担保方式", "担保方式", "Guarantee"],
      ["按期回款率", "按期回款率", "Paid on time"],
      ["逾期记录", "逾期记录", "Overdue record (days)"],
    ]);
    const onTime = score.breakdown[5];
    expect([onTime.value, render(onTime.valueText!, "zh-CN"), render(onTime.valueText!, "en-US")]).toEqual(["", "无记录", "no record"]);
    expect(score.breakdown[4].valueText).toBeUndefined();
  });

  it("an item named otherwise on the card is said as it is named, in both languages", () => {
    const card = defaultScorecard();
    card.items = [{ ...item("guarantee"), label: "担保（抵押/保证）" }];
    const [line] = scoreApplication(app(), null, card, AS_OF).breakdown;
    expect([line.item, render(line.text, "zh-CN"), render(line.text, "en-US")]).toEqual(["担保（抵押/保证）", "担保（抵押/保证）", "担保（抵押/保证）"]);
  });
});

/** A one-dealer ledger as a hand-kept sheet has it. */
function ledger(rows: CellValue[][]) {
  const read = readGrid({ sheet: "明细账", top: 1, left: 1, values: [["客户", "日期", "单号", "摘要", "借方", "贷方"], ...rows] }, { side: "ledger" });
  expect(read.errors).toEqual([]);
  return { entries: entriesOf(read.table), openings: read.openings };
}

describe("payment history, settled as the aging settles it", () => {
  it("a receipt naming XS2606-002 settles it on time and leaves XS2605-001 open past its final deadline until the later receipt", () => {
    const read = ledger([
      ["美达五金", "2026-05-01", "XS2605-001", "销售", 1000, null],
      ["美达五金", "2026-06-01", "XS2606-002", "销售", 1000, null],
      ["美达五金", "2026-06-05", "SK-1", "回款 XS2606-002", null, 1000],
      ["美达五金", "2026-09-01", "SK-2", "回款", null, 1000],
    ]);
    const h = paymentHistory(read, "美达五金", 30, AS_OF);
    expect(h.sales.map((s) => [s.row, s.dueDate, s.finalDate, s.paidByDue, s.daysPastFinal])).toEqual([
      [2, "2026-05-31", "2026-06-10", 0, 83],
      [3, "2026-07-01", "2026-07-11", 100_000, 0],
    ]);
    expect(h.onTimeRate).toBe(50);
    expect(h.worstDaysPastFinal).toBe(83);
    expect(h.monthlyBase).toBe(100_000);
    expect(h.exposure).toBe(0);
  });

  it("without a reference the first receipt settles the older invoice first in, first out", () => {
    const read = ledger([
      ["美达五金", "2026-05-01", "XS-A", "销售", 1000, null],
      ["美达五金", "2026-06-01", "XS-B", "销售", 1000, null],
      ["美达五金", "2026-06-05", "SK-1", "回款", null, 1000],
      ["美达五金", "2026-09-01", "SK-2", "回款", null, 1000],
    ]);
    const h = paymentHistory(read, "美达五金", 30, AS_OF);
    expect(h.sales.map((s) => [s.row, s.paidByDue, s.daysPastFinal])).toEqual([
      [2, 0, 0],
      [3, 0, 52],
    ]);
    expect(h.onTimeRate).toBe(0);
    expect(h.worstDaysPastFinal).toBe(52);
  });

  it("counts only sales of the 12 months before the as-of date whose due date has passed, and the monthly base over months with sales", () => {
    const read = ledger([
      ["美达五金", "2025-11-30", "XS-OLD", "销售", 9000, null],
      ["美达五金", "2026-01-10", "XS-1", "销售", 1000, null],
      ["美达五金", "2026-01-20", "XS-2", "销售", 2000, null],
      ["美达五金", "2026-03-01", "XS-3", "销售", 600, null],
      ["美达五金", "2026-11-15", "XS-4", "销售", 400, null],
      ["别家", "2026-02-01", "XS-9", "销售", 7000, null],
    ]);
    const h = paymentHistory(read, "美达五金", 30, AS_OF);
    expect(h.sales.map((s) => s.row)).toEqual([3, 4, 5]);
    // (3,000 + 600 + 400) / 3 months.
    expect(h.monthlyBase).toBe(Math.floor(400_000 / 3));
    expect(h.exposure).toBe(1_300_000);
    expect(h.openPastFinal.map((o) => o.row)).toEqual([2, 3, 4, 5]);
  });
});

/** The template's rows with values typed into the inputs (by label), and optionally an inserted row. */
function filledTemplate(values: Record<string, CellValue>, insertAfter?: number): CellValue[][] {
  const rows = applicationTemplateSpec().rows.map((r: OutRow) => r.map((c) => (c !== null && typeof c === "object" && "value" in c ? (c.value as CellValue) : (c as CellValue))));
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) {
      const label = typeof row[c] === "string" ? (row[c] as string).replace(/ \*$/, "") : null;
      if (label !== null && label in values) row[c + 1] = values[label];
    }
  }
  if (insertAfter !== undefined) rows.splice(insertAfter, 0, ["补充：客户另有两家门店"]);
  return rows;
}

const FILLED: Record<string, CellValue> = {
  客户名称: "成都蜀丰建材有限公司",
  企业性质: "有限责任公司",
  成立日期: "2016-04-01",
  "注册资本（万元）": 200,
  "年销售额（万元）": 1200,
  合作起始日期: "2022-03-01",
  "预计月采购额（元）": 80000,
  担保方式: "保证",
  "申请额度（元）": 150000,
  "申请账期（天）": 45,
  业务员: "李娜",
  申请日期: "2026-11-20",
};

describe("reading filled applications by their labels", () => {
  it("reads the template as filled, and again after a row is inserted above the fields", () => {
    const plain = readApplications({ sheet: "申请-蜀丰", top: 1, left: 1, values: filledTemplate(FILLED) });
    expect(plain.errors).toEqual([]);
    expect(plain.applications[0]).toMatchObject({ dealer: "成都蜀丰建材有限公司", capitalWan: 200, monthly: 8_000_000, guarantee: "保证", requestedTerm: 45, since: "2022-03-01", source: { sheet: "申请-蜀丰", row: 4 } });
    const inserted = readApplications({ sheet: "申请-蜀丰", top: 1, left: 1, values: filledTemplate(FILLED, 3) });
    expect(inserted.errors).toEqual([]);
    expect(inserted.applications[0].source.row).toBe(5);
    expect(inserted.applications[0].requestedLimit).toBe(15_000_000);
  });

  it("reads a hand-made form: 客户名称： with the value beside, a value under its label, label and value in one cell", () => {
    const values: CellValue[][] = [
      ["经销商信用申请（手工表）"],
      ["客户名称：", "美达五金"],
      ["企业性质：", null, "个体工商户"],
      ["成立日期："],
      ["2019-05-20"],
      ["注册资本（万元）：50", "年销售额：400"],
      ["合作起始日期", "2026-03-01"],
      ["预计月采购额", "30,000"],
      ["担保方式：无", "申请额度(元)：60000"],
      ["申请账期：30天"],
      ["业务员：", "王磊", "申请日期：", "2026-11-18"],
    ];
    const read = readApplications({ sheet: "手工申请", top: 1, left: 1, values });
    expect(read.errors).toEqual([]);
    expect(read.applications[0]).toMatchObject({ dealer: "美达五金", nature: "个体工商户", founded: "2019-05-20", capitalWan: 50, revenueWan: 400, monthly: 3_000_000, guarantee: "无", requestedLimit: 6_000_000, requestedTerm: 30, rep: "王磊", applied: "2026-11-18", source: { row: 2, layout: "form" } });
  });

  it("a missing required field and a value that fails its rule are errors naming the sheet and cell", () => {
    const read = readApplications({ sheet: "申请-蜀丰", top: 1, left: 1, values: filledTemplate({ ...FILLED, 担保方式: "房产", 业务员: null, "申请额度（元）": -5 }) });
    expect(read.applications).toEqual([]);
    expect(read.errors.map((e) => [e.sheet, e.cell, e.field])).toEqual([
      ["申请-蜀丰", "B14", "担保方式"],
      ["申请-蜀丰", "B13", "申请额度（元）"],
      ["申请-蜀丰", "B15", "业务员"],
    ]);
    const guarantee = read.errors.find((e) => e.field === "担保方式")!;
    expect(render(guarantee.text, "zh-CN")).toBe("工作表“申请-蜀丰”单元格 " + guarantee.cell + "（担保方式）：“房产”不是可选值（无、保证、抵押）");
  });

  it("reads an application table, one dealer per row", () => {
    const header = ["客户名称", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"];
    const read = readApplications({
      sheet: "申请登记",
      top: 1,
      left: 1,
      values: [header, ["甲", "其他", "2010-01-01", 600, 6000, "2020-01-01", 100000, "抵押", 300000, 60, "张强", "2026-11-01"], [], ["乙", "其他", "2010-01-01", 600, 6000, "2020-01-01", 100000, "抵押", 300000, 60, "张强", "2026-11-01"]],
    });
    expect(read.errors).toEqual([]);
    expect(read.applications.map((a) => [a.dealer, a.source.row, a.source.layout])).toEqual([
      ["甲", 2, "table"],
      ["乙", 4, "table"],
    ]);
  });
});

describe("the 评分标准 sheet", () => {
  it("reads back as the default it was written from", () => {
    const { card, problems } = parseScorecard(scorecardRows(defaultScorecard()));
    expect(problems).toEqual([]);
    expect(card).toEqual(defaultScorecard());
  });

  it("an edited band and an edited grade change the result", () => {
    const rows = scorecardRows(defaultScorecard());
    const guarantee = rows.findIndex((r) => r[0] === "担保方式" && r[1] === "无");
    rows[guarantee][2] = 15;
    const gradeB = rows.findIndex((r) => r[0] === "B");
    rows[gradeB][1] = 76;
    const { card, problems } = parseScorecard(rows);
    expect(problems).toEqual([]);
    const a = app({ guarantee: "无" });
    const before = scoreApplication(a, null, defaultScorecard(), AS_OF);
    const after = scoreApplication(a, null, card, AS_OF);
    // 10 + 10 + 10 + 15 + 0 + 10 + 5 = 60 (C); with 无 worth 15: 75, under the edited B's 76: still C.
    expect([before.score, before.grade]).toEqual([60, "C"]);
    expect([after.score, after.grade]).toEqual([75, "C"]);
    rows[gradeB][1] = 75;
    expect(scoreApplication(a, null, parseScorecard(rows).card, AS_OF).grade).toBe("B");
  });

  it("reads the labels a user writes: English headings, units or none, spaces, full-width brackets, 分 / 天 / % on numbers", () => {
    const rows: CellValue[][] = [
      ["Scorecard (edited)"],
      [],
      [" Item ", "Condition", "Points"],
      ["合作年限（年）", "3年以上", "10分"],
      ["合作年限", ">= 1", "6 分"],
      ["合作年限", "其它", 2],
      ["成立年限 ：", "≥5 年", 10],
      ["成立年限", "2 年及以上", 6],
      ["成立年限", "else", 2],
      ["注册资本(万元)", "≥ 500", 10],
      ["Registered capital (10k yuan)", "不低于100", 6],
      ["注册资本", "其他", 2],
      ["年销售额（万元）", "≥5000万元", 15],
      ["年销售额", "≥ 1000", 10],
      ["Annual sales", "300 以上", 6],
      ["年销售额", "其他", 2],
      ["担保方式", "抵押担保", 15],
      ["担保", "保证", 10],
      ["Guarantee", "无", 0],
      ["按期回款率", "无记录", 10],
      ["按时回款率", "≥ 95%", 30],
      ["Paid on time", "85% 以上", 22],
      ["按期回款率", "≥70", 12],
      ["按期回款率", "other", 0],
      ["逾期记录", "no record", 5],
      ["逾期天数", "≤ 0", 10],
      ["Overdue record (days)", "30天以内", 5],
      ["逾期记录", "其他", 0],
      [],
      ["Grade", "Min score", "Factor", "Term (days)"],
      ["A级", "85分", "120%", "60天"],
      ["b", "≥ 70", 1, 45],
      ["C", 60, "0.6", "30 days"],
      ["D", 0, 0, 0],
      [],
      ["合作不满1年最高等级：", "B级"],
    ];
    const { card, problems } = parseScorecard(rows);
    expect(problems).toEqual([]);
    expect(card).toEqual(defaultScorecard());
  });

  it("the columns follow the headings: a table further right, 分值 before 条件", () => {
    const rows: CellValue[][] = [
      [null, "项目", "分值", "条件"],
      [null, "担保方式", 20, "抵押"],
      [null, "担保方式", 0, "其他"],
      [],
      [null, "等级", "账期（天）", "额度系数", "最低分"],
      [null, "A", 90, 1.5, 80],
      [null, "B", 30, 0.5, 0],
      [null, "合作不满一年最高等级", "B"],
    ];
    const { card, problems } = parseScorecard(rows, 3, "我的评分表", 2);
    expect(problems).toEqual([]);
    expect(card.items.find((i) => i.key === "guarantee")!.bands).toEqual([
      { when: { op: "is", text: "抵押" }, points: 20 },
      { when: { op: "else" }, points: 0 },
    ]);
    expect(card.grades).toEqual([
      { grade: "A", minScore: 80, factor: 1.5, termDays: 90 },
      { grade: "B", minScore: 0, factor: 0.5, termDays: 30 },
    ]);
  });

  it("a row it cannot read names the sheet, the row and cell, what it found and what to write", () => {
    const rows = scorecardRows(defaultScorecard());
    const at = (label: string, condition: string) => rows.findIndex((r) => r[0] === label && r[1] === condition);
    rows[at("担保方式", "保证")][1] = "房产";
    rows[at("合作年限", "其他")][2] = "很多";
    const gradeB = rows.findIndex((r) => r[0] === "B");
    rows[gradeB][2] = "一点零";
    rows[rows.findIndex((r) => r[0] === "合作不满一年最高等级")][1] = "E";
    const { problems } = parseScorecard(rows, 1, "评分标准", 1);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [at("合作年限", "其他") + 1, 3],
      [at("担保方式", "房产") + 1, 2],
      [gradeB + 1, 3],
      [rows.length, 2],
    ]);
    expect(problems.map((p) => render(p.text, "zh-CN"))).toEqual([
      `工作表“评分标准”第 ${at("合作年限", "其他") + 1} 行（C${at("合作年限", "其他") + 1}）：分值“很多”应为 0 或以上的数，如 10 或 10分`,
      `工作表“评分标准”第 ${at("担保方式", "房产") + 1} 行（B${at("担保方式", "房产") + 1}）：担保方式的条件“房产”应为 抵押、保证、无 或 其他（与申请表的选项一致）`,
      `工作表“评分标准”第 ${gradeB + 1} 行（C${gradeB + 1}）：等级 B 的额度系数“一点零”应为 0 或以上的数，如 1.2 或 120%`,
      `工作表“评分标准”第 ${rows.length} 行：“合作不满一年最高等级”写的是“E”，应为等级表中的一个等级（A、C、D）`,
    ]);
    expect(render(problems[0].text, "en-US")).toBe(`sheet "评分标准", row ${at("合作年限", "其他") + 1} (C${at("合作年限", "其他") + 1}): points "很多" must be a number, 0 or more, such as 10`);
  });

  it("a row it cannot read is a problem naming the row", () => {
    const rows = scorecardRows(defaultScorecard());
    const i = rows.findIndex((r) => r[0] === "合作年限");
    rows[i][1] = "三年以上";
    expect(parseScorecard(rows).problems.map((p) => p.row)).toEqual([i + 1]);
  });
});

describe("exposure, the review list and the over-limit list", () => {
  it("over above the limit, near from 80%, D with any balance over", () => {
    expect(exposureStatus(fen(100_001), fen(100_000), false)).toBe("over");
    expect(exposureStatus(fen(100_000), fen(100_000), false)).toBe("near");
    expect(exposureStatus(fen(80_000), fen(100_000), false)).toBe("near");
    expect(exposureStatus(fen(79_999), fen(100_000), false)).toBe("ok");
    expect(exposureStatus(fen(1), fen(10_000_000), true)).toBe("over");
    expect(exposureStatus(fen(0), fen(0), true)).toBe("ok");
  });

  it("lists register dealers due for review within 30 days, proposes a downgrade for an item past its final deadline, and marks over-limit dealers", () => {
    const read = ledger([
      ["美达五金", "2026-08-01", "XS-1", "销售", 50000, null],
      ["成都蜀丰", "2026-11-10", "XS-2", "销售", 9000, null],
      ["青城建材", "2026-11-20", "XS-3", "销售", 1000, null],
    ]);
    const register = parseRegister({
      sheet: "信用档案",
      top: 1,
      left: 1,
      values: [
        ["客户名称", "信用等级", "信用额度", "账期（天）", "评定日期", "下次复评日期", "审批人", "备注", "我的备注"],
        ["美达五金", "A", 100000, 30, "2026-06-30", "2026-12-30", "赵总", "", "x"],
        ["成都蜀丰", "B", 10000, 45, "2026-07-15", "2027-01-15", "赵总", "", ""],
        ["青城建材", "C", 20000, 30, "2026-03-01", "2026-09-01", "赵总", "", ""],
      ],
    });
    const r = assessCredit({ asOf: AS_OF, applications: [app({ dealer: "美达五金" })], ledger: read, register, card: defaultScorecard(), defaultTermDays: 30 });
    // 美达五金 is A in the register; its fresh score is C (the sale of August is still open), lower than B one step down.
    expect(r.review.map((v) => [v.dealer, v.due, v.fresh?.grade ?? null, v.proposedGrade, v.pastFinal.map((p) => p.row)])).toEqual([
      ["美达五金", true, "C", "C", [2]],
      ["青城建材", true, null, null, []],
    ]);
    expect(r.exposures.map((e) => [e.dealer, e.limitSource, e.exposure, e.status])).toEqual([
      ["美达五金", "register", 5_000_000, "ok"],
      ["成都蜀丰", "register", 900_000, "near"],
      ["青城建材", "register", 100_000, "ok"],
    ]);
    const json = toCreditJson(r);
    expect(json.dealers[0]).toMatchObject({ dealer: "美达五金", limit: "100000.00", limitSource: "register", exposure: "50000.00", status: "ok", reviewDue: "2026-12-30" });
    expect(Object.keys(json.dealers[0]).slice(0, 15)).toEqual(["dealer", "source", "score", "grade", "breakdown", "monthlyBase", "termDays", "suggestedLimit", "requestedLimit", "limit", "limitSource", "exposure", "status", "reviewDue", "gradeCappedFrom"]);
    expect(json.overLimit).toEqual([]);
  });
});

describe("the review's proposed grade: past the final deadline, the lower of the fresh grade and one step down", () => {
  const GRADES = ["A", "B", "C", "D"];
  const said = (p: ReturnType<typeof proposeGrade>) => [p.grade, p.why ? render(p.why, "zh-CN") : null, p.why ? render(p.why, "en-US") : null];

  it("a fresh score lower than one step down is proposed, and the text says both", () => {
    expect(said(proposeGrade("B", { score: 46, grade: "D" }, 1, GRADES))).toEqual([
      "D",
      "1 笔超过最终期限，且新得分 46 为 D，低于降一级后的 C：建议由 B 降为 D",
      "1 open item past the final deadline, and the fresh score 46 is D, below C one step down: downgrade from B to D proposed",
    ]);
  });

  it("a fresh score at or above one step down leaves the one-step downgrade, saying the fresh grade", () => {
    expect(said(proposeGrade("B", { score: 62, grade: "C" }, 2, GRADES))[0]).toBe("C");
    expect(said(proposeGrade("B", { score: 90, grade: "A" }, 2, GRADES))).toEqual([
      "C",
      "2 笔超过最终期限：建议由 B 降一级为 C（新得分 90 为 A，不低于 C）",
      "2 open items past the final deadline: downgrade from B one step to C proposed (the fresh score 90 is A, not below C)",
    ]);
  });

  it("without a fresh score, one step down; the lowest grade stays; a grade not on the scorecard takes the fresh one or none", () => {
    expect(said(proposeGrade("A", null, 1, GRADES))).toEqual(["B", "1 笔超过最终期限：建议由 A 降一级为 B（无申请表，未重新评分）", "1 open item past the final deadline: downgrade from A one step to B proposed (no application, not rescored)"]);
    expect(said(proposeGrade("D", { score: 10, grade: "D" }, 1, GRADES)).slice(0, 2)).toEqual(["D", "1 笔超过最终期限：D 已是最低等级，维持 D"]);
    expect(proposeGrade("AA", { score: 72, grade: "B" }, 1, GRADES).grade).toBe("B");
    const none = proposeGrade("", null, 1, GRADES);
    expect([none.grade, render(none.why!, "zh-CN")]).toEqual([null, "1 笔超过最终期限；档案等级“”不在评分标准中，无法降一级：请在信用档案中写明等级，或提交申请表重新评分"]);
  });

  it("nothing past the final deadline: the fresh grade where it differs (up or down), else nothing", () => {
    expect(said(proposeGrade("B", { score: 88, grade: "A" }, 0, GRADES)).slice(0, 2)).toEqual(["A", "新得分 88 为 A，与档案的 B 不同：建议改为 A"]);
    expect(proposeGrade("B", { score: 75, grade: "B" }, 0, GRADES)).toEqual({ grade: null, why: null });
    expect(proposeGrade("B", null, 0, GRADES)).toEqual({ grade: null, why: null });
  });

  it("in a run: a dealer whose application now scores D, with an item past its final deadline, is proposed D, not one step down", () => {
    const read = ledger([["美达五金", "2026-06-01", "XS-1", "销售", 50000, null]]);
    const register = parseRegister({
      sheet: "信用档案",
      top: 1,
      left: 1,
      values: [
        ["客户名称", "信用等级", "信用额度", "账期（天）", "评定日期", "下次复评日期"],
        ["美达五金", "B", 100000, 30, "2026-06-30", "2026-12-30"],
      ],
    });
    const r = assessCredit({ asOf: AS_OF, applications: [app({ dealer: "美达五金" })], ledger: read, register, card: cardWorth(10), defaultTermDays: 30 });
    expect(r.review.map((v) => [v.dealer, v.grade, v.fresh?.grade, v.proposedGrade, v.proposal?.code])).toEqual([["美达五金", "B", "D", "D", "credit.review.past_final_fresh_lower"]]);
    const json = toCreditJson(r).review[0];
    expect([json.proposedGrade, json.proposedBecause?.code, json.proposedBecause?.zh]).toEqual(["D", "credit.review.past_final_fresh_lower", render(r.review[0].proposal!, "zh-CN")]);
  });
});

describe("the credit JSON's texts come from the message tables", () => {
  it("a limit line's item is its zh rendering, and no history is valued 无记录", () => {
    const read = ledger([["美达五金", "2026-06-01", "XS-1", "销售", 50000, null]]);
    const r = assessCredit({ asOf: AS_OF, applications: [app({ dealer: "美达五金" }), app({ dealer: "新客" })], ledger: read, register: null, card: defaultScorecard(), defaultTermDays: 30 });
    const json = toCreditJson(r);
    json.dealers.forEach((d, i) => expect(d.limitBreakdown.map((l) => l.item)).toEqual(r.dealers[i].suggestion.lines.map((l) => render(l.text, "zh-CN"))));
    expect(json.dealers[1].breakdown.slice(5).map((b) => b.value)).toEqual(["无记录", "无记录"]);
    expect(json.dealers[0].limitBreakdown[0]).toEqual({ item: "月均销售额（近12个月有销售的 1 个月）", value: "50000.00", points: 0, max: 0 });
  });
});

describe("the register's 评估日 column on approving", () => {
  const approval = { dealer: "青城建材", grade: "B", limit: fen(18_500_000), termDays: 45, approved: "2026-12-01", asOf: "2026-11-30", approver: "钱经理" };
  const grid = (rows: CellValue[][]) => parseRegister({ sheet: "信用档案", top: 1, left: 1, values: rows });
  const cases: [string, ReturnType<typeof grid> | null, boolean][] = [
    ["no register sheet", null, true],
    ["a register sheet with no header yet", grid([["说明：本表由信用部维护"]]), true],
    ["a header with 评估日", grid([["客户名称", "信用等级", "信用额度", "评估日"]]), true],
    ["a header without it", grid([["客户名称", "信用等级", "信用额度"]]), false],
  ];
  it.each(cases)("%s: approvalWritesAsOf says what approvalCells writes", (_, register, writes) => {
    expect(approvalWritesAsOf(register)).toBe(writes);
    expect(approvalCells(register, approval).some((c) => c.key === "asOf")).toBe(writes);
  });
});
