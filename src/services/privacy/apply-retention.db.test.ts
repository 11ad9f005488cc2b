import { afterEach, beforeEach, expect, test } from 'vitest';
import { seedApplication, seedRound } from '../../../tests/support/review-fixtures';
import { createTestContext, type TestClock } from '../../../tests/support/test-app';
import type { Container } from '../../composition/container';
import { retentionJob } from '../../jobs/definitions/retention';

let ctx: Container;
let clock: TestClock;
let dispose: () => Promise<void>;
beforeEach(async () => {
  const made = await createTestContext({ now: new Date('2026-07-10T09:00:00Z') });
  ctx = made.ctx;
  clock = made.clock;
  dispose = made.dispose;
  // Round a ended on 1 July 2026; round b on 1 December 2026.
  await seedRound(ctx.database.db, { id: 'round-a', status: 'finished', endsOn: '2026-07-01' });
  await seedRound(ctx.database.db, { id: 'round-b', status: 'finished', endsOn: '2026-12-01' });
  await seedApplication(ctx.database.db, {
    roundId: 'round-a',
    id: 'declined-a',
    name: 'Dina Declined',
    country: 'KE',
    status: 'declined',
  });
  await seedApplication(ctx.database.db, {
    roundId: 'round-a',
    id: 'withdrawn-a',
    name: 'Wim Withdrawn',
    country: 'NL',
    status: 'withdrawn',
  });
  await seedApplication(ctx.database.db, {
    roundId: 'round-a',
    id: 'accepted-a',
    name: 'Ada Accepted',
    country: 'GB',
    status: 'accepted',
  });
  await seedApplication(ctx.database.db, {
    roundId: 'round-b',
    id: 'declined-b',
    name: 'Bea Declined',
    country: 'KE',
    status: 'declined',
  });
});
afterEach(async () => {
  await dispose();
});

const rows = () =>
  ctx.database.db
    .selectFrom('applications')
    .select(['id', 'name', 'email', 'country_code', 'status', 'erased_at'])
    .orderBy('id')
    .execute();

const erasedIds = async () => (await rows()).filter((row) => row.erased_at !== null).map((row) => row.id);

test('declined and withdrawn applications are erased N months after their round ends, once', async () => {
  const job = retentionJob(ctx.services, { retentionMonths: 12 });
  // Eleven months and a half after round a ended: nothing yet.
  clock.set(new Date('2027-06-15T09:00:00Z'));
  expect(await job.runPass()).toBe(0);
  expect(await erasedIds()).toEqual([]);

  // Twelve months and a day after: round a's declined and withdrawn, not its accepted, not round b's.
  clock.set(new Date('2027-07-02T00:30:00Z'));
  expect(await job.runPass()).toBe(2);
  expect(await erasedIds()).toEqual(['declined-a', 'withdrawn-a']);
  const after = await rows();
  const declined = after.find((row) => row.id === 'declined-a');
  expect(declined).toMatchObject({
    name: '—',
    email: 'erased-declined-a@erased.invalid',
    country_code: 'KE',
    status: 'declined',
  });
  expect(after.find((row) => row.id === 'accepted-a')?.name).toBe('Ada Accepted');
  const answers = await ctx.database.db
    .selectFrom('applications')
    .select('answers')
    .where('id', '=', 'withdrawn-a')
    .executeTakeFirstOrThrow();
  expect(answers.answers).not.toContain('Wim');

  // Idempotent: another pass finds nothing and changes nothing; the trail has one entry each.
  expect(await job.runPass()).toBe(0);
  const entries = await ctx.database.db
    .selectFrom('audit_log')
    .select(['subject_id', 'details'])
    .where('action', '=', 'application.erased')
    .orderBy('subject_id')
    .execute();
  expect(entries).toEqual([
    { subject_id: 'declined-a', details: '{"reason":"retention","months":12}' },
    { subject_id: 'withdrawn-a', details: '{"reason":"retention","months":12}' },
  ]);

  // Round b's time comes later.
  clock.set(new Date('2027-12-02T00:30:00Z'));
  expect(await job.runPass()).toBe(1);
  expect(await erasedIds()).toEqual(['declined-a', 'declined-b', 'withdrawn-a']);
});

test('the setting shortens or lengthens the wait, and batches drain everything due', async () => {
  clock.set(new Date('2027-01-02T00:00:00Z'));
  expect(await retentionJob(ctx.services, { retentionMonths: 12 }).runPass()).toBe(0);
  expect((await ctx.services.privacy.applyRetention({ months: 1, batchSize: 1 })).erased).toBe(3);
  expect(await erasedIds()).toEqual(['declined-a', 'declined-b', 'withdrawn-a']);
});

test('mail to an address still in use by a later application is kept', async () => {
  await seedRound(ctx.database.db, { id: 'round-c', status: 'open', endsOn: '2028-01-01' });
  await seedApplication(ctx.database.db, {
    roundId: 'round-c',
    id: 'again-c',
    name: 'Dina Declined',
    email: 'dina.declined@example.org',
    country: 'KE',
  });
  await ctx.database.db
    .insertInto('mail_messages')
    .values({
      id: 'mail-1',
      dedupe_key: null,
      kind: 'application-received',
      to_address: 'dina.declined@example.org',
      subject: 'We received your application',
      html_body: '',
      text_body: '',
      message_id: null,
      status: 'pending',
      attempts: 0,
      next_attempt_at: '2027-01-01T00:00:00.000Z',
      locked_until: null,
      lease_token: null,
      last_error: null,
      delivered_via: null,
      created_at: '2027-01-01T00:00:00.000Z',
      updated_at: '2027-01-01T00:00:00.000Z',
      sent_at: null,
    })
    .execute();
  clock.set(new Date('2027-07-02T00:30:00Z'));
  await ctx.services.privacy.applyRetention({ months: 12 });
  expect(await erasedIds()).toEqual(['declined-a', 'withdrawn-a']);
  expect(await ctx.database.db.selectFrom('mail_messages').select('id').execute()).toEqual([
    { id: 'mail-1' },
  ]);
});
