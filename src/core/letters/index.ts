/**
 * Confirmation letters (对账函): the pure part. No Excel, no clock, no I/O; money in fen, dates as ISO text.
 *
 * How a use case makes a run of letters (each step a function below):
 *
 * 1. Template. `builtinTemplate("positive" | "negative" | "movements")` gives a built-in one as data; a
 *    user's template sheet comes in through `templateFromGrid(grid, { merges, columnWidths, rowHeights })`
 *    (each cell's style id is its own address on the template sheet, for the adapter to copy formats from). `compileTemplate(template)` checks it once: on `ok: false`, show
 *    `problems` (each names the sheet and A1 cell; `describeTemplateProblem`) and make nothing.
 * 2. Company. `readCompanyInfo(grid of 本公司信息)` → `details` (a missing one becomes a line to fill by
 *    hand and a `missing_company_detail` warning when a letter is filled).
 * 3. Numbers and register. `readRegister(grid of 函证登记簿)` (or null when the sheet is missing), then
 *    `planRegister(register, [{ type: "对账函", dealer, asOf, amount }…])` → `numbers` (one per letter, in
 *    order; an unsent row for the same dealer and cut-off is reused), `writes` (cells to write, never one the
 *    user typed) and `notices` (`describeRegisterNotice`). Numbers run `DZ-YYYYMM-0001` per month of the
 *    cut-off (`nextLetterNumbers`; CK for 催款函, CN for 还款承诺书).
 * 4. Per dealer. `letterData({ number, dealer, company, asOf, sendDate, closingBalance, periodStart,
 *    openingBalance, movements, openItems?, calendar? })`. `closingBalance` must be the figure reconcile and
 *    aging use: `balanceOf(readResult, dealer, asOf)` from `core/read`; `movements` are the dealer's entries,
 *    and `openingBalance` is `balanceOf(readResult, dealer, day before periodStart)` plus any opening row
 *    dated inside the period (or simply the closing balance less the period's entries). The letter is refused
 *    (`balance_mismatch`) when the opening plus the period's movements do not make the closing balance. Skip zero balances by
 *    default (`LetterSkipReason` `zero_balance`). 回函截止日期 is 发函日期 + 10 working days, Monday to Friday,
 *    with the caller's holidays and 调休 working days (`WorkingCalendar`).
 * 5. Fill and place. `fillTemplate(compiled, data.values, data.details)` → rows (each with the template row it
 *    copies, for formats), merges, widths and `warnings` (`describeFillWarning`); `stackLetters(filled[])` puts
 *    them on one sheet (`lettersSheetName(asOf)`) with a page break above each letter and the print area;
 *    `A4_PAGE` is the page setup. `letterJson(data, sheet, firstRow, lastRow)` is the command line's entry.
 * 6. Replies. `registerStatus(register, today, calendar)` → overdue letters, 不符 replies (the dealer's
 *    amount against ours) and 相符 replies (the day the dealer acknowledged the balance), with counts.
 */
export type {
  CellPlace,
  CellRange,
  CellStyle,
  Direction,
  FieldValue,
  FilledCell,
  FilledLetter,
  FilledRow,
  FilledValue,
  FillWarning,
  FillWarningCode,
  Lang,
  LetterType,
  PageSetup,
  Template,
  TemplateCell,
  TemplateProblem,
  TemplateProblemCode,
  TemplateRow,
} from "./types";
export { amountInWords, fenFromDecimalText, MAX_AMOUNT_IN_WORDS_FEN } from "./amountInWords";
export { LETTER_FIELDS, DETAIL_FIELDS, DETAIL_BLOCK, COMPANY_FIELDS, DEALER_FIELDS, type LetterField, type DetailField, type CompanyField } from "./fields";
export {
  compileTemplate,
  templateFromGrid,
  fillTemplate,
  inText,
  HAND_FILL_LINE,
  AMOUNT_FORMAT,
  DATE_FORMAT,
  type CompiledTemplate,
  type CompileResult,
  type LetterValues,
  type DetailValues,
} from "./template";
export { addWorkingDays, isWorkingDay, replyDeadline, REPLY_WORKING_DAYS, type WorkingCalendar } from "./calendar";
export {
  letterData,
  letterJson,
  DIRECTION_TEXT,
  type LetterInput,
  type LetterData,
  type LetterResult,
  type LetterProblem,
  type LetterJson,
  type Movement,
  type DealerDetails,
  type CompanyDetails,
} from "./letter";
export { readCompanyInfo, companyInfoRows, COMPANY_SHEET, type CompanyRead, type CompanyProblem } from "./company";
export {
  REGISTER_SHEET,
  REGISTER_COLUMNS,
  REPLY_RESULTS,
  LETTER_TYPES,
  LETTER_PREFIX,
  REGISTER_DATE_FORMAT,
  parseLetterNumber,
  formatLetterNumber,
  nextLetterNumbers,
  readRegister,
  planRegister,
  registerStatus,
  type RegisterColumn,
  type ReplyResult,
  type LetterNumber,
  type RegisterRow,
  type RegisterRead,
  type RegisterProblem,
  type RegisterProblemCode,
  type PlannedLetter,
  type RegisterWrite,
  type PlannedNumber,
  type RegisterNotice,
  type RegisterPlan,
  type RegisterPlanResult,
  type RegisterStatus,
  type OverdueLetter,
  type MismatchedReply,
  type ConfirmedReply,
} from "./register";
export { builtinTemplate, holdsTemplate, isUnchangedBuiltin, BUILTIN_SHEETS, A4_PAGE, type BuiltinKind } from "./builtin";
export { stackLetters, lettersSheetName, type StackedLetters } from "./layout";
export type { LettersMessages } from "./messages";
