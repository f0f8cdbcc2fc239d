/**
 * What the pane confirms after an action (marks cleared, a decision saved, sheets written): one
 * confirmation at a time, shown beside the action that caused it, until the user starts another
 * action or dismisses it. A confirmation that vanished by itself would be missed by a user who
 * looked at the sheet meanwhile. Pure, so it is tested without a browser.
 */
import type { Locale } from "./i18n";

export interface Confirmation {
  /** Where it shows: the place beside the action that caused it (e.g. `reconcile-marks`). */
  at: string;
  intent: "success" | "info" | "warning";
  text: (locale: Locale) => string;
}

export type ConfirmationEvent =
  | { type: "confirm"; note: Confirmation }
  /** The user started another action: the last confirmation is no longer news. */
  | { type: "action" }
  /** The user closed the confirmation shown at `at`. */
  | { type: "dismiss"; at: string };

export function nextConfirmation(current: Confirmation | null, event: ConfirmationEvent): Confirmation | null {
  switch (event.type) {
    case "confirm":
      return event.note;
    case "action":
      return null;
    case "dismiss":
      // A dismissal meant for an older confirmation must not close a newer one shown elsewhere.
      return current !== null && current.at === event.at ? null : current;
  }
}
