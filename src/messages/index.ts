/** Text for what core returns as codes: the message tables and their renderer. */
export { render, both } from "./render";
export type { Language, MessageTable } from "./table";
export { toReconcileJson, type ReconcileJsonOptions } from "./json/reconcile";
export { toAgingJson } from "./json/aging";
export { demandJson, type DemandJson } from "./json/collect";
export { toCreditJson } from "./json/credit";
