/**
 * `aging --json` writes its dealers as they come (`agingJsonToWrite`): the text is the contract's
 * (`toAgingJson`) byte for byte, streamed in any chunk size, the exact way or in small parts, and
 * `JSON.stringify` of it is the same text too.
 */
import fc from "fast-check";
import { runAging } from "../../src/app/aging";
import { jsonChunks } from "../../src/cli/json-stream";
import { agingJsonToWrite, toAgingJson } from "../../src/messages/json/aging";
import { LazyJsonItems } from "../../src/messages/json/lazy-items";
import { SAMPLE_AS_OF, SAMPLE_LIST_SHEET, sampleSheets } from "../../src/sample/sample";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { ageLedger } from "../../src/core/aging";
import { Acknowledgements, markCollection } from "../../src/core/collect";
import { msg } from "../../src/core/messages";
import { fen } from "../../src/core/money";
import type { Entry } from "../../src/core/model";

const streamed = (value: unknown, chunk?: number, smallPart?: number) => [...jsonChunks(value, chunk, smallPart)].join("");

describe("the aging report written dealer by dealer", () => {
  test("is the contract's text, however it is written", async () => {
    const wb = XlsxWorkbook.fromSpecs(sampleSheets());
    for (const asOf of [SAMPLE_AS_OF, "2027-06-30"]) {
      const run = await runAging({ ledger: { port: wb, sheet: SAMPLE_LIST_SHEET }, asOf });
      expect(run.report.dealers.length).toBeGreaterThan(1);
      const text = JSON.stringify(toAgingJson(run.report), null, 2);
      const lazy = agingJsonToWrite(run.report);
      expect(JSON.stringify(lazy, null, 2)).toBe(text);
      for (const [chunk, smallPart] of [[undefined, undefined], [100, 0], [100, 300], [7, 16]] as const) expect(streamed(lazy, chunk, smallPart)).toBe(text);
    }
  });

  test("open items written as text are their objects' text, strings that need escapes, flags and limitation included", () => {
    const sheets = ["台账", 'a "quoted"\tsheet\\'];
    const refs = ['INV-1 "甲"', "line\nbreak", "\u2028\uD800😀", null, "</script>"];
    const entries: Entry[] = [];
    for (let i = 0; i < 40; i++) {
      const sale = i % 4 !== 3;
      entries.push({
        sheet: sheets[i % 2],
        row: i + 2,
        date: `2026-0${1 + (i % 9)}-1${i % 10}`,
        ref: refs[i % refs.length],
        refs: [],
        description: sale ? "销售" : "回款",
        amount: fen(sale ? 10_000 + i * 137 : -5_000 - i),
        dealer: i % 3 === 0 ? '经销商 "乙"' : "美达\n商贸",
        rep: i % 5 === 0 ? "张三" : null,
        termDays: i % 7 === 0 ? 45 : null,
      });
    }
    const flags = entries.filter((_, i) => i % 6 === 0).map((e) => ({ sheet: e.sheet, row: e.row, kind: "amount_mismatch", reason: msg("aging.stage.overdue", {}), dealer: e.dealer }));
    const report = ageLedger(
      { entries, openings: [{ sheet: "台账", row: 1, dealer: "美达\n商贸", date: null, amount: fen(20_000_000) }] },
      { asOf: "2026-12-31", reconciliation: { ledgerSheet: "台账", statementSheet: "对账单", cutoff: null, flags } },
    );
    const payments = entries.filter((e) => e.amount < 0).map((e) => ({ dealer: e.dealer!, kind: "payment" as const, date: e.date!, sheet: e.sheet, row: e.row, amount: e.amount }));
    markCollection(report, new Acknowledgements(payments, report.asOf));
    expect(report.dealers.some((d) => d.items.some((i) => i.underReconciliation !== null))).toBe(true);
    expect(report.dealers.some((d) => d.items.some((i) => i.unknownAge))).toBe(true);
    const text = JSON.stringify(toAgingJson(report), null, 2);
    expect(text).toContain("limitationBasis");
    for (const [chunk, smallPart] of [[undefined, undefined], [50, 0]] as const) expect(streamed(agingJsonToWrite(report), chunk, smallPart)).toBe(text);
    expect(JSON.stringify(agingJsonToWrite(report), null, 2)).toBe(text);
  });

  test("items made as they are written stream as the array they stand for", () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer()))));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 20 }), fc.constantFrom(0, 16, 200), fc.integer({ min: 1, max: 64 }), (items, smallPart, chunk) => {
        let made = 0;
        const lazy = new LazyJsonItems(items.length, (i) => {
          made++;
          return items[i];
        });
        const expected = JSON.stringify({ before: 1, items, after: [items] }, null, 2);
        expect(streamed({ before: 1, items: lazy, after: [lazy] }, chunk, smallPart)).toBe(expected);
        expect(JSON.stringify({ before: 1, items: lazy, after: [lazy] }, null, 2)).toBe(expected);
        // Streamed, each item is made once per place it is written; stringified, once more each.
        expect(made).toBe(4 * items.length);
      }),
      { numRuns: 200 },
    );
  });
});
