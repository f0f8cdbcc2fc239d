/**
 * The ledger-row parameters relabelled over several month sheets (app/sheet-rows' LEDGER_ROW_PARAMS) and the
 * message tables' `{x:rows}` parameters, in Chinese and in English: every listed one is said with `{x:rows}`,
 * and every `{x:rows}` parameter is either listed or one of the dealer's statement rows (said as rows too, but
 * plain numbers that no run over month sheets relabels). A new `{x:rows}` parameter must be put on one side.
 */
import { LEDGER_ROW_PARAMS } from "../../src/app/sheet-rows";
import { en } from "../../src/messages/en";
import { PLACEHOLDER, type Language } from "../../src/messages/table";
import { zh } from "../../src/messages/zh";

/** The statement's rows that a table may say with `{x:rows}`: never relabelled. */
const STATEMENT_ROW_PARAMS: Readonly<Record<string, readonly string[]>> = {
  "reconcile.adjust.statement_only": ["rows"],
  "reconcile.pending.mismatch": ["statementRows"],
  "reconcile.pending.mismatch.likely": ["statementRows"],
  "reconcile.pending.duplicate.statement": ["rows", "original"],
  "reconcile.pending.awaiting.statement": ["row"],
  "reconcile.reason.duplicate.statement": ["row", "original"],
};

/** `code param` for every `{param:rows}` of the table's templates, sorted. */
function rowsParams(table: Language): string[] {
  const found = new Set<string>();
  for (const [code, template] of Object.entries(table.messages as Record<string, string>)) {
    for (const m of template.matchAll(PLACEHOLDER)) if (m[2] === "rows") found.add(`${code} ${m[1]}`);
  }
  return [...found].sort();
}

const pairs = (list: Readonly<Record<string, readonly string[]>>): string[] =>
  Object.entries(list)
    .flatMap(([code, params]) => params.map((p) => `${code} ${p}`))
    .sort();

describe("the ledger-row parameters and the message tables", () => {
  const ledger = pairs(LEDGER_ROW_PARAMS);
  const statement = new Set(pairs(STATEMENT_ROW_PARAMS));

  test.each([
    ["zh-CN", zh],
    ["en-US", en],
  ])("%s: every listed ledger-row parameter is said with {x:rows}, and every {x:rows} parameter is listed or a statement row", (_lang, table) => {
    const said = rowsParams(table);
    expect(ledger.length).toBeGreaterThan(0);
    expect(ledger.filter((p) => !said.includes(p))).toEqual([]);
    expect(said.filter((p) => !ledger.includes(p) && !statement.has(p))).toEqual([]);
  });

  test("the two sides share no parameter", () => {
    expect(pairs(LEDGER_ROW_PARAMS).filter((p) => statement.has(p))).toEqual([]);
  });
});
