import { dealerKey, parseTermDays, serialToIso, isoToSerial } from "../../src/core/values";
import { dealerKey as reconcileKey } from "../../src/core/reconcile";
import { dealerKey as agingKey, isValidTerm, TermResolver } from "../../src/core/aging";
import { dealerKey as readerKey, readGrid, entriesOf } from "../../src/core/read";
import { parseTermDays as appTermDays } from "../../src/app/aging";

describe("one rule for the same dealer", () => {
  test("美达商贸有限公司 and 美达商贸 are one dealer in the reader, the reconciliation and the aging", () => {
    for (const key of [dealerKey, reconcileKey, agingKey, readerKey]) {
      expect(key("美达商贸有限公司")).toBe(key("美达商贸"));
      expect(key("美达商贸 有限责任公司")).toBe("美达商贸");
      expect(key("ABC Trading Co., Ltd.")).toBe("ABCTRADING");
    }
  });

  test("a term table entry with the legal form applies to the ledger's short name", () => {
    const terms = new TermResolver({ table: { "美达商贸有限公司": 45 } }, 30);
    expect(terms.forDealer("美达商贸", [])).toEqual({ termDays: 45, source: "table" });
  });

  test("the reader keeps one dealer for both spellings", () => {
    const r = readGrid({
      sheet: "s",
      top: 1,
      left: 1,
      values: [
        ["客户名称", "日期", "单号", "借方", "贷方"],
        ["美达商贸有限公司", "2026-10-01", "XS-1", 100, null],
        ["美达商贸", "2026-10-02", "XS-2", 50, null],
      ],
    });
    expect(r.dealers).toEqual(["美达商贸有限公司"]);
  });
});

describe("a name means one thing", () => {
  test("a function exported by core's parts under one name is the same function in each", async () => {
    const parts = {
      values: await import("../../src/core/values"),
      read: await import("../../src/core/read"),
      reconcile: await import("../../src/core/reconcile"),
      aging: await import("../../src/core/aging"),
    };
    const seen = new Map<string, { part: string; fn: unknown }>();
    const differ: string[] = [];
    for (const [part, mod] of Object.entries(parts)) {
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== "function") continue;
        const first = seen.get(name);
        if (!first) seen.set(name, { part, fn: value });
        else if (first.fn !== value) differ.push(`${name}: ${first.part} / ${part}`);
      }
    }
    expect(differ).toEqual([]);
    // The folding under its own name; the dealer key adds the English legal form on top of it.
    expect(parts.values.foldDealerName("ABC Trading Co., Ltd.")).toBe("abctradingcoltd");
    expect(parts.values.dealerKey("ABC Trading Co., Ltd.")).toBe("ABCTRADING");
  });
});

describe("one term parser", () => {
  test.each([
    [45, 45],
    ["45", 45],
    ["45天", 45],
    ["45d", 45],
    ["45 days", 45],
    ["月结45天", 45],
    ["月结 45 天", 45],
    ["４５天", 45],
    ["0", 0],
    ["3651", null],
    ["-5", null],
    ["四十五天", null],
    [4.5, null],
  ])("%j is %j days", (text, days) => {
    expect(parseTermDays(text)).toBe(days);
    expect(appTermDays(text)).toBe(days);
  });

  test("the reader's term column reads 月结45天 like the term table does", () => {
    const r = readGrid({
      sheet: "s",
      top: 1,
      left: 1,
      values: [
        ["日期", "单号", "借方", "账期"],
        ["2026-10-01", "XS-1", 100, "月结45天"],
        ["2026-10-02", "XS-2", 100, "30d"],
      ],
    });
    expect(entriesOf(r.table).map((e) => e.termDays)).toEqual([45, 30]);
    expect(isValidTerm(45)).toBe(true);
  });
});

describe("one date-serial conversion", () => {
  test("serials and ISO dates round-trip in both date systems", () => {
    expect(serialToIso(46326)).toBe("2026-10-31");
    expect(isoToSerial("2026-10-31")).toBe(46326);
    expect(serialToIso(isoToSerial("2026-10-31", true), true)).toBe("2026-10-31");
  });
});
