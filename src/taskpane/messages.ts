/**
 * Messages the pane shows in its MessageBars. The text is a function of the strings, so a message
 * already on screen follows a language switch instead of staying in the language it was raised in.
 */
import type { Message } from "../core/messages";
import { PortError, type PortErrorCode, type Selection } from "../port/workbook";
import type { Locale, Strings } from "./i18n";

export type MessageIntent = "error" | "warning" | "info" | "success";

export interface PaneMessage {
  /** Stable key: the same problem raised twice replaces itself instead of stacking up. */
  key: string;
  intent: MessageIntent;
  text: (t: Strings) => string;
  /** The cell or row to fix; the message then offers to select it in the sheet. */
  target?: Selection;
}

const PORT_CODES: readonly PortErrorCode[] = ["no_sheet", "not_ours", "too_large", "unsupported", "cancelled", "io"];

function asPortError(err: unknown): { code: PortErrorCode; detail: string; said?: Message } | null {
  if (err instanceof PortError) return { code: err.code, detail: err.detail, ...(err.said ? { said: err.said } : {}) };
  // The port may live in another bundle (the preview), where `instanceof` fails: trust the shape.
  if (typeof err === "object" && err !== null && (err as { name?: unknown }).name === "PortError") {
    const { code, detail, said } = err as { code?: unknown; detail?: unknown; said?: unknown };
    if (typeof code === "string" && (PORT_CODES as readonly string[]).includes(code)) {
      return { code: code as PortErrorCode, detail: typeof detail === "string" ? detail : "", ...(isMessage(said) ? { said } : {}) };
    }
  }
  return null;
}

function isMessage(v: unknown): v is Message {
  if (typeof v !== "object" || v === null) return false;
  const { code, params } = v as { code?: unknown; params?: unknown };
  return typeof code === "string" && typeof params === "object" && params !== null;
}

/** Renders a message of the message tables (`render` of src/messages, passed in by the views, whose chunks hold the tables). */
export type SayMessage = (m: Message, locale: Locale) => string;

/**
 * A failure from the port or a use case as a message the user can act on. Where the port said more
 * (`PortError.said`: which file or sheet, what went wrong and what to do) and `say` is given, that is the
 * text, in the pane's language at the time it shows; otherwise the pane's own text for the kind of failure.
 * The views pass `say` through ./failure; the frame, whose first load leaves the message tables out, does not.
 */
export function messageFromError(err: unknown, key = "failure", say?: SayMessage): PaneMessage {
  return { key, intent: "error", text: failureText(err, say) };
}

/** The text of `messageFromError`, for a view that says the failure in its own place. */
export function failureText(err: unknown, say?: SayMessage): (t: Strings) => string {
  const port = asPortError(err);
  if (port?.said && say) {
    const said = port.said;
    return (t) => capitalised(say(said, t.locale));
  }
  if (port) return (t) => t.portError(port.code, port.detail);
  const message = err instanceof Error ? err.message : String(err);
  return (t) => t.unexpectedError(message);
}

/** A message said as the start of a sentence (English texts made to follow `duizhang:` start lower case). */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Adds a message, replacing one with the same key. */
export function withMessage(messages: readonly PaneMessage[], message: PaneMessage): PaneMessage[] {
  return [...messages.filter((m) => m.key !== message.key), message];
}

export function withoutMessage(messages: readonly PaneMessage[], key: string): PaneMessage[] {
  return messages.filter((m) => m.key !== key);
}
