/**
 * The pane's confirmations, beside the action that caused them: a view says `confirm(at, text)` when
 * an action succeeded and `startAction()` when the user starts the next one; `<ActionNote at>` placed
 * next to the buttons shows the confirmation meant for that place. Held by the pane store (../store), so
 * a confirmation is still there after the user switches tabs and back.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { Confirmation } from "../confirmation";
import { useLocale, useStrings } from "../context";
import type { Locale } from "../i18n";
import { usePane, usePaneStore } from "../store";

export interface Confirmations {
  note: Confirmation | null;
  confirm: (at: string, text: (locale: Locale) => string, intent?: Confirmation["intent"]) => void;
  /** Call when the user starts an action: the last confirmation goes. */
  startAction: () => void;
  dismiss: (at: string) => void;
}

/** The confirmations of the pane's store: one at a time, replaced by the next or gone with the next action. */
export function useConfirmations(): Confirmations {
  const store = usePaneStore();
  const note = usePane((state) => state.confirmation);
  const confirm = useCallback(
    (at: string, text: (locale: Locale) => string, intent: Confirmation["intent"] = "success") =>
      store.dispatch({ type: "confirmation", event: { type: "confirm", note: { at, text, intent } } }),
    [store],
  );
  const startAction = useCallback(() => store.dispatch({ type: "confirmation", event: { type: "action" } }), [store]);
  const dismiss = useCallback((at: string) => store.dispatch({ type: "confirmation", event: { type: "dismiss", at } }), [store]);
  return useMemo(() => ({ note, confirm, startAction, dismiss }), [note, confirm, startAction, dismiss]);
}

/**
 * The confirmation meant for this place, if there is one. When one appears it is scrolled into view:
 * the action may have moved the page (a confirmed suggestion leaves the list it was clicked in).
 */
export function ActionNote({ at }: { at: string }): JSX.Element | null {
  const { note, dismiss } = useConfirmations();
  const locale = useLocale();
  const t = useStrings();
  const ref = useRef<HTMLDivElement>(null);
  const shown = note !== null && note.at === at ? note : null;
  useEffect(() => {
    if (shown) ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [shown]);
  if (shown === null) return null;
  return (
    <MessageBar ref={ref} intent={shown.intent} layout="multiline" data-testid="action-note" data-at={at} aria-live="polite">
      <MessageBarBody>
        <span data-note-text="">{shown.text(locale)}</span>
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" aria-label={t.dismiss} onClick={() => dismiss(at)} data-testid="action-note-dismiss">
            ×
          </Button>
        }
      />
    </MessageBar>
  );
}
