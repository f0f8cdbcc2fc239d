/** The 信用评估 sheet's texts: amounts written into text cells are grouped as the sheet's money cells show theirs. */
import { creditResultSpec, runCredit } from "../../src/app/credit";
import type { OutRow } from "../../src/port/workbook";
import { XlsxWorkbook, type UserSheetSpec } from "../../src/xlsx/workbook";

const AS_OF = "2026-11-30";

const LEDGER: UserSheetSpec = {
  name: "明细账",
  rows: [
    ["客户", "日期", "单号", "摘要", "借方", "贷方"],
    ["美达五金", { date: "2026-08-01" }, "XS2608-001", "销售", 50000, null],
    ["美达五金", { date: "2026-11-01" }, "XS2611-001", "销售", 30000, null],
  ],
};

const REGISTER: UserSheetSpec = {
  name: "信用档案",
  rows: [
    ["客户名称", "信用等级", "信用额度", "账期（天）", "评定日期", "下次复评日期", "审批人", "备注"],
    ["美达五金", "B", 60000, 60, { date: "2026-06-30" }, { date: "2026-12-30" }, "赵总", ""],
  ],
};

const APPLICATIONS: UserSheetSpec = {
  name: "申请登记",
  rows: [
    ["客户名称", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"],
    ["青城建材", "其他", { date: "2010-01-01" }, 600, 6000, { date: "2020-01-01" }, 100000, "无", 300000, 60, "张强", { date: "2026-11-01" }],
  ],
};

const texts = (rows: OutRow[]) => rows.flatMap((r) => r.map((c) => (c !== null && typeof c === "object" && "value" in c ? c.value : c))).filter((v): v is string => typeof v === "string");

describe("the 信用评估 sheet's half-yearly review", () => {
  test("the open amounts past the final deadline are grouped, in Chinese and in English", async () => {
    const wb = XlsxWorkbook.fromSpecs([LEDGER, REGISTER, APPLICATIONS]);
    const r = await runCredit({ applications: wb, ledger: { port: wb, sheet: "明细账" }, asOf: AS_OF });
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(r.run.result.review.map((v) => [v.dealer, v.pastFinal.map((x) => [x.row, x.open])])).toEqual([["美达五金", [[2, 5_000_000]]]]);
    expect(texts(creditResultSpec(r.run, "zh-CN").rows)).toContain("明细账 第2行 50,000.00");
    expect(texts(creditResultSpec(r.run, "en-US").rows)).toContain("明细账 row 2 50,000.00");
  });
});
