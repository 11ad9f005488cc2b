import type { LazyCliCommand } from './command';

/**
 * Every verb of `iln`, in the order `iln --help` lists them. Only names and summaries are here: a
 * verb's file (and the database drivers, the web application or the matching engine it imports)
 * is imported when that verb runs, so no verb pays for another's dependencies (ADR 0011). Keep
 * this file free of static imports other than `import type`; src/cli/startup.test.ts checks what
 * `iln --help` loads.
 */
export const verbs: readonly LazyCliCommand[] = [
  {
    name: 'serve',
    summary: 'Start the web application and the mail worker',
    load: async () => {
      // The server logs stack traces: have them name the .ts files and lines when it runs the
      // compiled copy. Only here: the other verbs print messages, never stacks, and reading the
      // source maps of every module they load would cost them about 5% of their start.
      process.setSourceMapsEnabled(true);
      return (await import('./serve')).serveCommand;
    },
  },
  {
    name: 'migrate',
    summary: 'Bring the database schema up to date (also done at every start)',
    load: async () => (await import('./migrate')).migrateCommand,
  },
  {
    name: 'run-due',
    summary:
      'Do whatever scheduled work is due now (send topics and mail, move rounds, flag duplicates), then exit',
    load: async () => (await import('./run-due')).runDueCommand,
  },
  {
    name: 'seed-demo',
    summary:
      'Create a demo program: rounds open, closed and under way with synthetic people, demo coordinators',
    load: async () => (await import('./seed-demo')).seedDemoCommand,
  },
  {
    name: 'create-coordinator',
    summary: 'Make someone a program or country coordinator (creates the person if needed)',
    load: async () => (await import('./create-coordinator')).createCoordinatorCommand,
  },
  {
    name: 'match',
    summary: 'Run matching for a closed round and print the partnerships it proposes',
    load: async () => (await import('./match')).matchCommand,
  },
  {
    name: 'backup',
    summary: 'Copy the database to a file, consistently, while the server runs (SQLite)',
    load: async () => (await import('./backup')).backupCommand,
  },
  {
    name: 'restore',
    summary: 'Make a backup file the database, keeping the one it replaces (SQLite; stop the server first)',
    load: async () => (await import('./restore')).restoreCommand,
  },
  {
    name: 'solve-matching',
    summary: 'Solve a maximum-weight matching given as JSON edges and check that it is optimal',
    load: async () => (await import('./solve-matching')).solveMatchingCommand,
  },
];
