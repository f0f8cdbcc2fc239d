import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "./support";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-demo-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("duizhang demo", () => {
  test("reconciles and ages one ledger as of one cut-off date, and says which", async () => {
    const r = await run(["demo"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain("对账和账龄使用同一本台账“应收明细账”和同一个截止日期 2026-10-31（对账单：“美达对账单”）");
    expect(r.out).toContain("台账: 应收明细账  对账单: 美达对账单  截止日期: 2026-10-31");
    expect(r.out).toContain("台账: 应收明细账  账龄日期: 2026-10-31");
    expect(r.out).not.toContain("发货回款登记  账龄日期");
    const out = path.join(dir, "out", "duizhang-demo.xlsx");
    expect(r.out).toContain(`结果工作簿：${out}`);
    const wb = await XlsxWorkbook.open(out);
    const names = (await wb.listSheets()).map((s) => s.name);
    expect(names.filter((n) => n.startsWith("台账-"))).toEqual(["台账-应收明细账"]);
    expect(names).toEqual(expect.arrayContaining(["差异明细", "余额调节表", "账龄分析", "催款计划"]));
    // The one copy of the ledger carries both sets of marks.
    expect((await wb.listMarks("reconcile", "台账-应收明细账")).length).toBeGreaterThan(0);
    expect((await wb.listMarks("aging", "台账-应收明细账")).length).toBeGreaterThan(0);
  }, 60_000);

  test("--as-of moves both to the date given; running again replaces the demo's own result", async () => {
    const r = await run(["demo", "--as-of", "2026-11-30", "--lang", "en"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain('Reconciliation and aging both use the ledger "应收明细账" and the cut-off date 2026-11-30');
    expect(r.out).toContain("As of: 2026-11-30");
    expect(fs.readdirSync(path.join(dir, "out"))).toEqual(["duizhang-demo.xlsx"]);
  }, 60_000);
});
