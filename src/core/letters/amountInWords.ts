/**
 * Amounts in capitals (大写) as 会计基础工作规范 第52条 and 支付结算办法 附一 ask for them.
 *
 * 附一 leaves two choices open; this file makes them once, for every letter:
 * - 整 is written after an amount ending at 角 too (第52条 asks for it, 附一 allows leaving it out).
 * - A single zero standing at a place a unit character already names (元, 万 or 亿) gets no 零 of its
 *   own: ¥1,680.32 → 壹仟陆佰捌拾元叁角贰分, ¥101,000 → 壹拾万壹仟元整. A run of zeros that covers any
 *   other place gets one 零, written after the units and before the next figure: ¥107,000.53 →
 *   壹拾万柒仟元零伍角叁分, ¥10,000,001 → 壹仟万零壹元整. Both choices are among the forms 附一 allows.
 * - Below one yuan no 元 is written: ¥0.50 → 人民币伍角整, ¥0.05 → 人民币伍分.
 */
import type { Fen } from "../model";
import { decimalTextToFen, fen as asFen, negFen } from "../money";

/** 999,999,999,999.99 yuan: the largest amount the 亿 group (four figures before 亿) can write. */
export const MAX_AMOUNT_IN_WORDS_FEN: Fen = asFen(99_999_999_999_999);

const FIGURES = "零壹贰叁肆伍陆柒捌玖";
const PLACE_UNITS = ["", "拾", "佰", "仟"];
const GROUP_UNITS = ["元", "万", "亿"];

/**
 * `10700053` → `人民币壹拾万柒仟元零伍角叁分`. The sign is dropped: a letter states the direction
 * (贵公司欠本公司 / 本公司欠贵公司) in words of its own. Throws a RangeError for a non-integer or for more
 * than 999,999,999,999.99 yuan, which no balance of ours reaches.
 */
export function amountInWords(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an amount in fen: ${fen}`);
  const abs = Math.abs(fen);
  if (abs > MAX_AMOUNT_IN_WORDS_FEN) throw new RangeError(`amount too large for 大写: ${fen}`);
  if (abs === 0) return "人民币零元整";

  // Places from the highest figure down to 分: place p ≥ 0 is 10^p yuan, -1 is 角, -2 is 分.
  const yuan = Math.floor(abs / 100);
  const yuanFigures = yuan === 0 ? [] : String(yuan).split("").map(Number);
  const figures = [...yuanFigures, Math.floor(abs / 10) % 10, abs % 10];
  const top = yuanFigures.length - 1;

  let out = "人民币";
  let started = false;
  let zeroRun = 0;
  let runCoversUnnamedPlace = false;
  for (let i = 0; i < figures.length; i++) {
    const place = top - i;
    const figure = figures[i];
    if (figure === 0) {
      if (started) {
        zeroRun++;
        if (!(place >= 0 && place % 4 === 0)) runCoversUnnamedPlace = true;
      }
    } else {
      if (zeroRun > 0 && runCoversUnnamedPlace) out += "零";
      zeroRun = 0;
      runCoversUnnamedPlace = false;
      out += FIGURES[figure] + (place >= 0 ? PLACE_UNITS[place % 4] : place === -1 ? "角" : "分");
      started = true;
    }
    if (place >= 0 && place % 4 === 0 && (place === 0 || groupHasFigure(figures, i))) out += GROUP_UNITS[place / 4];
  }
  if (figures[figures.length - 1] === 0) out += "整";
  return out;
}

/** Whether the four-figure group ending at index `end` (its 个 place) holds any figure but zero. */
function groupHasFigure(figures: number[], end: number): boolean {
  for (let i = Math.max(0, end - 3); i <= end; i++) if (figures[i] !== 0) return true;
  return false;
}

/**
 * Exact decimal text to fen, rounding half up on the absolute value at the third decimal
 * (`"1409.505"` → 140951, `"-0.005"` → -1), without passing through a floating-point number.
 * Takes an optional sign, thousands separators in their places (`1,409.50`) and any number of decimals;
 * returns null for anything else or for an amount beyond what fen can hold exactly.
 */
export function fenFromDecimalText(text: string): Fen | null {
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/.exec(text.trim());
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const whole = (m[2] ?? "").replace(/,/g, "").replace(/^0+(?=\d)/, "");
  // More than 15 figures before the point cannot be held exactly once multiplied by 100.
  if (whole.length > 15) return null;
  let fen: Fen;
  try {
    fen = decimalTextToFen(`${whole}${m[3] === undefined ? "" : `.${m[3]}`}`);
  } catch {
    return null;
  }
  return m[1] === "-" && fen !== 0 ? negFen(fen) : fen;
}
