import { describeSchema } from '../db/backup/inspect-database';
import { backupSqliteDatabase } from '../db/backup/sqlite-backup';
import type { CliCommand } from './command';
import { UsageError } from './command';
import { parseArgs } from './parse-args';
import { postgresBackupExplanation } from './postgres-backups';
import { withConfig } from './with-context';

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Copy the database to a file, consistently, while the server runs (SQLite)',
  usage: [
    'Usage: iln backup FILE [--force]',
    '',
    'Writes a consistent copy of the embedded SQLite database ($DATA_DIR/iln.sqlite) to FILE while',
    'the server keeps running: every commit made before the copy began, and nothing of one made after.',
    'The copy is written under a temporary name and renamed to FILE once complete and checked.',
    '  --force  replace FILE if it exists',
    '',
    'The backup holds the database only: keep AUTH_SECRET (or $DATA_DIR/auth-secret) as well, or',
    'private links and sign-in sessions stop working on the restored copy.',
    'With DATABASE_URL set (PostgreSQL) it explains how to use pg_dump instead.',
  ].join('\n'),
  run: async (args, io) => {
    const { flags, positionals } = parseArgs(args, { flags: ['force'], maxPositionals: 1 });
    const file = positionals[0];
    if (!file) throw new UsageError('name the file to write the backup to');
    return withConfig(io, async (config) => {
      if (config.databaseUrl) {
        io.stderr(postgresBackupExplanation('backup'));
        return 1;
      }
      const started = performance.now();
      const report = backupSqliteDatabase(config.sqlitePath, file, { force: flags.has('force') });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.stdout(
        `Backed up ${config.sqlitePath} to ${report.path} (${megabytes(report.bytes)}, schema ${describeSchema(report.schema)}) in ${seconds} s.`,
      );
      return 0;
    });
  },
};
