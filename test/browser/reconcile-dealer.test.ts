/**
 * Whose statement it is, in the task pane: against the many-dealer register the statement's dealer is
 * preselected and named, and a ledger and statement chosen the wrong way round are said so before the
 * run, with one click to swap them.
 */
import type { Page } from "playwright-core";
import { SAMPLE_DEALER, SAMPLE_STATEMENT_SHEET as STATEMENT } from "../../src/sample/sample";
import { endSession, expectEventually, screenshot, startSession, type Session } from "./support/session";

const STEP_TIMEOUT = 20_000;
jest.setTimeout(120_000);

/** The sample's hand-kept list of shipments and receipts for several dealers. */
const REGISTER = "发货回款登记";

let session: Session;
let page: Page;
const timings: Record<string, number> = {};

beforeAll(async () => {
  session = await startSession({ width: 1200, height: 900 }, timings);
  page = session.page;
}, 300_000);
afterAll(() => endSession(session, "reconcile-dealer", timings));

async function pick(side: "ledger" | "statement", sheet: string): Promise<void> {
  await page.getByTestId(`reconcile-pick-${side}`).click();
  await page.getByRole("option", { name: new RegExp(`^${sheet}[（ ]`) }).click();
}

const picked = async (side: "ledger" | "statement"): Promise<string> => (await page.getByTestId(`reconcile-pick-${side}`).textContent()) ?? "";

test("the statement's dealer is preselected against a many-dealer ledger, and a swapped pair is offered a swap", async () => {
  await page.goto(`${session.server.url}/preview.html?lang=zh-CN`, { waitUntil: "domcontentloaded" });
  await page.getByTestId("sheet-table").waitFor({ timeout: STEP_TIMEOUT });
  await page.getByRole("tab", { name: "对账", exact: true }).click();

  // Given the wrong way round: the statement as the ledger, the register as the statement.
  await pick("ledger", STATEMENT);
  await pick("statement", REGISTER);
  await page.getByTestId("reconcile-swapped").waitFor({ timeout: STEP_TIMEOUT });
  expect(await page.getByTestId("reconcile-swapped").textContent()).toContain(`「${STATEMENT}」看起来是经销商的对账单，「${REGISTER}」看起来是我方台账`);
  await screenshot(page, "reconcile-dealer-swapped");

  await page.getByTestId("reconcile-swap").click();
  await expectEventually(async () => [(await picked("ledger")).startsWith(REGISTER), (await picked("statement")).startsWith(STATEMENT)], [true, true], STEP_TIMEOUT);
  await expectEventually(() => page.getByTestId("reconcile-swapped").count(), 0, STEP_TIMEOUT);

  // The register holds several dealers; the statement names one of them, chosen and named.
  const dealer = page.getByTestId("reconcile-dealer");
  await dealer.waitFor({ timeout: STEP_TIMEOUT });
  await expectEventually(() => dealer.inputValue(), SAMPLE_DEALER, STEP_TIMEOUT);
  expect(await page.getByText(`对账单属于「${SAMPLE_DEALER}」`).count()).toBeGreaterThan(0);
  await dealer.click();
  expect(await page.getByRole("option", { name: "全部经销商" }).count()).toBe(0);
  await page.keyboard.press("Escape");
  await screenshot(page, "reconcile-dealer-preselected");

  // The run reconciles that dealer alone.
  await page.getByTestId("reconcile-run").click();
  await page.getByTestId("reconcile-summary").waitFor({ timeout: STEP_TIMEOUT });
  expect(await page.getByTestId("reconcile-summary").count()).toBe(1);
  expect(await page.getByTestId("reconcile-summary").textContent()).toContain(SAMPLE_DEALER);
});
