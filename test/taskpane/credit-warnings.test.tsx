/** The credit run's warnings are said in the pane's language of the moment, not in the run's. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToStaticMarkup } from "react-dom/server";
import { runCredit } from "../../src/app/credit";
import { CreditWarnings } from "../../src/taskpane/credit/CreditView";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

const APPLICATIONS = [
  ["客户名称", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"],
  ["杭州美达商贸", "其他", "2010-01-01", 600, 6000, "2020-01-01", 100000, "抵押", 300000, 60, "张强", "2026-08-01"],
];
const BALANCES = [
  ["应收账款往来余额表"],
  ["截止 2026-08-31"],
  ["客户编码", "客户名称", "期初余额", "本期借方", "本期贷方", "期末余额"],
  ["C001", "杭州美达商贸", 100000, 250000, 50000, 300000],
];

function listed(warnings: Parameters<typeof CreditWarnings>[0]["warnings"], locale: "zh-CN" | "en-US"): string[] {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <CreditWarnings warnings={warnings} locale={locale} />
    </FluentProvider>,
  )
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/<\/li>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .split("\n")
    .filter((x) => x !== "");
}

test("a run made in Chinese says its warnings in English once the pane is switched to English", async () => {
  const wb = XlsxWorkbook.fromSpecs([
    { name: "申请", rows: APPLICATIONS },
    { name: "往来余额表", rows: BALANCES },
  ]);
  const r = await runCredit({ applications: wb, balances: { port: wb, sheet: "往来余额表" }, asOf: "2026-09-30", lang: "zh-CN" });
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  expect(listed(r.run.warnings, "en-US")).toEqual([
    'Please note:the balance table "往来余额表" is at 2026-08-31 and the as-of date is 2026-09-30: exposure is the closing balance at 2026-08-31, not at the as-of date',
  ]);
  expect(listed(r.run.warnings, "zh-CN")).toEqual(["请注意：余额表“往来余额表”的截止日期是 2026-08-31，评估日是 2026-09-30：占用取的是 2026-08-31 的期末余额，不是评估日的余额"]);
  expect(listed([], "en-US")).toEqual([]);
});
