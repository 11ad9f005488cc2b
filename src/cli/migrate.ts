import { migrateToLatest } from '../db/migrate';
import type { CliCommand } from './command';
import { parseArgs } from './parse-args';
import { withDatabase } from './with-context';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'Bring the database schema up to date (also done at every start)',
  usage:
    'Usage: iln migrate\n\nApplies every pending migration to the database named by DATABASE_URL (or the embedded SQLite file).',
  run: async (args, io) => {
    parseArgs(args, { maxPositionals: 0 });
    return withDatabase(
      io,
      async (database) => {
        const { applied } = await migrateToLatest(database.db);
        io.stdout(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is already up to date.');
        return 0;
      },
      { migrate: false },
    );
  },
};
