import { namedDebits, rowLinks, settle } from "../../src/core/aging/settle";
import { fen } from "../../src/core/money";

/** What `namedDebits` answers, as [credit, debits] pairs in the order it answers them. */
function named(debitRefs: string[][], creditRefs: string[][]): [number, number[]][] {
  const out: [number, number[]][] = [];
  namedDebits(debitRefs, debitRefs.length, creditRefs, creditRefs.length, (c, targets) => out.push([c, [...targets]]));
  return out;
}

describe("namedDebits: which invoices a receipt names, in the order it pays them", () => {
  it("answers each credit naming a debit, in credit order, with the debits sharing a reference oldest first", () => {
    expect(named([["INV1"], ["INV2"], ["INV1"], []], [[], ["INV1"], ["INV9"], ["INV2"]])).toEqual([
      [1, [0, 2]],
      [3, [1]],
    ]);
  });

  it("takes a debit named through several references once, and merges the lists oldest first", () => {
    expect(named([["A1", "B2"], ["C3"], ["B2"]], [["C3", "B2", "A1"]])).toEqual([[0, [0, 1, 2]]]);
  });

  it("takes a debit listing a reference twice once", () => {
    expect(named([["INV1", "INV1"]], [["INV1"]])).toEqual([[0, [0]]]);
  });

  it("does not link through voucher numbers (记-12, 收字第3号), which every line of a voucher shares", () => {
    expect(named([["记-12"], ["收字第3号"]], [["记-12"], ["收字第3号"]])).toEqual([]);
  });

  it("looks only at the first debitCount and creditCount slots of reused buffers", () => {
    const out: number[] = [];
    namedDebits([["A1"], ["A1"]], 1, [["A1"], ["A1"]], 1, (c, targets) => out.push(c, ...targets));
    expect(out).toEqual([0, 0]);
  });

  it("is the order settle pays in: a receipt naming two invoices pays the older first, then first in first out", () => {
    const result = settle(
      [
        { amount: fen(100), refs: ["X1"] },
        { amount: fen(300), refs: ["INV2"] },
        { amount: fen(200), refs: ["INV3"] },
      ],
      [{ amount: fen(350), refs: ["INV3", "INV2"] }],
    );
    // INV2 (older) takes 300, INV3 the 50 left; X1, named by nothing, stays open.
    expect(result).toEqual({ debitOpen: [100, 0, 150], creditOpen: [0] });
  });
});

describe("rowLinks: the references a row settles by", () => {
  const refsOf = (found: string[][], one: (string | null)[]) => ({ refsAt: (i: number) => found[i], refAt: (i: number) => one[i] });

  it("takes the references found on the row, else its one reference, else none", () => {
    const refs = refsOf([["INV4", "SK-2"], [], []], ["SK-2", "INV5", null]);
    expect([0, 1, 2].map((i) => rowLinks(refs, i))).toEqual([["INV4", "SK-2"], ["INV5"], []]);
  });
});
