/**
 * What core tells the user, as codes with typed parameters: never text. The text of every code is in one
 * message table per language, outside core (`src/messages/`), which the pane, the command line, the result
 * sheets and the JSON reports render from.
 *
 * Each area declares its codes and their parameters in its own `messages.ts`; `MessageParams` joins them.
 * Parameters are raw values (fen, `YYYY-MM-DD` dates, row numbers, counts, names as found in the sheets)
 * or messages themselves, so the table decides how each is written in each language.
 */
import type { AgingMessages } from "./aging/messages";
import type { CollectMessages } from "./collect/messages";
import type { CreditMessages } from "./credit/messages";
import type { FileMessages } from "./files/messages";
import type { LettersMessages } from "./letters/messages";
import type { ReadMessages } from "./read/messages";
import type { ReconcileMessages } from "./reconcile/messages";

export interface MessageParams extends ReconcileMessages, AgingMessages, LettersMessages, ReadMessages, CollectMessages, CreditMessages, FileMessages {}

export type MessageCode = keyof MessageParams;

/** One message: its code and the parameters its text needs. */
export type Message<C extends MessageCode = MessageCode> = C extends MessageCode ? { readonly code: C; readonly params: MessageParams[C] } : never;

/** A message of code `code`, its parameters checked against the code. */
export function msg<C extends MessageCode>(code: C, params: MessageParams[C]): Message<C> {
  return { code, params } as Message<C>;
}
