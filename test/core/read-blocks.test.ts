import type { CellValue, Grid } from "../../src/core/model";
import { balanceOf, readGrid, type ReadResult, entriesOf, tableOf } from "../../src/core/read";
import { utc } from "../fixtures/ledgers";

const _ = null;
const HEADER: CellValue[] = ["日期", "凭证字号", "摘要", "借方", "贷方", "方向", "余额"];

/** One Kingdee-style block: title line, header, 期初余额, entries, 本月合计 and 本年累计. */
function block(title: string, opening: number, entries: [string, string, number, number][], withHeader = true): CellValue[][] {
  const rows: CellValue[][] = [[title, _, _, _, _, _, _]];
  if (withHeader) rows.push([...HEADER]);
  rows.push([utc("2026-01-01"), _, "期初余额", _, _, opening === 0 ? "平" : "借", opening]);
  let balance = opening;
  let debit = 0;
  let credit = 0;
  for (const [date, voucher, amount, paid] of entries.map(([d, v, a, p]) => [d, v, a, p] as const)) {
    balance = Math.round((balance + amount - paid) * 100) / 100;
    debit += amount;
    credit += paid;
    rows.push([utc(date), voucher, amount > 0 ? "销售出库" : "收到货款", amount || _, paid || _, balance === 0 ? "平" : "借", balance]);
  }
  rows.push([_, _, "本月合计", debit, credit, "借", balance]);
  rows.push([_, _, "本年累计", debit, credit, "借", balance]);
  return rows;
}

function sheet(values: CellValue[][]): Grid {
  return { sheet: "客户明细账", top: 1, left: 1, values };
}

const blank: CellValue[] = [_, _, _, _, _, _, _];

describe("a Kingdee detail ledger with three customers in blocks, blank rows between", () => {
  const values = [
    ["应收账款明细账", _, _, _, _, _, _],
    ["期间：2026年1期至2026年3期", _, _, _, _, "币别：人民币", _],
    ...block("核算项目：客户-湖北楚天建材有限公司", 12000, [
      ["2026-01-05", "记-3", 23400, 0],
      ["2026-01-18", "记-15", 0, 12000],
    ]),
    blank,
    ["应收账款明细账", _, _, _, _, _, _],
    ...block("核算项目：客户-02.001 武汉长江商贸有限公司", 500, [["2026-02-03", "记-8", 5850.5, 0]]),
    blank,
    blank,
    ...block("核算项目：客户-宜昌三峡五金有限公司", 0, []),
  ];
  const r = readGrid(sheet(values));

  test("each block is its own dealer, with its own opening and entries, on their own sheet rows", () => {
    expect(r.dealers).toEqual(["湖北楚天建材有限公司", "武汉长江商贸有限公司", "宜昌三峡五金有限公司"]);
    expect(r.dealer).toBeNull();
    expect(r.openings.map((o) => [o.row, o.dealer, o.amount])).toEqual([
      [5, "湖北楚天建材有限公司", 1_200_000],
      [14, "武汉长江商贸有限公司", 50_000],
      [22, "宜昌三峡五金有限公司", 0],
    ]);
    expect(entriesOf(r.table).map((e) => [e.row, e.dealer, e.date, e.amount])).toEqual([
      [6, "湖北楚天建材有限公司", "2026-01-05", 2_340_000],
      [7, "湖北楚天建材有限公司", "2026-01-18", -1_200_000],
      [15, "武汉长江商贸有限公司", "2026-02-03", 585_050],
    ]);
    expect(balanceOf(r, "湖北楚天建材有限公司")).toBe(2_340_000);
    expect(balanceOf(r, "武汉长江商贸有限公司")).toBe(635_050);
    expect(balanceOf(r, "宜昌三峡五金有限公司")).toBe(0);
    expect(r.closingBalance).toBe(2_975_050);
  });

  test("titles, repeated headers, totals and blanks are skipped, nothing is an error, and every block's balance column agrees", () => {
    const byReason = (reason: string) => r.skipped.filter((s) => s.reason === reason).map((s) => s.row);
    expect(byReason("title")).toEqual([1, 2, 3, 11, 12, 20]);
    expect(byReason("header")).toEqual([13, 21]);
    expect(byReason("total")).toEqual([8, 9, 16, 17, 23, 24]);
    expect(byReason("blank")).toEqual([10, 18, 19]);
    expect(r.errors).toEqual([]);
    expect(r.unreadable).toEqual([]);
    expect(r.balanceCheck).toEqual({ checked: true, firstMismatchRow: null, mismatches: 0 });
  });

  test("the blocks found are listed with their rows, entries and balances; the empty block too", () => {
    expect(r.blocks).toEqual([
      { dealer: "湖北楚天建材有限公司", titleRow: 3, lastRow: 9, openingBalance: 1_200_000, entries: 2, closingBalance: 2_340_000 },
      { dealer: "武汉长江商贸有限公司", titleRow: 12, lastRow: 17, openingBalance: 50_000, entries: 1, closingBalance: 635_050 },
      { dealer: "宜昌三峡五金有限公司", titleRow: 20, lastRow: 24, openingBalance: 0, entries: 0, closingBalance: 0 },
    ]);
  });

  test("a dealer filter keeps that block only, the first block included", () => {
    const only = readGrid(sheet(values), { dealer: "武汉长江商贸有限公司" });
    expect(only.dealers).toEqual(["武汉长江商贸有限公司"]);
    expect(only.dealer).toBe("武汉长江商贸有限公司");
    expect(entriesOf(only.table).map((e) => e.row)).toEqual([15]);
    expect(only.openings.map((o) => o.row)).toEqual([14]);
    expect(only.openingBalance).toBe(50_000);
    expect(only.closingBalance).toBe(635_050);
    expect(only.skipped.filter((s) => s.reason === "other-dealer").map((s) => s.row)).toEqual([5, 6, 7, 22]);
  });

  test("the table's entries go through tableOf and entriesOf unchanged", () => {
    const entries = entriesOf(r.table);
    expect(entries.length).toBeGreaterThan(0);
    expect(entriesOf(tableOf(entries))).toEqual(entries);
  });
});

describe("twenty customers in blocks, one after another without blank rows", () => {
  const names = Array.from({ length: 20 }, (_, n) => `第${n + 1}号建材经营部`);
  const values: CellValue[][] = [["应收账款明细账", _, _, _, _, _, _]];
  names.forEach((name, n) => values.push(...block(`客户：${name}`, (n + 1) * 100, [["2026-03-02", `记-${n + 1}`, 1000 + n, 0]])));
  const r = readGrid(sheet(values));

  test("every block is found, each with its opening and its one entry", () => {
    expect(r.dealers).toEqual(names);
    expect(r.blocks).toHaveLength(20);
    expect(entriesOf(r.table)).toHaveLength(20);
    expect(r.openings).toHaveLength(20);
    expect(r.errors).toEqual([]);
    // Each block: title, header, opening, entry, two totals = 6 rows, after the one title row.
    expect(r.blocks![7]).toEqual({ dealer: names[7], titleRow: 2 + 7 * 6, lastRow: 7 + 7 * 6, openingBalance: 80_000, entries: 1, closingBalance: 80_000 + 100_700 });
    expect(entriesOf(r.table)[19]).toMatchObject({ row: 2 + 19 * 6 + 3, dealer: names[19], amount: 101_900 });
    for (const [n, name] of names.entries()) expect(balanceOf(r, name)).toBe((n + 1) * 10_000 + (1000 + n) * 100);
    expect(r.balanceCheck.mismatches).toBe(0);
  });
});

describe("blocks without a repeated header: the header once at the top, a title line per customer", () => {
  const values: CellValue[][] = [
    ["应收账款明细账", _, _, _, _, _, _],
    [...HEADER],
    ...block("往来单位：湖北楚天建材有限公司", 100, [["2026-01-05", "记-1", 200, 0]], false),
    ...block("往来单位：武汉长江商贸有限公司", 0, [["2026-01-06", "记-2", 300, 0]], false),
  ];
  const r = readGrid(sheet(values));

  test("on our ledger 往来单位 names the dealer of the block below it", () => {
    expect(r.dealers).toEqual(["湖北楚天建材有限公司", "武汉长江商贸有限公司"]);
    expect(entriesOf(r.table).map((e) => [e.row, e.dealer])).toEqual([
      [5, "湖北楚天建材有限公司"],
      [10, "武汉长江商贸有限公司"],
    ]);
    expect(r.blocks!.map((b) => [b.dealer, b.titleRow])).toEqual([
      ["湖北楚天建材有限公司", 3],
      ["武汉长江商贸有限公司", 8],
    ]);
    expect(r.errors).toEqual([]);
  });
});

describe("a dealer in two blocks", () => {
  // Decided: each block is an account of its own (the same customer under two codes, say), so both
  // openings count and the entries add up; a 承前页 line at the head of a block continues the block above.
  const values: CellValue[][] = [
    ["应收账款明细账", _, _, _, _, _, _],
    ...block("核算项目：客户-01.001 湖北楚天建材有限公司", 1000, [["2026-01-05", "记-1", 500, 0]]),
    ...block("核算项目：客户-宜昌三峡五金有限公司", 0, [["2026-01-06", "记-2", 80, 0]]),
    ...block("核算项目：客户-09.017 湖北楚天建材有限公司", 300, [["2026-01-09", "记-3", 0, 300]]),
  ];
  const r = readGrid(sheet(values));

  test("both openings count and the entries combine under one dealer", () => {
    expect(r.dealers).toEqual(["湖北楚天建材有限公司", "宜昌三峡五金有限公司"]);
    const chutian = r.openings.filter((o) => o.dealer === "湖北楚天建材有限公司");
    expect(chutian.map((o) => [o.row, o.amount])).toEqual([
      [4, 100_000],
      [16, 30_000],
    ]);
    expect(entriesOf(r.table).filter((e) => e.dealer === "湖北楚天建材有限公司").map((e) => [e.row, e.amount])).toEqual([
      [5, 50_000],
      [17, -30_000],
    ]);
    expect(balanceOf(r, "湖北楚天建材有限公司")).toBe(150_000);
    expect(r.blocks!.map((b) => [b.dealer, b.openingBalance, b.closingBalance])).toEqual([
      ["湖北楚天建材有限公司", 100_000, 150_000],
      ["宜昌三峡五金有限公司", 0, 8_000],
      ["湖北楚天建材有限公司", 30_000, 0],
    ]);
    // Each block's 余额 column runs from its own opening.
    expect(r.balanceCheck.mismatches).toBe(0);
  });

  test("a 承前页 line at the head of the dealer's next block is a carry-over, checked, not a second opening", () => {
    const carried: CellValue[][] = [
      ["应收账款明细账", _, _, _, _, _, _],
      ...block("核算项目：客户-湖北楚天建材有限公司", 1000, [["2026-01-05", "记-1", 500, 0]]),
      ["核算项目：客户-湖北楚天建材有限公司", _, _, _, _, _, _],
      [...HEADER],
      [_, _, "承前页", _, _, "借", 1500],
      [utc("2026-02-01"), "记-9", "销售出库", 100, _, "借", 1600],
    ];
    const c = readGrid(sheet(carried));
    expect(c.openings.map((o) => o.row)).toEqual([4]);
    expect(c.skipped.find((s) => s.row === 10)?.reason).toBe("carried");
    expect(balanceOf(c, "湖北楚天建材有限公司")).toBe(160_000);
    expect(c.balanceCheck.mismatches).toBe(0);
  });
});

describe("a statement in blocks: a dealer group's statement, one block per company", () => {
  const values: CellValue[][] = [
    ["往来对账单", _, _, _, _],
    ["往来单位：杭州美达商贸有限公司", _, _, _, _],
    ["客户名称：湖北楚天建材有限公司", _, _, _, _],
    ["日期", "单号", "摘要", "进货金额", "付款金额"],
    ["2026-01-06", "XSCK-1", "进货", "234.00", _],
    ["2026-01-20", _, "付款", _, "100.00"],
    [_, _, "合计", "234.00", "100.00"],
    ["客户名称：武汉长江商贸有限公司", _, _, _, _],
    ["往来单位：杭州美达商贸有限公司", _, _, _, _],
    ["日期", "单号", "摘要", "进货金额", "付款金额"],
    ["2026-01-08", "XSCK-2", "进货", "58.50", _],
  ];
  const r: ReadResult = readGrid({ sheet: "对账单", top: 1, left: 1, values }, { side: "statement" });

  test("each block's 客户名称 line names its dealer; the 往来单位 line naming us changes nothing", () => {
    expect(r.dealers).toEqual(["湖北楚天建材有限公司", "武汉长江商贸有限公司"]);
    expect(r.ourName).toBe("杭州美达商贸有限公司");
    expect(entriesOf(r.table).map((e) => [e.row, e.dealer, e.amount])).toEqual([
      [5, "湖北楚天建材有限公司", 23_400],
      [6, "湖北楚天建材有限公司", -10_000],
      [11, "武汉长江商贸有限公司", 5_850],
    ]);
    expect(r.blocks!.map((b) => [b.dealer, b.titleRow, b.entries])).toEqual([
      ["湖北楚天建材有限公司", 3, 2],
      ["武汉长江商贸有限公司", 8, 1],
    ]);
    expect(r.skipped.filter((s) => s.reason === "title").map((s) => s.row)).toEqual([1, 2, 3, 8, 9]);
    expect(r.errors).toEqual([]);
  });
});

describe("ordinary sheets are not blocks", () => {
  test("a one-customer ledger has no blocks and keeps its dealer", () => {
    const r = readGrid(sheet([["应收账款明细账", _, _, _, _, _, _], ...block("核算项目：客户-湖北楚天建材有限公司", 10, [["2026-01-05", "记-1", 5, 0]])]));
    expect(r.blocks).toEqual([]);
    expect(r.dealer).toBe("湖北楚天建材有限公司");
    expect(r.dealerSource).toBe("label");
  });

  test("a note line under the table is still reported when no block follows", () => {
    const r = readGrid(sheet([[...HEADER], [utc("2026-01-05"), "记-1", "销售出库", 5, _, "借", 5], ["以上数据截至月末", _, _, _, _, _, _]]));
    expect(r.blocks).toEqual([]);
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([[3, "bad_date"]]);
  });
});

describe("a Yonyou 三栏式 export by 客户: split 月/日 under a two-row header repeated per block, a page number over 余额", () => {
  const head = (title: string, page: string): CellValue[][] => [
    ["应收账款明细账", _, _, _, _, _, _, _],
    [title, _, _, _, _, _, _, page],
    ["2026年", _, "凭证号数", "摘要", "借方", "贷方", "方向", "余额"],
    ["月", "日", _, _, _, _, _, _],
  ];
  const values: CellValue[][] = [
    ...head("客户：宏达电器有限公司", "第1页"),
    [1, 1, _, "上年结转", _, _, "借", 8000],
    [1, 8, "记-5", "销售 出库单 XS-0012", 4680, _, "借", 12680],
    [_, _, _, "本年累计", 4680, 0, "借", 12680],
    ...head("客户：顺和电器有限公司", "第2页"),
    [1, 1, _, "上年结转", _, _, "借", 300],
    [2, 3, "记-9", "收到货款", _, 300, "平", 0],
    [_, _, _, "本年累计", 0, 300, "平", 0],
  ];
  const r = readGrid(sheet(values));

  test("both customers are read, each from its own 上年结转, with no errors", () => {
    expect(r.dealers).toEqual(["宏达电器有限公司", "顺和电器有限公司"]);
    expect(r.openings.map((o) => [o.row, o.dealer, o.amount])).toEqual([
      [5, "宏达电器有限公司", 800_000],
      [12, "顺和电器有限公司", 30_000],
    ]);
    expect(entriesOf(r.table).map((e) => [e.row, e.dealer, e.date, e.amount])).toEqual([
      [6, "宏达电器有限公司", "2026-01-08", 468_000],
      [13, "顺和电器有限公司", "2026-02-03", -30_000],
    ]);
    expect(r.skipped.filter((s) => s.reason === "title" || s.reason === "header").map((s) => s.row)).toEqual([1, 2, 8, 9, 10, 11]);
    expect(r.errors).toEqual([]);
    expect(r.balanceCheck.mismatches).toBe(0);
  });
});
