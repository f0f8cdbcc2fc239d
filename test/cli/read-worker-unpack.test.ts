/**
 * A table from the reading thread that cannot be unpacked is not a crash: the statement is left to this thread,
 * as after a failed read or a thread that died.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { sideReadOptions } from "../../src/app/reconcile";
import { readSheetInWorker } from "../../src/cli/read-worker";

jest.mock("../../src/cli/table-transfer", () => ({
  ...jest.requireActual("../../src/cli/table-transfer"),
  unpackRead: () => {
    throw new RangeError("packed table out of step");
  },
}));

test("a table that cannot be unpacked is read again on this thread", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-unpack-"));
  try {
    const file = path.join(dir, "statement.csv");
    fs.writeFileSync(file, "客户名称,日期,单据号,摘要,进货金额,付款金额\n甲商贸,2026-01-03,XS-1,进货,100.00,\n");
    const there = readSheetInWorker(file, sideReadOptions("statement"));
    expect(await there.read(sideReadOptions("statement"))).toBeNull();
    // The sheet list the thread sent before its table stays usable.
    const opened = await there.opened(async () => {
      throw new Error("not asked to open here");
    });
    expect(opened.onlySheet).toBe("statement");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
