/**
 * What Edge Legacy (EdgeHTML 18: the webview of retail Office 2016/2019 without WebView2, and of some
 * Microsoft 365 builds, on Windows 10 1903 and later) lacks among the built-ins and DOM calls the
 * pane's bundle makes, found by reading the production bundle: our own code and Fluent UI v9
 * (Griffel, Tabster, Keyborg, positioning, motion). webpack puts this
 * module before every page's entry. Each piece is installed only where the webview lacks it, so
 * Chromium (WebView2, Excel on the web) and WebKit run their own.
 *
 * Syntax is a separate matter: webpack lowers every chunk to ES2017 (webpack.config.js).
 * Flex `gap`, which EdgeHTML ignores, is stood in for by margins (installFlexGapFallback).
 * Left out on purpose, because they degrade by themselves in Fluent UI: `element.animate` (motion is
 * skipped, the end state is applied at once), `visualViewport`, `queueMicrotask` and `inert`; CSS
 * rules with selectors EdgeHTML does not know (`:focus-visible`, `:focus-within`, `:has()`) are
 * dropped one by one when Griffel inserts them, the rest of the styles stay.
 */

type Writable = Record<string, unknown>;

/** Adds a non-enumerable method, as the built-ins are, if the object has none of that name. */
function define(target: object, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

function toIntegerOrInfinity(value: unknown): number {
  const n = Number(value);
  if (Number.isNaN(n) || n === 0) return 0;
  return Number.isFinite(n) ? Math.trunc(n) : n;
}

function flattenInto(target: unknown[], source: ArrayLike<unknown>, depth: number): void {
  for (let i = 0; i < source.length; i++) {
    if (!(i in Object(source))) continue; // holes are skipped, as the built-in does
    const item = source[i];
    if (depth > 0 && Array.isArray(item)) flattenInto(target, item, depth - 1);
    else target.push(item);
  }
}

/** ES2019 and later built-ins the bundle calls: Object.fromEntries, Array#flat/flatMap, Array#at, String#at. */
export function installLanguagePolyfills(global: Writable): void {
  const ObjectCtor = global.Object as ObjectConstructor;
  define(ObjectCtor, "fromEntries", function fromEntries(entries: Iterable<readonly [PropertyKey, unknown]>) {
    const result: Record<PropertyKey, unknown> = {};
    for (const entry of entries) {
      if (Object(entry) !== entry) throw new TypeError("Object.fromEntries: each entry must be an object");
      result[entry[0] as string] = entry[1];
    }
    return result;
  });

  const arrayProto = (global.Array as ArrayConstructor).prototype;
  define(arrayProto, "flat", function flat(this: unknown[], depth?: number) {
    const result: unknown[] = [];
    flattenInto(result, Object(this), depth === undefined ? 1 : toIntegerOrInfinity(depth));
    return result;
  });
  define(arrayProto, "flatMap", function flatMap(this: unknown[], callback: (value: unknown, index: number, array: unknown[]) => unknown, thisArg?: unknown) {
    if (typeof callback !== "function") throw new TypeError("Array.prototype.flatMap: callback is not a function");
    const source = Object(this) as unknown[];
    const result: unknown[] = [];
    for (let i = 0; i < source.length; i++) {
      if (!(i in source)) continue;
      const mapped = callback.call(thisArg, source[i], i, source);
      if (Array.isArray(mapped)) flattenInto(result, mapped, 0);
      else result.push(mapped);
    }
    return result;
  });
  function at(this: ArrayLike<unknown>, index: number): unknown {
    const source = Object(this) as ArrayLike<unknown>;
    const length = source.length >>> 0;
    const relative = toIntegerOrInfinity(index);
    const k = relative >= 0 ? relative : length + relative;
    return k < 0 || k >= length ? undefined : source[k];
  }
  define(arrayProto, "at", at);
  define((global.String as StringConstructor).prototype, "at", function stringAt(this: string, index: number) {
    return at.call(String(this), index);
  });
}

/**
 * Stands in for WeakRef (ES2021), which Keyborg calls on every `focus()` and Tabster on every element
 * it tracks. It holds the target strongly: a webview without WeakRef keeps those elements until the
 * pane closes, which for one task pane is a few hundred small objects.
 */
export class StrongRef<T extends object> {
  private readonly target: T;
  constructor(target: T) {
    if (Object(target) !== target) throw new TypeError("WeakRef: target must be an object");
    this.target = target;
  }
  deref(): T {
    return this.target;
  }
}

interface ObservedBox {
  width: number;
  height: number;
}

/**
 * Stands in for ResizeObserver (Edge 79): Fluent's positioning (tooltips, dropdown lists), MessageBar
 * and Table construct one unguarded, so without it those components throw while rendering. It reports
 * each element once after `observe`, then again whenever its size has changed after a window resize
 * or a change in the document, checked at most once per animation frame.
 */
export function makeResizeObserverStandIn(win: Window): unknown {
  const observers = new Set<ResizeObserverStandIn>();
  let scheduled = false;
  const checkAll = (): void => {
    scheduled = false;
    observers.forEach((observer) => observer.check());
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    win.requestAnimationFrame(checkAll);
  };
  let listening = false;
  const listen = (): void => {
    if (listening) return;
    listening = true;
    win.addEventListener("resize", schedule);
    const MutationObserverCtor = (win as unknown as { MutationObserver?: typeof MutationObserver }).MutationObserver;
    if (MutationObserverCtor && win.document.documentElement) {
      new MutationObserverCtor(schedule).observe(win.document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
    }
  };

  class ResizeObserverStandIn {
    private readonly boxes = new Map<Element, ObservedBox | null>();
    constructor(private readonly callback: (entries: unknown[], observer: unknown) => void) {
      if (typeof callback !== "function") throw new TypeError("ResizeObserver: callback is not a function");
    }
    observe(target: Element): void {
      if (!this.boxes.has(target)) this.boxes.set(target, null);
      observers.add(this);
      listen();
      schedule();
    }
    unobserve(target: Element): void {
      this.boxes.delete(target);
      if (this.boxes.size === 0) observers.delete(this);
    }
    disconnect(): void {
      this.boxes.clear();
      observers.delete(this);
    }
    check(): void {
      const entries: unknown[] = [];
      this.boxes.forEach((last, target) => {
        const rect = target.getBoundingClientRect();
        if (last && last.width === rect.width && last.height === rect.height) return;
        this.boxes.set(target, { width: rect.width, height: rect.height });
        entries.push({ target, contentRect: { x: 0, y: 0, top: 0, left: 0, width: rect.width, height: rect.height, right: rect.width, bottom: rect.height } });
      });
      if (entries.length > 0) this.callback(entries, this);
    }
  }
  return ResizeObserverStandIn;
}

/** DOMRect as a constructor (Edge 79); Tabster builds one for a container's visible area. */
export class DOMRectStandIn {
  constructor(
    public x = 0,
    public y = 0,
    public width = 0,
    public height = 0,
  ) {}
  get left(): number {
    return Math.min(this.x, this.x + this.width);
  }
  get top(): number {
    return Math.min(this.y, this.y + this.height);
  }
  get right(): number {
    return Math.max(this.x, this.x + this.width);
  }
  get bottom(): number {
    return Math.max(this.y, this.y + this.height);
  }
  toJSON(): Record<string, number> {
    return { x: this.x, y: this.y, width: this.width, height: this.height, top: this.top, left: this.left, right: this.right, bottom: this.bottom };
  }
}

function constructs(ctor: unknown): boolean {
  if (typeof ctor !== "function") return false;
  try {
    new (ctor as new () => unknown)();
    return true;
  } catch {
    return false;
  }
}

/** DOM calls Fluent UI v9 makes that EdgeHTML 18 lacks. */
export function installDomPolyfills(win: Window): void {
  const w = win as unknown as Writable;
  if (typeof w.ResizeObserver !== "function") w.ResizeObserver = makeResizeObserverStandIn(win);
  if (!constructs(w.DOMRect)) w.DOMRect = DOMRectStandIn;

  // Clicks outside a popup and Tabster's focus events read `event.composedPath()[0]`. Without shadow
  // DOM (EdgeHTML has none) the path is the target and its ancestors, then the window.
  const eventProto = (w.Event as typeof Event).prototype;
  define(eventProto, "composedPath", function composedPath(this: Event) {
    const path: EventTarget[] = [];
    let node = this.target as Node | null;
    if (!node) return path;
    while (node) {
      path.push(node);
      node = node.parentNode;
    }
    const last = path[path.length - 1] as Node;
    if (last.nodeType === 9 && (last as Document).defaultView) path.push((last as Document).defaultView as Window);
    return path;
  });

  const nodeProto = (w.Node as typeof Node).prototype;
  if (!("isConnected" in nodeProto)) {
    Object.defineProperty(nodeProto, "isConnected", {
      configurable: true,
      enumerable: true,
      get(this: Node) {
        if (this.nodeType === 9) return true;
        const root = this.ownerDocument ? this.ownerDocument.documentElement : null;
        return !!root && (this === root || root.contains(this));
      },
    });
  }

  // Fluent's listbox keeps the active option in view with `element.scrollTo(0, y)`.
  define((w.Element as typeof Element).prototype, "scrollTo", function scrollTo(this: Element, xOrOptions?: number | ScrollToOptions, y?: number) {
    if (typeof xOrOptions === "object" && xOrOptions !== null) {
      if (xOrOptions.left !== undefined) this.scrollLeft = xOrOptions.left;
      if (xOrOptions.top !== undefined) this.scrollTop = xOrOptions.top;
    } else {
      if (xOrOptions !== undefined) this.scrollLeft = Number(xOrOptions);
      if (y !== undefined) this.scrollTop = Number(y);
    }
  });

  // Fluent's motion listens for the reduced-motion setting with `addEventListener("change")`; EdgeHTML's
  // MediaQueryList only has `addListener`, so without this the first dialog or collapse would throw.
  if (typeof win.matchMedia === "function") {
    const query = win.matchMedia("all");
    const proto = query ? Object.getPrototypeOf(query) : null;
    if (proto && typeof proto.addEventListener !== "function" && typeof proto.addListener === "function") {
      const method = (value: unknown) => ({ value, writable: true, configurable: true, enumerable: false });
      Object.defineProperty(
        proto,
        "addEventListener",
        method(function addEventListener(this: MediaQueryList, type: string, listener: (event: MediaQueryListEvent) => void) {
          if (type === "change") this.addListener(listener);
        }),
      );
      Object.defineProperty(
        proto,
        "removeEventListener",
        method(function removeEventListener(this: MediaQueryList, type: string, listener: (event: MediaQueryListEvent) => void) {
          if (type === "change") this.removeListener(listener);
        }),
      );
    }
  }
}

/** Marks the element `supportsFlexGap` measures, so a test can tell it from the pane's own. */
export const FLEX_GAP_PROBE = "data-duizhang-gap-probe";

/** Whether flex items are spaced by `row-gap`/`column-gap` (Chromium 84 and WebKit yes, EdgeHTML no). */
export function supportsFlexGap(doc: Document): boolean {
  const parent = doc.body || doc.documentElement;
  if (!parent) return true;
  const probe = doc.createElement("div");
  probe.setAttribute(FLEX_GAP_PROBE, "");
  probe.style.cssText = "display:flex;flex-direction:column;row-gap:1px;position:absolute;visibility:hidden";
  probe.appendChild(doc.createElement("div"));
  probe.appendChild(doc.createElement("div"));
  parent.appendChild(probe);
  const supported = probe.scrollHeight === 1;
  parent.removeChild(probe);
  return supported;
}

type ManagedMargin = "marginTop" | "marginLeft" | "marginBottom";
const MANAGED: ManagedMargin[] = ["marginTop", "marginLeft", "marginBottom"];

/**
 * The pane and Fluent UI space their flex items with `row-gap`/`column-gap`, which EdgeHTML ignores
 * for flex containers (it knows the properties from grid, so their computed values are there). Where
 * flex gap is missing, this gives the items margins of the same size: in a column, a top margin from
 * the second item on; in a row, a left margin from the second item on, and when the row wraps, a
 * bottom margin on every item. Wrapped rows come out close to, not exactly as, real gaps (the first item
 * of a later line keeps its left margin). Only margins it set itself are ever changed or removed.
 */
export function installFlexGapFallback(win: Window): void {
  const doc = win.document;
  if (!doc.body || supportsFlexGap(doc)) return;
  const applied = new WeakMap<HTMLElement, Record<ManagedMargin, string>>();
  const px = (value: string | null | undefined): number => {
    const n = parseFloat(value || "");
    return Number.isFinite(n) && n > 0 ? n : 0;
  };

  const space = (): void => {
    const all = doc.body.getElementsByTagName("*");
    for (let i = 0; i < all.length; i++) {
      const container = all[i] as HTMLElement;
      const style = win.getComputedStyle(container);
      if (style.display !== "flex" && style.display !== "inline-flex") continue;
      const rowGap = px(style.getPropertyValue("row-gap") || style.getPropertyValue("grid-row-gap"));
      const columnGap = px(style.getPropertyValue("column-gap") || style.getPropertyValue("grid-column-gap"));
      if (rowGap === 0 && columnGap === 0) continue;
      const column = style.flexDirection === "column";
      const row = style.flexDirection === "row";
      const wraps = style.flexWrap === "wrap";
      let index = 0;
      for (let child = container.firstElementChild as HTMLElement | null; child; child = child.nextElementSibling as HTMLElement | null) {
        const childStyle = win.getComputedStyle(child);
        if (childStyle.display === "none" || childStyle.position === "absolute" || childStyle.position === "fixed") continue;
        const want: Record<ManagedMargin, string> = { marginTop: "", marginLeft: "", marginBottom: "" };
        if (column && index > 0 && rowGap > 0) want.marginTop = `${rowGap}px`;
        if (row && index > 0 && columnGap > 0) want.marginLeft = `${columnGap}px`;
        if (row && wraps && rowGap > 0) want.marginBottom = `${rowGap}px`;
        const had = applied.get(child);
        for (const name of MANAGED) {
          if ((had ? had[name] : "") !== want[name]) child.style[name] = want[name];
        }
        applied.set(child, want);
        index++;
      }
    }
  };

  // Checked a quarter of a second after the pane changes, not on every change: reading computed styles
  // over a long result table is not free.
  let timer: number | null = null;
  const schedule = (): void => {
    if (timer !== null) return;
    timer = win.setTimeout(() => {
      timer = null;
      space();
    }, 250);
  };
  const MutationObserverCtor = (win as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver;
  new MutationObserverCtor(schedule).observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
  win.addEventListener("resize", schedule);
  schedule();
}

export function installEdgeHtmlPolyfills(win: Window): void {
  const w = win as unknown as Writable;
  installLanguagePolyfills(w);
  if (typeof w.WeakRef !== "function") w.WeakRef = StrongRef;
  if (typeof w.globalThis === "undefined") {
    Object.defineProperty(win, "globalThis", { value: win, writable: true, configurable: true, enumerable: false });
  }
  installDomPolyfills(win);
  installFlexGapFallback(win);
}

if (typeof window !== "undefined") installEdgeHtmlPolyfills(window);
