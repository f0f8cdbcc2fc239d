/**
 * What the letters part tells the user: its problems, warnings and notices (codes from core) said in the
 * user's language through the message tables.
 */
import { msg, type Message } from "../core/messages";
import type { CompanyProblem } from "../core/letters/company";
import type { LetterProblem } from "../core/letters/letter";
import type { RegisterNotice, RegisterProblem } from "../core/letters/register";
import type { FillWarning, Lang, TemplateProblem } from "../core/letters/types";
import type { Fen } from "../core/model";
import { render } from "./render";

const at = (p: { sheet: string; cell: string }): Message => msg("letters.at", { sheet: p.sheet, cell: p.cell });

export function templateProblemMessage(p: TemplateProblem): Message {
  const where = at(p);
  switch (p.code) {
    case "unclosed_block":
    case "block_end_without_start":
    case "nested_block":
      return msg(`letters.template.${p.code}`, { at: where });
    default:
      return msg(`letters.template.${p.code}`, { at: where, found: p.found });
  }
}

/** One sentence naming the cell, what was found and what to do. */
export function describeTemplateProblem(p: TemplateProblem, lang: Lang): string {
  return render(templateProblemMessage(p), lang);
}

export function fillWarningMessage(w: FillWarning): Message {
  return msg(`letters.fill.${w.code}`, { field: w.field });
}

export function describeFillWarning(w: FillWarning, lang: Lang): string {
  return render(fillWarningMessage(w), lang);
}

export function letterProblemMessage(p: LetterProblem): Message {
  switch (p.code) {
    case "balance_mismatch":
      return msg("letters.letter.balance_mismatch", { dealer: p.dealer, balance: p.balance, opening: p.opening, movements: p.movements });
    case "amount_too_large":
      return msg("letters.letter.amount_too_large", { dealer: p.dealer, balance: p.balance });
    case "period_after_cutoff":
      return msg("letters.letter.period_after_cutoff", { dealer: p.dealer, periodStart: p.periodStart, asOf: p.asOf });
  }
}

export function describeLetterProblem(p: LetterProblem, lang: Lang): string {
  return render(letterProblemMessage(p), lang);
}

export function registerProblemMessage(p: RegisterProblem): Message {
  if (p.code === "no_header") return msg("letters.register.no_header", { sheet: p.sheet });
  const where = p.header ? msg("letters.at.header", { sheet: p.sheet, cell: p.cell, header: p.header }) : at(p);
  return msg(`letters.register.${p.code}`, { at: where, found: p.found });
}

export function describeRegisterProblem(p: RegisterProblem, lang: Lang): string {
  return render(registerProblemMessage(p), lang);
}

export function registerNoticeMessage(n: RegisterNotice): Message {
  switch (n.code) {
    case "already_sent": {
      const params = { dealer: n.dealer, number: n.number, row: n.row };
      return n.sentOn ? msg("letters.register.already_sent.on", { ...params, sentOn: n.sentOn }) : msg("letters.register.already_sent", params);
    }
    case "column_added":
      return msg("letters.register.column_added", { column: n.column, at: n.at });
  }
}

export function describeRegisterNotice(n: RegisterNotice, lang: Lang): string {
  return render(registerNoticeMessage(n), lang);
}

export function companyProblemMessage(p: CompanyProblem): Message {
  return msg("letters.company.account_stored_as_number", { at: at(p), found: p.found });
}

export function describeCompanyProblem(p: CompanyProblem, lang: Lang): string {
  return render(companyProblemMessage(p), lang);
}

export type LetterSkipReason = "zero_balance";

/** Why a dealer of a balance table gets no letter: its row does not add up. */
export function balanceRowOffMessage(m: { sheet: string; row: number; expected: Fen; found: Fen }): Message {
  return msg("letters.skip.balance_row_off", { sheet: m.sheet, row: m.row, expected: m.expected, found: m.found });
}

export function letterSkipMessage(reason: LetterSkipReason): Message {
  return msg(`letters.skip.${reason}`, {});
}
