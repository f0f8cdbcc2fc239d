/**
 * The two result sheets of a reconciliation, as plain sheet specs any port can write:
 *  - 差异明细: one row per difference (and per open suggestion), linked to its source rows;
 *  - 余额调节表: per dealer, both balances, the adjusting items and the adjusted balances, on A4.
 */
import type { Adjustment, DealerResult, Difference, ReconcileReport, Suggestion } from "../../core/reconcile";
import type { ReadEntry } from "../../core/read";
import { fenToYuan } from "../../core/money";
import type { OutCell, OutRow, SheetSpec } from "../../port/workbook";
import { pick, type Bilingual, type Lang } from "../lang";
import { MARK_STYLES } from "./marks";

export const DIFFERENCES_SHEET: Bilingual = { zh: "差异明细", en: "Differences" };
export const RECONCILIATION_SHEET: Bilingual = { zh: "余额调节表", en: "Reconciliation" };

const MONEY = "#,##0.00;-#,##0.00";

export const KIND_TEXT: Record<Difference["kind"] | "suggestion", Bilingual> = {
  amount_mismatch: { zh: "金额不符", en: "Amount mismatch" },
  ledger_only: { zh: "我方有、对方无", en: "Only in our ledger" },
  statement_only: { zh: "对方有、我方无", en: "Only on the statement" },
  duplicate: { zh: "重复记账", en: "Duplicate" },
  unreadable: { zh: "无法读取", en: "Cannot be read" },
  suggestion: { zh: "待确认匹配", en: "Match to confirm" },
};

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

/** A cell holding text taken from someone's data: always text, never a formula. */
function text(value: string | null | undefined): OutCell {
  return { value: value ?? "", numberFormat: "@" };
}

function money(fen: number): OutCell {
  return { value: fenToYuan(fen), numberFormat: MONEY };
}

function rowsCell(rows: readonly number[], sheet: string): OutCell {
  if (rows.length === 0) return { value: "" };
  return { value: rows.join(", "), numberFormat: "@", link: { sheet, row: rows[0] }, color: "#0F6CBD" };
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
  amount: number;
  ledgerAmount: number;
  statementAmount: number;
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
    reason: x.reason,
  });
  const sug = (s: Suggestion): Line => ({
    dealer: d.dealer,
    kind: "suggestion",
    amount: s.amount,
    ledgerAmount: s.ledgerAmount,
    statementAmount: s.statementAmount,
    ledgerRows: s.ledgerRows,
    statementRows: s.statementRows,
    reason: s.note,
  });
  return [...d.differences.map(diff), ...d.suggestions.map(sug)];
}

export function differencesSheet(report: ReconcileReport, src: SourceSheets, lang: Lang): SheetSpec {
  const p = (t: Bilingual) => pick(t, lang);
  const header = [T.no, T.dealer, T.kind, T.diff, T.ledgerAmount, T.statementAmount, T.ledgerRows, T.statementRows, T.date, T.ref, T.description, T.reason].map(
    (t): OutCell => ({ value: p(t), bold: true, fill: "#E8EEF7", border: true, align: "center" }),
  );
  const rows: OutRow[] = [
    [{ value: p(T.title), bold: true, fontSize: 14, mergeAcross: 11 }],
    [p(T.cutoff), report.asOf ?? report.cutoff ?? ""],
    header,
  ];
  let n = 0;
  for (const d of report.dealers) {
    for (const line of linesOf(d)) {
      n += 1;
      const entry = firstEntry(line.ledgerRows, src.ledgerEntries) ?? firstEntry(line.statementRows, src.statementEntries);
      const style = MARK_STYLES[line.kind];
      rows.push([
        n,
        text(line.dealer),
        { value: p(KIND_TEXT[line.kind]), fill: style.fill, numberFormat: "@" },
        money(line.amount),
        money(line.ledgerAmount),
        money(line.statementAmount),
        rowsCell(line.ledgerRows, src.ledgerSheet),
        rowsCell(line.statementRows, src.statementSheet),
        entry?.date ? { date: entry.date } : "",
        text(entry?.ref),
        text(entry?.description),
        text(p(line.reason)),
      ]);
    }
  }
  if (n === 0) rows.push([{ value: p(T.none), mergeAcross: 11 }]);
  return {
    name: p(DIFFERENCES_SHEET),
    rows,
    columnWidths: [6, 24, 14, 16, 14, 14, 12, 12, 12, 18, 28, 36],
    freezeRows: 3,
    filterRow: n > 0 ? 3 : undefined,
    print: { orientation: "landscape", fitToWidth: true, repeatRows: [3, 3] },
  };
}

const R = {
  title: { zh: "应收账款余额调节表", en: "Receivables balance reconciliation" },
  dealer: { zh: "经销商：", en: "Dealer: " },
  cutoff: { zh: "截止日期：", en: "Cut-off: " },
  unit: { zh: "单位：人民币元", en: "Unit: CNY" },
  ours: { zh: "本公司账面（应收账款）", en: "Our books (receivable)" },
  theirs: { zh: "经销商对账单（应付账款）", en: "Dealer's statement (payable)" },
  item: { zh: "项目", en: "Item" },
  amount: { zh: "金额", en: "Amount" },
  rows: { zh: "行号", en: "Rows" },
  balance: { zh: "账面余额", en: "Balance" },
  add: { zh: "加：", en: "Add: " },
  less: { zh: "减：", en: "Less: " },
  adjusted: { zh: "调节后余额", en: "Adjusted balance" },
  remainder: { zh: "未解释差额", en: "Unexplained remainder" },
  balanced: { zh: "调节后双方余额一致。", en: "The adjusted balances agree." },
  unbalanced: { zh: "调节后仍有差额，需进一步核对。", en: "The adjusted balances still differ: check further." },
  preparedBy: { zh: "编制人：", en: "Prepared by: " },
  checkedBy: { zh: "复核人：", en: "Checked by: " },
  date: { zh: "日期：", en: "Date: " },
  none: { zh: "（无）", en: "(none)" },
} satisfies Record<string, Bilingual>;

function blank(): OutCell {
  return { value: "", border: true };
}

/**
 * One adjusting item as three cells: 加/减 and what it is, the amount, and the rows it stands for (linked to
 * the sheet where the item is: the statement for items only the dealer has, the ledger otherwise).
 */
function adjustmentCells(a: Adjustment | undefined, home: "ledger" | "statement", src: SourceSheets, lang: Lang): OutCell[] {
  if (!a) return [blank(), blank(), blank()];
  const p = (t: Bilingual) => pick(t, lang);
  const rowsText = [
    a.ledgerRows.length ? `${lang === "en-US" ? "L" : "台账"} ${a.ledgerRows.join(",")}` : "",
    a.statementRows.length ? `${lang === "en-US" ? "S" : "对账单"} ${a.statementRows.join(",")}` : "",
  ]
    .filter(Boolean)
    .join("; ");
  const onStatement = home === "statement" ? a.statementRows.length > 0 || a.ledgerRows.length === 0 : a.ledgerRows.length === 0;
  const linkRow = onStatement ? a.statementRows[0] : a.ledgerRows[0];
  return [
    { value: `${a.amount >= 0 ? p(R.add) : p(R.less)}${p(a.text)}`, numberFormat: "@", border: true },
    { ...money(Math.abs(a.amount)), border: true },
    { value: rowsText, numberFormat: "@", border: true, link: linkRow !== undefined ? { sheet: onStatement ? src.statementSheet : src.ledgerSheet, row: linkRow } : undefined },
  ];
}

/**
 * The 余额调节表 in the usual two-sided form: our side on the left (A-C), the dealer's on the right (E-G),
 * each starting from its balance, adding and deducting the items only the other side has, and ending in
 * the adjusted balances, which must agree. One block per dealer.
 */
export function reconciliationSheet(report: ReconcileReport, src: SourceSheets, lang: Lang): SheetSpec {
  const p = (t: Bilingual) => pick(t, lang);
  const rows: OutRow[] = [];
  const head = (t: Bilingual): OutCell => ({ value: p(t), bold: true, fill: "#E8EEF7", border: true, align: "center" });
  // A dealer one sheet does not have was not reconciled: it gets no 余额调节表 (差异明细 lists it).
  const reconciled = report.dealers.filter((d) => d.status === "reconciled");
  for (const d of reconciled) {
    const r = d.reconciliation;
    if (rows.length > 0) rows.push([], []);
    rows.push([{ value: p(R.title), bold: true, fontSize: 16, align: "center", mergeAcross: 6 }]);
    rows.push([text(`${p(R.dealer)}${d.dealer ?? ""}`), null, null, null, `${p(R.cutoff)}${report.asOf ?? report.cutoff ?? ""}`, null, p(R.unit)]);
    rows.push([{ value: p(R.ours), bold: true, mergeAcross: 2, align: "center", border: true }, null, null, null, { value: p(R.theirs), bold: true, mergeAcross: 2, align: "center", border: true }]);
    rows.push([head(R.item), head(R.amount), head(R.rows), null, head(R.item), head(R.amount), head(R.rows)]);
    rows.push([
      { value: p(R.balance), border: true },
      { ...money(r.ledgerBalance), border: true },
      { value: "", border: true },
      null,
      { value: p(R.balance), border: true },
      { ...money(r.statementBalance), border: true },
      { value: "", border: true },
    ]);
    // Left: what only the dealer has (and our duplicates) adjusts our balance; right: the reverse.
    const left = r.ledgerAdjustments;
    const right = r.statementAdjustments;
    if (left.length + right.length === 0) rows.push([{ value: p(R.none), border: true }, blank(), blank(), null, blank(), blank(), blank()]);
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      rows.push([...adjustmentCells(left[i], "statement", src, lang), null, ...adjustmentCells(right[i], "ledger", src, lang)]);
    }
    rows.push([
      { value: p(R.adjusted), bold: true, border: true },
      { ...money(r.adjustedLedgerBalance), bold: true, border: true },
      { value: "", border: true },
      null,
      { value: p(R.adjusted), bold: true, border: true },
      { ...money(r.adjustedStatementBalance), bold: true, border: true },
      { value: "", border: true },
    ]);
    if (r.balanced) {
      rows.push([{ value: p(R.balanced), color: "#107C10", mergeAcross: 6 }]);
    } else {
      rows.push([{ value: p(R.remainder), bold: true, color: "#C50F1F" }, { ...money(r.remainder), bold: true, color: "#C50F1F" }, null, null, text(r.remainderNote ? p(r.remainderNote) : p(R.unbalanced))]);
    }
    rows.push([]);
    rows.push([p(R.preparedBy), null, null, null, p(R.checkedBy), null, p(R.date)]);
  }
  if (reconciled.length === 0) rows.push([{ value: p(R.title), bold: true, fontSize: 16 }], [p(R.none)]);
  return {
    name: p(RECONCILIATION_SHEET),
    rows,
    columnWidths: [34, 15, 16, 2, 34, 15, 16],
    print: { orientation: "portrait", fitToWidth: true, centerHorizontally: true },
  };
}
