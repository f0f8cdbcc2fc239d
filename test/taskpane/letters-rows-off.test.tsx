/** The 函证 results' list of balance-table rows that do not add up, as the run skipped them (LettersView's RowsOffList). */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToStaticMarkup } from "react-dom/server";
import { LETTERS_MORE } from "../../src/taskpane/letters/balance-strings";
import { readBalanceTable } from "../../src/core/read";
import { BalanceNotes, RowsOffList, RunRefused, RunWarnings } from "../../src/taskpane/letters/LettersView";
import { runLetters } from "../../src/app/letters";
import { createExcelWorkbook } from "../../src/excel/workbook";
import { FakeExcel } from "../../src/fake-excel";
import { LETTERS_STRINGS } from "../../src/taskpane/letters/strings";
import type { RowOff } from "../../src/taskpane/letters/useLettersRun";
import { msg } from "../../src/core/messages";
import { fen } from "../../src/core/money";

function rowsOff(n: number): RowOff[] {
  return Array.from({ length: n }, (_, i) => ({
    dealer: `经销商${i + 1}`,
    reason: msg("letters.skip.balance_row_off", { sheet: "往来余额表", row: i + 3, expected: fen(40_000), found: fen(50_000) }),
    target: { sheet: "往来余额表", row: i + 3 },
  }));
}

/** The rendered items and lines, each ended by `|`. */
function shown(rows: RowOff[], locale: "zh-CN" | "en-US" = "zh-CN"): string {
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <RowsOffList more={LETTERS_MORE[locale]} s={LETTERS_STRINGS[locale]} locale={locale} rows={rows} goTo={() => undefined} />
    </FluentProvider>,
  );
  return html
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/<\/(li|span)>/g, "|")
    .replace(/<[^>]+>/g, "")
    .replace(/\|+/g, "|");
}

describe("the rows of a balance table that got no letter", () => {
  test("lists the first 8, each with the run's reason, and counts the rest, as the read summary does", () => {
    const text = shown(rowsOff(11));
    expect(text.startsWith("余额表中 11 行对不上，未生成对账函：|经销商1：余额表“往来余额表”第 3 行不平：")).toBe(true);
    expect(text).toContain("经销商8：余额表“往来余额表”第 10 行不平：");
    expect(text).not.toContain("经销商9");
    expect(text).toContain("另有 3 行未列出。");
  });

  test("a short list is shown whole, without a count of more", () => {
    const text = shown(rowsOff(2), "en-US");
    expect(text).toContain("2 rows of the balance table do not add up: no letter made for them:");
    // The run's reason in the pane's language of the moment, whatever language the run was made in.
    expect(text).toContain("经销商2: row 4 of the balance table &quot;往来余额表&quot; does not add up");
    expect(text).not.toContain("more not listed");
  });

  test("nothing at all when every row adds up", () => {
    expect(shown([])).toBe("");
  });
});

describe("the balance table's note in the ledger section", () => {
  const table = readBalanceTable({
    sheet: "往来余额表",
    top: 1,
    left: 1,
    values: [
      ["往来余额表（截止 2026-11-30）"],
      ["客户名称", "期初余额", "本期借方", "本期贷方", "期末余额"],
      ["嘉兴恒通家电", 0, 1409.5, 0, 1409.5],
      ["温州瑞丰五金", 300, 100, 0, 500],
    ],
  })!;
  const notes = (listRows: boolean) =>
    renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <BalanceNotes more={LETTERS_MORE["zh-CN"]} table={table} goTo={() => undefined} listRows={listRows} />
      </FluentProvider>,
    )
      .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
      .replace(/<[^>]+>/g, "|")
      .replace(/\|+/g, "|");

  test("before a run it lists the rows that do not add up, as read", () => {
    expect(table.mismatches.map((m) => m.row)).toEqual([4]);
    expect(notes(true)).toContain("温州瑞丰五金");
  });

  test("after a run it says only where the letters come from: the results list those rows once, as the run skipped them", () => {
    const text = notes(false);
    expect(text).toContain("往来余额表");
    expect(text).not.toContain("温州瑞丰五金");
  });
});

describe("the run's warnings", () => {
  test("a run made in Chinese lists its warnings in English once the pane is switched to English, each a sentence", async () => {
    // Excel 2019 (no format copy) and no 本公司信息: two of the run's warnings.
    const excel = FakeExcel.fromSheets([{ name: "应收明细", rows: [["日期", "客户名称", "单号", "摘要", "借方", "贷方"], ["2026-11-02", "经销商0001", "XS-1", "销售", 1000, null]] }], { apiVersion: "1.7" });
    const port = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
    const result = await runLetters({ ledger: { port, sheet: "应收明细" }, asOf: "2026-11-30", sendDate: "2026-12-01", dealers: { all: true }, template: { builtin: "positive" }, lang: "zh-CN" });
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    const listed = (locale: "zh-CN" | "en-US") =>
      renderToStaticMarkup(
        <FluentProvider theme={webLightTheme}>
          <RunWarnings warnings={result.run.warnings} locale={locale} />
        </FluentProvider>,
      )
        .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
        .replace(/<\/li>/g, "\n")
        .replace(/<[^>]+>/g, "")
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
        .split("\n")
        .filter((x) => x !== "");
    const en = listed("en-US");
    expect(en).toHaveLength(2);
    expect(en).toContain(
      "This version of Excel cannot copy formats: the letters hold the text only, without the template's fonts, borders and number formats (Excel from Microsoft 365, Office 2021 or later, and Excel on the web carry them).",
    );
    expect(en).toContain('No "本公司信息" sheet (two columns: 项目 | 内容): the company\'s name, address, phone, bank and account are left as lines to fill by hand.');
    expect(en.join()).not.toMatch(/[，。；]/);
    const zh = listed("zh-CN");
    expect(zh).toHaveLength(2);
    expect(zh.join()).toContain("这个版本的 Excel 不能复制格式");
    for (const w of zh) expect(w).toMatch(/。$/);
  });
});

describe("a refused run", () => {
  test("a run refused in Chinese says why in English once the pane is switched to English", async () => {
    // A register sheet that is not a register, and a template sheet with an unknown placeholder: two refusals.
    const ledger = { name: "应收明细", rows: [["日期", "客户名称", "单号", "摘要", "借方", "贷方"], ["2026-11-02", "经销商0001", "XS-1", "销售", 1000, null]] };
    const excel = FakeExcel.fromSheets([ledger, { name: "函证登记簿", rows: [["随便写的"]] }, { name: "坏模板", rows: [["致：{{客户}}"]] }]);
    const port = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
    const request = { ledger: { port, sheet: "应收明细" }, asOf: "2026-11-30", sendDate: "2026-12-01", dealers: { all: true } as const, lang: "zh-CN" as const };
    const listed = (messages: Parameters<typeof RunRefused>[0]["messages"], locale: "zh-CN" | "en-US") =>
      renderToStaticMarkup(
        <FluentProvider theme={webLightTheme}>
          <RunRefused messages={messages} locale={locale} />
        </FluentProvider>,
      )
        .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
        .replace(/<\/li>/g, "\n")
        .replace(/<[^>]+>/g, "")
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
        .split("\n")
        .filter((x) => x !== "");
    const register = await runLetters({ ...request, template: { builtin: "positive" } });
    if (register.ok || register.problem.code !== "register") throw new Error("expected the register refused");
    const registerEn = listed(register.problem.messages, "en-US");
    expect(registerEn).toHaveLength(1);
    expect(registerEn[0]).toContain('"函证登记簿" is not a');
    expect(listed(register.problem.messages, "zh-CN")[0]).toContain("工作表“函证登记簿”不是函证登记簿");
    const template = await runLetters({ ...request, template: { port, sheet: "坏模板" } });
    if (template.ok || template.problem.code !== "template") throw new Error("expected the template refused");
    const templateEn = listed(template.problem.messages, "en-US");
    expect(templateEn.join()).toContain("A1");
    expect(templateEn.join()).not.toMatch(/[，。；：]/);
  });
});

