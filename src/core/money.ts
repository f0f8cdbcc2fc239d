/**
 * Money in integer fen. Arithmetic stays in integers; rounding happens once, at parsing.
 *
 * `Fen` and `Yuan` are numbers with a unit the compiler checks: a bare number, or a yuan amount, is not
 * a `Fen` until it goes through one of the few crossings here: `fen` where a number becomes money (a
 * parsed figure, a test's literal), `fenAt` where it is read back out of a raw number column (the entry
 * table's `amounts`, open-amount buffers), `yuanToFen` / `fenToYuan` between the units. Comparisons and
 * reading a `Fen` as a number need nothing; sums and differences go through `addFen`, `subFen`, `sumFen`,
 * `negFen`, `absFen`, `minFen`, `maxFen`, `mulFen`, `divFen`, so their results stay `Fen`. A sheet cell
 * takes `NotFen`: yuan or a plain number, never fen.
 */

/** Integer amount in fen (1 yuan = 100 fen). */
export type Fen = number & { readonly __unit: "fen" };

/** An amount in yuan as people give it (a sheet cell, an option, an input): only for crossing to fen or for display. */
export type Yuan = number & { readonly __unit: "yuan" };

/**
 * Any number but fen: a count, a plain figure or yuan. What a sheet cell holds, so an amount in fen
 * goes into a cell only through `fenToYuan` (or as text through `formatFen`).
 */
export type NotFen = number & { readonly __unit?: "yuan" };

/** A number that is already an integer amount in fen (a parsed figure, a table column, a test's literal) as `Fen`. */
export function fen(n: number): Fen {
  assertFen(n);
  return n;
}

/** A number given in yuan (a cell, an option) as `Yuan`, to be turned into fen with `yuanToFen`. */
export function yuan(n: number): Yuan {
  return n as Yuan;
}

export function addFen(a: Fen, b: Fen): Fen {
  return (a + b) as Fen;
}

export function subFen(a: Fen, b: Fen): Fen {
  return (a - b) as Fen;
}

export function negFen(a: Fen): Fen {
  return -a as Fen;
}

/** `a` taken `k` times, `k` a whole number (a sign, a count). */
export function mulFen(a: Fen, k: number): Fen {
  return (a * k) as Fen;
}

/** `a` divided by `k`, rounded down to whole fen (equal parts, a monthly average, a multiple of 1,000 元). */
export function divFen(a: Fen, k: number): Fen {
  return Math.floor(a / k) as Fen;
}

export function absFen(a: Fen): Fen {
  return Math.abs(a) as Fen;
}

export function minFen(a: Fen, b: Fen): Fen {
  return Math.min(a, b) as Fen;
}

export function maxFen(a: Fen, b: Fen): Fen {
  return Math.max(a, b) as Fen;
}

/**
 * Slot `i` of a column that holds fen as raw numbers (a Float64Array of amounts, an open-amount buffer):
 * the way an amount is read back out of such storage.
 */
export function fenAt(column: ArrayLike<number>, i: number): Fen {
  return column[i] as Fen;
}

/** Sum of amounts in fen: of the values, or of `amountOf` each item (`sumFen(openings, (o) => o.amount)`). */
export function sumFen(values: Iterable<Fen>): Fen;
export function sumFen<T>(items: Iterable<T>, amountOf: (item: T) => Fen): Fen;
export function sumFen<T>(items: Iterable<T>, amountOf?: (item: T) => Fen): Fen {
  let total = 0;
  if (amountOf === undefined) for (const v of items as Iterable<Fen>) total += v;
  else for (const item of items) total += amountOf(item);
  return total as Fen;
}

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
export function fenToYuan(fen: Fen): Yuan {
  return (fen / 100) as Yuan;
}

/**
 * A yuan amount held as a JS number (an Excel cell) to fen, rounding half away from zero.
 * Uses the shortest decimal representation so 1.005 (stored as 1.00499…) still rounds as written.
 */
export function yuanToFen(yuan: Yuan): Fen {
  if (!Number.isFinite(yuan)) throw new RangeError(`not a finite amount: ${yuan}`);
  const text = Math.abs(yuan).toString();
  const fen = text.includes("e") ? Math.round(Math.abs(yuan) * 100) : decimalTextToFen(text);
  const signed = yuan < 0 ? -fen : fen;
  return (signed === 0 ? 0 : signed) as Fen;
}

/** Unsigned decimal digits with an optional fraction (`"1234.567"`), in yuan, to fen, half away from zero. */
export function decimalTextToFen(text: string): Fen {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[1] === "" && (m[2] ?? "") === "")) throw new RangeError(`not a decimal: ${text}`);
  const whole = m[1] === "" ? 0 : Number(m[1]);
  const frac = (m[2] ?? "").padEnd(3, "0");
  const cents = Number(frac.slice(0, 2));
  const roundUp = Number(frac[2]) >= 5 ? 1 : 0;
  const fen = whole * 100 + cents + roundUp;
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount too large: ${text}`);
  return fen as Fen;
}

export function assertFen(value: number): asserts value is Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an amount in fen: ${value}`);
}
