/**
 * The two result sheets of a reconciliation, as plain sheet specs any port can write, both printable on
 * A4 at a readable size (see ./print):
 *  - 差异明细: one row per difference (and per open suggestion), linked to its source rows, with totals
 *    by kind and overall;
 *  - 余额调节表: per dealer, on its own page, in the usual form (timing items adjust the side that has not
 *    booked them; mismatches and errors are 待查 with both amounts), ending in the sign-off line.
 */
import type { Adjustment, DealerResult, Difference, PendingItem, ReconcileReport, Suggestion } from "../../core/reconcile";
import type { ReadEntry } from "../../core/read";
import { absFen, addFen, fen, fenToYuan, sumFen } from "../../core/money";
import type { Fen } from "../../core/model";
import type { OutCell, OutRow, SheetSpec } from "../../port/workbook";
import { LINK_COLOR } from "../../port/links";
import { both, render } from "../../messages";
import { pick, type Bilingual, type Lang } from "../lang";
import { MARK_STYLES } from "./marks";
import { KIND_TEXT } from "./kinds";

export { KIND_TEXT };
import { headCell, REPORT_FONT_SIZE, reportPrint, signatureRows, TITLE_FONT_SIZE, itemsText, totalCell, unitText } from "./print";

export const DIFFERENCES_SHEET: Bilingual = { zh: "差异明细", en: "Differences" };
export const RECONCILIATION_SHEET: Bilingual = { zh: "余额调节表", en: "Reconciliation" };

const MONEY = "#,##0.00;-#,##0.00";


/** Where the source rows are, in the workbook the sheets are written to. */
export interface SourceSheets {
  ledgerSheet: string;
  statementSheet: string;
  /** Entries by row, to show date, reference and description beside each difference. */
  ledgerEntries: ReadonlyMap<number, ReadEntry>;
  statementEntries: ReadonlyMap<number, ReadEntry>;
}

export function entriesByRow(entries: readonly ReadEntry[]): Map<number, ReadEntry> {
  return new Map(entries.map((e) => [e.row, e]));
}

const T = {
  no: { zh: "序号", en: "No." },
  dealer: { zh: "经销商", en: "Dealer" },
  kind: { zh: "差异类型", en: "Kind" },
  diff: { zh: "差额(我方−对方)", en: "Difference (ours − theirs)" },
  ledgerAmount: { zh: "我方金额", en: "Our amount" },
  statementAmount: { zh: "对方金额", en: "Their amount" },
  ledgerRows: { zh: "台账行", en: "Ledger rows" },
  statementRows: { zh: "对账单行", en: "Statement rows" },
  date: { zh: "日期", en: "Date" },
  ref: { zh: "单号", en: "Reference" },
  description: { zh: "摘要", en: "Description" },
  reason: { zh: "可能原因", en: "Likely reason" },
  title: { zh: "对账差异明细", en: "Reconciliation differences" },
  cutoff: { zh: "截止日期", en: "Cut-off" },
  none: { zh: "无差异：双方逐笔一致。", en: "No differences: both sides agree item by item." },
} satisfies Record<string, Bilingual>;

/** Text taken from someone's data (always text, never a formula) that may be longer than its column: wrapped inside it. */
function long(value: string | null | undefined): OutCell {
  return { value: value ?? "", numberFormat: "@", wrap: true };
}

function money(fen: Fen): OutCell {
  return { value: fenToYuan(fen), numberFormat: MONEY };
}

function rowsCell(rows: readonly number[], sheet: string): OutCell {
  if (rows.length === 0) return { value: "" };
  return { value: rows.join(", "), numberFormat: "@", link: { sheet, row: rows[0] }, color: LINK_COLOR };
}

function firstEntry(rows: readonly number[], byRow: ReadonlyMap<number, ReadEntry>): ReadEntry | undefined {
  for (const r of rows) {
    const e = byRow.get(r);
    if (e) return e;
  }
  return undefined;
}

interface Line {
  dealer: string | null;
  kind: Difference["kind"] | "suggestion";
  amount: Fen;
  ledgerAmount: Fen;
  statementAmount: Fen;
  ledgerRows: number[];
  statementRows: number[];
  reason: Bilingual;
}

function linesOf(d: DealerResult): Line[] {
  const diff = (x: Difference): Line => ({
    dealer: d.dealer,
    kind: x.kind,
    amount: x.amount,
    ledgerAmount: x.ledgerAmount,
    statementAmount: x.statementAmount,
    ledgerRows: x.ledgerRows,
    statementRows: x.statementRows,
    reason: both(x.reason.text),
  });
  const sug = (s: Suggestion): Line => ({
    dealer: d.dealer,
    kind: "suggestion",
    amount: s.amount,
    ledgerAmount: s.ledgerAmount,
    statementAmount: s.statementAmount,
    ledgerRows: s.ledgerRows,
    statementRows: s.statementRows,
    reason: both(s.note),
  });
  return [...d.differences.map(diff), ...d.suggestions.map(sug)];
}

const D = {
  byKind: { zh: "按差异类型合计", en: "Totals by kind" },
  subtotal: { zh: "小计", en: "Subtotal" },
  total: { zh: "合计", en: "Total" },
} satisfies Record<string, Bilingual>;

/** 差异明细's columns, in characters: they fit landscape A4 at 100% (tests hold them to it). */
export const DIFFERENCES_WIDTHS = [4.5, 14, 9, 11.5, 11.5, 11.5, 6, 6, 10, 12, 17, 22];
/** Row of 差异明细's table header (1-based): frozen, filtered, and repeated on every printed page. */
export const DIFFERENCES_HEADER_ROW = 3;

export function differencesSheet(report: ReconcileReport, src: SourceSheets, lang: Lang): SheetSpec {
  const p = (t: Bilingual) => pick(t, lang);
  const width = DIFFERENCES_WIDTHS.length;
  const cutoff = report.asOf ?? report.cutoff ?? "";
  const header = [T.no, T.dealer, T.kind, T.diff, T.ledgerAmount, T.statementAmount, T.ledgerRows, T.statementRows, T.date, T.ref, T.description, T.reason].map((t) =>
    headCell(p(t)),
  );
  const unitRow: OutRow = [{ value: `${p(T.cutoff)}：${cutoff}`, numberFormat: "@" }];
  while (unitRow.length < width - 1) unitRow.push(null);
  unitRow.push({ value: unitText(lang), align: "right" });
  const rows: OutRow[] = [[{ value: p(T.title), bold: true, fontSize: TITLE_FONT_SIZE, align: "center", mergeAcross: width - 1 }], unitRow, header];
  type Sum = { n: number; amount: Fen; ledger: Fen; statement: Fen };
  const noSum = (): Sum => ({ n: 0, amount: fen(0), ledger: fen(0), statement: fen(0) });
  const sums = new Map<Line["kind"], Sum>();
  let n = 0;
  for (const d of report.dealers) {
    for (const line of linesOf(d)) {
      n += 1;
      const entry = firstEntry(line.ledgerRows, src.ledgerEntries) ?? firstEntry(line.statementRows, src.statementEntries);
      const style = MARK_STYLES[line.kind];
      const sum = sums.get(line.kind) ?? noSum();
      sums.set(line.kind, { n: sum.n + 1, amount: addFen(sum.amount, line.amount), ledger: addFen(sum.ledger, line.ledgerAmount), statement: addFen(sum.statement, line.statementAmount) });
      rows.push([
        n,
        long(line.dealer),
        { value: p(KIND_TEXT[line.kind]), fill: style?.fill, numberFormat: "@", wrap: true },
        money(line.amount),
        money(line.ledgerAmount),
        money(line.statementAmount),
        rowsCell(line.ledgerRows, src.ledgerSheet),
        rowsCell(line.statementRows, src.statementSheet),
        entry?.date ? { date: entry.date } : "",
        long(entry?.ref),
        long(entry?.description),
        long(p(line.reason)),
      ]);
    }
  }
  const lastData = rows.length;
  if (n === 0) rows.push([{ value: p(T.none), mergeAcross: width - 1 }]);
  else {
    // Totals by kind and overall, apart from the table so the AutoFilter and sorting leave them alone.
    rows.push([], [{ value: p(D.byKind), bold: true, mergeAcross: 2 }]);
    const totalRow = (label: string, kind: string, s: Sum, strong: boolean): OutRow => {
      const look = (c: OutCell): OutCell => (strong ? totalCell(c) : { ...c, border: true });
      return [
        look({ value: "" }),
        look({ value: label, numberFormat: "@" }),
        look({ value: kind, numberFormat: "@", wrap: true }),
        look(money(s.amount)),
        look(money(s.ledger)),
        look(money(s.statement)),
        look({ value: itemsText(s.n, lang), numberFormat: "@", align: "right" }),
      ];
    };
    const all = noSum();
    for (const kind of Object.keys(KIND_TEXT) as Line["kind"][]) {
      const s = sums.get(kind);
      if (!s) continue;
      rows.push(totalRow(p(D.subtotal), p(KIND_TEXT[kind]), s, false));
      all.n += s.n;
      all.amount = addFen(all.amount, s.amount);
      all.ledger = addFen(all.ledger, s.ledger);
      all.statement = addFen(all.statement, s.statement);
    }
    rows.push(totalRow(p(D.total), "", all, true));
  }
  rows.push(...signatureRows(lang, [2, 5, 10]));
  return {
    name: p(DIFFERENCES_SHEET),
    rows,
    columnWidths: DIFFERENCES_WIDTHS,
    fontSize: REPORT_FONT_SIZE,
    verticalAlign: "center",
    freezeRows: DIFFERENCES_HEADER_ROW,
    ...(n > 0 ? { filterRow: DIFFERENCES_HEADER_ROW, filterLastRow: lastData } : {}),
    print: reportPrint(lang, {
      orientation: "landscape",
      repeatRows: [DIFFERENCES_HEADER_ROW, DIFFERENCES_HEADER_ROW],
      headerText: `${p(T.title)}\u3000${p(T.cutoff)}：${cutoff}`,
    }),
  };
}

const R = {
  title: { zh: "应收账款余额调节表", en: "Receivables balance reconciliation" },
  dealer: { zh: "经销商：", en: "Dealer: " },
  cutoff: { zh: "截止日期：", en: "Cut-off: " },
  item: { zh: "项目", en: "Item" },
  date: { zh: "日期", en: "Date" },
  ref: { zh: "单号", en: "Reference" },
  memo: { zh: "摘要", en: "Description" },
  ours: { zh: "本公司账面\n（应收账款）", en: "Our books\n(receivable)" },
  theirs: { zh: "经销商账面\n（应付账款）", en: "Dealer's books\n(payable)" },
  rows: { zh: "行号", en: "Rows" },
  balance: { zh: "截止日账面余额", en: "Balance at the cut-off" },
  ourSection: { zh: "调整本公司账面：对方已记、我方未记", en: "Adjusting our books: booked by the dealer, not by us" },
  theirSection: { zh: "调整经销商账面：我方已记、对方未记", en: "Adjusting the dealer's books: booked by us, not by the dealer" },
  add: { zh: "加", en: "Add" },
  less: { zh: "减", en: "Less" },
  adjusted: { zh: "调节后余额", en: "Adjusted balance" },
  gap: { zh: "调节后余额之差（本公司 − 经销商）", en: "Difference of the adjusted balances (ours − theirs)" },
  pendingSection: { zh: "待查差异（金额不符、重复记账等，不作调节，须查明哪一方有误并更正）", en: "To check (mismatches, duplicates and the like: not adjusted; find which side is wrong and correct it)" },
  pendingTotal: { zh: "待查差异合计", en: "Total to check" },
  pendingNet: { zh: "待查差异净额（本公司 − 经销商）", en: "Net of the items to check (ours − theirs)" },
  opening: { zh: "期初余额之差（本公司 − 经销商）", en: "Difference of the opening balances (ours − theirs)" },
  unexplained: { zh: "无法解释的差额", en: "Unexplained" },
  balanced: { zh: "调节后双方余额一致。", en: "The adjusted balances agree." },
  unbalanced: { zh: "调节后仍有差额，需进一步核对。", en: "The adjusted balances still differ: check further." },
  none: { zh: "（无）", en: "(none)" },
  ledgerShort: { zh: "台账", en: "L" },
  statementShort: { zh: "对账单", en: "S" },
} satisfies Record<string, Bilingual>;

/** What a 待查 item is, in a word: the kind of difference, or 待确认匹配 for rows awaiting a decision. */
function pendingKindText(source: PendingItem["source"]): Bilingual | undefined {
  return source === "pending" ? KIND_TEXT.suggestion : (KIND_TEXT as Partial<Record<string, Bilingual>>)[source];
}

/** 余额调节表's columns: 项目, 日期, 单号, 摘要, 本公司, 经销商, 行号; they fit portrait A4 at 100%. */
export const RECONCILIATION_WIDTHS = [11, 10, 12, 24, 12.5, 12.5, 10];
const RW = RECONCILIATION_WIDTHS.length;

function boxed(c: OutCell): OutCell {
  return { ...c, border: true };
}

/** Cells of a row, boxed, with empty boxes up to the sheet's width. */
function boxRow(cells: OutCell[]): OutRow {
  const row = cells.map(boxed);
  while (row.length < RW) row.push(boxed({ value: "" }));
  return row;
}

/** A label over 项目 to 摘要 (A:D), then our figure, theirs, and the rows. */
function figureRow(label: string, ours: OutCell | null, theirs: OutCell | null, strong = false): OutRow {
  const look = (c: OutCell) => (strong ? totalCell(c) : boxed(c));
  return [
    look({ value: label, numberFormat: "@", mergeAcross: 3, wrap: true }),
    null,
    null,
    null,
    look(ours ?? { value: "" }),
    look(theirs ?? { value: "" }),
    look({ value: "" }),
  ];
}

function sectionRow(label: string): OutRow {
  return [{ value: label, bold: true, numberFormat: "@", mergeAcross: RW - 1, wrap: true, border: true, fill: HEAD_SECTION_FILL }];
}

const HEAD_SECTION_FILL = "#F7F9FC";

/** Date, reference and description of an item's first row, and what the other side wrote if it differs. */
function detailsOf(ledgerRows: readonly number[], statementRows: readonly number[], src: SourceSheets, lang: Lang): { date: OutCell; ref: OutCell; memo: OutCell } {
  const ours = firstEntry(ledgerRows, src.ledgerEntries);
  const theirs = firstEntry(statementRows, src.statementEntries);
  const e = ours ?? theirs;
  let memo = e?.description ?? "";
  if (ours && theirs && theirs.description && theirs.description !== ours.description) {
    memo = lang === "en-US" ? `${memo} / theirs: ${theirs.description}` : `${memo}；对方：${theirs.description}`;
  }
  const more = ledgerRows.length + statementRows.length > (ours ? 1 : 0) + (theirs ? 1 : 0) ? (lang === "en-US" ? " (and more rows)" : "（等多行）") : "";
  return {
    date: e?.date ? { value: { date: e.date } } : { value: "" },
    ref: long(e?.ref),
    memo: long(`${memo}${more}`),
  };
}

/**
 * The rows of an item's home side, linked to the first: ours when we have the item, else the statement's.
 * One side only, on one line: a link cell does not wrap in every spreadsheet, and an item on both sides
 * names both rows in its text already.
 */
function rowsLink(ledgerRows: readonly number[], statementRows: readonly number[], src: SourceSheets, lang: Lang): OutCell {
  const p = (t: Bilingual) => pick(t, lang);
  const ours = ledgerRows.length > 0;
  const rows = ours ? ledgerRows : statementRows;
  if (rows.length === 0) return { value: "" };
  const shown = rows.length > 2 ? `${rows.slice(0, 2).join(",")}…` : rows.join(",");
  return {
    value: `${p(ours ? R.ledgerShort : R.statementShort)} ${shown}`,
    numberFormat: "@",
    link: { sheet: ours ? src.ledgerSheet : src.statementSheet, row: rows[0] },
    color: LINK_COLOR,
  };
}

function adjustmentRow(a: Adjustment, side: "ours" | "theirs", src: SourceSheets, lang: Lang): OutRow {
  const p = (t: Bilingual) => pick(t, lang);
  const d = detailsOf(a.ledgerRows, a.statementRows, src, lang);
  const amount = money(absFen(a.amount));
  return boxRow([
    { value: `${a.amount >= 0 ? p(R.add) : p(R.less)}：`, numberFormat: "@", align: "center" },
    d.date,
    d.ref,
    d.memo,
    side === "ours" ? amount : { value: "" },
    side === "theirs" ? amount : { value: "" },
    rowsLink(a.ledgerRows, a.statementRows, src, lang),
  ]);
}

function pendingRow(x: PendingItem, src: SourceSheets, lang: Lang): OutRow {
  const d = detailsOf(x.ledgerRows, x.statementRows, src, lang);
  const kind = pendingKindText(x.source);
  return boxRow([
    { value: kind ? pick(kind, lang) : render(x.text, lang), numberFormat: "@", wrap: true },
    d.date,
    d.ref,
    kind ? long(`${d.memo.value as string}${d.memo.value ? "\n" : ""}${render(x.text, lang)}`) : d.memo,
    x.ledgerRows.length > 0 ? money(x.ledgerAmount) : { value: "" },
    x.statementRows.length > 0 ? money(x.statementAmount) : { value: "" },
    rowsLink(x.ledgerRows, x.statementRows, src, lang),
  ]);
}

/**
 * The 余额调节表 in the usual form, one block per dealer, each on its own page: both balances at the
 * cut-off side by side; the items only the dealer has booked adjust our balance, the items only we have
 * booked adjust theirs (each named by date, reference and 摘要, its rows linked); the adjusted balances;
 * then the 待查 items with both amounts, their total, and what is left; and the sign-off line.
 */
export function reconciliationSheet(report: ReconcileReport, src: SourceSheets, lang: Lang): SheetSpec {
  const p = (t: Bilingual) => pick(t, lang);
  const rows: OutRow[] = [];
  const breaks: number[] = [];
  const cutoff = report.asOf ?? report.cutoff ?? "";
  // A dealer one sheet does not have was not reconciled: it gets no 余额调节表 (差异明细 lists it).
  const reconciled = report.dealers.filter((d) => d.status === "reconciled");
  for (const d of reconciled) {
    const r = d.reconciliation;
    if (rows.length > 0) breaks.push(rows.length + 1);
    rows.push([{ value: p(R.title), bold: true, fontSize: TITLE_FONT_SIZE + 2, align: "center", mergeAcross: RW - 1 }]);
    rows.push([
      { value: `${p(R.dealer)}${d.dealer ?? ""}`, numberFormat: "@", mergeAcross: 3, wrap: true },
      null,
      null,
      null,
      { value: `${p(R.cutoff)}${cutoff}`, numberFormat: "@", mergeAcross: 1 },
      null,
      { value: unitText(lang), align: "right" },
    ]);
    rows.push([R.item, R.date, R.ref, R.memo, R.ours, R.theirs, R.rows].map((t) => headCell(p(t))));
    rows.push(figureRow(p(R.balance), money(r.ledgerBalance), money(r.statementBalance), true));
    rows.push(sectionRow(p(R.ourSection)));
    if (r.ledgerAdjustments.length === 0) rows.push(boxRow([{ value: p(R.none), numberFormat: "@" }]));
    for (const a of r.ledgerAdjustments) rows.push(adjustmentRow(a, "ours", src, lang));
    rows.push(sectionRow(p(R.theirSection)));
    if (r.statementAdjustments.length === 0) rows.push(boxRow([{ value: p(R.none), numberFormat: "@" }]));
    for (const a of r.statementAdjustments) rows.push(adjustmentRow(a, "theirs", src, lang));
    rows.push(figureRow(p(R.adjusted), money(r.adjustedLedgerBalance), money(r.adjustedStatementBalance), true));
    rows.push(figureRow(p(R.gap), money(r.remainder), null));
    rows.push(sectionRow(p(R.pendingSection)));
    if (r.pendingItems.length === 0) rows.push(boxRow([{ value: p(R.none), numberFormat: "@" }]));
    for (const x of r.pendingItems) rows.push(pendingRow(x, src, lang));
    if (r.pendingItems.length > 0) {
      const ours = sumFen(r.pendingItems, (x) => x.ledgerAmount);
      const theirs = sumFen(r.pendingItems, (x) => x.statementAmount);
      rows.push(figureRow(p(R.pendingTotal), money(ours), money(theirs)));
    }
    rows.push(figureRow(p(R.pendingNet), money(r.pendingTotal), null, true));
    if (r.openingDifference !== 0) rows.push(figureRow(p(R.opening), money(r.openingDifference), null));
    if (r.unexplained !== 0) rows.push(figureRow(p(R.unexplained), { ...money(r.unexplained), color: "#C50F1F" }, null));
    rows.push([]);
    rows.push([
      r.balanced
        ? { value: p(R.balanced), color: "#107C10", bold: true, mergeAcross: RW - 1 }
        : { value: r.remainderNote ? render(r.remainderNote, lang) : p(R.unbalanced), color: "#C50F1F", bold: true, numberFormat: "@", wrap: true, mergeAcross: RW - 1 },
    ]);
    rows.push(...signatureRows(lang, [1, 4, 6]));
  }
  if (reconciled.length === 0) rows.push([{ value: p(R.title), bold: true, fontSize: TITLE_FONT_SIZE + 2 }], [p(R.none)]);
  return {
    name: p(RECONCILIATION_SHEET),
    rows,
    columnWidths: RECONCILIATION_WIDTHS,
    fontSize: REPORT_FONT_SIZE,
    verticalAlign: "center",
    print: reportPrint(lang, { orientation: "portrait", headerText: `${p(R.title)}\u3000${p(R.cutoff)}${cutoff}`, breakBefore: breaks, centerHorizontally: true }),
  };
}
