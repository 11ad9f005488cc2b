import { afterEach, beforeEach, expect, test } from 'vitest';
import { testServiceDeps } from '../../../tests/support/mail';
import { seedManyApplications, seedRound } from '../../../tests/support/review-fixtures';
import { createTestContext } from '../../../tests/support/test-app';
import { hashToken } from '../../core/applications/application-token';
import type { Viewer } from '../../core/people/viewer';
import type { UseCaseDeps } from '../ports/deps';
import { changeRoundStatus } from './transition-round';

/**
 * Settling the quota and carrying the waitlist over write in batches (SQLite and PostgreSQL): over
 * more applications than one batch holds, each applicant is still moved, told and audited exactly
 * once, with a private link of their own, and the event loop gets turns while it runs.
 */
let context: Awaited<ReturnType<typeof createTestContext>>;
let deps: UseCaseDeps;
let ids = 0;

const program: Viewer = {
  personId: 'p-lead',
  email: 'lead@example.org',
  name: 'Lead',
  isProgramCoordinator: true,
  coordinatedCountryCodes: [],
};

beforeEach(async () => {
  context = await createTestContext({ now: new Date('2026-02-21T09:00:00Z') });
  await context.database.db
    .insertInto('people')
    .values({
      id: program.personId,
      email: program.email,
      name: program.name,
      locale: 'en',
      time_zone: null,
      created_at: 'x',
      updated_at: 'x',
    })
    .execute();
  deps = testServiceDeps(context.database, {
    now: context.ctx.now,
    config: { baseUrl: 'https://iln.example' },
    newId: () => `new-${String(++ids).padStart(4, '0')}`,
  });
});
afterEach(async () => {
  await context.dispose();
});

test('closing a round waitlists hundreds beyond the cap, each once, with a link of their own; opening the next carries them over once', async () => {
  const db = context.database.db;
  await seedRound(db, {
    id: 'old',
    status: 'open',
    quota: { enabled: true, capPercent: 20, minimumPlaces: 5 },
  });
  // 700 applications, 500 of them from Kenya: the cap is 140 places, so 360 Kenyans wait.
  const applicationIds = await seedManyApplications(db, {
    roundId: 'old',
    count: 700,
    idPrefix: 'old-',
    country: (i) => (i % 7 < 5 ? 'KE' : ['NG', 'BR', 'GH', 'PE', 'PH'][i % 5]!),
  });
  const kenyans = applicationIds.filter((_, i) => i % 7 < 5);
  const beyondCap = kenyans.slice(140);

  // The close is written in batches with a turn of the event loop between them: a request
  // arriving during the first batch is served before the second batch is written.
  const events: string[] = [];
  const watched: UseCaseDeps = {
    ...deps,
    uow: {
      ...deps.uow,
      transaction: (work) =>
        deps.uow.transaction((store) =>
          work({
            ...store,
            review: {
              ...store.review,
              changeStatuses: (...args) => {
                if (events.length === 0) setImmediate(() => events.push('turn'));
                events.push('batch');
                return store.review.changeStatuses(...args);
              },
            },
          }),
        ),
    },
  };
  const close = await changeRoundStatus(watched, { viewer: program, roundId: 'old', to: 'closed' });
  expect(events).toEqual(['batch', 'turn', 'batch']);

  expect(close.quota).toEqual({ capPerCountry: 140, waitlisted: beyondCap });
  const waitlisted = await db
    .selectFrom('applications')
    .select(['id'])
    .where('status', '=', 'waitlisted')
    .orderBy('submitted_at')
    .execute();
  expect(waitlisted.map((row) => row.id)).toEqual(beyondCap);
  const mail = await db
    .selectFrom('mail_messages')
    .select(['to_address', 'dedupe_key', 'text_body'])
    .where('kind', '=', 'application-waitlisted-by-quota')
    .execute();
  expect(mail).toHaveLength(360);
  // Each email carries a new private link of that applicant's application and no other, added
  // beside the confirmation's link (which keeps working).
  const linkOwner = new Map(
    (
      await db
        .selectFrom('application_private_links')
        .innerJoin('applications', 'applications.id', 'application_private_links.application_id')
        .select(['application_private_links.token_hash', 'applications.email'])
        .execute()
    ).map((row) => [row.token_hash, row.email]),
  );
  expect(linkOwner.size).toBe(360);
  for (const message of mail) {
    const token = /\/applications\/([A-Za-z0-9_-]{43})/.exec(message.text_body)?.[1];
    expect(token && linkOwner.get(hashToken(token))).toBe(message.to_address);
  }
  const audit = await db.selectFrom('audit_log').select(['action', 'subject_id', 'details']).execute();
  expect(
    audit
      .filter((row) => row.action === 'application.waitlisted')
      .map((row) => row.subject_id)
      .sort(),
  ).toEqual([...beyondCap].sort());
  expect(JSON.parse(audit.find((row) => row.action === 'round.quota-settled')!.details)).toEqual({
    capPerCountry: 140,
    applications: 700,
    waitlisted: 360,
  });

  // The next round: one waitlisted applicant declined, one applied to it already.
  await db
    .updateTable('applications')
    .set({ declined_carry_over: 1 })
    .where('id', '=', beyondCap[0]!)
    .execute();
  await seedRound(db, {
    id: 'new',
    name: 'New round',
    status: 'draft',
    startsOn: '2026-09-01',
    endsOn: '2027-01-01',
    applicationsOpenAt: new Date('2026-07-01T00:00:00Z'),
    applicationsCloseAt: new Date('2026-08-20T00:00:00Z'),
  });
  const alreadyIn = beyondCap[1]!;
  const email = (
    await db.selectFrom('applications').select('email').where('id', '=', alreadyIn).executeTakeFirstOrThrow()
  ).email;
  await seedManyApplications(db, { roundId: 'new', count: 1, idPrefix: 'own-', answers: () => ({ email }) });

  const opened = await changeRoundStatus(deps, { viewer: program, roundId: 'new', to: 'open' });
  expect(opened.carryOver).toMatchObject({ fromRoundId: 'old', alreadyCarried: 0, alreadyApplied: 1 });
  expect(opened.carryOver?.carriedOver).toEqual(
    Array.from({ length: 358 }, (_, i) => `new-${String(i + 1).padStart(4, '0')}`),
  );
  const copies = await db
    .selectFrom('application_carry_overs')
    .innerJoin('applications', 'applications.id', 'application_carry_overs.to_application_id')
    .select([
      'from_application_id',
      'to_application_id',
      'applications.status',
      'applications.duplicate_checked',
    ])
    .orderBy('to_application_id')
    .execute();
  expect(copies.map((row) => row.from_application_id)).toEqual(beyondCap.slice(2));
  expect(copies.every((row) => row.status === 'pending' && Number(row.duplicate_checked) === 0)).toBe(true);
  const carriedMail = await db
    .selectFrom('mail_messages')
    .select('id')
    .where('kind', '=', 'application-carried-over')
    .execute();
  expect(carriedMail).toHaveLength(358);
  expect(
    await db.selectFrom('audit_log').select('id').where('action', '=', 'application.carried-over').execute(),
  ).toHaveLength(358);

  // Closed and opened again: nobody is carried over twice.
  await changeRoundStatus(deps, { viewer: program, roundId: 'new', to: 'closed' });
  const reopened = await changeRoundStatus(deps, { viewer: program, roundId: 'new', to: 'open' });
  expect(reopened.carryOver).toMatchObject({ carriedOver: [], alreadyCarried: 358, alreadyApplied: 1 });
});
