import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { testServiceDeps } from '../../../tests/support/mail';
import {
  KENYA_COORDINATOR,
  PROGRAM_COORDINATOR,
  ROUND_PEOPLE,
  seedMatchableRound,
} from '../../../tests/support/partnership-fixtures';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { getCountryName } from '../../core/countries';
import type { Message } from '../../core/messages/messages';
import { createServices, type Services } from '..';
import type { UnitOfWork } from '../ports/store';

/** Publishing a run on a real database (SQLite and PostgreSQL): partnerships, participants, introductions. */
let database: TestDatabase;
let services: Services;
let queued: Message[];
let ids = 0;
const now = new Date('2026-02-25T09:00:00Z');
const program = PROGRAM_COORDINATOR;

/** Records every message a use case queues (its language is in the message, not in the email row). */
const recording = (uow: UnitOfWork): UnitOfWork => ({
  ...uow,
  transaction: (work) =>
    uow.transaction((store) =>
      work({
        ...store,
        messages: {
          ...store.messages,
          enqueue: (message, at) => {
            queued.push(message);
            return store.messages.enqueue(message, at);
          },
          enqueueAll: (messages, at) => {
            queued.push(...messages);
            return store.messages.enqueueAll(messages, at);
          },
        },
      }),
    ),
});

beforeEach(async () => {
  database = await createTestDatabase();
  queued = [];
  const deps = testServiceDeps(database, { now: () => now, newId: () => `id-${++ids}` });
  services = createServices({ ...deps, uow: recording(deps.uow) });
  await seedMatchableRound(database.db);
});
afterEach(async () => {
  await database.dispose();
});

const introductions = () =>
  database.db
    .selectFrom('mail_messages')
    .select(['to_address', 'subject', 'text_body', 'html_body', 'dedupe_key'])
    .where('kind', '=', 'partnership-introduction')
    .orderBy('to_address')
    .execute();

const personOf = (id: string) => ROUND_PEOPLE.find((p) => p.id === id)!;
const EVERY_ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

describe('publishing a run', () => {
  test('starts the partnerships, makes participants, introduces each member once and moves the round', async () => {
    const run = await services.matching.run({ viewer: program, roundId: 'round-a' });
    const preview = await services.matching.previewPublish({ viewer: program, roundId: 'round-a' });
    const members = run.result.partnerships.flatMap((p) => p.applicationIds);
    expect(preview).toMatchObject({
      run: { id: run.id, number: 1, status: 'proposed' },
      partnerships: run.result.partnerships.length,
      participants: members.length,
      refusal: undefined,
    });
    expect(members.length).toBe(ROUND_PEOPLE.length);

    const result = await services.matching.publish({ viewer: program, roundId: 'round-a' });
    expect(result).toMatchObject({ runId: run.id, partnerships: run.result.partnerships.length, emails: 8 });
    expect((await services.rounds.find('round-a'))?.status).toBe('under-way');

    const stored = await database.db.selectFrom('partnership_members').selectAll().execute();
    expect(stored.map((m) => m.application_id).sort()).toEqual([...members].sort());
    // Every member is a participant person, linked to their application.
    for (const p of ROUND_PEOPLE) {
      const viewer = await services.people.findViewerByEmail(p.email);
      expect(viewer, p.email).toBeDefined();
      const roles = await database.db
        .selectFrom('person_roles')
        .select('role')
        .where('person_id', '=', viewer!.personId)
        .execute();
      expect(roles.map((r) => r.role)).toEqual(['participant']);
      const application = await database.db
        .selectFrom('applications')
        .select('person_id')
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow();
      expect(application.person_id).toBe(viewer!.personId);
      expect(stored.find((m) => m.application_id === p.id)?.person_id).toBe(viewer!.personId);
    }

    // One email per member, in the language they applied in, naming only their own partners.
    const emails = await introductions();
    expect(emails.map((e) => e.to_address)).toEqual(ROUND_PEOPLE.map((p) => p.email).sort());
    for (const partnership of run.result.partnerships) {
      for (const id of partnership.applicationIds) {
        const me = personOf(id);
        const partners = partnership.applicationIds.filter((other) => other !== id).map(personOf);
        const email = emails.find((e) => e.to_address === me.email)!;
        expect(email.subject).toBe('Meet your peer partner in 2026 March round');
        for (const partner of partners) {
          expect(email.text_body).toContain(partner.name);
          expect(email.text_body).toContain(getCountryName(partner.country, 'en'));
          expect(email.text_body).toContain(`Email: ${partner.email}`);
        }
        expect(email.text_body).toContain('Their clock is');
        expect(email.text_body).toContain('A good peer partnership');
        expect(email.text_body).toContain('Questions to start with');
        expect(email.text_body).toContain('http://localhost:3000/participant');
        // No address but the partners' (and the program's own link) appears anywhere in it.
        const addresses = new Set(
          [...email.text_body.matchAll(EVERY_ADDRESS), ...email.html_body.matchAll(EVERY_ADDRESS)].map(
            (m) => m[0],
          ),
        );
        expect([...addresses].sort()).toEqual(partners.map((p) => p.email).sort());
        const message = queued.find((m) => m.kind === 'partnership-introduction' && m.to === me.email);
        expect(message?.locale).toBe(me.locale);
        expect(email.dedupe_key).toMatch(new RegExp(`^partnership-introduction:.+:${id}$`));
      }
    }
    const runRow = await database.db
      .selectFrom('match_runs')
      .select(['status', 'published_by_person_id'])
      .executeTakeFirstOrThrow();
    expect(runRow).toEqual({ status: 'published', published_by_person_id: program.personId });
    const audit = await database.db.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['match.published', 'round.transitioned']),
    );
  });

  test('an earlier person is reused, with the participant role added to what they had', async () => {
    // Kenya's coordinator applied too, with the same address.
    await database.db
      .updateTable('applications')
      .set({ email: KENYA_COORDINATOR.email })
      .where('id', '=', 'ng-1')
      .execute();
    await services.matching.run({ viewer: program, roundId: 'round-a' });
    await services.matching.publish({ viewer: program, roundId: 'round-a' });
    const people = await database.db
      .selectFrom('people')
      .select('id')
      .where('email', '=', KENYA_COORDINATOR.email)
      .execute();
    expect(people).toEqual([{ id: KENYA_COORDINATOR.personId }]);
    const viewer = await services.people.findViewerByEmail(KENYA_COORDINATOR.email);
    expect(viewer?.coordinatedCountryCodes).toEqual([]); // no country row was seeded: only the new role
    const roles = await database.db
      .selectFrom('person_roles')
      .select('role')
      .where('person_id', '=', KENYA_COORDINATOR.personId)
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['participant']);
  });

  test('twice is refused and sends nothing twice; a superseded run cannot be published either', async () => {
    const first = await services.matching.run({ viewer: program, roundId: 'round-a' });
    const second = await services.matching.run({ viewer: program, roundId: 'round-a' });
    await services.matching.publish({ viewer: program, roundId: 'round-a', runId: second.id });
    const sent = (await introductions()).length;
    await expect(
      services.matching.publish({ viewer: program, roundId: 'round-a', runId: second.id }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      reason: 'match.roundNotPublishable',
    });
    await expect(
      services.matching.publish({ viewer: program, roundId: 'round-a', runId: first.id }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await introductions()).length).toBe(sent);
    const runs = await database.db
      .selectFrom('match_runs')
      .select(['id', 'status'])
      .orderBy('number')
      .execute();
    expect(runs.map((r) => r.status)).toEqual(['superseded', 'published']);
    expect(await database.db.selectFrom('partnerships').select('id').execute()).toHaveLength(
      second.result.partnerships.length,
    );
  });

  test('only program coordinators publish, and a run with someone who withdrew since is refused', async () => {
    await services.matching.run({ viewer: program, roundId: 'round-a' });
    await expect(
      services.matching.publish({ viewer: KENYA_COORDINATOR, roundId: 'round-a' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(services.matching.publish({ viewer: null, roundId: 'round-a' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await database.db
      .updateTable('applications')
      .set({ status: 'withdrawn' })
      .where('id', '=', 'gb-1')
      .execute();
    const preview = await services.matching.previewPublish({ viewer: program, roundId: 'round-a' });
    expect(preview.refusal).toMatchObject({ code: 'CONFLICT', reason: 'match.runOutdated' });
    await expect(services.matching.publish({ viewer: program, roundId: 'round-a' })).rejects.toMatchObject({
      reason: 'match.runOutdated',
    });
    expect((await services.rounds.find('round-a'))?.status).toBe('matching');
    expect(await introductions()).toEqual([]);
  });

  test('before publishing nobody sees anyone’s contact details', async () => {
    await services.matching.run({ viewer: program, roundId: 'round-a' });
    const board = await services.matching.board({ viewer: program, roundId: 'round-a' });
    const shown = JSON.stringify({
      ...board,
      people: [...board.people.values()],
      run: { ...board.run, explanations: [...(board.run?.explanations.values() ?? [])] },
    });
    for (const p of ROUND_PEOPLE) expect(shown).not.toContain(p.email);
    const preview = JSON.stringify(
      await services.matching.previewPublish({ viewer: program, roundId: 'round-a' }),
    );
    for (const p of ROUND_PEOPLE) expect(preview).not.toContain(p.email);
    // Nobody of the pool is a person yet: none of them can sign in or has an area to see.
    for (const p of ROUND_PEOPLE) expect(await services.people.findPersonByEmail(p.email)).toBeUndefined();
    expect(await introductions()).toEqual([]);
  });
});
