import { clearReconcileMarks, loadDecisions, runReconcile, saveDecision, writeReconcileResults } from "../../src/app/reconcile";
import { RECONCILE_GROUP } from "../../src/app/reports/marks";
import { SAMPLE_AS_OF, SAMPLE_LEDGER_SHEET, SAMPLE_STATEMENT_SHEET, sampleSheets } from "../../src/sample/sample";
import { PortError, type SheetSpec } from "../../src/port/workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

function sampleWorkbook(edit?: (sheets: SheetSpec[]) => void): XlsxWorkbook {
  const sheets = sampleSheets();
  edit?.(sheets);
  return XlsxWorkbook.fromSpecs(sheets);
}

async function reconcileIn(wb: XlsxWorkbook, lang: "zh-CN" | "en-US" = "zh-CN") {
  const run = await runReconcile({
    ledger: { port: wb, sheet: SAMPLE_LEDGER_SHEET },
    statement: { port: wb, sheet: SAMPLE_STATEMENT_SHEET },
    options: { asOf: SAMPLE_AS_OF },
  });
  const written = await writeReconcileResults(run, { port: wb, ledgerSheet: SAMPLE_LEDGER_SHEET, statementSheet: SAMPLE_STATEMENT_SHEET, lang });
  return { run, written };
}

const cell = (wb: XlsxWorkbook, sheet: string, address: string) => wb.workbook.getWorksheet(sheet)!.getCell(address);

describe("reconciling inside one workbook (the task pane's path)", () => {
  test("stages are reported in order and the sample's differences are marked in both sheets", async () => {
    const wb = sampleWorkbook();
    const stages: string[] = [];
    const run = await runReconcile(
      { ledger: { port: wb, sheet: SAMPLE_LEDGER_SHEET }, statement: { port: wb, sheet: SAMPLE_STATEMENT_SHEET }, options: { asOf: SAMPLE_AS_OF } },
      { onStage: (s, done, total) => stages.push(`${s} ${done}/${total}`) },
    );
    expect(stages).toEqual(["reading 0/2", "reading 1/2", "matching 0/1", "matching 1/1"]);
    const written = await writeReconcileResults(run, { port: wb, ledgerSheet: SAMPLE_LEDGER_SHEET, statementSheet: SAMPLE_STATEMENT_SHEET, lang: "zh-CN" });
    expect(written).toEqual({ differencesSheet: "差异明细", reconciliationSheet: "余额调节表", ledgerMarks: 4, statementMarks: 4 });
    expect(await wb.listMarks(RECONCILE_GROUP, SAMPLE_STATEMENT_SHEET)).toEqual([
      { row: 11, style: "amount_mismatch" },
      { row: 14, style: "amount_mismatch" },
      { row: 19, style: "statement_only" },
      { row: 20, style: "statement_only" },
    ]);
  });

  test("the 余额调节表 in the usual form: timing items adjust the side that has not booked them, errors are 待查 with both amounts", async () => {
    const wb = sampleWorkbook();
    await reconcileIn(wb);
    const grid = await wb.readSheet("余额调节表");
    const v = grid.values;
    const find = (label: string) => v.find((r) => r[0] === label);
    expect(v[0][0]).toBe("应收账款余额调节表");
    expect(v[2]).toEqual(["项目", "日期", "单号", "摘要", "本公司账面\n（应收账款）", "经销商账面\n（应付账款）", "行号"]);
    expect(find("截止日账面余额")?.slice(4, 6)).toEqual([233340.5, 36350.5]);
    const between = (from: string, to: string) => v.slice(v.findIndex((r) => r[0] === from) + 1, v.findIndex((r) => r[0] === to));
    const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);
    // Each item named by date, reference and 摘要, its amount under the side it adjusts, its rows linked.
    expect(between("调整本公司账面：对方已记、我方未记", "调整经销商账面：我方已记、对方未记").map((r) => [r[0], iso(r[1]), r[2], r[4], r[5], r[6]])).toEqual([
      ["减：", "2026-10-25", "FL-2026Q3", 12000, null, "对账单 19"],
      ["减：", "2026-10-31", "CD-1031", 100000, null, "对账单 20"],
    ]);
    expect(between("调整经销商账面：我方已记、对方未记", "调节后余额").map((r) => [r[0], iso(r[1]), r[2], r[4], r[5], r[6]])).toEqual([
      ["加：", "2026-10-30", "XSCK-2026-1030", null, 58000, "台账 26"],
    ]);
    expect(find("调节后余额")?.slice(4, 6)).toEqual([121340.5, 94350.5]);
    expect(find("调节后余额之差（本公司 − 经销商）")?.[4]).toBe(26990);
    // The mismatches and our duplicate adjust neither side: both amounts are shown, and their net is the gap.
    const pending = v.slice(v.findIndex((r) => String(r[0]).startsWith("待查差异（")) + 1, v.findIndex((r) => r[0] === "待查差异合计"));
    expect(pending.map((r) => [r[0], r[2], r[4], r[5], r[6]])).toEqual([
      ["金额不符", "XSCK-2026-0903", 25630, 26530, "台账 17"],
      ["金额不符", "XSCK-2026-0915", 36800, 36710, "台账 19"],
      ["重复记账", "XSCK-2026-0812", 27800, null, "台账 13"],
    ]);
    expect(find("待查差异合计")?.slice(4, 6)).toEqual([90230, 63240]);
    expect(find("待查差异净额（本公司 − 经销商）")?.[4]).toBe(26990);
    expect(233340.5 - 12000 - 100000 - (36350.5 + 58000)).toBeCloseTo(90230 - 63240, 2);
    expect(v.some((r) => r[0] === "调节后仍差 26,990.00，即待查差异合计（3 项），请逐项查明哪一方有误并更正")).toBe(true);
    expect(v.some((r) => String(r[0]).startsWith("编制人：") && String(r[3]).startsWith("复核人：") && String(r[5]).startsWith("日期："))).toBe(true);
    const ws = wb.workbook.getWorksheet("余额调节表")!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToPage: true });
    expect(ws.headerFooter.oddFooter).toBe("&C第 &P 页 共 &N 页");
  });

  test("差异明细 lists every difference with links to its source rows", async () => {
    const wb = sampleWorkbook();
    await reconcileIn(wb);
    const grid = await wb.readSheet("差异明细");
    expect(grid.values[2]).toEqual(["序号", "经销商", "差异类型", "差额(我方−对方)", "我方金额", "对方金额", "台账行", "对账单行", "日期", "单号", "摘要", "可能原因"]);
    const end = grid.values.findIndex((r, i) => i > 2 && r.every((c) => c === null));
    expect(end).toBe(3 + 6);
    // Totals by kind and overall, under the table and outside its AutoFilter.
    expect(grid.values.filter((r) => r[1] === "小计" || r[1] === "合计").map((r) => [r[1], r[2], r[3], r[4], r[5], r[6]])).toEqual([
      ["小计", "金额不符", -810, 62430, 63240, "2 笔"],
      ["小计", "我方有、对方无", 58000, 58000, 0, "1 笔"],
      ["小计", "对方有、我方无", 112000, 0, -112000, "2 笔"],
      ["小计", "重复记账", 27800, 27800, 0, "1 笔"],
      ["合计", null, 196990, 148230, -48760, "6 笔"],
    ]);
    expect(wb.workbook.getWorksheet("差异明细")!.autoFilter).toBe("A3:L9");
    const ledgerOnly = grid.values.find((r) => r[2] === "我方有、对方无")!;
    expect(ledgerOnly.slice(3, 8)).toEqual([58000, 58000, 0, "26", null]);
    const linkRow = grid.values.indexOf(ledgerOnly) + 1;
    expect(JSON.stringify(cell(wb, "差异明细", `G${linkRow}`).value)).toContain("应收明细账");
  });

  test("text from the dealer that looks like a formula is written as text", async () => {
    const wb = sampleWorkbook((sheets) => {
      const statement = sheets.find((s) => s.name === SAMPLE_STATEMENT_SHEET)!;
      // Row 19 is the rebate only the dealer booked: give it a hostile description.
      statement.rows[18][2] = '=HYPERLINK("http://example.invalid","返利")';
    });
    await reconcileIn(wb);
    const grid = await wb.readSheet("差异明细");
    const row = grid.values.findIndex((r) => r[7] === "19") + 1;
    const c = cell(wb, "差异明细", `K${row}`);
    expect(c.value).toBe('=HYPERLINK("http://example.invalid","返利")');
    expect(c.formula).toBeUndefined();
    expect(c.numFmt).toBe("@");
  });

  test("clearing the marks leaves the user's sheets exactly as they were", async () => {
    const wb = sampleWorkbook();
    const before = JSON.stringify(wb.workbook.getWorksheet(SAMPLE_LEDGER_SHEET)!.model);
    await reconcileIn(wb);
    expect(JSON.stringify(wb.workbook.getWorksheet(SAMPLE_LEDGER_SHEET)!.model)).not.toBe(before);
    await clearReconcileMarks(wb);
    expect(JSON.stringify(wb.workbook.getWorksheet(SAMPLE_LEDGER_SHEET)!.model)).toBe(before);
    expect(await wb.listMarks(RECONCILE_GROUP, SAMPLE_STATEMENT_SHEET)).toEqual([]);
  });

  test("running again replaces our result sheets; a user's sheet of the same name is never overwritten", async () => {
    const wb = sampleWorkbook();
    await reconcileIn(wb);
    await reconcileIn(wb, "zh-CN");
    expect((await wb.listSheets()).map((s) => s.name)).toEqual([SAMPLE_LEDGER_SHEET, SAMPLE_STATEMENT_SHEET, "发货回款登记", "本公司信息", "差异明细", "余额调节表"]);

    const users = sampleWorkbook((sheets) => sheets.push({ name: "差异明细", rows: [["我自己的笔记"]] }));
    await expect(reconcileIn(users)).rejects.toEqual(new PortError("not_ours", "差异明细"));
    expect((await users.readSheet("差异明细")).values).toEqual([["我自己的笔记"]]);
  });

  test("English result sheets for an English pane", async () => {
    const wb = sampleWorkbook();
    const { written } = await reconcileIn(wb, "en-US");
    expect(written.differencesSheet).toBe("Differences");
    expect((await wb.readSheet("Reconciliation")).values[0][0]).toBe("Receivables balance reconciliation");
  });

  test("a user's answer to a suggestion is kept in the workbook, the later answer winning", async () => {
    const wb = sampleWorkbook();
    await saveDecision(wb, "L", "S", { id: "a", decision: "rejected" });
    await saveDecision(wb, "L", "S", { id: "a", decision: "confirmed", ledgerRows: [5], statementRows: [6] });
    await saveDecision(wb, "L", "other", { id: "b", decision: "rejected" });
    expect(await loadDecisions(wb, "L", "S")).toEqual([{ id: "a", decision: "confirmed", ledgerRows: [5], statementRows: [6] }]);
    const reopened = await XlsxWorkbook.open(await saveTemp(wb));
    expect(await loadDecisions(reopened, "L", "other")).toEqual([{ id: "b", decision: "rejected" }]);
  });
});

async function saveTemp(wb: XlsxWorkbook): Promise<string> {
  const fs = await import("fs");
  const os = await import("os");
  const path = await import("path");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-app-")), "book.xlsx");
  await wb.save(file);
  return file;
}
