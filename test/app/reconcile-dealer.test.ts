import { runReconcile, sidesSwapped, statementDealer, writeReconcileResults } from "../../src/app/reconcile";
import { readGrid } from "../../src/core/read";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { zhText } from "../messages/text";

const _ = null;
/** Plain cell values: what both the reader and the workbook writer take. */
type CellValue = string | number | null;
const read = (values: CellValue[][], side?: "ledger" | "statement") => readGrid({ sheet: "s", top: 1, left: 1, values }, side ? { side } : {});

const LEDGER: CellValue[][] = [
  ["客户名称", "日期", "单号", "摘要", "借方", "贷方"],
  ["成都蜀丰建材有限公司", "2026-10-01", "XS2610-001", "销售", 5000, _],
  ["宁波顺和电器", "2026-10-03", "XS2610-002", "销售", 800, _],
  ["杭州美达商贸", "2026-10-04", "XS2610-003", "销售", 1200, _],
];
const statementTitled = (title: string): CellValue[][] => [[title, _, _, _], ["日期", "单据号", "进货金额", "付款金额"], ["2026-10-05", "XS2610-001", 5000, _]];

describe("whose statement it is, before a run", () => {
  const ledger = read(LEDGER, "ledger");

  test("the title's dealer, found among the ledger's dealers by the one dealer key", () => {
    expect(statementDealer(ledger, read(statementTitled("成都蜀丰建材对账单"), "statement"))).toEqual({
      dealer: "成都蜀丰建材有限公司",
      statementName: "成都蜀丰建材",
      match: "same",
      mustChoose: false,
      manyOnStatement: false,
      ledgerDealers: ["成都蜀丰建材有限公司", "宁波顺和电器", "杭州美达商贸"],
    });
  });

  test("a shorter spelling is found when only one dealer contains it", () => {
    expect(statementDealer(ledger, read(statementTitled("蜀丰建材对账单"), "statement"))).toMatchObject({ dealer: "成都蜀丰建材有限公司", match: "similar", mustChoose: false });
  });

  test("no name, or a name the ledger lacks, against several dealers: the user must choose", () => {
    const nameless = read([["日期", "单据号", "进货金额", "付款金额"], ["2026-10-05", "XS2610-001", 5000, _]], "statement");
    expect(statementDealer(ledger, nameless)).toMatchObject({ dealer: null, statementName: null, mustChoose: true });
    expect(statementDealer(ledger, read(statementTitled("广州远方五金对账单"), "statement"))).toMatchObject({ dealer: null, statementName: "广州远方五金", mustChoose: true });
  });

  test("our own name on the statement is never taken for the dealer", () => {
    const ours = read([["编制单位：美达五金", _, _, _, _, _], ...LEDGER], "ledger");
    const statement = read(statementTitled("美达五金对账单"), "statement");
    expect(ours.ourName).toBe("美达五金");
    expect(statementDealer(ours, statement)).toMatchObject({ dealer: null, statementName: null, mustChoose: true });
  });

  test("a one-dealer ledger pairs with a one-dealer statement, nothing to choose", () => {
    const one = read([["核算项目：宁波顺和电器", _, _, _], ["日期", "单号", "借方", "贷方"], ["2026-10-01", "XS-1", 100, _]], "ledger");
    expect(statementDealer(one, read(statementTitled("顺和电器对账单"), "statement"))).toMatchObject({ dealer: "宁波顺和电器", match: "similar", mustChoose: false });
  });

  test("a ledger that looks like a statement and a statement that looks like a ledger are swapped", () => {
    const theirs = read(statementTitled("成都蜀丰建材对账单"), "ledger");
    const ours = read(LEDGER, "statement");
    expect(sidesSwapped(theirs, ours)).toBe(true);
    expect(sidesSwapped(read(LEDGER, "ledger"), read(statementTitled("成都蜀丰建材对账单"), "statement"))).toBe(false);
    expect(sidesSwapped(null, ours)).toBe(false);
  });
});

describe("a run in the workbook", () => {
  const workbook = (statement: CellValue[][]) =>
    XlsxWorkbook.fromSpecs([
      { name: "台账", rows: LEDGER },
      { name: "对账单", rows: statement },
    ]);

  test("reconciles the statement's dealer only, and says it picked it", async () => {
    const wb = workbook(statementTitled("蜀丰建材对账单"));
    const run = await runReconcile({ ledger: { port: wb, sheet: "台账" }, statement: { port: wb, sheet: "对账单" } });
    expect(run.autoDealer).toBe("成都蜀丰建材有限公司");
    expect(run.report.dealers.map((d) => [d.dealer, d.status, d.reconciliation.balanced])).toEqual([["成都蜀丰建材有限公司", "reconciled", true]]);
  });

  test("never runs every dealer against a statement it cannot place", async () => {
    const wb = workbook([["日期", "单据号", "进货金额", "付款金额"], ["2026-10-05", "XS2610-001", 5000, _]]);
    const run = await runReconcile({ ledger: { port: wb, sheet: "台账" }, statement: { port: wb, sheet: "对账单" } });
    expect(run.report.dealers).toEqual([]);
    expect(run.report.problems.map((p) => p.code)).toEqual(["dealer_required"]);
    expect(zhText(run.report.problems[0].text)).toBe("对账单「对账单」没有写明是哪家经销商的，台账有多家经销商（成都蜀丰建材有限公司、宁波顺和电器、杭州美达商贸）：请指定要对账的经销商");
  });

  test("the dealer the user picks owns a nameless statement", async () => {
    const wb = workbook([["日期", "单据号", "进货金额", "付款金额"], ["2026-10-05", "XS2610-002", 800, _]]);
    const run = await runReconcile({ ledger: { port: wb, sheet: "台账" }, statement: { port: wb, sheet: "对账单" }, options: { dealer: "宁波顺和电器" } });
    expect(run.report.dealers.map((d) => [d.dealer, d.status, d.matches.length])).toEqual([["宁波顺和电器", "reconciled", 1]]);
  });

  test("dealers one side lacks get no 余额调节表, and unread cells are listed in 差异明细", async () => {
    const wb = XlsxWorkbook.fromSpecs([
      { name: "台账", rows: [...LEDGER, ["宁波顺和电器", "2026-10-06", "XS2610-004", "销售", "待定", _]] },
      {
        name: "对账单",
        rows: [
          ["客户名称", "日期", "单据号", "进货金额", "付款金额"],
          ["宁波顺和电器", "2026-10-05", "XS2610-002", 800, _],
          ["杭州美达商贸", "2026-10-05", "XS2610-003", 1200, _],
        ],
      },
    ]);
    const run = await runReconcile({ ledger: { port: wb, sheet: "台账" }, statement: { port: wb, sheet: "对账单" } });
    expect(run.report.dealers.map((d) => [d.dealer, d.status, d.reconciliation.balanced])).toEqual([
      ["宁波顺和电器", "reconciled", false],
      ["成都蜀丰建材有限公司", "no_statement", false],
      ["杭州美达商贸", "reconciled", true],
    ]);
    await writeReconcileResults(run, { port: wb, ledgerSheet: "台账", statementSheet: "对账单", lang: "zh-CN" });
    const rec = (await wb.readSheet("余额调节表")).values.map((r) => r.filter((v) => typeof v === "string").join(" "));
    expect(rec.some((line) => line.includes("成都蜀丰建材有限公司"))).toBe(false);
    expect(rec.some((line) => line.includes("宁波顺和电器"))).toBe(true);
    const diff = (await wb.readSheet("差异明细")).values;
    const unread = diff.find((r) => r.includes("无法读取"));
    expect(unread).toBeDefined();
    expect(unread!.some((v) => typeof v === "string" && v.includes("台账 E5（借方）「待定」不是金额"))).toBe(true);
    // Its date, reference and 摘要 are shown like any other difference's.
    expect(unread).toEqual(expect.arrayContaining(["XS2610-004", "销售"]));
  });
});

describe("a one-dealer ledger", () => {
  test("pairs with a statement that spells the dealer differently, options left as given", async () => {
    const wb = XlsxWorkbook.fromSpecs([
      { name: "台账", rows: [["核算项目：成都蜀丰建材有限公司", _, _, _], ["日期", "单号", "借方", "贷方"], ["2026-10-01", "XS2610-001", 5000, _]] },
      { name: "对账单", rows: statementTitled("蜀丰建材对账单") },
    ]);
    const run = await runReconcile({ ledger: { port: wb, sheet: "台账" }, statement: { port: wb, sheet: "对账单" } });
    expect(run.report.options.dealer).toBeNull();
    expect(run.autoDealer).toBeNull();
    expect(run.report.dealers.map((d) => [d.dealer, d.status, d.matches.length])).toEqual([["成都蜀丰建材有限公司", "reconciled", 1]]);
  });
});
