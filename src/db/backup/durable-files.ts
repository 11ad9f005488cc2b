import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/** Flushes a file (or a folder's list of names) to the disk. */
export const fsyncPath = (path: string): void => {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/**
 * Puts a finished file in place under its final name: its bytes on disk first, then the rename
 * (atomic within a folder: the name holds the old file or the complete new one, never a part),
 * then the folder, so that the new name itself survives a power cut.
 */
export const renameDurably = (from: string, to: string): void => {
  fsyncPath(from);
  renameSync(from, to);
  fsyncPath(dirname(to));
};

/** Removes a temporary database and the journal files SQLite may have left beside it. */
export const removeDatabaseFiles = (path: string): void => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
};
