/**
 * `duizhang`: the command line. Every command works on files and never changes its inputs.
 * Bad input is one line on stderr and exit status 2; a defect keeps its stack trace.
 */
import { parseArgs, type ParseArgsConfig } from "util";
import { PortError } from "../port/workbook";
import { render } from "../messages/render";
import { removeUnfinished, WholeFileError } from "../port/whole-file";
import type { Lang } from "../app/lang";
import { EXIT_BAD_INPUT, EXIT_OK, UsageError } from "./errors";
import { processIO, type CliIO } from "./io";
import { say, type Context, type Values } from "./options";
import { commandAging } from "./commands/aging";
import { commandCredit } from "./commands/credit";
import { commandDemo, commandMakeSample } from "./commands/demo";
import { commandLetters } from "./commands/letters";
import { commandDemand, commandPromise } from "./commands/collect";
import { commandRead } from "./commands/read";
import { commandReconcile } from "./commands/reconcile";
import { commandSheets } from "./commands/sheets";
import { helpText } from "./help";
import { writeFailureText } from "./files";

type Options = NonNullable<ParseArgsConfig["options"]>;

const COMMON: Options = {
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
};

/** Every command that writes a result takes these; most also print JSON. */
const OUT: Options = { out: { type: "string" }, force: { type: "boolean" } };
const JSON_OUT: Options = { json: { type: "boolean" } };
const RESULTS: Options = { ...OUT, ...JSON_OUT };
/** A ledger of one sheet, or of several read as one (`--sheet` repeated, `--sheets GLOB`). */
const LEDGER_SHEETS: Options = { sheet: { type: "string", multiple: true }, sheets: { type: "string" } };

const COMMANDS: Record<string, { options: Options; positionals: number; run: (ctx: Context, values: Values, positionals: string[]) => Promise<number> }> = {
  sheets: { options: JSON_OUT, positionals: 1, run: commandSheets },
  read: {
    options: {
      ...LEDGER_SHEETS,
      dealer: { type: "string" },
      map: { type: "string" },
      "as-of": { type: "string" },
      side: { type: "string" },
      ...JSON_OUT,
      entries: { type: "boolean" },
    },
    positionals: 1,
    run: commandRead,
  },
  reconcile: {
    options: {
      ledger: { type: "string" },
      "ledger-sheet": { type: "string", multiple: true },
      sheets: { type: "string" },
      balances: { type: "string" },
      statement: { type: "string" },
      "statement-sheet": { type: "string" },
      dealer: { type: "string" },
      "as-of": { type: "string" },
      "amount-tolerance": { type: "string" },
      "fee-tolerance": { type: "string" },
      "date-window": { type: "string" },
      ...RESULTS,
      matches: { type: "boolean" },
      "sides-as-given": { type: "boolean" },
    },
    positionals: 0,
    run: commandReconcile,
  },
  aging: {
    options: {
      ledger: { type: "string" },
      ...LEDGER_SHEETS,
      dealer: { type: "string" },
      "as-of": { type: "string" },
      "term-days": { type: "string" },
      basis: { type: "string" },
      buckets: { type: "string" },
      statement: { type: "string" },
      "statement-sheet": { type: "string" },
      register: { type: "string" },
      ...RESULTS,
    },
    positionals: 0,
    run: commandAging,
  },
  letters: {
    options: {
      ledger: { type: "string" },
      balances: { type: "string" },
      ...LEDGER_SHEETS,
      "as-of": { type: "string" },
      dealer: { type: "string", multiple: true },
      template: { type: "string" },
      register: { type: "string" },
      ...RESULTS,
    },
    positionals: 0,
    run: commandLetters,
  },
  demand: {
    options: {
      ledger: { type: "string" },
      ...LEDGER_SHEETS,
      "as-of": { type: "string" },
      dealer: { type: "string", multiple: true },
      level: { type: "string" },
      "deadline-days": { type: "string" },
      template: { type: "string" },
      register: { type: "string" },
      ...RESULTS,
    },
    positionals: 0,
    run: commandDemand,
  },
  promise: {
    options: {
      ledger: { type: "string" },
      ...LEDGER_SHEETS,
      dealer: { type: "string" },
      "as-of": { type: "string" },
      amount: { type: "string" },
      installments: { type: "string" },
      first: { type: "string" },
      every: { type: "string" },
      schedule: { type: "string" },
      template: { type: "string" },
      register: { type: "string" },
      ...RESULTS,
    },
    positionals: 0,
    run: commandPromise,
  },
  credit: {
    options: {
      applications: { type: "string" },
      ledger: { type: "string" },
      balances: { type: "string" },
      sheet: { type: "string" },
      register: { type: "string" },
      scorecard: { type: "string" },
      "as-of": { type: "string" },
      "term-days": { type: "string" },
      approve: { type: "string", multiple: true },
      approver: { type: "string" },
      "approved-on": { type: "string" },
      ...RESULTS,
    },
    positionals: 1,
    run: commandCredit,
  },
  demo: { options: { ...OUT, "as-of": { type: "string" } }, positionals: 0, run: commandDemo },
  "make-sample": { options: OUT, positionals: 0, run: commandMakeSample },
};

/**
 * Gives each option that takes a value its value as `--name=value`, so that a value starting with a dash
 * (`--date-window -3`) reaches our own check and its message instead of Node's "argument is ambiguous".
 * An option followed by another option, or by nothing, is missing its value.
 */
export function attachValues(args: string[], options: Options, lang: Lang): string[] {
  const out: string[] = [];
  const isOption = (a: string): boolean => {
    if (a === "-h") return true;
    const m = /^--([^=]+)/.exec(a);
    return m !== null && m[1] in options;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      out.push(...args.slice(i));
      break;
    }
    const m = /^--([^=]+)$/.exec(a);
    if (m && options[m[1]]?.type === "string") {
      const next = args[i + 1];
      if (next === undefined || isOption(next)) {
        throw new UsageError(say(lang, `--${m[1]} 后面缺少取值`, `--${m[1]} needs a value`));
      }
      out.push(`${a}=${next}`);
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

function langOf(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const value = i < 0 ? env.DUIZHANG_LANG : argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  return value && /^en/i.test(value) ? "en-US" : "zh-CN";
}


/** Runs one command line; returns the exit status. Never exits the process itself. */
export async function main(argv: string[], io: CliIO, env: NodeJS.ProcessEnv = {}): Promise<number> {
  const lang = langOf(argv, env);
  const ctx: Context = { io, lang };
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      io.out(helpText(lang, rest[0]));
      return EXIT_OK;
    }
    if (command === "--version" || command === "-v") {
      io.out("duizhang 0.1.0");
      return EXIT_OK;
    }
    const spec = COMMANDS[command];
    if (!spec) throw new UsageError(say(lang, `未知命令：${command}（运行 duizhang --help 查看用法）`, `unknown command: ${command} (see duizhang --help)`));
    let parsed: { values: Values; positionals: string[] };
    const options = { ...COMMON, ...spec.options };
    const args = attachValues(rest, options, lang);
    try {
      parsed = parseArgs({ args, options, allowPositionals: true, strict: true }) as typeof parsed;
    } catch (e) {
      // Node's own messages run over several lines: the first says what is wrong.
      const first = (e as Error).message.split("\n")[0];
      throw new UsageError(say(lang, `参数有误：${first}（运行 duizhang ${command} --help 查看用法）`, `${first} (see duizhang ${command} --help)`));
    }
    if (parsed.values.help) {
      io.out(helpText(lang, command));
      return EXIT_OK;
    }
    if (parsed.positionals.length > spec.positionals) {
      throw new UsageError(say(lang, `多余的参数：${parsed.positionals.slice(spec.positionals).join(" ")}`, `unexpected argument: ${parsed.positionals.slice(spec.positionals).join(" ")}`));
    }
    return await spec.run(ctx, parsed.values, parsed.positionals);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`duizhang: ${e.message}`);
      return EXIT_BAD_INPUT;
    }
    if (e instanceof PortError) {
      io.err(`duizhang: ${portErrorText(e, lang)}`);
      return EXIT_BAD_INPUT;
    }
    if (e instanceof WholeFileError) {
      io.err(`duizhang: ${writeFailureText(e, lang)}`);
      return EXIT_BAD_INPUT;
    }
    throw e;
  }
}

function portErrorText(e: PortError, lang: Lang): string {
  if (e.said) return render(e.said, lang);
  switch (e.code) {
    case "no_sheet":
      return say(lang, `找不到工作表：${e.detail}`, `no such sheet: ${e.detail}`);
    case "not_ours":
      return say(lang, `工作表“${e.detail}”是用户自己的，不会被覆盖`, `sheet "${e.detail}" is the user's own and is not overwritten`);
    case "too_large":
      return say(lang, `数据过大：${e.detail}`, `too large: ${e.detail}`);
    case "unsupported":
      return say(lang, `不支持的操作：${e.detail}`, `not supported: ${e.detail}`);
    case "cancelled":
      return say(lang, "已取消", "cancelled");
    default:
      return say(lang, `读写文件失败：${e.detail}`, `file error: ${e.detail}`);
  }
}



/** Entry point for bin/duizhang.js. */
export async function runFromProcess(): Promise<number> {
  // Stopped half-way through writing a result (Ctrl-C): no hidden partial file is left beside it.
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      removeUnfinished();
      process.exit(code);
    });
  }
  return main(process.argv.slice(2), processIO(), process.env);
}
