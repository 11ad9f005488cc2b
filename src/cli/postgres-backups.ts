/**
 * What `iln backup` and `iln restore` say when the program runs on PostgreSQL (DATABASE_URL set):
 * PostgreSQL's own tools do this job better than a copy made by the program could, so the verbs
 * explain them instead of pretending. The README's "Backups" section gives the same commands, and
 * tests/db/backup-restore.test.ts runs them.
 */
export const POSTGRES_BACKUP_STEPS = [
  "Back it up with PostgreSQL's own tool, which copies one consistent snapshot while the server runs:",
  '',
  '  pg_dump --format=custom --file=iln.dump "$DATABASE_URL"',
  '',
  'Restore into an empty database (createdb), with the server stopped, then bring the schema up to date:',
  '',
  '  pg_restore --no-owner --exit-on-error --dbname="$DATABASE_URL" iln.dump',
  '  iln migrate',
  '',
  'pg_dump and pg_restore must be at least the version of the server. See "Backups" in the README.',
].join('\n');

export const postgresBackupExplanation = (verb: 'backup' | 'restore'): string =>
  [
    `iln ${verb}: this installation uses PostgreSQL (DATABASE_URL is set), and iln ${verb} works on the embedded SQLite database only. Nothing was ${verb === 'backup' ? 'written' : 'changed'}.`,
    '',
    POSTGRES_BACKUP_STEPS,
  ].join('\n');
