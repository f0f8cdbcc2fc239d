import type { FileMessages } from "../../../src/core/files/messages";
import { msg } from "../../../src/core/messages";

export const filesSamples: FileMessages = {
  "xlsx.damaged": { file: "台账.xlsx", why: msg("xlsx.damaged.part", { part: "xl/worksheets/sheet1.xml" }) },
  "xlsx.damaged.directory": {},
  "xlsx.damaged.part": { part: "xl/worksheets/sheet1.xml" },
  "xlsx.damaged.method": { part: "xl/worksheets/sheet1.xml", method: 14 },
  "xlsx.damaged.missing": { part: "xl/workbook.xml" },
  "xlsx.damaged.content": {},
  "xlsx.encrypted": { file: "台账.xlsx", part: "xl/workbook.xml" },
  "xlsx.too_large": { file: "台账.xlsx", why: msg("xlsx.too_large.ratio", { part: "xl/worksheets/sheet2.xml", ratio: 1024 }) },
  "xlsx.too_large.total": { limit: "1 GB" },
  "xlsx.too_large.ratio": { part: "xl/worksheets/sheet2.xml", ratio: 1024 },
  "xlsx.too_large.declared": { part: "xl/worksheets/sheet1.xml" },
  "xlsx.open.not_found": { file: "台账.xlsx" },
  "xlsx.open.unreadable": { file: "台账.xlsx" },
  "xlsx.save.input": { file: "台账.xlsx" },
  "xlsx.sheet_too_large": { sheet: "催款计划", rows: "1,048,577", columns: "16", maxRows: "1,048,576", maxColumns: "16,384" },
  "sheet.ambiguous": { file: "台账.xlsx", sheet: "data", sheets: ["Data", "DATA"] },
  "port.read_only": { sheet: "台账", kind: msg("port.kind.csv", {}), action: msg("port.action.letters", {}) },
  "port.kind.csv": {},
  "port.kind.xls": {},
  "port.kind.other": {},
  "port.action.results": {},
  "port.action.letters": {},
  "port.action.demand": {},
  "port.action.promise": {},
};
