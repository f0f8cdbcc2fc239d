/**
 * Sheet names are matched whatever their case, as Excel matches them, everywhere the command line takes
 * one: `--sheet`, `--sheets`, `--template FILE#SHEET`, the one sheet of a CSV file and the sheets of an .xls
 * workbook; what is printed is the name as the workbook writes it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { twinSheetsBytes } from "../fixtures/twin-sheets";
import { CsvWorkbook } from "../../src/xlsx/csv-workbook";
import { XlsWorkbook } from "../../src/xlsx/xls";
import * as XLSX from "@e965/xlsx";
import { PortError } from "../../src/port/workbook";
import { run } from "./support";

const LEDGER = [
  ["日期", "客户名称", "单号", "摘要", "借方", "贷方"],
  ["2026-10-08", "华南建材", "XS-1", "销售", 107000.53, null],
  ["2026-11-10", "鑫达五金", "XS-3", "销售", 16409.02, null],
];
const CSV = "日期,客户名称,单号,摘要,借方,贷方\n2026-10-08,华南建材,XS-1,销售,1000.00,\n2026-11-05,华南建材,SK-1,收款,,400.00\n";

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-case-"));
  await XlsxWorkbook.fromSpecs([
    { name: "Sales-10", rows: LEDGER as never },
    { name: "Sales-11", rows: [LEDGER[0]] as never },
  ]).save(path.join(dir, "ledger.xlsx"));
  await XlsxWorkbook.fromSpecs([
    { name: "Notes", rows: [["说明"]] },
    { name: "My Letter", rows: [["致：{{客户名称}}"], ["{{余额大写}}"]] },
  ]).save(path.join(dir, "tpl.xlsx"));
  fs.writeFileSync(path.join(dir, "Ledger.csv"), CSV);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("--template FILE#SHEET finds the template sheet whatever its case", async () => {
  const r = await run(["letters", "--ledger", "ledger.xlsx", "--sheet", "Sales-10", "--as-of", "2026-11-30", "--template", "tpl.xlsx#my letter", "--out", "x.xlsx"], dir);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const out = await XlsxWorkbook.open(path.join(dir, "x.xlsx"));
  const letters = await out.readSheet("对账函 2026-11-30");
  expect(letters.values.flat()).toContain("致：华南建材");
  // A sheet that is not there under any case is still refused, naming the sheets there are.
  const none = await run(["letters", "--ledger", "ledger.xlsx", "--sheet", "Sales-10", "--as-of", "2026-11-30", "--template", "tpl.xlsx#my letters"], dir);
  expect(none.code).toBe(2);
  expect(none.err).toContain("my letters");
  expect(none.err).toContain("My Letter");
});

test("a CSV file's one sheet is named in any case, as on the command line", async () => {
  const wb = CsvWorkbook.fromBytes(new TextEncoder().encode(CSV), "Ledger");
  expect((await wb.readSheet("LEDGER")).sheet).toBe("Ledger");
  expect((await wb.readRows("ledger")).sheet).toBe("Ledger");
  await expect(wb.readSheet("Ledger2")).rejects.toEqual(new PortError("no_sheet", "Ledger2"));
  const r = await run(["read", "Ledger.csv", "--sheet", "LEDGER", "--json"], dir);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)).toMatchObject({ sheet: "Ledger", counts: { entries: 2 } });
});

test("--sheet and --sheets match a workbook's sheets whatever their case and print the workbook's names", async () => {
  const one = await run(["read", "ledger.xlsx", "--sheet", "sales-10", "--json"], dir);
  expect(one.code).toBe(0);
  expect(JSON.parse(one.out)).toMatchObject({ sheet: "Sales-10", counts: { entries: 2 } });
  const glob = await run(["read", "ledger.xlsx", "--sheets", "SALES-*", "--json"], dir);
  expect(glob.code).toBe(0);
  expect(JSON.parse(glob.out).sheets).toEqual(["Sales-10", "Sales-11"]);
  const named = await run(["read", "ledger.xlsx", "--sheet", "SALES-10", "--sheet", "sales-11", "--json"], dir);
  expect(named.code).toBe(0);
  expect(JSON.parse(named.out).sheets).toEqual(["Sales-10", "Sales-11"]);
  const twice = await run(["read", "ledger.xlsx", "--sheet", "Sales-10", "--sheet", "SALES-10"], dir);
  expect(twice.code).toBe(2);
  expect(twice.err).toContain("SALES-10");
  // Not there in any case: the sheets there are, listed as each language lists.
  const none = await run(["read", "ledger.xlsx", "--sheet", "Sales-12", "--lang", "en"], dir);
  expect(none.err).toBe('duizhang: no sheet "Sales-12" in ledger.xlsx (sheets: Sales-10, Sales-11)\n');
  const noGlob = await run(["read", "ledger.xlsx", "--sheets", "2026-*"], dir);
  expect(noGlob.err).toBe("duizhang: ledger.xlsx 中没有与“2026-*”相符的工作表（有：Sales-10、Sales-11）\n");
  const noGlobEn = await run(["read", "ledger.xlsx", "--sheets", "2026-*", "--lang", "en"], dir);
  expect(noGlobEn.err).toBe('duizhang: no sheet of ledger.xlsx matches "2026-*" (sheets: Sales-10, Sales-11)\n');
});

test("an .xls workbook's sheets are named in any case too", async () => {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(LEDGER), "Sales-10");
  const wb = await XlsWorkbook.openBytes(XLSX.write(book, { bookType: "biff8", type: "buffer" }) as Buffer, "old.xls");
  expect((await wb.readSheet("SALES-10")).sheet).toBe("Sales-10");
  await expect(wb.readSheet("Sales-11")).rejects.toEqual(new PortError("no_sheet", "Sales-11"));
});

/**
 * A workbook another program made with two sheets whose names differ only in case (Excel itself never holds
 * such a pair): named as the workbook writes it, each is its own sheet; named in a third spelling, it could be
 * either, and is refused naming both, never one of them read in its place.
 */
describe("two sheets whose names differ only in case", () => {
  const twins = (): Promise<Buffer> =>
    twinSheetsBytes({ name: "Data", rows: LEDGER as never }, { rows: [LEDGER[0], ["2026-12-01", "鑫达五金", "XS-9", "销售", 50, null]] as never }, "DATA");

  beforeAll(async () => fs.writeFileSync(path.join(dir, "twins.xlsx"), await twins()));

  test("the command line reads each by its own spelling, both by a glob or by name, and refuses a third spelling naming both", async () => {
    const data = await run(["read", "twins.xlsx", "--sheet", "Data", "--json"], dir);
    expect(JSON.parse(data.out)).toMatchObject({ sheet: "Data", counts: { entries: 2 } });
    const upper = await run(["read", "twins.xlsx", "--sheet", "DATA", "--json"], dir);
    expect(JSON.parse(upper.out)).toMatchObject({ sheet: "DATA", counts: { entries: 1 } });
    const glob = await run(["read", "twins.xlsx", "--sheets", "d*", "--json", "--entries"], dir);
    expect(glob.code).toBe(0);
    const read = JSON.parse(glob.out) as { sheets: string[]; entries: { sheet: string; ref: string | null }[] };
    expect(read.sheets).toEqual(["Data", "DATA"]);
    expect(read.entries.map((e) => [e.sheet, e.ref])).toEqual([
      ["Data", "XS-1"],
      ["Data", "XS-3"],
      ["DATA", "XS-9"],
    ]);
    const both = await run(["read", "twins.xlsx", "--sheet", "DATA", "--sheet", "Data", "--json"], dir);
    expect(JSON.parse(both.out).sheets).toEqual(["DATA", "Data"]);

    const third = await run(["read", "twins.xlsx", "--sheet", "data"], dir);
    expect([third.code, third.out]).toEqual([2, ""]);
    expect(third.err).toBe("duizhang: twins.xlsx 中有几张工作表的名称只差大小写（Data、DATA），工作表名称又不分大小写（与 Excel 相同），“data”分不清指的是哪一张：请照工作簿里的写法逐字写出名称，或在生成这个文件的程序里把其中一张改名后再试\n");
    const en = await run(["read", "twins.xlsx", "--sheet", "data", "--lang", "en"], dir);
    expect(en.err).toContain('"data" could be any of the sheets Data, DATA of twins.xlsx');
  });

  test("the workbook port reads each by its own spelling and refuses a third spelling naming both", async () => {
    // (ExcelJS itself will not load such a file, so this is the port reading the sheets' XML.)
    const wb = await XlsxWorkbook.openBytes(await twins(), path.join(dir, "twins.xlsx"), "twins.xlsx");
    expect((await wb.readSheet("DATA")).values.flat()).toContain("XS-9");
    expect((await wb.readSheet("Data")).values.flat()).toContain("XS-1");
    for (const read of [() => wb.readSheet("data"), () => wb.readRows("dAtA")]) {
      const e = await read().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(PortError);
      expect((e as PortError).code).toBe("no_sheet");
      expect((e as PortError).said).toMatchObject({ code: "sheet.ambiguous", params: { file: "twins.xlsx", sheets: ["Data", "DATA"] } });
    }
    // The whole workbook (to copy a sheet into a result, or mark it) cannot be had: said as what it is, not as a damaged file.
    const load = await wb.load().catch((x: unknown) => x);
    expect(load).toBeInstanceOf(PortError);
    expect((load as PortError).said).toEqual({ code: "xlsx.sheet_twins", params: { file: "twins.xlsx", sheets: ["Data", "DATA"] } });
  });

  test("a result copying such a workbook's sheet is refused naming the sheets and what to do", async () => {
    fs.writeFileSync(path.join(dir, "stmt.csv"), "日期,单号,摘要,金额\n2026-10-08,XS-1,销售,107000.53\n");
    const r = await run(["reconcile", "--ledger", "twins.xlsx", "--ledger-sheet", "Data", "--statement", "stmt.csv", "--dealer", "华南建材", "--out", "r.xlsx"], dir);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toContain("twins.xlsx 中有几张工作表的名称只差大小写（Data、DATA），Excel 不允许这样");
    expect(fs.existsSync(path.join(dir, "r.xlsx"))).toBe(false);
  });
});
