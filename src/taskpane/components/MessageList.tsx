import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarGroup,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useSyncExternalStore } from "react";
import type { Selection } from "../../port/workbook";
import { useStrings } from "../context";
import { messageTablesLoaded, onMessageTables, type PaneMessage } from "../messages";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
});

export interface MessageListProps {
  messages: readonly PaneMessage[];
  onDismiss: (key: string) => void;
  /** Selects the message's cell in the sheet; the button only shows where a message has a target. */
  onGoTo?: (target: Selection) => void;
}

/**
 * Whether the message tables are here, rendering again when they come: a failure the frame reported then says
 * what the port said instead of the pane's text for its kind.
 */
export function useMessageTables(): boolean {
  return useSyncExternalStore(onMessageTables, messageTablesLoaded);
}

/** The pane's errors and notices, each in a Fluent MessageBar, in the current language. */
export function MessageList({ messages, onDismiss, onGoTo }: MessageListProps): JSX.Element | null {
  const t = useStrings();
  const styles = useStyles();
  useMessageTables();
  if (messages.length === 0) return null;
  return (
    <MessageBarGroup className={styles.group} aria-live="polite">
      {messages.map((m) => {
        const target = m.target;
        return (
          <MessageBar key={m.key} intent={m.intent} layout="multiline" data-message-key={m.key}>
            <MessageBarBody>
              {m.intent === "error" || m.intent === "warning" ? (
                <MessageBarTitle>{m.intent === "error" ? t.errorTitle : t.warningTitle}</MessageBarTitle>
              ) : null}
              <span data-message-text="">{m.text(t)}</span>
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" size="small" aria-label={t.dismiss} onClick={() => onDismiss(m.key)}>
                  ×
                </Button>
              }
            >
              {target && onGoTo ? (
                <Button size="small" onClick={() => onGoTo(target)}>
                  {t.goToCell}
                </Button>
              ) : null}
            </MessageBarActions>
          </MessageBar>
        );
      })}
    </MessageBarGroup>
  );
}
