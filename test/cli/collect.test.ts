import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "./support";

let dir: string;

/** Term 30: due = date + 30, final deadline = date + 40. */
const LEDGER = `客户名称,日期,单号,摘要,借方,贷方,账期
华东建材,2026-08-01,INV1,销售,12000,,30
华东建材,2026-09-20,INV2,销售,8000,,30
华东建材,2026-10-05,HK1,回款,,4000,
美达商贸,2026-10-20,INV3,销售,5000,,30
美达商贸,2026-11-25,INV4,销售,3000,,30
宏达电器,2026-11-20,INV5,销售,900,,30
`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-collect-"));
  fs.writeFileSync(path.join(dir, "ledger.csv"), LEDGER);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface DemandOut {
  asOf: string;
  letters: { number: string; dealer: string; level: number; total: string; amountInWords: string; deadline: string; items: { row: number; ref: string; dueDate: string; finalDate: string; open: string; daysOverdue: number }[] }[];
  skipped: { dealer: string; reason: string }[];
}

describe("duizhang demand", () => {
  it("writes a letter per dealer with overdue items, at the level each calls for, with the contract's JSON", async () => {
    const r = await run(["demand", "--ledger", "ledger.csv", "--as-of", "2026-11-27", "--json"], dir);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out) as DemandOut;
    expect(json.asOf).toBe("2026-11-27");
    // 华东建材: INV1 (due 08-31) partly paid by HK1, INV2 due 10-20 final 10-30: past final → level 2.
    // 美达商贸: INV3 due 11-19, final 11-29: overdue within a third of its term → level 1.
    expect(json.letters.map((l) => [l.number, l.dealer, l.level, l.total, l.amountInWords, l.deadline])).toEqual([
      ["CK-202611-0001", "华东建材", 2, "16000.00", "人民币壹万陆仟元整", "2026-12-04"],
      ["CK-202611-0002", "美达商贸", 1, "5000.00", "人民币伍仟元整", "2026-12-04"],
    ]);
    expect(json.letters[0].items).toEqual([
      { row: 2, ref: "INV1", dueDate: "2026-08-31", finalDate: "2026-09-10", open: "8000.00", daysOverdue: 88, sheet: "ledger", date: "2026-08-01", amount: "12000.00" },
      { row: 3, ref: "INV2", dueDate: "2026-10-20", finalDate: "2026-10-30", open: "8000.00", daysOverdue: 38, sheet: "ledger", date: "2026-09-20", amount: "8000.00" },
    ]);
    expect(json.skipped).toEqual([{ dealer: "宏达电器", reason: "截至日没有逾期未收款项，未生成催款函", code: "nothing_overdue" }]);
  });

  it("names each dealer without a letter before its reason, with the colon of the language it is in", async () => {
    const args = ["demand", "--ledger", "ledger.csv", "--as-of", "2026-11-27"];
    expect((await run(args, dir)).out).toContain("\n  宏达电器：截至日没有逾期未收款项，未生成催款函\n");
    const en = (await run([...args, "--lang", "en"], dir)).out;
    expect(en).toMatch(/\n {2}宏达电器: [a-z]/);
    expect(en).not.toContain("：");
  });

  it("takes --level, --deadline-days and --dealer, and refuses a level that is not one", async () => {
    const r = await run(["demand", "--ledger", "ledger.csv", "--as-of", "2026-11-27", "--dealer", "美达商贸", "--level", "3", "--deadline-days", "10", "--json"], dir);
    const json = JSON.parse(r.out) as DemandOut;
    expect(json.letters.map((l) => [l.dealer, l.level, l.deadline])).toEqual([["美达商贸", 3, "2026-12-07"]]);
    const bad = await run(["demand", "--ledger", "ledger.csv", "--level", "4"], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--level 须为 auto、1、2 或 3");
  });

  it("writes the letters, the register with 等级 and 限期付款日期, and proposes a final notice once the level-2 deadline has passed", async () => {
    const first = await run(["demand", "--ledger", "ledger.csv", "--as-of", "2026-11-27", "--out", "demand.xlsx"], dir);
    expect(first.err).toBe("");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "demand.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["函证登记簿", "提醒函 2026-11-27", "催款函 2026-11-27", "本公司信息"]));
    const reg = wb.getWorksheet("函证登记簿")!;
    const head = (reg.getRow(1).values as unknown[]).slice(1);
    const row = (n: number) => Object.fromEntries(head.map((h, i) => [String(h), reg.getRow(n).getCell(i + 1).value]));
    expect(row(2)).toMatchObject({ 编号: "CK-202611-0001", 类型: "催款函", 客户名称: "华东建材", 金额: 16000, 等级: 2, 回函结果: "未回" });
    expect((row(2).限期付款日期 as Date).toISOString().slice(0, 10)).toBe("2026-12-04");
    const letter = wb.getWorksheet("催款函 2026-11-27")!;
    const texts: string[] = [];
    letter.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    const all = texts.join("\n");
    expect(all).toContain("致：华东建材");
    expect(all).toContain("CK-202611-0001");
    expect(all).toContain("人民币壹万陆仟元整");
    expect(all).toContain("签 收 回 执");

    // A week later, the level-2 letter's deadline has passed and the debt is open: 最后通知, numbered on.
    const later = await run(["demand", "--ledger", "ledger.csv", "--as-of", "2026-12-08", "--register", "demand.xlsx", "--dealer", "华东建材", "--json"], dir);
    expect(later.err).toBe("");
    const json = JSON.parse(later.out) as { letters: { number: string; level: number; levelReason: { code: string } }[] };
    expect(json.letters.map((l) => [l.number, l.level, l.levelReason.code])).toEqual([["CK-202612-0001", 3, "level2_unanswered"]]);
  });
});

describe("duizhang promise", () => {
  it("splits the open balance into equal installments to the fen, with the contract's JSON", async () => {
    fs.writeFileSync(path.join(dir, "one.csv"), "客户名称,日期,单号,摘要,借方,贷方\n华东建材,2026-09-01,INV1,销售,53000,\n");
    const r = await run(["promise", "--ledger", "one.csv", "--dealer", "华东建材", "--as-of", "2026-11-30", "--installments", "3", "--first", "2026-12-15", "--json"], dir);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ number: "CN-202611-0001", dealer: "华东建材", asOf: "2026-11-30", amount: "53000.00", amountInWords: "人民币伍万叁仟元整" });
    expect(json.installments.map((i: { n: number; date: string; amount: string; cumulative: string }) => [i.n, i.date, i.amount, i.cumulative])).toEqual([
      [1, "2026-12-15", "17666.66", "17666.66"],
      [2, "2027-01-15", "17666.66", "35333.32"],
      [3, "2027-02-15", "17666.68", "53000.00"],
    ]);
  });

  it("writes the commitment, the register row and the 还款计划 sheet; a missed installment then makes the demand a final notice", async () => {
    fs.writeFileSync(path.join(dir, "paid.csv"), "客户名称,日期,单号,摘要,借方,贷方\n华东建材,2026-09-01,INV1,销售,9000,\n华东建材,2026-12-10,HK1,回款,,3000\n");
    const r = await run(["promise", "--ledger", "paid.csv", "--dealer", "华东建材", "--as-of", "2026-11-30", "--amount", "9000", "--installments", "3", "--first", "2026-12-10", "--every", "14", "--out", "promise.xlsx"], dir);
    expect(r.err).toBe("");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "promise.xlsx"));
    const plan = wb.getWorksheet("还款计划")!;
    expect((plan.getRow(1).values as unknown[]).slice(1)).toEqual(["编号", "客户名称", "期数", "日期", "金额", "实收", "状态"]);
    expect(plan.rowCount).toBe(4);
    expect(plan.getRow(4).getCell(5).value).toBe(3000);
    const reg = wb.getWorksheet("函证登记簿")!;
    expect([reg.getCell("A2").value, reg.getCell("B2").value]).toEqual(["CN-202611-0001", "还款承诺书"]);
    const paper = wb.getWorksheet("还款承诺书 CN-202611-0001")!;
    const texts: string[] = [];
    paper.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.join("\n")).toContain("人民币玖仟元整");
    expect(texts.join("\n")).toContain("法定代表人");

    // 12-10 paid, 12-24 missed (nothing more came in): the demand run says so and proposes level 3.
    const d = await run(["demand", "--ledger", "paid.csv", "--as-of", "2026-12-26", "--register", "promise.xlsx", "--json"], dir);
    expect(d.err).toBe("");
    const json = JSON.parse(d.out);
    expect(json.commitments).toEqual([{ number: "CN-202611-0001", dealer: "华东建材", missed: { n: 2, date: "2026-12-24" } }]);
    expect(json.letters.map((l: { level: number; levelReason: { code: string } }) => [l.level, l.levelReason.code])).toEqual([[3, "commitment_missed"]]);
  });

  it("takes installments typed with --schedule, in the contract's JSON", async () => {
    fs.writeFileSync(path.join(dir, "typed.csv"), "客户名称,日期,单号,摘要,借方,贷方\n华东建材,2026-09-01,INV1,销售,12000.50,\n");
    const r = await run(["promise", "--ledger", "typed.csv", "--dealer", "华东建材", "--as-of", "2026-11-30", "--schedule", "2026-12-15:5000, 2027-01-15：5000,2027-03-01:2000.50", "--json"], dir);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ number: "CN-202611-0001", amount: "12000.50", amountInWords: "人民币壹万贰仟元零伍角整" });
    expect(json.installments.map((i: { n: number; date: string; amount: string; cumulative: string }) => [i.n, i.date, i.amount, i.cumulative])).toEqual([
      [1, "2026-12-15", "5000.00", "5000.00"],
      [2, "2027-01-15", "5000.00", "10000.00"],
      [3, "2027-03-01", "2000.50", "12000.50"],
    ]);
  });

  it("refuses a commitment for a dealer owing nothing, the balance grouped as every message shows money", async () => {
    fs.writeFileSync(path.join(dir, "owes-nothing.csv"), "客户名称,日期,单号,摘要,借方,贷方\n华东建材,2026-09-01,INV1,销售,1000,\n华东建材,2026-09-20,SK1,收款,,2200.50\n");
    const args = ["promise", "--ledger", "owes-nothing.csv", "--dealer", "华东建材", "--as-of", "2026-11-30", "--installments", "2", "--first", "2026-12-15"];
    const zh = await run(args, dir);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain("经销商“华东建材”截至 2026-11-30 的余额为 -1,200.50，没有可承诺的欠款（可用 --amount 指定金额）");
    const en = await run([...args, "--lang", "en"], dir);
    expect(en.err).toContain('dealer "华东建材" owes -1,200.50 at 2026-11-30: nothing to commit to (give --amount)');
  });

  it("refuses a --schedule that misses the amount by a fen, or a malformed one, in one line with exit 2", async () => {
    fs.writeFileSync(path.join(dir, "typed2.csv"), "客户名称,日期,单号,摘要,借方,贷方\n华东建材,2026-09-01,INV1,销售,12000.50,\n");
    const r = await run(["promise", "--ledger", "typed2.csv", "--dealer", "华东建材", "--as-of", "2026-11-30", "--schedule", "2026-12-15:6000,2027-01-15:6000.49"], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("--schedule: 各期金额合计 12,000.49 不等于承诺金额 12,000.50");
    expect(fs.existsSync(path.join(dir, "typed2.xlsx"))).toBe(false);
    const bad = await run(["promise", "--ledger", "typed2.csv", "--dealer", "华东建材", "--as-of", "2026-11-30", "--schedule", "2026-12-15=12000.50"], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("第 1 期“2026-12-15=12000.50”写法有误");
  });

  it("refuses --schedule given with --installments/--first, naming the options", async () => {
    const r = await run(["promise", "--ledger", "ledger.csv", "--dealer", "美达商贸", "--schedule", "2026-12-15:8000", "--installments", "2", "--first", "2026-12-15"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("不能同时给出 --installments --first");
  });

  it("refuses a dealer not in the ledger and a missing --first in one line", async () => {
    const r = await run(["promise", "--ledger", "ledger.csv", "--dealer", "无名", "--installments", "2", "--first", "2026-12-15"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("没有经销商“无名”");
    const m = await run(["promise", "--ledger", "ledger.csv", "--dealer", "美达商贸", "--installments", "2"], dir);
    expect(m.code).toBe(2);
    expect(m.err).toContain("--first");
  });
});

describe("duizhang aging: the limitation period of every open item", () => {
  const OLD = `客户名称,日期,单号,摘要,借方,贷方,账期
华东建材,2023-06-01,A1,销售,1000,,30
美达商贸,2023-01-01,B1,销售,2000,,30
宏达电器,2023-01-01,C1,销售,2000,,30
宏达电器,2024-05-10,HK9,回款,,500,
`;
  interface Item { ref: string; limitationExpires: string; limitationBasis: { kind: string; date: string; text: string; number?: string }; limitationStatus: string; nextAction: string }
  const items = (out: string): Record<string, Item> =>
    Object.fromEntries((JSON.parse(out).dealers as { items: Item[] }[]).flatMap((d) => d.items).map((i) => [i.ref, i]));

  it("runs from the due date or the latest payment, warns within 180 days and flags the expired, keeping them", async () => {
    fs.writeFileSync(path.join(dir, "old.csv"), OLD);
    const r = await run(["aging", "--ledger", "old.csv", "--as-of", "2026-03-01", "--json"], dir);
    expect(r.err).toBe("");
    const i = items(r.out);
    expect(i.A1).toMatchObject({ limitationExpires: "2026-07-01", limitationStatus: "expiring", nextAction: "acknowledge", limitationBasis: { kind: "due", date: "2023-07-01" } });
    expect(i.B1).toMatchObject({ limitationExpires: "2026-01-31", limitationStatus: "expired", nextAction: "time_barred" });
    expect(i.C1).toMatchObject({ limitationExpires: "2027-05-10", limitationStatus: "running", nextAction: "demand", limitationBasis: { kind: "payment", date: "2024-05-10", text: "付款（2024-05-10）" } });
  });

  it("restarts at the register's acknowledgements with --register", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("函证登记簿");
    ws.addRow(["编号", "类型", "客户名称", "截至日期", "金额", "发函日期", "发出方式", "快递单号", "回函日期", "回函结果", "对方金额", "不符原因", "备注", "签收日期"]);
    ws.addRow(["DZ-202511-0001", "对账函", "美达商贸", "2025-11-30", 2000, "2025-12-01", "顺丰", "", "2025-12-08", "相符"]);
    ws.addRow(["CK-202601-0001", "催款函", "华东建材", "2026-01-05", 1000, "2026-01-06", "EMS", "", null, "未回", null, "", "", "2026-01-09"]);
    await wb.xlsx.writeFile(path.join(dir, "register.xlsx"));
    const r = await run(["aging", "--ledger", "old.csv", "--as-of", "2026-03-01", "--register", "register.xlsx", "--json"], dir);
    expect(r.err).toBe("");
    const i = items(r.out);
    expect(i.B1).toMatchObject({ limitationExpires: "2028-12-08", limitationStatus: "running", limitationBasis: { kind: "reply_agreed", date: "2025-12-08", number: "DZ-202511-0001" } });
    expect(i.A1).toMatchObject({ limitationExpires: "2029-01-09", limitationBasis: { kind: "demand_signed", text: "催款函签收 CK-202601-0001（2026-01-09）" } });
    const bad = await run(["aging", "--ledger", "old.csv", "--register", "old.csv"], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("函证登记簿");
  });
});

describe("duizhang aging text output", () => {
  it("lists the items whose limitation period ends within 180 days or has ended", async () => {
    fs.writeFileSync(path.join(dir, "old2.csv"), "客户名称,日期,单号,摘要,借方,贷方,账期\n华东建材,2023-06-01,A1,销售,1000,,30\n美达商贸,2023-01-01,B1,销售,2000,,30\n");
    const r = await run(["aging", "--ledger", "old2.csv", "--as-of", "2026-03-01"], dir);
    expect(r.out).toContain("== 诉讼时效与还款承诺 ==");
    expect(r.out).toContain("华东建材 A1 1,000.00  届满 2026-07-01（到期日（2023-07-01））：还剩 122 天，请取得对方确认");
    expect(r.out).toContain("美达商贸 B1 2,000.00  届满 2026-01-31（到期日（2023-01-31））：可能已过诉讼时效，请咨询法律意见");
    // English keeps English punctuation around the Chinese data.
    const en = (await run(["aging", "--ledger", "old2.csv", "--as-of", "2026-03-01", "--lang", "en"], dir)).out;
    const line = en.split("\n").find((l) => l.includes("华东建材 A1"));
    expect(line).toMatch(/ expires 2026-07-01 \(.*2023-07-01.*\): 122 days left: get an acknowledgement$/);
    expect(line).not.toMatch(/[（）：]/);
  });
});
