/**
 * A template sheet that cannot be loaded: letters, demand letters and a commitment are refused with what the port
 * said about it (two sheets whose names differ only in case, named in a third spelling: `sheet.ambiguous`, naming
 * both, under its own code `template_ambiguous`), in the run's language; "template sheet not found"
 * (`template_not_found`) is said only of a sheet that is not there. The command
 * line says the same, refusing the template before the run.
 */
import { runLetters, type LettersResult } from "../../src/app/letters";
import { runDemands, runPromise, type DemandResult, type PromiseResult } from "../../src/app/collect";
import type { Lang } from "../../src/app/lang";
import { msg } from "../../src/core/messages";
import { render } from "../../src/messages/render";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { letterTwinsBytes } from "../fixtures/twin-sheets";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../cli/support";

const LEDGER_ROWS = [
  ["日期", "客户名称", "单号", "摘要", "借方", "贷方", "账期"],
  ["2026-09-01", "甲商贸", "XS-1", "销售", 3000, null, 30],
  ["2026-10-20", "乙电器", "XS-2", "销售", 1500.5, null, 30],
];

const ledgerBook = () => XlsxWorkbook.fromSpecs([{ name: "应收明细", rows: LEDGER_ROWS as never }]);


const twins = async (): Promise<XlsxWorkbook> => XlsxWorkbook.openBytes(await letterTwinsBytes(), "/tmp/twins.xlsx", "twins.xlsx");

const ambiguous = (lang: Lang) => render(msg("sheet.ambiguous", { file: "twins.xlsx", sheet: "letter", sheets: ["Letter", "LETTER"] }), lang);

async function letters(template: XlsxWorkbook, sheet: string, lang: Lang) {
  const ledger = ledgerBook();
  const r = await runLetters({ ledger: { port: ledger, sheet: "应收明细" }, asOf: "2026-11-30", sendDate: "2026-12-01", dealers: { all: true }, template: { port: template, sheet }, lang });
  return { r, ledger };
}

async function demands(template: XlsxWorkbook, sheet: string, lang: Lang) {
  return runDemands({ ledger: { port: ledgerBook(), sheet: "应收明细" }, asOf: "2026-11-27", sendDate: "2026-11-28", dealers: { all: true }, template: { port: template, sheet }, lang });
}

async function promise(template: XlsxWorkbook, sheet: string, lang: Lang) {
  return runPromise({
    ledger: { port: ledgerBook(), sheet: "应收明细" },
    dealer: "甲商贸",
    asOf: "2026-11-27",
    sendDate: "2026-11-28",
    installments: { count: 2, first: "2026-12-15", every: "month" },
    template: { port: template, sheet },
    lang,
  });
}

/** A run's refusal with its message said in `lang`. */
function said(r: LettersResult | DemandResult | PromiseResult, lang: Lang) {
  if (r.ok || !("message" in r.problem)) return r;
  return { ...r, problem: { ...r.problem, message: render(r.problem.message, lang) } };
}

describe("letters: a template sheet that cannot be loaded", () => {
  test.each(["zh-CN", "en-US"] as const)("two sheets it cannot tell apart are refused naming both, as the port said it (%s), and nothing is written", async (lang) => {
    const { r, ledger } = await letters(await twins(), "letter", lang);
    expect(said(r, lang)).toEqual({ ok: false, problem: { code: "template_ambiguous", message: ambiguous(lang) } });
    expect((await ledger.listSheets()).map((s) => s.name)).toEqual(["应收明细"]);
  });

  test("a sheet that is not there is still said to be missing", async () => {
    const missing = (await letters(await twins(), "Nothing", "zh-CN")).r;
    expect(said(missing, "zh-CN")).toEqual({ ok: false, problem: { code: "template_not_found", message: "找不到模板工作表：Nothing" } });
    // The run's problem is a message: said in whichever language shows it, whatever the run's.
    expect(said(missing, "en-US")).toEqual({ ok: false, problem: { code: "template_not_found", message: "no template sheet: Nothing" } });
  });
});

describe("collection papers: a template sheet that cannot be loaded", () => {
  test.each(["zh-CN", "en-US"] as const)("demand letters and a commitment are refused naming both sheets, as the port said it (%s)", async (lang) => {
    expect(said(await demands(await twins(), "letter", lang), lang)).toEqual({ ok: false, problem: { code: "template_ambiguous", message: ambiguous(lang) } });
    expect(said(await promise(await twins(), "letter", lang), lang)).toEqual({ ok: false, problem: { code: "template_ambiguous", message: ambiguous(lang) } });
  });

  test("a sheet that is not there is still said to be missing", async () => {
    expect(said(await demands(await twins(), "Nothing", "zh-CN"), "zh-CN")).toEqual({ ok: false, problem: { code: "template_not_found", message: "找不到模板工作表：Nothing" } });
    expect(said(await promise(await twins(), "Nothing", "en-US"), "en-US")).toEqual({ ok: false, problem: { code: "template_not_found", message: "no template sheet: Nothing" } });
  });
});

test.each([
  ["letters", "zh-CN"],
  ["demand", "en-US"],
] as const)("the command line (%s) refuses such a template sheet with the same words, before any run (%s)", async (command, lang) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-twins-"));
  try {
    await ledgerBook().save(path.join(dir, "ledger.xlsx"));
    fs.writeFileSync(path.join(dir, "twins.xlsx"), await letterTwinsBytes());
    const r = await run([command, "--ledger", "ledger.xlsx", "--as-of", "2026-11-30", "--template", "twins.xlsx#letter", "--lang", lang === "en-US" ? "en" : "zh"], dir);
    expect([r.code, r.out, r.err]).toEqual([2, "", `duizhang: ${ambiguous(lang)}\n`]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
