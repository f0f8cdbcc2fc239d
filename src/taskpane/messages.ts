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
 * The message tables as the frame gets them. They are not in the pane's first load: they come with the views'
 * chunks, whose ./failure hands their renderer over here when it runs (`provideMessageTables`). Until then a
 * failure the port said more about shows the pane's own text for its kind; `loadMessageTables` fetches them,
 * and the message list, which listens (`onMessageTables`), shows what the port said once they are here.
 */
let tables: SayMessage | undefined;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

export function provideMessageTables(say: SayMessage): void {
  if (tables) return;
  tables = say;
  for (const listener of [...listeners]) listener();
}

/** Whether the message tables are here (the frame can say what the port said). */
export function messageTablesLoaded(): boolean {
  return tables !== undefined;
}

/** Calls `listener` when the message tables come; returns what stops it. */
export function onMessageTables(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Fetches the message tables (./failure's chunk, not the first load's) if they are not here yet; a failed fetch may be tried again. */
export function loadMessageTables(): Promise<void> {
  if (tables) return Promise.resolve();
  if (!loading) {
    loading = import(/* webpackChunkName: "failure" */ "./failure").then(
      () => undefined,
      () => {
        loading = null;
      },
    );
  }
  return loading;
}

/**
 * A failure from the port or a use case as a message the user can act on. Where the port said more
 * (`PortError.said`: which file or sheet, what went wrong and what to do), that is the text, in the pane's
 * language at the time it shows: rendered by `say` (the views pass it through ./failure) or, in the frame,
 * by the message tables once they are here (fetched on such a failure); before, the pane's own text for the
 * kind of failure.
 */
export function messageFromError(err: unknown, key = "failure", say?: SayMessage): PaneMessage {
  return { key, intent: "error", text: failureText(err, say) };
}

/** The text of `messageFromError`, for a view that says the failure in its own place. */
export function failureText(err: unknown, say?: SayMessage): (t: Strings) => string {
  const port = asPortError(err);
  if (port?.said) {
    const said = port.said;
    if (!say) void loadMessageTables();
    return (t) => {
      const by = say ?? tables;
      return by ? capitalised(by(said, t.locale)) : t.portError(port.code, port.detail);
    };
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
