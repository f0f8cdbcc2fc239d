/**
 * Synthetic data for the benchmarks: a full-sheet Kingdee-like grid, and pairs of CSV files (our ledger,
 * the dealers' statements) over many dealers with a few percent of differences. Deterministic: a seeded
 * generator, so every run measures the same data.
 */
import * as fs from "fs";
import { addDays } from "../../src/core/dates";
import { isoToSerial as toExcelSerial } from "../../src/core/values/date";
import type { CellValue, Grid } from "../../src/core/model";

/** Small fast deterministic generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Kingdee 明细账 export filling a whole sheet: title rows, header, opening, entries, monthly totals. */
export function kingdeeGrid(totalRows: number): Grid {
  const r = rng(7);
  const values: CellValue[][] = [
    ["应收账款明细账", null, null, null, null, null, null, null],
    ["核算项目：客户-杭州美达商贸有限公司", null, null, null, null, null, null, null],
    ["期间：2026年1期至2026年12期", null, null, null, null, null, null, null],
    ["日期", "凭证字号", "摘要", "对方科目", "借方", "贷方", "方向", "余额"],
    [toExcelSerial("2026-01-01"), null, "期初余额", null, null, null, "借", 120000],
  ];
  let balance = 12_000_000;
  let day = 0;
  while (values.length < totalRows) {
    if (values.length % 5000 === 0) {
      values.push([toExcelSerial(addDays("2026-01-01", day)), null, "本月合计", null, 1, 1, "借", balance / 100]);
      continue;
    }
    if (r() < 0.002) day = Math.min(day + 1, 360);
    const date = toExcelSerial(addDays("2026-01-01", day));
    const sale = r() < 0.7;
    const fen = 10_000 + Math.floor(r() * 5_000_000);
    balance += sale ? fen : -fen;
    values.push([
      date,
      `记-${values.length}`,
      sale ? `销售出库 XSCK-2026-${values.length}` : "收到货款 工行转账",
      sale ? "主营业务收入" : "银行存款",
      sale ? fen / 100 : null,
      sale ? null : fen / 100,
      balance >= 0 ? "借" : "贷",
      Math.abs(balance) / 100,
    ]);
  }
  return { sheet: "应收明细账", top: 1, left: 1, values };
}

export interface CsvPair {
  ledger: string;
  statement: string;
  dealers: number;
  rows: number;
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${pad(fen % 100, 2)}`;

/**
 * Our ledger (客户名称,日期,单号,摘要,借方,贷方) and the statements (客户名称,日期,单据号,摘要,进货金额,付款金额),
 * `rows` data rows each, over `dealers` dealers, with about 1% each of: rows only we have, rows only they
 * have, amount mismatches, and duplicates on our side; half of the receipts carry a bank reference.
 */
export function writeCsvPair(dir: string, rows: number, dealers: number, seed = 11): CsvPair {
  const r = rng(seed);
  const ledgerPath = `${dir}/ledger-${rows}.csv`;
  const statementPath = `${dir}/statement-${rows}.csv`;
  const ledger: string[] = ["客户名称,日期,单号,摘要,借方,贷方"];
  const statement: string[] = ["客户名称,日期,单据号,摘要,进货金额,付款金额"];
  const names = Array.from({ length: dealers }, (_, i) => `经销商${pad(i + 1, 4)}商贸有限公司`);
  let ledgerCount = 0;
  let statementCount = 0;
  let i = 0;
  while (ledgerCount < rows || statementCount < rows) {
    i += 1;
    const dealer = names[i % dealers];
    const day = Math.floor((i / (rows + 1)) * 300);
    const date = addDays("2026-01-01", day);
    const theirDate = addDays(date, Math.floor(r() * 4));
    const sale = r() < 0.7;
    const fen = 10_000 + Math.floor(r() * 5_000_000);
    const ref = sale ? `XSCK-2026-${pad(i, 7)}` : r() < 0.5 ? `HD${pad(i, 8)}` : "";
    const roll = r();
    const ours = `${dealer},${date},${ref},${sale ? "销售出库" : "收到货款"},${sale ? yuan(fen) : ""},${sale ? "" : yuan(fen)}`;
    const theirFen = roll >= 0.02 && roll < 0.03 ? fen + 100 * (1 + Math.floor(r() * 50)) : fen;
    const theirs = `${dealer},${theirDate},${ref},${sale ? "进货" : "付款"},${sale ? yuan(theirFen) : ""},${sale ? "" : yuan(theirFen)}`;
    const toLedger = (line: string) => {
      if (ledgerCount < rows) {
        ledger.push(line);
        ledgerCount++;
      }
    };
    const toStatement = (line: string) => {
      if (statementCount < rows) {
        statement.push(line);
        statementCount++;
      }
    };
    if (roll < 0.01) toLedger(ours);
    else if (roll < 0.02) toStatement(theirs);
    else {
      toLedger(ours);
      toStatement(theirs);
      if (roll > 0.995) toLedger(ours);
    }
  }
  fs.writeFileSync(ledgerPath, ledger.join("\n") + "\n");
  fs.writeFileSync(statementPath, statement.join("\n") + "\n");
  return { ledger: ledgerPath, statement: statementPath, dealers, rows };
}
