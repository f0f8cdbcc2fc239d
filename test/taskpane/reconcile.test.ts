/**
 * The reconciliation view's logic without a browser: the form and the options it makes, the cut-off
 * proposal, the run-blocking read problems, the progress bar, the results list and its filter, and the
 * sheet fingerprint that tells a sorted sheet from an untouched one.
 */
import { msg } from "../../src/core/messages";
import type { Grid } from "../../src/core/model";
import type { ReadResult } from "../../src/core/read/types";
import { tableOf } from "../../src/core/read";
import type { ReconcileReport, Suggestion } from "../../src/core/reconcile/types";
import { DEFAULT_OPTIONS } from "../../src/core/reconcile/types";
import { MatchList } from "../../src/core/reconcile/matches";
import type { WorkbookPort } from "../../src/port/workbook";
import { changedSheets, gridFingerprint } from "../../src/taskpane/reconcile/fingerprint";
import {
  EMPTY_FORM,
  blockingIssues,
  filterDealers,
  formFromSetting,
  formToSetting,
  optionsFromForm,
  parseCutoff,
  proposeCutoff,
} from "../../src/taskpane/reconcile/form";
import { runPort } from "../../src/taskpane/reconcile/port";
import { advance, runProgress } from "../../src/taskpane/reconcile/progress";
import {
  availableFilters,
  countByKind,
  decisionFor,
  dealerSummary,
  filterItems,
  itemTargets,
  resultItems,
  rowBlocks,
} from "../../src/taskpane/reconcile/results";
import { RECONCILE_STRINGS, reconcileStringsFor } from "../../src/taskpane/reconcile/strings";
import { STRINGS } from "../../src/taskpane/i18n";
import { fen } from "../../src/core/money";

function read(partial: Partial<ReadResult>): ReadResult {
  return {
    sheet: "美达对账单",
    side: "statement",
    sideSource: "option",
    headerRows: [3],
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

function entry(row: number, date: string | null, amount: number) {
  return { sheet: "美达对账单", row, date, ref: null, refs: [], description: "进货", amount: fen(amount), dealer: null, rep: null, termDays: null, voucher: null, hidden: false, afterAsOf: false };
}

describe("the form", () => {
  test("the engine's defaults are what an untouched form runs with", () => {
    expect(optionsFromForm(EMPTY_FORM)).toEqual({
      options: { asOf: null, amountToleranceFen: 0, dateWindowBefore: 10, dateWindowAfter: 15, dealer: null },
      problems: {},
    });
    expect(DEFAULT_OPTIONS.dateWindowBefore).toBe(10);
  });

  test("a tolerance typed in yuan becomes fen, with grouping and a currency sign allowed", () => {
    const { options, problems } = optionsFromForm({ ...EMPTY_FORM, tolerance: "¥1,000.5", daysBefore: "3", daysAfter: "30", asOf: "2026/10/31", dealer: "杭州美达商贸有限公司" });
    expect(problems).toEqual({});
    expect(options).toEqual({ asOf: "2026-10-31", amountToleranceFen: 100_050, dateWindowBefore: 3, dateWindowAfter: 30, dealer: "杭州美达商贸有限公司" });
  });

  test("unusable fields are named, and the run would take the defaults for them", () => {
    const { options, problems } = optionsFromForm({ ...EMPTY_FORM, tolerance: "-1", daysBefore: "2.5", daysAfter: "400", asOf: "2026-02-30" });
    expect(problems).toEqual({ asOf: "date", tolerance: "amount", daysBefore: "days", daysAfter: "days" });
    expect(options).toEqual({ asOf: null, amountToleranceFen: 0, dateWindowBefore: 10, dateWindowAfter: 15, dealer: null });
  });

  test("a cut-off is taken in the ways accountants write it, and only as a real date", () => {
    expect(parseCutoff("2026-10-31")).toBe("2026-10-31");
    expect(parseCutoff(" 2026.1.5 ")).toBe("2026-01-05");
    expect(parseCutoff("2026年9月30日")).toBe("2026-09-30");
    expect(parseCutoff("2026-09-31")).toBeNull();
    expect(parseCutoff("31/10/2026")).toBeNull();
  });

  test("the saved choice restores tolerances anywhere, the dealer and a typed cut-off only for the same sheets", () => {
    const form = { ...EMPTY_FORM, dealer: "宁波顺和电器有限公司", asOf: "2026-09-30", asOfByUser: true, tolerance: "5", daysBefore: "7", daysAfter: "20" };
    const saved = formToSetting(form, "发货回款登记", "顺和对账单");
    expect(saved).toEqual({ ledger: "发货回款登记", statement: "顺和对账单", dealer: "宁波顺和电器有限公司", asOf: "2026-09-30", tolerance: "5", daysBefore: "7", daysAfter: "20" });
    expect(formFromSetting(saved, "发货回款登记", "顺和对账单")).toEqual(form);
    expect(formFromSetting(saved, "应收明细账", "美达对账单")).toEqual({ ...EMPTY_FORM, tolerance: "5", daysBefore: "7", daysAfter: "20" });
    expect(formFromSetting("garbage", "应收明细账", "美达对账单")).toEqual(EMPTY_FORM);
  });

  test("a cut-off the pane proposed is not saved: next time it is proposed again from the statement", () => {
    expect(formToSetting({ ...EMPTY_FORM, asOf: "2026-10-31", asOfByUser: false }, "a", "b").asOf).toBeNull();
  });

  test("the dealer search matches part of a name, ignoring spaces and case", () => {
    const dealers = ["杭州美达商贸有限公司", "宁波顺和电器有限公司", "Wenzhou Ruifeng Hardware"];
    expect(filterDealers(dealers, "顺和")).toEqual(["宁波顺和电器有限公司"]);
    expect(filterDealers(dealers, "ruifeng hard")).toEqual(["Wenzhou Ruifeng Hardware"]);
    expect(filterDealers(dealers, "  ")).toEqual(dealers);
    expect(filterDealers(dealers, "绍兴")).toEqual([]);
  });
});

describe("before a run", () => {
  test("the cut-off proposed is the statement's period end, else its latest entry date", () => {
    expect(proposeCutoff(read({ periodTo: "2026-10-31", table: tableOf([entry(5, "2026-11-02", 100)]) }))).toBe("2026-10-31");
    expect(proposeCutoff(read({ table: tableOf([entry(5, "2026-09-05", 100), entry(6, "2026-10-22", 100), entry(7, null, 5)]) }))).toBe("2026-10-22");
    expect(proposeCutoff(read({}))).toBeNull();
    expect(proposeCutoff(null)).toBeNull();
  });

  test("a sheet without a header or an amount column blocks the run; a bad cell does not", () => {
    const noAmount = { code: "no_amount_column" as const, sheet: "美达对账单", row: 3, column: null, header: null, found: "", expected: "column" as const };
    const badCell = { code: "bad_amount" as const, sheet: "美达对账单", row: 9, column: "D", header: "进货金额", found: "1,8260", expected: "amount" as const };
    expect(blockingIssues(read({ errors: [badCell, noAmount] }))).toEqual([noAmount]);
    expect(blockingIssues(read({ errors: [badCell] }))).toEqual([]);
  });
});

describe("the progress bar", () => {
  test("each stage fills its share: reading to 45%, matching to 60%, writing to the end", () => {
    expect(runProgress("reading", 0, 2)).toEqual({ stage: "reading", value: 0, done: 0, total: 2 });
    expect(runProgress("reading", 1, 2).value).toBe(0.225);
    expect(runProgress("matching", 0, 1).value).toBe(0.45);
    expect(runProgress("matching", 1, 1).value).toBe(0.6);
    expect(runProgress("writing", 2, 4).value).toBe(0.8);
    expect(runProgress("writing", 4, 4).value).toBe(1);
    expect(runProgress("writing", 9, 4)).toEqual({ stage: "writing", value: 1, done: 4, total: 4 });
  });

  test("the bar never moves back", () => {
    const writing = runProgress("writing", 1, 4);
    expect(advance(writing, runProgress("reading", 2, 2))).toBe(writing);
    expect(advance(writing, runProgress("writing", 0, 4))).toBe(writing);
    expect(advance(writing, runProgress("writing", 2, 4)).value).toBe(0.8);
    expect(advance(null, runProgress("reading", 0, 2)).value).toBe(0);
  });
});

const SUGGESTION: Suggestion = {
  id: "p-1",
  rule: "amount_date",
  ledgerRows: [23],
  statementRows: [21],
  ledgerAmount: fen(-6_000_000),
  statementAmount: fen(-6_000_000),
  amount: fen(0),
  alternatives: ["p-2"],
  note: msg("reconcile.suggest.same_amount_date", {}),
};

const reason = { code: "unexplained" as const, text: msg("reconcile.reason.unexplained", {}) };

const REPORT = {
  asOf: "2026-10-31",
  cutoff: "2026-10-31",
  options: DEFAULT_OPTIONS,
  problems: [],
  staleDecisions: [],
  dealers: [
    {
      dealer: "杭州美达商贸有限公司",
      dealerKey: "杭州美达",
      status: "reconciled" as const,
      ledger: { sheet: "应收明细账", entries: 15, openingBalance: fen(12_000_000), closingBalance: fen(23_334_050), excludedAfterCutoff: [] },
      statement: { sheet: "美达对账单", entries: 17, openingBalance: fen(12_000_000), closingBalance: fen(-2_364_950), excludedAfterCutoff: [30, 31] },
      matches: MatchList.of([{ rule: "reference", ledgerRows: [6], statementRows: [5], amount: fen(8_640_000) }]),
      differences: [
        { kind: "amount_mismatch", ledgerRows: [17], statementRows: [11], amount: fen(-90_000), ledgerAmount: fen(2_563_000), statementAmount: fen(2_653_000), reason, rule: "reference", duplicateOf: null, otherDealer: null },
        { kind: "duplicate", ledgerRows: [13], statementRows: [], amount: fen(2_780_000), ledgerAmount: fen(2_780_000), statementAmount: fen(0), reason, rule: null, duplicateOf: 12, otherDealer: null },
        { kind: "statement_only", ledgerRows: [], statementRows: [12, 13, 15], amount: fen(5_000_000), ledgerAmount: fen(0), statementAmount: fen(-5_000_000), reason, rule: null, duplicateOf: null, otherDealer: null },
      ],
      suggestions: [SUGGESTION],
      reconciliation: {
        ledgerOpening: fen(0), statementOpening: fen(0), ledgerOpeningRows: [], statementOpeningRows: [],
        ledgerBalance: fen(23_334_050), statementBalance: fen(-2_364_950), ledgerAdjustments: [], statementAdjustments: [],
        adjustedLedgerBalance: fen(9_354_050), adjustedStatementBalance: fen(9_354_050), remainder: fen(0), openingDifference: fen(0), pendingItems: [], pendingTotal: fen(0), unexplained: fen(0), balanced: true, remainderNote: null,
      },
      ruleCounts: { reference: 1, reference_total: 0, reference_in_text: 0, amount_date: 0, subset: 0, fee_pair: 0, user: 0 },
      subsetSearch: { anchors: 0, nodes: 0, boundHit: false, cutShort: [], note: null },
    },
  ],
} as ReconcileReport;

describe("the results", () => {
  const items = resultItems(REPORT);

  test("differences and open suggestions make one list, in the engine's order, suggestions last", () => {
    expect(items.map((i) => [i.kind, i.ledgerRows, i.statementRows, i.amount])).toEqual([
      ["amount_mismatch", [17], [11], -90_000],
      ["duplicate", [13], [], 2_780_000],
      ["statement_only", [], [12, 13, 15], 5_000_000],
      ["suggestion", [23], [21], 0],
    ]);
    expect(items[3].suggestion).toBe(SUGGESTION);
    expect(new Set(items.map((i) => i.key)).size).toBe(4);
  });

  test("the filter keeps one kind, and offers only the kinds there are", () => {
    expect(filterItems(items, "duplicate").map((i) => i.ledgerRows)).toEqual([[13]]);
    expect(filterItems(items, "all")).toHaveLength(4);
    expect(filterItems(items, "ledger_only")).toEqual([]);
    expect(availableFilters(items)).toEqual(["all", "amount_mismatch", "statement_only", "duplicate", "suggestion"]);
    expect(countByKind(items)).toEqual({ amount_mismatch: 1, ledger_only: 0, statement_only: 1, duplicate: 1, unreadable: 0, suggestion: 1 });
  });

  test("an item points at each block of consecutive rows, ledger first; a click selects the first block", () => {
    expect(rowBlocks([15, 12, 13, 13])).toEqual([[12, 13], [15, 15]]);
    expect(itemTargets(items[0], "应收明细账", "美达对账单")).toEqual([
      { side: "ledger", selection: { sheet: "应收明细账", row: 17 } },
      { side: "statement", selection: { sheet: "美达对账单", row: 11 } },
    ]);
    expect(itemTargets(items[2], "应收明细账", "美达对账单")).toEqual([
      { side: "statement", selection: { sheet: "美达对账单", row: 12, rowEnd: 13 } },
      { side: "statement", selection: { sheet: "美达对账单", row: 15 } },
    ]);
  });

  test("the summary counts matches and differences by kind and carries both balances", () => {
    expect(dealerSummary(REPORT.dealers[0])).toEqual({
      dealer: "杭州美达商贸有限公司",
      matched: 1,
      counts: { amount_mismatch: 1, ledger_only: 0, statement_only: 1, duplicate: 1, unreadable: 0, suggestion: 1 },
      ledgerBalance: 23_334_050,
      statementBalance: -2_364_950,
      adjustedLedgerBalance: 9_354_050,
      adjustedStatementBalance: 9_354_050,
      balanced: true,
      remainder: 0,
      remainderNote: null,
      excludedAfterCutoff: { ledger: 0, statement: 2 },
    });
  });

  test("an answer keeps the suggestion's rows, confirmed or rejected, so the pane can list what it was about", () => {
    expect(decisionFor(SUGGESTION, "confirmed")).toEqual({ id: "p-1", decision: "confirmed", ledgerRows: [23], statementRows: [21] });
    expect(decisionFor(SUGGESTION, "rejected")).toEqual({ id: "p-1", decision: "rejected", ledgerRows: [23], statementRows: [21] });
  });
});

describe("the sheet fingerprint", () => {
  const grid: Grid = {
    sheet: "应收明细账",
    top: 1,
    left: 1,
    values: [
      ["日期", "摘要", "借方"],
      [46208, "销售出库 XSCK-2026-0706", 86400],
      [46220, "销售出库 XSCK-2026-0718", 42350.5],
    ],
  };

  test("the same values give the same print, whatever rows are hidden (a filter keeps marks right)", () => {
    expect(gridFingerprint({ ...grid, hiddenRows: [2] } as Grid)).toBe(gridFingerprint(grid));
    expect(gridFingerprint(grid)).toMatch(/^3x3:[0-9a-f]{8}$/);
  });

  test("sorting rows, editing a value, or moving the block changes the print", () => {
    const sorted = { ...grid, values: [grid.values[0], grid.values[2], grid.values[1]] };
    const edited = { ...grid, values: [grid.values[0], [46208, "销售出库 XSCK-2026-0706", 86401], grid.values[2]] };
    const moved = { ...grid, top: 2 };
    const prints = [grid, sorted, edited, moved].map(gridFingerprint);
    expect(new Set(prints).size).toBe(4);
  });

  test("a value moved to the neighbouring cell is a change, not the same text run together", () => {
    const a = { ...grid, values: [["ab", ""]] };
    const b = { ...grid, values: [["a", "b"]] };
    expect(gridFingerprint(a)).not.toBe(gridFingerprint(b));
  });

  test("the sheets that changed or are gone are named, in the run's order", () => {
    const kept = new Map([["应收明细账", "p1"], ["美达对账单", "p2"]]);
    expect(changedSheets(kept, new Map([["应收明细账", "p1"], ["美达对账单", "p2"]]))).toEqual([]);
    expect(changedSheets(kept, new Map([["应收明细账", "px"], ["美达对账单", null]]))).toEqual(["应收明细账", "美达对账单"]);
  });
});

describe("the run's port", () => {
  test("every call yields first, the grids read are reported, and after cancelling no call reaches the workbook", async () => {
    const calls: string[] = [];
    const grid: Grid = { sheet: "应收明细账", top: 1, left: 1, values: [["日期"]] };
    const inner = {
      readSheet: async (name: string) => (calls.push(`read ${name}`), grid),
      setSetting: async (key: string) => void calls.push(`set ${key}`),
    } as unknown as WorkbookPort;
    const seen: string[] = [];
    const abort = new AbortController();
    const port = runPort(inner, {
      pause: async () => void calls.push("pause"),
      onGrid: (sheet, g) => seen.push(`${sheet}:${g.values.length}`),
      signal: abort.signal,
    });
    await port.readSheet("应收明细账");
    await port.setSetting("k", 1);
    abort.abort();
    await expect(port.setSetting("k", 2)).rejects.toMatchObject({ name: "PortError", code: "cancelled" });
    expect(calls).toEqual(["pause", "read 应收明细账", "pause", "set k", "pause"]);
    expect(seen).toEqual(["应收明细账:1"]);
  });
});

describe("the strings", () => {
  test("both languages have every string, and the tab title follows the shell's language", () => {
    expect(Object.keys(RECONCILE_STRINGS["en-US"]).sort()).toEqual(Object.keys(RECONCILE_STRINGS["zh-CN"]).sort());
    expect(reconcileStringsFor(STRINGS["zh-CN"]).viewTitle).toBe("对账");
    expect(reconcileStringsFor(STRINGS["en-US"]).viewTitle).toBe("Reconcile");
  });

  test("a row block reads naturally in each language", () => {
    expect(RECONCILE_STRINGS["zh-CN"].rowsOf("ledger", 12, 13)).toBe("台账第 12–13 行");
    expect(RECONCILE_STRINGS["en-US"].rowsOf("statement", 11, 11)).toBe("Statement row 11");
    expect(RECONCILE_STRINGS["zh-CN"].stale(["应收明细账", "美达对账单"])).toBe(
      "「应收明细账」和「美达对账单」在对账之后被排序或修改过：标记和结果中的行号可能已对不上。请重新对账。",
    );
  });
});
