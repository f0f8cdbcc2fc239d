/** .xls fixtures written by SheetJS's own BIFF8 writer, standing in for ERP exports. */
import * as XLSX from "@e965/xlsx";

/** What an ERP export looks like: a merged title, a 核算项目 line, dates written as text, a hidden sheet. */
export function erpLikeXls(): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([
    ["应收账款明细账"],
    ["核算项目：美达商贸有限公司", null, null, "期间：2026年7月"],
    ["日期", "凭证字号", "摘要", "借方", "贷方", "方向", "余额"],
    ["2026-07-01", null, "期初余额", null, null, "借", 1000],
    ["2026-07-05", "记-12", "销售 XS-0705", 2500.5, null, "借", 3500.5],
    ["2026-07-18", "记-31", "收款", null, 1500, "借", 2000.5],
    ["合计", null, null, 2500.5, 1500, "借", 2000.5],
  ]);
  ws["!merges"] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 6 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "明细账");
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["备注"]]), "说明");
  wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
  return XLSX.write(wb, { bookType: "biff8", type: "buffer" }) as Buffer;
}
