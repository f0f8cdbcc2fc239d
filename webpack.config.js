/**
 * Builds the task pane (and the browser preview) into dist/.
 *
 *   npm run build                          production: dist/ with taskpane.html, hashed bundles, manifest.xml,
 *                                          assets/; office.js from Microsoft's CDN (see below)
 *   npm run build -- --env localOffice     production, but office.js copied into dist/office-js/ and used from there
 *   npm run build -- --env publicUrl=https://host/app
 *                                          production, with the copied manifest pointing at that origin
 *   npm run build:dev                      development build (office.js local, preview included)
 *   npm run dev-server                     https://localhost:3000 with office-addin-dev-certs certificates
 *   npm run preview                        dev server with the preview page (preview.html); falls back to
 *                                          plain http when certificates cannot be made
 *   webpack serve --mode development --env preview --env http
 *                                          the preview over plain http, without trying certificates
 *   ... --env port=3100                    another port (only the preview: the manifest says 3000)
 *
 * office.js: Microsoft wants production add-ins (and AppSource requires them) to load office.js from its CDN
 * (https://appsforoffice.microsoft.com/lib/1/hosted/office.js), which also keeps it current. Development
 * and the preview cannot reach that CDN here, so they use the copy in node_modules/@microsoft/office-js,
 * served as /office-js/. `--env localOffice` does the same for a production build (an offline or
 * intranet deployment). The HTML templates get the URL as `htmlWebpackPlugin.options.officeJs`.
 *
 * Type errors do not fail this build (ts-loader transpileOnly, for speed): `npm run lint` runs tsc.
 *
 * test/manifest/manifest.test.ts calls `declaredOutputs` to check that every URL in manifest.xml is
 * a file this build produces, so plugins are required inside the config function only: reading the
 * outputs must not load webpack.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = __dirname;
const DEV_ORIGIN = "https://localhost:3000";
const DEV_PORT = 3000;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIR = "office-js";

/**
 * The oldest webview that runs the pane is Edge Legacy (EdgeHTML 18: retail Office 2016/2019 without
 * the WebView2 runtime, Microsoft 365 builds before 16.0.13530 on Windows 10 1903 and later): it parses
 * ES2017 but not `?.`, `??`, object spread or optional catch bindings. Every
 * chunk is built as ES2017 (test/build/es2017.test.ts parses each one), and POLYFILLS adds the few
 * built-ins it lacks. Internet Explorer 11 (Trident: volume-licensed Office 2016/2019, older builds
 * elsewhere) cannot run React 18 or Fluent UI v9 at all: taskpane.html tells its users what to do
 * instead, before any bundle loads.
 */
const BROWSER_TARGET = "es2017";
const POLYFILLS = "src/taskpane/edgehtml-polyfills.ts";
/** What webpack's runtime may use: ES2017 and the DOM, nothing later. */
const BROWSER_ENVIRONMENT = {
  arrowFunction: true,
  asyncFunction: true,
  const: true,
  let: true,
  destructuring: true,
  forOf: true,
  generator: true,
  methodShorthand: true,
  templateLiteral: true,
  symbol: true,
  document: true,
  bigIntLiteral: false,
  dynamicImport: false,
  dynamicImportInWorker: false,
  globalThis: false,
  hasOwn: false,
  logicalAssignment: false,
  module: false,
  optionalChaining: false,
  spread: false,
};
/**
 * TypeScript options for lowering node_modules: emit the same module syntax it reads (webpack
 * resolves it), keep define semantics for class fields as the packages were written for, and add no
 * "use strict" to CommonJS files that did not ask for it.
 */
const VENDOR_COMPILER_OPTIONS = {
  target: BROWSER_TARGET,
  module: "esnext",
  allowJs: true,
  checkJs: false,
  strict: false,
  alwaysStrict: false,
  useDefineForClassFields: true,
  importHelpers: false,
  sourceMap: false,
  declaration: false,
  isolatedModules: true,
};
/**
 * JavaScript the task pane may load before it shows its first view, gzipped: the total of Microsoft's
 * React task-pane template (one button), 169 KB. The view chunks come after and are not counted.
 */
const INITIAL_GZIP_BUDGET = 169 * 1024;
/** Bytes as written per gzipped byte for this bundle (minified React and Fluent UI), for webpack's own size hints. */
const RAW_PER_GZIP = 3.3;
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

// The package ships office.js for every Office host (86 MB). An Excel add-in loads office.js, the
// Excel host scripts, the string tables and the telemetry/auth helpers; the other hosts' files are
// left out of the copy (39 MB remain). Type definitions and IntelliSense files are not served.
const OFFICE_JS_SKIP = /(^|[\\/])(outlook|outlookwebapp|word|wordios|powerpoint|powerpointios|onenote|project|access|visio)[^\\/]*$|vsdoc|\.d\.ts$/i;

/** The build's switches, from webpack-cli's `--env` flags and `--mode`. */
function buildOptions(env = {}, argv = {}) {
  const production = (argv.mode || process.env.NODE_ENV) === "production";
  const preview = !production || Boolean(env.preview);
  const localOffice = !production || Boolean(env.preview) || Boolean(env.localOffice);
  const port = env.port ? Number(env.port) : DEV_PORT;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`--env port=${env.port}: not a TCP port`);
  }
  const publicUrl = typeof env.publicUrl === "string" ? env.publicUrl.replace(/\/+$/, "") : null;
  if (publicUrl !== null && !/^https:\/\/[^/]+/.test(publicUrl)) {
    throw new Error(`--env publicUrl=${env.publicUrl}: Office loads add-ins over https only`);
  }
  return {
    production,
    preview,
    // `npm run preview` (as opposed to a development build that happens to include the preview page)
    previewRequested: Boolean(env.preview),
    localOffice,
    port,
    publicUrl,
    http: Boolean(env.http),
    serve: Boolean(env.WEBPACK_SERVE),
  };
}

/**
 * The pages and copied files a build with these flags produces, as paths relative to dist/
 * (`filename`, `to`) and to the repository (`entry`, `template`, `from`).
 */
function declaredOutputs(env = {}, argv = {}) {
  const options = buildOptions(env, argv);
  const pages = [
    { name: "taskpane", entry: "src/taskpane/index.tsx", template: "src/taskpane/taskpane.html", filename: "taskpane.html" },
  ];
  if (options.preview) {
    pages.push({ name: "preview", entry: "src/preview/index.tsx", template: "src/preview/preview.html", filename: "preview.html" });
  }
  const copies = [
    { from: "assets", to: "assets" },
    { from: "manifest.xml", to: "manifest.xml" },
  ];
  if (options.localOffice) copies.push({ from: path.relative(ROOT, OFFICE_JS_DIST), to: OFFICE_JS_DIR });
  const officeJs = options.localOffice ? `${OFFICE_JS_DIR}/office.js` : OFFICE_JS_CDN;
  return { pages, copies, officeJs };
}

/** manifest.xml as copied into dist/: the development origin replaced by `publicUrl`, if given. */
function rewriteManifest(xml, publicUrl) {
  return publicUrl ? xml.split(DEV_ORIGIN).join(publicUrl) : xml;
}

/**
 * What a production build says when its manifest still points at the development server: without
 * publicUrl, dist/manifest.xml sends Office to https://localhost:3000, which only the developer's own
 * machine serves. Null when there is nothing to say.
 */
function manifestOriginWarning(options) {
  if (!options.production || options.publicUrl || options.serve) return null;
  return (
    `dist/manifest.xml points at the development server ${DEV_ORIGIN}: Office on other machines cannot load it. ` +
    "For a deployment, build with the https address the files will be served from: " +
    "npm run build -- --env publicUrl=https://your.host/duizhang (README: Deployment by a company's IT)."
  );
}

/** Server options for webpack-dev-server: https with the Office dev certificates, or plain http for the preview. */
async function devServerTransport(options) {
  if (options.http) {
    if (!options.previewRequested || options.production) throw new Error("--env http is for the preview only: Office loads add-ins over https");
    console.warn("[duizhang] serving over plain http (--env http): the preview only, Office will not load it");
    return "http";
  }
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    if (options.previewRequested && !options.production) {
      console.warn(`[duizhang] no https certificate (${reason}); the preview falls back to plain http, which Office would refuse`);
      return "http";
    }
    throw new Error(
      `Cannot create the https certificate for https://localhost:${options.port} (${reason}). ` +
        "Run `npx office-addin-dev-certs install` (it needs administrator rights), or use `npm run preview` for the browser preview.",
    );
  }
}

/** `npm run preview`: prints the preview page's own URL after webpack's first report, so it is the last line. */
function announcePreviewPage(devServer) {
  const protocol = devServer.isTlsServer ? "https" : "http";
  const { port } = devServer.server.address();
  let said = false;
  devServer.compiler.hooks.done.tap("DuizhangPreviewUrl", (stats) => {
    if (said || stats.hasErrors()) return;
    said = true;
    require("timers").setImmediate(() => console.log(`[duizhang] preview: ${protocol}://localhost:${port}/preview.html`));
  });
}

/** Fails the build when a page does not load office.js before the bundle needs it. */
class RequireOfficeJsPlugin {
  constructor(HtmlWebpackPlugin, officeJs) {
    this.HtmlWebpackPlugin = HtmlWebpackPlugin;
    this.officeJs = officeJs;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap("RequireOfficeJsPlugin", (compilation) => {
      this.HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("RequireOfficeJsPlugin", (data) => {
        const escaped = this.officeJs.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        if (!new RegExp(`<script[^>]*\\ssrc=["']?${escaped}["'\\s>]`).test(data.html)) {
          const { WebpackError } = compiler.webpack;
          compilation.errors.push(
            new WebpackError(`${data.outputName} does not load office.js: its template needs <script src="<%= htmlWebpackPlugin.options.officeJs %>"></script>`),
          );
        }
        return data;
      });
    });
  }
}

/**
 * Warns when the JavaScript a page loads before its first view (the entry's initial chunks) passes
 * INITIAL_GZIP_BUDGET gzipped. test/build/bundle-budget.test.ts fails the suite on the same sum.
 */
class GzipBudgetPlugin {
  constructor(budget) {
    this.budget = budget;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("GzipBudgetPlugin", (compilation) => {
      const stage = compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT;
      compilation.hooks.processAssets.tap({ name: "GzipBudgetPlugin", stage }, () => {
        const zlib = require("zlib");
        for (const [name, entry] of compilation.entrypoints) {
          let bytes = 0;
          for (const file of entry.getFiles()) {
            if (!file.endsWith(".js")) continue;
            const asset = compilation.getAsset(file);
            if (asset) bytes += zlib.gzipSync(asset.source.buffer(), { level: 9 }).length;
          }
          if (bytes > this.budget) {
            compilation.warnings.push(
              new compiler.webpack.WebpackError(
                `[duizhang] ${name}: the first load is ${Math.round(bytes / 1024)} KiB gzipped, over the budget of ${Math.round(this.budget / 1024)} KiB: move what the first view does not need into a view's chunk`,
              ),
            );
          }
        }
      });
    });
  }
}

/** Adds a warning to the build's output (listed with webpack's own at the end), if there is one. */
class BuildWarningPlugin {
  constructor(message) {
    this.message = message;
  }
  apply(compiler) {
    if (!this.message) return;
    compiler.hooks.thisCompilation.tap("BuildWarningPlugin", (compilation) => {
      compilation.warnings.push(new compiler.webpack.WebpackError(`[duizhang] ${this.message}`));
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const HtmlWebpackPlugin = require("html-webpack-plugin");
  const CopyWebpackPlugin = require("copy-webpack-plugin");

  const options = buildOptions(env, argv);
  const outputs = declaredOutputs(env, argv);

  let pages = outputs.pages;
  const missingPreview = pages.find((p) => p.name === "preview" && !fs.existsSync(path.join(ROOT, p.entry)));
  if (missingPreview) {
    // A plain development build should not need the preview; asking for it explicitly does.
    if (options.previewRequested) throw new Error(`--env preview: ${missingPreview.entry} does not exist`);
    console.warn(`[duizhang] ${missingPreview.entry} does not exist yet: building without the preview page`);
    pages = pages.filter((p) => p !== missingPreview);
  }

  const patterns = outputs.copies.map(({ from, to }) => {
    const pattern = { from: path.join(ROOT, from), to };
    if (to === OFFICE_JS_DIR) {
      pattern.filter = (file) => !OFFICE_JS_SKIP.test(path.relative(OFFICE_JS_DIST, file));
      // Microsoft ships these minified already; running Terser over 30 MB would take minutes.
      pattern.info = { minimized: true };
    }
    if (to === "manifest.xml") pattern.transform = (content) => rewriteManifest(content.toString("utf8"), options.publicUrl);
    return pattern;
  });

  return {
    mode: options.production ? "production" : "development",
    context: ROOT,
    // The polyfills first, so they are in place before React or Fluent UI look for what they call.
    entry: Object.fromEntries(pages.map((p) => [p.name, [`./${POLYFILLS}`, `./${p.entry}`]])),
    output: {
      path: path.join(ROOT, "dist"),
      // Relative URLs, so the build also works below a path (publicUrl=https://host/app).
      publicPath: "",
      filename: options.production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: options.production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
      // webpack's own runtime (chunk loading, module glue) in ES2017 too: no `?.`, no `globalThis`,
      // no `import()`, so a lazily loaded chunk arrives by <script> in EdgeHTML as well.
      environment: BROWSER_ENVIRONMENT,
    },
    target: ["web", BROWSER_TARGET],
    devtool: options.production ? false : "eval-cheap-module-source-map",
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.join(ROOT, "tsconfig.json"),
              // tsconfig.json says commonjs for node and jest; ES modules let webpack drop the unused
              // parts of Fluent UI, which is most of it.
              compilerOptions: { module: "es2020", target: BROWSER_TARGET, sourceMap: !options.production },
            },
          },
        },
        // React, Fluent UI and the rest of node_modules ship ES2020 and later (`?.`, `??`, object
        // spread, class static blocks): lowered here with TypeScript's transpiler (already a
        // dependency), JavaScript in, JavaScript out, no type checks. Production only: it adds about
        // 20 s of CPU, and development builds and the preview run in Chromium.
        ...(options.production
          ? [
              {
                test: /\.[cm]?js$/,
                include: /[\\/]node_modules[\\/]/,
                use: {
                  loader: "ts-loader",
                  options: {
                    instance: "node_modules",
                    transpileOnly: true,
                    configFile: path.join(ROOT, "tsconfig.json"),
                    compilerOptions: VENDOR_COMPILER_OPTIONS,
                  },
                },
              },
            ]
          : []),
      ],
    },
    optimization: {
      // The page's first load is React, the Fluent UI its frame uses and the frame itself (initial
      // chunks); each view is a chunk loaded on first use (src/taskpane/components/views.tsx), and
      // the library code only views use goes into chunks loaded with them, shared between views
      // where they share it, rather than into the first load.
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: "react", chunks: "initial", priority: 20 },
          vendor: { test: /[\\/]node_modules[\\/]/, name: "vendor", chunks: "initial", priority: 10 },
        },
      },
    },
    performance: {
      hints: options.production ? "warning" : false,
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith(`${OFFICE_JS_DIR}/`),
      // webpack weighs files as written; the budget is gzipped (what the webview downloads), so these
      // are the budget at the compression minified React and Fluent UI get (about 3.3 to 1), and
      // GzipBudgetPlugin below checks the gzipped first load itself.
      maxEntrypointSize: Math.round(INITIAL_GZIP_BUDGET * RAW_PER_GZIP),
      maxAssetSize: Math.round(INITIAL_GZIP_BUDGET * RAW_PER_GZIP),
    },
    plugins: [
      ...pages.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: p.filename,
            template: path.join(ROOT, p.template),
            chunks: [p.name],
            officeJs: outputs.officeJs,
          }),
      ),
      new RequireOfficeJsPlugin(HtmlWebpackPlugin, outputs.officeJs),
      new CopyWebpackPlugin({ patterns }),
      new BuildWarningPlugin(manifestOriginWarning(options)),
      ...(options.production ? [new GzipBudgetPlugin(INITIAL_GZIP_BUDGET)] : []),
    ],
    devServer: options.serve
      ? {
          host: "localhost",
          port: options.port,
          server: await devServerTransport(options),
          // The page to open, not just the server's root: printed once the first build is served.
          ...(options.previewRequested ? { onListening: announcePreviewPage } : {}),
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          client: { overlay: { errors: true, warnings: false } },
        }
      : undefined,
  };
};

module.exports.declaredOutputs = declaredOutputs;
module.exports.rewriteManifest = rewriteManifest;
module.exports.manifestOriginWarning = (env = {}, argv = {}) => manifestOriginWarning(buildOptions(env, argv));
module.exports.DEV_ORIGIN = DEV_ORIGIN;
module.exports.INITIAL_GZIP_BUDGET = INITIAL_GZIP_BUDGET;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
