import * as iconv from "iconv-lite";
import { readGrid, entriesOf } from "../../src/core/read";
import { csvToGrid, detectCsvEncoding, parseCsv } from "../../src/xlsx/csv";
import { handmadeCsvGbk, handmadeCsvUtf8, handmadeCsvUtf8Bom } from "../fixtures/csv";
import { CsvWorkbook } from "../../src/xlsx/csv-workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { isWritable, writableOr } from "../../src/port/workbook";

describe("CSV files", () => {
  test("GBK, UTF-8 with a BOM and UTF-8 without one are told apart", () => {
    expect(detectCsvEncoding(handmadeCsvGbk)).toEqual({ encoding: "gb18030", bomLength: 0 });
    expect(detectCsvEncoding(handmadeCsvUtf8Bom)).toEqual({ encoding: "utf-8", bomLength: 3 });
    expect(detectCsvEncoding(handmadeCsvUtf8)).toEqual({ encoding: "utf-8", bomLength: 0 });
  });

  test.each([
    ["GBK", handmadeCsvGbk],
    ["UTF-8 with BOM", handmadeCsvUtf8Bom],
    ["UTF-8", handmadeCsvUtf8],
  ])("a %s file becomes the same grid, rows numbered by line", (_name, bytes) => {
    const grid = csvToGrid(bytes, "发货回款");
    expect(grid.top).toBe(1);
    expect(grid.left).toBe(1);
    expect(grid.values).toEqual([
      ["客户名称", "日期", "单号", "摘要", "发货金额", "回款金额", "账期(天)", "业务员"],
      ["美达商贸", "2026/1/5", "FH-001", "发货 电饭煲, 200台", "36000", null, "30", "张伟"],
      ["美达商贸", "2026/2/10", null, '回款 "工行"', null, "36,000.00", null, "张伟"],
      [null],
      ["宏达电器", "2026年1月9日", "00452301", "发货", "8,800.00", null, "60", "李娜"],
    ]);
  });

  test("the reader takes a GBK CSV like any sheet, keeping leading zeros of references", () => {
    const r = readGrid(csvToGrid(handmadeCsvGbk, "发货回款"));
    expect(entriesOf(r.table).map((e) => [e.row, e.dealer, e.date, e.ref, e.amount, e.termDays])).toEqual([
      [2, "美达商贸", "2026-01-05", "FH-001", 3600000, 30],
      [3, "美达商贸", "2026-02-10", null, -3600000, null],
      [5, "宏达电器", "2026-01-09", "00452301", 880000, 60],
    ]);
    expect(r.skipped).toEqual([{ row: 4, reason: "blank", text: "" }]);
  });

  test("a quoted field spanning lines keeps its first line's number; later rows keep theirs", () => {
    const { rows, lines } = parseCsv('a,b\r\n"x\r\ny",2\r\nz,3\r\n');
    expect(rows).toEqual([
      ["a", "b"],
      ["x\r\ny", "2"],
      ["z", "3"],
    ]);
    expect(lines).toEqual([1, 2, 4]);
  });

  test("Excel's Unicode text (UTF-16LE, tab-separated) is read too", () => {
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("日期\t借方\r\n2026-01-05\t100\r\n", "utf16le")]));
    expect(csvToGrid(bytes, "T").values).toEqual([
      ["日期", "借方"],
      ["2026-01-05", "100"],
    ]);
  });
});

describe("a CSV file is a workbook to read", () => {
  test("it reads as one sheet but has no way to be written or marked; an .xlsx workbook has both", async () => {
    const csv = CsvWorkbook.fromBytes(Buffer.from("日期,单号,金额\n2026-10-01,XS-1,100\n", "utf8"), "台账");
    expect((await csv.listSheets()).map((s) => [s.name, s.rowCount, s.columnCount])).toEqual([["台账", 2, 3]]);
    expect(await csv.getSetting("duizhang.ownedSheets")).toBeUndefined();
    expect(isWritable(csv)).toBe(false);
    expect(() => writableOr(csv, "台账.csv")).toThrow(expect.objectContaining({ code: "unsupported", detail: "台账.csv" }));
    expect(isWritable(XlsxWorkbook.create())).toBe(true);
  });
});
