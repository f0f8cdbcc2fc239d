/**
 * Collection papers (催收): demand letters in three levels, payment commitments with their installment plans,
 * and the limitation period of open debts. Pure, like the letters part it builds on (`core/letters`: 大写,
 * templates, numbers CK-/CN-YYYYMM-0001, the register, stacking letters on pages).
 *
 * A demand run: age the ledger (`core/aging`), read the register, then per dealer `demandFor(dealerAging,
 * { asOf, level, deadlineDays, demands: recordedDemands(register.rows), missed })` → the items, total,
 * deadline and level; `demandValues` fills a template from `collectTemplate(LEVEL_KIND[level])` (or the
 * user's), `planRegister` numbers it with `{ type: "催款函", level, deadline }`.
 * A commitment: `installmentSchedule` or `handSchedule`, `commitment(...)`, `commitmentValues`, and later
 * `checkInstallments` against the dealer's receipts (a missed one proposes a level-3 letter).
 * Limitation: `new Acknowledgements(list, asOf)` from the ledger's receipts and the register
 * (`acknowledgementsFromRegister`), then `limitationOf(item, acks, asOf)` per open item.
 */
export * from "./demand";
export * from "./installments";
export * from "./limitation";
export * from "./builtin";
export * from "./papers";
export * from "./register";
export * from "./apply";
export type { CollectMessages } from "./messages";
