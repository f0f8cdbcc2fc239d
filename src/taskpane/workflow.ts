/**
 * How a view of the pane is built: the shape every view follows (对账 and 账龄 today; 函证, 催款函 and
 * 信用 when they come).
 *
 * - A workflow hook (`useReconcileRun` in reconcile/, `useAgingRun` in aging/, `use<View>Run` next to
 *   each later view) holds the view's state machine: choose (the form), check (reads, what blocks a
 *   run), run with progress and cancel, results, marks, stale. Its transitions are a reducer exported
 *   beside it, so they are tested as plain functions; its effects and commands are tested by
 *   rendering the hook in jest against the fake Excel (test/taskpane/hooks).
 * - Every call into src/app goes through the use cases of the pane's context (`useServices()` →
 *   `useCases`, see ./use-cases), never a direct import of a use case: a test swaps any of them. A
 *   view adds its use cases to `UseCases` and to `APP_USE_CASES`.
 * - What must outlive a switch of views (the last choices, the last results, the marks present, the
 *   current confirmation) goes into the pane store (./store), one per pane: never a module-level map.
 * - The component renders what the hook returns and forwards the user's events to it; its layout comes
 *   from components/layout (sections, form rows, actions, result lists, legend, progress, notices).
 *
 * This module holds what the hooks share.
 */
import { PortError } from "../port/workbook";

/** True for a run stopped by the user (the port answers `cancelled` once the run's signal is aborted). */
export function isCancelled(err: unknown): boolean {
  return (
    (err instanceof PortError && err.code === "cancelled") ||
    // The port may live in another bundle (the preview), where `instanceof` fails: trust the shape.
    (typeof err === "object" && err !== null && (err as { name?: unknown }).name === "PortError" && (err as { code?: unknown }).code === "cancelled")
  );
}

/** The sheet named in a `not_ours` refusal (a user's own sheet under one of our result sheets' names), else null. */
export function isNotOurs(err: unknown): string | null {
  if (typeof err !== "object" || err === null) return null;
  const e = err as { name?: unknown; code?: unknown; detail?: unknown };
  return e.name === "PortError" && e.code === "not_ours" && typeof e.detail === "string" ? e.detail : null;
}
