/**
 * One folding rule for references: `normaliseRef`'s keys, `plainRefKeyHash`'s hashes and the matcher's
 * key comparisons all come from `foldRefInto`.
 */
import fc from "fast-check";
import { charsHash, charsOf, foldRefInto, normaliseRef, plainRefKeyHash, refKeyHash } from "../../src/core/values/refs";

const texts = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._/#:-]{0,14}$/),
  fc.string({ unit: "binary", maxLength: 16 }),
  fc.constantFrom("XSCK-2026-0000123", "ｘｓｃｋ－２０２６－０１０１", "发票号00452301", "00-0", "A-01", "a00b", "单号：MD2609-031", "0", ""),
);

function fold(text: string, plainOnly: boolean): string | null {
  const out = new Uint16Array(text.length);
  const len = foldRefInto(text, out, plainOnly);
  return len < 0 ? null : charsOf(out, len);
}

describe("foldRefInto", () => {
  test("is normaliseRef's rule on any text without a No. prefix", () => {
    fc.assert(
      fc.property(texts, (text) => {
        if (/^\s*(?:no|№)\s*[.:：#]|^\s*#/i.test(text)) return;
        expect(fold(text, false)).toBe(normaliseRef(text));
      }),
      { numRuns: 300 },
    );
    expect(fold("ｘｓｃｋ－２０２６－０１０１", false)).toBe("XSCK20260101");
    expect(fold("00-0", false)).toBe("0");
  });

  test("plain only: refuses any character past z, else folds as without the flag", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const plain = [...text].every((ch) => ch.charCodeAt(0) <= 0x7a);
        expect(fold(text, true)).toBe(plain ? fold(text, false) : null);
      }),
      { numRuns: 300 },
    );
  });

  test("plainRefKeyHash hashes the folded characters, with or without a caller's buffer", () => {
    const buffer = new Uint16Array(4);
    for (const text of ["XSCK-2026-0000123", "a00b", "HD00012345", "x"]) {
      const h = plainRefKeyHash(text);
      expect(h).toBe(refKeyHash(normaliseRef(text)));
      expect(plainRefKeyHash(text, buffer)).toBe(h);
      const out = new Uint16Array(text.length);
      expect(charsHash(out, foldRefInto(text, out, true))).toBe(h);
    }
  });

  test("a key longer than one call's arguments is built whole", () => {
    const long = "A1".repeat(10_000);
    expect(normaliseRef(long)).toBe(long);
    expect(normaliseRef(long.toLowerCase())).toBe(long);
  });
});
