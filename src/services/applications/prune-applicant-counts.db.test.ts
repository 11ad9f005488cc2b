import { afterEach, beforeEach, expect, test } from 'vitest';
import { createTestContext } from '../../../tests/support/test-app';
import type { Container } from '../../composition/container';
import { applicantCountsPruningJob } from '../../jobs/definitions/applicant-counts-pruning';

let ctx: Container;
let dispose: () => Promise<void>;
let advance: (ms: number) => void;
beforeEach(async () => {
  const made = await createTestContext({ now: new Date('2027-02-01T09:00:00Z') });
  ctx = made.ctx;
  dispose = made.dispose;
  advance = made.clock.advance;
});
afterEach(async () => {
  await dispose();
});

test('the pruning job forgets rate-limit counts once they are a day old, and keeps newer ones', async () => {
  const count = (id: string) =>
    ctx.database.db
      .insertInto('application_link_requests')
      .values({ id, key_hash: id, requested_at: ctx.now().toISOString() })
      .execute();
  await count('old');
  advance(23 * 60 * 60_000);
  await count('recent');
  advance(2 * 60 * 60_000);
  const job = applicantCountsPruningJob(ctx.services);
  expect(await job.runPass()).toBe(1);
  expect(job.againAtOnce(1)).toBe(false);
  const left = await ctx.database.db.selectFrom('application_link_requests').select('key_hash').execute();
  expect(left.map((row) => row.key_hash)).toEqual(['recent']);
  expect(ctx.services.applications.findCountsExpiry().toISOString()).toBe('2027-02-01T10:00:00.000Z');
});
