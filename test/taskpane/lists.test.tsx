/**
 * Every list the pane shows is its shared list (layout's ResultList): the same look (its class, no bullets of
 * the browser's own) and the same role for screen readers, in the read summary, the read notes of monthly
 * sheets and balance tables, the 函证 view's notes and the reconciliation's notice of what an older Excel cannot
 * do. A balance table's rows that do not add up are said in the same words by the read summary and the 函证 view.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { tableOf, type ReadResult } from "../../src/core/read";
import type { BalanceTable } from "../../src/core/read/balances";
import type { CombinedReadResult } from "../../src/core/read/combine";
import { fen } from "../../src/core/money";
import { ResultList } from "../../src/taskpane/components/layout";
import { ReadSummary } from "../../src/taskpane/components/ReadSummary";
import { BalanceTableSummary, CombinedNotes } from "../../src/taskpane/components/SheetsReadNotes";
import { LocaleProvider } from "../../src/taskpane/context";
import type { Locale } from "../../src/taskpane/i18n";
import { LETTERS_MORE } from "../../src/taskpane/letters/balance-strings";
import { BalanceNotes, RowsOffList } from "../../src/taskpane/letters/LettersView";
import { LETTERS_STRINGS } from "../../src/taskpane/letters/strings";
import { DegradedNotice } from "../../src/taskpane/reconcile/ReconcileResults";
import { ExposureList } from "../../src/taskpane/credit/CreditView";
import { CREDIT_STRINGS } from "../../src/taskpane/credit/strings";
import { msg } from "../../src/core/messages";
import { RECONCILE_STRINGS } from "../../src/taskpane/reconcile/strings";

function html(element: ReactElement, locale: Locale = "zh-CN"): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale={locale}>{element}</LocaleProvider>
    </FluentProvider>,
  ).replace(/<style[^>]*>[\s\S]*?<\/style>/g, "");
}

/** The opening tag of each list (`ul`, `ol`) in the markup. */
const lists = (markup: string): string[] => [...markup.matchAll(/<(?:ul|ol)\b[^>]*>/g)].map((m) => m[0]);
const attr = (tag: string, name: string): string | null => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/** The shared list as it renders: its class and role. */
const SHARED = lists(html(<ResultList dense>{null}</ResultList>))[0];

/** The text of each item of the markup's lists, and what follows the last list. */
const items = (markup: string): string[] => [...markup.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1].replace(/<[^>]+>/g, ""));

const MISMATCHES = Array.from({ length: 11 }, (_, i) => ({ sheet: "往来余额表", row: i + 3, dealer: `经销商${i + 1}`, expected: fen(100_00 * (i + 1)), found: fen(0) }));
const BALANCES: BalanceTable = {
  sheet: "往来余额表",
  cutoff: "2026-08-31",
  cutoffSource: "title",
  headerRows: [2],
  hasOpening: true,
  rows: [],
  mismatches: MISMATCHES,
  skipped: [],
  unreadable: [{ sheet: "往来余额表", row: 20, column: 5, found: "#N/A", dealer: "成都蜀丰建材", header: "期末余额", code: "formula_error", expected: "amount" }],
};

const READ: ReadResult = {
  sheet: "发货回款登记",
  side: "ledger",
  sideSource: "option",
  headerRows: [1],
  dealer: null,
  dealers: ["杭州美达商贸有限公司"],
  table: tableOf([]),
  openings: [],
  openingBalance: fen(0),
  closingBalance: fen(0),
  mapping: { date: { column: 2, header: "日期", confidence: 1, source: "detected" }, debit: { column: 5, header: "发货金额", confidence: 1, source: "detected" } },
  skipped: [{ row: 6, reason: "blank", text: "" }],
  errors: [{ code: "bad_amount", sheet: "发货回款登记", row: 4, column: "E", header: "发货金额", found: "1,8260", expected: "amount" }],
  blocks: [
    { dealer: "杭州美达商贸有限公司", titleRow: 2, lastRow: 8, openingBalance: fen(0), entries: 5 },
    { dealer: "宁波顺和电器", titleRow: 10, lastRow: 14, openingBalance: fen(0), entries: 3 },
  ] as ReadResult["blocks"],
  balanceCheck: { checked: false, firstMismatchRow: null, mismatches: 0 },
  hiddenRowCount: 0,
};

const COMBINED: CombinedReadResult = {
  ...READ,
  sheets: ["2026-07", "2026-08"],
  layoutDifferences: [{ sheet: "2026-08", missing: ["rep"], extra: [], renamed: [], otherSide: false }],
  carried: Array.from({ length: 10 }, (_, i) => ({ sheet: "2026-08", row: i + 2, dealer: `经销商${i + 1}`, expected: fen(100), found: fen(200), agrees: false })),
};

describe("the pane's lists", () => {
  test("the shared list keeps its list role for screen readers", () => {
    expect(attr(SHARED, "role")).toBe("list");
    expect(attr(SHARED, "class")).toBeTruthy();
  });

  const views: [string, () => string][] = [
    ["the read summary (dealer blocks, cells to fix, skipped rows)", () => html(<ReadSummary result={READ} columns={[]} onRemap={() => undefined} onGoTo={() => undefined} />)],
    ["the notes of a ledger over monthly sheets", () => html(<CombinedNotes result={COMBINED} onGoTo={() => undefined} />)],
    ["the notes of a balance table", () => html(<BalanceTableSummary table={BALANCES} onGoTo={() => undefined} />)],
    ["the 函证 view's rows that do not add up", () => html(<BalanceNotes more={LETTERS_MORE["zh-CN"]} table={BALANCES} goTo={() => undefined} listRows />)],
    [
      "the 函证 view's rows that got no letter",
      () => html(<RowsOffList
            more={LETTERS_MORE["zh-CN"]}
            s={LETTERS_STRINGS["zh-CN"]}
            locale="zh-CN"
            rows={[{ dealer: "甲", reason: msg("letters.skip.balance_row_off", { sheet: "往来余额表", row: 3, expected: fen(100), found: fen(200) }), target: { sheet: "往来余额表", row: 3 } }]}
            goTo={() => undefined}
          />),
    ],
    ["the notice of what an older Excel cannot do", () => html(<DegradedNotice s={RECONCILE_STRINGS["zh-CN"]} rangeAreas={false} pageLayout={false} />)],
    [
      "the 信用 view's exposures, with why one cannot be read",
      () =>
        html(
          <ExposureList
            s={CREDIT_STRINGS["zh-CN"]}
            lines={[
              {
                dealer: "宁波顺和电器",
                grade: "B",
                limit: fen(5_000_000),
                limitSource: "register",
                exposure: null,
                status: null,
                exposureUnknown: [msg("credit.balances.not_table", { sheet: "往来余额表" })],
                openRows: [],
                registerRow: null,
              },
            ]}
          />,
        ),
    ],
  ];

  test.each(views)("%s: every list is the shared one", (_, render) => {
    const found = lists(render());
    expect(found.length).toBeGreaterThan(0);
    for (const tag of found) {
      expect(attr(tag, "role")).toBe("list");
      expect(attr(tag, "class")).toBe(attr(SHARED, "class"));
    }
  });
});

test("a sheet whose columns differ is named before what differs, with the colon of the pane's language", () => {
  const zh = items(html(<CombinedNotes result={COMBINED} onGoTo={() => undefined} />, "zh-CN")).find((t) => t.startsWith("2026-08"));
  const en = items(html(<CombinedNotes result={COMBINED} onGoTo={() => undefined} />, "en-US")).find((t) => t.startsWith("2026-08"));
  expect(zh).toMatch(/^2026-08：缺少 /);
  expect(en).toMatch(/^2026-08: no /);
});

describe("a balance table's rows that do not add up", () => {
  test.each(["zh-CN", "en-US"] as const)("are said alike by the read summary and the 函证 view, with the same count of the rest (%s)", (locale) => {
    const summary = html(<BalanceTableSummary table={BALANCES} onGoTo={() => undefined} />, locale);
    const letters = html(<BalanceNotes more={LETTERS_MORE[locale]} table={BALANCES} goTo={() => undefined} listRows />, locale);
    const rowsOf = (markup: string) => items(markup).filter((t) => t.startsWith("往来余额表 "));
    expect(rowsOf(summary)).toHaveLength(8);
    expect(rowsOf(summary)).toEqual(rowsOf(letters));
    const more = locale === "zh-CN" ? "另有 3 行未列出。" : "3 more not listed.";
    expect(summary).toContain(more);
    expect(letters).toContain(more);
  });
});
