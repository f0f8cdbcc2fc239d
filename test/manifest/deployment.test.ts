/**
 * What a company's administrator deploys (README, "Deployment by a company's IT"): a production
 * build made with the company's https origin, whose dist/manifest.xml sends Office only to files the
 * build made, and a build without that origin that says its manifest points at the development server.
 */
import { existsSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { ensureProductionBuilt, PUBLIC_URL, type ProductionBuild } from "../build/support/production-build";
import { descendants, parseXml } from "./xml";

interface WebpackPlugin {
  apply(compiler: unknown): void;
}

interface WebpackConfigModule {
  (env: Record<string, unknown>, argv: { mode?: string }): Promise<{ plugins: WebpackPlugin[] }>;
  manifestOriginWarning(env: Record<string, unknown>, argv: { mode?: string }): string | null;
  DEV_ORIGIN: string;
}

/** The warnings a config's plugins add to a compilation, run on a compiler with just the hook they use. */
async function warningsOfBuild(env: Record<string, unknown>, mode: string): Promise<string[]> {
  const config = await webpackConfig(env, { mode });
  const compilation = { warnings: [] as Error[], errors: [] as Error[], hooks: {} };
  for (const plugin of config.plugins.filter((p) => p.constructor.name === "BuildWarningPlugin")) {
    plugin.apply({
      hooks: { thisCompilation: { tap: (_name: string, run: (c: typeof compilation) => void) => run(compilation) } },
      webpack: { WebpackError: Error },
    });
  }
  return compilation.warnings.map((w) => w.message);
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as WebpackConfigModule;

jest.setTimeout(12 * 60_000);

let build: ProductionBuild;

beforeAll(async () => {
  build = await ensureProductionBuilt();
});

/** Every http(s) URL in an attribute of the manifest (namespace declarations are names, not addresses). */
function manifestUrls(xml: string): string[] {
  const root = parseXml(xml);
  return [root, ...descendants(root)].flatMap((element) =>
    Object.entries(element.attributes)
      .filter(([name, value]) => !name.startsWith("xmlns") && /^[a-z]+:\/\//i.test(value))
      .map(([, url]) => url),
  );
}

/** https://origin/path → dist/path, or why the URL is not one of the build's files. */
function builtFileFor(url: string, dir: string): string {
  if (!url.startsWith(`${PUBLIC_URL}/`)) return `(not below ${PUBLIC_URL}: ${url})`;
  const relative = decodeURIComponent(new URL(url).pathname).slice(new URL(PUBLIC_URL).pathname.length + 1);
  const file = join(dir, relative);
  return existsSync(file) && statSync(file).isFile() ? relative : `(no file ${relative} in the build for ${url})`;
}

describe("a production build for a company's origin (--env publicUrl)", () => {
  it("leaves no localhost in dist/manifest.xml", () => {
    const xml = readFileSync(join(build.dir, "manifest.xml"), "utf8");
    expect(xml).not.toMatch(/localhost/i);
    expect(xml).not.toContain(webpackConfig.DEV_ORIGIN);
  });

  it("points every URL of dist/manifest.xml at a file the build made", () => {
    const xml = readFileSync(join(build.dir, "manifest.xml"), "utf8");
    const urls = manifestUrls(xml);
    // IconUrl, HighResolutionIconUrl, SupportUrl, SourceLocation, eight ribbon icons, two bt:Url.
    expect(urls).toHaveLength(14);
    const files = urls.map((url) => builtFileFor(url, build.dir));
    expect(files.filter((f) => f.startsWith("("))).toEqual([]);
    expect(new Set(files)).toEqual(
      new Set([
        "taskpane.html",
        "assets/support.html",
        ...[16, 20, 24, 32, 40, 48, 64, 80].map((size) => `assets/icon-${size}.png`),
      ]),
    );
  });

  it("keeps the manifest's ids and declares no unused namespace prefix", () => {
    const built = readFileSync(join(build.dir, "manifest.xml"), "utf8");
    const source = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");
    expect(parseXml(built).children.map((c) => c.name)).toEqual(parseXml(source).children.map((c) => c.name));
    expect(/<Id>([^<]+)<\/Id>/.exec(built)?.[1]).toBe("590ec5b7-7eb1-4656-bd94-d17c7ac31dc4");
    for (const prefix of [...source.matchAll(/\sxmlns:([A-Za-z][\w.-]*)=/g)].map((m) => m[1])) {
      expect({ prefix, used: new RegExp(`[<\\s"]${prefix}:`).test(source.replace(/\sxmlns:[\w.-]+="[^"]*"/g, "")) }).toEqual({ prefix, used: true });
    }
  });

  it("does not warn that the manifest points at the development server", () => {
    expect(build.output).not.toContain("points at the development server");
  });
});

describe("the build's word on the manifest's origin", () => {
  it("warns a production build without publicUrl that its manifest points at the development server", () => {
    const warning = webpackConfig.manifestOriginWarning({}, { mode: "production" });
    expect(warning).toContain("points at the development server https://localhost:3000");
    expect(warning).toContain("npm run build -- --env publicUrl=https://");
  });

  it("puts that warning into the production build's output, and only there", async () => {
    const production = await warningsOfBuild({}, "production");
    expect(production).toHaveLength(1);
    expect(production[0]).toMatch(/^\[duizhang\] dist\/manifest\.xml points at the development server https:\/\/localhost:3000/);
    expect(await warningsOfBuild({ publicUrl: "https://erp.example.cn/duizhang" }, "production")).toEqual([]);
    expect(await warningsOfBuild({}, "development")).toEqual([]);
  });

  it("says nothing for a build with publicUrl, nor for development", () => {
    expect(webpackConfig.manifestOriginWarning({ publicUrl: "https://erp.example.cn/duizhang" }, { mode: "production" })).toBeNull();
    expect(webpackConfig.manifestOriginWarning({}, { mode: "development" })).toBeNull();
  });
});
