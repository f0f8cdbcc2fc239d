/**
 * Bounded subset-sum search for pass 5: which rows of one side add up to one row of the other
 * (a payment split in two, several deliveries on one invoice).
 *
 * Smaller sets are preferred: sizes are tried from 2 upwards and the search stops at the first size
 * with a solution; within that size the closest total wins. It stops after `maxNodes` steps and says
 * so, because without a bound many similar amounts make the search explode.
 */

export interface SubsetSearchInput {
  /** Positive magnitudes, sorted from largest to smallest. */
  values: readonly number[];
  target: number;
  tolerance: number;
  maxItems: number;
  maxNodes: number;
  /** Distinct solutions wanted before the search may stop (2 proves ambiguity; 3 gives the user a choice). */
  maxSolutions: number;
  /** Solutions with the same key are interchangeable (same amounts, dates and texts); only one is kept. */
  solutionKey: (indices: readonly number[]) => string;
  /** False for solutions the user rejected: they are never proposed again. */
  accept: (indices: readonly number[]) => boolean;
}

export interface SubsetSearchResult {
  /** Index sets into `values`, all of the same size and the same (smallest) distance from the target. */
  solutions: number[][];
  nodes: number;
  /** True when the node bound stopped the search before it was complete. */
  cutShort: boolean;
}

export function searchSubsets(input: SubsetSearchInput): SubsetSearchResult {
  const { values, target, tolerance, maxNodes, maxSolutions } = input;
  const n = values.length;
  const prefix = new Array<number>(n + 1);
  prefix[0] = 0;
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + values[i];

  let nodes = 0;
  let cutShort = false;
  let bestDiff = Infinity;
  let solutions: number[][] = [];
  let keys = new Set<string>();
  let done = false;
  const chosen: number[] = [];

  const record = () => {
    const sum = chosen.reduce((t, i) => t + values[i], 0);
    const diff = Math.abs(sum - target);
    if (diff > bestDiff || !input.accept(chosen)) return;
    if (diff < bestDiff) {
      bestDiff = diff;
      solutions = [];
      keys = new Set();
    }
    const key = input.solutionKey(chosen);
    if (keys.has(key)) return;
    keys.add(key);
    solutions.push([...chosen]);
    if (bestDiff === 0 && solutions.length >= maxSolutions) done = true;
  };

  // `remaining` more values to choose from index `start` on, `sum` chosen so far.
  const dfs = (start: number, remaining: number, sum: number): void => {
    if (++nodes > maxNodes) {
      cutShort = true;
      return;
    }
    if (remaining === 0) {
      record();
      return;
    }
    // The smallest `remaining - 1` values of the array: the least any completion can add after v[j].
    const smallestRest = prefix[n] - prefix[n - (remaining - 1)];
    for (let j = start; j <= n - remaining; j++) {
      // Values only shrink as j grows, so once the largest reachable total falls short, stop.
      if (sum + prefix[j + remaining] - prefix[j] < target - tolerance) break;
      if (sum + values[j] + smallestRest > target + tolerance) continue;
      chosen.push(j);
      dfs(j + 1, remaining - 1, sum + values[j]);
      chosen.pop();
      if (cutShort || done) return;
    }
  };

  const largest = Math.min(input.maxItems, n);
  for (let size = 2; size <= largest; size++) {
    dfs(0, size, 0);
    if (solutions.length > 0 || cutShort) break;
  }
  return { solutions, nodes: Math.min(nodes, maxNodes), cutShort };
}
