/**
 * The two result sheets of an aging, as plain sheet specs any port can write:
 *  - 账龄分析: dealers × buckets with totals and shares, a per-rep block, a chart of the largest
 *    balances by bucket, and the legend of the ledger's marks;
 *  - 催款计划: one row per open item, soonest action first, filterable by rep, printable on A4.
 */
import {
  collectionPlan,
  NOT_DUE_BUCKET,
  STAGE_TEXT,
  UNAPPLIED_BUCKET,
  UNKNOWN_AGE_BUCKET,
  type AgingReport,
  type DealerAging,
  type OpenItem,
  type RepFigures,
  type TermSource,
} from "../../core/aging";
import { daysBetween } from "../../core/dates";
import { addFen, fen, fenToYuan, sumFen } from "../../core/money";
import type { Fen } from "../../core/model";
import type { OutCell, OutRow, SheetSpec } from "../../port/workbook";
import { LINK_COLOR } from "../../port/links";
import { specWidth, withRows, type SheetOfRows, type SheetRows } from "../../port/cells";
import { pick, type Bilingual, type Lang } from "../lang";
import { render } from "../../messages/render";
import { apartLists, apartNotes } from "./aging-apart";
import { placeLabel } from "../sheet-rows";
import { AGING_MARK_STYLES, agingLegend, DEFAULT_MARK_STAGES, hasLimitationMarks, hasUnderReviewMarks, type MarkedStage } from "./aging-marks";
import { headCell, REPORT_FONT_SIZE, REPORT_MIN_SCALE, reportPrint, signatureRows, TITLE_FONT_SIZE, itemsText, totalCell, unitText } from "./print";
import { printableWidth, columnPoints } from "../../port/print";

export const AGING_SHEET: Bilingual = { zh: "账龄分析", en: "Aging" };
export const PLAN_SHEET: Bilingual = { zh: "催款计划", en: "Collection plan" };

const MONEY = "#,##0.00;-#,##0.00";
const PERCENT = "0.0%";
const LATE_COLOR = "#C50F1F";
/** How many dealers the chart shows: more bars than that are unreadable on a printed page. */
export const CHART_DEALERS = 10;

export const TERM_SOURCE_TEXT: Record<TermSource, Bilingual> = {
  register: { zh: "信用档案", en: "Credit register" },
  table: { zh: "账期表", en: "Term table" },
  column: { zh: "台账账期列", en: "Ledger term column" },
  default: { zh: "默认账期", en: "Default term" },
};

/** The buckets named in words; the others are day ranges (1-30, 365+) and read the same in both languages. */
const BUCKET_TEXT: Record<string, Bilingual> = {
  [NOT_DUE_BUCKET]: { zh: NOT_DUE_BUCKET, en: "Not due" },
  [UNKNOWN_AGE_BUCKET]: { zh: UNKNOWN_AGE_BUCKET, en: "Unknown age" },
  [UNAPPLIED_BUCKET]: { zh: UNAPPLIED_BUCKET, en: "Unapplied" },
  全部: { zh: "全部", en: "All" },
};

/** A bucket key as shown to the user (the keys themselves are the JSON contract's and never change). */
export function bucketLabel(key: string, lang: Lang): string {
  const t = BUCKET_TEXT[key];
  return t ? pick(t, lang) : key;
}

const OPENING_TEXT: Bilingual = { zh: "期初余额", en: "Opening balance" };

const T = {
  title: { zh: "应收账款账龄分析", en: "Receivables aging" },
  asOf: { zh: "账龄日期", en: "As of" },
  basis: { zh: "账龄基准", en: "Aged by" },
  byDue: { zh: "按到期日（逾期天数）", en: "due date (days past due)" },
  byDocument: { zh: "按单据日期（账龄天数）", en: "document date (days since)" },
  unit: { zh: "单位：人民币元", en: "Unit: CNY" },
  no: { zh: "序号", en: "No." },
  dealer: { zh: "经销商", en: "Dealer" },
  rep: { zh: "业务员", en: "Rep" },
  term: { zh: "账期(天)", en: "Term (days)" },
  termSource: { zh: "账期来源", en: "Term from" },
  balance: { zh: "应收余额", en: "Balance" },
  share: { zh: "占比", en: "Share" },
  overdue: { zh: "逾期金额", en: "Overdue" },
  pastFinal: { zh: "超最终期限金额", en: "Past final deadline" },
  total: { zh: "合计", en: "Total" },
  none: { zh: "（无应收余额）", en: "(no receivables)" },
  repTitle: { zh: "业务员回款统计", en: "Collections by rep" },
  period: { zh: "统计期间", en: "Period" },
  to: { zh: "至", en: "to" },
  dealers: { zh: "经销商数", en: "Dealers" },
  openingReceivable: { zh: "期初应收", en: "Opening receivable" },
  sales: { zh: "销售额(净)", en: "Net sales" },
  returns: { zh: "退货折让", en: "Returns" },
  collections: { zh: "回款", en: "Collections" },
  collectionRate: { zh: "回款率", en: "Collection rate" },
  overdueCount: { zh: "逾期笔数", en: "Overdue items" },
  pastFinalCount: { zh: "超期笔数", en: "Items past final" },
  closingReceivable: { zh: "期末应收", en: "Closing receivable" },
  dso: { zh: "DSO(天)", en: "DSO (days)" },
  noRep: { zh: "（未指定业务员）", en: "(no rep)" },
  chartTitle: { zh: "余额最大的经销商（按账龄区间）", en: "Largest balances by bucket" },
  chartData: { zh: "图表数据：余额最大的经销商", en: "Chart data: largest balances" },
  legend: { zh: "台账标色说明", en: "Colours in the ledger" },
  notes: { zh: "说明", en: "Notes" },
  ruleNote: {
    zh: "到期日 = 单据日期 + 账期；最终收款期限 = 到期日 + 账期的三分之一（不足一天的部分舍去，如 30 天 → 第 40 天，45 天 → 第 60 天）。",
    en: "Due date = document date + term; final deadline = due date + one third of the term, rounded down (30 days → day 40, 45 days → day 60).",
  },
  unknownNote: {
    zh: "未知账龄：期初余额，其发票早于台账期间，日期仅为下限，不按新账计龄。",
    en: "Unknown age: opening balances; their invoices predate the ledger, so their dates are lower bounds and they are never aged as new.",
  },
  unappliedNote: {
    zh: "未核销收款：未能核销到发票的收款或贷项（贷方余额），以负数列示。",
    en: "Unapplied: receipts and credit notes not applied to any invoice (a credit balance), shown negative.",
  },
  planTitle: { zh: "催款计划", en: "Collection plan" },
  openItems: { zh: "未收笔数", en: "Open items" },
  openTotal: { zh: "未收合计", en: "Open total" },
  ref: { zh: "单号", en: "Reference" },
  open: { zh: "未收金额", en: "Open amount" },
  dueDate: { zh: "到期日", en: "Due date" },
  finalDate: { zh: "最终收款期限", en: "Final deadline" },
  stage: { zh: "阶段", en: "Stage" },
  action: { zh: "下一步行动", en: "Next action" },
  actionDate: { zh: "行动日期", en: "Action date" },
  daysOverdue: { zh: "逾期天数", en: "Days overdue" },
  docDate: { zh: "单据日期", en: "Document date" },
  amount: { zh: "原金额", en: "Amount" },
  row: { zh: "台账行", en: "Ledger row" },
  description: { zh: "摘要", en: "Description" },
  noItems: { zh: "没有未收款项。", en: "Nothing is open." },
  byRep: { zh: "按业务员合计", en: "Totals by rep" },
  repExcludesReview: {
    zh: "业务员的逾期笔数、逾期金额和超过最终期限金额不含待核对的款项（与催款计划一致）；这些款项仍计入期末应收。",
    en: "The reps' overdue and past-final figures exclude items under reconciliation (as the collection plan does); those items stay in the closing receivable.",
  },
  subtotal: { zh: "小计", en: "Subtotal" },
  ofWhichLate: { zh: "其中已逾期", en: "Of which past due" },
} satisfies Record<string, Bilingual>;

/** Where the items' rows are in the workbook the sheets are written to. */
export interface AgingSheetSource {
  /** Name of the ledger sheet (or its copy) in the target workbook, for links. */
  ledgerSheet: string;
  /**
   * A ledger read over several sheets: each sheet's name in the target workbook (the sheets themselves, or
   * their copies), so a row's link goes to its own sheet; a sheet not listed links to `ledgerSheet`.
   */
  ledgerSheets?: Readonly<Record<string, string>>;
  /** Stages marked in the ledger, for the legend; none when the ledger is not marked. */
  markStages?: readonly MarkedStage[];
}

/** Where a row of the ledger's `sheet` is in the target workbook. */
export function linkSheetOf(src: AgingSheetSource, sheet: string): string {
  return src.ledgerSheets?.[sheet] ?? src.ledgerSheet;
}

/**
 * How a row of the ledger's `sheet` is written: `4`, or for a ledger read over several sheets `2026-08!4` on
 * a sheet other than the first (the one `ledgerSheet` stands for), as the reconciliation's text writes it.
 */
export function rowLabelsOf(src: AgingSheetSource): (sheet: string, row: number) => string {
  const sheets = src.ledgerSheets;
  const first = sheets ? Object.keys(sheets).find((s) => sheets[s] === src.ledgerSheet) : undefined;
  return first === undefined ? (_sheet, row) => String(row) : (sheet, row) => placeLabel(first, sheet, row);
}

/** A cell holding text taken from someone's data: always text, never a formula. */
function text(value: string | null | undefined, more: Omit<OutCell, "value"> = {}): OutCell {
  return { value: value ?? "", numberFormat: "@", ...more };
}

function money(fen: Fen, more: Omit<OutCell, "value"> = {}): OutCell {
  return { value: fenToYuan(fen), numberFormat: MONEY, ...more };
}

function ratio(value: number | null, more: Omit<OutCell, "value"> = {}): OutCell {
  return value === null ? { value: "", ...more } : { value: value, numberFormat: PERCENT, ...more };
}

function head(t: string): OutCell {
  return headCell(t);
}

/** Columns of 账龄分析 before the buckets: 序号, 经销商, 业务员, 账期, 账期来源, 应收余额, 占比. */
const AGING_FIXED_WIDTHS = [4.5, 13, 5.5, 5, 7, 11, 6.5];
/** The per-rep block runs over 14 columns; those past the table's get a money column's width. */
const REP_BLOCK_COLUMNS = 14;

/**
 * Widths of 账龄分析's columns: the fixed ones, then one width for every bucket and the two overdue
 * columns, as wide as 10.5 characters when landscape A4 allows it at the lowest print scale, never under 9.5.
 */
export function agingColumnWidths(bucketCount: number): number[] {
  const budget = printableWidth({ orientation: "landscape" }) / (REPORT_MIN_SCALE / 100) - 2;
  const fixed = AGING_FIXED_WIDTHS.reduce((t, w) => t + columnPoints(w), 0);
  const n = bucketCount + 2;
  let w = 10.5;
  while (w > 9.5 && fixed + n * columnPoints(w) > budget) w -= 0.5;
  const widths = [...AGING_FIXED_WIDTHS, ...new Array(n).fill(w)];
  while (widths.length < REP_BLOCK_COLUMNS) widths.push(w);
  return widths;
}

/**
 * Bucket columns shown: every bucket the user defined, and the two reserved ones (unknown age,
 * unapplied credit) only when some dealer has an amount there, so a plain ledger reads plainly.
 */
export function shownBucketKeys(report: AgingReport): string[] {
  return report.bucketKeys.filter(
    (key) => (key !== UNKNOWN_AGE_BUCKET && key !== UNAPPLIED_BUCKET) || report.dealers.some((d) => (d.buckets[key] ?? 0) !== 0),
  );
}

/** Dealers by open balance, largest first; equal balances keep the report's order. */
export function dealersByBalance(report: AgingReport): DealerAging[] {
  return report.dealers
    .map((d, i) => ({ d, i }))
    .sort((a, b) => b.d.openBalance - a.d.openBalance || a.i - b.i)
    .map((x) => x.d);
}

function repTotals(reps: readonly RepFigures[], days: number): RepFigures {
  const sum = (f: (r: RepFigures) => number) => reps.reduce((a, r) => a + f(r), 0);
  const sumMoney = (f: (r: RepFigures) => Fen) => sumFen(reps, f);
  const openingReceivable = sumMoney((r) => r.openingReceivable);
  const sales = sumMoney((r) => r.sales);
  const collections = sumMoney((r) => r.collections);
  const closingReceivable = sumMoney((r) => r.closingReceivable);
  const base = openingReceivable + sales;
  // Same definitions as the core's per-rep figures, over all reps together.
  return {
    rep: null,
    dealers: sum((r) => r.dealers),
    openingReceivable,
    sales,
    returns: sumMoney((r) => r.returns),
    collections,
    collectionRate: base > 0 ? collections / base : null,
    overdue: sumMoney((r) => r.overdue),
    overdueCount: sum((r) => r.overdueCount),
    pastFinal: sumMoney((r) => r.pastFinal),
    pastFinalCount: sum((r) => r.pastFinalCount),
    closingReceivable,
    dso: sales > 0 ? (closingReceivable / sales) * days : null,
  };
}

/**
 * 账龄分析. Layout (1-based rows): 1 title, 2 as-of and basis, 4 the dealer header, then one row per
 * dealer by balance, 合计 and 占比; then the per-rep block, the legend of the ledger's colours, notes,
 * and last the chart's data block with the chart beside it (last, so the chart covers nothing).
 */
export function agingSheet(report: AgingReport, src: AgingSheetSource, lang: Lang): SheetSpec {
  const p = (t: Bilingual) => pick(t, lang);
  const keys = shownBucketKeys(report);
  const fixed = [T.no, T.dealer, T.rep, T.term, T.termSource, T.balance, T.share];
  const width = fixed.length + keys.length + 2;
  const total = report.totals.openBalance;
  const shareOf = (fen: Fen): number | null => (total !== 0 ? fen / total : null);
  const firstRowOf = (d: DealerAging): { sheet: string; row: number } | undefined => d.items[0] ?? d.credits[0];

  const columnWidths = agingColumnWidths(keys.length);
  const printWidth = Math.max(width, REP_BLOCK_COLUMNS);
  const infoRow: OutRow = [text(`${p(T.asOf)}：${report.asOf}`), null, null, null, text(`${p(T.basis)}：${p(report.basis === "due" ? T.byDue : T.byDocument)}`)];
  while (infoRow.length < width - 1) infoRow.push(null);
  infoRow.push({ value: unitText(lang), align: "right" });
  const rows: OutRow[] = [
    [{ value: p(T.title), bold: true, fontSize: TITLE_FONT_SIZE, align: "center", mergeAcross: width - 1 }],
    infoRow,
    [],
    [...fixed.map((t) => head(p(t))), ...keys.map((k) => head(bucketLabel(k, lang))), head(p(T.overdue)), head(p(T.pastFinal))],
  ];

  const dealers = dealersByBalance(report);
  dealers.forEach((d, i) => {
    const first = firstRowOf(d);
    const row = first?.row;
    const late = addFen(d.byStage.overdue.amount, d.byStage.past_final.amount);
    rows.push([
      // The link sits on the number: a dealer's name must wrap, and a link cell does not wrap everywhere.
      row !== undefined ? { value: String(i + 1), numberFormat: "@", align: "right", border: true, link: { sheet: linkSheetOf(src, first!.sheet), row }, color: LINK_COLOR } : { value: i + 1, border: true },
      text(d.dealer, { border: true, wrap: true }),
      text(d.rep ?? "", { border: true, wrap: true }),
      { value: d.termDays, border: true },
      { value: p(TERM_SOURCE_TEXT[d.termSource]), border: true, wrap: true },
      money(d.openBalance, { border: true }),
      ratio(shareOf(d.openBalance), { border: true }),
      ...keys.map((k) => money(d.buckets[k] ?? 0, { border: true })),
      money(late, { border: true, ...(late > 0 ? { color: LATE_COLOR } : {}) }),
      money(d.byStage.past_final.amount, { border: true, ...(d.byStage.past_final.amount > 0 ? { color: LATE_COLOR } : {}) }),
    ]);
  });
  if (dealers.length === 0) rows.push([{ value: p(T.none), mergeAcross: width - 1 }]);
  const totalLate = addFen(report.totals.byStage.overdue.amount, report.totals.byStage.past_final.amount);
  const bold = { bold: true, border: true, fill: "#F3F3F3" };
  rows.push([
    { value: "", ...bold },
    { value: p(T.total), ...bold },
    { value: "", ...bold },
    { value: "", ...bold },
    { value: "", ...bold },
    money(total, bold),
    ratio(total !== 0 ? 1 : null, bold),
    ...keys.map((k) => money(report.totals.buckets[k] ?? 0, bold)),
    money(totalLate, bold),
    money(report.totals.byStage.past_final.amount, bold),
  ]);
  rows.push([
    { value: "", border: true },
    { value: p(T.share), bold: true, border: true },
    { value: "", border: true },
    { value: "", border: true },
    { value: "", border: true },
    { value: "", border: true },
    { value: "", border: true },
    ...keys.map((k) => ratio(shareOf(report.totals.buckets[k] ?? 0), { border: true })),
    ratio(shareOf(totalLate), { border: true }),
    ratio(shareOf(report.totals.byStage.past_final.amount), { border: true }),
  ]);
  rows.push(...apartNotes(report, lang, width));

  // Per-rep block.
  rows.push([], []);
  const { from, to } = report.repPeriod;
  rows.push([
    null,
    { value: p(T.repTitle), bold: true, fontSize: 12 },
    null,
    null,
    null,
    `${p(T.period)}：${from} ${p(T.to)} ${to}`,
  ]);
  // The block's columns are laid over the table's so that counts and ratios fall in its narrow columns
  // and amounts in its money columns: one set of widths serves both on paper.
  rows.push(
    [null, T.rep, T.dealers, T.overdueCount, T.pastFinalCount, T.openingReceivable, T.collectionRate, T.sales, T.returns, T.collections, T.overdue, T.pastFinal, T.closingReceivable, T.dso].map((t) =>
      t === null ? null : head(p(t)),
    ),
  );
  const repRow = (r: RepFigures, name: OutCell, extra: Omit<OutCell, "value">): OutRow => [
    null,
    name,
    { value: r.dealers, ...extra },
    { value: r.overdueCount, ...extra },
    { value: r.pastFinalCount, ...extra },
    money(r.openingReceivable, extra),
    ratio(r.collectionRate, extra),
    money(r.sales, extra),
    money(r.returns, extra),
    money(r.collections, extra),
    money(r.overdue, extra),
    money(r.pastFinal, extra),
    money(r.closingReceivable, extra),
    r.dso === null ? { value: "", ...extra } : { value: Math.round(r.dso * 10) / 10, numberFormat: "0.0", ...extra },
  ];
  for (const r of report.reps) rows.push(repRow(r, text(r.rep ?? p(T.noRep), { border: true, wrap: true }), { border: true }));
  if (report.reps.length > 1) {
    rows.push(repRow(repTotals(report.reps, daysBetween(from, to) + 1), { value: p(T.total), ...bold }, bold));
  }

  if (hasUnderReviewMarks(report)) rows.push([null, { value: p(T.repExcludesReview), mergeAcross: width - 2, wrap: true, color: "#C50F1F" }]);

  const markStages = src.markStages ?? DEFAULT_MARK_STAGES;
  const reviewMarked = markStages.length > 0 && hasUnderReviewMarks(report);
  const limitationMarked = markStages.length > 0 && hasLimitationMarks(report);
  if (markStages.length > 0 || reviewMarked) {
    rows.push([]);
    rows.push([{ value: `${p(T.legend)}（${src.ledgerSheet}）`, bold: true }]);
    for (const line of agingLegend(lang, markStages, reviewMarked, limitationMarked)) {
      rows.push([null, { value: "", fill: line.fill, border: true }, { value: line.text, ...(line.color ? { color: line.color } : {}) }]);
    }
  }

  rows.push([]);
  rows.push([{ value: p(T.notes), bold: true }]);
  rows.push([{ value: p(T.ruleNote), mergeAcross: width - 1, wrap: true }]);
  if (keys.includes(UNKNOWN_AGE_BUCKET)) rows.push([{ value: p(T.unknownNote), mergeAcross: width - 1, wrap: true }]);
  if (keys.includes(UNAPPLIED_BUCKET)) rows.push([{ value: p(T.unappliedNote), mergeAcross: width - 1, wrap: true }]);
  rows.push(...apartLists(report, (sheet) => linkSheetOf(src, sheet), lang, width));
  rows.push(...signatureRows(lang, [2, 6, 10]));
  // The chart's data block below is for the chart on screen; the printed page ends at the signatures.
  const printedRows = rows.length;

  // The chart's data: the largest positive balances, by bucket (unapplied credits are not balances to chart).
  const charts: SheetSpec["charts"] = [];
  // Buckets empty for all of them would only add blank series to the legend.
  const top = dealers.filter((d) => d.openBalance > 0).slice(0, CHART_DEALERS);
  const chartKeys = keys.filter((k) => k !== UNAPPLIED_BUCKET && top.some((d) => (d.buckets[k] ?? 0) > 0));
  if (top.length > 0 && chartKeys.length > 0) {
    rows.push([], []);
    rows.push([{ value: p(T.chartData), bold: true }]);
    const headerRow = rows.length + 1;
    rows.push([head(p(T.dealer)), ...chartKeys.map((k) => head(bucketLabel(k, lang)))]);
    for (const d of top) rows.push([text(d.dealer, { border: true }), ...chartKeys.map((k) => money(d.buckets[k] ?? 0, { border: true }))]);
    charts.push({
      type: "columnStacked",
      title: p(T.chartTitle),
      source: { fromRow: headerRow, toRow: headerRow + top.length, fromColumn: 1, toColumn: 1 + chartKeys.length },
      seriesBy: "columns",
      at: { row: headerRow - 1, column: chartKeys.length + 3, columns: 8, rows: 18 },
    });
  }

  return {
    name: p(AGING_SHEET),
    rows,
    columnWidths,
    fontSize: REPORT_FONT_SIZE,
    verticalAlign: "center",
    freezeRows: 4,
    print: {
      ...reportPrint(lang, { orientation: "landscape", repeatRows: [4, 4], headerText: `${p(T.title)}\u3000${p(T.asOf)}：${report.asOf}` }),
      area: { fromRow: 1, toRow: printedRows, fromColumn: 1, toColumn: printWidth },
    },
    ...(charts.length > 0 ? { charts } : {}),
  };
}

/** Row of the header in 催款计划 (1-based): the AutoFilter and the printed title row. */
export const PLAN_HEADER_ROW = 3;

/**
 * 催款计划: every open item, soonest action first, ready to filter by rep (AutoFilter on the header)
 * and to print (landscape A4, the header repeated on every page). Each item links to its ledger row.
 */
export function planSheet(report: AgingReport, src: AgingSheetSource, lang: Lang): SheetSpec {
  return withRows(planSheetRows(report, src, lang));
}

/**
 * 催款计划 (`planSheet`) with its item rows made as they are asked for, not held: a full-sheet ledger's plan
 * has half a million of them. Each call of `rows.row(i)` makes row i anew (its cells shared as `planSheet`'s are).
 */
export function planSheetRows(report: AgingReport, src: AgingSheetSource, lang: Lang): SheetOfRows {
  const p = (t: Bilingual) => pick(t, lang);
  const plan = collectionPlan(report);
  const header = [T.no, T.dealer, T.rep, T.ref, T.open, T.dueDate, T.finalDate, T.stage, T.action, T.actionDate, T.daysOverdue, T.docDate, T.amount, T.term, T.row, T.description];
  const openTotal = sumFen(plan, (item) => item.open);
  const width = header.length;
  const infoRow: OutRow = [text(`${p(T.asOf)}：${report.asOf}`), null, null, null, text(`${p(T.openItems)}：${plan.length}\u3000${p(T.openTotal)}：${formatMoney(openTotal)}`)];
  while (infoRow.length < width - 1) infoRow.push(null);
  infoRow.push({ value: unitText(lang), align: "right" });
  const top: OutRow[] = [
    [{ value: p(T.planTitle), bold: true, fontSize: TITLE_FONT_SIZE, align: "center", mergeAcross: width - 1 }],
    infoRow,
    header.map((t) => head(p(t))),
  ];
  const shared = new SharedCells();
  const rowText = rowLabelsOf(src);
  const lastData = top.length + plan.length;
  const tail: OutRow[] = [];
  if (plan.length === 0) tail.push([{ value: p(T.noItems), mergeAcross: width - 1 }]);
  else tail.push(...planTotals(plan, lang));
  // 催款计划's sixth column is a date's width; its fifth (未收金额) takes amounts.
  tail.push(...apartNotes(report, lang, width), ...apartLists(report, (sheet) => linkSheetOf(src, sheet), lang, width, 5));
  tail.push(...signatureRows(lang, [2, 6, 12]));
  const rows: SheetRows = {
    length: lastData + tail.length,
    // An item's row has a cell in every column.
    width: Math.max(specWidth(top), plan.length > 0 ? width : 0, specWidth(tail)),
    row(index: number): OutRow {
      if (index < top.length) return top[index];
      if (index >= lastData) return tail[index - lastData];
      const i = index - top.length;
      const item = plan[i];
      return planRow(item, i + 1, report.asOf, linkSheetOf(src, item.sheet), rowText(item.sheet, item.row), lang, shared);
    },
  };
  const spec: SheetSpec = {
    name: p(PLAN_SHEET),
    rows: [],
    columnWidths: PLAN_WIDTHS,
    fontSize: REPORT_FONT_SIZE,
    verticalAlign: "center",
    freezeRows: PLAN_HEADER_ROW,
    ...(plan.length > 0 ? { filterRow: PLAN_HEADER_ROW, filterLastRow: lastData } : {}),
    print: reportPrint(lang, {
      orientation: "landscape",
      repeatRows: [PLAN_HEADER_ROW, PLAN_HEADER_ROW],
      headerText: `${p(T.planTitle)}\u3000${p(T.asOf)}：${report.asOf}`,
    }),
  };
  return { spec, rows };
}

/** 催款计划's columns, in characters: they fit landscape A4 at about 92% (10 pt type prints at 9.2 pt). */
export const PLAN_WIDTHS = [4.5, 11, 5.5, 11, 10.5, 9.5, 9.5, 9, 16, 9.5, 5.5, 9.5, 10.5, 5, 5.5, 15];

function formatMoney(fen: Fen): string {
  return fenToYuan(fen).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * Totals under the plan, apart from its rows (so filtering and sorting leave them alone): per rep the
 * number of items, the open amount and how much of it is past due, then the overall 合计.
 */
function planTotals(plan: readonly OpenItem[], lang: Lang): OutRow[] {
  const p = (t: Bilingual) => pick(t, lang);
  const byRep = new Map<string, { n: number; open: Fen; late: Fen }>();
  const noRep = p(T.noRep);
  for (const item of plan) {
    const key = item.rep ?? noRep;
    let t = byRep.get(key);
    if (t === undefined) byRep.set(key, (t = { n: 0, open: fen(0), late: fen(0) }));
    t.n += 1;
    t.open = addFen(t.open, item.open);
    if (item.stage === "overdue" || item.stage === "past_final") t.late = addFen(t.late, item.open);
  }
  const line = (label: string, rep: string, t: { n: number; open: Fen; late: Fen }, strong: boolean): OutRow => {
    const look = (c: OutCell): OutCell => (strong ? totalCell(c) : { ...c, border: true });
    return [
      null,
      look(text(label)),
      look(text(rep, { wrap: true })),
      look(text(itemsText(t.n, lang), { align: "right" })),
      look(money(t.open)),
      // The late amount goes in the wide 下一步行动 column: the 阶段 column beside the label is too narrow for
      // seven figures.
      look(text(p(T.ofWhichLate), { mergeAcross: 2 })),
      null,
      null,
      look(money(t.late)),
    ];
  };
  const rows: OutRow[] = [[], [null, { value: p(T.byRep), bold: true, mergeAcross: 2 }]];
  const all = { n: 0, open: fen(0), late: fen(0) };
  for (const [rep, t] of [...byRep].sort((a, b) => b[1].open - a[1].open)) {
    rows.push(line(p(T.subtotal), rep, t, false));
    all.n += t.n;
    all.open = addFen(all.open, t.open);
    all.late = addFen(all.late, t.late);
  }
  rows.push(line(p(T.total), "", all, true));
  return rows;
}

/**
 * Cells that many rows of 催款计划 hold alike (a dealer's name, a rep, a stage, an action, a date, a 摘要),
 * each made once per sheet: a full-sheet ledger's plan has half a million rows, and the ports only read
 * the cells they are given.
 */
class SharedCells {
  readonly dealers = new Map<string, OutCell>();
  readonly reps = new Map<string, OutCell>();
  readonly dates = new Map<string, { date: string }>();
  readonly stages = new Map<string, OutCell>();
  /** By the action's text (one message per kind of action). */
  readonly actions = new Map<object, OutCell>();
  /** By the action's date (red and bold when it falls due by the as-of date). */
  readonly actionDates = new Map<string, OutCell>();
  readonly descriptions = new Map<string, OutCell>();
  empty: OutCell | null = null;
}

/** A cell kept for the rows to come; bounded, as distinct 摘要s could otherwise be kept by the hundred thousand. */
function keep<K, V>(cells: Map<K, V>, key: K, cell: V): V {
  if (cells.size >= 100_000) cells.clear();
  cells.set(key, cell);
  return cell;
}

function planRow(item: OpenItem, n: number, asOf: string, ledgerSheet: string, rowText: string, lang: Lang, shared: SharedCells = new SharedCells()): OutRow {
  const link = { sheet: ledgerSheet, row: item.row };
  const refText = item.ref ?? (item.kind === "opening" ? pick(OPENING_TEXT, lang) : "");
  const { dates } = shared;
  const action = item.nextAction;
  const rep = item.rep ?? "";
  return [
    n,
    shared.dealers.get(item.dealer) ?? keep(shared.dealers, item.dealer, text(item.dealer, { wrap: true })),
    shared.reps.get(rep) ?? keep(shared.reps, rep, text(rep, { wrap: true })),
    refText === "" ? (shared.empty ??= text("")) : { value: refText, numberFormat: "@", link, color: LINK_COLOR, wrap: true },
    { value: fenToYuan(item.open), numberFormat: MONEY },
    dates.get(item.dueDate) ?? keep(dates, item.dueDate, { date: item.dueDate }),
    dates.get(item.finalDate) ?? keep(dates, item.finalDate, { date: item.finalDate }),
    shared.stages.get(item.stage) ?? keep(shared.stages, item.stage, stageCell(item.stage, lang)),
    shared.actions.get(action.text) ?? keep(shared.actions, action.text, { value: render(action.text, lang), numberFormat: "@", wrap: true }),
    shared.actionDates.get(action.date) ?? keep(shared.actionDates, action.date, actionDateCell(action.date, asOf)),
    Math.max(0, item.daysPastDue),
    dates.get(item.date) ?? keep(dates, item.date, { date: item.date }),
    { value: fenToYuan(item.amount), numberFormat: MONEY },
    item.termDays,
    { value: rowText, numberFormat: "@", link, color: LINK_COLOR },
    shared.descriptions.get(item.description) ?? keep(shared.descriptions, item.description, text(item.description, { wrap: true })),
  ];
}

function stageCell(stage: OpenItem["stage"], lang: Lang): OutCell {
  const stageStyle = stage === "not_due" ? undefined : AGING_MARK_STYLES[stage];
  return { value: render(STAGE_TEXT[stage], lang), numberFormat: "@", wrap: true, ...(stageStyle ? { fill: stageStyle.fill, ...(stageStyle.color ? { color: stageStyle.color } : {}) } : {}) };
}

/** An action's date: red and bold when it falls due on or before the as-of date. */
function actionDateCell(date: string, asOf: string): OutCell {
  const now = date <= asOf;
  return { value: { date }, ...(now ? { color: LATE_COLOR, bold: true } : {}) };
}
