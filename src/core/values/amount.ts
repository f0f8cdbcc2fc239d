/**
 * Amounts as accountants type them, to integer fen.
 *
 * Accepted: numbers; text with thousands separators (`1,234.50`, full-width `１，２３４．５０`), a currency
 * mark (`¥`, `￥`, `RMB`, `CNY`, `人民币`, a trailing `元`), a leading minus or accounting parentheses for
 * negatives (`(1,234.50)`), `-`/`—`/blank for zero, and Excel's scientific form (`1.2E+05`) that CSV exports
 * produce for wide numbers.
 *
 * Deliberately refused: `1.2万` and other 万/千 multipliers. They appear in summaries written for people,
 * where they are rounded figures; taking `1.2万` as exactly 12,000.00 in a ledger would invent precision,
 * so the cell is reported for the user to write out in full.
 */
import type { CellValue, Fen } from "../model";
import { decimalTextToFen, yuanToFen } from "../money";
import { toHalfWidth } from "./text";

export type AmountResult = { ok: true; fen: Fen; blank: boolean } | { ok: false };

const ZERO_MARKS = /^[-\u2013\u2014\u2015_=~/]+$/;
const SPACES = /[\s,]/g;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?[eE][+-]?\d+$/;
const CURRENCY_PREFIX = /^(?:¥|RMB|CNY|人民币|\$)/i;
const CURRENCY_SUFFIX = /(?:元|RMB|CNY)$/i;

const BLANK: AmountResult = { ok: true, fen: 0, blank: true };
const ZERO: AmountResult = { ok: true, fen: 0, blank: false };
const BAD: AmountResult = { ok: false };

/** Fast path for numbers that are already whole fen (almost every ledger cell), else the decimal-exact rounding. */
export function numberToFen(yuan: number): Fen | null {
  if (!Number.isFinite(yuan)) return null;
  const scaled = yuan * 100;
  const rounded = Math.round(scaled);
  // Within a few units of float error of whole fen: two-decimal amounts always are, x.xx5 never is.
  const tolerance = Math.max(1e-7, Math.abs(scaled) * 1e-15);
  if (Math.abs(scaled - rounded) <= tolerance && Number.isSafeInteger(rounded)) return rounded === 0 ? 0 : rounded;
  if (Math.abs(scaled) >= Number.MAX_SAFE_INTEGER) return null;
  return yuanToFen(yuan);
}

export function parseAmount(value: CellValue | undefined): AmountResult {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === "number") {
    const fen = numberToFen(value);
    return fen === null ? BAD : { ok: true, fen, blank: false };
  }
  if (typeof value !== "string") return BAD;
  return parseAmountText(value);
}

export function parseAmountText(raw: string): AmountResult {
  const plain = plainFen(raw);
  if (plain === plain) return { ok: true, fen: plain, blank: false };
  let text = toHalfWidth(raw).trim();
  if (text === "") return BLANK;
  if (ZERO_MARKS.test(text)) return ZERO;
  let negative = false;
  if (text.startsWith("(") && text.endsWith(")")) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  // The sign may sit before or after the currency mark: `-¥1,234.50` and `¥-1,234.50` both occur.
  if (text.startsWith("-") || text.startsWith("\u2013")) {
    negative = !negative;
    text = text.slice(1).trim();
  } else if (text.startsWith("+")) {
    text = text.slice(1).trim();
  }
  const before = text;
  text = text.replace(CURRENCY_PREFIX, "").replace(CURRENCY_SUFFIX, "").trim();
  if (text !== before && (text.startsWith("-") || text.startsWith("\u2013"))) {
    negative = !negative;
    text = text.slice(1).trim();
  }
  if (text.startsWith("(") && text.endsWith(")")) {
    negative = !negative;
    text = text.slice(1, -1).trim();
  }
  if (text === "") return BAD;
  let fen: Fen;
  if (PLAIN.test(text)) {
    const n = safeDecimal(text);
    if (n === null) return BAD;
    fen = n;
  } else if (GROUPED.test(text)) {
    const n = safeDecimal(text.replace(SPACES, ""));
    if (n === null) return BAD;
    fen = n;
  } else if (SCIENTIFIC.test(text)) {
    const n = numberToFen(Number(text));
    if (n === null) return BAD;
    fen = n;
  } else {
    return BAD;
  }
  if (!Number.isSafeInteger(fen)) return BAD;
  return { ok: true, fen: negative && fen !== 0 ? -fen : fen, blank: false };
}

function safeDecimal(text: string): Fen | null {
  const dot = text.indexOf(".");
  // More than 13 whole digits would overflow safe integers in fen; such a cell is not an amount anyway.
  if ((dot < 0 ? text.length : dot) > 13) return null;
  return decimalTextToFen(text);
}

/**
 * `12345.67`, `-90`, `.5`: the form nearly every exported amount takes, read straight from its characters
 * with the same result as the general path (NaN leaves everything else to it, including a lone `-`
 * and more than 13 whole digits).
 */
function plainFen(text: string): Fen {
  const n = text.length;
  let i = 0;
  let negative = false;
  if (n > 0 && text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let whole = 0;
  let wholeDigits = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
    wholeDigits++;
  }
  let cents = 0;
  let roundUp = 0;
  let fracDigits = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 46) return NaN;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return NaN;
      if (fracDigits < 2) cents = cents * 10 + c;
      else if (fracDigits === 2 && c >= 5) roundUp = 1;
      fracDigits++;
    }
  }
  if ((wholeDigits === 0 && fracDigits === 0) || wholeDigits > 13) return NaN;
  if (fracDigits === 1) cents *= 10;
  const fen = whole * 100 + cents + roundUp;
  return negative && fen !== 0 ? -fen : fen;
}

/** `parseAmount(value)` as fen, or null where it is not ok: the same reading without a result object per cell. */
export function parseAmountFen(value: CellValue | undefined): Fen | null {
  if (value === null || value === undefined) return 0;
  if (typeof value === "string") {
    const plain = plainFen(value);
    if (plain === plain) return plain;
  }
  const r = parseAmount(value);
  return r.ok ? r.fen : null;
}
