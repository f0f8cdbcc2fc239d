/**
 * Builds the preview with the project's webpack config (development mode) into dist-test/, unless it
 * already holds a build newer than every source it is made from. Runs webpack in a child process so a
 * jest worker does not carry webpack's memory for the rest of the run.
 *
 * Several browser test files build the same preview, and jest runs them in parallel workers: a lock
 * directory (mkdir is atomic) lets one worker build while the others wait and then find the build
 * fresh. The output is dist-test/, which nothing else writes or cleans (`npm run build` cleans dist/),
 * and a build goes to a temporary directory first and is swapped in by rename, so a page already being
 * served never sees a half-written bundle.
 */
import { execFile } from "child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "fs";
import { join } from "path";

export const ROOT = join(__dirname, "..", "..", "..");
export const DIST = join(ROOT, "dist-test");
const LOCK = join(ROOT, ".dist-test.lock");

/** What the preview bundle is made from; a change to any of them makes dist-test/ stale. */
const SOURCES = ["src", "webpack.config.js", "tsconfig.json", "package.json", "manifest.xml", "assets"];
/** Pages the tests load. */
const PAGES = ["preview.html", "taskpane.html"];
/**
 * Written after our build, dated when the build started. The pages' own times cannot tell: webpack
 * leaves a file that came out the same untouched.
 */
const STAMP = ".preview-build";
/** A lock older than this was left by a killed run; webpack here takes well under a minute. */
const STALE_LOCK_MS = 5 * 60_000;
const LOCK_POLL_MS = 250;

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/**
 * The jest run this process belongs to: workers are children of the jest process, and a run in band
 * is that process itself. Other engineers save sources all the time; a build made earlier in the same
 * run is used as it is, so a second test file does not rebuild under the pages the first is serving.
 */
function runKey(): string {
  return process.env.JEST_WORKER_ID !== undefined ? `jest:${process.ppid}` : `pid:${process.pid}`;
}

function stampRun(dir: string): string | null {
  try {
    return /^run (\S+)$/m.exec(readFileSync(join(dir, STAMP), "utf8"))?.[1] ?? null;
  } catch {
    return null;
  }
}

export function distIsFresh(dir = DIST): boolean {
  const stamp = join(dir, STAMP);
  if (!existsSync(stamp) || !PAGES.every((p) => existsSync(join(dir, p)))) return false;
  if (stampRun(dir) === runKey()) return true;
  const newestSource = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  return statSync(stamp).mtimeMs >= newestSource;
}

export interface BuildReport {
  built: boolean;
  ms: number;
  /** Time spent waiting for another worker's build. */
  waitedMs: number;
}

async function acquireLock(): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, "owner"), `${process.pid}\n`);
      return Date.now() - started;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      let age = 0;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue; // released between mkdir and stat: try again at once
      }
      if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    }
  }
}

function releaseLock(): void {
  rmSync(LOCK, { recursive: true, force: true });
}

async function webpackInto(outDir: string): Promise<void> {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, "--mode", "development", "--no-color", "--output-path", outDir],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: "development" } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`webpack failed:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`));
        else resolve();
      },
    );
  });
}

export async function ensurePreviewBuilt(): Promise<BuildReport> {
  const started = Date.now();
  const waitedMs = await acquireLock();
  try {
    if (distIsFresh()) return { built: false, ms: Date.now() - started, waitedMs };
    // Sources saved while webpack runs must make the next run build again.
    const startedAt = new Date();
    const tmp = `${DIST}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    await webpackInto(tmp);
    if (!existsSync(join(tmp, "preview.html"))) throw new Error(`webpack ran but ${tmp}/preview.html is missing`);
    writeFileSync(join(tmp, STAMP), `development build with the preview, started ${startedAt.toISOString()}\nrun ${runKey()}\n`);
    utimesSync(join(tmp, STAMP), startedAt, startedAt);
    const old = `${DIST}.old-${process.pid}`;
    if (existsSync(DIST)) renameSync(DIST, old);
    renameSync(tmp, DIST);
    rmSync(old, { recursive: true, force: true });
    return { built: true, ms: Date.now() - started, waitedMs };
  } finally {
    releaseLock();
  }
}
