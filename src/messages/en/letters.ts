/** The letters' texts (confirmation letters, the register, the company details) in English. */
import type { LettersMessages } from "../../core/letters/messages";
import type { MessageTable } from "../table";

export const lettersEn: MessageTable<LettersMessages> = {
  "letters.at": 'Sheet "{sheet}", cell {cell}',
  "letters.at.header": 'Sheet "{sheet}", cell {cell} ({header})',
  "letters.template.unknown_placeholder": "{at:msg}: unknown placeholder {found}. Use one of the available fields (e.g. {{客户名称}}, {{余额}}, {{余额大写}}) or remove the braces.",
  "letters.template.unclosed_placeholder": '{at:msg}: the braces in "{found}" do not pair up. Write a placeholder as {{字段名}}.',
  "letters.template.detail_field_outside_block": "{at:msg}: the detail field {found} may only stand between the {{#明细}} and {{/明细}} rows.",
  "letters.template.unknown_block": "{at:msg}: unknown block {found}; the only repeated block is {{#明细}} … {{/明细}}.",
  "letters.template.unclosed_block": "{at:msg}: {{#明细}} is never closed. Add a row holding {{/明细}} below the detail rows.",
  "letters.template.block_end_without_start": "{at:msg}: {{/明细}} has no {{#明细}} above it.",
  "letters.template.nested_block": "{at:msg}: a 明细 block cannot sit inside another; close the first with {{/明细}}.",
  "letters.template.marker_row_has_text": '{at:msg}: the row holding {{#明细}} or {{/明细}} is not copied into the letters, so "{found}" would be lost. Move it to another row.',
  "letters.template.merge_crosses_block": "{at:msg}: the merged cells {found} cross the edge of the 明细 block. Keep merges wholly inside or outside the block.",
  "letters.fill.missing_company_detail": "The company details have no {field}; the letters leave a line to fill in by hand. Add it on the 本公司信息 sheet.",
  "letters.fill.missing_dealer_detail": "The dealer's {field} is not known; the letters leave a line to fill in by hand.",
  "letters.fill.missing_field": "The field {field} has no value; the letters leave a line to fill in by hand.",
  "letters.letter.balance_mismatch":
    'Dealer "{dealer}": the opening balance {opening:money} plus the period\'s movements {movements:money} do not make the balance {balance:money}; no letter was made. Check the period\'s start and its entries.',
  "letters.letter.amount_too_large": 'Dealer "{dealer}": the balance {balance:money} is beyond what 大写 can write (999,999,999,999.99); check the ledger.',
  "letters.letter.period_after_cutoff": 'Dealer "{dealer}": the period starts on {periodStart}, after the cut-off {asOf}.',
  "letters.template.sheet_missing": "no template sheet: {sheet}",
  "letters.skip.zero_balance": "the balance at the cut-off is zero; no letter made",
  "letters.skip.not_in_ledger": 'not in the ledger "{sheet}"',
  "letters.skip.balance_row_unreadable": "{problem:msg} That row of the balance table cannot be read, so the dealer's balance is not known; no letter made",
  "letters.skip.balance_row_off": "row {row} of the balance table \"{sheet}\" does not add up: opening + debit − credit = {expected:money}, but the closing balance is {found:money}; check that row first, no letter made",
  "letters.register.no_header":
    'Sheet "{sheet}" is not a letter register: no header with 编号 and 客户名称 in its first 10 rows. Rename or remove it so the register can be made.',
  "letters.register.bad_date": '{at:msg}: "{found}" is not a valid date; write it as 2026-12-01.',
  "letters.register.bad_amount": '{at:msg}: "{found}" is not a valid amount; write a number such as 1234.50.',
  "letters.register.bad_result": '{at:msg}: "{found}" should be 相符 (agreed), 不符 (differs) or 未回 (no reply).',
  "letters.register.already_sent": 'A letter for "{dealer}" at this cut-off ({number}, register row {row}) was already sent; this one gets a new number.',
  "letters.register.already_sent.on": 'A letter for "{dealer}" at this cut-off ({number}, register row {row}) was already sent on {sentOn}; this one gets a new number.',
  "letters.register.column_added": "The register had no {column} column; it was added at {at}.",
  "letters.company.account_stored_as_number":
    '{at:msg}: the account "{found}" is stored as a number, and Excel keeps only 15 significant figures, so its last figures are lost. Format the cell as text and type it again.',
  "letters.company.missing":
    'no "{sheet}" sheet (two columns: 项目 | 内容): the company\'s name, address, phone, bank and account are left as lines to fill by hand',
  "letters.formats_not_carried":
    "this version of Excel cannot copy formats: the letters hold the text only, without the template's fonts, borders and number formats (Excel from Microsoft 365, Office 2021 or later, and Excel on the web carry them)",
};
