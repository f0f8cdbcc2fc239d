/**
 * The 函证 view's strings for letters from a balance table (余额表) and a ledger over several sheets, and for
 * a register that cannot be read (the rows of a balance table that do not add up are listed with
 * ../components/balance-rows, as the read summary lists them): apart from ./strings, which the pane's frame loads for the tab's title,
 * so they come with the view's chunk only.
 */
import { BALANCE_ROW_STRINGS, type BalanceRowStrings } from "../components/balance-rows";
import type { Locale } from "../i18n";

export interface LettersMoreStrings {
  ledgerIs: (sheets: string) => string;
  fromBalances: (sheet: string, cutoff: string | null) => string;
  cutoffDiffers: (asOf: string, cutoff: string) => string;
  useCutoff: (cutoff: string) => string;
  noCutoff: string;
  movementsNotOffered: string;
  mismatched: (n: number) => string;
  excludedAfterRun: (n: number) => string;
  /** A balance table's rows that do not add up, and the rows past those listed: the read summary's own strings. */
  rows: BalanceRowStrings;
  /** The title of the register's summary when the register could not be read; the failure itself is the body. */
  registerFailedTitle: string;
  retry: string;
}

const zhCN: LettersMoreStrings = {
  ledgerIs: (sheets) => `台账：${sheets}`,
  fromBalances: (sheet, cutoff) => `“${sheet}”是余额表：对账函写各经销商${cutoff ? ` ${cutoff} ` : ""}的期末余额（汇总数，无明细）。`,
  cutoffDiffers: (asOf, cutoff) => `截至日期 ${asOf} 与余额表的截止日期 ${cutoff} 不同：函中的余额是 ${cutoff} 的期末余额。`,
  useCutoff: (cutoff) => `改用 ${cutoff}`,
  noCutoff: "余额表表头没有写截止日期：请确认截至日期就是这些期末余额的日期。",
  movementsNotOffered: "余额表没有逐笔明细，不能使用“含明细”模板：请选积极式、消极式或自己的模板。",
  mismatched: (n) => `${n} 行期初 + 借方 − 贷方 ≠ 期末，这些经销商不生成对账函（请先核对余额表）：`,
  rows: BALANCE_ROW_STRINGS["zh-CN"],
  excludedAfterRun: (n) => `余额表中 ${n} 行对不上，未生成对账函：`,
  registerFailedTitle: "函证登记簿读取失败",
  retry: "重试",
};

const enUS: LettersMoreStrings = {
  ledgerIs: (sheets) => `Ledger: ${sheets}`,
  fromBalances: (sheet, cutoff) => `"${sheet}" is a balance table: each letter states the dealer's closing balance${cutoff ? ` at ${cutoff}` : ""} (a total, no entries).`,
  cutoffDiffers: (asOf, cutoff) => `The as-of date ${asOf} differs from the balance table's cut-off ${cutoff}: the letters state the closing balances at ${cutoff}.`,
  useCutoff: (cutoff) => `Use ${cutoff}`,
  noCutoff: "The balance table's title gives no cut-off: make sure the as-of date is the date of these closing balances.",
  movementsNotOffered: "A balance table has no entries, so the 含明细 (movements) template is not offered: choose the positive, the negative or your own template.",
  mismatched: (n) => `${n} rows where opening + debit − credit ≠ closing: no letter for these dealers (check the balance table first):`,
  rows: BALANCE_ROW_STRINGS["en-US"],
  excludedAfterRun: (n) => `${n} ${n === 1 ? "row" : "rows"} of the balance table ${n === 1 ? "does" : "do"} not add up: no letter made for ${n === 1 ? "it" : "them"}:`,
  registerFailedTitle: "The 函证登记簿 could not be read",
  retry: "Retry",
};

export const LETTERS_MORE: Record<Locale, LettersMoreStrings> = { "zh-CN": zhCN, "en-US": enUS };
