/**
 * What a file that cannot be read or written as asked says: every .xlsx failure (a damaged zip, a missing
 * part, an unknown compression, an encrypted part, a zip bomb, a sheet too large for .xlsx, the input as
 * the output) and a result asked of a file that can only be read are messages in Chinese and English,
 * naming the file or sheet and what to do, on the port's error and on the command line.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { CsvWorkbook } from "../../src/xlsx/csv-workbook";
import { PortError, writableOr, type ReadableWorkbook } from "../../src/port/workbook";
import { both } from "../../src/messages/render";
import { msg } from "../../src/core/messages";
import { minimalWorkbook, writeZip, deflatedZeros, type ZipPart } from "./zip-fixtures";
import { run } from "../cli/support";

const SHEET = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c><c r="B1"><v>1</v></c></row></sheetData>`;

/** What the port's error says in both languages. */
async function saidWhenOpened(bytes: Uint8Array, label = "台账.xlsx"): Promise<{ code: string; zh: string; en: string }> {
  try {
    await XlsxWorkbook.openBytes(bytes, "/tmp/x.xlsx", label);
  } catch (e) {
    expect(e).toBeInstanceOf(PortError);
    const p = e as PortError;
    expect(p.detail).toBe(label);
    expect(p.said).toBeDefined();
    return { code: p.code, ...both(p.said!) };
  }
  throw new Error("opened");
}

/** The bytes with one field of every header of `part` changed (local header at `local`, central at `central`). */
function patched(parts: ZipPart[], part: string, local: number, central: number, write: (b: Buffer, at: number) => void): Buffer {
  const bytes = Buffer.from(writeZip(parts));
  const name = Buffer.from(part, "utf8");
  for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
    if (bytes.readUInt32LE(at - 30) === 0x04034b50) write(bytes, at - 30 + local);
    else if (bytes.readUInt32LE(at - 46) === 0x02014b50) write(bytes, at - 46 + central);
  }
  return bytes;
}

describe("an .xlsx file that cannot be read says which file, what is wrong and what to do", () => {
  test("a zip cut short: its directory is missing", async () => {
    const whole = writeZip(minimalWorkbook(SHEET));
    const said = await saidWhenOpened(whole.subarray(0, whole.length - 30));
    expect(said.code).toBe("io");
    expect(said.zh).toBe(
      "无法读取 台账.xlsx：不是有效的 .xlsx 文件（压缩包目录缺失或损坏；文件可能已损坏或不完整）。请在 Excel 中打开，确认内容无误后另存为新的 .xlsx 文件再试；若文件是系统导出或下载的，请重新导出或下载",
    );
    expect(said.en).toContain("cannot read 台账.xlsx: not a valid .xlsx file (its zip directory is missing or damaged; it may be damaged or incomplete). Open it in Excel");
  });

  test("a zip without the workbook part, one with a sheet part left out, a part failing its checksum, an unknown compression", async () => {
    const parts = minimalWorkbook(SHEET);
    const noBook = await saidWhenOpened(writeZip(parts.filter((p) => p.name !== "xl/workbook.xml")));
    expect(noBook.zh).toContain("（缺少部件“xl/workbook.xml”；");
    expect(noBook.en).toContain("(part xl/workbook.xml is missing;");
    const noSheet = await saidWhenOpened(writeZip(parts.filter((p) => p.name !== "xl/worksheets/sheet1.xml")));
    expect(noSheet.zh).toContain("缺少部件“xl/worksheets/sheet1.xml”");
    const sheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
    const raw = Buffer.from(sheet.data as string, "utf8");
    const badCrc = parts.map((p) => (p === sheet ? { ...p, deflated: { bytes: zlib.deflateRawSync(raw), size: raw.length, crc: 12345 } } : p));
    const crc = await saidWhenOpened(writeZip(badCrc));
    expect(crc.zh).toContain("（部件“xl/worksheets/sheet1.xml”无法解压；");
    expect(crc.en).toContain("(part xl/worksheets/sheet1.xml cannot be unpacked;");
    const method = await saidWhenOpened(patched(parts, "xl/worksheets/sheet1.xml", 8, 10, (b, at) => b.writeUInt16LE(14, at)));
    expect(method.zh).toContain("部件“xl/worksheets/sheet1.xml”使用了不支持的压缩方式 14");
    expect(method.en).toContain("part xl/worksheets/sheet1.xml uses compression method 14, which is not supported");
  });

  test("an encrypted part", async () => {
    const said = await saidWhenOpened(patched(minimalWorkbook(SHEET), "xl/workbook.xml", 6, 8, (b, at) => b.writeUInt16LE(b.readUInt16LE(at) | 1, at)));
    expect(said.code).toBe("io");
    // A zip password, which Excel neither sets nor opens: the way out is the program that made the file, not Excel.
    expect(said.zh).toBe(
      "台账.xlsx 的部件“xl/workbook.xml”设了压缩包密码，无法读取（Excel 的打开密码不是这样加的，Excel 也打不开它）：请在生成或发来这个文件的程序里去掉密码后重新保存，或向对方要一份不带密码的 .xlsx 文件再试",
    );
    expect(said.en).toContain("part xl/workbook.xml of 台账.xlsx is locked with a zip password and cannot be read");
    expect(said.en).not.toContain("Protect Workbook");
  });

  test("zip bombs: past the total, past the ratio, past the declared size", async () => {
    const parts = minimalWorkbook(SHEET);
    const total = await saidWhenOpened(writeZip([...parts, { name: "xl/media/a.bin", data: "", deflated: deflatedZeros(1), declaredSize: 0xfffff000 }]));
    expect(total.code).toBe("too_large");
    expect(total.zh).toMatch(/^台账\.xlsx 解压后的内容远超任何真实工作簿（解压后合计超过 1 GB），可能是恶意构造的压缩包，已拒绝读取。若它确是工作簿，请/);
    expect(total.en).toMatch(/^台账\.xlsx inflates far beyond any real workbook \(over 1 GB in all\): it may be a zip bomb and was not read\. If it really is a workbook/);
    const ratio = await saidWhenOpened(writeZip([...parts, { name: "xl/media/a.bin", data: "", deflated: deflatedZeros(64) }]));
    expect(ratio.zh).toMatch(/（部件“xl\/media\/a\.bin”的压缩比达 \d+:1）/);
    expect(ratio.en).toMatch(/\(part xl\/media\/a\.bin is compressed \d+ to 1\)/);
    const zeros = deflatedZeros(64);
    const lying = await saidWhenOpened(writeZip([...parts.filter((p) => p.name !== "xl/worksheets/sheet1.xml"), { name: "xl/worksheets/sheet1.xml", data: "", deflated: { ...zeros, size: 1024 * 1024 } }]));
    expect(lying.zh).toContain("（部件“xl/worksheets/sheet1.xml”解压后超过它声明的大小）");
    expect(lying.en).toContain("(part xl/worksheets/sheet1.xml inflates past the size it declares)");
  });

  test("a part damaged outside the sheets is said when the whole workbook is loaded", async () => {
    const raw = Buffer.from("<Properties/>", "utf8");
    const bytes = writeZip([...minimalWorkbook(SHEET), { name: "docProps/app.xml", data: "", deflated: { bytes: zlib.deflateRawSync(raw), size: raw.length, crc: 1 } }]);
    const x = await XlsxWorkbook.openBytes(bytes, "/tmp/x.xlsx", "台账.xlsx");
    await expect(x.load()).rejects.toMatchObject({ code: "io", detail: "台账.xlsx", said: msg("xlsx.damaged", { file: "台账.xlsx", why: msg("xlsx.damaged.part", { part: "docProps/app.xml" }) }) });
  });
});

describe("writing: a sheet too large for .xlsx, and the input as the output", () => {
  test("a result sheet past 1,048,576 rows names the sheet, both limits and what to do", async () => {
    const row: never[] = [];
    const rows = new Array(1_048_577).fill(row);
    const wb = XlsxWorkbook.create();
    const refused = wb.writeSheet({ name: "催款计划", rows });
    await expect(refused).rejects.toMatchObject({ code: "too_large", detail: "催款计划" });
    const said = both(((await refused.catch((e: unknown) => e)) as PortError).said!);
    expect(said.zh).toBe("工作表“催款计划”有 1,048,577 行 × 0 列，超出 .xlsx 工作表的上限（1,048,576 行 × 16,384 列），无法写入结果工作簿：请缩小范围（例如只选一个经销商或更短的期间）后再试");
    expect(said.en).toBe('sheet "催款计划" has 1,048,577 rows × 0 columns, more than an .xlsx sheet holds (1,048,576 × 16,384), so it cannot be written to the result workbook: narrow it (one dealer, or a shorter period) and try again');
  });

  test("saving over the file it was opened from is refused, naming it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-said-"));
    try {
      const file = path.join(dir, "台账.xlsx");
      fs.writeFileSync(file, writeZip(minimalWorkbook(SHEET)));
      const x = await XlsxWorkbook.open(file);
      const refused = await x.save(file).catch((e: unknown) => e as PortError);
      expect(both(refused!.said!)).toEqual({
        zh: `${file} 是输入文件，对账助手从不写入输入文件：请为结果另选一个文件名`,
        en: `${file} is the input file, and Duizhang never writes into its input: choose another name for the result`,
      });
      const missing = (await XlsxWorkbook.open(path.join(dir, "无.xlsx")).catch((e: unknown) => e)) as PortError;
      expect(both(missing.said!).zh).toBe(`找不到文件：${path.join(dir, "无.xlsx")}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a result asked of a file that can only be read", () => {
  test("says which sheet, which kind of file, what was attempted and what to do instead", () => {
    const csv = CsvWorkbook.fromBytes(Buffer.from("日期,单号,金额\n2026-10-01,XS-1,100\n", "utf8"), "台账");
    let error: PortError | null = null;
    try {
      writableOr(csv, "台账", msg("port.action.letters", {}));
    } catch (e) {
      error = e as PortError;
    }
    expect(error).toMatchObject({ code: "unsupported", detail: "台账" });
    expect(both(error!.said!)).toEqual({
      zh: "工作表“台账”所在的文件（CSV 文件）只能读取，无法写入对账函和函证登记簿：请另给一个 .xlsx 工作簿接收结果（命令行加 --out 结果.xlsx），或在 Excel 中把它另存为 .xlsx 后再试",
      en: 'sheet "台账" is in a CSV file, which can only be read, so Duizhang cannot write the confirmation letters and the register there: give an .xlsx workbook for the results (on the command line, --out RESULT.xlsx), or save the file as .xlsx in Excel and try again',
    });
    // An .xls workbook, and a read-only workbook of no named kind, with the default action.
    const xls = { ...readOnly(), readOnlyKind: "xls" as const };
    expect(() => writableOr(xls, "2026-08")).toThrow(expect.objectContaining({ said: msg("port.read_only", { sheet: "2026-08", kind: msg("port.kind.xls", {}), action: msg("port.action.results", {}) }) }));
    expect(() => writableOr(readOnly(), "台账")).toThrow(expect.objectContaining({ said: msg("port.read_only", { sheet: "台账", kind: msg("port.kind.other", {}), action: msg("port.action.results", {}) }) }));
  });
});

describe("on the command line", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-said-cli-"));
    const whole = writeZip(minimalWorkbook(SHEET));
    fs.writeFileSync(path.join(dir, "cut.xlsx"), whole.subarray(0, whole.length - 30));
    const raw = Buffer.from("<Properties/>", "utf8");
    const ledger = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c><c r="B1" t="inlineStr"><is><t>客户</t></is></c><c r="C1" t="inlineStr"><is><t>借方</t></is></c><c r="D1" t="inlineStr"><is><t>贷方</t></is></c></row><row r="2"><c r="A2" s="1"><v>46023</v></c><c r="B2" t="inlineStr"><is><t>甲公司</t></is></c><c r="C2"><v>100</v></c></row></sheetData>`;
    fs.writeFileSync(path.join(dir, "app.xlsx"), writeZip([...minimalWorkbook(ledger), { name: "docProps/app.xml", data: "", deflated: { bytes: zlib.deflateRawSync(raw), size: raw.length, crc: 1 } }]));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("a damaged file is one line naming the file as it was given, in the language asked", async () => {
    const zh = await run(["sheets", "cut.xlsx"], dir);
    expect([zh.code, zh.out]).toEqual([2, ""]);
    expect(zh.err).toBe("duizhang: 无法读取 cut.xlsx：不是有效的 .xlsx 文件（压缩包目录缺失或损坏；文件可能已损坏或不完整）。请在 Excel 中打开，确认内容无误后另存为新的 .xlsx 文件再试；若文件是系统导出或下载的，请重新导出或下载\n");
    const en = await run(["sheets", "cut.xlsx", "--lang", "en"], dir);
    expect(en.err).toMatch(/^duizhang: cannot read cut\.xlsx: not a valid \.xlsx file \(its zip directory is missing or damaged;/);
  });

  test("a part found damaged only when the workbook is loaded for --out is said the same way", async () => {
    const r = await run(["aging", "--ledger", "app.xlsx", "--as-of", "2026-03-31", "--out", "r.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "duizhang: 无法读取 app.xlsx：不是有效的 .xlsx 文件（部件“docProps/app.xml”无法解压；文件可能已损坏或不完整）。请在 Excel 中打开，确认内容无误后另存为新的 .xlsx 文件再试；若文件是系统导出或下载的，请重新导出或下载\n",
    );
    expect(fs.existsSync(path.join(dir, "r.xlsx"))).toBe(false);
  });
});

/** A workbook that can only be read, of no named kind. */
function readOnly(): ReadableWorkbook {
  return {
    capabilities: async () => ({ rangeAreas: false, pageLayout: false, kind: "xlsx" }),
    listSheets: async () => [],
    readSheet: async (name) => ({ sheet: name, top: 1, left: 1, values: [], hiddenRows: [], date1904: false }),
    readLayout: async () => ({ merges: [], columnWidths: [], rowHeights: [] }),
    getSetting: async () => undefined,
  };
}
