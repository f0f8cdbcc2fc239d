/**
 * Change notification for the fake Excel, so the preview's grid redraws when the task pane writes,
 * marks or selects. Every change the pane makes goes through `context.sync()` inside `Excel.run`, so
 * wrapping `run` (and the context's `sync`) sees them all without touching the fake itself.
 */
import type { FakeExcel } from "../fake-excel";

export type Listener = () => void;

export interface ObservedExcel {
  /** Drop-in for `Excel.run`, telling listeners after each sync and at the end of the batch. */
  run: FakeExcel["run"];
  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: Listener): () => void;
  /** For changes made beside the office-js surface (the preview's own tabs and cell clicks). */
  notify(): void;
}

export function observe(excel: FakeExcel): ObservedExcel {
  const listeners = new Set<Listener>();
  const notify = (): void => {
    for (const l of [...listeners]) l();
  };
  const run = async <T>(batch: (context: never) => Promise<T>): Promise<T> => {
    try {
      return await excel.run((context: never) => {
        const ctx = context as { sync: () => Promise<void> };
        const sync = ctx.sync.bind(ctx);
        ctx.sync = async () => {
          try {
            await sync();
          } finally {
            notify();
          }
        };
        return batch(context);
      });
    } finally {
      notify();
    }
  };
  return {
    run: run as FakeExcel["run"],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify,
  };
}
