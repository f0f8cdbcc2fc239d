/**
 * Builds the preview with the project's webpack config (development mode) unless dist/ already holds
 * a build newer than every source it is made from. Runs webpack in a child process so a jest
 * worker does not carry webpack's memory for the rest of the run.
 */
import { execFile } from "child_process";
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from "fs";
import { join } from "path";

export const ROOT = join(__dirname, "..", "..", "..");
export const DIST = join(ROOT, "dist");

/** What the preview bundle is made from; a change to any of them makes dist/ stale. */
const SOURCES = ["src", "test/fake-excel", "webpack.config.js", "tsconfig.json", "package.json", "manifest.xml", "assets"];
/** Pages the tests load; a production build has no preview.html and so counts as stale. */
const PAGES = ["preview.html", "taskpane.html"];
/**
 * Written after our build. The pages' own times cannot tell: webpack leaves a file that came out the
 * same untouched. Any other build cleans dist/ and so removes it.
 */
const STAMP = ".preview-build";

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

export function distIsFresh(): boolean {
  const stamp = join(DIST, STAMP);
  if (!existsSync(stamp) || !PAGES.every((p) => existsSync(join(DIST, p)))) return false;
  const newestSource = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  return statSync(stamp).mtimeMs >= newestSource;
}

export interface BuildReport {
  built: boolean;
  ms: number;
}

export async function ensurePreviewBuilt(): Promise<BuildReport> {
  const started = Date.now();
  if (distIsFresh()) return { built: false, ms: Date.now() - started };
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  // Sources saved while webpack runs must make the next run build again.
  const startedAt = new Date();
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, "--mode", "development", "--no-color"],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: "development" } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`webpack failed:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`));
        else resolve();
      },
    );
  });
  if (!existsSync(join(DIST, "preview.html"))) throw new Error("webpack ran but dist/preview.html is missing");
  writeFileSync(join(DIST, STAMP), `development build with the preview, started ${startedAt.toISOString()}\n`);
  utimesSync(join(DIST, STAMP), startedAt, startedAt);
  return { built: true, ms: Date.now() - started };
}
