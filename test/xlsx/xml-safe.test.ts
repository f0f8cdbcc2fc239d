import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { hasXmlUnsafe, xmlSafe, xmlSafeSheetName } from "../../src/xlsx/xml-safe";
import { StreamedWorkbook } from "../../src/xlsx/streamed-workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

describe("text XML cannot carry", () => {
  test("control characters other than tab, line feed and carriage return, U+FFFE and U+FFFF are dropped", () => {
    expect(xmlSafe("美\u0000达\u0001\u0008\u000B\u000C\u000E\u001F商贸\uFFFE\uFFFF")).toBe("美达商贸");
    expect(xmlSafe("a\tb\nc\rd")).toBe("a\tb\nc\rd");
  });

  test("a lone half of a surrogate pair shows as U+FFFD; whole pairs stay", () => {
    expect(xmlSafe("x\uD83Dy")).toBe("x\uFFFDy");
    expect(xmlSafe("x\uDE00y")).toBe("x\uFFFDy");
    expect(xmlSafe("货款😀")).toBe("货款😀");
    expect(hasXmlUnsafe("货款😀\u00A0\u007F")).toBe(false);
  });
});

describe("a saved workbook never holds them", () => {
  test("cells, rich text, links, notes and sheet names are cleaned, and the file opens again", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-xml-"));
    const wb = XlsxWorkbook.create();
    await wb.writeSheet({ name: "差异\u0001明细", rows: [["经销商\u0002", "摘要\uFFFF"], ["美达\u0000", { value: "第 1 行\u0003", link: { sheet: "差异\u0001明细", row: 1 } }]] });
    const ws = wb.workbook.worksheets.find((w) => w.name.startsWith("差异"))!;
    ws.getCell("C1").value = { richText: [{ text: "富\u0004文本" }] };
    ws.getCell("C2").value = { formula: "A1", result: "结果\u0005" };
    ws.getCell("D1").note = "批注\u0006";
    const file = path.join(dir, "safe.xlsx");
    await wb.save(file);

    // ExcelJS reads with a strict XML parser: a forbidden character anywhere makes this throw.
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const names = back.worksheets.map((w) => w.name);
    expect(names).toContain("差异明细");
    const sheet = back.getWorksheet("差异明细")!;
    expect(sheet.getCell("A1").value).toBe("经销商");
    expect(sheet.getCell("B1").value).toBe("摘要");
    expect(sheet.getCell("A2").value).toBe("美达");
    // The link still finds its sheet under the cleaned name.
    expect(sheet.getCell("B2").value).toEqual({ text: "第 1 行", hyperlink: "#'差异明细'!A1" });
    expect(sheet.getCell("C1").value).toEqual({ richText: [{ text: "富文本" }] });
    expect((sheet.getCell("C2").value as ExcelJS.CellFormulaValue).result).toBe("结果");
    for (const w of back.worksheets) {
      w.eachRow((row) => row.eachCell((c) => expect(hasXmlUnsafe(JSON.stringify(c.value) ?? "")).toBe(false)));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("two sheet names that differ only by a dropped character stay two sheets", async () => {
    const wb = XlsxWorkbook.create();
    await wb.writeSheet({ name: "表\u0001", rows: [["a"]] });
    await wb.writeSheet({ name: "表\u0002", rows: [["b"]] });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.toBuffer()) as unknown as ExcelJS.Buffer);
    const names = back.worksheets.map((w) => w.name).filter((n) => n.startsWith("表"));
    expect(names).toEqual(["表", "表(2)"]);
  });
});

describe("the streamed workbook cleans sheet names as the workbook model does", () => {
  const names = ["表\u0001", "表\u0002", "\u0003'报", "_duizhang\u0004"];

  async function namesBack(bytes: Buffer): Promise<string[]> {
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return back.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
  }

  test("names with characters XML forbids are written cleaned, apart from one another, the same in both", async () => {
    const model = XlsxWorkbook.create();
    for (const [i, name] of names.entries()) await model.writeSheet({ name, rows: [[`第 ${i + 1} 张`]] });
    const fromModel = await namesBack((await model.toBuffer()) as Buffer);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-xml-"));
    const file = path.join(dir, "streamed.xlsx");
    const streamed = await StreamedWorkbook.create(file);
    for (const [i, name] of names.entries()) await streamed.writeSheet({ name, rows: [[`第 ${i + 1} 张`]] });
    await streamed.save();
    const fromStream = await namesBack(fs.readFileSync(file));
    fs.rmSync(dir, { recursive: true, force: true });

    expect(fromModel).toEqual(["表", "表(2)", "报", "_duizhang(2)"]);
    expect(fromStream).toEqual(fromModel);
  });

  test("xmlSafeSheetName leaves a clean name alone unless a sheet written before has it", () => {
    expect(xmlSafeSheetName("差异明细", new Set())).toBe("差异明细");
    expect(xmlSafeSheetName("表", new Set(["表"]))).toBe("表(2)");
    expect(xmlSafeSheetName("\u0001", new Set())).toBe("Sheet");
    expect(xmlSafeSheetName(`${"长".repeat(30)}\u0001`, new Set(["长".repeat(30)]))).toBe(`${"长".repeat(28)}(2)`);
  });
});
