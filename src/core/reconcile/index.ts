/** The reconciliation engine (对账) and the balance reconciliation (余额调节表). */
export { reconcile } from "./reconcile";
export { normaliseDealerName } from "./dealers";
export { pairingId } from "./ids";
export { isTransposition } from "./reasons";
export * from "./types";
export { MatchList } from "./matches";
export type { ReconcileMessages } from "./messages";
