/**
 * Our result sheets are known by their worksheet id (kept in the workbook's settings), not by name: a
 * user's own sheet that took the name of one of ours after ours was deleted is never replaced or
 * deleted. A new run refuses to write over it (`not_ours`, which the pane explains: rename or move the
 * user's sheet) rather than writing under another name the user would not look for.
 */
import { undoEverything } from "../../src/app/undo";
import { OWNED_SHEETS_KEY, OWNED_SHEET_IDS_KEY } from "../../src/port/owned";
import { createExcelWorkbook } from "../../src/excel/workbook";
import { writeResultsOf } from "../../src/port/batch";
import { FakeExcel } from "../../src/fake-excel";

function setUp() {
  const excel = FakeExcel.fromSheets([{ name: "应收明细", rows: [["单号", "金额"], ["A1", 100]] }]);
  const port = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
  return { excel, port };
}

/** The user deletes our 差异明细 by hand and makes a sheet of their own with the same name. */
function replaceByUsersSheet(excel: FakeExcel): void {
  excel.model.deleteSheet(excel.sheet("差异明细"));
  excel.model.addSheet("差异明细").setStored(1, 1, "我的备注");
}

test("全部撤销 leaves a user's sheet named like one of ours and removes our other sheets", async () => {
  const { excel, port } = setUp();
  await writeResultsOf(port, { sheets: [{ name: "差异明细", rows: [["说明"]] }, { name: "余额调节表", rows: [["调节后余额", 0]] }] });
  replaceByUsersSheet(excel);
  expect(await port.ownSheets()).toEqual(["余额调节表"]);
  const result = await undoEverything(port);
  expect(result.sheetsRemoved).toEqual(["余额调节表"]);
  expect(excel.sheetNames()).toEqual(["应收明细", "差异明细"]);
  expect(excel.cell("差异明细", "A1").value).toBe("我的备注");
});

test("a new run refuses to replace a user's sheet named like ours, through the batch and sheet by sheet", async () => {
  const { excel, port } = setUp();
  await port.writeSheet({ name: "差异明细", rows: [["说明"]] });
  replaceByUsersSheet(excel);
  await expect(writeResultsOf(port, { sheets: [{ name: "差异明细", rows: [["新结果"]] }] })).rejects.toMatchObject({ code: "not_ours", detail: "差异明细" });
  await expect(port.writeSheet({ name: "差异明细", rows: [["新结果"]] })).rejects.toMatchObject({ code: "not_ours", detail: "差异明细" });
  await expect(port.deleteSheet("差异明细")).rejects.toMatchObject({ code: "not_ours" });
  expect(excel.cell("差异明细", "A1").value).toBe("我的备注");
});

test("our own sheet is still replaced by the next run, and a renamed one of ours is still ours", async () => {
  const { excel, port } = setUp();
  await port.writeSheet({ name: "差异明细", rows: [["第一次"]] });
  await writeResultsOf(port, { sheets: [{ name: "差异明细", rows: [["第二次"]] }] });
  expect(excel.cell("差异明细", "A1").value).toBe("第二次");
  expect(excel.sheetNames()).toEqual(["应收明细", "差异明细"]);
  excel.sheet("差异明细").name = "上次差异";
  expect(await port.ownSheets()).toEqual(["上次差异"]);
  expect((await undoEverything(port)).sheetsRemoved).toEqual(["上次差异"]);
  expect(excel.sheetNames()).toEqual(["应收明细"]);
});

test("a workbook from before ids were kept: the sheets its names list holds are ours and get their ids", async () => {
  const { excel, port } = setUp();
  excel.model.addSheet("账龄分析").setStored(1, 1, "旧结果");
  excel.model.settings.set(OWNED_SHEETS_KEY, JSON.stringify(["账龄分析"]));
  await port.writeSheet({ name: "差异明细", rows: [["说明"]] });
  const ids = JSON.parse(String(excel.model.settings.get(OWNED_SHEET_IDS_KEY))) as string[];
  expect(ids).toEqual([excel.sheet("账龄分析").id, excel.sheet("差异明细").id]);
  await port.writeSheet({ name: "账龄分析", rows: [["新结果"]] });
  expect(excel.cell("账龄分析", "A1").value).toBe("新结果");
});
