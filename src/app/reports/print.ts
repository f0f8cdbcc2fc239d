/**
 * How every result sheet prints, so a finance head can read and sign it: A4, 10 pt type, columns sized to
 * the page (never shrunk below 90%, so nothing prints under 9 pt), long text wrapped inside its column,
 * the table header on every page, "第 1 页 共 N 页" in the footer, 单位：元 at the top and 编制 / 复核 /
 * 日期 lines at the end. Later sheets (letters, registers) build on the same pieces.
 */
import { contentWidth, headerFooterText, printableWidth } from "../../port/print";
import type { OutCell, OutRow, PrintSetup, SheetSpec } from "../../port/workbook";
import { pick, type Bilingual, type Lang } from "../lang";
import { counted } from "../../messages/render";

/** Type size of a result sheet's body: at the lowest allowed scale (90%) it prints at 9 pt. */
export const REPORT_FONT_SIZE = 10;
export const TITLE_FONT_SIZE = 14;
export const REPORT_MIN_SCALE = 90;
export const HEAD_FILL = "#E8EEF7";
export const TOTAL_FILL = "#F3F3F3";

const P = {
  footer: { zh: "第 &P 页 共 &N 页", en: "Page &P of &N" },
  unit: { zh: "单位：元", en: "Unit: CNY (yuan)" },
  preparedBy: { zh: "编制人：", en: "Prepared by: " },
  checkedBy: { zh: "复核人：", en: "Checked by: " },
  date: { zh: "日期：", en: "Date: " },
} satisfies Record<string, Bilingual>;

export function unitText(lang: Lang): string {
  return pick(P.unit, lang);
}

/** A count of items as a totals row says it: `3 笔`; `1 item`, `3 items`. */
export function itemsText(n: number, lang: Lang): string {
  return lang === "en-US" ? counted(n, "item", "items") : `${n} 笔`;
}

export interface ReportPrintOptions {
  orientation: "portrait" | "landscape";
  /** The table header, repeated on every page (1-based rows). */
  repeatRows?: [number, number];
  /** Columns repeated at the left of every page across (1-based), for sheets wider than a page. */
  repeatColumns?: [number, number];
  /** Printed at the top left of every page (e.g. the report's title and cut-off); dealer text is escaped. */
  headerText?: string;
  /** Rows that start a new page (letters, one dealer per page). */
  breakBefore?: number[];
  centerHorizontally?: boolean;
}

/** The print setup every result sheet shares. */
export function reportPrint(lang: Lang, o: ReportPrintOptions): PrintSetup {
  return {
    orientation: o.orientation,
    fitToWidth: true,
    minScale: REPORT_MIN_SCALE,
    ...(o.repeatRows ? { repeatRows: o.repeatRows } : {}),
    ...(o.repeatColumns ? { repeatColumns: o.repeatColumns } : {}),
    ...(o.centerHorizontally ? { centerHorizontally: true } : {}),
    ...(o.headerText ? { header: { left: headerFooterText(o.headerText) } } : {}),
    footer: { center: pick(P.footer, lang) },
    ...(o.breakBefore && o.breakBefore.length > 0 ? { breakBefore: o.breakBefore } : {}),
  };
}

/**
 * The scale a sheet's columns print at on its page, in percent (100 when they fit). Result sheets are
 * designed so this stays at or above `REPORT_MIN_SCALE`; tests hold every sheet to it.
 */
export function designedScale(spec: Pick<SheetSpec, "rows" | "columnWidths" | "print">): number {
  const content = contentWidth(spec);
  return content > 0 ? Math.min(100, Math.floor((printableWidth(spec.print) / content) * 100)) : 100;
}

/** Header cells of a table: bold, shaded, boxed, centred, wrapped when longer than the column. */
export function headCell(value: string): OutCell {
  return { value, bold: true, fill: HEAD_FILL, border: true, align: "center", wrap: true };
}

/** A 合计 / 小计 cell: bold on light grey, boxed. */
export function totalCell(cell: OutCell): OutCell {
  return { ...cell, bold: true, fill: TOTAL_FILL, border: true };
}

/**
 * The sign-off line: 编制人 / 复核人 / 日期 with a rule to sign on, at the given columns (1-based; each
 * runs over the empty cells to its right), under an empty row that leaves room for the pen.
 */
export function signatureRows(lang: Lang, columns: [number, number, number]): OutRow[] {
  const row: OutRow = [];
  const labels = [P.preparedBy, P.checkedBy, P.date];
  columns.forEach((c, i) => {
    while (row.length < c - 1) row.push(null);
    row.push({ value: `${pick(labels[i], lang)}${SIGN_RULE}`, bold: true, numberFormat: "@" });
  });
  return [[], row];
}

const SIGN_RULE = "________________";

/** Whether a row is the sign-off line (for tests and for readers of the sheet). */
export function isSignatureText(text: unknown, lang: Lang): boolean {
  return typeof text === "string" && text.startsWith(pick(P.preparedBy, lang));
}
