import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { testServiceDeps } from '../../../tests/support/mail';
import { seedRound } from '../../../tests/support/review-fixtures';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { DomainError } from '../../core/errors';
import type { Viewer } from '../../core/people/viewer';
import type { RoundStatus } from '../../core/rounds';
import type { ServiceDeps } from '../index';
import { updateRound } from './update-round';

// A program coordinator edits a round's name, dates and quota (src/services/rounds/update-round.ts).
// The rules: program coordinators only; a finished round takes no edits; the form is validated as
// when creating a round, field by field; the status never changes here; each edit is audited.

let database: TestDatabase;
let deps: ServiceDeps;
const now = new Date('2026-02-01T09:00:00Z');
let lead: Viewer;
let kenya: Viewer;

const viewerFor = async (
  email: string,
  roles: { role: 'program_coordinator' | 'country_coordinator'; countryCode: string | null }[],
) => {
  const person = await deps.store.people.createPerson({ email, name: email.split('@')[0]! }, now);
  for (const role of roles) await deps.store.people.grantRole(person.id, role, now);
  const viewer = await deps.store.people.findViewerByEmail(email);
  if (!viewer) throw new Error(`no viewer for ${email}`);
  return viewer;
};

beforeEach(async () => {
  database = await createTestDatabase();
  deps = testServiceDeps(database, { now: () => now });
  lead = await viewerFor('lead@example.org', [{ role: 'program_coordinator', countryCode: null }]);
  kenya = await viewerFor('kenya@example.org', [{ role: 'country_coordinator', countryCode: 'KE' }]);
});
afterEach(async () => {
  await database.dispose();
});

/** The edit form as the page sends it: a March round in Sydney. */
const form = (overrides: Record<string, string> = {}): Record<string, string> => ({
  name: '2026 March round (extended)',
  programTimeZone: 'Australia/Sydney',
  applicationsOpenOn: '2026-01-10',
  applicationsOpenTime: '09:00',
  applicationsCloseOn: '2026-02-27',
  applicationsCloseTime: '17:00',
  startsOn: '2026-03-09',
  endsOn: '2026-07-10',
  quotaEnabled: 'on',
  quotaCapPercent: '25',
  quotaMinimumPlaces: '4',
  ...overrides,
});

const failureOf = async (promise: Promise<unknown>): Promise<DomainError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the edit to be refused');
};

const auditRows = () =>
  database.db
    .selectFrom('audit_log')
    .select(['actor_person_id', 'action', 'subject_id', 'details'])
    .execute();

describe('updateRound', () => {
  test('saves the new settings as UTC instants, keeps id and status, and audits who did it', async () => {
    await seedRound(database.db, { id: 'round-a', status: 'open' });
    const updated = await updateRound(deps, { viewer: lead, roundId: 'round-a', form: form() });
    const expected = {
      id: 'round-a',
      status: 'open',
      name: '2026 March round (extended)',
      programTimeZone: 'Australia/Sydney',
      // Sydney is UTC+11 in January and February (daylight saving time).
      applicationsOpenAt: new Date('2026-01-09T22:00:00Z'),
      applicationsCloseAt: new Date('2026-02-27T06:00:00Z'),
      startsOn: '2026-03-09',
      endsOn: '2026-07-10',
      quota: { enabled: true, capPercent: 25, minimumPlaces: 4 },
    };
    expect(updated).toEqual(expected);
    expect(await deps.store.rounds.getRound('round-a')).toEqual(expected);
    expect(await auditRows()).toEqual([
      {
        actor_person_id: lead.personId,
        action: 'round.updated',
        subject_id: 'round-a',
        details: JSON.stringify({ name: '2026 March round (extended)' }),
      },
    ]);
  });

  test('a status in the form is ignored: stages change only through their own use case', async () => {
    await seedRound(database.db, { id: 'round-a', status: 'closed' });
    const updated = await updateRound(deps, {
      viewer: lead,
      roundId: 'round-a',
      form: { ...form(), status: 'finished', id: 'another-id' },
    });
    expect(updated).toMatchObject({ id: 'round-a', status: 'closed' });
    expect(await deps.store.rounds.findRound('another-id')).toBeUndefined();
  });

  test('an unticked quota box turns the quota off; blank optional fields take their defaults', async () => {
    await seedRound(database.db, { id: 'round-a', status: 'draft' });
    const { quotaEnabled: _off, ...withoutQuota } = form({
      endsOn: '',
      applicationsCloseTime: '',
      quotaCapPercent: '',
    });
    const updated = await updateRound(deps, { viewer: lead, roundId: 'round-a', form: withoutQuota });
    expect(updated.quota).toEqual({ enabled: false, capPercent: 20, minimumPlaces: 4 });
    // Four months after the start, and the close at 23:59 in Sydney.
    expect(updated.endsOn).toBe('2026-07-09');
    expect(updated.applicationsCloseAt).toEqual(new Date('2026-02-27T12:59:00Z'));
  });

  test('invalid input is refused field by field, and nothing is saved or audited', async () => {
    const round = await seedRound(database.db, { id: 'round-a', status: 'open' });
    const error = await failureOf(
      updateRound(deps, {
        viewer: lead,
        roundId: 'round-a',
        form: form({
          name: '   ',
          programTimeZone: 'Mars/Olympus_Mons',
          quotaCapPercent: '0',
        }),
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.params).toMatchObject({ roundId: 'round-a' });
    expect(error.details.map((problem) => problem.field).sort()).toEqual([
      'name',
      'programTimeZone',
      'quotaCapPercent',
    ]);
    const dates = await failureOf(
      updateRound(deps, {
        viewer: lead,
        roundId: 'round-a',
        form: form({ applicationsCloseOn: '2026-03-20', endsOn: '2026-03-01' }),
      }),
    );
    expect(dates.details).toEqual([
      { field: 'applicationsCloseOn', code: 'round.closeAfterStart' },
      { field: 'endsOn', code: 'round.endBeforeStart' },
    ]);
    expect(await deps.store.rounds.getRound('round-a')).toEqual(round);
    expect(await auditRows()).toEqual([]);
  });

  test.each<RoundStatus>(['draft', 'open', 'closed', 'matching', 'under-way'])(
    'a round that is %s can still be edited',
    async (status) => {
      await seedRound(database.db, { id: 'round-a', status });
      const updated = await updateRound(deps, {
        viewer: lead,
        roundId: 'round-a',
        form: form({ name: `Edited while ${status}` }),
      });
      expect(updated).toMatchObject({ status, name: `Edited while ${status}` });
    },
  );

  test('a finished round refuses every edit, even a valid one', async () => {
    const round = await seedRound(database.db, { id: 'round-a', status: 'finished', name: 'Old round' });
    const error = await failureOf(updateRound(deps, { viewer: lead, roundId: 'round-a', form: form() }));
    expect(error).toMatchObject({
      code: 'CONFLICT',
      reason: 'round.finishedNoEdits',
      params: { round: 'Old round', roundId: 'round-a' },
    });
    expect(await deps.store.rounds.getRound('round-a')).toEqual(round);
  });

  test('only program coordinators may edit; an unknown round is NOT_FOUND', async () => {
    const round = await seedRound(database.db, { id: 'round-a', status: 'open' });
    expect(
      await failureOf(updateRound(deps, { viewer: kenya, roundId: 'round-a', form: form() })),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'access.programCoordinatorsOnly' });
    expect(
      await failureOf(updateRound(deps, { viewer: null, roundId: 'round-a', form: form() })),
    ).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'access.signInFirst' });
    expect(
      await failureOf(updateRound(deps, { viewer: lead, roundId: 'no-such-round', form: form() })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await deps.store.rounds.getRound('round-a')).toEqual(round);
    expect(await auditRows()).toEqual([]);
  });
});
