/**
 * The result sheets on paper: result workbooks written by the command line are printed to PDF by
 * LibreOffice (which honours paper, orientation, fit-to-width, title rows, print areas and page breaks as
 * Excel does) and the PDF is read back with poppler. Needs `soffice`, `pdftotext` and `pdfinfo`
 * (`apt-get install -y libreoffice-calc-nogui poppler-utils`, as .ci/run does).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../cli/support";
import { hasTools, readPdf, toPdf, type PdfPage } from "./pdf";
import { availableOrFailInCi } from "../support/required";

const LONG = "家用空调室内机及室外机一批，含冷凝管、支架与安装辅材，随货附送货单和质保卡，客户签收后开具增值税专用发票";

function money(fen: number): string {
  return (fen / 100).toFixed(2);
}

function day(n: number): string {
  const d = new Date(Date.UTC(2026, 6, 1) + n * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** A ledger and a dealer's statement of 70 sales and their receipts, with every kind of difference and long 摘要. */
function reconcileFiles(dir: string): void {
  const ledger = ["日期,单号,摘要,借方,贷方"];
  const statement = ["日期,单据号,摘要,进货金额,付款金额"];
  for (let i = 1; i <= 70; i++) {
    const ref = `XS2607-${String(i).padStart(3, "0")}`;
    const fen = 100_000 + i * 3_750;
    const memo = i % 5 === 0 ? `销售出库：${LONG}（第 ${i} 批）` : "销售出库";
    ledger.push(`${day(i)},${ref},${memo},${money(fen)},`);
    if (i === 20) ledger.push(`${day(i)},${ref},${memo},${money(fen)},`);
    if (i % 11 !== 0) statement.push(`${day(i + 2)},${ref},进货 ${i % 5 === 0 ? LONG : "空调"},${money(i % 13 === 0 ? fen + 9_000 : fen)},`);
    if (i % 7 === 0) {
      const paid = 300_000 + i * 1_000;
      ledger.push(`${day(i + 1)},HK-${i},收到货款 工行转账 第 ${i} 笔,,${money(paid)}`);
      statement.push(`${day(i)},FK-${i},付货款,,${money(paid)}`);
    }
  }
  for (const n of [1, 2, 3]) statement.push(`${day(80 + n)},CD-${n},银行承兑汇票付款：${LONG}（汇票第 ${n} 张，到期日 2027-0${n}-15）,,${money(250_000 * n)}`);
  fs.writeFileSync(path.join(dir, "ledger.csv"), `${ledger.join("\n")}\n`);
  fs.writeFileSync(path.join(dir, "statement.csv"), `${statement.join("\n")}\n`);
}

/** A ledger of six dealers under three reps with long 摘要, enough open items for several pages. */
function agingFile(dir: string): void {
  const dealers = ["杭州美达商贸有限公司", "宁波顺和电器有限公司", "绍兴百佳家电有限公司", "温州瑞丰五金经营部", "嘉兴恒通家电销售有限责任公司", "金华新世纪电器连锁有限公司"];
  const reps = ["王磊", "李娜", "张强"];
  const rows = ["客户名称,业务员,日期,单号,摘要,发货金额,回款金额,账期"];
  dealers.forEach((dealer, d) => {
    for (let i = 1; i <= 14; i++) {
      const memo = i % 3 === 0 ? `发货：${LONG}` : "发货";
      rows.push(`${dealer},${reps[d % 3]},${day(i * 8 + d)},XS-${d + 1}-${String(i).padStart(2, "0")},${memo},${money(50_000 + i * 12_345 + d * 777)},,${30 + (d % 2) * 15}`);
    }
    rows.push(`${dealer},${reps[d % 3]},${day(60 + d)},HK-${d + 1},回款 工行转账,,${money(80_000)},`);
  });
  fs.writeFileSync(path.join(dir, "aging.csv"), `${rows.join("\n")}\n`);
}

/**
 * One dealer's ledger with amounts of 100,000 and more, two of them differing from the dealer's statement
 * (so 待核对, listed under both aging sheets with their open amounts) and one unreadable amount.
 */
function reviewFiles(dir: string): void {
  const ledger = ["日期,单号,摘要,借方,贷方"];
  const statement = ["日期,单号,摘要,进货金额,付款金额"];
  for (let i = 1; i <= 8; i++) {
    const ref = `XS-9${i}`;
    const fen = 10_000_000 * i + 12_345;
    ledger.push(`${day(i * 9)},${ref},销售出库,${money(fen)},`);
    statement.push(`${day(i * 9 + 2)},${ref},进货,${money(i % 4 === 0 ? fen - 500_000 : fen)},`);
  }
  ledger.push(`${day(80)},XS-99,销售出库,待定,`);
  fs.writeFileSync(path.join(dir, "review-ledger.csv"), `${ledger.join("\n")}\n`);
  fs.writeFileSync(path.join(dir, "review-statement.csv"), `${statement.join("\n")}\n`);
}

const tools = availableOrFailInCi(hasTools(), "soffice, pdftotext or pdfinfo");
const maybe = tools ? describe : describe.skip;
if (!tools) console.warn("print tests skipped: soffice, pdftotext or pdfinfo is missing (apt-get install -y libreoffice-calc-nogui poppler-utils)");

let dir: string;
let reconcilePages: PdfPage[];
let agingPages: PdfPage[];
let reviewPages: PdfPage[];

beforeAll(async () => {
  if (!tools) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-print-"));
  reconcileFiles(dir);
  agingFile(dir);
  const r = await run(["reconcile", "--ledger", "ledger.csv", "--statement", "statement.csv", "--as-of", "2026-10-31", "--out", "reconcile.xlsx"], dir);
  expect(r.err).toBe("");
  const a = await run(["aging", "--ledger", "aging.csv", "--as-of", "2026-10-31", "--out", "aging.xlsx"], dir);
  expect(a.err).toBe("");
  reviewFiles(dir);
  const v = await run(["aging", "--ledger", "review-ledger.csv", "--statement", "review-statement.csv", "--as-of", "2026-10-31", "--out", "review.xlsx"], dir);
  expect(v.err).toBe("");
  reconcilePages = readPdf(toPdf(path.join(dir, "reconcile.xlsx"), dir));
  agingPages = readPdf(toPdf(path.join(dir, "aging.xlsx"), dir));
  reviewPages = readPdf(toPdf(path.join(dir, "review.xlsx"), dir));
}, 400_000);

afterAll(() => {
  if (dir && !process.env.DUIZHANG_KEEP_PRINT) fs.rmSync(dir, { recursive: true, force: true });
});

/** The pages of one result sheet: those whose printed header (top of the page) names it. */
function pagesOf(pages: PdfPage[], title: string): PdfPage[] {
  return pages.filter((p) => p.lines.some((l) => l.yMin < 45 && l.text.replace(/\s/g, "").startsWith(title)));
}

/** 9 pt type prints about 11.7 pt high in these fonts (the line box of CJK and Latin type is ~1.3 em). */
const NINE_POINT_LINE = 11.5;

maybe("printed result sheets", () => {
  const sheets = () => ({
    differences: pagesOf(reconcilePages, "对账差异明细"),
    reconciliation: pagesOf(reconcilePages, "应收账款余额调节表"),
    aging: pagesOf(agingPages, "应收账款账龄分析"),
    plan: pagesOf(agingPages, "催款计划"),
    // Under reconciliation (待核对) and unreadable cells listed under both aging sheets, amounts of six figures.
    reviewAging: pagesOf(reviewPages, "应收账款账龄分析"),
    reviewPlan: pagesOf(reviewPages, "催款计划"),
  });

  test("every result sheet prints on A4, wide tables landscape, over several pages where long", () => {
    const s = sheets();
    const landscape = (p: PdfPage) => Math.abs(p.width - 841.9) < 1 && Math.abs(p.height - 595.3) < 1;
    const portrait = (p: PdfPage) => Math.abs(p.width - 595.3) < 1 && Math.abs(p.height - 841.9) < 1;
    expect(s.differences.length).toBeGreaterThanOrEqual(2);
    expect(s.plan.length).toBeGreaterThanOrEqual(3);
    expect(s.reconciliation.length).toBeGreaterThanOrEqual(1);
    expect(s.aging.length).toBeGreaterThanOrEqual(1);
    for (const p of [...s.differences, ...s.aging, ...s.plan]) expect(landscape(p)).toBe(true);
    for (const p of s.reconciliation) expect(portrait(p)).toBe(true);
  });

  test("type prints at 9 pt or more, and nothing runs past the page's right margin or prints as ###", () => {
    for (const [name, pages] of Object.entries(sheets())) {
      for (const p of pages) {
        const low = p.lines.filter((l) => l.yMax - l.yMin < NINE_POINT_LINE).map((l) => `${name}: ${l.text} (${(l.yMax - l.yMin).toFixed(1)})`);
        expect(low).toEqual([]);
        const past = p.lines.filter((l) => l.xMax > p.width - 30).map((l) => `${name}: ${l.text}`);
        expect(past).toEqual([]);
        expect(p.text).not.toContain("###");
      }
    }
  });

  test("the table header is printed again on every page, and each sheet counts its pages in the footer", () => {
    const s = sheets();
    for (const p of s.differences) expect(p.text).toMatch(/可能原因/);
    for (const p of s.plan) expect(p.text).toMatch(/下一步行动/);
    for (const pages of Object.values(s)) {
      expect(pages[0].text).toMatch(/第 1 页 共 \d+ 页/);
      if (pages.length > 1) expect(pages[1].text).toMatch(/第 2 页 共 \d+ 页/);
    }
  });

  test("the 待核对 list prints each six-figure open amount in full under both aging sheets", () => {
    const s = sheets();
    for (const pages of [s.reviewAging, s.reviewPlan]) {
      const all = pages.map((p) => p.text).join("\n");
      expect(all).toMatch(/待核对（对账发现差异/);
      // XS-94 and XS-98 differ from the statement: 400,123.45 and 800,123.45 open.
      expect(all).toContain("400,123.45");
      expect(all).toContain("800,123.45");
      expect(all).toMatch(/无法读取的单元格/);
    }
  });

  test("units, totals and the sign-off line are on paper", () => {
    const s = sheets();
    const all = (pages: PdfPage[]) => pages.map((p) => p.text).join("\n");
    expect(all(s.differences)).toMatch(/单位：元[\s\S]*按差异类型合计[\s\S]*合计[\s\S]*编制人：[\s\S]*复核人：[\s\S]*日期：/);
    expect(all(s.plan)).toMatch(/单位：元[\s\S]*按业务员合计[\s\S]*小计[\s\S]*合计[\s\S]*编制人：/);
    expect(all(s.aging)).toMatch(/单位：元[\s\S]*合计[\s\S]*编制人：/);
    // The print area ends at the sign-off line: the chart's data block under it stays on screen.
    expect(all(s.aging)).not.toContain("图表数据");
    // The 余额调节表: items named by reference and 摘要, the adjusted balances, the 待查 items and their net.
    const rec = all(s.reconciliation);
    expect(rec).toMatch(/单位：元/);
    expect(rec).toContain("CD-1");
    expect(rec).toContain("银行承兑汇票付款");
    expect(rec).toContain("调节后余额");
    expect(rec).toMatch(/待查差异净额/);
    expect(rec).toMatch(/编制人：[\s\S]*复核人：/);
  });
});
