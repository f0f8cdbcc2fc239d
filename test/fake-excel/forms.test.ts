import { APPLICATION_SHEET, writeApplicationTemplate } from "../../src/app/credit";
import { createExcelWorkbook } from "../../src/excel/workbook";
import { FakeExcel } from "../../src/fake-excel";

async function templateIn(apiVersion: string) {
  const excel = new FakeExcel({ apiVersion });
  const port = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
  const written = await writeApplicationTemplate(port, "zh-CN");
  return { excel, written, sheet: excel.sheet(APPLICATION_SHEET) };
}

describe("the application form through office-js", () => {
  it("ExcelApi 1.8 and later: inputs unlocked with their rules and input messages, the sheet protected without a password", async () => {
    const { sheet, written } = await templateIn("1.9");
    expect(written).toEqual({ sheet: APPLICATION_SHEET, validation: true, protection: true });
    expect(sheet.protection).toMatchObject({ selectionMode: "Normal", allowFormatColumns: false });
    expect(sheet.protection!.password).toBeUndefined();
    // B4 is 客户名称's input; A4 its label stays locked.
    expect(sheet.unlocked.has("4,2")).toBe(true);
    expect(sheet.unlocked.has("4,1")).toBe(false);
    const at = (r: number, c: number) => sheet.validations.find((v) => v.rect.r1 === r && v.rect.c1 === c)!;
    expect(at(14, 2).rule).toEqual({ list: { inCellDropDown: true, source: "无,保证,抵押" } });
    expect(at(14, 2).prompt).toMatchObject({ showPrompt: true, title: "担保方式" });
    expect(at(13, 2).rule).toEqual({ wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
    expect(at(8, 4).rule).toMatchObject({ date: { operator: "GreaterThan" } });
    expect(String(at(4, 2).prompt!.message)).toContain("必填");
    expect(at(4, 2).rule).toBeUndefined();
  });

  it("ExcelApi 1.7: unlocked and protected, without rules or messages, and the capabilities say so", async () => {
    const { sheet, written } = await templateIn("1.7");
    expect(written).toEqual({ sheet: APPLICATION_SHEET, validation: false, protection: true });
    expect(sheet.validations).toEqual([]);
    expect(sheet.unlocked.has("4,2")).toBe(true);
    expect(sheet.protection).not.toBeNull();
  });
});
