import * as fs from "fs";
import * as path from "path";
import { runReconcile } from "../../app/reconcile";
import { SAMPLE_AS_OF, SAMPLE_LEDGER_SHEET, SAMPLE_STATEMENT_SHEET, sampleSheets } from "../../sample/sample";
import { XlsxWorkbook } from "../../xlsx/workbook";
import type { Context, Values } from "../options";
import { optionalDate, optionalString, say } from "../options";
import { EXIT_OK } from "../errors";
import { ensureWritableOut, makeFolder, openInputFile, saveResult } from "../files";
import { buildResultWorkbook, problemsOrThrow, reconcileText } from "./reconcile";
import { reconciliationOf } from "../../app/aging";
import { addAgingToWorkbook, agingText, chartsLeftOutText, todayIso } from "./aging";
import { runLetters } from "../../app/letters";
import { COMPANY_SHEET } from "../../core/letters";
import { lettersText } from "./letters";
import { creditResultSpec, runCredit } from "../../app/credit";
import { SAMPLE_LIST_SHEET } from "../../sample/sample";
import { sampleCreditSheets } from "../../sample/credit";
import { creditText } from "./credit";

/** Where the bundled sample workbook lives, relative to the package root. */
export const SAMPLE_PATH = path.join("assets", "sample", "duizhang-sample.xlsx");

function packageRoot(): string {
  // lib/cli/commands/demo.js or src/cli/commands/demo.ts: three levels below the root.
  return path.resolve(__dirname, "..", "..", "..");
}

export async function commandMakeSample(ctx: Context, values: Values): Promise<number> {
  const outArg = optionalString(values, "out");
  // The bundled sample is rebuilt in place; a file named with --out is replaced only with --force.
  const out = outArg === undefined ? path.join(packageRoot(), SAMPLE_PATH) : ensureWritableOut(outArg, ctx.io.cwd, [], ctx.lang, values.force === true);
  makeFolder(path.dirname(out), ctx.lang);
  await XlsxWorkbook.fromSpecs([...sampleSheets(), ...sampleCreditSheets()]).save(out, { replace: outArg === undefined || values.force === true });
  ctx.io.out(say(ctx.lang, `示例工作簿已写入：${out}`, `Sample workbook written to: ${out}`));
  return EXIT_OK;
}

/**
 * Reconciles the sample's ledger with the dealer's statement and ages the same ledger, both as of one
 * cut-off date, and says which sheet and date it used, so the two results can be read side by side.
 */
export async function commandDemo(ctx: Context, values: Values): Promise<number> {
  const samplePath = path.join(packageRoot(), SAMPLE_PATH);
  if (!fs.existsSync(samplePath)) {
    makeFolder(path.dirname(samplePath), ctx.lang);
    await XlsxWorkbook.fromSpecs([...sampleSheets(), ...sampleCreditSheets()]).save(samplePath, { replace: false });
  }
  const outDir = path.resolve(ctx.io.cwd, "out");
  const outArg = optionalString(values, "out");
  if (outArg === undefined) makeFolder(outDir, ctx.lang);
  // The demo's own result file is replaced on every run; a file named with --out only with --force.
  const replace = outArg === undefined || values.force === true;
  const out = ensureWritableOut(outArg ?? path.join(outDir, "duizhang-demo.xlsx"), ctx.io.cwd, [samplePath], ctx.lang, replace);
  const asOf = optionalDate(ctx, values, "as-of") ?? SAMPLE_AS_OF;
  const ledgerSheet = SAMPLE_LEDGER_SHEET;

  const sample = await openInputFile(samplePath, ctx.io.cwd, ctx.lang);
  const sheets = await sample.port.listSheets();
  const shown = path.relative(ctx.io.cwd, samplePath) || samplePath;
  ctx.io.out(say(ctx.lang, `示例工作簿：${shown}`, `Sample workbook: ${shown}`));
  for (const s of sheets) ctx.io.out(say(ctx.lang, `  ${s.name}：${s.rowCount} 行 × ${s.columnCount} 列`, `  ${s.name}: ${s.rowCount} rows × ${s.columnCount} columns`));
  ctx.io.out(
    say(
      ctx.lang,
      `对账和账龄使用同一本台账“${ledgerSheet}”和同一个截止日期 ${asOf}（对账单：“${SAMPLE_STATEMENT_SHEET}”）`,
      `Reconciliation and aging both use the ledger "${ledgerSheet}" and the cut-off date ${asOf} (statement: "${SAMPLE_STATEMENT_SHEET}")`,
    ),
  );
  ctx.io.out("");

  const run = await runReconcile({
    ledger: { port: sample.port, sheet: ledgerSheet },
    statement: { port: sample.port, sheet: SAMPLE_STATEMENT_SHEET },
    options: { asOf },
  });
  problemsOrThrow(run.report, ctx.lang);
  ctx.io.out(say(ctx.lang, "== 对账 ==", "== Reconciliation =="));
  ctx.io.out(reconcileText(run, ctx.lang));
  const wb = await buildResultWorkbook(run, sample, ledgerSheet, sample, SAMPLE_STATEMENT_SHEET, ctx.lang);

  ctx.io.out("");
  ctx.io.out(say(ctx.lang, "== 账龄 ==", "== Aging =="));
  // The ledger's copy already in the result carries the aging marks too: one ledger, one copy.
  const ledgerCopy = (await wb.listSheets())[0]?.name;
  // What the reconciliation flagged is aged as 待核对: kept out of the collection plan, listed apart.
  const aging = await addAgingToWorkbook(wb, sample, ledgerSheet, asOf, ctx.lang, { reconciliation: reconciliationOf(run), ...(ledgerCopy !== undefined ? { ledgerCopy } : {}) });
  ctx.io.out(agingText(aging.run, ctx.lang));
  if (aging.written.chartsLeftOut > 0) ctx.io.out(chartsLeftOutText(ctx.lang));

  ctx.io.out("");
  ctx.io.out(say(ctx.lang, "== 对账函 ==", "== Confirmation letters =="));
  // Same ledger and cut-off again: each letter states the balance the reconciliation and the aging show.
  const letters = await runLetters({
    ledger: { port: sample.port, sheet: ledgerSheet },
    asOf,
    sendDate: todayIso(),
    dealers: { all: true },
    template: { builtin: "positive" },
    register: wb,
    target: wb,
    lang: ctx.lang,
  });
  if (letters.ok) ctx.io.out(lettersText(letters.run, ctx.lang));
  if (sheets.some((s) => s.name === "信用档案")) {
    ctx.io.out("");
    ctx.io.out(say(ctx.lang, `== 信用 ==（申请表与信用档案，台账“${SAMPLE_LIST_SHEET}”，截止 ${asOf}）`, `== Credit == (applications and the register, ledger "${SAMPLE_LIST_SHEET}", as of ${asOf})`));
    const credit = await runCredit({ applications: sample.port, ledger: { port: sample.port, sheet: SAMPLE_LIST_SHEET }, asOf });
    if (credit.ok) {
      ctx.io.out(creditText(credit.run, ctx.lang));
      await wb.writeSheet(creditResultSpec(credit.run, ctx.lang));
    }
  }
  if ((await sample.port.listSheets()).some((s) => s.name === COMPANY_SHEET)) {
    await wb.copySheetFrom(sample.port as XlsxWorkbook, COMPANY_SHEET, COMPANY_SHEET, { usersSheet: true });
  }
  await saveResult(wb, out, replace);
  const written = (await wb.listSheets()).map((s) => s.name).join(say(ctx.lang, "、", ", "));
  ctx.io.out(say(ctx.lang, `\n结果工作簿：${out}（${written}）`, `\nResult workbook: ${out} (${written})`));
  return EXIT_OK;
}
