/**
 * Edge Legacy (EdgeHTML 18), the webview of retail Office 2016/2019 without WebView2, parses ES2017
 * and nothing later: one `?.` anywhere in a chunk and that chunk does not load, which leaves the pane
 * empty. Every chunk of a production build is parsed here with acorn set to ES2017.
 */
import { parse, type Node as AcornNode } from "acorn";
import { readFileSync } from "fs";
import { join } from "path";
import { builtChunks, ensureProductionBuilt, type ProductionBuild } from "./support/production-build";

jest.setTimeout(12 * 60_000);

let build: ProductionBuild;

beforeAll(async () => {
  build = await ensureProductionBuilt();
  process.stdout.write(`production build: ${build.built ? `built in ${build.ms} ms` : `reused (${build.ms} ms)`}\n`);
});

/** Where a chunk stops parsing as ES2017, with the code around it, or null when it parses. */
function es2017Error(code: string): string | null {
  try {
    parse(code, { ecmaVersion: 2017, sourceType: "script" });
    return null;
  } catch (error) {
    const pos = (error as { pos?: number }).pos ?? 0;
    return `${(error as Error).message} near …${code.slice(Math.max(0, pos - 60), pos + 60)}…`;
  }
}

interface AnyNode extends AcornNode {
  [key: string]: unknown;
}

/**
 * Reads of `globalThis` (which EdgeHTML 18 lacks) that nothing guards: not `typeof globalThis`, not a
 * property named so, and not inside an `if`, `?:`, `&&` or `||` whose test asks `typeof globalThis`.
 */
function unguardedGlobalThis(code: string): string[] {
  const found: string[] = [];
  const ast = parse(code, { ecmaVersion: 2017, sourceType: "script" }) as unknown as AnyNode;
  const guards = (node: AnyNode): boolean => {
    const test = node.type === "LogicalExpression" ? (node.left as AnyNode) : (node.test as AnyNode | undefined);
    return !!test && /typeof globalThis/.test(code.slice(test.start, test.end));
  };
  const walk = (node: AnyNode, parent: AnyNode | null, guarded: boolean): void => {
    if (node.type === "Identifier" && node.name === "globalThis" && !guarded) {
      const ofTypeof = parent?.type === "UnaryExpression" && parent.operator === "typeof";
      const propertyName = (parent?.type === "MemberExpression" && parent.property === node && !parent.computed) || (parent?.type === "Property" && parent.key === node);
      if (!ofTypeof && !propertyName) found.push(code.slice(Math.max(0, node.start - 60), node.end + 20));
    }
    const nowGuarded = guarded || (["IfStatement", "ConditionalExpression", "LogicalExpression"].includes(node.type) && guards(node));
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === "object" && typeof (child as AnyNode).type === "string") walk(child as AnyNode, node, nowGuarded);
      }
    }
  };
  walk(ast, null, false);
  return found;
}

describe("the production build for EdgeHTML 18", () => {
  it("rejects ES2020 syntax when parsing as ES2017 (so the check below can fail)", () => {
    expect(es2017Error("var a = b?.c;")).toMatch(/Unexpected token/);
    expect(es2017Error("var a = b ?? c;")).toMatch(/Unexpected token/);
    expect(es2017Error("var a = { ...b };")).toMatch(/Unexpected token/);
    expect(es2017Error("try { f(); } catch { g(); }")).toMatch(/Unexpected token/);
    expect(es2017Error("async function f() { const { a } = await g(); return a ** 2; }")).toBeNull();
  });

  it("has the chunks taskpane.html loads: webpack's runtime with the pane, React, and the other packages", () => {
    const chunks = builtChunks(build.dir);
    const html = readFileSync(join(build.dir, "taskpane.html"), "utf8");
    const loaded = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+\.js)"?/g)].map((m) => m[1]).filter((src) => !src.startsWith("office-js/"));
    expect(loaded.map((src) => src.replace(/\.[0-9a-f]{8}\.js$/, "")).sort()).toEqual(["react", "taskpane", "vendor"]);
    for (const src of loaded) expect(chunks).toContain(src);
  });

  it("parses every chunk it built, including any loaded later, as ES2017", () => {
    const chunks = builtChunks(build.dir);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    for (const chunk of chunks) {
      const error = es2017Error(readFileSync(join(build.dir, chunk), "utf8"));
      // The chunk's name in the failure says which one to look at.
      expect({ chunk, error }).toEqual({ chunk, error: null });
    }
  });

  it("never reads globalThis unguarded, which EdgeHTML 18 lacks and webpack's runtime must not use", () => {
    expect(unguardedGlobalThis("var g = globalThis.x;")).toHaveLength(1);
    expect(unguardedGlobalThis('var g = typeof globalThis == "object" ? globalThis : window; if (typeof globalThis) f(globalThis);')).toEqual([]);
    for (const chunk of builtChunks(build.dir)) {
      expect({ chunk, unguarded: unguardedGlobalThis(readFileSync(join(build.dir, chunk), "utf8")) }).toEqual({ chunk, unguarded: [] });
    }
  });

  it("carries the EdgeHTML polyfills in the pane's chunk (test/build/webviews.test.ts runs them)", () => {
    const pane = builtChunks(build.dir).find((c) => c.startsWith("taskpane."));
    const code = readFileSync(join(build.dir, pane as string), "utf8");
    // Property names survive minifying; the stand-ins are installed only where the webview lacks them.
    expect(code).toContain('"fromEntries"');
    expect(code).toContain('"composedPath"');
    expect(code).toContain("ResizeObserver");
    expect(code).toContain("WeakRef");
  });
});
