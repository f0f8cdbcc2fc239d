/**
 * The office-js surface of the fake Excel: proxies that queue commands, a request context whose
 * `sync()` runs them in order against the in-memory model, and loaded properties that throw when
 * read before `load` + `sync` (office-addin-mock returns a string there, which hides bugs).
 *
 * Every sync is measured: the request is the JSON of the queued commands (values written
 * included), the response the JSON of the loaded properties. Either over 5 MB fails with
 * `RequestPayloadSizeLimitExceeded`, as Excel on the web does.
 *
 * Browser-safe: no Node APIs.
 */
import {
  CellStyle,
  FAKE_CHART_TYPES,
  FakeChart,
  FakeConditionalFormat,
  FakeExcelError,
  FakeSheet,
  FakeWorkbookModel,
  type FakeChangedEvent,
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  Visibility,
  newId,
  parseArea,
  quoteSheetName,
  rectAddress,
  splitSheet,
  utf8Length,
} from "./model";

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SyncStats {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
}

interface OpResult {
  payload: unknown;
  apply?: () => void;
}

interface Op {
  desc: unknown;
  exec: () => OpResult | void;
}

export interface FakeHost {
  model: FakeWorkbookModel;
  stats: SyncStats;
  /** Highest ExcelApi minor version the fake host supports, e.g. 7 for ExcelApi 1.7. */
  apiMinor: number;
  payloadLimit: number;
}

/** Excel's width of a column nobody sized (8.43 characters) and height of a row at 11 pt, in points. */
const DEFAULT_COLUMN_POINTS = 48;
const DEFAULT_ROW_POINTS = 15;

function notLoaded(prop: string): FakeExcelError {
  return new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function notFound(what: string): FakeExcelError {
  return new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${what}`);
}

/** `"a, b"`, `["a","b"]` or `{ select: "a,b" }` as a list of names. */
function propList(props: unknown): string[] | null {
  if (props === undefined || props === null) return null;
  if (typeof props === "string") return props.split(",").map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.map(String);
  if (typeof props === "object" && typeof (props as { select?: unknown }).select === "string") {
    return propList((props as { select: string }).select);
  }
  throw new FakeExcelError("InvalidArgument", "Unsupported load option");
}

export class FakeRequestContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbook;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(readonly host: FakeHost) {
    this.workbook = new FakeWorkbook(this);
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  /** @internal */
  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** @internal queues a call that fails at sync when the host lacks the requirement set. */
  requireApi(minor: number, what: string): void {
    if (this.host.apiMinor >= minor) return;
    this.enqueue({
      desc: { requires: `ExcelApi 1.${minor}`, what },
      exec: () => {
        throw new FakeExcelError("ApiNotFound", `${what} needs ExcelApi 1.${minor}; this host has 1.${this.host.apiMinor}`);
      },
    });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const stats = this.host.stats;
    stats.syncs += 1;
    const requestBytes = utf8Length(JSON.stringify(ops.map((o) => o.desc)));
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    stats.totalRequestBytes += requestBytes;
    if (requestBytes > this.host.payloadLimit) {
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes).`,
      );
    }
    const payloads: unknown[] = [];
    const applies: (() => void)[] = [];
    // Commands run in order; a failing one stops the batch, the earlier ones stay done (as in Excel).
    for (const op of ops) {
      const r = op.exec();
      if (r) {
        payloads.push(r.payload);
        if (r.apply) applies.push(r.apply);
      }
    }
    await Promise.resolve();
    const responseBytes = utf8Length(JSON.stringify(payloads));
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
    stats.totalResponseBytes += responseBytes;
    if (responseBytes > this.host.payloadLimit) {
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${responseBytes} bytes).`,
      );
    }
    for (const a of applies) a();
  }
}

/** Base of every proxy: a lazily resolved target, loaded properties, queued sets and calls. */
abstract class ClientObject<T> {
  protected readonly loadedProps = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private cached: T | null | undefined;

  constructor(
    readonly context: FakeRequestContext,
    protected readonly path: string,
    private readonly resolver: () => T | null,
    orNull = false,
  ) {
    if (orNull) {
      context.enqueue({
        desc: { path, op: "orNull" },
        exec: () => {
          const isNull = this.resolve() === null;
          return { payload: isNull, apply: () => (this.nullState = isNull) };
        },
      });
    }
  }

  /** Resolved once, when the first command that needs it runs (like Excel binding an object id). */
  resolve(): T | null {
    if (this.cached === undefined) this.cached = this.resolver();
    return this.cached;
  }

  protected target(): T {
    const t = this.resolve();
    if (t === null) throw notFound(this.path);
    return t;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  protected read<V>(prop: string): V {
    if (!this.loadedProps.has(prop)) throw notLoaded(prop);
    return this.loadedProps.get(prop) as V;
  }

  protected queueSet(prop: string, value: unknown, apply: (t: T) => void): void {
    this.context.enqueue({
      desc: { path: this.path, set: prop, value },
      exec: () => {
        apply(this.target());
      },
    });
  }

  protected queueCall<R = void>(method: string, args: unknown[], fn: (t: T) => R, onResult?: (r: R) => void): void {
    this.context.enqueue({
      desc: { path: this.path, call: method, args },
      exec: () => {
        const r = fn(this.target());
        return onResult ? { payload: r, apply: () => onResult(r) } : undefined;
      },
    });
  }

  protected abstract readonly scalarProps: string[];
  protected abstract getProp(t: T, prop: string): unknown;

  load(props?: unknown): this {
    const list = propList(props) ?? this.scalarProps;
    for (const p of list) {
      if (!this.scalarProps.includes(p)) throw new FakeExcelError("InvalidArgument", `Cannot load '${p}' on ${this.path}`);
    }
    this.context.enqueue({
      desc: { path: this.path, load: list },
      exec: () => {
        const t = this.resolve();
        const data: Record<string, unknown> = {};
        for (const p of list) data[p] = t === null ? null : this.getProp(t, p);
        return {
          payload: data,
          apply: () => {
            for (const p of list) this.loadedProps.set(p, data[p]);
          },
        };
      },
    });
    return this;
  }

  /** @internal fills loaded properties when a collection load brings this item. */
  preload(data: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(data)) this.loadedProps.set(k, v);
  }
}

/** Items of a collection become usable only after `load("items/…")` and `sync()`. */
abstract class Collection<T, P extends { preload(data: Record<string, unknown>): void }> {
  private loadedItems: P[] | undefined;

  constructor(
    readonly context: FakeRequestContext,
    protected readonly path: string,
  ) {}

  protected abstract list(): T[];
  protected abstract itemProxy(t: T): P;
  protected abstract readonly itemProps: string[];
  protected abstract itemProp(t: T, prop: string): unknown;

  get items(): P[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  load(props?: unknown): this {
    const list = (propList(props) ?? this.itemProps).map((p) => p.replace(/^items\//, ""));
    for (const p of list) {
      if (!this.itemProps.includes(p)) throw new FakeExcelError("InvalidArgument", `Cannot load '${p}' on ${this.path}`);
    }
    this.context.enqueue({
      desc: { path: this.path, load: list },
      exec: () => {
        const items = this.list();
        const data = items.map((t) => Object.fromEntries(list.map((p) => [p, this.itemProp(t, p)])));
        return {
          payload: data,
          apply: () => {
            this.loadedItems = items.map((t, i) => {
              const proxy = this.itemProxy(t);
              proxy.preload(data[i]);
              return proxy;
            });
          },
        };
      },
    });
    return this;
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;

  constructor(readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context, "worksheets");
    this.settings = new FakeSettingCollection(context, "settings");
  }
}

export class FakeWorksheetCollection extends Collection<FakeSheet, FakeWorksheet> {
  protected readonly itemProps = ["name", "visibility", "position", "id"];

  protected list(): FakeSheet[] {
    return [...this.context.host.model.sheets];
  }

  protected itemProxy(t: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(this.context, `ws(${t.id})`, () => t);
  }

  protected itemProp(t: FakeSheet, prop: string): unknown {
    return worksheetProp(this.context.host.model, t, prop);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `ws(${JSON.stringify(name)})`, () => {
      const s = this.context.host.model.sheet(name);
      if (!s) throw notFound(`worksheet ${name}`);
      return s;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      `ws?(${JSON.stringify(name)})`,
      () => this.context.host.model.sheet(name) ?? null,
      true,
    );
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    const model = this.context.host.model;
    this.context.enqueue({
      desc: { path: this.path, call: "add", args: [name ?? null] },
      exec: () => {
        let n = name;
        if (n === undefined) {
          let i = model.sheets.length + 1;
          while (model.sheet(`Sheet${i}`)) i++;
          n = `Sheet${i}`;
        }
        created = model.addSheet(n);
      },
    });
    return new FakeWorksheet(this.context, `ws+(${JSON.stringify(name ?? "")})`, () => {
      if (!created) throw notFound("added worksheet");
      return created;
    });
  }
}

function worksheetProp(model: FakeWorkbookModel, t: FakeSheet, prop: string): unknown {
  switch (prop) {
    case "name":
      return t.name;
    case "visibility":
      return t.visibility;
    case "position":
      return model.sheets.indexOf(t);
    case "id":
      return t.id;
    default:
      throw new FakeExcelError("InvalidArgument", prop);
  }
}

export class FakeWorksheet extends ClientObject<FakeSheet> {
  protected readonly scalarProps = ["name", "visibility", "position", "id"];
  readonly freezePanes: { freezeRows: (count?: number) => void; unfreeze: () => void };
  readonly autoFilter: { apply: (range: FakeRange | string) => void };
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: { add: (range: FakeRange | string) => void };
  readonly charts: FakeChartCollection;
  /** ExcelApi 1.2: `protection.protect(options)` without a password. */
  readonly protection: { protect: (options?: Record<string, unknown>, password?: string) => void };

  constructor(context: FakeRequestContext, path: string, resolver: () => FakeSheet | null, orNull = false) {
    super(context, path, resolver, orNull);
    this.protection = {
      protect: (options = {}, password) => {
        this.context.requireApi(2, "protection");
        this.queueCall("protection.protect", [options], (s) => {
          if (s.protection) throw new FakeExcelError("InvalidOperation", "the sheet is already protected");
          s.protection = { ...options, ...(password ? { password: true } : {}) };
        });
      },
    };
    this.charts = new FakeChartCollection(context, `${path}.charts`, this);
    this.freezePanes = {
      freezeRows: (count = 1) => {
        this.context.requireApi(7, "freezePanes");
        this.queueCall("freezePanes.freezeRows", [count], (s) => void (s.frozenRows = count));
      },
      unfreeze: () => {
        this.context.requireApi(7, "freezePanes");
        this.queueCall("freezePanes.unfreeze", [], (s) => void (s.frozenRows = 0));
      },
    };
    this.autoFilter = {
      apply: (range) => {
        this.context.requireApi(9, "autoFilter");
        const address = typeof range === "string" ? range : null;
        this.queueCall("autoFilter.apply", [address ?? "range"], (s) => {
          const rect = typeof range === "string" ? parseArea(splitSheet(range).local) : range.rect();
          s.autoFilter = rect;
        });
      },
    };
    this.pageLayout = new FakePageLayout(this);
    this.horizontalPageBreaks = {
      add: (range) => {
        this.context.requireApi(9, "horizontalPageBreaks");
        const address = typeof range === "string" ? range : null;
        this.queueCall("horizontalPageBreaks.add", [address ?? "range"], (s) => {
          const rect = typeof range === "string" ? parseArea(splitSheet(range).local) : range.rect();
          // Excel breaks above the range's top row: that row starts the page.
          s.pageBreaks.push(rect.r1);
        });
      },
    };
  }

  protected getProp(t: FakeSheet, prop: string): unknown {
    return worksheetProp(this.context.host.model, t, prop);
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.queueSet("name", value, (s) => {
      const other = this.context.host.model.sheet(value);
      if (other && other !== s) throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${value} exists`);
      const model = this.context.host.model;
      if (model.activeSheet === s.name) model.activeSheet = value;
      s.name = value;
    });
  }
  get visibility(): Visibility {
    return this.read("visibility");
  }
  set visibility(value: Visibility) {
    this.queueSet("visibility", value, (s) => void (s.visibility = value));
  }
  get position(): number {
    return this.read("position");
  }
  set position(value: number) {
    this.queueSet("position", value, (s) => {
      const sheets = this.context.host.model.sheets;
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(Math.max(0, Math.min(value, sheets.length)), 0, s);
    });
  }
  get id(): string {
    return this.read("id");
  }

  /**
   * `worksheet.onChanged` (ExcelApi 1.7): `add` registers the handler when the context next syncs and
   * returns a result whose `remove` takes it off at the sync after. Values written through the fake's
   * model (by the port, or by a test standing in for the user) call it, after the write.
   */
  get onChanged(): { add: (handler: (event: FakeChangedEvent) => void) => { context: FakeRequestContext; remove: () => void } } {
    return {
      add: (handler) => {
        this.context.requireApi(7, "onChanged");
        let remove: (() => void) | null = null;
        this.queueCall("onChanged.add", [], (s) => void (remove = this.context.host.model.addChangeHandler(s.id, handler)));
        return {
          context: this.context,
          remove: () => this.context.enqueue({ desc: { path: this.path, call: "onChanged.remove", args: [] }, exec: () => void remove?.() }),
        };
      },
    };
  }

  /** @internal */
  sheet(): FakeSheet | null {
    return this.resolve();
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, `${this.path}.range(${address ?? ""})`, () => {
      const s = this.resolve();
      if (!s) return null;
      if (address === undefined) return { sheet: s, rects: [{ r1: 1, c1: 1, r2: MAX_ROWS, c2: MAX_COLUMNS }] };
      const { sheet, local } = splitSheet(address);
      if (sheet !== null && sheet.toLowerCase() !== s.name.toLowerCase()) {
        throw new FakeExcelError("InvalidArgument", `Address ${address} is on another sheet`);
      }
      if (local.includes(",")) throw new FakeExcelError("InvalidArgument", "getRange takes one area; use getRanges");
      return { sheet: s, rects: [parseArea(local)] };
    });
  }

  /** ExcelApi 1.9 (RangeAreas). */
  getRanges(address: string): FakeRange {
    this.context.requireApi(9, "getRanges");
    if (address.length > 8192) {
      // Excel cuts longer strings silently; a fake that does the same would hide the bug.
      throw new FakeExcelError("InvalidArgument", `Address longer than 8192 characters (${address.length})`);
    }
    return new FakeRange(this.context, `${this.path}.ranges(${address})`, () => {
      const s = this.resolve();
      if (!s) return null;
      return { sheet: s, rects: address.split(",").map((a) => parseArea(splitSheet(a.trim()).local)) };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, `${this.path}.byIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      const s = this.resolve();
      if (!s) return null;
      const rect = { r1: startRow + 1, c1: startColumn + 1, r2: startRow + rowCount, c2: startColumn + columnCount };
      if (rowCount < 1 || columnCount < 1 || rect.r2 > MAX_ROWS || rect.c2 > MAX_COLUMNS) {
        throw new FakeExcelError("InvalidArgument", "getRangeByIndexes out of the sheet");
      }
      return { sheet: s, rects: [rect] };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, `${this.path}.used(${valuesOnly})`, () => {
      const s = this.resolve();
      if (!s) return null;
      return { sheet: s, rects: [s.usedRange(valuesOnly) ?? { r1: 1, c1: 1, r2: 1, c2: 1 }] };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.used?(${valuesOnly})`,
      () => {
        const s = this.resolve();
        if (!s) return null;
        const rect = s.usedRange(valuesOnly);
        return rect ? { sheet: s, rects: [rect] } : null;
      },
      true,
    );
  }

  activate(): void {
    this.queueCall("activate", [], (s) => {
      if (s.visibility !== "Visible") throw new FakeExcelError("InvalidOperation", "Cannot activate a hidden sheet");
      this.context.host.model.activeSheet = s.name;
    });
  }

  delete(): void {
    this.queueCall("delete", [], (s) => this.context.host.model.deleteSheet(s));
  }
}

interface ChartTarget {
  sheet: FakeSheet;
  chart: FakeChart;
}

function chartProp(t: FakeChart, prop: string): unknown {
  switch (prop) {
    case "name":
      return t.name;
    case "chartType":
      return t.type;
    case "id":
      return t.id;
    default:
      throw new FakeExcelError("InvalidArgument", prop);
  }
}

/** `worksheet.charts` (ExcelApi 1.1): add, items, count, getItem, getItemAt. */
export class FakeChartCollection extends Collection<FakeChart, FakeChart_> {
  protected readonly itemProps = ["name", "chartType", "id"];
  private loadedCount: number | undefined;

  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly ws: FakeWorksheet,
  ) {
    super(context, path);
  }

  private sheetOrThrow(): FakeSheet {
    const s = this.ws.sheet();
    if (!s) throw notFound(this.path);
    return s;
  }

  protected list(): FakeChart[] {
    return [...this.sheetOrThrow().charts];
  }

  protected itemProxy(chart: FakeChart): FakeChart_ {
    return new FakeChart_(this.context, `chart(${chart.id})`, () => this.live(chart));
  }

  protected itemProp(chart: FakeChart, prop: string): unknown {
    return chartProp(chart, prop);
  }

  private live(chart: FakeChart): ChartTarget {
    const sheet = this.sheetOrThrow();
    if (!sheet.charts.includes(chart)) throw notFound(`chart ${chart.id}`);
    return { sheet, chart };
  }

  /** `count` is the collection's own property; everything else is loaded on the items. */
  override load(props?: unknown): this {
    const list = propList(props);
    const wantsCount = list === null || list.includes("count");
    const rest = list?.filter((p) => p !== "count") ?? null;
    if (wantsCount) {
      this.context.enqueue({
        desc: { path: this.path, load: ["count"] },
        exec: () => {
          const n = this.sheetOrThrow().charts.length;
          return { payload: n, apply: () => (this.loadedCount = n) };
        },
      });
    }
    if (rest === null || rest.length > 0) super.load(rest ?? undefined);
    return this;
  }

  get count(): number {
    if (this.loadedCount === undefined) throw notLoaded("count");
    return this.loadedCount;
  }

  add(type: string, sourceData: FakeRange, seriesBy: "Auto" | "Columns" | "Rows" = "Auto"): FakeChart_ {
    let created: FakeChart | null = null;
    this.context.enqueue({
      desc: { path: this.path, call: "add", args: [type, "range", seriesBy] },
      exec: () => {
        if (!FAKE_CHART_TYPES.includes(type)) throw new FakeExcelError("InvalidArgument", `The fake does not model chart type ${type}`);
        if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw new FakeExcelError("InvalidArgument", `Bad seriesBy ${seriesBy}`);
        const sheet = this.sheetOrThrow();
        const source = sourceData.targetOrThrow();
        if (source.sheet !== sheet) throw new FakeExcelError("InvalidArgument", "The fake models charts over their own sheet's cells only");
        const rect = single(source, "charts.add");
        // Excel numbers charts per sheet from the count it has ever had; "Chart N" is close enough.
        let n = sheet.charts.length + 1;
        while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
        created = {
          id: newId("chart"),
          name: `Chart ${n}`,
          type,
          source: { ...rect },
          seriesBy,
          title: null,
          titleVisible: false,
          position: null,
        };
        sheet.charts.push(created);
      },
    });
    return new FakeChart_(this.context, `${this.path}.added`, () => {
      if (!created) throw notFound("added chart");
      return this.live(created);
    });
  }

  getItem(name: string): FakeChart_ {
    return new FakeChart_(this.context, `${this.path}.item(${JSON.stringify(name)})`, () => {
      const chart = this.sheetOrThrow().charts.find((c) => c.name === name);
      if (!chart) throw notFound(`chart ${name}`);
      return this.live(chart);
    });
  }

  getItemAt(index: number): FakeChart_ {
    return new FakeChart_(this.context, `${this.path}.at(${index})`, () => {
      const chart = this.sheetOrThrow().charts[index];
      if (!chart) throw notFound(`chart at ${index}`);
      return this.live(chart);
    });
  }
}

// Underscore: `FakeChart` is the model's record of the same thing.
export class FakeChart_ extends ClientObject<ChartTarget> {
  protected readonly scalarProps = ["name", "chartType", "id"];
  readonly title: FakeChartTitle;

  constructor(context: FakeRequestContext, path: string, resolver: () => ChartTarget | null) {
    super(context, path, resolver);
    this.title = new FakeChartTitle(context, `${path}.title`, () => this.resolve());
  }

  protected getProp(t: ChartTarget, prop: string): unknown {
    return chartProp(t.chart, prop);
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.queueSet("name", value, (t) => {
      if (t.sheet.charts.some((c) => c !== t.chart && c.name === value)) {
        throw new FakeExcelError("ItemAlreadyExists", `A chart named ${value} exists`);
      }
      t.chart.name = value;
    });
  }
  get chartType(): string {
    return this.read("chartType");
  }
  set chartType(value: string) {
    this.queueSet("chartType", value, (t) => {
      if (!FAKE_CHART_TYPES.includes(value)) throw new FakeExcelError("InvalidArgument", `The fake does not model chart type ${value}`);
      t.chart.type = value;
    });
  }
  get id(): string {
    return this.read("id");
  }

  /** Covers the cells from `startCell` to `endCell` (the start cell alone when no end is given). */
  setPosition(startCell: string, endCell?: string): void {
    this.queueCall("setPosition", [startCell, endCell ?? null], (t) => {
      const a = parseArea(splitSheet(startCell).local);
      const b = endCell === undefined ? a : parseArea(splitSheet(endCell).local);
      t.chart.position = { r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1), r2: Math.max(a.r2, b.r2), c2: Math.max(a.c2, b.c2) };
    });
  }

  delete(): void {
    this.queueCall("delete", [], (t) => {
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
    });
  }
}

export class FakeChartTitle extends ClientObject<ChartTarget> {
  protected readonly scalarProps = ["text", "visible"];

  protected getProp(t: ChartTarget, prop: string): unknown {
    if (prop === "text") return t.chart.title ?? "";
    if (prop === "visible") return t.chart.titleVisible;
    throw new FakeExcelError("InvalidArgument", prop);
  }

  get text(): string {
    return this.read("text");
  }
  set text(value: string) {
    // As in Excel, giving a chart a title text shows the title.
    this.queueSet("text", value, (t) => {
      t.chart.title = value;
      t.chart.titleVisible = true;
    });
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(value: boolean) {
    this.queueSet("visible", value, (t) => void (t.chart.titleVisible = value));
  }
}

export class FakePageLayout {
  constructor(private readonly ws: FakeWorksheet) {}

  private set(prop: string, value: unknown): void {
    this.ws.context.requireApi(9, "pageLayout");
    this.ws.context.enqueue({
      desc: { path: "pageLayout", set: prop, value },
      exec: () => {
        const s = this.ws.sheet();
        if (!s) throw notFound("worksheet");
        s.pageLayout[prop] = value;
      },
    });
  }

  set orientation(value: string) {
    this.set("orientation", value);
  }
  set centerHorizontally(value: boolean) {
    this.set("centerHorizontally", value);
  }
  set zoom(value: unknown) {
    this.set("zoom", value);
  }
  set paperSize(value: string) {
    this.set("paperSize", value);
  }
  set firstPageNumber(value: number | "") {
    this.set("firstPageNumber", value);
  }
  set leftMargin(points: number) {
    this.set("leftMargin", points);
  }
  set rightMargin(points: number) {
    this.set("rightMargin", points);
  }
  set topMargin(points: number) {
    this.set("topMargin", points);
  }
  set bottomMargin(points: number) {
    this.set("bottomMargin", points);
  }
  set headerMargin(points: number) {
    this.set("headerMargin", points);
  }
  set footerMargin(points: number) {
    this.set("footerMargin", points);
  }
  get orientation(): string {
    throw notLoaded("pageLayout/orientation");
  }
  get zoom(): unknown {
    throw notLoaded("pageLayout/zoom");
  }
  setPrintTitleRows(address: string): void {
    this.set("printTitleRows", address);
  }
  setPrintTitleColumns(address: string): void {
    this.set("printTitleColumns", address);
  }
  setPrintArea(area: string | FakeRange): void {
    if (typeof area !== "string") throw new FakeExcelError("InvalidArgument", "The fake takes print areas as addresses");
    this.set("printArea", area);
  }
  /** `headersFooters.defaultForAllPages` (the same header and footer on every page); each part is stored by name. */
  get headersFooters(): { defaultForAllPages: Record<string, string> } {
    const part = (name: string) => ({
      get: () => {
        throw notLoaded(`pageLayout/headersFooters/defaultForAllPages/${name}`);
      },
      set: (value: string) => this.set(`defaultForAllPages.${name}`, value),
      enumerable: true,
    });
    const page = {};
    for (const name of ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"]) Object.defineProperty(page, name, part(name));
    return { defaultForAllPages: page as Record<string, string> };
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  rects: Rect[];
}

function forEachCell(t: RangeTarget, fn: (r: number, c: number) => void): void {
  for (const rect of t.rects) {
    if ((rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1) > 50_000_000) {
      throw new FakeExcelError("InvalidArgument", "The fake does not format more than 50 million cells at once");
    }
    for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) fn(r, c);
  }
}

function single(t: RangeTarget, what: string): Rect {
  if (t.rects.length !== 1) throw new FakeExcelError("InvalidOperation", `${what} needs a single area`);
  return t.rects[0];
}

function matrixOf(t: RangeTarget, value: unknown, what: string): unknown[][] {
  const rect = single(t, what);
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  if (!Array.isArray(value)) {
    // A scalar is applied to every cell, as office-js does.
    return Array.from({ length: rows }, () => new Array(cols).fill(value));
  }
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeExcelError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`,
    );
  }
  return value as unknown[][];
}

export class FakeRange extends ClientObject<RangeTarget> {
  protected readonly scalarProps = [
    "address",
    "values",
    "numberFormat",
    "formulas",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "rowHidden",
  ];
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(context: FakeRequestContext, path: string, resolver: () => RangeTarget | null, orNull = false) {
    super(context, path, resolver, orNull);
    this.format = new FakeRangeFormat(this);
    this.conditionalFormats = new FakeConditionalFormatCollection(context, `${path}.cfs`, this);
  }

  /** @internal */
  targetOrThrow(): RangeTarget {
    return this.target();
  }

  /** @internal */
  rect(): Rect {
    return single(this.target(), "range");
  }

  protected getProp(t: RangeTarget, prop: string): unknown {
    const rect = t.rects[0];
    switch (prop) {
      case "address":
        return t.rects.map((r) => `${quoteSheetName(t.sheet.name)}!${rectAddress(r)}`).join(",");
      case "values":
        return t.sheet.readValues(single(t, "values"));
      case "numberFormat": {
        const r = single(t, "numberFormat");
        const out: string[][] = [];
        for (let row = r.r1; row <= r.r2; row++) {
          const line: string[] = [];
          for (let c = r.c1; c <= r.c2; c++) line.push(t.sheet.getNumberFormat(row, c));
          out.push(line);
        }
        return out;
      }
      case "formulas": {
        const values = t.sheet.readValues(single(t, "formulas"));
        const r = t.rects[0];
        return values.map((line, i) =>
          line.map((v, j) => t.sheet.formulas.get(FakeSheet.key(r.r1 + i, r.c1 + j)) ?? v),
        );
      }
      case "rowIndex":
        return rect.r1 - 1;
      case "columnIndex":
        return rect.c1 - 1;
      case "rowCount":
        return rect.r2 - rect.r1 + 1;
      case "columnCount":
        return rect.c2 - rect.c1 + 1;
      case "rowHidden": {
        // True when every row is hidden, false when none, null when mixed (as office-js).
        const r = single(t, "rowHidden");
        if (t.sheet.hiddenRows.size === 0) return false;
        let hidden = 0;
        for (const h of t.sheet.hiddenRows) if (h >= r.r1 && h <= r.r2) hidden++;
        if (hidden === 0) return false;
        return hidden === r.r2 - r.r1 + 1 ? true : null;
      }
      default:
        throw new FakeExcelError("InvalidArgument", prop);
    }
  }

  get address(): string {
    return this.read("address");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(value: unknown[][]) {
    this.queueSet("values", value, (t) => {
      const m = matrixOf(t, value, "values");
      const r = t.rects[0];
      for (let i = 0; i < m.length; i++) for (let j = 0; j < m[i].length; j++) t.sheet.write(r.r1 + i, r.c1 + j, m[i][j]);
    });
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(value: string[][]) {
    this.queueSet("numberFormat", value, (t) => {
      const m = matrixOf(t, value, "numberFormat");
      const r = t.rects[0];
      for (let i = 0; i < m.length; i++) {
        for (let j = 0; j < m[i].length; j++) {
          const f = m[i][j];
          if (f === null) continue;
          if (typeof f !== "string") throw new FakeExcelError("InvalidArgument", "numberFormat must be text");
          t.sheet.setNumberFormat(r.r1 + i, r.c1 + j, f);
        }
      }
    });
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowHidden(): boolean | null {
    return this.read("rowHidden");
  }

  /** ExcelApi 1.7. */
  set hyperlink(value: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string }) {
    this.context.requireApi(7, "hyperlink");
    this.queueSet("hyperlink", value, (t) => {
      forEachCell(t, (r, c) => {
        t.sheet.setStyle(r, c, { link: value.documentReference ?? value.address });
        if (value.textToDisplay !== undefined) t.sheet.setStored(r, c, value.textToDisplay);
      });
    });
  }

  private derived(what: string, fn: (t: RangeTarget) => RangeTarget | null): FakeRange {
    return new FakeRange(this.context, `${this.path}.${what}`, () => {
      const t = this.resolve();
      return t ? fn(t) : null;
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived(`cell(${row},${column})`, (t) => {
      const r = single(t, "getCell");
      return { sheet: t.sheet, rects: [{ r1: r.r1 + row, c1: r.c1 + column, r2: r.r1 + row, c2: r.c1 + column }] };
    });
  }

  getRow(row: number): FakeRange {
    return this.derived(`row(${row})`, (t) => {
      const r = single(t, "getRow");
      return { sheet: t.sheet, rects: [{ r1: r.r1 + row, c1: r.c1, r2: r.r1 + row, c2: r.c2 }] };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived(`resized(${deltaRows},${deltaColumns})`, (t) => {
      const r = single(t, "getResizedRange");
      const next = { r1: r.r1, c1: r.c1, r2: r.r2 + deltaRows, c2: r.c2 + deltaColumns };
      if (next.r2 < next.r1 || next.c2 < next.c1 || next.r2 > MAX_ROWS || next.c2 > MAX_COLUMNS) {
        throw new FakeExcelError("InvalidArgument", "getResizedRange out of the sheet");
      }
      return { sheet: t.sheet, rects: [next] };
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived(`offset(${rowOffset},${columnOffset})`, (t) => {
      const r = single(t, "getOffsetRange");
      const next = { r1: r.r1 + rowOffset, c1: r.c1 + columnOffset, r2: r.r2 + rowOffset, c2: r.c2 + columnOffset };
      if (next.r1 < 1 || next.c1 < 1 || next.r2 > MAX_ROWS || next.c2 > MAX_COLUMNS) {
        throw new FakeExcelError("InvalidArgument", "getOffsetRange out of the sheet");
      }
      return { sheet: t.sheet, rects: [next] };
    });
  }

  /** ExcelApi 1.3: the visible rows of the range; only `cellAddresses` is modelled. */
  getVisibleView(): FakeRangeView {
    return new FakeRangeView(this.context, `${this.path}.visibleView`, () => this.resolve());
  }

  select(): void {
    this.queueCall("select", [], (t) => {
      const model = this.context.host.model;
      if (model.activeSheet !== t.sheet.name) {
        throw new FakeExcelError("InvalidOperation", "select() works on the active sheet; activate it first");
      }
      model.selection = { sheet: t.sheet.name, address: t.rects.map(rectAddress).join(",") };
    });
  }

  merge(across = false): void {
    this.queueCall("merge", [across], (t) => {
      const r = single(t, "merge");
      const add = across
        ? Array.from({ length: r.r2 - r.r1 + 1 }, (_, i) => ({ r1: r.r1 + i, r2: r.r1 + i, c1: r.c1, c2: r.c2 }))
        : [r];
      t.sheet.merges.push(...add);
    });
  }

  /** ExcelApi 1.9; only `Formats` is modelled: number formats, styles and merges of a source block of the same size. */
  copyFrom(source: FakeRange | string, copyType = "All"): void {
    this.context.requireApi(9, "copyFrom");
    if (copyType !== "Formats") throw new FakeExcelError("InvalidArgument", `copyFrom ${copyType} is not modelled`);
    if (typeof source === "string") throw new FakeExcelError("InvalidArgument", "copyFrom takes a range object here");
    this.queueCall("copyFrom", [source.path, copyType], (t) => {
      const to = single(t, "copyFrom");
      const st = source.targetOrThrow();
      const from = single(st, "copyFrom source");
      if (to.r2 - to.r1 !== from.r2 - from.r1 || to.c2 - to.c1 !== from.c2 - from.c1) {
        throw new FakeExcelError("InvalidArgument", "copyFrom: the destination must be the size of the source here");
      }
      const dr = to.r1 - from.r1;
      const dc = to.c1 - from.c1;
      // Read the whole source first: the two blocks may lie on the same sheet.
      const cells: { r: number; c: number; format: string; style: CellStyle | undefined }[] = [];
      for (let r = from.r1; r <= from.r2; r++) {
        for (let c = from.c1; c <= from.c2; c++) cells.push({ r, c, format: st.sheet.getNumberFormat(r, c), style: st.sheet.style(r, c) });
      }
      for (const x of cells) {
        t.sheet.setNumberFormat(x.r + dr, x.c + dc, x.format);
        const k = FakeSheet.key(x.r + dr, x.c + dc);
        if (x.style) t.sheet.styles.set(k, { ...x.style });
        else t.sheet.styles.delete(k);
      }
      const same = (a: Rect, b: Rect) => a.r1 === b.r1 && a.r2 === b.r2 && a.c1 === b.c1 && a.c2 === b.c2;
      const inside = (m: Rect, r: Rect) => m.r1 >= r.r1 && m.r2 <= r.r2 && m.c1 >= r.c1 && m.c2 <= r.c2;
      const there = t.sheet.merges.filter((m) => inside(m, to));
      for (const m of st.sheet.merges.filter((m) => inside(m, from))) {
        const moved = { r1: m.r1 + dr, r2: m.r2 + dr, c1: m.c1 + dc, c2: m.c2 + dc };
        if (!there.some((x) => same(x, moved))) t.sheet.merges.push(moved);
      }
    });
  }

  /** ExcelApi 1.9: `format.columnWidth` of each column (points; Excel's default where never set). */
  getColumnProperties(_load: unknown): { value: { format: { columnWidth: number } }[] } {
    this.context.requireApi(9, "getColumnProperties");
    return this.properties("getColumnProperties", (t) => {
      const r = single(t, "getColumnProperties");
      const out = [];
      for (let c = r.c1; c <= r.c2; c++) out.push({ format: { columnWidth: t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_POINTS } });
      return out;
    });
  }

  /** ExcelApi 1.9: `format.rowHeight` of each row (points; Excel's default where never set). */
  getRowProperties(_load: unknown): { value: { format: { rowHeight: number } }[] } {
    this.context.requireApi(9, "getRowProperties");
    return this.properties("getRowProperties", (t) => {
      const r = single(t, "getRowProperties");
      const out = [];
      for (let row = r.r1; row <= r.r2; row++) out.push({ format: { rowHeight: t.sheet.rowHeights.get(row) ?? DEFAULT_ROW_POINTS } });
      return out;
    });
  }

  private properties<V>(method: string, read: (t: RangeTarget) => V): { value: V } {
    const result: { value?: V } = {};
    this.queueCall(method, [], read, (v) => (result.value = v));
    return {
      get value(): V {
        if (result.value === undefined) throw notLoaded("value");
        return result.value;
      },
    };
  }

  /** ExcelApi 1.8: list, date and whole-number rules, the input message (prompt) and the error alert. */
  get dataValidation(): { rule: FakeValidationRule; prompt: Record<string, unknown>; errorAlert: Record<string, unknown> } {
    const record = (t: RangeTarget, part: "rule" | "prompt" | "errorAlert", value: Record<string, unknown>) => {
      const rect = single(t, "dataValidation");
      let v = t.sheet.validations.find((x) => x.rect.r1 === rect.r1 && x.rect.c1 === rect.c1 && x.rect.r2 === rect.r2 && x.rect.c2 === rect.c2);
      if (!v) t.sheet.validations.push((v = { rect }));
      v[part] = value;
    };
    const setRule = (value: FakeValidationRule) => {
      this.context.requireApi(8, "dataValidation");
      const kinds = Object.keys(value);
      if (kinds.length !== 1 || !["list", "date", "wholeNumber"].includes(kinds[0])) throw new FakeExcelError("InvalidArgument", `only one list, date or wholeNumber rule is modelled (got ${kinds.join(", ")})`);
      this.queueStyle("dataValidation.rule", value, (t) => {
        if (value.list) t.sheet.listValidations.push({ rect: single(t, "dataValidation"), source: value.list.source });
        record(t, "rule", value as Record<string, unknown>);
      });
    };
    const setPart = (part: "prompt" | "errorAlert", value: Record<string, unknown>) => {
      this.context.requireApi(8, "dataValidation");
      // Excel refuses a prompt title over 32 characters or a message over 255.
      if (String(value.title ?? "").length > 32 || String(value.message ?? "").length > 255) throw new FakeExcelError("InvalidArgument", `dataValidation.${part} too long`);
      this.queueStyle(`dataValidation.${part}`, value, (t) => record(t, part, value));
    };
    return {
      get rule(): FakeValidationRule {
        throw notLoaded("dataValidation/rule");
      },
      set rule(value: FakeValidationRule) {
        setRule(value);
      },
      get prompt(): Record<string, unknown> {
        throw notLoaded("dataValidation/prompt");
      },
      set prompt(value: Record<string, unknown>) {
        setPart("prompt", value);
      },
      get errorAlert(): Record<string, unknown> {
        throw notLoaded("dataValidation/errorAlert");
      },
      set errorAlert(value: Record<string, unknown>) {
        setPart("errorAlert", value);
      },
    };
  }

  clear(): void {
    this.queueCall("clear", [], (t) =>
      forEachCell(t, (r, c) => {
        t.sheet.setStored(r, c, undefined);
        t.sheet.formulas.delete(FakeSheet.key(r, c));
        t.sheet.setNumberFormat(r, c, "General");
        t.sheet.styles.delete(FakeSheet.key(r, c));
      }),
    );
  }

  /** @internal used by format objects */
  queueStyle(prop: string, value: unknown, apply: (t: RangeTarget) => void): void {
    this.queueSet(prop, value, apply);
  }
}

export class FakeRangeView extends ClientObject<RangeTarget> {
  protected readonly scalarProps = ["cellAddresses", "rowCount"];

  protected getProp(t: RangeTarget, prop: string): unknown {
    const r = single(t, "visibleView");
    const rows: number[] = [];
    for (let row = r.r1; row <= r.r2; row++) if (!t.sheet.hiddenRows.has(row)) rows.push(row);
    if (prop === "rowCount") return rows.length;
    return rows.map((row) => {
      const line: string[] = [];
      for (let c = r.c1; c <= r.c2; c++) {
        line.push(`${quoteSheetName(t.sheet.name)}!${rectAddress({ r1: row, r2: row, c1: c, c2: c })}`);
      }
      return line;
    });
  }

  get cellAddresses(): string[][] {
    return this.read("cellAddresses");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
}

function checkColor(value: unknown): string {
  if (typeof value !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(value)) {
    throw new FakeExcelError("InvalidArgument", `Bad colour ${String(value)}`);
  }
  return value.toUpperCase();
}

type FakeValidationRule = {
  list?: { inCellDropDown: boolean; source: string };
  date?: { formula1: string; operator: string };
  wholeNumber?: { formula1: number; operator: string };
};

export class FakeRangeFormat {
  /** ExcelApi 1.2: `format.protection.locked` (every cell starts locked). */
  get protection(): { locked: boolean } {
    const range = this.range;
    return {
      get locked(): boolean {
        throw notLoaded("format/protection/locked");
      },
      set locked(value: boolean) {
        range.context.requireApi(2, "format.protection");
        range.queueStyle("format.protection.locked", value, (t) =>
          forEachCell(t, (r, c) => {
            if (value) t.sheet.unlocked.delete(`${r},${c}`);
            else t.sheet.unlocked.add(`${r},${c}`);
          }),
        );
      },
    };
  }

  readonly fill: { color: string };
  readonly font: { bold: boolean; color: string; size: number; name: string };
  readonly borders: { getItem: (edge: string) => { style: string } };

  constructor(private readonly range: FakeRange) {
    const style = (prop: string, value: unknown, patch: () => Record<string, unknown>) =>
      range.queueStyle(`format.${prop}`, value, (t) => {
        const p = patch();
        forEachCell(t, (r, c) => t.sheet.setStyle(r, c, p));
      });
    this.fill = {
      get color(): string {
        throw notLoaded("format/fill/color");
      },
      set color(value: string) {
        style("fill.color", value, () => ({ fill: checkColor(value) }));
      },
    };
    this.font = {
      get bold(): boolean {
        throw notLoaded("format/font/bold");
      },
      set bold(value: boolean) {
        style("font.bold", value, () => ({ bold: value || undefined }));
      },
      get color(): string {
        throw notLoaded("format/font/color");
      },
      set color(value: string) {
        style("font.color", value, () => ({ fontColor: checkColor(value) }));
      },
      get size(): number {
        throw notLoaded("format/font/size");
      },
      get name(): string {
        throw notLoaded("format/font/name");
      },
      set name(value: string) {
        style("font.name", value, () => ({ fontName: value }));
      },
      set size(value: number) {
        style("font.size", value, () => ({ fontSize: value }));
      },
    };
    this.borders = {
      getItem: (edge: string) => ({
        get style(): string {
          throw notLoaded("format/borders/style");
        },
        set style(value: string) {
          style(`borders.${edge}.style`, value, () => ({ border: value !== "None" || undefined }));
        },
      }),
    };
  }

  set columnWidth(points: number) {
    this.range.queueStyle("format.columnWidth", points, (t) => {
      for (const rect of t.rects) for (let c = rect.c1; c <= rect.c2; c++) t.sheet.columnWidths.set(c, points);
    });
  }
  get columnWidth(): number {
    throw notLoaded("format/columnWidth");
  }

  set wrapText(value: boolean) {
    this.range.queueStyle("format.wrapText", value, (t) => forEachCell(t, (r, c) => t.sheet.setStyle(r, c, { wrap: value || undefined })));
  }
  get wrapText(): boolean {
    throw notLoaded("format/wrapText");
  }

  set verticalAlignment(value: string) {
    this.range.queueStyle("format.verticalAlignment", value, (t) => forEachCell(t, (r, c) => t.sheet.setStyle(r, c, { vertical: value })));
  }
  get verticalAlignment(): string {
    throw notLoaded("format/verticalAlignment");
  }

  set rowHeight(points: number) {
    this.range.queueStyle("format.rowHeight", points, (t) => {
      for (const rect of t.rects) for (let r = rect.r1; r <= rect.r2; r++) t.sheet.rowHeights.set(r, points);
    });
  }
  get rowHeight(): number {
    throw notLoaded("format/rowHeight");
  }

  set horizontalAlignment(value: string) {
    this.range.queueStyle("format.horizontalAlignment", value, (t) =>
      forEachCell(t, (r, c) => t.sheet.setStyle(r, c, { align: value })),
    );
  }
  get horizontalAlignment(): string {
    throw notLoaded("format/horizontalAlignment");
  }
}

export class FakeConditionalFormatCollection extends Collection<FakeConditionalFormat, FakeConditionalFormat_> {
  protected readonly itemProps = ["id", "type", "priority", "stopIfTrue"];

  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly range: FakeRange,
  ) {
    super(context, path);
  }

  override load(props?: unknown): this {
    this.context.requireApi(6, "conditionalFormats");
    return super.load(props);
  }

  /** Conditional formats whose range intersects this range, by priority (what Excel lists). */
  protected list(): FakeConditionalFormat[] {
    const t = this.range.targetOrThrow();
    return t.sheet.conditionalFormats.filter((cf) =>
      cf.areas.some((a) => t.rects.some((b) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2)),
    );
  }

  protected itemProxy(cf: FakeConditionalFormat): FakeConditionalFormat_ {
    return new FakeConditionalFormat_(this.context, `cf(${cf.id})`, () => this.findLive(cf));
  }

  private findLive(cf: FakeConditionalFormat): { sheet: FakeSheet; cf: FakeConditionalFormat } {
    const t = this.range.targetOrThrow();
    if (!t.sheet.conditionalFormats.includes(cf)) throw notFound(`conditional format ${cf.id}`);
    return { sheet: t.sheet, cf };
  }

  protected itemProp(cf: FakeConditionalFormat, prop: string): unknown {
    return cfProp(this.range.targetOrThrow().sheet, cf, prop);
  }

  add(type: string): FakeConditionalFormat_ {
    this.context.requireApi(6, "conditionalFormats");
    if (type !== "Custom") throw new FakeExcelError("InvalidArgument", `The fake models only Custom conditional formats, not ${type}`);
    let created: FakeConditionalFormat | null = null;
    this.context.enqueue({
      desc: { path: this.path, call: "add", args: [type] },
      exec: () => {
        const t = this.range.targetOrThrow();
        created = { id: newId("cf"), type: "Custom", areas: t.rects.map((r) => ({ ...r })), formula: "", fill: null, fontColor: null };
        // A new rule goes on top, as when a user adds one in Excel.
        t.sheet.conditionalFormats.unshift(created);
      },
    });
    return new FakeConditionalFormat_(this.context, `${this.path}.added`, () => {
      if (!created) throw notFound("added conditional format");
      return { sheet: this.range.targetOrThrow().sheet, cf: created };
    });
  }

  getCount(): { value: number } {
    const result: { value?: number } = {};
    this.context.enqueue({
      desc: { path: this.path, call: "getCount" },
      exec: () => {
        const n = this.list().length;
        return { payload: n, apply: () => (result.value = n) };
      },
    });
    return {
      get value(): number {
        if (result.value === undefined) throw notLoaded("value");
        return result.value;
      },
    };
  }

  clearAll(): void {
    this.context.enqueue({
      desc: { path: this.path, call: "clearAll" },
      exec: () => {
        const t = this.range.targetOrThrow();
        const mine = new Set(this.list());
        t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !mine.has(cf));
      },
    });
  }
}

function cfProp(sheet: FakeSheet, cf: FakeConditionalFormat, prop: string): unknown {
  switch (prop) {
    case "id":
      return cf.id;
    case "type":
      return cf.type;
    case "priority":
      return sheet.conditionalFormats.indexOf(cf);
    case "stopIfTrue":
      return false;
    default:
      throw new FakeExcelError("InvalidArgument", prop);
  }
}

interface CfTarget {
  sheet: FakeSheet;
  cf: FakeConditionalFormat;
}

// Underscore: `FakeConditionalFormat` is the model's record of the same thing.
export class FakeConditionalFormat_ extends ClientObject<CfTarget> {
  protected readonly scalarProps = ["id", "type", "priority", "stopIfTrue"];
  readonly custom: FakeCustomConditionalFormat;

  constructor(context: FakeRequestContext, path: string, resolver: () => CfTarget | null) {
    super(context, path, resolver);
    this.custom = new FakeCustomConditionalFormat(this);
  }

  protected getProp(t: CfTarget, prop: string): unknown {
    return cfProp(t.sheet, t.cf, prop);
  }

  /** @internal */
  cfTarget(): CfTarget {
    return this.target();
  }

  /** @internal */
  queueCf(prop: string, value: unknown, apply: (t: CfTarget) => void): void {
    this.queueSet(prop, value, apply);
  }

  get id(): string {
    return this.read("id");
  }
  get type(): string {
    return this.read("type");
  }
  get priority(): number {
    return this.read("priority");
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, `${this.path}.range`, () => {
      const t = this.resolve();
      return t ? { sheet: t.sheet, rects: t.cf.areas.map((a) => ({ ...a })) } : null;
    });
  }

  delete(): void {
    this.queueCall("delete", [], (t) => {
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => cf !== t.cf);
    });
  }
}

export class FakeCustomConditionalFormat {
  readonly rule: FakeConditionalFormatRule;
  readonly format: { fill: { color: string }; font: { color: string } };

  constructor(owner: FakeConditionalFormat_) {
    this.rule = new FakeConditionalFormatRule(owner);
    const custom = (t: CfTarget) => {
      if (t.cf.type !== "Custom") throw new FakeExcelError("InvalidOperation", "Not a custom conditional format");
      return t.cf;
    };
    this.format = {
      fill: {
        get color(): string {
          throw notLoaded("custom/format/fill/color");
        },
        set color(value: string) {
          owner.queueCf("custom.format.fill.color", value, (t) => void (custom(t).fill = checkColor(value)));
        },
      },
      font: {
        get color(): string {
          throw notLoaded("custom/format/font/color");
        },
        set color(value: string) {
          owner.queueCf("custom.format.font.color", value, (t) => void (custom(t).fontColor = checkColor(value)));
        },
      },
    };
  }
}

export class FakeConditionalFormatRule extends ClientObject<CfTarget> {
  protected readonly scalarProps = ["formula"];

  constructor(owner: FakeConditionalFormat_) {
    super(owner.context, "cf.custom.rule", () => {
      const t = owner.cfTarget();
      if (t.cf.type !== "Custom") throw new FakeExcelError("InvalidOperation", "Not a custom conditional format");
      return t;
    });
  }

  protected getProp(t: CfTarget, prop: string): unknown {
    if (prop !== "formula") throw new FakeExcelError("InvalidArgument", prop);
    return t.cf.formula;
  }

  get formula(): string {
    return this.read("formula");
  }
  set formula(value: string) {
    this.queueSet("formula", value, (t) => {
      if (!value.startsWith("=")) throw new FakeExcelError("InvalidArgument", "A rule formula starts with =");
      t.cf.formula = value;
    });
  }
}

export class FakeSettingCollection extends Collection<[string, unknown], FakeSetting> {
  protected readonly itemProps = ["key", "value"];

  protected list(): [string, unknown][] {
    return [...this.context.host.model.settings.entries()];
  }

  protected itemProxy(t: [string, unknown]): FakeSetting {
    return this.getItem(t[0]);
  }

  protected itemProp(t: [string, unknown], prop: string): unknown {
    return prop === "key" ? t[0] : t[1];
  }

  add(key: string, value: unknown): FakeSetting {
    // Stored as JSON, the way Excel keeps settings in the file.
    const json = JSON.stringify(value);
    this.context.enqueue({
      desc: { path: this.path, call: "add", args: [key, value] },
      exec: () => void this.context.host.model.settings.set(key, JSON.parse(json)),
    });
    return this.getItem(key);
  }

  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, `setting(${JSON.stringify(key)})`, () => {
      if (!this.context.host.model.settings.has(key)) throw notFound(`setting ${key}`);
      return key;
    });
  }

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(
      this.context,
      `setting?(${JSON.stringify(key)})`,
      () => (this.context.host.model.settings.has(key) ? key : null),
      true,
    );
  }
}

export class FakeSetting extends ClientObject<string> {
  protected readonly scalarProps = ["key", "value"];

  protected getProp(key: string, prop: string): unknown {
    if (prop === "key") return key;
    return structuredCloneJson(this.context.host.model.settings.get(key));
  }

  get key(): string {
    return this.read("key");
  }
  get value(): unknown {
    return this.read("value");
  }
  set value(v: unknown) {
    const json = JSON.stringify(v);
    this.queueSet("value", v, (key) => void this.context.host.model.settings.set(key, JSON.parse(json)));
  }

  delete(): void {
    this.queueCall("delete", [], (key) => void this.context.host.model.settings.delete(key));
  }
}

function structuredCloneJson(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}
