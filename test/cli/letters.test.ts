import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { run } from "./support";

const LEDGER = [
  ["日期", "客户名称", "单号", "摘要", "借方", "贷方"],
  ["2026-10-08", "华南建材", "XS-1", "销售", 107000.53, null],
  ["2026-10-20", "蜀丰建材", "XS-2", "销售", 5000, null],
  ["2026-11-05", "蜀丰建材", "SK-1", "收款", null, 5000],
  ["2026-11-10", "鑫达五金", "XS-3", "销售", null, 16409.02],
];
const COMPANY = [
  ["项目", "内容"],
  ["公司名称", "广州对账示例有限公司"],
  ["地址", "广州市天河区示例路1号"],
  ["联系人", "王会计"],
  ["电话", "020-12345678"],
  ["开户行", "工商银行天河支行"],
  ["账号", "6222020200012345678"],
];

async function folder(withCompany = true): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-letters-"));
  await XlsxWorkbook.fromSpecs([
    { name: "应收明细", rows: LEDGER as never },
    ...(withCompany ? [{ name: "本公司信息", rows: COMPANY as never }] : []),
  ]).save(path.join(dir, "ledger.xlsx"));
  return dir;
}

describe("duizhang letters", () => {
  test("--json keeps the contract: asOf, letters with number, dealer, balance, direction, 大写, sheet and rows; zero balances skipped", async () => {
    const dir = await folder();
    const r = await run(["letters", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30", "--json"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.asOf).toBe("2026-11-30");
    expect(json.letters.map((l: Record<string, unknown>) => [l.number, l.dealer, l.balance, l.direction, l.amountInWords, l.sheet])).toEqual([
      ["DZ-202611-0001", "华南建材", "107000.53", "receivable", "人民币壹拾万柒仟元零伍角叁分", "对账函 2026-11-30"],
      // A credit balance: we owe the dealer; the amount is stated without its sign.
      ["DZ-202611-0002", "鑫达五金", "16409.02", "payable", "人民币壹万陆仟肆佰零玖元零贰分", "对账函 2026-11-30"],
    ]);
    expect(json.letters[0].firstRow).toBe(1);
    expect(json.letters[1].firstRow).toBe(json.letters[0].lastRow + 1);
    expect(json.skipped).toEqual([{ dealer: "蜀丰建材", reason: "截至日余额为零，未生成对账函", code: "zero_balance" }]);
    expect(json.warnings).toEqual([]);
  });

  test("--dealer picks dealers (repeatable); one not in the ledger is listed as skipped", async () => {
    const dir = await folder();
    const r = await run(["letters", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30", "--dealer", "鑫达五金", "--dealer", "不存在公司", "--json"], dir);
    const json = JSON.parse(r.out);
    expect(json.letters.map((l: { dealer: string }) => l.dealer)).toEqual(["鑫达五金"]);
    expect(json.skipped.map((s: { dealer: string; code: string }) => [s.dealer, s.code])).toEqual([["不存在公司", "not_in_ledger"]]);
  });

  test("the text names each dealer without a letter before its reason, with the colon of the language it is in", async () => {
    const dir = await folder();
    const args = ["letters", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30", "--dealer", "鑫达五金", "--dealer", "不存在公司"];
    expect((await run(args, dir)).out).toContain("\n  不存在公司：台账“应收明细”中没有这家经销商\n");
    const en = (await run([...args, "--lang", "en"], dir)).out;
    expect(en).toContain('\n  不存在公司: not in the ledger "应收明细"\n');
    expect(en).not.toContain("：");
  });

  test("--out writes the letters, the register and 本公司信息 into one new workbook; the inputs stay as they were", async () => {
    const dir = await folder();
    const before = fs.readFileSync(path.join(dir, "ledger.xlsx"));
    const r = await run(["letters", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30", "--out", "letters.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("DZ-202611-0001");
    expect(r.out).toContain("结果已写入");
    expect(fs.readFileSync(path.join(dir, "ledger.xlsx")).equals(before)).toBe(true);
    const out = await XlsxWorkbook.open(path.join(dir, "letters.xlsx"));
    expect((await out.listSheets()).map((s) => s.name)).toEqual(["对账函 2026-11-30", "函证登记簿", "本公司信息"]);
    const register = await out.readSheet("函证登记簿");
    expect(register.values.slice(1).map((row) => [row[0], row[2], row[9]])).toEqual([
      ["DZ-202611-0001", "华南建材", "未回"],
      ["DZ-202611-0002", "鑫达五金", "未回"],
    ]);
    // Only the letters sheet is ours: 全部撤销 in Excel leaves the register and company details.
    expect(await out.ownSheets()).toEqual(["对账函 2026-11-30"]);
  });

  test("--register continues the numbers of the given register, keeps its rows and is not written to", async () => {
    const dir = await folder();
    await run(["letters", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30", "--dealer", "华南建材", "--out", "first.xlsx"], dir);
    const first = fs.readFileSync(path.join(dir, "first.xlsx"));
    const r = await run(["letters", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30", "--register", "first.xlsx", "--out", "second.xlsx", "--json"], dir);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out);
    // 华南建材's letter was not sent yet: its number is reused; 鑫达五金 gets the next one.
    expect(json.letters.map((l: { number: string; dealer: string; reused: boolean }) => [l.number, l.dealer, l.reused])).toEqual([
      ["DZ-202611-0001", "华南建材", true],
      ["DZ-202611-0002", "鑫达五金", false],
    ]);
    expect(fs.readFileSync(path.join(dir, "first.xlsx")).equals(first)).toBe(true);
    const second = await XlsxWorkbook.open(path.join(dir, "second.xlsx"));
    expect((await second.readSheet("函证登记簿")).values.length).toBe(3);
  });

  test("an existing --out is refused without --force, and nothing is written", async () => {
    const dir = await folder();
    fs.writeFileSync(path.join(dir, "letters.xlsx"), "keep me");
    const r = await run(["letters", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30", "--out", "letters.xlsx"], dir);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("--force");
    expect(fs.readFileSync(path.join(dir, "letters.xlsx"), "utf8")).toBe("keep me");
    const forced = await run(["letters", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30", "--out", "letters.xlsx", "--force"], dir);
    expect(forced.code).toBe(0);
  });

  test("missing company details are warned about in the text and in the JSON", async () => {
    const dir = await folder(false);
    const text = await run(["letters", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30"], dir);
    expect(text.out).toContain("本公司信息");
    const json = JSON.parse((await run(["letters", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30", "--json"], dir)).out);
    expect(json.warnings.join("\n")).toContain("本公司信息");
  });

  test("a template sheet with an unknown placeholder is refused naming the file, sheet and cell", async () => {
    const dir = await folder();
    await XlsxWorkbook.fromSpecs([{ name: "函", rows: [["致：{{客户名称}}"], ["余额：{{金额合计}}"]] }]).save(path.join(dir, "tpl.xlsx"));
    const r = await run(["letters", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30", "--template", "tpl.xlsx#函", "--out", "x.xlsx"], dir);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("tpl.xlsx#函");
    expect(r.err).toContain("A2");
    expect(r.err).toContain("金额合计");
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });

  test("a --template that is neither a workbook nor a built-in name says what it takes", async () => {
    const dir = await folder();
    const r = await run(["letters", "--ledger", "ledger.xlsx", "--template", "正式版"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("积极式、消极式、含明细");
  });

  test("a user's template from another file: letters take its text and formats", async () => {
    const dir = await folder();
    const tpl = XlsxWorkbook.fromSpecs([{ name: "函", rows: [["致：{{客户名称}}"], ["{{余额大写}}"]] }]);
    tpl.workbook.getWorksheet("函")!.getCell("A1").font = { name: "KaiTi", size: 15, bold: true };
    await tpl.save(path.join(dir, "tpl.xlsx"));
    const r = await run(["letters", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30", "--template", "tpl.xlsx", "--out", "x.xlsx"], dir);
    expect(r.err).toBe("");
    const out = await XlsxWorkbook.open(path.join(dir, "x.xlsx"));
    const ws = out.workbook.getWorksheet("对账函 2026-11-30")!;
    expect(ws.getCell("A3").value).toBe("致：鑫达五金");
    expect(ws.getCell("A3").font).toMatchObject({ name: "KaiTi", size: 15, bold: true });
    expect(ws.getCell("A4").value).toBe("人民币壹万陆仟肆佰零玖元零贰分");
  });
});

describe("duizhang demo", () => {
  test("writes a letter for the sample's dealer stating the balance reconcile and aging state, with the register and 本公司信息", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-letters-demo-"));
    const r = await run(["demo", "--out", "demo.xlsx"], dir);
    expect(r.err).toBe("");
    expect(r.out).toContain("我方余额 233,340.50");
    expect(r.out).toContain("== 对账函 ==");
    expect(r.out).toMatch(/DZ-202610-0001\s+杭州美达商贸有限公司\s+贵公司欠本公司\s+233,340.50\s+人民币贰拾叁万叁仟叁佰肆拾元伍角整/);
    const out = await XlsxWorkbook.open(path.join(dir, "demo.xlsx"));
    const names = (await out.listSheets()).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["对账函 2026-10-31", "函证登记簿", "本公司信息"]));
    const letter = await out.readSheet("对账函 2026-10-31");
    expect(letter.values.flat()).toContain("浙江恒达电器有限公司");
  });
});
