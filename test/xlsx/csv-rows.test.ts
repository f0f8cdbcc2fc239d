/**
 * A UTF-8 CSV file's rows, built one at a time from its bytes, are the rows its decoded text parses to
 * (`parseCsv`, blank cells null, rows by line number): also past the point where a column that does
 * not repeat its values (references, amounts) stops being looked up among its earlier cells.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/core/model";
import { gridValues } from "../../src/core/read";
import { textPathRows } from "../fixtures/csv";
import { csvToSheetGrid } from "../../src/xlsx/csv";

function builtRows(bytes: Uint8Array): CellValue[][] {
  const grid = csvToSheetGrid(bytes, "s");
  expect("rows" in grid).toBe(true);
  return gridValues(grid);
}

/** Rows built into one reused array (as the reader asks for them) give the same cells. */
function reusedRows(bytes: Uint8Array): CellValue[][] {
  const grid = csvToSheetGrid(bytes, "s");
  if (!("rows" in grid)) throw new Error("expected a row source");
  const into: CellValue[] = [];
  const out: CellValue[][] = [];
  for (let i = 0; i < grid.rows.length; i++) out.push([...grid.rows.row(i, into)]);
  return out;
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

describe("UTF-8 CSV rows from the bytes", () => {
  test("a ledger of 10,000 rows: repeated dealers and dates, unique references and amounts, blanks and spaces", () => {
    const lines = ["客户名称,日期,单号,摘要,借方,贷方"];
    for (let i = 0; i < 10_000; i++) {
      const dealer = i % 7 === 0 ? "" : `经销商${String(i % 50).padStart(3, "0")}`;
      const date = `2026-0${1 + (i % 9)}-1${i % 10}`;
      const ref = i % 5 === 0 ? "  " : i % 11 === 0 ? `"XS,${i}"` : `XSCK-${i}`;
      const desc = i % 3 === 0 ? "销售出库" : i % 3 === 1 ? " 收到货款 " : `备注 ${i} 号`;
      lines.push([dealer, date, ref, desc, i % 2 === 0 ? `${i}.5` : "", i % 2 === 1 ? `${i * 3}` : "\u3000"].join(","));
    }
    const bytes = utf8(lines.join("\r\n") + "\r\n");
    const expected = textPathRows(bytes);
    expect(builtRows(bytes)).toEqual(expected);
    expect(reusedRows(bytes)).toEqual(expected);
  });

  test("past the point where references stop being looked up: quoted cells with line breaks and quotes, blank-looking cells, a BOM", () => {
    const lines = ["\uFEFF客户名称,日期,单号,摘要,借方"];
    for (let i = 0; i < 12_000; i++) {
      // Every column but the dealer's and the date's hardly repeats: each stops being looked up early on.
      const ref = i % 9 === 0 ? `"XS\r\n${i}"` : i % 13 === 0 ? `"说""明"" ${i}"` : i % 17 === 0 ? "\u3000\u3000" : i % 19 === 0 ? " " : `XSCK-${i}`;
      const desc = i % 4 === 0 ? `"第${i}行\n备注"` : i % 4 === 1 ? `货款${i}` : i % 4 === 2 ? "" : `"${i},${i + 1}"`;
      lines.push([`经销商${i % 30}`, `2026-03-${10 + (i % 18)}`, ref, desc, `${i}.${i % 100}`].join(","));
    }
    const bytes = utf8(lines.join("\r\n") + "\r\n");
    const expected = textPathRows(bytes);
    expect(expected.length).toBeGreaterThan(12_000);
    expect(builtRows(bytes)).toEqual(expected);
    expect(reusedRows(bytes)).toEqual(expected);
  });

  test("any small file of a few repeating and non-repeating fields, quoted or not", () => {
    const field = fc.oneof(
      fc.constantFrom("", " ", "甲", "乙公司", "2026-01-05", "1,234.50", "\u3000", "a\"b"),
      fc.string({ maxLength: 6 }),
      fc.string({ maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const row = fc.array(field, { minLength: 1, maxLength: 5 }).map((cells) => cells.map((c) => c.replace(/[\r\n]/g, "")).join(","));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.constantFrom("\n", "\r\n"), (rows, eol) => {
        const text = rows.join(eol) + (rows.length > 0 ? eol : "");
        const bytes = utf8(text);
        const grid = csvToSheetGrid(bytes, "s");
        // A file that is no valid UTF-8 (a lone surrogate) takes the text path: nothing to compare.
        if (!("rows" in grid)) return;
        expect(gridValues(grid)).toEqual(textPathRows(bytes));
      }),
      { numRuns: 300 },
    );
  });

  test("any line ends: CR, LF and CR LF, inside quotes or not, and a last record with no line end or an open quote", () => {
    const piece = fc.constantFrom("a", "甲", ",", '"', '""', "\r", "\n", "\r\n", " ", "12");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        // A header gives the file its delimiter; what follows it may end anywhere, even inside a quote.
        const bytes = utf8(`日期,金额\n${pieces.join("")}`);
        expect(builtRows(bytes)).toEqual(textPathRows(bytes));
      }),
      { numRuns: 1000 },
    );
  });
});
