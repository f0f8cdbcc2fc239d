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

  test("the 余额调节表 starts from both balances and ends in equal adjusted balances", async () => {
    const wb = sampleWorkbook();
    await reconcileIn(wb);
    const grid = await wb.readSheet("余额调节表");
    const find = (label: string) => grid.values.find((r) => r[0] === label);
    expect(grid.values[0][0]).toBe("应收账款余额调节表");
    expect(find("账面余额")).toEqual(["账面余额", 233340.5, null, null, "账面余额", 36350.5, null]);
    expect(find("调节后余额")).toEqual(["调节后余额", 93540.5, null, null, "调节后余额", 93540.5, null]);
    // The adjusting lines between them: 加/减 once, from the sign, then what the item is; both sides add up.
    const start = grid.values.findIndex((r) => r[0] === "账面余额") + 1;
    const end = grid.values.findIndex((r) => r[0] === "调节后余额");
    const lines = grid.values.slice(start, end);
    const side = (c: number) => lines.filter((r) => typeof r[c] === "string" && r[c] !== "").map((r) => [r[c], r[c + 1], r[c + 2]]);
    expect(side(0)).toEqual([
      ["减：我方重复记账（第 13 行重复第 12 行）", 27800, "台账 13"],
      ["减：对方已记、我方未记（对方第 19 行）", 12000, "对账单 19"],
      ["减：对方已记、我方未记（对方第 20 行）", 100000, "对账单 20"],
    ]);
    expect(side(4).map((r) => [String(r[0]).slice(0, 2), r[1]])).toEqual([
      ["减：", 900],
      ["加：", 90],
      ["加：", 58000],
    ]);
    for (const [text] of [...side(0), ...side(4)]) expect(String(text)).not.toMatch(/^(加|减)：(加|减|调整)：/);
    expect(233340.5 - 27800 - 12000 - 100000).toBeCloseTo(93540.5, 2);
    expect(36350.5 - 900 + 90 + 58000).toBeCloseTo(93540.5, 2);
    expect(grid.values.some((r) => r[0] === "调节后双方余额一致。")).toBe(true);
    expect(grid.values.some((r) => r[0] === "编制人：" && r[4] === "复核人：")).toBe(true);
  });

  test("差异明细 lists every difference with links to its source rows", async () => {
    const wb = sampleWorkbook();
    await reconcileIn(wb);
    const grid = await wb.readSheet("差异明细");
    expect(grid.values[2]).toEqual(["序号", "经销商", "差异类型", "差额(我方−对方)", "我方金额", "对方金额", "台账行", "对账单行", "日期", "单号", "摘要", "可能原因"]);
    expect(grid.values).toHaveLength(3 + 6);
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
    expect((await wb.listSheets()).map((s) => s.name)).toEqual([SAMPLE_LEDGER_SHEET, SAMPLE_STATEMENT_SHEET, "发货回款登记", "差异明细", "余额调节表"]);

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
