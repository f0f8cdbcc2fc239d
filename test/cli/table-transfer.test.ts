/**
 * A table packed for another thread comes back column for column as it was, whether its text columns
 * repeat a few values (kept as numbers into them) or hardly repeat at all (kept row by row).
 */
import { entriesOf, tableOf, emptyTable, type EntryTable } from "../../src/core/read";
import { packRead, packTable, unpackRead, unpackTable, type PackedRead } from "../../src/cli/table-transfer";
import { prepareSide } from "../../src/core/reconcile/prepare";
import { readSheet } from "../../src/app/read";
import { CsvWorkbook } from "../../src/xlsx/csv-workbook";
import type { ReadEntry } from "../../src/core/read/types";
import { fen } from "../../src/core/money";

function entry(i: number, distinct: boolean): ReadEntry {
  return {
    sheet: i % 7 === 0 ? "二月" : "一月",
    row: i + 2,
    date: i % 11 === 0 ? null : `2026-0${1 + (i % 9)}-1${i % 10}`,
    ref: i % 5 === 0 ? null : distinct ? `XSCK-${i}` : `HD${i % 3}`,
    refs: i % 5 === 0 ? [] : [distinct ? `XSCK${i}` : `HD${i % 3}`],
    description: distinct ? `销售出库 ${i}` : i % 2 === 0 ? "收到货款" : "",
    amount: fen((i % 2 === 0 ? 1 : -1) * (1000 + i)),
    dealer: i % 13 === 0 ? null : `经销商${distinct ? i : i % 4}`,
    rep: i % 3 === 0 ? null : "张伟",
    termDays: i % 4 === 0 ? null : 30 + (i % 2),
    voucher: i % 6 === 0 ? null : `记-${i}`,
    hidden: i % 17 === 0,
    afterAsOf: i % 19 === 0,
  };
}

function roundTrip(table: EntryTable): EntryTable {
  const { table: packed, transfer } = packTable(table);
  // Moved to another thread: a structured clone that takes the typed arrays' memory along.
  return unpackTable(structuredClone(packed, { transfer }));
}

describe("packTable / unpackTable", () => {
  test.each([
    ["few distinct values", false, 50],
    ["mostly distinct values", true, 50],
    ["more rows than the trial, all distinct", true, 9000],
    ["more rows than the trial, repeated", false, 9000],
  ])("%s: the same entries come back", (_name, distinct, n) => {
    const entries = Array.from({ length: n }, (_, i) => entry(i, distinct));
    const table = tableOf(entries);
    // Taken before: the table's typed arrays move with it.
    const expected = { entries: entriesOf(table), refCells: [...table.refCells], dates: [...table.dates] };
    const back = roundTrip(table);
    expect(back.length).toBe(n);
    expect(entriesOf(back)).toEqual(expected.entries);
    expect(back.refCells).toEqual(expected.refCells);
    expect(back.dates).toEqual(expected.dates);
  });

  test("a column that repeats a few values for its first rows and then hardly repeats comes back row for row", () => {
    // 20,000 rows: the first 6,000 repeat (past the trial), the rest are distinct, so the values seen
    // outgrow the dictionary part-way and the column is kept row by row from its first row.
    const n = 20_000;
    const entries = Array.from({ length: n }, (_, i) => entry(i, i >= 6000));
    const table = tableOf(entries);
    const expected = { entries: entriesOf(table), refCells: [...table.refCells], descriptions: [...table.descriptions], dealers: [...table.dealers] };
    const { table: packed } = packTable(table);
    expect(packed.dealers.codes).toBeNull();
    expect(packed.descriptions.codes).toBeNull();
    const back = unpackTable(structuredClone(packed));
    expect(back.dealers).toEqual(expected.dealers);
    expect(back.dealers.filter((d) => d === null)).toHaveLength(expected.dealers.filter((d) => d === null).length);
    expect(back.descriptions).toEqual(expected.descriptions);
    expect(back.refCells).toEqual(expected.refCells);
    expect(entriesOf(back)).toEqual(expected.entries);
  });

  test("an empty table and a table without its optional columns", () => {
    expect(roundTrip(emptyTable())).toEqual(emptyTable());
    const make = (): EntryTable => ({ ...tableOf([entry(1, true), entry(2, true)]), reps: null, termDays: null, vouchers: null, refLists: null });
    expect(roundTrip(make())).toEqual(make());
  });
});

describe("packRead / unpackRead with the rows prepared for matching", () => {
  test("the prepared rows come back as preparing the unpacked table gives them, keys from plain cells and from others alike", async () => {
    // Plain ASCII references (their key read from the cell), others whose key is made (a prefix, full-width
    // or Chinese text), empty ones, and dealers that repeat.
    const refs = ["XSCK-2026-0001", "No.4471", "ＸＳ－９９", "发票号00452301", "", "xs 0002", "#55", "HD-7"];
    const lines = ["客户名称,日期,单据号,摘要,进货金额,付款金额"];
    for (let i = 0; i < 300; i++) {
      const ref = refs[i % refs.length];
      lines.push(`经销商${i % 7},2026-0${1 + (i % 9)}-1${i % 10},${ref},${i % 3 === 0 ? "付款" : "进货"},${i % 3 === 0 ? "" : (100 + i).toFixed(2)},${i % 3 === 0 ? (50 + i).toFixed(2) : ""}`);
    }
    const port = CsvWorkbook.fromBytes(Buffer.from(lines.join("\n"), "utf8"), "statement");
    const read = await readSheet(port, port.sheetName, { side: "statement" });
    expect(read.table.length).toBe(300);
    const prepared = prepareSide(read.table);
    const keyed = prepared.text.filter((t, i) => t !== null && t !== read.table.refCells[i]);
    // Some keys travel as keys, not as their cells.
    expect(keyed.length).toBeGreaterThan(0);
    const expected = { numbers: [...prepared.numbers], text: [...prepared.text], dealers: { names: [...prepared.dealers.names], codes: [...prepared.dealers.codes] } };
    const packed = packRead(read, prepared);
    const back = unpackRead(structuredClone(packed.read, { transfer: packed.transfer }) as PackedRead);
    expect(back.prepared).not.toBeNull();
    const again = prepareSide(back.read.table);
    expect(back.prepared!.table).toBe(back.read.table);
    expect([...back.prepared!.numbers]).toEqual(expected.numbers);
    expect([...back.prepared!.numbers]).toEqual([...again.numbers]);
    expect(back.prepared!.text).toEqual(expected.text);
    expect(back.prepared!.text).toEqual(again.text);
    expect({ names: [...back.prepared!.dealers.names], codes: [...back.prepared!.dealers.codes] }).toEqual(expected.dealers);
    expect(back.read.table.dealers).toEqual(entriesOf(back.read.table).map((e) => e.dealer));
  });

  test("a read packed without prepared rows comes back without them", async () => {
    const port = CsvWorkbook.fromBytes(Buffer.from("客户名称,日期,单据号,摘要,进货金额,付款金额\n甲,2026-01-03,XS-1,进货,100.00,\n", "utf8"), "statement");
    const read = await readSheet(port, port.sheetName, { side: "statement" });
    const packed = packRead(read);
    expect(unpackRead(structuredClone(packed.read, { transfer: packed.transfer }) as PackedRead).prepared).toBeNull();
  });
});

describe("packRead / unpackRead: prepared rows that do not fit their table are refused", () => {
  /** A statement of `n` rows: every dealer and reference its own, references whose key is made (not the plain cell). */
  async function statementRead(n: number) {
    const lines = ["客户名称,日期,单据号,摘要,进货金额,付款金额"];
    for (let i = 0; i < n; i++) lines.push(`经销商${i},2026-01-1${i % 10},${i % 2 === 0 ? `发票号${i}` : `XS-${i}`},进货,${(100 + i).toFixed(2)},`);
    const port = CsvWorkbook.fromBytes(Buffer.from(lines.join("\n"), "utf8"), "statement");
    return readSheet(port, port.sheetName, { side: "statement" });
  }
  const packedOf = async (n: number) => {
    const read = await statementRead(n);
    const packed = packRead(read, prepareSide(read.table));
    return structuredClone(packed.read, { transfer: packed.transfer }) as PackedRead;
  };

  test("many distinct dealers and made keys (kept row by row) come back as preparing the unpacked table gives them", async () => {
    const back = unpackRead(await packedOf(6000));
    expect(back.prepared).not.toBeNull();
    const again = prepareSide(back.read.table);
    expect([...back.prepared!.numbers]).toEqual([...again.numbers]);
    expect(back.prepared!.text).toEqual(again.text);
    expect([...back.prepared!.dealers.codes]).toEqual([...again.dealers.codes]);
    expect(back.prepared!.dealers.names).toEqual(again.dealers.names);
  });

  test.each([
    ["its numbers one row short", (p: PackedRead) => void (p.prepared!.numbers = p.prepared!.numbers.slice(4))],
    ["a key's row past the table", (p: PackedRead) => void (p.prepared!.keyRows[0] = p.table.length)],
    ["a key's row before it", (p: PackedRead) => void (p.prepared!.keyRows[0] = -1)],
    ["a key for a row whose key is its reference cell", (p: PackedRead) => void (p.prepared!.keyRows[0] = 1)],
    ["one key row more than keys", (p: PackedRead) => void (p.prepared!.keyRows = Int32Array.from([...p.prepared!.keyRows, 3]))],
    ["one key fewer than key rows", (p: PackedRead) => void (p.prepared!.keyRows = p.prepared!.keyRows.slice(1))],
    ["a dealer column one row short", (p: PackedRead) => void (p.table.dealers.codes = p.table.dealers.codes!.slice(1))],
  ] as [string, (p: PackedRead) => void][])("%s: unpackRead throws (the statement is then read again on the command's thread)", async (_name, spoil) => {
    for (const n of [40, 6000]) {
      const packed = await packedOf(n);
      expect(unpackRead(packed).prepared).not.toBeNull();
      spoil(packed);
      expect(() => unpackRead(packed)).toThrow(RangeError);
    }
  });
});
