import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedManyApplications, seedRound } from '../../../../tests/support/review-fixtures';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { createApplicationReviewRepository } from '../../../db/repositories/review/application-review-repository';
import { getT } from '../../../i18n';
import type { ApplicationFilters, ApplicationSort, CountryScope } from '../../../services/ports/review';
import { EXPORT_PAGE_SIZE } from '../../../services/review/export-applications';
import { exportHeader, exportRow } from '../../views/review/csv-cells';

/**
 * The CSV export, streamed page by page (SQLite and PostgreSQL): the same file as when it was
 * written in one piece, the viewer's countries only, and other requests answered while a long
 * export is under way.
 */
let t: TestApp;
const ROWS = 15 * EXPORT_PAGE_SIZE + 17;
const COUNTRIES = ['KE', 'NG', 'BR'];
const path = '/coordinator/rounds/round-a/applications/export.csv';

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-02-01T09:00:00Z') });
  for (const [email, countryCodes] of [
    ['lead@example.org', []],
    ['kenya@example.org', ['KE']],
  ] as const) {
    await t.ctx.services.people.createCoordinator({
      email,
      name: email,
      countryCodes: [...countryCodes],
      actorPersonId: null,
    });
  }
  const db = t.database.db;
  await seedRound(db, { id: 'round-a' });
  await seedManyApplications(db, {
    roundId: 'round-a',
    count: ROWS,
    idPrefix: 'a-',
    // Names that need quoting and sort differently by case, accents and submission time.
    name: (i) => [`Zoë "Zee" Okafor ${i % 7}`, `ana, María ${i % 5}`, `Émile Zola ${i % 3}`][i % 3]!,
    country: (i) => COUNTRIES[i % COUNTRIES.length]!,
    status: (i) => (i % 11 === 0 ? 'accepted' : 'pending'),
    answers: (i) => ({
      sector: i % 2 === 0 ? 'public' : 'academic',
      role: i % 4 === 0 ? 'Librarian\r\nand "archivist"' : 'Cataloguer',
    }),
  });
  const review = createApplicationReviewRepository(db);
  await review.setDuplicateFlag('a-00040', 'a-00001', 'similar-name');
  await db
    .updateTable('applications')
    .set({ status: 'declined', decline_reason: 'Applied twice; see "a-00001"' })
    .where('id', '=', 'a-00040')
    .execute();
});
afterAll(async () => {
  await t.dispose();
});

/** The file as the export wrote it in one piece before it was streamed: every row read at once. */
const fileWrittenAtOnce = async (scope: CountryScope, filters: ApplicationFilters, sort: ApplicationSort) => {
  const { items } = await createApplicationReviewRepository(t.database.db).listApplications({
    roundId: 'round-a',
    scope,
    filters,
    sort,
    page: 1,
    pageSize: 100_000,
  });
  const en = getT('en');
  return `\uFEFF${stringify(
    [exportHeader(en), ...items.map((application) => exportRow(en, 'en', application))],
    {
      record_delimiter: 'windows',
    },
  )}`;
};

const readChunks = async (response: Response) => {
  const reader = response.body!.getReader();
  // ignoreBOM: keep the byte-order mark in the text (a TextDecoder drops it by default).
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const chunks: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(decoder.decode(value, { stream: true }));
  }
};

describe('a program coordinator', () => {
  beforeAll(async () => {
    signOut(t);
    await signInAs(t, 'lead@example.org');
  });

  test('gets the same file as before, in chunks: byte-order mark, header, CRLF, every row once, in each order', async () => {
    for (const sort of ['submitted', 'name', 'country'] as const) {
      const response = await t.request(`${path}${sort === 'submitted' ? '' : `?sort=${sort}`}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="applications-2026-march-round.csv"',
      );
      const chunks = await readChunks(response);
      // The header, then one chunk per page.
      expect(chunks.length).toBe(1 + Math.ceil(ROWS / EXPORT_PAGE_SIZE));
      const file = chunks.join('');
      expect(file.startsWith('\uFEFFApplication id,Submitted at,Status,Name,')).toBe(true);
      expect(file.endsWith('\r\n')).toBe(true);
      expect(file).toBe(await fileWrittenAtOnce({ kind: 'all' }, {}, sort));
    }
  });

  test('gets the list’s filters applied to the file', async () => {
    const response = await t.request(`${path}?country=NG&status=pending&q=ana&sort=name`);
    const file = (await readChunks(response)).join('');
    expect(file).toBe(
      await fileWrittenAtOnce(
        { kind: 'all' },
        { countryCode: 'NG', status: 'pending', search: 'ana' },
        'name',
      ),
    );
    expect(file.split('\r\n').length).toBeGreaterThan(2);
  });

  test('other requests are answered while an export of many rows is under way', async () => {
    const response = await t.request(path);
    const reader = response.body!.getReader();
    // The export has begun: the byte-order mark and the header are out.
    expect((await reader.read()).done).toBe(false);
    const finished: string[] = [];
    const rest = (async () => {
      for (;;) {
        if ((await reader.read()).done) break;
      }
      finished.push('export');
    })();
    const home = (async () => {
      const page = await t.request('/');
      await page.text();
      finished.push(`home ${page.status}`);
    })();
    await Promise.all([rest, home]);
    expect(finished).toEqual(['home 200', 'export']);
  });

  test('the export gives the event loop a turn between pages', async () => {
    const { pages } = await t.ctx.services.review.export({
      viewer: (await t.ctx.services.people.findViewerByEmail('lead@example.org')) ?? null,
      roundId: 'round-a',
      filters: {},
      sort: 'submitted',
    });
    const events: string[] = [];
    const iterator = pages[Symbol.asyncIterator]();
    await iterator.next();
    // Scheduled after the first page: a request arriving then runs before the last page is read.
    setImmediate(() => events.push('turn'));
    let read = 1;
    while (!(await iterator.next()).done) read++;
    events.push('last page');
    expect(read).toBe(Math.ceil(ROWS / EXPORT_PAGE_SIZE));
    expect(events).toEqual(['turn', 'last page']);
  });
});

describe('a country coordinator', () => {
  beforeAll(async () => {
    signOut(t);
    await signInAs(t, 'kenya@example.org');
  });

  test('gets only their countries, even when asking for another', async () => {
    const kenya: CountryScope = { kind: 'countries', countryCodes: ['KE'] };
    const file = (await readChunks(await t.request(path))).join('');
    expect(file).toBe(await fileWrittenAtOnce(kenya, {}, 'submitted'));
    const [header, ...rows] = parse(file, { bom: true }) as string[][];
    const country = header!.indexOf('Country code');
    expect(rows.length).toBe(Math.ceil(ROWS / 3));
    expect(rows.every((row) => row[country] === 'KE')).toBe(true);
    const nigeria = (await readChunks(await t.request(`${path}?country=NG`))).join('');
    expect(parse(nigeria, { bom: true })).toHaveLength(1);
  });
});
