import type { Logger } from '../../src/services/ports/runtime';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  details: Record<string, unknown>;
}

/** A Logger that keeps every line (with its child bindings) for a test to read. */
export const captureLog = (): Logger & { lines: LogLine[] } => {
  const lines: LogLine[] = [];
  const make = (bindings: Record<string, unknown>): Logger => {
    const write =
      (level: LogLine['level']) =>
      (first: string | object, second?: string): void => {
        if (typeof first === 'string') lines.push({ level, message: first, details: { ...bindings } });
        else lines.push({ level, message: second ?? '', details: { ...bindings, ...first } });
      };
    return {
      debug: write('debug'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      child: (more) => make({ ...bindings, ...more }),
    };
  };
  return Object.assign(make({}), { lines });
};
