/** `duizhang credit --balances FILE`: exposure from a balance table's 期末余额 at its cut-off. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { run } from "./support";

const APPLICATIONS = [
  ["客户名称", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"],
  ["杭州美达商贸", "其他", "2010-01-01", 600, 6000, "2020-01-01", 100000, "抵押", 300000, 60, "张强", "2026-08-01"],
];
const BALANCES = [
  ["应收账款往来余额表"],
  ["截止 2026-08-31"],
  ["客户编码", "客户名称", "期初余额", "本期借方", "本期贷方", "期末余额"],
  ["C001", "杭州美达商贸", 100000, 250000, 50000, 300000],
  ["合计", null, 100000, 250000, 50000, 300000],
];

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-credit-balances-"));
  await XlsxWorkbook.fromSpecs([{ name: "申请登记", rows: APPLICATIONS as never }]).save(path.join(dir, "apps.xlsx"));
  // The table is the workbook's second sheet: found by what it holds, not by its place.
  await XlsxWorkbook.fromSpecs([
    { name: "说明", rows: [["本表由财务系统导出"]] as never },
    { name: "往来余额表", rows: BALANCES as never },
  ]).save(path.join(dir, "balances.xlsx"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("duizhang credit --balances", () => {
  test("--json: exposure is the table's closing balance, and says where it came from", async () => {
    const r = await run(["credit", "--applications", "apps.xlsx", "--balances", "balances.xlsx", "--as-of", "2026-08-31", "--json"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const json = JSON.parse(r.out);
    expect(json.dealers.map((d: { dealer: string; exposure: string }) => [d.dealer, d.exposure])).toEqual([["杭州美达商贸", "300000.00"]]);
    expect(json.exposureFrom).toBe("balances");
    expect(json.balances).toEqual({ file: "balances.xlsx", sheet: "往来余额表", cutoff: "2026-08-31" });
    expect(json.warnings).toEqual([]);
  });

  test("a cut-off other than --as-of is said with both dates, in Chinese and in English", async () => {
    const zh = await run(["credit", "--applications", "apps.xlsx", "--balances", "balances.xlsx", "--as-of", "2026-09-30"], dir);
    expect([zh.code, zh.err]).toEqual([0, ""]);
    expect(zh.out).toContain("占用取自余额表“往来余额表”（截止 2026-08-31）的期末余额");
    expect(zh.out).toContain("注意: 余额表“往来余额表”的截止日期是 2026-08-31，评估日是 2026-09-30");
    const en = await run(["credit", "--applications", "apps.xlsx", "--balances", "balances.xlsx", "--as-of", "2026-09-30", "--lang", "en"], dir);
    expect(en.out).toContain('Note: the balance table "往来余额表" is at 2026-08-31 and the as-of date is 2026-09-30');
  });

  test("a file without a balance table stops with one line naming it and its sheet, from the message table", async () => {
    const r = await run(["credit", "--applications", "apps.xlsx", "--balances", "apps.xlsx", "--as-of", "2026-08-31"], dir);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe("duizhang: apps.xlsx: 工作表“申请登记”不是余额表：应有经销商列以及本期借方、本期贷方、期末余额列");
    const en = await run(["credit", "--applications", "apps.xlsx", "--balances", "apps.xlsx", "--as-of", "2026-08-31", "--lang", "en"], dir);
    expect(en.code).toBe(2);
    expect(en.err.trim()).toBe('duizhang: apps.xlsx: the sheet "申请登记" is not a balance table: it needs a dealer column and debit, credit and closing balance columns');
  });
});
