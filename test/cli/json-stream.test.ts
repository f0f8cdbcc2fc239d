import fc from "fast-check";
import { jsonChunks, writeJson } from "../../src/cli/json-stream";
import { runAging } from "../../src/app/aging";
import { runReconcile } from "../../src/app/reconcile";
import { toAgingJson } from "../../src/messages";
import { toReconcileJson } from "../../src/messages";
import { SAMPLE_AS_OF, SAMPLE_LEDGER_SHEET, SAMPLE_LIST_SHEET, SAMPLE_STATEMENT_SHEET, sampleSheets } from "../../src/sample/sample";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

const streamed = (value: unknown, chunk?: number, smallPart?: number) => [...jsonChunks(value, chunk, smallPart)].join("");
/** Every part written the exact way, none handed whole to JSON.stringify. */
const EXACT = 0;

describe("the streamed JSON is JSON.stringify(x, null, 2), byte for byte", () => {
  test.each([
    ["empty containers", { a: [], b: {}, c: [[]], d: [{}] }],
    ["left-out and null-written values", { u: undefined, f: () => 1, s: Symbol("x"), arr: [undefined, () => 1, Symbol("y")], nan: NaN, inf: -Infinity, z: -0 }],
    ["an object whose every value is left out", { u: undefined }],
    ["toJSON, called once with its key", { d: new Date(Date.UTC(2026, 9, 31)), bad: new Date(NaN), custom: { toJSON: (k: string) => ({ key: k, again: { toJSON: () => "inner" } }) } }],
    ["boxed values", [Object(1), Object("文"), Object(false)]],
    ["escapes in strings and keys", { "引\"号\n": "tab\t\u0001\u2028\uD800 😀", "": "" }],
    ["scalars at the top", "金额"],
    ["a number at the top", 12.5],
    ["null at the top", null],
    ["a Map and a Set (no own keys)", { m: new Map([[1, 2]]), s: new Set([1]) }],
    ["sparse arrays", [1, , 3]], // eslint-disable-line no-sparse-arrays
  ])("%s", (_name, value) => {
    expect(streamed(value)).toBe(JSON.stringify(value, null, 2));
    expect(streamed(value, 1)).toBe(JSON.stringify(value, null, 2));
    expect(streamed(value, 1, EXACT)).toBe(JSON.stringify(value, null, 2));
  });

  test("undefined at the top gives nothing, as JSON.stringify gives undefined", () => {
    expect([...jsonChunks(undefined)]).toEqual([]);
    expect([...jsonChunks(() => 1, 1, EXACT)]).toEqual([]);
  });

  test("a cycle and a BigInt fail as JSON.stringify fails", () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(() => streamed(a)).toThrow(TypeError);
    expect(() => streamed(a, 1, EXACT)).toThrow(TypeError);
    expect(() => streamed({ n: BigInt(1) })).toThrow(TypeError);
    expect(() => streamed({ n: BigInt(1) }, 1, EXACT)).toThrow(TypeError);
    // The same object twice (not a cycle) is fine.
    const shared = { v: 1 };
    expect(streamed([shared, shared])).toBe(JSON.stringify([shared, shared], null, 2));
    expect(streamed([shared, shared], 1, EXACT)).toBe(JSON.stringify([shared, shared], null, 2));
  });

  test("any value fast-check can make", () => {
    fc.assert(
      fc.property(
        fc.anything({ withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true, withObjectString: true }),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom(EXACT, 16, 200),
        (value, chunk, smallPart) => {
          // JSON.stringify gives undefined where nothing is written at all (undefined, a function at the top).
          expect(streamed(value, chunk, smallPart)).toBe(JSON.stringify(value, null, 2) ?? "");
        },
      ),
      { numRuns: 400 },
    );
  });

  test("chunks are handed on as they fill, not all at the end", () => {
    const big = Array.from({ length: 2000 }, (_, i) => ({ row: i, dealer: "杭州美达商贸有限公司", amount: "1234.50" }));
    const chunks = [...jsonChunks(big, 4096)];
    expect([...jsonChunks(big, 4096, EXACT)].join("")).toBe(JSON.stringify(big, null, 2));
    expect(chunks.length).toBeGreaterThan(20);
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(4096);
    expect(chunks.join("")).toBe(JSON.stringify(big, null, 2));
  });
});

describe("the command line's reports", () => {
  let wb: XlsxWorkbook;
  beforeAll(() => {
    wb = XlsxWorkbook.fromSpecs(sampleSheets());
  });

  test("the stringified and the streamed aging report are byte-identical", async () => {
    const run = await runAging({ ledger: { port: wb, sheet: SAMPLE_LIST_SHEET }, asOf: SAMPLE_AS_OF });
    const json = toAgingJson(run.report);
    expect(streamed(json, 100)).toBe(JSON.stringify(json, null, 2));
    expect(streamed(json, 100, EXACT)).toBe(JSON.stringify(json, null, 2));
    expect(streamed(json, 100, 300)).toBe(JSON.stringify(json, null, 2));
  });

  test("the stringified and the streamed reconciliation report are byte-identical", async () => {
    const run = await runReconcile({ ledger: { port: wb, sheet: SAMPLE_LEDGER_SHEET }, statement: { port: wb, sheet: SAMPLE_STATEMENT_SHEET }, options: { asOf: SAMPLE_AS_OF } });
    const json = toReconcileJson(run.report, { includeMatches: true });
    expect(streamed(json, 100)).toBe(JSON.stringify(json, null, 2));
    expect(streamed(json, 100, EXACT)).toBe(JSON.stringify(json, null, 2));
    expect(streamed(json, 100, 300)).toBe(JSON.stringify(json, null, 2));
  });

  test("writeJson ends with a line break and waits for each write", async () => {
    const written: string[] = [];
    let pending = 0;
    const io = {
      out: () => undefined,
      err: () => undefined,
      cwd: "/",
      write: async (chunk: string) => {
        expect(pending).toBe(0);
        pending++;
        await new Promise((r) => setTimeout(r, 1));
        written.push(chunk);
        pending--;
      },
    };
    const value = { a: Array.from({ length: 5000 }, (_, i) => i) };
    await writeJson(io, value);
    expect(written.join("")).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(written.length).toBeGreaterThan(1);
  });
});
