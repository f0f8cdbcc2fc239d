/**
 * Credit finds its sheets as every command does (`sheetNamed`): whatever the case, as the workbook writes the
 * name, and two sheets differing only in case are refused naming both rather than one of them taken.
 */
import { approveCredit, creditSheetName, loadRegister, runCredit, undoApproval } from "../../src/app/credit";
import { PortError, type OutRow } from "../../src/port/workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

const APPLICATIONS: OutRow[] = [
  ["客户名称", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"],
  ["杭州美达商贸", "其他", "2010-01-01", 600, 6000, "2020-01-01", 100000, "抵押", 300000, 60, "张强", "2026-11-01"],
];
const REGISTER: OutRow[] = [
  ["客户名称", "信用等级", "信用额度", "账期（天）", "评定日期", "下次复评日期", "审批人", "备注"],
  ["宁波顺和电器", "B", 50000, 30, { date: "2026-06-10" }, { date: "2026-12-10" }, "陈静", ""],
  ["杭州美达商贸", "C", 20000, 30, { date: "2026-05-01" }, { date: "2026-11-01" }, "陈静", "老客户"],
];

test("creditSheetName: as spelled, else in another case as the workbook writes it, else null; twins give the name asked", () => {
  const sheets = [{ name: "Credit File" }, { name: "Data" }, { name: "DATA" }];
  expect(creditSheetName(sheets, "Credit File")).toBe("Credit File");
  expect(creditSheetName(sheets, "CREDIT FILE")).toBe("Credit File");
  expect(creditSheetName(sheets, "DATA")).toBe("DATA");
  expect(creditSheetName(sheets, "data")).toBe("data");
  expect(creditSheetName(sheets, "信用档案")).toBeNull();
});

test("a register named in another case is read, and an approval goes into that sheet (not a second one), undone there", async () => {
  const wb = XlsxWorkbook.fromSpecs([
    { name: "申请", rows: APPLICATIONS },
    { name: "Credit File", rows: REGISTER },
  ]);
  const register = await loadRegister(wb, "CREDIT FILE");
  expect([register?.sheet, register?.rows.map((r) => r.dealer)]).toEqual(["Credit File", ["宁波顺和电器", "杭州美达商贸"]]);
  const r = await runCredit({ applications: wb, asOf: "2026-11-30" });
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  const written = await approveCredit(wb, { dealer: r.run.result.dealers[0], approver: "王芳", approved: "2026-12-03", asOf: "2026-11-30" }, "credit file");
  // The dealer's own row of the sheet there is, with what it held kept for undo.
  expect([written.created, written.row, written.undo.sheet]).toEqual([false, 3, "Credit File"]);
  expect(written.undo.previous.find((c) => c.column === 2)?.cell).toBe("C");
  expect((await wb.listSheets()).map((s) => s.name)).toEqual(["申请", "Credit File"]);
  expect(await undoApproval(wb, { ...written.undo, sheet: "CREDIT FILE" })).toEqual({ ok: true });
  expect((await wb.readSheet("Credit File")).values[2].slice(0, 3)).toEqual(["杭州美达商贸", "C", 20000]);
});

test("two registers whose names differ only in case, asked for in a third spelling, are refused naming both", async () => {
  const wb = XlsxWorkbook.fromSpecs([
    { name: "Credit", rows: REGISTER },
    { name: "Twin", rows: REGISTER.slice(0, 2) },
  ]);
  // ExcelJS will not name a sheet so itself: the second sheet is renamed in the file's XML.
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(await wb.toBuffer());
  for (const part of ["xl/workbook.xml", "docProps/app.xml"]) {
    const file = zip.file(part);
    if (file) zip.file(part, (await file.async("string")).split(">Twin<").join(">CREDIT<").split('"Twin"').join('"CREDIT"'));
  }
  const twins = await XlsxWorkbook.openBytes(await zip.generateAsync({ type: "nodebuffer" }), "/tmp/twins.xlsx", "twins.xlsx");
  expect((await loadRegister(twins, "CREDIT"))?.rows).toHaveLength(1);
  const e = await loadRegister(twins, "credit").catch((x: unknown) => x);
  expect(e).toBeInstanceOf(PortError);
  expect((e as PortError).said).toMatchObject({ code: "sheet.ambiguous", params: { file: "twins.xlsx", sheet: "credit", sheets: ["Credit", "CREDIT"] } });
});
