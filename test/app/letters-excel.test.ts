import { runLetters, type LettersRequest, type LettersRun } from "../../src/app/letters";
import { render } from "../../src/messages/render";
import { undoEverything } from "../../src/app/undo";
import { createExcelWorkbook } from "../../src/excel/workbook";
import type { WorkbookPort } from "../../src/port/workbook";
import { FakeExcel, PAYLOAD_LIMIT_BYTES, type FixtureSheet } from "../../src/fake-excel";

const COMPANY: FixtureSheet = {
  name: "本公司信息",
  rows: [
    ["项目", "内容"],
    ["公司名称", "广州对账示例有限公司"],
    ["地址", "广州市天河区示例路1号"],
    ["联系人", "王会计"],
    ["电话", "020-12345678"],
    ["开户行", "工商银行天河支行"],
    ["账号", "6222020200012345678"],
  ],
};

function ledger(dealers: number): FixtureSheet {
  const rows: FixtureSheet["rows"] = [["日期", "客户名称", "单号", "摘要", "借方", "贷方"]];
  for (let i = 1; i <= dealers; i++) rows.push(["2026-11-02", `经销商${String(i).padStart(4, "0")}`, `XS-${i}`, "销售", 1000 + i / 100, null]);
  return { name: "应收明细", rows };
}

function portOf(excel: FakeExcel): WorkbookPort {
  return createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
}

function request(port: WorkbookPort, over: Partial<LettersRequest> = {}): LettersRequest {
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

describe("letters through the fake Excel", () => {
  test("on ExcelApi 1.9 every letter carries the first one's looks and merges; page breaks above each letter after the first", async () => {
    const excel = FakeExcel.fromSheets([ledger(3), COMPANY]);
    const r = await run(request(portOf(excel)));
    expect(r.formatsCarried).toBe(true);
    const sheet = excel.sheet(r.sheet);
    const [a, , c] = r.letters;
    const height = a.lastRow - a.firstRow;
    expect(c.lastRow - c.firstRow).toBe(height);
    for (let k = 0; k <= height; k++) {
      for (let col = 1; col <= 8; col++) {
        expect([k, col, sheet.style(c.firstRow + k, col)]).toEqual([k, col, sheet.style(a.firstRow + k, col)]);
      }
    }
    const titled = [...Array(height + 1).keys()].map((k) => sheet.style(a.firstRow + k, 1)?.fontSize ?? 0);
    expect(Math.max(...titled)).toBeGreaterThanOrEqual(16);
    const mergesIn = (first: number, last: number) => sheet.merges.filter((m) => m.r1 >= first && m.r2 <= last).length;
    expect(mergesIn(c.firstRow, c.lastRow)).toBe(mergesIn(a.firstRow, a.lastRow));
    expect(mergesIn(a.firstRow, a.lastRow)).toBeGreaterThan(0);
    expect(sheet.pageBreaks).toEqual([r.letters[1].firstRow, c.firstRow]);
    expect(excel.cell(r.sheet, `A${a.firstRow}`).value).toBe("广州对账示例有限公司");
  });

  test("a user's template sheet in the workbook: its cell looks and number formats are copied onto every letter", async () => {
    const excel = FakeExcel.fromSheets([
      ledger(2),
      COMPANY,
      {
        name: "我的函",
        rows: [
          [{ value: "致：{{客户名称}}", bold: true, fill: "#FFF2CC" }, null],
          ["余额", { value: "{{余额}}", numberFormat: "#,##0.00_);(#,##0.00)" }],
          ["截至日", "{{截至日期}}"],
        ],
      },
    ]);
    const r = await run(request(portOf(excel), { template: { port: portOf(excel), sheet: "我的函" } }));
    expect(r.letters.map((l) => [l.firstRow, l.lastRow])).toEqual([
      [1, 3],
      [4, 6],
    ]);
    for (const first of [1, 4]) {
      expect(excel.cell(r.sheet, `A${first}`)).toMatchObject({ bold: true, fill: "#FFF2CC" });
      expect(excel.cell(r.sheet, `B${first + 1}`).numberFormat).toBe("#,##0.00_);(#,##0.00)");
      // The template's date cell is General: the letter's date format applies.
      expect(excel.cell(r.sheet, `B${first + 2}`).numberFormat).toBe('yyyy"年"m"月"d"日"');
    }
    expect(excel.cell(r.sheet, "A4").value).toBe("致：经销商0002");
  });

  test("on ExcelApi 1.7 the letters are written without the template's formats and the run says so", async () => {
    const excel = FakeExcel.fromSheets([ledger(2), COMPANY], { apiVersion: "1.7" });
    const r = await run(request(portOf(excel)));
    expect(r.formatsCarried).toBe(false);
    const said = r.warnings.map((w) => render(w, "zh-CN")).join("\n");
    expect(said).toContain("不能复制格式");
    expect(said).toContain("Office 2021");
    expect(said).not.toContain("ExcelApi");
    expect(excel.cell(r.sheet, `A${r.letters[1].firstRow}`).value).toBe("广州对账示例有限公司");
    expect(excel.cell("函证登记簿", "A3").value).toBe("DZ-202611-0002");
  });

  test("1,000 dealers stay under the request limit with few syncs", async () => {
    const excel = FakeExcel.fromSheets([ledger(1000), COMPANY]);
    const port = portOf(excel);
    excel.resetStats();
    const r = await run(request(port));
    expect(r.letters).toHaveLength(1000);
    expect(r.letters[999].number).toBe("DZ-202611-1000");
    expect(excel.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(excel.stats.syncs).toBeLessThan(60);
    expect(excel.sheet(r.sheet).pageBreaks).toHaveLength(999);
    expect(excel.cell("函证登记簿", "C1001").value).toBe("经销商1000");
    // 回函结果 offers its list on every new row.
    expect(excel.sheet("函证登记簿").listValidations).toEqual([{ rect: { r1: 2, r2: 1001, c1: 10, c2: 10 }, source: "相符,不符,未回" }]);
  });

  test("a cancelled run stops with cancelled and writes no register rows", async () => {
    const excel = FakeExcel.fromSheets([ledger(5), COMPANY]);
    const abort = new AbortController();
    const result = runLetters(request(portOf(excel)), {
      signal: abort.signal,
      onStage: (stage) => {
        if (stage === "generating") abort.abort();
      },
    });
    await expect(result).rejects.toMatchObject({ code: "cancelled" });
    expect(excel.sheetNames()).not.toContain("函证登记簿");
  });

  test("全部撤销 deletes the letters sheet and keeps the register", async () => {
    const excel = FakeExcel.fromSheets([ledger(2), COMPANY]);
    const port = portOf(excel);
    await run(request(port));
    const undone = await undoEverything(port);
    expect(undone.sheetsRemoved).toEqual(["对账函 2026-11-30"]);
    expect(excel.sheetNames()).toContain("函证登记簿");
    expect(excel.cell("函证登记簿", "A2").value).toBe("DZ-202611-0001");
  });
});
