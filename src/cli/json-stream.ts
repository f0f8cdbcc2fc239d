/**
 * `JSON.stringify(value, null, 2)`, produced piece by piece. A full-sheet ledger's aging report is larger
 * as one string than V8 allows a string to be ("Invalid string length"); written in chunks it never has
 * to exist whole. The text is byte for byte what `JSON.stringify(value, null, 2)` gives: the same
 * `toJSON` calls, the same dropped `undefined`s and functions, `null` for NaN and Infinity, the same
 * escapes (each string and key goes through `JSON.stringify` itself), and the same errors for cycles and
 * BigInt.
 */
import type { CliIO } from "./io";

const GAP = "  ";
/** How much text gathers before it is handed on: large enough that writes are few, small next to memory. */
export const JSON_CHUNK_CHARS = 1 << 16;

type Holder = Record<string, unknown> | unknown[];

/** What `JSON.stringify` does with a property's value before writing it: `toJSON` (once), then unboxing. */
function prepared(key: string, value: unknown): unknown {
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
 * The pieces of the JSON text of `value`, each at least `chunkChars` long except the last. Parts smaller
 * than about `smallPartChars` are written by `JSON.stringify` in one go (0: everything the slow, exact way).
 */
export function* jsonChunks(value: unknown, chunkChars = JSON_CHUNK_CHARS, smallPartChars = SMALL_PART_CHARS): Generator<string> {
  let buffer = "";
  const stack: unknown[] = [];

  /** A small value's text at `indent`, by `JSON.stringify` and re-indented to sit there; undefined for a large one. */
  function small(value: Holder, indent: string): string | undefined {
    // JSON.stringify would call a toJSON on the result of toJSON again; the exact path does not.
    if (smallPartChars <= 0 || typeof (value as { toJSON?: unknown }).toJSON === "function" || budgetLeft(value, smallPartChars) < 0) return undefined;
    const text = JSON.stringify(value, null, 2);
    // Strings in JSON never hold a raw line break, so every one of these starts a line.
    return indent === "" ? text : text.replace(/\n/g, `\n${indent}`);
  }

  function* container(value: Holder, indent: string): Generator<string> {
    if (stack.includes(value)) throw new TypeError("Converting circular structure to JSON");
    stack.push(value);
    const inner = indent + GAP;
    let first = true;
    if (Array.isArray(value)) {
      buffer += "[";
      for (let i = 0; i < value.length; i++) {
        buffer += first ? `\n${inner}` : `,\n${inner}`;
        first = false;
        const v = prepared(String(i), value[i]);
        if (isContainer(v)) {
          const text = small(v, inner);
          if (text !== undefined) buffer += text;
          else yield* container(v, inner);
        } else buffer += scalar(v) ?? "null";
        if (buffer.length >= chunkChars) {
          yield buffer;
          buffer = "";
        }
      }
      buffer += first ? "]" : `\n${indent}]`;
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
