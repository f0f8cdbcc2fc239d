import { readGrid, entriesOf } from "../../src/core/read";
import { describeSkipReason } from "../../src/messages/read";
import { isSignOff } from "../../src/core/read/labels";
import type { Grid } from "../../src/core/model";

const _ = null;

const statementWithSignOff: Grid = {
  sheet: "对账单",
  top: 1,
  left: 1,
  values: [
    ["日期", "单据号", "摘要", "进货金额", "付款金额", "余额"],
    ["2026/10/9", "XS-1", "进货", 1000, _, 1000],
    ["2026/10/12", "FK-1", "付货款", _, 400, 600],
    [_, _, "合计", 1000, 400, 600],
    [],
    ["制表：财务部 陈静", _, _, "日期：2026年11月3日"],
    ["审核人：", _, "单位盖章：", _],
  ],
};

describe("sign-off lines under a table", () => {
  test("制表 and 审核 lines are skipped as sign-offs, not reported as bad dates or amounts", () => {
    const r = readGrid(statementWithSignOff, { side: "statement" });
    expect(r.errors).toEqual([]);
    expect(entriesOf(r.table).map((e) => [e.row, e.amount])).toEqual([
      [2, 100000],
      [3, -40000],
    ]);
    expect(r.skipped.filter((s) => s.reason === "sign-off")).toEqual([
      { row: 6, reason: "sign-off", text: "制表：财务部 陈静" },
      { row: 7, reason: "sign-off", text: "审核人：" },
    ]);
    expect(describeSkipReason("sign-off", "zh-CN")).toBe("制表、审核等签字行");
  });

  test.each([
    ["制表：张三", true],
    ["制 表 人：", true],
    ["复核：", true],
    ["财务负责人：李四", true],
    ["Prepared by: Chen", true],
    ["审核调整 XS-1", false],
    ["销售出库 XSCK-2026-0101", false],
    ["盖章确认后退回", false],
    ["", false],
  ])("%s → %s", (text, expected) => {
    expect(isSignOff(text)).toBe(expected);
  });
});
