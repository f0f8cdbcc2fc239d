import type { CollectMessages } from "../../../src/core/collect/messages";
import { msg } from "../../../src/core/messages";

export const collectSamples: CollectMessages = {
  "collect.level.within_grace": { oldestDue: "2026-09-30", finalDate: "2026-10-30" },
  "collect.level.past_final": { ref: "XS-0012", finalDate: "2026-10-30" },
  "collect.level.past_final.unnamed": { finalDate: "2026-10-30" },
  "collect.level.level2_unanswered": { number: "CK-202610-0003", deadline: "2026-10-20" },
  "collect.level.commitment_missed": { number: "CN-202609-0001", installment: 2, date: "2026-10-15" },
  "collect.level.chosen": {},
  "collect.skip.nothing_overdue": {},
  "collect.skip.all_under_reconciliation": {},
  "collect.skip.amount_too_large": {},
  "collect.basis_kind.due": {},
  "collect.basis_kind.payment": {},
  "collect.basis_kind.reply_agreed": {},
  "collect.basis_kind.reply_differs": {},
  "collect.basis_kind.demand_signed": {},
  "collect.basis_kind.commitment_signed": {},
  "collect.basis": { kind: msg("collect.basis_kind.payment", {}), date: "2025-01-20" },
  "collect.basis.numbered": { kind: msg("collect.basis_kind.reply_agreed", {}), number: "DZ-202501-0001", date: "2025-02-10" },
  "collect.limitation.running": {},
  "collect.limitation.expiring": {},
  "collect.limitation.expired": {},
  "collect.installment.paid": {},
  "collect.installment.partial": {},
  "collect.installment.missed": {},
  "collect.installment.due": {},
};
