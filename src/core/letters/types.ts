/**
 * The plain models of letters: a template grid, its filled copy, the letter's field values, the register.
 * Nothing here knows Excel: styles are opaque ids the adapter resolves (a built-in template describes them
 * in `Template.styles`; a user's template sheet is copied by the adapter, row by row, from `FilledRow.source`).
 */
import type { Fen, IsoDate } from "../model";

export type Lang = "zh-CN" | "en-US";

/** A cell of a template as the sheet holds it. */
export interface TemplateCell {
  value: string | number | boolean | null;
  /** Opaque id of the cell's look (font, borders, alignment, number format); carried to every copy. */
  style?: string;
}

export interface TemplateRow {
  /** `cells[0]` is column A; null is an empty cell without a format. */
  cells: (TemplateCell | null)[];
  /** Height in points; left out for the sheet's default. */
  height?: number;
}

/** A block of cells by Excel row and column numbers, 1-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** How a built-in template's style ids look. User templates carry their looks in the sheet itself. */
export interface CellStyle {
  fontName?: string;
  /** Points; every built-in style is 10 pt or more so a printed letter stays readable. */
  fontSize: number;
  bold?: boolean;
  align?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  wrap?: boolean;
  /** Thin borders on these sides; `dashedTop` draws the cut line above the reply slip. */
  border?: { top?: boolean; bottom?: boolean; left?: boolean; right?: boolean; dashedTop?: boolean };
  numberFormat?: string;
}

/** Page setup the letters sheet should get (ExcelApi 1.9 in Excel; ExcelJS on files). */
export interface PageSetup {
  paper: "A4";
  orientation: "portrait";
  /** Margins in inches, as Excel's page layout takes them. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  fitToWidth: true;
}

/** A template: one sheet's cells, merges and sizes, from row 1 and column A. */
export interface Template {
  sheet: string;
  rows: TemplateRow[];
  merges: CellRange[];
  /** Column widths in characters from column A; null for the default. */
  columnWidths: (number | null)[];
  /** Built-in templates only: what each style id looks like. */
  styles?: Record<string, CellStyle>;
  page?: PageSetup;
}

/** A place in a template, for messages: sheet, A1-style cell, row and column numbers. */
export interface CellPlace {
  sheet: string;
  cell: string;
  row: number;
  column: number;
}

export type TemplateProblemCode =
  | "unknown_placeholder"
  | "unclosed_placeholder"
  | "detail_field_outside_block"
  | "unknown_block"
  | "unclosed_block"
  | "block_end_without_start"
  | "nested_block"
  | "marker_row_has_text"
  | "merge_crosses_block";

/** Something in a template to fix before any letter is made. */
export interface TemplateProblem extends CellPlace {
  code: TemplateProblemCode;
  /** The placeholder or text concerned, as written. */
  found: string;
}

/** A field's value for one letter. */
export type FieldValue =
  | { kind: "text"; text: string }
  | { kind: "amount"; fen: Fen }
  | { kind: "date"; date: IsoDate }
  /** Nothing to state (e.g. 本公司欠贵公司 on a receivable letter): the cell stays empty. */
  | { kind: "blank" }
  /** A detail we should know but do not (company or dealer details): a line to fill in by hand. */
  | { kind: "missing" };

/** A value written into the letters sheet. Strings are text, never formulas. */
export type FilledValue = string | number | boolean | null | { date: IsoDate };

export interface FilledCell {
  value: FilledValue;
  /** The template cell's style id, when it had one. */
  style?: string;
  /**
   * Format for a whole-cell amount or date: applies where the template cell's own number format is General
   * (a user's chosen format wins).
   */
  numberFormat?: string;
}

export interface FilledRow {
  cells: (FilledCell | null)[];
  height?: number;
  /** The template row this is a copy of: the adapter copies that row's formats. */
  source: number;
}

export type FillWarningCode = "missing_company_detail" | "missing_dealer_detail" | "missing_field";

export interface FillWarning {
  code: FillWarningCode;
  /** The field left to fill by hand, e.g. 开户行. */
  field: string;
}

/** One letter, rows from 1; merges relative to the letter's first row. */
export interface FilledLetter {
  rows: FilledRow[];
  merges: CellRange[];
  columnWidths: (number | null)[];
  warnings: FillWarning[];
}

/** receivable: the dealer owes us; payable: we owe the dealer. A zero balance is stated as receivable. */
export type Direction = "receivable" | "payable";

/** Letter types of the register's 类型 column, and the prefix of their numbers. */
export type LetterType = "对账函" | "催款函" | "还款承诺书";
