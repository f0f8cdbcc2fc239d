import fc from "fast-check";
import { compileTemplate, fillTemplate, HAND_FILL_LINE, templateFromGrid, type CompiledTemplate } from "../../../src/core/letters/template";
import type { CellRange, Template, TemplateRow } from "../../../src/core/letters/types";
import { fen } from "../../../src/core/money";

/** A template from rows of cell texts; `s:` gives every non-empty cell a style id named after its place. */
function template(rows: (string | number | null)[][], extra: Partial<Template> = {}): Template {
  const tRows: TemplateRow[] = rows.map((cells, r) => ({
    cells: cells.map((v, c) => (v === null ? null : { value: v, style: `s${r + 1}.${c + 1}` })),
    height: 15 + r,
  }));
  return { sheet: "函模板", rows: tRows, merges: [], columnWidths: [12, 30, 14], ...extra };
}

function compiled(t: Template): CompiledTemplate {
  const res = compileTemplate(t);
  if (!res.ok) throw new Error(JSON.stringify(res.problems));
  return res.template;
}

const values = {
  编号: { kind: "text", text: "DZ-202611-0001" },
  客户名称: { kind: "text", text: "华东建材有限公司" },
  截至日期: { kind: "date", date: "2026-11-30" },
  余额: { kind: "amount", fen: fen(10700053) },
  余额大写: { kind: "text", text: "人民币壹拾万柒仟元零伍角叁分" },
  方向: { kind: "text", text: "贵公司欠本公司" },
  本公司欠贵公司: { kind: "blank" },
  开户行: { kind: "missing" },
} as const;

describe("placeholders", () => {
  it("fills placeholders inside a sentence as text: grouped amount, Chinese date", () => {
    const t = compiled(template([["截至{{截至日期}}，{{方向}}货款人民币{{余额}}元（大写：{{余额大写}}）"]]));
    const letter = fillTemplate(t, values);
    expect(letter.rows[0].cells[0]).toEqual({
      value: "截至2026年11月30日，贵公司欠本公司货款人民币107,000.53元（大写：人民币壹拾万柒仟元零伍角叁分）",
      style: "s1.1",
    });
  });

  it("gives a cell that is one placeholder a typed value: amount as a number with two decimals, date as a date", () => {
    const t = compiled(template([["{{余额}}", " {{截至日期}} ", "{{客户名称}}"]]));
    const [amount, date, name] = fillTemplate(t, values).rows[0].cells;
    expect(amount).toEqual({ value: 107000.53, numberFormat: "#,##0.00", style: "s1.1" });
    expect(date).toEqual({ value: { date: "2026-11-30" }, numberFormat: 'yyyy"年"m"月"d"日"', style: "s1.2" });
    expect(name).toEqual({ value: "华东建材有限公司", style: "s1.3" });
  });

  it("keeps cells without placeholders as they are, numbers as numbers, empty cells empty", () => {
    const t = compiled(template([["对 账 函", 42, null]]));
    expect(fillTemplate(t, values).rows[0].cells).toEqual([{ value: "对 账 函", style: "s1.1" }, { value: 42, style: "s1.2" }, null]);
  });

  it("leaves a line to fill by hand for a missing company detail and warns once per field", () => {
    const t = compiled(template([["开户行：{{开户行}}"], ["{{开户行}}"]]));
    const letter = fillTemplate(t, values);
    expect(letter.rows[0].cells[0]?.value).toBe(`开户行：${HAND_FILL_LINE}`);
    expect(letter.rows[1].cells[0]?.value).toBe(HAND_FILL_LINE);
    expect(letter.warnings).toEqual([{ code: "missing_company_detail", field: "开户行" }]);
  });

  it("writes nothing for a blank field (the other direction's column)", () => {
    const t = compiled(template([["{{本公司欠贵公司}}"]]));
    expect(fillTemplate(t, values).rows[0].cells[0]).toEqual({ value: null, style: "s1.1" });
  });

  it("keeps a formula-looking dealer name as text", () => {
    const t = compiled(template([["{{客户名称}}"]]));
    const letter = fillTemplate(t, { 客户名称: { kind: "text", text: "=HYPERLINK(\"x\")" } });
    expect(letter.rows[0].cells[0]?.value).toBe('=HYPERLINK("x")');
  });
});

describe("the 明细 block", () => {
  const rows = [
    ["致：{{客户名称}}", null, null],
    ["日期", "摘要", "金额"],
    ["{{#明细}}", null, null],
    ["{{日期}}", "{{摘要}}（{{单号}}）", "{{金额}}"],
    ["{{/明细}}", null, null],
    ["期末余额", null, "{{余额}}"],
    ["盖章", null, null],
  ];
  const merges: CellRange[] = [
    { top: 1, left: 1, bottom: 1, right: 3 },
    { top: 4, left: 2, bottom: 4, right: 2 },
    { top: 6, left: 1, bottom: 7, right: 2 },
  ];
  const details = [
    { 日期: { kind: "date", date: "2026-11-02" }, 摘要: { kind: "text", text: "销售" }, 单号: { kind: "text", text: "XS-1" }, 金额: { kind: "amount", fen: fen(500000) } },
    { 日期: { kind: "date", date: "2026-11-09" }, 摘要: { kind: "text", text: "回款" }, 单号: { kind: "text", text: "SK-7" }, 金额: { kind: "amount", fen: fen(-200000) } },
  ] as const;

  it("repeats the rows between the markers once per line, drops the marker rows and pushes the rows below down", () => {
    const letter = fillTemplate(compiled(template(rows, { merges })), values, [...details]);
    expect(letter.rows.map((r) => r.source)).toEqual([1, 2, 4, 4, 6, 7]);
    expect(letter.rows.map((r) => r.height)).toEqual([15, 16, 18, 18, 20, 21]);
    expect(letter.rows[2].cells.map((c) => c?.value)).toEqual([{ date: "2026-11-02" }, "销售（XS-1）", 5000]);
    expect(letter.rows[3].cells.map((c) => c?.value)).toEqual([{ date: "2026-11-09" }, "回款（SK-7）", -2000]);
    // Outside the block 余额 is the letter's balance.
    expect(letter.rows[4].cells[2]?.value).toBe(107000.53);
  });

  it("copies a merge inside the block per line and moves the merges below with their rows", () => {
    const letter = fillTemplate(compiled(template(rows, { merges })), values, [...details]);
    expect(letter.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 3, left: 2, bottom: 3, right: 2 },
      { top: 4, left: 2, bottom: 4, right: 2 },
      { top: 5, left: 1, bottom: 6, right: 2 },
    ]);
    expect(letter.columnWidths).toEqual([12, 30, 14]);
  });

  it("writes no rows for the block when there are no lines", () => {
    const letter = fillTemplate(compiled(template(rows, { merges })), values, []);
    expect(letter.rows.map((r) => r.source)).toEqual([1, 2, 6, 7]);
    expect(letter.merges[1]).toEqual({ top: 3, left: 1, bottom: 4, right: 2 });
  });

  it("repeats a single row holding both markers, markers removed and its one field typed", () => {
    const t = compiled(template([["{{#明细}}{{日期}}", "{{摘要}}{{/明细}}"], ["end"]]));
    const letter = fillTemplate(t, values, [...details]);
    expect(letter.rows.map((r) => r.cells.map((c) => c?.value))).toEqual([
      [{ date: "2026-11-02" }, "销售"],
      [{ date: "2026-11-09" }, "回款"],
      ["end"],
    ]);
  });

  it("takes detail 余额 inside the block as the line's running balance", () => {
    const t = compiled(template([["{{#明细}}"], ["{{余额}}"], ["{{/明细}}"], ["{{余额}}"]]));
    const letter = fillTemplate(t, values, [{ 余额: { kind: "amount", fen: fen(123) } }]);
    expect(letter.rows.map((r) => r.cells[0]?.value)).toEqual([1.23, 107000.53]);
  });
});

describe("checking a template before anything is generated", () => {
  const problemsOf = (t: Template) => {
    const res = compileTemplate(t);
    return res.ok ? [] : res.problems.map((p) => `${p.code} ${p.sheet}!${p.cell} ${p.found}`);
  };

  it("names the sheet and cell of an unknown placeholder, also inside text", () => {
    expect(problemsOf(template([["致：{{客户名称}}"], [null, "截至{{截止日期}}，余额{{余额}}"]]))).toEqual([
      "unknown_placeholder 函模板!B2 {{截止日期}}",
    ]);
  });

  it("reports a block opened and never closed at its opening cell", () => {
    expect(problemsOf(template([["x"], [null, "{{#明细}}"], ["{{日期}}"]]))).toEqual(["unclosed_block 函模板!B2 {{#明细}}"]);
  });

  it("reports a block end without a start, a nested start and an unknown block name", () => {
    expect(problemsOf(template([["{{/明细}}"], ["{{#明细}}"], ["{{#明细}}"], ["{{/明细}}"], ["{{#发票}}"]]))).toEqual([
      "block_end_without_start 函模板!A1 {{/明细}}",
      "nested_block 函模板!A3 {{#明细}}",
      "unknown_block 函模板!A5 {{#发票}}",
    ]);
  });

  it("refuses a detail field outside the block", () => {
    expect(problemsOf(template([["{{单号}}"]]))).toEqual(["detail_field_outside_block 函模板!A1 {{单号}}"]);
  });

  it("refuses text beside a marker (it would vanish with the marker row) and an unclosed placeholder", () => {
    expect(problemsOf(template([["{{#明细}}", "明细如下"], ["{{日期}}"], ["{{/明细}}"], ["余额{{余额}"]]))).toEqual([
      "marker_row_has_text 函模板!B1 明细如下",
      "unclosed_placeholder 函模板!A4 余额{{余额}",
    ]);
  });

  it("refuses a merge reaching from the block into the rows around it", () => {
    const t = template([["{{#明细}}"], ["{{日期}}"], ["{{/明细}}"], ["x"]], { merges: [{ top: 2, left: 1, bottom: 4, right: 1 }] });
    expect(problemsOf(t)).toEqual(["merge_crosses_block 函模板!A2 A2:A4"]);
  });

  it("lists the fields a template uses and whether it has a 明细 block", () => {
    const t = compiled(template([["{{客户名称}}{{余额}}"], ["{{#明细}}"], ["{{日期}}"], ["{{/明细}}"]]));
    expect(t.fields).toEqual(["客户名称", "余额", "日期"]);
    expect(t.hasDetails).toBe(true);
  });
});

describe("a user's template sheet read through the port", () => {
  it("starts at A1 whatever the used range, gives each used cell its address as style id and keeps a typed date as its serial", () => {
    const t = templateFromGrid(
      { sheet: "我的函", top: 2, left: 2, values: [["致：{{客户名称}}", null], [new Date(Date.UTC(2026, 10, 30)), 5]] },
      { rowHeights: [undefined, 30], merges: [{ top: 2, left: 2, bottom: 2, right: 3 }] },
    );
    expect(t.rows).toEqual([
      { cells: [null, null, null] },
      { cells: [null, { value: "致：{{客户名称}}", style: "B2" }, { value: null, style: "C2" }], height: 30 },
      { cells: [null, { value: 46356, style: "B3" }, { value: 5, style: "C3" }] },
    ]);
    expect(fillTemplate(compiled(t), values).rows[1].cells[1]).toEqual({ value: "致：华东建材有限公司", style: "B2" });
  });
});

describe("the 明细 block, for any number of lines and any block size", () => {
  it("writes the rows above and below once and the body once per line, each merge copied with its rows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 6 }), (above, body, below, lines) => {
        const rows: (string | null)[][] = [];
        for (let i = 0; i < above; i++) rows.push([`上${i}`, null]);
        rows.push(["{{#明细}}", null]);
        for (let i = 0; i < body; i++) rows.push([`{{摘要}}${i}`, null]);
        rows.push(["{{/明细}}", null]);
        for (let i = 0; i < below; i++) rows.push([`下${i}`, null]);
        // One merge on every plain and body row.
        const merges = rows.map((_, r) => ({ top: r + 1, left: 1, bottom: r + 1, right: 2 })).filter((_, r) => r !== above && r !== above + body + 1);
        const details = Array.from({ length: lines }, (_, k) => ({ 摘要: { kind: "text" as const, text: `第${k}行` } }));
        const letter = fillTemplate(compiled(template(rows, { merges })), values, details);
        const texts = letter.rows.map((r) => r.cells[0]?.value);
        const expected = [
          ...Array.from({ length: above }, (_, i) => `上${i}`),
          ...Array.from({ length: lines }, (_, k) => Array.from({ length: body }, (_, i) => `第${k}行${i}`)).flat(),
          ...Array.from({ length: below }, (_, i) => `下${i}`),
        ];
        expect(texts).toEqual(expected);
        expect(letter.merges).toEqual(expected.map((_, r) => ({ top: r + 1, left: 1, bottom: r + 1, right: 2 })));
      }),
      { numRuns: 200 },
    );
  });
});
