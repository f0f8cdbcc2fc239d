/**
 * The 账龄 / 逾期 view in Chromium on the browser preview (the real pane and the real office-js
 * adapter over the fake Excel with the sample workbook): age the hand-kept list 发货回款登记 as of the
 * 2026-11-30 month end (fixed, so the result does not depend on today), see the summary and the
 * week's actions, jump to an item's row, mark the overdue rows and see them in the grid, clear them
 * without touching a reconciliation mark, and write 账龄分析 (with its chart) and 催款计划. Once in
 * Chinese, then in English. Screenshots go to test-artifacts/.
 */
import type { Locator, Page } from "playwright-core";
import { AGING_MARK_STYLES } from "../../src/app/reports/aging-marks";
import { markFormula } from "../../src/port/marks";
import type { PreviewHook } from "../../src/preview/hook";
import { SAMPLE_AGING_AS_OF, SAMPLE_LIST_SHEET } from "../../src/sample/sample";
import { type Chromium } from "./support/chromium";
import { endSession, expectEventually as eventually, expectText as settledText, screenshot, startSession } from "./support/session";
import { type StaticServer } from "./support/serve";

const STEP_TIMEOUT = 20_000;
jest.setTimeout(90_000);

const PAST_FINAL = AGING_MARK_STYLES.past_final.fill;
const OVERDUE = AGING_MARK_STYLES.overdue.fill;
/** A reconciliation mark the user already has on a row that is not overdue (row 3 is a receipt). */
const RECONCILE_FILL = "#FFF3BF";

let server: StaticServer;
let browser: Chromium;
let page: Page;
const timings: Record<string, number> = {};

declare const window: { duizhangPreview?: PreviewHook };

const expectEventually = <T>(read: () => Promise<T>, expected: T): Promise<void> => eventually(read, expected, STEP_TIMEOUT);

const expectText = (locator: Locator, expected: string): Promise<void> => settledText(locator, expected, STEP_TIMEOUT);

const shot = (name: string): Promise<void> => screenshot(page, name);

/** The summary table as [stage, text, count, amount] rows. */
async function summary(): Promise<string[][]> {
  return page.locator("[data-testid=aging-summary] tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [
      tr.getAttribute("data-stage") ?? "",
      // A stage's cell also explains the stage under its name (tested in pane-actions.test.ts).
      ...Array.from(tr.querySelectorAll("td")).map((td) => td.querySelector("[data-testid=stage-name]")?.textContent ?? td.textContent ?? ""),
    ]),
  );
}

/** Fills of column A of the list sheet as the grid draws them, rows 2 to 13. */
async function fillsOfRows(): Promise<(string | null)[]> {
  return page.evaluate((sheet) => {
    const grid = document.querySelector(`[data-testid=grid][data-sheet="${sheet}"]`);
    if (!grid) return [];
    const out: (string | null)[] = [];
    for (let r = 2; r <= 13; r++) out.push(grid.querySelector(`[data-cell=A${r}]`)?.getAttribute("data-fill") ?? null);
    return out;
  }, SAMPLE_LIST_SHEET);
}

/** The groups of our mark rules on the list sheet, as the fake holds them. */
async function markGroups(): Promise<string[]> {
  return page.evaluate((sheet) => {
    const p = window.duizhangPreview;
    if (!p) throw new Error("no preview hook");
    return p.excel
      .sheet(sheet)
      .conditionalFormats.map((cf) => /duizhang:([^:]+):/.exec(cf.formula)?.[1] ?? "other")
      .sort();
  }, SAMPLE_LIST_SHEET);
}

beforeAll(async () => {
  ({ server, browser, page } = await startSession({ width: 1280, height: 1500 }, timings));
}, 300_000);

afterAll(async () => {
  await endSession({ server, browser }, "aging browser test", timings);
});

test("the aging view ages the hand-kept list as of the month end: stages, terms and the week's actions", async () => {
  let t = Date.now();
  await page.goto(`${server.url}/preview.html`, { waitUntil: "domcontentloaded" });
  await page.getByTestId("sheet-table").waitFor({ timeout: STEP_TIMEOUT });
  timings["first page ready"] = Date.now() - t;

  await page.getByRole("tab", { name: "账龄 / 逾期" }).click();
  const view = page.getByTestId("aging-view");
  await view.getByText("请在“工作表”页选择我方的应收台账。").first().waitFor({ timeout: STEP_TIMEOUT });
  // The ledger is the pane's shared choice: chosen here, it is the ledger of every view.
  await page.getByTestId("aging-ledger").click();
  await page.getByRole("option", { name: SAMPLE_LIST_SHEET }).click();
  t = Date.now();
  await page.getByTestId("aging-as-of").fill(SAMPLE_AGING_AS_OF);
  await expectText(view.locator("h2").first(), `截至 ${SAMPLE_AGING_AS_OF} 的催收阶段`);
  await expectEventually(summary, [
    ["past_final", "超过最终收款期限", "5", "165,660.00"],
    ["overdue", "逾期（三分之一期限内）", "2", "78,700.00"],
    ["due_today", "今日到期", "0", "0.00"],
    ["due_3d", "3天内到期", "0", "0.00"],
    ["due_7d", "7天内到期", "0", "0.00"],
    ["not_due", "未到期", "2", "42,580.00"],
    ["total", "应收余额合计", "", "286,940.00"],
  ]);
  timings["aged as of 11-30"] = Date.now() - t;
  // The legend swatches are the ledger's mark colours.
  const swatches = await page
    .locator("[data-testid=aging-summary] tbody tr [data-fill]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-fill")));
  expect(swatches).toEqual([PAST_FINAL, OVERDUE, AGING_MARK_STYLES.due_today.fill, AGING_MARK_STYLES.due_3d.fill, AGING_MARK_STYLES.due_7d.fill]);

  const terms = await page.locator("[data-testid=aging-terms] tbody tr").evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent)),
  );
  expect(terms).toEqual([
    ["宁波顺和电器有限公司", "60 天", "发货回款登记 的账期列"],
    ["杭州美达商贸有限公司", "30 天", "发货回款登记 的账期列"],
    ["温州瑞丰五金经营部", "45 天", "发货回款登记 的账期列"],
    ["绍兴百佳家电有限公司", "30 天", "发货回款登记 的账期列"],
  ]);
  // No default saved yet: the pane says the built-in 30 days are used.
  await expect(page.getByTestId("aging-default-term").inputValue()).resolves.toBe("30");
  await view.getByText("尚未设置，按 30 天计算", { exact: true }).waitFor({ timeout: STEP_TIMEOUT });

  const actions = page.getByTestId("aging-action");
  await expectEventually(() => actions.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-row")))), [2, 4, 5, 7, 6, 10, 9]);
  const first = actions.first();
  expect(await first.getByTestId("details").textContent()).toBe("单号 XSCK-2026-0618 · 业务员 李娜 · 到期 2026-08-17 · 最终期限 2026-09-06");
  expect(await first.getByTestId("open").textContent()).toBe("34,500.00");
  expect(await first.getByTestId("stage").textContent()).toBe("超过最终收款期限");
  expect(await first.getByTestId("next-action").textContent()).toBe("已过最终收款期限：立即发催款函，取得还款承诺书（2026-09-07 起）");
});

test("clicking an action selects its row in the ledger", async () => {
  await page.locator("[data-testid=aging-action][data-row='6']").click();
  await expectText(page.getByTestId("name-box"), "A6:H6");
  await expectEventually(() => page.evaluate(() => window.duizhangPreview?.excel.model.selection), { sheet: SAMPLE_LIST_SHEET, address: "A6:H6" });
  await expectEventually(() => page.getByTestId("grid").getAttribute("data-sheet"), SAMPLE_LIST_SHEET);
});

test("标记逾期行 colours the overdue rows by stage in the grid", async () => {
  const t = Date.now();
  await page.getByTestId("aging-mark").click();
  await page.getByText("已在「发货回款登记」中标记 7 行。").waitFor({ timeout: STEP_TIMEOUT });
  timings["mark overdue rows"] = Date.now() - t;
  // Rows 2-13: 2, 4, 5, 7 and 9 past the final deadline, 6 and 10 overdue; receipts and not-due rows stay as they were.
  await expectEventually(fillsOfRows, [PAST_FINAL, null, PAST_FINAL, PAST_FINAL, OVERDUE, PAST_FINAL, null, PAST_FINAL, OVERDUE, null, null, null]);
  await shot("aging-zh");
});

test("清除逾期标记 removes the aging marks only; a reconciliation mark stays", async () => {
  const formula = markFormula("reconcile", "ledger_only");
  await page.evaluate(
    ({ sheet, formula: f, fill }) => {
      const p = window.duizhangPreview;
      if (!p) throw new Error("no preview hook");
      // What the reconciliation leaves on a row it marked, as the adapter writes it.
      p.excel.sheet(sheet).conditionalFormats.push({ id: "{reconcile-test}", type: "Custom", areas: [{ r1: 3, c1: 1, r2: 3, c2: 8 }], formula: f, fill, fontColor: null });
      p.notify();
    },
    { sheet: SAMPLE_LIST_SHEET, formula, fill: RECONCILE_FILL },
  );
  expect(await markGroups()).toEqual(["aging", "aging", "reconcile"]);
  const t = Date.now();
  await page.getByTestId("aging-clear").click();
  await page.getByText("已清除「发货回款登记」中的逾期标记，对账标记未受影响。").waitFor({ timeout: STEP_TIMEOUT });
  timings["clear aging marks"] = Date.now() - t;
  expect(await markGroups()).toEqual(["reconcile"]);
  await expectEventually(fillsOfRows, [null, RECONCILE_FILL, null, null, null, null, null, null, null, null, null, null]);
});

test("生成账龄表 writes 账龄分析 with its chart and 催款计划, and shows 账龄分析", async () => {
  const t = Date.now();
  await page.getByTestId("aging-write").click();
  await page.getByText("已生成「账龄分析」和「催款计划」。").waitFor({ timeout: STEP_TIMEOUT });
  timings["write aging sheets"] = Date.now() - t;
  const sheets = await page.evaluate(() => window.duizhangPreview?.excel.sheetNames());
  expect(sheets).toEqual(["应收明细账", "美达对账单", "发货回款登记", "本公司信息", "账龄分析", "催款计划"]);
  const charts = await page.evaluate(() => window.duizhangPreview?.excel.charts("账龄分析").map((c) => [c.type, c.title]));
  expect(charts).toEqual([["ColumnStacked", "余额最大的经销商（按账龄区间）"]]);
  await expectEventually(() => page.getByTestId("grid").getAttribute("data-sheet"), "账龄分析");
  await expectText(page.locator("[data-testid=grid] [data-cell=A1]"), "应收账款账龄分析");
  // 催款计划 lists the nine open items, soonest action first.
  const planRows = await page.evaluate(() => {
    const s = window.duizhangPreview?.excel.sheet("催款计划");
    const out: unknown[] = [];
    for (let r = 4; r <= 13; r++) out.push(s?.getValue(r, 2) ?? null);
    return out;
  });
  expect(planRows).toEqual([
    "宁波顺和电器有限公司",
    "杭州美达商贸有限公司",
    "温州瑞丰五金经营部",
    "绍兴百佳家电有限公司",
    "宁波顺和电器有限公司",
    "绍兴百佳家电有限公司",
    "杭州美达商贸有限公司",
    "温州瑞丰五金经营部",
    "宁波顺和电器有限公司",
    null,
  ]);
});

test("in English the view says the same; marking again, with the coming stages too, leaves the reconciliation mark alone", async () => {
  await page.getByTestId("switch-language").click();
  await page.getByRole("tab", { name: "Aging / overdue" }).waitFor({ timeout: STEP_TIMEOUT });
  const view = page.getByTestId("aging-view");
  await expectText(view.locator("h2").first(), `Collection stages as of ${SAMPLE_AGING_AS_OF}`);
  expect((await summary()).map((r) => r.slice(1))).toEqual([
    ["Past the final deadline", "5", "165,660.00"],
    ["Overdue (within one third of the term)", "2", "78,700.00"],
    ["Due today", "0", "0.00"],
    ["Due within 3 days", "0", "0.00"],
    ["Due within 7 days", "0", "0.00"],
    ["Not due", "2", "42,580.00"],
    ["Total receivable", "", "286,940.00"],
  ]);
  const first = page.getByTestId("aging-action").first();
  expect(await first.getByTestId("details").textContent()).toBe("Ref. XSCK-2026-0618 · Rep 李娜 · Due 2026-08-17 · Final 2026-09-06");
  expect(await first.getByTestId("next-action").textContent()).toBe(
    "Past the final deadline: send a demand letter now and get a payment commitment (since 2026-09-07)",
  );
  await page.locator("[data-testid=aging-action][data-row='9']").click();
  await expectEventually(() => page.getByTestId("grid").getAttribute("data-sheet"), SAMPLE_LIST_SHEET);
  await page.getByTestId("aging-mark-soon").click();
  await page.getByTestId("aging-mark").click();
  await page.getByText('7 rows marked in "发货回款登记".').waitFor({ timeout: STEP_TIMEOUT });
  await expectEventually(fillsOfRows, [PAST_FINAL, RECONCILE_FILL, PAST_FINAL, PAST_FINAL, OVERDUE, PAST_FINAL, null, PAST_FINAL, OVERDUE, null, null, null]);
  await shot("aging-en");
});

test("a default term that is not a number of days is refused before saving; a good one is saved and used", async () => {
  const input = page.getByTestId("aging-default-term");
  await input.fill("三十");
  await page.getByText('the term "三十" must be a whole number of days from 0 to 3650').waitFor({ timeout: STEP_TIMEOUT });
  expect(await page.getByTestId("aging-save-term").isDisabled()).toBe(true);
  await input.fill("45");
  await page.getByTestId("aging-save-term").click();
  await page.getByText("The default term of 45 days was saved in this workbook.").waitFor({ timeout: STEP_TIMEOUT });
  await expectEventually(
    () => page.evaluate(() => window.duizhangPreview?.excel.model.settings.get("duizhang.aging.defaultTermDays")),
    "45",
  );
  await expectText(page.getByText("saved in this workbook", { exact: true }), "saved in this workbook");
});

test("buckets the user types are checked, and 账龄分析 is written with them", async () => {
  const input = page.getByTestId("aging-buckets");
  await input.fill("90,45");
  await page.getByText("Write day counts in increasing order, e.g. 30,60,90,180,365.").waitFor({ timeout: STEP_TIMEOUT });
  await input.fill("45,90");
  await expectEventually(() => page.getByText("Write day counts in increasing order, e.g. 30,60,90,180,365.").count(), 0);
  await page.getByTestId("aging-write").click();
  await expectEventually(async () => {
    const cells = await page.evaluate(() => {
      const s = window.duizhangPreview?.excel.sheet("Aging");
      const out: unknown[] = [];
      for (let r = 1; r <= 12; r++) for (let c = 1; c <= 14; c++) out.push(s?.getValue(r, c) ?? null);
      return out;
    });
    return ["1-45", "46-90", "90+"].every((k) => cells.includes(k)) && !cells.includes("31-60");
  }, true);
  await input.fill("30,60,90,180,365");
});
