/**
 * What letters need from the port, the same from the office-js adapter (fake Excel, ExcelApi 1.7 and 1.9)
 * and the ExcelJS one: single cells written into a sheet that stays the user's, and sheets written as the user's.
 */
import { PortError } from "../../src/port/workbook";
import { isoToSerial } from "../../src/fake-excel";
import { Harness, fakeHarness, xlsxHarness } from "./harness";

const harnesses: Harness[] = [fakeHarness({ apiVersion: "1.7" }), fakeHarness({ apiVersion: "1.9" }), xlsxHarness()];

describe.each(harnesses)("letters' port calls: $name", (harness) => {
  test("writeCells creates a sheet that is the user's, writes only the cells given, and text stays text", async () => {
    const s = await harness.make([{ name: "台账", rows: [["日期"]] }]);
    await s.port.writeCells("函证登记簿", [
      { row: 1, column: 1, cell: { value: "编号", bold: true } },
      { row: 2, column: 1, cell: "DZ-202611-0001" },
      { row: 2, column: 3, cell: "=HYPERLINK(\"x\")" },
      { row: 2, column: 4, cell: { value: { date: "2026-11-30" }, numberFormat: "yyyy-mm-dd" } },
      { row: 2, column: 5, cell: { value: 107000.53, numberFormat: "#,##0.00" } },
    ]);
    expect(await s.port.ownSheets()).toEqual([]);
    const again = await s.reopen();
    expect(again.cell("函证登记簿", "A1")).toMatchObject({ value: "编号", bold: true });
    expect(again.cell("函证登记簿", "C2")).toMatchObject({ value: "=HYPERLINK(\"x\")", isFormula: false, numberFormat: "@" });
    expect(again.cell("函证登记簿", "D2")).toMatchObject({ value: isoToSerial("2026-11-30"), numberFormat: "yyyy-mm-dd" });
    expect(again.cell("函证登记簿", "E2")).toMatchObject({ value: 107000.53, numberFormat: "#,##0.00" });
    expect(again.cell("函证登记簿", "B2").value).toBeNull();
  });

  test("writeCells into an existing sheet leaves every other cell as it was", async () => {
    const s = await harness.make([{ name: "函证登记簿", rows: [["编号", "备注"], ["DZ-202611-0001", "用户写的"]] }]);
    await s.port.writeCells("函证登记簿", [{ row: 3, column: 1, cell: "DZ-202611-0002" }]);
    expect(s.cell("函证登记簿", "B2").value).toBe("用户写的");
    expect(s.cell("函证登记簿", "A3").value).toBe("DZ-202611-0002");
  });

  test("a sheet written as the user's is not ours, and a sheet of that name is never replaced", async () => {
    const s = await harness.make([{ name: "台账", rows: [["日期"]] }]);
    await s.port.writeSheet({ name: "对账函（积极式）", rows: [["{{客户名称}}"]], usersSheet: true });
    expect(await s.port.ownSheets()).toEqual([]);
    await expect(s.port.writeSheet({ name: "对账函（积极式）", rows: [["x"]], usersSheet: true })).rejects.toEqual(new PortError("not_ours", "对账函（积极式）"));
    await expect(s.port.writeSheet({ name: "台账", rows: [["x"]], usersSheet: true })).rejects.toEqual(new PortError("not_ours", "台账"));
    expect(s.cell("对账函（积极式）", "A1").value).toBe("{{客户名称}}");
  });
});
