import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "./support";

let dir: string;
const write = (name: string, lines: string[]) => fs.writeFileSync(path.join(dir, name), `${lines.join("\n")}\n`);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-dealer-"));
  // Our ledger of three dealers; one of them under its full name.
  write("ledger.csv", [
    "客户名称,日期,单号,摘要,借方,贷方",
    "成都蜀丰建材有限公司,2026-10-01,XS2610-001,销售,5000.00,",
    "成都蜀丰建材有限公司,2026-10-12,,收款,,3000.00",
    "宁波顺和电器,2026-10-03,XS2610-002,销售,800.00,",
    "杭州美达商贸,2026-10-04,XS2610-003,销售,1200.00,",
  ]);
  // The dealer's own payables ledger: its keeper in the title, us after 往来单位.
  write("shufeng.csv", [
    "成都蜀丰建材有限公司 应付账款明细账,,,,",
    "往来单位：美达五金,,,,",
    "日期,凭证号,摘要,借方,贷方",
    "2026-10-05,记-3,采购 XS2610-001,,5000.00",
    "2026-10-12,付-1,付款,3000.00,",
  ]);
  // Short name in the title: still 成都蜀丰建材有限公司's statement.
  write("short.csv", ["蜀丰建材对账单,,,,", "日期,单据号,摘要,进货金额,付款金额", "2026-10-05,XS2610-001,进货,5000.00,", "2026-10-12,,付款,,3000.00"]);
  write("nameless.csv", ["日期,单据号,摘要,进货金额,付款金额", "2026-10-05,XS2610-001,进货,5000.00,"]);
  write("stranger.csv", ["客户名称：广州远方五金,,,,", "日期,单据号,摘要,进货金额,付款金额", "2026-10-05,XS2610-001,进货,5000.00,"]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Dealer = { dealer: string; status: string; reconciliation: { balanced: boolean } };

describe("the statement names its dealer", () => {
  test("a many-dealer ledger against one dealer's payables ledger reconciles that dealer only, without being asked", async () => {
    const r = await run(["reconcile", "--ledger", "ledger.csv", "--statement", "shufeng.csv", "--json"], dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    const json = JSON.parse(r.out) as { dealers: Dealer[]; options: { dealer: string } };
    expect(json.dealers.map((d) => [d.dealer, d.status, d.reconciliation.balanced])).toEqual([["成都蜀丰建材有限公司", "reconciled", true]]);
    expect(json.options.dealer).toBe("成都蜀丰建材有限公司");
  });

  test("the text output says whose statement it took it for", async () => {
    const r = await run(["reconcile", "--ledger", "ledger.csv", "--statement", "short.csv"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("对账单属于经销商：成都蜀丰建材有限公司（对账单写作「蜀丰建材」），只核对这一家");
    expect(r.out).not.toContain("宁波顺和电器");
    expect(r.out).toContain("调节后余额一致。");
  });

  test("a dealer column holding one dealer names the statement's dealer too", async () => {
    write("column.csv", ["单位名称,日期,单据号,进货金额,付款金额", "宁波顺和电器,2026-10-04,XS2610-002,800.00,", ",2026-10-20,,,800.00"]);
    const r = await run(["reconcile", "--ledger", "ledger.csv", "--statement", "column.csv", "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { dealers: (Dealer & { differences: { kind: string; statementRows: number[] }[] })[] };
    expect(json.dealers.map((d) => [d.dealer, d.status])).toEqual([["宁波顺和电器", "reconciled"]]);
    expect(json.dealers[0].differences.map((x) => [x.kind, x.statementRows])).toEqual([["statement_only", [3]]]);
  });

  test("a statement that does not say whose it is stops with the dealers listed and --dealer", async () => {
    const r = await run(["reconcile", "--ledger", "ledger.csv", "--statement", "nameless.csv"], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).toContain("没有写明是哪家经销商的，台账有多家经销商（成都蜀丰建材有限公司、宁波顺和电器、杭州美达商贸）");
    expect(r.err).toContain("用 --dealer 指定，如 --dealer 成都蜀丰建材有限公司");
  });

  test("a statement naming a dealer the ledger does not have stops too, naming it", async () => {
    const r = await run(["reconcile", "--ledger", "ledger.csv", "--statement", "stranger.csv", "--lang", "en"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('names the dealer "广州远方五金", who is not in the ledger');
    expect(r.err).toContain("--dealer");
  });

  test("--dealer takes a nameless statement as that dealer's", async () => {
    const r = await run(["reconcile", "--ledger", "ledger.csv", "--statement", "nameless.csv", "--dealer", "成都蜀丰建材", "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { dealers: Dealer[] };
    expect(json.dealers.map((d) => [d.dealer, d.status])).toEqual([["成都蜀丰建材有限公司", "reconciled"]]);
  });

  test("--dealer naming a dealer on neither sheet exits 2", async () => {
    for (const statement of ["shufeng.csv", "nameless.csv"]) {
      const r = await run(["reconcile", "--ledger", "ledger.csv", "--statement", statement, "--dealer", "无名商行"], dir);
      expect([r.code, r.out]).toEqual([2, ""]);
      expect(r.err).toMatch(/^duizhang: 两张表中都找不到经销商「无名商行」/);
    }
  });
});

describe("ledger and statement given the wrong way round", () => {
  test("are refused in one line naming both files and the fix", async () => {
    const r = await run(["reconcile", "--ledger", "shufeng.csv", "--statement", "ledger.csv"], dir);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toBe(
      "duizhang: 台账 shufeng.csv 看起来是经销商的对账单，对账单 ledger.csv 看起来是我方台账：请对调 --ledger 和 --statement，或加 --sides-as-given 按所给方向继续\n",
    );
  });

  test("run as given with --sides-as-given", async () => {
    const r = await run(["reconcile", "--ledger", "shufeng.csv", "--statement", "ledger.csv", "--sides-as-given", "--json"], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).dealers.length).toBeGreaterThan(0);
  });

  test("the help lists the flag", async () => {
    const r = await run(["reconcile", "--help"], dir);
    expect(r.out).toContain("--sides-as-given");
  });
});

describe("cells that cannot be read", () => {
  beforeAll(() => {
    write("na-ledger.csv", ["日期,单号,摘要,借方,贷方", "2026-10-01,XS-1,销售,100.00,", "2026-10-02,XS-2,销售,N/A,", "2026-10-03,XS-3,销售,待定,"]);
    write("na-statement.csv", ["日期,单据号,摘要,进货金额,付款金额", "2026-10-02,XS-1,进货,100.00,", "2026-10-03,XS-2,进货,250.00,"]);
  });

  test("are unreadable differences in the JSON, and the run is not balanced", async () => {
    const r = await run(["reconcile", "--ledger", "na-ledger.csv", "--statement", "na-statement.csv", "--json"], dir);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out).dealers[0];
    expect(d.reconciliation.balanced).toBe(false);
    const unread = d.differences.filter((x: { kind: string }) => x.kind === "unreadable");
    expect(unread.map((x: Record<string, unknown>) => [x.ledgerRows, x.sheet, x.cell, x.found, x.fix])).toEqual([
      [[3], "na-ledger", "D3", "N/A", "请填写数字金额（如 1200.00），或删除这一行"],
      [[4], "na-ledger", "D4", "待定", "请填写数字金额（如 1200.00），或删除这一行"],
    ]);
  });

  test("are listed in the text output, which never says the balances agree", async () => {
    const r = await run(["reconcile", "--ledger", "na-ledger.csv", "--statement", "na-statement.csv"], dir);
    expect(r.out).toContain("无法读取");
    expect(r.out).toContain("「N/A」不是金额");
    expect(r.out).toContain("有 2 个单元格无法读取");
    expect(r.out).not.toContain("调节后余额一致");
  });
});
