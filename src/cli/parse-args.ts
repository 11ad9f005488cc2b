import { UsageError } from './command';

export interface ArgSpec {
  /** Options that take a value (`--port 3000` or `--port=3000`); repeatable ones collect arrays. */
  values?: Record<string, { repeatable?: boolean }>;
  /** Options that are on or off. */
  flags?: string[];
  /** How many positional arguments at most. */
  maxPositionals?: number;
}

export interface ParsedArgs {
  values: Record<string, string[]>;
  flags: Set<string>;
  positionals: string[];
}

/** A small strict parser: unknown options and missing values are usage errors (exit 2). */
export const parseArgs = (args: readonly string[], spec: ArgSpec): ParsedArgs => {
  const values: Record<string, string[]> = {};
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [rawName, inlineValue] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.flags?.includes(rawName)) {
      if (inlineValue !== undefined) throw new UsageError(`--${rawName} takes no value`);
      flags.add(rawName);
      continue;
    }
    const valueSpec = spec.values?.[rawName];
    if (!valueSpec) throw new UsageError(`unknown option --${rawName}`);
    const value = inlineValue ?? args[++i];
    if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${rawName} needs a value`);
    }
    const list = values[rawName] ?? [];
    values[rawName] = list;
    if (list.length > 0 && !valueSpec.repeatable) throw new UsageError(`--${rawName} given twice`);
    list.push(value);
  }
  if (spec.maxPositionals !== undefined && positionals.length > spec.maxPositionals) {
    throw new UsageError(`unexpected argument "${positionals[spec.maxPositionals]}"`);
  }
  return { values, flags, positionals };
};

/** A whole number within bounds, or a usage error naming the option. */
export const parseIntegerOption = (raw: string, option: string, min: number, max: number): number => {
  if (!/^-?\d+$/.test(raw)) throw new UsageError(`--${option} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new UsageError(`--${option} must be between ${min} and ${max}`);
  return value;
};
