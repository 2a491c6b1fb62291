import { UsageError } from "./errors.js";
import { didYouMean } from "./suggest.js";

/** One command-line option: how it is spelled, the value it takes (none for a flag) and how help describes it. */
export interface OptionSpec {
  /** The long name without dashes: `column`, `skip-invalid`. */
  readonly name: string;
  /** The placeholder of its value in help (`NAME`, `1-5`); absent for a flag. */
  readonly value?: string;
  /** A value help shows as an example: `channel` for `--by`. */
  readonly example?: string;
  /** One line of help. */
  readonly help: string;
  /** Help marks the options a metric cannot run without. */
  readonly required?: boolean;
  /** The default, as help shows it. */
  readonly default?: string;
  /** May be given several times (`--where a=1 --where b=2`); the values are read with `Options.list`. */
  readonly repeatable?: boolean;
}

/** The options of one command line after parsing: strings for valued options, true for flags, lists for repeatable ones. */
export type OptionValues = ReadonlyMap<string, string | true | string[]>;

/** What a command line asks for. */
export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: OptionValues;
}

/**
 * Splits arguments into positionals and options. Options are `--name value` or `--name=value`; `-` alone is a
 * positional (standard input); `--` ends the options. Only the options in `specs` are accepted, each at most once.
 */
export function parseArgs(argv: ReadonlyArray<string>, specs: ReadonlyArray<OptionSpec>, metric?: string): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const positionals: string[] = [];
  const options = new Map<string, string | true | string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-h") {
      options.set("help", true);
      continue;
    }
    if (!arg.startsWith("--")) {
      if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`, metric);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const spec = byName.get(name);
    if (spec === undefined) {
      const hint = didYouMean(name, [...byName.keys()], "--");
      throw new UsageError(`unknown option --${name}${metric === undefined ? "" : ` for ${metric}`}${hint}`, metric);
    }
    if (options.has(name) && spec.repeatable !== true) throw new UsageError(`--${name} is given twice`, metric);
    if (spec.value === undefined) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`, metric);
      options.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      // A value may be "-" (stdin-like) or a negative number, but not another option.
      if (next !== undefined && !(next.startsWith("--") && next.length > 2)) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === "") throw new UsageError(`--${name} needs a value (${spec.value})`, metric);
    if (spec.repeatable === true) options.set(name, [...((options.get(name) as string[] | undefined) ?? []), value]);
    else options.set(name, value);
  }
  return { positionals, options };
}

/** Reads option values into typed settings, with messages that name the option and the value. */
export class Options {
  constructor(
    private readonly values: OptionValues,
    private readonly metric: string,
  ) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** Every value of a repeatable option, in the order given. */
  list(name: string): string[] {
    const value = this.values.get(name);
    return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  }

  flag(name: string): boolean {
    return this.values.get(name) === true;
  }

  string(name: string): string | undefined {
    const value = this.values.get(name);
    return typeof value === "string" ? value : undefined;
  }

  required(name: string, why = `${this.metric} needs it`): string {
    const value = this.string(name);
    if (value === undefined) throw this.fail(`--${name} is required: ${why}`);
    return value;
  }

  choice<T extends string>(name: string, choices: ReadonlyArray<T>): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!(choices as ReadonlyArray<string>).includes(value)) {
      throw this.fail(`--${name} is "${value}", expected ${choices.join(", ")}`);
    }
    return value as T;
  }

  integer(name: string, min: number, max: number): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || n < min || n > max) {
      throw this.fail(`--${name} is "${value}", expected an integer from ${min} to ${max}`);
    }
    return n;
  }

  number(name: string, check: (n: number) => boolean, expected: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || !check(n)) throw this.fail(`--${name} is "${value}", expected ${expected}`);
    return n;
  }

  fail(message: string): UsageError {
    return new UsageError(message, this.metric);
  }
}
