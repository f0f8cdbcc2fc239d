/**
 * How the pane lists a balance table's rows that do not add up (期初 + 借 − 贷 ≠ 期末), and the rows past those
 * listed: one set of strings for the read summary (SheetsReadNotes) and the 函证 view (LettersView), so both say
 * them alike.
 */
import type { Locale } from "../i18n";

export interface BalanceRowStrings {
  mismatchRow: (sheet: string, row: number, dealer: string, expected: string, found: string) => string;
  /** Rows past the ones listed. */
  moreRows: (n: number) => string;
}

export const BALANCE_ROW_STRINGS: Readonly<Record<Locale, BalanceRowStrings>> = {
  "zh-CN": {
    mismatchRow: (sheet, row, dealer, expected, found) => `${sheet} 第${row}行 ${dealer}：应为 ${expected}，表中 ${found}`,
    moreRows: (n) => `另有 ${n} 行未列出。`,
  },
  "en-US": {
    mismatchRow: (sheet, row, dealer, expected, found) => `${sheet} row ${row} ${dealer}: should be ${expected}, the table says ${found}`,
    moreRows: (n) => `${n} more not listed.`,
  },
};
