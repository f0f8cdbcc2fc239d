/** The 账龄 view's collection papers (useCollect beside useAgingRun) over the office-js adapter on the fake Excel. */
import { useAgingRun } from "../../../src/taskpane/aging/useAgingRun";
import { COLLECT_MESSAGE, previewSchedule, useCollect, type CollectView } from "../../../src/taskpane/aging/useCollect";
import { filterByLimitation } from "../../../src/taskpane/aging/CollectParts";
import { actionLines } from "../../../src/taskpane/aging/model";
import type { AgingRunView } from "../../../src/taskpane/aging/useAgingRun";
import type { Selection } from "../../../src/port/workbook";
import type { FixtureSheet } from "../../../src/fake-excel";
import { makePane, renderHook, step, STRINGS, until, type Pane, type Rendered } from "./harness";
import { fen } from "../../../src/core/money";
import { msg } from "../../../src/core/messages";
import { render } from "../../../src/messages/render";

const AS_OF = "2026-12-01";
// Default term 30 days. 甲公司: XS-101 due 08-31, final 09-10: past its final deadline on 12-01.
// 乙公司: XS-105 due 12-20, not yet due. 丙公司: due 2024-02-09, limitation ends 2027-02-09 (70 days on).
// 丁公司: due 2023-07-01, limitation ended 2026-07-01.
const LEDGER: FixtureSheet = {
  name: "明细账",
  rows: [
    ["日期", "客户", "单号", "摘要", "借方", "贷方"],
    ["2023-06-01", "丁公司", "XS-001", "销售", 700, null],
    ["2024-01-10", "丙公司", "XS-050", "销售", 900, null],
    ["2026-08-01", "甲公司", "XS-101", "销售", 1000, null],
    ["2026-09-01", "甲公司", "XS-102", "销售", 2000, null],
    ["2026-11-20", "乙公司", "XS-105", "销售", 500, null],
  ],
};

interface Both {
  aging: AgingRunView;
  collect: CollectView;
}

async function setUp(options: { useCases?: object } = {}): Promise<{ pane: Pane; hook: Rendered<Both>; selected: Selection[] }> {
  const pane = makePane([LEDGER]);
  const selected: Selection[] = [];
  const onGoTo = (t: Selection) => selected.push(t);
  const hook = await renderHook(
    pane,
    () => {
      const aging = useAgingRun({ ledger: "明细账", generation: 0, report: pane.report, clear: pane.clear, onGoTo });
      const collect = useCollect({ ledger: "明细账", run: aging.run, report: pane.report, clear: pane.clear, onGoTo });
      return { aging, collect };
    },
    { useCases: options.useCases },
  );
  await step(() => hook.current.aging.choose({ asOf: AS_OF }));
  await until(() => hook.current.aging.status.state === "done" && hook.current.aging.run!.report.asOf === AS_OF);
  return { pane, hook, selected };
}

const sheetNames = async (pane: Pane) => (await pane.port.listSheets()).map((x) => x.name);

describe("demand letters from the aging view", () => {
  test("lists the dealers past their final deadline and those that owe", async () => {
    const { hook } = await setUp();
    expect(hook.current.collect.pastFinal).toEqual(["丁公司", "丙公司", "甲公司"]);
    expect(hook.current.collect.owing).toEqual(["丁公司", "丙公司", "甲公司", "乙公司"]);
    expect(hook.current.collect.canDemand).toBe(false);
  });

  test("one dealer: a level-2 催款函 for 甲公司 on its sheet, numbered in the register, and its row selected", async () => {
    const { pane, hook, selected } = await setUp();
    await step(() => hook.current.collect.setDemand({ target: { dealer: "甲公司" } }));
    expect(hook.current.collect.canDemand).toBe(true);
    await step(() => hook.current.collect.generateDemands());
    await until(() => hook.current.collect.busy === null && hook.current.collect.demandRun !== null);
    const run = hook.current.collect.demandRun!;
    expect(run.letters.map((l) => [l.demand.dealer, l.demand.level, l.number, l.demand.total, l.demand.deadline])).toEqual([["甲公司", 2, "CK-202612-0001", 300_000, "2026-12-08"]]);
    expect(run.sheets).toEqual(["催款函 2026-12-01"]);
    expect(await sheetNames(pane)).toEqual(expect.arrayContaining(["催款函 2026-12-01", "函证登记簿"]));
    expect(selected[selected.length - 1]).toEqual({ sheet: "催款函 2026-12-01", row: run.letters[0].firstRow, column: 1 });
    expect(pane.store.get().confirmation?.text("zh-CN")).toBe("已生成 1 封催款函，写入「催款函 2026-12-01」，并登记到函证登记簿。");
  });

  test("all past their final deadline: one letter each, the level and days to pay as chosen", async () => {
    const { hook } = await setUp();
    await step(() => hook.current.collect.setDemand({ target: { pastFinal: true }, level: 3, deadlineDays: "10" }));
    await step(() => hook.current.collect.generateDemands());
    await until(() => hook.current.collect.demandRun !== null);
    const run = hook.current.collect.demandRun!;
    expect(run.letters.map((l) => [l.demand.dealer, l.demand.level, l.demand.deadline])).toEqual([
      ["丁公司", 3, "2026-12-11"],
      ["丙公司", 3, "2026-12-11"],
      ["甲公司", 3, "2026-12-11"],
    ]);
    expect(run.letters.map((l) => l.number)).toEqual(["CK-202612-0001", "CK-202612-0002", "CK-202612-0003"]);
    expect(run.sheets).toEqual(["最后通知 2026-12-01"]);
  });

  test("days to pay that are not a number block the command", async () => {
    const { hook } = await setUp();
    await step(() => hook.current.collect.setDemand({ target: { dealer: "甲公司" }, deadlineDays: "七天" }));
    expect(hook.current.collect.deadlineOk).toBe(false);
    expect(hook.current.collect.canDemand).toBe(false);
  });

  test("a refusal of the use case is reported with its text, and a thrown failure as a message", async () => {
    const refused = await setUp({
      useCases: { runDemands: async () => ({ ok: false, problem: { code: "template", messages: [msg("letters.template.sheet_missing", { sheet: "催款模板" })] } }) },
    });
    await step(() => refused.hook.current.collect.setDemand({ target: { dealer: "甲公司" } }));
    await step(() => refused.hook.current.collect.generateDemands());
    const m = refused.pane.reported.find((x) => x.key === COLLECT_MESSAGE.demand)!;
    expect(m.intent).toBe("error");
    expect(m.text(STRINGS["zh-CN"])).toBe(render(msg("letters.template.sheet_missing", { sheet: "催款模板" }), "zh-CN"));
    // Said again in English once the pane is switched.
    expect(m.text(STRINGS["en-US"])).toBe(render(msg("letters.template.sheet_missing", { sheet: "催款模板" }), "en-US"));
    expect(refused.hook.current.collect.busy).toBeNull();

    const thrown = await setUp({ useCases: { runDemands: async () => Promise.reject(new Error("boom")) } });
    await step(() => thrown.hook.current.collect.setDemand({ target: { pastFinal: true } }));
    await step(() => thrown.hook.current.collect.generateDemands());
    expect(thrown.pane.reported.some((x) => x.key === COLLECT_MESSAGE.demand)).toBe(true);
    expect(thrown.hook.current.collect.demandRun).toBeNull();
  });
});

describe("the payment commitment form", () => {
  test("the amount defaults to the dealer's open balance; 3 monthly installments, the last taking the remainder", async () => {
    const { hook } = await setUp();
    await step(() => hook.current.collect.setPromise({ dealer: "甲公司", count: "3", first: "2026-12-31", every: "month" }));
    expect(hook.current.collect.openBalance).toBe(300_000);
    const p = hook.current.collect.preview;
    expect(p && p.ok ? p.installments.map((i) => [i.n, i.date, i.amount, i.cumulative]) : p).toEqual([
      [1, "2026-12-31", 100_000, 100_000],
      [2, "2027-01-31", 100_000, 200_000],
      [3, "2027-02-28", 100_000, 300_000],
    ]);
  });

  test("a typed amount in every N days, split to the fen", async () => {
    const p = previewSchedule({ dealer: "甲公司", amount: "1,000.00", count: "3", first: "2026-12-10", every: "days", days: "15" }, fen(300_000), AS_OF, "zh-CN");
    expect(p && p.ok ? p.installments.map((i) => [i.date, i.amount]) : p).toEqual([
      ["2026-12-10", 33_333],
      ["2026-12-25", 33_333],
      ["2027-01-09", 33_334],
    ]);
  });

  test("a bad amount, a missing date, a date before the as-of date and a zero count each say what to fix", () => {
    const base = { dealer: "甲公司", amount: "", count: "3", first: "2026-12-10", every: "month" as const, days: "30" };
    const msg = (patch: object) => {
      const p = previewSchedule({ ...base, ...patch }, fen(300_000), AS_OF, "zh-CN");
      return p && !p.ok ? p.message : null;
    };
    expect(msg({ amount: "abc" })).toBe("承诺金额应为大于零的数字，如 53000 或 53000.50");
    expect(msg({ first: "" })).toBe("请填写第一期日期，如 2026-12-15");
    expect(msg({ first: "2026-11-30" })).toBe("第一期日期不能早于账龄日期 2026-12-01");
    expect(msg({ count: "0" })).toBe("分期期数应为 1 至 120 的整数（收到 0）");
  });

  test("逐期填写: typed rows must add up to the amount to the fen, dates rising, and say which row to fix", () => {
    const base = { dealer: "甲公司", amount: "", count: "3", first: "", every: "month" as const, days: "30", mode: "hand" as const };
    const msg = (rows: { date: string; amount: string }[]) => {
      const p = previewSchedule({ ...base, rows }, fen(300_000), AS_OF, "zh-CN");
      return p && !p.ok ? p.message : null;
    };
    expect(msg([{ date: "2026-12-15", amount: "1000" }, { date: "2027-01-15", amount: "1999.99" }])).toBe("各期金额合计 2,999.99 不等于承诺金额 3,000.00");
    expect(msg([{ date: "2026-12-15", amount: "1000" }, { date: "", amount: "2000" }])).toBe("请填写第 2 期日期，如 2026-12-15");
    expect(msg([{ date: "2026-12-15", amount: "abc" }])).toBe("第 1 期金额应为大于零的数字，如 5000 或 5000.50");
    expect(msg([{ date: "2026-11-30", amount: "3000" }])).toBe("第一期日期不能早于账龄日期 2026-12-01");
    expect(msg([{ date: "2027-01-15", amount: "1000" }, { date: "2026-12-15", amount: "2000" }])).toBe("第 2 期的日期不晚于上一期");
  });

  test("逐期填写: generates the commitment with the typed installments as they were", async () => {
    const { pane, hook } = await setUp();
    await step(() =>
      hook.current.collect.setPromise({
        dealer: "甲公司",
        mode: "hand",
        rows: [
          { date: "2026-12-20", amount: "500.50" },
          { date: "2027-02-01", amount: "2,499.50" },
        ],
      }),
    );
    const p = hook.current.collect.preview;
    expect(p && p.ok ? p.installments.map((i) => [i.n, i.date, i.amount, i.cumulative]) : p).toEqual([
      [1, "2026-12-20", 50_050, 50_050],
      [2, "2027-02-01", 249_950, 300_000],
    ]);
    expect(hook.current.collect.canPromise).toBe(true);
    await step(() => hook.current.collect.generatePromise());
    await until(() => hook.current.collect.promiseRun !== null);
    const run = hook.current.collect.promiseRun!;
    expect(run.commitment.installments.map((i) => [i.date, i.amount])).toEqual([
      ["2026-12-20", 50_050],
      ["2027-02-01", 249_950],
    ]);
    const plan = await pane.port.readSheet("还款计划");
    expect(plan.values.slice(1).map((r) => [r[0], r[2], r[4]])).toEqual([
      ["CN-202612-0001", 1, 500.5],
      ["CN-202612-0001", 2, 2499.5],
    ]);

    // A row that breaks the sum turns the button off: nothing half-typed is written.
    await step(() => hook.current.collect.setPromise({ rows: [{ date: "2026-12-20", amount: "500" }] }));
    expect(hook.current.collect.canPromise).toBe(false);
  });

  test("generates the commitment: its sheet, its installments on 还款计划, a number in the register", async () => {
    const { pane, hook, selected } = await setUp();
    await step(() => hook.current.collect.setPromise({ dealer: "甲公司", count: "3", first: "2026-12-15", every: "days", days: "30" }));
    expect(hook.current.collect.canPromise).toBe(true);
    await step(() => hook.current.collect.generatePromise());
    await until(() => hook.current.collect.promiseRun !== null);
    const run = hook.current.collect.promiseRun!;
    expect(run.commitment.number).toBe("CN-202612-0001");
    expect(run.commitment.installments.map((i) => [i.date, i.amount])).toEqual([
      ["2026-12-15", 100_000],
      ["2027-01-14", 100_000],
      ["2027-02-13", 100_000],
    ]);
    expect(run.sheet).toBe("还款承诺书 CN-202612-0001");
    expect(await sheetNames(pane)).toEqual(expect.arrayContaining(["还款承诺书 CN-202612-0001", "还款计划", "函证登记簿"]));
    expect(selected[selected.length - 1]).toEqual({ sheet: "还款承诺书 CN-202612-0001", row: 1, column: 1 });
    const plan = await pane.port.readSheet("还款计划");
    expect(plan.values.slice(1).map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ["CN-202612-0001", "甲公司", 1, 1000],
      ["CN-202612-0001", "甲公司", 2, 1000],
      ["CN-202612-0001", "甲公司", 3, 1000],
    ]);
  });

  test("choosing another dealer drops the typed amount; a refused run is reported", async () => {
    const { pane, hook } = await setUp({
      useCases: { runPromise: async () => ({ ok: false, problem: { code: "dealer_not_found", message: msg("collect.promise.dealer_not_found", { dealer: "甲公司", sheet: "明细账", dealers: "乙公司" }) } }) },
    });
    await step(() => hook.current.collect.setPromise({ dealer: "甲公司", amount: "100", first: "2026-12-15" }));
    await step(() => hook.current.collect.setPromise({ dealer: "乙公司" }));
    expect(hook.current.collect.promise.amount).toBe("");
    expect(hook.current.collect.openBalance).toBe(50_000);
    await step(() => hook.current.collect.generatePromise());
    const refused = pane.reported.find((x) => x.key === COLLECT_MESSAGE.promise)!;
    expect(refused.text(STRINGS["zh-CN"])).toBe("台账“明细账”中没有经销商“甲公司”（有：乙公司）");
    expect(refused.text(STRINGS["en-US"])).toBe('no dealer "甲公司" in "明细账" (dealers: 乙公司)');
    expect(hook.current.collect.promiseRun).toBeNull();
  });
});

describe("the 时效 column and filter", () => {
  test("action lines carry each item's limitation; the filter keeps those ending within 180 days or expired", async () => {
    const { hook } = await setUp();
    const lines = actionLines(hook.current.aging.run!.report, "zh-CN");
    const byRef = Object.fromEntries(lines.map((l) => [l.ref, l.limitation && [l.limitation.status, l.limitation.expires]]));
    expect(byRef["XS-001"]).toEqual(["expired", "2026-07-01"]);
    expect(byRef["XS-050"]).toEqual(["expiring", "2027-02-09"]);
    expect(byRef["XS-101"]).toEqual(["running", "2029-08-31"]);
    expect(filterByLimitation(lines, "expiring").map((l) => l.ref)).toEqual(["XS-050"]);
    expect(filterByLimitation(lines, "expired").map((l) => l.ref)).toEqual(["XS-001"]);
    expect(filterByLimitation(lines, "all")).toHaveLength(lines.length);
  });
});

describe("while the view ages one dealer", () => {
  test("all past their final deadline means the dealer shown", async () => {
    const pane = makePane([LEDGER]);
    const calls: unknown[] = [];
    const hook = await renderHook(
      pane,
      () => {
        const aging = useAgingRun({ ledger: "明细账", generation: 0, report: pane.report, clear: pane.clear, onGoTo: () => undefined });
        const collect = useCollect({ ledger: "明细账", run: aging.run, dealer: aging.dealer, report: pane.report, clear: pane.clear, onGoTo: () => undefined });
        return { aging, collect };
      },
      { useCases: { runDemands: async (req) => (calls.push(req.dealers), { ok: false, problem: { code: "nothing_owed", message: msg("collect.ledger_unreadable", { sheet: "x" }) } }) } },
    );
    await step(() => hook.current.aging.choose({ asOf: AS_OF }));
    await step(() => hook.current.aging.chooseDealer("甲公司"));
    await until(() => hook.current.aging.status.state === "done" && hook.current.aging.dealer === "甲公司" && hook.current.collect.pastFinal.length === 1);
    await step(() => hook.current.collect.setDemand({ target: { pastFinal: true } }));
    await step(() => hook.current.collect.generateDemands());
    expect(calls).toEqual([{ names: ["甲公司"] }]);
  });
});

describe("the forms outlive a switch of views", () => {
  test("what was typed into the 催款函 and 还款承诺书 forms and the 时效 filter come back when the view shows again", async () => {
    const { pane, hook } = await setUp();
    await step(() => hook.current.collect.setDemand({ target: { dealer: "甲公司" }, level: 3, deadlineDays: "10" }));
    await step(() => hook.current.collect.setPromise({ dealer: "乙公司", amount: "400", count: "2", first: "2026-12-20", mode: "hand", rows: [{ date: "2026-12-20", amount: "150" }, { date: "2027-01-20", amount: "250" }] }));
    await step(() => hook.current.collect.setFilter("expiring"));
    await hook.unmount();

    // The view shown again, as after a switch to 对账 and back: a new hook over the same pane store.
    const again = await renderHook(pane, () => {
      const aging = useAgingRun({ ledger: "明细账", generation: 0, report: pane.report, clear: pane.clear, onGoTo: () => undefined });
      const collect = useCollect({ ledger: "明细账", run: aging.run, report: pane.report, clear: pane.clear, onGoTo: () => undefined });
      return { aging, collect };
    });
    await until(() => again.current.aging.status.state === "done");
    expect(again.current.collect.demand).toEqual({ target: { dealer: "甲公司" }, level: 3, deadlineDays: "10" });
    expect(again.current.collect.promise).toMatchObject({ dealer: "乙公司", amount: "400", count: "2", first: "2026-12-20", mode: "hand" });
    expect(again.current.collect.promise.rows).toEqual([{ date: "2026-12-20", amount: "150" }, { date: "2027-01-20", amount: "250" }]);
    expect(again.current.collect.filter).toBe("expiring");
    expect(again.current.collect.canDemand).toBe(true);
    expect(again.current.collect.preview).toMatchObject({ ok: true, amount: 40_000 });
  });
});

describe("the forms when the ledger changes", () => {
  const OTHER: FixtureSheet = { name: "另一本账", rows: [["日期", "客户", "单号", "摘要", "借方", "贷方"], ["2026-11-01", "戊公司", "XS-901", "销售", 800, null]] };

  test("a dealer and amount chosen for one ledger are dropped for another sheet, or for monthly sheets read as one; the rest is kept", async () => {
    const pane = makePane([LEDGER, OTHER]);
    let ledger = "明细账";
    let sheets: string[] | undefined;
    const hook = await renderHook(pane, () => {
      const aging = useAgingRun({ ledger, generation: 0, report: pane.report, clear: pane.clear, onGoTo: () => undefined });
      const collect = useCollect({ ledger, ledgerSheets: sheets, run: aging.run, report: pane.report, clear: pane.clear, onGoTo: () => undefined });
      return { aging, collect };
    });
    await step(() => hook.current.aging.choose({ asOf: AS_OF }));
    await until(() => hook.current.aging.status.state === "done");
    await step(() => hook.current.collect.setDemand({ target: { dealer: "甲公司" }, level: 3, deadlineDays: "10" }));
    await step(() => hook.current.collect.setPromise({ dealer: "甲公司", amount: "400", count: "2", first: "2026-12-20" }));
    await step(() => hook.current.collect.setFilter("expiring"));

    ledger = "另一本账";
    await hook.rerender();
    await until(() => hook.current.aging.status.state === "done" && hook.current.aging.run!.report.dealers[0]?.dealer === "戊公司");
    expect(hook.current.collect.demand).toEqual({ target: null, level: 3, deadlineDays: "10" });
    expect(hook.current.collect.promise).toMatchObject({ dealer: null, amount: "", count: "2", first: "2026-12-20" });
    expect(hook.current.collect.filter).toBe("expiring");
    expect(hook.current.collect.openBalance).toBeNull();
    // What is chosen now belongs to this ledger and stays with it.
    await step(() => hook.current.collect.setPromise({ dealer: "戊公司" }));
    await hook.rerender();
    expect(hook.current.collect.promise).toMatchObject({ dealer: "戊公司", count: "2" });

    // The same first sheet read with the monthly sheets after it is another ledger.
    sheets = ["另一本账", "明细账"];
    await hook.rerender();
    expect(hook.current.collect.promise).toMatchObject({ dealer: null, amount: "", count: "2", first: "2026-12-20" });
    // "All past their final deadline" is no dealer's: kept.
    await step(() => hook.current.collect.setDemand({ target: { pastFinal: true } }));
    sheets = undefined;
    ledger = "明细账";
    await hook.rerender();
    expect(hook.current.collect.demand).toEqual({ target: { pastFinal: true }, level: 3, deadlineDays: "10" });
    await hook.unmount();
  });
});
