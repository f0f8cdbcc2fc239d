/**
 * The .xls port: old-format workbooks as ERP systems and LibreOffice write them, read through the same
 * reader as .xlsx, and bounded when the file is hostile.
 */
import * as XLSX from "@e965/xlsx";
import { readGrid, entriesOf } from "../../src/core/read";
import { parseXls, XLS_LIMITS, XlsWorkbook } from "../../src/xlsx/xls";
import { erpLikeXls } from "./xls-fixtures";
import { isWritable, writableOr } from "../../src/port/workbook";

describe("an .xls workbook from an ERP-like writer", () => {
  test("sheets, hidden state, merged title and text dates read as the reader expects", async () => {
    const wb = await XlsWorkbook.openBytes(erpLikeXls(), "erp.xls");
    const sheets = await wb.listSheets();
    expect(sheets.map((s) => [s.name, s.visible, s.rowCount, s.columnCount])).toEqual([
      ["明细账", true, 7, 7],
      ["说明", false, 1, 1],
    ]);
    const grid = await wb.readSheet("明细账");
    // The merged title is in its top-left cell only.
    expect(grid.values[0]).toEqual(["应收账款明细账", null, null, null, null, null, null]);
    const r = readGrid(grid);
    expect(r.dealer).toBe("美达商贸有限公司");
    expect(r.headerRows).toEqual([3]);
    expect(r.openingBalance).toBe(100000);
    expect(entriesOf(r.table).map((e) => [e.sheet, e.row, e.date, e.amount])).toEqual([
      ["明细账", 5, "2026-07-05", 250050],
      ["明细账", 6, "2026-07-18", -150000],
    ]);
    expect(r.closingBalance).toBe(200050);
    expect(r.balanceCheck.firstMismatchRow).toBeNull();
    expect(r.skipped.find((s) => s.row === 7)?.reason).toBe("total");
  });

  test("date-formatted numbers become dates, in the 1900 system and across the 1900 leap-year gap", async () => {
    const ws = XLSX.utils.aoa_to_sheet([["日期", "金额"], [46212, 1], [59, 2], [61, 3]]);
    for (const a of ["A2", "A3", "A4"]) ws[a].z = "yyyy-mm-dd";
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "S");
    const port = await XlsWorkbook.openBytes(XLSX.write(wb, { bookType: "biff8", type: "buffer" }) as Buffer, "d.xls");
    const g = await port.readSheet("S");
    expect(g.values.slice(1).map((r) => (r[0] as Date).toISOString().slice(0, 10))).toEqual(["2026-07-09", "1900-02-28", "1900-03-01"]);
    expect(g.values[1][1]).toBe(1);
  });

  test("an .xls workbook is one to read, never to write: it has no way to be written, and a use case asking for one is refused", async () => {
    const wb = await XlsWorkbook.openBytes(erpLikeXls(), "erp.xls");
    expect(isWritable(wb)).toBe(false);
    expect("writeSheet" in wb || "markRows" in wb).toBe(false);
    expect(() => writableOr(wb, "erp.xls")).toThrow(expect.objectContaining({ code: "unsupported", detail: "erp.xls" }));
  });
});

describe("a hostile .xls file is stopped, never hangs", () => {
  test("a truncated file is corrupt", async () => {
    const bytes = erpLikeXls();
    await expect(parseXls(bytes.subarray(0, 1200))).rejects.toMatchObject({ reason: "corrupt" });
  });

  test("a file over the size cap is refused before parsing", async () => {
    await expect(parseXls(erpLikeXls(), { ...XLS_LIMITS, maxBytes: 1000 })).rejects.toMatchObject({ reason: "too_large", detail: `${erpLikeXls().length} bytes` });
  });

  test("a parse that runs past its time limit is stopped", async () => {
    const started = Date.now();
    await expect(parseXls(erpLikeXls(), { ...XLS_LIMITS, timeoutMs: 1 })).rejects.toMatchObject({ reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test("more cells than the cap is too large", async () => {
    await expect(parseXls(erpLikeXls(), { ...XLS_LIMITS, maxCells: 10 })).rejects.toMatchObject({ reason: "too_large" });
  });
});
