import { afterEach, beforeEach, expect, test } from 'vitest';
import { enqueueRawMail as enqueueMail } from '../../../../tests/support/mail';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database';
import { isDomainError } from '../../../core/errors';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.dispose();
});

const now = new Date('2027-03-01T09:00:00.000Z');
const mail = (overrides: Partial<Parameters<typeof enqueueMail>[1]> = {}) => ({
  to: 'ana@example.org',
  subject: 'Your partner for Round 9',
  html: '<p>Hello</p>',
  text: 'Hello',
  kind: 'introduction',
  ...overrides,
});

/** Stands for the change an email is about (an application saved, a match published). */
const setting = { key: 'mail-test.change', value: '"made"', updated_at: '2027-03-01T09:00:00.000Z' };

const allRows = () => database.db.selectFrom('mail_messages').selectAll().orderBy('created_at').execute();

test('queues a pending message due at once', async () => {
  const result = await enqueueMail(database.db, mail(), now);
  expect(result.queued).toBe(true);
  const rows = await allRows();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    id: result.id,
    to_address: 'ana@example.org',
    subject: 'Your partner for Round 9',
    html_body: '<p>Hello</p>',
    text_body: 'Hello',
    kind: 'introduction',
    dedupe_key: null,
    status: 'pending',
    attempts: 0,
    next_attempt_at: '2027-03-01T09:00:00.000Z',
    created_at: '2027-03-01T09:00:00.000Z',
    locked_until: null,
    sent_at: null,
    message_id: null,
  });
});

test('a message queued in a transaction that commits is there', async () => {
  await database.db.transaction().execute(async (trx) => {
    await trx.insertInto('program_settings').values(setting).execute();
    await enqueueMail(trx, mail(), now);
  });
  expect(await allRows()).toHaveLength(1);
  expect(
    await database.db.selectFrom('program_settings').selectAll().where('key', '=', setting.key).execute(),
  ).toHaveLength(1);
});

test('a message queued in a transaction that rolls back leaves nothing', async () => {
  await expect(
    database.db.transaction().execute(async (trx) => {
      await trx.insertInto('program_settings').values(setting).execute();
      await enqueueMail(trx, mail({ dedupeKey: 'application:1:received' }), now);
      throw new Error('the change failed after the email was queued');
    }),
  ).rejects.toThrow('the change failed');
  expect(await allRows()).toEqual([]);
  expect(
    await database.db.selectFrom('program_settings').selectAll().where('key', '=', setting.key).execute(),
  ).toEqual([]);
  // The dedupe key is free again: the rolled-back message never existed.
  expect((await enqueueMail(database.db, mail({ dedupeKey: 'application:1:received' }), now)).queued).toBe(
    true,
  );
});

test('the same dedupe key again is a no-op that returns the first message', async () => {
  const first = await enqueueMail(database.db, mail({ dedupeKey: 'topic:t1:p1' }), now);
  const second = await database.db
    .transaction()
    .execute((trx) => enqueueMail(trx, mail({ dedupeKey: 'topic:t1:p1', subject: 'Changed' }), now));
  expect(first.queued).toBe(true);
  expect(second).toEqual({ id: first.id, queued: false });
  const rows = await allRows();
  expect(rows).toHaveLength(1);
  expect(rows[0]?.subject).toBe('Your partner for Round 9');
});

test('different dedupe keys, and messages without one, are all queued', async () => {
  await enqueueMail(database.db, mail({ dedupeKey: 'topic:t1:p1' }), now);
  await enqueueMail(database.db, mail({ dedupeKey: 'topic:t1:p2' }), now);
  await enqueueMail(database.db, mail(), now);
  await enqueueMail(database.db, mail(), now);
  expect(await allRows()).toHaveLength(4);
});

test('a dedupe key stays used after the message was sent', async () => {
  const first = await enqueueMail(database.db, mail({ dedupeKey: 'reminder:r1:p1' }), now);
  await database.db.updateTable('mail_messages').set({ status: 'sent' }).where('id', '=', first.id).execute();
  expect(await enqueueMail(database.db, mail({ dedupeKey: 'reminder:r1:p1' }), now)).toEqual({
    id: first.id,
    queued: false,
  });
});

test('refuses a message that could not be sent, saying why', async () => {
  const error = await enqueueMail(
    database.db,
    mail({ to: 'not an address', subject: 'a\r\nBcc: x@y' }),
    now,
  ).catch((e: unknown) => e);
  expect(isDomainError(error)).toBe(true);
  expect(isDomainError(error) && error.code).toBe('VALIDATION');
  expect(isDomainError(error) && error.details.map((d) => d.field)).toEqual(['to', 'subject']);
  expect(await allRows()).toEqual([]);
});
