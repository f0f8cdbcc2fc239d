import { actionsDue, ageLedger, namedInText } from "../../src/core/aging";
import type { CellValue } from "../../src/core/model";
import { readGrid } from "../../src/core/read";

/** A many-dealer ledger as a hand-kept sheet has it: 单号 of its own on every row, the invoice named in 摘要. */
function aged(rows: CellValue[][], asOf = "2026-12-01") {
  const read = readGrid({ sheet: "明细账", top: 1, left: 1, values: [["客户", "日期", "单号", "摘要", "借方", "贷方"], ...rows] }, { side: "ledger" });
  expect(read.errors).toEqual([]);
  return ageLedger({ table: read.table, openings: read.openings }, { asOf, defaultTermDays: 30 });
}

const openRows = (report: ReturnType<typeof ageLedger>) => report.dealers.flatMap((d) => d.items.map((i) => [i.row, i.ref, i.open, i.stage]));

describe("a receipt that names an invoice in its 摘要 (核销 by name before first-in first-out)", () => {
  it("settles INV4 named by `回款 INV4` although the receipt has its own number, and chases the older invoice", () => {
    const report = aged([
      ["美达五金", "2026-09-01", "XS2609-001", "销售", 1000, null],
      ["美达五金", "2026-11-05", "INV4", "销售", 500, null],
      ["美达五金", "2026-11-20", "SK-002", "回款 INV4", null, 500],
    ]);
    // First-in first-out would have left 500 of INV4 open and half of the September invoice settled.
    expect(openRows(report)).toEqual([[2, "XS2609-001", 1000_00, "past_final"]]);
    expect(actionsDue(report, 7).map((i) => [i.row, i.nextAction.code])).toEqual([[2, "demand"]]);
  });

  it("settles XS2611-003 named by `收款 XS2611-003` and leaves the older invoice open", () => {
    const report = aged([
      ["成都蜀丰", "2026-08-15", "XS2608-010", "销售", 3000, null],
      ["成都蜀丰", "2026-11-03", "XS2611-003", "销售", 2000, null],
      ["成都蜀丰", "2026-11-25", "SK-118", "收款 XS2611-003", null, 2000],
    ]);
    expect(openRows(report)).toEqual([[2, "XS2608-010", 3000_00, "past_final"]]);
  });

  it("applies the rest of a receipt first-in first-out after the invoice it names", () => {
    const report = aged([
      ["美达五金", "2026-09-01", "XS2609-001", "销售", 1000, null],
      ["美达五金", "2026-10-01", "XS2610-002", "销售", 800, null],
      ["美达五金", "2026-11-05", "INV4", "销售", 500, null],
      ["美达五金", "2026-11-20", "SK-002", "回款 INV4", null, 700],
    ]);
    expect(openRows(report).map(([row, , open]) => [row, open])).toEqual([
      [2, 800_00],
      [3, 800_00],
    ]);
  });

  it("settles each invoice of `回款 INV4/INV5`", () => {
    const report = aged([
      ["美达五金", "2026-09-01", "XS2609-001", "销售", 1000, null],
      ["美达五金", "2026-11-05", "INV4", "销售", 500, null],
      ["美达五金", "2026-11-06", "INV5", "销售", 300, null],
      ["美达五金", "2026-11-20", "SK-002", "回款 INV4/INV5", null, 800],
    ]);
    expect(openRows(report).map(([row, , open]) => [row, open])).toEqual([[2, 1000_00]]);
  });

  it("takes a plain figure in the 摘要 as an amount, not as the invoice numbered so", () => {
    const report = aged([
      ["美达五金", "2026-09-01", "XS2609-001", "销售", 1000, null],
      ["美达五金", "2026-11-05", "2500", "销售", 500, null],
      ["美达五金", "2026-11-20", "SK-002", "收到货款 2500", null, 500],
    ]);
    expect(openRows(report).map(([row, , open]) => [row, open])).toEqual([
      [2, 500_00],
      [3, 500_00],
    ]);
  });

  it("names only another dealer's invoice: the receipt settles its own dealer's oldest invoice", () => {
    const report = aged([
      ["美达五金", "2026-11-05", "INV4", "销售", 500, null],
      ["成都蜀丰", "2026-09-01", "XS2609-001", "销售", 1000, null],
      ["成都蜀丰", "2026-11-20", "SK-002", "回款 INV4", null, 400],
    ]);
    expect(openRows(report).map(([row, , open]) => [row, open])).toEqual([
      [2, 500_00],
      [3, 600_00],
    ]);
  });
});

describe("namedInText", () => {
  it.each([
    ["回款 INV4", ["INV4"]],
    ["收款 XS2611-003", ["XS2611003"]],
    ["回款 INV4/INV5", ["INV4INV5", "INV4", "INV5"]],
    ["收到货款 2500 元", []],
    ["收款 2026-11-20", []],
    ["回款 A12", []],
    ["回款ＩＮＶ４", ["INV4"]],
  ])("%p names %p", (text, words) => {
    expect(namedInText(text)).toEqual(words);
  });
});
