import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  createTestClock,
  enqueueRawMail as enqueueMail,
  type TestClock,
  testAppContext,
} from '../../../../tests/support/mail';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database';
import type { Container } from '../../../composition/container';
import type { Config } from '../../../config/env';
import type { Viewer } from '../../../core/people/viewer';
import { renderEmail } from '../../../email/layout';
import { createOutboxTransport } from '../../../email/transports';
import { getT } from '../../../i18n';
import type { AppEnv } from '../../env';
import { handleError, handleNotFound } from '../../middleware/errors';
import { i18nMiddleware } from '../../middleware/i18n';
import { EMAIL_HTML_CSP, outboxPages } from './outbox-pages';

/**
 * The outbox routes behind the real i18n and error middleware; the viewer is whoever the test
 * says (the session middleware belongs to the auth area and is tested there).
 */
let database: TestDatabase;
let clock: TestClock;
beforeEach(async () => {
  database = await createTestDatabase();
  clock = createTestClock('2027-03-01T09:00:00.000Z');
});
afterEach(async () => {
  await database.dispose();
});

const t = getT('en');

const programCoordinator: Viewer = {
  personId: 'p-1',
  email: 'lead@iln.example.org',
  name: 'Lead',
  isProgramCoordinator: true,
  coordinatedCountryCodes: [],
};
const countryCoordinator: Viewer = {
  ...programCoordinator,
  isProgramCoordinator: false,
  coordinatedCountryCodes: ['AU'],
};

const appFor = (config: Partial<Config>, viewer: Viewer | null = null) => {
  const ctx: Container = testAppContext(database, { clock, config });
  const app = new Hono<AppEnv>();
  app.onError(handleError(ctx));
  app.notFound(handleNotFound);
  app.use('*', i18nMiddleware());
  app.use(
    '*',
    createMiddleware<AppEnv>(async (c, next) => {
      c.set('viewer', viewer);
      c.set('csrfToken', 'test-token');
      await next();
    }),
  );
  app.route('/outbox', outboxPages(ctx));
  return {
    app,
    ctx,
    local: (path: string, init?: RequestInit) => app.request(path, init, peer('127.0.0.1')),
  };
};

/** What @hono/node-server hands the app: the socket the request came in on. */
const peer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

const queueSignIn = async (to: string, name: string) => {
  const url = `http://localhost:3000/sign-in/verify?token=tok-${name}&next=%2F`;
  const email = renderEmail({
    t,
    locale: 'en',
    heading: `Sign in, ${name}`,
    paragraphs: [`Hello ${name}, use this link to sign in.`],
    action: { label: 'Sign in', url },
  });
  const queued = await enqueueMail(
    database.db,
    { to, subject: `Your sign-in link, ${name}`, ...email, kind: 'sign-in-link' },
    clock.now(),
  );
  clock.advance(1000);
  return { ...queued, url };
};

const h1Count = (body: string) => body.match(/<h1[\s>]/g)?.length ?? 0;

describe('in development without SMTP, from this machine (open to anyone here)', () => {
  const config = { isProduction: false, smtpUrl: undefined };

  test('lists the messages newest first and says plainly that no email is sent', async () => {
    const { local, ctx } = appFor(config);
    const first = await queueSignIn('ana@example.org', 'Ana');
    await ctx.services.mail.deliverDue({ transport: createOutboxTransport(), mailFrom: ctx.config.mailFrom });
    const second = await queueSignIn('bo@example.org', '<b>Bo</b>');

    const response = await local('/outbox');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.text();
    expect(h1Count(body)).toBe(1);
    expect(body).toContain('<main');
    expect(body).toContain(t('mail:outbox.development.title'));
    expect(body).toContain('Your sign-in link, &lt;b&gt;Bo&lt;/b&gt;');
    expect(body).not.toContain('<b>Bo</b>');
    expect(body.indexOf(`/outbox/${second.id}`)).toBeGreaterThan(-1);
    expect(body.indexOf(`/outbox/${second.id}`)).toBeLessThan(body.indexOf(`/outbox/${first.id}`));
    expect(body).toContain('ana@example.org');
    expect(body).toContain('sign-in-link');
    expect(body).toContain(t('mail:status.inOutbox'));
    expect(body).toContain(t('mail:status.pending'));
  });

  test('an empty outbox says so', async () => {
    const body = await (await appFor(config).local('/outbox')).text();
    expect(body).toContain(t('mail:outbox.empty'));
  });

  test('a message shows its plain text with the link clickable', async () => {
    const { local } = appFor(config);
    const { id, url } = await queueSignIn('ana@example.org', 'Ana');
    const response = await local(`/outbox/${id}`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(h1Count(body)).toBe(1);
    expect(body).toContain('<h1>Your sign-in link, Ana</h1>');
    expect(body).toContain(t('mail:outbox.development.title'));
    const escapedUrl = url.replaceAll('&', '&amp;');
    expect(body).toContain(`<a href="${escapedUrl}">${escapedUrl}</a>`);
    expect(body).toMatch(/<pre class="mail-text">[\s\S]*Hello Ana, use this link to sign in\./);
    expect(body).toContain(`href="/outbox/${id}/html"`);
  });

  test('the HTML version is served on its own under a sandboxing CSP', async () => {
    const { local } = appFor(config);
    const { id } = await queueSignIn('ana@example.org', 'Ana');
    const response = await local(`/outbox/${id}/html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(EMAIL_HTML_CSP);
    expect(EMAIL_HTML_CSP).toMatch(/^sandbox /);
    const body = await response.text();
    expect(body.startsWith('<!DOCTYPE html><html lang="en"')).toBe(true);
    expect(body).toContain('Sign in, Ana');
  });

  test('an unknown message is 404', async () => {
    const { local } = appFor(config);
    expect((await local('/outbox/no-such-message')).status).toBe(404);
    expect((await local('/outbox/no-such-message/html')).status).toBe(404);
  });
});

describe('the development outbox is open only to this machine', () => {
  const config = { isProduction: false, smtpUrl: undefined };

  test('a request from another machine is sent to sign in, whatever Host it names', async () => {
    const { id } = await queueSignIn('lead@example.org', 'Lead');
    const { app } = appFor(config, null);
    for (const path of ['/outbox', `/outbox/${id}`, `/outbox/${id}/html`]) {
      for (const host of ['localhost:3000', '127.0.0.1', 'x']) {
        const response = await app.request(path, { headers: { host } }, peer('203.0.113.9'));
        expect(response.status).toBe(303);
        expect(response.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
        expect(await response.text()).not.toContain('tok-Lead');
      }
    }
  });

  test('a request relayed by a proxy on this machine is not local', async () => {
    const { id } = await queueSignIn('lead@example.org', 'Lead');
    const { app } = appFor(config, null);
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
      const response = await app.request(
        `/outbox/${id}`,
        { headers: { [header]: header === 'forwarded' ? 'for=203.0.113.9' : '203.0.113.9' } },
        peer('127.0.0.1'),
      );
      expect(response.status, header).toBe(303);
    }
  });

  test('without a socket (no peer address) it is closed', async () => {
    const { id } = await queueSignIn('lead@example.org', 'Lead');
    const { app } = appFor(config, null);
    expect((await app.request(`/outbox/${id}`)).status).toBe(303);
  });

  test('in production it is never open, not even to this machine', async () => {
    const { id } = await queueSignIn('lead@example.org', 'Lead');
    const { local } = appFor({ isProduction: true, nodeEnv: 'production', smtpUrl: undefined }, null);
    expect((await local('/outbox')).status).toBe(303);
    expect((await local(`/outbox/${id}`)).status).toBe(303);
  });
});

describe('development settings on a public address (NODE_ENV left unset on a server)', () => {
  test('the outbox is closed: nobody signed in is sent to sign in', async () => {
    const { id } = await queueSignIn('ana@example.org', 'Ana');
    const { app } = appFor(
      { isProduction: false, smtpUrl: undefined, baseUrl: 'https://iln.example.org' },
      null,
    );
    for (const path of ['/outbox', `/outbox/${id}`]) {
      const response = await app.request(path);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
  });
});

describe('in production without SMTP (coordinators only)', () => {
  const config = { isProduction: true, nodeEnv: 'production' as const, smtpUrl: undefined };

  test('nobody signed in is sent to sign in', async () => {
    const { id } = await queueSignIn('ana@example.org', 'Ana');
    const { app } = appFor(config, null);
    for (const path of ['/outbox', `/outbox/${id}`, `/outbox/${id}/html`]) {
      const response = await app.request(path);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
  });

  test('a country coordinator sees nothing of it: not the list of recipients, not a message', async () => {
    const { id } = await queueSignIn('ana@example.org', 'Ana');
    const { app } = appFor(config, countryCoordinator);
    for (const path of ['/outbox', `/outbox/${id}`, `/outbox/${id}/html`]) {
      const response = await app.request(path, {}, peer('127.0.0.1'));
      expect(response.status, path).toBe(403);
      const body = await response.text();
      expect(body).not.toContain('ana@example.org');
      expect(body).not.toContain('Your sign-in link');
    }
  });

  test('the use cases refuse a country coordinator too, whatever the web layer does', async () => {
    const { id } = await queueSignIn('ana@example.org', 'Ana');
    const { ctx } = appFor(config, countryCoordinator);
    const reader = { viewer: countryCoordinator, isLocalDevelopment: false };
    const codeOf = (promise: Promise<unknown>) =>
      promise.then(
        () => 'ok',
        (error: { code?: string }) => error.code,
      );
    expect(await codeOf(ctx.services.mail.listOutbox(reader, 10))).toBe('FORBIDDEN');
    expect(await codeOf(ctx.services.mail.findOutboxMessage(reader, id))).toBe('FORBIDDEN');
    expect(await codeOf(ctx.services.mail.queueStatus(reader, 10))).toBe('FORBIDDEN');
    expect(await codeOf(ctx.services.mail.listOutbox({ viewer: null, isLocalDevelopment: false }, 10))).toBe(
      'UNAUTHENTICATED',
    );
    const lead = { viewer: programCoordinator, isLocalDevelopment: false };
    expect(await codeOf(ctx.services.mail.listOutbox(lead, 10))).toBe('ok');
  });

  test('a program coordinator can read messages', async () => {
    const { id } = await queueSignIn('ana@example.org', 'Ana');
    const { app } = appFor(config, programCoordinator);
    expect((await app.request(`/outbox/${id}`)).status).toBe(200);
  });
});

describe('with SMTP configured (queue status for program coordinators)', () => {
  const config = { isProduction: false, smtpUrl: 'smtp://127.0.0.1:1' };

  test('shows counts by status and the last errors, and no message bodies', async () => {
    const { app, ctx } = appFor(config, programCoordinator);
    const failing = await queueSignIn('ana@example.org', 'Ana');
    await queueSignIn('bo@example.org', 'Bo');
    let calls = 0;
    await ctx.services.mail.deliverDue({
      mailFrom: ctx.config.mailFrom,
      transport: {
        via: 'smtp',
        deliver: async () => {
          calls++;
          if (calls === 1) throw new Error('ECONNREFUSED 127.0.0.1:1');
        },
        close: () => {},
      },
    });
    const response = await app.request('/outbox');
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(h1Count(body)).toBe(1);
    expect(body).toContain(t('mail:queue.title'));
    expect(body).toMatch(new RegExp(`${t('mail:status.pending')}</th><td>1</td>`));
    expect(body).toMatch(new RegExp(`${t('mail:status.sent')}</th><td>1</td>`));
    expect(body).toContain('ECONNREFUSED 127.0.0.1:1');
    expect(body).not.toContain('tok-Ana');
    // Real mail is not readable here, not even by program coordinators.
    const forLead = appFor(config, programCoordinator).app;
    expect((await forLead.request(`/outbox/${failing.id}`)).status).toBe(404);
    expect((await forLead.request(`/outbox/${failing.id}/html`)).status).toBe(404);
  });

  test('is not open to people who are not coordinators', async () => {
    const { app } = appFor(config, null);
    expect((await app.request('/outbox')).status).toBe(303);
  });

  test('a country coordinator does not see other countries’ failing addresses', async () => {
    const { app, ctx } = appFor(config, countryCoordinator);
    await queueSignIn('ana@example.org', 'Ana');
    await ctx.services.mail.deliverDue({
      mailFrom: ctx.config.mailFrom,
      transport: {
        via: 'smtp',
        deliver: async () => {
          throw new Error('550 no such mailbox ana@example.org');
        },
        close: () => {},
      },
    });
    const response = await app.request('/outbox');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('ana@example.org');
  });
});
