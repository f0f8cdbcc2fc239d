import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { hasXmlUnsafe, linkToWritten, refsToWritten, rowLinksToWritten, SheetNames, xmlSafe, xmlSafeSheetName } from "../../src/xlsx/xml-safe";
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

describe("a name that cleans to another sheet's name, and links to both", () => {
  // "A\u0001" comes first and is written "A"; the sheet really named "A" comes after it and is written "A(2)".
  const sheets = (
    linkRow: (sheet: string) => { value: string; link: { sheet: string; row: number } },
  ): { name: string; rows: (string | { value: string; link: { sheet: string; row: number } })[][] }[] => [
    { name: "A\u0001", rows: [["第一张（A\u0001）"]] },
    { name: "A", rows: [["第二张（A）"]] },
    { name: "链接", rows: [[linkRow("A\u0001"), linkRow("A")]] },
  ];
  const link = (sheet: string) => ({ value: `去 ${sheet}`, link: { sheet, row: 1 } });

  /** The sheet names a file holds (visible ones), and where each link of 链接 goes: the target's name and what its A1 says. */
  async function readBack(bytes: Buffer): Promise<{ names: string[]; links: { to: string; says: unknown }[] }> {
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const names = back.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
    const ws = back.getWorksheet("链接")!;
    const links = ["A1", "B1"].map((a) => {
      const target = (ws.getCell(a).value as ExcelJS.CellHyperlinkValue).hyperlink;
      const m = /^#'?((?:[^']|'')+?)'?!A1$/.exec(target)!;
      const to = m[1].replace(/''/g, "'");
      return { to, says: back.getWorksheet(to)?.getCell("A1").value };
    });
    return { names, links };
  }

  const expected = {
    names: ["A", "A(2)", "链接"],
    links: [
      { to: "A", says: "第一张（A）" },
      { to: "A(2)", says: "第二张（A）" },
    ],
  };

  test("the workbook model names them in the order written, as the streamed file does, and each link opens the sheet it names", async () => {
    const model = XlsxWorkbook.create();
    for (const s of sheets(link)) await model.writeSheet(s);
    expect(await readBack((await model.toBuffer()) as Buffer)).toEqual(expected);
  });

  test("the streamed file names them so too, and a link to A goes to A(2), not to the sheet that was A\\u0001", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-xml-"));
    const file = path.join(dir, "streamed.xlsx");
    const streamed = await StreamedWorkbook.create(file);
    for (const s of sheets(link)) await streamed.writeSheet(s);
    await streamed.save();
    const back = await readBack(fs.readFileSync(file));
    fs.rmSync(dir, { recursive: true, force: true });
    expect(back).toEqual(expected);
  });

  test("the workbook model also sends a link written before its sheet, a formula and a defined name to the sheet's new name", async () => {
    const model = XlsxWorkbook.create();
    await model.writeSheet({ name: "链接", rows: [[link("A"), link("A\u0001")]] });
    await model.writeSheet({ name: "A\u0001", rows: [["第一张（A\u0001）"]] });
    await model.writeSheet({ name: "A", rows: [["第二张（A）"]] });
    const ws = model.workbook.getWorksheet("链接")!;
    ws.getCell("C1").value = { formula: `A!A1&"A!A1"&'A'!A1&'A\u0001'!A1&SUM(A!A1:A2)`, result: "" };
    model.workbook.definedNames.add("'A'!$A$1", "第二张");
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await model.toBuffer()) as unknown as ExcelJS.Buffer);
    expect(back.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual(["链接", "A", "A(2)"]);
    const out = back.getWorksheet("链接")!;
    expect((out.getCell("A1").value as ExcelJS.CellHyperlinkValue).hyperlink).toBe("#'A(2)'!A1");
    expect((out.getCell("B1").value as ExcelJS.CellHyperlinkValue).hyperlink).toBe("#A!A1");
    expect((out.getCell("C1").value as ExcelJS.CellFormulaValue).formula).toBe(`'A(2)'!A1&"A!A1"&'A(2)'!A1&A!A1&SUM('A(2)'!A1:A2)`);
    expect(back.definedNames.model).toEqual([{ name: "第二张", ranges: ["'A(2)'!$A$1"] }]);
  });

  test("the workbook model renames its sheets when a later one holds the passing name a renamed sheet would take", async () => {
    const model = XlsxWorkbook.create();
    for (const name of ["B\u0002", "\u00010", "\u00011"]) await model.writeSheet({ name, rows: [[name]] });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await model.toBuffer()) as unknown as ExcelJS.Buffer);
    const sheets = back.worksheets.filter((w) => w.state === "visible");
    expect(sheets.map((w) => [w.name, w.getCell("A1").value])).toEqual([
      ["B", "B"],
      ["0", "0"],
      ["1", "1"],
    ]);
  });
});

describe("links, formulas and rows made to name each sheet as it was written", () => {
  const names = new Map([["a", "A(2)"], ["a\u0001", "A"], ["it's", "It's(2)"]]);
  const nameOf = (s: string) => names.get(s.toLowerCase());

  test("linkToWritten: internal links to a renamed sheet, quoted or not, in any case; other links as they are", () => {
    expect(linkToWritten("#A!B2", nameOf)).toBe("#'A(2)'!B2");
    expect(linkToWritten("#'a'!B2:C3", nameOf)).toBe("#'A(2)'!B2:C3");
    expect(linkToWritten("#'A\u0001'!A1", nameOf)).toBe("#A!A1");
    expect(linkToWritten("#'it''s'!A1", nameOf)).toBe("#'It''s(2)'!A1");
    expect(linkToWritten("#其他!A1", nameOf)).toBe("#其他!A1");
    expect(linkToWritten("https://example.com/A!B2", nameOf)).toBe("https://example.com/A!B2");
    expect(linkToWritten("#A!名字", nameOf)).toBe("#A!名字");
  });

  test("refsToWritten leaves texts, functions and cells of the same sheet alone", () => {
    expect(refsToWritten(`IF(A1>0,A!B2,"A!B2")&'it''s'!C3`, nameOf)).toBe(`IF(A1>0,'A(2)'!B2,"A!B2")&'It''s(2)'!C3`);
    expect(refsToWritten(`"say ""A!B2"""&A!B2`, nameOf)).toBe(`"say ""A!B2"""&'A(2)'!B2`);
  });

  test("refsToWritten leaves another workbook's sheet of the same name alone, and moves both ends of a 3-D reference as one", () => {
    // `[1]A!B2` is sheet A of the first linked workbook, not this one's A.
    expect(refsToWritten(`[1]A!B2+A!B2+'[1]A'!B2`, nameOf)).toBe(`[1]A!B2+'A(2)'!B2+'[1]A'!B2`);
    // A range over sheets (here A to Z) keeps its one prefix (`First:Last!`), quoted as a whole when either name needs it.
    const withZ = (s: string) => (s.toLowerCase() === "z" ? "Z" : nameOf(s));
    expect(refsToWritten(`SUM(A:Z!B2)+SUM(Z:A!B2)+SUM('a\u0001:Z'!B2)+SUM('A:Z'!B2)+SUM(Z:Z!B2)`, withZ)).toBe(
      `SUM('A(2):Z'!B2)+SUM('Z:A(2)'!B2)+SUM(A:Z!B2)+SUM('A(2):Z'!B2)+SUM(Z:Z!B2)`,
    );
    // A range of cells, or between two references, is no range over sheets.
    expect(refsToWritten(`SUM(A1:B2)+A!A1:A!B2`, withZ)).toBe(`SUM(A1:B2)+'A(2)'!A1:'A(2)'!B2`);
  });

  test("rowLinksToWritten copies a row only when a link moves, and makes one cell per cell object", () => {
    const shared = { value: "x", link: { sheet: "A", row: 3 } };
    const plain = { value: "y", link: { sheet: "其他", row: 1 } };
    const memo = new WeakMap();
    const one = rowLinksToWritten([shared, "t", plain], nameOf, memo);
    const two = rowLinksToWritten([shared], nameOf, memo);
    expect(one).toEqual([{ value: "x", link: { sheet: "A(2)", row: 3 } }, "t", plain]);
    expect(one[0]).toBe(two[0]);
    expect(one[2]).toBe(plain);
    const untouched = ["t", plain];
    expect(rowLinksToWritten(untouched, nameOf, memo)).toBe(untouched);
  });

  test("SheetNames gives names in order, keeps the reserved one for itself, and says which sheet went where", () => {
    const n = new SheetNames("_duizhang");
    expect(["A\u0001", "a", "_duizhang\u0002", "_duizhang", "B"].map((s) => n.add(s))).toEqual(["A", "a(2)", "_duizhang(2)", "_duizhang", "B"]);
    expect(n.renamed).toBe(true);
    expect([n.of("A"), n.of("a\u0001"), n.of("b"), n.of("C")]).toEqual(["a(2)", "A", "B", undefined]);
    const clean = new SheetNames();
    clean.add("差异明细");
    expect(clean.renamed).toBe(false);
  });
});
