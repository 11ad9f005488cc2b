import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestAppOptions } from '../../../../tests/support/test-app';
import { createPeopleRepository } from '../../../db/repositories/people/people-repository';

let t: TestApp;

const setUp = async (options: TestAppOptions = {}) => {
  await t?.dispose();
  t = await createTestApp({ now: new Date('2027-02-01T09:00:00Z'), ...options });
  const people = createPeopleRepository(t.database.db);
  await t.ctx.services.people.createCoordinator({
    email: 'lead@example.org',
    name: 'Lead',
    countryCodes: [],
    actorPersonId: null,
  });
  await t.ctx.services.people.createCoordinator({
    email: 'kenya@example.org',
    name: 'Wanjiru',
    countryCodes: ['KE'],
    actorPersonId: null,
  });
  const participant = await people.createPerson(
    { email: 'participant@example.org', name: 'Pat' },
    t.ctx.now(),
  );
  await people.grantRole(participant.id, { role: 'participant', countryCode: null }, t.ctx.now());
};

const captureLogs = () => {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
};

beforeEach(async () => {
  await setUp();
});
afterEach(async () => {
  await t.dispose();
});

const mailTo = (address: string) =>
  t.database.db
    .selectFrom('mail_messages')
    .selectAll()
    .where('to_address', '=', address)
    .orderBy('created_at')
    .execute();

const linkIn = (text: string): string => {
  const match = text.match(/https?:\/\/[^/\s]+(\/sign-in\/verify\?\S+)/);
  if (!match?.[1]) throw new Error(`no sign-in link in:\n${text}`);
  return match[1];
};

/** Asks for a link and returns the path of the link in the newest email to the address. */
const requestLink = async (email: string, fields: Record<string, string> = {}) => {
  const response = await t.postForm('/sign-in', { email, ...fields });
  expect(response.status).toBe(200);
  const messages = await mailTo(email.toLowerCase());
  return linkIn(messages.at(-1)?.text_body ?? '');
};

const signIn = async (email: string) => {
  const response = await t.request(await requestLink(email));
  expect(response.status).toBe(303);
  return response;
};

test('the sign-in page has a labelled email field and a CSRF field, and works without JavaScript', async () => {
  const response = await t.request('/sign-in');
  expect(response.status).toBe(200);
  const page = await response.text();
  expect(page).toMatch(/<label[^>]*for="field-email"[^>]*>Email address/);
  expect(page).toMatch(/<input[^>]*id="field-email"[^>]*type="email"/);
  expect(page).toMatch(/<form method="post" action="\/sign-in"/);
  expect(page).toContain('name="_csrf"');
});

test('a known coordinator gets exactly one email with a one-time link; an unknown address gets none and the same page', async () => {
  const known = await t.postForm('/sign-in', { email: 'Lead@Example.org' });
  const unknown = await t.postForm('/sign-in', { email: 'stranger@example.org' });
  expect(known.status).toBe(200);
  expect(unknown.status).toBe(200);
  const knownPage = (await known.text()).replaceAll('lead@example.org', 'EMAIL');
  const unknownPage = (await unknown.text()).replaceAll('stranger@example.org', 'EMAIL');
  expect(knownPage).toBe(unknownPage);
  expect(knownPage).toContain('Check your email');

  const messages = await t.database.db.selectFrom('mail_messages').selectAll().execute();
  expect(messages).toHaveLength(1);
  const [message] = messages;
  expect(message).toMatchObject({
    to_address: 'lead@example.org',
    kind: 'sign-in-link',
    status: 'pending',
    subject: 'Your sign-in link for the International Librarians Network',
  });
  expect(message?.text_body).toContain('expires in 15 minutes');
  expect(message?.text_body).toContain('Hello Lead,');
  const link = linkIn(message?.text_body ?? '');
  expect(message?.html_body).toContain(`href="http://localhost:3000${link.replaceAll('&', '&amp;')}"`);
  // The token is stored hashed: the link's token is nowhere in the database.
  const token = new URL(link, 'http://localhost').searchParams.get('token') ?? '';
  const verifications = await t.database.db.selectFrom('auth_verifications').selectAll().execute();
  expect(verifications).toHaveLength(1);
  expect(JSON.stringify(verifications)).not.toContain(token);
});

test('a malformed address shows the message next to the field and keeps what was typed', async () => {
  const response = await t.postForm('/sign-in', { email: 'lead@' });
  expect(response.status).toBe(422);
  const page = await response.text();
  expect(page).toContain('id="field-email-error"');
  expect(page).toContain('Enter an email address in the correct format');
  expect(page).toMatch(/<input[^>]*value="lead@"/);
  expect(await t.database.db.selectFrom('mail_messages').selectAll().execute()).toEqual([]);
});

test('following the link signs a coordinator in and reaches the dashboard; sign-out ends the session', async () => {
  const response = await signIn('lead@example.org');
  expect(response.headers.get('location')).toBe('/coordinator');
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('iln.session_token='));
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  expect(cookie).not.toMatch(/Secure/i); // http://localhost

  const dashboard = await t.request('/coordinator');
  expect(dashboard.status).toBe(200);
  expect(await dashboard.text()).toContain('Welcome, Lead');
  expect(await t.database.db.selectFrom('auth_sessions').selectAll().execute()).toHaveLength(1);
  const users = await t.database.db
    .selectFrom('auth_users')
    .select(['email', 'name', 'email_verified'])
    .execute();
  expect(users).toEqual([{ email: 'lead@example.org', name: 'Lead', email_verified: 1 }]);

  const signOut = await t.postForm('/sign-out');
  expect(signOut.status).toBe(303);
  expect(signOut.headers.get('location')).toBe('/sign-in');
  expect(t.cookies.has('iln.session_token')).toBe(false);
  expect(await t.database.db.selectFrom('auth_sessions').selectAll().execute()).toEqual([]);
  const after = await t.request('/coordinator');
  expect(after.status).toBe(303);
});

test('an old session cookie no longer works after sign-out', async () => {
  await signIn('lead@example.org');
  const stolen = `iln.session_token=${t.cookies.get('iln.session_token')}`;
  await t.postForm('/sign-out');
  const response = await t.app.request('/coordinator', { headers: { cookie: stolen } });
  expect(response.status).toBe(303);
});

test('a link works once', async () => {
  const link = await requestLink('lead@example.org');
  expect((await t.request(link)).status).toBe(303);
  t.cookies.clear();
  const second = await t.request(link);
  expect(second.status).toBe(400);
  const page = await second.text();
  expect(page).toContain('This sign-in link no longer works');
  expect(page).toContain('href="/sign-in"');
  expect(t.cookies.has('iln.session_token')).toBe(false);
});

test('an expired link fails', async () => {
  const link = await requestLink('lead@example.org');
  await t.database.db
    .updateTable('auth_verifications')
    .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
    .execute();
  const response = await t.request(link);
  expect(response.status).toBe(400);
  expect(await response.text()).toContain('This sign-in link no longer works');
  expect(t.cookies.has('iln.session_token')).toBe(false);
});

test('a made-up token fails without an error page', async () => {
  const response = await t.request('/sign-in/verify?token=not-a-real-token');
  expect(response.status).toBe(400);
  expect((await t.request('/sign-in/verify')).status).toBe(400);
});

test('the page asked for before signing in is where the link leads, and only local paths are followed', async () => {
  const anonymous = await t.request('/coordinator?round=r1');
  expect(anonymous.status).toBe(303);
  expect(anonymous.headers.get('location')).toBe('/sign-in?next=%2Fcoordinator%3Fround%3Dr1');
  const form = await (await t.request('/sign-in?next=%2Fcoordinator%3Fround%3Dr1')).text();
  expect(form).toContain('name="next" value="/coordinator?round=r1"');

  const link = await requestLink('lead@example.org', { next: '/coordinator?round=r1' });
  expect((await t.request(link)).headers.get('location')).toBe('/coordinator?round=r1');

  const evil = await requestLink('lead@example.org', { next: '//evil.example/' });
  expect((await t.request(evil)).headers.get('location')).toBe('/coordinator');
});

test('a participant is signed in, lands on their area, but may not open coordinator pages (403)', async () => {
  const response = await signIn('participant@example.org');
  expect(response.headers.get('location')).toBe('/participant');
  const dashboard = await t.request('/coordinator');
  expect(dashboard.status).toBe(403);
  expect(await dashboard.text()).toContain('You do not have access to this page');
});

test('nobody can lock a coordinator out: strangers asking for their link from many networks never make the owner’s request fail', async () => {
  const fromIp = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
  for (let index = 0; index < 12; index++) {
    const response = await t.postForm(
      '/sign-in',
      { email: 'lead@example.org' },
      fromIp(`203.0.113.${index}`),
    );
    expect(response.status).toBe(200);
  }
  // The owner asks from their own network: the same "check your email" page, not a 429.
  const owner = await t.postForm('/sign-in', { email: 'LEAD@example.org' }, fromIp('198.51.100.1'));
  expect(owner.status).toBe(200);
  expect(await owner.text()).toContain('Check your email');
  // At most three emails in a quarter of an hour, and every one of them still works: the owner signs
  // in with the newest one.
  const mails = await mailTo('lead@example.org');
  expect(mails).toHaveLength(3);
  expect((await t.request(linkIn(mails.at(-1)!.text_body))).status).toBe(303);
  t.cookies.delete('iln.session_token');
  expect((await t.request(linkIn(mails[0]!.text_body))).status).toBe(303);
  // Once the oldest of them is a quarter of an hour old, asking again sends a fresh link.
  t.clock.advance(15 * 60_000 + 1000);
  expect((await t.postForm('/sign-in', { email: 'lead@example.org' }, fromIp('198.51.100.1'))).status).toBe(
    200,
  );
  expect(await mailTo('lead@example.org')).toHaveLength(4);
});

test('the per-address limit answers known and unknown addresses alike (no enumeration)', async () => {
  const pages: string[] = [];
  for (const email of ['lead@example.org', 'stranger@example.org']) {
    for (let index = 0; index < 6; index++) {
      const response = await t.postForm(
        '/sign-in',
        { email },
        { headers: { 'x-forwarded-for': `192.0.2.${index}` } },
      );
      expect(response.status).toBe(200);
      pages.push((await response.text()).replaceAll(email, 'EMAIL'));
    }
  }
  expect(new Set(pages).size).toBe(1);
  expect(await mailTo('stranger@example.org')).toEqual([]);
});

test('sign-in requests are limited per IP address', async () => {
  const fromIp = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
  for (let index = 0; index < 20; index++) {
    const response = await t.postForm(
      '/sign-in',
      { email: `person${index}@example.org` },
      fromIp('203.0.113.7'),
    );
    expect(response.status).toBe(200);
  }
  expect((await t.postForm('/sign-in', { email: 'lead@example.org' }, fromIp('203.0.113.7'))).status).toBe(
    429,
  );
  expect(await mailTo('lead@example.org')).toEqual([]);
  expect((await t.postForm('/sign-in', { email: 'lead@example.org' }, fromIp('198.51.100.1'))).status).toBe(
    200,
  );
});

test('a country coordinator sees counts for their own countries only; a program coordinator sees all', async () => {
  const db = t.database.db;
  const at = '2027-01-01T00:00:00.000Z';
  await db
    .insertInto('countries')
    .values([{ code: 'AU', name: 'Australia' }])
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await db
    .insertInto('rounds')
    .values({
      id: 'round-1',
      name: 'March 2027',
      status: 'open',
      time_zone: 'Australia/Sydney',
      applications_open_at: at,
      applications_close_at: '2027-02-20T12:59:00.000Z',
      starts_on: '2027-03-01',
      ends_on: '2027-06-30',
      quota_enabled: 1,
      quota_percent: 20,
      quota_minimum_places: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const application = (id: string, countryCode: string, status: string) => ({
    id,
    round_id: 'round-1',
    person_id: null,
    email: `${id}@example.org`,
    name: id,
    country_code: countryCode,
    status,
    answers: '{}',
    edit_token_hash: null,
    submitted_at: at,
    updated_at: at,
  });
  await db
    .insertInto('applications')
    .values([
      application('ke1', 'KE', 'pending'),
      application('ke2', 'KE', 'accepted'),
      application('au1', 'AU', 'pending'),
      application('au2', 'AU', 'pending'),
      application('au3', 'AU', 'waitlisted'),
    ])
    .execute();

  await signIn('kenya@example.org');
  const kenya = await (await t.request('/coordinator')).text();
  expect(kenya).toContain('March 2027');
  expect(kenya).toContain('country coordinator for Kenya');
  expect(kenya).toContain('2 in total');
  expect(kenya).toMatch(
    /<li data-status="pending"><a href="[^"]*\/applications\?status=pending">Pending: 1<\/a><\/li>/,
  );
  expect(kenya).toMatch(
    /<li data-status="accepted"><a href="[^"]*\/applications\?status=accepted">Accepted: 1<\/a><\/li>/,
  );
  expect(kenya).not.toContain('data-status="waitlisted"');

  await t.postForm('/sign-out');
  await signIn('lead@example.org');
  const lead = await (await t.request('/coordinator')).text();
  expect(lead).toContain('5 in total');
  expect(lead).toMatch(
    /<li data-status="pending"><a href="[^"]*\/applications\?status=pending">Pending: 3<\/a><\/li>/,
  );
  expect(lead).toMatch(
    /<li data-status="waitlisted"><a href="[^"]*\/applications\?status=waitlisted">Waitlisted: 1<\/a><\/li>/,
  );
  expect(lead).toContain('href="/outbox"');
});

test('requests without a session cookie do not touch the session tables', async () => {
  const response = await t.request('/sign-in');
  expect(response.status).toBe(200);
  expect(response.headers.getSetCookie().some((header) => header.startsWith('iln.session_token'))).toBe(
    false,
  );
});

test('the link is never logged, outside production either (the development outbox has it)', async () => {
  const { lines, logger } = captureLogs();
  await setUp({ logger });
  const link = await requestLink('lead@example.org');
  const token = new URL(link, 'http://localhost').searchParams.get('token') ?? '';
  expect(token.length).toBeGreaterThan(20);
  expect(JSON.stringify(lines)).not.toContain(token);
  expect(JSON.stringify(lines)).not.toContain('/sign-in/verify');
});

test('in production under https the link is not logged and the session cookie is Secure', async () => {
  const { lines, logger } = captureLogs();
  await setUp({ logger, env: { NODE_ENV: 'production', BASE_URL: 'https://iln.example.org' } });
  const origin = { headers: { origin: 'https://iln.example.org' } };
  const page = await t.request('/sign-in', origin);
  const token = (await page.text()).match(/<meta name="csrf-token" content="([^"]+)"/)?.[1] ?? '';
  const body = new URLSearchParams({ _csrf: token, email: 'lead@example.org' });
  const response = await t.request('/sign-in', {
    method: 'POST',
    body,
    headers: { ...origin.headers, 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(response.status).toBe(200);
  expect(JSON.stringify(lines)).not.toContain('/sign-in/verify');
  const [message] = await mailTo('lead@example.org');
  expect(message?.text_body).toContain('https://iln.example.org/sign-in/verify?token=');
  const verified = await t.request(linkIn(message?.text_body ?? ''));
  expect(verified.status).toBe(303);
  const cookie = verified.headers
    .getSetCookie()
    .find((header) => header.startsWith('__Secure-iln.session_token='));
  expect(cookie).toMatch(/; Secure/i);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
});
