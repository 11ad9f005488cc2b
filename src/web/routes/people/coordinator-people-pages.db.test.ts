import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { signInAs } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

// Program coordinators manage coordinators from the web (issue 12, item 6).

let t: TestApp;
let leadId: string;
let kenyaId: string;
const FROM = { headers: { 'x-forwarded-for': '203.0.113.50' } };

beforeAll(async () => {
  t = await createTestApp({ now: new Date() });
  leadId = (
    await t.ctx.services.people.createCoordinator({
      email: 'lead@example.org',
      name: 'Lead',
      countryCodes: [],
      actorPersonId: null,
    })
  ).personId;
  kenyaId = (
    await t.ctx.services.people.createCoordinator({
      email: 'kenya@example.org',
      name: 'Wanjiru',
      countryCodes: ['KE'],
      actorPersonId: null,
    })
  ).personId;
});
afterAll(async () => {
  await t.dispose();
});
beforeEach(() => {
  t.clock.advance(16 * 60_000); // past the sign-in limit of three links per address in 15 minutes
});

const signInAsLead = async () => {
  t.cookies.delete('iln.session_token');
  await signInAs(t, 'lead@example.org');
};

const auditOf = (personId: string) =>
  t.database.db
    .selectFrom('audit_log')
    .select(['action', 'actor_person_id', 'channel', 'client_address', 'details'])
    .where('subject_id', '=', personId)
    .orderBy('at')
    .orderBy('id')
    .execute();

const rolesOf = async (personId: string) =>
  (
    await t.database.db
      .selectFrom('person_roles')
      .select(['role', 'country_code'])
      .where('person_id', '=', personId)
      .orderBy('role')
      .orderBy('country_code')
      .execute()
  ).map((row) => `${row.role}${row.country_code ? `:${row.country_code}` : ''}`);

test('only program coordinators reach the pages', async () => {
  t.cookies.delete('iln.session_token');
  expect((await t.request('/coordinator/people')).status).toBe(303);
  await signInAs(t, 'kenya@example.org');
  expect((await t.request('/coordinator/people')).status).toBe(403);
  expect((await t.postForm('/coordinator/people', { email: 'x@example.org', kind: 'program' })).status).toBe(
    403,
  );
  expect((await t.request(`/coordinator/people/${leadId}/remove`)).status).toBe(403);
  await signInAsLead();
  const page = await t.request('/coordinator/people');
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('Wanjiru');
  expect(html).toContain('Country coordinator: Kenya (KE)');
  expect(html).toMatch(/Lead\s*\(you\)/);
  expect(html).toContain('<form method="post" action="/coordinator/people"');
  expect(html).toContain('href="/coordinator/people"');
});

test('adding a coordinator: problems beside the fields, then the person with their countries, audited from where', async () => {
  await signInAsLead();
  const bad = await t.postForm('/coordinator/people', {
    email: 'not-an-address',
    kind: 'country',
    countries: 'XX, NG',
  });
  expect(bad.status).toBe(422);
  const html = await bad.text();
  expect(html).toContain('Unknown country code: XX');
  expect(html).toContain('value="not-an-address"');
  const none = await t.postForm('/coordinator/people', {
    email: 'peru@example.org',
    kind: 'country',
    countries: '',
  });
  expect(await none.text()).toContain('Give at least one country for a country coordinator');

  const added = await t.postForm(
    '/coordinator/people',
    { email: 'Peru@Example.org', name: 'Rosa', kind: 'country', countries: 'pe, BO' },
    FROM,
  );
  expect(added.status).toBe(303);
  expect(added.headers.get('location')).toBe('/coordinator/people');
  const list = await (await t.request('/coordinator/people')).text();
  expect(list).toContain('Rosa is now a coordinator.');
  expect(list).toContain('Country coordinator: Bolivia (BO), Peru (PE)');
  const rosa = await t.database.db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'peru@example.org')
    .executeTakeFirstOrThrow();
  expect(await rolesOf(rosa.id)).toEqual(['country_coordinator:BO', 'country_coordinator:PE']);
  const [entry] = await auditOf(rosa.id);
  expect(entry).toMatchObject({
    action: 'coordinator.created',
    actor_person_id: leadId,
    channel: 'web',
    client_address: '203.0.113.50',
  });

  const again = await t.postForm('/coordinator/people', { email: 'peru@example.org', kind: 'program' });
  expect(again.status).toBe(409);
  expect(await again.text()).toContain('peru@example.org is a coordinator already');
});

test('changing a coordinator’s countries and role, audited with what changed', async () => {
  await signInAsLead();
  const form = await (await t.request(`/coordinator/people/${kenyaId}`)).text();
  expect(form).toContain('value="KE"');
  expect(form).not.toContain('name="confirmSelf"');
  const changed = await t.postForm(
    `/coordinator/people/${kenyaId}`,
    { name: 'Wanjiru K.', kind: 'country', countries: 'KE, UG' },
    FROM,
  );
  expect(changed.status).toBe(303);
  expect(await rolesOf(kenyaId)).toEqual(['country_coordinator:KE', 'country_coordinator:UG']);
  // A later moment, so the audit trail's order (by time) is the order of the changes.
  t.clock.advance(1000);
  const promoted = await t.postForm(
    `/coordinator/people/${kenyaId}`,
    { name: 'Wanjiru K.', kind: 'program' },
    FROM,
  );
  expect(promoted.status).toBe(303);
  expect(await rolesOf(kenyaId)).toEqual(['program_coordinator']);
  const changes = (await auditOf(kenyaId)).filter((row) => row.action === 'coordinator.changed');
  expect(changes.map((row) => JSON.parse(row.details))).toEqual([
    {
      email: 'kenya@example.org',
      removedRoles: [],
      grantedRoles: [{ role: 'country_coordinator', countryCode: 'UG' }],
      name: { from: 'Wanjiru', to: 'Wanjiru K.' },
    },
    {
      email: 'kenya@example.org',
      removedRoles: [
        { role: 'country_coordinator', countryCode: 'KE' },
        { role: 'country_coordinator', countryCode: 'UG' },
      ],
      grantedRoles: [{ role: 'program_coordinator', countryCode: null }],
    },
  ]);
  expect(changes.every((row) => row.client_address === '203.0.113.50')).toBe(true);
  // Back to a country coordinator for the tests after this one.
  await t.postForm(`/coordinator/people/${kenyaId}`, { name: 'Wanjiru', kind: 'country', countries: 'KE' });
  expect(await rolesOf(kenyaId)).toEqual(['country_coordinator:KE']);
});

test('the last program coordinator cannot be removed or demoted, even by themselves with confirmation', async () => {
  await signInAsLead();
  const self = await (await t.request(`/coordinator/people/${leadId}/remove`)).text();
  expect(self).toContain('This is you.');
  expect(self).toContain('name="confirmSelf"');
  for (const [path, fields] of [
    [`/coordinator/people/${leadId}/remove`, { confirmSelf: 'yes' }],
    [`/coordinator/people/${leadId}`, { name: 'Lead', kind: 'country', countries: 'AU', confirmSelf: 'yes' }],
  ] as const) {
    const refused = await t.postForm(path, fields);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Lead is the last program coordinator');
  }
  expect(await rolesOf(leadId)).toEqual(['program_coordinator']);
});

test('removing oneself needs the confirmation box; removing another coordinator takes a confirmation page', async () => {
  await signInAsLead();
  await t.postForm('/coordinator/people', { email: 'second@example.org', name: 'Second', kind: 'program' });
  const second = await t.database.db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'second@example.org')
    .executeTakeFirstOrThrow();

  const confirm = await t.request(`/coordinator/people/${kenyaId}/remove`);
  const html = await confirm.text();
  expect(html).toContain('Remove Wanjiru as a coordinator?');
  expect(html).not.toContain('name="confirmSelf"');
  const removed = await t.postForm(`/coordinator/people/${kenyaId}/remove`, {}, FROM);
  expect(removed.status).toBe(303);
  expect(await rolesOf(kenyaId)).toEqual([]);
  expect((await auditOf(kenyaId)).at(-1)).toMatchObject({
    action: 'coordinator.removed',
    client_address: '203.0.113.50',
  });
  expect((await t.request(`/coordinator/people/${kenyaId}`)).status).toBe(404);

  const unconfirmed = await t.postForm(`/coordinator/people/${leadId}/remove`, {});
  expect(unconfirmed.status).toBe(409);
  expect(await unconfirmed.text()).toContain('Tick the box to confirm');
  expect(await rolesOf(leadId)).toEqual(['program_coordinator']);
  const demoted = await t.postForm(`/coordinator/people/${leadId}`, {
    name: 'Lead',
    kind: 'country',
    countries: 'AU',
  });
  expect(demoted.status).toBe(409);

  const gone = await t.postForm(`/coordinator/people/${leadId}/remove`, { confirmSelf: 'yes' });
  expect(gone.status).toBe(303);
  expect(gone.headers.get('location')).toBe('/');
  expect(await rolesOf(leadId)).toEqual([]);
  expect((await t.request('/coordinator/people')).status).toBe(403);
  expect(await rolesOf(second.id)).toEqual(['program_coordinator']);
});

test('two program coordinators removing each other at once leave one of them', async () => {
  const services = t.ctx.services.people;
  const a = await services.createCoordinator({
    email: 'a@example.org',
    name: 'A',
    countryCodes: [],
    actorPersonId: null,
  });
  const b = await services.createCoordinator({
    email: 'b@example.org',
    name: 'B',
    countryCodes: [],
    actorPersonId: null,
  });
  // Only A and B are program coordinators now (and "Second" from the test before): remove Second first.
  const second = await t.database.db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'second@example.org')
    .executeTakeFirstOrThrow();
  await services.removeCoordinator({ viewer: a.viewer, personId: second.id });
  const results = await Promise.allSettled([
    services.removeCoordinator({ viewer: a.viewer, personId: b.personId }),
    services.removeCoordinator({ viewer: b.viewer, personId: a.personId }),
  ]);
  expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
  const left = await t.database.db
    .selectFrom('person_roles')
    .select('person_id')
    .where('role', '=', 'program_coordinator')
    .execute();
  expect(left).toHaveLength(1);
});
