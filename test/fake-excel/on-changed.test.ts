/**
 * worksheet.onChanged in the fake Excel and the pane's stale signal built on it: a value written into a
 * watched sheet (here by the test, standing in for the user) tells the watcher after the write, and a
 * check then costs no request. Below ExcelApi 1.7 the check reads the sheets again and compares
 * fingerprints.
 */
import { createExcelWorkbook } from "../../src/excel/workbook";
import { gridFingerprint } from "../../src/taskpane/reconcile/fingerprint";
import { watchRunSheets } from "../../src/taskpane/reconcile/stale-watch";
import { FakeExcel, type FakeChangedEvent } from "../../src/fake-excel";

/** Lets the fake's events (sent after the writes, as Excel sends them) arrive. */
const eventsArrive = () => new Promise((resolve) => setTimeout(resolve, 5));

function setUp(apiVersion = "1.7") {
  const excel = FakeExcel.fromSheets(
    [
      { name: "应收明细", rows: [["单号", "金额"], ["A1", 100], ["A2", 200]] },
      { name: "对账单", rows: [["单号", "金额"], ["A1", 100], ["A2", 210]] },
    ],
    { apiVersion },
  );
  const port = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
  return { excel, port };
}

async function printsOf(port: ReturnType<typeof createExcelWorkbook>): Promise<Map<string, string>> {
  const prints = new Map<string, string>();
  for (const sheet of ["应收明细", "对账单"]) prints.set(sheet, gridFingerprint(await port.readSheet(sheet)));
  return prints;
}

test("onChanged tells its handler of a value written into the sheet, after the write, with the block written", async () => {
  const { excel, port } = setUp();
  const heard: { sheet: string; address?: string }[] = [];
  const stop = await port.watchSheets!(["对账单"], (change) => heard.push(change));
  excel.sheet("对账单").write(3, 2, 215);
  excel.sheet("对账单").write(4, 1, "A3");
  expect(heard).toEqual([]);
  await eventsArrive();
  expect(heard).toEqual([{ sheet: "对账单", address: "A3:B4" }]);
  excel.sheet("应收明细").write(2, 2, 1);
  await eventsArrive();
  expect(heard).toHaveLength(1);
  await stop!();
  excel.sheet("对账单").write(2, 2, 0);
  await eventsArrive();
  expect(heard).toHaveLength(1);
});

test("the fake's event carries the sheet's id, as Excel's WorksheetChangedEventArgs does", async () => {
  const { excel } = setUp();
  const events: FakeChangedEvent[] = [];
  excel.model.addChangeHandler(excel.sheet("应收明细").id, (e) => events.push(e));
  excel.sheet("应收明细").write(2, 2, 150);
  await eventsArrive();
  expect(events).toEqual([{ type: "WorksheetChanged", worksheetId: excel.sheet("应收明细").id, address: "B2", changeType: "RangeEdited", source: "Local" }]);
});

test("a run's sheets go stale on the user's edit, told by onChanged, and checking costs no request", async () => {
  const { excel, port } = setUp();
  const told: string[][] = [];
  const watch = await watchRunSheets(port, await printsOf(port), (changed) => told.push(changed));
  expect(watch.mode).toBe("events");
  excel.resetStats();
  expect(await watch.changed()).toEqual([]);
  excel.sheet("对账单").write(3, 2, 215);
  await eventsArrive();
  expect(told).toEqual([["对账单"]]);
  expect(await watch.changed()).toEqual(["对账单"]);
  expect(excel.stats.syncs).toBe(0);
  await watch.stop();
});

test("marks written on a watched sheet are not an edit: conditional formats change no value", async () => {
  const { port } = setUp();
  const watch = await watchRunSheets(port, await printsOf(port));
  await port.markRows("应收明细", "reconcile", [{ row: 2, style: "x" }], { x: { fill: "#FFC7CE" } });
  await eventsArrive();
  expect(await watch.changed()).toEqual([]);
});

test("below ExcelApi 1.7 the check reads both sheets again and compares fingerprints", async () => {
  const { excel, port } = setUp("1.6");
  const watch = await watchRunSheets(port, await printsOf(port));
  expect(watch.mode).toBe("fingerprint");
  expect(await watch.changed()).toEqual([]);
  excel.sheet("应收明细").write(2, 2, 101);
  excel.resetStats();
  expect(await watch.changed()).toEqual(["应收明细"]);
  expect(excel.stats.syncs).toBeGreaterThanOrEqual(2);
});

test("a sheet gone before watching starts falls back to fingerprints, which report it gone", async () => {
  const { excel, port } = setUp();
  const prints = await printsOf(port);
  excel.model.deleteSheet(excel.sheet("对账单"));
  const watch = await watchRunSheets(port, prints);
  expect(watch.mode).toBe("fingerprint");
  expect(await watch.changed()).toEqual(["对账单"]);
});
