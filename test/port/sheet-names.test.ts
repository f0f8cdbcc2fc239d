import { freeSheetName } from "../../src/port/sheet-names";

describe("sheet names Excel accepts", () => {
  test.each([
    ["台账-应收明细账", [], "台账-应收明细账"],
    ["a[b]*c?d:e\\f/g", [], "a_b__c_d_e_f_g"],
    ["'quoted'", [], "quoted"],
    ["abc' ", [], "abc"],
    [`${"x".repeat(30)}'yz`, [], "x".repeat(30)],
    [`${"x".repeat(29)} 'yz`, [], "x".repeat(29)],
    ["History", [], "History_"],
    ["", [], "Sheet_"],
    ["差异明细", ["差异明细"], "差异明细(2)"],
    ["Differences", ["differences", "Differences(2)"], "Differences(3)"],
    ["一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", [], "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"],
  ])("%s (taken %j) → %s", (wanted, taken, expected) => {
    const name = freeSheetName(wanted, taken);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/^'|'$/);
  });

  test("a long name that is taken keeps its suffix within 31 characters", () => {
    const long = "x".repeat(40);
    expect(freeSheetName(long, ["x".repeat(31)])).toBe(`${"x".repeat(28)}(2)`);
  });
});
