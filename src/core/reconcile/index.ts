/** The reconciliation engine (对账) and the balance reconciliation (余额调节表). */
export { reconcile } from "./reconcile";
/** Dealer names as a key (「某某商贸有限公司」 and 「某某商贸 有限责任公司」 are one dealer): the one rule of ../values/refs. */
export { dealerKey } from "../values/refs";
export { pairingId } from "./ids";
export { isTransposition } from "./reasons";
export * from "./types";
export { MatchList } from "./matches";
export { dealerColumn, prepareSide, type DealerColumn, type PreparedSide } from "./prepare";
export type { ReconcileMessages } from "./messages";
