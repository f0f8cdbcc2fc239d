/**
 * The limitation period (诉讼时效) of open debts: three years (民法典 第188条) from the due date, started
 * afresh by the dealer's acknowledgement of the debt (第195条): a payment, a reply to a confirmation letter
 * that states an amount (相符, or 不符 with the dealer's own amount), a demand letter shown to have arrived
 * (the signed receipt's 签收日期), a signed payment commitment.
 *
 * An acknowledgement counts for every open item of that dealer already due on its date; an earlier one
 * changes nothing (the period of an item not yet due has not started). Expiry is the same day three years
 * on; 29 February becomes 28 February in a year without it.
 */
import { msg, type Message } from "../messages";
import { daysBetween, isIsoDate } from "../dates";
import type { Fen, IsoDate } from "../model";
import { dealerKey } from "../values/refs";

export const LIMITATION_YEARS = 3;
/** Items whose period runs out within this many days are flagged, and an acknowledgement is sought. */
export const LIMITATION_WARNING_DAYS = 180;

export type AcknowledgementKind = "payment" | "reply_agreed" | "reply_differs" | "demand_signed" | "commitment_signed";
export type LimitationBasisKind = "due" | AcknowledgementKind;

/** Something the dealer did that acknowledges the debt, with where it is recorded. */
export interface Acknowledgement {
  dealer: string;
  kind: AcknowledgementKind;
  date: IsoDate;
  /** Ledger sheet and row for a payment; the register's sheet, row and letter number for the others. */
  sheet?: string;
  row?: number;
  number?: string;
  /** The amount paid or acknowledged, when known. */
  amount?: Fen;
}

export interface LimitationBasis {
  kind: LimitationBasisKind;
  date: IsoDate;
  sheet?: string;
  row?: number;
  number?: string;
  /** What started the period and when, to show the user. */
  text: Message;
}

export type LimitationStatus = "running" | "expiring" | "expired";

export interface Limitation {
  /** Last day of the period. */
  expires: IsoDate;
  basis: LimitationBasis;
  status: LimitationStatus;
  /** Days from the as-of date to expiry: negative once it has run out. */
  daysLeft: number;
}

export function limitationKindMessage(kind: LimitationBasisKind): Message {
  return msg(`collect.basis_kind.${kind}`, {});
}

/** `date` plus `years` years on the same day of the month; 29 February → 28 February when the year lacks it. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const y = Number(date.slice(0, 4)) + years;
  let md = date.slice(5);
  if (md === "02-29" && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) md = "02-28";
  return `${String(y).padStart(4, "0")}-${md}`;
}

/**
 * Acknowledgements by dealer (keyed as names are matched elsewhere), for `limitationOf`, which looks only
 * at a dealer's latest: that one is kept (of several on its date, the last given). Dates after `asOf` are
 * dropped: the as-of view knows nothing later.
 */
export class Acknowledgements {
  private readonly byDealer = new Map<string, Acknowledgement>();

  constructor(list: readonly Acknowledgement[], asOf: IsoDate) {
    for (const a of list) {
      if (a.date > asOf || !isIsoDate(a.date)) continue;
      let key = this.keys.get(a.dealer);
      if (key === undefined) this.keys.set(a.dealer, (key = dealerKey(a.dealer)));
      const before = this.byDealer.get(key);
      if (before === undefined || a.date >= before.date) this.byDealer.set(key, a);
    }
  }

  /** Results of `limitationOf` already worked out, by acknowledgement and start. */
  readonly cache = new Map<Acknowledgement, Map<string, Limitation>>();

  /** Names as written, to their key: a ledger of many items names few dealers. */
  private readonly keys = new Map<string, string>();

  /** The latest acknowledgement by the dealer on or after `from`, or null. */
  latest(dealer: string, from: IsoDate): Acknowledgement | null {
    let key = this.keys.get(dealer);
    if (key === undefined) this.keys.set(dealer, (key = dealerKey(dealer)));
    const last = this.byDealer.get(key);
    return last !== undefined && last.date >= from ? last : null;
  }
}

function basisMessage(kind: LimitationBasisKind, date: IsoDate, number: string | undefined): Message {
  const k = limitationKindMessage(kind);
  return number ? msg("collect.basis.numbered", { kind: k, number, date }) : msg("collect.basis", { kind: k, date });
}

/**
 * The period of one open item: from its due date, or from the dealer's latest acknowledgement on or after
 * it. An acknowledgement on the due date itself restarts nothing and is not named.
 */
export function limitationOf(item: { dealer: string; dueDate: IsoDate }, acks: Acknowledgements, asOf: IsoDate, warningDays = LIMITATION_WARNING_DAYS): Limitation {
  const ack = acks.latest(item.dealer, item.dueDate);
  const restart = ack !== null && ack.date > item.dueDate ? ack : null;
  const start = restart ? restart.date : item.dueDate;
  // A large ledger's items share few starts and few acknowledgements: one read-only result for each pair.
  const key = `${start}\u0000${asOf}\u0000${warningDays}`;
  let byAck = acks.cache.get(restart ?? NO_ACK);
  if (!byAck) acks.cache.set(restart ?? NO_ACK, (byAck = new Map()));
  const cached = byAck.get(key);
  if (cached) return cached;
  const kind: LimitationBasisKind = restart ? restart.kind : "due";
  const basis: LimitationBasis = { kind, date: start, text: basisMessage(kind, start, restart?.number) };
  if (restart?.sheet !== undefined) basis.sheet = restart.sheet;
  if (restart?.row !== undefined) basis.row = restart.row;
  if (restart?.number !== undefined) basis.number = restart.number;
  const expires = addYears(start, LIMITATION_YEARS);
  const daysLeft = daysBetween(asOf, expires);
  const status: LimitationStatus = daysLeft < 0 ? "expired" : daysLeft <= warningDays ? "expiring" : "running";
  const result: Limitation = { expires, basis, status, daysLeft };
  byAck.set(key, result);
  return result;
}

/** Stands for "no acknowledgement" among the cache's keys. */
const NO_ACK: Acknowledgement = { dealer: "", kind: "payment", date: "" };
