/**
 * What every browser test file shares: the built preview served on localhost, one Chromium with one page,
 * screenshots under test-artifacts/, and assertions that wait for the pane to settle.
 */
import { mkdirSync } from "fs";
import { join } from "path";
import type { Locator, Page } from "playwright-core";
import { DIST, ROOT, ensurePreviewBuilt } from "./build";
import { launchChromium, type Chromium } from "./chromium";
import { serveDirectory, type StaticServer } from "./serve";

export const ARTIFACTS = join(ROOT, "test-artifacts");

export interface Session {
  server: StaticServer;
  browser: Chromium;
  page: Page;
}

/** Builds the preview if stale, serves it and starts Chromium; timings are recorded for the report. */
export async function startSession(viewport: { width: number; height: number }, timings: Record<string, number>): Promise<Session> {
  let t = Date.now();
  const build = await ensurePreviewBuilt();
  timings[build.built ? "webpack build" : "build skipped (fresh)"] = Date.now() - t;
  if (build.waitedMs > 50) timings["waited for another worker's build"] = build.waitedMs;
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await serveDirectory(DIST);
  t = Date.now();
  const browser = await launchChromium(viewport);
  const page = await browser.context.newPage();
  timings["chromium launch"] = Date.now() - t;
  return { server, browser, page };
}

export async function endSession(session: Partial<Session> | undefined, label: string, timings: Record<string, number>): Promise<void> {
  await session?.browser?.close();
  await session?.server?.close();
  process.stdout.write(`${label} timings (ms): ${JSON.stringify(timings)}\n`);
}

/**
 * Waits until `read()` gives `expected` (the pane updates asynchronously), then asserts it exactly: on
 * timeout the last value seen is what the assertion reports.
 */
export async function expectEventually<T>(read: () => Promise<T>, expected: T, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let actual = await read();
  while (Date.now() < deadline && JSON.stringify(actual) !== JSON.stringify(expected)) {
    await new Promise((r) => setTimeout(r, 100));
    actual = await read();
  }
  expect(actual).toEqual(expected);
}

/** The first matching element's text, once it settles on `expected`. */
export async function expectText(locator: Locator, expected: string, timeoutMs: number): Promise<void> {
  await expectEventually(async () => ((await locator.count()) > 0 ? await locator.first().textContent() : null), expected, timeoutMs);
}

/** A screenshot under test-artifacts/, with the mouse moved out of the way. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 1);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
