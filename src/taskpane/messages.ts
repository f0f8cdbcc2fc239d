/**
 * Messages the pane shows in its MessageBars. The text is a function of the strings, so a message
 * already on screen follows a language switch instead of staying in the language it was raised in.
 */
import { PortError, type PortErrorCode, type Selection } from "../port/workbook";
import type { Strings } from "./i18n";

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

function asPortError(err: unknown): { code: PortErrorCode; detail: string } | null {
  if (err instanceof PortError) return { code: err.code, detail: err.detail };
  // The port may live in another bundle (the preview), where `instanceof` fails: trust the shape.
  if (typeof err === "object" && err !== null && (err as { name?: unknown }).name === "PortError") {
    const { code, detail } = err as { code?: unknown; detail?: unknown };
    if (typeof code === "string" && (PORT_CODES as readonly string[]).includes(code)) {
      return { code: code as PortErrorCode, detail: typeof detail === "string" ? detail : "" };
    }
  }
  return null;
}

/** A failure from the port or a use case as a message the user can act on. */
export function messageFromError(err: unknown, key = "failure"): PaneMessage {
  const port = asPortError(err);
  if (port) return { key, intent: "error", text: (t) => t.portError(port.code, port.detail) };
  const message = err instanceof Error ? err.message : String(err);
  return { key, intent: "error", text: (t) => t.unexpectedError(message) };
}

/** Adds a message, replacing one with the same key. */
export function withMessage(messages: readonly PaneMessage[], message: PaneMessage): PaneMessage[] {
  return [...messages.filter((m) => m.key !== message.key), message];
}

export function withoutMessage(messages: readonly PaneMessage[], key: string): PaneMessage[] {
  return messages.filter((m) => m.key !== key);
}
