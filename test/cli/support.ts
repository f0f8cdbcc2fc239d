import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { sampleSheets } from "../../src/sample/sample";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

export interface Ran {
  code: number;
  out: string;
  err: string;
}

/** Runs the command line in-process with captured output. */
export async function run(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  let out = "";
  let err = "";
  const io = {
    out: (t: string) => void (out += t.endsWith("\n") ? t : `${t}\n`),
    err: (t: string) => void (err += t.endsWith("\n") ? t : `${t}\n`),
    write: (t: string) => void (out += t),
    cwd,
  };
  const code = await main(argv, io, env);
  return { code, out, err };
}

/** A temporary folder holding the sample workbook as `sample.xlsx`. */
export async function sampleDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-cli-"));
  await XlsxWorkbook.fromSpecs(sampleSheets()).save(path.join(dir, "sample.xlsx"));
  return dir;
}
