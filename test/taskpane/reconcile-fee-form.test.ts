import { DEFAULT_OPTIONS } from "../../src/core/reconcile/types";
import { EMPTY_FORM, FORM_DEFAULTS, formFromSetting, formToSetting, optionsFromForm } from "../../src/taskpane/reconcile/form";
import { RECONCILE_STRINGS as STRINGS } from "../../src/taskpane/reconcile/strings";

describe("the fee tolerance in the pane's 高级", () => {
  test("shows the engine's default, 50 元, and runs with it without naming it", () => {
    expect(FORM_DEFAULTS.feeTolerance).toBe("50.00");
    expect(DEFAULT_OPTIONS.feeToleranceFen).toBe(5_000);
    expect(optionsFromForm(EMPTY_FORM).options).not.toHaveProperty("feeToleranceFen");
  });

  test("a typed value in yuan becomes fen; 0 turns fee pairing off", () => {
    expect(optionsFromForm({ ...EMPTY_FORM, feeTolerance: "¥1,200.5" })).toEqual({
      options: expect.objectContaining({ feeToleranceFen: 120_050 }),
      problems: {},
    });
    expect(optionsFromForm({ ...EMPTY_FORM, feeTolerance: "0" }).options.feeToleranceFen).toBe(0);
  });

  test("an amount it cannot use is named, and the run would take the default", () => {
    for (const typed of ["-5", "五十", "2000000"]) {
      const { options, problems } = optionsFromForm({ ...EMPTY_FORM, feeTolerance: typed });
      expect(problems).toEqual({ feeTolerance: "amount" });
      expect(options).not.toHaveProperty("feeToleranceFen");
    }
  });

  test("is remembered with the other tolerances when changed, and a choice saved before it existed takes the default", () => {
    const saved = formToSetting({ ...EMPTY_FORM, feeTolerance: "80" }, "应收明细账", "美达对账单");
    expect(saved.feeTolerance).toBe("80");
    expect(formFromSetting(saved, "发货回款登记", "顺和对账单").feeTolerance).toBe("80");
    expect(formToSetting(EMPTY_FORM, "应收明细账", "美达对账单")).not.toHaveProperty("feeTolerance");
    expect(formFromSetting({ tolerance: "1", daysBefore: "3", daysAfter: "4" }, null, null).feeTolerance).toBe("50.00");
  });

  test("the field's label and hint in both languages", () => {
    expect(STRINGS["zh-CN"].feeToleranceField).toBe("手续费容差（元）");
    expect(STRINGS["zh-CN"].feeToleranceHint("50.00")).toContain("银行手续费");
    expect(STRINGS["en-US"].feeToleranceHint("50.00")).toContain("0 pairs none");
  });
});
