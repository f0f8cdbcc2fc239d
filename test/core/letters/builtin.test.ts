import {
  A4_PAGE,
  amountInWords,
  builtinTemplate,
  compileTemplate,
  fillTemplate,
  isUnchangedBuiltin,
  holdsTemplate,
  letterData,
  MAX_AMOUNT_IN_WORDS_FEN,
  stackLetters,
  type BuiltinKind,
  type CompiledTemplate,
  type FilledLetter,
  type FilledValue,
  type LetterInput,
  type Template,
  type TemplateProblemCode,
} from "../../../src/core/letters";
import { describeCompanyProblem, describeFillWarning, describeLetterProblem, describeRegisterNotice, describeRegisterProblem, describeTemplateProblem } from "../../../src/messages/letters";
import { fen } from "../../../src/core/money";

function compiled(t: Template): CompiledTemplate {
  const res = compileTemplate(t);
  if (!res.ok) throw new Error(JSON.stringify(res.problems));
  return res.template;
}

const input: LetterInput = {
  number: "DZ-202611-0001",
  dealer: { name: "华东建材有限公司" },
  company: { 本公司名称: "华南建材有限公司", 本公司地址: "广州市天河区体育西路 1 号", 本公司联系人: "李会计", 电话: "020-12345678" },
  asOf: "2026-11-30",
  sendDate: "2026-12-01",
  closingBalance: fen(10700053),
  periodStart: "2026-11-01",
  openingBalance: fen(8000000),
  movements: [
    { date: "2026-11-05", ref: "XS-1", description: "销售", amount: fen(3700053), sheet: "应收明细", row: 5 },
    { date: "2026-11-20", ref: "SK-2", description: "回款", amount: fen(-1000000), sheet: "应收明细", row: 9 },
  ],
};

function letterFrom(kind: BuiltinKind, over: Partial<LetterInput> = {}): FilledLetter {
  const res = letterData({ ...input, ...over });
  if (!res.ok) throw new Error(res.problem.code);
  return fillTemplate(compiled(builtinTemplate(kind)), res.letter.values, res.letter.details);
}

const show = (v: FilledValue): string =>
  v === null ? "" : typeof v === "object" ? v.date : typeof v === "number" ? v.toFixed(2) : String(v);

/** The letter as a person reads it: each row's cells, left to right, the blank rows left out. */
const readable = (l: FilledLetter) =>
  l.rows.map((r) => r.cells.map((c) => (c ? show(c.value) : "")).filter((t) => t !== "").join(" | ")).filter((t) => t !== "");

describe("the built-in 对账函（积极式）", () => {
  it("reads as a complete letter with its reply slip", () => {
    expect(readable(letterFrom("positive"))).toEqual([
      "华南建材有限公司",
      "对　账　函",
      "编号：DZ-202611-0001",
      "致：华东建材有限公司",
      "　　本公司与贵公司的往来款项，截至2026年11月30日本公司账面记录如下。如与贵公司记录相符，请在本函下端“数据证明无误”处签章证明；如有不符，请在“数据不符”处列明贵公司记载的金额及不符原因，签章后于2026年12月15日前将回执寄回本公司。",
      "截止日期 | 贵公司欠本公司 | 本公司欠贵公司 | 备注",
      "2026-11-30 | 107000.53",
      "　　截至2026年11月30日，贵公司欠本公司人民币107,000.53元（大写：人民币壹拾万柒仟元零伍角叁分）。",
      "　　本函仅为核对账目之用，并非催款结算。若款项在上述日期之后已经付清，仍请及时函复为盼。",
      "回函地址：广州市天河区体育西路 1 号",
      "联系人：李会计　　电话：020-12345678",
      "华南建材有限公司（盖章）",
      "2026-12-01",
      "沿此线剪开，将以下回执签章后寄回",
      "回　　执",
      "致华南建材有限公司：贵公司编号为 DZ-202611-0001 的对账函所列截至2026年11月30日的余额，经本公司核对：",
      "1. 数据证明无误。",
      "（盖章） | 经办人： | 日期：　　　年　　月　　日",
      "2. 数据不符，请列明不符项目及具体内容：",
      "本公司记载的余额：人民币________________________元",
      "余额方向：□ 本公司欠贵公司　　□ 贵公司欠本公司",
      "不符原因：",
      "（盖章） | 经办人： | 日期：　　　年　　月　　日",
    ]);
  });

  it("leaves a line for missing company details and warns", () => {
    const l = letterFrom("positive", { company: { 本公司名称: "华南建材有限公司" } });
    expect(readable(l)).toContain("联系人：________________　　电话：________________");
    expect(l.warnings.map((w) => `${w.code} ${w.field}`)).toEqual([
      "missing_company_detail 本公司地址",
      "missing_company_detail 本公司联系人",
      "missing_company_detail 电话",
    ]);
  });
});

describe("the built-in variants", () => {
  it("消极式 asks for a reply only if the figures differ and has no 数据证明无误 box", () => {
    const text = readable(letterFrom("negative")).join("\n");
    expect(text).toContain("如与贵公司记录相符，无须回复");
    expect(text).not.toContain("数据证明无误");
    expect(text).toContain("数据不符，请列明不符项目及具体内容");
  });

  it("含明细 lists the period's movements with a running balance and the period's totals", () => {
    const lines = readable(letterFrom("movements"));
    const from = lines.indexOf("本期往来明细（2026年11月1日至2026年11月30日）：");
    expect(lines.slice(from, from + 5)).toEqual([
      "本期往来明细（2026年11月1日至2026年11月30日）：",
      "日期 | 单号 | 摘要 | 增加 | 减少 | 余额",
      "2026-11-05 | XS-1 | 销售 | 37000.53 | 117000.53",
      "2026-11-20 | SK-2 | 回款 | 10000.00 | 107000.53",
      "期初余额 80,000.00，本期合计 | 37000.53 | 10000.00 | 107000.53",
    ]);
  });

  it("is recognised as unchanged until the user edits one cell", () => {
    const values = builtinTemplate("positive").rows.map((r) => r.cells.map((c) => c?.value ?? null));
    expect(isUnchangedBuiltin("positive", values)).toBe(true);
    values[1][0] = "往来款项询证函";
    expect(isUnchangedBuiltin("positive", values)).toBe(false);
    expect(isUnchangedBuiltin("negative", builtinTemplate("positive").rows.map((r) => r.cells.map((c) => c?.value ?? null)))).toBe(false);
  });

  it("is compared where the sheet's cells are, and text left under a merge does not count as a change", () => {
    const t = builtinTemplate("positive");
    const values = t.rows.map((r) => r.cells.map((c) => c?.value ?? null));
    // Read back from B2 (an empty first row and column): the same sheet.
    const shifted = values.slice(1).map((r) => r.slice(1));
    expect(holdsTemplate(t, 2, 2, shifted)).toBe(false);
    expect(holdsTemplate(t, 1, 1, values)).toBe(true);
    const merged = t.merges[0]!;
    values[merged.top - 1]![merged.right - 1] = "合并前键入的字";
    expect(holdsTemplate(t, 1, 1, values)).toBe(true);
    values.push([null, "用户加的一行"]);
    expect(holdsTemplate(t, 1, 1, values)).toBe(false);
  });
});

describe("one summary letter is one A4 portrait page at 10 pt or more", () => {
  // A4 is 8.27 × 11.69 in; points are 1/72 in.
  const printableHeight = (11.69 - A4_PAGE.margins.top - A4_PAGE.margins.bottom) * 72;
  const printableWidth = (8.27 - A4_PAGE.margins.left - A4_PAGE.margins.right) * 72;
  // Excel's column width in pixels is width × (widest digit) + 5; 96 px to the inch.
  const columnPoints = (width: number, digitPx: number) => ((width * digitPx + 5) * 72) / 96;

  it.each(["positive", "negative"] as const)("%s: the rows fit the page height even when fit-to-width shrinks nothing", (kind) => {
    const t = builtinTemplate(kind);
    const height = t.rows.reduce((s, r) => s + (r.height ?? 15), 0);
    expect(height).toBeLessThanOrEqual(printableHeight);
    // And it fills most of the page: a letter, not a note.
    expect(height).toBeGreaterThan(printableHeight * 0.8);
  });

  it("the columns fit the page width with a 7 px digit and need at most a 4 % shrink with an 8 px digit", () => {
    const t = builtinTemplate("positive");
    const at7 = t.columnWidths.reduce<number>((s, w) => s + columnPoints(w ?? 8.43, 7), 0);
    const at8 = t.columnWidths.reduce<number>((s, w) => s + columnPoints(w ?? 8.43, 8), 0);
    expect(at7).toBeLessThanOrEqual(printableWidth);
    expect(printableWidth / at8).toBeGreaterThan(0.96);
  });

  it("uses no font below 10 pt", () => {
    for (const kind of ["positive", "negative", "movements"] as const) {
      const styles = Object.values(builtinTemplate(kind).styles ?? {});
      expect(Math.min(...styles.map((s) => s.fontSize))).toBeGreaterThanOrEqual(10);
    }
  });

  it.each(["positive", "negative", "movements"] as const)("%s: every row has room for its longest filling (the largest balance, long names) at the narrowest width", (kind) => {
    const t = builtinTemplate(kind);
    const l = letterFrom(kind, {
      dealer: { name: "内蒙古自治区呼和浩特市新城区某某建筑材料贸易有限责任公司" },
      company: { 本公司名称: "广东省广州市华南建筑材料集团股份有限公司", 本公司地址: "广州市天河区体育西路一百九十一号中石化大厦B塔二十一层", 本公司联系人: "欧阳会计", 电话: "020-12345678转8001" },
      closingBalance: MAX_AMOUNT_IN_WORDS_FEN,
      openingBalance: MAX_AMOUNT_IN_WORDS_FEN,
      movements: [],
    });
    expect(amountInWords(MAX_AMOUNT_IN_WORDS_FEN).length).toBe(31);
    const widthOf = (from: number, to: number) => {
      let w = 0;
      for (let c = from; c <= to; c++) w += columnPoints(t.columnWidths[c - 1] ?? 8.43, 7) - 4; // less the cell padding
      return w;
    };
    // Full-width characters take one em, others half.
    const ems = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 1 : 0.55), 0);
    l.rows.forEach((row, i) => {
      const tRow = t.rows[row.source - 1];
      row.cells.forEach((cell, c) => {
        if (!cell || typeof cell.value !== "string") return;
        const style = t.styles![cell.style!];
        const merge = t.merges.find((m) => m.top === row.source && m.left === c + 1);
        const width = merge ? widthOf(merge.left, merge.right) : widthOf(c + 1, c + 1);
        const lines = Math.ceil((ems(cell.value) * style.fontSize) / width);
        const room = style.wrap ? Math.floor((tRow.height ?? 15) / (style.fontSize * 1.3)) : 1;
        if (lines > room) throw new Error(`row ${i + 1} (${cell.value}) needs ${lines} lines, has room for ${room}`);
      });
    });
  });
});

describe("a run of letters on one sheet", () => {
  it("stacks the letters, moves their merges, breaks the page above each but the first and prints them all", () => {
    const a = letterFrom("positive");
    const b = letterFrom("positive", { number: "DZ-202611-0002", dealer: { name: "美达商贸" } });
    const s = stackLetters([a, b]);
    const n = a.rows.length;
    expect(s.letters).toEqual([
      { firstRow: 1, lastRow: n },
      { firstRow: n + 1, lastRow: 2 * n },
    ]);
    expect(s.pageBreaks).toEqual([n + 1]);
    expect(s.printArea).toEqual({ top: 1, left: 1, bottom: 2 * n, right: 8 });
    expect(s.merges.length).toBe(2 * a.merges.length);
    expect(s.merges[a.merges.length]).toEqual({ ...a.merges[0], top: a.merges[0].top + n, bottom: a.merges[0].bottom + n });
    expect(s.rows[n + 3].cells[0]?.value).toBe("致：美达商贸");
  });
});

describe("messages", () => {
  const codes: TemplateProblemCode[] = [
    "unknown_placeholder",
    "unclosed_placeholder",
    "detail_field_outside_block",
    "unknown_block",
    "unclosed_block",
    "block_end_without_start",
    "nested_block",
    "marker_row_has_text",
    "merge_crosses_block",
  ];
  it.each(codes)("%s names the sheet and cell in Chinese and in English", (code) => {
    const p = { code, sheet: "函模板", cell: "B7", row: 7, column: 2, found: "{{截止日期}}" };
    expect(describeTemplateProblem(p, "zh-CN")).toMatch(/^工作表“函模板”单元格 B7：/);
    expect(describeTemplateProblem(p, "en-US")).toMatch(/^Sheet "函模板", cell B7: /);
  });

  it("says what to do for warnings, letter problems, register problems and notices", () => {
    expect(describeFillWarning({ code: "missing_company_detail", field: "开户行" }, "zh-CN")).toContain("本公司信息");
    expect(describeLetterProblem({ code: "balance_mismatch", dealer: "甲", balance: fen(100), opening: fen(50), movements: fen(40) }, "en-US")).toContain("do not make the balance 1.00");
    expect(describeRegisterProblem({ code: "bad_result", sheet: "函证登记簿", cell: "J5", row: 5, column: 10, header: "回函结果", found: "OK" }, "zh-CN")).toBe(
      "工作表“函证登记簿”单元格 J5（回函结果）：“OK”应为“相符”“不符”或“未回”。",
    );
    expect(describeRegisterNotice({ code: "already_sent", dealer: "甲", number: "DZ-202611-0001", sentOn: "2026-12-01", row: 2 }, "zh-CN")).toContain("本次使用新编号");
    expect(describeCompanyProblem({ code: "account_stored_as_number", sheet: "本公司信息", cell: "B7", row: 7, column: 2, found: "1" }, "en-US")).toContain("15 significant figures");
  });
});
