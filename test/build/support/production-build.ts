/**
 * One production build (`webpack --mode production`) shared by the tests that check what a company
 * deploys: every chunk in ES2017, the inline script of taskpane.html, the manifest for a company's
 * origin. It is built as IT would for an intranet (publicUrl plus localOffice, so office.js comes from
 * the build itself and the page runs in Chromium here without Microsoft's CDN).
 *
 * Like test/browser/support/build.ts: a child process runs webpack, a lock directory (mkdir is atomic)
 * lets one jest worker build while the others wait, a build made earlier in the same jest run is used
 * as it is, and the build goes to a temporary directory first and is swapped in by rename. The
 * directory is in the system's temporary folder (keyed by this checkout), so nothing here needs
 * ignoring by git and nothing else cleans or writes it.
 */
import { execFile } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/** The checkout: found upwards, since the benchmark runs this file compiled into .bench/. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = join(dir, "..")) {
    if (existsSync(join(dir, "webpack.config.js"))) return dir;
    if (join(dir, "..") === dir) return join(__dirname, "..", "..", "..");
  }
}

export const ROOT = findRoot(__dirname);
/** The origin the test build is made for, as an administrator would pass it. */
export const PUBLIC_URL = "https://erp.example.cn/duizhang";
export const BUILD_ENV = [`publicUrl=${PUBLIC_URL}`, "localOffice"];

const KEY = createHash("sha256").update(ROOT).digest("hex").slice(0, 10);
export const PRODUCTION_DIST = join(tmpdir(), `duizhang-production-${KEY}`);
const LOCK = `${PRODUCTION_DIST}.lock`;
const STAMP = ".production-build";
const SOURCES = ["src", "webpack.config.js", "tsconfig.json", "package.json", "package-lock.json", "manifest.xml", "assets"];
/** A production build here takes one to three minutes on a busy machine; a lock older than this was left by a killed run. */
const STALE_LOCK_MS = 10 * 60_000;
const LOCK_POLL_MS = 500;

export interface ProductionBuild {
  dir: string;
  built: boolean;
  ms: number;
  /** webpack's report (stdout), kept for the tests that read what the build says. */
  output: string;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function runKey(): string {
  return process.env.JEST_WORKER_ID !== undefined ? `jest:${process.ppid}` : `pid:${process.pid}`;
}

function isFresh(): boolean {
  const stamp = join(PRODUCTION_DIST, STAMP);
  if (!existsSync(stamp) || !existsSync(join(PRODUCTION_DIST, "taskpane.html"))) return false;
  if (new RegExp(`^run ${runKey()}$`, "m").test(readFileSync(stamp, "utf8"))) return true;
  return statSync(stamp).mtimeMs >= Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
}

async function acquireLock(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      let age = 0;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue;
      }
      if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    }
  }
}

function webpack(outDir: string): Promise<string> {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const args = [cli, "--mode", "production", "--no-color", "--output-path", outDir, ...BUILD_ENV.flatMap((e) => ["--env", e])];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: "production" } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`webpack failed:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`));
      else resolve(stdout);
    });
  });
}

/** Builds production into PRODUCTION_DIST unless a fresh build is there. */
export async function ensureProductionBuilt(): Promise<ProductionBuild> {
  const started = Date.now();
  await acquireLock();
  try {
    if (isFresh()) {
      const output = existsSync(join(PRODUCTION_DIST, STAMP + ".log")) ? readFileSync(join(PRODUCTION_DIST, STAMP + ".log"), "utf8") : "";
      return { dir: PRODUCTION_DIST, built: false, ms: Date.now() - started, output };
    }
    const startedAt = new Date();
    const tmp = `${PRODUCTION_DIST}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    const output = await webpack(tmp);
    if (!existsSync(join(tmp, "taskpane.html"))) throw new Error(`webpack ran but ${tmp}/taskpane.html is missing`);
    writeFileSync(join(tmp, STAMP + ".log"), output);
    writeFileSync(join(tmp, STAMP), `production build (${BUILD_ENV.join(", ")}), started ${startedAt.toISOString()}\nrun ${runKey()}\n`);
    utimesSync(join(tmp, STAMP), startedAt, startedAt);
    const old = `${PRODUCTION_DIST}.old-${process.pid}`;
    if (existsSync(PRODUCTION_DIST)) renameSync(PRODUCTION_DIST, old);
    renameSync(tmp, PRODUCTION_DIST);
    rmSync(old, { recursive: true, force: true });
    return { dir: PRODUCTION_DIST, built: true, ms: Date.now() - started, output };
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Every JavaScript file the build made, relative to `dir`, in any folder: the entry chunks and any
 * chunk loaded later. Not the copy of Microsoft's office.js (office-js/), which Office serves itself.
 */
export function builtChunks(dir: string, under = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(dir, under), { withFileTypes: true })) {
    const relative = under ? `${under}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (relative !== "office-js") found.push(...builtChunks(dir, relative));
    } else if (/\.[cm]?js$/.test(entry.name)) {
      found.push(relative);
    }
  }
  return found.sort();
}
