import { loadDecisions, removeDecision, saveDecision } from "../../src/app/reconcile";
import { DECISION_STRINGS, decisionLines, rowRuns } from "../../src/taskpane/reconcile/decisions";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

function workbook(): XlsxWorkbook {
  return XlsxWorkbook.fromSpecs([{ name: "L", rows: [["日期"]] }]);
}

describe("taking back an answer to a suggestion", () => {
  test("removes that answer only, for that pair of sheets only", async () => {
    const wb = workbook();
    await saveDecision(wb, "L", "S", { id: "a", decision: "confirmed", ledgerRows: [23], statementRows: [21] });
    await saveDecision(wb, "L", "S", { id: "b", decision: "rejected", ledgerRows: [23], statementRows: [16] });
    await saveDecision(wb, "L", "other", { id: "a", decision: "rejected" });
    await removeDecision(wb, "L", "S", "a");
    expect(await loadDecisions(wb, "L", "S")).toEqual([{ id: "b", decision: "rejected", ledgerRows: [23], statementRows: [16] }]);
    expect(await loadDecisions(wb, "L", "other")).toEqual([{ id: "a", decision: "rejected" }]);
  });

  test("the pair's entry goes with its last answer, and an unknown id changes nothing", async () => {
    const wb = workbook();
    await saveDecision(wb, "L", "S", { id: "a", decision: "confirmed", ledgerRows: [5], statementRows: [6] });
    await removeDecision(wb, "L", "S", "missing");
    expect(await wb.getSetting("duizhang.decisions")).toEqual({ "L|S": [{ id: "a", decision: "confirmed", ledgerRows: [5], statementRows: [6] }] });
    await removeDecision(wb, "L", "S", "a");
    expect(await wb.getSetting("duizhang.decisions")).toEqual({});
    expect(await loadDecisions(wb, "L", "S")).toEqual([]);
  });
});

describe("the list of answers", () => {
  test("latest first, with the rows of both sides and whether the rows changed since", () => {
    const lines = decisionLines(
      [
        { id: "a", decision: "confirmed", ledgerRows: [23], statementRows: [21] },
        { id: "b", decision: "rejected" },
      ],
      ["a"],
    );
    expect(lines).toEqual([
      { id: "b", decision: "rejected", ledgerRows: [], statementRows: [], stale: false },
      { id: "a", decision: "confirmed", ledgerRows: [23], statementRows: [21], stale: true },
    ]);
  });

  test("each answer says which rows it was about, in each language; one saved without rows names the suggestion", () => {
    const [older, latest] = [
      { id: "a", decision: "confirmed" as const, ledgerRows: [7, 5, 6], statementRows: [9] },
      { id: "p-3f", decision: "rejected" as const },
    ];
    const lines = decisionLines([older, latest], []);
    expect(lines.map((l) => DECISION_STRINGS["zh-CN"].pair(l))).toEqual(["建议 p-3f", "台账第 5–7 行 ↔ 对账单第 9 行"]);
    expect(lines.map((l) => DECISION_STRINGS["en-US"].pair(l))).toEqual(["suggestion p-3f", "ledger rows 5–7 ↔ statement row 9"]);
    expect(DECISION_STRINGS["zh-CN"].undoLabel(lines[1])).toBe("撤销“确认匹配”：台账第 5–7 行 ↔ 对账单第 9 行");
    // English: "row" before one row, "rows" before several, on either side.
    const pairs = decisionLines([{ id: "c", decision: "confirmed", ledgerRows: [4], statementRows: [8, 11] }], []);
    expect(DECISION_STRINGS["en-US"].pair(pairs[0])).toBe("ledger row 4 ↔ statement rows 8, 11");
    expect(DECISION_STRINGS["zh-CN"].pair(pairs[0])).toBe("台账第 4 行 ↔ 对账单第 8、11 行");
  });

  test("rows run together where consecutive", () => {
    expect(rowRuns([12, 3, 4, 5, 9, 10, 3], "zh-CN")).toBe("3–5、9–10、12");
    expect(rowRuns([12, 3, 4, 5, 9, 10], "en-US")).toBe("3–5, 9–10, 12");
    expect(rowRuns([], "en-US")).toBe("");
  });

  test("what the results say once the marks are gone differs from the clearing's own confirmation", () => {
    // Both can be on screen at once; a reader (and a test looking for either) must tell them apart.
    expect(DECISION_STRINGS["zh-CN"].marksGone).toContain("标记已清除");
    expect(DECISION_STRINGS["zh-CN"].marksGone).not.toContain("已清除标记，各行恢复原来的样子。");
    expect(DECISION_STRINGS["en-US"].marksGone).not.toContain("Marks cleared; the rows look as they did before.");
  });
});
