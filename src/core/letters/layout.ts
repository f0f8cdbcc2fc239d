/**
 * All letters of a run on one sheet, one under another, each starting on a new printed page.
 */
import type { CellRange, FilledLetter, FilledRow } from "./types";

export interface StackedLetters {
  rows: FilledRow[];
  merges: CellRange[];
  columnWidths: (number | null)[];
  /** Each letter's first and last Excel row on the sheet. */
  letters: { firstRow: number; lastRow: number }[];
  /** Rows a horizontal page break goes above: the first row of every letter but the first. */
  pageBreaks: number[];
  /** Everything that prints. */
  printArea: CellRange;
}

/** Rows and merges of the letters placed from row 1 on, in the order given. */
export function stackLetters(letters: readonly FilledLetter[]): StackedLetters {
  const rows: FilledRow[] = [];
  const merges: CellRange[] = [];
  const placed: StackedLetters["letters"] = [];
  let width = 0;
  for (const letter of letters) {
    const offset = rows.length;
    for (const r of letter.rows) {
      rows.push(r);
      width = Math.max(width, r.cells.length);
    }
    for (const m of letter.merges) {
      merges.push({ top: m.top + offset, left: m.left, bottom: m.bottom + offset, right: m.right });
      width = Math.max(width, m.right);
    }
    width = Math.max(width, letter.columnWidths.length);
    placed.push({ firstRow: offset + 1, lastRow: Math.max(offset + 1, rows.length) });
  }
  return {
    rows,
    merges,
    columnWidths: letters.length ? [...letters[0].columnWidths] : [],
    letters: placed,
    pageBreaks: placed.slice(1).map((l) => l.firstRow),
    printArea: { top: 1, left: 1, bottom: Math.max(rows.length, 1), right: Math.max(width, 1) },
  };
}

/** The result sheet's name for a cut-off: `对账函 2026-11-30`. */
export function lettersSheetName(asOf: string): string {
  return `对账函 ${asOf}`;
}
