/**
 * Renders a workflow hook in jest without a browser: react-dom's root over a stand-in container (the
 * harness component renders nothing, so React never creates an element), the pane's providers around
 * it (language, port and use cases, a pane store the test can read), and `act` around every step.
 * The port is the real office-js adapter over the fake Excel, as test/port uses it.
 */
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { createExcelWorkbook } from "../../../src/excel/workbook";
import type { WorkbookPort } from "../../../src/port/workbook";
import { LocaleProvider, ServicesProvider, type UseCases } from "../../../src/taskpane/context";
import type { Locale } from "../../../src/taskpane/i18n";
import type { PaneMessage } from "../../../src/taskpane/messages";
import { createPaneStore, PaneStoreProvider, type PaneStore } from "../../../src/taskpane/store";
import { APP_USE_CASES } from "../../../src/taskpane/use-cases";
import { FakeExcel, type FixtureSheet } from "../../../src/fake-excel";

type Listener = () => void;

/** The window events the hooks listen to (focus), fired by the test. */
const windowListeners = new Map<string, Set<Listener>>();

function installStandIns(): void {
  const g = globalThis as Record<string, unknown>;
  g.IS_REACT_ACT_ENVIRONMENT = true;
  if (g.window === undefined) {
    g.window = {
      // react-dom looks for iframes when it saves the focused element around a commit.
      HTMLIFrameElement: class {},
      addEventListener: (type: string, listener: Listener) => {
        if (!windowListeners.has(type)) windowListeners.set(type, new Set());
        windowListeners.get(type)!.add(listener);
      },
      removeEventListener: (type: string, listener: Listener) => windowListeners.get(type)?.delete(listener),
    };
  }
}

function container(): Element {
  const ignore = () => undefined;
  const doc = { nodeType: 9, addEventListener: ignore, removeEventListener: ignore };
  const element = { nodeType: 1, nodeName: "DIV", tagName: "DIV", namespaceURI: null, textContent: "", ownerDocument: doc, addEventListener: ignore, removeEventListener: ignore };
  return element as unknown as Element;
}

export interface Pane {
  excel: FakeExcel;
  port: WorkbookPort;
  store: PaneStore;
  /** Every message the pane was told to show, in order; `cleared` the keys it was told to take away. */
  reported: PaneMessage[];
  cleared: string[];
  report: (m: PaneMessage) => void;
  clear: (key: string) => void;
}

export function makePane(sheets: FixtureSheet[], options: { apiVersion?: string } = {}): Pane {
  const excel = FakeExcel.fromSheets(sheets, options);
  const port = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
  const reported: PaneMessage[] = [];
  const cleared: string[] = [];
  return {
    excel,
    port,
    store: createPaneStore(),
    reported,
    cleared,
    report: (m) => reported.push(m),
    clear: (key) => cleared.push(key),
  };
}

export interface Rendered<T> {
  /** What the hook returned at its last render. */
  readonly current: T;
  /** Every value the hook returned, first render first. */
  readonly history: T[];
  rerender(): Promise<void>;
  unmount(): Promise<void>;
}

/**
 * Renders `useHook` inside the pane's providers. `useCases` defaults to the app's; a test overrides
 * the ones it wants to fail or hold.
 */
export async function renderHook<T>(
  pane: Pane,
  useHook: () => T,
  options: { useCases?: Partial<UseCases>; locale?: Locale } = {},
): Promise<Rendered<T>> {
  installStandIns();
  const history: T[] = [];
  const services = { port: pane.port, useCases: { ...APP_USE_CASES, ...options.useCases } };
  function Probe(): null {
    history.push(useHook());
    return null;
  }
  const tree = (): ReactNode => (
    <LocaleProvider locale={options.locale ?? "zh-CN"}>
      <ServicesProvider services={services}>
        <PaneStoreProvider store={pane.store}>
          <Probe />
        </PaneStoreProvider>
      </ServicesProvider>
    </LocaleProvider>
  );
  const root: Root = createRoot(container());
  await act(async () => root.render(tree()));
  return {
    get current() {
      return history[history.length - 1];
    },
    history,
    rerender: () => act(async () => root.render(tree())),
    unmount: () => act(async () => root.unmount()),
  };
}

/** Runs `step` inside `act`, then lets the fake workbook's answers and React's updates settle. */
export async function step<R>(work: () => R | Promise<R>): Promise<R> {
  let result!: R;
  await act(async () => {
    result = await work();
  });
  await settle();
  return result;
}

/** Waits out pending timers and promises (the port paces a run with macrotasks) until nothing changes. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** Waits until `ready` holds, failing after `timeoutMs`. */
export async function until(ready: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!ready()) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time");
    await settle(1);
  }
}

/** Fires a window event the hooks listen to, as the browser does when the pane gets focus back. */
export async function fireWindow(type: string): Promise<void> {
  await act(async () => {
    for (const listener of windowListeners.get(type) ?? []) listener();
  });
  await settle();
}

/** The text of a pane message in Chinese. */
export { STRINGS } from "../../../src/taskpane/i18n";
