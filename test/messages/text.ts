/** A message's text in one language, for tests that assert the wording core's codes render to. */
import type { Message } from "../../src/core/messages";
import { render } from "../../src/messages/render";

export const zhText = (m: Message | null | undefined): string | undefined => (m ? render(m, "zh-CN") : undefined);
export const enText = (m: Message | null | undefined): string | undefined => (m ? render(m, "en-US") : undefined);
