/**
 * Telling receipts from returns and credit notes. Both are negative in our sign and settle invoices
 * the same way, but only receipts are collections (回款): a return lowers sales, it is not cash.
 */
import type { Entry } from "../model";
import type { EntryKind } from "./types";

/**
 * Words that mark a negative row as a return, allowance, rebate or red-ink reversal. A red-ink
 * (negative) debit shows up here as a negative amount whose 摘要 says so; the reader does not pass
 * the column a value came from, so the description is the evidence. Callers that know better pass
 * their own `classify` option.
 */
const CREDIT_NOTE_WORDS = /退货|退回|销货退|折让|红字|红冲|冲红|返利|折扣|贷项|credit\s*note|sales\s*return/i;

export function classifyEntry(entry: Entry): EntryKind {
  if (entry.amount > 0) return "sale";
  return CREDIT_NOTE_WORDS.test(entry.description) ? "credit" : "receipt";
}
