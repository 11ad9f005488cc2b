import { expect, test } from 'vitest';
import type { CliCommand, CliIo } from './command';
import { UsageError } from './command';
import { helpText, runCli } from './main';
import { parseArgs, parseIntegerOption } from './parse-args';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => '' };
  return { io, out, err };
};

const echo: CliCommand = {
  name: 'echo',
  summary: 'Echo arguments',
  usage: 'Usage: iln echo [--times N] WORD',
  run: async (args, io) => {
    const parsed = parseArgs(args, { values: { times: {} }, maxPositionals: 1 });
    const times = parseIntegerOption(parsed.values.times?.[0] ?? '1', 'times', 1, 3);
    const word = parsed.positionals[0];
    if (!word) throw new UsageError('WORD is required');
    io.stdout(word.repeat(times));
    return 0;
  },
};
const failing: CliCommand = {
  name: 'fail',
  summary: 'Fails',
  usage: 'Usage: iln fail',
  run: async () => {
    throw new Error('the database is gone');
  },
};

test('runs a verb', async () => {
  const { io, out } = capture();
  expect(await runCli(['echo', '--times=2', 'ab'], io, [echo])).toBe(0);
  expect(out).toEqual(['abab']);
});

test('an unknown verb exits 2 with the list of commands', async () => {
  const { io, err } = capture();
  expect(await runCli(['frobnicate'], io, [echo])).toBe(2);
  expect(err.join('')).toMatch(/unknown command "frobnicate"[\s\S]*echo/);
});

test('bad arguments exit 2 with a message and the usage, never a stack trace', async () => {
  for (const args of [
    ['echo', '--loud', 'x'],
    ['echo', '--times'],
    ['echo', '--times', 'many', 'x'],
    ['echo', 'a', 'b'],
  ]) {
    const { io, err } = capture();
    expect(await runCli(args, io, [echo])).toBe(2);
    expect(err.join('')).toContain('Usage: iln echo');
    expect(err.join('')).not.toMatch(/\n\s+at /);
  }
});

test('a failure at run time exits 1 with its message only', async () => {
  const { io, err } = capture();
  expect(await runCli(['fail'], io, [failing])).toBe(1);
  expect(err).toEqual(['iln fail: the database is gone']);
});

test('--help lists the commands and exits 0; nothing at all exits 2', async () => {
  const help = capture();
  expect(await runCli(['--help'], help.io, [echo, failing])).toBe(0);
  expect(help.out.join('')).toMatch(/echo\s+Echo arguments[\s\S]*fail\s+Fails/);
  expect(await runCli([], capture().io, [echo])).toBe(2);
});

test('a listed verb is imported only when it is the one asked for', async () => {
  const loaded: string[] = [];
  const lazy = (command: CliCommand) => ({
    name: command.name,
    summary: command.summary,
    load: async () => {
      loaded.push(command.name);
      return command;
    },
  });
  const listed = [lazy(echo), lazy(failing)];

  const help = capture();
  expect(await runCli(['--help'], help.io, listed)).toBe(0);
  expect(help.out.join('')).toBe(helpText([echo, failing]));
  expect(await runCli(['frobnicate'], capture().io, listed)).toBe(2);
  expect(loaded).toEqual([]);

  const run = capture();
  expect(await runCli(['echo', 'hi'], run.io, listed)).toBe(0);
  expect(run.out).toEqual(['hi']);
  expect(loaded).toEqual(['echo']);

  const usage = capture();
  expect(await runCli(['fail', '--help'], usage.io, listed)).toBe(0);
  expect(usage.out).toEqual(['Usage: iln fail']);
  expect(loaded).toEqual(['echo', 'fail']);
});

test('a verb whose file cannot be imported exits 1 with one line, never a stack trace', async () => {
  const broken = {
    name: 'broken',
    summary: 'Cannot load',
    load: async (): Promise<CliCommand> => {
      throw new Error("Cannot find module 'better-sqlite3'");
    },
  };
  const { io, out, err } = capture();
  expect(await runCli(['broken'], io, [broken])).toBe(1);
  expect(out).toEqual([]);
  expect(err).toEqual(["iln broken: could not load the command: Cannot find module 'better-sqlite3'"]);
});
