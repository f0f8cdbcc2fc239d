/** The 函证 workflow (useLettersRun) over the office-js adapter on the fake Excel, without a browser. */
import { msg } from "../../../src/core/messages";
import { render } from "../../../src/messages/render";
import { PortError, type Selection } from "../../../src/port/workbook";
import { STRINGS } from "../../../src/taskpane/i18n";
import { LETTERS_MESSAGE, searchDealers, useLettersRun, type LettersRunView } from "../../../src/taskpane/letters/useLettersRun";
import { asSentence } from "../../../src/taskpane/letters/LettersView";
import type { Locale } from "../../../src/taskpane/i18n";
import type { UseCases } from "../../../src/taskpane/use-cases";
import type { FixtureSheet } from "../../../src/fake-excel";
import { makePane, renderHook, step, until, type Pane, type Rendered } from "./harness";

const LEDGER: FixtureSheet = {
  name: "应收明细",
  rows: [
    ["日期", "客户名称", "单号", "摘要", "借方", "贷方"],
    ["2026-10-08", "杭州美达商贸有限公司", "XS-1", "销售出库", 107000.53, null],
    ["2026-10-12", "嘉兴恒通家电", "XS-2", "销售出库", 1409.5, null],
    ["2026-10-20", "宁波顺和电器", "XS-3", "销售出库", 5000, null],
    ["2026-11-05", "宁波顺和电器", "SK-1", "收款", null, 5000],
  ],
};
const COMPANY: FixtureSheet = {
  name: "本公司信息",
  rows: [
    ["项目", "内容"],
    ["公司名称", "浙江恒达电器有限公司"],
    ["地址", "杭州市余杭区恒达路 18 号"],
    ["联系人", "陈静"],
    ["电话", "0571-88886021"],
    ["开户行", "工商银行余杭支行"],
    ["账号", "1202021009200012345"],
  ],
};

interface Setup {
  pane: Pane;
  hook: Rendered<LettersRunView>;
  selected: Selection[];
}

async function setUp(sheets: FixtureSheet[] = [LEDGER, COMPANY], useCases: Partial<UseCases> = {}, pane = makePane(sheets)): Promise<Setup> {
  const selected: Selection[] = [];
  const hook = await renderHook(
    pane,
    () => useLettersRun({ ledger: "应收明细", report: pane.report, clear: pane.clear, onGoTo: (t) => selected.push(t), today: "2026-12-01" }),
    { useCases },
  );
  await until(() => hook.current.company.state !== "checking" && hook.current.check.state !== "checking" && hook.current.register !== null && hook.current.dealerList !== null);
  return { pane, hook, selected };
}

async function asOf(hook: Rendered<LettersRunView>, date = "2026-11-30"): Promise<void> {
  await step(() => hook.current.choose({ asOf: date }));
}

describe("the 函证 workflow", () => {
  test("opens with the company details found, the built-in 积极式 checked, today's date, the ledger's dealers and no register yet", async () => {
    const { hook } = await setUp();
    expect(hook.current.company).toEqual({ state: "done", sheet: "本公司信息", warnings: [] });
    expect(hook.current.choices).toMatchObject({ template: "builtin:positive", mode: "all", asOf: "2026-12-01" });
    expect(hook.current.check).toEqual({ state: "ok" });
    expect(hook.current.dealerList).toEqual(["杭州美达商贸有限公司", "嘉兴恒通家电", "宁波顺和电器"]);
    expect(hook.current.register).toBe("none");
    expect(hook.current.canGenerate).toBe(true);
  });

  test("without 本公司信息 it says the company lines are left to fill by hand, and still lets letters be made", async () => {
    const { hook } = await setUp([LEDGER]);
    expect(hook.current.company.state).toBe("done");
    if (hook.current.company.state !== "done") return;
    expect(hook.current.company.sheet).toBeNull();
    expect(hook.current.company.warnings.join()).toContain("本公司信息");
    expect(hook.current.canGenerate).toBe(true);
  });

  test("generates one letter per dealer with a balance, skips the zero one, and the register summary counts them", async () => {
    const { hook, selected } = await setUp();
    await asOf(hook);
    await step(() => hook.current.generate());
    await until(() => hook.current.status.state === "done" && hook.current.register !== "none");
    const status = hook.current.status;
    if (status.state !== "done") throw new Error(status.state);
    expect(status.run.sheet).toBe("对账函 2026-11-30");
    expect(status.run.letters.map((l) => [l.number, l.dealer, l.balance])).toEqual([
      ["DZ-202611-0001", "杭州美达商贸有限公司", "107000.53"],
      ["DZ-202611-0002", "嘉兴恒通家电", "1409.50"],
    ]);
    expect(status.run.skipped.map((k) => [k.dealer, k.code])).toEqual([["宁波顺和电器", "zero_balance"]]);
    const register = hook.current.register;
    if (register === null || register === "none" || "failed" in register) throw new Error("no register");
    expect(register.sheet).toBe("函证登记簿");
    expect(register.status.counts).toMatchObject({ letters: 2, sent: 0, confirmed: 0, mismatched: 0, overdue: 0 });
    // One click from a letter to its rows in the letters sheet.
    const first = status.run.letters[0];
    await step(() => hook.current.goTo({ sheet: first.sheet, row: first.firstRow, rowEnd: first.lastRow }));
    expect(selected).toEqual([{ sheet: "对账函 2026-11-30", row: first.firstRow, rowEnd: first.lastRow }]);
    expect(first.firstRow).toBe(1);
  });

  test("the letters made outlive a switch of views: shown again from the pane store", async () => {
    const { pane, hook } = await setUp();
    await asOf(hook);
    await step(() => hook.current.generate());
    await until(() => hook.current.status.state === "done");
    await hook.unmount();
    const again = await renderHook(pane, () => useLettersRun({ ledger: "应收明细", report: pane.report, clear: pane.clear, onGoTo: () => undefined, today: "2026-12-01" }));
    expect(again.current.status.state).toBe("done");
    if (again.current.status.state !== "done") return;
    expect(again.current.status.run.letters.map((l) => l.number)).toEqual(["DZ-202611-0001", "DZ-202611-0002"]);
    expect(again.current.choices.asOf).toBe("2026-11-30");
    await again.unmount();
  });

  test("runs with the ledger, cut-off, today as 发函日期, a cancel signal and stage reports: reading, generating, writing", async () => {
    const { runLetters: real } = await import("../../../src/app/letters");
    const stages: string[] = [];
    let signal: AbortSignal | undefined;
    const runLetters: UseCases["runLetters"] = (req, control) => {
      signal = control?.signal;
      expect(req).toMatchObject({ ledger: { sheet: "应收明细" }, asOf: "2026-11-30", sendDate: "2026-12-01", dealers: { all: true }, template: { builtin: "positive" }, lang: "zh-CN" });
      return real(req, { ...control, onStage: (stage, done, total) => (stages.push(stage), control?.onStage?.(stage, done, total)) });
    };
    const { hook } = await setUp(undefined, { runLetters });
    await asOf(hook);
    await step(() => hook.current.generate());
    await until(() => hook.current.status.state === "done");
    expect(signal).toBeDefined();
    expect([...new Set(stages)]).toEqual(["reading", "generating", "writing"]);
    expect(hook.current.running).toBe(false);
  });

  test("a dealer opened from the reconcile results is the one picked, and only its letter is made", async () => {
    const pane = makePane([LEDGER, COMPANY]);
    pane.store.dispatch({ type: "letters/open", dealers: ["嘉兴恒通家电"], asOf: "2026-11-30" });
    const { hook } = await setUp(undefined, {}, pane);
    expect(hook.current.choices).toMatchObject({ mode: "picked", picked: ["嘉兴恒通家电"], asOf: "2026-11-30", opened: 1 });
    await step(() => hook.current.generate());
    await until(() => hook.current.status.state === "done");
    const status = hook.current.status;
    if (status.state !== "done") throw new Error(status.state);
    expect(status.run.letters.map((l) => l.dealer)).toEqual(["嘉兴恒通家电"]);
  });

  test("picking by hand: nothing picked cannot run; a toggle picks and unpicks; the search narrows the list", async () => {
    const { hook } = await setUp();
    await asOf(hook);
    await step(() => hook.current.choose({ mode: "picked" }));
    expect(hook.current.canGenerate).toBe(false);
    await step(() => hook.current.togglePicked("宁波顺和电器"));
    await step(() => hook.current.togglePicked("杭州美达商贸有限公司"));
    await step(() => hook.current.togglePicked("宁波顺和电器"));
    expect(hook.current.choices.picked).toEqual(["杭州美达商贸有限公司"]);
    expect(hook.current.canGenerate).toBe(true);
    expect(searchDealers(hook.current.dealerList!, "恒 通")).toEqual(["嘉兴恒通家电"]);
  });

  test("'just reconciled' cannot run before any reconciliation in the pane", async () => {
    const { hook } = await setUp();
    await step(() => hook.current.choose({ mode: "reconciled" }));
    expect(hook.current.reconciled).toEqual([]);
    expect(hook.current.canGenerate).toBe(false);
  });

  test("a cut-off that is not a date blocks the run", async () => {
    const { hook } = await setUp();
    await asOf(hook, "11月30日");
    expect(hook.current.asOfOk).toBe(false);
    expect(hook.current.canGenerate).toBe(false);
  });

  test("a template sheet with an unknown placeholder is refused before anything is made, naming its cell", async () => {
    const bad: FixtureSheet = { name: "我的对账函", rows: [["致：{{客户名称}}"], ["余额：{{余额}} {{不存在的字段}}"]] };
    const { hook } = await setUp([LEDGER, COMPANY, bad]);
    await step(() => hook.current.choose({ template: "sheet:我的对账函" }));
    await until(() => hook.current.check.state !== "checking");
    expect(hook.current.check.state).toBe("problems");
    if (hook.current.check.state !== "problems") return;
    expect(hook.current.check.messages.join()).toContain("A2");
    expect(hook.current.check.messages.join()).toContain("不存在的字段");
    expect(hook.current.canGenerate).toBe(false);
  });

  test("writes a built-in template into the workbook on request and chooses that sheet; asked again, it is not written twice", async () => {
    const { pane, hook } = await setUp();
    await step(() => hook.current.writeBuiltin("negative"));
    await until(() => hook.current.check.state === "ok" && !hook.current.writing);
    expect(hook.current.choices.template).toBe("sheet:对账函（消极式）");
    expect((await pane.port.listSheets()).map((s) => s.name)).toContain("对账函（消极式）");
    await step(() => hook.current.writeBuiltin("negative"));
    await until(() => !hook.current.writing);
    expect((await pane.port.listSheets()).filter((s) => s.name.startsWith("对账函（消极式）"))).toHaveLength(1);
    expect(pane.reported.filter((m) => m.key === LETTERS_MESSAGE.builtin)).toHaveLength(2);
  });

  test("cancel stops the run: the view says so and nothing is reported as failed", async () => {
    let started!: () => void;
    const began = new Promise<void>((resolve) => (started = resolve));
    const runLetters: UseCases["runLetters"] = (_req, control) =>
      new Promise((_resolve, reject) => {
        control?.onStage?.("generating", 1, 3);
        started();
        control?.signal?.addEventListener("abort", () => reject(new PortError("cancelled", "letters")));
      });
    const { pane, hook } = await setUp(undefined, { runLetters });
    await asOf(hook);
    let done!: Promise<void>;
    await step(() => {
      done = hook.current.generate();
    });
    await began;
    await until(() => hook.current.running);
    expect(hook.current.status).toMatchObject({ state: "running", stage: "generating", done: 1, total: 3 });
    expect(hook.current.canGenerate).toBe(false);
    await step(() => hook.current.cancel());
    await step(() => done);
    expect(hook.current.status).toEqual({ state: "cancelled" });
    expect(pane.reported.filter((m) => m.key === LETTERS_MESSAGE.run)).toEqual([]);
  });

  test("a failure of the workbook ends the run as failed, said once in the view: not also as a pane message", async () => {
    const runLetters: UseCases["runLetters"] = async () => {
      throw new PortError("too_large", "对账函 2026-11-30");
    };
    const { pane, hook } = await setUp(undefined, { runLetters });
    await asOf(hook);
    await step(() => hook.current.generate());
    const status = hook.current.status;
    if (status.state !== "failed") throw new Error(`not failed: ${status.state}`);
    // The body is the failure as the pane says it, whole; the view's title says what failed.
    expect(status.message(STRINGS["zh-CN"])).toBe(STRINGS["zh-CN"].portError("too_large", "对账函 2026-11-30"));
    expect(status.message(STRINGS["en-US"])).toBe(STRINGS["en-US"].portError("too_large", "对账函 2026-11-30"));
    expect(pane.reported.filter((m) => m.key === LETTERS_MESSAGE.run)).toEqual([]);
  });

  test("a failure the port said more about is shown as the port said it, in the pane's language, in the view", async () => {
    const said = msg("port.read_only", { sheet: "函证登记簿", kind: msg("port.kind.xls", {}), action: msg("port.action.results", {}) });
    const runLetters: UseCases["runLetters"] = async () => {
      throw new PortError("unsupported", "函证登记簿", said);
    };
    const readRegisterStatus: UseCases["readRegisterStatus"] = async () => {
      throw new PortError("unsupported", "函证登记簿", said);
    };
    const { pane, hook } = await setUp(undefined, { runLetters, readRegisterStatus });
    const register = hook.current.register;
    if (register === null || register === "none" || !("failed" in register)) throw new Error("the register did not fail");
    expect(register.failed(STRINGS["zh-CN"])).toBe(render(said, "zh-CN"));
    await asOf(hook);
    await step(() => hook.current.generate());
    const status = hook.current.status;
    if (status.state !== "failed") throw new Error(`not failed: ${status.state}`);
    expect(status.message(STRINGS["zh-CN"])).toBe(render(said, "zh-CN"));
    // The text follows a switch of language: the English text, as a sentence.
    const en = render(said, "en-US");
    expect(status.message(STRINGS["en-US"])).toBe(en.charAt(0).toUpperCase() + en.slice(1));
    expect(status.message(STRINGS["zh-CN"])).not.toBe(STRINGS["zh-CN"].portError("unsupported", "函证登记簿"));
    expect(pane.reported.filter((m) => m.key === LETTERS_MESSAGE.run)).toEqual([]);
  });

  test.each(["zh-CN", "en-US"] as const)("the run's warnings are listed as sentences, the formats an older Excel cannot copy among them (%s)", async (locale: Locale) => {
    // Excel 2019 and no 本公司信息: two of the run's own texts, made to follow a label on the command line.
    const pane = makePane([LEDGER], { apiVersion: "1.7" });
    const hook = await renderHook(pane, () => useLettersRun({ ledger: "应收明细", report: pane.report, clear: pane.clear, onGoTo: () => undefined, today: "2026-12-01" }), { locale });
    await until(() => hook.current.company.state !== "checking" && hook.current.check.state !== "checking" && hook.current.register !== null);
    await asOf(hook);
    await step(() => hook.current.generate());
    await until(() => hook.current.status.state === "done");
    const status = hook.current.status;
    if (status.state !== "done") throw new Error(status.state);
    expect(status.run.formatsCarried).toBe(false);
    const listed = status.run.warnings.map((w) => asSentence(render(w, locale)));
    expect(listed.filter((w) => (locale === "zh-CN" ? w.includes("不能复制格式") : w.includes("cannot copy formats")))).toHaveLength(1);
    expect(listed.filter((w) => w.includes("本公司信息"))).toHaveLength(1);
    for (const w of listed) {
      if (locale === "en-US") expect(w).toMatch(/^[A-Z"].*\.$/s);
      else expect(w).toMatch(/。$/);
    }
  });

  test("a register it cannot write to (a sheet of that name that is not a register) refuses the run with the reason", async () => {
    const notRegister: FixtureSheet = { name: "函证登记簿", rows: [["随便写的"]] };
    const { hook } = await setUp([LEDGER, COMPANY, notRegister]);
    await asOf(hook);
    await step(() => hook.current.generate());
    await until(() => hook.current.status.state !== "running");
    expect(hook.current.status.state).toBe("refused");
    if (hook.current.status.state !== "refused") return;
    expect(hook.current.status.messages.map((m) => render(m, "zh-CN")).join()).toContain("函证登记簿");
  });

  test("the register's replies: 相符, 不符 with the dealer's amount, and letters overdue", async () => {
    const register: FixtureSheet = {
      name: "函证登记簿",
      rows: [
        ["编号", "类型", "客户名称", "截至日期", "金额", "发函日期", "发出方式", "快递单号", "回函日期", "回函结果", "对方金额", "不符原因", "备注"],
        ["DZ-202609-0001", "对账函", "杭州美达商贸有限公司", "2026-09-30", 5000, "2026-10-08", "快递", "", "2026-10-15", "相符", null, "", ""],
        ["DZ-202609-0002", "对账函", "嘉兴恒通家电", "2026-09-30", 1409.5, "2026-10-08", "快递", "", "2026-10-16", "不符", 1209.5, "一笔退货未入账", ""],
        ["DZ-202609-0003", "对账函", "宁波顺和电器", "2026-09-30", 800, "2026-10-08", "快递", "", null, "未回", null, "", ""],
      ],
    };
    const { hook } = await setUp([LEDGER, COMPANY, register]);
    const r = hook.current.register;
    if (r === null || r === "none" || "failed" in r) throw new Error("no register");
    expect(r.status.counts).toMatchObject({ letters: 3, sent: 3, confirmed: 1, mismatched: 1, overdue: 1 });
    expect(r.status.confirmed.map((c) => [c.row, c.dealer, c.acknowledgedOn])).toEqual([[2, "杭州美达商贸有限公司", "2026-10-15"]]);
    expect(r.status.mismatched.map((m) => [m.row, m.ours, m.theirs])).toEqual([[3, 140950, 120950]]);
    expect(r.status.overdue.map((o) => [o.row, o.number])).toEqual([[4, "DZ-202609-0003"]]);
  });
});
