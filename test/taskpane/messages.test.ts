import { msg } from "../../src/core/messages";
import { render } from "../../src/messages/render";
import { PortError } from "../../src/port/workbook";
import { messageFromFailure } from "../../src/taskpane/failure";
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

  test("what the port said about a failure is shown in the user's language, instead of the text for its kind", () => {
    const said = msg("xlsx.too_large", { file: "回款.xlsx", why: msg("xlsx.too_large.total", { limit: "200 MB" }) });
    const m = messageFromFailure(new PortError("too_large", "回款.xlsx", said), "read");
    expect(m.key).toBe("read");
    expect(m.intent).toBe("error");
    expect(m.text(zh)).toContain("回款.xlsx");
    expect(m.text(zh)).toContain("200 MB");
    expect(m.text(zh)).not.toBe(zh.portError("too_large", "回款.xlsx"));
    expect(m.text(en)).toBe(render(said, "en-US"));
    // An English text made to follow `duizhang:` starts a sentence in the pane.
    const readOnly = msg("port.read_only", { sheet: "回款", kind: msg("port.kind.csv", {}), action: msg("port.action.results", {}) });
    expect(render(readOnly, "en-US")).toMatch(/^sheet "回款"/);
    expect(messageFromFailure(new PortError("unsupported", "回款", readOnly)).text(en)).toBe(`S${render(readOnly, "en-US").slice(1)}`);
    expect(messageFromFailure(new PortError("unsupported", "回款", readOnly)).text(zh)).toBe(render(readOnly, "zh-CN"));
    // From another bundle, by its shape, the same.
    const foreign = Object.assign(new Error("too_large: 回款.xlsx"), { name: "PortError", code: "too_large", detail: "回款.xlsx", said });
    expect(messageFromFailure(foreign).text(zh)).toBe(m.text(zh));
    // A foreign one whose `said` is not a message (no parameters) keeps the pane's text for its kind.
    const odd = Object.assign(new Error("too_large: 回款.xlsx"), { name: "PortError", code: "too_large", detail: "回款.xlsx", said: { code: "xlsx.too_large", params: null } });
    expect(messageFromFailure(odd).text(zh)).toBe(zh.portError("too_large", "回款.xlsx"));
    // A port error that says nothing more keeps the pane's text for its kind.
    expect(messageFromFailure(new PortError("no_sheet", "美达对账单")).text(zh)).toBe(zh.portError("no_sheet", "美达对账单"));
  });

  test("what the port said is rendered in the language the strings say they are in, not by which object they are", () => {
    const said = msg("port.read_only", { sheet: "回款", kind: msg("port.kind.csv", {}), action: msg("port.action.results", {}) });
    const m = messageFromFailure(new PortError("unsupported", "回款", said));
    // A copy of the English strings (a view's own table built from them, a test's stand-in) is still English.
    const english = { ...en };
    expect(english.locale).toBe("en-US");
    expect(m.text(english)).toBe(m.text(en));
    expect(m.text(english)).toMatch(/^Sheet "回款"/);
    expect(m.text({ ...zh })).toBe(render(said, "zh-CN"));
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
