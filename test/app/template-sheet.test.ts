/**
 * The sheets the letters and collection papers look for (本公司信息, the register, 还款计划, a template sheet)
 * are found as every command finds one (`sheetNamed`): as spelled, else in another case as the workbook writes
 * it; two sheets whose names differ only in case, asked for in a third spelling, are refused naming both
 * rather than one of them taken.
 */
import { findSheet, writeTemplateSheet } from "../../src/app/template-sheet";
import { builtinTemplate } from "../../src/core/letters";
import { PortError } from "../../src/port/workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { letterTwinsBytes } from "../fixtures/twin-sheets";

/** A workbook another program made, holding sheets `Letter` and `LETTER`. */
const twins = async (): Promise<XlsxWorkbook> => XlsxWorkbook.openBytes(await letterTwinsBytes(), "/tmp/twins.xlsx", "twins.xlsx");

test("findSheet: as spelled, else in another case as the workbook writes it, else null", async () => {
  const wb = XlsxWorkbook.fromSpecs([
    { name: "My Letter", rows: [["致：{{客户名称}}"]] },
    { name: "函证登记簿", rows: [["编号"]] },
  ]);
  expect(await findSheet(wb, "My Letter")).toBe("My Letter");
  expect(await findSheet(wb, "MY LETTER")).toBe("My Letter");
  expect(await findSheet(wb, "函证登记簿")).toBe("函证登记簿");
  expect(await findSheet(wb, "My Letters")).toBeNull();
});

test("findSheet: of two sheets whose names differ only in case, each is found by its own spelling", async () => {
  const wb = await twins();
  expect(await findSheet(wb, "Letter")).toBe("Letter");
  expect(await findSheet(wb, "LETTER")).toBe("LETTER");
  expect((await wb.readSheet((await findSheet(wb, "LETTER"))!)).values.flat()).toEqual(["To: {{客户名称}}"]);
});

test("findSheet: a third spelling of two such sheets is refused naming both, and neither is read in its place", async () => {
  const wb = await twins();
  const found = await findSheet(wb, "letter");
  expect(found).not.toBeNull();
  const e = await wb.readSheet(found!).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(PortError);
  expect((e as PortError).code).toBe("no_sheet");
  expect((e as PortError).said).toMatchObject({ code: "sheet.ambiguous", params: { file: "twins.xlsx", sheet: "letter", sheets: ["Letter", "LETTER"] } });
});

test("writeTemplateSheet: a sheet of the template's name in another case still holding it is reused, not written again", async () => {
  const t = { ...builtinTemplate("positive"), sheet: "Letter" };
  const wb = XlsxWorkbook.create();
  expect(await writeTemplateSheet(wb, t)).toEqual({ sheet: "Letter", written: true });
  expect(await writeTemplateSheet(wb, { ...t, sheet: "LETTER" })).toEqual({ sheet: "Letter", written: false });
  expect((await wb.listSheets()).map((s) => s.name)).toEqual(["Letter"]);
});
