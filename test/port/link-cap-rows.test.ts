import { planSheet, planSheetRows } from "../../src/app/reports/aging-sheets";
import { capSheetLinks, capSheetRowsLinks, FIND_ROWS_BY } from "../../src/app/reports/links";
import { ageLedger } from "../../src/core/aging";
import type { CellValue } from "../../src/core/model";
import { readGrid } from "../../src/core/read";
import { withRows } from "../../src/port/cells";
import { capLinks, cappedRow, linkCap, withoutLink } from "../../src/port/links";
import { RowHeights, wrappedRowHeights } from "../../src/port/print";
import type { OutCell, OutRow } from "../../src/port/workbook";

type Link = NonNullable<OutCell["link"]>;
const linkOf = (c: unknown): Link | undefined => (c !== null && typeof c === "object" && "value" in c ? (c as OutCell).link : undefined);
const same = (a: Link, b: Link) => a.sheet === b.sheet && a.row === b.row && (a.column ?? 1) === (b.column ?? 1);

/** The rule `capLinks` states, written out row by row with copies: the reference the one-pass form must match. */
function reference(rows: OutRow[], limit: number) {
  let total = 0;
  for (const row of rows) for (const cell of row) if (linkOf(cell)) total += 1;
  if (total <= limit) return { rows, kept: total, dropped: 0, rowsUnlinked: 0, lastLinkedRow: rows.length - 1, doubled: 0 };
  const out: OutRow[] = [];
  let kept = 0;
  let dropped = 0;
  let doubled = 0;
  let rowsUnlinked = 0;
  let lastLinkedRow = -1;
  let full = false;
  rows.forEach((row, r) => {
    const links = row.map((c, i) => (linkOf(c) ? i : -1)).filter((i) => i >= 0);
    if (links.length === 0) {
      out.push(row);
      if (!full) lastLinkedRow = r;
      return;
    }
    const keep = links.filter((c, i) => !links.some((d, j) => j > i && same(linkOf(row[c])!, linkOf(row[d])!)));
    if (!full && kept + keep.length > limit) full = true;
    if (!full && keep.length === links.length) {
      out.push(row);
      kept += keep.length;
      lastLinkedRow = r;
      return;
    }
    const copy = row.slice();
    for (const c of links) {
      if (!full && keep.includes(c)) continue;
      copy[c] = withoutLink(row[c] as OutCell);
      dropped += 1;
      if (!full) doubled += 1;
    }
    if (full) rowsUnlinked += 1;
    else {
      kept += keep.length;
      lastLinkedRow = r;
    }
    out.push(copy);
  });
  return { rows: out, kept, dropped, rowsUnlinked, lastLinkedRow, doubled };
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Rows with no link, one, two to the same row (a reference and its 台账行), or two to different rows. */
function rowsOf(n: number, seed: number): OutRow[] {
  const next = random(seed);
  return Array.from({ length: n }, (_, r): OutRow => {
    const kind = Math.floor(next() * 4);
    const to = (row: number): OutCell => ({ value: String(row), link: { sheet: "L", row }, color: "#0F6CBD", wrap: next() < 0.5 });
    if (kind === 0) return [r, "plain", { date: "2026-01-01" }];
    if (kind === 1) return [r, to(r)];
    if (kind === 2) return [r, to(r), null, to(r)];
    return [to(r), "x", to(r + 1)];
  });
}

describe("links capped in one pass over rows given one at a time", () => {
  it("leaves each row and every count as the rule row by row does, at every limit", () => {
    for (const seed of [1, 2, 3]) {
      const rows = rowsOf(300, seed);
      for (const limit of [0, 1, 7, 100, 250, 400, 1000]) {
        const want = reference(rows, limit);
        expect(capLinks(rows, limit)).toEqual(want);
        const cap = linkCap({ length: rows.length, width: 4, row: (i) => rows[i] }, limit);
        expect(rows.map((row, i) => cappedRow(cap, i, row))).toEqual(want.rows);
        expect(cap).toMatchObject({ kept: want.kept, dropped: want.dropped, rowsUnlinked: want.rowsUnlinked, lastLinkedRow: want.lastLinkedRow, doubled: want.doubled });
      }
    }
  });

  it("gives 催款计划 row by row as the sheet made whole and then capped, note and all", () => {
    const values: CellValue[][] = [["日期", "经销商", "单号", "摘要", "借方", "贷方"]];
    for (let i = 0; i < 40; i++) values.push([`2026-0${1 + (i % 9)}-1${i % 10}`, `经销商${i % 5}`, i % 6 === 0 ? null : `XS-${i}`, i % 3 === 0 ? "销售出库，长长的摘要要换行才能放下" : "销售", 100 + i, null]);
    const ledger = readGrid({ sheet: "明细账", top: 1, left: 1, values }, { side: "ledger" });
    const report = ageLedger({ table: ledger.table, openings: [] }, { asOf: "2026-12-01" });
    for (const lang of ["zh-CN", "en-US"] as const) {
      for (const limit of [5, 40, 50, 1000]) {
        const whole = capSheetLinks(planSheet(report, { ledgerSheet: "明细账" }, lang), lang, FIND_ROWS_BY.plan, limit);
        const byRow = capSheetRowsLinks(planSheetRows(report, { ledgerSheet: "明细账" }, lang), lang, FIND_ROWS_BY.plan, limit);
        const spec = withRows(byRow);
        expect(spec).toEqual(whole.spec);
        expect(byRow.links.dropped).toBe(whole.links.dropped);
        if (limit <= 40) expect(whole.links.dropped).toBeGreaterThan(0);
        expect(byRow.rows.width).toBe(16);
        // Measured row by row, the heights are those of the sheet measured whole.
        const measure = new RowHeights(spec);
        const heights = new Map<number, number>();
        spec.rows.forEach((row, i) => {
          const h = measure.heightOf(row);
          if (h !== undefined) heights.set(i + 1, h);
        });
        expect(heights).toEqual(wrappedRowHeights(spec));
        expect(heights.size).toBeGreaterThan(0);
      }
    }
  });
});
