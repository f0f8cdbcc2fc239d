/**
 * The real task pane and the real office-js adapter in Chromium, over the fake Excel loaded with the
 * sample workbook (the browser preview). One build (skipped when dist/ is fresh), one server, one
 * Chromium for the whole file; screenshots go to test-artifacts/.
 */
import type { Locator, Page } from "playwright-core";
import type { PreviewHook } from "../../src/preview/hook";
import { sampleSheets, SAMPLE_DEALER, SAMPLE_LEDGER_SHEET, SAMPLE_LIST_SHEET, SAMPLE_COMPANY_SHEET, SAMPLE_STATEMENT_SHEET } from "../../src/sample/sample";
import type { OutRow } from "../../src/port/workbook";
import { type Chromium } from "./support/chromium";
import { endSession, expectEventually as eventually, expectText as settledText, screenshot, startSession } from "./support/session";
import { type StaticServer } from "./support/serve";

const STEP_TIMEOUT = 15_000;
// The machine is shared: a step that waits on the pane gets STEP_TIMEOUT, a test a little more.
jest.setTimeout(45_000);

let server: StaticServer;
let browser: Chromium;
let page: Page;
const timings: Record<string, number> = {};

/** Size of a sheet spec's used range: up to its last row and column that hold a value. */
function usedSize(rows: OutRow[]): { rows: number; columns: number } {
  let lastRow = 0;
  let lastColumn = 0;
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const value = typeof cell === "object" && cell !== null && "value" in cell ? cell.value : cell;
      if (value !== null && value !== "") {
        lastRow = Math.max(lastRow, r + 1);
        lastColumn = Math.max(lastColumn, c + 1);
      }
    });
  });
  return { rows: lastRow, columns: lastColumn };
}

/** The preview's hook, inside page.evaluate. */
declare const window: { duizhangPreview?: PreviewHook };

const expectEventually = <T>(read: () => Promise<T>, expected: T): Promise<void> => eventually(read, expected, STEP_TIMEOUT);

const expectText = (locator: Locator, expected: string): Promise<void> => settledText(locator, expected, STEP_TIMEOUT);

async function openPreview(query = ""): Promise<void> {
  await page.goto(`${server.url}/preview.html${query}`, { waitUntil: "domcontentloaded" });
  await page.getByTestId("sheet-table").waitFor({ timeout: STEP_TIMEOUT });
}

const shot = (name: string): Promise<void> => screenshot(page, name);

/** A workbook setting as the fake holds it (the adapter stores JSON text). */
async function setting(key: string): Promise<unknown> {
  const raw = await page.evaluate((k) => window.duizhangPreview?.excel.model.settings.get(k), key);
  return typeof raw === "string" ? JSON.parse(raw) : raw;
}

async function choose(side: "ledger" | "statement", sheet: string): Promise<void> {
  await page.getByTestId(`pick-${side}`).click();
  await page.getByRole("option", { name: new RegExp(`^${sheet}（`) }).click();
}

beforeAll(async () => {
  ({ server, browser, page } = await startSession({ width: 1280, height: 860 }, timings));
}, 300_000);

afterAll(async () => {
  await endSession({ server, browser }, "browser test", timings);
});

test("the task pane in Chinese lists the sample's sheets with their sizes", async () => {
  const t = Date.now();
  await openPreview();
  timings["first page ready"] = Date.now() - t;
  await expectText(page.locator("header h1"), "对账助手");
  await expectText(page.getByTestId("switch-language"), "English");

  const readRows = () =>
    page.locator("[data-testid=sheet-table] tbody tr").evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent)),
    );
  const expected = sampleSheets().map((s) => {
    const size = usedSize(s.rows);
    return [s.name, String(size.rows), String(size.columns)];
  });
  // The list fills in once the workbook answered; on a busy machine that can come after the header.
  await expectEventually(readRows, expected);
  const rows = await readRows();
  expect(rows.map((r) => r[0])).toEqual([SAMPLE_LEDGER_SHEET, SAMPLE_STATEMENT_SHEET, SAMPLE_LIST_SHEET, SAMPLE_COMPANY_SHEET]);
  // The grid beside it shows the workbook as Excel would: dates and money in their formats.
  await expectText(page.locator("[data-cell=A6]"), "2026-07-06");
  await expectText(page.locator("[data-cell=E6]"), "86,400.00");
  await shot("taskpane-zh");
});

test("the language switch shows the pane in English, and back in Chinese", async () => {
  await page.getByTestId("switch-language").click();
  await expectText(page.locator("header h1"), "Duizhang receivables");
  await expectText(page.locator("[data-testid=sheet-table] thead"), "SheetRowsColumns");
  await page.getByText("Ledger (our books)").waitFor({ timeout: STEP_TIMEOUT });
  await shot("taskpane-en");
  await page.getByTestId("switch-language").click();
  await expectText(page.locator("header h1"), "对账助手");
});

test("choosing the ledger and the statement shows what was read from each, and remembers the choice", async () => {
  await choose("ledger", SAMPLE_LEDGER_SHEET);
  await choose("statement", SAMPLE_STATEMENT_SHEET);

  const ledgerRow = page.locator(`[data-testid=sheet-table] tr[data-sheet="${SAMPLE_LEDGER_SHEET}"]`);
  await ledgerRow.getByText("台账").waitFor({ timeout: STEP_TIMEOUT });
  await expectEventually(() => setting("taskpane.sheets"), { ledger: SAMPLE_LEDGER_SHEET, statement: SAMPLE_STATEMENT_SHEET });

  const ledger = page.getByTestId("summary-ledger");
  await ledger.waitFor({ timeout: STEP_TIMEOUT });
  const facts = await ledger.locator("dl").textContent();
  expect(facts).toContain(SAMPLE_DEALER);
  // 15 postings: 10 sales, 4 receipts and 1 return; 120,000.00 brought forward, 233,340.50 at 10-31.
  expect(facts).toContain("15 笔（增加 10 笔，减少 5 笔）");
  await expectText(ledger.getByTestId("opening"), "120,000.00");
  await expectText(ledger.getByTestId("closing"), "233,340.50");
  // Every column is named by its exact header, so the mapping is folded until the user opens it.
  expect(await ledger.locator("[data-role]").count()).toBe(0);
  await ledger.getByTestId("mapping-fold").click();
  await expectText(ledger.locator("[data-role=description] [role=combobox]"), "C 列：摘要");

  const statement = page.getByTestId("summary-statement");
  await statement.waitFor({ timeout: STEP_TIMEOUT });
  await expectText(statement.getByTestId("opening"), "120,000.00");
  await shot("taskpane-read");
});

test("a column chosen by the user is saved in the workbook and used on the next read", async () => {
  const ledger = page.getByTestId("summary-ledger");
  await ledger.locator("[data-role=description] [role=combobox]").click();
  await page.getByRole("option", { name: "D 列：对方科目" }).click();
  await page.getByText("列的用途已保存到本工作簿。").waitFor({ timeout: STEP_TIMEOUT });
  await expectEventually(() => setting("duizhang.mappings"), { [SAMPLE_LEDGER_SHEET]: { description: 4 } });

  await page.getByRole("button", { name: "刷新列表" }).click();
  await expectText(ledger.locator("[data-role=description] [role=combobox]"), "D 列：对方科目");
  await ledger.locator("[data-role=description]").getByText("手动指定").waitFor({ timeout: STEP_TIMEOUT });
  // With 摘要 read from 对方科目 the 期初余额 and 合计 rows are no longer recognised: the user puts it back.
  await expectText(ledger.getByTestId("opening"), "无（按 0 计）");
  await ledger.locator("[data-role=description] [role=combobox]").click();
  await page.getByRole("option", { name: "C 列：摘要" }).click();
  await expectEventually(() => setting("duizhang.mappings"), { [SAMPLE_LEDGER_SHEET]: { description: 3 } });
  await expectText(ledger.getByTestId("opening"), "120,000.00");
});

test("problems show in a MessageBar naming the sheet, and clicking a bad cell selects it", async () => {
  // The user deletes a sheet in Excel while the pane still lists it, then picks it.
  await page.evaluate((name) => {
    const p = window.duizhangPreview;
    if (!p) throw new Error("no preview hook");
    p.excel.model.deleteSheet(p.excel.sheet(name));
    p.notify();
  }, SAMPLE_LIST_SHEET);
  await choose("statement", SAMPLE_LIST_SHEET);
  const missing = page.locator("[data-message-key=read-statement]");
  await missing.waitFor({ timeout: STEP_TIMEOUT });
  await expectText(
    missing.locator("[data-message-text]"),
    `找不到工作表「${SAMPLE_LIST_SHEET}」，它可能已被重命名或删除。请点“刷新列表”后重新选择。`,
  );
  await shot("taskpane-error");

  // A mistyped amount (letter O for zero) in the ledger is listed with its cell.
  await page.evaluate((name) => {
    const p = window.duizhangPreview;
    if (!p) throw new Error("no preview hook");
    p.excel.sheet(name).setStored(7, 5, "42,35O.50");
    p.notify();
  }, SAMPLE_LEDGER_SHEET);
  await page.getByRole("button", { name: "刷新列表" }).click();
  const errors = page.getByTestId("summary-ledger").getByTestId("read-errors");
  await errors.waitFor({ timeout: STEP_TIMEOUT });
  const link = errors.getByRole("button", { name: /E7/ });
  await expect(link.textContent()).resolves.toContain("“42,35O.50”不是有效金额");
  await link.click();
  await expectText(page.getByTestId("name-box"), "E7");
  await expectEventually(() => page.evaluate(() => window.duizhangPreview?.excel.model.selection), {
    sheet: SAMPLE_LEDGER_SHEET,
    address: "E7",
  });
  await shot("taskpane-bad-cell");
});
