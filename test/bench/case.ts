/**
 * One benchmark case in a process of its own, so its peak memory is its own. Prints one JSON line.
 * Usage: node case.js <case> <rows> <data dir>
 */
import * as fs from "fs";
import * as path from "path";
import { readGrid } from "../../src/core/read";
import { main } from "../../src/cli/main";
import { kingdeeGrid } from "./synth";
import { floorJoin } from "./floor";
import { benchXlsxRead } from "./xlsx-synth";
import { benchCredit } from "./credit";
import { benchExcelRoundTrips } from "../fake-excel/bench";
import { benchLetters } from "../fake-excel/letters-bench";
import { measureBundle } from "../build/support/bundle-size";
import { ensureProductionBuilt } from "../build/support/production-build";

function peakMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** CPU time (user + system, every thread: GC helpers included) since `from`: steadier than wall time on a shared machine. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return Math.round((u.user + u.system) / 1000);
}

async function run(kind: string, rows: number, dir: string): Promise<Record<string, unknown>> {
  if (kind === "read") {
    const grid = kingdeeGrid(rows);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = readGrid(grid);
    const ms = performance.now() - t0;
    return { rows: grid.values.length, ms: Math.round(ms), cpuMs: cpuMs(c0), peakMB: peakMB(), entries: result.table.length, errors: result.errors.length };
  }
  if (kind === "reconcile") {
    let bytes = 0;
    const io = { out: (t: string) => void (bytes += t.length), err: (t: string) => process.stderr.write(t + "\n"), cwd: dir };
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const code = await main(["reconcile", "--ledger", `ledger-${rows}.csv`, "--statement", `statement-${rows}.csv`, "--json"], io);
    const ms = performance.now() - t0;
    if (code !== 0) throw new Error(`reconcile exited ${code}`);
    return { rows, ms: Math.round(ms), cpuMs: cpuMs(c0), peakMB: peakMB(), jsonChars: bytes };
  }
  if (kind === "xlsx" || kind === "xlsx-csv") return benchXlsxRead(kind, rows, dir);
  if (kind === "credit") return benchCredit(rows);
  if (kind === "aging-json" || kind === "aging-out") {
    // The whole `aging` command on our ledger of the reconcile pair: the JSON contract to a counting sink,
    // or the result workbook (marked ledger copy, 账龄分析, 催款计划) written to a file in the data folder.
    const out = `aging-${rows}.xlsx`;
    fs.rmSync(path.join(dir, out), { force: true });
    let bytes = 0;
    const io = { out: (t: string) => void (bytes += t.length), err: (t: string) => process.stderr.write(t + "\n"), write: (t: string) => void (bytes += t.length), cwd: dir };
    const args = ["aging", "--ledger", `ledger-${rows}.csv`, "--as-of", "2026-10-31", ...(kind === "aging-json" ? ["--json"] : ["--out", out])];
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const code = await main(args, io);
    const ms = performance.now() - t0;
    if (code !== 0) throw new Error(`aging exited ${code}`);
    const fileBytes = kind === "aging-out" ? fs.statSync(path.join(dir, out)).size : undefined;
    fs.rmSync(path.join(dir, out), { force: true });
    return { rows, mode: kind === "aging-json" ? "json" : "out", ms: Math.round(ms), cpuMs: cpuMs(c0), peakMB: peakMB(), outputChars: bytes, ...(fileBytes !== undefined ? { fileBytes } : {}) };
  }
  if (kind === "duckdb") {
    // The reference: an SQL engine doing the exact-reference part of the same job on the same files.
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    const reader = (f: string) => `read_csv('${dir}/${f}', header = true, all_varchar = true)`;
    const result = await con.runAndReadAll(`
      WITH l AS (SELECT 客户名称 AS dealer, 单号 AS ref, coalesce(try_cast(借方 AS DECIMAL(18,2)), 0) - coalesce(try_cast(贷方 AS DECIMAL(18,2)), 0) AS amount FROM ${reader(`ledger-${rows}.csv`)}),
           s AS (SELECT 客户名称 AS dealer, 单据号 AS ref, coalesce(try_cast(进货金额 AS DECIMAL(18,2)), 0) - coalesce(try_cast(付款金额 AS DECIMAL(18,2)), 0) AS amount FROM ${reader(`statement-${rows}.csv`)})
      SELECT count(*) FILTER (WHERE l.amount = s.amount) AS matched,
             count(*) FILTER (WHERE l.amount <> s.amount) AS mismatched,
             count(*) FILTER (WHERE s.ref IS NULL) AS ledger_only,
             count(*) FILTER (WHERE l.ref IS NULL) AS statement_only
      FROM l FULL OUTER JOIN s ON l.dealer = s.dealer AND l.ref = s.ref WHERE coalesce(l.ref, s.ref) IS NOT NULL`);
    const ms = performance.now() - t0;
    const row = result.getRowObjects()[0];
    con.closeSync();
    return { rows, ms: Math.round(ms), cpuMs: cpuMs(c0), peakMB: peakMB(), matched: Number(row.matched) };
  }
  if (kind === "floor") {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const counts = floorJoin(path.join(dir, `ledger-${rows}.csv`), path.join(dir, `statement-${rows}.csv`));
    const ms = performance.now() - t0;
    return { rows, ms: Math.round(ms), cpuMs: cpuMs(c0), peakMB: peakMB(), ...counts };
  }
  if (kind === "excel") {
    const t0 = performance.now();
    const r = await benchExcelRoundTrips(rows);
    return { ...r, syncRatio: Math.round((r.syncs / r.leastSyncs) * 100) / 100, ms: Math.round(performance.now() - t0), peakMB: peakMB() };
  }
  if (kind === "letters") {
    const c0 = process.cpuUsage();
    const r = await benchLetters(rows);
    return { ...r, cpuMs: cpuMs(c0), peakMB: peakMB() };
  }
  if (kind === "bundle") {
    const { dir: built } = await ensureProductionBuilt();
    const size = measureBundle(built);
    return {
      initialGzipBytes: size.initialGzipBytes,
      totalGzipBytes: size.totalGzipBytes,
      chunks: size.chunks.map((c) => ({ name: c.name, gzipBytes: c.gzipBytes, initial: c.initial })),
    };
  }
  throw new Error(`unknown case ${kind}`);
}

const [kind, rows, dir] = process.argv.slice(2);
run(kind, Number(rows), dir).then(
  (r) => process.stdout.write(JSON.stringify(r) + "\n"),
  (e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  },
);
