/** Credit exposure from a balance table (科目余额表 / 往来余额表) instead of the ledger. */
import { findBalanceSheet, runCredit, surveyCredit } from "../../src/app/credit";
import { render } from "../../src/messages/render";
import type { OutRow } from "../../src/port/workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

const APPLICATIONS: OutRow[] = [
  ["客户名称", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"],
  ["杭州美达商贸", "其他", "2010-01-01", 600, 6000, "2020-01-01", 100000, "抵押", 300000, 60, "张强", "2026-08-01"],
  ["宁波顺和电器", "其他", "2010-01-01", 600, 6000, "2020-01-01", 100000, "抵押", 300000, 60, "张强", "2026-08-01"],
];

function balanceTable(title: string, rows: OutRow[]): OutRow[] {
  return [["应收账款往来余额表"], [title], ["客户编码", "客户名称", "期初余额", "本期借方", "本期贷方", "期末余额"], ...rows];
}

const BALANCES = balanceTable("截止 2026-08-31", [
  ["C001", "杭州美达商贸", 100000, 250000, 50000, 300000],
  ["C002", "宁波顺和电器", 0, 80000, 0, 80000],
  ["合计", null, 100000, 330000, 50000, 380000],
]);

const REGISTER: OutRow[] = [
  ["客户名称", "信用等级", "信用额度", "账期（天）"],
  ["杭州美达商贸", "A", 250000, 60],
  ["宁波顺和电器", "A", 100000, 60],
];

describe("credit exposure from a balance table", () => {
  test("each dealer's 期末余额 is its exposure, against the register's limit: over, near", async () => {
    const wb = XlsxWorkbook.fromSpecs([
      { name: "申请", rows: APPLICATIONS },
      { name: "往来余额表", rows: BALANCES },
      { name: "信用档案", rows: REGISTER },
    ]);
    const r = await runCredit({ applications: wb, balances: { port: wb, sheet: "往来余额表" }, asOf: "2026-08-31" });
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(r.run.exposureFrom).toBe("balances");
    expect(r.run.balances?.cutoff).toBe("2026-08-31");
    // 300,000 > 250,000: over; 80,000 is 80% of 100,000: near.
    expect(r.run.result.exposures.map((e) => [e.dealer, e.exposure, e.limit, e.status])).toEqual([
      ["杭州美达商贸", 30_000_000, 25_000_000, "over"],
      ["宁波顺和电器", 8_000_000, 10_000_000, "near"],
    ]);
    // Same date: nothing to warn about.
    expect(r.run.warnings).toEqual([]);
  });

  test("a cut-off other than the as-of date is a warning naming both dates", async () => {
    const wb = XlsxWorkbook.fromSpecs([
      { name: "申请", rows: APPLICATIONS },
      { name: "往来余额表", rows: BALANCES },
    ]);
    const zh = await runCredit({ applications: wb, balances: { port: wb, sheet: "往来余额表" }, asOf: "2026-09-30" });
    if (!zh.ok) throw new Error(JSON.stringify(zh.problem));
    expect(zh.run.warnings.map((w) => render(w, "zh-CN"))).toEqual(["余额表“往来余额表”的截止日期是 2026-08-31，评估日是 2026-09-30：占用取的是 2026-08-31 的期末余额，不是评估日的余额"]);
    const en = await runCredit({ applications: wb, balances: { port: wb, sheet: "往来余额表" }, asOf: "2026-09-30", lang: "en-US" });
    if (!en.ok) throw new Error(JSON.stringify(en.problem));
    expect(render(en.run.warnings[0], "en-US")).toContain("is at 2026-08-31 and the as-of date is 2026-09-30");
  });

  test("a table without a stated cut-off and a row that does not add up are both pointed out", async () => {
    const wb = XlsxWorkbook.fromSpecs([
      { name: "申请", rows: APPLICATIONS },
      {
        name: "余额",
        rows: [
          ["客户名称", "期初余额", "本期借方", "本期贷方", "期末余额"],
          ["杭州美达商贸", 1000, 500, 300, 1300],
        ],
      },
    ]);
    const r = await runCredit({ applications: wb, balances: { port: wb, sheet: "余额" }, asOf: "2026-09-30" });
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(r.run.warnings.map((w) => render(w, "zh-CN"))).toEqual([
      "余额表“余额”没有写明截止日期：占用按其期末余额计，视为评估日 2026-09-30 的余额",
      "余额表“余额”第 2 行（杭州美达商贸）不平：期初 + 借方 − 贷方 = 1,200.00，期末余额写的是 1,300.00；占用按期末余额计",
    ]);
    // The closing balance as written; 宁波顺和电器 is not in the table and has none.
    expect(r.run.result.dealers.map((d) => [d.dealer, d.exposure])).toEqual([
      ["杭州美达商贸", 130_000],
      ["宁波顺和电器", 0],
    ]);
  });

  test("a sheet that is not a balance table is refused by name", async () => {
    const wb = XlsxWorkbook.fromSpecs([{ name: "申请", rows: APPLICATIONS }]);
    const r = await runCredit({ applications: wb, balances: { port: wb, sheet: "申请" }, asOf: "2026-09-30" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toMatchObject({ code: "not_balance_table", sheet: "申请" });
  });

  test("the survey finds the applications and the balance table, and the register and scorecard when present", async () => {
    const wb = XlsxWorkbook.fromSpecs([
      { name: "申请", rows: APPLICATIONS },
      { name: "往来余额表", rows: BALANCES },
      { name: "信用档案", rows: REGISTER },
    ]);
    const s = await surveyCredit(wb);
    expect(s.applications.map((a) => a.dealer)).toEqual(["杭州美达商贸", "宁波顺和电器"]);
    expect(s.sheets).toEqual(["申请"]);
    expect(s.balanceTables).toEqual([{ sheet: "往来余额表", cutoff: "2026-08-31", dealers: 2 }]);
    expect([s.register, s.scorecard]).toEqual(["信用档案", null]);
    expect((await findBalanceSheet(wb))?.sheet).toBe("往来余额表");
  });
});
