/** The dealers a demand run made no letter for are said in the pane's language of the moment, not in the run's. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToStaticMarkup } from "react-dom/server";
import { runDemands, type DemandRun } from "../../src/app/collect";
import { createExcelWorkbook } from "../../src/excel/workbook";
import { FakeExcel } from "../../src/fake-excel";
import { DemandSkipped } from "../../src/taskpane/aging/CollectParts";
import { COLLECT_STRINGS } from "../../src/taskpane/aging/collect-strings";

function listed(skipped: DemandRun["skipped"], locale: "zh-CN" | "en-US"): string[] {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <DemandSkipped s={COLLECT_STRINGS[locale]} locale={locale} skipped={skipped} />
    </FluentProvider>,
  )
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/<\/li>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .split("\n")
    .filter((x) => x !== "");
}

test("a demand run made in Chinese says why each dealer got no letter in English once the pane is switched to English", async () => {
  const excel = FakeExcel.fromSheets([
    {
      name: "应收明细",
      rows: [
        ["日期", "客户名称", "单号", "摘要", "借方", "贷方", "账期"],
        ["2026-09-01", "甲商贸", "XS-1", "销售", 3000, null, 30],
        ["2026-11-20", "丙五金", "XS-3", "销售", 700, null, 30],
      ],
    },
  ]);
  const port = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
  const r = await runDemands({ ledger: { port, sheet: "应收明细" }, asOf: "2026-11-27", sendDate: "2026-11-28", dealers: { names: ["丙五金", "丁公司"] }, lang: "zh-CN" });
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  expect(listed(r.run.skipped, "en-US")).toEqual(['丁公司: not in the ledger "应收明细"', "丙五金: nothing is overdue at the as-of date; no letter made"]);
  expect(listed(r.run.skipped, "zh-CN")).toEqual(["丁公司：台账“应收明细”中没有这家经销商", "丙五金：截至日没有逾期未收款项，未生成催款函"]);
  expect(listed([], "en-US")).toEqual([]);
});
