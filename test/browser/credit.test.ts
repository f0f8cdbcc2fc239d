/**
 * The 信用 view in Chromium on the browser preview (the real pane and office-js adapter over the fake Excel
 * with the sample workbook, which has no credit sheets): the empty state offers the application sheet, which
 * is made, filled in the grid's workbook as a rep would, found and scored against the sample's hand-kept
 * list; a dealer's breakdown unfolds, the suggestion is approved into 信用档案 and taken back, the review and
 * exposure lists show, over-limit marks are laid and cleared. In Chinese at full width, and in English in a
 * 320 px pane without sideways scrolling. Screenshots go to test-artifacts/.
 */
import { join } from "path";
import type { Page } from "playwright-core";
import type { PreviewHook } from "../../src/preview/hook";
import { nextReviewDate } from "../../src/core/credit/register";
import { SAMPLE_AGING_AS_OF, SAMPLE_LIST_SHEET } from "../../src/sample/sample";
import { type Chromium } from "./support/chromium";
import { ARTIFACTS, endSession, expectEventually as eventually, screenshot, startSession } from "./support/session";
import { type StaticServer } from "./support/serve";

const STEP_TIMEOUT = 30_000;
jest.setTimeout(180_000);

let server: StaticServer;
let browser: Chromium;
let page: Page;
const timings: Record<string, number> = {};

declare const window: { duizhangPreview?: PreviewHook };

const DEALER = "绍兴百佳家电有限公司";
/** The inputs of the written 信用申请表 as a rep fills them: row, column, value. */
const FILLED: [number, number, string | number][] = [
  [4, 2, DEALER],
  [8, 2, "有限责任公司"],
  [8, 4, "2016-03-01"],
  [9, 2, 200],
  [9, 4, 1500],
  [12, 2, "2025-06-01"],
  [12, 4, 60000],
  [13, 2, 80000],
  [13, 4, 45],
  [14, 2, "保证"],
  [15, 2, "李娜"],
  [15, 4, "2026-11-20"],
];

beforeAll(async () => {
  ({ server, browser, page } = await startSession({ width: 1280, height: 1500 }, timings));
}, 300_000);

afterAll(async () => {
  await endSession({ server, browser }, "credit browser test", timings);
});

const tab = (name: string) => page.getByTestId("taskpane").getByRole("tab", { name, exact: true });
const note = () => page.getByTestId("action-note").locator("[data-note-text]");
const cell = (sheet: string, row: number, column: number) =>
  page.evaluate(([s, r, c]) => (window.duizhangPreview?.excel.model.sheet(s as string)?.getValue(r as number, c as number) ?? null) as string | number | null, [sheet, row, column] as const);

async function chooseLedger(): Promise<void> {
  await page.getByTestId("pick-ledger").click();
  await page.getByRole("option", { name: new RegExp(`^${SAMPLE_LIST_SHEET}[（ (]`) }).click();
}

/** From the empty state to the scored application: make the sheet, fill it in the workbook, look again, score. */
async function makeFillScore(lang: "zh-CN" | "en-US"): Promise<void> {
  await tab(lang === "zh-CN" ? "信用" : "Credit").click();
  await page.getByTestId("credit-view").waitFor({ timeout: STEP_TIMEOUT });
  await page.getByTestId("credit-none").waitFor({ timeout: STEP_TIMEOUT });
  await page.getByTestId("credit-make-sheet").click();
  await eventually(() => note().first().textContent(), lang === "zh-CN" ? "已生成“信用申请表”：黄色单元格由业务员填写，带 * 的必填；填好后点“重新查找”。" : '"信用申请表" made: reps fill the yellow cells, those with * are required; then choose "Look again".', STEP_TIMEOUT);
  await page.evaluate((filled) => {
    const p = window.duizhangPreview;
    const sheet = p?.excel.model.sheet("信用申请表");
    if (!p || !sheet) throw new Error("no application sheet");
    for (const [r, c, v] of filled) sheet.setStored(r, c, v);
    p.notify();
  }, FILLED);
  await page.getByTestId("credit-rescan").click();
  await eventually(() => page.getByTestId("credit-found").textContent(), lang === "zh-CN" ? "找到 1 份申请（信用申请表）。" : "1 application found (信用申请表).", STEP_TIMEOUT);
  await page.getByTestId("credit-as-of").fill(SAMPLE_AGING_AS_OF);
  await page.getByTestId("credit-run").click();
  await page.getByTestId("credit-results").waitFor({ timeout: STEP_TIMEOUT });
  await page.getByTestId("credit-dealer").first().locator("button").first().click();
  await page.getByTestId("credit-breakdown").waitFor({ timeout: STEP_TIMEOUT });
}

test("makes, fills and scores an application, approves it into 信用档案 and takes it back, marks over-limit rows (Chinese)", async () => {
  const t = Date.now();
  await page.goto(`${server.url}/preview.html`, { waitUntil: "domcontentloaded" });
  await page.getByTestId("sheet-table").waitFor({ timeout: STEP_TIMEOUT });
  await chooseLedger();
  await makeFillScore("zh-CN");
  timings["scored"] = Date.now() - t;

  // The breakdown: the seven items of the default scorecard and the total, out of 100.
  const rows = await page.getByTestId("credit-breakdown").locator("tbody tr").allTextContents();
  expect(rows).toHaveLength(8);
  expect(rows.slice(0, 7).map((r) => r.replace(/[\d.%]+.*$/, "").replace(/无.*$/, ""))).toEqual(["合作年限", "成立年限", "注册资本（万元）", "年销售额（万元）", "担保方式保证", "按期回款率", "逾期记录"]);
  expect(rows[7]).toMatch(/^合计[A-D]\d+100$/);
  await expect(page.getByTestId("credit-source").textContent()).resolves.toBe(`回款记录和占用取自台账“${SAMPLE_LIST_SHEET}”。`);
  await expect(page.getByTestId("credit-dealer-summary").first().textContent()).resolves.toMatch(/^\d+ 分 · [A-D] 级 · 建议额度 [\d,.]+，账期 \d+ 天 · (正常|接近额度|超额度)$/);
  await screenshot(page, "credit-results");

  // Approve needs an approver; the register is made and the dealer's row written, then taken back.
  await expect(page.getByTestId("credit-approve").isDisabled()).resolves.toBe(true);
  await page.getByTestId("credit-approver").fill("王芳");
  await page.getByTestId("credit-approve").click();
  await eventually(async () => ((await note().first().textContent()) ?? "").startsWith(`已新建“信用档案”并写入第 2 行：${DEALER}，`), true, STEP_TIMEOUT);
  // 评定日期 is the day of the approval (the pane's today); the scoring's as-of date goes to the new register's 评估日.
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  });
  await expect(note().first().textContent()).resolves.toContain(`评定日期 ${today}（评估日 ${SAMPLE_AGING_AS_OF}），下次复评 ${nextReviewDate(today)}，审批人 王芳。`);
  // Excel holds the date as its day serial.
  await expect(cell("信用档案", 2, 9)).resolves.toBe((Date.parse(`${SAMPLE_AGING_AS_OF}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
  await eventually(() => cell("信用档案", 2, 1), DEALER, STEP_TIMEOUT);
  await expect(cell("信用档案", 2, 7)).resolves.toBe("王芳");
  await page.getByTestId("credit-limit").waitFor({ timeout: STEP_TIMEOUT });
  await eventually(async () => /（信用档案）/.test((await page.getByTestId("credit-limit").first().textContent()) ?? ""), true, STEP_TIMEOUT);
  await page.getByTestId("credit-undo-approval").click();
  await eventually(() => note().first().textContent(), `已撤销：“信用档案”第 2 行（${DEALER}）恢复为审批前的内容。`, STEP_TIMEOUT);
  await expect(cell("信用档案", 2, 1)).resolves.toBeNull();

  // The review list (the new register is not due) and the exposure list with its marks.
  await page.getByTestId("credit-review").waitFor({ timeout: STEP_TIMEOUT });
  const exposure = await page.getByTestId("credit-exposure-item").allTextContents();
  expect(exposure.length).toBe(1);
  expect(exposure[0]).toMatch(new RegExp(`^(正常|接近额度|超额度) ${DEALER}占用 [\\d,.]+ / 额度 [\\d,.]+（建议）$`));
  await page.getByTestId("credit-mark").click();
  await eventually(async () => /^(已标出|没有超额度)/.test((await note().first().textContent()) ?? ""), true, STEP_TIMEOUT);
  await page.getByTestId("credit-clear").click();
  await eventually(() => note().first().textContent(), "已清除超额度标记，各行恢复原样。", STEP_TIMEOUT);
  await screenshot(page, "credit-marks");
  timings["main path"] = Date.now() - t;
});

test("the same path in English fits a 320 px pane without sideways scrolling", async () => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(`${server.url}/preview.html?pane=only&lang=en-US`, { waitUntil: "domcontentloaded" });
  await page.getByTestId("sheet-table").waitFor({ timeout: STEP_TIMEOUT });
  await chooseLedger();
  await makeFillScore("en-US");
  await expect(page.getByTestId("credit-dealer-summary").first().textContent()).resolves.toMatch(/^\d+ points · grade [A-D] · suggested limit [\d,.]+, \d+ days · (OK|Near limit|Over limit)$/);
  await page.getByTestId("credit-approver").fill("Wang Fang");
  await page.getByTestId("credit-approve").click();
  await eventually(async () => ((await note().first().textContent()) ?? "").startsWith(`"信用档案" made and row 2 written: ${DEALER}, grade `), true, STEP_TIMEOUT);
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
  await page.screenshot({ path: join(ARTIFACTS, "narrow-credit-en-US.png"), fullPage: true });
  expect(fit.over).toEqual([]);
  expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
  expect(fit.clientWidth).toBe(320);
});
