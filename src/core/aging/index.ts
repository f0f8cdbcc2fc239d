export * from "./types";
export { ageLedger, UNNAMED_DEALER, type AgingInput, type AgingOptions } from "./ageLedger";
export { collectionPlan, actionsDue, itemsUnderReconciliation } from "./plan";
export {
  unreadableCells,
  unreadableRowCount,
  reconciliationFlags,
  reviewKindText,
  REVIEW_KIND_TEXT,
  type UnreadableCell,
  type ReconciliationFlag,
  type ReconciliationBasis,
  type ReviewMark,
  type UnderReconciliation,
} from "./review";
export {
  STAGES,
  STAGE_TEXT,
  ACTION_TEXT,
  graceDays,
  dueDateOf,
  finalDateOf,
  stageFor,
  isLate,
  nextActionFor,
  nextActionOn,
} from "./calendar";
export {
  makeBuckets,
  bucketsFromText,
  defaultBuckets,
  bucketProblem,
  DEFAULT_DUE_BUCKETS,
  DEFAULT_DOCUMENT_BUCKETS,
  UNKNOWN_AGE_BUCKET,
  UNAPPLIED_BUCKET,
  NOT_DUE_BUCKET,
} from "./buckets";
export { DEFAULT_TERM_DAYS, TermResolver, termForRow, dealerKey, isValidTerm, type DealerTerm } from "./terms";
export { settle, settleInPlace, isLinkableRef, namedInText, linkNamedInText, type OpenAmounts, type DebitToSettle, type CreditToSettle, type Settlement } from "./settle";
export { classifyEntry } from "./classify";
