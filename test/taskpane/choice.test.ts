import type { SheetInfo } from "../../src/port/workbook";
import { STRINGS } from "../../src/taskpane/i18n";
import { applyChoice, checkChoice, choiceFromSetting, keepUsable, NO_CHOICE } from "../../src/taskpane/choice";

const sheet = (name: string, rowCount: number, columnCount: number): SheetInfo => ({
  name,
  rowCount,
  columnCount,
  top: 1,
  left: 1,
  visible: true,
});

const SHEETS = [sheet("应收明细账", 31, 8), sheet("美达对账单", 24, 6), sheet("Sheet3", 0, 0)];
const zh = STRINGS["zh-CN"];

describe("choosing the ledger and the statement", () => {
  test("any sheet with data can be the ledger", () => {
    expect(checkChoice(SHEETS, NO_CHOICE, "ledger", "应收明细账")).toBeNull();
    expect(applyChoice(NO_CHOICE, "ledger", "应收明细账")).toEqual({ ledger: "应收明细账", statement: null });
  });

  test("an empty sheet is refused with a message naming it", () => {
    const problem = checkChoice(SHEETS, NO_CHOICE, "statement", "Sheet3");
    expect(problem?.intent).toBe("error");
    expect(problem?.key).toBe("choice-statement");
    expect(problem?.text(zh)).toBe("工作表「Sheet3」是空的，请选择有数据的工作表。");
  });

  test("the statement cannot be the sheet already chosen as the ledger", () => {
    const choice = { ledger: "应收明细账", statement: null };
    const problem = checkChoice(SHEETS, choice, "statement", "应收明细账");
    expect(problem?.text(zh)).toBe("台账和对账单选了同一个工作表「应收明细账」，请为对账单另选一个工作表。");
    expect(problem?.text(STRINGS["en-US"])).toBe(
      'The ledger and the statement are the same sheet, "应收明细账". Choose another sheet for the statement.',
    );
  });

  test("a sheet that disappeared since the list was read is refused as not found", () => {
    expect(checkChoice(SHEETS, NO_CHOICE, "ledger", "已删除")?.text(zh)).toBe(
      "找不到工作表「已删除」，它可能已被重命名或删除。请点“刷新列表”后重新选择。",
    );
  });
});

describe("keeping the choice when the sheets change", () => {
  test("choices whose sheet was deleted or emptied are forgotten, the others kept", () => {
    const choice = { ledger: "应收明细账", statement: "美达对账单" };
    expect(keepUsable(choice, [sheet("应收明细账", 31, 8)])).toEqual({ ledger: "应收明细账", statement: null });
    expect(keepUsable(choice, [sheet("应收明细账", 0, 0), sheet("美达对账单", 24, 6)])).toEqual({
      ledger: null,
      statement: "美达对账单",
    });
  });

  test("a saved choice comes back when its sheets still exist", () => {
    expect(choiceFromSetting({ ledger: "应收明细账", statement: "美达对账单" }, SHEETS)).toEqual({
      ledger: "应收明细账",
      statement: "美达对账单",
    });
  });

  test("a malformed or stale saved choice counts as no choice", () => {
    expect(choiceFromSetting(undefined, SHEETS)).toEqual(NO_CHOICE);
    expect(choiceFromSetting("应收明细账", SHEETS)).toEqual(NO_CHOICE);
    expect(choiceFromSetting({ ledger: 3, statement: "不存在" }, SHEETS)).toEqual(NO_CHOICE);
    expect(choiceFromSetting({ ledger: "美达对账单", statement: "美达对账单" }, SHEETS)).toEqual({
      ledger: "美达对账单",
      statement: null,
    });
  });
});
