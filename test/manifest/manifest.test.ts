/**
 * manifest.xml checked offline, since Microsoft's validator (`npm run validate`) is a web
 * service: well-formed XML, the elements Office requires in the order its schema wants, the id,
 * the version, URLs that the development server serves from the build, icons at the sizes
 * declared, the requirement set, and every string in zh-CN with an en-US override.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { childrenNamed, descendants, onlyChild, parseXml, type XmlElement } from "./xml";

interface DeclaredOutputs {
  pages: { name: string; entry: string; template: string; filename: string }[];
  copies: { from: string; to: string }[];
  officeJs: string;
}

interface WebpackConfigModule {
  declaredOutputs(env: Record<string, unknown>, argv: { mode?: string }): DeclaredOutputs;
  rewriteManifest(xml: string, publicUrl: string | null): string;
  DEV_ORIGIN: string;
  OFFICE_JS_CDN: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as WebpackConfigModule;

const ROOT = path.join(__dirname, "..", "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const MANIFEST_TEXT = fs.readFileSync(MANIFEST_PATH, "utf8");
const ORIGIN = "https://localhost:3000";

const APP_NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
const BT_NS = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const OVERRIDES_NS = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

const CJK = /[\u4e00-\u9fff]/;

const manifest = parseXml(MANIFEST_TEXT);

function xsiType(element: XmlElement): string | undefined {
  return element.attributes["xsi:type"];
}

/** Every http(s) URL in an attribute anywhere in the manifest, with the element it is on. */
function allUrls(): { url: string; element: XmlElement }[] {
  return [manifest, ...descendants(manifest)].flatMap((element) =>
    Object.entries(element.attributes)
      .filter(([name, value]) => !name.startsWith("xmlns") && /^[a-z]+:\/\//i.test(value))
      .map(([, url]) => ({ url, element })),
  );
}

const versionOverrides = onlyChild(manifest, "VersionOverrides");
const resources = onlyChild(versionOverrides, "Resources");

/** `bt:Images`, `bt:Urls`, `bt:ShortStrings` or `bt:LongStrings`: resid -> element. */
function resourceTable(kind: string): Map<string, XmlElement> {
  const table = new Map<string, XmlElement>();
  for (const item of onlyChild(resources, kind).children) table.set(item.attributes.id, item);
  return table;
}

/**
 * What office-addin-manifest's own (offline) parser reads from the file. It runs in a child node
 * process because the package pulls in ES-module-only dependencies that jest's CommonJS runtime
 * cannot load, while node (20.19 and later) can.
 */
function readWithOfficeAddinManifest(file: string): Record<string, unknown> {
  const script =
    'require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1])' +
    ".then((info) => process.stdout.write(JSON.stringify(info)), (error) => { console.error(String(error)); process.exit(1); })";
  return JSON.parse(execFileSync(process.execPath, ["-e", script, file], { cwd: ROOT, encoding: "utf8" })) as Record<string, unknown>;
}

/** The PNG's width and height from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * The repository file a development-server URL is served from, or an explanation of why the
 * build does not produce it, for the build that `argv`/`env` describe.
 */
function servedFrom(url: string, argv: { mode: string }, env: Record<string, unknown> = {}): string {
  const outputs = webpackConfig.declaredOutputs(env, argv);
  const relative = decodeURIComponent(new URL(url).pathname.slice(1));
  const page = outputs.pages.find((p) => p.filename === relative);
  if (page) return page.template;
  for (const copy of outputs.copies) {
    if (relative === copy.to) return copy.from;
    if (relative.startsWith(`${copy.to}/`)) return path.join(copy.from, relative.slice(copy.to.length + 1));
  }
  return `(no page or copied file of the ${argv.mode} build is ${relative})`;
}

describe("manifest.xml", () => {
  it("is an XML task pane manifest in Office's namespaces", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.namespace).toBe(APP_NS);
    expect(xsiType(manifest)).toBe("TaskPaneApp");
    expect(manifest.attributes["xmlns:xsi"]).toBe(XSI_NS);
    expect(manifest.attributes["xmlns:bt"]).toBe(BT_NS);
    expect(versionOverrides.namespace).toBe(OVERRIDES_NS);
    expect(xsiType(versionOverrides)).toBe("VersionOverridesV1_0");
    expect(MANIFEST_TEXT.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });

  it("lists the top-level elements in the order the OfficeApp schema requires", () => {
    const schemaOrder = [
      "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
      "AllowSnapshot", "VersionOverrides",
    ];
    const names = manifest.children.map((c) => c.name);
    expect(names.filter((n) => !schemaOrder.includes(n))).toEqual([]);
    expect([...names].sort((a, b) => schemaOrder.indexOf(a) - schemaOrder.indexOf(b))).toEqual(names);
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"]) {
      expect(names.filter((n) => n === required)).toEqual([required]);
    }
  });

  it("keeps the GUID id Office knows the add-in (and its saved settings) by", () => {
    const id = onlyChild(manifest, "Id").text.trim();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(id).toBe("590ec5b7-7eb1-4656-bd94-d17c7ac31dc4");
  });

  it("has a version of up to four dot-separated numbers of at most five digits", () => {
    expect(onlyChild(manifest, "Version").text.trim()).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
  });

  it("reads the same through office-addin-manifest's own parser, offline", () => {
    const info = readWithOfficeAddinManifest(MANIFEST_PATH);
    expect(info).toMatchObject({
      id: onlyChild(manifest, "Id").text.trim(),
      version: onlyChild(manifest, "Version").text.trim(),
      officeAppType: "TaskPaneApp",
      defaultLocale: "zh-CN",
      displayName: "对账助手",
      hosts: ["Workbook"],
      permissions: "ReadWriteDocument",
      defaultSettings: { sourceLocation: `${ORIGIN}/taskpane.html` },
    });
  });

  it("runs in Excel workbooks with permission to read and write the document", () => {
    expect(onlyChild(onlyChild(manifest, "Hosts"), "Host").attributes.Name).toBe("Workbook");
    expect(onlyChild(manifest, "Permissions").text.trim()).toBe("ReadWriteDocument");
    expect(childrenNamed(onlyChild(versionOverrides, "Hosts"), "Host").map(xsiType)).toEqual(["Workbook"]);
  });

  it("requires ExcelApi 1.7 and nothing higher, so Office 2019 can install it", () => {
    const sets = onlyChild(onlyChild(manifest, "Requirements"), "Sets");
    expect(childrenNamed(sets, "Set").map((s) => s.attributes)).toEqual([{ Name: "ExcelApi", MinVersion: "1.7" }]);
  });

  it("opens the task pane from a button in its own group on the Home tab", () => {
    const desktop = onlyChild(onlyChild(onlyChild(versionOverrides, "Hosts"), "Host"), "DesktopFormFactor");
    const extension = onlyChild(desktop, "ExtensionPoint");
    expect(xsiType(extension)).toBe("PrimaryCommandSurface");
    const tab = onlyChild(extension, "OfficeTab");
    expect(tab.attributes.id).toBe("TabHome");
    const group = onlyChild(tab, "Group");
    const button = onlyChild(group, "Control");
    expect(xsiType(button)).toBe("Button");
    const action = onlyChild(button, "Action");
    expect(xsiType(action)).toBe("ShowTaskpane");
    expect(onlyChild(action, "TaskpaneId").text.trim()).toBe("Duizhang.Taskpane");
    const pane = resourceTable("bt:Urls").get(onlyChild(action, "SourceLocation").attributes.resid);
    expect(pane?.attributes.DefaultValue).toBe(`${ORIGIN}/taskpane.html`);
    for (const withIcon of [group, button]) {
      const sizes = childrenNamed(onlyChild(withIcon, "Icon"), "bt:Image").map((i) => Number(i.attributes.size));
      expect(sizes).toEqual(expect.arrayContaining([16, 32, 80]));
      expect(sizes.filter((s) => ![16, 20, 24, 32, 40, 48, 64, 80].includes(s))).toEqual([]);
    }
  });

  it("defines every resid it uses, in the table of the right kind, once, with ids of at most 32 characters", () => {
    const kindOf: Record<string, string> = {
      Label: "bt:ShortStrings",
      Title: "bt:ShortStrings",
      Description: "bt:LongStrings",
      "bt:Image": "bt:Images",
      SourceLocation: "bt:Urls",
      LearnMoreUrl: "bt:Urls",
      FunctionFile: "bt:Urls",
    };
    const uses = descendants(versionOverrides).filter((e) => e.attributes.resid !== undefined);
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) {
      const kind = kindOf[use.name];
      expect({ element: use.name, kind }).toEqual({ element: use.name, kind: expect.any(String) });
      expect({ resid: use.attributes.resid, defined: resourceTable(kind).has(use.attributes.resid) }).toEqual({
        resid: use.attributes.resid,
        defined: true,
      });
    }
    const ids = resources.children.flatMap((table) => table.children.map((item) => item.attributes.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.length > 32)).toEqual([]);
    // Each resource is used: a stale one usually means a renamed reference.
    const used = new Set(uses.map((u) => u.attributes.resid));
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });

  it("puts every URL on the development origin https://localhost:3000", () => {
    const urls = allUrls();
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter(({ url }) => !url.startsWith(`${ORIGIN}/`)).map(({ url }) => url)).toEqual([]);
    expect(webpackConfig.DEV_ORIGIN).toBe(ORIGIN);
  });

  it.each(["production", "development"])("points every URL at a file the %s build produces", (mode) => {
    for (const { url } of allUrls()) {
      const source = servedFrom(url, { mode });
      expect({ url, source, exists: fs.existsSync(path.join(ROOT, source)) }).toEqual({ url, source, exists: true });
    }
  });

  it("serves the task pane page from the task pane entry and template", () => {
    const outputs = webpackConfig.declaredOutputs({}, { mode: "production" });
    const taskpane = outputs.pages.find((p) => p.filename === "taskpane.html");
    expect(taskpane).toEqual({ name: "taskpane", entry: "src/taskpane/index.tsx", template: "src/taskpane/taskpane.html", filename: "taskpane.html" });
    expect(fs.existsSync(path.join(ROOT, "src/taskpane/index.tsx"))).toBe(true);
    expect(outputs.copies).toEqual(
      expect.arrayContaining([
        { from: "assets", to: "assets" },
        { from: "manifest.xml", to: "manifest.xml" },
      ]),
    );
  });

  it("declares icons that exist at the sizes declared", () => {
    const images = resourceTable("bt:Images");
    const sizeOf = new Map<string, number>();
    for (const use of descendants(versionOverrides).filter((e) => e.name === "bt:Image" && e.attributes.size)) {
      sizeOf.set(use.attributes.resid, Number(use.attributes.size));
    }
    const declared: [string, number][] = [
      [onlyChild(manifest, "IconUrl").attributes.DefaultValue, 32],
      [onlyChild(manifest, "HighResolutionIconUrl").attributes.DefaultValue, 64],
      ...[...images].map(([id, image]): [string, number] => [image.attributes.DefaultValue, sizeOf.get(id) ?? -1]),
    ];
    expect(declared.length).toBe(2 + images.size);
    for (const [url, size] of declared) {
      const file = path.join(ROOT, servedFrom(url, { mode: "production" }));
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
  });

  it.each([16, 32, 64, 80, 128])("ships assets/icon-%i.png at %i x %i pixels", (size) => {
    expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
  });

  it("is in zh-CN by default, with en-US overrides for the display name and description", () => {
    expect(onlyChild(manifest, "DefaultLocale").text.trim()).toBe("zh-CN");
    for (const name of ["DisplayName", "Description"]) {
      const element = onlyChild(manifest, name);
      expect(element.attributes.DefaultValue).toMatch(CJK);
      const overrides = childrenNamed(element, "Override").map((o) => o.attributes);
      expect(overrides).toEqual([{ Locale: "en-US", Value: expect.stringMatching(/^[\x20-\x7e]+$/) }]);
    }
    expect(onlyChild(manifest, "DisplayName").attributes.DefaultValue.length).toBeLessThanOrEqual(125);
    expect(onlyChild(manifest, "Description").attributes.DefaultValue.length).toBeLessThanOrEqual(250);
  });

  it.each([
    ["bt:ShortStrings", 125],
    ["bt:LongStrings", 250],
  ])("gives every string in %s a Chinese default and an English override of at most %i characters", (kind, limit) => {
    const strings = [...resourceTable(kind)];
    expect(strings.length).toBeGreaterThan(0);
    for (const [id, element] of strings) {
      expect(element.name).toBe("bt:String");
      const overrides = childrenNamed(element, "bt:Override").map((o) => o.attributes);
      expect({ id, zh: CJK.test(element.attributes.DefaultValue), overrides }).toEqual({
        id,
        zh: true,
        overrides: [{ Locale: "en-US", Value: expect.stringMatching(/^[\x20-\x7e]+$/) }],
      });
      expect(Math.max(element.attributes.DefaultValue.length, overrides[0].Value.length)).toBeLessThanOrEqual(limit);
    }
  });
});

describe("webpack.config.js as the manifest sees it", () => {
  it("loads office.js from Microsoft's CDN in production and from the copied package otherwise", () => {
    expect(webpackConfig.declaredOutputs({}, { mode: "production" }).officeJs).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(webpackConfig.declaredOutputs({ localOffice: true }, { mode: "production" }).officeJs).toBe("office-js/office.js");
    expect(webpackConfig.declaredOutputs({}, { mode: "development" }).officeJs).toBe("office-js/office.js");
    const copied = webpackConfig.declaredOutputs({ localOffice: true }, { mode: "production" }).copies.find((c) => c.to === "office-js");
    expect(copied && fs.existsSync(path.join(ROOT, copied.from, "office.js"))).toBe(true);
    expect(webpackConfig.declaredOutputs({}, { mode: "production" }).copies.map((c) => c.to)).not.toContain("office-js");
  });

  it("adds the preview page in development and with --env preview only", () => {
    const names = (env: Record<string, unknown>, mode: string) => webpackConfig.declaredOutputs(env, { mode }).pages.map((p) => p.filename);
    expect(names({}, "production")).toEqual(["taskpane.html"]);
    expect(names({ preview: true }, "production")).toEqual(["taskpane.html", "preview.html"]);
    expect(names({}, "development")).toEqual(["taskpane.html", "preview.html"]);
  });

  it("gives each page template the office.js URL as htmlWebpackPlugin.options.officeJs", () => {
    for (const page of webpackConfig.declaredOutputs({}, { mode: "development" }).pages) {
      const template = path.join(ROOT, page.template);
      expect({ page: page.filename, loadsOfficeJs: /<script src="<%= htmlWebpackPlugin\.options\.officeJs %>"><\/script>/.test(fs.readFileSync(template, "utf8")) }).toEqual({
        page: page.filename,
        loadsOfficeJs: true,
      });
    }
  });

  it("rewrites the development origin in the copied manifest when a public URL is given", () => {
    const deployed = webpackConfig.rewriteManifest(MANIFEST_TEXT, "https://addins.example.cn/duizhang");
    expect(deployed).not.toContain(ORIGIN);
    expect(deployed).toContain('<SourceLocation DefaultValue="https://addins.example.cn/duizhang/taskpane.html"/>');
    expect(parseXml(deployed).children.map((c) => c.name)).toEqual(manifest.children.map((c) => c.name));
    expect(webpackConfig.rewriteManifest(MANIFEST_TEXT, null)).toBe(MANIFEST_TEXT);
  });
});
