/**
 * Templates: find the placeholders and the 明细 block once (`compileTemplate`), then fill a copy per letter
 * (`fillTemplate`). Every problem is found before anything is generated and names the sheet and the cell.
 *
 * Rules a template writer relies on:
 * - `{{名称}}` may stand anywhere in a text cell. A cell that holds one placeholder and nothing else gets a
 *   typed value (an amount as a number with two decimals, a date as a date); inside a sentence the value
 *   is written as text (`107,000.53`, `2026年11月30日`).
 * - Rows between a row holding `{{#明细}}` and a row holding `{{/明细}}` repeat once per detail line, and
 *   the two marker rows themselves are not copied (so they must hold nothing else). Both markers on one row
 *   make that row the block, markers removed. Rows below move down; their merges and heights go with them.
 * - Inside the block, detail fields win over letter fields of the same name: `{{余额}}` there is the running
 *   balance of the line, outside it is the letter's balance.
 */
import { isoFromUtcDate } from "../dates";
import type { Grid } from "../model";
import { formatFenGrouped, fenToYuan } from "../money";
import { columnLetter } from "../read/columns";
import { isoToSerial } from "../values/date";
import {
  COMPANY_FIELDS,
  DEALER_FIELDS,
  DETAIL_BLOCK,
  DETAIL_BLOCK_NAMES,
  isDetailField,
  isLetterField,
  type DetailField,
  type LetterField,
} from "./fields";
import type {
  CellRange,
  FieldValue,
  FilledCell,
  FilledLetter,
  FilledRow,
  FillWarning,
  Template,
  TemplateCell,
  TemplateProblem,
  TemplateRow,
  TemplateProblemCode,
} from "./types";

/**
 * A user's template sheet as the port reads it (values only) into a template from row 1 and column A. Each
 * cell of the used range gets its own A1 address as style id, so the adapter copies the look from the template
 * sheet itself; merges, widths and heights are passed in where the adapter can read them. A date typed into
 * the template becomes its Excel serial, which the copied date format shows as the date again.
 */
export function templateFromGrid(
  grid: Grid,
  layout: { merges?: CellRange[]; columnWidths?: (number | null)[]; rowHeights?: (number | undefined)[] } = {},
): Template {
  const width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
  const rows: TemplateRow[] = [];
  for (let row = 1; row < grid.top + grid.values.length; row++) {
    const values = grid.values[row - grid.top];
    const cells: (TemplateCell | null)[] = [];
    for (let column = 1; column < grid.left + width; column++) {
      if (!values || column < grid.left) {
        cells.push(null);
        continue;
      }
      const v = values[column - grid.left];
      const value = v instanceof Date ? isoToSerial(isoFromUtcDate(v), grid.date1904) : v ?? null;
      cells.push({ value, style: `${columnLetter(column)}${row}` });
    }
    const out: TemplateRow = { cells };
    const height = layout.rowHeights?.[row - 1];
    if (height !== undefined) out.height = height;
    rows.push(out);
  }
  return { sheet: grid.sheet, rows, merges: layout.merges ?? [], columnWidths: layout.columnWidths ?? [] };
}

/** What a missing detail becomes: a line long enough to write a bank account number on. */
export const HAND_FILL_LINE = "________________";

export const AMOUNT_FORMAT = "#,##0.00";
export const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

type Part = string | { field: string };

interface ParsedCell {
  parts: Part[];
  /** The field when the cell is that one placeholder and nothing else. */
  whole: string | null;
}

/** Template rows grouped: plain rows are copied once, a block's body once per detail line. */
type Segment =
  | { kind: "rows"; from: number; to: number }
  | { kind: "block"; from: number; to: number; markerRows: number[] };

export interface CompiledTemplate {
  template: Template;
  segments: Segment[];
  /** Parsed text cells by 1-based row and column; cells without placeholders are not listed. */
  parsed: Map<number, Map<number, ParsedCell>>;
  /** Every field the template uses, in order of first appearance. */
  fields: string[];
  /** Whether the template has a 明细 block. */
  hasDetails: boolean;
}

export type CompileResult = { ok: true; template: CompiledTemplate } | { ok: false; problems: TemplateProblem[] };

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** Check a template and prepare it for filling; lists every problem at once. */
export function compileTemplate(template: Template): CompileResult {
  const problems: TemplateProblem[] = [];
  const problem = (code: TemplateProblemCode, row: number, column: number, found: string) =>
    problems.push({ code, sheet: template.sheet, cell: `${columnLetter(column)}${row}`, row, column, found });

  const parsed = new Map<number, Map<number, ParsedCell>>();
  const starts = new Map<number, number>(); // row → column of a block start marker
  const ends = new Map<number, number>();
  const fieldsSeen: string[] = [];
  const fieldSet = new Set<string>();

  template.rows.forEach((tRow, r) => {
    const row = r + 1;
    tRow.cells.forEach((cell, c) => {
      const column = c + 1;
      if (!cell || typeof cell.value !== "string" || (!cell.value.includes("{") && !cell.value.includes("}"))) return;
      const text = cell.value;
      const parts: Part[] = [];
      let last = 0;
      for (const m of text.matchAll(PLACEHOLDER)) {
        const at = m.index ?? 0;
        if (at > last) parts.push(text.slice(last, at));
        last = at + m[0].length;
        const name = m[1].trim();
        if (name.startsWith("#") || name.startsWith("/")) {
          const blockName = name.slice(1).trim();
          if (!DETAIL_BLOCK_NAMES.includes(blockName)) {
            problem("unknown_block", row, column, m[0]);
            continue;
          }
          const map = name.startsWith("#") ? starts : ends;
          if (map.has(row)) problem("nested_block", row, column, m[0]);
          else map.set(row, column);
          continue;
        }
        parts.push({ field: name });
        if (!fieldSet.has(name)) {
          fieldSet.add(name);
          fieldsSeen.push(name);
        }
      }
      if (last < text.length) parts.push(text.slice(last));
      const leftover = parts.filter((p): p is string => typeof p === "string").join("");
      if (leftover.includes("{{") || leftover.includes("}}")) problem("unclosed_placeholder", row, column, text);
      const fields = parts.filter((p): p is { field: string } => typeof p !== "string");
      const onlyText = parts.every((p) => typeof p !== "string" || p.trim() === "");
      const whole = fields.length === 1 && onlyText ? fields[0].field : null;
      let rowMap = parsed.get(row);
      if (!rowMap) parsed.set(row, (rowMap = new Map()));
      rowMap.set(column, { parts, whole });
    });
  });

  // Blocks, in row order.
  const segments: Segment[] = [];
  const blockRows = new Set<number>(); // body rows, where detail fields may stand
  const regions: { from: number; to: number; markerRows: number[] }[] = [];
  let open: number | null = null;
  let plainFrom = 1;
  const rowCount = template.rows.length;
  for (let row = 1; row <= rowCount; row++) {
    const isStart = starts.has(row);
    const isEnd = ends.has(row);
    if (isStart && isEnd && open === null) {
      if (row > plainFrom) segments.push({ kind: "rows", from: plainFrom, to: row - 1 });
      segments.push({ kind: "block", from: row, to: row, markerRows: [] });
      regions.push({ from: row, to: row, markerRows: [] });
      blockRows.add(row);
      plainFrom = row + 1;
      continue;
    }
    if (isStart) {
      if (open !== null) {
        problem("nested_block", row, starts.get(row)!, `{{#${DETAIL_BLOCK}}}`);
        continue;
      }
      checkMarkerRow(template, parsed, row, problem);
      if (row > plainFrom) segments.push({ kind: "rows", from: plainFrom, to: row - 1 });
      open = row;
    }
    if (isEnd) {
      if (open === null) {
        problem("block_end_without_start", row, ends.get(row)!, `{{/${DETAIL_BLOCK}}}`);
        continue;
      }
      if (open === row) continue; // start and end on one row while another block was open: reported above
      checkMarkerRow(template, parsed, row, problem);
      segments.push({ kind: "block", from: open + 1, to: row - 1, markerRows: [open, row] });
      regions.push({ from: open, to: row, markerRows: [open, row] });
      for (let b = open + 1; b < row; b++) blockRows.add(b);
      open = null;
      plainFrom = row + 1;
    }
  }
  if (open !== null) {
    problem("unclosed_block", open, starts.get(open)!, `{{#${DETAIL_BLOCK}}}`);
    // The rows after it were meant as the block: one problem, not one more per detail field there.
    for (let b = open + 1; b <= rowCount; b++) blockRows.add(b);
  } else if (plainFrom <= rowCount) segments.push({ kind: "rows", from: plainFrom, to: rowCount });

  // Placeholders: known names, detail fields only inside a block.
  for (const [row, cells] of parsed) {
    for (const [column, cell] of cells) {
      for (const p of cell.parts) {
        if (typeof p === "string") continue;
        const inBlock = blockRows.has(row);
        if (isLetterField(p.field) || (inBlock && isDetailField(p.field))) continue;
        if (isDetailField(p.field)) problem("detail_field_outside_block", row, column, `{{${p.field}}}`);
        else problem("unknown_placeholder", row, column, `{{${p.field}}}`);
      }
    }
  }

  // A merge must stay out of a block, lie inside its body, or lie on one marker row (then it is dropped).
  for (const m of template.merges) {
    for (const region of regions) {
      if (m.bottom < region.from || m.top > region.to) continue;
      const bodyFrom = region.markerRows.length ? region.from + 1 : region.from;
      const bodyTo = region.markerRows.length ? region.to - 1 : region.to;
      const insideBody = m.top >= bodyFrom && m.bottom <= bodyTo;
      const onMarkerRow = m.top === m.bottom && region.markerRows.includes(m.top);
      if (!insideBody && !onMarkerRow) problem("merge_crosses_block", m.top, m.left, rangeText(m));
    }
  }

  if (problems.length) {
    problems.sort((a, b) => a.row - b.row || a.column - b.column);
    return { ok: false, problems };
  }
  return { ok: true, template: { template, segments, parsed, fields: fieldsSeen, hasDetails: regions.length > 0 } };
}

function checkMarkerRow(
  template: Template,
  parsed: Map<number, Map<number, ParsedCell>>,
  row: number,
  problem: (code: TemplateProblemCode, row: number, column: number, found: string) => void,
): void {
  template.rows[row - 1].cells.forEach((cell, c) => {
    if (!cell || cell.value === null || cell.value === "") return;
    const p = parsed.get(row)?.get(c + 1);
    const rest = p ? p.parts.map((x) => (typeof x === "string" ? x : `{{${x.field}}}`)).join("") : String(cell.value);
    if (rest.trim() !== "") problem("marker_row_has_text", row, c + 1, rest.trim());
  });
}

function rangeText(m: CellRange): string {
  return `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`;
}

/** The values of one letter; a field the letter lacks is filled as a line to fill by hand. */
export type LetterValues = Partial<Record<LetterField, FieldValue>>;
export type DetailValues = Partial<Record<DetailField, FieldValue>>;

const COMPANY_SET: ReadonlySet<string> = new Set(COMPANY_FIELDS);
const DEALER_SET: ReadonlySet<string> = new Set(DEALER_FIELDS);

/** One letter from a compiled template. */
export function fillTemplate(compiled: CompiledTemplate, values: LetterValues, details: readonly DetailValues[] = []): FilledLetter {
  const { template } = compiled;
  const rows: FilledRow[] = [];
  const warned = new Map<string, FillWarning>();
  // Output row (1-based) of each template row, per repetition for block rows.
  const outRow = new Map<number, number[]>();

  const lookup = (field: string, detail: DetailValues | null): FieldValue => {
    const v = detail && isDetailField(field) ? detail[field] : isLetterField(field) ? values[field] : undefined;
    const value = v ?? { kind: "missing" };
    if (value.kind === "missing" && !warned.has(field)) {
      const code = COMPANY_SET.has(field) ? "missing_company_detail" : DEALER_SET.has(field) ? "missing_dealer_detail" : "missing_field";
      warned.set(field, { code, field });
    }
    return value;
  };

  const copyRow = (row: number, detail: DetailValues | null) => {
    const tRow = template.rows[row - 1];
    const cells = tRow.cells.map((cell, c) => fillCell(cell, compiled.parsed.get(row)?.get(c + 1), (f) => lookup(f, detail)));
    const out: FilledRow = { cells, source: row };
    if (tRow.height !== undefined) out.height = tRow.height;
    rows.push(out);
    let list = outRow.get(row);
    if (!list) outRow.set(row, (list = []));
    list.push(rows.length);
  };

  for (const seg of compiled.segments) {
    if (seg.kind === "rows") for (let r = seg.from; r <= seg.to; r++) copyRow(r, null);
    else for (const d of details) for (let r = seg.from; r <= seg.to; r++) copyRow(r, d);
  }

  const merges: CellRange[] = [];
  for (const m of template.merges) {
    const tops = outRow.get(m.top) ?? [];
    for (const top of tops) merges.push({ top, left: m.left, bottom: top + (m.bottom - m.top), right: m.right });
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  return { rows, merges, columnWidths: [...template.columnWidths], warnings: [...warned.values()] };
}

function fillCell(cell: TemplateCell | null, parsed: ParsedCell | undefined, lookup: (field: string) => FieldValue): FilledCell | null {
  if (!cell) return null;
  const out: FilledCell = { value: cell.value };
  if (cell.style !== undefined) out.style = cell.style;
  if (!parsed) return out;
  if (parsed.whole !== null) {
    const v = lookup(parsed.whole);
    switch (v.kind) {
      case "text":
        out.value = v.text === "" ? null : v.text;
        break;
      case "amount":
        out.value = fenToYuan(v.fen);
        out.numberFormat = AMOUNT_FORMAT;
        break;
      case "date":
        out.value = { date: v.date };
        out.numberFormat = DATE_FORMAT;
        break;
      case "blank":
        out.value = null;
        break;
      case "missing":
        out.value = HAND_FILL_LINE;
        break;
    }
    return out;
  }
  const text = parsed.parts.map((p) => (typeof p === "string" ? p : inText(lookup(p.field)))).join("");
  out.value = text.trim() === "" ? null : text;
  return out;
}

/** A field's value inside a sentence. */
export function inText(v: FieldValue): string {
  switch (v.kind) {
    case "text":
      return v.text;
    case "amount":
      return formatFenGrouped(v.fen);
    case "date":
      return `${Number(v.date.slice(0, 4))}年${Number(v.date.slice(5, 7))}月${Number(v.date.slice(8, 10))}日`;
    case "blank":
      return "";
    case "missing":
      return HAND_FILL_LINE;
  }
}
