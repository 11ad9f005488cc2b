import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestClock, testServiceDeps } from '../../../tests/support/mail';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import type { Viewer } from '../../core/people/viewer';
import { createServices, type Services } from '..';
import { runWithAuditOrigin, stampingAuditOrigin } from './audit-origin';
import { AUDIT_PAGE_SIZE } from './audit-trail';

let database: TestDatabase;
let services: Services;
const clock = createTestClock('2027-02-01T10:00:00.000Z');
let lead: Viewer;
let kenya: Viewer;

beforeAll(async () => {
  database = await createTestDatabase();
  services = createServices(testServiceDeps(database, { now: clock.now }));
  lead = (
    await services.people.createCoordinator({
      email: 'lead@example.org',
      name: 'Lead',
      countryCodes: [],
      actorPersonId: null,
    })
  ).viewer;
  kenya = (
    await services.people.createCoordinator({
      email: 'kenya@example.org',
      name: 'Wanjiru',
      countryCodes: ['KE'],
      actorPersonId: lead.personId,
    })
  ).viewer;
});
afterAll(async () => {
  await database.dispose();
});

describe('the trail cannot be changed', () => {
  test('the database refuses to update or delete an entry, and to empty the table', async () => {
    const before = await database.db.selectFrom('audit_log').selectAll().execute();
    expect(before.length).toBeGreaterThan(0);
    await expect(
      database.db.updateTable('audit_log').set({ action: 'round.created' }).execute(),
    ).rejects.toThrow(/audit trail cannot be changed/);
    await expect(database.db.deleteFrom('audit_log').execute()).rejects.toThrow(
      /audit trail cannot be changed/,
    );
    if (database.dialect === 'postgres') {
      await expect(sql`TRUNCATE audit_log`.execute(database.db)).rejects.toThrow(
        /audit trail cannot be changed/,
      );
    }
    expect(await database.db.selectFrom('audit_log').selectAll().execute()).toEqual(before);
    // Adding is what the trail is for.
    await expect(
      database.db
        .insertInto('audit_log')
        .values({
          id: 'added-by-hand',
          at: '2027-01-01T00:00:00.000Z',
          actor_person_id: null,
          action: 'round.created',
          subject_type: 'round',
          subject_id: 'by-hand',
          details: '{}',
        })
        .execute(),
    ).resolves.toBeDefined();
  });
});

describe('from where', () => {
  test('an entry carries the origin its edge set, taken when its transaction started', async () => {
    clock.set('2027-02-02T10:00:00.000Z');
    await runWithAuditOrigin({ channel: 'web', clientAddress: '203.0.113.7' }, () =>
      services.people.createCoordinator({
        email: 'peru@example.org',
        name: 'Rosa',
        countryCodes: ['PE'],
        actorPersonId: lead.personId,
      }),
    );
    await runWithAuditOrigin({ channel: 'command-line', clientAddress: null }, () =>
      services.people.createCoordinator({
        email: 'chile@example.org',
        name: 'Ana',
        countryCodes: ['CL'],
        actorPersonId: null,
      }),
    );
    await services.people.createCoordinator({
      email: 'bolivia@example.org',
      name: 'Eva',
      countryCodes: ['BO'],
      actorPersonId: null,
    });
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['subject_id', 'channel', 'client_address', 'details'])
      .where('action', '=', 'coordinator.created')
      .where('at', '=', '2027-02-02T10:00:00.000Z')
      .execute();
    const byEmail = Object.fromEntries(
      rows.map((row) => [JSON.parse(row.details).email, [row.channel, row.client_address]]),
    );
    expect(byEmail).toEqual({
      'peru@example.org': ['web', '203.0.113.7'],
      'chile@example.org': ['command-line', null],
      'bolivia@example.org': [null, null],
    });
  });

  test('group commit keeps each unit’s own origin, though units share a batch', async () => {
    const uow = stampingAuditOrigin(testServiceDeps(database, { now: clock.now }).applicantUow);
    const addresses = ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4'];
    await Promise.all(
      addresses.map((address) =>
        runWithAuditOrigin({ channel: 'web', clientAddress: address }, () =>
          uow.transaction((store) =>
            store.audit.record(
              {
                actorPersonId: null,
                action: 'application.submitted',
                subjectType: 'application',
                subjectId: `grouped-${address}`,
                details: {},
              },
              clock.now(),
            ),
          ),
        ),
      ),
    );
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['subject_id', 'client_address'])
      .where('subject_id', 'like', 'grouped-%')
      .orderBy('subject_id')
      .execute();
    expect(rows).toEqual(
      addresses.map((address) => ({ subject_id: `grouped-${address}`, client_address: address })),
    );
  });
});

describe('reading the trail', () => {
  test('program coordinators only', async () => {
    await expect(services.audit.list({ viewer: kenya })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(services.audit.list({ viewer: null })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(services.audit.export({ viewer: kenya })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  test('filters by actor, action, subject and dates, newest first, in keyset pages', async () => {
    const start = Date.parse('2027-03-01T00:00:00.000Z');
    // 120 entries an hour apart, alternating between two actors and two actions.
    for (let index = 0; index < 120; index++) {
      clock.set(new Date(start + index * 3_600_000).toISOString());
      await runWithAuditOrigin({ channel: 'web', clientAddress: `192.0.2.${index % 250}` }, () =>
        services.people.createCoordinator({
          email: `bulk-${index}@example.org`,
          countryCodes: [index % 2 === 0 ? 'NZ' : 'AU'],
          actorPersonId: index % 3 === 0 ? kenya.personId : lead.personId,
        }),
      );
    }
    const first = await services.audit.list({ viewer: lead, from: '2027-03-01', to: '2027-03-05' });
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.entries[0]?.at).toBe('2027-03-05T23:00:00.000Z');
    expect(first.entries[0]?.actor).toEqual({ name: 'Lead', email: 'lead@example.org' });
    expect(first.entries[2]?.actor).toEqual({ name: 'Wanjiru', email: 'kenya@example.org' });
    expect(first.entries[0]?.clientAddress).toBe('192.0.2.119');
    expect(first.actors.map((actor) => actor.email)).toEqual(['lead@example.org', 'kenya@example.org']);
    const pages = [first.entries];
    let after = first.nextAfter;
    while (after) {
      const page = await services.audit.list({ viewer: lead, from: '2027-03-01', to: '2027-03-05', after });
      pages.push(page.entries);
      after = page.nextAfter;
    }
    const all = pages.flat();
    expect(pages.map((page) => page.length)).toEqual([50, 50, 20]);
    expect(new Set(all.map((entry) => entry.id)).size).toBe(120);
    expect(all.map((entry) => entry.at)).toEqual([...all.map((entry) => entry.at)].sort().reverse());

    const byKenya = await services.audit.list({
      viewer: lead,
      actor: kenya.personId,
      from: '2027-03-01',
      to: '2027-03-01',
    });
    expect(byKenya.entries.map((entry) => entry.at)).toEqual([
      '2027-03-01T21:00:00.000Z',
      '2027-03-01T18:00:00.000Z',
      '2027-03-01T15:00:00.000Z',
      '2027-03-01T12:00:00.000Z',
      '2027-03-01T09:00:00.000Z',
      '2027-03-01T06:00:00.000Z',
      '2027-03-01T03:00:00.000Z',
      '2027-03-01T00:00:00.000Z',
    ]);
    const subject = first.entries[3]!;
    const bySubject = await services.audit.list({
      viewer: lead,
      subject: subject.subjectId,
      subjectType: 'person',
    });
    expect(bySubject.entries.map((entry) => entry.id)).toEqual([subject.id]);
    const nobody = await services.audit.list({ viewer: lead, actor: 'none', action: 'coordinator.created' });
    expect(nobody.entries.every((entry) => entry.actorPersonId === null)).toBe(true);
    expect(nobody.entries.map((entry) => JSON.parse(JSON.stringify(entry.details)).email)).toContain(
      'chile@example.org',
    );
    const otherAction = await services.audit.list({ viewer: lead, action: 'match.published' });
    expect(otherAction.entries).toEqual([]);
  });

  test('bad filters are field problems, not errors of the database', async () => {
    await expect(
      services.audit.list({
        viewer: lead,
        action: 'drop table',
        from: '2027-13-01',
        to: 'yesterday',
        after: 'x',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [
        { field: 'action', code: 'audit.action' },
        { field: 'from', code: 'audit.date' },
        { field: 'to', code: 'audit.date' },
        { field: 'after', code: 'audit.after' },
      ],
    });
    await expect(
      services.audit.list({ viewer: lead, from: '2027-03-05', to: '2027-03-01' }),
    ).rejects.toMatchObject({ details: [{ field: 'to', code: 'audit.dateOrder' }] });
  });

  test('an export holds every filtered entry, not one page, and is itself recorded', async () => {
    clock.set('2027-04-01T12:00:00.000Z');
    const entries = await runWithAuditOrigin({ channel: 'web', clientAddress: '203.0.113.9' }, () =>
      services.audit.export({ viewer: lead, from: '2027-03-01', to: '2027-03-05', actor: lead.personId }),
    );
    expect(entries).toHaveLength(80);
    const recorded = await services.audit.list({ viewer: lead, action: 'audit.exported' });
    expect(recorded.entries).toHaveLength(1);
    expect(recorded.entries[0]).toMatchObject({
      actorPersonId: lead.personId,
      channel: 'web',
      clientAddress: '203.0.113.9',
      subjectType: 'audit-trail',
      details: {
        entries: 80,
        filters: {
          actorPersonId: lead.personId,
          from: '2027-03-01T00:00:00.000Z',
          until: '2027-03-06T00:00:00.000Z',
        },
      },
    });
  });
});
