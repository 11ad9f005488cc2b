/**
 * The entry of the composition root (src/composition/): what the `iln` verbs build the program
 * from. Nothing else in src/ imports this file.
 */
export { type Container, type ContainerOptions, createContainer } from './composition/container';
export { databaseTargetFor, openProgramDatabase } from './composition/database';
export { createLogger } from './composition/logger';
