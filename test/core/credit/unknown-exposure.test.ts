/**
 * A dealer whose exposure cannot be known (its balance-table row has a cell that cannot be read): core gives
 * it no exposure figure and no status, never 0 and never "within the limit", with why, in the dealer list, the
 * exposure list and the review alike.
 */
import { assessCredit, defaultScorecard, exposureStatus, parseRegister, type Application } from "../../../src/core/credit";
import { balanceCellMessage, type BalanceCell } from "../../../src/core/read/balances";
import { toCreditJson } from "../../../src/messages/json/credit";
import { render } from "../../../src/messages/render";
import { fen } from "../../../src/core/money";
import { anApplication } from "../../fixtures/applications";

const AS_OF = "2026-11-30";

const app = (dealer: string): Application => anApplication({ dealer, monthly: fen(10_000_000), source: { sheet: "信用申请表", row: 4, layout: "table" } });

const cell = (dealer: string, row: number): BalanceCell => ({ sheet: "往来余额表", row, column: 5, found: "#N/A", dealer, header: "期末余额", code: "formula_error", expected: "amount" });

// 顺和 is D (the lowest grade: any balance is over) and 蜀丰 has no application; neither has a readable row.
const register = parseRegister({
  sheet: "信用档案",
  top: 1,
  left: 1,
  values: [
    ["客户名称", "信用等级", "信用额度", "账期（天）", "评定日期", "下次复评日期", "审批人", "备注"],
    ["宁波顺和电器", "D", 10000, 30, "2026-06-30", "2026-12-30", "赵总", ""],
    ["成都蜀丰建材", "B", 50000, 45, "2026-05-15", "2026-11-15", "赵总", ""],
    ["杭州美达商贸", "B", 100000, 45, "2026-06-15", "2026-12-15", "赵总", ""],
  ],
});

function assess() {
  return assessCredit({
    asOf: AS_OF,
    applications: [app("杭州美达商贸"), app("宁波顺和电器")],
    ledger: null,
    register,
    card: defaultScorecard(),
    defaultTermDays: 30,
    // 顺和 also has a readable row of 0.00: the sum of its rows is still not known.
    balances: new Map([
      ["杭州美达商贸", fen(12_000_000)],
      ["宁波顺和电器", fen(0)],
    ]),
    unknownExposure: new Map([
      ["宁波顺和电器", [balanceCellMessage(cell("宁波顺和电器", 4))]],
      ["成都蜀丰建材", [balanceCellMessage(cell("成都蜀丰建材", 5))]],
    ]),
  });
}

test("no exposure figure and no status for a dealer whose exposure cannot be known, with why", () => {
  const r = assess();
  expect(r.dealers.map((d) => [d.dealer, d.limit, d.exposure, d.status, d.exposureUnknown.length])).toEqual([
    ["杭州美达商贸", 10_000_000, 12_000_000, "over", 0],
    ["宁波顺和电器", 1_000_000, null, null, 1],
  ]);
  const why = r.dealers[1].exposureUnknown.map((m) => render(m, "zh-CN"));
  expect(why).toEqual(["工作表“往来余额表”单元格 E4（期末余额）：公式的结果是错误值“#N/A”。请改正这个单元格的公式（或它引用的单元格），在 Excel 中保存后再读取。"]);
  expect(r.exposures.map((e) => [e.dealer, e.exposure, e.status, e.exposureUnknown.length])).toEqual([
    ["杭州美达商贸", 12_000_000, "over", 0],
    ["宁波顺和电器", null, null, 1],
    ["成都蜀丰建材", null, null, 1],
  ]);
  // All three are due for review within 30 days.
  expect(r.review.map((v) => [v.dealer, v.exposure])).toEqual([
    ["宁波顺和电器", null],
    ["成都蜀丰建材", null],
    ["杭州美达商贸", 12_000_000],
  ]);
});

test("the JSON says null for such a dealer's exposure and status, and leaves it out of overLimit", () => {
  const json = toCreditJson(assess());
  expect(json.dealers.map((d) => [d.dealer, d.exposure, d.status])).toEqual([
    ["杭州美达商贸", "120000.00", "over"],
    ["宁波顺和电器", null, null],
  ]);
  expect(json.exposures.map((e) => [e.dealer, e.exposure, e.status])).toEqual([
    ["杭州美达商贸", "120000.00", "over"],
    ["宁波顺和电器", null, null],
    ["成都蜀丰建材", null, null],
  ]);
  expect(json.review.map((v) => [v.dealer, v.exposure])).toEqual([
    ["宁波顺和电器", null],
    ["成都蜀丰建材", null],
    ["杭州美达商贸", "120000.00"],
  ]);
  expect(json.overLimit).toEqual(["杭州美达商贸"]);
});

test("exposureStatus claims nothing of an exposure not known, even on the lowest grade", () => {
  expect(exposureStatus(null, fen(10_000), true)).toBeNull();
  expect(exposureStatus(null, fen(0), false)).toBeNull();
  expect(exposureStatus(fen(0), fen(10_000), true)).toBe("ok");
});
