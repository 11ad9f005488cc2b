import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Parsed once at start-up; every problem is reported in one
 * message so a volunteer fixing a deployment sees all of them at once.
 */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], {
    error: 'must be one of development, production, test',
  }),
  PORT: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535'),
  HOST: z
    .union([z.ipv4(), z.ipv6(), z.hostname()], {
      error: 'must be an address to listen on, such as 127.0.0.1, 0.0.0.0, :: or localhost',
    })
    .optional(),
  BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://iln.example.org' })
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL (unset it to use SQLite)')
    .optional(),
  DATA_DIR: z.string().min(1, 'must not be empty'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3, 'must be an address such as "ILN <hello@iln.example.org>"'),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }),
  TRUST_PROXY: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .refine((parts) => parts.every(isTrustedProxy), {
      error:
        'must be off, or a comma-separated list of the reverse proxies to believe: loopback, IP addresses or CIDR ranges (10.0.0.0/8)',
    })
    .optional(),
  RETENTION_MONTHS: z.coerce
    .number({ error: 'must be a whole number of months' })
    .int({ error: 'must be a whole number of months' })
    .min(1, { error: 'must be at least 1 (month)' })
    .max(120, { error: 'must be at most 120 (months)' }),
});

/** `loopback`, an IP address, or a CIDR range such as 10.0.0.0/8 or fd00::/8. */
const isTrustedProxy = (value: string): boolean => {
  if (value === 'loopback') return true;
  const [address = '', prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
};

const OFF = new Set(['off', 'false', 'no', '0', 'none']);

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  /**
   * The address to listen on; undefined listens on every interface. Outside production without
   * SMTP_URL (the development outbox, whose mail holds live sign-in links) it is 127.0.0.1 unless
   * HOST says otherwise.
   */
  host: string | undefined;
  baseUrl: string;
  /** Unset: the embedded SQLite database. */
  databaseUrl: string | undefined;
  sqlitePath: string;
  dataDir: string;
  /** Unset: the development outbox (mail is stored and readable in the app, never sent). */
  smtpUrl: string | undefined;
  mailFrom: string;
  authSecret: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /**
   * The reverse proxies whose X-Forwarded-For is believed (`loopback`, addresses, CIDR ranges);
   * empty (the default) believes none: the client is the socket's peer. Used for the per-network
   * limits and the audit trail's "from where".
   */
  trustProxy: readonly string[];
  /** Months after a round ends that its declined and withdrawn applications are kept (the retention job). */
  retentionMonths: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type RawEnv = Record<string, string | undefined>;

/** Empty strings count as unset, the way people leave them in .env files. */
const withoutEmpty = (env: RawEnv): RawEnv =>
  Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));

export const loadConfig = (rawEnv: RawEnv = process.env): Config => {
  const env = withoutEmpty(rawEnv);
  const parsed = EnvSchema.safeParse({
    NODE_ENV: env.NODE_ENV ?? 'development',
    PORT: env.PORT ?? '3000',
    HOST: env.HOST,
    BASE_URL: env.BASE_URL,
    DATABASE_URL: env.DATABASE_URL,
    DATA_DIR: env.DATA_DIR ?? './data',
    SMTP_URL: env.SMTP_URL,
    MAIL_FROM: env.MAIL_FROM ?? 'International Librarians Network <noreply@localhost>',
    AUTH_SECRET: env.AUTH_SECRET,
    LOG_LEVEL: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    TRUST_PROXY:
      env.TRUST_PROXY && OFF.has(env.TRUST_PROXY.trim().toLowerCase()) ? undefined : env.TRUST_PROXY,
    // core/privacy/erasure.ts DEFAULT_RETENTION_MONTHS; the privacy notice promises twelve.
    RETENTION_MONTHS: env.RETENTION_MONTHS ?? '12',
  });
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  if (parsed.success && parsed.data.NODE_ENV === 'production') {
    if (!parsed.data.AUTH_SECRET) problems.push('  AUTH_SECRET: is required in production');
    if (!parsed.data.BASE_URL) problems.push('  BASE_URL: is required in production');
  }
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(`The configuration has problems:\n${problems.join('\n')}`);
  }
  const data = parsed.data;
  const dataDir = resolve(data.DATA_DIR);
  const isProduction = data.NODE_ENV === 'production';
  const hasDevelopmentOutbox = !isProduction && !data.SMTP_URL;
  return {
    nodeEnv: data.NODE_ENV,
    isProduction,
    port: data.PORT,
    host: data.HOST ?? (hasDevelopmentOutbox ? '127.0.0.1' : undefined),
    baseUrl: (data.BASE_URL ?? `http://localhost:${data.PORT}`).replace(/\/+$/, ''),
    databaseUrl: data.DATABASE_URL,
    sqlitePath: resolve(dataDir, 'iln.sqlite'),
    dataDir,
    smtpUrl: data.SMTP_URL,
    mailFrom: data.MAIL_FROM,
    authSecret: data.AUTH_SECRET ?? readOrCreateDevelopmentSecret(dataDir),
    logLevel: data.LOG_LEVEL,
    trustProxy: data.TRUST_PROXY ?? [],
    retentionMonths: data.RETENTION_MONTHS,
  };
};

/** Outside production a secret is generated once and kept beside the database. */
const readOrCreateDevelopmentSecret = (dataDir: string): string => {
  const path = resolve(dataDir, 'auth-secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
};
