/**
 * Reconciling in the task pane as an accountant would, in Chromium on the browser preview (the real
 * pane and the real office-js adapter over the fake Excel with the sample workbook): choose the two
 * sheets, run, see the marks in the grid and the differences in the pane, jump to a difference's rows,
 * answer a suggestion, clear the marks and find the sheets exactly as they were. Once in Chinese by
 * mouse, once in English on ExcelApi 1.7 (Office 2019), once by keyboard only. Screenshots go to
 * test-artifacts/.
 *
 * The sample has no ambiguous match, and other tests pin it, so each test makes one the way a dealer
 * would: a second 60,000.00 payment on 2026-10-09 typed into the statement (through the preview's hook).
 */
import { join } from "path";
import type { Locator, Page } from "playwright-core";
import { MARK_STYLES } from "../../src/app/reports/marks";
import type { PreviewHook } from "../../src/preview/hook";
import { SAMPLE_LEDGER_SHEET as LEDGER, SAMPLE_STATEMENT_SHEET as STATEMENT } from "../../src/sample/sample";
import type { SheetSnapshot } from "../../src/fake-excel";
import { type Chromium } from "./support/chromium";
import { ARTIFACTS, endSession, expectEventually as eventually, expectText as settledText, screenshot, startSession } from "./support/session";
import { type StaticServer } from "./support/serve";

const STEP_TIMEOUT = 20_000;
jest.setTimeout(90_000);

let server: StaticServer;
let browser: Chromium;
let page: Page;
const timings: Record<string, number> = {};

declare const window: { duizhangPreview?: PreviewHook; dispatchEvent(e: unknown): boolean };
declare const Event: new (type: string) => unknown;

const expectEventually = <T>(read: () => Promise<T>, expected: T): Promise<void> => eventually(read, expected, STEP_TIMEOUT);

const expectText = (locator: Locator, expected: string): Promise<void> => settledText(locator, expected, STEP_TIMEOUT);

const shot = (name: string): Promise<void> => screenshot(page, name);

async function open(lang: "zh-CN" | "en-US"): Promise<void> {
  await page.goto(`${server.url}/preview.html?lang=${lang}`, { waitUntil: "domcontentloaded" });
  await page.getByTestId("sheet-table").waitFor({ timeout: STEP_TIMEOUT });
}

/**
 * The dealer's second payment: rows from the 合计 line down move one row lower and the new line goes
 * above it, as Excel's "insert row" would do.
 */
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

async function snapshot(sheet: string): Promise<SheetSnapshot> {
  return page.evaluate((name) => {
    const p = window.duizhangPreview;
    if (!p) throw new Error("no preview hook");
    return JSON.parse(JSON.stringify(p.excel.snapshot(name))) as SheetSnapshot;
  }, sheet);
}

async function fill(sheet: string, row: number, column: number): Promise<string | null> {
  return page.evaluate(([name, r, c]) => window.duizhangPreview?.excel.effectiveFill(name, r, c) ?? null, [sheet, row, column] as const);
}

async function selection(): Promise<unknown> {
  return page.evaluate(() => window.duizhangPreview?.excel.model.selection ?? null);
}

async function setting(key: string): Promise<unknown> {
  const raw = await page.evaluate((k) => window.duizhangPreview?.excel.model.settings.get(k), key);
  return typeof raw === "string" ? JSON.parse(raw) : raw;
}

async function sheetNames(): Promise<string[]> {
  return page.evaluate(() => window.duizhangPreview?.excel.sheetNames() ?? []);
}

/** The grid's cells with a fill, as the user sees them, for the sheet shown. */
async function gridFills(sheet: string): Promise<[string, string][]> {
  await page.locator("[data-testid=grid] [role=tab]", { hasText: new RegExp(`^${sheet}$`) }).click();
  await page.locator(`[data-testid=grid][data-sheet="${sheet}"]`).waitFor({ timeout: STEP_TIMEOUT });
  return page
    .locator("[data-testid=grid] td[data-fill]")
    .evaluateAll((tds) => tds.map((td) => [td.getAttribute("data-cell") ?? "", td.getAttribute("data-fill") ?? ""] as [string, string]));
}

async function pick(side: "ledger" | "statement", sheet: string): Promise<void> {
  await page.getByTestId(`reconcile-pick-${side}`).click();
  await page.getByRole("option", { name: new RegExp(`^${sheet}[（ ]`) }).click();
}

/** What the difference list shows: kind, ledger rows, statement rows of each item. */
async function listed(): Promise<string[]> {
  return page
    .locator("[data-testid=difference-list] > li")
    .evaluateAll((lis) =>
      lis.map((li) => `${li.getAttribute("data-kind")} L${li.getAttribute("data-ledger-rows")} S${li.getAttribute("data-statement-rows")}`),
    );
}

const FIRST_RUN = [
  "amount_mismatch L17 S11",
  "amount_mismatch L19 S14",
  "duplicate L13 S",
  "ledger_only L26 S",
  "statement_only L S19",
  "statement_only L S20",
  "suggestion L23 S16",
  "suggestion L23 S21",
];
const AFTER_CONFIRM = [
  "amount_mismatch L17 S11",
  "amount_mismatch L19 S14",
  "duplicate L13 S",
  "ledger_only L26 S",
  "statement_only L S16",
  "statement_only L S19",
  "statement_only L S20",
];

interface Words {
  tab: string;
  run: string;
  runAgain: string;
  matched: string;
  matchedAfter: string;
  balanced: string;
  confirm: string;
  clear: string;
  cleared: string;
  differences: string;
  reconciliation: string;
  statementRows11: string;
  filterStatementOnly: string;
}

const ZH: Words = {
  tab: "对账",
  run: "开始对账",
  runAgain: "重新对账",
  matched: "10 组",
  matchedAfter: "11 组",
  // The mismatches, the duplicate and the rows awaiting an answer are 待查 items, so the sides do not agree yet.
  balanced: "调节后仍相差 86,990.00。 调节后仍差 86,990.00，即待查差异合计（6 项），请逐项查明哪一方有误并更正",
  confirm: "确认匹配",
  clear: "清除标记",
  cleared: "已清除标记，各行恢复原来的样子。",
  differences: "差异明细",
  reconciliation: "余额调节表",
  statementRows11: "对账单第 11 行",
  filterStatementOnly: "对方有、我方无（3）",
};

const EN: Words = {
  tab: "Reconcile",
  run: "Reconcile",
  runAgain: "Reconcile again",
  matched: "10 matches",
  matchedAfter: "11 matches",
  balanced:
    "After adjustment they still differ by 86,990.00. 86,990.00 remains after adjusting: the total of the 6 items to check; find which side is wrong in each and correct it",
  confirm: "Confirm match",
  clear: "Clear marks",
  cleared: "Marks cleared; the rows look as they did before.",
  differences: "Differences",
  reconciliation: "Reconciliation",
  statementRows11: "Statement row 11",
  filterStatementOnly: "Only on the statement (3)",
};

/**
 * The whole flow by mouse in one language: the marks, a jump to rows, a confirmed suggestion, the filter,
 * the result sheets, and clearing the marks back to the sheets as they were.
 */
async function wholeFlow(w: Words, prefix: string): Promise<void> {
  const ledgerBefore = await snapshot(LEDGER);
  const statementBefore = await snapshot(STATEMENT);
  const gridBefore = { ledger: await gridFills(LEDGER), statement: await gridFills(STATEMENT) };

  await page.getByRole("tab", { name: w.tab, exact: true }).click();
  await pick("ledger", LEDGER);
  await pick("statement", STATEMENT);
  // Proposed from the statement's 期间 line.
  await expectEventually(() => page.getByTestId("reconcile-asof").inputValue(), "2026-10-31");
  const run = page.getByTestId("reconcile-run");
  await expectEventually(() => run.isEnabled(), true);
  await expectText(run, w.run);
  let t = Date.now();
  await run.click();
  await page.getByTestId("reconcile-summary").waitFor({ timeout: STEP_TIMEOUT });
  timings[`${prefix} run`] = Date.now() - t;

  await expectText(page.getByTestId("summary-matched"), w.matched);
  await expectText(page.getByTestId("summary-ledger-balance"), "233,340.50");
  await expectText(page.getByTestId("summary-statement-balance"), "-23,649.50");
  await expectText(page.getByTestId("summary-balanced"), w.balanced);
  await expectEventually(listed, FIRST_RUN);
  await expectEventually(
    () => setting("duizhang.reconcile.choice"),
    { ledger: LEDGER, statement: STATEMENT, dealer: null, asOf: null, tolerance: "0.00", daysBefore: "10", daysAfter: "15" },
  );

  // Marks: one colour per kind, on the whole used width of the row, in the fake and in the grid.
  expect(await fill(LEDGER, 17, 1)).toBe(MARK_STYLES.amount_mismatch.fill);
  expect(await fill(LEDGER, 17, 8)).toBe(MARK_STYLES.amount_mismatch.fill);
  expect(await fill(LEDGER, 13, 3)).toBe(MARK_STYLES.duplicate.fill);
  expect(await fill(LEDGER, 26, 1)).toBe(MARK_STYLES.ledger_only.fill);
  expect(await fill(LEDGER, 23, 1)).toBe(MARK_STYLES.suggestion.fill);
  expect(await fill(LEDGER, 16, 1)).toBeNull();
  expect(await fill(STATEMENT, 19, 2)).toBe(MARK_STYLES.statement_only.fill);
  const marked = await gridFills(LEDGER);
  expect(marked.filter(([cell]) => /^[A-H]17$/.test(cell)).map(([, f]) => f)).toEqual(Array(8).fill(MARK_STYLES.amount_mismatch.fill));
  expect(marked.filter(([cell]) => cell === "A23")).toEqual([["A23", MARK_STYLES.suggestion.fill]]);
  expect(await sheetNames()).toEqual([LEDGER, STATEMENT, "发货回款登记", "本公司信息", w.differences, w.reconciliation]);
  await shot(`${prefix}-results`);

  // Clicking a difference selects its ledger rows; its statement link selects the dealer's row.
  const mismatch = page.locator("[data-testid=difference-list] > li").first();
  await mismatch.getByTestId("difference-goto").click();
  await expectEventually(selection, { sheet: LEDGER, address: "A17:H17" });
  await expectText(page.getByTestId("name-box"), "A17:H17");
  await shot(`${prefix}-selected`);
  await mismatch.getByRole("button", { name: w.statementRows11 }).click();
  await expectEventually(selection, { sheet: STATEMENT, address: "A11:F11" });

  // Answer the suggestion: the new payment (row 21) is the one our 2026-10-09 receipt stands for.
  const suggestion = page.locator('[data-testid=difference-list] > li[data-kind=suggestion][data-statement-rows="21"]');
  await shot(`${prefix}-suggestion`);
  t = Date.now();
  await suggestion.getByTestId("confirm-suggestion").click();
  await expectEventually(listed, AFTER_CONFIRM);
  timings[`${prefix} confirm and re-run`] = Date.now() - t;
  await expectText(page.getByTestId("summary-matched"), w.matchedAfter);
  const decisions = (await setting("duizhang.decisions")) as Record<string, { decision: string; ledgerRows: number[]; statementRows: number[] }[]>;
  expect(Object.keys(decisions)).toEqual([`${LEDGER}|${STATEMENT}`]);
  expect(decisions[`${LEDGER}|${STATEMENT}`].map((d) => [d.decision, d.ledgerRows, d.statementRows])).toEqual([["confirmed", [23], [21]]]);
  expect(await fill(LEDGER, 23, 1)).toBeNull();
  expect(await fill(STATEMENT, 16, 1)).toBe(MARK_STYLES.statement_only.fill);

  // Filter by kind.
  await page.getByTestId("kind-filter").click();
  await page.getByRole("option", { name: w.filterStatementOnly }).click();
  await expectEventually(listed, ["statement_only L S16", "statement_only L S19", "statement_only L S20"]);
  await shot(`${prefix}-filtered`);

  // Clear the marks: the sheets are exactly as before the run, and so is what the user sees.
  await page.getByRole("button", { name: w.clear }).click();
  await page.getByText(w.cleared).waitFor({ timeout: STEP_TIMEOUT });
  expect(await snapshot(LEDGER)).toEqual(ledgerBefore);
  expect(await snapshot(STATEMENT)).toEqual(statementBefore);
  expect({ ledger: await gridFills(LEDGER), statement: await gridFills(STATEMENT) }).toEqual(gridBefore);
  await shot(`${prefix}-cleared`);
}

beforeAll(async () => {
  ({ server, browser, page } = await startSession({ width: 1280, height: 900 }, timings));
}, 300_000);

afterAll(async () => {
  await endSession({ server, browser }, "reconcile browser test", timings);
});

test("in Chinese: run, see the marks and differences, jump to rows, confirm a suggestion, clear the marks", async () => {
  const t = Date.now();
  await open("zh-CN");
  await addSecondPayment();
  await wholeFlow(ZH, "reconcile-zh");
  timings["zh flow"] = Date.now() - t;
});

test("after the user sorts the ledger, the pane says the marks no longer fit and runs again on request", async () => {
  // Starts from the previous test's last run (no new run here: a run still going when the user sorts would
  // take the sorted sheet as its own and rightly see nothing stale).
  await page.getByTestId("kind-filter").click();
  await page.getByRole("option", { name: "全部（7）" }).click();
  await expectEventually(listed, AFTER_CONFIRM);
  // The user sorts two rows of the ledger in Excel, then comes back to the pane.
  await page.evaluate((name) => {
    const p = window.duizhangPreview;
    if (!p) throw new Error("no preview hook");
    const st = p.excel.sheet(name);
    for (let c = 1; c <= 8; c++) {
      const a = st.getValue(7, c);
      st.setStored(7, c, st.getValue(8, c));
      st.setStored(8, c, a);
    }
    p.notify();
    window.dispatchEvent(new Event("focus"));
  }, LEDGER);
  const stale = page.getByTestId("reconcile-stale");
  await stale.waitFor({ timeout: STEP_TIMEOUT });
  await expectText(
    stale.locator(".fui-MessageBarBody"),
    `「${LEDGER}」在对账之后被排序或修改过：标记和结果中的行号可能已对不上。请重新对账。`,
  );
  // Jumping to a row now would point at the wrong one: the selection stays where it was.
  const before = await selection();
  await page.locator("[data-testid=difference-list] > li").first().getByTestId("difference-goto").click();
  await page.waitForTimeout(300);
  expect(await selection()).toEqual(before);
  await shot("reconcile-zh-stale");
  await stale.getByRole("button", { name: "重新对账" }).click();
  await expectEventually(() => stale.count(), 0);
  await page.getByRole("button", { name: "清除标记" }).click();
  await page.getByText("已清除标记，各行恢复原来的样子。").waitFor({ timeout: STEP_TIMEOUT });
});

test("in English on ExcelApi 1.7: a sheet of the user's named like ours is left alone, and what is degraded is said in the user's words, naming the Excel that does it", async () => {
  const t = Date.now();
  await open("en-US");
  await page.evaluate(() => {
    const p = window.duizhangPreview;
    if (!p) throw new Error("no preview hook");
    p.excel.setApiVersion("1.7");
    // The user's own sheet, under the name our differences sheet takes in English.
    p.excel.model.addSheet("Differences").setStored(1, 1, "my notes");
    p.notify();
  });
  await page.getByRole("tab", { name: "Reconcile", exact: true }).click();
  await pick("ledger", LEDGER);
  await pick("statement", STATEMENT);
  await expectEventually(() => page.getByTestId("reconcile-run").isEnabled(), true);
  await page.getByTestId("reconcile-run").click();
  const refused = page.getByTestId("reconcile-refused");
  await refused.waitFor({ timeout: STEP_TIMEOUT });
  await expectText(
    refused,
    'Reconciled, but the result sheet "Differences" was not written: the workbook already has a sheet of yours with that name, and it is left alone. Rename or delete that sheet, then click "Reconcile again".',
  );
  expect(await page.evaluate(() => window.duizhangPreview?.excel.cell("Differences", "A1").value)).toBe("my notes");
  const degraded = page.getByTestId("degraded");
  expect(await degraded.locator("li").allTextContents()).toEqual([
    "This version of Excel does not let Duizhang set up printing: the reconciliation sheet is not set up for A4, so set paper and margins under Page Layout before printing. Excel from Microsoft 365, Office 2021 or later, and Excel on the web set it up for you.",
    "This version of Excel cannot mark rows that are apart in one go: each block of consecutive rows gets its own conditional-format rule; the colours are the same, there are just more rules. Excel from Microsoft 365, Office 2021 or later, and Excel on the web use one rule.",
  ]);
  // Ledger rows 13, 17, 19 and 26 in three kinds: on 1.7 one rule per block of rows, so four rules (1.9: three).
  expect(await page.evaluate((name) => window.duizhangPreview?.excel.snapshot(name).conditionalFormats.length, LEDGER)).toBe(4);
  await shot("reconcile-en-refused");

  // The user renames their sheet out of the way; the marks of this run are cleared first so the flow
  // below starts from the sheets as the user had them.
  await page.getByRole("button", { name: "Clear marks" }).click();
  await page.getByText("Marks cleared; the rows look as they did before.").waitFor({ timeout: STEP_TIMEOUT });
  await page.evaluate(() => {
    const p = window.duizhangPreview;
    if (!p) throw new Error("no preview hook");
    p.excel.model.sheet("Differences")!.name = "My notes";
    p.notify();
  });
  await page.getByRole("tab", { name: "Sheets", exact: true }).click();
  await page.getByRole("button", { name: "Refresh list" }).click();
  await page.getByTestId("sheet-table").locator('tr[data-sheet="My notes"]').waitFor({ timeout: STEP_TIMEOUT });
  await addSecondPayment();
  await page.getByRole("button", { name: "Refresh list" }).click();
  await wholeFlowAfterRefusal();
  timings["en flow"] = Date.now() - t;
});

/** The English flow once the user's sheet is out of the way: the sheets list now holds "My notes". */
async function wholeFlowAfterRefusal(): Promise<void> {
  const w = EN;
  const ledgerBefore = await snapshot(LEDGER);
  const statementBefore = await snapshot(STATEMENT);
  await page.getByRole("tab", { name: w.tab, exact: true }).click();
  await expectEventually(() => page.getByTestId("reconcile-run").isEnabled(), true);
  await expectText(page.getByTestId("reconcile-run"), w.runAgain);
  await page.getByTestId("reconcile-run").click();
  await page.getByTestId("reconcile-written").waitFor({ timeout: STEP_TIMEOUT });
  await expectText(
    page.getByTestId("reconcile-written"),
    'Marked 5 ledger rows and 6 statement rows. Result sheets "Differences" and "Reconciliation" written.',
  );
  await expectEventually(listed, FIRST_RUN);
  await expectText(page.getByTestId("summary-balanced"), w.balanced);
  expect(await fill(LEDGER, 17, 1)).toBe(MARK_STYLES.amount_mismatch.fill);
  await shot("reconcile-en-results");
  const mismatch = page.locator("[data-testid=difference-list] > li").first();
  await mismatch.getByTestId("difference-goto").click();
  await expectEventually(selection, { sheet: LEDGER, address: "A17:H17" });
  await page.locator('[data-testid=difference-list] > li[data-kind=suggestion][data-statement-rows="21"]').getByTestId("confirm-suggestion").click();
  await expectEventually(listed, AFTER_CONFIRM);
  await page.getByRole("button", { name: w.clear }).click();
  await page.getByText(w.cleared).waitFor({ timeout: STEP_TIMEOUT });
  expect(await snapshot(LEDGER)).toEqual(ledgerBefore);
  expect(await snapshot(STATEMENT)).toEqual(statementBefore);
  await shot("reconcile-en-cleared");
}

/** Presses Tab until the focused element matches, as a keyboard user moves through the pane. */
async function tabTo(describe: string, matches: () => boolean, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(matches)) return;
  }
  throw new Error(`Tab never reached ${describe}`);
}

declare const document: { activeElement: { getAttribute(n: string): string | null; textContent: string | null; closest(s: string): unknown } | null };

test("by keyboard only: choose, run, jump to a difference and clear the marks", async () => {
  await open("zh-CN");
  const ledgerBefore = await snapshot(LEDGER);
  await tabTo("the pane's 工作表 tab", () => document.activeElement?.getAttribute("role") === "tab" && document.activeElement.closest("[data-testid=pane]") !== null);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.getByTestId("reconcile-view").waitFor({ timeout: STEP_TIMEOUT });
  await tabTo("the ledger picker", () => document.activeElement?.getAttribute("data-testid") === "reconcile-pick-ledger");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await tabTo("the statement picker", () => document.activeElement?.getAttribute("data-testid") === "reconcile-pick-statement");
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expectEventually(() => page.getByTestId("reconcile-run").isEnabled(), true);
  await tabTo("the run button", () => document.activeElement?.getAttribute("data-testid") === "reconcile-run");
  await page.keyboard.press("Enter");
  await page.getByTestId("reconcile-summary").waitFor({ timeout: STEP_TIMEOUT });
  expect(await fill(LEDGER, 17, 1)).toBe(MARK_STYLES.amount_mismatch.fill);
  await tabTo("the first difference", () => document.activeElement?.getAttribute("data-testid") === "difference-goto");
  await page.keyboard.press("Enter");
  await expectEventually(selection, { sheet: LEDGER, address: "A17:H17" });
  await page.screenshot({ path: join(ARTIFACTS, "reconcile-keyboard.png") });
  await page.keyboard.press("Shift+Tab");
  // Back up to the clear button (above the results), then Space.
  for (let i = 0; i < 80 && (await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))) !== "reconcile-clear-marks"; i++) {
    await page.keyboard.press("Shift+Tab");
  }
  await page.keyboard.press("Space");
  await page.getByText("已清除标记，各行恢复原来的样子。").waitFor({ timeout: STEP_TIMEOUT });
  expect(await snapshot(LEDGER)).toEqual(ledgerBefore);
});

test("全部撤销 takes back the marks and the result sheets, leaving the user's sheets as they were", async () => {
  await open("zh-CN");
  const before = { ledger: await snapshot(LEDGER), statement: await snapshot(STATEMENT) };
  await page.getByRole("tab", { name: ZH.tab, exact: true }).click();
  await pick("ledger", LEDGER);
  await pick("statement", STATEMENT);
  const run = page.getByTestId("reconcile-run");
  await expectEventually(() => run.isEnabled(), true);
  await run.click();
  await page.getByTestId("reconcile-summary").waitFor({ timeout: STEP_TIMEOUT });
  await expectEventually(sheetNames, [LEDGER, STATEMENT, "发货回款登记", "本公司信息", ZH.differences, ZH.reconciliation]);
  expect(await fill(LEDGER, 26, 1)).toBe(MARK_STYLES.ledger_only.fill);

  await page.getByRole("tab", { name: "工作表", exact: true }).click();
  await page.getByTestId("undo-open").click();
  await page.getByTestId("undo-confirm").click();
  await page.getByText(/已清除全部标记，删除结果表：差异明细、余额调节表/).waitFor({ timeout: STEP_TIMEOUT });
  await expectEventually(sheetNames, [LEDGER, STATEMENT, "发货回款登记", "本公司信息"]);
  expect({ ledger: await snapshot(LEDGER), statement: await snapshot(STATEMENT) }).toEqual(before);
  await shot("undo-zh");
});
