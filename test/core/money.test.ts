/**
 * Fen and Yuan as the compiler sees them. The `@ts-expect-error` lines are checked by `tsc` (the project's
 * type check covers test/): each must be an error, or the check fails because the directive is unused.
 * The tests below them run the helpers themselves.
 */
import type { CellValue, Entry } from "../../src/core/model";
import type { OutCell } from "../../src/port/workbook";
import { tableOf, amountAt } from "../../src/core/read";
import {
  absFen,
  addFen,
  divFen,
  fen,
  fenAt,
  fenToYuan,
  formatFen,
  maxFen,
  minFen,
  mulFen,
  negFen,
  subFen,
  sumFen,
  yuan,
  yuanToFen,
  type Fen,
  type Yuan,
} from "../../src/core/money";

/** Where the compiler must refuse a mix of units; never called. */
export function unitMixesTheCompilerRefuses(price: Yuan, amount: Fen, n: number): void {
  // @ts-expect-error a yuan amount is not fen
  formatFen(price);
  // @ts-expect-error a bare number is not fen
  formatFen(n);
  // @ts-expect-error fen is not yuan
  yuanToFen(amount);
  // @ts-expect-error a bare number is not yuan either: it says which unit it is in first
  yuanToFen(n);
  // @ts-expect-error yuan cannot be added to fen
  addFen(amount, price);

  const entry: Pick<Entry, "amount"> = { amount };
  // @ts-expect-error a bare number cannot be assigned to a Fen field
  entry.amount = 12_345;
  // @ts-expect-error nor can a yuan amount
  entry.amount = price;
  // @ts-expect-error arithmetic gives a plain number: sums go through addFen / sumFen
  entry.amount = amount + amount;
  // @ts-expect-error negation too: negFen
  entry.amount = -amount;

  // A sheet cell takes yuan (or any plain number), never fen.
  // @ts-expect-error fen written into a cell without fenToYuan
  const cell: OutCell = { value: amount, numberFormat: "#,##0.00" };
  // @ts-expect-error nor into a grid cell
  const gridCell: CellValue = amount;
  void [cell, gridCell, { value: fenToYuan(amount) } satisfies OutCell, { value: n } satisfies OutCell];

  // What is allowed: comparisons, reading a Fen as a number, and the crossings.
  const readable: number = amount;
  entry.amount = addFen(amount, yuanToFen(price));
  entry.amount = fen(n);
  void (amount > 0 && readable === amount && fenToYuan(amount) > price);
}

describe("money helpers", () => {
  it("fen() accepts whole fen and refuses anything else", () => {
    expect(fen(123_456)).toBe(123_456);
    expect(fen(-5)).toBe(-5);
    expect(() => fen(1.5)).toThrow(RangeError);
    expect(() => fen(Number.NaN)).toThrow(RangeError);
    expect(() => fen(2 ** 53)).toThrow(RangeError);
  });

  it("adds, subtracts, negates and compares in fen", () => {
    const a = fen(1_000);
    const b = fen(250);
    expect(addFen(a, b)).toBe(1_250);
    expect(subFen(b, a)).toBe(-750);
    expect(negFen(a)).toBe(-1_000);
    expect(absFen(negFen(a))).toBe(1_000);
    expect(minFen(a, b)).toBe(250);
    expect(maxFen(a, b)).toBe(1_000);
    expect(mulFen(b, -3)).toBe(-750);
    expect(divFen(fen(1_000), 3)).toBe(333);
    expect(divFen(fen(-1_000), 3)).toBe(-334);
    expect(sumFen([a, b, negFen(b)])).toBe(1_000);
    expect(sumFen([])).toBe(0);
    expect(sumFen([{ open: a }, { open: b }], (x) => x.open)).toBe(1_250);
  });

  it("crosses between yuan and fen only through yuanToFen and fenToYuan", () => {
    expect(yuanToFen(yuan(1.005))).toBe(101);
    expect(yuanToFen(yuan(-12.34))).toBe(-1_234);
    expect(fenToYuan(fen(123_456))).toBe(1_234.56);
  });

  it("reads amounts out of raw number columns as fen", () => {
    const table = tableOf([{ sheet: "台账", row: 2, date: "2026-11-02", ref: null, refs: [], description: "销售", amount: fen(500_000), dealer: null, rep: null, termDays: null }]);
    expect(amountAt(table, 0)).toBe(500_000);
    expect(fenAt(new Float64Array([7, -8]), 1)).toBe(-8);
  });
});
