/**
 * Letters on paper: `duizhang letters --out` printed to PDF by LibreOffice and read back with poppler.
 * Each letter from a built-in template (a summary, no list of movements) is exactly one A4 page that
 * names its dealer, its number and its amount in words. Needs `soffice`, `pdftotext` and `pdfinfo`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { run } from "../cli/support";
import { hasTools, readPdf, toPdf, type PdfPage } from "./pdf";
import { availableOrFailInCi } from "../support/required";

const tools = availableOrFailInCi(hasTools(), "soffice, pdftotext or pdfinfo");
const maybe = tools ? describe : describe.skip;
if (!tools) console.warn("letters print tests skipped: soffice, pdftotext or pdfinfo is missing (apt-get install -y libreoffice-calc-nogui poppler-utils)");

const LEDGER = [
  ["日期", "客户名称", "单号", "摘要", "借方", "贷方"],
  ["2026-10-08", "杭州美达商贸有限公司", "XSCK-2026-10081", "销售出库", 107000.53, null],
  ["2026-10-12", "嘉兴恒通家电销售有限责任公司", "XSCK-2026-10122", "销售出库", 1409.5, null],
  ["2026-10-20", "宁波顺和电器有限公司", "XSCK-2026-10203", "销售出库", 5000, null],
  ["2026-11-05", "宁波顺和电器有限公司", "SKD-2026-110501", "收款", null, 5000],
  ["2026-11-10", "温州瑞丰五金经营部", "SKD-2026-111002", "预收货款", null, 6007.14],
];
const COMPANY = [
  ["项目", "内容"],
  ["公司名称", "浙江恒达电器有限公司"],
  ["地址", "浙江省杭州市余杭区良渚街道恒达路 18 号"],
  ["联系人", "财务部 陈静"],
  ["电话", "0571-8888 6021"],
  ["开户行", "中国工商银行杭州余杭支行"],
  ["账号", "1202 0210 0920 0012 345"],
];

interface Letter {
  number: string;
  dealer: string;
  amountInWords: string;
}

const flat = (t: string) => t.replace(/\s+/g, "");

let dir: string;
const printed: Record<string, { letters: Letter[]; pages: PdfPage[] }> = {};

beforeAll(async () => {
  if (!tools) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-print-letters-"));
  await XlsxWorkbook.fromSpecs([
    { name: "应收明细", rows: LEDGER as never },
    { name: "本公司信息", rows: COMPANY as never },
  ]).save(path.join(dir, "ledger.xlsx"));
  for (const template of ["积极式", "消极式", "含明细"]) {
    const out = `letters-${template}.xlsx`;
    const r = await run(["letters", "--ledger", "ledger.xlsx", "--as-of", "2026-11-30", "--template", template, "--out", out, "--json"], dir);
    expect(r.err).toBe("");
    printed[template] = { letters: JSON.parse(r.out).letters, pages: readPdf(toPdf(path.join(dir, out), dir)) };
  }
}, 400_000);

afterAll(() => {
  if (dir && !process.env.DUIZHANG_KEEP_PRINT) fs.rmSync(dir, { recursive: true, force: true });
});

maybe.each(["积极式", "消极式"])("letters from the %s template on paper", (template) => {
  test("three letters (the zero balance skipped), each alone on one A4 portrait page with its dealer, number and 大写", () => {
    const { letters, pages } = printed[template];
    expect(letters.map((l) => l.dealer)).toEqual(["杭州美达商贸有限公司", "嘉兴恒通家电销售有限责任公司", "温州瑞丰五金经营部"]);
    expect(letters.map((l) => l.amountInWords)).toEqual(["人民币壹拾万柒仟元零伍角叁分", "人民币壹仟肆佰零玖元伍角整", "人民币陆仟零柒元壹角肆分"]);
    letters.forEach((letter, i) => {
      const page = pages[i];
      expect(Math.round(page.width)).toBe(595);
      expect(Math.round(page.height)).toBe(842);
      const text = flat(page.text);
      expect(text).toContain(flat(letter.dealer));
      expect(text).toContain(letter.number);
      expect(text).toContain(letter.amountInWords);
      expect(text).toContain("浙江恒达电器有限公司");
      // No other letter's number on this page: one letter a page.
      for (const other of letters) if (other !== letter) expect(text).not.toContain(other.number);
    });
    // The page after the last letter is the register's, not a letter running over.
    expect(flat(pages[letters.length].text)).toContain("回函结果");
  });

  test("the payable letter says we owe the dealer", () => {
    const { letters, pages } = printed[template];
    const i = letters.findIndex((l) => l.dealer === "温州瑞丰五金经营部");
    expect(flat(pages[i].text)).toContain("本公司欠贵公司");
  });
});

maybe("letters from the 含明细 template on paper", () => {
  test("print every movement's date whole (no ###) and every 单号 uncut", () => {
    const { letters, pages } = printed["含明细"];
    expect(letters.map((l) => l.dealer)).toEqual(["杭州美达商贸有限公司", "嘉兴恒通家电销售有限责任公司", "温州瑞丰五金经营部"]);
    // The letters' pages (a letter with movements may run on to a second page); the register's follow them.
    const registerPage = pages.findIndex((p) => flat(p.text).includes("回函结果"));
    const all = pages.slice(0, registerPage).map((p) => p.text).join("\n");
    expect(all).not.toContain("###");
    const text = flat(all);
    for (const [date, number] of [["2026-10-08", "XSCK-2026-10081"], ["2026-10-12", "XSCK-2026-10122"], ["2026-11-10", "SKD-2026-111002"]]) {
      expect(text).toContain(date);
      expect(text).toContain(number);
    }
  });

  test("a letter with one movement is one page, its receipt's last signature line included", () => {
    const { letters, pages } = printed["含明细"];
    letters.forEach((letter, i) => {
      const page = flat(pages[i].text);
      expect(page).toContain(letter.number);
      expect(page).toContain(letter.amountInWords);
      expect(page.match(/经办人/g)).toHaveLength(2);
    });
    expect(flat(pages[letters.length].text)).toContain("回函结果");
  });
});

maybe("the 函证登记簿 on paper", () => {
  test("a new register prints its numbers, names, dates and amounts whole, with page numbers", () => {
    const { letters, pages } = printed["积极式"];
    const registerPages = pages.filter((p) => flat(p.text).includes("回函结果") || flat(p.text).includes("限期付款日期"));
    expect(registerPages.length).toBeGreaterThan(0);
    const all = registerPages.map((p) => p.text).join("\n");
    expect(all).not.toContain("###");
    const text = flat(all);
    for (const l of letters) {
      expect(text).toContain(l.number);
      expect(text).toContain(flat(l.dealer));
    }
    expect(text).toContain("107,000.53");
    expect(text).toContain("第1页");
  });

  test("every page across repeats 编号 and 客户名称, so each row says whose letter it is", () => {
    const { letters, pages } = printed["积极式"];
    const registerPages = pages.filter((p) => flat(p.text).includes("回函结果") || flat(p.text).includes("限期付款日期"));
    for (const page of registerPages) {
      const text = flat(page.text);
      for (const l of letters) {
        expect(text).toContain(l.number);
        expect(text).toContain(flat(l.dealer));
      }
    }
  });
});

