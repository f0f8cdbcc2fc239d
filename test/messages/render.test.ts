import { msg, type Message, type MessageCode } from "../../src/core/messages";
import { readIssueMessage } from "../../src/core/read/messages";
import { en } from "../../src/messages/en";
import { both, render } from "../../src/messages/render";
import { FORMATS, PLACEHOLDER } from "../../src/messages/table";
import { zh } from "../../src/messages/zh";
import { SAMPLES } from "./samples";
import { fen } from "../../src/core/money";
import { relabelRows, ROW_STRIDE } from "../../src/app/sheet-rows";

/** The placeholder pattern without its global flag, which would make `test` remember where it stopped. */
const ANY_PLACEHOLDER = new RegExp(PLACEHOLDER.source);
/** Parameters that one language says and the other does not need (each is checked to be in exactly one). */
const ONE_LANGUAGE: Partial<Record<MessageCode, string[]>> = {
  // "甲、乙 等 12 家" against "甲, 乙 and 10 more".
  "reconcile.dealer_list.more": ["total", "more"],
  // The field's label as the form writes it in Chinese, its name in English.
  "credit.application.error": ["field", "name"],
};
const CODES = Object.keys(SAMPLES).sort() as MessageCode[];
const placeholders = (template: string) => [...template.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1], format: m[2] }));

describe("message tables", () => {
  it("have a text for every code in both languages, and no text without a code", () => {
    expect(Object.keys(zh.messages).sort()).toEqual(CODES);
    expect(Object.keys(en.messages).sort()).toEqual(CODES);
  });

  it.each(CODES)("%s names each of its parameters, and only those, in both languages", (code) => {
    const params = Object.keys(SAMPLES[code]).sort();
    const oneLanguage = ONE_LANGUAGE[code] ?? [];
    for (const table of [zh, en]) {
      const used = placeholders(table.messages[code]);
      const names = new Set(used.map((p) => p.name));
      for (const name of names) expect(params).toContain(name);
      expect(params.filter((p) => !names.has(p) && !oneLanguage.includes(p))).toEqual([]);
      for (const p of used) if (p.format !== undefined) expect(FORMATS).toContain(p.format);
    }
    for (const name of oneLanguage) expect([zh, en].filter((t) => placeholders(t.messages[code]).some((p) => p.name === name))).toHaveLength(1);
  });

  it.each(CODES)("%s renders in both languages with nothing left in braces", (code) => {
    const m = msg(code, SAMPLES[code] as never) as Message;
    for (const lang of ["zh-CN", "en-US"] as const) {
      const text = render(m, lang);
      expect(text.trim()).not.toBe("");
      expect(text).not.toMatch(ANY_PLACEHOLDER);
      expect(text).not.toMatch(/undefined|null|NaN|\[object/);
    }
  });
});

describe("render", () => {
  it("writes fen grouped, lists with the language's separator and nested messages in the same language", () => {
    const m = msg("reconcile.pending.mismatch.likely", {
      ledgerRows: [3, 4],
      ledgerAmount: fen(-1_997_500),
      statementRows: [5],
      statementAmount: fen(-2_000_000),
      likely: msg("reconcile.likely.bank_fee", {}),
    });
    expect(both(m)).toEqual({
      zh: "金额不符（我方第 3、4 行 -19,975.00，对方第 5 行 -20,000.00），可能是银行手续费",
      en: "Amounts differ (our rows 3, 4 -19,975.00, their row 5 -20,000.00), likely a bank fee",
    });
  });

  it("starts an English sentence made of a nested message with a capital, and joins clauses per language", () => {
    const unread = msg("reconcile.reason.unreadable", {
      where: msg("reconcile.unread.where.row", { sheet: "台账", row: 7 }),
      what: msg("reconcile.unread.what.missing_date", {}),
      lost: msg("reconcile.unread.lost.opening", {}),
      fix: msg("reconcile.unread.fix.date", {}),
    });
    expect(render(unread, "en-US")).toBe("Cannot be read: 台账 row 7 has no date, and none above to carry down; the opening balance is left out. Write a date (such as 2026-10-31)");
    expect(render(unread, "zh-CN")).toBe("无法读取：台账 第 7 行没有日期，上方也没有可沿用的日期，期初余额未计入。请填写日期（如 2026-10-31）");
    const parts = msg("reconcile.remainder.parts", {
      remainder: fen(1_000),
      parts: [msg("reconcile.remainder.part.pending", { total: fen(-9_000), count: 1 }), msg("reconcile.remainder.part.unexplained", { amount: fen(10_000) })],
    });
    expect(both(parts)).toEqual({
      zh: "调节后仍差 10.00：待查差异合计 -90.00（1 项），无法解释的 100.00；请逐项核对",
      en: "10.00 remains after adjusting: -90.00 in the 1 item to check; 100.00 unexplained. Check each.",
    });
  });

  it("says ledger rows as rows: bare numbers as before, rows of a later sheet (2026-08!5) as that sheet's rows, each sheet's rows together", () => {
    const plain = msg("reconcile.reason.duplicate.ledger", { row: 5, original: 3 });
    expect(both(plain)).toEqual({ zh: "重复记账：我方第 5 行与第 3 行单号、金额相同", en: "Duplicate entry: our row 5 repeats row 3 (same reference and amount)" });
    // Rows as a run over several monthly sheets labels them (app/sheet-rows).
    const months = (m: Message) => relabelRows(["2026-07", "2026-08", "2026-09"], m);
    const later = months(msg("reconcile.reason.duplicate.ledger", { row: ROW_STRIDE + 5, original: ROW_STRIDE + 2 }));
    expect(both(later)).toEqual({
      zh: "重复记账：我方「2026-08」表第 5 行与「2026-08」表第 2 行单号、金额相同",
      en: "Duplicate entry: our sheet 2026-08, row 5 repeats sheet 2026-08, row 2 (same reference and amount)",
    });
    expect(render(later, "zh-CN")).not.toMatch(/第 \S+!/);
    const list = months(msg("reconcile.adjust.ledger_only", { rows: [4, 6, ROW_STRIDE + 5, ROW_STRIDE + 7, 2 * ROW_STRIDE + 2] }));
    expect(both(list)).toEqual({
      zh: "我方已记、对方未记（我方第 4、6 行、「2026-08」表第 5、7 行、「2026-09」表第 2 行）",
      en: "Booked by us, not by the dealer (our rows 4, 6; sheet 2026-08, rows 5, 7; sheet 2026-09, row 2)",
    });
    expect(both(msg("reconcile.pending.duplicate.ledger", { rows: [8, 9], original: 2 }))).toEqual({
      zh: "我方重复记账（第 8、9 行重复第 2 行）",
      en: "Our duplicate entry (rows 8, 9 repeats row 2)",
    });
    // A sheet name may hold "!" itself: the row is after the last one.
    const awaiting = relabelRows(["六月", "七月!旧"], msg("reconcile.pending.awaiting.ledger", { row: ROW_STRIDE + 12 }));
    expect(render(awaiting, "zh-CN")).toBe("我方「七月!旧」表第 12 行待确认匹配");
  });

  it("says one row as a row and several as rows in English, on either side, and rows alike in Chinese", () => {
    expect(both(msg("reconcile.adjust.ledger_only", { rows: [4] }))).toEqual({ zh: "我方已记、对方未记（我方第 4 行）", en: "Booked by us, not by the dealer (our row 4)" });
    expect(both(msg("reconcile.adjust.ledger_only", { rows: [4, 6] }))).toEqual({ zh: "我方已记、对方未记（我方第 4、6 行）", en: "Booked by us, not by the dealer (our rows 4, 6)" });
    expect(both(msg("reconcile.adjust.statement_only", { rows: [19] }))).toEqual({ zh: "对方已记、我方未记（对方第 19 行）", en: "Booked by the dealer, not by us (their row 19)" });
    expect(both(msg("reconcile.adjust.statement_only", { rows: [19, 20] }))).toEqual({
      zh: "对方已记、我方未记（对方第 19、20 行）",
      en: "Booked by the dealer, not by us (their rows 19, 20)",
    });
    const mismatch = msg("reconcile.pending.mismatch", { ledgerRows: [17], ledgerAmount: fen(2_563_000), statementRows: [11, 12], statementAmount: fen(2_653_000) });
    expect(both(mismatch)).toEqual({
      zh: "金额不符（我方第 17 行 25,630.00，对方第 11、12 行 26,530.00）",
      en: "Amounts differ (our row 17 25,630.00, their rows 11, 12 26,530.00)",
    });
    expect(both(msg("reconcile.pending.duplicate.statement", { rows: [8, 9], original: 2 }))).toEqual({
      zh: "对方重复记账（第 8、9 行重复第 2 行）",
      en: "The dealer's duplicate entry (rows 8, 9 repeats row 2)",
    });
    // Each sheet's run of rows chooses its own word.
    const months = relabelRows(["2026-07", "2026-08"], msg("reconcile.adjust.ledger_only", { rows: [4, ROW_STRIDE + 5, ROW_STRIDE + 7] }));
    expect(render(months, "en-US")).toBe("Booked by us, not by the dealer (our row 4; sheet 2026-08, rows 5, 7)");
  });

  it("leaves braces around a non-ASCII name as text", () => {
    expect(ANY_PLACEHOLDER.test("如 {{客户名称}}")).toBe(false);
  });
});

describe("the reader's issues", () => {
  it("read the same through the message tables as the reader has always said them", () => {
    const issue = { code: "bad_amount" as const, sheet: "台账", row: 12, column: "E", header: "借方", found: "N/A", expected: "amount" as const };
    expect(both(readIssueMessage(issue))).toEqual({
      zh: "工作表“台账”单元格 E12（借方）：“N/A”不是有效金额。请写成 1234.50 或 1,234.50 这样的数字（负数可写作 -1234.50 或 (1,234.50)）。",
      en: 'Sheet "台账", cell E12 (借方): "N/A" is not a valid amount. Write a number such as 1234.50 or 1,234.50 (negatives as -1234.50 or (1,234.50)).',
    });
    const row = { ...issue, code: "missing_date" as const, column: null, header: null, found: "" };
    expect(render(readIssueMessage(row), "zh-CN")).toBe("工作表“台账”第 12 行：这一行没有日期，上方也没有可沿用的日期。请填写日期。");
  });
});

describe("counts in English", () => {
  it("say one thing and several with the word the count chooses, and Chinese keeps its measure words", () => {
    const unread = (count: number) => msg("reconcile.status.unread", { count });
    expect(render(unread(1), "en-US")).toBe("1 row with an amount or date that cannot be read is in neither balance: correct it and reconcile again");
    expect(render(unread(3), "en-US")).toBe("3 rows with an amount or date that cannot be read are in neither balance: correct them and reconcile again");
    expect(render(unread(1), "zh-CN")).toBe("有 1 行的金额或日期无法读取，未计入余额：改正后重新对账");
    expect(render(msg("reconcile.subset.bound_hit", { steps: 5000, rows: 1 }), "en-US")).toBe("The subset search hit its bound (5000 steps per row) on 1 row; combinations may remain unfound there");
    expect(render(msg("reconcile.subset.bound_hit", { steps: 5000, rows: 0 }), "en-US")).toContain("on 0 rows;");
    expect(render(msg("reconcile.remainder.part.pending", { total: fen(-9000), count: 2 }), "en-US")).toBe("-90.00 in the 2 items to check");
  });

  it("leave no \"(s)\" in any English text", () => {
    for (const code of CODES) expect(render(msg(code, SAMPLES[code] as never) as Message, "en-US")).not.toContain("(s)");
    for (const template of Object.values(en.messages)) expect(template).not.toMatch(/\w\(s\)/);
  });
});

