import { capLinks, droppedLinkOf, LINK_COLOR, LINKS_PER_SHEET } from "../../src/port/links";
import type { OutCell, OutRow } from "../../src/port/workbook";

const linked = (row: number, more: Partial<OutCell> = {}): OutCell => ({ value: String(row), numberFormat: "@", link: { sheet: "台账", row }, color: LINK_COLOR, border: true, ...more });
const linksIn = (rows: OutRow[]) => rows.flat().filter((c) => c !== null && typeof c === "object" && "value" in c && c.link).length;

describe("capLinks keeps a sheet within Excel's links per worksheet", () => {
  it("stays under Excel's 66,530", () => {
    expect(LINKS_PER_SHEET).toBeLessThan(66_530);
  });

  it("leaves a sheet within the limit as it is", () => {
    const rows: OutRow[] = [["标题"], [1, linked(2)], [2, linked(3)]];
    const capped = capLinks(rows, 2);
    expect(capped.rows).toBe(rows);
    expect(capped).toMatchObject({ kept: 2, dropped: 0, rowsUnlinked: 0, lastLinkedRow: 2 });
  });

  it("keeps the first rows' links up to the limit and makes the rest plain cells that look the same without the link's blue", () => {
    const rows: OutRow[] = [["标题"], ["表头"]];
    for (let i = 0; i < 6; i++) rows.push([i + 1, linked(10 + i, { bold: i === 5, align: "right" }), "摘要"]);
    rows.push([], ["编制人：____"]);
    const capped = capLinks(rows, 4);
    expect(capped).toMatchObject({ kept: 4, dropped: 2, rowsUnlinked: 2, lastLinkedRow: 5, doubled: 0 });
    expect(linksIn(capped.rows)).toBe(4);
    // The first four rows with links are untouched, the same objects.
    for (let r = 0; r < 6; r++) expect(capped.rows[r]).toBe(rows[r]);
    const plain = capped.rows[7][1] as OutCell;
    expect(plain).toEqual({ value: "15", numberFormat: "@", border: true, bold: true, align: "right" });
    // Only a link to a run's row number (past Excel's last row) is kept aside, for the port that words those rows.
    expect(droppedLinkOf(plain)).toBeUndefined();
    const run = capLinks([[linked(10_000_005)]], 0).rows[0][0] as OutCell;
    expect(droppedLinkOf(run)).toEqual({ sheet: "台账", row: 10_000_005 });
    // The other cells of the row and the rows without links stay as they were.
    expect(capped.rows[7][0]).toBe(6);
    expect(capped.rows[7][2]).toBe("摘要");
    expect(capped.rows[8]).toBe(rows[8]);
    // The input is not changed.
    expect(linksIn(rows)).toBe(6);
  });

  it("keeps a colour other than the link's blue", () => {
    const rows: OutRow[] = [[linked(2, { color: "#c50f1f" })], [linked(3, { color: "#0f6cbd" })]];
    const capped = capLinks(rows, 0);
    expect(capped.rows[0][0]).toEqual({ value: "2", numberFormat: "@", border: true, color: "#c50f1f" });
    expect(capped.rows[1][0]).toEqual({ value: "3", numberFormat: "@", border: true });
    expect(capped).toMatchObject({ kept: 0, dropped: 2, rowsUnlinked: 2, lastLinkedRow: -1 });
  });

  it("past the limit, a row's two links to one place become one (the last), so twice as many rows keep a link", () => {
    // As 催款计划: the reference and 台账行 both go to the item's ledger row.
    const rows: OutRow[] = [];
    for (let i = 0; i < 5; i++) rows.push([{ value: `XS-${i}`, link: { sheet: "台账", row: 2 + i }, color: LINK_COLOR }, 100, linked(2 + i)]);
    const capped = capLinks(rows, 4);
    expect(capped).toMatchObject({ kept: 4, rowsUnlinked: 1, lastLinkedRow: 3, doubled: 4, dropped: 6 });
    for (let r = 0; r < 4; r++) {
      expect((capped.rows[r][0] as OutCell).link).toBeUndefined();
      expect(capped.rows[r][0]).toEqual({ value: `XS-${r}` });
      expect((capped.rows[r][2] as OutCell).link).toEqual({ sheet: "台账", row: 2 + r });
    }
    expect(linksIn([capped.rows[4]])).toBe(0);
  });

  it("never keeps half a row's links: a row whose links do not all fit, and every row after it, has none", () => {
    const two = (r: number): OutRow => [linked(r), { value: String(r), link: { sheet: "对账单", row: r }, color: LINK_COLOR }];
    const rows: OutRow[] = [two(2), two(3), [linked(4)], two(5)];
    const capped = capLinks(rows, 3);
    expect(capped).toMatchObject({ kept: 2, dropped: 5, rowsUnlinked: 3, lastLinkedRow: 0 });
    expect(linksIn(capped.rows)).toBe(2);
    // Row 3 (one link) would fit, but it comes after a row left without links: it has none either.
    expect(linksIn([capped.rows[2]])).toBe(0);
  });
});
