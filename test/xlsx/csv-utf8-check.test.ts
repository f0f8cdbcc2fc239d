/**
 * A CSV file without a BOM is UTF-8 when its bytes are well-formed UTF-8, else GB18030: the check is
 * made in the pass that finds the file's records, and must agree with Node's own `isUtf8` on any bytes.
 */
import { isUtf8 } from "buffer";
import fc from "fast-check";
import { gridValues } from "../../src/core/read";
import { textPathRows } from "../fixtures/csv";
import { csvToSheetGrid, detectCsvEncoding } from "../../src/xlsx/csv";

/** Byte sequences around the edges of UTF-8: overlongs, surrogates, the last code point and past it, cut-short characters. */
const edgy = fc.constantFrom(
  [0xc0, 0x80], [0xc1, 0xbf], [0xc2, 0x80], [0xdf, 0xbf], [0xe0, 0x9f, 0x80], [0xe0, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xed, 0xa0, 0x80],
  [0xef, 0xbf, 0xbf], [0xf0, 0x8f, 0xbf, 0xbf], [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80],
  [0xe4, 0xb8], [0xe4], [0x80], [0xbf], [0xff], [0xe4, 0xb8, 0xad], [0xd6, 0xd0], [0xb9, 0xab, 0xcb, 0xbe],
);
const ascii = fc.constantFrom([0x2c], [0x0a], [0x0d, 0x0a], [0x22], [0x61], [0x31], [0x20], [0x3b], [0x09]);

describe("UTF-8 or GB18030, from the bytes", () => {
  test("any bytes: read as UTF-8 rows exactly when isUtf8 says so, and the rows are those of the text", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(edgy, ascii, ascii), { maxLength: 60 }), (parts) => {
        const bytes = new Uint8Array(Buffer.from(parts.flat()));
        const grid = csvToSheetGrid(bytes, "s");
        // A file that starts with a BOM is read by its BOM.
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return;
        if (bytes[0] === 0xff || bytes[0] === 0xfe) return;
        expect("rows" in grid).toBe(isUtf8(bytes));
        expect(detectCsvEncoding(bytes).encoding).toBe(isUtf8(bytes) ? "utf-8" : "gb18030");
        expect(gridValues(grid)).toEqual(textPathRows(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  test("a GBK file whose first bad byte comes after many UTF-8 looking lines is read as GB18030 throughout", () => {
    const lines: string[] = ["客户名称,日期,金额"];
    for (let i = 0; i < 500; i++) lines.push(`dealer${i},2026-01-05,${i}.00`);
    const head = Buffer.from(lines.join("\r\n") + "\r\n", "utf8");
    const gbk = Buffer.from([0xbe, 0xad, 0xcf, 0xfa, 0xc9, 0xcc, 0x2c, 0x31, 0x0d, 0x0a]); // 经销商,1
    const bytes = new Uint8Array(Buffer.concat([head, gbk]));
    const grid = csvToSheetGrid(bytes, "s");
    expect("rows" in grid).toBe(false);
    expect(gridValues(grid)).toEqual(textPathRows(bytes));
    expect(gridValues(grid)[501]).toEqual(["经销商", "1"]);
  });
});
