/**
 * What use cases take from the world besides data: the time, new ids and tokens, keyed hashes and
 * a log. The composition root passes the real ones; tests pass their own (a clock they move).
 */
export interface Clock {
  now: () => Date;
}

export interface IdSource {
  /** A new unique id (a UUID). */
  newId: () => string;
  /** A new secret token for a private link: 32 random bytes, base64url (only its hash is stored). */
  newToken: () => string;
}

/** A keyed hash (HMAC with the program's secret), so that rate-limit counts hold no addresses. */
export type KeyedHash = (value: string) => string;

/** The log, as use cases and adapters write to it (pino's shape). */
export interface Logger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
  child: (bindings: Record<string, unknown>) => Logger;
}

export interface LogMethod {
  (message: string): void;
  (details: object, message?: string): void;
}
