import type { CliCommand } from './command';
import { createCoordinatorCommand } from './create-coordinator';
import { migrateCommand } from './migrate';
import { seedDemoCommand } from './seed-demo';
import { serveCommand } from './serve';
import { solveMatchingCommand } from './solve-matching';

/** Every verb of `iln`, in the order `iln --help` lists them. */
export const verbs: readonly CliCommand[] = [
  serveCommand,
  migrateCommand,
  seedDemoCommand,
  createCoordinatorCommand,
  solveMatchingCommand,
];
