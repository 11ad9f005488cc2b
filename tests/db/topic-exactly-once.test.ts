import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { LEASE_MS } from '../../src/core/mail/delivery-policy';
import { DEFAULT_MAIL_CONCURRENCY } from '../../src/services/mail/deliver-due-mail';
import { startTestSmtpServer, type TestSmtpServer } from '../support/mail';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { testDialect } from '../support/test-database';
import {
  createTopicDeliveryScene,
  readDeliveryState,
  summariseMailboxes,
  type TopicDeliveryScene,
} from '../support/topic-delivery-run';

/**
 * A topic sent exactly once by real `iln serve` processes to a real SMTP server on loopback:
 * killed with SIGKILL half way through and restarted; and two servers sharing one PostgreSQL.
 * (SMTP down for a while and back is in src/services/topics/deliver-due-topics.db.test.ts, on a
 * test clock, since real backoff takes minutes.)
 *
 * "Exactly once" is read the way a mailbox reads it: one email per participant, whatever the
 * number of times the same message (same Message-ID) crossed the SMTP boundary. A SIGKILL between
 * the SMTP server's "250 OK" and the record of it may repeat the few messages then in flight; the
 * test checks that those repeats are that few and carry the first send's Message-ID.
 */
let smtp: TestSmtpServer;
let scene: TopicDeliveryScene | undefined;
const servers: ServerProcess[] = [];
beforeEach(async () => {
  smtp = await startTestSmtpServer();
});
afterEach(async () => {
  for (const server of servers.splice(0)) await server.kill();
  await scene?.dispose();
  scene = undefined;
  await smtp.close();
});

const serve = async () => {
  const server = await startServerProcess({
    dataDir: scene!.dataDir,
    env: {
      ...scene!.env,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'ILN <noreply@iln.example.org>',
      LOG_LEVEL: 'info',
    },
  });
  servers.push(server);
  return server;
};

const waitFor = async (
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  pollMs = 100,
) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(pollMs);
  }
};

const allSent = async (count: number) => {
  const state = await readDeliveryState(scene!);
  return state.publishedAt !== null && state.deliveries === count && state.byStatus.sent === count;
};

test('SIGKILL half way through the fan-out, and again half way through sending: every participant has the topic exactly once', async () => {
  const participants = 6000;
  scene = await createTopicDeliveryScene(participants);
  const watcher = scene.open();
  const state = () => readDeliveryState(scene!, watcher);
  try {
    // 1. Killed half way through the fan-out.
    const first = await serve();
    await waitFor('the fan-out to be under way', async () => (await state()).deliveries >= 1000, 60_000, 5);
    await first.kill();
    const atFirstKill = await state();
    expect(atFirstKill.deliveries).toBeGreaterThanOrEqual(1000);
    expect(atFirstKill.deliveries).toBeLessThan(participants);
    expect(atFirstKill.publishedAt).toBeNull();

    // 2. Restarted: it resumes the fan-out and says so; killed again half way through sending.
    const second = await serve();
    await waitFor(
      'a third of the emails to leave',
      () => smtp.received.length >= participants / 3,
      120_000,
      5,
    );
    await second.kill();
    const sentAtSecondKill = smtp.received.length;
    const atSecondKill = await state();
    expect(sentAtSecondKill).toBeLessThan(participants);
    // pino writes the message as JSON: its quotes are escaped.
    expect(second.output()).toContain(
      `resuming topic \\"Getting to know you\\": ${atFirstKill.deliveries} already queued`,
    );

    // 3. Restarted again: the messages the killed worker held are taken over once their lease runs out.
    await serve();
    await waitFor('every email to be sent', () => allSent(participants), LEASE_MS + 120_000);
    await sleep(500);
    const mailboxes = summariseMailboxes(smtp.received, scene.emails);
    expect(mailboxes.missing).toEqual([]);
    expect(mailboxes.duplicated).toEqual([]);
    expect(mailboxes.strangers).toEqual([]);
    // Only a group of messages in flight at each kill may have crossed the SMTP boundary twice.
    expect(mailboxes.wireRepeats).toBeLessThanOrEqual(2 * DEFAULT_MAIL_CONCURRENCY);
    console.info(
      `SIGKILL test (${testDialect()}): first kill with ${atFirstKill.deliveries} of ${participants} queued; ` +
        `second kill with ${sentAtSecondKill} sent (${atSecondKill.byStatus.sending ?? 0} held under a lease); ` +
        `${smtp.received.length} SMTP deliveries in all, ${mailboxes.wireRepeats} repeated at the SMTP boundary`,
    );
  } finally {
    await watcher.close();
  }
}, 300_000);

test.runIf(testDialect() === 'postgres')(
  'two servers on one PostgreSQL send each participant the topic exactly once',
  async () => {
    const participants = 2000;
    scene = await createTopicDeliveryScene(participants);
    const [a, b] = await Promise.all([serve(), serve()]);
    await waitFor('every email to be sent', () => allSent(participants), 120_000);
    await sleep(1000);
    const mailboxes = summariseMailboxes(smtp.received, scene.emails);
    expect(mailboxes.missing).toEqual([]);
    expect(mailboxes.duplicated).toEqual([]);
    expect(mailboxes.strangers).toEqual([]);
    // No process died: not even a repeat at the SMTP boundary.
    expect(mailboxes.wireRepeats).toBe(0);
    expect(smtp.received).toHaveLength(participants);
    // Both really worked on it.
    const byServer = [a, b].map((server) => (server.output().match(/"msg":"mail sent"/g) ?? []).length);
    console.info(`two servers: emails sent by each ${byServer.join(' and ')}`);
  },
  240_000,
);
