/**
 * Issue 17 in the pane, in Chromium on the browser preview: a ledger kept one sheet per month chosen as one
 * (the multi-select, "same layout" shown, all sheets like the ledger in one click, the sheet with other
 * columns named in the read summary, aging marks on each month's own rows), and the 函证 view from a
 * balance table (余额表 in the summary, the cut-off warning, 含明细 not offered, the row that does not add up
 * left without a letter), also at 320 px. The sheets are added to the preview's workbook as a user would
 * add them in Excel. Screenshots go to test-artifacts/.
 */
import type { Page } from "playwright-core";
import type { PreviewHook } from "../../src/preview/hook";
import { type Chromium } from "./support/chromium";
import { endSession, expectEventually as eventually, screenshot, startSession } from "./support/session";
import { type StaticServer } from "./support/serve";

const STEP_TIMEOUT = 30_000;
jest.setTimeout(180_000);

let server: StaticServer;
let browser: Chromium;
let page: Page;
const timings: Record<string, number> = {};

declare const window: { duizhangPreview?: PreviewHook };

type Cell = string | number | null;
const HEADER: Cell[] = ["日期", "客户", "单号", "摘要", "借方", "贷方"];
const MONTHS: Record<string, Cell[][]> = {
  "2026-07": [HEADER, ["2026-07-05", "甲公司", "XS-701", "销售", 1000, null], ["2026-07-20", "甲公司", "XS-702", "销售", 500, null]],
  "2026-08": [HEADER, ["2026-08-03", "甲公司", "XS-801", "销售", 2000, null], ["2026-08-15", "甲公司", "SK-801", "收款", null, 1000]],
  "2026-09": [["日期", "客户", "单号", "摘要", "业务员", "借方", "贷方"], ["2026-09-10", "甲公司", "XS-901", "销售", "王五", 100, null]],
};
const BALANCES: Cell[][] = [
  ["往来余额表（截止 2026-11-30）"],
  ["客户名称", "期初余额", "本期借方", "本期贷方", "期末余额"],
  ["杭州美达商贸有限公司", 0, 107000.53, 0, 107000.53],
  ["嘉兴恒通家电", 0, 1409.5, 0, 1409.5],
  ["温州瑞丰五金", 300, 100, 0, 500],
  ["合计", 300, 108510.03, 0, 108910.03],
];

beforeAll(async () => {
  ({ server, browser, page } = await startSession({ width: 1280, height: 1500 }, timings));
}, 300_000);

afterAll(async () => {
  await endSession({ server, browser }, "ledger sheets browser test", timings);
});

/** Adds sheets to the preview's workbook, as the user would in Excel, and lists them again in the pane. */
async function addSheets(sheets: Record<string, Cell[][]>, refresh: string): Promise<void> {
  await page.evaluate((all) => {
    const p = window.duizhangPreview;
    if (!p) throw new Error("no preview hook");
    for (const [name, rows] of Object.entries(all)) {
      const sheet = p.excel.model.addSheet(name);
      rows.forEach((row, r) => row.forEach((v, c) => v !== null && sheet.setStored(r + 1, c + 1, v)));
    }
    p.notify();
  }, sheets);
  await page.getByRole("button", { name: refresh }).click();
  for (const name of Object.keys(sheets)) await page.getByTestId("sheet-table").locator(`tr[data-sheet="${name}"]`).waitFor({ timeout: STEP_TIMEOUT });
}

async function chooseLedger(name: string): Promise<void> {
  await page.getByTestId("pick-ledger").click();
  await page.getByRole("option", { name: new RegExp(`^${name}[（ (]`) }).click();
}

/** What the user sees as a cell's fill (our marks included). */
function fillOf(sheet: string, row: number): Promise<string | null> {
  return page.evaluate(([s, r]) => window.duizhangPreview?.excel.model.sheet(s as string)?.effectiveFill(r as number, 1) ?? null, [sheet, row] as const);
}

async function fits(): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
}

test("monthly sheets chosen as one ledger: same layout shown, all like 2026-07 in one click, the other layout named, aged and marked on each month's rows", async () => {
  const t = Date.now();
  await page.goto(`${server.url}/preview.html`, { waitUntil: "domcontentloaded" });
  await page.getByTestId("sheet-table").waitFor({ timeout: STEP_TIMEOUT });
  await addSheets(MONTHS, "刷新列表");
  await chooseLedger("2026-07");

  // The other months: 2026-08 has the same columns, 2026-09 a 业务员 column more.
  await page.getByTestId("ledger-sheets").click();
  // A multi-select's options are menu item checkboxes; each carries its sheet's name.
  await page.locator('div[data-sheet="2026-08"] [data-layout=same]').waitFor({ timeout: STEP_TIMEOUT });
  await expect(page.locator('div[data-sheet="2026-08"]').textContent()).resolves.toBe("2026-08同样的格式");
  await expect(page.locator('div[data-sheet="2026-09"]').textContent()).resolves.toBe("2026-09格式不同");
  await screenshot(page, "ledger-sheets-options");
  await page.keyboard.press("Escape");

  await page.getByTestId("ledger-sheets-like").click();
  await eventually(() => page.getByTestId("ledger-sheets").textContent(), "2026-07、2026-08、2026-09", STEP_TIMEOUT);
  const notes = page.getByTestId("combined-notes");
  await notes.waitFor({ timeout: STEP_TIMEOUT });
  await expect(notes.locator("span").first().textContent()).resolves.toBe("合为一本台账的 3 张工作表：2026-07、2026-08、2026-09（期初取自“2026-07”）");
  await expect(page.getByTestId("layout-differences").locator("li").allTextContents()).resolves.toEqual(["2026-09：多出 业务员 列"]);
  await screenshot(page, "ledger-sheets-summary");

  // 账龄 keeps the choice (the pane store) and ages the three months as one.
  await page.getByTestId("taskpane").getByRole("tab", { name: "账龄 / 逾期", exact: true }).click();
  await page.getByTestId("aging-as-of").fill("2026-12-01");
  await expect(page.getByTestId("ledger-sheets").textContent()).resolves.toBe("2026-07、2026-08、2026-09");
  await page.getByTestId("aging-mark").click({ timeout: STEP_TIMEOUT });
  // The payment settles July's first sale: July row 3, August row 2 and September row 2 stay open and late.
  await eventually(async () => [await fillOf("2026-07", 2), (await fillOf("2026-07", 3)) !== null, (await fillOf("2026-08", 2)) !== null, await fillOf("2026-08", 3), (await fillOf("2026-09", 2)) !== null], [null, true, true, null, true], STEP_TIMEOUT);
  timings["monthly sheets aged and marked"] = Date.now() - t;
  await screenshot(page, "ledger-sheets-aging");

  await page.getByTestId("aging-clear").click();
  await eventually(async () => [await fillOf("2026-07", 3), await fillOf("2026-08", 2), await fillOf("2026-09", 2)], [null, null, null], STEP_TIMEOUT);
});

test("函证 from a balance table: 余额表 in the summary, the cut-off warning, 含明细 not offered, letters for the rows that add up", async () => {
  const t = Date.now();
  await page.goto(`${server.url}/preview.html`, { waitUntil: "domcontentloaded" });
  await page.getByTestId("sheet-table").waitFor({ timeout: STEP_TIMEOUT });
  await addSheets({ 往来余额表: BALANCES }, "刷新列表");
  await chooseLedger("往来余额表");
  await page.getByTestId("summary-balances").waitFor({ timeout: STEP_TIMEOUT });
  await expect(page.getByTestId("balances-facts").textContent()).resolves.toBe("3 家经销商；截止 2026-11-30（取自表头）");
  await expect(page.getByTestId("balances-mismatches").locator("li").allTextContents()).resolves.toEqual(["往来余额表 第5行 温州瑞丰五金：应为 400.00，表中 500.00"]);

  await page.getByTestId("taskpane").getByRole("tab", { name: "函证", exact: true }).click();
  await page.getByTestId("letters-from-balances").waitFor({ timeout: STEP_TIMEOUT });
  await page.getByTestId("letters-asof").fill("2026-12-31");
  await expect(page.getByTestId("letters-cutoff-differs").textContent()).resolves.toContain("截至日期 2026-12-31 与余额表的截止日期 2026-11-30 不同");
  await page.getByTestId("letters-use-cutoff").click();
  await page.getByTestId("letters-cutoff-differs").waitFor({ state: "detached", timeout: STEP_TIMEOUT });
  await expect(page.getByTestId("letters-asof").inputValue()).resolves.toBe("2026-11-30");

  await page.getByTestId("letters-template-choice").click();
  await expect(page.getByRole("option", { name: "内置：对账函（含明细）" }).getAttribute("aria-disabled")).resolves.toBe("true");
  await page.keyboard.press("Escape");

  // Before a run, the row that does not add up is listed as read.
  await expect(page.getByTestId("letters-mismatched").locator("li").count()).resolves.toBe(1);
  await page.getByTestId("letters-template-ok").waitFor({ timeout: STEP_TIMEOUT });
  await page.getByTestId("letters-generate").click();
  await page.getByTestId("letters-results").waitFor({ timeout: STEP_TIMEOUT });
  const items = await page.getByTestId("letter-item").allTextContents();
  expect(items.map((i) => i.replace(/ 登记簿.*$/, ""))).toEqual(["DZ-202611-0001 杭州美达商贸有限公司 ¥107,000.53", "DZ-202611-0002 嘉兴恒通家电 ¥1,409.50"]);
  // The run skipped the row that does not add up and says why; the pane lists it from the run, a click from its row.
  await expect(page.getByTestId("letters-excluded-count").textContent()).resolves.toBe("余额表中 1 行对不上，未生成对账函：");
  await expect(page.getByTestId("letters-excluded-row").allTextContents()).resolves.toEqual([
    "温州瑞丰五金：余额表“往来余额表”第 5 行不平：期初 + 借方 − 贷方 = 400.00，期末余额却是 500.00；请先核对该行，未生成对账函",
  ]);
  // Listed once: the read's list gives way to the run's.
  expect(await page.getByTestId("letters-mismatched").count()).toBe(0);
  expect(await page.getByTestId("letters-view").getByText("温州瑞丰五金", { exact: false }).count()).toBe(1);
  // Every other dealer got its letter: no other list of skipped dealers.
  expect(await page.getByTestId("letters-skipped").count()).toBe(0);
  timings["letters from the balance table"] = Date.now() - t;
  await screenshot(page, "letters-from-balances");
});

test("at 320 px the monthly-sheet choice and the 函证 view from a balance table fit without sideways scrolling", async () => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(`${server.url}/preview.html?pane=only`, { waitUntil: "domcontentloaded" });
  await page.getByTestId("sheet-table").waitFor({ timeout: STEP_TIMEOUT });
  await addSheets({ ...MONTHS, 往来余额表: BALANCES }, "刷新列表");
  await chooseLedger("2026-07");
  await page.getByTestId("ledger-sheets-like").click();
  await page.getByTestId("combined-notes").waitFor({ timeout: STEP_TIMEOUT });
  await page.waitForTimeout(300);
  let fit = await fits();
  await screenshot(page, "narrow-ledger-sheets");
  expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);

  await chooseLedger("往来余额表");
  await page.getByTestId("taskpane").getByRole("tab", { name: "函证", exact: true }).click();
  await page.getByTestId("letters-from-balances").waitFor({ timeout: STEP_TIMEOUT });
  await page.getByTestId("letters-asof").fill("2026-12-31");
  await page.getByTestId("letters-cutoff-differs").waitFor({ timeout: STEP_TIMEOUT });
  await page.waitForTimeout(300);
  fit = await fits();
  await screenshot(page, "narrow-letters-balances");
  expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
});
