import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRoundsRepository } from '../../src/db/repositories/rounds/rounds-repository';
import { enqueueRawMail, startTestSmtpServer, type TestSmtpServer, testAppContext } from '../support/mail';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase, testDialect } from '../support/test-database';
import { makeRound } from '../support/test-round';

// Two real `iln serve` processes on one PostgreSQL database (issue 12, item 8): a session made on
// one works on the other and ends on both; a burst of mail is delivered exactly once between their
// mail workers; a round due to close is closed once, with one audit entry, though both schedules
// find it due at start. Two servers share a database only on PostgreSQL: the embedded SQLite
// database belongs to the one machine and process that serve it (README, "Deployment").

const MAIL_BURST = 300;

describe.skipIf(testDialect() !== 'postgres')('two servers on one PostgreSQL database', () => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let servers: ServerProcess[] = [];
  const dataDirs: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    if (database.location.dialect !== 'postgres') throw new Error('a PostgreSQL test database was expected');
    smtp = await startTestSmtpServer();
    const ctx = testAppContext(database);
    await ctx.services.people.createCoordinator({
      email: 'lead@example.org',
      name: 'Lead',
      countryCodes: [],
      actorPersonId: null,
    });
    // Applications closed long ago: the first pass of each server's schedule finds it due.
    await createRoundsRepository(database.db).insertRound(
      makeRound({ id: 'due', name: 'Due round', status: 'open' }),
      new Date('2025-01-01T00:00:00Z'),
    );
    const env = {
      DATABASE_URL: database.location.url,
      AUTH_SECRET: 'two-servers-share-one-secret-0123456789',
      SMTP_URL: smtp.url,
      HOST: '127.0.0.1',
      MAIL_FROM: 'ILN <noreply@iln.example.org>',
    };
    // Started together, so that their first passes of the schedule race.
    servers = await Promise.all(
      [0, 1].map(() => {
        const dataDir = mkdtempSync(join(tmpdir(), 'iln-two-'));
        dataDirs.push(dataDir);
        return startServerProcess({ dataDir, env });
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    await smtp?.close();
    await database?.dispose();
  });

  const [a, b] = [() => servers[0]!, () => servers[1]!];

  test('a round due to close is closed once, with one audit entry', async () => {
    const deadline = Date.now() + 30_000;
    let status = '';
    while (Date.now() < deadline) {
      status = (
        await database.db
          .selectFrom('rounds')
          .select('status')
          .where('id', '=', 'due')
          .executeTakeFirstOrThrow()
      ).status;
      if (status === 'closed') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe('closed');
    // Both schedules have made their first pass by now (the round was due before either started).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const entries = await database.db
      .selectFrom('audit_log')
      .select(['action', 'channel'])
      .where('subject_id', '=', 'due')
      .where('action', '=', 'round.transitioned')
      .execute();
    expect(entries).toEqual([{ action: 'round.transitioned', channel: 'schedule' }]);
  }, 60_000);

  test('a session made on one server works on the other, and signing out on either ends it on both', async () => {
    const csrfOf = async (server: ServerProcess) => {
      const response = await fetch(`${server.baseUrl}/sign-in`);
      const cookie = response.headers
        .getSetCookie()
        .map((header) => header.split(';')[0])
        .join('; ');
      const token = (await response.text()).match(/<meta name="csrf-token" content="([^"]+)"/)?.[1] ?? '';
      return { cookie, token };
    };
    const { cookie: csrfCookie, token } = await csrfOf(a());
    const asked = await fetch(`${a().baseUrl}/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
      body: new URLSearchParams({ _csrf: token, email: 'lead@example.org' }),
    });
    expect(asked.status).toBe(200);
    const mail = await database.db
      .selectFrom('mail_messages')
      .select('text_body')
      .where('kind', '=', 'sign-in-link')
      .executeTakeFirstOrThrow();
    const link = mail.text_body.match(/https?:\/\/[^/\s]+(\/sign-in\/verify\?\S+)/)?.[1];
    expect(link).toBeDefined();

    // The link made by server A is followed on server B, once.
    const verified = await fetch(`${b().baseUrl}${link}`, { redirect: 'manual' });
    expect(verified.status).toBe(303);
    const session = verified.headers
      .getSetCookie()
      .find((header) => header.startsWith('iln.session_token='))
      ?.split(';')[0];
    expect(session).toBeDefined();
    expect((await fetch(`${a().baseUrl}${link}`, { redirect: 'manual' })).status).toBe(400);

    const dashboard = (server: ServerProcess) =>
      fetch(`${server.baseUrl}/coordinator`, { headers: { cookie: session! }, redirect: 'manual' });
    expect((await dashboard(a())).status).toBe(200);
    expect((await dashboard(b())).status).toBe(200);

    const { cookie: csrfOnB, token: tokenOnB } = await csrfOf(b());
    const signedOut = await fetch(`${b().baseUrl}/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${csrfOnB}; ${session}` },
      body: new URLSearchParams({ _csrf: tokenOnB }),
      redirect: 'manual',
    });
    expect(signedOut.status).toBe(303);
    expect((await dashboard(a())).status).toBe(303);
    expect((await dashboard(b())).status).toBe(303);
  }, 60_000);

  test(`a burst of ${MAIL_BURST} emails is delivered exactly once between both mail workers`, async () => {
    const before = smtp.received.length;
    const now = new Date();
    for (let index = 0; index < MAIL_BURST; index++) {
      await enqueueRawMail(
        database.db,
        {
          to: `burst-${index}@example.org`,
          subject: `Burst ${index}`,
          html: `<p>Burst ${index}</p>`,
          text: `Burst ${index}`,
          kind: 'test-burst',
          dedupeKey: `burst:${index}`,
        },
        now,
      );
    }
    const deadline = Date.now() + 60_000;
    for (;;) {
      const pending = await database.db
        .selectFrom('mail_messages')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('kind', '=', 'test-burst')
        .where('status', '!=', 'sent')
        .executeTakeFirstOrThrow();
      if (Number(pending.count) === 0) break;
      if (Date.now() > deadline) throw new Error(`${pending.count} emails still unsent after 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const burst = smtp.received.slice(before).filter((message) => /^Burst \d+$/.test(message.subject ?? ''));
    expect(burst).toHaveLength(MAIL_BURST);
    expect(new Set(burst.map((message) => message.messageId)).size).toBe(MAIL_BURST);
    expect(new Set(burst.map((message) => message.envelopeTo[0])).size).toBe(MAIL_BURST);
    // Every message was claimed exactly once (a claim counts as an attempt).
    const attempts = await database.db
      .selectFrom('mail_messages')
      .select('attempts')
      .where('kind', '=', 'test-burst')
      .execute();
    expect(attempts.every((row) => Number(row.attempts) === 1)).toBe(true);
  }, 120_000);
});
