import { writeAgingResults, type AgingRun } from "../../src/app/aging";
import { planSheet, PLAN_HEADER_ROW } from "../../src/app/reports/aging-sheets";
import { designedScale, REPORT_MIN_SCALE } from "../../src/app/reports/print";
import { capSheetLinks, droppedLinksOf, droppedLinksText, FIND_ROWS_BY, linkCapNote, linkDoubleNote } from "../../src/app/reports/links";
import { sheetRowsPort } from "../../src/app/sheet-rows";
import { ageLedger } from "../../src/core/aging";
import type { CellValue } from "../../src/core/model";
import { readGrid } from "../../src/core/read";
import { LINKS_PER_SHEET } from "../../src/port/links";
import type { OutCell, OutRow, SheetSpec } from "../../src/port/workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

const AS_OF = "2026-12-01";

/** A ledger of `n` open invoices (rows 2…n+1), each its own item of 催款计划. */
function aged(n: number) {
  const values: CellValue[][] = [["日期", "经销商", "单号", "摘要", "借方", "贷方"]];
  for (let i = 0; i < n; i++) values.push([`2026-${String(1 + (i % 11)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`, `经销商${i % 7}`, `XS-${i}`, "销售", 100 + i, null]);
  const ledger = readGrid({ sheet: "明细账", top: 1, left: 1, values }, { side: "ledger" });
  return { ledger, report: ageLedger({ table: ledger.table, openings: [] }, { asOf: AS_OF }) };
}

const isCell = (c: unknown): c is OutCell => c !== null && typeof c === "object" && "value" in c;
const linksOf = (row: OutRow) => row.filter((c): c is OutCell => isCell(c) && c.link !== undefined);
const text = (c: unknown) => (isCell(c) ? c.value : c);

describe("a result sheet with more links than Excel keeps on a worksheet", () => {
  it("催款计划 keeps the first items' 台账行 links, says so under its title, and everything below moves down one", () => {
    const { report } = aged(30);
    const plan = planSheet(report, { ledgerSheet: "明细账" }, "zh-CN");
    expect(plan.rows.slice(PLAN_HEADER_ROW).flatMap(linksOf).length).toBe(60);

    const { spec, links } = capSheetLinks(plan, "zh-CN", FIND_ROWS_BY.plan, 10);
    expect(links).toMatchObject({ kept: 10, rowsUnlinked: 20, doubled: 10, dropped: 50 });
    // Row 2: the note, across the title's width; the header is now row 4.
    expect(spec.rows.length).toBe(plan.rows.length + 1);
    expect(spec.rows[0]).toBe(plan.rows[0]);
    // Items are rows 5…34; the tenth, the last with a link, is row 14.
    expect(spec.rows[1][0]).toMatchObject({ value: "本表前 14 行带链接；Excel 每张工作表最多约 6.5 万个链接，其余各行请按“台账行”查找。", mergeAcross: 15, wrap: true });
    expect(spec.rows[2]).toBe(plan.rows[1]);
    const items = spec.rows.slice(PLAN_HEADER_ROW + 1, PLAN_HEADER_ROW + 31);
    items.forEach((row, i) => {
      const links = linksOf(row);
      // The first ten keep one link, on 台账行 (column 15), to their own ledger row; the reference is plain.
      if (i < 10) {
        expect(links).toHaveLength(1);
        expect(row.indexOf(links[0])).toBe(14);
        expect(links[0].link).toEqual((plan.rows[PLAN_HEADER_ROW + i][14] as OutCell).link);
      } else expect(links).toHaveLength(0);
      // Every item reads as before: same values, same looks but the link's blue.
      const before = plan.rows[PLAN_HEADER_ROW + i];
      expect(row.map(text)).toEqual(before.map(text));
      expect(row[3]).toEqual({ value: text(before[3]), numberFormat: "@", wrap: true });
    });
    // What the spec says about its rows follows them: frozen through the note, filter and printed header on row 4.
    expect(spec).toMatchObject({ freezeRows: PLAN_HEADER_ROW + 1, filterRow: PLAN_HEADER_ROW + 1, filterLastRow: plan.filterLastRow! + 1 });
    expect(spec.print?.repeatRows).toEqual([PLAN_HEADER_ROW + 1, PLAN_HEADER_ROW + 1]);
    expect(spec.rows.flatMap(linksOf)).toHaveLength(10);
    // The note spans the title's width and wraps: the sheet prints at the scale it was designed for.
    expect(designedScale(spec)).toBe(designedScale(plan));
    expect(designedScale(spec)).toBeGreaterThanOrEqual(REPORT_MIN_SCALE);
  });

  it("says it in English on an English sheet", () => {
    const { report } = aged(30);
    const { spec } = capSheetLinks(planSheet(report, { ledgerSheet: "Ledger" }, "en-US"), "en-US", FIND_ROWS_BY.plan, 10);
    expect(text(spec.rows[1][0])).toBe("Only the first 14 rows of this sheet carry links (Excel allows about 65,000 links per sheet); find the rest by their ledger row.");
    expect(linkCapNote(70_003, null, "en-US")).toBe("Only the first 70,003 rows of this sheet carry links (Excel allows about 65,000 links per sheet); the rows after them have none.");
  });

  it("a plan whose items all keep their 台账行 link but lost the reference's says so under its title", () => {
    // 30 items of two links each (reference and 台账行, to the same row): 60 over a limit of 40, 30 once made one a row.
    const { report } = aged(30);
    const plan = planSheet(report, { ledgerSheet: "明细账" }, "zh-CN");
    const { spec, links } = capSheetLinks(plan, "zh-CN", FIND_ROWS_BY.plan, 40);
    expect(links).toMatchObject({ kept: 30, rowsUnlinked: 0, doubled: 30, dropped: 30 });
    expect(spec.rows.length).toBe(plan.rows.length + 1);
    expect(spec.rows[1][0]).toMatchObject({ value: "Excel 每张工作表最多约 6.5 万个链接：本表每行只在“台账行”上保留链接，同一行中指向同一处的其他单元格不带链接。", mergeAcross: 15 });
    const items = spec.rows.slice(PLAN_HEADER_ROW + 1, PLAN_HEADER_ROW + 31);
    for (const row of items) expect(linksOf(row).map((c) => row.indexOf(c))).toEqual([14]);
    expect(spec).toMatchObject({ freezeRows: PLAN_HEADER_ROW + 1, filterRow: PLAN_HEADER_ROW + 1 });
    const en = capSheetLinks(planSheet(report, { ledgerSheet: "Ledger" }, "en-US"), "en-US", FIND_ROWS_BY.plan, 40).spec;
    expect(text(en.rows[1][0])).toBe(
      "Excel allows about 65,000 links per sheet: each row of this sheet keeps its link on its ledger row only; the other cells of the row that led to the same place have none.",
    );
    expect(linkDoubleNote(null, "zh-CN")).toBe("Excel 每张工作表最多约 6.5 万个链接：本表每行指向同一处的链接只保留一个，同一行中指向同一处的其他单元格不带链接。");
  });

  it("says how many links each sheet left out, for the command line and the pane", () => {
    const { report } = aged(30);
    const plan = capSheetLinks(planSheet(report, { ledgerSheet: "明细账" }, "zh-CN"), "zh-CN", FIND_ROWS_BY.plan, 40);
    const within = capSheetLinks(planSheet(report, { ledgerSheet: "明细账" }, "zh-CN"), "zh-CN", FIND_ROWS_BY.plan);
    const dropped = droppedLinksOf([within, plan]);
    expect(dropped).toEqual([{ sheet: "催款计划", dropped: 30 }]);
    expect(droppedLinksText(dropped, "zh-CN")).toBe("“催款计划”有 30 个链接未写入（Excel 每张工作表最多约 6.5 万个链接），该表第 2 行说明了哪些单元格仍带链接。");
    expect(droppedLinksText([{ sheet: "Collection plan", dropped: 65_050 }, { sheet: "Aging", dropped: 1 }], "en-US")).toBe(
      '65,050 links of "Collection plan" left out (Excel allows about 65,000 per sheet): row 2 of the sheet says which cells still link. 1 link of "Aging" left out (Excel allows about 65,000 per sheet): row 2 of the sheet says which cells still link.',
    );
  });

  it("a plan within the limit is written as it was planned", () => {
    const { report } = aged(30);
    const plan = planSheet(report, { ledgerSheet: "明细账" }, "zh-CN");
    expect(capSheetLinks(plan, "zh-CN", FIND_ROWS_BY.plan).spec).toBe(plan);
  });

  it("moves the print area, page breaks and charts down with the rows", () => {
    const spec: SheetSpec = {
      name: "表",
      rows: [[{ value: "标题", mergeAcross: 3 }], ["表头"], [{ value: "1", link: { sheet: "台账", row: 2 } }], [{ value: "2", link: { sheet: "台账", row: 3 } }], ["编制人："]],
      columnWidths: [10, 10, 10, 10],
      print: { area: { fromRow: 1, toRow: 5, fromColumn: 1, toColumn: 4 }, breakBefore: [4] },
      charts: [{ type: "pie", source: { fromRow: 2, toRow: 4, fromColumn: 1, toColumn: 2 }, at: { row: 5, column: 3, columns: 2, rows: 5 } }],
      merges: [{ fromRow: 1, toRow: 1, fromColumn: 1, toColumn: 4 }],
    };
    const { spec: out } = capSheetLinks(spec, "zh-CN", null, 1);
    expect(text(out.rows[1][0])).toBe("本表前 4 行带链接；Excel 每张工作表最多约 6.5 万个链接，其后各行不带链接。");
    expect(out.print).toEqual({ area: { fromRow: 1, toRow: 6, fromColumn: 1, toColumn: 4 }, breakBefore: [5] });
    expect(out.charts![0]).toMatchObject({ source: { fromRow: 3, toRow: 5 }, at: { row: 6 } });
    expect(out.merges).toEqual([{ fromRow: 1, toRow: 1, fromColumn: 1, toColumn: 4 }]);
    // 40 columns of room: the note's 64 characters of Chinese need two lines, and the row is made tall enough.
    expect(out.rowHeights?.[1]).toBeGreaterThan(20);
  });

  it("a run over several ledger sheets still says a plain cell's rows as the user reads them", async () => {
    const wb = XlsxWorkbook.create();
    // Row 5 of the second month sheet is run row 10,000,005 (see sheet-rows).
    const spec: SheetSpec = { name: "差异明细", rows: [["标题"], [{ value: "10000005", numberFormat: "@", link: { sheet: "2026-07", row: 10_000_005 }, color: "#0F6CBD" }]] };
    const { spec: capped } = capSheetLinks(spec, "zh-CN", FIND_ROWS_BY.differences, 0);
    await sheetRowsPort(wb, ["2026-07", "2026-08"]).writeSheet(capped);
    expect(wb.workbook.getWorksheet("差异明细")!.getCell("A3").value).toBe("2026-08!5");
  });
});

describe("writeAgingResults", () => {
  it("writes 催款计划 within Excel's limit for a ledger with more open items than it allows links", async () => {
    const n = LINKS_PER_SHEET + 25;
    const { ledger, report } = aged(n);
    const wb = XlsxWorkbook.create();
    const run = { report, ledger, termSources: { dealers: [], defaultFrom: "none" }, collection: { register: null, commitments: [] } } as unknown as AgingRun;
    const written = await writeAgingResults(run, { port: wb, ledgerSheet: "明细账", lang: "zh-CN", marks: false });
    // Each item's two links made one, then the items past the limit without one: 2n − 65,000 left out.
    expect(written.linksDropped).toEqual([{ sheet: "催款计划", dropped: 2 * n - LINKS_PER_SHEET }]);
    const ws = wb.workbook.getWorksheet("催款计划")!;
    const linkedRows: number[] = [];
    ws.eachRow((row, r) => row.eachCell((cell) => void (cell.value !== null && typeof cell.value === "object" && "hyperlink" in cell.value && linkedRows.push(r))));
    // One link a row, from row 5 (the first item, under the note and the header) on, within the limit.
    expect(linkedRows.length).toBe(LINKS_PER_SHEET);
    expect(new Set(linkedRows).size).toBe(linkedRows.length);
    expect(linkedRows[0]).toBe(5);
    // On 台账行, to the row it names; the reference beside it is plain text.
    const first = ws.getCell("O5").value as { text: string; hyperlink: string };
    expect(first.hyperlink).toBe(`#'明细账'!A${first.text}`);
    expect(ws.getCell("D5").value).toMatch(/^XS-\d+$/);
    expect(ws.getCell("A2").value).toBe(`本表前 ${linkedRows[linkedRows.length - 1]} 行带链接；Excel 每张工作表最多约 6.5 万个链接，其余各行请按“台账行”查找。`);
    expect(linkedRows[linkedRows.length - 1]).toBe(4 + LINKS_PER_SHEET);
    expect(ws.getCell(`O${5 + LINKS_PER_SHEET}`).value).toEqual(expect.any(String));
  }, 120_000);
});
