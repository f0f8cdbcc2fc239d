/**
 * The JSON reports are contracts other tools read, so a change inside the engine must not change a byte of
 * them. Each case runs one command on a fixed input and compares its whole output with the file kept in
 * test/golden/expected. `UPDATE_GOLDEN=1 npx jest test/golden` rewrites the files: do that only for a change
 * that is meant to alter a report, and say so in the commit.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../cli/support";
import { allLayouts } from "../fixtures/ledgers";
import type { Grid } from "../../src/core/model";

const EXPECTED = path.join(__dirname, "expected");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

let dir: string;

async function writeGrid(file: string, grid: Grid): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.sheet);
  grid.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== "") ws.getCell(grid.top + r, grid.left + c).value = v as ExcelJS.CellValue;
    });
  });
  await wb.xlsx.writeFile(path.join(dir, file));
}

beforeAll(async () => {
  // Letters and demand letters are sent today and answered within working days of it: the reports hold
  // dates counted from the clock, so the clock is the day the expected files were made. Only Date is
  // faked; timers and I/O run as usual.
  jest.useFakeTimers({
    now: new Date(2026, 11, 2, 9, 0, 0),
    doNotFake: ["hrtime", "nextTick", "performance", "queueMicrotask", "requestAnimationFrame", "cancelAnimationFrame", "requestIdleCallback", "cancelIdleCallback", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout"],
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-golden-"));
  const made = await run(["make-sample", "--out", "sample.xlsx"], dir);
  if (made.code !== 0) throw new Error(made.err);
  for (let i = 0; i < allLayouts.length; i++) await writeGrid(`layout-${i}.xlsx`, allLayouts[i]!);
  // A balance table, 截止 in its title, one row that does not add up.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("往来余额表");
  ws.addRow(["往来余额表（截止 2026-08-31）"]);
  ws.addRow(["客户名称", "期初余额", "本期借方", "本期贷方", "期末余额"]);
  ws.addRow(["杭州美达商贸有限公司", 1000, 5000, 3000, 3000]);
  ws.addRow(["宁波顺和电器", 0, 2000, 500, 1500]);
  ws.addRow(["温州瑞丰五金", 300, 100, 0, 500]);
  ws.addRow(["合计", 1300, 7100, 3500, 5000]);
  await wb.xlsx.writeFile(path.join(dir, "balances.xlsx"));
}, 120_000);

afterAll(() => {
  jest.useRealTimers();
  if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
});

const cases: [name: string, argv: string[]][] = [
  ["read-sample-ledger", ["read", "sample.xlsx", "--sheet", "应收明细账", "--json", "--entries"]],
  ["read-sample-statement", ["read", "sample.xlsx", "--sheet", "美达对账单", "--json", "--entries"]],
  ["read-sample-list", ["read", "sample.xlsx", "--sheet", "发货回款登记", "--json", "--entries"]],
  ["read-balances", ["read", "balances.xlsx", "--json"]],
  ...allLayouts.map((_, i): [string, string[]] => [`read-layout-${i}`, ["read", `layout-${i}.xlsx`, "--json", "--entries"]]),
  ...allLayouts.map((_, i): [string, string[]] => [`aging-layout-${i}`, ["aging", "--ledger", `layout-${i}.xlsx`, "--as-of", "2026-12-31", "--json"]]),
  [
    "reconcile-sample",
    ["reconcile", "--ledger", "sample.xlsx", "--ledger-sheet", "应收明细账", "--statement", "sample.xlsx", "--statement-sheet", "美达对账单", "--as-of", "2026-10-31", "--json", "--matches"],
  ],
  [
    "reconcile-sample-tight",
    ["reconcile", "--ledger", "sample.xlsx", "--ledger-sheet", "应收明细账", "--statement", "sample.xlsx", "--statement-sheet", "美达对账单", "--as-of", "2026-10-31", "--amount-tolerance", "0", "--date-window", "3", "--json"],
  ],
  ["reconcile-balances", ["reconcile", "--balances", "balances.xlsx", "--statement", "sample.xlsx", "--statement-sheet", "美达对账单", "--json"]],
  ["aging-sample", ["aging", "--ledger", "sample.xlsx", "--sheet", "应收明细账", "--as-of", "2026-11-30", "--json"]],
  ["aging-sample-list", ["aging", "--ledger", "sample.xlsx", "--sheet", "发货回款登记", "--as-of", "2026-11-30", "--json"]],
  [
    "aging-sample-statement",
    ["aging", "--ledger", "sample.xlsx", "--sheet", "应收明细账", "--as-of", "2026-11-30", "--statement", "sample.xlsx", "--statement-sheet", "美达对账单", "--json"],
  ],
  ["letters-sample", ["letters", "--ledger", "sample.xlsx", "--sheet", "发货回款登记", "--as-of", "2026-11-30", "--json"]],
  ["letters-balances", ["letters", "--balances", "balances.xlsx", "--as-of", "2026-08-31", "--json"]],
  ["demand-sample", ["demand", "--ledger", "sample.xlsx", "--sheet", "发货回款登记", "--as-of", "2026-11-30", "--json"]],
  ["credit-sample", ["credit", "--applications", "sample.xlsx", "--ledger", "sample.xlsx", "--sheet", "发货回款登记", "--as-of", "2026-11-30", "--json"]],
];

describe("JSON reports stay byte for byte what they were", () => {
  test.each(cases)("%s", async (name, argv) => {
    const r = await run(argv, dir);
    // Exit code and stderr belong to the contract too: a report that now fails is a change.
    const got = JSON.stringify({ code: r.code, err: r.err }) + "\n" + r.out;
    const file = path.join(EXPECTED, `${name}.txt`);
    if (UPDATE) {
      fs.mkdirSync(EXPECTED, { recursive: true });
      fs.writeFileSync(file, got);
      return;
    }
    expect(got).toBe(fs.readFileSync(file, "utf8"));
  }, 120_000);
});
