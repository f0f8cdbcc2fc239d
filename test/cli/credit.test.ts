import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CREDIT_GROUP } from "../../src/app/credit";
import { msg, type Message } from "../../src/core/messages";
import { render } from "../../src/messages/render";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { run } from "./support";

const APPLICATIONS = [
  ["客户名称", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"],
  ["美达五金", "其他", "2010-01-01", 600, 6000, "2020-01-01", 100000, "抵押", 300000, 60, "张强", "2026-11-01"],
];
const LEDGER = [
  ["客户", "日期", "单号", "摘要", "借方", "贷方"],
  ["美达五金", "2026-08-01", "XS2608-001", "销售", 120000, null],
  ["美达五金", "2026-08-20", "SK-1", "回款", null, 120000],
  ["美达五金", "2026-10-01", "XS2610-001", "销售", 123456.78, null],
];

async function folder(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-credit-"));
  await XlsxWorkbook.fromSpecs([{ name: "申请登记", rows: APPLICATIONS as never }]).save(path.join(dir, "apps.xlsx"));
  await XlsxWorkbook.fromSpecs([{ name: "明细账", rows: LEDGER as never }]).save(path.join(dir, "ledger.xlsx"));
  return dir;
}

describe("duizhang credit", () => {
  test("--json keeps the contract's fields and amounts as two-place strings", async () => {
    const dir = await folder();
    const r = await run(["credit", "--applications", "apps.xlsx", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30", "--json"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.asOf).toBe("2026-11-30");
    const d = json.dealers[0];
    expect(d).toMatchObject({ dealer: "美达五金", source: { sheet: "申请登记", row: 2 }, limitSource: "suggested", reviewDue: null });
    // 10+10+10+15+15; the one sale due before the as-of date was paid on time (30) with no overdue (10): 100, A.
    expect([d.score, d.grade, d.termDays]).toEqual([100, "A", 60]);
    // 2020-01-01 to 2026-11-30: 82 whole months.
    expect(d.breakdown[0]).toEqual({ item: "合作年限", value: "6.8", points: 10, max: 10 });
    // (120,000 + 123,456.78) / 2 = 121,728.39 a month × 60 / 30 × 1.2 = 292,148.13, rounded down to 292,000.
    expect([d.monthlyBase, d.suggestedLimit, d.requestedLimit, d.limit, d.exposure, d.status]).toEqual(["121728.39", "292000.00", "300000.00", "292000.00", "123456.78", "ok"]);
  });

  test("template --out writes a protected form with validation; an existing file is refused without --force", async () => {
    const dir = await folder();
    const r = await run(["credit", "template", "--out", "form.xlsx"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "form.xlsx"));
    const ws = wb.getWorksheet("信用申请表")!;
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    expect(ws.getCell("B14").dataValidation).toMatchObject({ type: "list", formulae: ['"无,保证,抵押"'] });
    const again = await run(["credit", "template", "--out", "form.xlsx"], dir);
    expect(again.code).toBe(2);
  });

  test("a bad value in an application stops with its sheet and cell", async () => {
    const dir = await folder();
    const rows = APPLICATIONS.map((r) => [...r]);
    rows[1][7] = "房产";
    await XlsxWorkbook.fromSpecs([{ name: "申请登记", rows: rows as never }]).save(path.join(dir, "bad.xlsx"));
    const r = await run(["credit", "--applications", "bad.xlsx", "--as-of", "2026-11-30"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("工作表“申请登记”单元格 H2（担保方式）：“房产”不是可选值（无、保证、抵押）");
  });

  test("--out writes 信用评估, 评分标准 and the ledger copy", async () => {
    const dir = await folder();
    const r = await run(["credit", "--applications", "apps.xlsx", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30", "--out", "result.xlsx"], dir);
    expect(r.err).toBe("");
    const wb = await XlsxWorkbook.open(path.join(dir, "result.xlsx"));
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(["信用评估", "评分标准", "明细账"]);
  });

  test("the text and the 信用评估 sheet name the breakdown's items and the limit's arithmetic in the run's language", async () => {
    const dir = await folder();
    const args = ["credit", "--applications", "apps.xlsx", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30"];
    const zh = await run(args, dir);
    expect(zh.out).toMatch(/合作年限\s+6\.8/);
    expect(zh.out).toContain("  月均销售额（近12个月有销售的 2 个月）: 121728.39");
    const en = await run([...args, "--lang", "en", "--out", "result.xlsx"], dir);
    expect(en.err).toBe("");
    expect(en.out).toMatch(/Years of cooperation\s+6\.8/);
    expect(en.out).toContain("  Monthly sales (average over the months with sales in the last 12: 2): 121728.39");
    expect(en.out).toContain("  Term (days): the shorter of grade A's 60 days and the 60 applied for: 60");
    expect(en.out).not.toContain("按期回款率");
    const wb = await XlsxWorkbook.open(path.join(dir, "result.xlsx"));
    const [result] = (await wb.listSheets()).map((s) => s.name);
    const cells = (await wb.readSheet(result)).values.flat().filter((v): v is string => typeof v === "string");
    expect(cells).toEqual(expect.arrayContaining(["Years of cooperation", "Paid on time", "Suggested limit (rounded down to 1,000 yuan)", "Item", "Total", "Dealer"]));
    expect(cells).not.toContain("合作年限");
    expect(cells).not.toContain("合计");
  });
});

describe("duizhang credit on the sample: the review says why it proposes a grade", () => {
  test("顺和, past its final deadline and scoring D, is proposed D with the reason, in the text and the 信用评估 sheet", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-credit-sample-"));
    expect((await run(["make-sample", "--out", "sample.xlsx"], dir)).code).toBe(0);
    const r = await run(["credit", "--applications", "sample.xlsx", "--ledger", "sample.xlsx", "--sheet", "发货回款登记", "--as-of", "2026-11-30", "--out", "result.xlsx"], dir);
    expect(r.err).toBe("");
    const reason = "1 笔超过最终期限，且新得分 46 为 D，低于降一级后的 C：建议由 B 降为 D";
    expect(r.out).toContain(`  宁波顺和电器有限公司  B  下次复评 2026-12-10  新得分 46（D）；${reason}`);
    const wb = await XlsxWorkbook.open(path.join(dir, "result.xlsx"));
    const grid = await wb.readSheet("信用评估");
    const row = grid.values.find((v) => v[0] === "宁波顺和电器有限公司" && v[1] === "B")!;
    expect([row[5], row[7]]).toEqual(["D", reason]);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe("duizhang credit --approve", () => {
  test("writes the suggestion into the result workbook's 信用档案, approved on --approved-on (not the as-of date), the as-of date in 评估日", async () => {
    const dir = await folder();
    const args = ["credit", "--applications", "apps.xlsx", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30", "--out", "result.xlsx", "--approve", "美达五金", "--approver", "王芳", "--approved-on", "2026-12-03"];
    const r = await run([...args, "--json"], dir);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out);
    expect(json.approved).toEqual([{ dealer: "美达五金", sheet: "信用档案", row: 2, grade: "A", limit: "292000.00", termDays: 60, rated: "2026-12-03", nextReview: "2027-06-03", asOf: "2026-11-30", approver: "王芳" }]);
    const wb = await XlsxWorkbook.open(path.join(dir, "result.xlsx"));
    const grid = await wb.readSheet("信用档案");
    const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
    expect(grid.values.map((row) => row.map(day))).toEqual([
      ["客户名称", "信用等级", "信用额度", "账期（天）", "评定日期", "下次复评日期", "审批人", "备注", "评估日"],
      ["美达五金", "A", 292000, 60, "2026-12-03", "2027-06-03", "王芳", null, "2026-11-30"],
    ]);
    // No input is written.
    expect((await (await XlsxWorkbook.open(path.join(dir, "apps.xlsx"))).listSheets()).map((s) => s.name)).toEqual(["申请登记"]);
    const text = await run([...args.filter((a) => a !== "--out" && a !== "result.xlsx"), "--out", "again.xlsx"], dir);
    // The applications' workbook has no register: the result's is made by the approval, and says so.
    expect(text.out).toContain("已在结果工作簿中新建“信用档案”并写入第 2 行：美达五金，A 级，额度 292,000.00，账期 60 天，评定日期 2026-12-03（评估日 2026-11-30），下次复评 2027-06-03，审批人 王芳");
  });

  test("needs --out and --approver, and a dealer that was scored", async () => {
    const dir = await folder();
    const base = ["credit", "--applications", "apps.xlsx", "--as-of", "2026-11-30"];
    const noOut = await run([...base, "--approve", "美达五金", "--approver", "王芳"], dir);
    expect([noOut.code, noOut.err.trim()]).toEqual([2, "duizhang: --approve 需要 --out：审批写入结果工作簿中的信用档案，输入文件不会被修改"]);
    const noApprover = await run([...base, "--approve", "美达五金", "--out", "r.xlsx"], dir);
    expect(noApprover.err.trim()).toBe("duizhang: --approve 需要 --approver 审批人");
    const unknown = await run([...base, "--approve", "青城建材", "--approver", "王芳", "--out", "r.xlsx"], dir);
    expect(unknown.err.trim()).toBe("duizhang: --approve：没有“青城建材”的申请（已评分：美达五金）");
    expect(fs.existsSync(path.join(dir, "r.xlsx"))).toBe(false);
  });

  test("--approver or --approved-on without --approve is refused, not ignored", async () => {
    const dir = await folder();
    const base = ["credit", "--applications", "apps.xlsx", "--as-of", "2026-11-30", "--out", "r.xlsx"];
    for (const extra of [["--approver", "王芳"], ["--approved-on", "2026-12-03"]]) {
      const r = await run([...base, ...extra], dir);
      expect([r.code, r.err.trim()]).toEqual([2, "duizhang: --approver 和 --approved-on 只和 --approve 经销商 一起用：没有要审批的经销商；未写入任何内容"]);
    }
    expect(fs.existsSync(path.join(dir, "r.xlsx"))).toBe(false);
  });

  test("a dealer named twice is approved once, into the register carried from the input with its other rows", async () => {
    const dir = await folder();
    await XlsxWorkbook.fromSpecs([
      { name: "申请登记", rows: APPLICATIONS as never },
      { name: "信用档案", rows: [["客户名称", "信用等级", "信用额度", "账期（天）", "评定日期", "下次复评日期", "审批人", "备注"], ["青城建材", "B", 100000, 45, "2026-06-01", "2026-12-01", "李明", "老客户"]] as never },
    ]).save(path.join(dir, "apps-reg.xlsx"));
    const args = ["credit", "--applications", "apps-reg.xlsx", "--as-of", "2026-11-30", "--out", "result.xlsx", "--approve", "美达五金", "--approve", " 美达五金 ", "--approver", "王芳", "--approved-on", "2026-12-03"];
    const r = await run(args, dir);
    expect(r.err).toBe("");
    // Without a ledger: no history, grade B. The register has no 评估日 column, so none is said or added.
    expect(r.out.split("\n").filter((l) => l.includes("信用档案”"))).toEqual([
      "已写入结果工作簿“信用档案”第 3 行：美达五金，B 级，额度 150,000.00，账期 45 天，评定日期 2026-12-03，下次复评 2027-06-03，审批人 王芳",
    ]);
    const grid = await (await XlsxWorkbook.open(path.join(dir, "result.xlsx"))).readSheet("信用档案");
    expect(grid.values.map((row) => [row[0], row[1], row[6], row[7]])).toEqual([
      ["客户名称", "信用等级", "审批人", "备注"],
      ["青城建材", "B", "李明", "老客户"],
      ["美达五金", "B", "王芳", null],
    ]);
    expect(grid.values[0]).toHaveLength(8);
  });

  /** The applications beside a register holding 美达五金 at B, 100,000 for 60 days; the command's first arguments on them. */
  const withRegisterB100k = async () => {
    const dir = await folder();
    await XlsxWorkbook.fromSpecs([
      { name: "申请登记", rows: APPLICATIONS as never },
      { name: "信用档案", rows: [["客户名称", "信用等级", "信用额度", "账期（天）"], ["美达五金", "B", 100000, 60]] as never },
    ]).save(path.join(dir, "apps-reg.xlsx"));
    return { dir, base: ["credit", "--applications", "apps-reg.xlsx", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30"] };
  };

  test("the result's over-limit marks follow the limit approved: a dealer over its old limit and approved above its balance is not marked", async () => {
    const { dir, base } = await withRegisterB100k();
    const marks = async (file: string) => {
      const wb = await XlsxWorkbook.open(path.join(dir, file));
      return [await wb.listMarks(CREDIT_GROUP, "信用档案"), await wb.listMarks(CREDIT_GROUP, "明细账")];
    };
    // 123,456.78 owed against the register's 100,000: over, the register row and the open sale marked.
    expect((await run([...base, "--out", "plain.xlsx"], dir)).err).toBe("");
    expect(await marks("plain.xlsx")).toEqual([[{ row: 2, style: "over_limit" }], [{ row: 4, style: "over_limit" }]]);
    // Approved at 292,000: within it, so neither is marked.
    const r = await run([...base, "--out", "approved.xlsx", "--approve", "美达五金", "--approver", "王芳", "--approved-on", "2026-12-03"], dir);
    expect(r.err).toBe("");
    expect(r.out).toContain("已写入结果工作簿“信用档案”第 2 行：美达五金，A 级，额度 292,000.00");
    expect(await marks("approved.xlsx")).toEqual([[], []]);
  });

  test("the 信用评估 sheet and the text show the approved limit and the status against it, not the register's before", async () => {
    const { dir, base } = await withRegisterB100k();
    const dealerRow = async (file: string) => {
      const wb = await XlsxWorkbook.open(path.join(dir, file));
      const names = (await wb.listSheets()).map((x) => x.name);
      const grid = await wb.readSheet("信用评估");
      const texts = grid.values.flat().filter((v): v is string => typeof v === "string");
      return { first: names[0], row: grid.values.find((r) => r[0] === "美达五金")!.slice(6, 10), overList: texts.includes("超额度与接近额度") };
    };
    // Before: the register's 100,000 against 123,456.78 owed: over.
    const plain = await run([...base, "--out", "plain.xlsx"], dir);
    expect(await dealerRow("plain.xlsx")).toEqual({ first: "信用评估", row: [100000, "信用档案", 123456.78, "超额度"], overList: true });
    expect(plain.out).toContain("超额度：");
    // Approved at 292,000: within it.
    const r = await run([...base, "--out", "approved.xlsx", "--approve", "美达五金", "--approver", "王芳", "--approved-on", "2026-12-03"], dir);
    expect(r.err).toBe("");
    expect(await dealerRow("approved.xlsx")).toEqual({ first: "信用评估", row: [292000, "信用档案", 123456.78, "正常"], overList: false });
    const line = r.out.split("\n").find((l) => l.trimStart().startsWith("美达五金") && l.includes("123,456.78"))!;
    expect(line).toContain("292,000.00（档案）");
    expect(line).toContain("正常");
    expect(r.out).not.toContain("超额度：");
    const json = JSON.parse((await run([...base, "--out", "approved.json.xlsx", "--approve", "美达五金", "--approver", "王芳", "--approved-on", "2026-12-03", "--json"], dir)).out);
    expect([json.dealers[0].limit, json.dealers[0].limitSource, json.dealers[0].status]).toEqual(["292000.00", "register", "ok"]);
  });

  test("--approved-on before --as-of is refused: an approval cannot predate the scoring it approves", async () => {
    const dir = await folder();
    const base = ["credit", "--applications", "apps.xlsx", "--as-of", "2026-11-30", "--out", "r.xlsx", "--approve", "美达五金", "--approver", "王芳"];
    const zh = await run([...base, "--approved-on", "2026-11-29"], dir);
    expect([zh.code, zh.err.trim()]).toEqual([2, "duizhang: --approved-on 2026-11-29 早于评估日 --as-of 2026-11-30：审批不能早于它所审批的评估，请用 --approved-on 写明不早于 2026-11-30 的审批日期；未写入任何内容"]);
    const en = await run([...base, "--approved-on", "2026-11-29", "--lang", "en"], dir);
    expect(en.err.trim()).toBe("duizhang: --approved-on 2026-11-29 is before the as-of date --as-of 2026-11-30: an approval cannot predate the scoring it approves; give --approved-on 2026-11-30 or later. Nothing was written");
    expect(fs.existsSync(path.join(dir, "r.xlsx"))).toBe(false);
    // The same day is fine.
    expect((await run([...base, "--approved-on", "2026-11-30"], dir)).code).toBe(0);
  });

  test("its refusals are the credit.approve.* messages of each language, exit 2, nothing written", async () => {
    const dir = await folder();
    fs.writeFileSync(path.join(dir, "信用档案.csv"), "客户名称,信用等级,信用额度,账期（天）\n青城建材,B,100000,45\n");
    const base = ["credit", "--applications", "apps.xlsx", "--as-of", "2026-11-30"];
    const cases: [string[], Message][] = [
      [["--out", "r.xlsx", "--approver", "王芳"], msg("credit.approve.alone", {})],
      [["--approve", "美达五金", "--approver", "王芳"], msg("credit.approve.needs_out", {})],
      [["--approve", "美达五金", "--out", "r.xlsx"], msg("credit.approve.needs_approver", {})],
      [["--approve", "美达五金", "--approver", "王芳", "--out", "r.xlsx", "--approved-on", "2026-11-29"], msg("credit.approve.before_as_of", { approvedOn: "2026-11-29", asOf: "2026-11-30" })],
      [["--approve", "青城建材", "--approver", "王芳", "--out", "r.xlsx"], msg("credit.approve.no_application", { dealer: "青城建材", scored: ["美达五金"] })],
      [["--approve", "美达五金", "--approver", "王芳", "--out", "r.xlsx", "--register", "信用档案.csv"], msg("credit.approve.register_not_xlsx", { file: "信用档案.csv", sheet: "信用档案" })],
    ];
    for (const [extra, said] of cases) {
      for (const lang of ["zh-CN", "en-US"] as const) {
        const r = await run([...base, ...extra, "--lang", lang === "en-US" ? "en" : "zh"], dir);
        expect([r.code, r.err]).toEqual([2, `duizhang: ${render(said, lang)}\n`]);
      }
    }
    // Today as the approval day (no --approved-on) before --as-of is said as such.
    const late = await run(["credit", "--applications", "apps.xlsx", "--as-of", "2999-12-31", "--approve", "美达五金", "--approver", "王芳", "--out", "r.xlsx", "--lang", "en"], dir);
    expect(late.code).toBe(2);
    expect(late.err).toMatch(/^duizhang: the approval date \(no --approved-on: today\) \d{4}-\d{2}-\d{2} is before the as-of date --as-of 2999-12-31: /);
    expect(fs.existsSync(path.join(dir, "r.xlsx"))).toBe(false);
  });

  test("a register that cannot be carried into the result (a CSV file) is refused: the result's would hold the approved dealer alone", async () => {
    const dir = await folder();
    fs.writeFileSync(path.join(dir, "信用档案.csv"), "客户名称,信用等级,信用额度,账期（天）,评定日期,下次复评日期,审批人\n青城建材,B,100000,45,2026-06-01,2026-12-01,李明\n");
    const r = await run(["credit", "--applications", "apps.xlsx", "--register", "信用档案.csv", "--as-of", "2026-11-30", "--out", "r.xlsx", "--approve", "美达五金", "--approver", "王芳"], dir);
    expect([r.code, r.err.trim()]).toEqual([
      2,
      "duizhang: --approve：信用档案.csv 中的“信用档案”不是 .xlsx 工作簿中的工作表，不能带入结果工作簿（审批后的档案会只剩审批的经销商）：请把它另存为 .xlsx，再用 --register 指定",
    ]);
    expect(fs.existsSync(path.join(dir, "r.xlsx"))).toBe(false);
  });
});

describe("duizhang aging with a credit register", () => {
  test("--register naming a workbook with 信用档案 makes its terms rule", async () => {
    const dir = await folder();
    await XlsxWorkbook.fromSpecs([{ name: "信用档案", rows: [["客户名称", "信用等级", "信用额度", "账期（天）"], ["美达五金", "B", 200000, 45]] as never }]).save(path.join(dir, "register.xlsx"));
    const r = await run(["aging", "--ledger", "ledger.xlsx", "--register", "register.xlsx", "--as-of", "2026-11-30", "--json"], dir);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out);
    expect(json.dealers.map((d: { dealer: string; termDays: number; termSource: string }) => [d.dealer, d.termDays, d.termSource])).toEqual([["美达五金", 45, "register"]]);
  });
});
