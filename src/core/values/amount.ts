/**
 * Amounts as accountants type them, to integer fen.
 *
 * Accepted: numbers; text with thousands separators (`1,234.50`, full-width `１，２３４．５０`), a currency
 * mark (`¥`, `￥`, `RMB`, `CNY`, `人民币`, a trailing `元`), a leading minus or accounting parentheses for
 * negatives (`(1,234.50)`), `-`/`—`/blank for zero, and Excel's scientific form (`1.2E+05`) that CSV exports
 * produce for wide numbers.
 *
 * Also read, because hand-kept ledgers carry them: an Arabic figure with one Chinese multiplier (`1.2万`,
 * `3万元`, `5千`, `1.5亿`), worked out on the decimal digits (`1.23456万` is 12,345.60 exactly, never a
 * float product), and amounts in capital numerals as written on vouchers and cheques (`壹仟元`,
 * `壹万贰仟叁佰元整`, `人民币伍佰元伍角`). Capitals exist to be unambiguous; their reading here is strict, and
 * every form that could be read two ways stays an error for the user to write out: `壹仟贰` (1,200 as
 * spoken, or 1,002?), `1万2`, a figure with two multipliers, `约1.2万`, `1.2万多`, lowercase numerals
 * (`一千元`, more often a note than an amount).
 */
import type { CellValue, Fen } from "../model";
import { decimalTextToFen, fen as asFen, negFen, yuan, yuanToFen } from "../money";
import { toHalfWidth } from "./text";

export type AmountResult = { ok: true; fen: Fen; blank: boolean } | { ok: false };

const ZERO_MARKS = /^[-\u2013\u2014\u2015_=~/]+$/;
const SPACES = /[\s,]/g;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?[eE][+-]?\d+$/;
const CURRENCY_PREFIX = /^(?:¥|RMB|CNY|人民币|\$)/i;
const CURRENCY_SUFFIX = /(?:元|RMB|CNY)$/i;

const BLANK: AmountResult = { ok: true, fen: asFen(0), blank: true };
const ZERO: AmountResult = { ok: true, fen: asFen(0), blank: false };
const BAD: AmountResult = { ok: false };

/** A cell's yuan number to fen. Fast path for numbers that are already whole fen (almost every ledger cell), else the decimal-exact rounding. */
export function numberToFen(cell: number): Fen | null {
  if (!Number.isFinite(cell)) return null;
  const scaled = cell * 100;
  const rounded = Math.round(scaled);
  // Within a few units of float error of whole fen: two-decimal amounts always are, x.xx5 never is.
  const tolerance = Math.max(1e-7, Math.abs(scaled) * 1e-15);
  if (Math.abs(scaled - rounded) <= tolerance && Number.isSafeInteger(rounded)) return asFen(rounded === 0 ? 0 : rounded);
  if (Math.abs(scaled) >= Number.MAX_SAFE_INTEGER) return null;
  return yuanToFen(yuan(cell));
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
  if (plain === plain) return { ok: true, fen: asFen(plain), blank: false };
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
    const spelled = multipliedFen(text) ?? capitalsFen(text);
    if (spelled === null) return BAD;
    fen = spelled;
  }
  if (!Number.isSafeInteger(fen)) return BAD;
  return { ok: true, fen: negative && fen !== 0 ? negFen(fen) : fen, blank: false };
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
function plainFen(text: string): number {
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
  if (value === null || value === undefined) return asFen(0);
  if (typeof value === "string") {
    const plain = plainFen(value);
    if (plain === plain) return asFen(plain);
  }
  const r = parseAmount(value);
  return r.ok ? r.fen : null;
}

/** Powers of ten of the multipliers an Arabic figure may carry (one of them, at the end). */
const MULTIPLIER_POWER: Readonly<Record<string, number>> = { 百: 2, 千: 3, 万: 4, 十万: 5, 百万: 6, 千万: 7, 亿: 8 };
const MULTIPLIED = /^(\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?)(百|千|万|十万|百万|千万|亿)(?:元)?(?:整|正)?$/;

/**
 * `1.2万` → 1,200,000 fen: the decimal point is moved by the multiplier's power on the digits
 * themselves, then rounded to the fen like any written amount. Null when the text is not of that form.
 */
function multipliedFen(text: string): Fen | null {
  const m = MULTIPLIED.exec(text);
  if (m === null) return null;
  const digits = m[1].replace(/,/g, "");
  const dot = digits.indexOf(".");
  const whole = dot < 0 ? digits : digits.slice(0, dot);
  const frac = dot < 0 ? "" : digits.slice(dot + 1);
  const power = MULTIPLIER_POWER[m[2]];
  const shifted = whole + frac.padEnd(power, "0").slice(0, power);
  const rest = frac.length > power ? frac.slice(power) : "";
  const wholeText = shifted.replace(/^0+(?=\d)/, "");
  return safeDecimal(rest === "" ? wholeText : `${wholeText}.${rest}`);
}

const CAPITAL_DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  壹: 1,
  贰: 2,
  貳: 2,
  叁: 3,
  參: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  陸: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};
/** Places inside a group of four digits. */
const CAPITAL_PLACE: Readonly<Record<string, number>> = { 拾: 10, 佰: 100, 仟: 1000 };
const CAPITAL_FORM = /^(?:([零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億]+)[元圆])?(?:([零〇壹贰貳叁參肆伍陆陸柒捌玖])角)?(?:零?([零〇壹贰貳叁參肆伍陆陸柒捌玖])分)?(?:整|正)?$/;

/**
 * `壹万贰仟叁佰元整` → 1,230,000 fen; `壹佰元伍角叁分` → 10,053. Null for anything else, including the
 * spoken shortenings that can be read two ways (`壹仟贰`): a last digit without a place counts only
 * after 拾, after 零, or alone.
 */
function capitalsFen(text: string): Fen | null {
  if (text === "" || text === "整" || text === "正") return null;
  let m = CAPITAL_FORM.exec(text);
  // Without 元 the whole text is the yuan figure (`壹仟`), as long as nothing else follows.
  let yuanText: string | undefined;
  if (m !== null && (m[1] !== undefined || m[2] !== undefined || m[3] !== undefined)) yuanText = m[1];
  else {
    m = null;
    const bare = text.replace(/[整正]$/, "");
    if (!/^[零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億]+$/.test(bare)) return null;
    yuanText = bare;
  }
  let yuan = 0;
  if (yuanText !== undefined) {
    const y = capitalInteger(yuanText);
    if (y === null) return null;
    yuan = y;
  }
  const jiao = m !== null && m[2] !== undefined ? CAPITAL_DIGIT[m[2]] : 0;
  const fen = m !== null && m[3] !== undefined ? CAPITAL_DIGIT[m[3]] : 0;
  const total = yuan * 100 + jiao * 10 + fen;
  return Number.isSafeInteger(total) ? asFen(total) : null;
}

/** A whole number in capitals: groups of four digits under 亿 and 万, each read by `capitalGroup`. */
function capitalInteger(text: string): number | null {
  const normal = text.replace(/萬/g, "万").replace(/億/g, "亿");
  let total = 0;
  let rest = normal;
  let afterUnit = false;
  for (const [unit, value] of [
    ["亿", 1e8],
    ["万", 1e4],
  ] as const) {
    const at = rest.indexOf(unit);
    if (at < 0) continue;
    if (rest.indexOf(unit, at + 1) >= 0) return null;
    const group = capitalGroup(rest.slice(0, at), afterUnit);
    if (group === null || group === 0) return null;
    total += group * value;
    rest = rest.slice(at + 1);
    afterUnit = true;
  }
  if (rest !== "") {
    const group = capitalGroup(rest, afterUnit);
    if (group === null) return null;
    total += group;
  }
  return total;
}

/**
 * One group below 10,000: digits each followed by a smaller place than the one before (仟, 佰, 拾), 零
 * where places are skipped, at most one bare digit at the end. `拾伍` (a leading 拾) counts as 15 at the
 * start of the number only; `壹仟贰` is refused (1,200 as people say it, 1,002 as read).
 */
function capitalGroup(text: string, afterUnit: boolean): number | null {
  if (text === "") return null;
  let value = 0;
  let lastPlace = 10000;
  let pending: number | null = null;
  let zeroBefore = false;
  let previousWasZero = false;
  let sawDigit = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const digit = CAPITAL_DIGIT[ch];
    if (digit === 0) {
      // 零 only stands between figures, never twice in a row, never after a digit waiting for its place.
      if (pending !== null || previousWasZero) return null;
      previousWasZero = true;
      zeroBefore = true;
      continue;
    }
    if (digit !== undefined) {
      if (pending !== null) return null;
      pending = digit;
      previousWasZero = false;
      sawDigit = true;
      continue;
    }
    const place = CAPITAL_PLACE[ch];
    if (place === undefined || place >= lastPlace) return null;
    if (pending === null) {
      // A bare 拾 means 壹拾, and only where a number starts.
      if (place !== 10 || i !== 0 || afterUnit) return null;
      pending = 1;
    }
    value += pending * place;
    lastPlace = place;
    pending = null;
    previousWasZero = false;
    sawDigit = true;
  }
  if (previousWasZero && text.length > 1) return null;
  if (pending !== null) {
    // A last bare digit is the units only when nothing could stand between: right after 拾, after 零, or alone.
    const alone = lastPlace === 10000 && !zeroBefore;
    if (!(alone || lastPlace === 10 || zeroBefore)) return null;
    if (alone && afterUnit) return null;
    value += pending;
  }
  if (!sawDigit) return text === "零" || text === "〇" ? 0 : null;
  return value;
}
