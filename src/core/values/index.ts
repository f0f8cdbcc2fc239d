export { toHalfWidth, cellText, cellDisplay, isBlankCell } from "./text";
export { parseAmount, parseAmountText, numberToFen, type AmountResult } from "./amount";
export {
  parseDate,
  parseDateText,
  parseSmallInt,
  serialToIso,
  isoToSerial,
  type DateContext,
  type DateResult,
} from "./date";
export { normaliseRef, extractRefs, isVoucherNumber, foldDealerName, dealerKey } from "./refs";
export { parseTermDays, isValidTermDays, MAX_TERM_DAYS } from "./term";
