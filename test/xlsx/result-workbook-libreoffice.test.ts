/**
 * A reader that is neither ExcelJS nor ours: LibreOffice opens the result workbook `aging --out` streams
 * for a CSV ledger (our own writer and zip) and gives, sheet by sheet, the CSV it gives for the workbook
 * ExcelJS's model writes for the same ledger. The ledger's texts try the escaping (markup, quotes, `_x0041_`,
 * control characters, spaces at the ends, tabs and line breaks) and texts that start like a formula
 * (= + - @), which must stay text. Needs `soffice` (LibreOffice 7.2 or later: every sheet to its own CSV).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runAging } from "../../src/app/aging";
import { addAgingToWorkbook } from "../../src/cli/commands/aging";
import { openInputFile } from "../../src/cli/files";
import { StreamedWorkbook } from "../../src/xlsx/streamed-workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { availableOrFailInCi, hasCommands } from "../support/required";

const tools = availableOrFailInCi(hasCommands("soffice"), "soffice");
const maybe = tools ? describe : describe.skip;

const TEXTS = [`A&B <公司> "x" 'y'`, `=HYPERLINK("http://x")`, "+86 电话", "-5 折让", "@SUM(1)", "_x0041_ dealer", "ctl\u0001\u0007char", "  spaces  ", "tab\there", "杭州美达商贸"];

function ledgerCsv(): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const rows = ["客户名称,业务员,日期,单号,摘要,借方,贷方"];
  for (let i = 0; i < 120; i++) {
    const dealer = TEXTS[i % TEXTS.length];
    const memo = TEXTS[(i + 3) % TEXTS.length];
    const date = `2026-${String(1 + (i % 9)).padStart(2, "0")}-${String(1 + (i % 27)).padStart(2, "0")}`;
    rows.push(i % 5 === 4 ? `${quote(dealer)},王磊,${date},HD-${i},${quote(memo)},,${(i % 97) * 10}.25` : `${quote(dealer)},王磊,${date},XS-${i},${quote(memo)},${1000 + i}.50,`);
  }
  return rows.join("\n") + "\n";
}

/** Every sheet of `xlsx` as LibreOffice writes it to CSV (UTF-8, values as stored), by sheet name. */
function sheetsAsCsv(xlsx: string, outDir: string): Map<string, string> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-lo-"));
  fs.mkdirSync(outDir, { recursive: true });
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", outDir, xlsx],
      { stdio: "pipe", timeout: 170_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const base = path.basename(xlsx, ".xlsx");
  const sheets = new Map<string, string>();
  for (const f of fs.readdirSync(outDir)) if (f.startsWith(`${base}-`) && f.endsWith(".csv")) sheets.set(f.slice(base.length + 1, -4), fs.readFileSync(path.join(outDir, f), "utf8"));
  return sheets;
}

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-lo-result-"));
  fs.writeFileSync(path.join(dir, "ledger.csv"), ledgerCsv());
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

jest.setTimeout(200_000);

maybe("a streamed result workbook read by LibreOffice", () => {
  it("gives every sheet as the workbook ExcelJS's model writes, texts that start like formulas kept as text", async () => {
    const ledger = await openInputFile("ledger.csv", dir, "zh-CN");
    const sheet = (await ledger.port.listSheets())[0].name;
    const run = await runAging({ ledger: { port: ledger.port, sheet }, asOf: "2026-10-31" });
    const model = path.join(dir, "model.xlsx");
    const inMemory = XlsxWorkbook.create();
    await addAgingToWorkbook(inMemory, ledger, sheet, "2026-10-31", "zh-CN", { run });
    await inMemory.save(model);
    const streamed = path.join(dir, "streamed.xlsx");
    const wb = await StreamedWorkbook.create(streamed);
    await addAgingToWorkbook(wb, ledger, sheet, "2026-10-31", "zh-CN", { run });
    await wb.save();

    const a = sheetsAsCsv(model, path.join(dir, "model"));
    const b = sheetsAsCsv(streamed, path.join(dir, "streamed"));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect([...b.keys()]).toEqual(expect.arrayContaining(["台账-ledger", "账龄分析", "催款计划"]));
    for (const [name, csv] of a) expect(b.get(name)).toBe(csv);

    // The ledger's copy: each text as the ledger has it (control characters dropped), never a formula's result.
    const copy = b.get("台账-ledger")!;
    expect(copy).toContain(`"=HYPERLINK(""http://x"")"`);
    expect(copy).toContain("@SUM(1)");
    expect(copy).toContain("+86 电话");
    expect(copy).toContain("-5 折让");
    expect(copy).toContain("_x0041_ dealer");
    expect(copy).toContain("ctlchar");
    expect(copy).toContain(`"A&B <公司> ""x"" 'y'"`);
    expect(copy).toContain(",  spaces  ,");
    expect(copy).toContain("2026-01-01");
  });
});
