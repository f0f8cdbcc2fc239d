/**
 * The pane's first load stays light: the JavaScript taskpane.html loads before its first view shows is
 * at most the budget of webpack.config.js (169 KB gzipped, the total of Microsoft's one-button React
 * task-pane template), and each view comes in a chunk of its own, loaded on first use.
 */
import { join } from "path";
import { measureBundle } from "./support/bundle-size";
import { ensureProductionBuilt, ROOT } from "./support/production-build";

jest.setTimeout(12 * 60_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { INITIAL_GZIP_BUDGET } = require(join(ROOT, "webpack.config.js")) as { INITIAL_GZIP_BUDGET: number };

let dir = "";
beforeAll(async () => {
  dir = (await ensureProductionBuilt()).dir;
});

test("the budget is Microsoft's template's total, 169 KB gzipped", () => {
  expect(INITIAL_GZIP_BUDGET).toBe(169 * 1024);
});

test("the JavaScript loaded before the first view is within the gzipped budget", () => {
  const size = measureBundle(dir);
  const initial = size.chunks.filter((c) => c.initial).map((c) => `${c.name} ${c.gzipBytes} B`);
  expect(initial.length).toBeGreaterThan(0);
  if (size.initialGzipBytes > INITIAL_GZIP_BUDGET) {
    throw new Error(`first load ${size.initialGzipBytes} B gzipped > budget ${INITIAL_GZIP_BUDGET} B: ${initial.join(", ")}`);
  }
});

test("each view is a chunk of its own, not part of the first load", () => {
  const size = measureBundle(dir);
  for (const view of ["view-sheets", "view-reconcile", "view-aging"]) {
    const chunk = size.chunks.find((c) => c.name === view);
    expect(chunk).toMatchObject({ name: view, initial: false });
  }
  expect(size.totalGzipBytes).toBeGreaterThan(size.initialGzipBytes);
});

test("the build's report has no size warning while the first load is within the budget", async () => {
  const { output } = await ensureProductionBuilt();
  const size = measureBundle(dir);
  if (size.initialGzipBytes <= INITIAL_GZIP_BUDGET) {
    expect(output).not.toMatch(/over the budget of/);
    expect(output).not.toMatch(/entrypoint size limit/);
  }
});
