/**
 * A JSON array whose items are made as they are written. A large report's rows (an aging's dealers
 * with their open items) need not all exist as JSON objects at once: the streamed writer
 * (`cli/json-stream`) makes one item, writes it and lets it go. Anything else that meets it sees an
 * ordinary array through `toJSON`, so `JSON.stringify` gives the same text.
 *
 * With `textAt`, the maker writes an item's text itself, and the streamed writer takes it as given: a
 * report's open items are written straight from the engine's objects, without an object per item made
 * only to be stringified. `textAt(i, indent)` must be exactly the text `JSON.stringify` gives `item(i)`
 * where it sits, `indent` in: from its `{` (or `[`, or the scalar) to its last character, each inner line
 * starting with `indent` and two more spaces per level (the tests compare the two on every report).
 */
export class LazyJsonItems<T> {
  constructor(
    readonly length: number,
    private readonly itemAt: (index: number) => T,
    readonly textAt?: (index: number, indent: string) => string,
  ) {}

  /** Item `index`, made now (a new object each time). */
  item(index: number): T {
    return this.itemAt(index);
  }

  toJSON(): T[] {
    const out: T[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.itemAt(i);
    return out;
  }
}
