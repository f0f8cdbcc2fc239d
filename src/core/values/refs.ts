/**
 * Document references and dealer names, and the normal forms the matcher compares.
 *
 * Voucher numbers (凭证字号 such as `记-15`, `收-3`) are the bookkeeper's internal sequence: a dealer never
 * sees them, so they never match anything on a statement. The reader keeps them apart (`voucher`) and
 * never puts them among the business references (`ref`, `refs`).
 */
import { toHalfWidth } from "./text";

const NO_PREFIX = /^\s*(?:no|№)\s*[.:：#]\s*|^\s*#\s*/i;
/**
 * The form two references are compared in: half-width, upper case, letters and digits only, leading
 * zeros of every digit run dropped. `xsck-2026-0101`, `XSCK 2026 0101` and `ＸＳＣＫ２０２６０１０１` are
 * one reference; so are `发票号00452301` and `452301`. Chinese labels are dropped with the other non-ASCII.
 * (Separators are dropped before zeros are, so `A-01` and `A1` coincide too: a price worth paying for the
 * many ways one number is written.)
 */
export function normaliseRef(text: string): string {
  const src = mayHavePrefix(text) && NO_PREFIX.test(text) ? text.replace(NO_PREFIX, "") : text;
  const n = src.length;
  // A buffer of this call; the key is never longer than the text.
  const out = new Uint16Array(n);
  const len = foldRefInto(src, out, false);
  // Already in normal form (the engine's keys, a second reading): the same string back, nothing built.
  if (len === n) {
    let same = true;
    for (let i = 0; i < n && same; i++) same = out[i] === src.charCodeAt(i);
    if (same) return src;
  }
  return charsOf(out, len);
}

/** The first `len` characters of `chars` as a string. */
export function charsOf(chars: Uint16Array, len: number): string {
  if (len <= 8192) return String.fromCharCode.apply(null, chars.subarray(0, len) as unknown as number[]);
  let result = "";
  // In chunks: a call's arguments live on the stack.
  for (let at = 0; at < len; at += 8192) result += String.fromCharCode.apply(null, chars.subarray(at, Math.min(len, at + 8192)) as unknown as number[]);
  return result;
}

/**
 * The one folding rule of references, used by `normaliseRef`, `plainRefKeyHash` and the matcher: the
 * characters of `text` into `out` (at least `text.length` long), full-width forms as half-width, letters
 * in upper case, ASCII letters and digits only (separators and Chinese labels dropped; separators do not
 * end a digit run, letters do), each digit run's leading zeros dropped and a run of zeros kept as one
 * `0`. Returns the key's length. With `plainOnly`, -1 as soon as a character past `z` is met (anything
 * outside ASCII, whose key `refKey` takes through NFKC): the caller then makes the key the long way.
 */
export function foldRefInto(text: string, out: Uint16Array, plainOnly: boolean): number {
  const n = text.length;
  let len = 0;
  let inRun = false;
  let runLen = 0;
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c > 122) {
      if (plainOnly) return -1;
      if (c >= 0xff10 && c <= 0xff5a) c -= 0xfee0;
    }
    if (c >= 97 && c <= 122) c -= 32;
    if (c >= 48 && c <= 57) {
      if (!inRun) {
        inRun = true;
        runLen = 0;
        zeros = 0;
      }
      if (c === 48 && runLen === 0) {
        zeros++;
        continue;
      }
      out[len++] = c;
      runLen++;
    } else if (c >= 65 && c <= 90) {
      if (inRun && runLen === 0 && zeros > 0) out[len++] = 48;
      inRun = false;
      out[len++] = c;
    }
  }
  if (inRun && runLen === 0 && zeros > 0) out[len++] = 48;
  return len;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * For a reference cell whose key is its own ASCII letters and digits folded as `normaliseRef` folds
 * them (a letter or digit first, so no `No.` prefix and never an empty key; nothing outside ASCII):
 * the hash of that key, folded into `buffer` (a caller's, at least as long as the cell; one of this call
 * when left out). NaN for any other cell. The matcher groups rows by these hashes (checking the keys
 * themselves only where two hashes agree) without making a key string per row.
 */
export function plainRefKeyHash(text: string, buffer?: Uint16Array): number {
  const n = text.length;
  if (n === 0) return NaN;
  const c0 = text.charCodeAt(0);
  if (!((c0 >= 48 && c0 <= 57) || (c0 >= 65 && c0 <= 90 && c0 !== 78) || (c0 >= 97 && c0 <= 122 && c0 !== 110))) return NaN;
  const out = buffer !== undefined && buffer.length >= n ? buffer : new Uint16Array(n);
  const len = foldRefInto(text, out, true);
  return len < 0 ? NaN : charsHash(out, len);
}

/** The hash `plainRefKeyHash` gives, of a key string taken as it is. */
export function refKeyHash(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h;
}

/** The same hash, of the first `len` characters of `chars`. */
export function charsHash(chars: Uint16Array, len: number): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < len; i++) h = Math.imul(h ^ chars[i], FNV_PRIME);
  return h;
}

/** Only text starting with a space, `n`, `№` or `#` can carry the `No.` prefix: the rest skips the pattern. */
function mayHavePrefix(text: string): boolean {
  if (text.length === 0) return false;
  const c = text.charCodeAt(0);
  return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90 && c !== 78) || (c >= 97 && c <= 122 && c !== 110));
}

const LABEL_BEFORE = /(?:号码?|单|票|编号|no\.?|#|№)\s*[:：]?\s*$/i;
const DATE_LIKE = /^(?:\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{1,2})$/;
const DECIMAL = /^\d+\.\d{1,2}$/;
const UNIT = /^\d+(?:\.\d+)?(?:ml|l|kg|g|t|v|w|kw|kwh|mm|cm|m|pcs|pc|hz|mah)$/i;
const UNIT_AFTER = /^\s*(?:元|万|件|个|箱|台|吨|套|条|包|公斤|斤|米|天|%|％|年|月|日|号|期)/;
const NO_TOKEN = /^(?:no|№)[.:]?(?=\d)/i;
const COMPACT_DATE = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

/**
 * Business document references inside free text (摘要), as written: `销售出库 XSCK-2026-0101` →
 * `["XSCK-2026-0101"]`, `发票号00452301` → `["00452301"]`, `美达出库单 MD2609-031` → `["MD2609-031"]`.
 * Dates, amounts, quantities with units and short numbers are not references. A number needs either a
 * label before it (`发票号`, `单号`, `No.`) or at least six digits; letters with digits need three digits.
 */
export function extractRefs(text: string): string[] {
  // Runs on every row's 摘要, and on a large ledger nearly every 摘要 differs: tokens are found by a
  // scan of the codes (what TOKEN matches), and each pattern below is tried only where it could match.
  if (!text || !hasAnyDigit(text)) return [];
  const half = toHalfWidth(text);
  const found: string[] = [];
  const seen: string[] = [];
  const n = half.length;
  let pos = 0;
  for (;;) {
    let start = pos;
    while (start < n && !isAsciiAlnum(half.charCodeAt(start))) start++;
    if (start >= n) break;
    let end = start + 1;
    while (end < n && isAsciiAlnum(half.charCodeAt(end))) end++;
    while (end + 1 < n && isTokenSeparator(half.charCodeAt(end)) && isAsciiAlnum(half.charCodeAt(end + 1))) {
      end += 2;
      while (end < n && isAsciiAlnum(half.charCodeAt(end))) end++;
    }
    pos = end;
    let token = half.slice(start, end);
    let labelled = start > 0 && mayEndLabel(half.charCodeAt(start - 1)) && LABEL_BEFORE.test(half.slice(Math.max(0, start - 4), start));
    const first = token.charCodeAt(0);
    if ((first === 110 || first === 78) && NO_TOKEN.test(token)) {
      token = token.replace(NO_TOKEN, "");
      labelled = true;
    }
    let digits = 0;
    let hasLetter = false;
    let hasSeparator = false;
    for (let k = 0; k < token.length; k++) {
      const c = token.charCodeAt(k);
      if (c >= 48 && c <= 57) digits++;
      else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) hasLetter = true;
      else hasSeparator = true;
    }
    if (digits === 0) continue;
    // DATE_LIKE and DECIMAL need a separator and no letter; UNIT needs a letter after leading digits.
    if (hasLetter) {
      const c0 = token.charCodeAt(0);
      if (c0 >= 48 && c0 <= 57 && UNIT.test(token)) continue;
    } else if (hasSeparator && (DATE_LIKE.test(token) || DECIMAL.test(token))) continue;
    if (hasLetter) {
      if (digits < (labelled ? 1 : 3)) continue;
    } else {
      if (!labelled) {
        if (digits < 6 || token.length !== digits || COMPACT_DATE.test(token) || UNIT_AFTER.test(half.slice(end, end + 3))) continue;
      } else if (digits < 3 && UNIT_AFTER.test(half.slice(end, end + 3))) continue;
    }
    const key = normaliseRef(token);
    if (key === "" || seen.includes(key)) continue;
    seen.push(key);
    found.push(token);
  }
  return found;
}

function hasAnyDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) return true;
  }
  return false;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** `-`, `_`, `/`, `.`: what may join the parts of one token. */
function isTokenSeparator(c: number): boolean {
  return c === 45 || c === 95 || c === 47 || c === 46;
}

/**
 * Whether LABEL_BEFORE could match text ending in this character: a Chinese character other than the
 * last one of a label (号, 码, 单, 票) rules it out, since the label must then end right there.
 */
function mayEndLabel(c: number): boolean {
  if (c < 0x4e00 || c > 0x9fff) return true;
  return c === 0x53f7 || c === 0x7801 || c === 0x5355 || c === 0x7968;
}

const VOUCHER = /^\s*[记收付转银现][\s字]*[-－—#第]?\s*[0-9０-９]+\s*号?\s*$/;

/** `记-15`, `收字第3号`, `转 12`: the bookkeeper's own voucher numbering, never a business reference. */
export function isVoucherNumber(text: string): boolean {
  return VOUCHER.test(text);
}

const NAME_NOISE = /[\s·.,，、'"“”‘’\-_]/g;
const BRACKETS = /[()[\]【】〔〕（）]/g;
const COMPANY_SUFFIX = /(?:股份有限公司|有限责任公司|有限公司|公司)$/;

/**
 * The folding `dealerKey` is built on: half-width, no spaces or punctuation, brackets dropped (their
 * content kept: `美达（上海）` = `美达(上海)` = `美达上海`), Latin in lower case, and the legal-form
 * suffix (股份有限公司, 有限责任公司, 有限公司, 公司) dropped, since people write the short form.
 * Compare dealers with `dealerKey`, which every part uses.
 */
export function foldDealerName(text: string): string {
  let name = toHalfWidth(text).replace(NAME_NOISE, "").replace(BRACKETS, "").toLowerCase();
  const stripped = name.replace(COMPANY_SUFFIX, "");
  if (stripped !== "") name = stripped;
  return name;
}

/** `Co., Ltd.`, `CO.LTD`, `Ltd.` after the folding has dropped their spaces and dots. */
const LATIN_LEGAL_FORM = /(?:coltd|ltd)$/;

/**
 * The one rule for "the same dealer", used by the reader, the reconciliation and the aging alike:
 * 「美达商贸有限公司」, 「美达商贸 有限责任公司」 and 「美达商贸」 give one key. On top of the folding, an
 * English legal form (`Co., Ltd.`) is dropped too, and Latin letters are in upper case (the form the
 * reports show as `dealerKey`).
 */
export function dealerKey(text: string): string {
  let key = foldDealerName(text);
  const stripped = key.replace(LATIN_LEGAL_FORM, "");
  if (stripped !== "" && stripped !== key) {
    key = stripped;
    // `某某有限公司 Ltd.`: the Chinese form is the last word once the English one is gone.
    const inner = key.replace(COMPANY_SUFFIX, "");
    if (inner !== "") key = inner;
  }
  return key.toUpperCase();
}
