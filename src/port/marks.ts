/**
 * Marks, as both workbook implementations write and find them.
 *
 * Marks are conditional formats, never direct fills: a custom-formula rule per mark style per block of
 * rows overlays whatever fill the user gave the rows, and deleting the rule brings the user's look back
 * exactly, with nothing to remember. The rule's formula carries a tag, `=N("duizhang:<group>:<style>")=0`,
 * which is always TRUE (N of text is 0), so our own rules (and only ours) are found again even after the
 * file was saved and reopened.
 */
import type { MarkStyle, RowMark } from "./workbook";

const KEY = /^[A-Za-z0-9_.-]+$/;
const TAG = /^=?\s*N\(\s*"duizhang:([A-Za-z0-9_.-]+):([A-Za-z0-9_.-]+)"\s*\)\s*=\s*0\s*$/i;

/** The formula of a mark rule, with a leading `=` (office-js wants it; ExcelJS wants it without). */
export function markFormula(group: string, style: string): string {
  if (!KEY.test(group) || !KEY.test(style)) {
    throw new Error(`mark group and style keys are letters, digits, _ . - only: ${group}/${style}`);
  }
  return `=N("duizhang:${group}:${style}")=0`;
}

/** Group and style of one of our mark rules, or null for anyone else's rule. */
export function parseMarkFormula(formula: string | null | undefined): { group: string; style: string } | null {
  if (!formula) return null;
  const m = TAG.exec(formula);
  return m ? { group: m[1], style: m[2] } : null;
}

/** Every mark names a style it is given: a mark without one is a defect of the caller, refused before anything is written. */
export function checkMarkStyles(marks: readonly RowMark[], styles: Readonly<Record<string, MarkStyle>>): void {
  for (const m of marks) if (!styles[m.style]) throw new Error(`no mark style ${m.style}`);
}

/** A colour `#RRGGBB` (or `RRGGBB`) as the file's ARGB, opaque: what ExcelJS writes into a style. */
export function argbOf(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}
