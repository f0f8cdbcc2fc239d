/**
 * `duizhang demand --json`'s letters: the demand as core made it, with the reason for its level said in
 * both languages from the message tables (`levelReason.zh`, `levelReason.en`, as before).
 */
import { levelReasonMessage, type Demand, type DemandLevel } from "../../core/collect/demand";
import { formatFen } from "../../core/money";
import { both } from "../render";

/** One entry of `duizhang demand --json`'s `letters`. */
export interface DemandJson {
  number: string;
  dealer: string;
  level: DemandLevel;
  total: string;
  amountInWords: string;
  deadline: string;
  items: { row: number; ref: string | null; dueDate: string; finalDate: string; open: string; daysOverdue: number; sheet: string; date: string; amount: string }[];
  autoLevel: DemandLevel;
  levelReason: { code: string; zh: string; en: string };
}

export function demandJson(d: Demand, number: string): DemandJson {
  return {
    number,
    dealer: d.dealer,
    level: d.level,
    total: formatFen(d.total),
    amountInWords: d.amountInWords,
    deadline: d.deadline,
    items: d.items.map((i) => ({
      row: i.row,
      ref: i.ref,
      dueDate: i.dueDate,
      finalDate: i.finalDate,
      open: formatFen(i.open),
      daysOverdue: i.daysOverdue,
      sheet: i.sheet,
      date: i.date,
      amount: formatFen(i.amount),
    })),
    autoLevel: d.autoLevel,
    levelReason: { code: d.reason.code, ...both(levelReasonMessage(d.reason)) },
  };
}

