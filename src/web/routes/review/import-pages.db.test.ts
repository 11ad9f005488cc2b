import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { seedRound } from '../../../../tests/support/review-fixtures';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { CSRF_FIELD, CSRF_HEADER } from '../../middleware/csrf';

/**
 * Importing applications over HTTP, as a coordinator's browser does it without JavaScript: upload a
 * CSV (multipart), check the guessed columns, import, read the report. Mistakes and damaged
 * uploads, and who may. On SQLite and PostgreSQL.
 */
let t: TestApp;

const HEADER =
  'Name,Email,Country,Languages,Sector,Role,Career stage,Years in profession,Interests,Availability,Hopes,Heard from,Privacy consent,Code of conduct';
const row = (name: string, email: string, country: string, sector = 'Public') =>
  `${name},${email},${country},English (Fluent),${sector},Librarian,Mid career,10,Information technology; Open access and scholarly communication; Research data management,Monday 09:00-11:00,To learn,A colleague or friend,yes,yes`;

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
  await seedRound(t.database.db, { id: 'round-a', status: 'open' });
  await seedRound(t.database.db, { id: 'round-done', name: 'Old round', status: 'finished' });
});
beforeEach(async () => {
  await t.database.db.deleteFrom('applications').execute();
  await t.database.db.deleteFrom('application_imports').execute();
});
afterAll(async () => {
  await t.dispose();
});

/** What the upload form sends: the CSRF field and the file, as multipart/form-data. */
const upload = async (roundId: string, content: string | undefined, fileName = 'old-form.csv') => {
  const body = new FormData();
  body.append(CSRF_FIELD, await t.csrfToken());
  if (content !== undefined) body.append('file', new File([content], fileName, { type: 'text/csv' }));
  return t.request(`/coordinator/rounds/${roundId}/imports`, { method: 'POST', body });
};

/** The column chosen in each select of the mapping form, as the browser would send them back. */
const chosenColumns = (page: string): Record<string, string> => {
  const chosen: Record<string, string> = {};
  for (const select of page.matchAll(/<select[^>]*name="(map\.[^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = select[2]!.match(/<option value="([^"]*)" selected/);
    chosen[select[1]!] = selected?.[1] ?? select[2]!.match(/<option value="([^"]*)"/)?.[1] ?? '';
  }
  return chosen;
};

const expectIn = (page: string, piece: string) => expect(page.includes(piece), piece).toBe(true);
const applicationNames = async () =>
  (await t.database.db.selectFrom('applications').select('name').orderBy('name').execute()).map(
    (r) => r.name,
  );

describe('a program coordinator', () => {
  beforeAll(async () => {
    signOut(t);
    await signInAs(t, 'lead@example.org');
  });

  test('uploads a CSV, keeps the guessed columns, and imports every row', async () => {
    const form = await t.request('/coordinator/rounds/round-a/imports/new');
    expect(form.status).toBe(200);
    expectIn(await form.text(), 'enctype="multipart/form-data"');

    const csv = [
      HEADER,
      row('Ana Silva', 'ana@example.org', 'Brazil'),
      row('Cy Ng', 'cy@example.org', 'SG'),
    ].join('\n');
    const uploaded = await upload('round-a', csv);
    expect(uploaded.status).toBe(303);
    const mappingPath = uploaded.headers.get('location')!;
    expect(mappingPath).toMatch(/^\/coordinator\/rounds\/round-a\/imports\/[^/]+$/);
    const mapping = await (await t.request(mappingPath)).text();
    expectIn(mapping, 'old-form.csv: 2 rows.');
    const columns = chosenColumns(mapping);
    expect(columns).toMatchObject({ 'map.name': '0', 'map.email': '1', 'map.countryOfResidence': '2' });
    // Nothing is imported before the coordinator confirms.
    expect(await applicationNames()).toEqual([]);

    const imported = await t.postForm(mappingPath, columns);
    expect(imported.status).toBe(200);
    const report = await imported.text();
    expectIn(
      report,
      '2 of 2 applications imported (0 on the waitlist because of the country quota, 0 flagged as likely duplicates).',
    );
    expectIn(report, 'This file has already been imported.');
    expect(await applicationNames()).toEqual(['Ana Silva', 'Cy Ng']);

    // Sent again (a double click, the back button): refused, nothing imported twice.
    const again = await t.postForm(mappingPath, columns);
    expect(again.status).toBe(409);
    expect(await applicationNames()).toEqual(['Ana Silva', 'Cy Ng']);
  });

  test('a bad row: 422 with a report naming the row and field, nothing imported; skipping it imports the rest', async () => {
    const csv = [
      HEADER,
      row('Ana Silva', 'ana@example.org', 'Brazil'),
      row('Bo Li', 'bo@example.org', 'China', 'Spaceships'),
    ].join('\n');
    const mappingPath = (await upload('round-a', csv)).headers.get('location')!;
    const columns = chosenColumns(await (await t.request(mappingPath)).text());
    const refused = await t.postForm(mappingPath, columns);
    expect(refused.status).toBe(422);
    const report = await refused.text();
    expectIn(report, 'Nothing was imported.');
    expectIn(report, '1 problem in the file.');
    expectIn(report, '<tr data-row="3"><th scope="row">3</th><td>Sector</td>');
    // In the coordinator's words, quoting the cell.
    expectIn(report, '“Spaceships” is not one of the sectors: see “Accepted values” on the upload page.');
    expect(await applicationNames()).toEqual([]);

    const skipped = await t.postForm(mappingPath, { ...columns, skipBadRows: 'on' });
    expect(skipped.status).toBe(200);
    expectIn(await skipped.text(), '1 of 2 applications imported');
    expect(await applicationNames()).toEqual(['Ana Silva']);
  });

  test('the upload page offers a template and the accepted values; the template imports as it is, and the applicant is emailed a private link', async () => {
    const form = await (await t.request('/coordinator/rounds/round-a/imports/new')).text();
    expectIn(form, 'href="/coordinator/rounds/round-a/imports/template.csv"');
    expectIn(form, '<summary>Accepted values</summary>');
    expectIn(form, '<code>mid</code> Mid career');
    expectIn(form, 'Each applicant you import is emailed a confirmation with their own private link');

    const template = await t.request('/coordinator/rounds/round-a/imports/template.csv');
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toContain('text/csv');
    const csv = await template.text();
    const [header] = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(header).toContain('Agreed to the privacy notice');
    expect(header?.split(',')).toHaveLength(22);

    const mappingPath = (await upload('round-a', csv, 'applications-template.csv')).headers.get('location')!;
    const mapping = await (await t.request(mappingPath)).text();
    // Every column of the template is recognised, the consents too.
    const columns = chosenColumns(mapping);
    expect(Object.values(columns).filter((choice) => !/^\d+$/.test(choice))).toEqual([]);
    expectIn(
      mapping,
      'When you import, each applicant is emailed a confirmation with their own private link.',
    );

    const imported = await t.postForm(mappingPath, columns);
    expect(imported.status).toBe(200);
    const report = await imported.text();
    expectIn(report, '1 of 1 applications imported');
    expectIn(report, '1 applicant was emailed a confirmation with their private link.');
    expect(await applicationNames()).toEqual(['Amina Odhiambo']);

    const mails = await t.database.db
      .selectFrom('mail_messages')
      .select(['kind', 'subject', 'text_body'])
      .where('to_address', '=', 'amina.odhiambo@example.org')
      .execute();
    expect(mails.map((mail) => mail.kind)).toEqual(['application-imported']);
    expect(mails[0]!.text_body).toContain('You do not need to apply again.');
    const link = mails[0]!.text_body.match(/https?:\/\/[^/\s]+(\/applications\/\S+)/)?.[1];
    expect(link).toBeDefined();
    // The private link opens the imported application.
    const own = await t.request(link!);
    expect(own.status).toBe(200);
    expectIn(await own.text(), 'Amina Odhiambo');
  });

  test('a file silent on consent is stopped at the columns, in words; “yes for every row” imports it', async () => {
    const header =
      'Name,Email,Country,Languages,Sector,Role,Career stage,Years in profession,Interests,Availability,Hopes,Heard from';
    const line = row('Ana Silva', 'ana@example.org', 'Brazil').split(',').slice(0, 12).join(',');
    const mappingPath = (await upload('round-a', `${header}\n${line}`)).headers.get('location')!;
    const mapping = await (await t.request(mappingPath)).text();
    // The consent fields are required, start unchosen, and offer no "not in the file".
    const consent = mapping.match(/<select[^>]*name="map\.privacyConsent"[^>]*>([\s\S]*?)<\/select>/)![1]!;
    expect(consent).toMatch(/^<option value="">Choose a column<\/option>/);
    expect(consent).not.toContain('value="none"');
    const columns = chosenColumns(mapping);
    expect(columns['map.privacyConsent']).toBe('');

    const refused = await t.postForm(mappingPath, columns);
    expect(refused.status).toBe(422);
    expectIn(
      await refused.text(),
      'Say whether applicants agreed: choose the column that records it, or “Yes for every row” if everyone agreed on the original form',
    );
    expect(await applicationNames()).toEqual([]);

    const imported = await t.postForm(mappingPath, {
      ...columns,
      'map.privacyConsent': 'yes',
      'map.codeOfConductAccepted': 'yes',
    });
    expect(imported.status).toBe(200);
    expect(await applicationNames()).toEqual(['Ana Silva']);
  });

  test('no file, an empty file and a file that is not CSV give 422 beside the file field', async () => {
    const cases: [string | undefined, string][] = [
      [undefined, 'Choose the CSV file to import'],
      ['', 'Choose the CSV file to import'],
      [`${HEADER}\n`, 'Choose a CSV file with a header row and at least one application'],
      ['Name,Email\n"Ana Silva,ana@example.org\n', 'The file is not a readable CSV file (Quote Not Closed'],
      // A spreadsheet saved as .xlsx (a zip file): its NULs could not even be stored on PostgreSQL.
      ['PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000\u0000\u0000!\u0000', 'This is not a CSV file'],
    ];
    for (const [content, message] of cases) {
      const response = await upload('round-a', content);
      expect(response.status, String(content)).toBe(422);
      const page = await response.text();
      expectIn(page, message);
      expectIn(page, 'id="field-file-error"');
    }
    expect(await t.database.db.selectFrom('application_imports').select('id').execute()).toEqual([]);
  });

  test('a damaged upload (a multipart body that cannot be parsed) is a plain 400 page', async () => {
    const token = await t.csrfToken();
    const boundary = 'ILNboundary';
    // The CSRF field, then a file part cut off before its closing boundary.
    const body = [
      `--${boundary}`,
      `Content-Disposition: form-data; name="${CSRF_FIELD}"`,
      '',
      token,
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="old.csv"',
      'Content-Type: text/csv',
      '',
      `${HEADER}\n${row('Ana Silva', 'ana@example.org', 'Brazil')}`,
    ].join('\r\n');
    const response = await t.request('/coordinator/rounds/round-a/imports', {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expectIn(page, 'We could not read that request');
    expect(page).not.toMatch(/\bat \S+\.(ts|js):\d+/);
    // The same with the token in the header, as htmx sends it: the route itself reads the body.
    const withHeader = await t.request('/coordinator/rounds/round-a/imports', {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, [CSRF_HEADER]: token },
      body: body.slice(body.indexOf(`--${boundary}\r\nContent-Disposition: form-data; name="file"`)),
    });
    expect(withHeader.status).toBe(400);
    expectIn(await withHeader.text(), 'We could not read that request');
    expect(await applicationNames()).toEqual([]);
    expect(await t.database.db.selectFrom('application_imports').select('id').execute()).toEqual([]);
  });

  test('a finished round takes no import (409), and an unknown upload is a 404', async () => {
    const response = await upload(
      'round-done',
      [HEADER, row('Ana Silva', 'ana@example.org', 'Brazil')].join('\n'),
    );
    expect(response.status).toBe(409);
    expectIn(
      await response.text(),
      'The round “Old round” is finished: applications can no longer be added.',
    );
    expect((await t.request('/coordinator/rounds/round-a/imports/no-such-upload')).status).toBe(404);
  });
});

describe('a country coordinator', () => {
  beforeAll(async () => {
    signOut(t);
    await signInAs(t, 'kenya@example.org');
  });

  test('may not upload or import (403)', async () => {
    const response = await upload(
      'round-a',
      [HEADER, row('Ana Silva', 'ana@example.org', 'Brazil')].join('\n'),
    );
    expect(response.status).toBe(403);
    expect(await t.database.db.selectFrom('application_imports').select('id').execute()).toEqual([]);
  });
});

describe('an anonymous visitor', () => {
  beforeAll(() => {
    signOut(t);
  });

  test('is sent to sign in, and nothing is kept', async () => {
    const response = await upload(
      'round-a',
      [HEADER, row('Ana Silva', 'ana@example.org', 'Brazil')].join('\n'),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/sign-in\?next=/);
    expect(await t.database.db.selectFrom('application_imports').select('id').execute()).toEqual([]);
  });
});
