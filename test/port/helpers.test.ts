/** The pieces both workbook implementations share (src/port): marks, addresses, cells. */
import { argbOf, checkMarkStyles, markFormula, parseMarkFormula } from "../../src/port/marks";
import { blockOfAddress, quoteSheet, rowBlocks, rowsOfAddress, sameSheetName } from "../../src/port/addresses";
import { fitCellText, MAX_CELL_TEXT, planCell, pointsToWidth, specWidth, widthToPoints } from "../../src/port/cells";
import { parseOwned } from "../../src/port/owned";

test("a mark rule's formula is found again as ours, and nobody else's formula is", () => {
  expect(markFormula("reconcile", "amount_mismatch")).toBe('=N("duizhang:reconcile:amount_mismatch")=0');
  expect(parseMarkFormula('N("duizhang:aging:over_90")=0')).toEqual({ group: "aging", style: "over_90" });
  expect(parseMarkFormula("=$A1>0")).toBeNull();
  expect(() => markFormula("re con", "x")).toThrow(/letters, digits/);
});

test("a mark naming a style it was not given is refused before anything is written", () => {
  const styles = { late: { fill: "#FFC7CE" } };
  expect(() => checkMarkStyles([{ row: 5, style: "late" }], styles)).not.toThrow();
  expect(() => checkMarkStyles([{ row: 5, style: "late" }, { row: 6, style: "gone" }], styles)).toThrow("no mark style gone");
  expect(argbOf("#ffc7ce")).toBe("FFFFC7CE");
});

test("addresses: rows in blocks and back, blocks of A1 areas, quoted sheet names", () => {
  expect(rowBlocks([9, 5, 6, 7, 6])).toEqual([[5, 7], [9, 9]]);
  expect(rowsOfAddress("'台账'!A5:H7, B9")).toEqual([5, 6, 7, 9]);
  expect(blockOfAddress("$d4:b2")).toEqual({ fromRow: 2, toRow: 4, fromColumn: 2, toColumn: 4 });
  expect(blockOfAddress("C3")).toEqual({ fromRow: 3, toRow: 3, fromColumn: 3, toColumn: 3 });
  expect(blockOfAddress("not an address")).toBeNull();
  expect(quoteSheet("Sheet1")).toBe("Sheet1");
  expect(quoteSheet("客户's 台账")).toBe("'客户''s 台账'");
  expect(sameSheetName("Ledger", "LEDGER")).toBe(true);
});

test("cells: text stays text, widths convert both ways, merged spans count, owned lists survive bad settings", () => {
  expect(planCell("=SUM(A1)", null)).toEqual({ kind: "text", value: "=SUM(A1)", numberFormat: "@" });
  expect(planCell({ date: "2026-02-30" }, null)).toEqual({ kind: "text", value: "2026-02-30", numberFormat: "@" });
  expect(planCell(12.5, "#,##0.00")).toEqual({ kind: "number", value: 12.5, numberFormat: "#,##0.00" });
  expect(widthToPoints(10)).toBe(56.25);
  expect(pointsToWidth(56.25)).toBe(10);
  expect(specWidth([["a", { value: "title", mergeAcross: 3 }]])).toBe(5);
  expect(parseOwned('["差异明细"]')).toEqual(["差异明细"]);
  expect(parseOwned("{not json")).toEqual([]);
});

test("a text longer than an Excel cell holds is cut to it with …, never in half a surrogate pair, and planCell says from what length", () => {
  const long = "摘".repeat(40_000);
  const cut = fitCellText(long);
  expect(cut.length).toBe(MAX_CELL_TEXT);
  expect(cut).toBe("摘".repeat(MAX_CELL_TEXT - 1) + "…");
  expect(fitCellText("摘".repeat(MAX_CELL_TEXT))).toBe("摘".repeat(MAX_CELL_TEXT));
  // A pair whose first half would be the last character kept goes whole.
  const pairs = "a" + "😀".repeat(20_000);
  const cutPairs = fitCellText(pairs);
  expect(cutPairs).toBe("a" + "😀".repeat(16_382) + "…");
  expect(cutPairs.length).toBe(MAX_CELL_TEXT - 1);
  expect(planCell(long, null)).toEqual({ kind: "text", value: cut, numberFormat: "@", cutFrom: 40_000 });
  expect(planCell({ value: long, link: { sheet: "台账", row: 5 } }, null)).toMatchObject({ value: cut, cutFrom: 40_000, link: { sheet: "台账", row: 5 } });
  expect(planCell("销售", null)).not.toHaveProperty("cutFrom");
});
