import * as fs from "fs";
import * as path from "path";
import { runReconcile } from "../../app/reconcile";
import { SAMPLE_AGING_AS_OF, SAMPLE_AS_OF, SAMPLE_LEDGER_SHEET, SAMPLE_LIST_SHEET, SAMPLE_STATEMENT_SHEET, sampleSheets } from "../../sample/sample";
import { XlsxWorkbook } from "../../xlsx/workbook";
import type { Context, Values } from "../options";
import { optionalDate, optionalString, say } from "../options";
import { EXIT_OK } from "../errors";
import { ensureWritableOut, openInputFile } from "../files";
import { buildResultWorkbook, problemsOrThrow, reconcileText } from "./reconcile";
import { addAgingToWorkbook, agingText, chartsLeftOutText } from "./aging";

/** Where the bundled sample workbook lives, relative to the package root. */
export const SAMPLE_PATH = path.join("assets", "sample", "duizhang-sample.xlsx");

function packageRoot(): string {
  // lib/cli/commands/demo.js or src/cli/commands/demo.ts: three levels below the root.
  return path.resolve(__dirname, "..", "..", "..");
}

export async function commandMakeSample(ctx: Context, values: Values): Promise<number> {
  const out = path.resolve(ctx.io.cwd, optionalString(values, "out") ?? path.join(packageRoot(), SAMPLE_PATH));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await XlsxWorkbook.fromSpecs(sampleSheets()).save(out);
  ctx.io.out(say(ctx.lang, `示例工作簿已写入：${out}`, `Sample workbook written to: ${out}`));
  return EXIT_OK;
}

export async function commandDemo(ctx: Context, values: Values): Promise<number> {
  const samplePath = path.join(packageRoot(), SAMPLE_PATH);
  if (!fs.existsSync(samplePath)) {
    fs.mkdirSync(path.dirname(samplePath), { recursive: true });
    await XlsxWorkbook.fromSpecs(sampleSheets()).save(samplePath);
  }
  const outDir = path.resolve(ctx.io.cwd, "out");
  const outArg = optionalString(values, "out");
  if (outArg === undefined) fs.mkdirSync(outDir, { recursive: true });
  const out = ensureWritableOut(outArg ?? path.join(outDir, "duizhang-demo.xlsx"), ctx.io.cwd, [samplePath], ctx.lang);
  // The sample is dated: the statement's cut-off for reconciling, the month end after it for aging.
  const asOf = optionalDate(ctx, values, "as-of") ?? SAMPLE_AS_OF;
  const agingAsOf = optionalDate(ctx, values, "aging-as-of") ?? SAMPLE_AGING_AS_OF;

  const sample = await openInputFile(samplePath, ctx.io.cwd, ctx.lang);
  const sheets = await sample.port.listSheets();
  ctx.io.out(say(ctx.lang, `示例工作簿：${path.relative(ctx.io.cwd, samplePath) || samplePath}`, `Sample workbook: ${path.relative(ctx.io.cwd, samplePath) || samplePath}`));
  for (const s of sheets) ctx.io.out(say(ctx.lang, `  ${s.name}：${s.rowCount} 行 × ${s.columnCount} 列`, `  ${s.name}: ${s.rowCount} rows × ${s.columnCount} columns`));
  ctx.io.out("");

  const run = await runReconcile({
    ledger: { port: sample.port, sheet: SAMPLE_LEDGER_SHEET },
    statement: { port: sample.port, sheet: SAMPLE_STATEMENT_SHEET },
    options: { asOf },
  });
  problemsOrThrow(run.report, ctx.lang);
  ctx.io.out(reconcileText(run, ctx.lang));
  const wb = await buildResultWorkbook(run, sample, SAMPLE_LEDGER_SHEET, sample, SAMPLE_STATEMENT_SHEET, ctx.lang);

  ctx.io.out("");
  const aging = await addAgingToWorkbook(wb, sample, SAMPLE_LIST_SHEET, agingAsOf, ctx.lang);
  ctx.io.out(agingText(aging.run, ctx.lang));
  if (aging.written.chartsLeftOut > 0) ctx.io.out(chartsLeftOutText(ctx.lang));
  await wb.save(out);
  ctx.io.out(say(ctx.lang, `\n结果工作簿：${out}`, `\nResult workbook: ${out}`));
  return EXIT_OK;
}
