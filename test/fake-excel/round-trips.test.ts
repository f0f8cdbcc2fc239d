/**
 * A full reconciliation's round trips through the office-js adapter on the fake Excel (which counts
 * every sync): reading both sides, marking both and writing 差异明细 and 余额调节表 costs a handful of
 * requests on small sheets, where each call on its own paid look-ups of its own.
 */
import { createExcelWorkbook } from "../../src/excel/workbook";
import { readSheetsOf, writeResultsOf } from "../../src/port/batch";
import { benchExcelRoundTrips } from "./bench";
import { FakeExcel } from "../../src/fake-excel";

const STYLES = { amount_mismatch: { fill: "#FFC7CE", color: "#9C0006" }, only_ledger: { fill: "#FFEB9C" } };

test("a reconcile of 1,000 rows a side takes at most 6 syncs on ExcelApi 1.7", async () => {
  const r = await benchExcelRoundTrips(1_000);
  expect(r.rows).toBe(1_000);
  expect(r.marks).toBe(10);
  expect(r.syncs).toBeLessThanOrEqual(6);
  expect(r.maxRequestBytes).toBeLessThan(4 * 1024 * 1024);
});

test("the same reconcile on ExcelApi 1.9 (marks as range areas) also takes at most 6 syncs", async () => {
  const r = await benchExcelRoundTrips(1_000, { apiVersion: "1.9" });
  expect(r.syncs).toBeLessThanOrEqual(6);
});

function twoSheets(): FakeExcel {
  return FakeExcel.fromSheets([
    { name: "应收明细", rows: [["单号", "金额"], ["A1", 100], ["A2", 200], ["A3", 300]] },
    { name: "对账单", rows: [["单号", "金额"], ["A1", 100], ["A3", 310]] },
  ]);
}

test("reading two sheets together gives what reading each gives, hidden rows included, in two syncs and one for the hidden rows", async () => {
  const excel = twoSheets();
  excel.sheet("应收明细").hiddenRows.add(3);
  const port = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
  const one = [await port.readSheet("应收明细"), await port.readSheet("对账单")];
  excel.resetStats();
  const both = await readSheetsOf(port, ["应收明细", "对账单"]);
  expect(both).toEqual(one);
  expect(both[0].hiddenRows).toEqual([3]);
  // Used ranges, values, then the visible rows of the sheet with a hidden one.
  expect(excel.stats.syncs).toBe(3);
});

test("a second run's batch replaces the first run's marks and result sheets", async () => {
  const excel = twoSheets();
  const port = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
  const batch = (rows: number[], text: string) => ({
    marks: [{ sheet: "应收明细", group: "reconcile", marks: rows.map((row) => ({ row, style: "amount_mismatch" })), styles: STYLES }],
    sheets: [{ name: "差异明细", rows: [["说明"], [text]] }],
  });
  await writeResultsOf(port, batch([2, 3], "first"));
  await writeResultsOf(port, batch([4], "second"));
  expect(await port.listMarks("reconcile", "应收明细")).toEqual([{ row: 4, style: "amount_mismatch" }]);
  expect(excel.cell("差异明细", "A2").value).toBe("second");
  expect(excel.sheetNames().filter((n) => n === "差异明细")).toHaveLength(1);
  expect(await port.ownSheets()).toEqual(["差异明细"]);
});

test("a user's sheet with a result sheet's name stops the batch before anything is marked", async () => {
  const excel = twoSheets();
  excel.model.addSheet("差异明细").setStored(1, 1, "我的笔记");
  const port = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
  await expect(
    writeResultsOf(port, {
      marks: [{ sheet: "应收明细", group: "reconcile", marks: [{ row: 2, style: "only_ledger" }], styles: STYLES }],
      sheets: [{ name: "差异明细", rows: [["说明"]] }],
    }),
  ).rejects.toMatchObject({ code: "not_ours", detail: "差异明细" });
  expect(excel.cell("差异明细", "A1").value).toBe("我的笔记");
  expect(await port.listMarks("reconcile", "应收明细")).toEqual([]);
});

test("a batch too large for one request is written in several, all of it", async () => {
  const excel = twoSheets();
  const port = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported, maxRequestBytes: 10_000 });
  const rows = [["行", "说明"], ...Array.from({ length: 400 }, (_, i) => [i + 1, `第 ${i + 1} 行的说明文字`])];
  await writeResultsOf(port, {
    marks: [{ sheet: "对账单", group: "reconcile", marks: [{ row: 3, style: "amount_mismatch" }], styles: STYLES }],
    sheets: [{ name: "差异明细", rows }, { name: "余额调节表", rows: [["调节后余额", 1100]] }],
  });
  expect(await port.listMarks("reconcile", "对账单")).toEqual([{ row: 3, style: "amount_mismatch" }]);
  expect(excel.cell("差异明细", "B401").value).toBe("第 400 行的说明文字");
  expect(excel.cell("余额调节表", "B1").value).toBe(1100);
  expect(excel.sheetNames()).toEqual(["应收明细", "对账单", "差异明细", "余额调节表"]);
});
