/**
 * What the task pane downloads, gzipped, from a production build: the scripts taskpane.html loads
 * itself (the first load, before any view shows) and every chunk (the views load theirs on first
 * use). Used by test/build/bundle-budget.test.ts and `npm run bench` (key `bundle`).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { builtChunks } from "./production-build";

export interface BundleSize {
  /** The scripts of taskpane.html (webpack's initial chunks), gzipped, summed. */
  initialGzipBytes: number;
  /** Every chunk of the build, gzipped, summed. */
  totalGzipBytes: number;
  /** Each chunk by its name (the file name without its content hash), largest first. */
  chunks: { name: string; gzipBytes: number; initial: boolean }[];
}

/** The bundle scripts a page loads by <script src>, relative to the build: not office.js, which Office serves. */
export function pageScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((src) => !/(^|\/)office\.js$/.test(src) && !/^https?:/.test(src));
}

export function measureBundle(dir: string, page = "taskpane.html"): BundleSize {
  const initial = new Set(pageScripts(readFileSync(join(dir, page), "utf8")));
  const chunks = builtChunks(dir).map((file) => ({
    name: file.replace(/\.[0-9a-f]{8}\.js$/, "").replace(/\.js$/, ""),
    gzipBytes: gzipSync(readFileSync(join(dir, file)), { level: 9 }).length,
    initial: initial.has(file),
  }));
  chunks.sort((a, b) => b.gzipBytes - a.gzipBytes);
  const sum = (list: typeof chunks) => list.reduce((n, c) => n + c.gzipBytes, 0);
  return { initialGzipBytes: sum(chunks.filter((c) => c.initial)), totalGzipBytes: sum(chunks), chunks };
}
