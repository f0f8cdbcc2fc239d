/**
 * Which result sheet is a copy of which input sheet is kept on the result workbook itself (`noteCopy`), and
 * `writtenNotes` names a text cut in a copy at the input's file and sheet, in any other sheet at the result's.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { noteCopy, openInputFile, writtenNotes, type ResultWorkbook } from "../../src/cli/files";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-copy-origin-"));
  fs.writeFileSync(path.join(dir, "ledger.csv"), "日期,摘要,借方\n2026-03-01,销售,100\n");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cut = (sheet: string) => ({ sheet, row: 3, column: 4, length: 40_000 });

describe("the copy's origin travels with the result workbook", () => {
  it("is the workbook's own: a second workbook with a sheet of the same name is not taken for a copy", async () => {
    const input = await openInputFile("ledger.csv", dir, "en-US");
    const copy: ResultWorkbook = { textsCut: [cut("Ledger-ledger")] };
    const other: ResultWorkbook = { textsCut: [cut("Ledger-ledger")] };
    noteCopy(copy, "Ledger-ledger", input, "ledger");
    expect(copy.copiedFrom).toEqual(new Map([["Ledger-ledger", { file: "ledger.csv", sheet: "ledger" }]]));
    expect(other.copiedFrom).toBeUndefined();
    const [said] = writtenNotes(copy, undefined, "en-US");
    expect(said).toContain('row 3, column D of sheet "ledger" of ledger.csv');
    const [plain] = writtenNotes(other, undefined, "en-US");
    expect(plain).toContain('row 3, column D of result sheet "Ledger-ledger"');
  });

  it("a result .xlsx workbook carries it too, for the sheets noted only", async () => {
    const input = await openInputFile("ledger.csv", dir, "zh-CN");
    const wb: ResultWorkbook = XlsxWorkbook.fromSpecs([]);
    noteCopy(wb, "台账-ledger", input, "ledger");
    noteCopy(wb, "台账-ledger2", input, "ledger");
    expect([...(wb.copiedFrom?.keys() ?? [])]).toEqual(["台账-ledger", "台账-ledger2"]);
  });
});
