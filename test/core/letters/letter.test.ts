import { addWorkingDays, isWorkingDay, replyDeadline } from "../../../src/core/letters/calendar";
import { companyInfoRows, readCompanyInfo } from "../../../src/core/letters/company";
import { letterData, letterJson, type LetterInput, type Movement } from "../../../src/core/letters/letter";
import { fen } from "../../../src/core/money";

const mv = (date: string, amount: number, ref: string | null, description: string, row: number): Movement => ({
  date,
  amount: fen(amount),
  ref,
  description,
  sheet: "应收明细",
  row,
});

const base: LetterInput = {
  number: "DZ-202611-0001",
  dealer: { name: "华东建材有限公司", address: "上海市闵行区莘庄工业区 8 号", contact: "王经理", phone: null },
  company: { 本公司名称: "华南建材有限公司", 本公司地址: "广州市天河区体育西路 1 号", 本公司联系人: "李会计", 电话: "020-12345678", 开户行: null },
  asOf: "2026-11-30",
  sendDate: "2026-12-01",
  closingBalance: fen(10700053),
  periodStart: "2026-11-01",
  openingBalance: fen(8000000),
  movements: [
    mv("2026-10-20", 99, "XS-0", "十月销售", 3),
    mv("2026-11-20", -1000000, "SK-2", "回款", 9),
    mv("2026-11-05", 3700053, "XS-1", "销售", 5),
    mv("2026-12-02", 500000, "XS-3", "十二月销售", 12),
  ],
};

describe("working days and the reply deadline", () => {
  it("counts Monday to Friday only", () => {
    expect(isWorkingDay("2026-12-04")).toBe(true); // Friday
    expect(isWorkingDay("2026-12-05")).toBe(false); // Saturday
    expect(isWorkingDay("2026-12-06")).toBe(false); // Sunday
  });

  it("puts 回函截止日期 ten working days after 发函日期: Tuesday 2026-12-01 → Tuesday 2026-12-15", () => {
    expect(replyDeadline("2026-12-01")).toBe("2026-12-15");
    expect(replyDeadline("2026-12-05")).toBe("2026-12-18"); // sent on a Saturday: counting starts Monday
  });

  it("takes the caller's public holidays and 调休 working weekends", () => {
    // 国庆: 2026-10-01 (Thursday) to 10-07 off, Saturday 10-10 worked.
    const holidays = ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"];
    expect(addWorkingDays("2026-09-30", 1, { holidays })).toBe("2026-10-08");
    expect(addWorkingDays("2026-09-30", 3, { holidays, workdays: ["2026-10-10"] })).toBe("2026-10-10");
  });
});

describe("the letter's values", () => {
  it("states the balance at the cut-off, its direction, the 大写 and the reply deadline", () => {
    const res = letterData(base);
    if (!res.ok) throw new Error(res.problem.code);
    const l = res.letter;
    expect([l.balance, l.direction, l.amountInWords, l.replyBy]).toEqual([10700053, "receivable", "人民币壹拾万柒仟元零伍角叁分", "2026-12-15"]);
    expect(l.values.余额).toEqual({ kind: "amount", fen: 10700053 });
    expect(l.values.方向).toEqual({ kind: "text", text: "贵公司欠本公司" });
    expect(l.values.贵公司欠本公司).toEqual({ kind: "amount", fen: 10700053 });
    expect(l.values.本公司欠贵公司).toEqual({ kind: "blank" });
    expect([l.values.期初余额, l.values.本期增加, l.values.本期减少, l.values.期末余额]).toEqual([
      { kind: "amount", fen: 8000000 },
      { kind: "amount", fen: 3700053 },
      { kind: "amount", fen: 1000000 },
      { kind: "amount", fen: 10700053 },
    ]);
    expect(l.values.联系人).toEqual({ kind: "text", text: "王经理" });
    expect(l.values.本公司联系人).toEqual({ kind: "text", text: "李会计" });
  });

  it("lists the period's movements in date order with a running balance from the opening", () => {
    const res = letterData(base);
    if (!res.ok) throw new Error(res.problem.code);
    expect(res.letter.details).toEqual([
      {
        日期: { kind: "date", date: "2026-11-05" },
        单号: { kind: "text", text: "XS-1" },
        摘要: { kind: "text", text: "销售" },
        金额: { kind: "amount", fen: 3700053 },
        增加: { kind: "amount", fen: 3700053 },
        减少: { kind: "blank" },
        余额: { kind: "amount", fen: 11700053 },
      },
      {
        日期: { kind: "date", date: "2026-11-20" },
        单号: { kind: "text", text: "SK-2" },
        摘要: { kind: "text", text: "回款" },
        金额: { kind: "amount", fen: -1000000 },
        增加: { kind: "blank" },
        减少: { kind: "amount", fen: 1000000 },
        余额: { kind: "amount", fen: 10700053 },
      },
    ]);
  });

  it("states a balance we owe the dealer as 本公司欠贵公司 with the absolute amount", () => {
    const res = letterData({ ...base, closingBalance: fen(-50), openingBalance: fen(-50), movements: [] });
    if (!res.ok) throw new Error(res.problem.code);
    expect(res.letter.direction).toBe("payable");
    expect(res.letter.values.余额).toEqual({ kind: "amount", fen: 50 });
    expect(res.letter.values.本公司欠贵公司).toEqual({ kind: "amount", fen: 50 });
    expect(res.letter.values.贵公司欠本公司).toEqual({ kind: "blank" });
    expect(res.letter.amountInWords).toBe("人民币伍角整");
  });

  it("marks missing company and dealer details to be filled by hand", () => {
    const res = letterData(base);
    if (!res.ok) throw new Error(res.problem.code);
    expect(res.letter.values.开户行).toEqual({ kind: "missing" });
    expect(res.letter.values.账号).toEqual({ kind: "missing" });
    expect(res.letter.values.客户电话).toEqual({ kind: "missing" });
  });

  it("refuses a letter whose opening and movements do not add up to the balance given", () => {
    const res = letterData({ ...base, closingBalance: fen(10700054) });
    expect(res).toEqual({
      ok: false,
      problem: { code: "balance_mismatch", dealer: "华东建材有限公司", balance: 10700054, opening: 8000000, movements: 2700053 },
    });
  });

  it("lists open items instead of movements when asked, the running balance adding them up", () => {
    const res = letterData({ ...base, openItems: [mv("2026-11-05", 10700053, "XS-1", "销售（未收部分）", 5)] });
    if (!res.ok) throw new Error(res.problem.code);
    expect(res.letter.details.map((d) => [d.单号, d.余额])).toEqual([[{ kind: "text", text: "XS-1" }, { kind: "amount", fen: 10700053 }]]);
  });

  it("gives the command line's JSON entry with the absolute balance as a two-place string", () => {
    const res = letterData({ ...base, closingBalance: fen(-10700053), openingBalance: fen(-10700053), movements: [] });
    if (!res.ok) throw new Error(res.problem.code);
    expect(letterJson(res.letter, "对账函 2026-11-30", 1, 42)).toEqual({
      number: "DZ-202611-0001",
      dealer: "华东建材有限公司",
      balance: "107000.53",
      direction: "payable",
      amountInWords: "人民币壹拾万柒仟元零伍角叁分",
      sheet: "对账函 2026-11-30",
      firstRow: 1,
      lastRow: 42,
    });
  });
});

describe("the 本公司信息 sheet", () => {
  it("reads 项目 | 内容 rows under the labels finance staff use", () => {
    const read = readCompanyInfo({
      sheet: "本公司信息",
      top: 1,
      left: 1,
      values: [
        ["项目", "内容"],
        ["公司名称", "华南建材有限公司"],
        ["回函地址：", "广州市天河区体育西路 1 号"],
        ["联系人", "李会计"],
        ["联系电话", "020-12345678"],
        ["开户银行", "工商银行广州天河支行"],
        ["银行账号", "3602000109001234567"],
        ["传真", "020-87654321"],
      ],
    });
    expect(read.details).toEqual({
      本公司名称: "华南建材有限公司",
      本公司地址: "广州市天河区体育西路 1 号",
      本公司联系人: "李会计",
      电话: "020-12345678",
      开户行: "工商银行广州天河支行",
      账号: "3602000109001234567",
    });
    expect(read.unknownItems).toEqual(["传真"]);
    expect(read.problems).toEqual([]);
  });

  it("refuses a 19-figure account typed as a number (Excel kept only 15 figures) and names the cell", () => {
    const read = readCompanyInfo({ sheet: "本公司信息", top: 3, left: 2, values: [["账号", Number("3602000109001234567")]] });
    expect(read.details.账号).toBeNull();
    expect(read.problems).toEqual([{ code: "account_stored_as_number", sheet: "本公司信息", cell: "C3", row: 3, column: 3, found: "3602000109001234400" }]);
  });

  it("writes a fresh sheet with every detail the letters use, which reads back to the same details", () => {
    const rows = companyInfoRows({ 本公司名称: "华南建材有限公司", 账号: "3602000109001234567" });
    expect(rows).toEqual([
      ["项目", "内容"],
      ["本公司名称", "华南建材有限公司"],
      ["本公司地址", null],
      ["本公司联系人", null],
      ["电话", null],
      ["开户行", null],
      ["账号", "3602000109001234567"],
    ]);
    expect(readCompanyInfo({ sheet: "本公司信息", top: 1, left: 1, values: rows }).details).toEqual({
      本公司名称: "华南建材有限公司",
      本公司地址: null,
      本公司联系人: null,
      电话: null,
      开户行: null,
      账号: "3602000109001234567",
    });
  });
});
