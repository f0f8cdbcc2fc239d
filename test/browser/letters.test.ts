/**
 * The 函证 view in Chromium on the browser preview (the real pane and office-js adapter over the fake
 * Excel with the sample workbook, which has 本公司信息): letters for the dealers of the sample's
 * hand-kept list at the month end, the results and the register's summary, a click on a letter
 * selecting its rows; then the view alone at 320 px without sideways scrolling. Screenshots go to test-artifacts/.
 */
import { join } from "path";
import type { Page } from "playwright-core";
import type { PreviewHook } from "../../src/preview/hook";
import { SAMPLE_AGING_AS_OF, SAMPLE_COMPANY_SHEET, SAMPLE_DEALER, SAMPLE_LIST_SHEET } from "../../src/sample/sample";
import { type Chromium } from "./support/chromium";
import { ARTIFACTS, endSession, expectEventually as eventually, screenshot, startSession } from "./support/session";
import { type StaticServer } from "./support/serve";

const STEP_TIMEOUT = 30_000;
jest.setTimeout(150_000);

let server: StaticServer;
let browser: Chromium;
let page: Page;
const timings: Record<string, number> = {};

declare const window: { duizhangPreview?: PreviewHook };

const LETTERS_SHEET = `对账函 ${SAMPLE_AGING_AS_OF}`;

beforeAll(async () => {
  ({ server, browser, page } = await startSession({ width: 1280, height: 1500 }, timings));
}, 300_000);

afterAll(async () => {
  await endSession({ server, browser }, "letters browser test", timings);
});

async function openLettersWithLedger(): Promise<void> {
  await page.getByTestId("taskpane").getByRole("tab", { name: "对账", exact: true }).click();
  await page.getByTestId("reconcile-pick-ledger").click();
  await page.getByRole("option", { name: new RegExp(`^${SAMPLE_LIST_SHEET}[（ ]`) }).click();
  await page.getByTestId("taskpane").getByRole("tab", { name: "函证", exact: true }).click();
  await page.getByTestId("letters-view").waitFor({ timeout: STEP_TIMEOUT });
}

test("generates letters for the sample's dealers, shows them and the register, and a click selects a letter", async () => {
  const t = Date.now();
  await page.goto(`${server.url}/preview.html`, { waitUntil: "domcontentloaded" });
  await page.getByTestId("sheet-table").waitFor({ timeout: STEP_TIMEOUT });
  await openLettersWithLedger();
  const view = page.getByTestId("letters-view");
  await view.getByText(`取自“${SAMPLE_COMPANY_SHEET}”工作表。`).waitFor({ timeout: STEP_TIMEOUT });
  await page.getByTestId("letters-template-ok").waitFor({ timeout: STEP_TIMEOUT });
  await page.getByTestId("letters-asof").fill(SAMPLE_AGING_AS_OF);
  await page.getByTestId("letters-generate").click();
  await page.getByTestId("letters-results").waitFor({ timeout: STEP_TIMEOUT });
  timings["letters generated"] = Date.now() - t;

  const items = await page.getByTestId("letter-item").allTextContents();
  // The hand-kept list holds several dealers: one letter for each with a balance, numbered on.
  expect(items.length).toBeGreaterThan(1);
  items.forEach((item, i) => expect(item).toMatch(new RegExp(`^DZ-202611-000${i + 1} `)));
  expect(items.join()).toContain(SAMPLE_DEALER);
  await expect(page.getByTestId("register-counts").textContent()).resolves.toBe(`共 ${items.length} 封，已发出 0 封；回函相符 0，不符 0；逾期未回 0。`);
  const sheets = await page.evaluate(() => window.duizhangPreview?.excel.model.sheets.map((s: { name: string }) => s.name) ?? []);
  expect(sheets).toEqual(expect.arrayContaining([LETTERS_SHEET, "函证登记簿"]));
  await screenshot(page, "letters-results");

  await page.getByTestId("letter-link").first().click();
  await eventually(() => page.evaluate(() => window.duizhangPreview?.excel.model.selection?.sheet), LETTERS_SHEET, STEP_TIMEOUT);
  await page.getByTestId("letter-register-link").first().click();
  await eventually(
    () => page.evaluate(() => {
      const s = window.duizhangPreview?.excel.model.selection;
      return s ? `${s.sheet}!${/^A2:[A-Z]+2$/.test(s.address) ? "row 2" : s.address}` : null;
    }),
    "函证登记簿!row 2",
    STEP_TIMEOUT,
  );
});

test("the 函证 view fits a 320 px pane without sideways scrolling", async () => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(`${server.url}/preview.html?pane=only`, { waitUntil: "domcontentloaded" });
  await page.getByTestId("taskpane").waitFor({ timeout: STEP_TIMEOUT });
  await openLettersWithLedger();
  await page.getByTestId("letters-template-ok").waitFor({ timeout: STEP_TIMEOUT });
  await page.getByTestId("letters-asof").fill(SAMPLE_AGING_AS_OF);
  await page.getByTestId("letters-generate").click();
  await page.getByTestId("letters-results").waitFor({ timeout: STEP_TIMEOUT });
  await page.waitForTimeout(300);
  const fit = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const over: string[] = [];
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= root.clientWidth + 0.5) continue;
      if (Array.from(el.children).some((c) => c.getBoundingClientRect().right > root.clientWidth + 0.5)) continue;
      over.push(`${el.tagName.toLowerCase()}[${el.getAttribute("data-testid") ?? ""}] ${Math.round(r.right)}px ${(el.textContent ?? "").slice(0, 30)}`);
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, over };
  });
  await page.screenshot({ path: join(ARTIFACTS, "narrow-letters.png"), fullPage: true });
  expect(fit.over).toEqual([]);
  expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
  expect(fit.clientWidth).toBe(320);
});

test("an Excel that cannot copy formats: the 函证 results say so once, as one of the run's warnings", async () => {
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.goto(`${server.url}/preview.html`, { waitUntil: "domcontentloaded" });
  await page.getByTestId("sheet-table").waitFor({ timeout: STEP_TIMEOUT });
  // Excel 2019 (ExcelApi 1.7): values go in without the template's formats.
  await page.evaluate(() => window.duizhangPreview?.excel.setApiVersion("1.7"));
  await openLettersWithLedger();
  await page.getByTestId("letters-template-ok").waitFor({ timeout: STEP_TIMEOUT });
  await page.getByTestId("letters-asof").fill(SAMPLE_AGING_AS_OF);
  await page.getByTestId("letters-generate").click();
  await page.getByTestId("letters-results").waitFor({ timeout: STEP_TIMEOUT });
  const results = (await page.getByTestId("letters-results").textContent()) ?? "";
  expect(results.split("不能复制").length - 1).toBe(1);
  const warnings = page.getByTestId("letters-warnings").getByRole("listitem");
  await expect(warnings.filter({ hasText: "不能复制格式" }).count()).resolves.toBe(1);
  await expect(page.getByTestId("letters-warnings").getByRole("list").count()).resolves.toBe(1);
});
