import pino from 'pino';
import type { Config } from './config/env';

export type Logger = pino.Logger;

export const createLogger = (config: Pick<Config, 'logLevel'>): Logger =>
  pino({ level: config.logLevel, base: undefined });
