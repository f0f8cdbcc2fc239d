import fc from "fast-check";
import { extractRefs, normaliseRef, plainRefKeyHash, refKeyHash } from "../../src/core/values/refs";
import { toHalfWidth } from "../../src/core/values/text";

/*
 * The reader's text scans were rewritten for speed (a 1,048,576-row sheet has a different 摘要 on
 * every row). These are the pattern-based versions they replaced, kept here as the reference: the
 * fast ones must give exactly the same results on any text.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000\u00A0\uFFE5\u2212]/;
const FULL_WIDTH_ALL = /[\uFF01-\uFF5E\u3000\u00A0\uFFE5\u2212]/g;
function halfOf(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x3000 || code === 0x00a0) return " ";
  if (code === 0xffe5) return "¥";
  if (code === 0x2212) return "-";
  return String.fromCharCode(code - 0xfee0);
}
function referenceToHalfWidth(text: string): string {
  return FULL_WIDTH.test(text) ? text.replace(FULL_WIDTH_ALL, halfOf) : text;
}

const ANY_DIGIT = /[0-9\uFF10-\uFF19]/;
const TOKEN = /[A-Za-z0-9]+(?:[-_/.][A-Za-z0-9]+)*/g;
const LABEL_BEFORE = /(?:号码?|单|票|编号|no\.?|#|№)\s*[:：]?\s*$/i;
const DATE_LIKE = /^(?:\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{1,2})$/;
const DECIMAL = /^\d+\.\d{1,2}$/;
const UNIT = /^\d+(?:\.\d+)?(?:ml|l|kg|g|t|v|w|kw|kwh|mm|cm|m|pcs|pc|hz|mah)$/i;
const UNIT_AFTER = /^\s*(?:元|万|件|个|箱|台|吨|套|条|包|公斤|斤|米|天|%|％|年|月|日|号|期)/;
const NO_TOKEN = /^(?:no|№)[.:]?(?=\d)/i;
const LETTER = /[A-Za-z]/;
const COMPACT_DATE = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

function referenceExtractRefs(text: string): string[] {
  if (!text || !ANY_DIGIT.test(text)) return [];
  const half = referenceToHalfWidth(text);
  const found: string[] = [];
  const seen: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(half)) !== null) {
    let token = m[0];
    let labelled = m.index > 0 && LABEL_BEFORE.test(half.slice(Math.max(0, m.index - 4), m.index));
    if (NO_TOKEN.test(token)) {
      token = token.replace(NO_TOKEN, "");
      labelled = true;
    }
    let digits = 0;
    for (let k = 0; k < token.length; k++) {
      const c = token.charCodeAt(k);
      if (c >= 48 && c <= 57) digits++;
    }
    if (digits === 0) continue;
    if (DATE_LIKE.test(token) || DECIMAL.test(token) || UNIT.test(token)) continue;
    const end = m.index + m[0].length;
    const hasLetter = LETTER.test(token);
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

/** Pieces a 摘要 is made of: Chinese words and labels, letters, digits, separators, full-width forms, spaces. */
const piece = fc.oneof(
  fc.constantFrom("销售出库", "发票号", "单号", "出库单", "编号", "号码", "票", "单", "号", "收到货款", "元", "台", "年", "月", "期", "％", "件", "公斤"),
  fc.constantFrom("No.", "no", "NO:", "№", "#", ":", "：", " ", "\u3000", "\u00a0", "-", "_", "/", ".", "－", "．", "（", "）", "\u2212", "￥"),
  fc.constantFrom("XSCK", "MD", "HD", "ml", "kg", "KWh", "pcs", "A", "n", "o", "N", "Ｘ", "ｍｄ"),
  fc.stringMatching(/^[0-9]{1,9}$/),
  fc.stringMatching(/^[０-９]{1,8}$/),
  fc.constantFrom("2026-01-05", "2026/1/5", "20260105", "1234.50", "12.5", "3.14159", "00452301", "0000", "19991231"),
  fc.string({ maxLength: 4 }),
);
const summary = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(""));

describe("fast text scans agree with the pattern-based ones", () => {
  test("extractRefs finds exactly what the pattern-based scan finds, in the same order", () => {
    fc.assert(
      fc.property(summary, (text) => {
        expect(extractRefs(text)).toEqual(referenceExtractRefs(text));
      }),
      { numRuns: 200 },
    );
  });

  test("extractRefs agrees on arbitrary unicode text too", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (text) => {
        expect(extractRefs(text)).toEqual(referenceExtractRefs(text));
      }),
      { numRuns: 200 },
    );
  });

  test("toHalfWidth converts exactly the characters the pattern-based version converts", () => {
    fc.assert(
      fc.property(fc.oneof(summary, fc.string({ unit: "binary", maxLength: 20 })), (text) => {
        expect(toHalfWidth(text)).toBe(referenceToHalfWidth(text));
      }),
      { numRuns: 200 },
    );
  });

  test("a plain ASCII reference cell hashes as its normalised reference does; any other cell gives NaN", () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._/#:-]{0,14}$/),
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.constantFrom("XSCK-2026-0000123", "xs001", "A00B", "0", "00-0", "No.5", "n5", "ＸＳ１", " X1", "-1"),
    );
    fc.assert(
      fc.property(cell, (text) => {
        const h = plainRefKeyHash(text);
        // Plain: ASCII up to `z`, starting with a letter or digit other than the `n` of a `No.` prefix.
        const plain = [...text].every((ch) => ch.charCodeAt(0) <= 0x7a) && /^[0-9A-MO-Za-mo-z]/.test(text);
        if (plain) expect(h).toBe(refKeyHash(normaliseRef(text)));
        else expect(Number.isNaN(h)).toBe(true);
      }),
      { numRuns: 200 },
    );
    // A dash does not end a digit run, so the zeros after it are not leading ones.
    expect(plainRefKeyHash("XSCK-2026-0000123")).toBe(refKeyHash("XSCK20260000123"));
    expect(plainRefKeyHash("a00b")).toBe(refKeyHash("A0B"));
  });

  test("worked examples keep their references", () => {
    expect(extractRefs("销售出库 XSCK-2026-0101 发票号00452301")).toEqual(["XSCK-2026-0101", "00452301"]);
    expect(extractRefs("No.123456 付款")).toEqual(["123456"]);
    expect(extractRefs("单号：A1 200台")).toEqual(["A1"]);
    expect(extractRefs("A4纸 500ML 220V 2026-01-05")).toEqual([]);
    expect(extractRefs("ＸＳＣＫ－２０２６－０１０１")).toEqual(["XSCK-2026-0101"]);
  });
});
