import { both } from "../../../src/messages/render";
import { ageLedger } from "../../../src/core/aging";
import { Acknowledgements, collectTemplate, commitment, commitmentValues, demandFor, demandValues, markCollection, type CollectKind } from "../../../src/core/collect";
import { compileTemplate, fillTemplate } from "../../../src/core/letters";
import type { Entry } from "../../../src/core/model";
import { fen } from "../../../src/core/money";

const text = (rows: { cells: ({ value: unknown } | null)[] }[]) => rows.map((r) => r.cells.map((c) => (c?.value == null ? "" : String(c.value))).join("|")).join("\n");

describe("built-in collection templates", () => {
  it("compile without problems, and hold the receipt strip (demands) or the signature lines (commitment)", () => {
    for (const kind of ["reminder", "demand", "final", "commitment"] as CollectKind[]) {
      const t = collectTemplate(kind);
      const c = compileTemplate(t);
      expect(c.ok).toBe(true);
      const all = text(t.rows);
      if (kind === "commitment") expect(all).toMatch(/法定代表人[\s\S]*担保人/);
      else expect(all).toMatch(/签 收 回 执[\s\S]*收件人签字[\s\S]*（盖章）[\s\S]*日期/);
      // Rows of one page (marker rows not printed), text no smaller than 10 pt.
      expect(Object.values(t.styles!).every((s) => s.fontSize >= 10)).toBe(true);
    }
    expect(text(collectTemplate("reminder").rows)).not.toMatch(/诉讼|违约金/);
    expect(text(collectTemplate("demand").rows)).toContain("违约金");
    expect(text(collectTemplate("final").rows)).toContain("提起诉讼");
  });

  it("leave room on one A4 page (733 pt) for ten overdue items or twelve installments", () => {
    const height = (kind: CollectKind) =>
      collectTemplate(kind).rows.reduce((h, r) => h + (r.cells.some((c) => typeof c?.value === "string" && /\{\{[#/]/.test(c.value)) ? 0 : r.height ?? 15), 0);
    for (const kind of ["reminder", "demand", "final"] as CollectKind[]) expect(height(kind) - 18 + 10 * 18).toBeLessThanOrEqual(733);
    expect(height("commitment") - 18 + 12 * 18).toBeLessThanOrEqual(733);
  });

  it("fill a demand with its items and a commitment with its installments", () => {
    const e: Entry = { sheet: "台账", row: 2, date: "2026-08-01", ref: "INV1", refs: ["INV1"], description: "销售", amount: fen(1_234_567), dealer: "华东建材", rep: null, termDays: 30 };
    const r = demandFor(ageLedger({ entries: [e], openings: [] }, { asOf: "2026-11-27" }).dealers[0], { asOf: "2026-11-27" });
    if (!r.ok) throw new Error(r.skip);
    const c = compileTemplate(collectTemplate("demand"));
    if (!c.ok) throw new Error("template");
    const { values, details } = demandValues(r.demand, { number: "CK-202611-0001", company: { 本公司名称: "华南建材有限公司" }, sendDate: "2026-11-28" });
    const filled = text(fillTemplate(c.template, values, details).rows);
    expect(filled).toContain("编号：CK-202611-0001　　等级：二级（催款）");
    expect(filled).toContain("致：华东建材");
    expect(filled).toContain("人民币壹万贰仟叁佰肆拾伍元陆角柒分");
    expect(filled).toContain("2026年12月4日");
    expect(filled).toContain("INV1");

    const made = commitment("CN-202611-0001", "华东建材", "2026-11-30", fen(5_300_000), [
      { n: 1, date: "2026-12-15", amount: fen(2_650_000), cumulative: fen(2_650_000) },
      { n: 2, date: "2027-01-15", amount: fen(2_650_000), cumulative: fen(5_300_000) },
    ]);
    const cc = compileTemplate(collectTemplate("commitment"));
    if (!cc.ok) throw new Error("template");
    const p = commitmentValues(made, { company: {}, sendDate: "2026-11-30" });
    const out = fillTemplate(cc.template, p.values, p.details);
    expect(text(out.rows)).toContain("人民币伍万叁仟元整");
    expect(text(out.rows)).toContain("分2期付清");
    expect(out.rows.filter((row) => row.cells[0]?.value === "2")).toHaveLength(1);
    // The service address is the dealer's, unknown here: a line to fill by hand, and a warning.
    expect(out.warnings.map((w) => w.field)).toContain("客户地址");
  });
});

describe("collection marks on an aging report", () => {
  const sale = (row: number, date: string, dealer: string): Entry => ({ sheet: "台账", row, date, ref: `S${row}`, refs: [`S${row}`], description: "销售", amount: fen(100_000), dealer, rep: null, termDays: 30 });

  it("gives the limitation actions to plan items, not to items under reconciliation, and 承诺未履行 to a broken commitment's late items", () => {
    const entries = [sale(2, "2023-01-01", "甲"), sale(3, "2023-01-02", "甲"), sale(4, "2025-12-01", "乙")];
    const report = ageLedger(
      { entries, openings: [] },
      { asOf: "2026-03-01", reconciliation: { ledgerSheet: "台账", statementSheet: "对账单", cutoff: "2026-03-01", flags: [{ sheet: "台账", row: 3, kind: "amount_differs", reason: { zh: "金额不符", en: "differs" } }] } as never },
    );
    const marks = markCollection(report, new Acknowledgements([], "2026-03-01"), [{ number: "CN-1", dealer: "乙", installment: 1, date: "2026-01-01" }]);
    const items = report.dealers.flatMap((d) => d.items);
    expect(items.map((i) => [i.ref, i.limitation?.status, i.nextAction.code])).toEqual([
      ["S2", "expired", "time_barred"],
      ["S3", "expired", "demand"],
      ["S4", "running", "commitment_broken"],
    ]);
    expect(marks).toEqual({ expiring: 0, expired: 2, broken: 1 });
  });

  it("puts 承诺未履行 on a late item of a dealer who missed an installment", () => {
    const report = ageLedger({ entries: [sale(2, "2026-09-01", "乙")], openings: [] }, { asOf: "2026-11-20" });
    const marks = markCollection(report, new Acknowledgements([], "2026-11-20"), [{ number: "CN-202610-0001", dealer: "乙", installment: 1, date: "2026-11-01" }]);
    const action = report.dealers[0].items[0].nextAction;
    expect({ code: action.code, date: action.date, ...both(action.text) }).toMatchObject({ code: "commitment_broken", date: "2026-11-20", zh: "承诺未履行：还款承诺书有一期未按期付款，发最后通知" });
    expect(marks.broken).toBe(1);
  });
});
