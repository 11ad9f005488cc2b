import type { CliCommand } from './command';
import { migrateCommand } from './migrate';
import { serveCommand } from './serve';

/** Every verb of `iln`, in the order `iln --help` lists them. */
export const verbs: readonly CliCommand[] = [serveCommand, migrateCommand];
