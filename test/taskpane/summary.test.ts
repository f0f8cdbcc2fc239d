import { tableOf, type ReadResult } from "../../src/core/read";
import type { SheetInfo } from "../../src/port/workbook";
import { columnChoices, entryCounts, issueTarget, remap, reviewMapping, rolesForDisplay, skippedByReason, userMap } from "../../src/taskpane/summary";
import { fen } from "../../src/core/money";

function result(partial: Partial<ReadResult>): ReadResult {
  return {
    sheet: "应收明细账",
    side: "ledger",
    sideSource: "option",
    headerRows: [4],
    dealer: null,
    dealers: [],
    table: tableOf([]),
    openings: [],
    openingBalance: fen(0),
    closingBalance: fen(0),
    mapping: {},
    skipped: [],
    errors: [],
    balanceCheck: { checked: false, firstMismatchRow: null, mismatches: 0 },
    hiddenRowCount: 0,
    ...partial,
  };
}

const entry = (row: number, amount: number) => ({
  sheet: "应收明细账",
  row,
  date: "2026-07-06",
  ref: null,
  refs: [],
  description: "",
  amount: fen(amount),
  dealer: null,
  rep: null,
  termDays: null,
  voucher: null,
  hidden: false,
  afterAsOf: false,
});

const INFO: SheetInfo = { name: "应收明细账", rowCount: 28, columnCount: 8, top: 1, left: 1, visible: true };

describe("what the pane shows of a read", () => {
  test("entries are counted as increases and decreases of what the dealer owes", () => {
    const r = result({ table: tableOf([entry(6, 8_640_000), entry(7, -12_000_000), entry(8, 0), entry(9, -320_000)]) });
    expect(entryCounts(r)).toEqual({ total: 4, increases: 1, decreases: 2 });
  });

  test("skipped rows are grouped by reason in the order the reasons first appear", () => {
    const r = result({
      skipped: [
        { row: 1, reason: "title", text: "应收账款明细账" },
        { row: 2, reason: "title", text: "核算项目：客户-杭州美达商贸有限公司" },
        { row: 5, reason: "opening", text: "期初余额" },
        { row: 9, reason: "total", text: "本月合计" },
        { row: 10, reason: "total", text: "本年累计" },
      ],
    });
    expect(skippedByReason(r)).toEqual([
      { reason: "title", count: 2, rows: [1, 2] },
      { reason: "opening", count: 1, rows: [5] },
      { reason: "total", count: 2, rows: [9, 10] },
    ]);
  });

  test("an error at a cell selects that cell; one about a whole row selects the row", () => {
    const base = { code: "bad_amount" as const, sheet: "应收明细账", header: "借方", found: "42,35O.50", expected: "amount" as const };
    expect(issueTarget({ ...base, row: 7, column: "E" })).toEqual({ sheet: "应收明细账", row: 7, column: 5 });
    expect(issueTarget({ ...base, row: 7, column: "AA" })).toEqual({ sheet: "应收明细账", row: 7, column: 27 });
    expect(issueTarget({ ...base, row: 4, column: null })).toEqual({ sheet: "应收明细账", row: 4 });
  });
});

describe("column choices", () => {
  const mapping = {
    date: { column: 1, header: "日期", confidence: 1, source: "detected" as const },
    description: { column: 3, header: "摘要", confidence: 0.8, source: "user" as const },
    debit: { column: 5, header: "借方", confidence: 1, source: "detected" as const },
  };

  test("every column of the used range is offered, named by its header where one is known", () => {
    const r = result({ mapping });
    expect(columnChoices(r, INFO, new Map([[4, "对方科目"]]))).toEqual([
      { column: 1, letter: "A", header: "日期" },
      { column: 2, letter: "B", header: "" },
      { column: 3, letter: "C", header: "摘要" },
      { column: 4, letter: "D", header: "对方科目" },
      { column: 5, letter: "E", header: "借方" },
      { column: 6, letter: "F", header: "" },
      { column: 7, letter: "G", header: "" },
      { column: 8, letter: "H", header: "" },
    ]);
  });

  test("a used range that starts further right offers only its own columns", () => {
    const r = result({ mapping: { debit: mapping.debit } });
    expect(columnChoices(r, { ...INFO, left: 4, columnCount: 2 }).map((c) => c.letter)).toEqual(["D", "E"]);
  });

  test("only hand-set roles are saved, plus the one just changed", () => {
    expect(userMap(mapping)).toEqual({ description: 3 });
    expect(remap(mapping, "debit", 6)).toEqual({ description: 3, debit: 6 });
    expect(remap(mapping, "description", 4)).toEqual({ description: 4 });
  });

  test("mapped roles are shown first in reading order, the rest folded away", () => {
    expect(rolesForDisplay(mapping, ["date", "ref", "description", "debit", "credit"])).toEqual({
      mapped: ["date", "description", "debit"],
      unmapped: ["ref", "credit"],
    });
  });
});

describe("which column choices need a look", () => {
  test("a column found by a partial header match is a guess to check; exact names and the user's own choices are sure", () => {
    const review = reviewMapping(
      {
        date: { column: 1, header: "日期", confidence: 1, source: "detected" },
        ref: { column: 2, header: "单据", confidence: 0.7, source: "detected" },
        amount: { column: 5, header: "本币金额", confidence: 0.5, source: "detected" },
        description: { column: 3, header: "备注", confidence: 0.6, source: "user" },
      },
      ["date", "ref", "description", "amount", "balance"],
    );
    expect(review).toEqual({ needsLook: ["ref", "amount"], confident: ["date", "description"], unmapped: ["balance"] });
  });

  test("with every column exact, nothing needs a look and the mapping can fold", () => {
    expect(reviewMapping({ date: { column: 1, header: "日期", confidence: 1, source: "detected" } }, ["date", "ref"])).toEqual({
      needsLook: [],
      confident: ["date"],
      unmapped: ["ref"],
    });
  });
});
