/**
 * A backup or a restore refused, or failed, for a reason the person running it can act on. The
 * message says what, which file and why, in one line; `iln` prints it without a stack trace.
 */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** A file-system error as a sentence about the file: what was being done, and why it failed. */
export const describeFileError = (error: unknown, doing: string, path: string): BackupError => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new BackupError(`cannot ${doing} ${path}: it does not exist`);
    case 'EACCES':
    case 'EPERM':
      return new BackupError(`cannot ${doing} ${path}: permission denied`);
    case 'EISDIR':
      return new BackupError(`cannot ${doing} ${path}: it is a folder, not a file`);
    case 'ENOTDIR':
      return new BackupError(`cannot ${doing} ${path}: a part of the path is not a folder`);
    case 'ENOSPC':
      return new BackupError(`cannot ${doing} ${path}: the disk is full`);
    case 'EROFS':
      return new BackupError(`cannot ${doing} ${path}: the file system is read-only`);
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return new BackupError(`cannot ${doing} ${path}: ${message}`);
    }
  }
};

/** better-sqlite3's error codes (SQLITE_BUSY, SQLITE_NOTADB…), or undefined for anything else. */
export const sqliteCodeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
};
