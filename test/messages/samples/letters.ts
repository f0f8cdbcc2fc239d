import type { LettersMessages } from "../../../src/core/letters/messages";
import { msg } from "../../../src/core/messages";
import { fen } from "../../../src/core/money";

const at = msg("letters.at", { sheet: "对账函模板", cell: "B5" });

export const lettersSamples: LettersMessages = {
  "letters.at": { sheet: "对账函模板", cell: "B5" },
  "letters.at.header": { sheet: "函证登记簿", cell: "F3", header: "回函日期" },
  "letters.template.unknown_placeholder": { at, found: "{{客户}}" },
  "letters.template.unclosed_placeholder": { at, found: "{{余额" },
  "letters.template.detail_field_outside_block": { at, found: "{{摘要}}" },
  "letters.template.unknown_block": { at, found: "{{#发票}}" },
  "letters.template.unclosed_block": { at },
  "letters.template.block_end_without_start": { at },
  "letters.template.nested_block": { at },
  "letters.template.marker_row_has_text": { at, found: "备注" },
  "letters.template.merge_crosses_block": { at, found: "A9:C11" },
  "letters.fill.missing_company_detail": { field: "开户行" },
  "letters.fill.missing_dealer_detail": { field: "客户地址" },
  "letters.fill.missing_field": { field: "联系人" },
  "letters.letter.balance_mismatch": { dealer: "甲公司", balance: fen(100_000), opening: fen(50_000), movements: fen(40_000) },
  "letters.letter.amount_too_large": { dealer: "甲公司", balance: fen(100_000_000_000_000) },
  "letters.letter.period_after_cutoff": { dealer: "甲公司", periodStart: "2026-11-01", asOf: "2026-10-31" },
  "letters.template.sheet_missing": { sheet: "催款模板" },
  "letters.skip.zero_balance": {},
  "letters.skip.not_in_ledger": { sheet: "应收明细" },
  "letters.skip.balance_row_unreadable": { problem: msg("read.issue.uncomputed_formula", { at: msg("read.at.cell_header", { sheet: "往来余额表", cell: "E5", header: "期末余额" }) }) },
  "letters.skip.balance_row_off": { sheet: "往来余额表", row: 5, expected: fen(40000), found: fen(50000) },
  "letters.register.no_header": { sheet: "函证登记簿" },
  "letters.register.bad_date": { at: msg("letters.at.header", { sheet: "函证登记簿", cell: "F3", header: "回函日期" }), found: "下周" },
  "letters.register.bad_amount": { at, found: "约一万" },
  "letters.register.bad_result": { at, found: "差不多" },
  "letters.register.already_sent": { dealer: "甲公司", number: "DZ-202610-0001", row: 4 },
  "letters.register.already_sent.on": { dealer: "甲公司", number: "DZ-202610-0001", row: 4, sentOn: "2026-11-02" },
  "letters.register.column_added": { column: "签收日期", at: "L1" },
  "letters.company.account_stored_as_number": { at, found: "6222020200112233000" },
  "letters.company.missing": { sheet: "本公司信息" },
  "letters.formats_not_carried": {},
};
