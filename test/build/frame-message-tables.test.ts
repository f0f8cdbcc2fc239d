/**
 * The message tables (src/messages: every text core's codes are said with) stay out of the pane's first load:
 * the frame fetches them when a failure it reports needs them (src/taskpane/messages.ts, loadMessageTables),
 * and they come with the views' chunks as well.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { pageScripts } from "./support/bundle-size";
import { builtChunks, ensureProductionBuilt } from "./support/production-build";

jest.setTimeout(12 * 60_000);

let dir = "";
beforeAll(async () => {
  dir = (await ensureProductionBuilt()).dir;
});

/** Texts found only in the message tables, one of each language's. */
const TABLE_TEXTS = ["Booked by us, not by the dealer", "the balance at the cut-off is zero; no letter made", "截至日余额为零，未生成对账函"];

test("no script of the first load holds the message tables; a chunk loaded later does", () => {
  const initial = new Set(pageScripts(readFileSync(join(dir, "taskpane.html"), "utf8")));
  const chunks = builtChunks(dir).map((file) => ({ file, initial: initial.has(file), text: readFileSync(join(dir, file), "utf8") }));
  expect(chunks.some((c) => c.initial)).toBe(true);
  for (const text of TABLE_TEXTS) {
    const holding = chunks.filter((c) => c.text.includes(text)).map((c) => [c.file, c.initial]);
    expect(holding.length).toBeGreaterThan(0);
    expect(holding.filter(([, first]) => first)).toEqual([]);
  }
});
