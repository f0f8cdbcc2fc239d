/** The 信用 view's exposure list: a dealer whose exposure is unknown has its own neutral look and says so, apart from near and over. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToStaticMarkup } from "react-dom/server";
import type { ExposureLine } from "../../src/core/credit";
import { msg } from "../../src/core/messages";
import { fen } from "../../src/core/money";
import { LocaleProvider } from "../../src/taskpane/context";
import { ExposureList } from "../../src/taskpane/credit/CreditView";
import { CREDIT_STRINGS } from "../../src/taskpane/credit/strings";
import type { Locale } from "../../src/taskpane/i18n";

const line = (dealer: string, exposure: number | null, status: ExposureLine["status"]): ExposureLine => ({
  dealer,
  grade: "B",
  limit: fen(5_000_000),
  limitSource: "register",
  exposure: exposure === null ? null : fen(exposure),
  status,
  exposureUnknown: exposure === null ? [msg("credit.balances.not_table", { sheet: "往来余额表" })] : [],
  openRows: [],
  registerRow: null,
});

const LINES = [line("杭州美达商贸", 6_000_000, "over"), line("宁波顺和电器", null, null), line("温州瑞丰五金", 4_500_000, "near"), line("绍兴百佳家电", 100_000, "ok")];

/** Each item's status and the class and text of its status span, in the list's order. */
function listed(locale: Locale): { status: string; cls: string; text: string }[] {
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale={locale}>
        <ExposureList s={CREDIT_STRINGS[locale]} lines={LINES} />
      </LocaleProvider>
    </FluentProvider>,
  );
  return [...html.matchAll(/<li[^>]*data-status="(\w+)"[^>]*><span class="([^"]*)">([^<]*)<\/span>/g)].map((m) => ({ status: m[1], cls: m[2], text: m[3] }));
}

test.each(["zh-CN", "en-US"] as const)("an unknown exposure is listed in a look of its own, saying it is unknown (%s)", (locale) => {
  const items = listed(locale);
  expect(items.map((i) => i.status)).toEqual(["over", "unknown", "near", "ok"]);
  const by = Object.fromEntries(items.map((i) => [i.status, i]));
  expect(by.unknown.text).toBe(locale === "zh-CN" ? "占用未知（无法读取）" : "Exposure unknown (cannot be read)");
  // Not near's (nor over's or ok's) look: a different set of classes, sharing none of near's colour classes.
  for (const other of ["near", "over", "ok"]) expect(by.unknown.cls).not.toBe(by[other].cls);
  const nearOnly = by.near.cls.split(" ").filter((c) => !by.ok.cls.split(" ").includes(c));
  expect(by.unknown.cls.split(" ").filter((c) => nearOnly.includes(c))).toEqual([]);
});
