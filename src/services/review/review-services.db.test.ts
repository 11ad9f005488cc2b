import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { testServiceDeps } from '../../../tests/support/mail';
import { seedApplication, seedRound } from '../../../tests/support/review-fixtures';
import { createTestContext } from '../../../tests/support/test-app';
import { guessColumnMapping } from '../../core/applications/csv-row';
import type { Viewer } from '../../core/people/viewer';
import { PRIVACY_NOTICE_VERSION } from '../../core/privacy/privacy-notice';
import { createApplicationReviewRepository } from '../../db/repositories/review/application-review-repository';
import { getT } from '../../i18n';
import { choiceNamesInEveryLanguage } from '../../i18n/labels';
import { importHeaderNames, writeExportCsv } from '../../web/views/review/csv-cells';
import type { UseCaseDeps } from '../ports/deps';
import { changeRoundStatus } from '../rounds/transition-round';
import { admitWaitlistedApplications } from './admit-from-waitlist';
import { exportApplications } from './export-applications';
import { importApplications, readCsv, uploadApplicationsCsv } from './import-applications';
import { reviewApplication } from './review-application';

/** The round and review use cases on a real database (SQLite and PostgreSQL). */
let context: Awaited<ReturnType<typeof createTestContext>>;
const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};
let deps: UseCaseDeps;
let ids = 0;

const program: Viewer = {
  personId: 'p-lead',
  email: 'lead@example.org',
  name: 'Lead',
  isProgramCoordinator: true,
  coordinatedCountryCodes: [],
};
const kenya: Viewer = {
  ...program,
  personId: 'p-ke',
  email: 'ke@example.org',
  isProgramCoordinator: false,
  coordinatedCountryCodes: ['KE'],
};

beforeEach(async () => {
  context = await createTestContext({ now: new Date('2026-02-01T09:00:00Z') });
  const db = context.database.db;
  for (const person of [program, kenya]) {
    await db
      .insertInto('people')
      .values({
        id: person.personId,
        email: person.email,
        name: person.name,
        locale: 'en',
        time_zone: null,
        created_at: 'x',
        updated_at: 'x',
      })
      .execute();
  }
  deps = testServiceDeps(context.database, {
    now: context.ctx.now,
    config: { baseUrl: 'https://iln.example' },
    newId: () => `new-${++ids}`,
  });
});
afterEach(async () => {
  await context.dispose();
});

describe('review repository scope', () => {
  test('a country coordinator’s list, counts, detail and export never include other countries', async () => {
    const db = context.database.db;
    await seedRound(db);
    await seedApplication(db, { roundId: 'round-a', id: 'ke-1', name: 'Achieng Otieno', country: 'KE' });
    await seedApplication(db, { roundId: 'round-a', id: 'ng-1', name: 'Chinedu Eze', country: 'NG' });
    await seedApplication(db, { roundId: 'round-a', id: 'ng-2', name: 'Chinedu Ezeh', country: 'NG' });
    const review = createApplicationReviewRepository(db);
    const scope = { kind: 'countries' as const, countryCodes: ['KE'] };
    const list = await review.listApplications({
      roundId: 'round-a',
      scope,
      filters: {},
      sort: 'name',
      page: 1,
      pageSize: 50,
    });
    expect(list.items.map((a) => a.id)).toEqual(['ke-1']);
    expect(list.total).toBe(1);
    // Asking for another country through the filter still gives nothing.
    const other = await review.listApplications({
      roundId: 'round-a',
      scope,
      filters: { countryCode: 'NG' },
      sort: 'name',
      page: 1,
      pageSize: 50,
    });
    expect(other).toEqual({ items: [], total: 0 });
    expect(await review.countApplications('round-a', scope)).toEqual({
      total: 1,
      byStatus: { pending: 1 },
      byCountry: [{ countryCode: 'KE', count: 1 }],
      bySector: [{ sector: 'academic', count: 1 }],
    });
    expect(await review.findApplicationInScope('ng-1', scope)).toBeUndefined();
    expect((await review.findApplicationInScope('ng-1', { kind: 'all' }))?.name).toBe('Chinedu Eze');
    expect(
      await review.findApplicationInScope('ke-1', { kind: 'countries', countryCodes: [] }),
    ).toBeUndefined();
    const exported = await exportApplications(deps, {
      viewer: kenya,
      roundId: 'round-a',
      filters: {},
      sort: 'submitted',
    });
    expect((await collect(exported.pages)).flat().map((application) => application.id)).toEqual(['ke-1']);
    await expect(
      reviewApplication(deps, { viewer: kenya, roundId: 'round-a', applicationId: 'ng-1', action: 'accept' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('paging is 50 a page in a stable order', async () => {
    const db = context.database.db;
    await seedRound(db);
    for (let i = 0; i < 55; i++)
      await seedApplication(db, {
        roundId: 'round-a',
        id: `a-${String(i).padStart(2, '0')}`,
        name: `Person ${i}`,
        country: 'KE',
      });
    const review = createApplicationReviewRepository(db);
    const page2 = await review.listApplications({
      roundId: 'round-a',
      scope: { kind: 'all' },
      filters: {},
      sort: 'submitted',
      page: 2,
      pageSize: 50,
    });
    expect(page2.total).toBe(55);
    expect(page2.items.map((a) => a.id)).toEqual(['a-50', 'a-51', 'a-52', 'a-53', 'a-54']);
  });
});

describe('round transitions and carry-over', () => {
  test('an illegal move is a CONFLICT with the reason; opening carries the waitlist over once', async () => {
    const db = context.database.db;
    await seedRound(db, {
      id: 'old',
      name: 'Old round',
      status: 'under-way',
      startsOn: '2025-09-01',
      endsOn: '2026-01-01',
      applicationsOpenAt: new Date('2025-07-01T00:00:00Z'),
      applicationsCloseAt: new Date('2025-08-20T00:00:00Z'),
    });
    await seedApplication(db, {
      roundId: 'old',
      id: 'w-1',
      name: 'Wait One',
      country: 'KE',
      status: 'waitlisted',
    });
    await seedApplication(db, {
      roundId: 'old',
      id: 'w-2',
      name: 'Wait Two',
      country: 'NG',
      status: 'waitlisted',
    });
    await seedApplication(db, {
      roundId: 'old',
      id: 'a-1',
      name: 'In Round',
      country: 'NG',
      status: 'accepted',
    });
    await seedApplication(db, {
      roundId: 'old',
      id: 'w-3',
      name: 'No Thanks',
      country: 'BR',
      status: 'waitlisted',
    });
    await db.updateTable('applications').set({ declined_carry_over: 1 }).where('id', '=', 'w-3').execute();
    await db.updateTable('applications').set({ locale: 'sw' }).where('id', '=', 'w-1').execute();
    await seedRound(db, {
      id: 'new',
      name: 'New round',
      status: 'draft',
      applicationsOpenAt: new Date('2026-01-10T00:00:00Z'),
      applicationsCloseAt: new Date('2026-02-20T00:00:00Z'),
    });

    await expect(
      changeRoundStatus(deps, { viewer: program, roundId: 'new', to: 'matching' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      reason: 'round.transitionRefused',
      params: expect.objectContaining({ from: 'draft', refusal: 'not-allowed' }),
    });
    await expect(
      changeRoundStatus(deps, { viewer: kenya, roundId: 'new', to: 'open' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const opened = await changeRoundStatus(deps, { viewer: program, roundId: 'new', to: 'open' });
    expect(opened.round.status).toBe('open');
    expect(opened.carryOver).toMatchObject({ fromRoundId: 'old', alreadyCarried: 0, alreadyApplied: 0 });
    expect(opened.carryOver?.carriedOver).toHaveLength(2);
    const carried = await db
      .selectFrom('applications')
      .select(['name', 'status', 'submitted_at', 'locale'])
      .where('round_id', '=', 'new')
      .orderBy('submitted_at')
      .execute();
    // The copies keep the language each applied in.
    expect(carried.map((row) => [row.name, row.status, row.locale])).toEqual([
      ['Wait One', 'pending', 'sw'],
      ['Wait Two', 'pending', 'en'],
    ]);
    const mail = await db
      .selectFrom('mail_messages')
      .select(['to_address', 'kind'])
      .where('kind', '=', 'application-carried-over')
      .execute();
    expect(mail).toHaveLength(2);

    // Close and reopen: nobody is carried over twice, nobody emailed twice.
    await changeRoundStatus(deps, { viewer: program, roundId: 'new', to: 'closed' });
    const reopened = await changeRoundStatus(deps, { viewer: program, roundId: 'new', to: 'open' });
    expect(reopened.carryOver).toMatchObject({ carriedOver: [], alreadyCarried: 2 });
    expect(
      await db.selectFrom('applications').select('id').where('round_id', '=', 'new').execute(),
    ).toHaveLength(2);
    expect(
      await db
        .selectFrom('mail_messages')
        .select('id')
        .where('kind', '=', 'application-carried-over')
        .execute(),
    ).toHaveLength(2);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'round.transitioned')
      .execute();
    expect(audit).toHaveLength(3);
  });
});

describe('admit from the waitlist', () => {
  test('admits earliest first and never over a country’s cap; the preview changes nothing', async () => {
    const db = context.database.db;
    // Cap: max(5, ceil(20% of 14)) = 5.
    await seedRound(db, { status: 'closed' });
    for (let i = 0; i < 5; i++)
      await seedApplication(db, {
        roundId: 'round-a',
        name: `Kenya Held ${i}`,
        country: 'KE',
        status: i < 3 ? 'accepted' : 'pending',
      });
    for (let i = 0; i < 3; i++)
      await seedApplication(db, {
        roundId: 'round-a',
        name: `Nigeria Held ${i}`,
        country: 'NG',
        status: 'accepted',
      });
    await seedApplication(db, {
      roundId: 'round-a',
      id: 'ke-wait',
      name: 'Kenya Waiting',
      country: 'KE',
      status: 'waitlisted',
    });
    await seedApplication(db, {
      roundId: 'round-a',
      id: 'ng-wait-1',
      name: 'Nigeria Waiting One',
      country: 'NG',
      status: 'waitlisted',
    });
    await seedApplication(db, {
      roundId: 'round-a',
      id: 'ng-wait-2',
      name: 'Nigeria Waiting Two',
      country: 'NG',
      status: 'waitlisted',
    });
    await seedApplication(db, {
      roundId: 'round-a',
      id: 'ng-wait-3',
      name: 'Nigeria Waiting Three',
      country: 'NG',
      status: 'waitlisted',
    });
    await seedApplication(db, {
      roundId: 'round-a',
      id: 'br-wait',
      name: 'Brazil Waiting',
      country: 'BR',
      status: 'waitlisted',
    });
    await seedApplication(db, {
      roundId: 'round-a',
      id: 'ng-declined',
      name: 'Nigeria Declined',
      country: 'NG',
      status: 'declined',
    });

    const preview = await admitWaitlistedApplications(deps, {
      viewer: program,
      roundId: 'round-a',
      dryRun: true,
    });
    expect(preview.capPerCountry).toBe(5);
    expect(preview.admitted.map((row) => row.id)).toEqual(['ng-wait-1', 'ng-wait-2', 'br-wait']);
    expect(preview.stillWaitlisted).toBe(2);
    expect(
      await db.selectFrom('applications').select('id').where('status', '=', 'waitlisted').execute(),
    ).toHaveLength(5);

    const limited = await admitWaitlistedApplications(deps, {
      viewer: program,
      roundId: 'round-a',
      places: 1,
      dryRun: false,
    });
    expect(limited.admitted.map((row) => row.id)).toEqual(['ng-wait-1']);
    const statuses = Object.fromEntries(
      (await db.selectFrom('applications').select(['id', 'status']).execute()).map((row) => [
        row.id,
        row.status,
      ]),
    );
    expect(statuses).toMatchObject({
      'ng-wait-1': 'accepted',
      'ng-wait-2': 'waitlisted',
      'ke-wait': 'waitlisted',
      'br-wait': 'waitlisted',
    });
    expect(
      await db
        .selectFrom('mail_messages')
        .select('to_address')
        .where('kind', '=', 'application-accepted')
        .execute(),
    ).toEqual([{ to_address: 'nigeria.waiting.one@example.org' }]);
    await expect(
      admitWaitlistedApplications(deps, { viewer: kenya, roundId: 'round-a', dryRun: true }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

const HEADER =
  'Name,Email,Country,Languages,Sector,Role,Career stage,Years in profession,Interests,Availability,Hopes,Heard from,Privacy consent,Code of conduct';
const row = (name: string, email: string, country: string, sector = 'Public') =>
  `${name},${email},${country},English (Fluent),${sector},Librarian,Mid career,10,Information technology; Open access and scholarly communication; Research data management,Monday 09:00-11:00,To learn,A colleague or friend,yes,yes`;

describe('CSV import', () => {
  test('guesses columns from headers, including the export’s own', () => {
    const mapping = guessColumnMapping(readCsv(`${HEADER}\n`)[0]!);
    expect(mapping).toMatchObject({
      name: 0,
      email: 1,
      countryOfResidence: 2,
      languages: 3,
      sector: 4,
      privacyConsent: 12,
      codeOfConductAccepted: 13,
      timeZone: 'none',
    });
    const fromExport = guessColumnMapping(
      ['Application id', 'Name', 'Email', 'Country code', 'Country', 'Time zone'],
      importHeaderNames,
    );
    expect(fromExport).toMatchObject({ name: 1, email: 2, countryOfResidence: 3, timeZone: 5 });
  });

  const upload = async (csv: string) => {
    const db = context.database.db;
    await seedRound(db);
    const preview = await uploadApplicationsCsv(deps, {
      viewer: program,
      roundId: 'round-a',
      fileName: 'old.csv',
      content: csv,
    });
    return preview;
  };

  test('one bad row: nothing is imported and the report names the row and field', async () => {
    const csv = [
      HEADER,
      row('Ana Silva', 'ana@example.org', 'Brazil'),
      row('Bo Li', 'bo@example.org', 'China', 'Spaceships'),
      row('Cy Ng', 'cy@example.org', 'SG'),
    ].join('\n');
    const preview = await upload(csv);
    expect(preview.rowCount).toBe(3);
    const report = await importApplications(deps, {
      choiceNames: choiceNamesInEveryLanguage,
      viewer: program,
      roundId: 'round-a',
      importId: preview.importId,
      mapping: preview.mapping,
      skipBadRows: false,
    });
    expect(report).toMatchObject({ rowCount: 3, validRowCount: 2, imported: 0, isImported: false });
    expect(report.problems).toEqual([
      { row: 3, field: 'sector', code: 'sector.missing', value: 'Spaceships' },
    ]);
    expect(await context.database.db.selectFrom('applications').select('id').execute()).toEqual([]);
  });

  test('skip bad rows imports the rest through the quota and duplicate rules, once', async () => {
    const db = context.database.db;
    await seedRound(db, { quota: { enabled: true, capPercent: 20, minimumPlaces: 1 } });
    await seedApplication(db, {
      roundId: 'round-a',
      id: 'existing',
      name: 'Ana Silva',
      country: 'BR',
      email: 'ana.old@example.org',
    });
    const csv = [
      HEADER,
      row('Ana Silva', 'ana@example.org', 'Brazil'),
      row('Bo Li', 'bo@example.org', 'China', 'Spaceships'),
      row('Cy Ng', 'cy@example.org', 'SG'),
      row('Di Ng', 'ana.old@example.org', 'SG'),
    ].join('\n');
    const preview = await uploadApplicationsCsv(deps, {
      viewer: program,
      roundId: 'round-a',
      fileName: 'old.csv',
      content: csv,
    });
    const report = await importApplications(deps, {
      choiceNames: choiceNamesInEveryLanguage,
      viewer: program,
      roundId: 'round-a',
      importId: preview.importId,
      mapping: preview.mapping,
      skipBadRows: true,
    });
    expect(report.problems.map((p) => [p.row, p.field])).toEqual([
      [3, 'sector'],
      [5, 'email'],
    ]);
    // The round is open: imported rows wait for the quota like submissions do.
    expect(report).toMatchObject({ imported: 2, waitlisted: 0, duplicatesFlagged: 1, isImported: true });
    const rows = () =>
      db
        .selectFrom('applications')
        .select(['name', 'status', 'duplicate_of', 'country_code'])
        .orderBy('name')
        .orderBy('submitted_at')
        .execute();
    expect((await rows()).map((row) => row.status)).toEqual(['pending', 'pending', 'pending']);
    // At the close, cap = max(1, ceil(20% of 3)) = 1: Brazil's first Ana holds its place, the new one waits.
    const closed = await changeRoundStatus(deps, { viewer: program, roundId: 'round-a', to: 'closed' });
    expect(closed.quota).toMatchObject({ capPerCountry: 1 });
    expect(closed.quota?.waitlisted).toHaveLength(1);
    expect(await rows()).toEqual([
      { name: 'Ana Silva', status: 'pending', duplicate_of: null, country_code: 'BR' },
      { name: 'Ana Silva', status: 'waitlisted', duplicate_of: 'existing', country_code: 'BR' },
      { name: 'Cy Ng', status: 'pending', duplicate_of: null, country_code: 'SG' },
    ]);
    const mail = await db
      .selectFrom('mail_messages')
      .select(['kind', 'to_address'])
      .orderBy('kind')
      .orderBy('to_address')
      .execute();
    // Each imported applicant was told at once, with a private link; the quota's email came at the close.
    expect(mail).toEqual([
      { kind: 'application-imported', to_address: 'ana@example.org' },
      { kind: 'application-imported', to_address: 'cy@example.org' },
      { kind: 'application-waitlisted-by-quota', to_address: 'ana@example.org' },
    ]);
    await expect(
      importApplications(deps, {
        choiceNames: choiceNamesInEveryLanguage,
        viewer: program,
        roundId: 'round-a',
        importId: preview.importId,
        mapping: preview.mapping,
        skipBadRows: true,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  test('refuses a file without data rows and country coordinators', async () => {
    await seedRound(context.database.db);
    await expect(
      uploadApplicationsCsv(deps, {
        viewer: program,
        roundId: 'round-a',
        fileName: 'x.csv',
        content: `${HEADER}\n`,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      uploadApplicationsCsv(deps, {
        viewer: kenya,
        roundId: 'round-a',
        fileName: 'x.csv',
        content: `${HEADER}\n`,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('CSV export and import', () => {
  test('a round’s export imports into another round with the same answers', async () => {
    const db = context.database.db;
    await seedRound(db);
    await seedRound(db, { id: 'round-b', name: '2026 September round' });
    // Answers away from the importer's defaults, with commas, quotes and accents for the CSV.
    await seedApplication(db, {
      roundId: 'round-a',
      name: 'Ana Silva',
      country: 'BR',
      answers: {
        timeZone: 'America/Manaus',
        languages: [
          { code: 'pt', level: 'native' },
          { code: 'en', level: 'conversational' },
        ],
        sector: 'national-or-state',
        role: 'Metadata librarian, team lead',
        careerStage: 'late',
        yearsInProfession: 27,
        otherInterests: 'Oral history',
        partnerPreference: { openToAnyone: false, sectors: ['museum'], careerStages: ['student', 'mid'] },
        hopes: 'To learn how "national" libraries catalogue.\nAnd to make friends.',
        heardFrom: 'previous-round',
        heardFromDetail: 'The 2025 round',
      },
    });
    await seedApplication(db, {
      roundId: 'round-a',
      name: 'Zoë Ó Briain',
      country: 'IE',
      answers: { availability: { emailOnly: true, windows: [] }, heardFrom: 'other' },
    });
    const exported = await exportApplications(deps, {
      viewer: program,
      roundId: 'round-a',
      filters: {},
      sort: 'submitted',
    });
    // The file as the export page writes it (web/views/review/csv-cells.ts).
    const content = (await collect(writeExportCsv(getT('en'), 'en', exported.pages))).join('');
    const preview = await uploadApplicationsCsv(deps, {
      viewer: program,
      roundId: 'round-b',
      fileName: 'applications.csv',
      content,
      headerNames: importHeaderNames,
    });
    const report = await importApplications(deps, {
      choiceNames: choiceNamesInEveryLanguage,
      viewer: program,
      roundId: 'round-b',
      importId: preview.importId,
      // Consent is not exported: the coordinator answers "yes" for every row, as the form asks.
      mapping: { ...preview.mapping, privacyConsent: 'yes', codeOfConductAccepted: 'yes' },
      skipBadRows: false,
    });
    expect(report).toMatchObject({ problems: [], imported: 2, isImported: true });
    const review = createApplicationReviewRepository(db);
    const answersOf = async (roundId: string) =>
      (
        await review.listApplicationsAfter({
          roundId,
          scope: { kind: 'all' },
          filters: {},
          sort: 'submitted',
          after: undefined,
          limit: 10,
        })
      ).items.map(({ answers, submittedAt }) => ({ answers, submittedAt }));
    const original = await answersOf('round-a');
    expect(original).toHaveLength(2);
    expect(await answersOf('round-b')).toEqual(original);
    // Imported rows record the privacy notice's version the coordinator confirmed consent to.
    const versions = await db
      .selectFrom('applications')
      .select('consent_version')
      .where('round_id', '=', 'round-b')
      .execute();
    expect(versions).toEqual([
      { consent_version: PRIVACY_NOTICE_VERSION },
      { consent_version: PRIVACY_NOTICE_VERSION },
    ]);
  });
});
