/**
 * One verb of the `iln` command. Each verb lives in its own file under src/cli/ and is listed in
 * src/cli/verbs.ts. `run` returns the process exit code: 0 success, 1 failure at run time,
 * 2 bad usage (unknown option, bad argument, malformed input). Verbs write through `io` so tests
 * can capture output; they never call process.exit themselves.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for verbs that accept `-`). */
  readStdin: () => Promise<string>;
}

export interface CliCommand {
  name: string;
  /** One line for `iln --help`. */
  summary: string;
  /** Full usage text for `iln VERB --help` and after a usage error. */
  usage: string;
  run: (args: string[], io: CliIo) => Promise<number>;
}

/**
 * A verb as src/cli/verbs.ts lists it: its name and summary (all that `iln --help` needs) and how
 * to import its file, which happens only when that verb is the one asked for (ADR 0011). The
 * summary must equal the loaded command's (src/cli/verbs.test.ts checks it).
 */
export interface LazyCliCommand {
  name: string;
  summary: string;
  load: () => Promise<CliCommand>;
}

/** Thrown by a verb's argument parsing; the dispatcher prints the message and the usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
