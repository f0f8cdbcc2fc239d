/** The reader's texts in English. */
import type { ReadMessages } from "../../core/read/messages";
import type { MessageTable } from "../table";

export const readEn: MessageTable<ReadMessages> = {
  "read.at.cell": 'Sheet "{sheet}", cell {cell}',
  "read.at.cell_header": 'Sheet "{sheet}", cell {cell} ({header})',
  "read.at.row": 'Sheet "{sheet}", row {row}',
  "read.issue.no_header":
    "{at:msg}: no header row found in the first 60 rows (column names such as 日期/Date and 借方/贷方 or 金额/Amount are needed). Check the sheet or map the columns yourself.",
  "read.issue.no_amount_column": "{at:msg}: the header has no amount column (debit, credit or a signed amount). Map the amount column yourself.",
  "read.issue.no_date_column": "{at:msg}: the header has no date column (a date, or separate month and day columns). Map the date column yourself.",
  "read.issue.map_not_found": '{at:msg}: the column "{found}" you chose is not in the header. Use a header name, a column letter (e.g. E) or a column number.',
  "read.issue.bad_date": '{at:msg}: "{found}" is not a valid date. Write it as 2026-01-05 or 2026年1月5日.',
  "read.issue.missing_date": "{at:msg}: this row has no date and there is none above it to carry down. Fill in the date.",
  "read.issue.missing_year": '{at:msg}: "{found}" has no year and none was found in the title. Put the year in the title (e.g. 2026年) or give the year.',
  "read.issue.bad_amount": '{at:msg}: "{found}" is not a valid amount. Write a number such as 1234.50 or 1,234.50 (negatives as -1234.50 or (1,234.50)).',
  "read.issue.bad_direction": '{at:msg}: direction "{found}" is not recognised; use 借 (debit), 贷 (credit) or 平 (nil).',
  "read.issue.uncomputed_formula": "{at:msg}: the formula has no saved result. Open the file in Excel, save it, and read it again.",
  "read.issue.formula_error": '{at:msg}: the formula gives the error "{found}". Fix the formula in this cell (or the cell it refers to), save, and read it again.',
  "read.unread.what.uncomputed_formula": "holds a formula with no saved result",
  "read.unread.what.formula_error": 'holds a formula giving the error "{found}"',
  "read.unread.fix.uncomputed_formula": "open the file in Excel, save it, and read it again",
  "read.unread.fix.formula_error": "fix the formula in this cell (or the cell it refers to), save, and read it again",
  "read.skip.title": "title row",
  "read.skip.blank": "blank row",
  "read.skip.header": "repeated header row",
  "read.skip.opening": "opening balance (taken as the opening, not as a sale)",
  "read.skip.carried": "balance carried from the previous page (checked only)",
  "read.skip.total": "total or subtotal row",
  "read.skip.other-dealer": "row of another dealer",
  "read.skip.no-amount": "row without an amount",
  "read.skip.sign-off": "sign-off line (prepared by, checked by)",
};
