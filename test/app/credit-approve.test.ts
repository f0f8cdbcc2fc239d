/** Approving a suggestion into 信用档案, and taking the approval back. */
import { approveCredit, runCredit, undoApproval } from "../../src/app/credit";
import type { OutRow } from "../../src/port/workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

const APPLICATIONS: OutRow[] = [
  ["客户名称", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"],
  ["杭州美达商贸", "其他", "2010-01-01", 600, 6000, "2020-01-01", 100000, "抵押", 300000, 60, "张强", "2026-11-01"],
];
const REGISTER: OutRow[] = [
  ["客户名称", "信用等级", "信用额度", "账期（天）", "评定日期", "下次复评日期", "审批人", "备注", "区域"],
  ["宁波顺和电器", "B", 50000, 30, { date: "2026-06-10" }, { date: "2026-12-10" }, "陈静", "", "华东"],
  ["杭州美达商贸", "C", 20000, 30, { date: "2026-05-01" }, { date: "2026-11-01" }, "陈静", "老客户", "华东"],
];

async function setUp() {
  const wb = XlsxWorkbook.fromSpecs([
    { name: "申请", rows: APPLICATIONS },
    { name: "信用档案", rows: REGISTER },
  ]);
  const r = await runCredit({ applications: wb, asOf: "2026-11-30" });
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return { wb, dealer: r.run.result.dealers[0] };
}

const row = async (wb: XlsxWorkbook, n: number) => {
  const g = await wb.readSheet("信用档案");
  return (g.values[n - g.top] ?? []).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
};

describe("approving into 信用档案", () => {
  test("updates the dealer's own row (the user's 区域 column kept), and undo puts back what it held", async () => {
    const { wb, dealer } = await setUp();
    const before = await row(wb, 3);
    const written = await approveCredit(wb, { dealer, approver: "王芳", approved: "2026-12-03", asOf: "2026-11-30" });
    expect([written.row, written.created]).toEqual([3, false]);
    // The suggestion's grade, limit and term, rated on the day of the approval (not the scoring's as-of date)
    // and due for review six months on; this register has no 评估日 column, and gets none.
    expect(written.values).toEqual({ grade: dealer.score.grade, limit: dealer.suggestion.limit, termDays: dealer.suggestion.termDays, rated: "2026-12-03", nextReview: "2027-06-03", approver: "王芳", asOf: null });
    const after = await row(wb, 3);
    expect(after.slice(0, 2)).toEqual(["杭州美达商贸", dealer.score.grade]);
    expect(after).toEqual(["杭州美达商贸", dealer.score.grade, dealer.suggestion.limit / 100, dealer.suggestion.termDays, "2026-12-03", "2027-06-03", "王芳", "老客户", "华东"]);
    expect(await row(wb, 2)).toEqual(["宁波顺和电器", "B", 50000, 30, "2026-06-10", "2026-12-10", "陈静", null, "华东"]);
    expect(await undoApproval(wb, written.undo)).toEqual({ ok: true });
    expect(await row(wb, 3)).toEqual(before);
  });

  test("undo is refused, writing nothing, when the row no longer holds the dealer (the register was sorted)", async () => {
    const { wb, dealer } = await setUp();
    const written = await approveCredit(wb, { dealer, approver: "王芳", approved: "2026-12-03", asOf: "2026-11-30" });
    const third = await row(wb, 3);
    const second = await row(wb, 2);
    // The user sorts the register: the two rows change places.
    await wb.writeCells("信用档案", [
      ...third.map((v, i) => ({ row: 2, column: i + 1, cell: v as never })),
      ...second.map((v, i) => ({ row: 3, column: i + 1, cell: v as never })),
    ]);
    expect(await undoApproval(wb, written.undo)).toEqual({ ok: false, reason: "moved" });
    expect((await row(wb, 2))[6]).toBe("王芳");
    expect((await row(wb, 3))[0]).toBe("宁波顺和电器");
  });

  test("a register with a 评估日 column keeps the scoring's as-of date there; a register made by approving has the column", async () => {
    const withAsOf: OutRow[] = [
      ["客户名称", "信用等级", "信用额度", "账期（天）", "审批日期", "下次复评日期", "审批人", "备注", "评估基准日"],
      ["杭州美达商贸", "C", 20000, 30, { date: "2026-05-01" }, { date: "2026-11-01" }, "陈静", "", { date: "2026-04-30" }],
    ];
    const wb = XlsxWorkbook.fromSpecs([
      { name: "申请", rows: APPLICATIONS },
      { name: "信用档案", rows: withAsOf },
    ]);
    const r = await runCredit({ applications: wb, asOf: "2026-11-30" });
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(r.run.register?.rows[0]).toMatchObject({ rated: "2026-05-01", asOf: "2026-04-30" });
    const written = await approveCredit(wb, { dealer: r.run.result.dealers[0], approver: "王芳", approved: "2026-12-03", asOf: "2026-11-30" });
    expect([written.values.rated, written.values.nextReview, written.values.asOf]).toEqual(["2026-12-03", "2027-06-03", "2026-11-30"]);
    expect((await row(wb, 2)).slice(4)).toEqual(["2026-12-03", "2027-06-03", "王芳", null, "2026-11-30"]);

    const fresh = XlsxWorkbook.fromSpecs([{ name: "申请", rows: APPLICATIONS }]);
    const f = await runCredit({ applications: fresh, asOf: "2026-11-30" });
    if (!f.ok) throw new Error(JSON.stringify(f.problem));
    const made = await approveCredit(fresh, { dealer: f.run.result.dealers[0], approver: "王芳", approved: "2026-12-03", asOf: "2026-11-30" });
    expect([made.created, made.values.asOf]).toEqual([true, "2026-11-30"]);
    expect((await row(fresh, 1))).toEqual(["客户名称", "信用等级", "信用额度", "账期（天）", "评定日期", "下次复评日期", "审批人", "备注", "评估日"]);
    expect((await row(fresh, 2)).slice(4)).toEqual(["2026-12-03", "2027-06-03", "王芳", null, "2026-11-30"]);
  });
});
