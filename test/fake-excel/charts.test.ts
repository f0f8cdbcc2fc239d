/** `worksheet.charts` in the fake Excel: what the adapter's charts are tested against. */
import { FakeExcel, FakeRequestContext } from "../../src/fake-excel";

type Ctx = FakeRequestContext;

function withData(): FakeExcel {
  return FakeExcel.fromSheets([
    {
      name: "账龄分析",
      rows: [
        ["经销商", "1-30", "31-60"],
        ["宁波顺和", 100, 200],
        ["杭州美达", 50, 0],
      ],
    },
    { name: "别的表", rows: [["x", 1]] },
  ]);
}

describe("fake Excel charts", () => {
  test("charts.add over a block records its type, data block and series direction; title and place follow", async () => {
    const excel = withData();
    await excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("账龄分析");
      const chart = ws.charts.add("ColumnStacked", ws.getRange("A1:C3"), "Columns");
      chart.title.text = "余额最大的经销商";
      chart.setPosition("E2", "L19");
      await ctx.sync();
    });
    expect(excel.charts("账龄分析")).toEqual([
      { name: "Chart 1", type: "ColumnStacked", title: "余额最大的经销商", source: "'账龄分析'!A1:C3", seriesBy: "Columns", position: "E2:L19" },
    ]);
    expect(excel.charts("别的表")).toEqual([]);
  });

  test("count and items are readable only after load and sync, as in office-js", async () => {
    const excel = withData();
    await excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("账龄分析");
      ws.charts.add("Pie", ws.getRange("A1:B3"), "Auto");
      ws.charts.add("BarStacked", ws.getRange("A1:C3"), "Rows");
      const charts = ws.charts;
      expect(() => charts.count).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      charts.load("count,items/name,items/chartType");
      expect(() => charts.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(charts.count).toBe(2);
      expect(charts.items.map((c) => [c.name, c.chartType])).toEqual([
        ["Chart 1", "Pie"],
        ["Chart 2", "BarStacked"],
      ]);
      const title = charts.getItem("Chart 2").title.load("text,visible");
      await ctx.sync();
      // No title set: Excel reports an empty, hidden one.
      expect([title.text, title.visible]).toEqual(["", false]);
    });
  });

  test("a chart can be renamed, retyped and deleted; a clashing name is refused", async () => {
    const excel = withData();
    await excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("账龄分析");
      ws.charts.add("ColumnClustered", ws.getRange("A1:C3"), "Columns");
      ws.charts.add("ColumnClustered", ws.getRange("A1:B3"), "Columns");
      await ctx.sync();
      const first = ws.charts.getItemAt(0);
      first.name = "账龄图";
      first.chartType = "BarClustered";
      ws.charts.getItem("Chart 2").delete();
      await ctx.sync();
      first.name = "账龄图";
      await ctx.sync();
    });
    expect(excel.charts("账龄分析").map((c) => [c.name, c.type, c.source])).toEqual([["账龄图", "BarClustered", "'账龄分析'!A1:C3"]]);
    await expect(
      excel.run(async (ctx: Ctx) => {
        const ws = ctx.workbook.worksheets.getItem("账龄分析");
        ws.charts.add("Pie", ws.getRange("A1:B2"), "Auto");
        await ctx.sync();
        ws.charts.getItem("Chart 2").name = "账龄图";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  test("a chart over another sheet's cells, an unknown type or a missing chart fails at sync", async () => {
    const excel = withData();
    const attempt = (batch: (ctx: Ctx) => void) =>
      excel.run(async (ctx: Ctx) => {
        batch(ctx);
        await ctx.sync();
      });
    await expect(
      attempt((ctx) => {
        const other = ctx.workbook.worksheets.getItem("别的表");
        ctx.workbook.worksheets.getItem("账龄分析").charts.add("Pie", other.getRange("A1:B1"), "Auto");
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      attempt((ctx) => {
        const ws = ctx.workbook.worksheets.getItem("账龄分析");
        ws.charts.add("Sunburst", ws.getRange("A1:C3"), "Auto");
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((ctx) => ctx.workbook.worksheets.getItem("账龄分析").charts.getItem("Chart 9").load("name"))).rejects.toMatchObject({
      code: "ItemNotFound",
    });
    expect(excel.charts("账龄分析")).toEqual([]);
  });

  test("deleting a sheet takes its charts with it", async () => {
    const excel = withData();
    await excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("账龄分析");
      ws.charts.add("Pie", ws.getRange("A1:B3"), "Auto");
      await ctx.sync();
      ws.delete();
      await ctx.sync();
    });
    expect(excel.sheetNames()).toEqual(["别的表"]);
  });
});
