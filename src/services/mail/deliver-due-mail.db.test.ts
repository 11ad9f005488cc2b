import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  createTestClock,
  enqueueRawMail,
  startTestMailWorker,
  startTestSmtpServer,
  type TestClock,
  type TestSmtpServer,
  testAppContext,
} from '../../../tests/support/mail';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import type { Container } from '../../composition/container';
import { LEASE_MS, leaseUntil, MAX_ATTEMPTS, retryDelayMs } from '../../core/mail/delivery-policy';
import { createMailQueueRepository } from '../../db/repositories/mail/mail-queue-repository';
import { createOutboxTransport, createSmtpTransport } from '../../email/transports';
import { MailDeliveryError, type MailTransport, type OutgoingMail } from '../ports/mail';
import { messageIdFor } from './deliver-due-mail';

let database: TestDatabase;
let clock: TestClock;
let ctx: Container;
beforeEach(async () => {
  database = await createTestDatabase();
  clock = createTestClock('2027-03-01T09:00:00.000Z');
  ctx = testAppContext(database, { clock });
});
afterEach(async () => {
  await database.dispose();
});

const queue = (n: number, prefix = 'p') =>
  (async () => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const { id } = await enqueueRawMail(
        database.db,
        {
          to: `${prefix}${i}@example.org`,
          subject: `Topic 1 for ${prefix}${i}`,
          html: '<p>Topic</p>',
          text: 'Topic',
          kind: 'topic',
          dedupeKey: `topic:t1:${prefix}${i}`,
        },
        clock.now(),
      );
      ids.push(id);
    }
    return ids;
  })();

/** Records every delivery; yields to the event loop so concurrent passes really interleave. */
const recordingTransport = (log: OutgoingMail[] = []): MailTransport & { log: OutgoingMail[] } => ({
  via: 'smtp',
  log,
  deliver: async (mail) => {
    await sleep(1);
    log.push(mail);
  },
  close: () => {},
});

const failingTransport = (message = '421 Service not available'): MailTransport => ({
  via: 'smtp',
  deliver: async () => {
    throw new Error(message);
  },
  close: () => {},
});

const mailRepository = () => createMailQueueRepository(database.db);
const statusOf = async (id: string) => (await mailRepository().findMailMessage(id))!;

/** One pass of delivery, as the mail job runs it. */
const deliverDueMail = (
  context: Container,
  transport: MailTransport,
  options: { batchSize?: number; concurrency?: number } = {},
) => context.services.mail.deliverDue({ transport, mailFrom: context.config.mailFrom, ...options });
const startMailWorker = startTestMailWorker;

describe('the development outbox', () => {
  test('delivering marks the message sent to the outbox with a stable Message-ID', async () => {
    const [id] = await queue(1);
    expect(await deliverDueMail(ctx, createOutboxTransport())).toBe(1);
    const message = await statusOf(id!);
    expect(message).toMatchObject({
      status: 'sent',
      deliveredVia: 'outbox',
      attempts: 1,
      sentAt: '2027-03-01T09:00:00.000Z',
      messageId: `<${id}@iln.example.org>`,
      lockedUntil: null,
    });
    expect(await deliverDueMail(ctx, createOutboxTransport())).toBe(0);
  });
});

describe('claims', () => {
  test('two concurrent passes deliver every message exactly once', async () => {
    const ids = await queue(25);
    const log: OutgoingMail[] = [];
    const [a, b] = await Promise.all([
      deliverDueMail(ctx, recordingTransport(log), { batchSize: 50 }),
      deliverDueMail(ctx, recordingTransport(log), { batchSize: 50 }),
    ]);
    expect(a + b).toBe(25);
    expect(log).toHaveLength(25);
    expect(new Set(log.map((m) => m.messageId)).size).toBe(25);
    expect(log.map((m) => m.messageId).sort()).toEqual(
      ids.map((id) => messageIdFor(id, ctx.config.mailFrom)).sort(),
    );
    for (const id of ids) expect((await statusOf(id)).status).toBe('sent');
  });

  test('one pass carries several messages at once, each exactly once', async () => {
    const ids = await queue(12);
    let inFlight = 0;
    let most = 0;
    const sent: string[] = [];
    const slow: MailTransport = {
      via: 'smtp',
      deliver: async (mail) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await sleep(20);
        inFlight--;
        sent.push(mail.messageId);
      },
      close: () => {},
    };
    expect(await deliverDueMail(ctx, slow, { batchSize: 50, concurrency: 4 })).toBe(12);
    expect(most).toBe(4);
    expect(new Set(sent).size).toBe(12);
    for (const id of ids) expect((await statusOf(id)).status).toBe('sent');
  });

  test('two running workers and extra passes still deliver each message once', async () => {
    const ids = await queue(30);
    const log: OutgoingMail[] = [];
    const first = startMailWorker(ctx, { intervalMs: 5, batchSize: 7, transport: recordingTransport(log) });
    const second = startMailWorker(ctx, { intervalMs: 5, batchSize: 7, transport: recordingTransport(log) });
    await Promise.all([first.runOnce(), second.runOnce(), first.runOnce()]);
    for (let i = 0; i < 200 && log.length < 30; i++) await sleep(10);
    await Promise.all([first.stop(), second.stop()]);
    expect(log).toHaveLength(30);
    expect(new Set(log.map((m) => m.to)).size).toBe(30);
    for (const id of ids) expect((await statusOf(id)).attempts).toBe(1);
  });

  test('a message held by a crashed worker is re-delivered once its lease runs out, with the same Message-ID', async () => {
    const [id] = await queue(1);
    const crashedAt = clock.now();
    const [crashed] = await mailRepository().claimMails({
      ids: [id!],
      now: crashedAt,
      lockedUntil: leaseUntil(crashedAt),
      leaseToken: 'crashed-worker',
      messageId: { prefix: '<', suffix: '@crashed.example>' },
    });
    expect(crashed?.status).toBe('sending');
    expect(crashed?.messageId).toBe(`<${id}@crashed.example>`);

    const transport = recordingTransport();
    clock.advance(LEASE_MS - 1000);
    expect(await deliverDueMail(ctx, transport)).toBe(0);
    expect(transport.log).toHaveLength(0);

    clock.advance(2000);
    expect(await deliverDueMail(ctx, transport)).toBe(1);
    expect(await deliverDueMail(ctx, transport)).toBe(0);
    expect(transport.log).toHaveLength(1);
    expect(transport.log[0]?.messageId).toBe(crashed?.messageId);
    expect(await statusOf(id!)).toMatchObject({ status: 'sent', attempts: 2 });

    // The crashed worker, should it wake up, cannot record anything over the new outcome.
    expect(
      await mailRepository().markMailsSent({
        ids: [id!],
        leaseToken: 'crashed-worker',
        now: clock.now(),
        via: 'smtp',
      }),
    ).toEqual(new Set());
  });

  test('a message is not claimed before it is due', async () => {
    const [id] = await queue(1);
    await database.db
      .updateTable('mail_messages')
      .set({ next_attempt_at: '2027-03-01T09:05:00.000Z' })
      .where('id', '=', id!)
      .execute();
    const transport = recordingTransport();
    expect(await deliverDueMail(ctx, transport)).toBe(0);
    clock.set('2027-03-01T09:05:00.000Z');
    expect(await deliverDueMail(ctx, transport)).toBe(1);
  });
});

describe('failures', () => {
  test('a failed attempt is retried with exponential backoff', async () => {
    const [id] = await queue(1);
    expect(await deliverDueMail(ctx, failingTransport())).toBe(1);
    expect(await statusOf(id!)).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: '2027-03-01T09:01:00.000Z',
      lastError: '421 Service not available',
      lockedUntil: null,
    });
    expect(await deliverDueMail(ctx, failingTransport())).toBe(0);
    clock.advance(60_000);
    expect(await deliverDueMail(ctx, failingTransport())).toBe(1);
    expect(await statusOf(id!)).toMatchObject({ attempts: 2, nextAttemptAt: '2027-03-01T09:03:00.000Z' });
    clock.advance(120_000);
    const transport = recordingTransport();
    expect(await deliverDueMail(ctx, transport)).toBe(1);
    expect(transport.log).toHaveLength(1);
    expect(await statusOf(id!)).toMatchObject({ status: 'sent', attempts: 3 });
  });

  test('when every message of a group fails for a reason that may pass, the pass stops there', async () => {
    const ids = await queue(12);
    expect(await deliverDueMail(ctx, failingTransport(), { batchSize: 50, concurrency: 4 })).toBe(4);
    const attempts = await Promise.all(ids.map(async (id) => (await statusOf(id)).attempts));
    expect(attempts.filter((n) => n === 1)).toHaveLength(4);
    expect(attempts.filter((n) => n === 0)).toHaveLength(8);
    // A refused address is not a sign that the server is down: the pass goes on.
    const refusing: MailTransport = {
      via: 'smtp',
      deliver: async () => {
        throw new MailDeliveryError('550 no such mailbox', true);
      },
      close: () => {},
    };
    expect(await deliverDueMail(ctx, refusing, { batchSize: 50, concurrency: 4 })).toBe(8);
  });

  test('a lease is renewed only by its holder, and only while the message is being sent', async () => {
    const [id] = await queue(1);
    const claimedAt = clock.now();
    await mailRepository().claimMails({
      ids: [id!],
      now: claimedAt,
      lockedUntil: leaseUntil(claimedAt),
      leaseToken: 'holder',
      messageId: { prefix: '<', suffix: '@x>' },
    });
    clock.advance(LEASE_MS - 1000);
    const renewal = { ids: [id!], lockedUntil: leaseUntil(clock.now()), now: clock.now() };
    expect(await mailRepository().renewMailLease({ ...renewal, leaseToken: 'someone-else' })).toBe(0);
    expect(await mailRepository().renewMailLease({ ...renewal, leaseToken: 'holder' })).toBe(1);
    clock.advance(2000);
    // Renewed: not yet due for another worker, though the first lease has run out.
    expect(await deliverDueMail(ctx, recordingTransport())).toBe(0);
    clock.advance(LEASE_MS);
    expect(await deliverDueMail(ctx, recordingTransport())).toBe(1);
    expect(await mailRepository().renewMailLease({ ...renewal, leaseToken: 'holder' })).toBe(0);
  });

  test(`gives up as failed after ${MAX_ATTEMPTS} attempts`, async () => {
    const [id] = await queue(1);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await deliverDueMail(ctx, failingTransport())).toBe(1);
      clock.advance(retryDelayMs(attempt));
    }
    expect(await statusOf(id!)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    clock.advance(7 * 24 * 60 * 60_000);
    expect(await deliverDueMail(ctx, recordingTransport())).toBe(0);
  });
});

describe('real SMTP through nodemailer', () => {
  let smtp: TestSmtpServer;
  beforeEach(async () => {
    smtp = await startTestSmtpServer();
    ctx = testAppContext(database, { clock, config: { smtpUrl: smtp.url } });
  });
  afterEach(async () => {
    await smtp.close();
  });

  test('sends from MAIL_FROM with the row Message-ID, HTML and plain text', async () => {
    const [id] = await queue(1);
    const worker = startMailWorker(ctx, { intervalMs: 60_000 });
    await worker.runOnce();
    await worker.stop();
    expect(smtp.received).toHaveLength(1);
    const received = smtp.received[0]!;
    expect(received.envelopeFrom).toBe('noreply@iln.example.org');
    expect(received.envelopeTo).toEqual(['p0@example.org']);
    expect(received.subject).toBe('Topic 1 for p0');
    expect(received.messageId).toBe(`<${id}@iln.example.org>`);
    expect(received.raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(received.raw).toMatch(/Content-Type: text\/plain/i);
    expect(received.raw).toMatch(/Content-Type: text\/html/i);
    expect(await statusOf(id!)).toMatchObject({
      status: 'sent',
      deliveredVia: 'smtp',
      messageId: received.messageId,
    });
  });

  test('a temporary SMTP refusal is retried later and then succeeds, once', async () => {
    const [id] = await queue(1);
    smtp.failNext(1);
    const transport = createSmtpTransport({ smtpUrl: smtp.url, mailFrom: ctx.config.mailFrom });
    try {
      expect(await deliverDueMail(ctx, transport)).toBe(1);
      const afterFailure = await statusOf(id!);
      expect(afterFailure).toMatchObject({
        status: 'pending',
        attempts: 1,
        nextAttemptAt: '2027-03-01T09:01:00.000Z',
      });
      expect(afterFailure.lastError).toMatch(/451/);
      expect(smtp.received).toHaveLength(0);

      clock.advance(60_000);
      expect(await deliverDueMail(ctx, transport)).toBe(1);
      expect(await deliverDueMail(ctx, transport)).toBe(0);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]?.messageId).toBe(`<${id}@iln.example.org>`);
      expect(await statusOf(id!)).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      transport.close();
    }
  });

  test('an address the server refuses outright fails at once, without retries', async () => {
    const [id] = await queue(1);
    smtp.rejectRecipient('p0@example.org');
    const transport = createSmtpTransport({ smtpUrl: smtp.url, mailFrom: ctx.config.mailFrom });
    try {
      await deliverDueMail(ctx, transport);
    } finally {
      transport.close();
    }
    const message = await statusOf(id!);
    expect(message).toMatchObject({ status: 'failed', attempts: 1 });
    expect(message.lastError).toMatch(/550/);
  });

  test('an unreachable server is a temporary failure', async () => {
    const [id] = await queue(1);
    await smtp.close();
    const transport = createSmtpTransport({ smtpUrl: smtp.url, mailFrom: ctx.config.mailFrom });
    try {
      await deliverDueMail(ctx, transport);
    } finally {
      transport.close();
    }
    expect(await statusOf(id!)).toMatchObject({ status: 'pending', attempts: 1 });
    smtp = await startTestSmtpServer(); // for afterEach
  });
});

describe('the worker loop', () => {
  test('sends what is queued without being asked, then stops', async () => {
    const transport = recordingTransport();
    const worker = startMailWorker(ctx, { intervalMs: 10, transport });
    const ids = await queue(3);
    for (let i = 0; i < 300 && transport.log.length < 3; i++) await sleep(10);
    await worker.stop();
    expect(transport.log).toHaveLength(3);
    for (const id of ids) expect((await statusOf(id)).status).toBe('sent');
  });

  test('stop waits for the message being sent to be recorded', async () => {
    const [id] = await queue(1);
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const deliveryStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const transport: MailTransport = {
      via: 'smtp',
      deliver: async () => {
        started();
        await released;
      },
      close: () => {},
    };
    const worker = startMailWorker(ctx, { intervalMs: 10, transport });
    await deliveryStarted;
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await sleep(30);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await statusOf(id!)).status).toBe('sent');
  });
});
