/**
 * The 账龄 view's collection papers in Chromium on the browser preview, in a 320 px pane: a small ledger
 * with items past their final deadline and two old debts (one whose limitation period ends within 180
 * days, one past it). 生成催款函 for one dealer writes its sheet and register; the 还款承诺书 form with
 * 3 installments previews the schedule and writes the commitment and 还款计划; the 时效 filter keeps the
 * items it names. Nothing may scroll sideways.
 */
import type { Page } from "playwright-core";
import type { PreviewHook } from "../../src/preview/hook";
import { type Chromium } from "./support/chromium";
import { endSession, expectEventually as eventually, expectText as settledText, screenshot, startSession } from "./support/session";
import { type StaticServer } from "./support/serve";

const STEP_TIMEOUT = 20_000;
jest.setTimeout(120_000);
const WIDTH = 320;
const LEDGER = "催收台账";
const AS_OF = "2026-12-01";

let server: StaticServer;
let browser: Chromium;
let page: Page;
const timings: Record<string, number> = {};

declare const window: { duizhangPreview?: PreviewHook };

const expectEventually = <T>(read: () => Promise<T>, expected: T): Promise<void> => eventually(read, expected, STEP_TIMEOUT);

async function sheetExists(name: string): Promise<boolean> {
  return page.evaluate((n) => window.duizhangPreview?.excel.model.sheet(n) !== undefined, name);
}

/** The page is as wide as the pane: nothing scrolls sideways. */
async function expectNoSidewaysScroll(): Promise<void> {
  await page.waitForTimeout(200);
  const f = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(f.clientWidth).toBe(WIDTH);
  expect(f.scrollWidth).toBeLessThanOrEqual(f.clientWidth);
}

/** Elements of the 账龄 view reaching past the pane's right edge (the English labels are longer). */
async function overEdge(): Promise<string[]> {
  return page.evaluate(() => {
    const limit = (document.scrollingElement ?? document.documentElement).clientWidth;
    return Array.from(document.querySelectorAll("[data-testid=aging-view] *"))
      .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > limit + 0.5)
      .map((el) => `${el.tagName.toLowerCase()} ${(el.textContent ?? "").slice(0, 30)}`);
  });
}

const refs = () => page.getByTestId("aging-action").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-row"))));

beforeAll(async () => {
  ({ server, browser, page } = await startSession({ width: WIDTH, height: 700 }, timings));
}, 300_000);

afterAll(async () => {
  await endSession({ server, browser }, "collection papers browser test", timings);
});

async function openWithLedger(lang: "zh-CN" | "en-US"): Promise<void> {
  await page.goto(`${server.url}/preview.html?pane=only&lang=${lang}`, { waitUntil: "domcontentloaded" });
  await page.getByTestId("sheet-table").waitFor({ timeout: STEP_TIMEOUT });
  await page.evaluate((name) => {
    const p = window.duizhangPreview;
    if (!p) throw new Error("no preview hook");
    p.excel.model.loadFixtures([
      {
        name,
        rows: [
          ["日期", "客户", "单号", "摘要", "借方", "贷方"],
          ["2023-06-01", "丁公司", "XS-001", "销售", 700, null],
          ["2024-01-10", "丙公司", "XS-050", "销售", 900, null],
          ["2026-08-01", "甲公司", "XS-101", "销售", 1000, null],
          ["2026-09-01", "甲公司", "XS-102", "销售", 2000, null],
        ],
      },
    ]);
    p.notify();
  }, LEDGER);
  await page.getByRole("button", { name: lang === "zh-CN" ? "刷新列表" : "Refresh list" }).click();
  await page.getByTestId("sheet-table").locator(`tr[data-sheet="${LEDGER}"]`).waitFor({ timeout: STEP_TIMEOUT });
  await page.getByRole("tab", { name: lang === "zh-CN" ? "账龄 / 逾期" : "Aging / overdue" }).click();
  await page.getByTestId("aging-ledger").click();
  await page.getByRole("option", { name: LEDGER }).click();
  await page.getByTestId("aging-as-of").fill(AS_OF);
  // Soonest action first: 甲公司's items, then the old debts.
  await expectEventually(refs, [4, 5, 2, 3]);
}

test("生成催款函 for a dealer, 还款承诺书 in 3 installments, and the 时效 filter, in a 320 px pane", async () => {
  await openWithLedger("zh-CN");
  const badges = () => page.locator("[data-testid=aging-action] [data-testid=limitation]").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
  expect(await badges()).toEqual(["running", "running", "expired", "expiring"]);

  // 生成催款函 for one dealer.
  await page.getByTestId("aging-demand-target").click();
  await page.getByRole("option", { name: "甲公司" }).click();
  await page.getByTestId("aging-demand-generate").click();
  await settledText(
    page.locator("[data-testid=action-note][data-at=aging-demand] [data-note-text]"),
    "已生成 1 封催款函，写入「催款函 2026-12-01」，并登记到函证登记簿。",
    STEP_TIMEOUT,
  );
  expect(await sheetExists("催款函 2026-12-01")).toBe(true);
  expect(await sheetExists("函证登记簿")).toBe(true);
  await expectNoSidewaysScroll();
  await screenshot(page, "collect-demand");

  // 还款承诺书: 3 installments of 甲公司's 3,000.00, every 30 days.
  await page.getByTestId("aging-promise-dealer").click();
  await page.getByRole("option", { name: "甲公司" }).click();
  await page.getByTestId("aging-promise-count").fill("3");
  await page.getByTestId("aging-promise-first").fill("2026-12-15");
  await page.getByTestId("aging-promise-every").click();
  await page.getByRole("option", { name: "每隔若干天" }).click();
  await page.getByTestId("aging-promise-days").fill("30");
  const preview = () =>
    page.locator("[data-testid=aging-promise-preview] tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent)));
  await expectEventually(preview, [
    ["1", "2026-12-15", "1,000.00", "1,000.00"],
    ["2", "2027-01-14", "1,000.00", "2,000.00"],
    ["3", "2027-02-13", "1,000.00", "3,000.00"],
  ]);
  await expectNoSidewaysScroll();
  await page.getByTestId("aging-promise-generate").click();
  await settledText(
    page.locator("[data-testid=action-note][data-at=aging-promise] [data-note-text]"),
    "已生成 CN-202612-0001，写入「还款承诺书 CN-202612-0001」，分期写入「还款计划」。",
    STEP_TIMEOUT,
  );
  expect(await sheetExists("还款承诺书 CN-202612-0001")).toBe(true);
  expect(await page.evaluate(() => window.duizhangPreview?.excel.model.sheet("还款计划")?.usedRange(true)?.r2)).toBe(4);
  await screenshot(page, "collect-promise");

  // The 时效 filter.
  await page.getByTestId("aging-limitation-filter").click();
  await page.getByRole("option", { name: "180 天内届满" }).click();
  await expectEventually(refs, [3]);
  await page.getByTestId("aging-limitation-filter").click();
  await page.getByRole("option", { name: "已过时效" }).click();
  await expectEventually(refs, [2]);
  expect(await badges()).toEqual(["expired"]);
  await expectNoSidewaysScroll();
  await screenshot(page, "collect-filter");
});

test("in English the demand panel and the installment form fit the 320 px pane too", async () => {
  await openWithLedger("en-US");
  await page.getByTestId("aging-promise-dealer").click();
  await page.getByRole("option", { name: "甲公司" }).click();
  await page.getByTestId("aging-promise-first").fill("2026-12-15");
  await page.getByTestId("aging-promise-every").click();
  await page.getByRole("option", { name: "Number of days" }).click();
  await page.getByTestId("aging-promise-preview").waitFor({ timeout: STEP_TIMEOUT });
  await page.getByTestId("aging-demand-target").click();
  await page.getByRole("option", { name: "Every dealer past the final deadline (3)" }).click();
  await page.waitForTimeout(200);
  expect(await overEdge()).toEqual([]);
  await screenshot(page, "collect-en");
});
