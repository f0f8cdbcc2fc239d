/**
 * The pane's views as chunks loaded on first use. The pane's first load is its frame only (header,
 * tabs, messages); each view, with the reader, the matching or the aging and the Fluent parts only it
 * uses, comes in a chunk of its own (webpack.config.js: splitChunks), fetched by a <script> when first
 * shown. The first view's chunk is asked for as soon as this module runs, so it loads while Office starts.
 */
import { Spinner } from "@fluentui/react-components";
import { Component, lazy, Suspense, type ReactNode } from "react";

const loadSheets = () => import(/* webpackChunkName: "view-sheets" */ "./SheetsView");
const loadReconcile = () => import(/* webpackChunkName: "view-reconcile" */ "../reconcile/ReconcileView");
const loadAging = () => import(/* webpackChunkName: "view-aging" */ "../aging/AgingView");
const loadLetters = () => import(/* webpackChunkName: "view-letters" */ "../letters/LettersView");
const loadCredit = () => import(/* webpackChunkName: "view-credit" */ "../credit/CreditView");

/** Starts fetching the first view; React.lazy below reuses the same promise (webpack caches the chunk). */
export function preloadFirstView(): void {
  void loadSheets().catch(() => {
    // A failed fetch is retried, and reported, when the view renders.
  });
}

export const SheetsView = lazy(loadSheets);
export const ReconcileView = lazy(() => loadReconcile().then((m) => ({ default: m.ReconcileView })));
export const AgingView = lazy(() => loadAging().then((m) => ({ default: m.AgingView })));
export const LettersView = lazy(() => loadLetters().then((m) => ({ default: m.LettersView })));
export const CreditView = lazy(() => loadCredit().then((m) => ({ default: m.CreditView })));

/**
 * A chunk that cannot be fetched (the server gone, a connection lost) would otherwise leave an empty
 * pane: the view's place says what happened instead, and the rest of the pane keeps working.
 */
class ViewFailed extends Component<{ failed: string; children: ReactNode }, { error: boolean }> {
  override state = { error: false };
  static getDerivedStateFromError(): { error: boolean } {
    return { error: true };
  }
  override render(): ReactNode {
    return this.state.error ? <p role="alert" data-testid="view-failed">{this.props.failed}</p> : this.props.children;
  }
}

/** While a view's chunk loads: a small spinner in the view's place. */
export function ViewLoading({ label, failed, children }: { label: string; failed: string; children: ReactNode }): JSX.Element {
  return (
    <ViewFailed failed={failed}>
      <Suspense fallback={<Spinner size="tiny" label={label} data-testid="view-loading" />}>{children}</Suspense>
    </ViewFailed>
  );
}
