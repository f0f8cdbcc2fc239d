/**
 * The sample's credit sheets: three filled applications (the 信用申请表 form, a hand-made form, a row of an
 * application table) for dealers of 发货回款登记, and a 信用档案 whose terms are the ones those dealers' rows
 * already carry (so aging the sample gives the same due dates, now from the register).
 */
import { applicationTemplateSpec } from "../app/credit";
import type { OutCell, OutRow, SheetSpec } from "../port/workbook";

export const SAMPLE_CREDIT_AS_OF = "2026-11-30";

/** The form as a rep filled it: each input cell (right of its label) takes the value given for that label. */
function filledForm(name: string, values: Record<string, OutCell["value"]>): SheetSpec {
  const spec = applicationTemplateSpec("zh-CN");
  const rows: OutRow[] = spec.rows.map((row) =>
    row.map((cell, c) => {
      const left = c > 0 ? row[c - 1] : null;
      const label = left !== null && typeof left === "object" && "value" in left && typeof left.value === "string" ? left.value.replace(/ \*$/, "") : null;
      if (label === null || !(label in values) || cell === null || typeof cell !== "object" || !("value" in cell)) return cell;
      return { ...cell, value: values[label] };
    }),
  );
  // The sample keeps the filled form unprotected (the add-in's template comes protected).
  return { ...spec, name, rows, form: undefined };
}

function handMadeForm(): SheetSpec {
  return {
    name: "信用申请-瑞丰（手工）",
    rows: [
      [{ value: "温州瑞丰五金经营部 赊销申请", bold: true, fontSize: 14 }],
      ["客户名称：", "温州瑞丰五金经营部"],
      ["企业性质：", "个体工商户", "成立日期：", { date: "2019-04-12" }],
      ["注册资本（万元）：50", null, "年销售额：420"],
      ["合作起始日期"],
      [{ date: "2024-03-01" }],
      ["预计月采购额：15000", null, "担保方式：保证"],
      ["担保说明：经营者个人连带保证"],
      ["申请额度(元)", 40000, "申请账期", "45天"],
      ["业务员：", "张强", "申请日期：", { date: "2026-11-18" }],
    ],
    columnWidths: [22, 22, 14, 16],
    usersSheet: true,
  };
}

function applicationTable(): SheetSpec {
  const header = ["客户名称", "统一社会信用代码", "企业性质", "成立日期", "注册资本（万元）", "年销售额（万元）", "合作起始日期", "预计月采购额（元）", "担保方式", "申请额度（元）", "申请账期（天）", "业务员", "申请日期"];
  return {
    name: "信用申请登记",
    rows: [
      header.map((h) => ({ value: h, bold: true, border: true, wrap: true })),
      ["绍兴百佳家电有限公司", "91330602MA2BJ8X21K", "有限责任公司", { date: "2012-06-01" }, 800, 6500, { date: "2026-09-01" }, 40000, "抵押", 100000, 60, "王磊", { date: "2026-11-20" }],
    ],
    columnWidths: [22, 22, 14, 12, 10, 10, 12, 12, 10, 12, 10, 8, 12],
    usersSheet: true,
  };
}

function register(): SheetSpec {
  return {
    name: "信用档案",
    rows: [
      ["客户名称", "信用等级", "信用额度", "账期（天）", "评定日期", "下次复评日期", "审批人", "备注"].map((h) => ({ value: h, bold: true, border: true })),
      ["宁波顺和电器有限公司", "B", { value: 100000, numberFormat: "#,##0.00" }, 60, { date: "2026-06-10" }, { date: "2026-12-10" }, "陈静", "2026 年上半年评定"],
      ["温州瑞丰五金经营部", "C", { value: 25000, numberFormat: "#,##0.00" }, 45, { date: "2026-09-01" }, { date: "2027-03-01" }, "陈静", ""],
    ],
    columnWidths: [24, 10, 14, 10, 12, 14, 10, 20],
    usersSheet: true,
  };
}

export function sampleCreditSheets(): SheetSpec[] {
  return [
    filledForm("信用申请-顺和", {
      客户名称: "宁波顺和电器有限公司",
      统一社会信用代码: "91330203MA2CK7Q55P",
      法定代表人: "周建国",
      地址: "浙江省宁波市海曙区望春工业园 6 号",
      联系人: "周敏",
      电话: "0574-8712 3306",
      企业性质: "有限责任公司",
      成立日期: { date: "2014-05-20" },
      "注册资本（万元）": 300,
      "年销售额（万元）": 2600,
      主营产品: "小家电、厨房电器",
      合作起始日期: { date: "2021-04-01" },
      "预计月采购额（元）": 60000,
      "申请额度（元）": 150000,
      "申请账期（天）": 60,
      担保方式: "保证",
      担保说明: "法定代表人个人连带责任保证",
      业务员: "李娜",
      申请日期: { date: "2026-11-16" },
    }),
    handMadeForm(),
    applicationTable(),
    register(),
  ];
}
