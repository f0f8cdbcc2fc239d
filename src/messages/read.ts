/** What the reader tells the user, in the user's language, from the codes it returns. */
import type { Lang } from "../app/lang";
import { readIssueMessage, skipReasonMessage } from "../core/read/messages";
import type { ReadIssue, SkipReason } from "../core/read/types";
import { render } from "./render";

/** One sentence naming the place, what was found and what to do. */
export function describeReadIssue(issue: ReadIssue, lang: Lang): string {
  return render(readIssueMessage(issue), lang);
}

export function describeSkipReason(reason: SkipReason, lang: Lang): string {
  return render(skipReasonMessage(reason), lang);
}
