/**
 * Files and options that once ended in a stack trace or a lost file. Each must now give one line on stderr
 * naming the file or option, exit 2, and leave the user's files as they were, or simply work.
 * The hostile files are built here, in a temporary folder.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import nodeFs from "fs";
import * as path from "path";
import { run, sampleDir, type Ran } from "./support";
import { hasXmlUnsafe } from "../../src/xlsx/xml-safe";
import { erpLikeXls } from "../xlsx/xls-fixtures";
import { deflatedZeros, minimalWorkbook, writeZip, type ZipPart } from "../xlsx/zip-fixtures";

let dir: string;
beforeAll(async () => {
  dir = await sampleDir();
  fs.writeFileSync(path.join(dir, "l.csv"), "日期,单号,摘要,借方,贷方\n2026-10-01,XS-1,销售,100.00,\n2026-10-05,XS-2,销售,50.00,\n");
  fs.writeFileSync(path.join(dir, "s.csv"), "日期,单据号,摘要,进货金额,付款金额\n2026-10-02,XS-1,进货,100.00,\n");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

const SAMPLE_PAIR = ["--ledger", "sample.xlsx", "--ledger-sheet", "应收明细账", "--statement", "sample.xlsx", "--statement-sheet", "美达对账单"];

function expectOneLine(r: Ran, message: RegExp | string): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  const lines = r.err.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^duizhang: /);
  expect(lines[0]).not.toMatch(/\bat .+:\d+:\d+/);
  if (typeof message === "string") expect(lines[0]).toContain(message);
  else expect(lines[0]).toMatch(message);
}

const tempFiles = () => fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));

/** An OLE compound file (the container of .xls and of password-protected .xlsx) holding streams of these names. */
function oleFile(streams: string[]): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const entries = streams.map((name) => {
    const entry = Buffer.alloc(128);
    entry.write(name, 0, "utf16le");
    return entry;
  });
  return Buffer.concat([header, Buffer.alloc(504), ...entries]);
}

describe("input files that cannot be read", () => {
  test("a CSV file without read permission", async () => {
    fs.writeFileSync(path.join(dir, "locked.csv"), "日期,金额\n");
    if (process.getuid?.() !== 0) {
      fs.chmodSync(path.join(dir, "locked.csv"), 0o000);
      expectOneLine(await run(["sheets", "locked.csv"], dir), "没有权限读取 locked.csv");
      fs.chmodSync(path.join(dir, "locked.csv"), 0o644);
    }
    // The superuser reads anything: the system's refusal is made here instead.
    const real = nodeFs.readFileSync;
    jest.spyOn(nodeFs, "readFileSync").mockImplementation(((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (String(file).endsWith("locked.csv")) throw Object.assign(new Error("EACCES: permission denied, open 'locked.csv'"), { code: "EACCES" });
      return (real as (...a: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.readFileSync);
    expectOneLine(await run(["reconcile", "--ledger", "locked.csv", "--statement", "s.csv"], dir), "没有权限读取 locked.csv");
    expectOneLine(await run(["sheets", "locked.csv", "--lang", "en"], dir), "permission denied reading locked.csv");
  });

  test("a symbolic link that loops back on itself", async () => {
    fs.symlinkSync("loop.csv", path.join(dir, "loop.csv"));
    expectOneLine(await run(["read", "loop.csv"], dir), "loop.csv 是循环的符号链接");
  });

  test("a symbolic link to a file that is gone", async () => {
    fs.symlinkSync("gone.xlsx", path.join(dir, "dangling.xlsx"));
    expectOneLine(await run(["sheets", "dangling.xlsx"], dir), "dangling.xlsx 是失效的符号链接");
  });

  test("a password-protected workbook", async () => {
    fs.writeFileSync(path.join(dir, "secret.xlsx"), oleFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]));
    expectOneLine(await run(["sheets", "secret.xlsx"], dir), /secret\.xlsx 设有打开密码（已加密）.*清除密码/);
  });

  test("an old .xls workbook renamed .xlsx", async () => {
    fs.writeFileSync(path.join(dir, "old-renamed.xlsx"), oleFile(["Root Entry", "Workbook", "\u0005SummaryInformation"]));
    expectOneLine(await run(["sheets", "old-renamed.xlsx"], dir), /old-renamed\.xlsx 实际是旧版 Excel 97-2003 \(\.xls\) 文件.*另存为/);
  });

  test("an .xlsx workbook renamed .xls", async () => {
    fs.copyFileSync(path.join(dir, "sample.xlsx"), path.join(dir, "renamed.xls"));
    expectOneLine(await run(["sheets", "renamed.xls"], dir), "renamed.xls 实际是 .xlsx 工作簿，只是扩展名为 .xls：请把扩展名改为 .xlsx");
  });

  test("a web page saved with an .xlsx name, and a workbook saved with a .csv name", async () => {
    fs.writeFileSync(path.join(dir, "export.xlsx"), "<html><body><table><tr><td>日期</td></tr></table></body></html>");
    expectOneLine(await run(["sheets", "export.xlsx"], dir), "export.xlsx 实际是网页 (HTML) 或 XML 表格");
    fs.copyFileSync(path.join(dir, "sample.xlsx"), path.join(dir, "book.csv"));
    expectOneLine(await run(["sheets", "book.csv"], dir), "book.csv 实际是 .xlsx 工作簿，只是扩展名为 .csv");
  });

  test("an empty .xlsx file", async () => {
    fs.writeFileSync(path.join(dir, "empty.xlsx"), "");
    expectOneLine(await run(["sheets", "empty.xlsx"], dir), "empty.xlsx 是空文件");
  });
});

describe("options out of range", () => {
  test.each([
    [["reconcile", ...SAMPLE_PAIR, "--amount-tolerance", "1234567890123456"], "--amount-tolerance 须为 0 到 1,000,000 之间的金额（元，最多两位小数）：1234567890123456"],
    [["reconcile", ...SAMPLE_PAIR, "--amount-tolerance", "0.005"], "--amount-tolerance 须为 0 到 1,000,000 之间的金额"],
    [["reconcile", ...SAMPLE_PAIR, "--date-window", "-3"], "--date-window 须为 0 到 366 之间的整数天数：-3"],
    [["reconcile", ...SAMPLE_PAIR, "--date-window=-3"], "--date-window 须为 0 到 366 之间的整数天数：-3"],
    [["reconcile", ...SAMPLE_PAIR, "--date-window", "99999999999999999999"], "--date-window 须为 0 到 366 之间的整数天数"],
    [["aging", "--ledger", "sample.xlsx", "--term-days", "-30"], "--term-days 须为 0 到 3650 之间的整数天数：-30"],
    [["aging", "--ledger", "sample.xlsx", "--buckets", "-30,60"], "--buckets 须为由小到大的天数"],
    [["reconcile", "--ledger", "--json"], "--ledger 后面缺少取值"],
    [["aging", "--ledger"], "--ledger 后面缺少取值"],
  ])("%j", async (argv, message) => {
    const r = await run(argv, dir);
    expectOneLine(r, message);
    expect(r.err).not.toContain("ambiguous");
  });

  test("in English too", async () => {
    expectOneLine(await run(["reconcile", ...SAMPLE_PAIR, "--date-window", "-3", "--lang", "en"], dir), "--date-window must be a whole number of days from 0 to 366: -3");
  });

  test("the largest values accepted still run", async () => {
    const r = await run(["reconcile", ...SAMPLE_PAIR, "--amount-tolerance", "1000000", "--date-window", "366", "--json"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(JSON.parse(r.out).options).toMatchObject({ amountTolerance: "1000000.00", dateWindowBefore: 366 });
  });
});

describe("--out", () => {
  test("an existing file is refused without --force and left as it was", async () => {
    fs.writeFileSync(path.join(dir, "mine.xlsx"), "the user's own file");
    for (const argv of [
      ["reconcile", "--ledger", "l.csv", "--statement", "s.csv", "--out", "mine.xlsx"],
      ["aging", "--ledger", "l.csv", "--as-of", "2026-10-31", "--out", "mine.xlsx"],
      ["demo", "--out", "mine.xlsx"],
      ["make-sample", "--out", "mine.xlsx"],
    ]) {
      expectOneLine(await run(argv, dir), "结果文件已存在：mine.xlsx（加 --force 覆盖它，或换一个文件名）");
    }
    expect(fs.readFileSync(path.join(dir, "mine.xlsx"), "utf8")).toBe("the user's own file");
  });

  test("--force replaces it with the new result", async () => {
    fs.writeFileSync(path.join(dir, "again.xlsx"), "old");
    const r = await run(["reconcile", "--ledger", "l.csv", "--statement", "s.csv", "--out", "again.xlsx", "--force"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path.join(dir, "again.xlsx"));
    expect(back.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["差异明细", "余额调节表"]));
    expect(tempFiles()).toEqual([]);
  });

  test("a disk that fills up while writing leaves the old file intact and no partial file", async () => {
    fs.writeFileSync(path.join(dir, "full.xlsx"), "the previous result");
    const realOpen = fs.promises.open;
    jest.spyOn(fs.promises, "open").mockImplementation(async (file, flags, mode) => {
      const handle = await realOpen(file, flags, mode);
      return Object.assign(Object.create(handle), {
        write: async (data: Uint8Array) => {
          await handle.write(data.subarray(0, 100));
          throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        },
        close: () => handle.close(),
        sync: () => handle.sync(),
      });
    });
    const r = await run(["reconcile", "--ledger", "l.csv", "--statement", "s.csv", "--out", "full.xlsx", "--force"], dir);
    expectOneLine(r, /无法写入结果文件 .*full\.xlsx：磁盘空间已满。没有留下不完整的文件，原有的同名文件（如有）未被改动/);
    expect(fs.readFileSync(path.join(dir, "full.xlsx"), "utf8")).toBe("the previous result");
    expect(tempFiles()).toEqual([]);
    jest.restoreAllMocks();
    const fresh = await run(["reconcile", "--ledger", "l.csv", "--statement", "s.csv", "--out", "fresh.xlsx"], dir);
    expect(fresh.code).toBe(0);
  });

  test("a CSV wider than an .xlsx sheet: one line before any work, and no file", async () => {
    const extra = 16_390;
    const header = ["日期", "单号", "摘要", "借方", "贷方", ...Array.from({ length: extra }, (_, i) => `备注${i}`)].join(",");
    const line = ["2026-10-01", "XS-1", "销售", "100.00", "", ...Array.from({ length: extra }, () => "")].join(",");
    fs.writeFileSync(path.join(dir, "wide.csv"), `${header}\n${line}\n`);
    const r = await run(["reconcile", "--ledger", "wide.csv", "--statement", "s.csv", "--out", "wide.xlsx"], dir);
    expectOneLine(r, "wide.csv 有 2 行 × 16,395 列，超出 .xlsx 工作表的上限（1,048,576 行 × 16,384 列），无法复制到 --out 结果工作簿");
    expect(fs.existsSync(path.join(dir, "wide.xlsx"))).toBe(false);
    // Without --out the same file is read and reconciled.
    const json = await run(["reconcile", "--ledger", "wide.csv", "--statement", "s.csv", "--json"], dir);
    expect([json.code, json.err]).toEqual([0, ""]);
    expect(JSON.parse(json.out).dealers[0].matched).toBe(1);
    expectOneLine(await run(["aging", "--ledger", "wide.csv", "--as-of", "2026-10-31", "--out", "wide.xlsx"], dir), "wide.csv 有 2 行 × 16,395 列");
  }, 60_000);
});

describe("characters XML forbids never reach an output .xlsx", () => {
  test("control characters and U+FFFE/U+FFFF in cells and in the file name are dropped", async () => {
    const name = "led\u0001ger";
    fs.writeFileSync(path.join(dir, `${name}.csv`), "日期,单号,摘要,借方,贷方\n2026-10-01,XS-1,销售\u0002\u0000,100.00,\n2026-10-05,XS-2,退\uFFFE货\uFFFF\u001F,50.00,\n");
    const r = await run(["reconcile", "--ledger", `${name}.csv`, "--statement", "s.csv", "--out", "clean.xlsx"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    // A strict XML parser: any forbidden character in the file makes it throw.
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path.join(dir, "clean.xlsx"));
    expect(back.worksheets.map((w) => w.name)).toContain("台账-ledger");
    const copy = back.getWorksheet("台账-ledger")!;
    expect(copy.getCell("C2").value).toBe("销售");
    expect(copy.getCell("C3").value).toBe("退货");
    for (const ws of back.worksheets) {
      expect(hasXmlUnsafe(ws.name)).toBe(false);
      ws.eachRow((row) => row.eachCell((c) => expect(hasXmlUnsafe(JSON.stringify(c.value) ?? "")).toBe(false)));
    }
  }, 30_000);
});

/** The BIFF records of an .xls fixture, found by scanning for a record type followed by a plausible length. */
function patchRecord(bytes: Buffer, type: number, patch: (copy: Buffer, at: number) => void): Buffer {
  const copy = Buffer.from(bytes);
  for (let i = 512; i + 4 < copy.length; i++) {
    if (copy.readUInt16LE(i) === type && copy.readUInt16LE(i + 2) < 200) {
      patch(copy, i + 4);
      return copy;
    }
  }
  throw new Error(`record ${type} not found`);
}

describe("hostile .xls files: one line, never a crash or a hang", () => {
  const corrupt = /不是有效的 \.xls 工作簿（文件可能已损坏或不完整）/;
  test.each([
    ["truncated", () => erpLikeXls().subarray(0, 1500), corrupt],
    ["an OLE header and nothing else", () => erpLikeXls().subarray(0, 512), corrupt],
    ["garbage after a valid header", () => Buffer.concat([erpLikeXls().subarray(0, 512), Buffer.alloc(8192, 0xab)]), corrupt],
    ["a web page named .xls", () => Buffer.from("<html><table><tr><td>日期</td></tr></table></html>"), /实际是网页 \(HTML\) 或 XML 表格.*另存为/],
    ["random bytes", () => Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251)), /不是有效的旧版 Excel \(\.xls\) 文件/],
    ["empty", () => Buffer.alloc(0), /是空文件/],
  ])("%s", async (_name, bytes, message) => {
    fs.writeFileSync(path.join(dir, "hostile.xls"), (bytes as () => Buffer)());
    const started = Date.now();
    expectOneLine(await run(["read", "hostile.xls"], dir), message as RegExp);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  test("huge declared sizes (string table of two billion strings, a sheet of 4 billion rows) are not believed", async () => {
    // SST: total and unique string counts; DIMENSIONS: first and last row (32-bit in BIFF8).
    let bytes = patchRecord(erpLikeXls(), 0x00fc, (copy, at) => {
      copy.writeUInt32LE(0x7fffffff, at);
      copy.writeUInt32LE(0x7fffffff, at + 4);
    });
    bytes = patchRecord(bytes, 0x0200, (copy, at) => {
      copy.writeUInt32LE(0, at);
      copy.writeUInt32LE(0xffffffff, at + 4);
    });
    fs.writeFileSync(path.join(dir, "huge.xls"), bytes);
    const started = Date.now();
    const r = await run(["read", "huge.xls"], dir);
    expect(Date.now() - started).toBeLessThan(20_000);
    // Either read for what it really holds, or refused in one line.
    if (r.code === 0) expect(r.out).toContain("明细账");
    else expectOneLine(r, /huge\.xls /);
  }, 30_000);

  test("record lengths that point past the end of the stream", async () => {
    const copy = patchRecord(erpLikeXls(), 0x00fc, (b, at) => b.writeUInt16LE(0xffff, at - 2));
    fs.writeFileSync(path.join(dir, "long.xls"), copy);
    const r = await run(["read", "long.xls"], dir);
    if (r.code !== 0) expectOneLine(r, /long\.xls /);
  }, 30_000);

  test("a password-protected .xls is told as such", async () => {
    fs.writeFileSync(path.join(dir, "locked.xls"), oleFile(["EncryptionInfo", "EncryptedPackage"]));
    expectOneLine(await run(["read", "locked.xls"], dir), /设有打开密码（已加密）/);
  });
});

describe("zip bombs: refused with one line, never inflated until memory runs out", () => {
  const sheet = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c></row></sheetData>`;
  /** A workbook whose sheet is followed by `bomb`, written small on disk. */
  function bombed(file: string, bomb: ZipPart): number {
    const bytes = writeZip([...minimalWorkbook(sheet).filter((p) => p.name !== bomb.name), bomb]);
    fs.writeFileSync(path.join(dir, file), bytes);
    return bytes.length;
  }

  test("a part that says it inflates to 4 GB is refused before anything is inflated", async () => {
    const size = bombed("says-4gb.xlsx", { name: "xl/worksheets/sheet2.xml", data: "", deflated: deflatedZeros(1), declaredSize: 0xfffff000 });
    expect(size).toBeLessThan(10_000);
    expectOneLine(await run(["sheets", "says-4gb.xlsx"], dir), /says-4gb\.xlsx 解压后的内容远超任何真实工作簿/);
  });

  test("a part compressed a thousand to one (64 MB of zeros in 64 KB) is refused by its ratio", async () => {
    const size = bombed("ratio.xlsx", { name: "xl/worksheets/sheet2.xml", data: "", deflated: deflatedZeros(64) });
    expect(size).toBeLessThan(100_000);
    expectOneLine(await run(["sheets", "ratio.xlsx"], dir), /ratio\.xlsx 解压后的内容远超任何真实工作簿/);
  });

  test("a sheet that lies about its size stops inflating at the size it declared", async () => {
    const zeros = deflatedZeros(64);
    bombed("lying.xlsx", { name: "xl/worksheets/sheet1.xml", data: "", deflated: { ...zeros, size: 1024 * 1024 } });
    const r = await run(["sheets", "lying.xlsx", "--lang", "en-US"], dir);
    expectOneLine(r, /lying\.xlsx inflates far beyond any real workbook .*zip bomb/);
  });
});
