import type { Context, Values } from "../options";
import { say } from "../options";
import { UsageError, EXIT_OK } from "../errors";
import { openInputFile } from "../files";
import { writeJson } from "../json-stream";
import { renderTable } from "../table";

export async function commandSheets(ctx: Context, values: Values, positionals: string[]): Promise<number> {
  const file = positionals[0];
  if (!file) throw new UsageError(say(ctx.lang, "缺少文件：duizhang sheets FILE", "missing file: duizhang sheets FILE"));
  const opened = await openInputFile(file, ctx.io.cwd, ctx.lang);
  const sheets = await opened.port.listSheets();
  if (values.json) {
    await writeJson(ctx.io, { file, sheets });
    return EXIT_OK;
  }
  const hidden = say(ctx.lang, "（隐藏）", " (hidden)");
  ctx.io.out(
    renderTable(
      [say(ctx.lang, "工作表", "Sheet"), say(ctx.lang, "行数", "Rows"), say(ctx.lang, "列数", "Columns")],
      sheets.map((s) => [s.name + (s.visible ? "" : hidden), String(s.rowCount), String(s.columnCount)]),
      [1, 2],
    ),
  );
  return EXIT_OK;
}
