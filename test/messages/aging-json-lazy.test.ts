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
