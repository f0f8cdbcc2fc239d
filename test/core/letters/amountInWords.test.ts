import fc from "fast-check";
import { amountInWords, fenFromDecimalText, MAX_AMOUNT_IN_WORDS_FEN } from "../../../src/core/letters/amountInWords";
import { fen as asFen } from "../../../src/core/money";

/**
 * A reader of 大写 written for the test only, independent of the writer: it adds up figure × unit inside
 * each 万/亿 group and ignores 零 and 整, so it checks the value, while the shape is checked apart.
 */
function parseCapitals(text: string): number {
  expect(text.startsWith("人民币")).toBe(true);
  const figures: Record<string, number> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
  const places: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
  let fen = 0;
  let yi = 0;
  let wan = 0;
  let group = 0;
  let pending: number | null = null;
  for (const ch of text.slice(3)) {
    if (ch in figures) {
      if (ch !== "零") pending = figures[ch];
    } else if (ch in places) {
      if (pending === null) throw new Error(`unit without a figure in ${text}`);
      group += pending * places[ch];
      pending = null;
    } else if (ch === "亿") {
      yi = group + (pending ?? 0);
      group = 0;
      pending = null;
    } else if (ch === "万") {
      wan = group + (pending ?? 0);
      group = 0;
      pending = null;
    } else if (ch === "元") {
      fen = ((yi * 10000 + wan) * 10000 + group + (pending ?? 0)) * 100;
      yi = wan = group = 0;
      pending = null;
    } else if (ch === "角" || ch === "分") {
      if (pending === null) throw new Error(`${ch} without a figure in ${text}`);
      fen += pending * (ch === "角" ? 10 : 1);
      pending = null;
    } else if (ch !== "整") {
      throw new Error(`unexpected ${ch} in ${text}`);
    }
  }
  if (pending !== null) throw new Error(`figure without a unit in ${text}`);
  return fen;
}

describe("amountInWords: the examples of 支付结算办法 附一", () => {
  it.each([
    [140950, "人民币壹仟肆佰零玖元伍角整"],
    [600714, "人民币陆仟零柒元壹角肆分"],
    [168032, "人民币壹仟陆佰捌拾元叁角贰分"],
    [10700053, "人民币壹拾万柒仟元零伍角叁分"],
    [1640902, "人民币壹万陆仟肆佰零玖元零贰分"],
  ])("%i fen is %s", (fen, words) => {
    expect(amountInWords(asFen(fen))).toBe(words);
  });
});

describe("amountInWords: zeros, tens and the end of the amount", () => {
  it.each([
    [101010101, "人民币壹佰零壹万零壹佰零壹元零壹分", "one 零 per run of zeros inside the number"],
    [1200001, "人民币壹万贰仟元零壹分", "零 before 分 when 角 is zero"],
    [10000000, "人民币壹拾万元整", "a leading ten is 壹拾"],
    [1000, "人民币壹拾元整", "ten yuan is 壹拾元, not 拾元"],
    [1010, "人民币壹拾元壹角整", "a lone zero at 元 gets no 零 (元 names the place)"],
    [10010, "人民币壹佰元零壹角整", "zeros at 拾 and 元 before 角 get one 零"],
    [10000000000, "人民币壹亿元整", "one 亿"],
    [1000000100, "人民币壹仟万零壹元整", "a run across 万 gets its 零 after 万"],
    [10010000000, "人民币壹亿零壹拾万元整", "zeros after 亿 and before 拾万"],
    [10000100000, "人民币壹亿零壹仟元整", "an empty 万 group is written as one 零"],
    [10100000, "人民币壹拾万壹仟元整", "a lone zero at 万 gets no 零 (万 names the place)"],
    [100100000, "人民币壹佰万零壹仟元整", "zeros at 拾万 and 万 before 仟 get one 零"],
    [100000000100, "人民币壹拾亿零壹元整", "a long run from 亿 down to 元"],
    [1000000000000, "人民币壹佰亿元整", "hundreds of 亿"],
    [50, "人民币伍角整", "below a yuan no 元 is written, 整 after 角"],
    [5, "人民币伍分", "below a yuan, only 分, nothing after it"],
    [15, "人民币壹角伍分", "角 and 分 alone"],
    [105, "人民币壹元零伍分", "one yuan and five fen"],
    [0, "人民币零元整", "zero"],
    [MAX_AMOUNT_IN_WORDS_FEN, "人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分", "the largest amount"],
  ])("%i fen is %s (%s)", (fen, words) => {
    expect(amountInWords(asFen(fen))).toBe(words);
  });

  it("writes the absolute value of a negative balance (the direction is stated elsewhere)", () => {
    expect(amountInWords(asFen(-10700053))).toBe("人民币壹拾万柒仟元零伍角叁分");
  });

  it("refuses amounts beyond 999,999,999,999.99 and fractions of a fen", () => {
    expect(() => amountInWords(asFen(MAX_AMOUNT_IN_WORDS_FEN + 1))).toThrow(RangeError);
    expect(() => amountInWords(asFen(1.5))).toThrow(RangeError);
  });
});

describe("amountInWords: properties over every amount up to 999,999,999,999.99", () => {
  const amounts = fc.integer({ min: 1, max: MAX_AMOUNT_IN_WORDS_FEN });
  // Amounts with long runs of zeros are where the rules differ; plain integers rarely produce them.
  const sparse = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 4 })
    .map((parts) => {
      const figures = new Array<number>(14).fill(0);
      for (const [place, figure] of parts) figures[place] = figure;
      return figures.reduce((t, f, place) => t + f * 10 ** place, 0);
    });

  it("reads back to the same amount", () => {
    fc.assert(fc.property(fc.oneof(amounts, sparse), (fen) => parseCapitals(amountInWords(asFen(fen))) === fen), { numRuns: 3000 });
  });

  it("uses only 大写 characters: no 圆, 毛, 另, 一二十 or digits, and starts with 人民币", () => {
    fc.assert(
      fc.property(fc.oneof(amounts, sparse), (fen) => {
        const words = amountInWords(asFen(fen));
        return /^人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/.test(words) && !/[圆毛另一二三十0-9]/.test(words);
      }),
      { numRuns: 3000 },
    );
  });

  it("ends with 整 exactly when the amount has no 分, never has two 零 together, and never ends in 零", () => {
    fc.assert(
      fc.property(fc.oneof(amounts, sparse), (fen) => {
        const words = amountInWords(asFen(fen));
        return words.endsWith("整") === (fen % 10 === 0) && !words.includes("零零") && !/零[元万亿整]/.test(words);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("fenFromDecimalText", () => {
  it.each([
    ["1409.50", 140950],
    ["1409.505", 140951],
    ["1409.5049", 140950],
    ["107,000.53", 10700053],
    ["-0.005", -1],
    ["+12", 1200],
    [".5", 50],
    ["0.995", 100],
    ["999999999999.99", MAX_AMOUNT_IN_WORDS_FEN],
    ["  6007.14 ", 600714],
    ["-0", 0],
  ])("%s is %i fen", (text, fen) => {
    expect(fenFromDecimalText(text)).toBe(fen);
  });

  it("rounds a third decimal of 5 up where a binary float would round down", () => {
    // 1.005 as a double is 1.00499999999999989…, which Math.round(x * 100) turns into 100.
    expect(fenFromDecimalText("1.005")).toBe(101);
  });

  it.each(["", "-", "1.2.3", "12,34.00", "1e5", "¥12", "abc", "1234567890123456"])("refuses %p", (text) => {
    expect(fenFromDecimalText(text)).toBeNull();
  });
});
