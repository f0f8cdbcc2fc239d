import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runAging } from "../../src/app/aging";
import { addAgingToWorkbook, streamsResult } from "../../src/cli/commands/aging";
import { openInputFile } from "../../src/cli/files";
import { StreamedWorkbook } from "../../src/xlsx/streamed-workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { run } from "./support";
import { PortError } from "../../src/port/workbook";
import { both } from "../../src/messages/render";
import { msg } from "../../src/core/messages";

let dir: string;

/** A CSV ledger of three dealers: late, due soon, paid, a return, a text that looks like a formula. */
const LEDGER = [
  "客户名称,业务员,日期,单号,摘要,借方,贷方",
  "杭州美达商贸,王磊,2026-06-01,XS-1,销售出库,12000.00,",
  "杭州美达商贸,王磊,2026-06-20,XS-2,销售出库,8000.50,",
  "杭州美达商贸,王磊,2026-07-05,HD-1,收到货款,,5000.00",
  "宁波顺和电器,李娜,2026-09-01,XS-3,销售出库,30000.00,",
  "宁波顺和电器,李娜,2026-10-20,XS-4,\"=SUM(A1) 退货\",,1200.00",
  "温州佳联,,2026-10-25,XS-5,销售出库,4500.00,",
  "温州佳联,,2026-10-28,HD-2,收到货款,,4500.00",
].join("\n");

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-streamed-"));
  fs.writeFileSync(path.join(dir, "ledger.csv"), LEDGER + "\n");
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function bothWays(): Promise<{ model: string; streamed: string }> {
  const ledger = await openInputFile("ledger.csv", dir, "zh-CN");
  const sheet = (await ledger.port.listSheets())[0].name;
  const aging = await runAging({ ledger: { port: ledger.port, sheet }, asOf: "2026-10-31" });
  const model = path.join(dir, "model.xlsx");
  const inMemory = XlsxWorkbook.create();
  await addAgingToWorkbook(inMemory, ledger, sheet, "2026-10-31", "zh-CN", { run: aging });
  await inMemory.save(model);
  const streamed = path.join(dir, "streamed.xlsx");
  const wb = await StreamedWorkbook.create(streamed);
  await addAgingToWorkbook(wb, ledger, sheet, "2026-10-31", "zh-CN", { run: aging });
  await wb.save();
  return { model, streamed };
}

async function excel(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

// Each case writes and reads back two workbooks: more than the default five seconds on a busy machine.
jest.setTimeout(60_000);

describe("a result workbook streamed to its file", () => {
  it("holds the same sheets, values, marks and our-sheet records as the one made in ExcelJS's model", async () => {
    const { model, streamed } = await bothWays();
    const a = await XlsxWorkbook.open(model);
    const b = await XlsxWorkbook.open(streamed);
    const names = (await a.listSheets()).map((s) => s.name);
    expect(names).toEqual(["台账-ledger", "账龄分析", "催款计划"]);
    expect((await b.listSheets()).map((s) => s.name)).toEqual(names);
    for (const name of names) expect(await b.readSheet(name)).toEqual(await a.readSheet(name));
    expect(await b.listMarks("aging", "台账-ledger")).toEqual(await a.listMarks("aging", "台账-ledger"));
    expect((await b.listMarks("aging", "台账-ledger")).length).toBeGreaterThan(0);
    expect(await b.ownSheets()).toEqual(names);
  });

  it("keeps the looks, links, widths, frozen rows, filter and print setup of every sheet, the ledger's copy too", async () => {
    const { model, streamed } = await bothWays();
    const a = await excel(model);
    const b = await excel(streamed);
    // The same sheets with the same ids, in the same order, the settings sheet very hidden among them.
    const sheets = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => [ws.name, ws.id, ws.state]);
    expect(sheets(b)).toEqual(sheets(a));
    for (const name of ["台账-ledger", "账龄分析", "催款计划"]) {
      const wa = a.getWorksheet(name)!;
      const wb = b.getWorksheet(name)!;
      expect(wb.views).toEqual(wa.views);
      expect(wb.autoFilter).toEqual(wa.autoFilter);
      expect(wb.pageSetup).toEqual(wa.pageSetup);
      expect(wb.headerFooter).toEqual(wa.headerFooter);
      const cfs = (ws: ExcelJS.Worksheet) => (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings;
      expect(cfs(wb)).toEqual(cfs(wa));
      for (let c = 1; c <= 16; c++) expect(wb.getColumn(c).width).toBe(wa.getColumn(c).width);
      wa.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const other = wb.getCell(r, c);
          expect([name, r, c, other.value, other.numFmt, other.font, other.fill, other.alignment, other.border, other.isMerged]).toEqual([
            name,
            r,
            c,
            cell.value,
            cell.numFmt,
            cell.font,
            cell.fill,
            cell.alignment,
            cell.border,
            cell.isMerged,
          ]);
        });
        expect([name, r, b.getWorksheet(name)!.getRow(r).height]).toEqual([name, r, row.height]);
      });
    }
    // Dealer text stays text: the copied 摘要 that looks like a formula is no formula.
    expect(b.getWorksheet("台账-ledger")!.getCell("E6").value).toBe("=SUM(A1) 退货");
  });

  it("leaves no file, and an existing one as it was, when it is given up part-way", async () => {
    const target = path.join(dir, "given-up.xlsx");
    fs.writeFileSync(target, "before");
    const wb = await StreamedWorkbook.create(target);
    await wb.writeSheet({ name: "台账", rows: [["a"], ["b"]] });
    await wb.abandon();
    expect(fs.readFileSync(target, "utf8")).toBe("before");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("says in both languages what it cannot do and what to do instead: read back what it wrote, or mark a sheet not written last", async () => {
    const target = path.join(dir, "write-only.xlsx");
    const wb = await StreamedWorkbook.create(target);
    await wb.writeSheet({ name: "台账-ledger", rows: [["a"]] });
    await wb.writeSheet({ name: "账龄分析", rows: [["b"]] });
    const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as PortError);
    const read = await refusal(wb.readSheet("台账-ledger"));
    expect(read).toBeInstanceOf(PortError);
    expect(both(read!.said!).zh).toBe(
      "结果工作簿是边生成边逐表写入文件的（CSV 或 .xls 台账加 --out 时如此），已写入的工作表（台账-ledger）不能再读回、修改或删除：请在 Excel 中把台账另存为 .xlsx 后再运行（结果工作簿会整体生成后再保存），或去掉 --out 只看结果",
    );
    expect(both(read!.said!).en).toContain("save the ledger as .xlsx in Excel and run again");
    const cleared = await refusal(wb.clearMarks("aging"));
    expect(both(cleared!.said!).en).toContain("what it has written (台账-ledger, 账龄分析) cannot be read back, changed or deleted");
    for (const p of [wb.deleteSheet("账龄分析"), wb.listMarks("aging", "账龄分析"), wb.readLayout("账龄分析")]) expect((await refusal(p))!.said).toEqual(msg("xlsx.streamed.write_only", { sheets: ["账龄分析"] }));
    const marked = await refusal(wb.markRows("台账-ledger", "aging", [{ row: 1, style: "x" }], { x: { fill: "#FFC7CE" } }));
    expect(marked!.code).toBe("unsupported");
    expect(both(marked!.said!)).toEqual({
      zh: "结果工作簿是边生成边逐表写入文件的（CSV 或 .xls 台账加 --out 时如此），只能给最后写入的那张工作表标色，“台账-ledger”不是这一张，无法标色：请在 Excel 中把台账另存为 .xlsx 后再运行，或去掉 --out 只看结果",
      en: 'the result workbook is written to its file sheet by sheet as it is made (so it is for a CSV or .xls ledger with --out), and only the sheet written last can be marked, which sheet "台账-ledger" is not: save the ledger as .xlsx in Excel and run again, or leave out --out to see the results only',
    });
    await wb.abandon();
  });

  it("clears all marks of a file with no sheet written yet at once: a new file has none", async () => {
    const wb = await StreamedWorkbook.create(path.join(dir, "fresh.xlsx"));
    await expect(wb.clearMarks("aging")).resolves.toBeUndefined();
    await wb.abandon();
  });

  it("refuses a file already there unless told to replace it", async () => {
    const target = path.join(dir, "there.xlsx");
    fs.writeFileSync(target, "before");
    await expect(StreamedWorkbook.create(target, { replace: false })).rejects.toMatchObject({ stage: "exists" });
    expect(fs.readFileSync(target, "utf8")).toBe("before");
  });

  it("is what aging --out uses for a CSV ledger of any size (an .xlsx ledger's copy keeps its formats in ExcelJS's model), and the command prints the same", async () => {
    const ledger = await openInputFile("ledger.csv", dir, "zh-CN");
    expect(streamsResult(ledger)).toBe(true);
    const r = await run(["aging", "--ledger", "ledger.csv", "--as-of", "2026-10-31", "--out", "out.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("结果已写入");
    const { model } = await bothWays();
    const written = await XlsxWorkbook.open(path.join(dir, "out.xlsx"));
    const before = await XlsxWorkbook.open(model);
    for (const s of await before.listSheets()) expect(await written.readSheet(s.name)).toEqual(await before.readSheet(s.name));
    const xlsxLedger = await openInputFile("model.xlsx", dir, "zh-CN");
    expect(streamsResult(xlsxLedger)).toBe(false);
  });
});
