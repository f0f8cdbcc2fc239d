/**
 * The .xlsx port knows its result sheets by the file's sheet id, as the office-js port does by worksheet
 * id: a user's sheet that took the name of one of ours (ours deleted in Excel, theirs added) is not
 * replaced or deleted.
 */
import ExcelJS from "exceljs";
import { undoEverything } from "../../src/app/undo";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

/** The file as saved, then opened again (as the next command would). */
async function reopen(x: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.openBytes(await x.toBuffer(), "对账.xlsx");
}

/** In Excel: our 差异明细 deleted and a sheet of the user's own of the same name added, then saved. */
async function usersSheetTakesTheName(x: XlsxWorkbook): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await x.toBuffer()) as unknown as ExcelJS.Buffer);
  const ours = wb.getWorksheet("差异明细");
  wb.removeWorksheet(ours!.id);
  // Excel gives a new sheet an id the file has not used.
  const maxId = Math.max(...wb.worksheets.map((ws) => ws.id), ours!.id);
  const theirs = wb.addWorksheet("差异明细");
  (theirs as unknown as { id: number }).id = maxId + 1;
  theirs.getCell("A1").value = "我的备注";
  return XlsxWorkbook.openBytes(new Uint8Array(await wb.xlsx.writeBuffer()), "对账.xlsx");
}

async function withResults(): Promise<XlsxWorkbook> {
  const x = XlsxWorkbook.fromSpecs([{ name: "应收明细", rows: [["单号", "金额"], ["A1", 100]] }]);
  await x.writeSheet({ name: "差异明细", rows: [["说明"]] });
  await x.writeSheet({ name: "余额调节表", rows: [["调节后余额", 0]] });
  return reopen(x);
}

test("全部撤销 on a file leaves the user's sheet named like ours", async () => {
  const x = await usersSheetTakesTheName(await withResults());
  expect(await x.ownSheets()).toEqual(["余额调节表"]);
  expect((await undoEverything(x)).sheetsRemoved).toEqual(["余额调节表"]);
  expect(x.workbook.getWorksheet("差异明细")?.getCell("A1").value).toBe("我的备注");
});

test("a new run on the file refuses to replace the user's sheet; our own sheets are still replaced", async () => {
  const x = await usersSheetTakesTheName(await withResults());
  await expect(x.writeSheet({ name: "差异明细", rows: [["新结果"]] })).rejects.toMatchObject({ code: "not_ours", detail: "差异明细" });
  await x.writeSheet({ name: "余额调节表", rows: [["调节后余额", 5]] });
  const again = await reopen(x);
  // An opened file is read from its XML until something needs the whole workbook.
  await again.load();
  expect(again.workbook.getWorksheet("余额调节表")?.getCell("B1").value).toBe(5);
  expect(await again.ownSheets()).toEqual(["余额调节表"]);
});
