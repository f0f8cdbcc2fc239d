import { EMPTY_PANE, reducePane } from "../../src/taskpane/store";

describe("the pane store's 函证 choices", () => {
  test("为该经销商生成对账函 picks that dealer at the reconciliation's cut-off and asks the pane to show the view", () => {
    const chosen = reducePane(EMPTY_PANE, { type: "letters/choose", choices: { asOf: "2026-12-01", template: "sheet:我的对账函" } });
    const opened = reducePane(chosen, { type: "letters/open", dealers: ["杭州美达商贸有限公司"], asOf: "2026-10-31" });
    expect(opened.letters).toEqual({ asOf: "2026-10-31", template: "sheet:我的对账函", mode: "picked", picked: ["杭州美达商贸有限公司"], opened: 1 });
    const twice = reducePane(opened, { type: "letters/open", dealers: ["温州瑞丰五金经营部"] });
    expect(twice.letters).toMatchObject({ asOf: "2026-10-31", picked: ["温州瑞丰五金经营部"], opened: 2 });
  });

  test("without a choice yet the view starts from the built-in 积极式, every dealer with a balance", () => {
    const first = reducePane(EMPTY_PANE, { type: "letters/choose", choices: { asOf: "2026-12-01" } });
    expect(first.letters).toEqual({ asOf: "2026-12-01", template: "builtin:positive", mode: "all", picked: [], opened: 0 });
  });
});
