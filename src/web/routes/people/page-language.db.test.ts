import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { seedApplication, seedRound } from '../../../../tests/support/review-fixtures';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

/**
 * The language of a page (issue 13): a choice made in this browser (the switcher's `?language=`,
 * remembered in a cookie), else the signed-in person's own (a coordinator's profile setting, a
 * participant's application), else Accept-Language among the shipped languages, else English.
 * On SQLite and PostgreSQL.
 */
let t: TestApp;
const START = new Date('2026-02-01T09:00:00Z');
const SPANISH = { 'accept-language': 'es-AR,es;q=0.9' };

const follow = async (response: Response) => {
  expect(response.status).toBe(303);
  return (await t.request(response.headers.get('location') ?? '')).text();
};
const htmlLang = (page: string) => /<html lang="([^"]+)" dir="([^"]+)"/.exec(page)?.slice(1);

beforeAll(async () => {
  t = await createTestApp({ now: START });
  await t.ctx.services.people.createCoordinator({
    email: 'lead@example.org',
    name: 'Lead',
    countryCodes: [],
    actorPersonId: null,
  });
  await seedRound(t.database.db, { id: 'round-l', name: 'Language round' });
});

beforeEach(() => {
  signOut(t);
});

afterAll(async () => {
  await t.dispose();
});

describe('before anyone signs in', () => {
  test('English by default, the browser’s language when shipped, never a stub from the browser', async () => {
    expect(htmlLang(await (await t.request('/')).text())).toEqual(['en', 'ltr']);
    const spanish = await (await t.request('/', { headers: SPANISH })).text();
    expect(htmlLang(spanish)).toEqual(['es', 'ltr']);
    expect(spanish).toContain('Mentoría entre pares sin fronteras');
    const arabicBrowser = await (await t.request('/', { headers: { 'accept-language': 'ar' } })).text();
    expect(htmlLang(arabicBrowser)).toEqual(['en', 'ltr']);
  });

  test('the switcher’s links stay on the page, echo nothing of the request, and the choice is remembered', async () => {
    const page = await (await t.request('/faq?x=hello-there')).text();
    expect(page).toContain('href="?language=es" lang="es" hreflang="es"');
    expect(page).toMatch(/href="\?language=en"[^>]*aria-current="true"/);
    expect(page).not.toContain('hello-there');
    const chosen = await t.request('/faq?language=es');
    expect(chosen.headers.get('set-cookie')).toContain('lang=es');
    expect(htmlLang(await chosen.text())).toEqual(['es', 'ltr']);
    // Remembered: the next page, with an English browser, stays Spanish.
    const next = await (await t.request('/privacy', { headers: { 'accept-language': 'en' } })).text();
    expect(htmlLang(next)).toEqual(['es', 'ltr']);
    expect(next).toContain('Aviso de privacidad');
  });

  test('the stub Arabic pages can be asked for by name, right to left, English where untranslated', async () => {
    const page = await (await t.request('/?language=ar')).text();
    expect(htmlLang(page)).toEqual(['ar', 'rtl']);
    expect(page).toContain('انتقل إلى المحتوى الرئيسي');
    expect(page).toContain('Peer mentoring across borders');
    // Not offered in the switcher: it is not a shipped language.
    expect(page).not.toContain('hreflang="ar"');
  });

  test('an unknown language asked for by name is ignored', async () => {
    const response = await t.request('/?language=zz');
    expect(response.status).toBe(200);
    expect(htmlLang(await response.text())).toEqual(['en', 'ltr']);
  });
});

describe('a coordinator’s own language', () => {
  test('follows them to any browser, until this browser chooses otherwise', async () => {
    await signInAs(t, 'lead@example.org');
    const bad = await t.postForm('/coordinator/profile', { timeZone: '', language: 'xx' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Choose a language from the list');

    const saved = await follow(await t.postForm('/coordinator/profile', { timeZone: '', language: 'es' }));
    expect(htmlLang(saved)).toEqual(['es', 'ltr']);
    expect(saved).toContain('<option value="es" selected');
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'person.language-set')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details)).toEqual({ language: 'es' });

    // Another browser (no cookie but the session), with an English Accept-Language: still Spanish.
    t.cookies.delete('lang');
    const elsewhere = await (
      await t.request('/coordinator', { headers: { 'accept-language': 'en' } })
    ).text();
    expect(elsewhere).toContain('Panel de coordinación');

    // The switcher in this browser wins over the setting.
    const english = await (await t.request('/coordinator?language=en')).text();
    expect(english).toContain('Coordinator dashboard');

    // Back to the browser's language: the setting is cleared.
    await follow(await t.postForm('/coordinator/profile', { timeZone: '', language: '' }));
    t.cookies.delete('lang');
    const browser = await (await t.request('/coordinator', { headers: SPANISH })).text();
    expect(browser).toContain('Panel de coordinación');
    const plain = await (await t.request('/coordinator')).text();
    expect(plain).toContain('Coordinator dashboard');
  });
});

describe('a participant', () => {
  test('sees their pages in the language they applied in', async () => {
    await t.database.db
      .insertInto('people')
      .values({
        id: 'person-lucia',
        email: 'lucia@example.org',
        name: 'Lucía Pérez',
        locale: 'en',
        time_zone: null,
        created_at: START.toISOString(),
        updated_at: START.toISOString(),
      })
      .execute();
    await seedApplication(t.database.db, {
      roundId: 'round-l',
      id: 'app-lucia',
      name: 'Lucía Pérez',
      country: 'AR',
      email: 'lucia@example.org',
      locale: 'es',
    });
    await signInAs(t, 'lucia@example.org');
    t.cookies.delete('lang');
    const page = await (await t.request('/', { headers: { 'accept-language': 'en' } })).text();
    expect(htmlLang(page)).toEqual(['es', 'ltr']);
  });
});
