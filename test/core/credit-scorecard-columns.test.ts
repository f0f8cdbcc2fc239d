/**
 * The 评分标准 reader never reads one heading's column for another, never reads an ambiguous 逾期记录 band as
 * "no record", and says one thing wrong once: a grade row it cannot read does not also make the cap wrong, and
 * a sheet without the cap row is told so (not that the row says the default's grade).
 */
import { defaultScorecard, parseScorecard, scorecardRows } from "../../src/core/credit";
import type { CellValue } from "../../src/core/model";
import { render } from "../../src/messages/render";

const GRADES: CellValue[][] = [
  ["A", 85, 1.2, 60],
  ["B", 70, 1, 45],
  ["C", 60, 0.6, 30],
  ["D", 0, 0, 0],
];

describe("a heading left out of the 评分标准's tables", () => {
  test("等级 | 额度系数 | 账期 without 最低分: the factor is not read as the minimum score; the empty column right of the table is named", () => {
    const rows: CellValue[][] = [["等级", "额度系数", "账期（天）"], ["A", 1.2, 60], ["B", 1, 45], [], ["合作不满一年最高等级", "B"]];
    const { card, problems } = parseScorecard(rows, 1, "评分标准", 1);
    expect(card.grades).toEqual(defaultScorecard().grades);
    expect(problems.map((p) => [p.row, p.column, render(p.text, "zh-CN")])).toEqual([
      [2, 4, "工作表“评分标准”第 2 行（D2）：等级 A 的最低分“”应为 0 或以上的数，如 85"],
      [3, 4, "工作表“评分标准”第 3 行（D3）：等级 B 的最低分“”应为 0 或以上的数，如 85"],
    ]);
  });

  test("项目 | 分值 without 条件: the points are not read as the condition", () => {
    const rows: CellValue[][] = [["项目", "分值"], ["担保方式", 15]];
    const { problems } = parseScorecard(rows, 1, "评分标准", 1);
    expect(problems.map((p) => [p.row, p.column, render(p.text, "zh-CN")])).toEqual([
      [2, 3, "工作表“评分标准”第 2 行（C2）：担保方式的条件“”应为 抵押、保证、无 或 其他（与申请表的选项一致）"],
    ]);
  });

  test("a heading left out whose place no other heading takes is read there, as the sheet is written", () => {
    const rows: CellValue[][] = [["项目", "条件", ""], ["担保方式", "抵押", 20], ["担保方式", "其他", 0], [], ["等级", "最低分", "系数", ""], ...GRADES, [], ["合作不满一年最高等级", "B"]];
    const { card, problems } = parseScorecard(rows);
    expect(problems).toEqual([]);
    expect(card.items.find((i) => i.key === "guarantee")!.bands.map((b) => b.points)).toEqual([20, 0]);
    expect(card.grades).toEqual(defaultScorecard().grades);
  });
});

describe("a table with a column of its own left of the headings (序号)", () => {
  test("is read, not passed over for the default: its items, grades and cap", () => {
    const rows: CellValue[][] = [
      ["序号", "项目", "条件", "分值"],
      [1, "担保方式", "抵押", 20],
      [2, "担保方式", "其他", 0],
      [],
      ["序号", "等级", "最低分", "额度系数", "账期"],
      [1, "甲", 80, 1.5, 90],
      [2, "乙", 0, 0.5, 30],
      [null, "合作不满一年最高等级", "乙"],
    ];
    const { card, problems } = parseScorecard(rows);
    expect(problems).toEqual([]);
    expect(card.items.find((i) => i.key === "guarantee")!.bands).toEqual([
      { when: { op: "is", text: "抵押" }, points: 20 },
      { when: { op: "else" }, points: 0 },
    ]);
    expect(card.grades).toEqual([
      { grade: "甲", minScore: 80, factor: 1.5, termDays: 90 },
      { grade: "乙", minScore: 0, factor: 0.5, termDays: 30 },
    ]);
    expect(card.newDealerCap).toBe("乙");
  });
});

describe("注册资本 and 年销售额 in another money unit than 万元", () => {
  test("注册资本（元） is a problem naming the cell, not bands compared with 万元 figures; 万元 / 10k yuan / no unit read as before", () => {
    const rows = scorecardRows(defaultScorecard());
    const i = rows.findIndex((r) => r[0] === "注册资本（万元）" && r[1] === "≥ 500");
    rows[i] = ["注册资本（元）", "≥ 5000000", 10];
    const j = rows.findIndex((r) => r[0] === "年销售额（万元）" && r[1] === "≥ 5000");
    rows[j][0] = "Annual sales (yuan)";
    const { problems } = parseScorecard(rows);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [i + 1, 1],
      [j + 1, 1],
    ]);
    expect(render(problems[0].text, "zh-CN")).toBe(
      `工作表“评分标准”第 ${i + 1} 行（A${i + 1}）：“注册资本（元）”以元计，而评分按万元比较（申请表的注册资本、年销售额以万元填写）：请把单位改为万元，条件中的金额也换算成万元（如 5000000 元写 ≥ 500）`,
    );
    expect(render(problems[1].text, "en-US")).toContain('"Annual sales (yuan)" is in yuan, but the score compares 万元 (10k yuan)');
    for (const label of ["注册资本（万元）", "注册资本(万)", "注册资本", "Registered capital (10k yuan)"]) {
      const ok = scorecardRows(defaultScorecard());
      ok[i][0] = label;
      expect(parseScorecard(ok).problems).toEqual([]);
    }
  });
});

describe("按期回款率's bounds", () => {
  test("a fraction (≥ 0.95), which every rate in % would pass, is a problem saying how to write it; ≥ 95% and ≥ 95 read as before", () => {
    const rows = scorecardRows(defaultScorecard());
    const i = rows.findIndex((r) => r[0] === "按期回款率" && r[1] === "≥ 95%");
    rows[i][1] = "≥ 0.95";
    const { problems } = parseScorecard(rows);
    expect(problems.map((p) => [p.row, p.column, render(p.text, "zh-CN")])).toEqual([
      [i + 1, 2, `工作表“评分标准”第 ${i + 1} 行（B${i + 1}）：按期回款率以 % 比较，条件“≥ 0.95”像是小数比例：如指 95%，请写成“≥ 95%”`],
    ]);
    for (const ok of ["≥ 95", "≥95%", "95% 以上"]) {
      rows[i][1] = ok;
      expect(parseScorecard(rows)).toEqual({ card: defaultScorecard(), problems: [] });
    }
  });
});

describe("逾期记录's bands", () => {
  test("a bare 无 / none / 没有 could mean no overdue or no record: it is a problem naming the cell, not a 无记录 band", () => {
    for (const word of ["无", "none", "没有"]) {
      const rows = scorecardRows(defaultScorecard());
      const i = rows.findIndex((r) => r[0] === "逾期记录" && r[1] === "≤ 0");
      rows[i][1] = word;
      const { problems } = parseScorecard(rows);
      expect(problems.map((p) => [p.row, p.column])).toEqual([[i + 1, 2]]);
      expect(render(problems[0].text, "zh-CN")).toContain(`条件“${word}”看不懂`);
    }
  });

  test("无记录 and ≤ 0 read as before; 按期回款率's bare 无 is still no record", () => {
    const rows = scorecardRows(defaultScorecard());
    const onTime = rows.findIndex((r) => r[0] === "按期回款率" && r[1] === "无记录");
    rows[onTime][1] = "无";
    const { card, problems } = parseScorecard(rows);
    expect(problems).toEqual([]);
    expect(card).toEqual(defaultScorecard());
  });
});

describe("the cap for dealers of under a year", () => {
  test("a grade row that cannot be read is one problem: the cap naming that grade is not called wrong too", () => {
    const rows = scorecardRows(defaultScorecard());
    const b = rows.findIndex((r) => r[0] === "B");
    rows[b][2] = "一点零";
    const { problems } = parseScorecard(rows);
    expect(problems.map((p) => [p.row, p.column, render(p.text, "zh-CN")])).toEqual([[b + 1, 3, `工作表“评分标准”第 ${b + 1} 行（C${b + 1}）：等级 B 的额度系数“一点零”应为 0 或以上的数，如 1.2 或 120%`]]);
  });

  test("grades of its own and no cap row: the sheet lacks the row (it does not say the default's B), and the row under the grades is named", () => {
    const rows: CellValue[][] = [["等级", "最低分", "额度系数", "账期"], ["优", 85, 1.2, 60], ["良", 70, 1, 45], ["差", 0, 0, 0]];
    const { problems } = parseScorecard(rows, 1, "评分标准", 1);
    expect(problems.map((p) => [p.row, p.column])).toEqual([[5, 1]]);
    expect(render(problems[0].text, "zh-CN")).toBe(
      "工作表“评分标准”没有“合作不满一年最高等级”这一行，默认的 B 级不在等级表中（优、良、差）：请在等级表下面（如第 5 行）加一行，写“合作不满一年最高等级”，右边一格写其中一个等级",
    );
    expect(render(problems[0].text, "en-US")).toBe(
      'sheet "评分标准" has no "合作不满一年最高等级" row (the best grade under one year of cooperation), and the default, B, is not one of the grades in the table (优, 良, 差): add a row under the grades (such as row 5) with "合作不满一年最高等级" and one of the grades in the cell to its right',
    );
  });

  test("a cap row naming no grade of the table still says what it found there", () => {
    const rows: CellValue[][] = [["等级", "最低分", "额度系数", "账期"], ["优", 85, 1.2, 60], ["差", 0, 0, 0], ["合作不满一年最高等级", "良"]];
    const { problems } = parseScorecard(rows, 1, "评分标准", 1);
    expect(problems.map((p) => [p.row, p.column, render(p.text, "zh-CN")])).toEqual([[4, 2, "工作表“评分标准”第 4 行：“合作不满一年最高等级”写的是“良”，应为等级表中的一个等级（优、差）"]]);
  });
});
