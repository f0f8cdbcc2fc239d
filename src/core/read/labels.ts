/**
 * Rows that are not transactions, recognised by what they say (never by position).
 */
import { toHalfWidth } from "../values/text";

export type RowLabel = "opening" | "carried" | "total";

const SPACE = /\s+/g;
const OPENING = /^(?:期初余额|期初结余|期初数|期初|年初余额|年初数|上年结转|上年结余|上期结转|上期结余|上月结转|上月结余|开账余额|openingbalance|balanceb\/f|broughtforward)/;
/** A page-break carry-over: an opening only when it is the first thing read, else a balance to check. */
const CARRIED = /^(?:承前页|承上页|接上页|上页结转|b\/f)/;
const TOTAL =
  /^(?:本日|本月|本期|本年|本季|本季度|当月|当日|全年|月|年|季)?(?:合计|小计|总计|累计)|(?:合计|小计|总计)$|^(?:过次页|过下页|转下页|转次页|承后页|期末余额|期末结余|期末数|年末余额|total|subtotal|grandtotal|closingbalance|carriedforward|c\/f)/;

/** Every label above has one of these; most rows have none, and are let go without any allocation. */
const MAYBE = /[期初年上承接开合小总累计过转末]|total|balance|b\/f|c\/f|forward/i;

/** What a label cell says about its row, or null for an ordinary row. */
export function classifyLabel(text: string): RowLabel | null {
  if (text === "" || text.length > 60 || !MAYBE.test(text)) return null;
  const t = toHalfWidth(text).replace(SPACE, "").toLowerCase();
  if (t.length > 40) return null;
  if (OPENING.test(t)) return "opening";
  if (CARRIED.test(t)) return "carried";
  if (TOTAL.test(t)) return "total";
  return null;
}

/** Sign-off lines under a table (制表：…, 审核：…, 盖章): never a transaction, whatever else the row holds. */
const SIGN_OFF =
  /^(?:制表|制单|编制|审核|复核|审批|核对|对账|记账|经办|出纳|财务负责|财务主管|会计主管|主管|负责|单位盖章|公司盖章|盖章|签章|签字|prepared|checked|approved|reviewed)(?:人|者|by)?[:：]/;
const SIGN_OFF_START = /^[制编审复核对记经出财会主负单公盖签pcar]/i;

export function isSignOff(text: string): boolean {
  if (text === "" || text.length > 80 || !SIGN_OFF_START.test(text)) return false;
  return SIGN_OFF.test(toHalfWidth(text).replace(SPACE, "").toLowerCase());
}
