import { reconcile, toReconcileJson } from "../../src/core/reconcile";
import { side, opening } from "./reconcile.fixtures";
test("smoke", () => {
  const l = side("账本", `
    5 | 2026-06-01 | XS-001 | 销售出库 XS-001 | 10000.00
    6 | 2026-06-10 |        | 收到货款 | -5000.00
    7 | 2026-06-12 | XS-002 | 销售出库 | 2345.00
    8 | 2026-06-28 | XS-003 | 销售出库 | 800.00
    9 | 2026-06-20 |        | 收到货款 | -3000.00
  `, [opening("账本", 4, "1000.00")]);
  const s = side("对账单", `
    3 | 2026-06-03 | XS-001 | 采购 | 10000.00
    4 | 2026-06-08 |        | 付款 | -5000.00
    5 | 2026-06-14 | XS-002 | 采购 | 2435.00
    6 | 2026-06-19 |        | 付款 | -1000.00
    7 | 2026-06-19 |        | 付款 | -2000.00
    8 | 2026-06-25 |        | 返利 | -300.00
  `, [opening("对账单", 2, "1000.00")]);
  const r = reconcile(l, s, { asOf: "2026-06-30" });
  console.log(JSON.stringify(toReconcileJson(r), null, 1));
});
