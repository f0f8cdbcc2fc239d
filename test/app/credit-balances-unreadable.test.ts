/**
 * Credit from a balance table whose row for a dealer shows an Excel error (as office-js hands an error cell
 * over: its text): that dealer has no exposure figure on the result sheet (not 0, no status against the
 * limit), and the run's notes name the cell and what to do.
 */
import { creditResultSpec, exposureUnknown, runCredit } from "../../src/app/credit";
import { render } from "../../src/messages/render";
import type { OutRow } from "../../src/port/workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

const APPLICATIONS: OutRow[] = [
  ["客户名称", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"],
  ["杭州美达商贸", "其他", "2010-01-01", 600, 6000, "2020-01-01", 100000, "抵押", 300000, 60, "张强", "2026-08-01"],
  ["宁波顺和电器", "其他", "2010-01-01", 600, 6000, "2020-01-01", 100000, "抵押", 300000, 60, "张强", "2026-08-01"],
];
const BALANCES: OutRow[] = [
  ["往来余额表（截止 2026-08-31）"],
  ["客户名称", "期初余额", "本期借方", "本期贷方", "期末余额"],
  ["杭州美达商贸", 100000, 250000, 50000, 300000],
  ["宁波顺和电器", 0, 80000, 0, "#N/A"],
];

test("the dealer whose 期末余额 shows #N/A has no exposure figure on the result sheet; the note names the cell", async () => {
  const wb = XlsxWorkbook.fromSpecs([
    { name: "申请", rows: APPLICATIONS },
    { name: "往来余额表", rows: BALANCES },
  ]);
  const r = await runCredit({ applications: wb, balances: { port: wb, sheet: "往来余额表" }, asOf: "2026-08-31" });
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  expect([...exposureUnknown(r.run.balances)]).toEqual(["宁波顺和电器"]);
  expect(r.run.warnings.map((w) => render(w, "zh-CN"))).toEqual([
    "工作表“往来余额表”单元格 E4（期末余额）：公式的结果是错误值“#N/A”。请改正这个单元格的公式（或它引用的单元格），在 Excel 中保存后再读取。 余额表的这一行未读取：这家经销商的占用无法得出（不按 0 计），改正后请重新评估",
  ]);
  const spec = creditResultSpec(r.run, "zh-CN");
  const rowOf = (dealer: string) => spec.rows.find((row) => row?.[0] && typeof row[0] === "object" && (row[0] as { value: unknown }).value === dealer && row.length === 10)!;
  const value = (row: OutRow, i: number) => (row[i] as { value: unknown }).value;
  expect([value(rowOf("杭州美达商贸"), 8), value(rowOf("宁波顺和电器"), 8), value(rowOf("宁波顺和电器"), 9)]).toEqual([300000, "无法读取", "—"]);
});
