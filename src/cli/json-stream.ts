/**
 * `JSON.stringify(value, null, 2)`, produced piece by piece. A full-sheet ledger's aging report is larger
 * as one string than V8 allows a string to be ("Invalid string length"); written in chunks it never has
 * to exist whole. The text is byte for byte what `JSON.stringify(value, null, 2)` gives: the same
 * `toJSON` calls, the same dropped `undefined`s and functions, `null` for NaN and Infinity, the same
 * escapes (each string and key goes through `JSON.stringify` itself), and the same errors for cycles and
 * BigInt.
 */
import type { CliIO } from "./io";
import { LazyJsonItems } from "../messages/json/lazy-items";

const GAP = "  ";
/** How much text gathers before it is handed on: large enough that writes are few, small next to memory. */
export const JSON_CHUNK_CHARS = 1 << 16;

type Holder = Record<string, unknown> | unknown[];

/** What `JSON.stringify` does with a property's value before writing it: `toJSON` (once), then unboxing. */
function prepared(key: string, value: unknown): unknown {
  // Items made as they are written: the same text as the array its toJSON gives, one item at a time.
  if (value instanceof LazyJsonItems) return value;
  if (value !== null && (typeof value === "object" || typeof value === "bigint")) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") value = toJSON.call(value, key);
  }
  if (value instanceof Number) return Number(value);
  if (value instanceof String) return String(value);
  if (value instanceof Boolean) return value.valueOf();
  return value;
}

/** The text of a value that is not an object or array; `undefined` when it is left out. */
function scalar(value: unknown): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      // The same TypeError JSON.stringify throws.
      return JSON.stringify(value);
    default:
      return undefined;
  }
}

function isContainer(value: unknown): value is Holder {
  return value !== null && typeof value === "object";
}

/** Below this many characters (roughly) a part is written by `JSON.stringify` itself, which is many times faster. */
const SMALL_PART_CHARS = 1 << 14;

/**
 * What is left of `budget` after a rough count of `value`'s JSON text; negative when it is larger, or
 * when only the exact path can tell (a custom `toJSON`, a BigInt). A cycle simply runs the budget out.
 */
function budgetLeft(value: unknown, budget: number): number {
  if (value === null || typeof value !== "object") {
    if (typeof value === "string") return budget - value.length - 2;
    return typeof value === "bigint" ? -1 : budget - 8;
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (toJSON !== undefined) return toJSON === Date.prototype.toJSON ? budget - 30 : -1;
  budget -= 4;
  if (Array.isArray(value)) {
    for (const item of value) {
      budget = budgetLeft(item, budget - 4);
      if (budget < 0) return budget;
    }
    return budget;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    budget = budgetLeft(record[key], budget - key.length - 6);
    if (budget < 0) return budget;
  }
  return budget;
}

/**
 * `JSON.stringify(value, null, 2)` as it reads `depth` levels in: the value is stringified inside
 * `depth` arrays and cut out of their text, so it comes indented as it sits (no re-indenting). With
 * `items`, `value` is an array whose items are wanted, joined as they sit in it (`,\n` and the indent).
 */
function atDepth(value: unknown, depth: number, items: boolean): string {
  let wrapped = value;
  const levels = items ? depth - 1 : depth;
  for (let d = 0; d < levels; d++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each level opens with `[\n` and its indent, and closes with `\n`, the indent above and `]`.
  const head = 2 * depth + depth * (depth + 1);
  const tail = 2 * depth + depth * (depth - 1);
  return depth === 0 ? text : text.slice(head, text.length - tail);
}

/**
 * Where the run of small items starting at `from` ends: objects and arrays without their own `toJSON`,
 * together within `smallPartChars` or so. `from + 1` or less when there is no run of two.
 */
function smallRun(array: unknown[], from: number, smallPartChars = SMALL_PART_CHARS): number {
  let budget = smallPartChars;
  let i = from;
  for (; i < array.length; i++) {
    const v = array[i];
    if (v === null || typeof v !== "object" || typeof (v as { toJSON?: unknown }).toJSON === "function") break;
    const left = budgetLeft(v, budget - 4);
    if (left < 0) break;
    budget = left;
  }
  return i;
}

/**
 * The pieces of the JSON text of `value`, each at least `chunkChars` long except the last. Parts smaller
 * than about `smallPartChars` are written by `JSON.stringify` in one go (0: everything the slow, exact way).
 */
export function* jsonChunks(value: unknown, chunkChars = JSON_CHUNK_CHARS, smallPartChars = SMALL_PART_CHARS): Generator<string> {
  let buffer = "";
  const stack: unknown[] = [];

  /** A small value's text at `indent`, by `JSON.stringify`; undefined for a large one. */
  function small(value: Holder, indent: string): string | undefined {
    // JSON.stringify would call a toJSON on the result of toJSON again; the exact path does not.
    if (smallPartChars <= 0 || typeof (value as { toJSON?: unknown }).toJSON === "function" || budgetLeft(value, smallPartChars) < 0) return undefined;
    return atDepth(value, indent.length / GAP.length, false);
  }

  function* container(value: Holder, indent: string): Generator<string> {
    if (stack.includes(value)) throw new TypeError("Converting circular structure to JSON");
    stack.push(value);
    const inner = indent + GAP;
    let first = true;
    if (value instanceof LazyJsonItems || Array.isArray(value)) {
      // One loop for both: an array's items are there, a lazy one's are made (or written by their maker).
      const lazy = value instanceof LazyJsonItems ? value : null;
      const array = lazy === null ? (value as unknown[]) : null;
      const textAt = lazy?.textAt;
      const length = value.length;
      buffer += "[";
      for (let i = 0; i < length; i++) {
        buffer += i === 0 ? `\n${inner}` : `,\n${inner}`;
        if (textAt !== undefined) buffer += textAt(i, inner);
        else {
          // A run of small items (the rows of a report) is written by one JSON.stringify.
          const end = array !== null && smallPartChars > 0 ? smallRun(array, i, Math.min(smallPartChars, chunkChars)) : i;
          if (end > i + 1) {
            buffer += atDepth(i === 0 && end === length ? array : array!.slice(i, end), inner.length / GAP.length, true);
            i = end - 1;
          } else {
            const v = prepared(String(i), array !== null ? array[i] : lazy!.item(i));
            if (isContainer(v)) {
              const text = small(v, inner);
              if (text !== undefined) buffer += text;
              else yield* container(v, inner);
            } else buffer += scalar(v) ?? "null";
          }
        }
        if (buffer.length >= chunkChars) {
          yield buffer;
          buffer = "";
        }
      }
      buffer += length === 0 ? "]" : `\n${indent}]`;
    } else {
      buffer += "{";
      for (const key of Object.keys(value)) {
        const v = prepared(key, value[key]);
        if (isContainer(v)) {
          buffer += `${first ? "" : ","}\n${inner}${JSON.stringify(key)}: `;
          first = false;
          const text = small(v, inner);
          if (text !== undefined) buffer += text;
          else yield* container(v, inner);
        } else {
          const text = scalar(v);
          if (text === undefined) continue;
          buffer += `${first ? "" : ","}\n${inner}${JSON.stringify(key)}: ${text}`;
          first = false;
        }
        if (buffer.length >= chunkChars) {
          yield buffer;
          buffer = "";
        }
      }
      buffer += first ? "}" : `\n${indent}}`;
    }
    stack.pop();
  }

  const top = prepared("", value);
  if (isContainer(top)) {
    const text = small(top, "");
    if (text !== undefined) buffer += text;
    else yield* container(top, "");
  }
  else {
    const text = scalar(top);
    if (text === undefined) return;
    buffer += text;
  }
  if (buffer !== "") yield buffer;
}

/**
 * Writes `JSON.stringify(value, null, 2)` and a line break to standard output, chunk by chunk, waiting
 * whenever the output is behind. Without a raw writer (a test's capture), the text is handed over once.
 */
export async function writeJson(io: CliIO, value: unknown): Promise<void> {
  if (!io.write) {
    let text = "";
    for (const chunk of jsonChunks(value)) text += chunk;
    io.out(text);
    return;
  }
  for (const chunk of jsonChunks(value)) await io.write(chunk);
  await io.write("\n");
}
