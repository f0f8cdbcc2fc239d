/** The command line's reconcile text says its counts in English with the word the count chooses. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "./support";

let dir: string;
const write = (name: string, lines: string[]) => fs.writeFileSync(path.join(dir, name), `${lines.join("\n")}\n`);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-counts-"));
  write("ledger.csv", [
    "客户名称,日期,单号,摘要,借方,贷方",
    "宁波顺和电器,2026-10-03,XS2610-002,销售,800.00,",
    "杭州美达商贸,2026-10-04,XS2610-003,销售,1200.00,",
    "绍兴百佳家电,2026-10-05,XS2610-005,销售,700.00,",
    "绍兴百佳家电,2026-10-09,XS2610-006,销售,300.00,",
    "广州远方五金,2026-10-06,XS2610-007,销售,800.00,",
  ]);
  // Our ledger's form, kept by two of its dealers: 百佳 and 远方 are on our side only.
  write("statement.csv", ["客户名称,日期,单号,摘要,借方,贷方", "杭州美达商贸,2026-10-04,XS2610-003,销售,1200.00,", "宁波顺和电器,2026-10-03,XS2610-002,销售,800.00,"]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a dealer only our ledger has is said with its rows counted: one ledger row, two ledger rows", async () => {
  const r = await run(["reconcile", "--ledger", "ledger.csv", "--statement", "statement.csv", "--lang", "en-US"], dir);
  const said = r.out + r.err;
  expect(said).toContain("(our balance 800.00, 1 ledger row).");
  expect(said).toContain("(our balance 1,000.00, 2 ledger rows).");
  expect(said).not.toContain("(s)");
});
