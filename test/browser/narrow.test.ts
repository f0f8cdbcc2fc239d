/**
 * The pane at 320 px, the narrowest Office gives it: the preview shows the pane alone (`?pane=only`), as
 * its own document the way Office hosts it, and every view, with everything it shows after a run,
 * must fit without sideways scrolling. In Chinese and in English (whose words are longer). Screenshots
 * of the whole page go to test-artifacts/ as narrow-*.png.
 */
import type { Page } from "playwright-core";
import { SAMPLE_AGING_AS_OF, SAMPLE_AS_OF, SAMPLE_DEALER, SAMPLE_LEDGER_SHEET, SAMPLE_LIST_SHEET, SAMPLE_STATEMENT_SHEET } from "../../src/sample/sample";
import type { PreviewHook } from "../../src/preview/hook";
import { type Chromium } from "./support/chromium";
import { ARTIFACTS, endSession, expectEventually as eventually, startSession } from "./support/session";
import { type StaticServer } from "./support/serve";
import { join } from "path";

const STEP_TIMEOUT = 20_000;
jest.setTimeout(120_000);

const WIDTH = 320;
const LONG_SHEET = "ReceivablesLedgerExport20261031";
const HEIGHT = 600;

let server: StaticServer;
let browser: Chromium;
let page: Page;

declare const window: { duizhangPreview?: PreviewHook };
const timings: Record<string, number> = {};

const expectEventually = <T>(read: () => Promise<T>, expected: T): Promise<void> => eventually(read, expected, STEP_TIMEOUT);

interface Fit {
  scrollWidth: number;
  clientWidth: number;
  /** Elements reaching past the right edge, as `tag.class text…`, to say what to fix. */
  over: string[];
}

/** How wide the pane's document is against its window, and which elements stick out. */
async function fit(): Promise<Fit> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const limit = root.clientWidth;
    const over: string[] = [];
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= limit + 0.5) continue;
      // Report the innermost offenders only: their parents stick out because of them.
      if (Array.from(el.children).some((c) => c.getBoundingClientRect().right > limit + 0.5)) continue;
      over.push(`${el.tagName.toLowerCase()}[${el.getAttribute("data-testid") ?? ""}] ${Math.round(r.right)}px ${(el.textContent ?? "").slice(0, 30)}`);
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, over };
  });
}

/** Asserts the view fits the window's width, and keeps a screenshot of the whole page. */
async function expectFits(name: string): Promise<void> {
  // Let the pane settle (fonts, accordions) before measuring.
  await page.waitForTimeout(300);
  const f = await fit();
  await page.mouse.move(1, 1);
  await page.screenshot({ path: join(ARTIFACTS, `narrow-${name}.png`), fullPage: true });
  expect({ view: name, over: f.over }).toEqual({ view: name, over: [] });
  expect(f.scrollWidth).toBeLessThanOrEqual(f.clientWidth);
  expect(f.clientWidth).toBe(WIDTH);
}

async function choose(side: "ledger" | "statement", sheet: string): Promise<void> {
  await page.getByTestId(`pick-${side}`).click();
  await page.getByRole("option", { name: new RegExp(`^${sheet}（|^${sheet} \\(`) }).click();
}

beforeAll(async () => {
  ({ server, browser, page } = await startSession({ width: WIDTH, height: HEIGHT }, timings));
}, 300_000);

afterAll(async () => {
  await endSession({ server, browser }, "narrow pane browser test", timings);
});

for (const lang of ["zh-CN", "en-US"] as const) {
  test(`at ${WIDTH} px every view fits without sideways scrolling (${lang})`, async () => {
    const t = Date.now();
    const tabs = lang === "zh-CN" ? { sheets: "工作表", reconcile: "对账", aging: "账龄 / 逾期", credit: "信用" } : { sheets: "Sheets", reconcile: "Reconcile", aging: "Aging / overdue", credit: "Credit" };
    await page.goto(`${server.url}/preview.html?pane=only&lang=${lang}`, { waitUntil: "domcontentloaded" });
    await page.getByTestId("sheet-table").waitFor({ timeout: STEP_TIMEOUT });
    // A sheet name without a place to break, as exports often have, must wrap rather than widen the pane.
    await page.evaluate((name) => {
      const p = window.duizhangPreview;
      if (!p) throw new Error("no preview hook");
      p.excel.model.addSheet(name).setStored(1, 1, "x");
      p.notify();
    }, LONG_SHEET);
    await page.getByRole("button", { name: lang === "zh-CN" ? "刷新列表" : "Refresh list" }).click();
    await page.getByTestId("sheet-table").locator(`tr[data-sheet="${LONG_SHEET}"]`).waitFor({ timeout: STEP_TIMEOUT });
    // Chosen the wrong way round first, so the views show what they say about a swapped pair too.
    await choose("ledger", SAMPLE_STATEMENT_SHEET);
    await choose("statement", SAMPLE_LEDGER_SHEET);
    await page.getByTestId("summary-ledger").waitFor({ timeout: STEP_TIMEOUT });
    await page.getByTestId("summary-statement").waitFor({ timeout: STEP_TIMEOUT });
    await expectFits(`sheets-${lang}`);

    await page.getByRole("tab", { name: tabs.reconcile, exact: true }).click();
    await page.getByTestId("reconcile-swapped").waitFor({ timeout: STEP_TIMEOUT });
    await expectFits(`reconcile-swapped-${lang}`);
    await page.getByTestId("reconcile-swap").click();
    await expectEventually(() => page.getByTestId("reconcile-swapped").count(), 0);
    const run = page.getByTestId("reconcile-run");
    await expectEventually(() => run.isEnabled(), true);
    await expectFits(`reconcile-form-${lang}`);
    await run.click();
    await page.getByTestId("reconcile-summary").first().waitFor({ timeout: STEP_TIMEOUT });
    await expectFits(`reconcile-results-${lang}`);

    await page.getByRole("tab", { name: tabs.aging, exact: true }).click();
    await page.getByTestId("aging-ledger").click();
    await page.getByRole("option", { name: SAMPLE_LIST_SHEET }).click();
    await page.getByTestId("aging-as-of").fill(SAMPLE_AGING_AS_OF);
    await page.getByTestId("aging-summary").waitFor({ timeout: STEP_TIMEOUT });
    await page.getByTestId("aging-action").first().waitFor({ timeout: STEP_TIMEOUT });
    await expectFits(`aging-${lang}`);
    // The reconciled ledger as of the cut-off: the rows the run flagged are listed apart, with their reason.
    await page.getByTestId("aging-ledger").click();
    await page.getByRole("option", { name: SAMPLE_LEDGER_SHEET }).click();
    await page.getByTestId("aging-as-of").fill(SAMPLE_AS_OF);
    await page.getByTestId("aging-review").waitFor({ timeout: STEP_TIMEOUT });
    await expectFits(`aging-review-${lang}`);

    // 信用: an application kept as a table, scored against the chosen ledger, one dealer unfolded.
    await page.evaluate((dealer) => {
      const p = window.duizhangPreview;
      if (!p) throw new Error("no preview hook");
      const sheet = p.excel.model.addSheet("信用申请登记");
      const rows = [
        ["客户名称", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"],
        [dealer, "有限责任公司", "2012-05-01", 500, 3000, "2021-03-01", 150000, "保证", 300000, 60, "李娜", "2026-10-20"],
      ];
      rows.forEach((row, r) => row.forEach((v, c) => sheet.setStored(r + 1, c + 1, v)));
      p.notify();
    }, SAMPLE_DEALER);
    await page.getByRole("tab", { name: tabs.credit, exact: true }).click();
    await page.getByTestId("credit-found").waitFor({ timeout: STEP_TIMEOUT });
    await page.getByTestId("credit-as-of").fill(SAMPLE_AS_OF);
    await page.getByTestId("credit-run").click();
    await page.getByTestId("credit-dealer").first().locator("button").first().click();
    await page.getByTestId("credit-breakdown").waitFor({ timeout: STEP_TIMEOUT });
    await expectFits(`credit-${lang}`);
    timings[lang] = Date.now() - t;
  });
}
