/**
 * `reconcile --json` is a contract: the text `reconcileJsonToWrite` streams must be byte for byte
 * `JSON.stringify(toReconcileJson(report), null, 2)` for every report. Checked here two ways:
 *  - every report the command line makes for the sample workbook (the golden runs), a ledger over month
 *    sheets and a CSV pair with hostile texts and unread cells, as the command writes it;
 *  - generated reports (both sides' texts with quotes, backslashes, control characters, emoji and lone
 *    surrogates, amounts of many digits and negative ones, decisions taken and stale ones, unread cells, one
 *    sheet or several), then the same reports with their items' fields pushed to the edges (-0, NaN and
 *    huge rows, empty lists, null and odd texts), each written whole, in small chunks and slowly.
 */
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { jsonChunks, writeJson } from "../../src/cli/json-stream";
import type { Entry } from "../../src/core/model";
import { fen as fenOf } from "../../src/core/money";
import { addDays } from "../../src/core/dates";
import { reconcile, type Decision, type ReconcileReport } from "../../src/core/reconcile";
import { wrongDealerReason } from "../../src/core/reconcile/reasons";
import type { UnreadRow } from "../../src/core/read/types";
import type { ReconcileJsonOptions } from "../../src/messages/json/reconcile";
import { run, sampleDir } from "../cli/support";

type JsonModule = typeof import("../../src/messages/json/reconcile");
const actual = jest.requireActual<JsonModule>("../../src/messages/json/reconcile");

/** What the command handed `reconcileJsonToWrite`, recorded as it was called. */
const calls: { report: ReconcileReport; options: ReconcileJsonOptions }[] = [];
jest.mock("../../src/messages/json/reconcile", () => {
  const real = jest.requireActual<JsonModule>("../../src/messages/json/reconcile");
  return {
    ...real,
    reconcileJsonToWrite: (report: ReconcileReport, options: ReconcileJsonOptions) => {
      calls.push({ report, options });
      return real.reconcileJsonToWrite(report, options);
    },
  };
});

const contract = (report: ReconcileReport, options: ReconcileJsonOptions) => JSON.stringify(actual.toReconcileJson(report, options), null, 2);

/** Every way the lazy report is written: stringified, streamed in default, small and odd chunks, the exact way. */
function writtenWays(report: ReconcileReport, options: ReconcileJsonOptions): string[] {
  const lazy = () => actual.reconcileJsonToWrite(report, options);
  const streamed = (chunk?: number, small?: number) => [...jsonChunks(lazy(), chunk, small)].join("");
  return [JSON.stringify(lazy(), null, 2), streamed(), streamed(1, 0), streamed(64, 0), streamed(100, 300), streamed(7, 16), streamed(1 << 20, 1 << 20)];
}

function expectSameText(report: ReconcileReport, options: ReconcileJsonOptions): string {
  const text = contract(report, options);
  for (const got of writtenWays(report, options)) {
    if (got !== text) {
      // Where they part, for the failure message.
      let at = 0;
      while (at < text.length && got[at] === text[at]) at++;
      expect(got.slice(Math.max(0, at - 200), at + 200)).toBe(text.slice(Math.max(0, at - 200), at + 200));
    }
    expect(got === text).toBe(true);
  }
  return text;
}

/** Texts JSON must escape or keep whole. */
const HOSTILE = [
  '经销商 "甲"',
  "back\\slash \\u0041",
  "ctl \u0000\u0001\u0008\u000b\u000c\u001f\u007f",
  "tab\tline\nreturn\r",
  "emoji 😀 🧾",
  "lone \ud800 high",
  "lone \udfff low",
  "pair reversed \udc00\ud800",
  "sep \u2028 \u2029",
  "</script><!--",
  "",
  " ",
  "美达商贸",
];

describe("reconcile --json from the command line: the contract's text", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await sampleDir();
    const wb = new ExcelJS.Workbook();
    const add = (name: string, rows: (string | number | null)[][]) => {
      const ws = wb.addWorksheet(name);
      for (const r of rows) ws.addRow(r);
    };
    add("2026-07", [
      ["客户：美达商贸"],
      ["日期", "单号", "摘要", "借方", "贷方", "余额"],
      ["2026-07-01", null, "期初余额", null, null, 1000],
      ["2026-07-05", "XS-1", "销售", 500, null, 1500],
      ["2026-07-05", "XS-1", "销售", 500, null, 2000],
      ["2026-07-20", null, "收款", null, 300, 1700],
      ["2026-07-22", "XS-9", '销售 "引号" \\', 12345678901.23, null, 12345680601.23],
    ]);
    add("2026-08", [
      ["客户：美达商贸"],
      ["日期", "单号", "摘要", "借方", "贷方", "余额"],
      ["2026-08-01", null, "上月结转", null, null, 12345680601.23],
      ["2026-08-03", "XS-2", "销售", 100, null, 12345680701.23],
      ["2026-08-09", "XS-3", "销售", 250, null, 12345680951.23],
    ]);
    await wb.xlsx.writeFile(path.join(dir, "months.xlsx"));
    fs.writeFileSync(
      path.join(dir, "months-statement.csv"),
      "美达商贸对账单,,,,\n日期,单据号,摘要,进货金额,付款金额\n2026-07-01,,期初余额,1000.00,\n2026-07-06,XS-1,进货,500.00,\n2026-07-21,,付款,,300.00\n2026-08-04,XS-2,进货,100.00,\n2026-08-10,XS-3,进货,205.00,\n2026-08-12,SK-7,付款,,99999999999.99\n",
    );
    // Hostile texts in every text cell, unread cells, a duplicate, a mismatch and rows on one side only.
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const ledger = ["客户名称,日期,单据号,摘要,借方,贷方"];
    const statement = ["客户名称,日期,单据号,摘要,进货金额,付款金额"];
    HOSTILE.forEach((text, i) => {
      const dealer = i % 2 === 0 ? "美达商贸" : '经销商 "甲"';
      const day = `2026-06-${String(1 + i).padStart(2, "0")}`;
      ledger.push([dealer, day, q(`XS-${i}${text}`), q(text), (1000 + i * 37.5).toFixed(2), ""].join(","));
      if (i % 3 !== 0) statement.push([dealer, day, q(`XS-${i}${text}`), q(`采购 ${text}`), (1000 + i * 37.5 + (i % 3 === 1 ? 0 : 9)).toFixed(2), ""].join(","));
    });
    ledger.push(["美达商贸", "2026-06-20", "HK-1", "回款", "", "-98765432109.87"].join(","));
    ledger.push(["美达商贸", "2026-06-21", "XS-DUP", "销售", "10.00", ""].join(","));
    ledger.push(["美达商贸", "2026-06-21", "XS-DUP", "销售", "10.00", ""].join(","));
    ledger.push(["美达商贸", "2026-06-22", "XS-U", q('待定 "?" \\'), "待定", ""].join(","));
    ledger.push([q('经销商 "甲"'), "下周", "XS-V", "日期未定", "5.00", ""].join(","));
    statement.push(["美达商贸", "2026-06-23", "SK-1", "付款", "", "-0.01"].join(","));
    fs.writeFileSync(path.join(dir, "hostile-ledger.csv"), ledger.join("\n") + "\n");
    fs.writeFileSync(path.join(dir, "hostile-statement.csv"), statement.join("\n") + "\n");
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const pair = ["--ledger", "sample.xlsx", "--ledger-sheet", "应收明细账", "--statement", "sample.xlsx", "--statement-sheet", "美达对账单"];
  const runs: [string, string[]][] = [
    ["the golden sample, with matches", ["reconcile", ...pair, "--as-of", "2026-10-31", "--json", "--matches"]],
    ["the golden sample, tight", ["reconcile", ...pair, "--as-of", "2026-10-31", "--amount-tolerance", "0", "--date-window", "3", "--json"]],
    ["the sample in English", ["reconcile", ...pair, "--json", "--lang", "en"]],
    ["the sample, wide", ["reconcile", ...pair, "--amount-tolerance", "1000000", "--date-window", "366", "--json"]],
    ["month sheets", ["reconcile", "--ledger", "months.xlsx", "--ledger-sheet", "2026-07", "--ledger-sheet", "2026-08", "--statement", "months-statement.csv", "--json", "--matches"]],
    ["hostile texts and unread cells", ["reconcile", "--ledger", "hostile-ledger.csv", "--statement", "hostile-statement.csv", "--json", "--matches"]],
    ["hostile texts, one dealer", ["reconcile", "--ledger", "hostile-ledger.csv", "--statement", "hostile-statement.csv", "--dealer", "美达商贸", "--json"]],
  ];

  test.each(runs)("%s", async (_name, argv) => {
    calls.length = 0;
    const r = await run(argv, dir);
    expect(calls.length).toBe(1);
    const { report, options } = calls[0];
    const text = expectSameText(report, options);
    expect(r.out).toBe(`${text}\n`);
  }, 120_000);

  test("the runs above have every kind of item in them", () => {
    // Guards the list above: were the inputs to stop making these, the comparisons would prove less.
    expect(seen.kinds).toEqual(expect.arrayContaining(["amount_mismatch", "duplicate", "ledger_only", "statement_only", "unreadable"]));
    expect(seen.pending && seen.adjustments && seen.places).toBe(true);
  });

  const seen = { kinds: [] as string[], pending: false, adjustments: false, places: false };
  afterEach(() => {
    for (const { report, options } of calls) {
      for (const d of report.dealers) {
        for (const x of d.differences) if (!seen.kinds.includes(x.kind)) seen.kinds.push(x.kind);
        seen.pending ||= d.reconciliation.pendingItems.length > 0;
        seen.adjustments ||= d.reconciliation.ledgerAdjustments.length + d.reconciliation.statementAdjustments.length > 0;
      }
      seen.places ||= options.ledgerPlace !== undefined;
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Generated reports.

const hostileText = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "binary", maxLength: 6 }), fc.string({ maxLength: 4 }));

const eventArb = fc.record({
  day: fc.integer({ min: 0, max: 20 }),
  amount: fc.oneof(
    fc.constantFrom(-300000, -100000, 50000, 100000, 234500, 243500, 1, -1),
    fc.integer({ min: -1e13, max: 1e13 }),
  ),
  ref: fc.option(fc.oneof(fc.constantFrom("XS-1", "XS-2", "SK-1", "ＸＳ－１"), hostileText), { nil: null }),
  text: hostileText,
  dealer: fc.constantFrom(0, 0, 1, 2),
  presence: fc.constantFrom("both", "both", "ledger", "statement", "split", "twice"),
  shift: fc.integer({ min: -3, max: 5 }),
  changeAmount: fc.boolean(),
  otherDealer: fc.boolean(),
});

const reportArb = fc.record({
  events: fc.array(eventArb, { maxLength: 14 }),
  dealers: fc.tuple(hostileText, hostileText, hostileText),
  unread: fc.array(fc.record({ side: fc.constantFrom("ledger", "statement"), found: hostileText, text: hostileText, dealer: fc.constantFrom(0, 1) }), { maxLength: 3 }),
  opening: fc.integer({ min: -1e12, max: 1e12 }),
  decide: fc.array(fc.constantFrom("confirmed", "rejected", "none"), { maxLength: 6 }),
  stale: fc.boolean(),
  asOf: fc.constantFrom("2026-06-15", "2026-07-31", null),
});

type Spec = typeof reportArb extends fc.Arbitrary<infer T> ? T : never;
type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

function buildReport(spec: Spec): ReconcileReport {
  const names = spec.dealers.map((d, i) => (d.trim() === "" ? `商${i}` : d));
  const ledger: Entry[] = [];
  const statement: Entry[] = [];
  const entry = (sheet: string, row: number, day: number, amount: number, ref: string | null, text: string, dealer: string): Entry => ({
    sheet,
    row,
    date: addDays("2026-06-01", day),
    ref,
    refs: ref === null ? [] : [ref.toUpperCase()],
    description: text,
    amount: fenOf(amount),
    dealer,
    rep: null,
    termDays: null,
  });
  for (const e of spec.events) {
    const dealer = names[e.dealer];
    const theirs = e.otherDealer ? names[(e.dealer + 1) % 3] : dealer;
    if (e.presence !== "statement") ledger.push(entry("账本", ledger.length + 2, e.day, e.amount, e.ref, e.text, dealer));
    if (e.presence === "twice") ledger.push(entry("账本", ledger.length + 2, e.day, e.amount, e.ref, e.text, dealer));
    if (e.presence === "split") {
      const part = Math.round(e.amount / 4);
      statement.push(entry("对账单", statement.length + 5, e.day + e.shift, part, e.ref, e.text, theirs));
      statement.push(entry("对账单", statement.length + 5, e.day, e.amount - part, e.ref, `${e.text}第二笔`, theirs));
    } else if (e.presence !== "ledger") {
      statement.push(entry("对账单", statement.length + 5, e.day + e.shift, e.changeAmount ? e.amount + 9000 : e.amount, e.ref, e.text, theirs));
    }
  }
  const unread = (side: "ledger" | "statement"): UnreadRow[] =>
    spec.unread
      .filter((u) => u.side === side)
      .map((u, k) => {
        const sheet = side === "ledger" ? "账本" : "对账单";
        const row = 1000 + k;
        return {
          sheet,
          row,
          dealer: names[u.dealer],
          date: k % 2 === 0 ? "2026-06-09" : null,
          ref: u.text,
          description: u.text,
          opening: false,
          cells: [{ code: "bad_amount", sheet, row, column: "E", header: "借方", found: u.found, expected: "amount" }],
        } as UnreadRow;
      });
  const sides = () => ({
    ledger: { sheet: "账本", entries: ledger, openings: [{ sheet: "账本", row: 1, dealer: names[0], date: null, amount: fenOf(spec.opening) }], unreadable: unread("ledger") },
    statement: { sheet: "对账单", entries: statement, openings: [], unreadable: unread("statement") },
  });
  const options = { asOf: spec.asOf, dateWindowBefore: 4, dateWindowAfter: 6 };
  const first = sides();
  const plain = reconcile(first.ledger, first.statement, options);
  const suggestions = plain.dealers.flatMap((d) => d.suggestions);
  const decisions: Decision[] = [];
  suggestions.forEach((s, k) => {
    const verdict = spec.decide[k] ?? "none";
    if (verdict === "confirmed") decisions.push({ id: s.id, decision: "confirmed", ledgerRows: s.ledgerRows, statementRows: s.statementRows });
    else if (verdict === "rejected") decisions.push({ id: s.id, decision: "rejected" });
  });
  if (spec.stale) decisions.push({ id: 'stale "id" \\ 😀', decision: "rejected" });
  if (decisions.length === 0) return plain;
  const again = sides();
  return reconcile(again.ledger, again.statement, { ...options, decisions });
}

// Half the time one sheet, where items are written as text (over several they are written from their objects).
const placesArb = fc.oneof(
  fc.constant(null),
  fc.record({ sheets: fc.array(hostileText, { minLength: 1, maxLength: 3 }), shift: fc.integer({ min: -2, max: 3 }) }),
);

function optionsOf(matches: boolean, places: { sheets: string[]; shift: number } | null): ReconcileJsonOptions {
  return {
    includeMatches: matches,
    ...(places ? { ledgerPlace: (row: number) => ({ sheet: places.sheets[Math.abs(row) % places.sheets.length], row: row - places.shift }) } : {}),
  };
}

/** Values at the edges for an item's fields (the engine never makes most of them; the writer must not care). */
const edgeRows = fc.array(fc.oneof(fc.integer({ min: 0, max: 2e9 }), fc.constantFrom(-0, -1, 2 ** 53, 1e21, 1.5, NaN, Infinity)), { maxLength: 4 });
const edgeFen = fc.oneof(fc.constantFrom(-0, 0, 1, -1, 99, -100, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER), fc.integer({ min: -1e15, max: 1e15 }));
const mutationArb = fc.record({
  at: fc.nat(),
  field: fc.constantFrom("ledgerRows", "statementRows", "amount", "ledgerAmount", "statementAmount", "duplicateOf", "otherDealer", "rule", "kind", "source", "reason", "text", "code"),
  rows: edgeRows,
  fen: edgeFen,
  text: fc.oneof(fc.constantFrom(...HOSTILE), hostileText),
  duplicateOf: fc.constantFrom(null, -0, 0, 7, NaN, 1e21),
  nullText: fc.boolean(),
});

/** The report (a new one, changed in place) with every difference, 待查 item and adjustment changed as `mutations` say. */
function mutated(report: ReconcileReport, mutations: Mutation[]): ReconcileReport {
  const items: Record<string, unknown>[] = [];
  for (const d of report.dealers) {
    const r = d.reconciliation;
    items.push(...(d.differences as unknown as Record<string, unknown>[]), ...(r.pendingItems as unknown as Record<string, unknown>[]));
    items.push(...(r.ledgerAdjustments as unknown as Record<string, unknown>[]), ...(r.statementAdjustments as unknown as Record<string, unknown>[]));
  }
  // Every item is changed, twice over: the mutations are dealt round from a random start.
  if (mutations.length === 0) return report;
  items.forEach((item, j) => {
    for (const m of [mutations[(mutations[0].at + j) % mutations.length], mutations[(mutations[0].at + 2 * j + 1) % mutations.length]]) change(item, m);
  });
  return report;
}

function change(item: Record<string, unknown>, m: Mutation): void {
  const has = (f: string) => Object.prototype.hasOwnProperty.call(item, f);
  switch (m.field) {
    case "ledgerRows":
    case "statementRows":
      item[m.field] = m.rows;
      break;
    case "amount":
    case "ledgerAmount":
    case "statementAmount":
      if (has(m.field)) item[m.field] = m.fen;
      break;
    case "duplicateOf":
      if (has("duplicateOf")) item.duplicateOf = m.duplicateOf;
      break;
    case "otherDealer":
    case "rule":
      if (has(m.field)) item[m.field] = m.nullText ? null : m.text;
      break;
    case "kind":
      // Any kind but an unread cell's, whose fields differ (it is written from its object).
      if (has("kind") && item.kind !== "unreadable") item.kind = m.text === "unreadable" ? "x" : m.text;
      break;
    case "source":
      if (has("source")) item.source = m.text;
      break;
    case "reason":
      if (has("reason")) item.reason = wrongDealerReason(m.nullText ? "ledger" : "statement", m.text);
      break;
    case "text":
      if (has("text")) item.text = wrongDealerReason("ledger", m.text).text;
      break;
    case "code":
      if (has("reason")) (item.reason as { code: string }).code = m.text;
      break;
  }
}

describe("generated reports: the contract's text, however written", () => {
  test("as the engine makes them, one sheet or several, with matches or not", () => {
    fc.assert(
      fc.property(reportArb, placesArb, fc.boolean(), (spec, places, matches) => {
        const report = buildReport(spec);
        expectSameText(report, optionsOf(matches, places));
      }),
      { numRuns: 150 },
    );
  });

  test("with their items' fields at the edges", () => {
    fc.assert(
      fc.property(reportArb, placesArb, fc.array(mutationArb, { minLength: 1, maxLength: 12 }), (spec, places, mutations) => {
        const report = mutated(buildReport(spec), mutations);
        expectSameText(report, optionsOf(false, places));
      }),
      { numRuns: 150 },
    );
  });

  test("a report with no dealers, and one whose lists are all empty", () => {
    const empty = reconcile({ sheet: "账本", entries: [], openings: [] }, { sheet: "对账单", entries: [], openings: [] }, {});
    expectSameText(empty, {});
    const quiet = buildReport({ events: [], dealers: ["甲", "乙", "丙"], unread: [], opening: 100, decide: [], stale: false, asOf: null });
    expect(quiet.dealers.length).toBeGreaterThan(0);
    expect(quiet.dealers.every((d) => d.differences.length === 0 && d.reconciliation.pendingItems.length === 0)).toBe(true);
    expectSameText(quiet, {});
    expectSameText(quiet, optionsOf(true, { sheets: ["2026-07"], shift: 0 }));
  });

  test("a dealer's short lists stay lists of objects (many small dealers are written many at a time), long ones are written item by item", () => {
    const events = (n: number, dealer: 0 | 1 | 2) =>
      Array.from({ length: n }, (_, i) => ({ day: i % 20, amount: 10000 + i * 7, ref: `XS-${dealer}-${i}`, text: "销售", dealer, presence: "both" as const, shift: 0, changeAmount: true, otherDealer: false }));
    const report = buildReport({ events: [...events(1, 0), ...events(40, 1)], dealers: ["甲", "乙", "丙"], unread: [], opening: 0, decide: [], stale: false, asOf: null });
    const json = actual.reconcileJsonToWrite(report, {}) as { dealers: { dealer: string; differences: unknown }[] };
    const of = (name: string) => json.dealers.find((d) => d.dealer === name)!.differences;
    expect(Array.isArray(of("甲"))).toBe(true);
    expect(Array.isArray(of("乙"))).toBe(false);
    expect((of("乙") as { length: number }).length).toBeGreaterThanOrEqual(20);
    expectSameText(report, {});
  });

  test("written to a slow output, chunk by chunk with waits, and to one without a raw writer", async () => {
    const report = buildReport({
      events: Array.from({ length: 400 }, (_, i) => ({
        day: i % 20,
        amount: (i % 2 === 0 ? 1 : -1) * (123456789 + i * 1009),
        ref: i % 5 === 0 ? null : `XS-${i % 37}${HOSTILE[i % HOSTILE.length]}`,
        text: HOSTILE[i % HOSTILE.length],
        dealer: (i % 3) as 0 | 1 | 2,
        presence: (["both", "ledger", "statement", "split", "twice"] as const)[i % 5],
        shift: (i % 9) - 3,
        changeAmount: i % 4 === 0,
        otherDealer: i % 11 === 0,
      })),
      dealers: ['经销商 "甲"', "lone \ud800", "😀"],
      unread: [{ side: "ledger", found: "待定 \u0000", text: "\\", dealer: 0 }],
      opening: -123456789012,
      decide: ["confirmed", "rejected", "confirmed"],
      stale: true,
      asOf: "2026-07-31",
    });
    const text = expectSameText(report, {});
    // Large enough to be written in several chunks.
    expect(text.length).toBeGreaterThan(3 << 16);
    let slow = "";
    let pieces = 0;
    await writeJson(
      {
        out: () => undefined,
        err: () => undefined,
        write: (t: string) =>
          new Promise<void>((resolve) => {
            pieces++;
            setImmediate(() => {
              slow += t;
              resolve();
            });
          }),
        cwd: os.tmpdir(),
      } ,
      actual.reconcileJsonToWrite(report, {}),
    );
    expect(pieces).toBeGreaterThan(2);
    expect(slow).toBe(`${text}\n`);
    let whole = "";
    await writeJson({ out: (t: string) => void (whole += t), err: () => undefined, cwd: os.tmpdir() } , actual.reconcileJsonToWrite(report, {}));
    expect(whole).toBe(text);
  });
});
