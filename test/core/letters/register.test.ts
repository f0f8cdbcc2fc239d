import type { CellValue, Grid } from "../../../src/core/model";
import { isoToSerial } from "../../../src/core/values/date";
import {
  nextLetterNumbers,
  parseLetterNumber,
  planRegister,
  readRegister,
  registerStatus,
  type PlannedLetter,
  type RegisterPlan,
} from "../../../src/core/letters/register";
import { fen } from "../../../src/core/money";

/** Apply a plan's writes to a sheet held as rows from row 1, as an adapter would (dates as serials). */
function apply(values: CellValue[][], plan: RegisterPlan): CellValue[][] {
  const out = values.map((r) => [...r]);
  for (const w of plan.writes) {
    while (out.length < w.row) out.push([]);
    const row = out[w.row - 1];
    while (row.length < w.column) row.push(null);
    row[w.column - 1] = w.value !== null && typeof w.value === "object" ? isoToSerial(w.value.date) : w.value;
  }
  return out;
}

const grid = (values: CellValue[][]): Grid => ({ sheet: "函证登记簿", top: 1, left: 1, values });

function plan(values: CellValue[][], letters: PlannedLetter[]): RegisterPlan {
  const res = planRegister(values.length ? readRegister(grid(values)) : null, letters);
  if (!res.ok) throw new Error(JSON.stringify(res.problems));
  return res.plan;
}

const letter = (dealer: string, amount: number, asOf = "2026-11-30"): PlannedLetter => ({ type: "对账函", dealer, asOf, amount: fen(amount) });

describe("letter numbers", () => {
  it("runs DZ-YYYYMM-0001 on per prefix and month, after the highest number used", () => {
    const used = ["DZ-202611-0007", "DZ-202610-0020", "CK-202611-0030", "随手写的编号"];
    expect(nextLetterNumbers("对账函", "2026-11-30", 2, used)).toEqual(["DZ-202611-0008", "DZ-202611-0009"]);
    expect(nextLetterNumbers("催款函", "2026-11-03", 1, used)).toEqual(["CK-202611-0031"]);
    expect(nextLetterNumbers("还款承诺书", "2026-12-01", 1, used)).toEqual(["CN-202612-0001"]);
  });

  it("numbers 1,000 letters into a register of 1,000 rows: the last is 2000, each dealer's draft reused", () => {
    const header = ["编号", "类型", "客户名称", "截至日期", "金额", "发函日期", "回函结果"];
    const rows: CellValue[][] = [header];
    for (let i = 1; i <= 1000; i++) rows.push([`DZ-202611-${String(i).padStart(4, "0")}`, "对账函", `旧客户${i}`, 46356, 1, 46357, "相符"]);
    rows.push(["", "对账函", "草稿客户", 46356, 5, null, "未回"]);
    const letters = Array.from({ length: 1000 }, (_, i) => letter(i === 0 ? "草稿客户" : `新客户${i}`, 100 + i));
    const read = readRegister(grid(rows));
    const res = planRegister(read, letters);
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    const p = res.plan;
    expect(p.numbers[0]).toEqual({ dealer: "草稿客户", number: "DZ-202611-1001", row: 1002, reused: true });
    expect(p.numbers[1]).toMatchObject({ number: "DZ-202611-1002", row: 1003, reused: false });
    expect(p.numbers[999]).toMatchObject({ number: "DZ-202611-2000", row: 2001, reused: false });
    expect(new Set(p.numbers.map((n) => n.number)).size).toBe(1000);
  });

  it("goes past 9999 without losing a figure", () => {
    expect(nextLetterNumbers("对账函", "2026-11-30", 1, ["DZ-202611-9999"])).toEqual(["DZ-202611-10000"]);
    expect(parseLetterNumber("DZ-202611-10000")).toEqual({ prefix: "DZ", month: "202611", sequence: 10000 });
  });
});

describe("the register: planning and reading back", () => {
  it("creates the header and one row per letter in a new register", () => {
    const p = plan([], [letter("华东建材有限公司", 10700053), letter("美达商贸", -5000)]);
    expect(p.numbers).toEqual([
      { dealer: "华东建材有限公司", number: "DZ-202611-0001", row: 2, reused: false },
      { dealer: "美达商贸", number: "DZ-202611-0002", row: 3, reused: false },
    ]);
    const sheet = apply([], p);
    expect(sheet[0]).toEqual(["编号", "类型", "客户名称", "截至日期", "金额", "发函日期", "发出方式", "快递单号", "回函日期", "回函结果", "对方金额", "不符原因", "备注", "签收日期", "等级", "限期付款日期"]);
    expect(sheet[2]).toEqual(["DZ-202611-0002", "对账函", "美达商贸", isoToSerial("2026-11-30"), -50, null, null, null, null, "未回"]);
    const read = readRegister(grid(sheet));
    expect(read.problems).toEqual([]);
    expect(read.rows[0]).toMatchObject({ row: 2, number: "DZ-202611-0001", dealer: "华东建材有限公司", asOf: "2026-11-30", amount: 10700053, result: "未回", sentOn: null });
  });

  it("reuses the number and row of a letter not yet sent, updating only our 金额 and keeping the user's note", () => {
    const first = apply([], plan([], [letter("华东建材有限公司", 10700053)]));
    first[1][12] = "等王经理确认地址"; // 备注, typed by the user
    const p = plan(first, [letter("华东建材 有限公司", 10700000)]);
    expect(p.numbers).toEqual([{ dealer: "华东建材 有限公司", number: "DZ-202611-0001", row: 2, reused: true }]);
    expect(p.writes).toEqual([{ row: 2, column: 5, field: "金额", value: 107000, numberFormat: "#,##0.00" }]);
    expect(apply(first, p)[1][12]).toBe("等王经理确认地址");
  });

  it("gives a new number and row once the letter was sent, and says a letter had gone out", () => {
    const first = apply([], plan([], [letter("华东建材有限公司", 10700053)]));
    first[1][5] = isoToSerial("2026-12-01"); // 发函日期
    first[1][6] = "顺丰"; // 发出方式
    const p = plan(first, [letter("华东建材有限公司", 10700053)]);
    expect(p.numbers).toEqual([{ dealer: "华东建材有限公司", number: "DZ-202611-0002", row: 3, reused: false }]);
    expect(p.notices).toEqual([{ code: "already_sent", dealer: "华东建材有限公司", number: "DZ-202611-0001", sentOn: "2026-12-01", row: 2 }]);
    expect(p.writes.every((w) => w.row === 3)).toBe(true);
  });

  it("never writes on a row the user filled, whatever they changed", () => {
    const first = apply([], plan([], [letter("甲公司", 100), letter("乙公司", 200)]));
    first[1][9] = "相符";
    first[2][7] = "SF1234567890";
    const p = plan(first, [letter("甲公司", 100), letter("乙公司", 999)]);
    expect(p.writes.filter((w) => w.row <= 3)).toEqual([]);
    expect(p.numbers.map((n) => n.number)).toEqual(["DZ-202611-0003", "DZ-202611-0004"]);
  });

  it("reads a register with the user's own column order and extra columns, and adds a missing column of ours at the end", () => {
    const sheet: CellValue[][] = [
      ["函证登记簿（2026年）"],
      ["客户名称", "编号", "业务员", "截至日期", "发函日期", "回函结果"],
      ["甲公司", "DZ-202611-0005", "张三", "2026-11-30", null, null],
    ];
    const read = readRegister(grid(sheet));
    expect(read.headerRow).toBe(2);
    expect(read.columns).toEqual({ 客户名称: 1, 编号: 2, 截至日期: 4, 发函日期: 5, 回函结果: 6 });
    const res = planRegister(read, [letter("甲公司", 700)]);
    if (!res.ok) throw new Error("no plan");
    expect(res.plan.notices).toEqual([
      { code: "column_added", column: "类型", at: "G2" },
      { code: "column_added", column: "金额", at: "H2" },
    ]);
    expect(res.plan.numbers).toEqual([{ dealer: "甲公司", number: "DZ-202611-0005", row: 3, reused: true }]);
    expect(res.plan.writes).toContainEqual({ row: 3, column: 8, field: "金额", value: 7, numberFormat: "#,##0.00" });
  });

  it("refuses to plan into a sheet of that name that is not a register", () => {
    const res = planRegister(readRegister(grid([["随便写的"]])), [letter("甲公司", 1)]);
    expect(res).toEqual({ ok: false, problems: [{ code: "no_header", sheet: "函证登记簿", cell: "A1", row: 1, column: 1, header: "", found: "" }] });
  });

  it("names the cell of a bad date, amount or reply result", () => {
    const head = ["编号", "类型", "客户名称", "截至日期", "金额", "发函日期", "发出方式", "快递单号", "回函日期", "回函结果", "对方金额"];
    const read = readRegister(grid([head, ["DZ-202611-0001", "对账函", "甲公司", "2026-11-30", 100, "下周", null, null, null, "差不多", "一百"]]));
    expect(read.problems.map((p) => `${p.code} ${p.cell} ${p.header} ${p.found}`)).toEqual([
      "bad_result J2 回函结果 差不多",
      "bad_date F2 发函日期 下周",
      "bad_amount K2 对方金额 一百",
    ]);
  });
});

describe("the register's replies", () => {
  const head = ["编号", "类型", "客户名称", "截至日期", "金额", "发函日期", "发出方式", "快递单号", "回函日期", "回函结果", "对方金额", "不符原因", "备注"];
  const read = readRegister(
    grid([
      head,
      ["DZ-202611-0001", "对账函", "甲公司", "2026-11-30", 10700053 / 100, "2026-12-01", "顺丰", "SF1", null, "未回"],
      ["DZ-202611-0002", "对账函", "乙公司", "2026-11-30", 5000, "2026-12-01", "顺丰", "SF2", "2026-12-08", "相符"],
      ["DZ-202611-0003", "对账函", "丙公司", "2026-11-30", 8000, "2026-12-01", "邮寄", null, "2026-12-09", "不符", 7500, "12月1日回款500元我方未记"],
      ["DZ-202611-0004", "对账函", "丁公司", "2026-11-30", 300, "2026-12-10", "邮寄", null, null, null],
      ["DZ-202611-0005", "对账函", "戊公司", "2026-11-30", 300, null, null, null, null, "未回"],
    ]),
  );

  it("lists letters unanswered past 回函截止日期 (sent 2026-12-01, due 2026-12-15) and counts the rest", () => {
    const s = registerStatus(read, "2026-12-18");
    expect(s.overdue).toEqual([
      { row: 2, number: "DZ-202611-0001", dealer: "甲公司", asOf: "2026-11-30", sentOn: "2026-12-01", replyBy: "2026-12-15", daysOverdue: 3 },
    ]);
    expect(s.counts).toEqual({ letters: 5, unsent: 1, sent: 4, awaiting: 1, overdue: 1, confirmed: 1, mismatched: 1 });
    expect(registerStatus(read, "2026-12-15").overdue).toEqual([]);
  });

  it("gives 不符 replies with the dealer's amount against ours, and 相符 replies with the day of acknowledgement", () => {
    const s = registerStatus(read, "2026-12-18");
    expect(s.mismatched).toEqual([
      { row: 4, number: "DZ-202611-0003", dealer: "丙公司", asOf: "2026-11-30", ours: 800000, theirs: 750000, difference: 50000, reason: "12月1日回款500元我方未记" },
    ]);
    expect(s.confirmed).toEqual([{ row: 3, number: "DZ-202611-0002", dealer: "乙公司", asOf: "2026-11-30", amount: 500000, acknowledgedOn: "2026-12-08" }]);
  });
});
