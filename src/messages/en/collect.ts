/** Collection's texts (demand letters, commitments, the limitation period) in English. */
import type { CollectMessages } from "../../core/collect/messages";
import type { MessageTable } from "../table";

export const collectEn: MessageTable<CollectMessages> = {
  "collect.level.within_grace": "the oldest overdue item is within one third of its term (due {oldestDue}, final deadline {finalDate})",
  "collect.level.past_final": "{ref} is past its final deadline {finalDate}",
  "collect.level.past_final.unnamed": "an item is past its final deadline {finalDate}",
  "collect.level.level2_unanswered": "demand {number} gave until {deadline}; the debt is still open",
  "collect.level.commitment_missed": "installment {installment} ({date}) of commitment {number} was missed: commitment not kept",
  "collect.level.chosen": "chosen by the user",
  "collect.skip.nothing_overdue": "nothing is overdue at the as-of date; no letter made",
  "collect.skip.all_under_reconciliation": "every overdue item is under reconciliation; no letter made",
  "collect.skip.amount_too_large": "the overdue total is beyond what 大写 can write; check the ledger",
  "collect.basis_kind.due": "due date",
  "collect.basis_kind.payment": "payment",
  "collect.basis_kind.reply_agreed": "confirmation reply (agreed)",
  "collect.basis_kind.reply_differs": "confirmation reply stating an amount (differs)",
  "collect.basis_kind.demand_signed": "demand letter signed for",
  "collect.basis_kind.commitment_signed": "payment commitment signed",
  "collect.basis": "{kind:msg} ({date})",
  "collect.basis.numbered": "{kind:msg} {number} ({date})",
  "collect.limitation.running": "Within the period",
  "collect.limitation.expiring": "Period ending soon: get an acknowledgement (a signed confirmation, a commitment or a payment)",
  "collect.limitation.expired": "Possibly time-barred: seek legal advice",
  "collect.installment.paid": "Paid",
  "collect.installment.partial": "Partly paid",
  "collect.installment.missed": "Missed",
  "collect.installment.due": "Not yet due",
};
