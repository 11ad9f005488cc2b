import { expect, test } from 'vitest';
import { backupCommand } from './backup';
import { createCoordinatorCommand } from './create-coordinator';
import { helpText } from './main';
import { matchCommand } from './match';
import { migrateCommand } from './migrate';
import { restoreCommand } from './restore';
import { runDueCommand } from './run-due';
import { seedDemoCommand } from './seed-demo';
import { serveCommand } from './serve';
import { solveMatchingCommand } from './solve-matching';
import { verbs } from './verbs';

// src/cli/verbs.ts lists each verb's name and summary without importing its file (ADR 0011); the
// listing must say what the files say, in the order `iln --help` shows them.
const commands = [
  serveCommand,
  migrateCommand,
  runDueCommand,
  seedDemoCommand,
  createCoordinatorCommand,
  matchCommand,
  backupCommand,
  restoreCommand,
  solveMatchingCommand,
];

test('each listed verb loads the command of its name, with the same summary', async () => {
  expect(verbs.map((verb) => verb.name)).toEqual(commands.map((command) => command.name));
  for (const verb of verbs) {
    const command = await verb.load();
    expect(command.name).toBe(verb.name);
    expect(command.summary).toBe(verb.summary);
    expect(commands).toContain(command);
  }
});

test('`iln --help` reads the same as when every verb was imported', () => {
  expect(helpText(verbs)).toBe(helpText(commands));
  expect(helpText(verbs)).toMatchInlineSnapshot(`
    "Usage: iln <command> [options]

    Commands:
      serve               Start the web application and the mail worker
      migrate             Bring the database schema up to date (also done at every start)
      run-due             Do whatever scheduled work is due now (send topics and mail, move rounds, flag duplicates), then exit
      seed-demo           Create a demo program: rounds open, closed and under way with synthetic people, demo coordinators
      create-coordinator  Make someone a program or country coordinator (creates the person if needed)
      match               Run matching for a closed round and print the partnerships it proposes
      backup              Copy the database to a file, consistently, while the server runs (SQLite)
      restore             Make a backup file the database, keeping the one it replaces (SQLite; stop the server first)
      solve-matching      Solve a maximum-weight matching given as JSON edges and check that it is optimal

    Run \`iln <command> --help\` for the options of one command."
  `);
});
