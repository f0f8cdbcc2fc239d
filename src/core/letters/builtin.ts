/**
 * The built-in templates, as data: 对账函（积极式）, 对账函（消极式） and 对账函（含明细）. They are written into
 * the workbook as ordinary sheets the user then owns; `isUnchangedBuiltin` tells whether a sheet still holds
 * our text, so a sheet the user changed is never written over.
 *
 * Page: A4 portrait with Excel's normal margins leaves 733 pt of height and 494 pt of width. The eight columns
 * of width 10 take 450 pt where the default font's digit is 7 px (Calibri, 等线) and 510 pt where it is 8 px;
 * fit-to-width then shrinks by at most 3 %, so the summary letters' 700 pt of rows stay on one page. Text
 * is 10 pt or larger; every wrapped row is tall enough for its longest filling (a 999,999,999,999.99 balance)
 * at 40 characters a line. The 含明细 letter has no summary table and less room for the seal, so with up to two
 * movements it stays on one page too; with more it runs on as long as the movements do.
 */
import type { CellValue } from "../model";
import { cellText } from "../values/text";
import type { CellRange, CellStyle, PageSetup, Template, TemplateRow } from "./types";

export type BuiltinKind = "positive" | "negative" | "movements";

export const BUILTIN_SHEETS: Record<BuiltinKind, string> = {
  positive: "对账函（积极式）",
  negative: "对账函（消极式）",
  movements: "对账函（含明细）",
};

export const COLUMNS = 8;
const FONT = "宋体";

export const A4_PAGE: PageSetup = {
  paper: "A4",
  orientation: "portrait",
  margins: { top: 0.75, bottom: 0.75, left: 0.7, right: 0.7, header: 0.3, footer: 0.3 },
  fitToWidth: true,
};

export const STYLES: Record<string, CellStyle> = {
  letterhead: { fontName: FONT, fontSize: 16, bold: true, align: "center", vertical: "center" },
  title: { fontName: FONT, fontSize: 18, bold: true, align: "center", vertical: "center" },
  number: { fontName: FONT, fontSize: 10.5, align: "right", vertical: "center" },
  to: { fontName: FONT, fontSize: 12, bold: true, align: "left", vertical: "center" },
  body: { fontName: FONT, fontSize: 11, align: "left", vertical: "top", wrap: true },
  th: { fontName: FONT, fontSize: 11, bold: true, align: "center", vertical: "center", border: { top: true, bottom: true, left: true, right: true } },
  td: { fontName: FONT, fontSize: 11, align: "center", vertical: "center", border: { top: true, bottom: true, left: true, right: true } },
  tdAmount: { fontName: FONT, fontSize: 11, align: "right", vertical: "center", numberFormat: "#,##0.00", border: { top: true, bottom: true, left: true, right: true } },
  plain: { fontName: FONT, fontSize: 11, align: "left", vertical: "center" },
  sealName: { fontName: FONT, fontSize: 11, align: "right", vertical: "center" },
  sealDate: { fontName: FONT, fontSize: 11, align: "right", vertical: "center", numberFormat: 'yyyy"年"m"月"d"日"' },
  cut: { fontName: FONT, fontSize: 10, align: "center", vertical: "center", border: { dashedTop: true } },
  slipTitle: { fontName: FONT, fontSize: 14, bold: true, align: "center", vertical: "center" },
  slipHead: { fontName: FONT, fontSize: 11, bold: true, align: "left", vertical: "center" },
  sign: { fontName: FONT, fontSize: 11, align: "left", vertical: "bottom" },
  writeLine: { fontName: FONT, fontSize: 11, align: "left", vertical: "bottom", border: { bottom: true } },
  dtDate: { fontName: FONT, fontSize: 10, align: "center", vertical: "center", numberFormat: "yyyy-mm-dd", border: { top: true, bottom: true, left: true, right: true } },
  dtText: { fontName: FONT, fontSize: 10, align: "left", vertical: "center", border: { top: true, bottom: true, left: true, right: true } },
  dtAmount: { fontName: FONT, fontSize: 10, align: "right", vertical: "center", numberFormat: "#,##0.00", border: { top: true, bottom: true, left: true, right: true } },
  marker: { fontName: FONT, fontSize: 10, align: "left", vertical: "center" },
};

/** One row: cells as [column, text, style], merges as [from, to] column pairs. */
export interface RowSpec {
  height: number;
  cells: [number, string, string][];
  merges?: [number, number][];
}

const line = (height: number, text: string, style: string): RowSpec => ({ height, cells: [[1, text, style]], merges: [[1, COLUMNS]] });
const blank = (height: number): RowSpec => ({ height, cells: [] });

const BODY_POSITIVE =
  "　　本公司与贵公司的往来款项，截至{{截至日期}}本公司账面记录如下。如与贵公司记录相符，请在本函下端“数据证明无误”处签章证明；" +
  "如有不符，请在“数据不符”处列明贵公司记载的金额及不符原因，签章后于{{回函截止日期}}前将回执寄回本公司。";
const BODY_NEGATIVE =
  "　　本公司与贵公司的往来款项，截至{{截至日期}}本公司账面记录如下。如与贵公司记录相符，无须回复；" +
  "如有不符，请在本函下端“数据不符”处列明贵公司记载的金额及不符原因，签章后于{{回函截止日期}}前将回执寄回本公司。";

/**
 * The letter's head. The 含明细 letter leaves out the summary table: its list of movements ends in the same
 * closing balance, and without the table a letter with a few movements still fits one page.
 */
function head(body: string, summaryTable: boolean): RowSpec[] {
  const table: RowSpec[] = [
    {
      height: 22,
      cells: [[1, "截止日期", "th"], [3, "贵公司欠本公司", "th"], [5, "本公司欠贵公司", "th"], [7, "备注", "th"]],
      merges: [[1, 2], [3, 4], [5, 6], [7, 8]],
    },
    {
      height: 24,
      cells: [[1, "{{截至日期}}", "td"], [3, "{{贵公司欠本公司}}", "tdAmount"], [5, "{{本公司欠贵公司}}", "tdAmount"], [7, "", "td"]],
      merges: [[1, 2], [3, 4], [5, 6], [7, 8]],
    },
  ];
  return [
    line(28, "{{本公司名称}}", "letterhead"),
    line(30, "对　账　函", "title"),
    line(18, "编号：{{编号}}", "number"),
    line(22, "致：{{客户名称}}", "to"),
    line(62, body, "body"),
    ...(summaryTable ? table : []),
    line(46, "　　截至{{截至日期}}，{{方向}}人民币{{余额}}元（大写：{{余额大写}}）。", "body"),
  ];
}

function movementsBlock(): RowSpec[] {
  const cells = (texts: string[], style: (i: number) => string): [number, string, string][] =>
    [1, 2, 3, 6, 7, 8].map((col, i) => [col, texts[i], style(i)]);
  return [
    line(22, "本期往来明细（{{起始日期}}至{{截至日期}}）：", "slipHead"),
    { height: 20, cells: cells(["日期", "单号", "摘要", "增加", "减少", "余额"], () => "th"), merges: [[3, 5]] },
    line(16, "{{#明细}}", "marker"),
    {
      height: 18,
      cells: cells(["{{日期}}", "{{单号}}", "{{摘要}}", "{{增加}}", "{{减少}}", "{{余额}}"], (i) => (i === 0 ? "dtDate" : i < 3 ? "dtText" : "dtAmount")),
      merges: [[3, 5]],
    },
    line(16, "{{/明细}}", "marker"),
    {
      height: 20,
      cells: [[1, "期初余额 {{期初余额}}，本期合计", "dtText"], [6, "{{本期增加}}", "dtAmount"], [7, "{{本期减少}}", "dtAmount"], [8, "{{期末余额}}", "dtAmount"]],
      merges: [[1, 5]],
    },
  ];
}

function tail(kind: BuiltinKind): RowSpec[] {
  const sign = (height: number): RowSpec => ({
    height,
    cells: [[1, "（盖章）", "sign"], [4, "经办人：", "sign"], [6, "日期：　　　年　　月　　日", "sign"]],
    merges: [[1, 3], [4, 5], [6, 8]],
  });
  const rows: RowSpec[] = [
    line(32, "　　本函仅为核对账目之用，并非催款结算。若款项在上述日期之后已经付清，仍请及时函复为盼。", "body"),
    line(18, "回函地址：{{本公司地址}}", "plain"),
    line(18, "联系人：{{本公司联系人}}　　电话：{{电话}}", "plain"),
    // Room for the seal; the 含明细 letter gives some of it to its movements.
    blank(kind === "movements" ? 24 : 40),
    { height: 20, cells: [[3, "{{本公司名称}}（盖章）", "sealName"]], merges: [[3, 8]] },
    { height: 20, cells: [[3, "{{发函日期}}", "sealDate"]], merges: [[3, 8]] },
    blank(8),
    line(20, "沿此线剪开，将以下回执签章后寄回", "cut"),
    line(24, "回　　执", "slipTitle"),
    line(32, "致{{本公司名称}}：贵公司编号为 {{编号}} 的对账函所列截至{{截至日期}}的余额，经本公司核对：", "body"),
  ];
  if (kind !== "negative") rows.push(line(20, "1. 数据证明无误。", "slipHead"), sign(48));
  rows.push(
    line(20, kind === "negative" ? "数据不符，请列明不符项目及具体内容：" : "2. 数据不符，请列明不符项目及具体内容：", "slipHead"),
    line(20, "本公司记载的余额：人民币________________________元", "plain"),
    line(20, "余额方向：□ 本公司欠贵公司　　□ 贵公司欠本公司", "plain"),
    line(22, "不符原因：", "writeLine"),
    line(22, "", "writeLine"),
    sign(48),
  );
  return rows;
}

export function build(sheet: string, specs: RowSpec[]): Template {
  const rows: TemplateRow[] = [];
  const merges: CellRange[] = [];
  specs.forEach((spec, i) => {
    const r = i + 1;
    const cells: TemplateRow["cells"] = new Array(COLUMNS).fill(null);
    for (const [col, text, style] of spec.cells) cells[col - 1] = { value: text === "" ? null : text, style };
    // Cells inside a merge carry the merge's style so its borders print all round.
    for (const [from, to] of spec.merges ?? []) {
      merges.push({ top: r, left: from, bottom: r, right: to });
      const style = cells[from - 1]?.style;
      for (let c = from + 1; c <= to; c++) if (style && !cells[c - 1]) cells[c - 1] = { value: null, style };
    }
    rows.push({ cells, height: spec.height });
  });
  return { sheet, rows, merges, columnWidths: new Array(COLUMNS).fill(10), styles: { ...STYLES }, page: A4_PAGE };
}

/** A built-in template as data. */
export function builtinTemplate(kind: BuiltinKind): Template {
  const body = kind === "negative" ? BODY_NEGATIVE : BODY_POSITIVE;
  const specs = [...head(body, kind !== "movements"), ...(kind === "movements" ? movementsBlock() : []), ...tail(kind)];
  const t = build(BUILTIN_SHEETS[kind], specs);
  // Room for a whole yyyy-mm-dd and a 15-character 单号 in the substitute fonts LibreOffice and a Mac use
  // for 宋体 (at width 10 a date printed ### and 单号 were cut); 摘要 gives up what they take.
  if (kind === "movements") t.columnWidths = [12, 16, 8, 7, 6, 11, 11, 11];
  return t;
}

/**
 * Whether a sheet's cells still hold the template's text, cell for cell (the sheet read as `values` from
 * row `top` and column `left`). Cells hidden under a merge are not compared: Excel keeps what was typed
 * there before the merge. Any word or row the user changed makes the sheet theirs, never to be written over.
 */
export function holdsTemplate(t: Template, top: number, left: number, values: readonly (readonly CellValue[])[]): boolean {
  const hidden = new Set<string>();
  for (const m of t.merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) hidden.add(`${r}:${c}`);
  }
  const at = (r: number, c: number): CellValue => (r >= top && c >= left ? (values[r - top]?.[c - left] ?? null) : null);
  const width = Math.max(t.columnWidths.length, ...t.rows.map((r) => r.cells.length), ...values.map((row) => left + row.length - 1));
  const height = Math.max(t.rows.length, top + values.length - 1);
  for (let r = 1; r <= height; r++) {
    for (let c = 1; c <= width; c++) {
      if (hidden.has(`${r}:${c}`)) continue;
      if (cellText(at(r, c)) !== cellText(t.rows[r - 1]?.cells[c - 1]?.value ?? null)) return false;
    }
  }
  return true;
}

/** Whether a sheet's values (from A1) are still those of a built-in letter template. */
export function isUnchangedBuiltin(kind: BuiltinKind, values: readonly (readonly CellValue[])[]): boolean {
  return holdsTemplate(builtinTemplate(kind), 1, 1, values);
}
