import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/connection';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { accessibilityViolations, type Browser, openBrowser } from './support/browser';

/**
 * Reviewing applications as coordinators do, on the seeded demo: a country coordinator signs in
 * through the outbox, sees only their country's applications and cannot open another country's
 * by URL; a program coordinator uploads a CSV with a bad row and sees the report, with nothing
 * imported. axe on the list and the detail page; no console errors.
 */
let server: ServerProcess;
let browser: Browser;
let roundId: string;
let ownCountry: string;
let otherApplicationId: string;
const COUNTRY_COORDINATOR = 'review-e2e@example.org';
const root = resolve(import.meta.dirname, '../..');

const withDatabase = async <T>(
  work: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>,
): Promise<T> => {
  const database = openDatabase({ dialect: 'sqlite', path: join(server.dataDir, 'iln.sqlite') });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
};

const countApplications = () =>
  withDatabase(async (db) =>
    Number(
      (
        await db
          .selectFrom('applications')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('round_id', '=', roundId)
          .executeTakeFirstOrThrow()
      ).count,
    ),
  );

beforeAll(async () => {
  server = await startServerProcess({ args: ['--demo-if-empty'] });
  await withDatabase(async (db) => {
    const round = await db
      .selectFrom('rounds')
      .select('id')
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    roundId = round.id;
    const countries = await db
      .selectFrom('applications')
      .select((eb) => ['country_code', eb.fn.countAll<number>().as('count')])
      .where('round_id', '=', roundId)
      .groupBy('country_code')
      .orderBy('country_code')
      .execute();
    ownCountry = countries[0]!.country_code;
    const other = await db
      .selectFrom('applications')
      .select('id')
      .where('round_id', '=', roundId)
      .where('country_code', '!=', ownCountry)
      .executeTakeFirstOrThrow();
    otherApplicationId = other.id;
  });
  execFileSync(
    process.execPath,
    [join(root, 'bin/iln.js'), 'create-coordinator', COUNTRY_COORDINATOR, '--country', ownCountry],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'development',
        DATA_DIR: server.dataDir,
        LOG_LEVEL: 'warn',
      },
    },
  );
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const expectAccessible = async (page: Page) => {
  expect(await accessibilityViolations(page), `axe on ${page.url()}`).toEqual([]);
};

/** Asks for a link and follows it from the development outbox, as a person would. */
const signIn = async (page: Page, email: string) => {
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.getByLabel(/email address/i).fill(email);
  await page.getByRole('button', { name: /send me a sign-in link/i }).click();
  await expect.poll(() => page.getByRole('heading', { name: /check your email/i }).count()).toBe(1);
  for (let attempt = 0; attempt < 40; attempt++) {
    await page.goto(`${server.baseUrl}/outbox`);
    const message = page.getByRole('link', { name: /sign-in link/i }).first();
    const rows = page.getByRole('row').filter({ hasText: email });
    if ((await rows.count()) > 0) {
      await rows.first().getByRole('link').first().click();
      break;
    }
    if (attempt === 39) throw new Error(`no sign-in link for ${email} (${await message.count()} messages)`);
    await page.waitForTimeout(500);
  }
  await page
    .getByRole('link', { name: /\/sign-in\/verify/ })
    .first()
    .click();
  await page.waitForURL(/\/coordinator/);
};

test('a country coordinator sees only their country and gets a 404 for another country’s application', async () => {
  const { page } = browser;
  await signIn(page, COUNTRY_COORDINATOR);
  await page.goto(`${server.baseUrl}/coordinator/rounds/${roundId}/applications`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Applications: /);
  const countryCells = await page.locator('#applications-results tbody tr td:nth-child(3)').allTextContents();
  expect(countryCells.length).toBeGreaterThan(0);
  const ownCountryName = new Intl.DisplayNames(['en'], { type: 'region' }).of(ownCountry);
  expect(new Set(countryCells)).toEqual(new Set([ownCountryName]));
  await expectAccessible(page);

  const firstName = (await page.locator('#applications-results tbody tr th a').first().textContent()) ?? '';
  await page.locator('#applications-results tbody tr th a').first().click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(firstName);
  expect(await page.getByRole('heading', { name: 'Answers' }).count()).toBe(1);
  await expectAccessible(page);

  const response = await page.goto(
    `${server.baseUrl}/coordinator/rounds/${roundId}/applications/${otherApplicationId}`,
  );
  expect(response?.status()).toBe(404);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/not found/i);
  // The browser logs the 404 we just asked for; nothing else may be logged.
  const errors = browser.consoleErrors.filter((error) => !/status of 404/.test(error));
  expect(errors).toEqual([]);
  browser.consoleErrors.length = 0;
  await page.getByRole('button', { name: /sign out/i }).click();
  await page.waitForURL(/\/sign-in|\/$/);
});

test('a program coordinator uploads a CSV with a bad row, sees the report, and nothing is imported', async () => {
  const { page } = browser;
  const before = await countApplications();
  await signIn(page, 'coordinator@demo.example.org');
  await page.goto(`${server.baseUrl}/coordinator/rounds/${roundId}/applications`);
  await page.getByRole('link', { name: /import applications/i }).click();
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toMatch(/^Import applications/);
  await expectAccessible(page);
  const header =
    'Name,Email,Country,Languages,Sector,Role,Career stage,Years in profession,Interests,Availability,Hopes,Heard from,Privacy consent,Code of conduct';
  const row = (name: string, email: string, sector: string) =>
    `${name},${email},Brazil,Portuguese (Native),${sector},Librarian,Mid career,10,Information technology; Open access and scholarly communication; Research data management,Monday 09:00-11:00,To learn,A colleague or friend,yes,yes`;
  const csv = [
    header,
    row('Ana Souza', 'ana.e2e@example.org', 'Public'),
    row('Bia Lima', 'bia.e2e@example.org', 'Spaceships'),
  ].join('\n');
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'old-form.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: /upload and choose columns/i }).click();
  await expect.poll(() => page.getByRole('heading', { name: /choose the columns/i }).count()).toBe(1);
  await expectAccessible(page);
  await page.getByRole('button', { name: /check and import/i }).click();
  await expect.poll(() => page.getByRole('heading', { name: /problems found/i }).count()).toBe(1);
  expect(await page.getByText(/Nothing was imported/).count()).toBe(1);
  const reportRow = page.locator('.import-report tbody tr');
  expect(await reportRow.count()).toBe(1);
  expect(await reportRow.first().textContent()).toMatch(/^3.*Sector.*“Spaceships” is not one of the sectors/);
  await expectAccessible(page);
  expect(await countApplications()).toBe(before);
  const errors = browser.consoleErrors.filter((error) => !/status of 422/.test(error));
  expect(errors).toEqual([]);
});
