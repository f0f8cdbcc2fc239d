/**
 * What the pane says about the user's actions, in a 320 × 600 pane (the preview's pane alone, as
 * Office hosts it): the run button in view above folded column mappings, confirmations beside the
 * action that caused them and staying until the next action or a dismissal, the answered suggestions
 * with an undo each, the results saying the marks are gone after 清除标记, and the aging view
 * explaining its stages and saying that this week's actions include overdue ones. Screenshots go to
 * test-artifacts/ as actions-*.png.
 *
 * The sample has no ambiguous match: as in reconcile.test.ts, a second 60,000.00 payment on 2026-10-09
 * is typed into the statement, which makes our receipt on ledger row 23 a suggestion against statement
 * rows 16 and 21.
 */
import { join } from "path";
import type { Locator, Page } from "playwright-core";
import type { PreviewHook } from "../../src/preview/hook";
import { SAMPLE_AGING_AS_OF, SAMPLE_LEDGER_SHEET as LEDGER, SAMPLE_LIST_SHEET, SAMPLE_STATEMENT_SHEET as STATEMENT } from "../../src/sample/sample";
import { type Chromium } from "./support/chromium";
import { ARTIFACTS, endSession, expectEventually as eventually, expectText as settledText, startSession } from "./support/session";
import { type StaticServer } from "./support/serve";

const STEP_TIMEOUT = 20_000;
jest.setTimeout(90_000);

const WIDTH = 320;
const HEIGHT = 600;

let server: StaticServer;
let browser: Chromium;
let page: Page;
const timings: Record<string, number> = {};

declare const window: { duizhangPreview?: PreviewHook; scrollY: number; scrollTo(x: number, y: number): void; innerHeight: number };

const expectEventually = <T>(read: () => Promise<T>, expected: T): Promise<void> => eventually(read, expected, STEP_TIMEOUT);
const expectText = (locator: Locator, expected: string): Promise<void> => settledText(locator, expected, STEP_TIMEOUT);

/** What the user sees in the window (not the whole page): what is in view is the point of these shots. */
async function shot(name: string): Promise<void> {
  await page.mouse.move(1, 1);
  await page.screenshot({ path: join(ARTIFACTS, `actions-${name}.png`) });
}

/** The dealer's second payment, inserted above the statement's 合计 line as Excel's "insert row" would. */
async function addSecondPayment(): Promise<void> {
  await page.evaluate((sheetName) => {
    const p = window.duizhangPreview;
    if (!p) throw new Error("no preview hook");
    const st = p.excel.sheet(sheetName);
    for (let r = 23; r >= 21; r--) {
      for (let c = 1; c <= 6; c++) {
        st.setStored(r + 1, c, st.getValue(r, c));
        st.setNumberFormat(r + 1, c, st.getNumberFormat(r, c));
        const style = st.style(r, c);
        st.setStyle(r + 1, c, { ...(style ?? {}) });
        st.setStored(r, c, undefined);
        st.setNumberFormat(r, c, "General");
        if (style) st.setStyle(r, c, Object.fromEntries(Object.keys(style).map((k) => [k, undefined])));
      }
    }
    st.setStored(21, 1, "2026/10/9");
    st.setStored(21, 2, "FK-1009W");
    st.setStored(21, 3, "网银付款");
    st.setStored(21, 5, 60000);
    st.setNumberFormat(21, 5, "#,##0.00");
    st.setStored(21, 6, -23649.5);
    st.setNumberFormat(21, 6, "#,##0.00");
    p.notify();
  }, STATEMENT);
}

async function setting(key: string): Promise<unknown> {
  const raw = await page.evaluate((k) => window.duizhangPreview?.excel.model.settings.get(k), key);
  return typeof raw === "string" ? JSON.parse(raw) : raw;
}

/** Kind and rows of each listed difference. */
async function listed(): Promise<string[]> {
  return page
    .locator("[data-testid=difference-list] > li")
    .evaluateAll((lis) =>
      lis.map((li) => `${li.getAttribute("data-kind")} L${li.getAttribute("data-ledger-rows")} S${li.getAttribute("data-statement-rows")}`),
    );
}

/** Each confirmation on screen as [where it is, its text]: the pane shows at most one. */
async function notes(): Promise<[string, string][]> {
  return page
    .getByTestId("action-note")
    .evaluateAll((els) => els.map((e) => [e.getAttribute("data-at") ?? "", e.querySelector("[data-note-text]")?.textContent ?? ""] as [string, string]));
}

/** Whether the element is wholly inside the window and is what a click at its centre would hit. */
async function inViewAndOnTop(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const inside = r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= document.documentElement.clientWidth;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return inside && hit !== null && el.contains(hit);
  });
}

beforeAll(async () => {
  ({ server, browser, page } = await startSession({ width: WIDTH, height: HEIGHT }, timings));
}, 300_000);

afterAll(async () => {
  await endSession({ server, browser }, "pane actions browser test", timings);
});

const MARKS_CLEARED = "已清除标记，各行恢复原来的样子。";

test("at 320 × 600 the column mappings are folded when every column is sure, and the run button is in view", async () => {
  const t = Date.now();
  await page.goto(`${server.url}/preview.html?pane=only&lang=zh-CN`, { waitUntil: "domcontentloaded" });
  await page.getByTestId("sheet-table").waitFor({ timeout: STEP_TIMEOUT });
  await addSecondPayment();
  await page.getByRole("tab", { name: "对账", exact: true }).click();
  await page.getByTestId("reconcile-pick-ledger").click();
  await page.getByRole("option", { name: new RegExp(`^${LEDGER}（`) }).click();
  await page.getByTestId("reconcile-pick-statement").click();
  await page.getByRole("option", { name: new RegExp(`^${STATEMENT}（`) }).click();
  const run = page.getByTestId("reconcile-run");
  await expectEventually(() => run.isEnabled(), true);
  timings["sheets chosen and read"] = Date.now() - t;

  // Every column of the sample is named by its exact header: each side's mapping is one folded line.
  const folds = page.getByTestId("mapping-fold");
  await expectEventually(() => folds.evaluateAll((els) => els.map((e) => [e.getAttribute("aria-expanded"), e.textContent])), [
    ["false", "▸ 8 列的用途都已确定（表头明确或由您指定）；查看或修改"],
    ["false", "▸ 6 列的用途都已确定（表头明确或由您指定）；查看或修改"],
  ]);
  expect(await page.locator("[data-testid=mapping] [data-role]").count()).toBe(0);
  expect(await page.getByTestId("mapping-needs-look").count()).toBe(0);

  // Without scrolling, the run button is in the window and nothing lies over it.
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await inViewAndOnTop(run)).toBe(true);
  await shot("run-in-view");

  // Unfolded on request, the mapping can still be changed; folding it again puts it away.
  await folds.first().click();
  await expectEventually(() => page.locator("[data-testid=summary-ledger] [data-role]").count(), 8);
  await folds.first().click();
  await expectEventually(() => page.locator("[data-testid=summary-ledger] [data-role]").count(), 0);
});

test("answering a suggestion: the answer is listed with an undo, and its confirmation stays beside the list", async () => {
  const t = Date.now();
  await page.getByTestId("reconcile-run").click();
  await page.getByTestId("reconcile-summary").first().waitFor({ timeout: STEP_TIMEOUT });
  timings["run"] = Date.now() - t;
  await expectEventually(listed, [
    "amount_mismatch L17 S11",
    "amount_mismatch L19 S14",
    "duplicate L13 S",
    "ledger_only L26 S",
    "statement_only L S19",
    "statement_only L S20",
    "suggestion L23 S16",
    "suggestion L23 S21",
  ]);
  // No answer yet: no list, nothing confirmed.
  expect(await page.getByTestId("decision").count()).toBe(0);
  expect(await notes()).toEqual([]);

  await page.locator('[data-testid=difference-list] > li[data-kind=suggestion][data-statement-rows="21"]').getByTestId("confirm-suggestion").click();
  const list = page.getByTestId("decision-list");
  await list.getByTestId("decision").first().waitFor({ timeout: STEP_TIMEOUT });
  expect(await list.getByTestId("decision").evaluateAll((els) => els.map((e) => [e.getAttribute("data-decision"), e.textContent]))).toEqual([
    ["confirmed", "已确认匹配台账第 23 行 ↔ 对账单第 21 行撤销"],
  ]);
  await expectText(list.getByTestId("decision-title"), "已处理的建议（1）");
  // The confirmation is in the list's own section, not at the top of the pane.
  await expectEventually(notes, [["reconcile-decisions", "已确认匹配并保存在工作簿中，已重新对账。"]]);
  expect(await list.getByTestId("action-note").count()).toBe(1);
  expect(await page.locator("[data-message-key]").count()).toBe(0);
  await list.getByTestId("action-note").scrollIntoViewIfNeeded();
  await shot("decision-confirmed");

  // It does not go by itself (confirmations used to vanish after 5 s), nor with a switch of tabs.
  await page.waitForTimeout(6000);
  expect(await notes()).toEqual([["reconcile-decisions", "已确认匹配并保存在工作簿中，已重新对账。"]]);
  await page.getByRole("tab", { name: "工作表", exact: true }).click();
  await page.getByTestId("sheet-table").waitFor({ timeout: STEP_TIMEOUT });
  await page.getByRole("tab", { name: "对账", exact: true }).click();
  await page.getByTestId("decision-list").waitFor({ timeout: STEP_TIMEOUT });
  expect(await notes()).toEqual([["reconcile-decisions", "已确认匹配并保存在工作簿中，已重新对账。"]]);
});

test("undo takes the answer back: the workbook forgets it and the suggestion is listed again", async () => {
  const list = page.getByTestId("decision-list");
  await list.getByRole("button", { name: "撤销“确认匹配”：台账第 23 行 ↔ 对账单第 21 行" }).click();
  await expectEventually(() => list.getByTestId("decision").count(), 0);
  await expectEventually(() => setting("duizhang.decisions"), {});
  await expectEventually(listed, [
    "amount_mismatch L17 S11",
    "amount_mismatch L19 S14",
    "duplicate L13 S",
    "ledger_only L26 S",
    "statement_only L S19",
    "statement_only L S20",
    "suggestion L23 S16",
    "suggestion L23 S21",
  ]);
  await expectEventually(notes, [["reconcile-decisions", "已撤销“确认匹配”，已重新对账：相关行重新列为待确认的建议。"]]);

  // A "not a match" is listed and taken back the same way.
  await page.locator('[data-testid=difference-list] > li[data-kind=suggestion][data-statement-rows="16"]').getByTestId("reject-suggestion").click();
  await expectEventually(() => list.getByTestId("decision").evaluateAll((els) => els.map((e) => [e.getAttribute("data-decision"), e.textContent])), [
    ["rejected", "已答复不匹配台账第 23 行 ↔ 对账单第 16 行撤销"],
  ]);
  await expectEventually(notes, [["reconcile-decisions", "已记下“不匹配”并保存在工作簿中，已重新对账。"]]);
  await list.getByTestId("undo-decision").click();
  await expectEventually(() => list.getByTestId("decision").count(), 0);
  await expectEventually(() => setting("duizhang.decisions"), {});
  await expectEventually(notes, [["reconcile-decisions", "已撤销“不匹配”，已重新对账：该建议重新列出。"]]);
});

test("清除标记: its confirmation replaces the last one beside the button, the results say the marks are gone, × closes it", async () => {
  await expectText(page.getByTestId("reconcile-written"), "已标记台账 5 行、对账单 6 行。 已写入结果表「差异明细」和「余额调节表」。");
  await page.getByTestId("reconcile-clear-marks").click();
  // The next action took the last confirmation away; this one is in the run bar, beside the buttons.
  await expectEventually(notes, [["reconcile-marks", MARKS_CLEARED]]);
  expect(await page.getByTestId("reconcile-run-bar").getByTestId("action-note").count()).toBe(1);
  await expectText(
    page.getByTestId("reconcile-marks-gone"),
    "标记已清除：两张表上已没有本次对账的标记。下面的差异仍可点击查看；需要标记时请重新对账。",
  );
  expect(await page.getByTestId("reconcile-written").count()).toBe(0);
  await expectText(page.getByTestId("marks-note"), "这些颜色目前不在表中（标记已清除）。");
  expect(await page.evaluate((name) => window.duizhangPreview?.excel.snapshot(name).conditionalFormats.length, LEDGER)).toBe(0);
  await page.getByTestId("reconcile-marks-gone").scrollIntoViewIfNeeded();
  await shot("marks-gone");
  await page.getByTestId("reconcile-run-bar").getByTestId("action-note").scrollIntoViewIfNeeded();
  await shot("marks-cleared-note");

  // The results keep saying so after a switch of tabs; the confirmation goes when dismissed.
  await page.getByRole("tab", { name: "工作表", exact: true }).click();
  await page.getByRole("tab", { name: "对账", exact: true }).click();
  await page.getByTestId("reconcile-marks-gone").waitFor({ timeout: STEP_TIMEOUT });
  expect(await notes()).toEqual([["reconcile-marks", MARKS_CLEARED]]);
  await page.getByTestId("action-note-dismiss").click();
  await expectEventually(notes, []);
  await page.getByTestId("reconcile-marks-gone").waitFor({ timeout: STEP_TIMEOUT });

  // Reconciling again marks the rows again, and the results count the marks again.
  await page.getByTestId("reconcile-run").click();
  await expectText(page.getByTestId("reconcile-written"), "已标记台账 5 行、对账单 6 行。 已写入结果表「差异明细」和「余额调节表」。");
  expect(await page.getByTestId("reconcile-marks-gone").count()).toBe(0);
});

test("the aging view explains each stage where it appears and says this week's actions include overdue ones", async () => {
  await page.getByRole("tab", { name: "账龄 / 逾期", exact: true }).click();
  await page.getByTestId("aging-ledger").click();
  await page.getByRole("option", { name: SAMPLE_LIST_SHEET }).click();
  await page.getByTestId("aging-as-of").fill(SAMPLE_AGING_AS_OF);
  const summary = page.getByTestId("aging-summary");
  await summary.waitFor({ timeout: STEP_TIMEOUT });
  await expectEventually(
    () => summary.locator("tbody tr[data-stage=overdue]").evaluate((tr) => [tr.querySelector("[data-testid=stage-name]")?.textContent, tr.querySelector("[data-testid=stage-explanation]")?.textContent]),
    ["逾期（三分之一期限内）", "已过到期日，仍在最终收款期限内。最终收款期限 = 到期日 + 账期的三分之一（账期 30 天即到期后 10 天）。"],
  );
  expect(await summary.getByTestId("stage-explanation").count()).toBe(6);
  await expectText(page.locator("[data-testid=aging-view] h2").nth(1), "本周需行动（7 笔，含已逾期）");

  // In the action list the stage's meaning is its tooltip, and a late item names its final deadline.
  const overdue = page.locator("[data-testid=aging-action][data-stage=overdue]").first();
  await expectText(overdue.getByTestId("details"), "单号 XSCK-2026-0920 · 业务员 李娜 · 到期 2026-11-19 · 最终期限 2026-12-09");
  await overdue.getByTestId("stage").hover();
  await expectText(page.getByRole("tooltip"), "已过到期日，仍在最终收款期限内。最终收款期限 = 到期日 + 账期的三分之一（账期 30 天即到期后 10 天）。");
  await shot("stage-tooltip");
  await page.mouse.move(1, 1);

  // Before any marking the legend does not claim the colours are in the ledger; after, it does, and the
  // confirmation is beside the three commands.
  const legend = page.getByTestId("aging-legend-note");
  await expectText(legend, "色块是“标记逾期行”会用的颜色；台账中目前没有逾期标记。");
  await page.getByTestId("aging-mark").click();
  await expectEventually(notes, [["aging-marks", "已在「发货回款登记」中标记 7 行。"]]);
  await expectText(legend, "色块即台账中标记的颜色。");
  await page.getByTestId("aging-clear").click();
  await expectEventually(notes, [["aging-marks", "已清除「发货回款登记」中的逾期标记，对账标记未受影响。"]]);
  await expectText(legend, "色块是“标记逾期行”会用的颜色；台账中目前没有逾期标记。");
  await page.getByTestId("action-note").scrollIntoViewIfNeeded();
  await shot("aging-cleared-note");
});

test("a column guessed from its header stays unfolded for a look; choosing it confirms it, beside the mapping", async () => {
  await page.goto(`${server.url}/preview.html?pane=only&lang=zh-CN`, { waitUntil: "domcontentloaded" });
  await page.getByTestId("sheet-table").waitFor({ timeout: STEP_TIMEOUT });
  // The user's header says 摘要内容: 摘要 is in it, but it is not a name the reader knows exactly.
  await page.evaluate((name) => {
    const p = window.duizhangPreview;
    if (!p) throw new Error("no preview hook");
    p.excel.sheet(name).setStored(4, 3, "摘要内容");
    p.notify();
  }, LEDGER);
  await page.getByTestId("pick-ledger").click();
  await page.getByRole("option", { name: new RegExp(`^${LEDGER}（`) }).click();
  const ledger = page.getByTestId("summary-ledger");
  await ledger.waitFor({ timeout: STEP_TIMEOUT });
  await expectText(ledger.getByTestId("mapping-needs-look"), "以下 1 列是按表头推测的，请核对：");
  expect(await ledger.locator("[data-role]").evaluateAll((els) => els.map((e) => e.getAttribute("data-role")))).toEqual(["description"]);
  await expectText(ledger.locator("[data-role=description] .fui-Caption1"), "可信度 70%");
  await expectText(ledger.getByTestId("mapping-fold"), "▸ 其余 7 列已确定；查看或修改");
  await ledger.locator("[data-role=description]").scrollIntoViewIfNeeded();
  await shot("mapping-needs-look");

  // The guess is right: the user picks the same column, which makes it theirs; the mapping folds.
  await ledger.locator("[data-role=description] [role=combobox]").click();
  await page.getByRole("option", { name: "C 列：摘要内容" }).click();
  await expectEventually(() => setting("duizhang.mappings"), { [LEDGER]: { description: 3 } });
  await expectText(ledger.getByTestId("mapping-fold"), "▸ 8 列的用途都已确定（表头明确或由您指定）；查看或修改");
  expect(await ledger.getByTestId("mapping-needs-look").count()).toBe(0);
  await expectEventually(notes, [["mapping-ledger", "列的用途已保存到本工作簿。"]]);
  expect(await ledger.getByTestId("mapping").getByTestId("action-note").count()).toBe(1);
});
