import { reconcile } from "../../src/core/reconcile";
import { searchSubsets } from "../../src/core/reconcile/subset";
import { side } from "./reconcile.fixtures";
import { zhText } from "../messages/text";

const search = (values: number[], target: number, extra: Partial<Parameters<typeof searchSubsets>[0]> = {}) =>
  searchSubsets({
    values,
    target,
    tolerance: 0,
    maxItems: 5,
    maxNodes: 10_000,
    maxSolutions: 3,
    solutionKey: (ix) => ix.map((i) => values[i]).join(","),
    accept: () => true,
    ...extra,
  });

describe("the bounded subset search", () => {
  test("the smallest set that adds up exactly is found", () => {
    const r = search([500, 400, 300, 200, 100], 700);
    expect(r.solutions).toEqual([
      [0, 3],
      [1, 2],
    ]);
    expect(r.cutShort).toBe(false);
  });

  test("sets with the same amounts are one solution, so equal small amounts are not called ambiguous", () => {
    const r = search([100, 100, 100, 100, 100, 100], 300);
    expect(r.solutions).toEqual([[0, 1, 2]]);
    expect(r.cutShort).toBe(false);
  });

  test("a rejected set is skipped and the next one is offered", () => {
    const r = search([500, 400, 300, 200], 700, { accept: (ix) => ix.join() !== "0,3" });
    expect(r.solutions).toEqual([[1, 2]]);
  });

  test("many equal small amounts that cannot reach the target are pruned at once", () => {
    const r = search(new Array(40).fill(200), 3001, { maxItems: 20 });
    expect(r.solutions).toEqual([]);
    expect(r.cutShort).toBe(false);
    expect(r.nodes).toBeLessThan(40);
  });
});

describe("the worst case for the subset search", () => {
  // Thirty nearly equal payments, all multiples of 3 fen: many sets of ten land around the target,
  // none can hit it (it is not a multiple of 3), so nothing prunes the search and only its bound stops it.
  const payments = Array.from({ length: 30 }, (_, i) => `${10 + i} | 2026-06-${String(1 + (i % 20)).padStart(2, "0")} |  | 付款${i} | -${((30000 + 3 * i) / 100).toFixed(2)}`).join("\n");
  const ledger = side("账本", `5 | 2026-06-10 |  | 收到货款 | -3002.51`);
  const statement = side("对账单", payments);

  test("finishes within its bound and says so", () => {
    const started = process.hrtime.bigint();
    const report = reconcile(ledger, statement, { subsetMaxItems: 10, subsetMaxNodes: 10_000, subsetMaxCandidates: 30, dateWindowBefore: 20, dateWindowAfter: 20 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const d = report.dealers[0];
    expect(d.subsetSearch.boundHit).toBe(true);
    expect(d.subsetSearch.cutShort).toEqual([{ side: "ledger", row: 5 }]);
    expect(d.subsetSearch.nodes).toBeLessThanOrEqual(10_000 * d.subsetSearch.anchors);
    expect(zhText(d.subsetSearch.note)).toBe("组合匹配在 1 笔上达到搜索上限（每笔 10000 步），这些行可能还有未找到的组合");
    expect(d.matches.toArray()).toEqual([]);
    expect(d.differences.map((x) => x.kind)).toEqual(["ledger_only", ...new Array(30).fill("statement_only")]);
    expect(ms).toBeLessThan(2000);
  });

  test("with a larger bound the same search completes and says it did", () => {
    const report = reconcile(ledger, statement, { subsetMaxItems: 10, subsetMaxNodes: 100_000, subsetMaxCandidates: 30, dateWindowBefore: 20, dateWindowAfter: 20 });
    const d = report.dealers[0];
    expect([d.subsetSearch.boundHit, d.subsetSearch.cutShort, d.subsetSearch.note]).toEqual([false, [], null]);
    expect(d.subsetSearch.nodes).toBeGreaterThan(10_000);
  });

  test("many equal payments that do add up give a handful of suggestions, not thousands", () => {
    const equal = Array.from({ length: 24 }, (_, i) => `${10 + i} | 2026-06-${String(1 + (i % 20)).padStart(2, "0")} |  | 付款${i} | -100.00`).join("\n");
    const report = reconcile(side("账本", `5 | 2026-06-10 |  | 收到货款 | -500.00`), side("对账单", equal), { dateWindowBefore: 20, dateWindowAfter: 20 });
    const d = report.dealers[0];
    expect(d.suggestions).toHaveLength(3);
    expect(d.suggestions.every((s) => s.rule === "subset" && s.statementRows.length === 5 && s.alternatives.length === 2)).toBe(true);
    expect(d.subsetSearch.boundHit).toBe(false);
  });
});
