/** The suggested limit's arithmetic is whole numbers only, and exact: the same as BigInt's over the range it claims. */
import fc from "fast-check";
import { limitFen } from "../../src/core/credit/score";
import { fen } from "../../src/core/money";

describe("base × days × factor‰ / 30,000 rounded down", () => {
  test("equals the BigInt result for bases up to 270 billion yuan a month, days up to 1,000 and factors up to 10", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 27_000_000_000_000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 10_000 }), (base, days, milli) => {
        const exact = Number((BigInt(base) * BigInt(days) * BigInt(milli)) / BigInt(30_000));
        expect(limitFen(fen(base), days, milli)).toBe(exact);
      }),
      { numRuns: 2000 },
    );
  });

  test("a hand-worked case: 121,728.39 a month, 60 days, factor 1.2 → 292,148.13", () => {
    expect(limitFen(fen(12_172_839), 60, 1200)).toBe(29_214_813);
  });
});
