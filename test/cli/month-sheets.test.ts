/** A ledger kept one sheet per month, chosen as one on the command line (`--sheet` repeated, `--sheets` glob). */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "./support";
import * as reconcileUseCase from "../../src/app/reconcile";

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-months-"));
  const wb = new ExcelJS.Workbook();
  const add = (name: string, rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  };
  add("说明", [["本工作簿按月记账"]]);
  add("2026-07", [
    ["客户：美达商贸"],
    ["日期", "单号", "摘要", "借方", "贷方", "余额"],
    ["2026-07-01", null, "期初余额", null, null, 1000],
    ["2026-07-05", "XS-1", "销售", 500, null, 1500],
    ["2026-07-20", null, "收款", null, 300, 1200],
  ]);
  add("2026-08", [
    ["客户：美达商贸"],
    ["日期", "单号", "摘要", "借方", "贷方", "余额"],
    ["2026-08-01", null, "上月结转", null, null, 1200],
    ["2026-08-03", "XS-2", "销售", 100, null, 1300],
  ]);
  add("2026-09", [
    ["日期", "单号", "摘要", "发生额"],
    ["2026-09-01", null, "上月结转", 1250],
  ]);
  await wb.xlsx.writeFile(path.join(dir, "months.xlsx"));
  fs.writeFileSync(path.join(dir, "statement.csv"), "美达商贸对账单,,,,\n日期,单据号,摘要,进货金额,付款金额\n2026-07-01,,期初余额,1000.00,\n2026-07-06,XS-1,进货,500.00,\n2026-07-21,,付款,,300.00\n2026-08-04,XS-2,进货,100.00,\n");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type ReadJson = {
  sheets: string[];
  openingBalance: string;
  closingBalance: string;
  entries: { sheet: string; row: number; amount: string }[];
  carried: { sheet: string; row: number; expected: string; found: string; agrees: boolean }[];
  layoutDifferences: { sheet: string; missing: string[] }[];
};

describe("a ledger over monthly sheets", () => {
  test("--sheet repeated: one ledger, entries with their own sheet and row, the opening once", async () => {
    const r = await run(["read", "months.xlsx", "--sheet", "2026-07", "--sheet", "2026-08", "--json", "--entries"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const json = JSON.parse(r.out) as ReadJson;
    expect(json.sheets).toEqual(["2026-07", "2026-08"]);
    expect(json.entries.map((e) => [e.sheet, e.row, e.amount])).toEqual([
      ["2026-07", 4, "500.00"],
      ["2026-07", 5, "-300.00"],
      ["2026-08", 4, "100.00"],
    ]);
    expect([json.openingBalance, json.closingBalance]).toEqual(["1000.00", "1300.00"]);
    expect(json.carried).toEqual([{ sheet: "2026-08", row: 3, dealer: "美达商贸", expected: "1200.00", found: "1200.00", agrees: true }]);
    expect(json.layoutDifferences).toEqual([]);
  });

  test("--sheets glob: the matching sheets in workbook order; a carry-over that differs and a layout that differs are named", async () => {
    const r = await run(["read", "months.xlsx", "--sheets", "2026-*"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain("工作表: 2026-07、2026-08、2026-09");
    expect(r.out).toContain("期初余额取自：2026-07!3（只计一次）");
    expect(r.out).toContain("工作表“2026-09”第 2 行 期初/结转 1,250.00，与前面各表结余 1,300.00 不符（差 -50.00）");
    expect(r.out).toMatch(/列结构与首表“2026-07”不同：工作表“2026-09”缺少 .*贷方\/减少.*余额 列/);
  });

  test("reconcile takes the months as the ledger side", async () => {
    const r = await run(["reconcile", "--ledger", "months.xlsx", "--ledger-sheet", "2026-07", "--ledger-sheet", "2026-08", "--statement", "statement.csv", "--json"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const json = JSON.parse(r.out) as { dealers: { matched: number; reconciliation: { balanced: boolean } }[] };
    expect(json.dealers[0].matched).toBe(3);
    expect(json.dealers[0].reconciliation.balanced).toBe(true);
  });

  test("reconcile reads and matches the months once; the text says the read's own rows, each on its sheet", async () => {
    const runs = jest.spyOn(reconcileUseCase, "runReconcile");
    try {
      const r = await run(["reconcile", "--ledger", "months.xlsx", "--sheets", "2026-*", "--statement", "statement.csv"], dir);
      expect([r.code, r.err]).toEqual([0, ""]);
      expect(runs).toHaveBeenCalledTimes(1);
      expect(r.out).not.toMatch(/\d{8}/);
      expect(r.out).toContain("期初余额取自：2026-07!3（只计一次）");
      expect(r.out).toContain("工作表“2026-08”第 3 行 美达商贸 期初/结转 1,200.00：与上月结余一致");
      expect(r.out).toContain("工作表“2026-09”第 2 行 期初/结转 1,250.00，与前面各表结余 1,300.00 不符（差 -50.00）");
    } finally {
      runs.mockRestore();
    }
  });

  test("aging takes the months as one ledger", async () => {
    const r = await run(["aging", "--ledger", "months.xlsx", "--sheets", "2026-0[78]", "--as-of", "2026-08-31", "--json"], dir);
    // `[` is written as it is: no sheet is named so.
    expect(r.code).toBe(2);
    expect(r.err).toContain("没有与“2026-0[78]”相符的工作表");
    const ok = await run(["aging", "--ledger", "months.xlsx", "--sheet", "2026-07", "--sheet", "2026-08", "--as-of", "2026-08-31", "--json"], dir);
    expect([ok.code, ok.err]).toEqual([0, ""]);
    expect(ok.out).toContain("\"2026-08\"");
  });

  test("aging --out: 催款计划's 台账行 says each row as the text does, `2026-08!4` on a sheet after the first, and links to that sheet's copy", async () => {
    const r = await run(["aging", "--ledger", "months.xlsx", "--sheet", "2026-07", "--sheet", "2026-08", "--as-of", "2026-08-31", "--out", "aging.xlsx", "--force"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "aging.xlsx"));
    const plan = wb.getWorksheet("催款计划")!;
    const header = plan.getRow(3).values as unknown[];
    const column = header.indexOf("台账行");
    const refColumn = header.indexOf("单号");
    expect(column).toBeGreaterThan(0);
    const rows: [unknown, unknown, unknown][] = [];
    plan.eachRow((row, n) => {
      if (n <= 3) return;
      const cell = row.getCell(column);
      const v = cell.value as { text?: string; hyperlink?: string } | string | null;
      if (v && typeof v === "object" && v.hyperlink) rows.push([row.getCell(refColumn).text, v.text, v.hyperlink]);
    });
    expect(rows).toEqual(
      expect.arrayContaining([
        ["XS-1", "4", expect.stringMatching(/^#'?[^!]*2026-07'?!A4$/)],
        ["XS-2", "2026-08!4", expect.stringMatching(/^#'?[^!]*2026-08'?!A4$/)],
      ]),
    );
  });

  test("a sheet named twice, or --sheet with --sheets, is refused in one line", async () => {
    const twice = await run(["read", "months.xlsx", "--sheet", "2026-07", "--sheet", "2026-07"], dir);
    expect(twice.err).toContain("工作表“2026-07”指定了两次");
    const both = await run(["read", "months.xlsx", "--sheet", "2026-07", "--sheets", "2026-*"], dir);
    expect(both.err).toContain("--sheet 与 --sheets 只能用其一");
  });
});
