import fc from "fast-check";
import { fen as asFen, fenToYuan, formatFen, formatFenGrouped } from "../../src/core/money";
import type { CellValue, Grid } from "../../src/core/model";
import { readGrid, entriesOf } from "../../src/core/read";
import { parseAmount } from "../../src/core/values/amount";

const junkCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("日期", "摘要", "借方", "贷方", "余额", "方向", "期初余额", "合计", "客户", "月", "日", "2026年", "借", "贷", "¥1,2", "(", "-"),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
);

describe("reader properties", () => {
  test("grids of random junk never make the reader throw", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(junkCell, { maxLength: 9 }), { maxLength: 25 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (values, top, left, date1904) => {
          const r = readGrid({ sheet: "J", top, left, values, date1904, hiddenRows: [top + 1] });
          expect(Number.isSafeInteger(r.closingBalance)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  const dataRow = fc.record({
    dealer: fc.constantFrom("美达商贸", "宏达电器", "金桥五金"),
    day: fc.integer({ min: 1, max: 28 }),
    debit: fc.integer({ min: 0, max: 10_000_000 }),
    credit: fc.integer({ min: 0, max: 10_000_000 }),
    ref: fc.stringMatching(/^[A-Z]{2}-\d{4}$/),
  });

  test("shuffling the non-header rows never changes the set of entries", () => {
    fc.assert(
      fc.property(fc.array(dataRow, { minLength: 1, maxLength: 30 }), fc.integer(), (rows, seed) => {
        const body: CellValue[][] = rows.map((r) => [r.dealer, `2026-03-${String(r.day).padStart(2, "0")}`, r.ref, "发货", r.debit / 100, formatFen(asFen(r.credit))]);
        body.push([null, null, null, "合计", null, null]);
        const shuffled = [...body];
        let s = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) & 0x7fffffff;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        const header = ["客户名称", "日期", "单号", "摘要", "发货金额", "回款金额"];
        const grid = (b: CellValue[][]): Grid => ({ sheet: "P", top: 1, left: 1, values: [["往来明细"], header, ...b] });
        const key = (g: Grid) =>
          entriesOf(readGrid(g).table)
            .map((e) => JSON.stringify([e.dealer, e.date, e.ref, e.refs, e.amount]))
            .sort();
        expect(key(grid(shuffled))).toEqual(key(grid(body)));
      }),
      { numRuns: 150 },
    );
  });

  test("amounts survive format → parse unchanged in every written form", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (fen) => {
        const abs = formatFenGrouped(asFen(Math.abs(fen)));
        const forms: CellValue[] = [
          formatFen(asFen(fen)),
          formatFenGrouped(asFen(fen)),
          fenToYuan(asFen(fen)),
          `¥${formatFenGrouped(asFen(fen))}`,
          fen < 0 ? `(${abs})` : abs,
          formatFen(asFen(fen)).replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
        ];
        for (const form of forms) expect(parseAmount(form)).toEqual({ ok: true, fen, blank: false });
      }),
      { numRuns: 200 },
    );
  });
});
