import pino from 'pino';
import type { Config } from '../config/env';
import type { Logger } from '../services/ports/runtime';

/** The program's log: JSON lines on standard output (pino). */
export const createLogger = (config: Pick<Config, 'logLevel'>): Logger =>
  pino({ level: config.logLevel, base: undefined });
