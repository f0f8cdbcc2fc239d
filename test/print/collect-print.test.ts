/**
 * Demand letters and a payment commitment on paper: the command line's result workbooks printed to PDF by
 * LibreOffice and read back, as the result sheets' print test does. Each paper fits its page: the dealer's
 * name, the number and the amount in 大写 on the page, the 签收回执 (or the signature lines) on the same page,
 * nothing past the right margin and no ###.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../cli/support";
import { hasTools, readPdf, toPdf, type PdfPage } from "./pdf";
import { availableOrFailInCi } from "../support/required";

const tools = availableOrFailInCi(hasTools(), "soffice, pdftotext or pdfinfo");
const maybe = tools ? describe : describe.skip;

const LEDGER = `客户名称,日期,单号,摘要,借方,贷方,账期
嘉兴恒通家电销售有限责任公司,2026-06-01,XS-2606-001,销售出库,123456.78,,30
嘉兴恒通家电销售有限责任公司,2026-07-15,XS-2607-015,销售出库,98000.50,,30
嘉兴恒通家电销售有限责任公司,2026-09-01,XS-2609-001,销售出库,45000,,30
嘉兴恒通家电销售有限责任公司,2026-09-10,HK-1,回款,,20000,
温州瑞丰五金经营部,2026-10-25,XS-2610-025,销售出库,8800,,30
温州瑞丰五金经营部,2026-10-26,XS-2610-026,销售出库,1200.05,,30
`;

let dir: string;
let pages: { demand: PdfPage[]; final: PdfPage[]; promise: PdfPage[] };

beforeAll(async () => {
  if (!tools) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-collect-print-"));
  fs.writeFileSync(path.join(dir, "ledger.csv"), LEDGER);
  for (const args of [
    ["demand", "--ledger", "ledger.csv", "--as-of", "2026-11-27", "--out", "demand.xlsx"],
    ["demand", "--ledger", "ledger.csv", "--as-of", "2026-11-27", "--level", "3", "--dealer", "嘉兴恒通家电销售有限责任公司", "--out", "final.xlsx"],
    ["promise", "--ledger", "ledger.csv", "--dealer", "嘉兴恒通家电销售有限责任公司", "--as-of", "2026-11-27", "--installments", "12", "--first", "2026-12-31", "--out", "promise.xlsx"],
  ]) {
    const r = await run(args, dir);
    expect(r.err).toBe("");
  }
  pages = {
    demand: readPdf(toPdf(path.join(dir, "demand.xlsx"), dir)),
    final: readPdf(toPdf(path.join(dir, "final.xlsx"), dir)),
    promise: readPdf(toPdf(path.join(dir, "promise.xlsx"), dir)),
  };
}, 400_000);

afterAll(() => {
  if (dir && !process.env.DUIZHANG_KEEP_PRINT) fs.rmSync(dir, { recursive: true, force: true });
});

const flat = (p: PdfPage) => p.text.replace(/\s/g, "");
const portrait = (p: PdfPage) => Math.abs(p.width - 595.3) < 1 && Math.abs(p.height - 841.9) < 1;

function clean(p: PdfPage): void {
  expect(portrait(p)).toBe(true);
  expect(p.text).not.toContain("###");
  expect(p.lines.filter((l) => l.xMax > p.width - 30).map((l) => l.text)).toEqual([]);
  // Type no smaller than 9 pt after fit-to-width.
  expect(p.lines.filter((l) => l.yMax - l.yMin < 11.5).map((l) => l.text)).toEqual([]);
}

maybe("printed collection papers", () => {
  it("prints each demand letter on one A4 page with the dealer, number, 大写, deadline and the 签收回执 strip", () => {
    const letters = [
      { dealer: "嘉兴恒通家电销售有限责任公司", number: "CK-202611-0001", title: "催款函", words: "人民币贰拾肆万陆仟肆佰伍拾柒元贰角捌分" },
      { dealer: "温州瑞丰五金经营部", number: "CK-202611-0002", title: "提醒函", words: "人民币壹万元零伍分" },
    ];
    for (const l of letters) {
      const page = pages.demand.filter((p) => flat(p).includes(`致：${l.dealer}`));
      expect(page).toHaveLength(1);
      const text = flat(page[0]);
      expect(text).toContain(l.title.split("").join(""));
      expect(text).toContain(l.number);
      expect(text).toContain(l.words);
      expect(text).toContain("2026年12月4日");
      expect(text).toMatch(/签收回执[\s\S]*收件人签字[\s\S]*盖章[\s\S]*日期/);
      clean(page[0]);
    }
  });

  it("prints a final notice with its consequences and receipt on one page", () => {
    const page = pages.final.filter((p) => flat(p).includes("最后通知"));
    expect(page).toHaveLength(1);
    const text = flat(page[0]);
    expect(text).toContain("CK-202611-0001");
    expect(text).toContain("提起诉讼");
    expect(text).toContain("签收回执");
    clean(page[0]);
  });

  it("prints a twelve-installment commitment on one page with the amount in 大写, the table and the signature lines", () => {
    // The register lists the commitment too (类型 还款承诺书): the paper is the page with its number line.
    const page = pages.promise.filter((p) => flat(p).includes("编号：CN-202611-0001"));
    expect(page).toHaveLength(1);
    const text = flat(page[0]);
    expect(text).toContain("CN-202611-0001");
    expect(text).toContain("嘉兴恒通家电销售有限责任公司");
    expect(text).toContain("人民币贰拾肆万陆仟肆佰伍拾柒元贰角捌分");
    expect(text).toContain("246,457.28");
    expect(text).toMatch(/2027-11-30/);
    expect(text).toMatch(/法定代表人[\s\S]*担保人/);
    clean(page[0]);
  });
});
