/**
 * The workbook port contract: the same behaviour from the office-js adapter (over the fake
 * Excel, on ExcelApi 1.7 and 1.9) and from the ExcelJS implementation.
 */
import { PortError, SheetSpec } from "../../src/port/workbook";
import { FixtureSheet, isoToSerial } from "../../src/fake-excel";
import { Harness, fakeHarness, xlsxHarness } from "./harness";

const YELLOW = "#FFFF00";
const STYLES = {
  amount_mismatch: { fill: "#FFC7CE", color: "#9C0006" },
  only_ledger: { fill: "#FFEB9C" },
};

/** A ledger with a title row, the table starting at B3, a user fill on row 5, a hidden row 7. */
function ledger(): FixtureSheet {
  return {
    name: "应收明细",
    top: 1,
    left: 2,
    rows: [
      ["应收账款明细账", null, null, null],
      [null, null, null, null],
      ["日期", "单号", "摘要", "借方"],
      [46027, "XSCK-001", "销售出库", 1200.5],
      [{ value: 46028, fill: YELLOW }, { value: "XSCK-002", fill: YELLOW }, "销售出库", { value: 300, fill: YELLOW }],
      [46030, "SK-001", "收款", -500],
      [46031, "XSCK-003", "=SUM(A1)", 88],
      [46032, "XSCK-004", "退货", -20],
    ],
    hiddenRows: [7],
    conditionalFormats: [{ address: "B8:E8", formula: "=TRUE", fill: "#C6EFCE" }],
  };
}

function statement(): FixtureSheet {
  return { name: "对账单", rows: [["日期", "金额"], [46027, 1200.5]] };
}

const harnesses: Harness[] = [fakeHarness({ apiVersion: "1.7" }), fakeHarness({ apiVersion: "1.9" }), xlsxHarness()];

async function expectPortError(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toBeInstanceOf(PortError);
  await expect(p).rejects.toMatchObject({ code });
}

describe.each(harnesses)("workbook port contract: $name", (harness) => {
  test("lists the sheets with the size and position of their used range", async () => {
    const s = await harness.make([ledger(), statement(), { name: "空表", rows: [] }]);
    await s.port.setSetting("x", 1); // the ExcelJS settings sheet must stay out of the list
    expect(await s.port.listSheets()).toEqual([
      { name: "应收明细", rowCount: 8, columnCount: 4, top: 1, left: 2, visible: true },
      { name: "对账单", rowCount: 2, columnCount: 2, top: 1, left: 1, visible: true },
      { name: "空表", rowCount: 0, columnCount: 0, top: 1, left: 1, visible: true },
    ]);
  });

  test("reads the used grid with its top-left position so rows keep their Excel numbers", async () => {
    const s = await harness.make([ledger()]);
    const grid = await s.port.readSheet("应收明细");
    expect(grid.top).toBe(1);
    expect(grid.left).toBe(2);
    expect(grid.values[0]).toEqual(["应收账款明细账", null, null, null]);
    expect(grid.values[1]).toEqual([null, null, null, null]);
    expect(grid.values[3]).toEqual([46027, "XSCK-001", "销售出库", 1200.5]);
    expect(grid.values[6]).toEqual([46031, "XSCK-003", "=SUM(A1)", 88]);
    expect(grid.values).toHaveLength(8);
    expect(grid.hiddenRows).toEqual([7]);
  });

  test("reading never changes the sheet", async () => {
    const s = await harness.make([ledger()]);
    const before = s.look("应收明细");
    await s.port.readSheet("应收明细");
    expect(s.look("应收明细")).toEqual(before);
  });

  test("an unknown sheet is no_sheet", async () => {
    const s = await harness.make([ledger()]);
    await expectPortError(s.port.readSheet("没有这张表"), "no_sheet");
    await expectPortError(s.port.markRows("没有这张表", "reconcile", [], STYLES), "no_sheet");
  });

  test("writes our sheet with formats, widths and frozen header, and reads it back", async () => {
    const s = await harness.make([statement()]);
    const spec: SheetSpec = {
      name: "差异明细",
      rows: [
        [{ value: "类型", bold: true, fill: "#DDEBF7" }, { value: "金额", bold: true, fill: "#DDEBF7" }, "日期"],
        ["金额不符", 1234.5, { date: "2026-01-05" }],
        ["仅我方", -20, null],
      ],
      columnWidths: [12, 14],
      columnFormats: [null, "#,##0.00"],
      freezeRows: 1,
    };
    await s.port.writeSheet(spec);
    const t = await s.reopen();
    expect((await t.port.readSheet("差异明细")).values.map((r) => r.slice(0, 2))).toEqual([
      ["类型", "金额"],
      ["金额不符", 1234.5],
      ["仅我方", -20],
    ]);
    expect(t.cell("差异明细", "A1")).toMatchObject({ value: "类型", bold: true, fill: "#DDEBF7", numberFormat: "@" });
    expect(t.cell("差异明细", "B2")).toMatchObject({ value: 1234.5, numberFormat: "#,##0.00", isFormula: false });
    expect(t.columnWidth("差异明细", 1)).toBeCloseTo(12, 0);
    expect(t.columnWidth("差异明细", 2)).toBeCloseTo(14, 0);
    expect(t.frozenRows("差异明细")).toBe(1);
    expect((await t.port.listSheets()).map((x) => x.name)).toEqual(["对账单", "差异明细"]);
  });

  test("dates are written as real dates shown yyyy-mm-dd", async () => {
    const s = await harness.make([statement()]);
    await s.port.writeSheet({ name: "结果", rows: [[{ date: "2026-01-05" }, { value: { date: "2025-12-31" }, numberFormat: "yyyy/m/d" }]] });
    const t = await s.reopen();
    expect(t.cell("结果", "A1")).toMatchObject({ value: isoToSerial("2026-01-05"), numberFormat: "yyyy-mm-dd", isFormula: false });
    expect(t.cell("结果", "B1")).toMatchObject({ value: isoToSerial("2025-12-31"), numberFormat: "yyyy/m/d" });
  });

  test("formula-looking dealer text stays text; numbers stay numbers", async () => {
    const s = await harness.make([statement()]);
    const texts = ["=1+1", "+86 138 0000 0000", "-5 折让", "@x", "=SUM(A1)", "=HYPERLINK(\"http://x\")", "00123"];
    await s.port.writeSheet({ name: "文本", rows: [[...texts, 42, -5]] });
    const t = await s.reopen();
    texts.forEach((text, i) => {
      const cell = t.cell("文本", `${String.fromCharCode(65 + i)}1`);
      expect(cell).toEqual({ value: text, isFormula: false, numberFormat: "@", bold: false, fill: null });
    });
    expect(t.cell("文本", "H1")).toMatchObject({ value: 42, isFormula: false });
    expect(t.cell("文本", "I1")).toMatchObject({ value: -5, isFormula: false });
    expect((await t.port.readSheet("文本")).values[0]).toEqual([...texts, 42, -5]);
  });

  test("re-writing our sheet replaces it in place; the old rows are gone", async () => {
    const s = await harness.make([statement(), { name: "后面", rows: [["x"]] }]);
    await s.port.writeSheet({ name: "余额调节表", rows: [["旧"], ["旧"], ["旧"]], position: 1 });
    await s.port.writeSheet({ name: "余额调节表", rows: [["新"]] });
    const t = await s.reopen();
    expect((await t.port.listSheets()).map((x) => x.name)).toEqual(["对账单", "余额调节表", "后面"]);
    expect((await t.port.readSheet("余额调节表")).values).toEqual([["新"]]);
  });

  test("never overwrites or deletes a user's sheet of the same name", async () => {
    const s = await harness.make([ledger(), { name: "差异明细", rows: [["用户自己的表"]] }]);
    const before = s.look("差异明细");
    await expectPortError(s.port.writeSheet({ name: "差异明细", rows: [["ours"]] }), "not_ours");
    await expectPortError(s.port.writeSheet({ name: "差异明细".toLowerCase(), rows: [["ours"]] }), "not_ours");
    await expectPortError(s.port.deleteSheet("差异明细"), "not_ours");
    expect(s.look("差异明细")).toEqual(before);
    expect((await s.port.readSheet("差异明细")).values).toEqual([["用户自己的表"]]);
  });

  test("deletes our own sheet and forgets it; deleting a missing sheet is fine", async () => {
    const s = await harness.make([statement()]);
    await s.port.writeSheet({ name: "差异明细", rows: [["x"]] });
    await s.port.deleteSheet("差异明细");
    await s.port.deleteSheet("差异明细");
    expect((await s.port.listSheets()).map((x) => x.name)).toEqual(["对账单"]);
    expect(await s.port.getSetting("duizhang.ownedSheets")).toEqual([]);
  });

  test("marks overlay the rows, keep the user's fills underneath, and clearing restores the exact look", async () => {
    const s = await harness.make([ledger(), statement()]);
    // What the sheet looks like unmarked, after the same save and reopen the marked one goes through.
    const baseline = (await s.reopen()).look("应收明细");
    await s.port.markRows("应收明细", "reconcile", [
      { row: 4, style: "amount_mismatch" },
      { row: 5, style: "amount_mismatch" },
      { row: 8, style: "only_ledger" },
    ], STYLES);
    expect(s.effectiveFill("应收明细", 4, 2)).toBe("#FFC7CE");
    expect(s.effectiveFill("应收明细", 5, 3)).toBe("#FFC7CE");
    expect(s.effectiveFill("应收明细", 5, 5)).toBe("#FFC7CE");
    expect(s.effectiveFill("应收明细", 6, 2)).toBeNull();
    // The user's own fill is still the cell's format, only covered.
    expect(s.cell("应收明细", "B5").fill).toBe(YELLOW);
    expect(await s.port.listMarks("reconcile", "应收明细")).toEqual([
      { row: 4, style: "amount_mismatch" },
      { row: 5, style: "amount_mismatch" },
      { row: 8, style: "only_ledger" },
    ]);
    const t = await s.reopen();
    expect(await t.port.listMarks("reconcile", "应收明细")).toHaveLength(3);
    await t.port.clearMarks("reconcile", "应收明细");
    expect(t.effectiveFill("应收明细", 5, 2)).toBe(YELLOW);
    expect(t.effectiveFill("应收明细", 4, 2)).toBeNull();
    expect(await t.port.listMarks("reconcile", "应收明细")).toEqual([]);
    expect((await t.reopen()).look("应收明细")).toEqual(baseline);
  });

  test("a new marking of a group replaces that group's marks and leaves other groups alone", async () => {
    const s = await harness.make([ledger()]);
    await s.port.markRows("应收明细", "reconcile", [{ row: 4, style: "amount_mismatch" }], STYLES);
    await s.port.markRows("应收明细", "aging", [{ row: 6, style: "only_ledger" }], STYLES);
    await s.port.markRows("应收明细", "reconcile", [{ row: 5, style: "only_ledger" }], STYLES);
    expect(await s.port.listMarks("reconcile", "应收明细")).toEqual([{ row: 5, style: "only_ledger" }]);
    expect(await s.port.listMarks("aging", "应收明细")).toEqual([{ row: 6, style: "only_ledger" }]);
    expect(s.effectiveFill("应收明细", 4, 2)).toBeNull();
    await s.port.clearMarks("reconcile");
    expect(await s.port.listMarks("aging", "应收明细")).toEqual([{ row: 6, style: "only_ledger" }]);
    expect(s.effectiveFill("应收明细", 6, 2)).toBe("#FFEB9C");
  });

  test("clearing a group without a sheet clears it on every sheet", async () => {
    const s = await harness.make([ledger(), statement()]);
    const before = [s.look("应收明细"), s.look("对账单")];
    await s.port.markRows("应收明细", "reconcile", [{ row: 4, style: "amount_mismatch" }], STYLES);
    await s.port.markRows("对账单", "reconcile", [{ row: 2, style: "amount_mismatch" }], STYLES);
    await s.port.clearMarks("reconcile");
    expect([s.look("应收明细"), s.look("对账单")]).toEqual(before);
  });

  test("select moves to a cell, or to the start of the used width of a row block", async () => {
    const s = await harness.make([ledger(), statement()]);
    await s.port.select({ sheet: "对账单", row: 2, column: 2 });
    expect(s.selectedCell()).toEqual({ sheet: "对账单", cell: "B2" });
    await s.port.select({ sheet: "应收明细", row: 5, rowEnd: 6 });
    expect(s.selectedCell()).toEqual({ sheet: "应收明细", cell: "B5" });
    await expectPortError(s.port.select({ sheet: "无", row: 1 }), "no_sheet");
  });

  test("settings round trip as JSON and survive saving", async () => {
    const s = await harness.make([statement()]);
    const value = { ledger: "应收明细", tolerance: 0.5, kinds: ["a", "b"], nested: { ok: true, none: null } };
    await s.port.setSetting("duizhang.choices", value);
    await s.port.setSetting("duizhang.count", 3);
    expect(await s.port.getSetting("duizhang.missing")).toBeUndefined();
    const t = await s.reopen();
    expect(await t.port.getSetting("duizhang.choices")).toEqual(value);
    expect(await t.port.getSetting("duizhang.count")).toBe(3);
    await t.port.setSetting("duizhang.count", undefined);
    expect(await t.port.getSetting("duizhang.count")).toBeUndefined();
    expect(await t.port.getSetting("duizhang.choices")).toEqual(value);
  });
});
