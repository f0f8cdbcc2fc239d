import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { runAging } from "../../src/app/aging";
import { addAgingToWorkbook, todayIso } from "../../src/cli/commands/aging";
import { copyInto } from "../../src/cli/commands/reconcile";
import { openInputFile } from "../../src/cli/files";
import { toAgingJson } from "../../src/messages";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { run, sampleDir } from "./support";

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await sampleDir();
  file = path.join(dir, "sample.xlsx");
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const hash = (f: string) => createHash("sha256").update(fs.readFileSync(f)).digest("hex");

/** One line on stderr, nothing on stdout, exit status 2. */
function expectUsageError(r: { code: number; out: string; err: string }, text: string): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  expect(r.err).toContain(text);
}

describe("duizhang aging --json", () => {
  it("prints exactly the aging JSON contract for the sheet and date asked", async () => {
    const r = await run(["aging", "--ledger", "sample.xlsx", "--sheet", "发货回款登记", "--as-of", "2026-10-31", "--json"], dir);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out);
    const same = await runAging({ ledger: { port: await XlsxWorkbook.open(file), sheet: "发货回款登记" }, asOf: "2026-10-31" });
    expect(json).toEqual(JSON.parse(JSON.stringify(toAgingJson(same.report))));

    expect(json.asOf).toBe("2026-10-31");
    expect(json.dealers.map((d: { dealer: string; openBalance: string }) => [d.dealer, d.openBalance])).toEqual([
      ["宁波顺和电器有限公司", "91300.00"],
      ["杭州美达商贸有限公司", "110500.00"],
      ["温州瑞丰五金经营部", "8260.00"],
      ["绍兴百佳家电有限公司", "54300.00"],
    ]);
    expect(json.dealers[0].buckets).toEqual({
      未到期: "56800.00",
      "1-30": "0.00",
      "31-60": "0.00",
      "61-90": "34500.00",
      "91-180": "0.00",
      "181-365": "0.00",
      "365+": "0.00",
      未知账龄: "0.00",
      未核销收款: "0.00",
    });
    expect(json.dealers[0].items[0]).toMatchObject({
      row: 2,
      ref: "XSCK-2026-0618",
      date: "2026-06-18",
      dueDate: "2026-08-17",
      finalDate: "2026-09-06",
      open: "34500.00",
      daysOverdue: 75,
      stage: "past_final",
    });
    expect(json.dealers[3].items.map((i: { row: number; stage: string; daysOverdue: number }) => [i.row, i.stage, i.daysOverdue])).toEqual([
      [7, "due_7d", 0],
      [10, "not_due", 0],
    ]);
    expect(json.reps[0]).toMatchObject({ rep: "李娜", sales: "131300.00", collections: "40000.00", collectionRate: 0.3046, overdue: "34500.00", overdueCount: 1, pastFinalCount: 1, dso: 94.6 });
  });

  it("uses --term-days for dealers without a term", async () => {
    const r = await run(["aging", "--ledger", "sample.xlsx", "--as-of", "2026-10-31", "--term-days", "45", "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.defaultTermDays).toBe(45);
    expect(json.dealers[0].items.map((i: { row: number; stage: string; termSource: string }) => [i.row, i.stage, i.termSource])).toEqual([
      [13, "past_final", "default"],
      [17, "overdue", "default"],
      [19, "overdue", "default"],
      [20, "not_due", "default"],
      [25, "not_due", "default"],
      [26, "not_due", "default"],
    ]);
  });

  it("ages by document date with --basis document and keeps only --dealer", async () => {
    const r = await run(["aging", "--ledger", "sample.xlsx", "--sheet", "发货回款登记", "--as-of", "2026-10-31", "--basis", "document", "--dealer", "宁波顺和电器", "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.basis).toBe("document");
    expect(json.dealers.map((d: { dealer: string }) => d.dealer)).toEqual(["宁波顺和电器有限公司"]);
    // 06-18 is 135 days old, 09-20 is 41.
    expect(json.dealers[0].buckets["91-180"]).toBe("34500.00");
    expect(json.dealers[0].buckets["31-60"]).toBe("56800.00");
  });

  it("ages as of today when no date is given (the clock is read in the command line)", async () => {
    const r = await run(["aging", "--ledger", "sample.xlsx", "--json"], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).asOf).toBe(todayIso());
  });
});

describe("duizhang aging text output", () => {
  it("summarises by stage, by bucket and lists this week's actions", async () => {
    const r = await run(["aging", "--ledger", "sample.xlsx", "--sheet", "发货回款登记", "--as-of", "2026-10-31"], dir);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("台账: 发货回款登记  账龄日期: 2026-10-31  账龄基准: 按到期日");
    expect(lines[1]).toBe("默认账期: 30 天 (未设置)");
    expect(r.out).toContain("应收余额合计: 264,360.00");
    expect(lines.some((l) => /^超过最终收款期限\s+2\s+97,500\.00$/.test(l))).toBe(true);
    expect(lines.some((l) => /^合计\s+264,360\.00\s+158,600\.00\s+8,260\.00\s+63,000\.00\s+34,500\.00/.test(l))).toBe(true);
    expect(r.out).toContain("== 本周需行动（4 笔，含已逾期）==");
    const actions = lines.slice(lines.indexOf("== 本周需行动（4 笔，含已逾期）==") + 3, lines.indexOf("== 本周需行动（4 笔，含已逾期）==") + 7);
    expect(actions.map((l) => l.split(/\s+/).slice(0, 4))).toEqual([
      ["2026-09-07", "宁波顺和电器有限公司", "李娜", "XSCK-2026-0618"],
      ["2026-09-15", "杭州美达商贸有限公司", "王磊", "XSCK-2026-0805"],
      ["2026-10-28", "温州瑞丰五金经营部", "王磊", "XSCK-2026-0912"],
      ["2026-10-31", "绍兴百佳家电有限公司", "张强", "XSCK-2026-1008"],
    ]);
  });

  it("speaks English with --lang en", async () => {
    const r = await run(["aging", "--ledger", "sample.xlsx", "--sheet", "发货回款登记", "--as-of", "2026-10-31", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("== Actions due this week (4, overdue included) ==");
    expect(r.out).toContain("Total open balance: 264,360.00");
  });
});

describe("duizhang aging --out", () => {
  it("writes a new workbook with the ledger copy marked by stage, 账龄分析 and 催款计划, and leaves the input alone", async () => {
    const before = hash(file);
    const r = await run(["aging", "--ledger", "sample.xlsx", "--sheet", "发货回款登记", "--as-of", "2026-10-31", "--out", "aging.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`结果已写入：${path.join(dir, "aging.xlsx")}（账龄分析、催款计划；台账标色 3 行）`);
    expect(hash(file)).toBe(before);
    const wb = await XlsxWorkbook.open(path.join(dir, "aging.xlsx"));
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(["台账-发货回款登记", "账龄分析", "催款计划"]);
    expect(await wb.listMarks("aging", "台账-发货回款登记")).toEqual([
      { row: 2, style: "past_final" },
      { row: 4, style: "past_final" },
      { row: 5, style: "overdue" },
    ]);
    expect(await wb.listMarks("reconcile", "台账-发货回款登记")).toEqual([]);
    const plan = (await wb.readSheet("催款计划")).values;
    expect(plan.slice(3, plan.findIndex((row, i) => i > 2 && row.every((c) => c === null))).map((row) => row[3])).toEqual(["XSCK-2026-0618", "XSCK-2026-0805", "XSCK-2026-0912", "XSCK-2026-1008", "XSCK-2026-0920", "XSCK-2026-1020", "XSCK-2026-1026"]);
    expect(wb.workbook.getWorksheet("催款计划")!.getCell("D4").value).toEqual({ text: "XSCK-2026-0618", hyperlink: "#'台账-发货回款登记'!A2" });
    // The copy keeps the ledger's rows where they were, so the marks and links point at the right rows.
    expect((await wb.readSheet("台账-发货回款登记")).values[1].slice(0, 3)).toEqual(["宁波顺和电器有限公司", new Date(Date.UTC(2026, 5, 18)), "XSCK-2026-0618"]);
  });

  it("prints only the JSON when --json and --out are both given", async () => {
    const r = await run(["aging", "--ledger", "sample.xlsx", "--as-of", "2026-10-31", "--json", "--out", "both.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).asOf).toBe("2026-10-31");
    expect(fs.existsSync(path.join(dir, "both.xlsx"))).toBe(true);
  });
});

describe("addAgingToWorkbook (for the demo's result workbook)", () => {
  it("marks a copy of the ledger already in the workbook without touching its reconciliation marks", async () => {
    const source = await openInputFile("sample.xlsx", dir, "zh-CN");
    const wb = XlsxWorkbook.create();
    await copyInto(wb, source, "应收明细账", "台账-应收明细账");
    await wb.markRows("台账-应收明细账", "reconcile", [{ row: 13, style: "duplicate" }], { duplicate: { fill: "#FFC9C9" } });
    const added = await addAgingToWorkbook(wb, source, "应收明细账", "2026-10-31", "zh-CN", { ledgerCopy: "台账-应收明细账" });
    expect([added.ledgerCopy, added.written]).toEqual(["台账-应收明细账", { agingSheet: "账龄分析", planSheet: "催款计划", marked: 4, chartsLeftOut: 1 }]);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(["台账-应收明细账", "账龄分析", "催款计划"]);
    expect(await wb.listMarks("aging", "台账-应收明细账")).toEqual([
      { row: 13, style: "past_final" },
      { row: 17, style: "past_final" },
      { row: 19, style: "past_final" },
      { row: 20, style: "overdue" },
    ]);
    expect(await wb.listMarks("reconcile", "台账-应收明细账")).toEqual([{ row: 13, style: "duplicate" }]);

    // Without a copy named, it makes its own under a free name.
    const again = await addAgingToWorkbook(wb, source, "应收明细账", "2026-10-31", "en-US");
    expect(again.ledgerCopy).toBe("Ledger-应收明细账");
    const third = await addAgingToWorkbook(wb, source, "应收明细账", "2026-10-31", "zh-CN");
    expect(third.ledgerCopy).toBe("台账-应收明细账(2)");
  });
});

describe("duizhang aging on bad input: one line, exit 2", () => {
  it("a missing file", async () => {
    expectUsageError(await run(["aging", "--ledger", "nope.xlsx"], dir), "找不到文件：nope.xlsx");
  });

  it("no --ledger", async () => {
    expectUsageError(await run(["aging"], dir), "缺少 --ledger");
  });

  it("a date that is not a date", async () => {
    expectUsageError(await run(["aging", "--ledger", "sample.xlsx", "--as-of", "2026-02-30"], dir), "--as-of 须为 YYYY-MM-DD 格式的日期：2026-02-30");
  });

  it("an unknown sheet", async () => {
    expectUsageError(await run(["aging", "--ledger", "sample.xlsx", "--sheet", "账龄", "--lang", "en"], dir), 'no sheet "账龄" in sample.xlsx');
  });

  it("a term that is not whole days, an unknown basis, an unknown dealer", async () => {
    expectUsageError(await run(["aging", "--ledger", "sample.xlsx", "--term-days", "30.5"], dir), "--term-days 须为 0 到 3650 之间的整数天数：30.5");
    expectUsageError(await run(["aging", "--ledger", "sample.xlsx", "--basis", "invoice"], dir), "--basis 须为 due（到期日）或 document（单据日期）：invoice");
    expectUsageError(
      await run(["aging", "--ledger", "sample.xlsx", "--sheet", "发货回款登记", "--as-of", "2026-10-31", "--dealer", "无名商行"], dir),
      "发货回款登记 中没有经销商“无名商行”的记录（有：宁波顺和电器有限公司、杭州美达商贸有限公司、温州瑞丰五金经营部、绍兴百佳家电有限公司）",
    );
  });

  it("a sheet that is not a ledger at all", async () => {
    fs.writeFileSync(path.join(dir, "terms.csv"), "经销商,账期(天)\n华东商贸,30\n");
    expectUsageError(await run(["aging", "--ledger", "terms.csv"], dir), "无法计算账龄：");
  });

  it("a result file that would overwrite the input", async () => {
    const before = hash(file);
    expectUsageError(await run(["aging", "--ledger", "sample.xlsx", "--out", "sample.xlsx"], dir), "结果文件不能覆盖输入文件：sample.xlsx");
    expect(hash(file)).toBe(before);
  });
});

describe("duizhang aging --buckets", () => {
  test("user-defined buckets replace the default ones, and still add up to the open balance", async () => {
    const r = await run(["aging", "--ledger", file, "--sheet", "发货回款登记", "--as-of", "2026-11-30", "--buckets", "45,90", "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const d = json.dealers.find((x: { dealer: string }) => x.dealer === "宁波顺和电器有限公司");
    expect(Object.keys(d.buckets).filter((k) => !["未知账龄", "未核销收款"].includes(k))).toEqual(["未到期", "1-45", "46-90", "90+"]);
    const sum = Object.values(d.buckets as Record<string, string>).reduce((t, v) => t + Math.round(Number(v) * 100), 0);
    expect(sum).toBe(Math.round(Number(d.openBalance) * 100));
  });

  test.each([["30,20"], ["0,30"], ["30,abc"], ["30,60,60"]])("--buckets %j is refused with one line", async (value) => {
    const r = await run(["aging", "--ledger", file, "--buckets", value], dir);
    expectUsageError(r, "--buckets 须为由小到大的天数");
  });
});
