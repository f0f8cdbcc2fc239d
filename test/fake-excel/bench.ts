/**
 * Round trips of a full reconciliation run through the office-js adapter, measured on the fake
 * Excel: read the ledger and the statement (N rows each, 8 columns) together, then in one batch mark
 * one row in `markEvery` on both and write 差异明细 (one row per mark, with a link) and a small 余额调节表.
 *
 * For `npm run bench`: `benchExcelRoundTrips(1_048_576)`. The fake stores cells by column and
 * the generated rows share their repeated strings, so a million rows stay within a few hundred MB.
 */
import { createExcelWorkbook } from "../../src/excel/workbook";
import { readSheetsOf, writeResultsOf } from "../../src/port/batch";
import type { OutRow } from "../../src/port/workbook";
import { FakeExcel } from "../../src/fake-excel";

export interface ExcelBenchResult {
  rows: number;
  syncs: number;
  /** Largest single payload, request or response (Excel on the web refuses either over 5 MB). */
  maxRequestBytes: number;
  maxOutgoingBytes: number;
  maxIncomingBytes: number;
  /** Bytes of every request and response of the run. */
  totalBytes: number;
  marks: number;
  /**
   * The fewest syncs the 4 MB limit allows for the same bytes: everything read, in 4 MB responses, plus
   * everything written, in 4 MB requests (reading and writing happen in different phases of a run).
   */
  leastSyncs: number;
}

export interface ExcelBenchOptions {
  /** ExcelApi version of the simulated host; default "1.7" (Office 2019, the minimum). */
  apiVersion?: string;
  /** One marked row in this many (default 100). */
  markEvery?: number;
}

const FOUR_MB = 4 * 1024 * 1024;
const DEALERS = ["华东经销商有限公司", "广州粤达贸易", "成都川渝商行", "北京京北供应链"];
const SUMMARIES = ["销售出库", "收款", "退货", "返利折让"];

function fillSheet(excel: FakeExcel, name: string, rows: number, sign: number): void {
  const s = excel.model.addSheet(name);
  const header = ["日期", "单号", "摘要", "客户", "借方", "贷方", "余额", "业务员"];
  header.forEach((h, c) => s.setStored(1, c + 1, h));
  for (let r = 2; r <= rows; r++) {
    const i = r - 2;
    s.setStored(r, 1, 45658 + (i % 365));
    s.setStored(r, 2, `XSCK-${String(i).padStart(7, "0")}`);
    s.setStored(r, 3, SUMMARIES[i % SUMMARIES.length]);
    s.setStored(r, 4, DEALERS[i % DEALERS.length]);
    s.setStored(r, 5, sign * ((i * 37) % 100000) + 0.5);
    s.setStored(r, 6, 0);
    s.setStored(r, 7, (i * 13) % 1000000);
    s.setStored(r, 8, "张三");
  }
}

export async function benchExcelRoundTrips(rows: number, options: ExcelBenchOptions = {}): Promise<ExcelBenchResult> {
  const markEvery = options.markEvery ?? 100;
  const excel = new FakeExcel({ apiVersion: options.apiVersion ?? "1.7" });
  fillSheet(excel, "应收明细", rows, 1);
  fillSheet(excel, "对账单", rows, -1);
  const port = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
  excel.resetStats();

  // Both sides read together, as a run reads them; the grids are dropped at once: only the round trips are measured here.
  for (const grid of await readSheetsOf(port, ["应收明细", "对账单"])) {
    if (grid.values.length !== rows) throw new Error(`read ${grid.values.length} rows of ${rows}`);
  }
  const marked: number[] = [];
  for (let r = 2; r <= rows; r += markEvery) marked.push(r);
  const styles = { amount_mismatch: { fill: "#FFC7CE", color: "#9C0006" }, only_ledger: { fill: "#FFEB9C" } };
  const marks = marked.map((row, i) => ({ row, style: i % 2 === 0 ? "amount_mismatch" : "only_ledger" }));

  const detail: OutRow[] = [["类型", "金额", "我方行", "对方行", "单号", "摘要", "日期", "说明"]];
  for (const m of marks) {
    detail.push([
      m.style === "amount_mismatch" ? "金额不符" : "仅我方有",
      12345.67,
      { value: `第${m.row}行`, link: { sheet: "应收明细", row: m.row } },
      { value: `第${m.row}行`, link: { sheet: "对账单", row: m.row } },
      `XSCK-${String(m.row).padStart(7, "0")}`,
      "销售出库",
      { date: "2026-01-05" },
      "请核对金额",
    ]);
  }
  const differences = { name: "差异明细", rows: detail, freezeRows: 1, columnWidths: [10, 14, 10, 10, 16, 20, 12, 20] };
  const summary: OutRow[] = [
    [{ value: "余额调节表", bold: true, mergeAcross: 3, align: "center", fontSize: 16 }],
    ["客户", "华东经销商有限公司", "截止日", { date: "2026-01-31" }],
    ["我方余额", 1000, "对方余额", 900],
    ["加：对方未记", 100, "加：我方未记", 0],
    ["调节后余额", 1100, "调节后余额", 1100],
    ["编制人：", null, "审核人：", null],
  ];
  // Marks on both sides and both result sheets in one batch, as writeReconcileResults writes them.
  await writeResultsOf(port, {
    marks: [
      { sheet: "应收明细", group: "reconcile", marks, styles },
      { sheet: "对账单", group: "reconcile", marks, styles },
    ],
    sheets: [differences, { name: "余额调节表", rows: summary, columnWidths: [16, 18, 16, 18] }],
  });

  const st = excel.stats;
  return {
    rows,
    syncs: st.syncs,
    maxRequestBytes: Math.max(st.maxRequestBytes, st.maxResponseBytes),
    maxOutgoingBytes: st.maxRequestBytes,
    maxIncomingBytes: st.maxResponseBytes,
    totalBytes: st.totalRequestBytes + st.totalResponseBytes,
    marks: marks.length,
    leastSyncs: Math.ceil(st.totalRequestBytes / FOUR_MB) + Math.ceil(st.totalResponseBytes / FOUR_MB),
  };
}
