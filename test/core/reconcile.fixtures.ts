/** Small inline ledgers for the reconciliation tests: one line per row, `row | date | ref | description | amount [| dealer]`. */
import type { Entry, Fen, Opening } from "../../src/core/model";
import { decimalTextToFen, negFen } from "../../src/core/money";
import type { EntriesSide } from "../../src/core/reconcile";

/** Yuan as written (`-1,234.50`) in fen. */
export function fen(text: string): Fen {
  const negative = text.startsWith("-");
  const value = decimalTextToFen(text.replace(/^-/, "").replace(/,/g, ""));
  return negative ? negFen(value) : value;
}

export function rows(sheet: string, text: string): Entry[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const [row, date, ref, description, amount, dealer] = line.split("|").map((c) => c.trim());
      return {
        sheet,
        row: Number(row),
        date: date === "" ? null : date,
        ref: ref === "" ? null : ref,
        refs: ref === "" ? [] : [ref.toUpperCase()],
        description,
        amount: fen(amount),
        dealer: dealer === undefined || dealer === "" ? null : dealer,
        rep: null,
        termDays: null,
      };
    });
}

export function side(sheet: string, text: string, openings: Opening[] = []): EntriesSide {
  return { sheet, entries: rows(sheet, text), openings };
}

export function opening(sheet: string, row: number, amount: string, dealer: string | null = null): Opening {
  return { sheet, row, dealer, date: null, amount: fen(amount) };
}
