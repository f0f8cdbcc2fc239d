/**
 * The production pane in the webviews Office uses, as far as Chromium can stand in for them:
 * - Internet Explorer 11 (Trident): taskpane.html's inline ES5 script shows what the user can do
 *   instead, in Chinese or English, and the pane itself does not start;
 * - a webview that lacks what the bundle needs (no Proxy here): the same message;
 * - Edge Legacy (EdgeHTML 18): Chromium with the built-ins EdgeHTML lacks removed before any script
 *   runs, so the pane has to run on the polyfills of src/taskpane/edgehtml-polyfills.ts;
 * - Chromium as it is (WebView2, Excel on the web): the pane as usual.
 * Only a real EdgeHTML and IE11 can confirm layout and parsing there; see README "Deployment by a
 * company's IT".
 */
import { parse } from "acorn";
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM } from "../browser/support/chromium";
import { serveDirectory, type StaticServer } from "../browser/support/serve";
import { ensureProductionBuilt, ROOT } from "./support/production-build";

jest.setTimeout(12 * 60_000);

const TRIDENT_UA = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
const EDGEHTML_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";
const ARTIFACTS = join(ROOT, "test-artifacts");
const STEP_TIMEOUT = 30_000;

/** Inline scripts (no src) of an HTML page, in order. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)].filter((m) => !/\ssrc=/.test(m[1] ?? "")).map((m) => m[2]);
}

function es5Error(code: string): string | null {
  try {
    parse(code, { ecmaVersion: 5, sourceType: "script" });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Runs before any page script: removes what EdgeHTML 18 lacks among what the bundle calls, so the
 * page meets Chromium's engine with EdgeHTML's gaps.
 */
function removeWhatEdgeHtmlLacks(): void {
  const w = window as unknown as Record<string, unknown>;
  delete (Object as unknown as Record<string, unknown>).fromEntries;
  for (const name of ["flat", "flatMap", "at"]) delete (Array.prototype as unknown as Record<string, unknown>)[name];
  delete (String.prototype as unknown as Record<string, unknown>).at;
  // globalThis stays: Playwright's own page scripts use it. test/build/es2017.test.ts checks that the
  // bundle never reads it unguarded.
  for (const name of ["WeakRef", "ResizeObserver", "DOMRect"]) delete w[name];
  delete (Event.prototype as unknown as Record<string, unknown>).composedPath;
  delete (Node.prototype as unknown as Record<string, unknown>).isConnected;
  delete (Element.prototype as unknown as Record<string, unknown>).scrollTo;
  // EdgeHTML's MediaQueryList is no EventTarget: only addListener/removeListener.
  for (const name of ["addEventListener", "removeEventListener"]) {
    Object.defineProperty(MediaQueryList.prototype, name, { value: undefined, configurable: true, writable: true });
  }
  // EdgeHTML lays out flex items without their gap: the polyfills' probe (data-duizhang-gap-probe)
  // measures it, so it is told what EdgeHTML would measure.
  const scrollHeight = Object.getOwnPropertyDescriptor(Element.prototype, "scrollHeight") as PropertyDescriptor;
  Object.defineProperty(Element.prototype, "scrollHeight", {
    configurable: true,
    get(this: Element) {
      return this.hasAttribute("data-duizhang-gap-probe") ? 0 : (scrollHeight.get as () => number).call(this);
    },
  });
}

/**
 * The first flex column in the pane spaced by row-gap, with the gap and the inline top margins of
 * its items: what the flex-gap fallback sets where EdgeHTML would ignore the gap.
 */
function flexColumnMargins(): { rowGap: string; marginTops: string[] } | null {
  for (const element of Array.from(document.querySelectorAll<HTMLElement>("[data-testid=taskpane] *"))) {
    const style = getComputedStyle(element);
    if (style.display !== "flex" || style.flexDirection !== "column" || !(parseFloat(style.rowGap) > 0)) continue;
    const items = Array.from(element.children).filter((c) => getComputedStyle(c).display !== "none") as HTMLElement[];
    if (items.length < 2) continue;
    return { rowGap: style.rowGap, marginTops: items.map((c) => c.style.marginTop) };
  }
  return null;
}

let build: { dir: string };
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  build = await ensureProductionBuilt();
  server = await serveDirectory(build.dir);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function open(options: { userAgent?: string; locale: string; before?: () => void }): Promise<Opened> {
  const context = await browser.newContext({ userAgent: options.userAgent, locale: options.locale, viewport: { width: 360, height: 700 } });
  if (options.before) await context.addInitScript(options.before);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${server.url}/taskpane.html`);
  return { context, page, errors };
}

describe("taskpane.html's check for webviews the pane cannot run in", () => {
  it("is one inline script, in ES5, in the template and in the built page", () => {
    const template = inlineScripts(readFileSync(join(ROOT, "src/taskpane/taskpane.html"), "utf8"));
    const built = inlineScripts(readFileSync(join(build.dir, "taskpane.html"), "utf8"));
    expect(template).toHaveLength(1);
    expect(built).toHaveLength(1);
    expect(es5Error(template[0])).toBeNull();
    expect(es5Error(built[0])).toBeNull();
    // The parser does refuse later syntax, so the checks above can fail.
    expect(es5Error("let a = () => 1;")).toMatch(/Unexpected|reserved/);
  });

  it("runs before the bundle: the bundle's scripts are deferred, office.js is not", () => {
    const html = readFileSync(join(build.dir, "taskpane.html"), "utf8");
    const tags = [...html.matchAll(/<script\s([^>]*\bsrc=[^>]*)>/g)].map((m) => m[1]);
    const bundle = tags.filter((t) => !/office-js\//.test(t));
    expect(bundle).toHaveLength(3);
    for (const tag of bundle) expect(tag).toMatch(/\bdefer\b/);
    expect(tags.filter((t) => /office-js\/office\.js/.test(t))).toHaveLength(1);
    expect(tags.find((t) => /office-js\//.test(t))).not.toMatch(/\bdefer\b/);
  });

  it("tells an Internet Explorer 11 user in Chinese which Office runs the pane and that the command line does the same", async () => {
    const { context, page, errors } = await open({ userAgent: TRIDENT_UA, locale: "zh-CN" });
    try {
      const box = page.locator("#duizhang-unsupported");
      await box.waitFor({ timeout: STEP_TIMEOUT });
      expect(await box.locator("h1").textContent()).toBe("对账助手无法在这个 Office 中运行");
      const text = (await box.textContent()) ?? "";
      for (const part of ["Internet Explorer 11", "Microsoft 365", "Office 2021 或更高版本", "Excel 网页版", "零售版 Office 2019", "Microsoft Edge WebView2 运行时", "批量许可版 Office 2019 只用 Internet Explorer 11", "对账、账龄分析和对账函", "duizhang reconcile --ledger 台账.xlsx", "duizhang --help"]) {
        expect(text).toContain(part);
      }
      expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
      // The pane does not start: no #root for it, and (after the bundle had time to run) no pane heading.
      await page.waitForLoadState("load");
      await page.waitForTimeout(500);
      expect(await page.locator("#root").count()).toBe(0);
      expect(await page.locator("[data-testid=taskpane]").count()).toBe(0);
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, "webview-trident-zh.png") });
    } finally {
      await context.close();
    }
  });

  it("speaks English to an Internet Explorer 11 user whose language is English", async () => {
    const { context, page } = await open({ userAgent: TRIDENT_UA, locale: "en-US" });
    try {
      const box = page.locator("#duizhang-unsupported");
      await box.waitFor({ timeout: STEP_TIMEOUT });
      expect(await box.locator("h1").textContent()).toBe("Duizhang cannot run in this Office");
      const text = (await box.textContent()) ?? "";
      for (const part of ["Internet Explorer 11", "Microsoft 365, Office 2021 or later", "Excel on the web", "Microsoft Edge WebView2 Runtime", "Volume-licensed Office 2019 only uses Internet Explorer 11", "reconciliation, aging and confirmation letters", "duizhang reconcile --ledger ledger.xlsx"]) {
        expect(text).toContain(part);
      }
      expect(await page.getAttribute("html", "lang")).toBe("en-US");
    } finally {
      await context.close();
    }
  });

  it("shows the same message in a webview that is not IE but lacks what the bundle needs (Proxy)", async () => {
    const { context, page } = await open({
      locale: "zh-CN",
      before: () => {
        delete (window as unknown as Record<string, unknown>).Proxy;
      },
    });
    try {
      const box = page.locator("#duizhang-unsupported");
      await box.waitFor({ timeout: STEP_TIMEOUT });
      // Why: the webview is too old, not that it is Internet Explorer; what to do: as for IE.
      expect(await box.locator("p").first().textContent()).toBe("这个 Office 用来显示加载项的浏览器组件太旧，对账助手的任务窗格不能在其中运行。");
      expect((await box.textContent()) ?? "").toContain("在 Microsoft 365、Office 2021 或更高版本的 Excel 中打开对账助手");
    } finally {
      await context.close();
    }
  });
});

describe("the production pane", () => {
  it("starts as usual in Chromium (WebView2, Excel on the web), with no message", async () => {
    const { context, page, errors } = await open({ locale: "zh-CN" });
    try {
      const title = page.locator("[data-testid=taskpane] h1");
      await title.waitFor({ timeout: STEP_TIMEOUT });
      expect(await title.textContent()).toBe("对账助手");
      expect(await page.locator("#duizhang-unsupported").count()).toBe(0);
      // Chromium spaces flex items by their gap itself: no margins stand in for it.
      await page.waitForTimeout(600);
      const spacing = await page.evaluate(flexColumnMargins);
      expect(spacing?.marginTops.every((m) => m === "")).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("runs on the polyfills where EdgeHTML 18's built-ins are missing: renders, shows a tooltip, switches language", async () => {
    const { context, page, errors } = await open({ userAgent: EDGEHTML_UA, locale: "zh-CN", before: removeWhatEdgeHtmlLacks });
    try {
      const title = page.locator("[data-testid=taskpane] h1");
      await title.waitFor({ timeout: STEP_TIMEOUT });
      expect(await title.textContent()).toBe("对账助手");
      expect(await page.locator("#duizhang-unsupported").count()).toBe(0);
      // The stand-ins are in place, not Chromium's own (removed before the page's scripts ran).
      const installed = await page.evaluate(() => ({
        fromEntries: Object.fromEntries([["a", 1]]),
        at: [1, 2, 3].at(-1),
        flatMap: [1, 2].flatMap((x) => [x, x * 10]),
        composedPath: typeof Event.prototype.composedPath,
        resizeObserverNative: /\[native code\]/.test(String((window as unknown as { ResizeObserver: unknown }).ResizeObserver)),
        weakRefNative: /\[native code\]/.test(String((window as unknown as { WeakRef: unknown }).WeakRef)),
        isConnected: document.body.isConnected,
      }));
      expect(installed).toEqual({
        fromEntries: { a: 1 },
        at: 3,
        flatMap: [1, 10, 2, 20],
        composedPath: "function",
        resizeObserverNative: false,
        weakRefNative: false,
        isConnected: true,
      });
      // Flex gaps stood in for by margins: from the second item of a column on, as large as the gap.
      let spacing = await page.evaluate(flexColumnMargins);
      for (const deadline = Date.now() + STEP_TIMEOUT; Date.now() < deadline && !spacing?.marginTops[1]; ) {
        await page.waitForTimeout(100);
        spacing = await page.evaluate(flexColumnMargins);
      }
      expect(spacing).not.toBeNull();
      const { rowGap, marginTops } = spacing as { rowGap: string; marginTops: string[] };
      expect(parseFloat(rowGap)).toBeGreaterThan(0);
      expect(marginTops).toEqual(["", ...marginTops.slice(1).map(() => rowGap)]);
      // A tooltip needs positioning (ResizeObserver) and Tabster (WeakRef, composedPath).
      await page.hover("[data-testid=switch-language]");
      const tooltip = page.locator("[role=tooltip]");
      await tooltip.waitFor({ timeout: STEP_TIMEOUT });
      expect(((await tooltip.textContent()) ?? "").length).toBeGreaterThan(0);
      await page.click("[data-testid=switch-language]");
      await page.waitForFunction(() => document.querySelector("[data-testid=taskpane] h1")?.textContent === "Duizhang receivables", undefined, {
        timeout: STEP_TIMEOUT,
      });
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, "webview-edgehtml-polyfilled.png") });
    } finally {
      await context.close();
    }
  });
});
