/**
 * A JSON array whose items are made as they are written. A large report's rows (an aging's dealers
 * with their open items) need not all exist as JSON objects at once: the streamed writer
 * (`cli/json-stream`) makes one item, writes it and lets it go. Anything else that meets it sees an
 * ordinary array through `toJSON`, so `JSON.stringify` gives the same text.
 */
export class LazyJsonItems<T> {
  constructor(
    readonly length: number,
    private readonly itemAt: (index: number) => T,
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
