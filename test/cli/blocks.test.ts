import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "./support";

/**
 * A Kingdee 明细账 over three customers exported as blocks down one sheet, a one-dealer statement with
 * a payment the bank kept 25.00 of, and a many-dealer statement in blocks: read, reconciled and aged
 * through the command line as the user runs it.
 */
const LEDGER = [
  "应收账款明细账,,,,,,",
  "期间：2026年9期至2026年10期,,,,,,",
  "核算项目：客户-湖北楚天建材有限公司,,,,,,",
  "日期,凭证字号,摘要,借方,贷方,方向,余额",
  "2026-09-01,,期初余额,,,借,1000.00",
  "2026-09-05,记-3,销售出库 XS-101,2340.00,,借,3340.00",
  ",,本月合计,2340.00,,借,3340.00",
  ",,本年累计,2340.00,,借,3340.00",
  ",,,,,,",
  "核算项目：客户-武汉长江商贸有限公司,,,,,,",
  "日期,凭证字号,摘要,借方,贷方,方向,余额",
  "2026-09-01,,期初余额,,,借,20000.00",
  "2026-10-08,记-12,银行收款,,19975.00,借,25.00",
  "2026-10-12,记-15,销售出库 XS-205,5000.00,,借,5025.00",
  ",,本月合计,5000.00,19975.00,借,5025.00",
  ",,,,,,",
  "核算项目：客户-宜昌三峡五金有限公司,,,,,,",
  "日期,凭证字号,摘要,借方,贷方,方向,余额",
  "2026-09-01,,期初余额,,,平,0",
  ",,本年累计,,,平,0",
].join("\n");

const STATEMENT = [
  "武汉长江商贸有限公司 对账单,,,,",
  "往来单位：杭州美达商贸有限公司,,,,",
  "截止日期：2026-10-31,,,,",
  "日期,单号,摘要,进货金额,付款金额",
  "2026-09-01,,期初余额,20000.00,",
  "2026-10-07,,网银付款,,20000.00",
  "2026-10-13,XS-205,进货,5000.00,",
].join("\n");

const BLOCK_STATEMENT = [
  "往来对账单,,,,",
  "客户名称：湖北楚天建材有限公司,,,,",
  "往来单位：杭州美达商贸有限公司,,,,",
  "日期,单号,摘要,进货金额,付款金额",
  "2026-09-01,,期初余额,1000.00,",
  "2026-09-08,XS-101,进货,2340.00,",
  ",,,,",
  "客户名称：武汉长江商贸有限公司,,,,",
  "往来单位：杭州美达商贸有限公司,,,,",
  "日期,单号,摘要,进货金额,付款金额",
  "2026-09-01,,期初余额,20000.00,",
  "2026-10-07,,网银付款,,20000.00",
  "2026-10-13,XS-205,进货,5000.00,",
].join("\n");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-blocks-"));
  fs.writeFileSync(path.join(dir, "ledger.csv"), LEDGER);
  fs.writeFileSync(path.join(dir, "statement.csv"), STATEMENT);
  fs.writeFileSync(path.join(dir, "group.csv"), BLOCK_STATEMENT);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("duizhang read on a block export", () => {
  test("the JSON lists the blocks found, each dealer with its opening and closing", async () => {
    const r = await run(["read", "ledger.csv", "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.dealer).toBeNull();
    expect(json.dealers).toEqual(["湖北楚天建材有限公司", "武汉长江商贸有限公司", "宜昌三峡五金有限公司"]);
    expect(json.blocks).toEqual([
      { dealer: "湖北楚天建材有限公司", titleRow: 3, lastRow: 8, entries: 1, openingBalance: "1000.00", closingBalance: "3340.00" },
      { dealer: "武汉长江商贸有限公司", titleRow: 10, lastRow: 15, entries: 2, openingBalance: "20000.00", closingBalance: "5025.00" },
      { dealer: "宜昌三峡五金有限公司", titleRow: 17, lastRow: 20, entries: 0, openingBalance: "0.00", closingBalance: "0.00" },
    ]);
    expect(json.counts).toMatchObject({ entries: 3, openings: 3, errors: 0 });
    expect(json.closingBalance).toBe("8365.00");
    expect(json.balanceCheck).toMatchObject({ checked: true, firstMismatchRow: null, mismatches: 0 });
  });

  test("the text says how many blocks and lists them", async () => {
    const r = await run(["read", "ledger.csv"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("按客户分块：3 块");
    expect(r.out).toMatch(/武汉长江商贸有限公司\s+10-15\s+2\s+20,000.00\s+5,025.00/);
    const en = await run(["read", "ledger.csv", "--lang", "en"], dir);
    expect(en.out).toContain("Blocks by dealer: 3");
  });

  test("an ordinary sheet's JSON has an empty blocks field", async () => {
    const r = await run(["read", "statement.csv", "--json"], dir);
    expect(JSON.parse(r.out).blocks).toEqual([]);
  });
});

describe("duizhang reconcile on a block export", () => {
  test("the statement's dealer is reconciled against its own block, and the fee kept by the bank is one amount mismatch", async () => {
    const r = await run(["reconcile", "--ledger", "ledger.csv", "--statement", "statement.csv", "--as-of", "2026-10-31", "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.options.feeTolerance).toBe("50.00");
    expect(json.dealers).toHaveLength(1);
    const d = json.dealers[0];
    expect(d.dealer).toBe("武汉长江商贸有限公司");
    expect(d.ledger).toMatchObject({ entries: 2, openingBalance: "20000.00", closingBalance: "5025.00" });
    expect(d.statement).toMatchObject({ entries: 2, openingBalance: "20000.00", closingBalance: "5000.00" });
    expect(d.differences).toEqual([
      expect.objectContaining({ kind: "amount_mismatch", rule: "fee_pair", reasonCode: "bank_fee", ledgerRows: [13], statementRows: [6], ledgerAmount: "-19975.00", statementAmount: "-20000.00", amount: "25.00" }),
    ]);
    expect(d.rules.fee_pair).toBe(1);
    expect(d.reconciliation.pendingItems).toEqual([
      expect.objectContaining({ source: "amount_mismatch", ledgerAmount: "-19975.00", statementAmount: "-20000.00", amount: "25.00" }),
    ]);
    expect(d.reconciliation.unexplained).toBe("0.00");
  });

  test("--fee-tolerance 0 leaves the two one-sided rows; a bad value is refused with the option's name", async () => {
    const off = await run(["reconcile", "--ledger", "ledger.csv", "--statement", "statement.csv", "--as-of", "2026-10-31", "--fee-tolerance", "0", "--json"], dir);
    const d = JSON.parse(off.out).dealers[0];
    expect(d.differences.map((x: { kind: string }) => x.kind)).toEqual(["ledger_only", "statement_only"]);
    expect(JSON.parse(off.out).options.feeTolerance).toBe("0.00");
    const bad = await run(["reconcile", "--ledger", "ledger.csv", "--statement", "statement.csv", "--fee-tolerance", "-5"], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--fee-tolerance");
    const huge = await run(["reconcile", "--ledger", "ledger.csv", "--statement", "statement.csv", "--fee-tolerance", "2000000"], dir);
    expect(huge.code).toBe(2);
  });

  test("the text shows the mismatch with its reason", async () => {
    const r = await run(["reconcile", "--ledger", "ledger.csv", "--statement", "statement.csv", "--as-of", "2026-10-31"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("银行手续费");
  });

  test("a statement in blocks is reconciled dealer by dealer against the ledger's blocks", async () => {
    const r = await run(["reconcile", "--ledger", "ledger.csv", "--statement", "group.csv", "--as-of", "2026-10-31", "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const byDealer = Object.fromEntries(json.dealers.map((d: { dealer: string }) => [d.dealer, d]));
    expect(Object.keys(byDealer).sort()).toEqual(["宜昌三峡五金有限公司", "武汉长江商贸有限公司", "湖北楚天建材有限公司"].sort());
    expect(byDealer["湖北楚天建材有限公司"]).toMatchObject({ status: "reconciled", differences: [] });
    expect(byDealer["湖北楚天建材有限公司"].reconciliation).toMatchObject({ ledgerBalance: "3340.00", statementBalance: "3340.00", balanced: true });
    expect(byDealer["武汉长江商贸有限公司"].differences.map((x: { rule: string }) => x.rule)).toEqual(["fee_pair"]);
    expect(byDealer["宜昌三峡五金有限公司"].status).toBe("no_statement");
  });
});

describe("duizhang aging on a block export", () => {
  test("each dealer is aged on its own block: its opening and entries, nobody else's", async () => {
    const r = await run(["aging", "--ledger", "ledger.csv", "--as-of", "2026-10-31", "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const balances = Object.fromEntries(json.dealers.map((d: { dealer: string; openBalance: string }) => [d.dealer, d.openBalance]));
    expect(balances["湖北楚天建材有限公司"]).toBe("3340.00");
    expect(balances["武汉长江商贸有限公司"]).toBe("5025.00");
    expect(balances["宜昌三峡五金有限公司"] ?? "0.00").toBe("0.00");
  });
});

describe("duizhang letters on a block export", () => {
  test("one letter per dealer with a balance, stating its block's balance; the empty block is skipped as zero", async () => {
    const r = await run(["letters", "--ledger", "ledger.csv", "--as-of", "2026-10-31", "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.letters.map((l: { dealer: string; balance: string }) => [l.dealer, l.balance])).toEqual([
      ["湖北楚天建材有限公司", "3340.00"],
      ["武汉长江商贸有限公司", "5025.00"],
    ]);
    expect(json.skipped).toEqual([expect.objectContaining({ dealer: "宜昌三峡五金有限公司", code: "zero_balance" })]);
  });
});
