/**
 * Failures as the views show them: what the port said about one (`PortError.said`), rendered from the message
 * tables in the pane's language, where it said something; else the pane's own text for its kind. The tables
 * come with the views' chunks, so the frame (./messages, in the first load) takes the renderer from here: this
 * module hands it over when it runs (with the first view, or fetched by the frame on a failure).
 */
import { render } from "../messages/render";
import type { Strings } from "./i18n";
import { failureText as textOf, messageFromError as messageOf, provideMessageTables, type PaneMessage } from "./messages";

provideMessageTables(render);

export function messageFromFailure(err: unknown, key?: string): PaneMessage {
  return messageOf(err, key, render);
}

export function failureText(err: unknown): (t: Strings) => string {
  return textOf(err, render);
}
