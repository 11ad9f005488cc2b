import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/connection';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { accessibilityViolations, type Browser, openBrowser } from './support/browser';

/**
 * A survey from end to end on the seeded demo, in Chromium: a program coordinator builds a survey
 * for the round under way (whose partnerships the demo published) and schedules it; `iln run-due` sends it (as cron would); a participant
 * opens the email in the development outbox, follows the personal link and answers; the
 * coordinator sees one answer and the results held back under the small-group rule. axe on the
 * builder, the answer form and the results; no console errors.
 */
let server: ServerProcess;
let browser: Browser;
let roundId: string;
let roundName: string;
let participantEmail: string;
let participants: number;
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

beforeAll(async () => {
  server = await startServerProcess({ args: ['--demo-if-empty'] });
  // The demo's round under way has published partnerships: their members are the participants.
  await withDatabase(async (db) => {
    const round = await db
      .selectFrom('rounds')
      .select(['id', 'name'])
      .where('status', '=', 'under-way')
      .executeTakeFirstOrThrow();
    roundId = round.id;
    roundName = round.name;
    const members = await db
      .selectFrom('partnership_members as pm')
      .innerJoin('partnerships as p', 'p.id', 'pm.partnership_id')
      .innerJoin('applications as a', 'a.id', 'pm.application_id')
      .select(['a.email'])
      .where('p.round_id', '=', roundId)
      .where('pm.left_at', 'is', null)
      .orderBy('a.id')
      .execute();
    participants = members.length;
    // The last batch is queued last, so its emails are at the top of the outbox.
    participantEmail = members.at(-1)!.email;
  });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const expectAccessible = async (page: Page) => {
  expect(await accessibilityViolations(page), `axe on ${page.url()}`).toEqual([]);
};

/** Opens the newest email to `to` whose row mentions `subject` in the development outbox. */
const openEmail = async (page: Page, to: string, subject: RegExp) => {
  for (let attempt = 0; attempt < 40; attempt++) {
    await page.goto(`${server.baseUrl}/outbox`);
    const rows = page.getByRole('row').filter({ hasText: to }).filter({ hasText: subject });
    if ((await rows.count()) > 0) {
      await rows.first().getByRole('link').first().click();
      return;
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`no email to ${to} matching ${subject}`);
};

const signIn = async (page: Page, email: string) => {
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.getByLabel(/email address/i).fill(email);
  await page.getByRole('button', { name: /send me a sign-in link/i }).click();
  await expect.poll(() => page.getByRole('heading', { name: /check your email/i }).count()).toBe(1);
  await openEmail(page, email, /sign-in/i);
  await page
    .getByRole('link', { name: /\/sign-in\/verify/ })
    .first()
    .click();
  await page.waitForURL(/\/coordinator/);
};

test('a coordinator builds a survey, a participant answers from the emailed link, the coordinator sees suppressed results', async () => {
  const { page } = browser;
  await signIn(page, 'coordinator@demo.example.org');

  await page.goto(`${server.baseUrl}/coordinator/surveys`);
  await page
    .getByRole('region', { name: roundName })
    .getByRole('link', { name: /new survey for this round/i })
    .click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^New survey for/);
  const today = DateTime.now().setZone('Australia/Sydney');
  await page.getByLabel('Title (English)').fill('How is it going?');
  await page.getByLabel('Send on').fill(today.toISODate()!);
  await page.getByLabel('Send at (time)').fill('00:00');
  await page.getByLabel('Remind those who have not answered on').fill(today.plus({ days: 3 }).toISODate()!);
  await page.getByLabel('Close on').fill(today.plus({ days: 10 }).toISODate()!);
  await expectAccessible(page);
  await page.getByRole('button', { name: /create the survey/i }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('How is it going?');

  await page.getByLabel('Type of the new question').selectOption('scale');
  await page.getByRole('button', { name: /add a question/i }).click();
  await page.getByLabel('Question (English)').fill('How useful is your partnership so far?');
  await page.getByLabel('Label of the lowest value (English)').fill('Not useful');
  await page.getByLabel('Label of the highest value (English)').fill('Very useful');
  await expectAccessible(page);
  await page.getByRole('button', { name: /add the question/i }).click();
  await expect.poll(() => page.getByText('How useful is your partnership so far?').count()).toBe(1);
  await expectAccessible(page);
  await page.getByRole('button', { name: /schedule this survey/i }).click();
  await expect.poll(() => page.getByText(/The survey is scheduled/).count()).toBe(1);
  const surveyUrl = page.url();

  // Cron's way: one pass of the survey job; the server's mail worker then puts the emails in the outbox.
  const output = execFileSync(
    process.execPath,
    [join(root, 'bin/iln.js'), 'run-due', '--job', 'survey-delivery'],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'development',
        DATA_DIR: server.dataDir,
        BASE_URL: server.baseUrl,
        LOG_LEVEL: 'warn',
      },
    },
  ).toString();
  expect(participants).toBeGreaterThan(0);
  expect(output).toContain(`survey-delivery: ${participants}`);

  await openEmail(page, participantEmail, /How is it going\?/);
  await page
    .getByRole('link', { name: /\/survey\// })
    .first()
    .click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('How is it going?');
  await expectAccessible(page);
  await page
    .getByRole('group', { name: /How useful is your partnership so far/ })
    .getByLabel('4')
    .check();
  await page.getByRole('button', { name: /send my answers/i }).click();
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Thank you for your answers');

  await page.goto(`${surveyUrl}/results`);
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Results: How is it going?');
  expect(await page.getByText('1 person answered').count()).toBe(1);
  expect(await page.getByText(/Fewer than 5 people answered this question/).count()).toBe(1);
  expect(await page.locator('svg.chart').count()).toBe(0);
  await expectAccessible(page);
  expect(browser.consoleErrors).toEqual([]);
});
