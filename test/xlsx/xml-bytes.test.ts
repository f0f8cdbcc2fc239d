import { XmlBytes } from "../../src/xlsx/xml-bytes";

/** What `num` writes for one value, as text. */
function written(v: number): string {
  const o = new XmlBytes(64);
  o.num(v);
  return o.take().toString("latin1");
}

describe("XmlBytes.num", () => {
  it("writes every amount in yuan as String() does, fen by fen around the edges", () => {
    const fens = [0, 1, 5, 9, 10, 11, 99, 100, 101, 105, 110, 199, 999, 1000, 123456, 3050592, 410130, 2147483647, 2147483648, 2147483699, 99999999999999, 999999999999999];
    for (const f of fens) {
      for (const v of [f / 100, -f / 100]) expect(written(v)).toBe(String(v));
    }
  });

  it("matches String() on random amounts, whole numbers, and values with more decimals or digits", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const values: number[] = [-0, 0.001, 1e-7, 123.456, 1 / 3, 1e21, 1.5e300, 4294967296, -4294967296.5, 0.1 + 0.2, Number.MAX_SAFE_INTEGER, 1e15 / 100, 1e16 / 100];
    for (let i = 0; i < 20000; i++) {
      const scale = 10 ** Math.floor(rnd() * 16);
      values.push(Math.round(rnd() * scale) / 100, -Math.round(rnd() * scale) / 100, Math.floor(rnd() * scale), rnd() * scale);
    }
    for (const v of values) expect(written(v)).toBe(String(v));
  });
});
