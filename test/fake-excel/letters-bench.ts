/**
 * Confirmation letters for many dealers through the office-js adapter on the fake Excel (ExcelApi 1.9):
 * read the ledger (one sale per dealer) and 本公司信息, write one letter per dealer from the built-in
 * template onto one sheet with page breaks and copied formats, then the register rows.
 *
 * For `npm run bench`: `benchLetters(1000)`.
 */
import { runLetters } from "../../src/app/letters";
import { createExcelWorkbook } from "../../src/excel/workbook";
import { FakeExcel } from "../../src/fake-excel";

export interface LettersBenchResult {
  dealers: number;
  letters: number;
  ms: number;
  syncs: number;
  /** Largest single request or response (Excel on the web refuses either over 5 MB). */
  maxRequestBytes: number;
  totalBytes: number;
}

export async function benchLetters(dealers: number): Promise<LettersBenchResult> {
  const excel = new FakeExcel({ apiVersion: "1.9" });
  const ledger = excel.model.addSheet("应收明细");
  ["日期", "客户名称", "单号", "摘要", "借方", "贷方"].forEach((h, c) => ledger.setStored(1, c + 1, h));
  for (let i = 1; i <= dealers; i++) {
    ledger.setStored(i + 1, 1, "2026-11-02");
    ledger.setStored(i + 1, 2, `经销商${String(i).padStart(5, "0")}有限公司`);
    ledger.setStored(i + 1, 3, `XSCK-${i}`);
    ledger.setStored(i + 1, 4, "销售出库");
    ledger.setStored(i + 1, 5, 1000 + i / 100);
  }
  const company = excel.model.addSheet("本公司信息");
  [["项目", "内容"], ["公司名称", "浙江恒达电器有限公司"], ["地址", "浙江省杭州市余杭区良渚街道恒达路 18 号"], ["联系人", "陈静"], ["电话", "0571-88886021"], ["开户行", "中国工商银行杭州余杭支行"], ["账号", "1202021009200012345"]].forEach((row, r) =>
    row.forEach((v, c) => company.setStored(r + 1, c + 1, v)),
  );
  const port = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
  const t0 = performance.now();
  const result = await runLetters({
    ledger: { port, sheet: "应收明细" },
    asOf: "2026-11-30",
    sendDate: "2026-12-01",
    dealers: { all: true },
    template: { builtin: "positive" },
    lang: "zh-CN",
  });
  const ms = Math.round(performance.now() - t0);
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  const s = excel.stats;
  return {
    dealers,
    letters: result.run.letters.length,
    ms,
    syncs: s.syncs,
    maxRequestBytes: Math.max(s.maxRequestBytes, s.maxResponseBytes),
    totalBytes: s.totalRequestBytes + s.totalResponseBytes,
  };
}
