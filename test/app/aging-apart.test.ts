import { agingSheet, planSheet } from "../../src/app/reports/aging-sheets";
import { ageLedger, reconciliationFlags, unreadableCells } from "../../src/core/aging";
import type { CellValue } from "../../src/core/model";
import { readGrid } from "../../src/core/read";
import { reconcile } from "../../src/core/reconcile";
import type { OutRow } from "../../src/port/workbook";

const AS_OF = "2026-12-01";

function report() {
  const ledger = readGrid(
    {
      sheet: "明细账",
      top: 1,
      left: 1,
      values: [
        ["日期", "单号", "摘要", "借方", "贷方"],
        ["2026-08-01", "XS-101", "销售", 1000, null],
        ["2026-09-01", "XS-102", "销售", 2000, null],
        ["2026-09-10", "XS-103", "销售", 500, null],
        ["2026-09-10", "XS-103", "销售", 500, null],
        ["2026-11-20", "XS-105", "销售", "N/A", null],
      ] as CellValue[][],
    },
    { side: "ledger" },
  );
  const statement = readGrid(
    {
      sheet: "对账单",
      top: 1,
      left: 1,
      values: [
        ["日期", "单号", "摘要", "进货金额", "付款金额"],
        ["2026-08-03", "XS-101", "进货", 1000, null],
        ["2026-09-03", "XS-102", "进货", 1800, null],
        ["2026-09-12", "XS-103", "进货", 500, null],
      ] as CellValue[][],
    },
    { side: "statement" },
  );
  const rec = reconcile({ sheet: "明细账", table: ledger.table, openings: [] }, { sheet: "对账单", table: statement.table, openings: [] }, { asOf: AS_OF });
  return ageLedger({ table: ledger.table, openings: [], unreadable: unreadableCells(ledger) }, { asOf: AS_OF, reconciliation: reconciliationFlags(rec, "明细账", "对账单") });
}

/** The cell values of a row as plain values (links and formats dropped). */
const values = (row: OutRow) => row.map((c) => (c !== null && typeof c === "object" && "value" in c ? c.value : c));
const rowWith = (rows: OutRow[], text: string) => rows.findIndex((r) => values(r).some((v) => typeof v === "string" && v.includes(text)));

describe("the result sheets say what the aging kept apart", () => {
  it("账龄分析 says under its totals that they exclude the unreadable row and that 待核对 items are out of the plan, and lists both", () => {
    const sheet = agingSheet(report(), { ledgerSheet: "台账-明细账" }, "zh-CN");
    const rows = sheet.rows;
    const total = rows.findIndex((r) => values(r)[1] === "合计");
    const note = rowWith(rows, "合计不含无法读取的 1 行");
    // Under the table's totals, before the per-rep block.
    expect(total).toBeGreaterThan(0);
    expect(note).toBeGreaterThan(total);
    expect(note).toBeLessThan(rowWith(rows, "业务员回款统计"));
    expect(values(rows[note + 1])[0]).toBe("已对照对账单「对账单」（截止 2026-12-01）：2 笔未收款项待核对（合计 2,500.00），仍计入余额，但未列入催款计划（见下表“待核对”）。");

    const review = rowWith(rows, "待核对（对账发现差异");
    expect(values(rows[review + 2]).slice(0, 8)).toEqual([1, "（未指定经销商）", "", "3", "XS-102", 2000, "未收", "金额不符"]);
    expect(values(rows[review + 3]).slice(3, 5)).toEqual(["5", "XS-103"]);
    expect(values(rows[review + 3])[8]).toBe("重复记账：我方第 5 行与第 4 行单号、金额相同");
    // The row number links to the row in the ledger's copy.
    expect((rows[review + 2][3] as { link: unknown }).link).toEqual({ sheet: "台账-明细账", row: 3 });

    const unreadable = rowWith(rows, "无法读取的单元格（所在行");
    expect(values(rows[unreadable + 2]).slice(0, 4)).toEqual([1, "明细账", "D6", "N/A"]);
    expect(String(values(rows[unreadable + 2])[4])).toContain("“N/A”不是有效金额");
  });

  it("催款计划 leaves the 待核对 items out of its rows and totals, and lists them under the plan", () => {
    const sheet = planSheet(report(), { ledgerSheet: "台账-明细账" }, "zh-CN");
    const rows = sheet.rows;
    const planRefs: unknown[] = [];
    for (let i = 3; i < rows.length && typeof values(rows[i])[0] === "number"; i++) planRefs.push(values(rows[i])[3]);
    expect(planRefs).toEqual(["XS-101", "XS-103"]);
    const note = rowWith(rows, "合计不含无法读取的 1 行");
    const review = rowWith(rows, "待核对（对账发现差异");
    expect(note).toBeGreaterThan(3 + planRefs.length);
    expect(review).toBeGreaterThan(note);
    // The lists stay out of the AutoFilter, so filtering the plan by rep leaves them alone.
    if (sheet.filterLastRow !== undefined) expect(sheet.filterLastRow).toBeLessThan(note + 1);
  });

  it("puts the 待核对 list's 未收金额 in a column as wide as the sheet's own amounts, on both sheets", () => {
    for (const sheet of [planSheet(report(), { ledgerSheet: "明细账" }, "zh-CN"), agingSheet(report(), { ledgerSheet: "明细账" }, "zh-CN")]) {
      const head = rowWith(sheet.rows, "待核对（对账发现差异") + 1;
      const column = values(sheet.rows[head]).indexOf("未收金额");
      expect(column).toBeGreaterThan(0);
      // 10.5 characters hold 9,999,999.99 in 10 pt type; 9.5 (a date's width) prints 100,000.00 as ###.
      expect(sheet.columnWidths![column]).toBeGreaterThanOrEqual(10.5);
      expect(values(sheet.rows[head + 1])[column]).toBe(2000);
    }
  });

  it("adds nothing when no cell was unreadable and no reconciliation was given", () => {
    const plain = ageLedger({ table: readGrid({ sheet: "明细账", top: 1, left: 1, values: [["日期", "单号", "借方"], ["2026-11-01", "A-1", 100]] }, { side: "ledger" }).table, openings: [] }, { asOf: AS_OF });
    const rows = agingSheet(plain, { ledgerSheet: "明细账" }, "zh-CN").rows;
    expect(rowWith(rows, "合计不含")).toBe(-1);
    expect(rowWith(rows, "待核对")).toBe(-1);
  });

  it("speaks English on request", () => {
    const rows = planSheet(report(), { ledgerSheet: "Ledger" }, "en-US").rows;
    expect(rowWith(rows, "Totals exclude 1 row with a cell that could not be read")).toBeGreaterThan(0);
    expect(rowWith(rows, "Under reconciliation (differences found")).toBeGreaterThan(0);
  });
});
