/** Balance tables on the command line: read says 余额表, reconcile compares balances only, letters use them. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { todayIso } from "../../src/cli/commands/aging";
import { run } from "./support";

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-balances-"));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("往来余额表");
  ws.addRow(["应收账款往来余额表"]);
  ws.addRow(["截止 2026-08-31"]);
  ws.addRow(["客户编码", "客户名称", "期初余额", "本期借方", "本期贷方", "期末余额"]);
  ws.addRow(["C001", "杭州美达商贸", 1000, 500, 300, 1200]);
  ws.addRow(["C002", "宁波顺和电器", 0, 800, 0, 800]);
  ws.addRow(["C003", "成都蜀丰建材", 200, 100, 50, 260]);
  ws.addRow(["合计", null, 1200, 1400, 350, 2260]);
  await wb.xlsx.writeFile(path.join(dir, "balances.xlsx"));
  fs.writeFileSync(path.join(dir, "meida.csv"), "杭州美达商贸对账单,,,,\n日期,单据号,摘要,进货金额,付款金额\n2026-08-01,,期初余额,1000.00,\n2026-08-05,XS-1,进货,500.00,\n2026-08-20,,付款,,350.00\n");
  fs.writeFileSync(
    path.join(dir, "ledger.csv"),
    "客户,日期,单号,摘要,借方,贷方\n杭州美达商贸,2026-08-01,,期初余额,1000.00,\n杭州美达商贸,2026-08-05,XS-1,销售,500.00,\n杭州美达商贸,2026-08-20,,收款,,300.00\n宁波顺和电器,2026-08-07,XS-2,销售,800.00,\n",
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("a balance table", () => {
  test("letters --balances make no letter for a row that does not add up, and say which row and why", async () => {
    const r = await run(["letters", "--balances", "balances.xlsx", "--as-of", "2026-08-31", "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { letters: { dealer: string; balance: string }[]; skipped: { dealer: string; code: string; reason: string }[] };
    expect(json.letters.map((l) => [l.dealer, l.balance])).toEqual([["杭州美达商贸", "1200.00"], ["宁波顺和电器", "800.00"]]);
    expect(json.skipped).toEqual([
      { dealer: "成都蜀丰建材", code: "balance_row_off", reason: "余额表“往来余额表”第 6 行不平：期初 + 借方 − 贷方 = 250.00，期末余额却是 260.00；请先核对该行，未生成对账函" },
    ]);
    const named = await run(["letters", "--balances", "balances.xlsx", "--as-of", "2026-08-31", "--dealer", "成都蜀丰建材", "--json", "--lang", "en"], dir);
    expect((JSON.parse(named.out) as { skipped: { reason: string }[] }).skipped[0]!.reason).toBe(
      'row 6 of the balance table "往来余额表" does not add up: opening + debit − credit = 250.00, but the closing balance is 260.00; check that row first, no letter made',
    );
  });

  test("read says 余额表, the cut-off from the title, each dealer's figures, the row that does not add up and the totals row skipped", async () => {
    const r = await run(["read", "balances.xlsx"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain("工作表: 往来余额表  (余额表)");
    expect(r.out).toContain("截止日期: 2026-08-31（取自标题）");
    expect(r.out).toContain("第 6 行 成都蜀丰建材：期初 + 借方 − 贷方 = 250.00，期末余额却为 260.00（差 10.00）");
    expect(r.out).toContain("跳过第 7 行（合计行：合计）");
    const json = JSON.parse((await run(["read", "balances.xlsx", "--json"], dir)).out) as { kind: string; totals: { closing: string }; rows: { dealer: string; closing: string }[] };
    expect(json.kind).toBe("余额表");
    expect(json.rows.map((x) => [x.dealer, x.closing])).toEqual([
      ["杭州美达商贸", "1200.00"],
      ["宁波顺和电器", "800.00"],
      ["成都蜀丰建材", "260.00"],
    ]);
    expect(json.totals.closing).toBe("2260.00");
  });

  test("reconcile --balances compares the closing balance with the dealer's statement, and says it is balances only", async () => {
    const r = await run(["reconcile", "--balances", "balances.xlsx", "--statement", "meida.csv", "--json"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const json = JSON.parse(r.out) as { mode: string; dealer: string; cutoff: string; balances: { closing: string }; statement: { closing: string }; difference: string; agrees: boolean };
    expect([json.mode, json.dealer, json.cutoff]).toEqual(["balances", "杭州美达商贸", "2026-08-31"]);
    // The statement paid 350, our table says 300 received: 1,200 against 1,150.
    expect([json.balances.closing, json.statement.closing, json.difference, json.agrees]).toEqual(["1200.00", "1150.00", "50.00", false]);
    const text = await run(["reconcile", "--balances", "balances.xlsx", "--statement", "meida.csv"], dir);
    expect(text.out).toContain("仅核对余额：余额表没有逐笔分录，逐笔对账需要明细账");
    expect(text.out).toContain("余额不一致，差额 50.00");
  });

  test("item-by-item reconcile of a balance table says it needs entries, in one line", async () => {
    const r = await run(["reconcile", "--ledger", "balances.xlsx", "--statement", "meida.csv"], dir);
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).toContain("balances.xlsx（工作表“往来余额表”）是余额表：只有每家经销商的余额，没有逐笔分录，不能逐笔对账");
    expect(r.err).toContain("--balances balances.xlsx");
  });

  test("letters --balances: the same dealers' letters carry the same balances as letters from the ledger", async () => {
    type Letters = { letters: { dealer: string; balance: string }[] };
    const fromTable = await run(["letters", "--balances", "balances.xlsx", "--as-of", "2026-08-31", "--dealer", "杭州美达商贸", "--dealer", "宁波顺和电器", "--json"], dir);
    expect([fromTable.code, fromTable.err]).toEqual([0, ""]);
    const fromLedger = await run(["letters", "--ledger", "ledger.csv", "--as-of", "2026-08-31", "--dealer", "杭州美达商贸", "--dealer", "宁波顺和电器", "--json"], dir);
    expect([fromLedger.code, fromLedger.err]).toEqual([0, ""]);
    const pick = (out: string) => (JSON.parse(out) as Letters).letters.map((l) => [l.dealer, l.balance]);
    expect(pick(fromTable.out)).toEqual([
      ["杭州美达商贸", "1200.00"],
      ["宁波顺和电器", "800.00"],
    ]);
    expect(pick(fromTable.out)).toEqual(pick(fromLedger.out));
  });
});

describe("a balance table's cut-off against --as-of", () => {
  test("letters: one line on stderr naming both dates, and cutoffMismatch in the JSON; none when they agree", async () => {
    const r = await run(["letters", "--balances", "balances.xlsx", "--as-of", "2026-09-30", "--dealer", "宁波顺和电器", "--json"], dir);
    expect(r.code).toBe(0);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).toContain("余额表 balances.xlsx 的截止日期为 2026-08-31，与 --as-of 2026-09-30 不同");
    const json = JSON.parse(r.out) as { letters: { balance: string }[]; cutoffMismatch: unknown };
    expect(json.cutoffMismatch).toEqual({ tableCutoff: "2026-08-31", asOf: "2026-09-30" });
    expect(json.letters.map((l) => l.balance)).toEqual(["800.00"]);

    const same = await run(["letters", "--balances", "balances.xlsx", "--as-of", "2026-08-31", "--dealer", "宁波顺和电器", "--json"], dir);
    expect([same.code, same.err]).toEqual([0, ""]);
    expect(JSON.parse(same.out)).not.toHaveProperty("cutoffMismatch");
  });

  test("letters without --as-of: today is the as-of date, and the line says so", async () => {
    const r = await run(["letters", "--balances", "balances.xlsx", "--dealer", "宁波顺和电器", "--json"], dir);
    expect(r.code).toBe(0);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).toContain(`截止日期为 2026-08-31，与截至日期 ${todayIso()}（未写 --as-of，取今天）不同`);
    expect((JSON.parse(r.out) as { cutoffMismatch: unknown }).cutoffMismatch).toEqual({ tableCutoff: "2026-08-31", asOf: todayIso() });
  });

  test("letters in English say it in English", async () => {
    const r = await run(["letters", "--balances", "balances.xlsx", "--as-of", "2026-09-30", "--dealer", "宁波顺和电器", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain("the balance table balances.xlsx is cut off at 2026-08-31, not at --as-of 2026-09-30");
  });

  test("reconcile --balances: the same line, and cutoffMismatch beside the cut-off it used", async () => {
    const r = await run(["reconcile", "--balances", "balances.xlsx", "--statement", "meida.csv", "--as-of", "2026-09-30", "--json"], dir);
    expect(r.code).toBe(0);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).toContain("截止日期为 2026-08-31，与 --as-of 2026-09-30 不同");
    const json = JSON.parse(r.out) as { cutoff: string; cutoffSource: string; cutoffMismatch: unknown };
    expect([json.cutoff, json.cutoffSource]).toEqual(["2026-09-30", "user"]);
    expect(json.cutoffMismatch).toEqual({ tableCutoff: "2026-08-31", asOf: "2026-09-30" });
    const text = await run(["reconcile", "--balances", "balances.xlsx", "--statement", "meida.csv", "--as-of", "2026-08-31"], dir);
    expect([text.code, text.err]).toEqual([0, ""]);
  });
});
