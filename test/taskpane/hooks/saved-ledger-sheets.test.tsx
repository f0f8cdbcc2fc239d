/**
 * The monthly-sheet choice (按月分表的台账) saved in the workbook's settings: it comes back when the workbook is
 * opened again, and a sheet that is no longer there is dropped with a note (useSavedLedgerSheets over the
 * office-js adapter on the fake Excel).
 */
import type { FixtureSheet } from "../../../src/fake-excel";
import { LEDGER_SHEETS_SETTING } from "../../../src/taskpane/ledger-sheets";
import { LEDGER_SHEETS_GONE, LEDGER_SHEETS_UNREAD, useSavedLedgerSheets } from "../../../src/taskpane/saved-ledger-sheets";
import { createPaneStore } from "../../../src/taskpane/store";
import { makePane, renderHook, settle, step, STRINGS, type Pane } from "./harness";

const month = (name: string): FixtureSheet => ({ name, rows: [["日期", "客户", "单号", "借方", "贷方"], [`${name}-05`, "甲公司", "XS-1", 100, null]] });
const SHEETS = [month("2026-07"), month("2026-08"), month("2026-09"), { name: "对账单", rows: [["日期", "单号", "进货金额"], ["2026-07-06", "XS-1", 100]] }];

/** The pane opened over the same workbook: a store of its own, the workbook's sheets listed and the choice read back. */
async function open(pane: Pane) {
  const opened: Pane = { ...pane, store: createPaneStore(), reported: [] };
  opened.report = (m) => opened.reported.push(m);
  const hook = await renderHook(opened, () => useSavedLedgerSheets(opened.report));
  await step(async () => hook.current(await opened.port.listSheets(), true));
  return { pane: opened, hook };
}

const saved = (pane: Pane) => pane.port.getSetting(LEDGER_SHEETS_SETTING);

describe("the monthly-sheet choice in the workbook", () => {
  test("a choice made in the pane is saved in the workbook and comes back when the workbook is opened again", async () => {
    const first = await open(makePane(SHEETS));
    expect(first.pane.store.get().ledgerSheets).toBeNull();
    await step(() => first.pane.store.dispatch({ type: "ledger/sheets", sheets: ["2026-07", "2026-08", "2026-09"] }));
    await settle();
    await expect(saved(first.pane)).resolves.toEqual(["2026-07", "2026-08", "2026-09"]);
    await first.hook.unmount();

    const again = await open(first.pane);
    expect(again.pane.store.get().ledgerSheets).toEqual(["2026-07", "2026-08", "2026-09"]);
    expect(again.pane.reported).toEqual([]);

    // Back to the ledger sheet alone: the workbook forgets the choice.
    await step(() => again.pane.store.dispatch({ type: "ledger/sheets", sheets: null }));
    await settle();
    await expect(saved(again.pane)).resolves.toBeUndefined();
  });

  test("the choice read back is not written again", async () => {
    const pane = makePane(SHEETS);
    await pane.port.setSetting(LEDGER_SHEETS_SETTING, ["2026-07", "2026-08"]);
    const writes = jest.spyOn(pane.port, "setSetting");
    const { pane: opened } = await open(pane);
    await settle();
    expect(opened.store.get().ledgerSheets).toEqual(["2026-07", "2026-08"]);
    expect(writes).not.toHaveBeenCalled();
  });

  test("a sheet deleted since is dropped with a note; the others are still read as one ledger", async () => {
    const pane = makePane(SHEETS);
    await pane.port.setSetting(LEDGER_SHEETS_SETTING, ["2026-07", "2026-08", "2026-09"]);
    pane.excel.model.deleteSheet(pane.excel.model.sheet("2026-08")!);
    const { pane: opened } = await open(pane);
    await settle();
    expect(opened.store.get().ledgerSheets).toEqual(["2026-07", "2026-09"]);
    expect(opened.reported.map((m) => [m.key, m.intent, m.text(STRINGS["zh-CN"])])).toEqual([
      [LEDGER_SHEETS_GONE, "info", "按月分表的台账中，「2026-08」已不在工作簿中（可能已被重命名或删除），已从一并读取的工作表中去掉；现在合为一本台账的是：2026-07、2026-09。"],
    ]);
    expect(opened.reported[0].text(STRINGS["en-US"])).toBe(
      '"2026-08" is no longer in the workbook (renamed or deleted?), so it was dropped from the ledger\'s monthly sheets; read as one ledger now: 2026-07, 2026-09.',
    );
    // The workbook keeps what is left, so the next opening says nothing more.
    await expect(saved(opened)).resolves.toEqual(["2026-07", "2026-09"]);
    const next = await open(opened);
    expect(next.pane.reported).toEqual([]);
  });

  test("with one sheet left the choice is gone, and the workbook forgets it", async () => {
    const pane = makePane(SHEETS);
    await pane.port.setSetting(LEDGER_SHEETS_SETTING, ["2026-07", "2026-08"]);
    pane.excel.model.deleteSheet(pane.excel.model.sheet("2026-08")!);
    const { pane: opened } = await open(pane);
    await settle();
    expect(opened.store.get().ledgerSheets).toBeNull();
    expect(opened.reported.map((m) => m.text(STRINGS["zh-CN"]))).toEqual([
      "按月分表的台账中，「2026-08」已不在工作簿中（可能已被重命名或删除），已从一并读取的工作表中去掉；台账现在只读一张工作表。",
    ]);
    await expect(saved(opened)).resolves.toBeUndefined();
  });

  test("a sheet deleted while the pane is open is dropped on the next refresh of the sheet list", async () => {
    const { pane, hook } = await open(makePane(SHEETS));
    await step(() => pane.store.dispatch({ type: "ledger/sheets", sheets: ["2026-07", "2026-08", "2026-09"] }));
    await settle();
    pane.excel.model.deleteSheet(pane.excel.model.sheet("2026-09")!);
    await step(async () => hook.current(await pane.port.listSheets(), false));
    await settle();
    expect(pane.store.get().ledgerSheets).toEqual(["2026-07", "2026-08"]);
    expect(pane.reported.map((m) => m.key)).toEqual([LEDGER_SHEETS_GONE]);
    await expect(saved(pane)).resolves.toEqual(["2026-07", "2026-08"]);
  });

  test("a saved choice that cannot be read does not stop the workbook opening: the failure is said, and a choice made later is not written over it", async () => {
    const pane = makePane(SHEETS);
    await pane.port.setSetting(LEDGER_SHEETS_SETTING, ["2026-07", "2026-08"]);
    const read = pane.port.getSetting.bind(pane.port);
    jest.spyOn(pane.port, "getSetting").mockImplementation((key: string) => (key === LEDGER_SHEETS_SETTING ? Promise.reject(new Error("settings unavailable")) : read(key)));
    const writes = jest.spyOn(pane.port, "setSetting");
    const { pane: opened } = await open(pane);
    expect(opened.store.get().ledgerSheets ?? null).toBeNull();
    expect(opened.reported.map((m) => [m.key, m.intent, m.text(STRINGS["en-US"])])).toEqual([[LEDGER_SHEETS_UNREAD, "error", STRINGS["en-US"].unexpectedError("settings unavailable")]]);
    await step(() => opened.store.dispatch({ type: "ledger/sheets", sheets: ["2026-08", "2026-09"] }));
    await settle();
    expect(writes).not.toHaveBeenCalled();
  });

  test("anything else under the setting counts as no choice", async () => {
    const pane = makePane(SHEETS);
    await pane.port.setSetting(LEDGER_SHEETS_SETTING, { sheets: "2026-07" });
    const { pane: opened } = await open(pane);
    expect(opened.store.get().ledgerSheets).toBeNull();
    expect(opened.reported).toEqual([]);
  });
});
