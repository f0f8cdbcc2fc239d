/**
 * The 账龄 view with the pane's last reconciliation (ageWithLastReconcile in src/taskpane/aging/model.ts) reads
 * the ledger's sheets once, on the fake Excel through the office-js adapter: the grids whose prints are compared
 * with the reconciliation's are the ones aged.
 */
import { runAging, type AgingControl, type AgingRequest } from "../../../src/app/aging";
import { runReconcile } from "../../../src/app/reconcile";
import { sheetRowsPort } from "../../../src/app/sheet-rows";
import { createExcelWorkbook } from "../../../src/excel/workbook";
import { FakeExcel, type FixtureSheet } from "../../../src/fake-excel";
import type { WorkbookPort } from "../../../src/port/workbook";
import { ageWithLastReconcile, type LastReconcile } from "../../../src/taskpane/aging/model";
import { gridFingerprint } from "../../../src/taskpane/reconcile/fingerprint";

const AS_OF = "2026-12-01";
const HEADER = ["日期", "单号", "摘要", "借方", "贷方"];

function month(name: string, m: string, rows: number): FixtureSheet {
  const body = Array.from({ length: rows }, (_, i) => [`2026-${m}-${String((i % 28) + 1).padStart(2, "0")}`, `XS-${m}${String(i).padStart(5, "0")}`, "销售", 100 + i, null]);
  return { name, rows: [HEADER, ...body] };
}

const STATEMENT: FixtureSheet = {
  name: "对账单",
  rows: [
    ["日期", "单号", "摘要", "进货金额", "付款金额"],
    ["2026-07-03", "XS-0700000", "进货", 100, null],
  ],
};

function pane(sheets: FixtureSheet[]): { excel: FakeExcel; port: WorkbookPort; reads: string[]; signals: (AbortSignal | undefined)[] } {
  const excel = FakeExcel.fromSheets(sheets);
  const inner = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
  const reads: string[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  // Every sheet read, whichever way the port is asked (one sheet or several together), and the signal it was given.
  const counted: Partial<WorkbookPort> = {
    readSheet: (name, options) => {
      reads.push(name);
      signals.push(options?.signal);
      return inner.readSheet(name, options);
    },
    readSheets: (names, options) => {
      reads.push(...names);
      signals.push(options?.signal);
      return inner.readSheets!(names, options);
    },
  };
  const port = new Proxy(inner, {
    get: (target, key) => {
      if (key in counted) return counted[key as keyof WorkbookPort];
      const value = Reflect.get(target, key) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { excel, port, reads, signals };
}

async function lastOf(port: WorkbookPort, sheets: string[]): Promise<LastReconcile> {
  const many = sheets.length > 1;
  const through = many ? sheetRowsPort(port, sheets) : port;
  const run = await runReconcile({
    ledger: { port: through, sheet: sheets[0], ...(many ? { read: { sheets } } : {}) },
    statement: { port, sheet: "对账单" },
    options: { asOf: AS_OF },
  });
  const prints = new Map<string, string>();
  for (const s of sheets) prints.set(s, gridFingerprint(await port.readSheet(s)));
  return { run, ledgerPrint: prints.get(sheets[0]) ?? null, ...(many ? { ledgerSheets: { sheets, prints } } : {}) };
}

function request(port: WorkbookPort, sheets: string[]): AgingRequest {
  return { ledger: { port, sheet: sheets[0], ...(sheets.length > 1 ? { read: { sheets } } : {}) }, asOf: AS_OF };
}

describe("aging with the last reconciliation reads the ledger once", () => {
  test.each([
    ["one ledger sheet", ["明细账"]],
    ["a ledger over three monthly sheets", ["2026-07", "2026-08", "2026-09"]],
  ])("%s: each sheet is read once, and the bytes from Excel are the aging's alone", async (_, sheets) => {
    const fixtures = sheets.map((s, i) => month(s, String(7 + i).padStart(2, "0"), 1500));
    const { excel, port, reads } = pane([...fixtures, STATEMENT]);
    const last = await lastOf(port, sheets);

    // The aging by itself, without a reconciliation to check: what reading the ledger for it costs.
    excel.resetStats();
    reads.length = 0;
    await runAging(request(port, sheets));
    const alone = { ...excel.stats };
    const readAlone = reads.filter((r) => sheets.includes(r)).sort();
    expect(readAlone).toEqual([...sheets].sort());

    excel.resetStats();
    reads.length = 0;
    const { run, review } = await ageWithLastReconcile(port, request(port, sheets), last);
    expect(review).toEqual({ state: "used", statement: "对账单" });
    expect(run.report.underReconciliation.length).toBeGreaterThan(0);
    // Each ledger sheet crosses once: before, once for its print and once more for the aging.
    expect(reads.filter((r) => sheets.includes(r)).sort()).toEqual([...sheets].sort());
    const ledgerBytes = alone.totalResponseBytes;
    expect(excel.stats.totalResponseBytes).toBeLessThan(ledgerBytes * 1.2);
    expect(excel.stats.syncs).toBeLessThanOrEqual(alone.syncs + 1);
  });

  test("a ledger changed since is read once too, and aged without the reconciliation", async () => {
    const { excel, port, reads } = pane([month("明细账", "07", 1500), STATEMENT]);
    const last = await lastOf(port, ["明细账"]);
    excel.sheet("明细账").write(2, 4, 999);
    reads.length = 0;
    const { run, review } = await ageWithLastReconcile(port, request(port, ["明细账"]), last);
    expect(review).toEqual({ state: "stale", statement: "对账单" });
    expect(run.report.underReconciliation).toEqual([]);
    expect(reads.filter((r) => r === "明细账")).toEqual(["明细账"]);
  });

  test("leaving the view stops the reads: its signal reaches the ledger's reads and the aging, and an aborted one reads nothing more", async () => {
    const sheets = ["2026-07", "2026-08"];
    const { port, reads, signals } = pane([month("2026-07", "07", 200), month("2026-08", "08", 200), STATEMENT]);
    const last = await lastOf(port, sheets);

    // A run going on: every read it makes is given the view's signal, and so is the aging.
    const view = new AbortController();
    const given: (AbortSignal | undefined)[] = [];
    const age = (req: AgingRequest, control?: AgingControl) => {
      given.push(control?.signal);
      return runAging(req, control);
    };
    reads.length = 0;
    signals.length = 0;
    const { review } = await ageWithLastReconcile(port, request(port, sheets), last, age, { signal: view.signal });
    expect(review.state).toBe("used");
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.every((s) => s === view.signal)).toBe(true);
    expect(given).toEqual([view.signal]);

    // The view left as the run starts: the run stops as cancelled, the ledger's sheets read no further.
    const left = new AbortController();
    reads.length = 0;
    const run = ageWithLastReconcile(port, request(port, sheets), last, runAging, { signal: left.signal });
    left.abort();
    await expect(run).rejects.toMatchObject({ code: "cancelled" });
    expect(reads.length).toBeLessThanOrEqual(sheets.length);
  });
});
