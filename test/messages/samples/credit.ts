import type { CreditMessages } from "../../../src/core/credit/messages";
import { msg } from "../../../src/core/messages";

export const creditSamples: CreditMessages = {
  "credit.application.error": { sheet: "信用申请表", cell: "B7", field: "注册资本（万元）", fieldEn: "registered capital (10k yuan)", what: msg("credit.field.not_wan", { found: "很多" }) },
  "credit.field.blank": {},
  "credit.field.missing": { label: "客户名称" },
  "credit.field.not_choice": { found: "国营", choices: ["有限责任公司", "个体工商户"] },
  "credit.field.not_date": { found: "去年" },
  "credit.field.not_yuan": { found: "-5" },
  "credit.field.not_wan": { found: "很多" },
  "credit.field.not_days": { found: "九十" },
  "credit.scorecard.unknown_item": { row: 4, found: "口碑" },
  "credit.scorecard.bad_condition": { row: 5, found: "大约" },
  "credit.scorecard.bad_points": { row: 6 },
  "credit.scorecard.bad_grade": { row: 20, grade: "A" },
  "credit.scorecard.bad_cap": { label: "合作不满一年最高等级", grades: ["A", "B", "C"] },
  "credit.register.bad_limit": { sheet: "信用档案", cell: "C4", found: "十万" },
  "credit.register.bad_term": { sheet: "信用档案", cell: "D4", found: "一个月" },
};
