import { PortError } from "../../src/port/workbook";
import { STRINGS } from "../../src/taskpane/i18n";
import { messageFromError, withMessage, withoutMessage, type PaneMessage } from "../../src/taskpane/messages";

const zh = STRINGS["zh-CN"];
const en = STRINGS["en-US"];

describe("errors as pane messages", () => {
  test("a port error is told in the user's language, naming the sheet", () => {
    const m = messageFromError(new PortError("too_large", "发货回款登记"), "read");
    expect(m.key).toBe("read");
    expect(m.intent).toBe("error");
    expect(m.text(zh)).toBe("「发货回款登记」的数据太多，超出了 Excel 一次能传送的大小。请缩小范围后再试。");
    expect(m.text(en)).toBe('"发货回款登记" holds more data than Excel can send at once. Use a smaller range and try again.');
  });

  test("a port error from another bundle is recognised by its shape", () => {
    const foreign = Object.assign(new Error("no_sheet: 美达对账单"), { name: "PortError", code: "no_sheet", detail: "美达对账单" });
    expect(messageFromError(foreign).text(en)).toBe(
      'Sheet "美达对账单" was not found; it may have been renamed or deleted. Click "Refresh list" and choose again.',
    );
  });

  test("anything else is shown as unexpected, with its text for support", () => {
    expect(messageFromError(new TypeError("x is undefined")).text(zh)).toBe(
      "意外错误：x is undefined。请重试；如果问题仍在，请把这段文字发给技术支持。",
    );
    expect(messageFromError("GeneralException").text(en)).toBe(
      "Unexpected error: GeneralException. Try again; if it persists, send this text to support.",
    );
  });
});

describe("the message list", () => {
  const a: PaneMessage = { key: "a", intent: "error", text: () => "first" };
  const a2: PaneMessage = { key: "a", intent: "warning", text: () => "again" };
  const b: PaneMessage = { key: "b", intent: "info", text: () => "other" };

  test("the same problem raised again replaces itself instead of stacking up", () => {
    expect(withMessage(withMessage([a, b], a2), b).map((m) => [m.key, m.intent])).toEqual([
      ["a", "warning"],
      ["b", "info"],
    ]);
  });

  test("dismissing removes only that message", () => {
    expect(withoutMessage([a, b], "a")).toEqual([b]);
  });
});
