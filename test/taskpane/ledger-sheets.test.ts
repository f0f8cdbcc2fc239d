import type { SheetInfo } from "../../src/port/workbook";
import { inWorkbookOrder, keepExisting, ledgerSheetsOf, nameShape, sheetsLike, toggleSheet } from "../../src/taskpane/ledger-sheets";
import { ROW_STRIDE, flagsOnSheets, realSelection, rowLabel, sheetRowOf } from "../../src/app/sheet-rows";
import { msg } from "../../src/core/messages";

const sheet = (name: string, rowCount = 10): SheetInfo => ({ name, rowCount, columnCount: 6, visible: true, top: 1, left: 1 }) as SheetInfo;
const BOOK = [sheet("说明"), sheet("2026-07"), sheet("2026-08"), sheet("对账单"), sheet("2026-09"), sheet("2026-10", 0), sheet("1月"), sheet("12月")];

describe("which sheets are named like the ledger sheet", () => {
  test("digit runs count as one: 2026-07 is like 2026-8, 7月 like 12月, a name without digits is like nothing", () => {
    expect(nameShape("2026-07")).toBe(nameShape("2026-8"));
    expect(nameShape("7月")).toBe("#月");
    expect(nameShape("应收2026年7月")).toBe("应收#年#月");
    expect(nameShape("明细账")).toBeNull();
  });

  test("all 2026-* sheets in the workbook's order, the empty one left out; all N月 sheets", () => {
    expect(sheetsLike(BOOK, "2026-08")).toEqual(["2026-07", "2026-08", "2026-09"]);
    expect(sheetsLike(BOOK, "1月")).toEqual(["1月", "12月"]);
    expect(sheetsLike(BOOK, "说明")).toEqual([]);
  });
});

describe("the chosen sheets", () => {
  test("ticked sheets are read in the workbook's order whatever the order of ticking; the ledger sheet cannot be unticked", () => {
    let chosen = toggleSheet(BOOK, [], "2026-08", "2026-09", "对账单");
    chosen = toggleSheet(BOOK, chosen, "2026-08", "2026-07", "对账单");
    expect(chosen).toEqual(["2026-07", "2026-08", "2026-09"]);
    expect(toggleSheet(BOOK, chosen, "2026-08", "2026-08", "对账单")).toEqual(chosen);
    expect(toggleSheet(BOOK, chosen, "2026-08", "2026-09", "对账单")).toEqual(["2026-07", "2026-08"]);
  });

  test("the statement is never added to its own ledger", () => {
    expect(toggleSheet(BOOK, ["2026-07", "2026-08"], "2026-07", "对账单", "对账单")).toEqual(["2026-07", "2026-08"]);
  });

  test("the stored choice holds while it includes the pane's ledger; another ledger is read alone", () => {
    expect(ledgerSheetsOf("2026-08", ["2026-07", "2026-08"])).toEqual(["2026-07", "2026-08"]);
    expect(ledgerSheetsOf("说明", ["2026-07", "2026-08"])).toEqual(["说明"]);
    expect(ledgerSheetsOf("2026-07", null)).toEqual(["2026-07"]);
    expect(ledgerSheetsOf(null, ["2026-07", "2026-08"])).toEqual([]);
    expect(inWorkbookOrder(BOOK, ["2026-09", "gone", "2026-07"])).toEqual(["2026-07", "2026-09"]);
  });
});

describe("row numbers of a run over several sheets", () => {
  const MONTHS = ["2026-07", "2026-08", "2026-09"];

  test("the first sheet keeps its rows; the k-th sheet's rows come back from k × the stride", () => {
    expect(sheetRowOf(MONTHS, 5)).toEqual({ sheet: "2026-07", row: 5 });
    expect(sheetRowOf(MONTHS, ROW_STRIDE + 5)).toEqual({ sheet: "2026-08", row: 5 });
    expect(sheetRowOf(MONTHS, 2 * ROW_STRIDE + 1_048_576)).toEqual({ sheet: "2026-09", row: 1_048_576 });
    expect(rowLabel(MONTHS, ROW_STRIDE + 5)).toBe("2026-08!5");
    expect(rowLabel(MONTHS, 5)).toBe("5");
  });

  test("a selection goes to the rows' own sheet; a block is kept within one sheet", () => {
    expect(realSelection(MONTHS, { sheet: "2026-07", row: ROW_STRIDE + 3, rowEnd: ROW_STRIDE + 4 })).toEqual({ sheet: "2026-08", row: 3, rowEnd: 4 });
    expect(realSelection(MONTHS, { sheet: "2026-07", row: 3 })).toEqual({ sheet: "2026-07", row: 3 });
    expect(realSelection(MONTHS, { sheet: "对账单", row: 3 })).toEqual({ sheet: "对账单", row: 3 });
  });
});

describe("a saved choice against the workbook now", () => {
  test("the names still there in the workbook's order, and those gone, each once", () => {
    expect(keepExisting(["2026-09", "2026-07", "2026-11", "2026-11"], BOOK)).toEqual({ sheets: ["2026-07", "2026-09"], gone: ["2026-11"] });
  });

  test("one sheet left is no choice; what is not a list of names is none", () => {
    expect(keepExisting(["2026-07", "2026-12"], BOOK)).toEqual({ sheets: null, gone: ["2026-12"] });
    expect(keepExisting("2026-07", BOOK)).toEqual({ sheets: null, gone: [] });
    expect(keepExisting(undefined, BOOK)).toEqual({ sheets: null, gone: [] });
    expect(keepExisting(["2026-07", 8, "2026-08"], BOOK)).toEqual({ sheets: ["2026-07", "2026-08"], gone: [] });
  });
});

describe("a reconciliation's flags for an aging of the same sheets", () => {
  test("each flagged row goes on the sheet and row it came from; one sheet is left as it is", () => {
    const reason = msg("aging.review.other", {});
    const basis = {
      ledgerSheet: "2026-07",
      statementSheet: "对账单",
      cutoff: "2026-08-31",
      flags: [
        { sheet: "2026-07", row: 4, kind: "ledger_only", reason, dealer: "甲公司" },
        { sheet: "2026-07", row: 2 * ROW_STRIDE + 3, kind: "duplicate", reason, dealer: "甲公司" },
      ],
    };
    expect(flagsOnSheets(["2026-07", "2026-08", "2026-09"], basis).flags.map((f) => [f.sheet, f.row, f.kind])).toEqual([
      ["2026-07", 4, "ledger_only"],
      ["2026-09", 3, "duplicate"],
    ]);
    expect(flagsOnSheets(["2026-07"], basis)).toBe(basis);
  });
});
