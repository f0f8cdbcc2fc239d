/**
 * One progress bar for a run made of stages (reading both sheets, matching, writing marks and result
 * sheets): each stage owns a share of the bar, sized by how long it usually takes in Excel, where the
 * round trips of reading and writing cost far more than the matching itself.
 */
import type { Stage } from "../../app/reconcile";

export const STAGES: readonly Stage[] = ["reading", "matching", "writing"];

const SHARE: Record<Stage, number> = { reading: 0.45, matching: 0.15, writing: 0.4 };

export interface RunProgress {
  stage: Stage;
  /** 0..1 over the whole run. */
  value: number;
  /** Steps of the current stage, for the label ("2/4"). */
  done: number;
  total: number;
}

/** Where the bar stands when `stage` has done `done` of `total` steps. Never goes past 1, never below the stage's start. */
export function runProgress(stage: Stage, done: number, total: number): RunProgress {
  let start = 0;
  for (const s of STAGES) {
    if (s === stage) break;
    start += SHARE[s];
  }
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const value = Math.min(1, start + SHARE[stage] * fraction);
  // Rounded so repeated additions of the shares do not show 0.6000000000000001.
  return { stage, value: Math.round(value * 1000) / 1000, done: Math.max(0, Math.min(done, total)), total };
}

/** A later report never moves the bar back (a re-run of one stage reports from 0 again). */
export function advance(previous: RunProgress | null, next: RunProgress): RunProgress {
  if (previous && STAGES.indexOf(next.stage) < STAGES.indexOf(previous.stage)) return previous;
  if (previous && previous.stage === next.stage && next.value < previous.value) return previous;
  return next;
}
