/**
 * The codes the letters part returns instead of text, with their parameters (see `../messages`). Its
 * problems, warnings and notices are codes already; these are the messages they are said with.
 */
import type { Message } from "../messages";
import type { Fen, IsoDate } from "../model";

type At = { at: Message };

export interface LettersMessages {
  /** The cell a problem is in; `.header` with its column's header. */
  "letters.at": { sheet: string; cell: string };
  "letters.at.header": { sheet: string; cell: string; header: string };
  // A template's problems.
  "letters.template.unknown_placeholder": At & { found: string };
  "letters.template.unclosed_placeholder": At & { found: string };
  "letters.template.detail_field_outside_block": At & { found: string };
  "letters.template.unknown_block": At & { found: string };
  "letters.template.unclosed_block": At;
  "letters.template.block_end_without_start": At;
  "letters.template.nested_block": At;
  "letters.template.marker_row_has_text": At & { found: string };
  "letters.template.merge_crosses_block": At & { found: string };
  // A field left to fill by hand.
  "letters.fill.missing_company_detail": { field: string };
  "letters.fill.missing_dealer_detail": { field: string };
  "letters.fill.missing_field": { field: string };
  // A letter refused.
  "letters.letter.balance_mismatch": { dealer: string; balance: Fen; opening: Fen; movements: Fen };
  "letters.letter.amount_too_large": { dealer: string; balance: Fen };
  "letters.letter.period_after_cutoff": { dealer: string; periodStart: IsoDate; asOf: IsoDate };
  "letters.skip.zero_balance": Record<string, never>;
  /** A template sheet named for a run that the workbook does not hold. */
  "letters.template.sheet_missing": { sheet: string };
  /** A dealer named for a letter that the ledger `sheet` does not hold. */
  "letters.skip.not_in_ledger": { sheet: string };
  /** A balance-table row where 期初 + 借 − 贷 (`expected`, fen) is not its 期末 (`found`, fen). */
  "letters.skip.balance_row_off": { sheet: string; row: number; expected: Fen; found: Fen };
  /** A balance-table row left out for a cell that cannot be read: the reader's problem at that cell. */
  "letters.skip.balance_row_unreadable": { problem: Message };
  // The 函证登记簿.
  "letters.register.no_header": { sheet: string };
  "letters.register.bad_date": At & { found: string };
  "letters.register.bad_amount": At & { found: string };
  "letters.register.bad_result": At & { found: string };
  "letters.register.already_sent": { dealer: string; number: string; row: number };
  "letters.register.already_sent.on": { dealer: string; number: string; row: number; sentOn: IsoDate };
  "letters.register.column_added": { column: string; at: string };
  // 本公司信息.
  "letters.company.account_stored_as_number": At & { found: string };
  /** No 本公司信息 sheet (`sheet`) found: the company's lines are left to fill by hand. */
  "letters.company.missing": { sheet: string };
  /** The platform wrote the letters' values without the template's formats (Excel before ExcelApi 1.9). */
  "letters.formats_not_carried": Record<string, never>;
}
