import { msg } from "../../../src/core/messages";
import type { ReadMessages } from "../../../src/core/read/messages";

const at = msg("read.at.cell_header", { sheet: "台账", cell: "E12", header: "借方" });

export const readSamples: ReadMessages = {
  "read.at.cell": { sheet: "台账", cell: "E12" },
  "read.at.cell_header": { sheet: "台账", cell: "E12", header: "借方" },
  "read.at.row": { sheet: "台账", row: 12 },
  "read.issue.no_header": { at: msg("read.at.row", { sheet: "台账", row: 1 }) },
  "read.issue.no_amount_column": { at },
  "read.issue.no_date_column": { at },
  "read.issue.map_not_found": { at, found: "金额2" },
  "read.issue.bad_date": { at, found: "13/45" },
  "read.issue.missing_date": { at },
  "read.issue.missing_year": { at, found: "3月5日" },
  "read.issue.bad_amount": { at, found: "N/A" },
  "read.issue.bad_direction": { at, found: "X" },
  "read.issue.uncomputed_formula": { at },
  "read.issue.formula_error": { at, found: "#DIV/0!" },
  "read.unread.what.uncomputed_formula": {},
  "read.unread.what.formula_error": { found: "#N/A" },
  "read.unread.fix.uncomputed_formula": {},
  "read.unread.fix.formula_error": {},
  "read.skip.title": {},
  "read.skip.blank": {},
  "read.skip.header": {},
  "read.skip.opening": {},
  "read.skip.carried": {},
  "read.skip.total": {},
  "read.skip.other-dealer": {},
  "read.skip.no-amount": {},
  "read.skip.sign-off": {},
};
