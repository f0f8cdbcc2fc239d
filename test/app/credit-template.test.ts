import ExcelJS from "exceljs";
import { APPLICATION_SHEET, applicationTemplateSpec, surveyCredit, writeApplicationTemplate } from "../../src/app/credit";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

async function writtenTemplate(): Promise<ExcelJS.Worksheet> {
  const wb = XlsxWorkbook.create();
  await writeApplicationTemplate(wb, "zh-CN");
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(Buffer.from(await wb.toBuffer()) as unknown as ArrayBuffer);
  return back.getWorksheet(APPLICATION_SHEET)!;
}

/** The cell right of a label (the input), by the label's text. */
function inputBeside(ws: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | null = null;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value === label) found = ws.getCell(Number(cell.row), Number(cell.col) + 1);
    }),
  );
  if (!found) throw new Error(`no label ${label}`);
  return found;
}

describe("the application sheet reps fill", () => {
  it("is protected without a password, labels locked and inputs unlocked", async () => {
    const ws = await writtenTemplate();
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection!.hashValue).toBeUndefined();
    expect(inputBeside(ws, "客户名称 *").protection).toMatchObject({ locked: false });
    // A label keeps Excel's default (locked): no protection override is written for it.
    const label = ws.getCell("A4");
    expect(label.value).toBe("客户名称 *");
    expect(label.protection?.locked).not.toBe(false);
  });

  it("has drop-downs for 企业性质 and 担保方式, dates, whole numbers ≥ 0 for money, each with an input message that says whether it is required", async () => {
    const ws = await writtenTemplate();
    const guarantee = inputBeside(ws, "担保方式 *").dataValidation;
    expect(guarantee).toMatchObject({ type: "list", formulae: ['"无,保证,抵押"'], showInputMessage: true, promptTitle: "担保方式" });
    expect(guarantee.prompt).toContain("必填");
    expect(inputBeside(ws, "企业性质 *").dataValidation).toMatchObject({ type: "list", formulae: ['"有限责任公司,股份有限公司,个人独资企业,合伙企业,个体工商户,国有企业,其他"'] });
    expect(inputBeside(ws, "成立日期 *").dataValidation).toMatchObject({ type: "date", operator: "greaterThan", showErrorMessage: true });
    const limit = inputBeside(ws, "申请额度（元） *").dataValidation;
    expect(limit).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0] });
    expect(inputBeside(ws, "主营产品").dataValidation.prompt).toContain("选填");
  });

  it("prints on A4 with the four approval lines and their 意见 / 签字 / 日期 columns", async () => {
    const ws = await writtenTemplate();
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe("portrait");
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value))));
    for (const t of ["销售代表", "销售经理", "财务经理", "总经理", "意见", "签字", "日期"]) expect(texts).toContain(t);
  });

  it("the empty template read back reports each required input by its cell", async () => {
    const wb = XlsxWorkbook.fromSpecs([{ name: APPLICATION_SHEET, rows: applicationTemplateSpec().rows }]);
    const read = await surveyCredit(wb);
    expect(read.applications).toEqual([]);
    expect(read.errors.find((e) => e.field === "客户名称")).toMatchObject({ sheet: APPLICATION_SHEET, cell: "B4" });
    expect(read.errors.map((e) => e.field)).toEqual(["客户名称", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"]);
  });
});

describe("the credit sheets on paper", () => {
  it("the application form prints on one A4 page width at full size, and 信用评估 at 90% or more", async () => {
    const { designedScale } = await import("../../src/app/reports/print");
    const { creditResultSpec, runCredit } = await import("../../src/app/credit");
    expect(designedScale(applicationTemplateSpec())).toBe(100);
    const wb = XlsxWorkbook.fromSpecs([
      {
        name: "申请登记",
        rows: [
          ["客户名称", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"],
          ["青城建材", "其他", { date: "2010-01-01" }, 600, 6000, { date: "2020-01-01" }, 100000, "无", 300000, 60, "张强", { date: "2026-11-01" }],
        ],
      },
    ]);
    const r = await runCredit({ applications: wb, asOf: "2026-11-30" });
    if (!r.ok) throw new Error("no run");
    const spec = creditResultSpec(r.run, "zh-CN");
    expect(spec.print?.orientation).toBe("landscape");
    expect(designedScale(spec)).toBeGreaterThanOrEqual(90);
  });
});
