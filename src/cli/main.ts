import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CliCommand, CliIo, LazyCliCommand } from './command';
import { UsageError } from './command';
import { verbs } from './verbs';

// Only what every verb needs is imported here; each verb's file is imported when it runs
// (src/cli/verbs.ts, ADR 0011).

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readStdin,
};

/** A verb given in full (tests) or as src/cli/verbs.ts lists it, to be imported when it runs. */
export type ListedCommand = CliCommand | LazyCliCommand;

const isLazy = (command: ListedCommand): command is LazyCliCommand => 'load' in command;

export const helpText = (commands: readonly Pick<ListedCommand, 'name' | 'summary'>[]): string => {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: iln <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `iln <command> --help` for the options of one command.',
  ].join('\n');
};

/** Runs one verb and returns the exit code: 0 ok, 1 failure, 2 bad usage. Never throws. */
export const runCli = async (
  argv: string[],
  io: CliIo = processIo,
  commands: readonly ListedCommand[] = verbs,
): Promise<number> => {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(commands));
    return name ? 0 : 2;
  }
  const listed = commands.find((c) => c.name === name);
  if (!listed) {
    io.stderr(`iln: unknown command "${name}".\n\n${helpText(commands)}`);
    return 2;
  }
  let command: CliCommand;
  try {
    command = isLazy(listed) ? await listed.load() : listed;
  } catch (error) {
    // A verb's file failed to import: a dependency missing or broken (a native module built for
    // another Node, say). Said in one line, like any other failure.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`iln ${name}: could not load the command: ${message}`);
    return 1;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`iln ${name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`iln ${name}: ${message}`);
    return 1;
  }
};

/**
 * `npm run dev` runs this file itself (`tsx watch src/cli/main.ts serve ...`, restarting on every
 * change to a file it imported); bin/iln.js imports it (or its compiled copy) and calls runCli.
 */
const isEntryPoint = (): boolean => {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === import.meta.url;
  } catch {
    return false;
  }
};

if (isEntryPoint()) process.exitCode = await runCli(process.argv.slice(2));
