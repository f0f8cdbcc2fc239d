/** Approving into a register whose header lacks the 信用额度 column: the amount's format goes on the column added for it. */
import { approveCredit, runCredit } from "../../src/app/credit";
import type { OutRow, PlacedCell } from "../../src/port/workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

const APPLICATIONS: OutRow[] = [
  ["客户名称", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"],
  ["杭州美达商贸", "其他", "2010-01-01", 600, 6000, "2020-01-01", 100000, "抵押", 300000, 60, "张强", "2026-11-01"],
];

test("the limit's #,##0.00 is on the 信用额度 column added right of the header, not on column C (here 账期)", async () => {
  const wb = XlsxWorkbook.fromSpecs([
    { name: "申请", rows: APPLICATIONS },
    { name: "信用档案", rows: [["客户名称", "信用等级", "账期（天）"], ["宁波顺和电器", "B", 30]] },
  ]);
  const r = await runCredit({ applications: wb, asOf: "2026-11-30" });
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  const dealer = r.run.result.dealers[0];
  const writes = jest.spyOn(wb, "writeCells");
  await approveCredit(wb, { dealer, approver: "王芳", approved: "2026-12-03", asOf: "2026-11-30" });
  const cells = writes.mock.calls[0][1] as PlacedCell[];
  const header = await wb.readSheet("信用档案");
  const limitColumn = header.values[0].indexOf("信用额度") + 1;
  expect(limitColumn).toBe(4);
  const formatted = cells.filter((c) => typeof c.cell === "object" && c.cell !== null && "numberFormat" in c.cell && c.cell.numberFormat === "#,##0.00");
  expect(formatted.map((c) => [c.row, c.column, (c.cell as { value: unknown }).value])).toEqual([[3, 4, dealer.suggestion.limit / 100]]);
  // The term in column C is written as the plain number it is.
  expect(cells.find((c) => c.row === 3 && c.column === 3)!.cell).toBe(dealer.suggestion.termDays);
});
