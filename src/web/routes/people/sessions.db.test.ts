import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestAppOptions } from '../../../../tests/support/test-app';
import { SESSION_ABSOLUTE_DAYS, SESSION_IDLE_HOURS } from '../../../core/people/session-policy';
import { SIGN_IN_LINK_MINUTES } from '../../../core/people/sign-in-link';

// Sessions (issue 12, item 6): a new session on every sign-in, single-use short-lived links, idle
// and absolute lifetimes, signing out everywhere, and no token or cookie value in the log.

let t: TestApp;
const DAY = 86_400_000;

const setUp = async (options: TestAppOptions = {}) => {
  await t?.dispose();
  t = await createTestApp({ now: new Date(), ...options });
  for (const [email, name] of [
    ['lead@example.org', 'Lead'],
    ['other@example.org', 'Other'],
  ] as const) {
    await t.ctx.services.people.createCoordinator({ email, name, countryCodes: [], actorPersonId: null });
  }
};

beforeEach(async () => {
  await setUp();
});
afterEach(async () => {
  await t.dispose();
});

const requestLink = async (email: string, headers: Record<string, string> = {}) => {
  t.clock.advance(1000); // so that the newest email is the one just sent
  const response = await t.postForm('/sign-in', { email }, { headers });
  expect(response.status).toBe(200);
  const [message] = await t.database.db
    .selectFrom('mail_messages')
    .select('text_body')
    .where('to_address', '=', email)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const link = message?.text_body.match(/https?:\/\/[^/\s]+(\/sign-in\/verify\?\S+)/)?.[1];
  if (!link) throw new Error(`no link to ${email}`);
  return link;
};

/** Signs in and returns the session cookie's value. */
const signIn = async (email: string, headers: Record<string, string> = {}) => {
  const response = await t.request(await requestLink(email, headers), { headers });
  expect(response.status).toBe(303);
  const value = t.cookies.get('iln.session_token');
  if (!value) throw new Error('no session cookie');
  return value;
};

const asCookie = (value: string) => ({ headers: { cookie: `iln.session_token=${value}` } });
const isSignedIn = async (value: string) =>
  (await t.app.request('/coordinator', asCookie(value))).status === 200;

test('no session fixation: a session cookie set before sign-in is never the one after', async () => {
  // A value planted by someone else (a shared computer, a cookie-setting subdomain).
  t.cookies.set('iln.session_token', 'planted-by-an-attacker.signature');
  const planted = t.cookies.get('iln.session_token')!;
  const after = await signIn('lead@example.org');
  expect(after).not.toBe(planted);
  expect(await isSignedIn(planted)).toBe(false);
  expect(await isSignedIn(after)).toBe(true);

  // Signing in again over a live session makes a new one too.
  const again = await signIn('other@example.org');
  expect(again).not.toBe(after);
  const tokens = await t.database.db.selectFrom('auth_sessions').select('token').execute();
  expect(tokens).toHaveLength(2);
  expect(tokens.map((row) => row.token)).not.toContain(planted.split('.')[0]);
});

test('a sign-in link is short-lived and works once', async () => {
  const before = Date.now();
  const link = await requestLink('lead@example.org');
  const [verification] = await t.database.db.selectFrom('auth_verifications').selectAll().execute();
  const lifetime = Date.parse(verification?.expires_at ?? '') - before;
  expect(lifetime).toBeGreaterThan(SIGN_IN_LINK_MINUTES * 60_000 - 5_000);
  expect(lifetime).toBeLessThanOrEqual(SIGN_IN_LINK_MINUTES * 60_000 + 5_000);
  expect(SIGN_IN_LINK_MINUTES).toBe(15);

  expect((await t.request(link)).status).toBe(303);
  // Used: the row is gone, and a second click (another browser) gets the "no longer works" page.
  expect(await t.database.db.selectFrom('auth_verifications').selectAll().execute()).toEqual([]);
  t.cookies.clear();
  expect((await t.request(link)).status).toBe(400);
  expect(t.cookies.has('iln.session_token')).toBe(false);
});

test('two clicks on one link at once make one session at most', async () => {
  const link = await requestLink('lead@example.org');
  const responses = await Promise.all([t.app.request(link), t.app.request(link), t.app.request(link)]);
  expect(responses.map((response) => response.status).sort()).toEqual([303, 400, 400]);
  expect(await t.database.db.selectFrom('auth_sessions').selectAll().execute()).toHaveLength(1);
});

test('a session ends after its idle lifetime without use', async () => {
  const session = await signIn('lead@example.org');
  const [row] = await t.database.db
    .selectFrom('auth_sessions')
    .select(['expires_at', 'created_at'])
    .execute();
  const idle = Date.parse(row?.expires_at ?? '') - Date.parse(row?.created_at ?? '');
  expect(Math.round(idle / 3_600_000)).toBe(SESSION_IDLE_HOURS);
  // Time passes without a request (better-auth keeps the expiry as an instant in the row).
  await t.database.db
    .updateTable('auth_sessions')
    .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
    .execute();
  expect(await isSignedIn(session)).toBe(false);
});

/** Makes every session look as if it was made `days` ago (sessions keep the system clock's time). */
const ageSessions = (days: number) =>
  t.database.db
    .updateTable('auth_sessions')
    .set({ created_at: new Date(Date.now() - days * DAY).toISOString() })
    .execute();

test('a session ends after its absolute lifetime whatever the use, and its cookie is cleared', async () => {
  const session = await signIn('lead@example.org');
  await ageSessions(SESSION_ABSOLUTE_DAYS - 0.01);
  expect((await t.request('/coordinator')).status).toBe(200);
  await ageSessions(SESSION_ABSOLUTE_DAYS);
  const response = await t.request('/coordinator');
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toMatch(/^\/sign-in/);
  expect(t.cookies.has('iln.session_token')).toBe(false);
  expect(await t.database.db.selectFrom('auth_sessions').selectAll().execute()).toEqual([]);
  expect(await isSignedIn(session)).toBe(false);
});

test('sign out everywhere ends every session of the person, and only theirs, and is audited', async () => {
  const laptop = await signIn('lead@example.org');
  t.cookies.delete('iln.session_token');
  const phone = await signIn('lead@example.org', { 'x-forwarded-for': '203.0.113.40' });
  t.cookies.delete('iln.session_token');
  const colleague = await signIn('other@example.org');
  t.cookies.set('iln.session_token', phone);
  expect(await isSignedIn(laptop)).toBe(true);

  const page = await t.request('/sign-out/everywhere');
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('<form method="post" action="/sign-out/everywhere">');
  expect(html).toContain('name="_csrf"');
  expect(html).toContain(`after ${SESSION_IDLE_HOURS} hours without use`);

  const response = await t.postForm(
    '/sign-out/everywhere',
    {},
    { headers: { 'x-forwarded-for': '203.0.113.41' } },
  );
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/sign-in');
  expect(t.cookies.has('iln.session_token')).toBe(false);
  expect(await isSignedIn(laptop)).toBe(false);
  expect(await isSignedIn(phone)).toBe(false);
  expect(await isSignedIn(colleague)).toBe(true);

  const audit = await t.database.db
    .selectFrom('audit_log')
    .select(['action', 'channel', 'client_address'])
    .where('action', '=', 'person.signed-out-everywhere')
    .execute();
  expect(audit).toEqual([
    { action: 'person.signed-out-everywhere', channel: 'web', client_address: '203.0.113.41' },
  ]);
  // Signed out, the page asks for a sign-in first.
  expect((await t.request('/sign-out/everywhere')).status).toBe(303);
});

test('the address kept with a session is the client as TRUST_PROXY decides, never a header the client wrote', async () => {
  await signIn('lead@example.org', { 'x-forwarded-for': '198.51.100.7', 'x-iln-client-address': '6.6.6.6' });
  const rows = await t.database.db.selectFrom('auth_sessions').select('ip_address').execute();
  expect(rows).toEqual([{ ip_address: '198.51.100.7' }]);

  await setUp({ env: { TRUST_PROXY: 'off' } });
  await signIn('lead@example.org', { 'x-forwarded-for': '198.51.100.7' });
  // No proxy trusted: the client is the peer (tests have no socket: this machine).
  expect(await t.database.db.selectFrom('auth_sessions').select('ip_address').execute()).toEqual([
    { ip_address: '127.0.0.1' },
  ]);
});

test('no sign-in token or cookie value is ever written to the log', async () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  await setUp({ logger: pino({ level: 'trace' }, stream) });
  const link = await requestLink('lead@example.org');
  const token = new URL(link, 'http://localhost').searchParams.get('token')!;
  const response = await t.request(link);
  const setCookies = response.headers.getSetCookie();
  await t.request('/coordinator');
  await t.request('/coordinator/people');
  await t.request('/sign-in/verify?token=made-up-token-value');
  await t.request(link); // used again
  await ageSessions(SESSION_ABSOLUTE_DAYS); // ends the session, which is logged
  await t.request('/coordinator');
  const second = await signIn('lead@example.org');
  await t.postForm('/sign-out/everywhere');

  const secrets = [
    token,
    second,
    second.split('.')[0]!,
    ...setCookies.map((header) => header.split(';')[0]!.split('=').slice(1).join('=')),
    ...(await t.database.db.selectFrom('auth_verifications').select('identifier').execute()).map(
      (row) => row.identifier,
    ),
  ].filter((secret) => secret.length >= 16);
  expect(secrets.length).toBeGreaterThanOrEqual(4);
  expect(lines.length).toBeGreaterThanOrEqual(3);
  const log = lines.join('');
  for (const secret of secrets) expect(log).not.toContain(secret);
  expect(log).not.toContain('/sign-in/verify?token=');
  expect(log).toContain('signed in');
  expect(log).toContain('signed out everywhere');
});
