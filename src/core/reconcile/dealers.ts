/**
 * Dealer names as a key, so 「某某商贸有限公司」 on our ledger and 「某某商贸 有限责任公司」 on the
 * statement reconcile as one dealer: the one rule of ../values/refs (`dealerKey`), shared with the
 * reader and the aging.
 */
export { dealerKey as normaliseDealerName } from "../values/refs";
