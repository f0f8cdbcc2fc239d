/**
 * The stand-ins of src/taskpane/edgehtml-polyfills.ts, each against hand-written expectations: the
 * language built-ins in a fresh JavaScript realm whose own built-ins were removed first, the DOM ones
 * over small fakes of the few DOM parts they use. test/build/webviews.test.ts runs them in Chromium.
 */
import { createContext, runInContext, type Context } from "vm";
import { DOMRectStandIn, StrongRef, installDomPolyfills, installLanguagePolyfills, makeResizeObserverStandIn } from "../../src/taskpane/edgehtml-polyfills";

/** A realm without the ES2019+ built-ins, as EdgeHTML 18 has it, with the stand-ins installed. */
function realmWithStandIns(): Context {
  const realm = createContext({});
  runInContext("delete Object.fromEntries; delete Array.prototype.flat; delete Array.prototype.flatMap; delete Array.prototype.at; delete String.prototype.at;", realm);
  expect(runInContext("typeof Object.fromEntries + typeof [].flat + typeof [].at + typeof ''.at", realm)).toBe("undefinedundefinedundefinedundefined");
  installLanguagePolyfills(runInContext("this", realm) as Record<string, unknown>);
  return realm;
}

describe("language stand-ins", () => {
  const realm = realmWithStandIns();
  const run = (code: string): unknown => JSON.parse(JSON.stringify(runInContext(code, realm)));

  it("Object.fromEntries builds an object from pairs, from any iterable, later keys winning", () => {
    expect(run('Object.fromEntries([["a", 1], ["b", 2], ["a", 3]])')).toEqual({ a: 3, b: 2 });
    expect(run('Object.fromEntries(new Map([["x", "y"]]))')).toEqual({ x: "y" });
    expect(() => runInContext("Object.fromEntries([1])", realm)).toThrow(TypeError);
  });

  it("Array#flat flattens one level by default, more when asked, and skips holes", () => {
    expect(run("[1, [2, [3, [4]]]].flat()")).toEqual([1, 2, [3, [4]]]);
    expect(run("[1, [2, [3, [4]]]].flat(2)")).toEqual([1, 2, 3, [4]]);
    expect(run("[1, [2, [3, [4]]]].flat(Infinity)")).toEqual([1, 2, 3, 4]);
    expect(run("[1, , 3].flat()")).toEqual([1, 3]);
  });

  it("Array#flatMap maps then flattens exactly one level", () => {
    expect(run("[1, 2].flatMap((x, i) => [x, [x * 10 + i]])")).toEqual([1, [10], 2, [21]]);
    expect(run('["a b", "c"].flatMap((s) => s.split(" "))')).toEqual(["a", "b", "c"]);
    expect(() => runInContext("[1].flatMap(null)", realm)).toThrow(TypeError);
  });

  it("Array#at and String#at count from the end for negative indexes", () => {
    expect(run("[[10, 20, 30].at(0), [10, 20, 30].at(-1), [10, 20, 30].at(3), [10, 20, 30].at(-4), [10, 20, 30].at(1.7)]")).toEqual([10, 30, null, null, 20]);
    expect(run('["abc".at(-1), "abc".at(0), "abc".at(5)]')).toEqual(["c", "a", null]);
  });

  it("is not enumerable, like the built-ins, so for…in over arrays is unchanged", () => {
    expect(run("(() => { const keys = []; for (const k in [7]) keys.push(k); return keys; })()")).toEqual(["0"]);
  });

  it("leaves a built-in that exists alone", () => {
    const own = { fromEntries: () => "own" };
    const global = { Object: own, Array, String };
    installLanguagePolyfills(global as unknown as Record<string, unknown>);
    expect(own.fromEntries()).toBe("own");
  });
});

describe("WeakRef and DOMRect stand-ins", () => {
  it("StrongRef gives back its target and refuses a primitive", () => {
    const target = { id: 1 };
    expect(new StrongRef(target).deref()).toBe(target);
    expect(() => new StrongRef(1 as unknown as object)).toThrow(TypeError);
  });

  it("DOMRectStandIn has the edges of its box, also for negative sizes", () => {
    expect(new DOMRectStandIn(10, 20, 30, 40).toJSON()).toEqual({ x: 10, y: 20, width: 30, height: 40, left: 10, top: 20, right: 40, bottom: 60 });
    expect(new DOMRectStandIn(10, 20, -5, 0).toJSON()).toEqual({ x: 10, y: 20, width: -5, height: 0, left: 5, top: 20, right: 10, bottom: 20 });
    expect(new DOMRectStandIn().toJSON()).toEqual({ x: 0, y: 0, width: 0, height: 0, left: 0, top: 0, right: 0, bottom: 0 });
  });
});

/** A window with what the ResizeObserver stand-in uses: animation frames and resize events. */
function fakeWindow() {
  const frames: (() => void)[] = [];
  const listeners: Record<string, (() => void)[]> = {};
  const win = {
    requestAnimationFrame: (cb: () => void) => frames.push(cb),
    addEventListener: (type: string, cb: () => void) => (listeners[type] ??= []).push(cb),
    document: { documentElement: null },
  };
  return {
    win: win as unknown as Window,
    runFrames: () => frames.splice(0).forEach((f) => f()),
    pendingFrames: () => frames.length,
    fire: (type: string) => (listeners[type] ?? []).forEach((cb) => cb()),
  };
}

function fakeElement(size: { width: number; height: number }) {
  return { getBoundingClientRect: () => ({ ...size }) } as unknown as Element & { size: typeof size };
}

describe("ResizeObserver stand-in", () => {
  it("reports an element once after observe, then only when its size changed on a resize", () => {
    const { win, runFrames, fire } = fakeWindow();
    const Observer = makeResizeObserverStandIn(win) as new (cb: (entries: { target: Element; contentRect: { width: number; height: number } }[]) => void) => {
      observe(el: Element): void;
      unobserve(el: Element): void;
      disconnect(): void;
    };
    const size = { width: 300, height: 40 };
    const element = fakeElement(size);
    const seen: { width: number; height: number }[] = [];
    const observer = new Observer((entries) => entries.forEach((e) => seen.push({ width: e.contentRect.width, height: e.contentRect.height })));
    observer.observe(element);
    runFrames();
    expect(seen).toEqual([{ width: 300, height: 40 }]);

    fire("resize");
    runFrames();
    expect(seen).toHaveLength(1); // same size: nothing to say

    size.width = 200;
    fire("resize");
    runFrames();
    expect(seen).toEqual([
      { width: 300, height: 40 },
      { width: 200, height: 40 },
    ]);

    observer.disconnect();
    size.width = 100;
    fire("resize");
    runFrames();
    expect(seen).toHaveLength(2);
  });

  it("checks at most once per animation frame however many changes come in", () => {
    const { win, pendingFrames, fire } = fakeWindow();
    const Observer = makeResizeObserverStandIn(win) as new (cb: () => void) => { observe(el: Element): void };
    new Observer(() => undefined).observe(fakeElement({ width: 1, height: 1 }));
    fire("resize");
    fire("resize");
    expect(pendingFrames()).toBe(1);
  });
});

describe("DOM stand-ins", () => {
  /** Just enough of a window's DOM classes to install onto. */
  function fakeDom(matchMediaProto: Record<string, unknown> | null) {
    class FakeEvent {
      constructor(readonly target: unknown) {}
    }
    class FakeNode {
      parentNode: FakeNode | null = null;
      nodeType = 1;
      ownerDocument: { documentElement: { contains(n: unknown): boolean } } | null = null;
    }
    class FakeElement extends FakeNode {
      scrollLeft = 0;
      scrollTop = 0;
    }
    const win: Record<string, unknown> = {
      Event: FakeEvent,
      Node: FakeNode,
      Element: FakeElement,
      ResizeObserver: function Native() {},
      DOMRect: function Native() {},
      matchMedia: matchMediaProto ? () => Object.create(matchMediaProto) : undefined,
    };
    installDomPolyfills(win as unknown as Window);
    return { win, FakeEvent, FakeNode, FakeElement };
  }

  it("composedPath is the target, its ancestors, then the document's window", () => {
    const { win, FakeEvent, FakeNode } = fakeDom(null);
    const doc = Object.assign(new FakeNode(), { nodeType: 9, defaultView: win });
    const body = Object.assign(new FakeNode(), { parentNode: doc });
    const button = Object.assign(new FakeNode(), { parentNode: body });
    const event = new FakeEvent(button) as unknown as Event;
    expect(event.composedPath()).toEqual([button, body, doc, win]);
    expect((new FakeEvent(null) as unknown as Event).composedPath()).toEqual([]);
  });

  it("isConnected says whether a node is inside its document", () => {
    const { FakeNode } = fakeDom(null);
    const inside = new FakeNode();
    const outside = new FakeNode();
    const documentElement = { contains: (n: unknown) => n === inside };
    inside.ownerDocument = { documentElement };
    outside.ownerDocument = { documentElement };
    expect((inside as unknown as Node).isConnected).toBe(true);
    expect((outside as unknown as Node).isConnected).toBe(false);
  });

  it("Element#scrollTo takes (x, y) or { left, top }", () => {
    const { FakeElement } = fakeDom(null);
    const element = new FakeElement() as unknown as Element & { scrollTo(x?: unknown, y?: number): void };
    element.scrollTo(5, 120);
    expect([element.scrollLeft, element.scrollTop]).toEqual([5, 120]);
    element.scrollTo({ top: 40 });
    expect([element.scrollLeft, element.scrollTop]).toEqual([5, 40]);
  });

  it("leaves a native ResizeObserver and DOMRect in place", () => {
    const { win } = fakeDom(null);
    expect((win.ResizeObserver as { name: string }).name).toBe("Native");
    expect((win.DOMRect as { name: string }).name).toBe("Native");
  });

  it("gives a MediaQueryList that only has addListener the change events Fluent listens for", () => {
    const added: unknown[] = [];
    const removed: unknown[] = [];
    const proto = { addListener: (l: unknown) => added.push(l), removeListener: (l: unknown) => removed.push(l) };
    const { win } = fakeDom(proto);
    const query = (win.matchMedia as () => MediaQueryList)();
    const listener = () => undefined;
    query.addEventListener("change", listener);
    query.addEventListener("other", listener);
    query.removeEventListener("change", listener);
    expect(added).toEqual([listener]);
    expect(removed).toEqual([listener]);
  });
});
