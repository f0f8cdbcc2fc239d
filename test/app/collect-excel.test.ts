import { runAging } from "../../src/app/aging";
import { demandSheetName, runDemands, runPromise, writeCollectTemplate } from "../../src/app/collect";
import { createExcelWorkbook } from "../../src/excel/workbook";
import type { WorkbookPort } from "../../src/port/workbook";
import { FakeExcel, type FixtureSheet } from "../../src/fake-excel";
import { fen } from "../../src/core/money";

const COMPANY: FixtureSheet = {
  name: "本公司信息",
  rows: [["项目", "内容"], ["公司名称", "广州对账示例有限公司"], ["开户行", "工商银行天河支行"], ["账号", "6222020200012345678"]],
};

/** Term 30. 甲 is past its final deadline at 2026-11-27 (level 2); 乙 is overdue within a third of its term (level 1). */
const LEDGER: FixtureSheet = {
  name: "应收明细",
  rows: [
    ["日期", "客户名称", "单号", "摘要", "借方", "贷方", "账期"],
    ["2026-09-01", "甲商贸", "XS-1", "销售", 3000, null, 30],
    ["2026-10-20", "乙电器", "XS-2", "销售", 1500.5, null, 30],
    ["2026-11-20", "丙五金", "XS-3", "销售", 700, null, 30],
  ],
};

const portOf = (excel: FakeExcel): WorkbookPort => createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
const texts = async (port: WorkbookPort, sheet: string) => (await port.readSheet(sheet)).values.flat().filter((v) => v !== null && v !== "").map(String).join("\n");

describe("collection papers in the open workbook (the pane's use cases through the fake Excel)", () => {
  test("demand letters on one sheet per level, numbered in the workbook's register with level and deadline", async () => {
    const excel = FakeExcel.fromSheets([LEDGER, COMPANY]);
    const port = portOf(excel);
    const r = await runDemands({ ledger: { port, sheet: "应收明细" }, asOf: "2026-11-27", sendDate: "2026-11-28", dealers: { all: true }, lang: "zh-CN" });
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(r.run.letters.map((l) => [l.number, l.demand.dealer, l.demand.level, l.sheet])).toEqual([
      ["CK-202611-0001", "甲商贸", 2, demandSheetName(2, "2026-11-27")],
      ["CK-202611-0002", "乙电器", 1, demandSheetName(1, "2026-11-27")],
    ]);
    expect(r.run.skipped.map((s) => s.dealer)).toEqual(["丙五金"]);
    const letter = await texts(port, "催款函 2026-11-27");
    expect(letter).toContain("致：甲商贸");
    expect(letter).toContain("人民币叁仟元整");
    expect(letter).toContain("工商银行天河支行");
    const register = (await port.readSheet("函证登记簿")).values;
    expect(register[0].slice(13, 16)).toEqual(["签收日期", "等级", "限期付款日期"]);
    expect(register.slice(1).map((row) => [row[0], row[1], row[2], row[14]])).toEqual([
      ["CK-202611-0001", "催款函", "甲商贸", 2],
      ["CK-202611-0002", "催款函", "乙电器", 1],
    ]);
  });

  test("a built-in template written as the user's sheet, reused while unchanged, and a user's edit of it used for the letters", async () => {
    const port = portOf(FakeExcel.fromSheets([LEDGER, COMPANY]));
    expect(await writeCollectTemplate(port, "demand")).toEqual({ sheet: "催款函", written: true });
    expect(await writeCollectTemplate(port, "demand")).toEqual({ sheet: "催款函", written: false });
    await port.writeCells("催款函", [{ row: 4, column: 1, cell: { value: "尊敬的{{客户名称}}：" } }]);
    expect(await writeCollectTemplate(port, "demand")).toEqual({ sheet: "催款函(2)", written: true });
    const r = await runDemands({ ledger: { port, sheet: "应收明细" }, asOf: "2026-11-27", sendDate: "2026-11-28", dealers: { names: ["甲商贸"] }, template: { port, sheet: "催款函" }, lang: "zh-CN" });
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(await texts(port, "催款函 2026-11-27")).toContain("尊敬的甲商贸：");
  });

  test("for all dealers past their final deadline, only those", async () => {
    const port = portOf(FakeExcel.fromSheets([LEDGER, COMPANY]));
    const r = await runDemands({ ledger: { port, sheet: "应收明细" }, asOf: "2026-11-27", sendDate: "2026-11-28", dealers: { pastFinal: true }, lang: "zh-CN" });
    expect(r.ok && r.run.letters.map((l) => [l.demand.dealer, l.demand.level])).toEqual([["甲商贸", 2]]);
  });

  test("a commitment with its 还款计划 rows, and the aging of the same workbook then counting its 签收日期 as an acknowledgement", async () => {
    const excel = FakeExcel.fromSheets([LEDGER, COMPANY]);
    const port = portOf(excel);
    const r = await runPromise({
      ledger: { port, sheet: "应收明细" },
      dealer: "甲商贸",
      asOf: "2026-11-27",
      sendDate: "2026-11-28",
      installments: { hand: [{ date: "2026-12-10", amount: fen(100_000) }, { date: "2027-01-10", amount: fen(200_000) }] },
      lang: "zh-CN",
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(r.run.commitment).toMatchObject({ number: "CN-202611-0001", amount: 300_000, amountInWords: "人民币叁仟元整" });
    const plan = (await port.readSheet("还款计划")).values;
    expect(plan[0]).toEqual(["编号", "客户名称", "期数", "日期", "金额", "实收", "状态"]);
    expect(plan.slice(1).map((row) => [row[0], row[1], row[2], row[4], row[6]])).toEqual([
      ["CN-202611-0001", "甲商贸", 1, 1000, "未到期"],
      ["CN-202611-0001", "甲商贸", 2, 2000, "未到期"],
    ]);
    expect(await texts(port, r.run.sheet)).toContain("法定代表人");

    // The user records the signed commitment; aging at a later date restarts the period there, and the missed
    // first installment puts 承诺未履行 on the plan.
    const register = await port.readSheet("函证登记簿");
    const col = register.values[0].indexOf("签收日期") + 1;
    await port.writeCells("函证登记簿", [{ row: 2, column: col, cell: { value: { date: "2026-11-29" } } }]);
    const aged = await runAging({ ledger: { port, sheet: "应收明细" }, asOf: "2026-12-20" });
    const item = aged.report.dealers.find((d) => d.dealer === "甲商贸")!.items[0];
    expect(item.limitation).toMatchObject({ expires: "2029-11-29", basis: { kind: "commitment_signed", number: "CN-202611-0001" } });
    expect(item.nextAction.code).toBe("commitment_broken");
    expect(aged.collection.commitments.map((c) => c.missed?.n)).toEqual([1]);
  });

  test("a commitment made again before it is sent keeps its number and replaces its 还款计划 rows, leaving others and the user's notes", async () => {
    const port = portOf(FakeExcel.fromSheets([LEDGER, COMPANY]));
    const promise = (dealer: string, hand: { date: string; amount: number }[]) =>
      runPromise({ ledger: { port, sheet: "应收明细" }, dealer, asOf: "2026-11-27", sendDate: "2026-11-28", installments: { hand: hand.map((h) => ({ ...h, amount: fen(h.amount) })) }, lang: "zh-CN" });
    const first = await promise("甲商贸", [{ date: "2026-12-10", amount: 100_000 }, { date: "2027-01-10", amount: 100_000 }, { date: "2027-02-10", amount: 100_000 }]);
    const other = await promise("乙电器", [{ date: "2026-12-15", amount: 150_050 }]);
    if (!first.ok || !other.ok) throw new Error("commitments refused");
    // The user's note beside the second installment.
    await port.writeCells("还款计划", [{ row: 3, column: 8, cell: { value: "客户来电确认" } }]);
    const again = await promise("甲商贸", [{ date: "2026-12-20", amount: 150_000 }, { date: "2027-01-20", amount: 150_000 }]);
    if (!again.ok) throw new Error(JSON.stringify(again.problem));
    expect(again.run.commitment.number).toBe(first.run.commitment.number);
    const plan = (await port.readSheet("还款计划")).values;
    expect(plan.slice(1).map((row) => [row[0], row[1], row[2], row[4], row[7] ?? null])).toEqual([
      ["CN-202611-0001", "甲商贸", 1, 1500, null],
      ["CN-202611-0001", "甲商贸", 2, 1500, "客户来电确认"],
      [null, null, null, null, null],
      ["CN-202611-0002", "乙电器", 1, 1500.5, null],
    ]);
  });
});
