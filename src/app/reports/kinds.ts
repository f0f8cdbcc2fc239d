/**
 * The names of the kinds of difference, as the 差异明细 sheet and the pane show them. A module of its own
 * so the pane's frame can name them without loading the result-sheet builders.
 */
import type { Difference } from "../../core/reconcile";
import type { Bilingual } from "../lang";

export const KIND_TEXT: Record<Difference["kind"] | "suggestion", Bilingual> = {
  amount_mismatch: { zh: "金额不符", en: "Amount mismatch" },
  ledger_only: { zh: "我方有、对方无", en: "Only in our ledger" },
  statement_only: { zh: "对方有、我方无", en: "Only on the statement" },
  duplicate: { zh: "重复记账", en: "Duplicate" },
  unreadable: { zh: "无法读取", en: "Cannot be read" },
  suggestion: { zh: "待确认匹配", en: "Match to confirm" },
};
