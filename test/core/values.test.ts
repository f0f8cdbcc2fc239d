import { parseAmount } from "../../src/core/values/amount";
import { isoToSerial, parseDate, serialToIso } from "../../src/core/values/date";
import { extractRefs, isVoucherNumber, foldDealerName, normaliseRef } from "../../src/core/values/refs";
import { toHalfWidth } from "../../src/core/values/text";

const fen = (v: Parameters<typeof parseAmount>[0]) => {
  const r = parseAmount(v);
  return r.ok ? r.fen : "bad";
};

describe("amounts", () => {
  test.each([
    [1234.5, 123450],
    [0.1 + 0.2, 30],
    [1.005, 101],
    [-2.675, -268],
    ["1,234.50", 123450],
    ["¥1,234.50", 123450],
    ["￥1,234.50", 123450],
    ["RMB 1234.5", 123450],
    ["人民币1,234.50元", 123450],
    ["(1,234.50)", -123450],
    ["（1,234.50）", -123450],
    ["-1,234.50", -123450],
    ["-¥1,234.50", -123450],
    ["¥-1,234.50", -123450],
    ["１２３４", 123400],
    ["１，２３４．５６", 123456],
    [" 300 ", 30000],
    ["1.2E+05", 12000000],
    ["0.125", 13],
    [".5", 50],
  ])("%p is %p fen", (value, expected) => {
    expect(fen(value)).toBe(expected);
  });

  test("a dash, a long dash or a blank cell is zero, and blanks are marked as blank", () => {
    expect(parseAmount("-")).toEqual({ ok: true, fen: 0, blank: false });
    expect(parseAmount("—")).toEqual({ ok: true, fen: 0, blank: false });
    expect(parseAmount("")).toEqual({ ok: true, fen: 0, blank: true });
    expect(parseAmount(null)).toEqual({ ok: true, fen: 0, blank: true });
  });

  test.each(["一千元", "12,34.5", "abc", "1,234.50.6", "()", "¥", "99999999999999"])(
    "%p is not an amount",
    (value) => {
      expect(parseAmount(value)).toEqual({ ok: false });
    },
  );

  test.each([
    ["1.2万", 1_200_000],
    ["3万元", 3_000_000],
    ["5千", 500_000],
    ["1,200万", 1_200_000_000],
    ["0.5万", 500_000],
    ["1.5亿", 15_000_000_000],
    ["1.23456万", 1_234_560],
    // 12,345.678 yuan: the third decimal rounds half up on the digits, as a written amount does.
    ["1.2345678万", 1_234_568],
    ["-1.2万", -1_200_000],
    ["(1.2万)", -1_200_000],
    ["¥1.2万", 1_200_000],
    ["１.２万", 1_200_000],
  ])("a figure with a Chinese multiplier: %p is %p fen", (value, expected) => {
    expect(fen(value)).toBe(expected);
  });

  test.each([
    ["壹仟元", 100_000],
    ["壹万贰仟叁佰元整", 1_230_000],
    ["人民币壹万贰仟叁佰元整", 1_230_000],
    ["壹佰元伍角叁分", 10_053],
    ["壹佰元零伍分", 10_005],
    ["伍角", 50],
    ["壹仟零伍元", 100_500],
    ["壹万零伍佰元", 1_050_000],
    ["壹万零伍元", 1_000_500],
    ["贰拾伍元", 2_500],
    ["拾伍元", 1_500],
    ["壹拾贰万元整", 12_000_000],
    ["叁亿零伍万元", 30_005_000_000],
    ["陆佰柒拾捌元玖角", 67_890],
    ["零元整", 0],
    ["壹仟", 100_000],
    ["-壹仟元", -100_000],
  ])("an amount in capital numerals: %p is %p fen", (value, expected) => {
    expect(fen(value)).toBe(expected);
  });

  test.each([
    // 1,200 as people say it, 1,002 as read: the user has to write it out.
    "壹仟贰",
    "壹万伍",
    "1万2",
    "1.2万5千",
    "约1.2万",
    "1.2万多",
    "1.2w",
    "壹仟仟元",
    "贰贰元",
    "壹万万元",
    "壹仟零零伍元",
    "壹仟零",
    "壹佰拾元",
    "壹万拾伍元",
    "元整",
    "整",
    "伍角伍角",
    "一千二百元",
  ])("%p can be read two ways (or not at all) and stays an error", (value) => {
    expect(parseAmount(value)).toEqual({ ok: false });
  });

  test("booleans, dates and infinities are not amounts", () => {
    expect(parseAmount(true)).toEqual({ ok: false });
    expect(parseAmount(new Date(0))).toEqual({ ok: false });
    expect(parseAmount(Infinity)).toEqual({ ok: false });
  });
});

describe("dates", () => {
  const date = (v: Parameters<typeof parseDate>[0], ctx = {}) => {
    const r = parseDate(v, ctx);
    return r.ok ? r.date : r.reason;
  };

  test("Excel serials in the 1900 system, around the fake 1900-02-29", () => {
    expect(date(1)).toBe("1900-01-01");
    expect(date(59)).toBe("1900-02-28");
    expect(date(60)).toBe("invalid");
    expect(date(61)).toBe("1900-03-01");
    expect(date(45658)).toBe("2025-01-01");
    expect(date(46027)).toBe("2026-01-05");
    expect(date(46027.75)).toBe("2026-01-05");
  });

  test("the 1904 system counts from 1904-01-01", () => {
    expect(date(0, { date1904: true })).toBe("1904-01-01");
    expect(date(44565, { date1904: true })).toBe("2026-01-05");
    expect(serialToIso(1, true)).toBe("1904-01-02");
  });

  test("isoToSerial is the inverse of the serial reading in both systems", () => {
    for (const iso of ["1900-01-01", "1900-02-28", "1900-03-01", "2026-01-05", "2099-12-31"]) {
      expect(serialToIso(isoToSerial(iso))).toBe(iso);
      if (iso >= "1904") expect(serialToIso(isoToSerial(iso, true), true)).toBe(iso);
    }
  });

  test("JS dates give their UTC calendar day", () => {
    expect(date(new Date(Date.UTC(2026, 0, 5)))).toBe("2026-01-05");
    expect(date(new Date(Date.UTC(2026, 0, 5, 23, 59)))).toBe("2026-01-05");
    expect(date(new Date(NaN))).toBe("invalid");
  });

  test.each([
    ["2026-01-05", "2026-01-05"],
    ["2026/1/5", "2026-01-05"],
    ["2026.1.5", "2026-01-05"],
    ["2026年1月5日", "2026-01-05"],
    ["2026 年 1 月 5 号", "2026-01-05"],
    ["２０２６年１月５日", "2026-01-05"],
    ["20260105", "2026-01-05"],
    ["2026-01-05 00:00:00", "2026-01-05"],
    ["2026-01-05T00:00:00.000Z", "2026-01-05"],
  ])("text %p is %p", (text, expected) => {
    expect(date(text)).toBe(expected);
  });

  test("20260105 typed as a number is the date, not a serial", () => {
    expect(date(20260105)).toBe("2026-01-05");
  });

  test("a month and day take the year hint, and say so", () => {
    expect(parseDate("1月5日", { yearHint: 2026 })).toEqual({ ok: true, date: "2026-01-05", yearFromHint: true });
    expect(date("1/5", { yearHint: 2026 })).toBe("2026-01-05");
    expect(date("1月5日")).toBe("no_year");
  });

  test.each(["2026-02-30", "2026-13-01", "1月32日", "明天", "", "2026", "26/1/5"])("%p is not a date", (text) => {
    expect(date(text, { yearHint: 2026 })).not.toMatch(/^\d{4}-/);
  });
});

describe("references", () => {
  test("references are found inside 摘要 text as written", () => {
    expect(extractRefs("销售出库 XSCK-2026-0101")).toEqual(["XSCK-2026-0101"]);
    expect(extractRefs("发票号00452301")).toEqual(["00452301"]);
    expect(extractRefs("美达出库单 MD2609-031")).toEqual(["MD2609-031"]);
    expect(extractRefs("销售出库 XSCK-2026-0207 发票号00452301")).toEqual(["XSCK-2026-0207", "00452301"]);
    expect(extractRefs("No.123456 付款")).toEqual(["123456"]);
    expect(extractRefs("ＸＳＣＫ－２０２６－０１０１")).toEqual(["XSCK-2026-0101"]);
  });

  test("dates, amounts, quantities and short numbers are not references", () => {
    expect(extractRefs("2026-01-05 发货 200台 1234.50元")).toEqual([]);
    expect(extractRefs("收到货款 150000元")).toEqual([]);
    expect(extractRefs("A4纸 500ML 220V")).toEqual([]);
    expect(extractRefs("20260105 回款")).toEqual([]);
    expect(extractRefs("记-15 结转")).toEqual([]);
    expect(extractRefs("")).toEqual([]);
  });

  test("one reference written many ways has one normal form", () => {
    const forms = ["XSCK-2026-0101", "xsck 2026 0101", "ＸＳＣＫ２０２６０１０１", "XSCK_2026_0101", "XSCK20260101"];
    expect(new Set(forms.map(normaliseRef))).toEqual(new Set(["XSCK20260101"]));
    expect(normaliseRef("发票号00452301")).toBe("452301");
    expect(normaliseRef("No.00452301")).toBe("452301");
    expect(normaliseRef("MD2609-031")).toBe("MD2609031");
    expect(normaliseRef("0")).toBe("0");
  });

  test("voucher numbers are recognised as the bookkeeper's own", () => {
    for (const v of ["记-15", "收-3", "转 12", "记字第15号", "付-7"]) expect(isVoucherNumber(v)).toBe(true);
    for (const v of ["XSCK-2026-0101", "00452301", "记账"]) expect(isVoucherNumber(v)).toBe(false);
  });
});

describe("dealer names", () => {
  test("legal suffixes, brackets, spaces and width do not separate one dealer", () => {
    const forms = ["美达商贸（上海）有限公司", "美达商贸(上海)有限责任公司", " 美达商贸 (上海) ", "美达商贸上海股份有限公司", "美达商贸上海公司"];
    expect(new Set(forms.map(foldDealerName))).toEqual(new Set(["美达商贸上海"]));
    expect(foldDealerName("ＡＢＣ Trading Co.")).toBe("abctradingco");
    expect(foldDealerName("有限公司")).toBe("有限公司");
  });

  test("half-width conversion covers the ideographic space and the full-width yen", () => {
    expect(toHalfWidth("１２３　（Ａ）￥")).toBe("123 (A)¥");
  });
});
