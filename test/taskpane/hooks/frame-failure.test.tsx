/**
 * The frame (header, tabs, messages) leaves the message tables out of the pane's first load. A failure it
 * reports that the port said more about (which file or sheet, what went wrong, what to do) shows the pane's
 * text for its kind until the tables come, then what the port said: the tables are fetched on such a failure,
 * and the message list renders again when they are here. Nothing in this file loads ./failure, which brings them.
 */
import { msg } from "../../../src/core/messages";
import { render } from "../../../src/messages/render";
import { PortError } from "../../../src/port/workbook";
import { useMessageTables } from "../../../src/taskpane/components/MessageList";
import { loadMessageTables, messageFromError, messageTablesLoaded, type PaneMessage } from "../../../src/taskpane/messages";
import { makePane, renderHook, STRINGS, until } from "./harness";

const zh = STRINGS["zh-CN"];
const en = STRINGS["en-US"];

test("a failure the frame reports says the pane's text for its kind until the message tables come, then what the port said, in either language", async () => {
  const said = msg("xlsx.too_large", { file: "回款.xlsx", why: msg("xlsx.too_large.total", { limit: "200 MB" }) });
  let shown: PaneMessage | null = null;
  // A component of the frame showing the message, as the message list does.
  const hook = await renderHook(makePane([]), () => {
    const loaded = useMessageTables();
    return { loaded, zh: shown?.text(zh) ?? null };
  });
  expect(messageTablesLoaded()).toBe(false);
  expect(hook.current).toEqual({ loaded: false, zh: null });

  shown = messageFromError(new PortError("too_large", "回款.xlsx", said), "load");
  // Before the tables are here: the pane's own text for a failure of this kind.
  expect(shown.text(zh)).toBe(zh.portError("too_large", "回款.xlsx"));
  expect(shown.text(en)).toBe(en.portError("too_large", "回款.xlsx"));

  // The failure asked for the tables; when they come, the frame renders again and says what the port said.
  await until(() => hook.current.loaded);
  expect(hook.current.zh).toBe(render(said, "zh-CN"));
  const english = render(said, "en-US");
  expect(shown.text(en)).toBe(english.charAt(0).toUpperCase() + english.slice(1));
  await loadMessageTables();

  // A failure the port said nothing more about keeps the pane's text for its kind.
  expect(messageFromError(new PortError("no_sheet", "美达对账单")).text(zh)).toBe(zh.portError("no_sheet", "美达对账单"));
});
