/** The fake Excel is strict where office-addin-mock is lenient; these pin that strictness down. */
import { FakeExcel, FakeRequestContext } from "../../src/fake-excel";

type Ctx = FakeRequestContext;

function sample(options?: { apiVersion?: string }): FakeExcel {
  return FakeExcel.fromSheets([{ name: "账", rows: [["日期", "金额"], [46027, 100]] }], options);
}

describe("fake Excel", () => {
  test("reading a property that was not loaded and synced throws PropertyNotLoaded", async () => {
    const excel = sample();
    await excel.run(async (ctx: Ctx) => {
      const range = ctx.workbook.worksheets.getItem("账").getRange("A1:B2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      // Loaded but not synced: still not there.
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(range.values).toEqual([["日期", "金额"], [46027, 100]]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("isNullObject is known only after a sync", async () => {
    const excel = sample();
    await excel.run(async (ctx: Ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("没有");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });

  test("a request over 5 MB fails with RequestPayloadSizeLimitExceeded and changes nothing", async () => {
    const excel = sample();
    const big = Array.from({ length: 100_000 }, (_, i) => [`第${i}行 一段很长的摘要文字，用来把请求撑大`, i]);
    await expect(
      excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("账").getRange(`A1:B${big.length}`).values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(excel.stats.maxRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(excel.cell("账", "A1").value).toBe("日期");
    expect(excel.sheet("账").usedRange(true)).toEqual({ r1: 1, c1: 1, r2: 2, c2: 2 });
  });

  test("a response over 5 MB fails too", async () => {
    const excel = FakeExcel.fromSheets([
      { name: "大", rows: Array.from({ length: 150_000 }, (_, i) => [`单号-${i}-一段足够长的中文摘要让响应变大`]) },
    ]);
    await expect(
      excel.run(async (ctx: Ctx) => {
        const r = ctx.workbook.worksheets.getItem("大").getUsedRange(true).load("values");
        await ctx.sync();
        return r.values;
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  test("counts syncs, including the one Excel.run makes for commands still queued", async () => {
    const excel = sample();
    await excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("账").getRange("A1").load("values");
      await ctx.sync();
      await ctx.sync();
      ctx.workbook.worksheets.getItem("账").getRange("C1").values = [["x"]];
    });
    expect(excel.stats.syncs).toBe(3);
    expect(excel.cell("账", "C1").value).toBe("x");
  });

  test("values must match the range's size", async () => {
    const excel = sample();
    await expect(
      excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("账").getRange("A1:B2").values = [["only one row", 1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("text written to a General cell is taken as Excel would: formulas, numbers and dates", async () => {
    const excel = sample();
    await excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("账");
      ws.getRange("A5:D5").values = [["=1+1", "-5 折让", "123", "2026-01-05"]];
      ws.getRange("A6").numberFormat = [["@"]];
      ws.getRange("A6").values = [["=1+1"]];
    });
    expect(excel.cell("账", "A5")).toMatchObject({ formula: "=1+1" });
    expect(excel.cell("账", "B5")).toMatchObject({ formula: "=-5 折让" });
    expect(excel.cell("账", "C5")).toMatchObject({ value: 123, formula: null });
    expect(excel.cell("账", "D5")).toMatchObject({ value: 46027, numberFormat: "yyyy-mm-dd" });
    expect(excel.cell("账", "A6")).toMatchObject({ value: "=1+1", formula: null, numberFormat: "@" });
  });

  test("an ExcelApi 1.7 host refuses RangeAreas; isSetSupported says so", async () => {
    const excel = sample({ apiVersion: "1.7" });
    expect(excel.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(excel.isSetSupported("ExcelApi", "1.9")).toBe(false);
    await expect(
      excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("账").getRanges("A1:B1,A2:B2").load("address");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("conditional formats overlay the cell fill and deleting one brings the fill back", async () => {
    const excel = FakeExcel.fromSheets([{ name: "账", rows: [[{ value: 1, fill: "#FFFF00" }, 2]] }]);
    await excel.run(async (ctx: Ctx) => {
      const cf = ctx.workbook.worksheets.getItem("账").getRange("A1:B1").conditionalFormats.add("Custom");
      cf.custom.rule.formula = '=N("tag")=0';
      cf.custom.format.fill.color = "#FFC7CE";
    });
    expect(excel.effectiveFill("账", 1, 1)).toBe("#FFC7CE");
    expect(excel.cell("账", "A1").fill).toBe("#FFFF00");
    await excel.run(async (ctx: Ctx) => {
      const cfs = ctx.workbook.worksheets.getItem("账").getRange().conditionalFormats.load("items/type");
      await ctx.sync();
      expect(cfs.items.map((c) => c.type)).toEqual(["Custom"]);
      cfs.items[0].delete();
    });
    expect(excel.effectiveFill("账", 1, 1)).toBe("#FFFF00");
    expect(excel.effectiveFill("账", 1, 2)).toBeNull();
  });

  test("a million rows by eight columns fit in memory and read back by range", async () => {
    const excel = new FakeExcel();
    const s = excel.model.addSheet("大表");
    for (let r = 1; r <= 1_048_576; r++) for (let c = 1; c <= 8; c++) s.setStored(r, c, c === 2 ? "摘要" : r);
    expect(s.usedRange(true)).toEqual({ r1: 1, c1: 1, r2: 1_048_576, c2: 8 });
    expect(s.readValues({ r1: 1_048_576, c1: 1, r2: 1_048_576, c2: 3 })).toEqual([[1_048_576, "摘要", 1_048_576]]);
  });
});
