import { XlsxWriter } from "../../src/xlsx/xlsx-writer";
import { xmlSafe } from "../../src/xlsx/xml-safe";

/** The text table as a Map would keep it: each text (and each raw text xmlSafe changed) once, numbered by first use. */
class MapTable {
  private readonly ids = new Map<string, number>();
  readonly items: string[] = [];
  count = 0;
  idOfRaw(raw: string): number {
    const known = this.ids.get(raw);
    if (known !== undefined) {
      this.count++;
      return known;
    }
    const safe = xmlSafe(raw);
    const id = this.idOf(safe);
    if (safe !== raw) this.ids.set(raw, id);
    return id;
  }
  idOf(text: string): number {
    this.count++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(text);
      this.ids.set(text, id);
    }
    return id;
  }
}

function writer(): XlsxWriter {
  return new XlsxWriter({ write: async () => undefined });
}

/** A small deterministic generator, so a failure can be run again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("the writer's shared strings", () => {
  it("number texts as a Map keyed by text would: whole numbers, leading zeros, references, unsafe and repeated texts, past many growths", () => {
    const next = random(14);
    const pick = (): string => {
      const r = next();
      const n = Math.floor(next() * 300_000);
      if (r < 0.25) return String(n);
      if (r < 0.3) return `0${n}`;
      if (r < 0.32) return n % 2 === 0 ? "0" : "";
      if (r < 0.34) return `${n}\u0001`;
      if (r < 0.36) return `${2 ** 24 + n}`;
      if (r < 0.38) return `${n}.5`;
      if (r < 0.6) return `XSCK-2026-${String(n).padStart(7, "0")}`;
      return `经销商${n % 500}商贸有限公司`;
    };
    const ours = writer().strings;
    const theirs = new MapTable();
    for (let i = 0; i < 200_000; i++) {
      const text = pick();
      const raw = next() < 0.5;
      expect([i, text, raw ? ours.idOfRaw(text) : ours.idOf(text)]).toEqual([i, text, raw ? theirs.idOfRaw(text) : theirs.idOf(text)]);
    }
    expect(ours.items).toEqual(theirs.items);
    expect(ours.count).toBe(theirs.count);
  });

  it("finds a text given raw again whether it is asked for raw or as it was made safe", () => {
    const t = writer().strings;
    const id = t.idOfRaw("A\u0001B");
    expect(t.idOfRaw("A\u0001B")).toBe(id);
    expect(t.idOf("A\u0001B")).toBe(id);
    expect(t.idOf(xmlSafe("A\u0001B"))).toBe(id);
    expect(t.items).toEqual([xmlSafe("A\u0001B")]);
    expect(t.idOf("12")).toBe(1);
    expect(t.idOfRaw("12")).toBe(1);
    expect(t.idOf("012")).toBe(2);
    expect(t.items).toEqual([xmlSafe("A\u0001B"), "12", "012"]);
    expect(t.count).toBe(7);
  });

  it("holds no table as long as the largest number met: an 8-digit reference costs no more than another text", () => {
    const t = writer().strings;
    const texts = ["16777215", "12345678", "2097151", "2097152", "99999999", "1048576", "7"];
    const before = process.memoryUsage().arrayBuffers;
    expect(texts.map((x) => t.idOf(x))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Row numbers up to Excel's last row are still numbered by value (at most 8 MB); before, 16777215 took 64 MB.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 2 ** 20);
    expect(texts.map((x) => t.idOfRaw(x))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(t.items).toEqual(texts);
    expect(t.count).toBe(14);
  });
});
