import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "./support";

let dir: string;

const LEDGER = `日期,单号,摘要,借方,贷方
2026-08-01,XS-101,销售,1000,
2026-09-01,XS-102,销售,2000,
2026-09-10,XS-103,销售,500,
2026-09-10,XS-103,销售,500,
2026-10-01,XS-104,销售,700,
2026-11-20,XS-105,销售,待定,
`;
const STATEMENT = `日期,单号,摘要,进货金额,付款金额
2026-08-03,XS-101,进货,1000,
2026-09-03,XS-102,进货,1800,
2026-09-12,XS-103,进货,500,
`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-aging-statement-"));
  fs.writeFileSync(path.join(dir, "ledger.csv"), LEDGER);
  fs.writeFileSync(path.join(dir, "statement.csv"), STATEMENT);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface AgingJson {
  reconciliation: { ledgerSheet: string; statementSheet: string; cutoff: string; dealers: string[] } | null;
  underReconciliation: { row: number; kind: string; status: string; reason: string }[];
  unreadable: { row: number; cell: string; found: string }[];
  totals: { openBalance: string; excludedUnreadableRows: number; underReconciliation: { open: string; count: number } };
  dealers: { dealer: string; items: { row: number; underReconciliation?: { kind: string } }[] }[];
}

describe("duizhang aging --statement", () => {
  it("reconciles first and marks the flagged rows 待核对 in the JSON", async () => {
    const r = await run(["aging", "--ledger", "ledger.csv", "--statement", "statement.csv", "--as-of", "2026-12-01", "--json"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as AgingJson;
    expect(json.reconciliation).toEqual({ ledgerSheet: "ledger", statementSheet: "statement", cutoff: "2026-12-01", dealers: [] });
    expect(json.underReconciliation.map((u) => [u.row, u.kind, u.status])).toEqual([
      [3, "amount_mismatch", "open"],
      [5, "duplicate", "open"],
      [6, "ledger_only", "open"],
    ]);
    expect(json.dealers[0].items.map((i) => [i.row, i.underReconciliation?.kind ?? null])).toEqual([
      [2, null],
      [3, "amount_mismatch"],
      [4, null],
      [5, "duplicate"],
      [6, "ledger_only"],
    ]);
    expect(json.totals.openBalance).toBe("4700.00");
    expect(json.totals.underReconciliation).toEqual({ open: "3200.00", count: 3 });
    expect(json.unreadable.map((u) => [u.row, u.cell, u.found])).toEqual([[7, "D7", "待定"]]);
    expect(json.totals.excludedUnreadableRows).toBe(1);
  });

  it("keeps the flagged rows out of this week's actions and lists them apart with the reason", async () => {
    const r = await run(["aging", "--ledger", "ledger.csv", "--statement", "statement.csv", "--as-of", "2026-12-01"], dir);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    const start = lines.findIndex((l) => l.startsWith("== 本周需行动"));
    const end = lines.findIndex((l, i) => i > start && l.startsWith("== 待核对"));
    expect(lines[start]).toBe("== 本周需行动（2 笔，含已逾期）==");
    const actionRows = lines.slice(start + 2, end).filter((l) => /^\d{4}-/.test(l));
    expect(actionRows.map((l) => /XS-\d+/.exec(l)?.[0])).toEqual(["XS-101", "XS-103"]);
    expect(lines[end]).toBe("== 待核对（3 笔，未列入催款计划）==");
    expect(r.out).toContain("金额不符：我方 2,000.00，对方 1,800.00，差额 200.00");
    expect(r.out).toContain("重复记账：我方第 5 行与第 4 行单号、金额相同");
    expect(r.out).toContain("已对照对账单「statement」（截止 2026-12-01）：3 笔待核对，仍计入余额，未列入催款行动");
    expect(r.out).toContain("合计不含无法读取的 1 行");
    expect(r.out).toContain("== 无法读取（1 行，未计入合计）==");
    expect(r.out).toContain("单元格 D7（借方）：“待定”不是有效金额");
  });

  it("without --statement chases every open item and says nothing of a reconciliation", async () => {
    const r = await run(["aging", "--ledger", "ledger.csv", "--as-of", "2026-12-01", "--json"], dir);
    const json = JSON.parse(r.out) as AgingJson;
    expect(json.reconciliation).toBeNull();
    expect(json.underReconciliation).toEqual([]);
    expect(json.totals.underReconciliation).toEqual({ open: "0.00", count: 0 });
    expect(json.dealers[0].items.every((i) => i.underReconciliation === undefined)).toBe(true);
  });

  it("refuses --statement-sheet without --statement, and a statement file that is not there, in one line", async () => {
    for (const argv of [
      ["aging", "--ledger", "ledger.csv", "--statement-sheet", "对账单"],
      ["aging", "--ledger", "ledger.csv", "--statement", "nowhere.csv"],
      ["aging", "--ledger", "ledger.csv", "--statement", "ledger.csv"],
    ]) {
      const r = await run(argv, dir);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    }
  });

  it("documents --statement in its help", async () => {
    const zh = await run(["aging", "--help"], dir);
    expect(zh.out).toContain("--statement");
    expect(zh.out).toContain("待核对");
    const en = await run(["aging", "--help", "--lang", "en"], dir);
    expect(en.out).toContain("--statement-sheet");
    expect(en.out).toContain("under reconciliation");
  });
});

describe("duizhang aging --statement on a many-dealer ledger", () => {
  const REGISTER = `客户名称,日期,单号,摘要,发货金额,回款金额
成都蜀丰建材有限公司,2026-08-01,XS-201,销售,1000,
美达五金,2026-08-05,XS-301,销售,900,
成都蜀丰建材有限公司,2026-09-01,XS-202,销售,2000,
美达五金,2026-09-05,XS-302,销售,400,
`;
  const SHUFENG = `成都蜀丰建材有限公司 应付账款明细账
日期,单号,摘要,借方,贷方
2026-08-03,XS-201,进货,,1000
`;

  beforeAll(() => {
    fs.writeFileSync(path.join(dir, "register.csv"), REGISTER);
    fs.writeFileSync(path.join(dir, "shufeng.csv"), SHUFENG);
  });

  it("reconciles the dealer the statement names and flags only that dealer's rows", async () => {
    const r = await run(["aging", "--ledger", "register.csv", "--statement", "shufeng.csv", "--as-of", "2026-12-01", "--json"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as AgingJson;
    expect(json.reconciliation?.dealers).toEqual(["成都蜀丰建材有限公司"]);
    // XS-202 is only on our books; 美达五金 sent no statement, so none of its rows is called into question.
    expect(json.underReconciliation.map((u) => [u.row, u.kind])).toEqual([[4, "ledger_only"]]);
    const flagged = json.dealers.flatMap((d) => d.items.filter((i) => i.underReconciliation).map((i) => [d.dealer, i.row]));
    expect(flagged).toEqual([["成都蜀丰建材有限公司", 4]]);
  });

  it("names the dealer in the summary line", async () => {
    const r = await run(["aging", "--ledger", "register.csv", "--statement", "shufeng.csv", "--as-of", "2026-12-01"], dir);
    expect(r.out).toContain("已对照对账单「shufeng」（经销商 成都蜀丰建材有限公司，截止 2026-12-01）：1 笔待核对");
  });

  it("refuses a ledger and a statement given the wrong way round, in one line", async () => {
    const r = await run(["aging", "--ledger", "shufeng.csv", "--statement", "register.csv", "--as-of", "2026-12-01"], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).toContain("--ledger 和 --statement");
  });
});
