/**
 * Money in integer fen. Arithmetic stays in integers; rounding happens once, at parsing.
 */
import type { Fen } from "./model";

/** `123456` → `"1234.56"`, `-5` → `"-0.05"`: the two-place decimal string used in JSON and reports. */
export function formatFen(fen: Fen): string {
  assertFen(fen);
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${yuan}.${cents < 10 ? "0" : ""}${cents}`;
}

/** `123456` → `"1,234.56"`, for people. */
export function formatFenGrouped(fen: Fen): string {
  const plain = formatFen(fen);
  const [whole, cents] = plain.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign ? whole.slice(1) : whole;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}

/** Fen to a yuan number for writing into a sheet cell (display only, never for arithmetic). */
export function fenToYuan(fen: Fen): number {
  return fen / 100;
}

/**
 * A yuan amount held as a JS number (an Excel cell) to fen, rounding half away from zero.
 * Uses the shortest decimal representation so 1.005 (stored as 1.00499…) still rounds as written.
 */
export function yuanToFen(yuan: number): Fen {
  if (!Number.isFinite(yuan)) throw new RangeError(`not a finite amount: ${yuan}`);
  const text = Math.abs(yuan).toString();
  const fen = text.includes("e") ? Math.round(Math.abs(yuan) * 100) : decimalTextToFen(text);
  const signed = yuan < 0 ? -fen : fen;
  return signed === 0 ? 0 : signed;
}

/** Unsigned decimal digits with an optional fraction (`"1234.567"`) to fen, half away from zero. */
export function decimalTextToFen(text: string): Fen {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[1] === "" && (m[2] ?? "") === "")) throw new RangeError(`not a decimal: ${text}`);
  const whole = m[1] === "" ? 0 : Number(m[1]);
  const frac = (m[2] ?? "").padEnd(3, "0");
  const cents = Number(frac.slice(0, 2));
  const roundUp = Number(frac[2]) >= 5 ? 1 : 0;
  const fen = whole * 100 + cents + roundUp;
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount too large: ${text}`);
  return fen;
}

/** Sum of amounts in fen. */
export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export function assertFen(value: number): asserts value is Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an amount in fen: ${value}`);
}
