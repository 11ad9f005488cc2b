import type { CliCommand, CliIo } from './command';
import { UsageError } from './command';
import { verbs } from './verbs';

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

export const helpText = (commands: readonly CliCommand[]): string => {
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
  commands: readonly CliCommand[] = verbs,
): Promise<number> => {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(commands));
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`iln: unknown command "${name}".\n\n${helpText(commands)}`);
    return 2;
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
