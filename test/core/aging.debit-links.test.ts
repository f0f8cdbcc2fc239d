/**
 * The settle phase takes a debit's references only where its dealer's credits can use them (`DebitLinks`
 * in core/aging/phase-settle.ts). A reader's table (references found as they are asked for) and the same
 * entries as objects (every row's references given) must age alike, whatever the cells hold.
 */
import fc from "fast-check";
import { ageLedger } from "../../src/core/aging";
import type { CellValue } from "../../src/core/model";
import { entriesOf, readGrid } from "../../src/core/read";

const REF_CELLS = ["", "XS-0001", "xs1", "XS1", "HD00000012", "No.7", "发票号0012", "ＸＳ１", "INV4", "记-4", "HD00000099", "12"];
const DESCRIPTIONS = ["销售出库", "收到货款", "回款 INV4", "收款 XS1", "回款 HD12", "退货", "销售 XSCK 2026 0001", "付款", "回款 INV4/XS1"];

const rowArb = fc.record({
  dealer: fc.constantFrom("甲", "乙"),
  day: fc.integer({ min: 1, max: 28 }),
  ref: fc.constantFrom(...REF_CELLS),
  description: fc.constantFrom(...DESCRIPTIONS),
  yuan: fc.integer({ min: 1, max: 900 }),
  sale: fc.boolean(),
});

describe("a debit's references, taken only where a credit can use them", () => {
  test("a read table ages as its entries given as objects", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 30 }), (rows) => {
        const values: CellValue[][] = [["客户", "日期", "单号", "摘要", "借方", "贷方"]];
        for (const r of rows) values.push([r.dealer, `2026-10-${String(r.day).padStart(2, "0")}`, r.ref === "" ? null : r.ref, r.description, r.sale ? r.yuan : null, r.sale ? null : r.yuan]);
        const read = readGrid({ sheet: "明细账", top: 1, left: 1, values }, { side: "ledger" });
        const options = { asOf: "2026-12-01", defaultTermDays: 30 };
        const fromTable = ageLedger({ table: read.table, openings: read.openings }, options);
        const fromEntries = ageLedger({ entries: entriesOf(read.table), openings: read.openings }, options);
        expect(fromTable).toEqual(fromEntries);
      }),
      { numRuns: 300 },
    );
  });
});

describe("a dealer's debits settle by their own references only", () => {
  test("a reference of another dealer's debit at the same place does not draw a receipt", () => {
    const values: CellValue[][] = [
      ["客户", "日期", "单号", "摘要", "借方", "贷方"],
      ["乙", "2026-10-01", "HD00000012", "销售出库", 100, null],
      ["乙", "2026-10-02", "XS1", "销售出库", 100, null],
      ["乙", "2026-10-05", "XS1", "付款", null, 100],
      ["甲", "2026-10-01", "INV4", "销售出库", 100, null],
      ["甲", "2026-10-02", "HD00000099", "销售出库", 50, null],
      ["甲", "2026-10-03", "XS1", "付款", null, 50],
    ];
    const read = readGrid({ sheet: "明细账", top: 1, left: 1, values }, { side: "ledger" });
    const options = { asOf: "2026-12-01", defaultTermDays: 30 };
    const fromTable = ageLedger({ table: read.table, openings: read.openings }, options);
    const jia = fromTable.dealers.find((d) => d.dealer === "甲");
    // 甲 has no sale XS1: its receipt pays the oldest sale first.
    expect(jia?.items.map((item) => [item.ref, item.open])).toEqual([
      ["INV4", 5000],
      ["HD00000099", 5000],
    ]);
    expect(fromTable).toEqual(ageLedger({ entries: entriesOf(read.table), openings: read.openings }, options));
  });
});
