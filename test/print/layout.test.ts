/**
 * The result sheets are designed for the page, not shrunk onto it: every one, in both languages, fits A4 at
 * 90% or more with 10 pt type (so at least 9 pt on paper), wraps its long text, repeats its table header,
 * counts its pages and ends in the sign-off line. Fast: the specs only (test/print/print.test.ts prints them).
 */
import { runAging } from "../../src/app/aging";
import { runReconcile } from "../../src/app/reconcile";
import { agingSheet, planSheet } from "../../src/app/reports/aging-sheets";
import { designedScale, REPORT_FONT_SIZE } from "../../src/app/reports/print";
import { differencesSheet, entriesByRow, reconciliationSheet } from "../../src/app/reports/reconcile-sheets";
import type { Lang } from "../../src/app/lang";
import type { OutRow, SheetSpec } from "../../src/port/workbook";
import { SAMPLE_AS_OF, SAMPLE_LEDGER_SHEET, SAMPLE_LIST_SHEET, SAMPLE_STATEMENT_SHEET, sampleSheets } from "../../src/sample/sample";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { reconcile } from "../../src/core/reconcile";
import { entriesOf } from "../../src/core/read";
import { side } from "../core/reconcile.fixtures";

async function resultSheets(lang: Lang): Promise<Record<string, SheetSpec>> {
  const wb = XlsxWorkbook.fromSpecs(sampleSheets());
  const rec = await runReconcile({ ledger: { port: wb, sheet: SAMPLE_LEDGER_SHEET }, statement: { port: wb, sheet: SAMPLE_STATEMENT_SHEET }, options: { asOf: SAMPLE_AS_OF } });
  const src = {
    ledgerSheet: SAMPLE_LEDGER_SHEET,
    statementSheet: SAMPLE_STATEMENT_SHEET,
    ledgerEntries: entriesByRow(entriesOf(rec.ledger.table)),
    statementEntries: entriesByRow(entriesOf(rec.statement.table)),
  };
  const aging = await runAging({ ledger: { port: wb, sheet: SAMPLE_LIST_SHEET }, asOf: "2026-10-31" });
  return {
    differences: differencesSheet(rec.report, src, lang),
    reconciliation: reconciliationSheet(rec.report, src, lang),
    aging: agingSheet(aging.report, { ledgerSheet: SAMPLE_LIST_SHEET }, lang),
    plan: planSheet(aging.report, { ledgerSheet: SAMPLE_LIST_SHEET }, lang),
  };
}

const valueOf = (c: OutRow[number]) => (c !== null && typeof c === "object" && "value" in c ? c.value : c);

describe.each(["zh-CN", "en-US"] as Lang[])("result sheets in %s", (lang) => {
  let sheets: Record<string, SheetSpec>;
  beforeAll(async () => {
    sheets = await resultSheets(lang);
  });

  test("each fits landscape or portrait A4 at 90% or more, with 10 pt type", () => {
    const scales = Object.fromEntries(Object.entries(sheets).map(([k, s]) => [k, designedScale(s)]));
    expect(scales.differences).toBe(100);
    expect(scales.reconciliation).toBe(100);
    expect(scales.aging).toBeGreaterThanOrEqual(90);
    expect(scales.plan).toBeGreaterThanOrEqual(90);
    for (const s of Object.values(sheets)) {
      expect(s.fontSize).toBe(REPORT_FONT_SIZE);
      expect(s.print).toMatchObject({ fitToWidth: true, minScale: 90 });
    }
    expect(sheets.reconciliation.print?.orientation).toBe("portrait");
    for (const k of ["differences", "aging", "plan"]) expect(sheets[k].print?.orientation).toBe("landscape");
  });

  test("each repeats its table header, counts its pages in the footer and says the unit", () => {
    expect(sheets.differences.print?.repeatRows).toEqual([3, 3]);
    expect(sheets.plan.print?.repeatRows).toEqual([3, 3]);
    expect(sheets.aging.print?.repeatRows).toEqual([4, 4]);
    for (const s of Object.values(sheets)) {
      expect(s.print?.footer?.center).toBe(lang === "zh-CN" ? "第 &P 页 共 &N 页" : "Page &P of &N");
      expect(s.rows[1].map(valueOf)).toContain(lang === "zh-CN" ? "单位：元" : "Unit: CNY (yuan)");
    }
  });

  test("long text wraps: 摘要, 可能原因, dealers and actions", () => {
    const wrapped = (s: SheetSpec, column: number) =>
      s.rows.filter((r) => {
        const c = r[column - 1];
        return c !== null && typeof c === "object" && "value" in c && c.wrap === true;
      }).length;
    // 差异明细: dealer (B), 摘要 (K), 可能原因 (L) on every difference row.
    for (const column of [2, 11, 12]) expect(wrapped(sheets.differences, column)).toBeGreaterThanOrEqual(6);
    // 催款计划: dealer (B), next action (I), 摘要 (P) on every item.
    for (const column of [2, 9, 16]) expect(wrapped(sheets.plan, column)).toBeGreaterThanOrEqual(7);
  });

  test("each ends in the sign-off line", () => {
    const prepared = lang === "zh-CN" ? "编制人：" : "Prepared by: ";
    for (const s of Object.values(sheets)) {
      expect(s.rows.some((r) => r.some((c) => String(valueOf(c) ?? "").startsWith(prepared)))).toBe(true);
    }
  });
});

describe("余额调节表 of several dealers", () => {
  test("each dealer starts a printed page of its own, and each block ends in its own sign-off line", () => {
    const report = reconcile(
      side("账本", `
        5 | 2026-06-01 | XS-001 | 销售出库 | 1000.00 | 华东商贸
        6 | 2026-06-02 | XS-002 | 销售出库 | 500.00 | 华南五金`),
      side("对账单", `
        3 | 2026-06-03 | XS-001 | 采购 | 1000.00 | 华东商贸
        4 | 2026-06-04 | XS-002 | 采购 | 450.00 | 华南五金`),
    );
    expect(report.dealers.map((d) => d.dealer)).toEqual(["华东商贸", "华南五金"]);
    const none = new Map();
    const spec = reconciliationSheet(report, { ledgerSheet: "账本", statementSheet: "对账单", ledgerEntries: none, statementEntries: none }, "zh-CN");
    const titles = spec.rows.flatMap((r, i) => (valueOf(r[0]) === "应收账款余额调节表" ? [i + 1] : []));
    expect(titles).toHaveLength(2);
    expect(spec.print?.breakBefore).toEqual([titles[1]]);
    const signs = spec.rows.flatMap((r, i) => (String(valueOf(r[0]) ?? "").startsWith("编制人：") ? [i + 1] : []));
    expect(signs).toHaveLength(2);
    expect(signs[0]).toBeLessThan(titles[1]);
    expect(spec.rows[titles[1]].map(valueOf)[0]).toBe("经销商：华南五金");
  });
});
