import type ExcelJS from "exceljs";
import { readRegisterStatus, runLetters, writeBuiltinTemplate, type LettersRequest, type LettersRun } from "../../src/app/letters";
import { undoEverything } from "../../src/app/undo";
import { BUILTIN_SHEETS } from "../../src/core/letters";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { msg } from "../../src/core/messages";
import { render } from "../../src/messages/render";

const LEDGER_ROWS = [
  ["日期", "客户名称", "单号", "摘要", "借方", "贷方"],
  ["2026-10-08", "华南建材", "XS-1", "销售", 107000.53, null],
  ["2026-10-20", "蜀丰建材", "XS-2", "销售", 5000, null],
  ["2026-11-05", "蜀丰建材", "SK-1", "收款", null, 5000],
  ["2026-11-10", "鑫达五金", "XS-3", "销售", 1680.32, null],
  ["2026-12-03", "鑫达五金", "XS-4", "销售", 900, null],
];
const COMPANY_ROWS = [
  ["项目", "内容"],
  ["公司名称", "广州对账示例有限公司"],
  ["地址", "广州市天河区示例路1号"],
  ["联系人", "王会计"],
  ["电话", "020-12345678"],
  ["开户行", "工商银行天河支行"],
  ["账号", "'6222020200012345678"],
];

function ledgerBook(extra: { name: string; rows: unknown[][] }[] = [], withCompany = true): XlsxWorkbook {
  return XlsxWorkbook.fromSpecs([
    { name: "应收明细", rows: LEDGER_ROWS as never },
    ...(withCompany ? [{ name: "本公司信息", rows: COMPANY_ROWS as never }] : []),
    ...extra.map((e) => ({ name: e.name, rows: e.rows as never })),
  ]);
}

function request(port: XlsxWorkbook, over: Partial<LettersRequest> = {}): LettersRequest {
  return {
    ledger: { port, sheet: "应收明细" },
    asOf: "2026-11-30",
    sendDate: "2026-12-01",
    dealers: { all: true },
    template: { builtin: "positive" },
    lang: "zh-CN",
    ...over,
  };
}

async function run(req: LettersRequest): Promise<LettersRun> {
  const result = await runLetters(req);
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.run;
}

function sheetText(port: XlsxWorkbook, name: string, from: number, to: number): string {
  const ws = port.workbook.getWorksheet(name)!;
  const out: string[] = [];
  for (let r = from; r <= to; r++) {
    ws.getRow(r).eachCell((c) => {
      if (c.value !== null && c.value !== undefined) out.push(String(c.value instanceof Date ? c.value.toISOString().slice(0, 10) : c.value));
    });
  }
  return out.join("|");
}

describe("letters over the .xlsx port", () => {
  test("every dealer with a balance at the cut-off gets a numbered letter; zero balances are skipped with the reason", async () => {
    const port = ledgerBook();
    const r = await run(request(port));
    expect(r.letters.map((l) => [l.number, l.dealer, l.balance, l.direction, l.amountInWords])).toEqual([
      ["DZ-202611-0001", "华南建材", "107000.53", "receivable", "人民币壹拾万柒仟元零伍角叁分"],
      // The 12-03 sale is after the cut-off.
      ["DZ-202611-0002", "鑫达五金", "1680.32", "receivable", "人民币壹仟陆佰捌拾元叁角贰分"],
    ]);
    expect(r.skipped).toEqual([{ dealer: "蜀丰建材", code: "zero_balance", reason: msg("letters.skip.zero_balance", {}) }]);
    expect(render(r.skipped[0].reason, "zh-CN")).toBe("截至日余额为零，未生成对账函");
    expect(r.sheet).toBe("对账函 2026-11-30");
    expect(r.letters[0].firstRow).toBe(1);
    expect(r.letters[1].firstRow).toBe(r.letters[0].lastRow + 1);
    const text = sheetText(port, r.sheet, r.letters[1].firstRow, r.letters[1].lastRow);
    expect(text).toContain("鑫达五金");
    expect(text).toContain("DZ-202611-0002");
    expect(text).toContain("人民币壹仟陆佰捌拾元叁角贰分");
    expect(text).toContain("广州对账示例有限公司");
    expect(r.warnings).toEqual([]);
  });

  test("the letters sheet prints on A4, one letter a page, with the print area over every letter", async () => {
    const port = ledgerBook();
    const r = await run(request(port));
    const ws = port.workbook.getWorksheet(r.sheet)!;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printArea).toBe(`A$1:H$${r.letters[1].lastRow}`);
    const breaks = (ws as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map((b) => b.id);
    expect(breaks).toEqual([r.letters[1].firstRow - 1]);
    expect(ws.pageSetup.fitToWidth).toBe(1);
  });

  test("a built-in template's looks, merges and widths are on every letter", async () => {
    const port = ledgerBook();
    const r = await run(request(port));
    const ws = port.workbook.getWorksheet(r.sheet)!;
    const [a, b] = r.letters;
    const styleAt = (row: number) => JSON.stringify(ws.getRow(row).getCell(1).style);
    for (let k = 0; k <= a.lastRow - a.firstRow; k++) expect(styleAt(b.firstRow + k)).toBe(styleAt(a.firstRow + k));
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    const inFirst = merges.filter((m) => Number(/\d+/.exec(m)![0]) <= a.lastRow).length;
    expect(inFirst).toBeGreaterThan(0);
    expect(merges.length).toBe(inFirst * 2);
    expect(ws.getColumn(1).width).toBe(10);
    // The title is bold and large.
    expect(ws.getRow(a.firstRow + 1).getCell(1).font?.size ?? ws.getRow(a.firstRow).getCell(1).font?.size).toBeGreaterThanOrEqual(14);
  });

  test("a user's template sheet: placeholders in text, a repeated 明细 block, its formats and widths carried to every copy", async () => {
    const port = ledgerBook([
      {
        name: "我的函",
        rows: [
          ["{{本公司名称}}", null, null],
          ["致：{{客户名称}}", null, "编号：{{编号}}"],
          ["截至{{截至日期}}，贵公司尚欠本公司货款人民币{{余额}}元（大写：{{余额大写}}）", null, null],
          ["{{#明细}}", null, null],
          ["{{日期}}", "{{单号}}", "{{金额}}"],
          ["{{/明细}}", null, null],
          ["余额", null, "{{余额}}"],
        ],
      },
    ]);
    const tpl = port.workbook.getWorksheet("我的函")!;
    tpl.getColumn(1).width = 30;
    tpl.getCell("A1").font = { name: "SimSun", size: 16, bold: true };
    tpl.mergeCells("A1:C1");
    tpl.getCell("C5").numFmt = "0.00";
    tpl.getCell("C7").border = { top: { style: "thin" } };
    const r = await run(request(port, { template: { port, sheet: "我的函" }, dealers: { names: ["蜀丰建材", "华南建材"] }, periodStart: "2026-10-01" }));
    expect(r.letters.map((l) => l.dealer)).toEqual(["华南建材"]);
    expect(r.skipped.map((s) => s.code)).toEqual(["zero_balance"]);
    const ws = port.workbook.getWorksheet(r.sheet)!;
    expect(ws.getCell("A1").value).toBe("广州对账示例有限公司");
    expect(ws.getCell("A1").font).toMatchObject({ name: "SimSun", size: 16, bold: true });
    expect(ws.getColumn(1).width).toBe(30);
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(["A1:C1"]);
    expect(ws.getCell("A3").value).toBe("截至2026年11月30日，贵公司尚欠本公司货款人民币107,000.53元（大写：人民币壹拾万柒仟元零伍角叁分）");
    // One movement in the period: the block's row once, marker rows gone.
    expect(ws.getCell("B4").value).toBe("XS-1");
    expect(ws.getCell("C4").value).toBe(107000.53);
    expect(ws.getCell("C4").numFmt).toBe("0.00");
    expect(ws.getCell("A5").value).toBe("余额");
    expect(ws.getCell("C5").numFmt).toBe("#,##0.00");
    expect(ws.getCell("C5").border?.top?.style).toBe("thin");
  });

  test("an unknown placeholder is refused naming the sheet and cell, and nothing is written", async () => {
    const port = ledgerBook([{ name: "坏模板", rows: [["致：{{客户}}"]] }]);
    const result = await runLetters(request(port, { template: { port, sheet: "坏模板" } }));
    expect(result.ok).toBe(false);
    if (result.ok || result.problem.code !== "template") throw new Error("expected a template problem");
    expect(result.problem.problems[0]).toMatchObject({ sheet: "坏模板", cell: "A1", found: "{{客户}}" });
    expect(render(result.problem.messages[0], "zh-CN")).toContain("A1");
    expect(render(result.problem.messages[0], "en-US")).toContain("A1");
    expect(port.workbook.getWorksheet("对账函 2026-11-30")).toBeUndefined();
    expect(port.workbook.getWorksheet("函证登记簿")).toBeUndefined();
  });

  test("without 本公司信息 the letters leave lines to fill by hand and a warning says so", async () => {
    const port = ledgerBook([], false);
    const r = await run(request(port));
    expect(r.warnings).toContainEqual(msg("letters.company.missing", { sheet: "本公司信息" }));
    expect(r.warnings.some((w) => render(w, "zh-CN").includes("本公司信息"))).toBe(true);
    expect(sheetText(port, r.sheet, r.letters[0].firstRow, r.letters[0].lastRow)).toContain("________________");
  });
});

describe("the register (函证登记簿)", () => {
  test("is created with our header, one row per letter, 未回 and the drop-down list", async () => {
    const port = ledgerBook();
    await run(request(port));
    const ws = port.workbook.getWorksheet("函证登记簿")!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 6)).toEqual(["编号", "类型", "客户名称", "截至日期", "金额"]);
    expect(ws.getCell("A2").value).toBe("DZ-202611-0001");
    expect(ws.getCell("C2").value).toBe("华南建材");
    expect(ws.getCell("E2").value).toBe(107000.53);
    expect(ws.getCell("J2").value).toBe("未回");
    expect(ws.getCell("J3").dataValidation).toMatchObject({ type: "list", formulae: ['"相符,不符,未回"'] });
  });

  test("running again before sending reuses the numbers and rows; what the user typed stays", async () => {
    const port = ledgerBook();
    await run(request(port));
    const reg = port.workbook.getWorksheet("函证登记簿")!;
    reg.getCell("M2").value = "王经理经手";
    reg.getCell("N2").value = "自己的列";
    reg.getCell("N1").value = "我的备注列";
    const again = await run(request(port));
    expect(again.letters.map((l) => [l.number, l.reused])).toEqual([
      ["DZ-202611-0001", true],
      ["DZ-202611-0002", true],
    ]);
    expect(reg.getCell("A4").value).toBeNull();
    expect(reg.getCell("M2").value).toBe("王经理经手");
    expect(reg.getCell("N2").value).toBe("自己的列");
  });

  test("a letter already sent keeps its row; the new one gets the next number and a notice", async () => {
    const port = ledgerBook();
    await run(request(port));
    const reg = port.workbook.getWorksheet("函证登记簿")!;
    reg.getCell("F2").value = new Date(Date.UTC(2026, 11, 2));
    const again = await run(request(port, { dealers: { names: ["华南建材"] } }));
    expect(again.letters[0]).toMatchObject({ number: "DZ-202611-0003", reused: false, registerRow: 4 });
    expect(again.warnings.map((w) => render(w, "zh-CN")).join("\n")).toContain("DZ-202611-0001");
    expect(reg.getCell("F2").value).toEqual(new Date(Date.UTC(2026, 11, 2)));
  });

  test("全部撤销 removes the letters sheet but never the register or a built-in template written for the user", async () => {
    const port = ledgerBook();
    const tpl = await writeBuiltinTemplate(port, "positive");
    expect(tpl).toEqual({ sheet: BUILTIN_SHEETS.positive, written: true });
    await run(request(port, { template: { port, sheet: tpl.sheet } }));
    const undone = await undoEverything(port);
    expect(undone.sheetsRemoved).toEqual(["对账函 2026-11-30"]);
    const names = port.workbook.worksheets.map((w: ExcelJS.Worksheet) => w.name);
    expect(names).toEqual(expect.arrayContaining(["函证登记簿", BUILTIN_SHEETS.positive]));
  });

  test("a built-in template is written again only under a free name once the user changed it, and reused while unchanged", async () => {
    const port = ledgerBook();
    await writeBuiltinTemplate(port, "negative");
    expect(await writeBuiltinTemplate(port, "negative")).toEqual({ sheet: BUILTIN_SHEETS.negative, written: false });
    port.workbook.getWorksheet(BUILTIN_SHEETS.negative)!.getCell("A3").value = "我们改过的抬头";
    expect(await writeBuiltinTemplate(port, "negative")).toEqual({ sheet: `${BUILTIN_SHEETS.negative}(2)`, written: true });
    expect(port.workbook.getWorksheet(BUILTIN_SHEETS.negative)!.getCell("A3").value).toBe("我们改过的抬头");
  });

  test("read back: a 不符 reply shows the dealer's amount against ours, an unanswered letter past its reply date is overdue", async () => {
    const port = ledgerBook();
    expect(await readRegisterStatus(port, "2026-12-01", "zh-CN")).toBeNull();
    await run(request(port));
    const reg = port.workbook.getWorksheet("函证登记簿")!;
    reg.getCell("F2").value = new Date(Date.UTC(2026, 11, 1));
    reg.getCell("J2").value = "不符";
    reg.getCell("K2").value = 100000;
    reg.getCell("F3").value = new Date(Date.UTC(2026, 11, 1));
    const read = await readRegisterStatus(port, "2026-12-31", "zh-CN");
    expect(read!.status.mismatched).toMatchObject([{ number: "DZ-202611-0001", dealer: "华南建材", ours: 10700053, theirs: 10000000, difference: 700053 }]);
    expect(read!.status.overdue.map((o) => o.number)).toEqual(["DZ-202611-0002"]);
  });
});
