/**
 * The rows 账龄分析 and 催款计划 add under their tables for what the aging keeps apart: a line saying
 * what the totals exclude (rows with a cell that could not be read) and what the plan leaves out (rows a
 * reconciliation flagged, 待核对), then both lists. Each cell taken from the user's data is text.
 */
import { reviewKindText, type AgingReport } from "../../core/aging";
import { fenToYuan, sumFen } from "../../core/money";
import type { Fen } from "../../core/model";
import type { OutCell, OutRow } from "../../port/workbook";
import { LINK_COLOR } from "../../port/links";
import { pick, type Bilingual, type Lang } from "../lang";
import { render } from "../../messages/render";

const MONEY = "#,##0.00;-#,##0.00";
const HEAD_FILL = "#E8EEF7";
const NOTE_COLOR = "#C50F1F";

const T = {
  unreadableNote: {
    zh: (n: number) => `合计不含无法读取的 ${n} 行（见下表“无法读取的单元格”）；请改正这些单元格后重新计算。`,
    en: (n: number) => `Totals exclude ${n} ${n === 1 ? "row" : "rows"} with a cell that could not be read (see "Unreadable cells" below); correct them and run again.`,
  },
  reviewNote: {
    zh: (sheet: string, dealers: readonly string[], cutoff: string, n: number, open: string) => {
      const against = `已对照对账单「${sheet}」（${dealers.length > 0 ? `经销商 ${dealers.join("、")}，` : ""}截止 ${cutoff}）`;
      return n > 0 ? `${against}：${n} 笔未收款项待核对（合计 ${open}），仍计入余额，但未列入催款计划（见下表“待核对”）。` : `${against}：没有待核对的未收款项。`;
    },
    en: (sheet: string, dealers: readonly string[], cutoff: string, n: number, open: string) => {
      const against = `Reconciled against the statement "${sheet}" (${dealers.length > 0 ? `dealer ${dealers.join(", ")}, ` : ""}cut-off ${cutoff})`;
      return n > 0
        ? `${against}: ${n} open ${n === 1 ? "item is" : "items are"} under reconciliation (${open} in all), still in the balance but kept out of the collection plan (see "Under reconciliation" below).`
        : `${against}: no open item is under reconciliation.`;
    },
  },
  reviewTitle: { zh: "待核对（对账发现差异，未列入催款计划）", en: "Under reconciliation (differences found by the reconciliation; not in the collection plan)" },
  unreadableTitle: { zh: "无法读取的单元格（所在行未计入合计）", en: "Unreadable cells (their rows are in no total)" },
  no: { zh: "序号", en: "No." },
  dealer: { zh: "经销商", en: "Dealer" },
  rep: { zh: "业务员", en: "Rep" },
  row: { zh: "台账行", en: "Ledger row" },
  ref: { zh: "单号", en: "Reference" },
  open: { zh: "未收金额", en: "Open amount" },
  status: { zh: "状态", en: "Status" },
  kind: { zh: "类型", en: "Kind" },
  reason: { zh: "原因（请核对）", en: "Reason (to check)" },
  sheet: { zh: "工作表", en: "Sheet" },
  cell: { zh: "单元格", en: "Cell" },
  found: { zh: "内容", en: "Found" },
  fix: { zh: "说明", en: "What to fix" },
  statusOpen: { zh: "未收", en: "Open" },
  statusUnapplied: { zh: "未核销", en: "Unapplied" },
  statusSettled: { zh: "已核销", en: "Settled" },
} as const;

function text(value: string, more: Omit<OutCell, "value"> = {}): OutCell {
  return { value, numberFormat: "@", ...more };
}

function head(value: string, more: Omit<OutCell, "value"> = {}): OutCell {
  return { value, bold: true, fill: HEAD_FILL, border: true, align: "center", wrap: true, ...more };
}

function money(fen: Fen): OutCell {
  return { value: fenToYuan(fen), numberFormat: MONEY, border: true };
}

function formatYuan(fen: Fen): string {
  return fenToYuan(fen).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * The lines to put right under a table's totals, `width` columns wide: what the totals exclude, and
 * what the collection plan leaves out. Empty when nothing is kept apart and no reconciliation was given.
 */
export function apartNotes(report: AgingReport, lang: Lang, width: number): OutRow[] {
  const en = lang === "en-US";
  const rows: OutRow[] = [];
  const note = (value: string): OutRow => [{ value, mergeAcross: Math.max(width, 9) - 1, wrap: true, color: NOTE_COLOR }];
  const open = report.underReconciliation.filter((u) => u.status === "open");
  const openTotal = sumFen(open, (u) => u.open);
  if (report.unreadableRows > 0) rows.push(note(en ? T.unreadableNote.en(report.unreadableRows) : T.unreadableNote.zh(report.unreadableRows)));
  if (report.reconciliation) {
    const r = report.reconciliation;
    const args = [r.statementSheet, r.dealers, r.cutoff ?? "-", open.length, formatYuan(openTotal)] as const;
    rows.push(note(en ? T.reviewNote.en(...args) : T.reviewNote.zh(...args)));
  }
  return rows;
}

/**
 * The lists to add under a result sheet `width` columns wide: 待核对 and the unreadable cells, each
 * with a link to its row in `ledgerSheet` (the ledger, or its copy, in the workbook written to), or, for a
 * ledger over several sheets, in the sheet `ledgerSheet` gives for the row's own sheet.
 * `moneyColumn` (1-based, 5 or 6) is a column of the sheet wide enough for an amount: the lists borrow the
 * sheet's widths, and an amount in a date-wide column would print as ### from 100,000.00 up.
 */
export function apartLists(report: AgingReport, ledgerSheet: string | ((sheet: string) => string), lang: Lang, width: number, moneyColumn: 5 | 6 = 6): OutRow[] {
  const linkSheet = (sheet: string) => (typeof ledgerSheet === "string" ? ledgerSheet : ledgerSheet(sheet));
  const p = (t: Bilingual) => pick(t, lang);
  const span = Math.max(width, 9);
  const rows: OutRow[] = [];

  if (report.underReconciliation.length > 0) {
    const statusText = { open: p(T.statusOpen), unapplied: p(T.statusUnapplied), settled: p(T.statusSettled) };
    rows.push([], [{ value: p(T.reviewTitle), bold: true, mergeAcross: span - 1 }]);
    // 单号 and 未收金额 trade places when the sheet's money-wide column is the fifth.
    const order = (ref: OutCell, open: OutCell): OutCell[] => (moneyColumn === 5 ? [open, ref] : [ref, open]);
    rows.push([head(p(T.no)), head(p(T.dealer)), head(p(T.rep)), head(p(T.row)), ...order(head(p(T.ref)), head(p(T.open))), head(p(T.status)), head(p(T.kind)), head(p(T.reason), { mergeAcross: span - 9 })]);
    report.underReconciliation.forEach((u, i) => {
      const link = { sheet: linkSheet(u.sheet), row: u.row };
      rows.push([
        { value: i + 1, border: true },
        text(u.dealer, { border: true, wrap: true }),
        text(u.rep ?? "", { border: true, wrap: true }),
        { value: String(u.row), numberFormat: "@", link, color: LINK_COLOR, border: true },
        ...order(text(u.ref ?? "", { border: true, wrap: true }), money(u.open)),
        text(statusText[u.status], { border: true }),
        text(render(reviewKindText(u.kind), lang), { border: true, wrap: true }),
        text(render(u.text, lang), { border: true, wrap: true, mergeAcross: span - 9 }),
      ]);
    });
  }

  if (report.unreadable.length > 0) {
    rows.push([], [{ value: p(T.unreadableTitle), bold: true, mergeAcross: span - 1 }]);
    rows.push([head(p(T.no)), head(p(T.sheet)), head(p(T.cell)), head(p(T.found)), head(p(T.fix), { mergeAcross: span - 5 })]);
    report.unreadable.forEach((u, i) => {
      rows.push([
        { value: i + 1, border: true },
        text(u.sheet, { border: true, wrap: true }),
        { value: u.cell ?? String(u.row), numberFormat: "@", link: { sheet: linkSheet(u.sheet), row: u.row }, color: LINK_COLOR, border: true },
        text(u.found, { border: true, wrap: true }),
        text(render(u.text, lang), { border: true, wrap: true, mergeAcross: span - 5 }),
      ]);
    });
  }
  return rows;
}
