/** The office-js adapter's round trips, limits, cancellation and requirement sets, on the fake Excel. */
import { createExcelWorkbook } from "../../src/excel/workbook";
import { PortError, OutRow } from "../../src/port/workbook";
import { FakeExcel } from "../../src/fake-excel";
import { MAX_CELL_TEXT } from "../../src/port/cells";
import { benchExcelRoundTrips } from "../fake-excel/bench";

const FOUR_MB = 4 * 1024 * 1024;

function bigLedger(rows: number, hidden: number[] = []): FakeExcel {
  const excel = new FakeExcel({ apiVersion: "1.7" });
  const s = excel.model.addSheet("应收明细");
  for (let r = 1; r <= rows; r++) {
    s.setStored(r, 1, 45658 + (r % 300));
    s.setStored(r, 2, `XSCK-${String(r).padStart(6, "0")}`);
    s.setStored(r, 3, r % 7 === 0 ? "收款 银行承兑汇票 一段较长的摘要文字" : "销售出库");
    s.setStored(r, 4, "华东经销商有限公司");
    s.setStored(r, 5, (r * 37) % 100000 + 0.25);
    s.setStored(r, 6, r % 3 === 0 ? -r : 0);
    s.setStored(r, 7, r);
    s.setStored(r, 8, "李四");
  }
  for (const h of hidden) s.hiddenRows.add(h);
  return excel;
}

function port(excel: FakeExcel, options: { chunkRows?: number; maxRequestBytes?: number } = {}) {
  return createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported, ...options });
}

describe("office-js adapter round trips", () => {
  test("reads a 50,000-row sheet in a number of syncs proportional to its bytes, each under 4 MB", async () => {
    const excel = bigLedger(50_000);
    const grid = await port(excel).readSheet("应收明细");
    expect(grid.values).toHaveLength(50_000);
    expect(grid.values[49_999]).toEqual([45658 + (50_000 % 300), "XSCK-050000", "销售出库", "华东经销商有限公司", (50_000 * 37) % 100000 + 0.25, 0, 50_000, "李四"]);
    const st = excel.stats;
    expect(st.maxRequestBytes).toBeLessThan(FOUR_MB);
    expect(st.maxResponseBytes).toBeLessThan(FOUR_MB);
    // The least the 4 MB limit allows, times 1.5, plus the request that finds the used range.
    const least = Math.ceil(st.totalResponseBytes / FOUR_MB);
    expect(st.syncs).toBeLessThanOrEqual(Math.ceil(least * 1.5) + 1);
    expect(st.syncs).toBeGreaterThanOrEqual(2);
  });

  test("writes 50,000 rows in a few byte-sized chunks, each request under 4 MB", async () => {
    const excel = new FakeExcel({ apiVersion: "1.7" });
    excel.model.addSheet("账");
    const rows: OutRow[] = Array.from({ length: 50_000 }, (_, i) => [`XSCK-${i}`, "=SUM(A1)", i * 1.5, { date: "2026-01-05" }, "华东经销商有限公司"]);
    await port(excel).writeSheet({ name: "差异明细", rows });
    const st = excel.stats;
    expect(st.maxRequestBytes).toBeLessThan(FOUR_MB);
    const least = Math.ceil(st.totalRequestBytes / FOUR_MB);
    // check + create + chunks.
    expect(st.syncs).toBeLessThanOrEqual(Math.ceil(least * 1.5) + 2);
    expect(excel.cell("差异明细", "B50000")).toMatchObject({ value: "=SUM(A1)", formula: null, numberFormat: "@" });
    expect(excel.cell("差异明细", "C50000")).toMatchObject({ value: 49_999 * 1.5 });
  });

  test("a chunk refused for its size is split and retried", async () => {
    const excel = bigLedger(20_000);
    // The adapter believes it may send 50 MB; the host refuses anything over 1 MB.
    excel.payloadLimit = 1_000_000;
    const grid = await port(excel, { maxRequestBytes: 50_000_000, chunkRows: 20_000 }).readSheet("应收明细");
    expect(grid.values).toHaveLength(20_000);
    expect(grid.values[19_999][6]).toBe(20_000);
    expect(excel.stats.maxResponseBytes).toBeGreaterThan(1_000_000); // the refused one
  });

  test("hidden rows are found with one request per mixed chunk, not per row", async () => {
    const hidden = [3, 4, 5, 9_000, 12_345, 29_999];
    const excel = bigLedger(30_000, hidden);
    const grid = await port(excel, { chunkRows: 4_000, maxRequestBytes: 400_000 }).readSheet("应收明细");
    expect(grid.hiddenRows).toEqual(hidden);
    expect(excel.stats.syncs).toBeLessThan(30);
  });

  test("progress is reported between chunks and an abort stops the read with cancelled", async () => {
    const excel = bigLedger(20_000);
    const seen: number[] = [];
    const controller = new AbortController();
    const read = port(excel, { chunkRows: 2_000, maxRequestBytes: 200_000 }).readSheet("应收明细", {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.done);
        expect(p.total).toBe(20_000);
        if (p.done >= 6_000) controller.abort();
      },
    });
    await expect(read).rejects.toEqual(new PortError("cancelled", "应收明细"));
    expect(seen[0]).toBe(0);
    expect(seen.every((d, i) => i === 0 || d > seen[i - 1])).toBe(true);
    expect(seen[seen.length - 1]).toBeLessThan(20_000);
  });

  test("ten thousand scattered marks take a few syncs, not one per mark", async () => {
    const excel = bigLedger(20_000);
    const marks = Array.from({ length: 10_000 }, (_, i) => ({ row: 2 * i + 1, style: "only_ledger" }));
    const p = port(excel);
    excel.resetStats();
    await p.markRows("应收明细", "reconcile", marks, { only_ledger: { fill: "#FFEB9C" } });
    expect(excel.stats.syncs).toBeLessThanOrEqual(3 + Math.ceil(excel.stats.totalRequestBytes / 3_000_000));
    expect(excel.stats.maxRequestBytes).toBeLessThan(FOUR_MB);
    expect(excel.sheet("应收明细").conditionalFormats).toHaveLength(10_000);
    expect(excel.effectiveFill("应收明细", 19_999, 8)).toBe("#FFEB9C");
    expect(excel.effectiveFill("应收明细", 20_000, 8)).toBeNull();
    excel.resetStats();
    await p.clearMarks("reconcile", "应收明细");
    expect(excel.sheet("应收明细").conditionalFormats).toHaveLength(0);
    expect(excel.stats.syncs).toBeLessThanOrEqual(3 + Math.ceil(excel.stats.totalRequestBytes / 3_000_000));
  });

  test("on ExcelApi 1.9 marks share rules across row blocks (RangeAreas); on 1.7 one rule per block", async () => {
    const marks = [2, 4, 5, 6, 9].map((row) => ({ row, style: "amount_mismatch" }));
    const styles = { amount_mismatch: { fill: "#FFC7CE" } };
    const excel = bigLedger(10);
    await port(excel).markRows("应收明细", "reconcile", marks, styles);
    expect(excel.sheet("应收明细").conditionalFormats).toHaveLength(3);
    excel.setApiVersion("1.9");
    await port(excel).markRows("应收明细", "reconcile", marks, styles);
    expect(excel.sheet("应收明细").conditionalFormats).toHaveLength(1);
    expect(await port(excel).listMarks("reconcile", "应收明细")).toEqual(marks);
    expect(await port(excel).capabilities()).toEqual({ rangeAreas: true, pageLayout: true, copyFormats: true, forms: { validation: true, protection: true }, kind: "excel" });
    excel.setApiVersion("1.7");
    expect(await port(excel).capabilities()).toEqual({ rangeAreas: false, pageLayout: false, copyFormats: false, forms: { validation: false, protection: true }, kind: "excel" });
  });

  test("our sheets are remembered in the workbook setting duizhang.ownedSheets", async () => {
    const excel = bigLedger(3);
    await port(excel).writeSheet({ name: "差异明细", rows: [["x"]] });
    expect(excel.model.settings.get("duizhang.ownedSheets")).toBe(JSON.stringify(["差异明细"]));
  });

  test("print setup and filters are applied on 1.9 and skipped on 1.7", async () => {
    const spec = {
      name: "余额调节表",
      rows: [["项目", "金额"], ["我方余额", 100]] as OutRow[],
      filterRow: 1,
      print: { orientation: "landscape" as const, fitToWidth: true, repeatRows: [1, 1] as [number, number], repeatColumns: [1, 1] as [number, number], centerHorizontally: true },
    };
    const old = bigLedger(2);
    await port(old).writeSheet(spec);
    expect(old.sheet("余额调节表").pageLayout).toEqual({});
    const modern = bigLedger(2);
    modern.setApiVersion("1.9");
    await port(modern).writeSheet(spec);
    // A4, the default margins in points (1.3 cm sides, 2 cm top and bottom, 0.8 cm header and footer), fit to
    // one page wide (two narrow columns fit at 100%), its own page numbers, the written block as print area.
    expect(modern.sheet("余额调节表").pageLayout).toEqual({
      paperSize: "A4",
      orientation: "Landscape",
      leftMargin: 36.85,
      rightMargin: 36.85,
      topMargin: 56.69,
      bottomMargin: 56.69,
      headerMargin: 22.68,
      footerMargin: 22.68,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      firstPageNumber: 1,
      printTitleRows: "$1:$1",
      printTitleColumns: "$A:$A",
      centerHorizontally: true,
      printArea: "A1:B2",
    });
    expect(modern.sheet("余额调节表").autoFilter).toEqual({ r1: 1, c1: 1, r2: 2, c2: 2 });
  });

  test("footer, header, page breaks, a fixed scale for a sheet too wide to fit at the minimum, and the filter kept off the totals", async () => {
    const excel = bigLedger(2);
    excel.setApiVersion("1.9");
    const rows: OutRow[] = [["编号", "金额"], ["A", 1], ["B", 2], [], ["合计", 3], ["第二封", null]];
    await port(excel).writeSheet({
      name: "函证",
      rows,
      columnWidths: [150, 150],
      filterRow: 1,
      filterLastRow: 3,
      print: { orientation: "portrait", fitToWidth: true, minScale: 90, header: { left: "函证 A&&B" }, footer: { center: "第 &P 页 共 &N 页" }, breakBefore: [6] },
    });
    const layout = excel.sheet("函证").pageLayout;
    expect(layout).toMatchObject({
      paperSize: "A4",
      orientation: "Portrait",
      zoom: { scale: 90 },
      "defaultForAllPages.leftHeader": "函证 A&&B",
      "defaultForAllPages.centerFooter": "第 &P 页 共 &N 页",
      printArea: "A1:B6",
    });
    expect(excel.sheet("函证").pageBreaks).toEqual([6]);
    expect(excel.sheet("函证").autoFilter).toEqual({ r1: 1, c1: 1, r2: 3, c2: 2 });
  });

  test("wrapped text wraps inside its column and its row is made tall enough; the sheet's font size and alignment apply to every cell; on 1.7 too", async () => {
    const excel = bigLedger(2);
    const memo = "销售出库：家用空调室内机及室外机一批，含冷凝管、支架与安装辅材，随货附送货单和质保卡";
    await port(excel).writeSheet({
      name: "差异明细",
      rows: [
        [{ value: "摘要", bold: true, fontSize: 12 }, "金额"],
        [{ value: memo, wrap: true }, 1],
        ["短", 2],
      ],
      columnWidths: [20, 10],
      fontSize: 10,
      verticalAlign: "center",
      print: { orientation: "portrait", fitToWidth: true },
    });
    const style = (r: number, c: number) => excel.sheet("差异明细").style(r, c);
    expect(style(2, 2)).toMatchObject({ fontSize: 10, vertical: "Center" });
    expect(style(1, 1)).toMatchObject({ fontSize: 12, bold: true });
    expect(style(2, 1)).toMatchObject({ wrap: true, fontSize: 10 });
    // 43 characters of 10 pt CJK text (430 pt) in a 20-character column (about 104 pt inside): five lines of 14.2 pt, and padding.
    expect(Object.fromEntries(excel.sheet("差异明细").rowHeights)).toEqual({ 2: 75 });
    // No page setup below ExcelApi 1.9: the pane says what was left out.
    expect(excel.sheet("差异明细").pageLayout).toEqual({});
  });

  test("links, merges and styles are written, with neighbouring alike cells sharing one command", async () => {
    const excel = bigLedger(3);
    await port(excel).writeSheet({
      name: "差异明细",
      rows: [
        [{ value: "标题", bold: true, mergeAcross: 2, align: "center" }],
        [{ value: "第2行", link: { sheet: "应收明细", row: 2 } }, { value: 1, border: true }, { value: 2, border: true }],
      ],
    });
    expect(excel.cell("差异明细", "A2")).toMatchObject({ value: "第2行", link: "'应收明细'!A2" });
    expect(excel.sheet("差异明细").merges).toEqual([{ r1: 1, c1: 1, r2: 1, c2: 3 }]);
    expect(excel.sheet("差异明细").style(2, 3)).toEqual({ border: true });
    expect(excel.cell("差异明细", "A1")).toMatchObject({ bold: true });
  });
});

describe("texts longer than a cell holds", () => {
  test("are cut to Excel's limit with … before they go to Excel, which refuses them, in sheets and in single cells", async () => {
    const excel = new FakeExcel({ apiVersion: "1.7" });
    const long = "经销商摘要".repeat(8_000);
    const cut = long.slice(0, MAX_CELL_TEXT - 1) + "…";
    const p = port(excel);
    await p.writeSheet({ name: "差异明细", rows: [["摘要"], [long], [{ value: long, link: { sheet: "差异明细", row: 1 } }]] });
    const sheet = excel.model.sheet("差异明细")!;
    expect(sheet.getValue(2, 1)).toBe(cut);
    expect(sheet.getValue(3, 1)).toBe(cut);
    await p.writeCells("登记簿", [{ row: 1, column: 2, cell: long }]);
    expect(excel.model.sheet("登记簿")!.getValue(1, 2)).toBe(cut);
  });
});

describe("round-trip benchmark through the fake Excel", () => {
  test("reports syncs and bytes for a full run of 1,000 rows", async () => {
    const r = await benchExcelRoundTrips(1_000);
    expect(r.rows).toBe(1_000);
    expect(r.marks).toBe(10);
    expect(r.maxRequestBytes).toBeLessThan(FOUR_MB);
    expect(r.totalBytes).toBeGreaterThan(2 * 1_000 * 8 * 2);
    // Both sides read together (used ranges, then values), then one batch: look-ups (rules, result
    // sheets, owned lists; no custom rules to inspect yet), the marks with both sheets' rows, and the
    // new sheets' ids once they exist.
    expect(r.syncs).toBe(5);
  });
});
