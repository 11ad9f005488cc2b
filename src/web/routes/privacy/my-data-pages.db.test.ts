import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signInAs } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import {
  seedTrustFixture,
  TRUST_COORDINATORS,
  TRUST_NOW,
  type TrustFixture,
} from '../../../../tests/support/trust-fixture';
import { PRIVACY_NOTICE_VERSION } from '../../../core/privacy/privacy-notice';
import type { PersonalDataExport } from '../../../services/privacy/export-personal-data';

let t: TestApp;
let f: TrustFixture;
beforeEach(async () => {
  t = await createTestApp();
  f = await seedTrustFixture(t);
  t.clock.set(TRUST_NOW);
});
afterEach(async () => {
  await t.dispose();
});

const db = () => t.database.db;

/** What aggregates are made of: applications by round, country and status; anonymous survey answers. */
const aggregates = async () => ({
  applications: await db()
    .selectFrom('applications')
    .select(['round_id', 'country_code', 'status', 'sector'])
    .orderBy('round_id')
    .orderBy('country_code')
    .orderBy('status')
    .orderBy('sector')
    .execute(),
  surveyResponses: (await db().selectFrom('survey_responses').select('id').execute()).length,
});

const auditOf = (action: string) =>
  db().selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('at').execute();

describe('a signed-in participant', () => {
  beforeEach(async () => {
    await signInAs(t, f.participant.email);
  });

  test('finds "your data" in their area and downloads everything held about them, no secrets', async () => {
    expect(await (await t.request('/participant')).text()).toContain('href="/participant/my-data"');
    const page = await t.request('/participant/my-data');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('href="/participant/my-data/download"');

    const response = await t.request('/participant/my-data/download');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data.privacyNoticeVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(data.person.email).toBe(f.participant.email);
    expect(data.applications.map((a: { id: string }) => a.id)).toEqual([f.participant.applicationId]);
    expect(data.applications[0].answers.email).toBe(f.participant.email);
    expect(data.consents).toHaveLength(1);
    expect(data.partnerships).toHaveLength(1);
    expect(data.partnerships[0].id).toBe(f.participant.partnershipId);
    // Partners by first name only, as the area shows them.
    expect(data.partnerships[0].partnerFirstNames.length).toBeGreaterThan(0);
    for (const name of data.partnerships[0].partnerFirstNames) expect(name).toBe('Person');
    const partners = await db()
      .selectFrom('partnership_members')
      .innerJoin('applications', 'applications.id', 'partnership_members.application_id')
      .select(['applications.name', 'applications.email'])
      .where('partnership_members.partnership_id', '=', f.participant.partnershipId)
      .where('applications.id', '!=', f.participant.applicationId)
      .execute();
    for (const partner of partners) {
      expect(text).not.toContain(partner.name);
      expect(text).not.toContain(partner.email);
    }
    expect(data.emails.some((e: { kind: string }) => e.kind === 'partnership-introduction')).toBe(true);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.surveyParticipation.map((s: { surveyId: string }) => s.surveyId)).toContain(f.sentSurveyId);
    // Never a token nor its hash, never a session token.
    const hashes = await db()
      .selectFrom('application_private_links')
      .select('token_hash')
      .where('application_id', '=', f.participant.applicationId)
      .execute();
    const sessions = await db().selectFrom('auth_sessions').select('token').execute();
    for (const secret of [...hashes.map((h) => h.token_hash), ...sessions.map((s) => s.token)]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/token/i);
    // The download is recorded, by ids, and is among the audit entries about them the next time.
    const [exported] = await auditOf('person.data-exported');
    expect(exported?.subject_id).toBe(data.person.id);
    expect(exported?.details).toBe('{"applications":1}');
    const again = (await (await t.request('/participant/my-data/download')).json()) as PersonalDataExport;
    expect(again.auditEntries).toContainEqual(
      expect.objectContaining({ action: 'person.data-exported', byThemselves: true, channel: 'web' }),
    );
  });

  test('erases their data after one confirmation: rows emptied, aggregates kept, partner told nothing personal, signed out', async () => {
    const before = await aggregates();
    const person = await db()
      .selectFrom('people')
      .select('id')
      .where('email', '=', f.participant.email)
      .executeTakeFirstOrThrow();
    const confirm = await t.request('/participant/my-data/erase');
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('action="/participant/my-data/erase"');

    const erased = await t.postForm('/participant/my-data/erase');
    expect(erased.status).toBe(303);
    expect(erased.headers.get('location')).toBe('/data-erased');
    const after = await t.request('/data-erased');
    expect(after.status).toBe(200);

    // The application is emptied and withdrawn; nothing of the person is left in it.
    const application = await db()
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', f.participant.applicationId)
      .executeTakeFirstOrThrow();
    expect(application.status).toBe('withdrawn');
    expect(application.erased_at).not.toBeNull();
    expect(application.edit_token_hash).toBeNull();
    const row = JSON.stringify(application);
    expect(row).not.toContain(f.participant.email);
    expect(row).not.toContain(f.participant.name);
    const stored = await db()
      .selectFrom('people')
      .selectAll()
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(f.participant.email);
    expect(stored.erased_at).not.toBeNull();
    expect(
      await db().selectFrom('auth_users').select('id').where('email', '=', f.participant.email).execute(),
    ).toEqual([]);
    expect(
      await db()
        .selectFrom('mail_messages')
        .select('id')
        .where('to_address', '=', f.participant.email)
        .execute(),
    ).toEqual([]);
    for (const table of ['application_private_links', 'check_in_links', 'survey_links'] as const) {
      expect(
        await db()
          .selectFrom(table)
          .select('application_id')
          .where('application_id', '=', f.participant.applicationId)
          .execute(),
      ).toEqual([]);
    }

    // Aggregates add up: the same rows by round, country and sector, one status moved to withdrawn.
    const now = await aggregates();
    expect(now.surveyResponses).toBe(before.surveyResponses);
    expect(now.applications).toHaveLength(before.applications.length);
    const byCountry = (rows: typeof before.applications) =>
      rows.map((r) => `${r.round_id}:${r.country_code}:${r.sector}`).sort();
    expect(byCountry(now.applications)).toEqual(byCountry(before.applications));

    // Leaving counts as leaving: the partnership records it and the partner is told, impersonally.
    const membership = await db()
      .selectFrom('partnership_members')
      .select(['left_at', 'left_reason'])
      .where('application_id', '=', f.participant.applicationId)
      .executeTakeFirstOrThrow();
    expect(membership.left_reason).toBe('withdrawn');
    const told = await db()
      .selectFrom('mail_messages')
      .select(['subject', 'text_body'])
      .where('kind', '=', 'partnership-partner-left')
      .execute();
    expect(told.length).toBeGreaterThan(0);
    for (const message of told) {
      expect(message.text_body).not.toContain(f.participant.name);
      expect(message.text_body).not.toContain(f.participant.email);
    }

    // The trail records the erasure by ids, and no entry about the person names them.
    const [entry] = await auditOf('person.data-erased');
    expect(entry?.subject_id).toBe(person.id);
    const trail = JSON.stringify(
      await db().selectFrom('audit_log').select(['details', 'subject_id']).execute(),
    );
    expect(trail).not.toContain(f.participant.email);
    expect(trail).not.toContain(f.participant.name);

    // Signed out everywhere: the area asks to sign in again.
    const area = await t.request('/participant');
    expect(area.status).toBe(303);
    expect(area.headers.get('location')).toMatch(/^\/sign-in/);

    // Erasing again changes nothing.
    const again = await t.ctx.services.privacy.eraseData({
      viewer: {
        personId: person.id,
        email: stored.email,
        name: '',
        isProgramCoordinator: false,
        coordinatedCountryCodes: [],
      },
    });
    expect(again.applications).toBe(0);
  });
});

describe('an applicant with their private link', () => {
  test('finds "your data" on their application page and downloads it', async () => {
    const page = await (await t.request(`/applications/${f.applicant.token}`)).text();
    expect(page).toContain(`href="/applications/${f.applicant.token}/my-data"`);
    expect((await t.request(`/applications/${f.applicant.token}/my-data`)).status).toBe(200);
    const response = await t.request(`/applications/${f.applicant.token}/my-data.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const data = (await response.json()) as PersonalDataExport;
    expect(data.person).toBeNull();
    expect(data.applications).toHaveLength(1);
    expect(data.applications[0]).toMatchObject({
      answers: { name: f.applicant.name },
      privateLinksSentAt: expect.any(Array),
    });
    // The consent record: the version of the notice they accepted on the form.
    expect(data.consents[0]?.privacyNoticeVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(data.emails.some((e: { kind: string }) => e.kind === 'application-received')).toBe(true);
  });

  test('erases it; the link opens nothing afterwards', async () => {
    expect((await t.request(`/applications/${f.applicant.token}/erase`)).status).toBe(200);
    const erased = await t.postForm('/applications/erase', { token: f.applicant.token });
    expect(erased.status).toBe(303);
    expect(erased.headers.get('location')).toBe('/data-erased');
    const row = await db()
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', f.applicant.applicationId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(f.applicant.email);
    expect(row.country_code).toBe('KE');
    expect((await t.request(`/applications/${f.applicant.token}`)).status).toBe(404);
    expect((await t.request(`/applications/${f.applicant.token}/my-data.json`)).status).toBe(404);
    const [entry] = await auditOf('application.erased');
    expect(entry?.subject_id).toBe(f.applicant.applicationId);
    expect(entry?.details).not.toContain(f.applicant.email);
  });

  test('a well-formed link that was never issued is a 404, and erases nothing', async () => {
    const unknown = 'A'.repeat(43);
    expect((await t.request(`/applications/${unknown}/my-data.json`)).status).toBe(404);
    expect((await t.postForm('/applications/erase', { token: unknown })).status).toBe(404);
    expect(await auditOf('application.erased')).toEqual([]);
  });
});

test('a coordinator cannot erase themselves before a program coordinator removes their roles', async () => {
  await signInAs(t, TRUST_COORDINATORS.kenya.email);
  const refused = await t.postForm('/participant/my-data/erase');
  expect(refused.status).toBe(409);
  expect(await refused.text()).toContain('is a coordinator');
  const still = await db()
    .selectFrom('people')
    .select('name')
    .where('email', '=', TRUST_COORDINATORS.kenya.email)
    .executeTakeFirst();
  expect(still?.name).toBe(TRUST_COORDINATORS.kenya.name);
});

test('the privacy notice shows its version, the one applications record', async () => {
  const page = await (await t.request('/privacy')).text();
  expect(page).toContain(`Version ${PRIVACY_NOTICE_VERSION}.`);
  const row = await db()
    .selectFrom('applications')
    .select('consent_version')
    .where('id', '=', f.applicant.applicationId)
    .executeTakeFirstOrThrow();
  expect(row.consent_version).toBe(PRIVACY_NOTICE_VERSION);
});
