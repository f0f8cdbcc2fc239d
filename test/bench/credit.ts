/**
 * The credit case of the benchmark: scoring (assessCredit) on a ledger of `rows` rows over 40 dealers, read
 * by the reader as a credit run reads it, an application per dealer and a register holding half of them.
 * Receipts pay in arrears, some name the invoice they pay (回款 XS…), some come late, so the history has
 * sales paid on time, paid late and still open. Only the scoring is timed.
 */
import { addDays } from "../../src/core/dates";
import { assessCredit, defaultScorecard, type Application, type RegisterRead } from "../../src/core/credit";
import type { CellValue } from "../../src/core/model";
import { entriesOf, readGrid } from "../../src/core/read";
import { rng } from "./synth";
import { fen } from "../../src/core/money";

export const CREDIT_DEALERS = 40;
const AS_OF = "2026-10-31";
const pad = (n: number, w: number) => String(n).padStart(w, "0");

export function creditLedgerGrid(rows: number, dealers = CREDIT_DEALERS, seed = 23): CellValue[][] {
  const r = rng(seed);
  const values: CellValue[][] = [["客户名称", "日期", "单号", "摘要", "借方", "贷方"]];
  const names = Array.from({ length: dealers }, (_, i) => `信用客户${pad(i + 1, 3)}商贸有限公司`);
  // Per dealer: its invoices not yet paid (reference, fen), oldest first.
  const open: { ref: string; fen: number }[][] = names.map(() => []);
  for (let i = 0; values.length <= rows; i++) {
    const d = i % dealers;
    // Two years of business up to the as-of date.
    const date = addDays("2024-11-01", Math.floor((i / (rows + 1)) * 730));
    const queue = open[d];
    if (queue.length === 0 || r() < 0.55) {
      const fen = 10_000 + Math.floor(r() * 2_000_000);
      const ref = `XS${pad(i, 8)}`;
      queue.push({ ref, fen });
      values.push([names[d], date, ref, "销售出库", fen / 100, null]);
      continue;
    }
    // A receipt: mostly the oldest invoice in full, named in its text a third of the time; sometimes a round
    // part payment without a reference; now and then nothing for a while (the dealer falls behind).
    const roll = r();
    if (roll < 0.08) continue;
    if (roll < 0.25) {
      const fen = 100_000 * (1 + Math.floor(r() * 10));
      values.push([names[d], date, `SK${pad(i, 8)}`, "收到货款", null, fen / 100]);
      let left = fen;
      while (left > 0 && queue.length > 0) {
        const paid = Math.min(left, queue[0].fen);
        queue[0].fen -= paid;
        left -= paid;
        if (queue[0].fen === 0) queue.shift();
      }
      continue;
    }
    const inv = queue.shift()!;
    values.push([names[d], date, `SK${pad(i, 8)}`, roll < 0.55 ? `回款 ${inv.ref}` : "收到货款", null, inv.fen / 100]);
  }
  return values;
}

function application(dealer: string, i: number): Application {
  return {
    dealer,
    creditCode: "",
    address: "",
    legalRep: "",
    contact: "",
    phone: "",
    nature: "有限责任公司",
    founded: "2012-03-01",
    capitalWan: 100 + i * 20,
    revenueWan: 1000 + i * 150,
    since: "2019-06-01",
    products: "",
    monthly: fen(50_000_000),
    guarantee: i % 3 === 0 ? "抵押" : i % 3 === 1 ? "保证" : "无",
    guaranteeNote: "",
    requestedLimit: fen(100_000_000),
    requestedTerm: [30, 45, 60][i % 3],
    rep: "王磊",
    applied: "2026-10-20",
    source: { sheet: "信用申请表", row: 2 + i, layout: "table" },
  };
}

export function benchCredit(rows: number): Record<string, unknown> {
  const values = creditLedgerGrid(rows);
  const read = readGrid({ sheet: "应收明细账", top: 1, left: 1, values }, { asOf: AS_OF });
  const entries = entriesOf(read.table);
  const dealerNames = [...new Set(entries.map((e) => e.dealer as string))];
  const applications = dealerNames.map(application);
  // Half of the dealers already rated, with a term of their own: their review is scored too.
  const register: RegisterRead = {
    sheet: "信用档案",
    headerRow: 1,
    columns: {},
    rows: dealerNames
      .filter((_, i) => i % 2 === 0)
      .map((dealer, i) => ({ dealer, grade: "B", limit: fen(80_000_000), termDays: 30, rated: "2026-03-01", nextReview: "2026-09-01", approver: "张总", note: "", asOf: null, row: 2 + i })),
    lastRow: 1 + Math.ceil(dealerNames.length / 2),
    problems: [],
  };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = assessCredit({
    asOf: AS_OF,
    applications,
    ledger: { entries, openings: read.openings, ...(read.periodFrom ? { periodStart: read.periodFrom } : {}) },
    register,
    card: defaultScorecard(),
    defaultTermDays: 30,
  });
  const ms = performance.now() - t0;
  const u = process.cpuUsage(c0);
  const sales = result.dealers.reduce((t, d) => t + (d.history?.sales.length ?? 0), 0);
  return { rows: read.table.length, dealers: result.dealers.length, ms: Math.round(ms), cpuMs: Math.round((u.user + u.system) / 1000), peakMB: Math.round(process.resourceUsage().maxRSS / 1024), sales, review: result.review.length };
}
