import type { CellValue, Grid } from "../../src/core/model";
import { readGrid, entriesOf } from "../../src/core/read";

const _ = null;
const grid = (sheet: string, values: CellValue[][]): Grid => ({ sheet, top: 1, left: 1, values });

describe("the dealer a statement belongs to", () => {
  test("a dealer's payables ledger names its keeper in the title and us after 往来单位", () => {
    const r = readGrid(
      grid("蜀丰", [
        ["成都蜀丰建材有限公司 应付账款明细账", _, _, _, _],
        ["往来单位：美达五金", _, _, "期间：2026年10月", _],
        ["日期", "凭证号", "摘要", "借方", "贷方"],
        ["2026-10-08", "记-3", "采购 XS2610-001", _, 5000],
      ]),
      { side: "statement" },
    );
    expect([r.dealer, r.dealerSource, r.ourName]).toEqual(["成都蜀丰建材有限公司", "title", "美达五金"]);
    expect(r.dealers).toEqual(["成都蜀丰建材有限公司"]);
  });

  test("a 客户名称 line names the dealer even under our own statement title", () => {
    const r = readGrid(
      grid("对账单", [
        ["美达五金有限公司 客户对账单", _, _, _],
        ["客户名称：宁波顺和电器", _, _, _],
        ["日期", "单据号", "进货金额", "付款金额"],
        ["2026-10-08", "XS-1", 5000, _],
      ]),
    );
    expect([r.side, r.dealer, r.dealerSource]).toEqual(["statement", "宁波顺和电器", "label"]);
  });

  test("the name the statement gives us is never taken for its dealer", () => {
    const r = readGrid(
      grid("对账单", [
        ["美达五金对账单", _, _, _],
        ["往来单位：美达五金有限公司", _, _, _],
        ["日期", "单据号", "进货金额", "付款金额"],
        ["2026-10-08", "XS-1", 5000, _],
      ]),
    );
    expect(r.dealer).toBeNull();
    expect(r.ourName).toBe("美达五金有限公司");
  });

  test("a generic title names nobody", () => {
    const r = readGrid(grid("s", [["应付账款明细账"], ["日期", "单据号", "进货金额", "付款金额"], ["2026-10-08", "XS-1", 5000, _]]));
    expect(r.dealer).toBeNull();
  });

  test("our ledger's 编制单位 line names us, its 核算项目 line the dealer", () => {
    const r = readGrid(
      grid("应收", [
        ["应收账款明细账", _, _, _],
        ["编制单位：美达五金有限公司", _, "核算项目：宁波顺和电器", _],
        ["日期", "单号", "借方", "贷方"],
        ["2026-10-08", "XS-1", 5000, _],
      ]),
    );
    expect([r.dealer, r.ourName]).toEqual(["宁波顺和电器", "美达五金有限公司"]);
  });
});

describe("what a sheet says it is, whatever the caller asked", () => {
  const statementGrid = grid("s", [["日期", "单据号", "进货金额", "付款金额"], ["2026-10-08", "XS-1", 5000, _]]);
  test("a statement read as the ledger still says it is a statement", () => {
    const r = readGrid(statementGrid, { side: "ledger" });
    expect([r.side, r.sideSource, r.detectedSide, r.detectedSideSource]).toEqual(["ledger", "option", "statement", "headers"]);
  });
  test("a sheet without clues is a ledger by default", () => {
    const r = readGrid(grid("s", [["日期", "单号", "借方", "贷方"], ["2026-10-08", "XS-1", 5000, _]]), { side: "statement" });
    expect([r.detectedSide, r.detectedSideSource]).toEqual(["ledger", "default"]);
  });
});

describe("rows whose amount or date cannot be read", () => {
  const r = readGrid(
    grid("台账", [
      ["客户名称", "日期", "单号", "摘要", "借方", "贷方"],
      ["美达商贸", "2026-10-01", "XS-1", "销售", 1000, _],
      ["美达商贸", "2026-10-02", "XS-2", "销售", "N/A", _],
      ["宏达电器", "2026-10-03", "XS-3", "销售", "待定", _],
      ["宏达电器", "下周", "XS-4", "销售", 300, _],
      ["宏达电器", "备注：以上含税", _, _, _, _],
    ]),
  );

  test("an unreadable amount beside a date and a reference is a lost entry, with its dealer and cell", () => {
    expect(r.unreadable!.map((u) => [u.row, u.dealer, u.date, u.ref, u.opening, u.cells.map((c) => [c.code, c.column, c.found])])).toEqual([
      [3, "美达商贸", "2026-10-02", "XS-2", false, [["bad_amount", "E", "N/A"]]],
      [4, "宏达电器", "2026-10-03", "XS-3", false, [["bad_amount", "E", "待定"]]],
      [5, "宏达电器", null, "XS-4", false, [["bad_date", "B", "下周"]]],
    ]);
  });

  test("a note under the table is not an entry, though its cell is still reported", () => {
    expect(r.unreadable!.some((u) => u.row === 6)).toBe(false);
    expect(r.errors.map((e) => e.row)).toEqual([3, 4, 5, 6]);
    expect(entriesOf(r.table).map((e) => e.row)).toEqual([2]);
  });

  test("an opening balance that cannot be read is a lost entry too", () => {
    const o = readGrid(grid("s", [["日期", "摘要", "借方", "贷方"], [_, "期初余额", "待核", _], ["2026-10-01", "销售", 100, _]]));
    expect(o.unreadable!.map((u) => [u.row, u.opening, u.cells[0].found])).toEqual([[2, true, "待核"]]);
  });
});
