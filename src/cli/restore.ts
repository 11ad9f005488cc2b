import { describeSchema } from '../db/backup/inspect-database';
import { restoreSqliteDatabase } from '../db/backup/sqlite-restore';
import type { CliCommand } from './command';
import { UsageError } from './command';
import { parseArgs } from './parse-args';
import { postgresBackupExplanation } from './postgres-backups';
import { withConfig } from './with-context';

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Make a backup file the database, keeping the one it replaces (SQLite; stop the server first)',
  usage: [
    'Usage: iln restore FILE',
    '',
    'Makes FILE (written by `iln backup`) the embedded SQLite database ($DATA_DIR/iln.sqlite).',
    'FILE must be an ILN database no newer than this version; an older one is migrated. The',
    'database it replaces is kept beside it as iln.sqlite.before-restore-<timestamp>.',
    'Refused while any process has the database open: stop `iln serve` (and cron jobs) first.',
    '',
    'Private links and sign-in sessions work only with the AUTH_SECRET the backup was made with.',
    'With DATABASE_URL set (PostgreSQL) it explains how to use pg_restore instead.',
  ].join('\n'),
  run: async (args, io) => {
    const { positionals } = parseArgs(args, { maxPositionals: 1 });
    const file = positionals[0];
    if (!file) throw new UsageError('name the backup file to restore');
    return withConfig(io, async (config) => {
      if (config.databaseUrl) {
        io.stderr(postgresBackupExplanation('restore'));
        return 1;
      }
      const report = await restoreSqliteDatabase(config.sqlitePath, file, { now: new Date() });
      const migrated =
        report.migrated.length > 0 ? `, migrated from schema ${describeSchema(report.schema)}` : '';
      io.stdout(
        [
          `Restored ${file} into ${config.sqlitePath} (schema ${describeSchema({ applied: [...report.schema.applied, ...report.migrated] })}${migrated}).`,
          report.keptAs ? `The database it replaced is kept as ${report.keptAs}.` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      );
      return 0;
    });
  },
};
