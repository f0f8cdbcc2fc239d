import { displayText } from "../../src/preview/format";

describe("cell text as Excel displays it", () => {
  test("date serials in a date format show as dates", () => {
    expect(displayText(46209, "yyyy-mm-dd")).toBe("2026-07-06");
    expect(displayText(46209, "yyyy/m/d")).toBe("2026/7/6");
    expect(displayText(46209, 'yyyy"年"m"月"d"日"')).toBe("2026年7月6日");
  });

  test("money formats group thousands and keep two places, negatives with a minus", () => {
    expect(displayText(86400, "#,##0.00")).toBe("86,400.00");
    expect(displayText(-3200, "#,##0.00")).toBe("-3,200.00");
    expect(displayText(1234567.891, "#,##0.00")).toBe("1,234,567.89");
    expect(displayText(0.004, "#,##0.00")).toBe("0.00");
  });

  test("integer and percentage formats", () => {
    expect(displayText(30, "0")).toBe("30");
    expect(displayText(0.256, "0.0%")).toBe("25.6%");
  });

  test("General shows numbers as they are, text and booleans as Excel does", () => {
    expect(displayText(42350.5, "General")).toBe("42350.5");
    expect(displayText(0.1 + 0.2, "General")).toBe("0.3");
    expect(displayText("销售出库 XSCK-2026-0706", "General")).toBe("销售出库 XSCK-2026-0706");
    expect(displayText("00452301", "@")).toBe("00452301");
    expect(displayText(true, "General")).toBe("TRUE");
    expect(displayText(undefined, "#,##0.00")).toBe("");
  });
});
