/**
 * A CSV ledger's copy for `aging --out` written on a worker thread while the ledger is aged: the result
 * workbook is part for part the one written without the worker (its marks, texts cut to a cell's limit and
 * the notes about them too); a file the worker cannot take, or a copy given up, leaves the copy to the
 * command's thread or no file at all. And how the copy converts cells: a CSV cell's text that reads as a
 * number or date becomes one, an .xls text cell stays text.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { runAging } from "../../src/app/aging";
import { addAgingToWorkbook } from "../../src/cli/commands/aging";
import * as ledgerCopy from "../../src/cli/ledger-copy";
import { copyLedgerInWorker, csvCellOut, worthCopyingApart } from "../../src/cli/ledger-copy";
import { openInputFile, writtenNotes } from "../../src/cli/files";
import { StreamedWorkbook } from "../../src/xlsx/streamed-workbook";
import { ZipReader } from "../../src/xlsx/zip";
import { PortError } from "../../src/port/workbook";
import { both } from "../../src/messages/render";
import { msg } from "../../src/core/messages";
import { writeCsvPair } from "../bench/synth";
import { run } from "./support";

let dir: string;

/** Dealers late and paid, a 摘要 that looks like a formula, one too long for a cell, texts XML cannot hold. */
const LEDGER = [
  "客户名称,业务员,日期,单号,摘要,借方,贷方",
  "杭州美达商贸,王磊,2026-06-01,XS-1,销售出库,12000.00,",
  "杭州美达商贸,王磊,2026-06-20,XS-2,销售出库,8000.50,",
  "杭州美达商贸,王磊,2026-07-05,HD-1,收到货款,,5000.00",
  `宁波顺和电器,李娜,2026-09-01,XS-3,${"长".repeat(40_000)},30000.00,`,
  "宁波顺和电器,李娜,2026-10-20,XS-4,\"=SUM(A1) 退货\",,1200.00",
  "温州佳联,,2026-10-25,XS-5,\"换行\n _x0041_ 0123\",4500.00,",
  "温州佳联,,2026-10-28,HD-2,收到货款,,4500.00",
].join("\n");

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-ledger-copy-"));
  fs.writeFileSync(path.join(dir, "ledger.csv"), LEDGER + "\n");
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Each case starts a worker thread and writes a workbook or two.
jest.setTimeout(120_000);

/** Every part of an .xlsx file, as text; the creation time in docProps/core.xml blanked (it is the clock's). */
function partsOf(file: string): Map<string, string> {
  const reader = new ZipReader(fs.readFileSync(file));
  const parts = new Map<string, string>();
  for (const name of [...reader.entries.keys()].sort()) {
    const text = reader.read(name)!.toString("utf8");
    parts.set(name, name === "docProps/core.xml" ? text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, "TIME") : text);
  }
  return parts;
}

/** A file's size and time, as the command line's read of it records them. */
function versionOf(file: string): { size: number; mtimeMs: number } {
  const stat = fs.statSync(path.resolve(dir, file));
  return { size: stat.size, mtimeMs: stat.mtimeMs };
}

/** The result workbook of `aging --out` for `file`, its copy written here or (`elsewhere`) on a worker thread. */
async function resultOf(file: string, out: string, elsewhere: boolean): Promise<{ notes: string[]; tookWorker: boolean }> {
  const ledger = await openInputFile(file, dir, "zh-CN");
  const sheet = (await ledger.port.listSheets())[0].name;
  const copy = elsewhere ? copyLedgerInWorker(path.resolve(dir, file)) : null;
  const aging = await runAging({ ledger: { port: ledger.port, sheet }, asOf: "2026-10-31" });
  const wb = await StreamedWorkbook.create(path.join(dir, out));
  const tookWorker = copy !== null && (await copy.written(sheet, ledger.read!)) !== null;
  const added = await addAgingToWorkbook(wb, ledger, sheet, "2026-10-31", "zh-CN", { run: aging, ...(copy ? { copyElsewhere: copy } : {}) });
  await wb.save();
  return { notes: writtenNotes(wb, added.written.linksDropped, "zh-CN"), tookWorker };
}

describe("a CSV ledger's copy written on a worker thread", () => {
  it("gives the same workbook, part for part, as the copy written here: cells, texts, looks, marks, cut texts and their notes", async () => {
    const here = await resultOf("ledger.csv", "here.xlsx", false);
    const there = await resultOf("ledger.csv", "there.xlsx", true);
    expect(there.tookWorker).toBe(true);
    const a = partsOf(path.join(dir, "here.xlsx"));
    const b = partsOf(path.join(dir, "there.xlsx"));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, text] of a) expect([name, b.get(name)]).toEqual([name, text]);
    // The copy is marked (the aging's conditional formats follow its rows) and its long text was cut and said so.
    expect(a.get("xl/worksheets/sheet1.xml")).toContain("<conditionalFormatting");
    expect(there.notes).toEqual(here.notes);
    expect(there.notes.join("\n")).toContain("第 5 行 E 列的文字有 40,000 个字符");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "there.xlsx"));
    const copy = wb.getWorksheet("台账-ledger")!;
    expect(copy.getCell("F2").value).toBe(12000);
    expect(copy.getCell("E6").value).toBe("=SUM(A1) 退货");
  });

  it("is what aging --out does for a large CSV ledger, with the same result as the copy written here", async () => {
    const pair = writeCsvPair(dir, 55_000, 40);
    const file = path.basename(pair.ledger);
    expect(worthCopyingApart(file, dir)).toBe(true);
    const started: ledgerCopy.LedgerCopyInWorker[] = [];
    const start = ledgerCopy.copyLedgerInWorker;
    const spy = jest.spyOn(ledgerCopy, "copyLedgerInWorker").mockImplementation((...args) => {
      const copy = start(...args);
      if (copy) started.push(copy);
      return copy;
    });
    try {
      const r = await run(["aging", "--ledger", file, "--as-of", "2026-10-31", "--out", "cli.xlsx"], dir);
      expect([r.code, r.err]).toEqual([0, expect.any(String)]);
      expect(r.out).toContain("结果已写入");
    } finally {
      spy.mockRestore();
    }
    expect(started.length).toBe(1);
    expect(await started[0].written(path.basename(file, ".csv"), versionOf(file))).not.toBeNull();
    await resultOf(file, "cli-here.xlsx", false);
    const a = partsOf(path.join(dir, "cli-here.xlsx"));
    const b = partsOf(path.join(dir, "cli.xlsx"));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, text] of a) expect(b.get(name) === text ? name : `${name} differs`).toBe(name);
  });

  it("leaves the copy to the command's thread when the worker cannot take the file or its sheet is another", async () => {
    fs.writeFileSync(path.join(dir, "zip.csv"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expect(await copyLedgerInWorker(path.join(dir, "zip.csv"))!.written("zip", versionOf("zip.csv"))).toBeNull();
    expect(await copyLedgerInWorker(path.join(dir, "missing.csv"))!.written("missing", { size: 0, mtimeMs: 0 })).toBeNull();
    expect(await copyLedgerInWorker(path.join(dir, "ledger.csv"))!.written("other", versionOf("ledger.csv"))).toBeNull();
    const stopped = copyLedgerInWorker(path.join(dir, "ledger.csv"))!;
    stopped.stop();
    expect(await stopped.written("ledger", versionOf("ledger.csv"))).toBeNull();
    // A copy that is not the workbook's first sheet is written here, whatever the worker did.
    const ledger = await openInputFile("ledger.csv", dir, "zh-CN");
    const wb = await StreamedWorkbook.create(path.join(dir, "second.xlsx"));
    await wb.writeSheet({ name: "前", rows: [["x"]] });
    expect(wb.untouched).toBe(false);
    await addAgingToWorkbook(wb, ledger, "ledger", "2026-10-31", "zh-CN", { copyElsewhere: copyLedgerInWorker(path.join(dir, "ledger.csv"))! });
    await wb.save();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, "second.xlsx"));
    expect(book.worksheets.map((ws) => ws.name).slice(0, 3)).toEqual(["前", "_duizhang", "台账-ledger"]);
    const copied = book.getWorksheet("台账-ledger")!;
    expect([copied.getCell("A2").value, copied.getCell("E6").value]).toEqual(["杭州美达商贸", "=SUM(A1) 退货"]);
  });

  it("leaves the copy to the command's thread when the file the worker read is not the one the command read", async () => {
    fs.copyFileSync(path.join(dir, "ledger.csv"), path.join(dir, "edited.csv"));
    const read = versionOf("edited.csv");
    const copy = copyLedgerInWorker(path.join(dir, "edited.csv"))!;
    // Another size, or the same size written at another time: another file.
    expect(await copy.written("edited", { ...read, size: read.size + 1 })).toBeNull();
    const again = copyLedgerInWorker(path.join(dir, "edited.csv"))!;
    expect(await again.written("edited", { ...read, mtimeMs: read.mtimeMs - 1000 })).toBeNull();
    const same = copyLedgerInWorker(path.join(dir, "edited.csv"))!;
    expect(await same.written("edited", read)).not.toBeNull();
  });

  it("leaves no file, and an existing one as it was, when the workbook is given up after taking the copy", async () => {
    const target = path.join(dir, "given-up.xlsx");
    fs.writeFileSync(target, "before");
    const copy = copyLedgerInWorker(path.join(dir, "ledger.csv"))!;
    const written = await copy.written("ledger", versionOf("ledger.csv"));
    expect(written).not.toBeNull();
    const wb = await StreamedWorkbook.create(target);
    await wb.takeValuesSheet("台账-ledger", written!);
    await wb.abandon();
    expect(fs.readFileSync(target, "utf8")).toBe("before");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("a streamed result workbook's refusals", () => {
  it("say in both languages why cells, templates, or anything after saving cannot be written", async () => {
    const wb = await StreamedWorkbook.create(path.join(dir, "refusals.xlsx"));
    const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as PortError);
    const cells = await refusal(wb.writeCells("账龄分析"));
    expect(cells!.said).toEqual(msg("xlsx.streamed.whole_sheets", { sheet: "账龄分析" }));
    expect(both(cells!.said!).zh).toContain("每张工作表一次整体写入，之后不能再向工作表“账龄分析”写入单元格");
    const template = await refusal(wb.writeSheet({ name: "催款计划", rows: [], position: 0 }));
    expect(template!.said).toEqual(msg("xlsx.streamed.layout", { sheet: "催款计划" }));
    expect(both(template!.said!).en).toContain('which cannot write sheet "催款计划" from a template, as a form or at a chosen place');
    await wb.save();
    const late = await refusal(wb.writeSheet({ name: "迟到", rows: [["x"]] }));
    expect(late!.said).toEqual(msg("xlsx.streamed.finished", { what: "迟到" }));
    expect(both(late!.said!).zh).toBe("结果工作簿已经保存或已放弃，不能再写入任何内容（“迟到”）：请重新运行命令生成新的结果工作簿");
  });
});

describe("a source cell in the copy", () => {
  it("from a CSV file: plain numbers and ISO dates become numbers and dates, the rest stays text", () => {
    expect(csvCellOut("123")).toBe(123);
    expect(csvCellOut("-12.50")).toBe(-12.5);
    expect(csvCellOut("0123")).toBe("0123");
    expect(csvCellOut("2026-07-05")).toEqual({ date: "2026-07-05" });
    expect(csvCellOut("XS-1")).toBe("XS-1");
  });

  it("from an .xls sheet: a text cell stays text even when it reads as a number or a date; numbers and dates stay so", () => {
    expect(csvCellOut("123", true)).toBe("123");
    expect(csvCellOut("2026-07-05", true)).toBe("2026-07-05");
    expect(csvCellOut(123, true)).toBe(123);
    expect(csvCellOut(new Date(Date.UTC(2026, 6, 5)), true)).toEqual({ date: "2026-07-05" });
  });

  it("keeps an .xls text cell \"123\" as text in aging --out's copy, and its number cells as numbers", async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ["客户名称", "日期", "单号", "摘要", "借方", "贷方"],
      ["杭州美达商贸", "2026-06-01", "123", "销售出库", 12000, null],
      ["杭州美达商贸", "2026-07-05", "HD-1", "收到货款", null, 5000],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, "明细账");
    fs.writeFileSync(path.join(dir, "typed.xls"), XLSX.write(book, { bookType: "biff8", type: "buffer" }) as Buffer);
    const r = await run(["aging", "--ledger", "typed.xls", "--as-of", "2026-10-31", "--out", "typed.xlsx"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "typed.xlsx"));
    const copy = wb.getWorksheet("台账-明细账")!;
    expect(copy.getCell("C2").value).toBe("123");
    expect(copy.getCell("E2").value).toBe(12000);
  });
});
