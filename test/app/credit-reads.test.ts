/** A credit run reads each sheet once: the applications' survey, then the ledger, balance table, register and scorecard from the same reads. */
import { findBalanceSheet, readOnce, readOnceScope, runCredit } from "../../src/app/credit";
import { defaultScorecard, scorecardRows } from "../../src/core/credit";
import type { Grid } from "../../src/core/model";
import { PortError, type OutRow, type Progress, type ReadableWorkbook, type ReadOptions } from "../../src/port/workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

const APPLICATIONS: OutRow[] = [
  ["客户名称", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"],
  ["杭州美达商贸", "其他", "2010-01-01", 600, 6000, "2020-01-01", 100000, "抵押", 300000, 60, "张强", "2026-08-01"],
];
const LEDGER: OutRow[] = [
  ["客户", "日期", "单号", "摘要", "借方", "贷方"],
  ["杭州美达商贸", "2026-06-01", "XS-1", "销售", 120000, null],
  ["杭州美达商贸", "2026-07-20", "SK-1", "回款", null, 100000],
];
const BALANCES: OutRow[] = [["往来余额表（截止 2026-08-31）"], ["客户名称", "期初余额", "本期借方", "本期贷方", "期末余额"], ["杭州美达商贸", 0, 120000, 100000, 20000]];
const REGISTER: OutRow[] = [
  ["客户名称", "信用等级", "信用额度", "账期（天）"],
  ["杭州美达商贸", "A", 250000, 60],
];

/** Counts what the port is asked for: the sheet list, and each sheet by name (singly or in a batch). */
function counted(wb: XlsxWorkbook): { port: XlsxWorkbook; lists: () => number; reads: Map<string, number> } {
  let lists = 0;
  const reads = new Map<string, number>();
  const count = (name: string) => reads.set(name, (reads.get(name) ?? 0) + 1);
  const listSheets = wb.listSheets.bind(wb);
  const readSheet = wb.readSheet.bind(wb);
  const readRows = wb.readRows.bind(wb);
  wb.listSheets = () => {
    lists++;
    return listSheets();
  };
  wb.readSheet = (name, options) => {
    count(name);
    return readSheet(name, options);
  };
  wb.readRows = (name, options) => {
    count(name);
    return readRows(name, options);
  };
  return { port: wb, lists: () => lists, reads };
}

function workbook(): XlsxWorkbook {
  return XlsxWorkbook.fromSpecs([
    { name: "申请", rows: APPLICATIONS },
    { name: "明细账", rows: LEDGER },
    { name: "往来余额表", rows: BALANCES },
    { name: "信用档案", rows: REGISTER },
    { name: "评分标准", rows: scorecardRows(defaultScorecard()) as OutRow[] },
  ]);
}

describe("a credit run reads each sheet once", () => {
  test("ledger, balance table, register and scorecard in the applications' workbook: every sheet read once, the sheet list once", async () => {
    const { port, lists, reads } = counted(workbook());
    const r = await runCredit({ applications: port, ledger: { port, sheet: "明细账" }, balances: { port, sheet: "往来余额表" }, asOf: "2026-08-31" });
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect([r.run.exposureFrom, r.run.result.dealers[0].exposure, r.run.scorecard.sheet, r.run.register?.sheet]).toEqual(["balances", 2_000_000, "评分标准", "信用档案"]);
    expect(Object.fromEntries(reads)).toEqual({ 申请: 1, 明细账: 1, 往来余额表: 1, 信用档案: 1, 评分标准: 1 });
    expect(lists()).toBe(1);
    // What the run found is handed back as the survey the pane shows.
    expect([r.survey.sheets, r.survey.balanceTables.map((t) => t.sheet), r.survey.register, r.survey.scorecard]).toEqual([["申请"], ["往来余额表"], "信用档案", "评分标准"]);
  });

  test("the command line's --balances: the table found is handed to the run, not read again", async () => {
    const balances = counted(XlsxWorkbook.fromSpecs([{ name: "说明", rows: [["本表由财务系统导出"]] }, { name: "往来余额表", rows: BALANCES }]));
    const apps = counted(XlsxWorkbook.fromSpecs([{ name: "申请", rows: APPLICATIONS }]));
    const once = readOnce(balances.port);
    const found = await findBalanceSheet(once);
    if (found === null) throw new Error("no balance table");
    const r = await runCredit({ applications: apps.port, balances: { port: once, ...found }, asOf: "2026-08-31" });
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(r.run.result.dealers[0].exposure).toBe(2_000_000);
    expect(Object.fromEntries(balances.reads)).toEqual({ 说明: 1, 往来余额表: 1 });
    expect(Object.fromEntries(apps.reads)).toEqual({ 申请: 1 });
  });

  test("readOnce: the same grid on a second ask, a batch for the sheets not read yet, a failed read tried again", async () => {
    const wb = counted(workbook());
    let batches: string[][] = [];
    const port: ReadableWorkbook = Object.assign(Object.create(wb.port) as XlsxWorkbook, {
      readSheets: async (names: readonly string[]) => {
        batches.push([...names]);
        return Promise.all(names.map((n) => wb.port.readSheet(n)));
      },
    });
    const once = readOnce(port);
    expect(readOnce(once)).toBe(once);
    const first = await once.readSheet("申请");
    expect(await once.readSheet("申请")).toBe(first);
    await once.readSheets!(["申请", "明细账", "信用档案"]);
    expect(batches).toEqual([["明细账", "信用档案"]]);
    expect(Object.fromEntries(wb.reads)).toEqual({ 申请: 1, 明细账: 1, 信用档案: 1 });
    batches = [];
    await expect(once.readSheet("没有这张表")).rejects.toThrow();
    await expect(once.readSheet("没有这张表")).rejects.toThrow();
    expect(wb.reads.get("没有这张表")).toBe(2);
  });
});

describe("readOnce: one read of a sheet, every caller's progress and abort signal honoured", () => {
  /** A port whose reads wait until finished by hand, keeping what each read was given. */
  function slowPort() {
    const reads: { name: string; options: ReadOptions | undefined; finish: () => void; fail: (e: unknown) => void }[] = [];
    const port: ReadableWorkbook = {
      capabilities: async () => ({ rangeAreas: false, pageLayout: false, kind: "xlsx" }),
      listSheets: async () => [],
      readSheet: (name, options) =>
        new Promise<Grid>((resolve, reject) => {
          reads.push({ name, options, finish: () => resolve({ sheet: name, top: 1, left: 1, values: [[name]] }), fail: reject });
          options?.signal?.addEventListener("abort", () => reject(new PortError("cancelled", name)));
        }),
      readLayout: async () => ({ merges: [], columnWidths: [], rowHeights: [] }),
      getSetting: async () => undefined,
    };
    return { port, reads };
  }
  const settle = () => new Promise((r) => setImmediate(r));

  test("a second caller of a sheet being read gets the progress from then on, and the same grid", async () => {
    const { port, reads } = slowPort();
    const once = readOnce(port);
    const first: Progress[] = [];
    const second: Progress[] = [];
    const a = once.readSheet("申请", { onProgress: (p) => first.push(p) });
    reads[0].options!.onProgress!({ done: 1, total: 3 });
    const b = once.readSheet("申请", { onProgress: (p) => second.push(p) });
    reads[0].options!.onProgress!({ done: 2, total: 3 });
    reads[0].finish();
    const [ga, gb] = await Promise.all([a, b]);
    expect(ga).toBe(gb);
    expect(reads).toHaveLength(1);
    expect([first, second]).toEqual([[{ done: 1, total: 3 }, { done: 2, total: 3 }], [{ done: 2, total: 3 }]]);
  });

  test("a caller that aborts stops waiting at once; the read goes on for the others and is kept", async () => {
    const { port, reads } = slowPort();
    const once = readOnce(port);
    const stop = new AbortController();
    const a = once.readSheet("申请");
    const b = once.readSheet("申请", { signal: stop.signal });
    stop.abort();
    await expect(b).rejects.toEqual(new PortError("cancelled", "申请"));
    expect(reads[0].options!.signal!.aborted).toBe(false);
    reads[0].finish();
    expect((await a).values).toEqual([["申请"]]);
    expect(await once.readSheet("申请")).toBe(await a);
    expect(reads).toHaveLength(1);
    // A signal already aborted is refused even for a sheet already read.
    await expect(once.readSheet("申请", { signal: stop.signal })).rejects.toEqual(new PortError("cancelled", "申请"));
  });

  test("when every caller has aborted the read itself is aborted and forgotten: the next ask reads again", async () => {
    const { port, reads } = slowPort();
    const once = readOnce(port);
    const one = new AbortController();
    const two = new AbortController();
    const a = once.readSheet("明细账", { signal: one.signal });
    const b = once.readSheets!(["明细账"], { signal: two.signal });
    one.abort();
    await expect(a).rejects.toEqual(new PortError("cancelled", "明细账"));
    expect(reads[0].options!.signal!.aborted).toBe(false);
    two.abort();
    await expect(b).rejects.toMatchObject({ code: "cancelled" });
    expect(reads[0].options!.signal!.aborted).toBe(true);
    await settle();
    const again = once.readSheet("明细账");
    expect(reads).toHaveLength(2);
    reads[1].finish();
    expect((await again).sheet).toBe("明细账");
  });

  test("a caller aborting after the read has finished, before its answer reached it, leaves the good grid kept: the next ask reads nothing", async () => {
    const { port, reads } = slowPort();
    const once = readOnce(port);
    const stop = new AbortController();
    const a = once.readSheet("申请", { signal: stop.signal });
    reads[0].finish();
    // The port's read is done; the caller's wait has not heard of it yet.
    stop.abort();
    await expect(a).rejects.toEqual(new PortError("cancelled", "申请"));
    await settle();
    const again = once.readSheet("申请");
    expect(reads).toHaveLength(1);
    expect((await again).values).toEqual([["申请"]]);
    // The same in a batch of two sheets.
    const both = new AbortController();
    const b = once.readSheets!(["明细账", "往来余额表"], { signal: both.signal });
    expect(reads).toHaveLength(3);
    reads[1].finish();
    reads[2].finish();
    both.abort();
    await expect(b).rejects.toMatchObject({ code: "cancelled" });
    await settle();
    const batchAgain = once.readSheets!(["明细账", "往来余额表"]);
    expect(reads).toHaveLength(3);
    expect((await batchAgain).map((g) => g.sheet)).toEqual(["明细账", "往来余额表"]);
  });

  test("a caller whose signal has already aborted starts no read, singly or in a batch", async () => {
    const { port, reads } = slowPort();
    const once = readOnce(port);
    const stop = new AbortController();
    stop.abort();
    await expect(once.readSheet("申请", { signal: stop.signal })).rejects.toEqual(new PortError("cancelled", "申请"));
    await expect(once.readSheets!(["申请", "明细账"], { signal: stop.signal })).rejects.toMatchObject({ code: "cancelled" });
    expect(reads).toHaveLength(0);
    // The next caller still gets a read of its own.
    const a = once.readSheet("申请");
    expect(reads).toHaveLength(1);
    reads[0].finish();
    expect((await a).sheet).toBe("申请");
  });

  test("one cache per scope: the same port gives the same wrapper in a scope, a wrapper is kept as it is, a new scope reads afresh", async () => {
    const { port, reads } = slowPort();
    const scope = readOnceScope();
    expect(scope(port)).toBe(scope(port));
    expect(scope(scope(port))).toBe(scope(port));
    const a = scope(port).readSheet("申请");
    const b = scope(port).readSheet("申请");
    reads[0].finish();
    expect(await a).toBe(await b);
    expect(reads).toHaveLength(1);
    // A wrapper from another scope (the command line's) is used as it is, not wrapped again.
    const outer = readOnce(port);
    expect(readOnceScope()(outer)).toBe(outer);
    const fresh = readOnceScope()(port).readSheet("申请");
    expect(reads).toHaveLength(2);
    reads[1].finish();
    await fresh;
  });
});
