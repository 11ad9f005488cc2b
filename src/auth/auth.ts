import { randomUUID } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { magicLink } from 'better-auth/plugins/magic-link';
import type { Kysely } from 'kysely';
import type { Config } from '../config/env';
import { SESSION_IDLE_HOURS, SESSION_REFRESH_MINUTES } from '../core/people/session-policy';
import { SIGN_IN_LINK_MINUTES } from '../core/people/sign-in-link';
import type { Services } from '../services';
import type { Logger } from '../services/ports/runtime';

export interface AuthDeps {
  config: Pick<Config, 'baseUrl' | 'authSecret' | 'isProduction'>;
  /**
   * better-auth keeps its users, sessions and one-time tokens through the program's own Kysely
   * instance (docs/decisions/0003-auth-storage.md); the composition root hands it over.
   */
  // biome-ignore lint/suspicious/noExplicitAny: better-auth's adapter takes any Kysely schema
  database: { db: Kysely<any>; dialect: 'sqlite' | 'postgres' };
  services: Pick<Services, 'people'>;
  logger: Logger;
}

/** Cookie names start with this (`iln.session_token`, `__Secure-iln.session_token` under https). */
export const AUTH_COOKIE_PREFIX = 'iln';

/**
 * The header through which our routes tell better-auth the client's address (web/client-address.ts,
 * TRUST_PROXY), for the address it keeps with each session. Its default, X-Forwarded-For as sent,
 * would let any client write what it likes there; the web edge sets this header itself and drops
 * any copy the client sent.
 */
export const CLIENT_ADDRESS_HEADER = 'x-iln-client-address';

const snakeCaseDates = { createdAt: 'created_at', updatedAt: 'updated_at' } as const;

/**
 * better-auth, passwordless: the magic-link plugin is the only way in. Its HTTP handler is never
 * mounted; our own routes (src/web/routes/auth-pages.tsx) call `auth.api.*` on the server, so there
 * is no public sign-up, no password endpoint and no way around our rate limit or the rule that only
 * people in the `people` table may sign in.
 *
 * Storage: the adapter runs on our own Kysely instance. It is told `type: 'sqlite'` on both
 * databases so that it writes instants as ISO-8601 text and flags as 0/1, the project's portable
 * encoding (docs/decisions/0003-auth-storage.md); the SQL it issues (RETURNING, LIMIT, LOWER …
 * LIKE) is the same on PostgreSQL. Its start-up schema check only understands SQLite's catalogue,
 * so it runs on SQLite only; the same migration serves both.
 */
export const createAuth = (deps: AuthDeps) => {
  const { config, database, services, logger } = deps;
  const isHttps = config.baseUrl.startsWith('https:');
  return betterAuth({
    appName: 'International Librarians Network',
    baseURL: config.baseUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    database: { db: database.db, type: 'sqlite', transaction: true },
    user: {
      modelName: 'auth_users',
      fields: { emailVerified: 'email_verified', ...snakeCaseDates },
    },
    session: {
      modelName: 'auth_sessions',
      fields: {
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        userId: 'user_id',
        ...snakeCaseDates,
      },
      // The idle lifetime, refreshed at most once in SESSION_REFRESH_MINUTES of use; the absolute
      // lifetime is enforced by web/middleware/session.ts (core/people/session-policy.ts).
      expiresIn: SESSION_IDLE_HOURS * 60 * 60,
      updateAge: SESSION_REFRESH_MINUTES * 60,
    },
    account: {
      modelName: 'auth_accounts',
      fields: {
        accountId: 'account_id',
        providerId: 'provider_id',
        userId: 'user_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        ...snakeCaseDates,
      },
    },
    verification: {
      modelName: 'auth_verifications',
      fields: { expiresAt: 'expires_at', ...snakeCaseDates },
    },
    emailAndPassword: { enabled: false },
    // Our form handler keeps its own durable counts (sign_in_attempts); better-auth's limiter is
    // in memory and its endpoints are not reachable from outside anyway.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: AUTH_COOKIE_PREFIX,
      useSecureCookies: isHttps,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: isHttps, path: '/' },
      database: { generateId: () => randomUUID(), validateSchema: database.dialect === 'sqlite' },
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    logger: {
      level: 'warn',
      log: (level, message, ...args) => {
        const log = level === 'error' ? logger.error : level === 'warn' ? logger.warn : logger.debug;
        log.call(logger, { args, area: 'better-auth' }, message);
      },
    },
    databaseHooks: {
      user: {
        create: {
          // Nobody becomes a better-auth user unless they are a person of the program first.
          before: async (user) => {
            const person = await services.people.findPersonByEmail(user.email);
            if (!person) return false;
            return { data: { ...user, email: person.email, name: person.name } };
          },
        },
      },
    },
    plugins: [
      magicLink({
        expiresIn: SIGN_IN_LINK_MINUTES * 60,
        storeToken: 'hashed',
        // The link goes by email only; it is never logged, in development either (a newcomer
        // without a mail server finds it in the development outbox).
        sendMagicLink: async ({ email, token, metadata }) => {
          const next = typeof metadata?.next === 'string' ? metadata.next : undefined;
          const locale = typeof metadata?.locale === 'string' ? metadata.locale : undefined;
          await services.people.sendSignInLink({ email, token, next, locale });
        },
      }),
    ],
  });
};

export type Auth = ReturnType<typeof createAuth>;

/** Whether a Cookie header carries a session cookie at all (no database call when it does not). */
export const hasSessionCookie = (cookieHeader: string | undefined | null): boolean =>
  !!cookieHeader && /(?:^|;\s*)(?:__Secure-)?iln\.session_token=/.test(cookieHeader);
