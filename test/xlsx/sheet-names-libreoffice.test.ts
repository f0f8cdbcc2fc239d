/**
 * A reader that is neither ExcelJS nor ours: LibreOffice opens the result workbook of both writers (ExcelJS's
 * model, and the streamed file) where a sheet's name cleans to the name of a sheet written after it ("A\u0001"
 * then "A"), and finds the same sheet names in both, and each link going to the sheet it was written for.
 * Needs `soffice`.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { OutRow } from "../../src/port/workbook";
import { StreamedWorkbook } from "../../src/xlsx/streamed-workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { availableOrFailInCi, hasCommands } from "../support/required";

const tools = availableOrFailInCi(hasCommands("soffice"), "soffice");
const maybe = tools ? describe : describe.skip;

const link = (sheet: string) => ({ value: `去 ${sheet}`, link: { sheet, row: 1 } });
const SHEETS: { name: string; rows: OutRow[] }[] = [
  { name: "A\u0001", rows: [["第一张"]] },
  { name: "A", rows: [["第二张"]] },
  { name: "链接", rows: [[link("A\u0001"), link("A")]] },
];

/** The sheets of `xlsx` as LibreOffice reads them (flat ODF): their names, and each link's sheet in the order of the cells. */
function readByLibreOffice(xlsx: string, outDir: string): { sheets: string[]; links: string[] } {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-lo-"));
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "fods", "--outdir", outDir, xlsx], { stdio: "pipe", timeout: 170_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const xml = fs.readFileSync(path.join(outDir, `${path.basename(xlsx, ".xlsx")}.fods`), "utf8").replace(/&apos;/g, "'");
  const sheets = [...xml.matchAll(/<table:table table:name="([^"]*)"/g)].map((m) => m[1]).filter((n) => n !== "_duizhang");
  // LibreOffice gives an internal link as `file#Sheet!A1##Sheet!A1`: the sheet before the first `!`.
  const links = [...xml.matchAll(/xlink:href="[^"#]*#([^"]*?)!A1/g)].map((m) => m[1].replace(/^'(.*)'$/, "$1").replace(/''/g, "'"));
  return { sheets, links };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-lo-names-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

jest.setTimeout(200_000);

maybe("sheet names and links read by LibreOffice", () => {
  it("both writers name A\\u0001 then A as A and A(2), and the link to A opens A(2)", async () => {
    const model = XlsxWorkbook.create();
    for (const s of SHEETS) await model.writeSheet(s);
    await model.save(path.join(dir, "model.xlsx"));
    const streamed = await StreamedWorkbook.create(path.join(dir, "streamed.xlsx"));
    for (const s of SHEETS) await streamed.writeSheet(s);
    await streamed.save();

    const expected = { sheets: ["A", "A(2)", "链接"], links: ["A", "A(2)"] };
    expect(readByLibreOffice(path.join(dir, "model.xlsx"), dir)).toEqual(expected);
    expect(readByLibreOffice(path.join(dir, "streamed.xlsx"), dir)).toEqual(expected);
  });
});
