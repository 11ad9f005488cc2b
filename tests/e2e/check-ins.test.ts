import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/connection';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { accessibilityViolations, type Browser, openBrowser } from './support/browser';

/**
 * Check-ins from end to end on the seeded demo, in Chromium: when the server starts, its jobs send
 * the fortnight's topic (the demo's is due at the seed), whose email carries the "did you
 * connect?" answers, and the silent partner's one reminder (the demo has a partnership where one
 * partner says the other is not responding). A participant opens the email
 * in the development outbox, follows "We’ve been in touch" (the page records nothing until the
 * button), confirms; the program coordinator finds the check-in and the intervention list on the
 * round's check-ins page. axe on every page; no console errors.
 */
let server: ServerProcess;
let browser: Browser;
let roundId: string;
let participant: { email: string; name: string };

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
  await withDatabase(async (db) => {
    roundId = (
      await db.selectFrom('rounds').select('id').where('status', '=', 'under-way').executeTakeFirstOrThrow()
    ).id;
    // Someone in a running partnership whose partnership has no check-in yet.
    const row = await db
      .selectFrom('partnership_members as m')
      .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
      .innerJoin('applications as a', 'a.id', 'm.application_id')
      .select(['a.email', 'a.name'])
      .where('p.round_id', '=', roundId)
      .where('p.status', '=', 'active')
      .where('m.left_at', 'is', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('check_ins as c')
              .select('c.application_id')
              .whereRef('c.partnership_id', '=', 'p.id'),
          ),
        ),
      )
      .orderBy('a.id', 'desc')
      .executeTakeFirstOrThrow();
    participant = row;
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
  for (let attempt = 0; attempt < 60; attempt++) {
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

test('a participant checks in from the email link; the coordinator sees the check-in and the intervention list', async () => {
  const { page } = browser;
  await openEmail(page, participant.email, /Topic \d+:/);
  await page
    .getByRole('link', { name: /\/check-in\/.+answer=in-touch/ })
    .first()
    .click();
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('How is your partnership going?');
  // The link preselects the answer it was clicked for; nothing is recorded until the button.
  expect(await page.getByRole('radio', { name: 'We’ve been in touch' }).isChecked()).toBe(true);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Record my answer' }).click();
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Thank you: your answer is recorded');
  await expectAccessible(page);

  // The silent partner's one reminder went out when the server started (read from the database:
  // the outbox lists the newest 200, and the demo's topic went to every participant at start too).
  await expect
    .poll(() =>
      withDatabase(
        async (db) =>
          (
            await db
              .selectFrom('mail_messages')
              .select('id')
              .where('kind', '=', 'silent-partner-reminder')
              .where('status', '=', 'sent')
              .execute()
          ).length,
      ),
    )
    .toBe(1);

  await signIn(page, 'coordinator@demo.example.org');
  await page.goto(`${server.baseUrl}/coordinator/rounds/${roundId}`);
  await page.getByRole('link', { name: 'Check-ins', exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Check-ins of /);
  expect(await page.getByRole('heading', { name: '1 partnership needs a coordinator' }).count()).toBe(1);
  expect(await page.getByText(/Reported “not responding” on/).count()).toBe(1);
  expect(await page.getByText(/Friendly reminder sent on/).count()).toBe(1);
  const latest = page.getByRole('table', { name: /latest answers/i });
  expect(
    await latest
      .getByRole('row')
      .filter({ hasText: participant.name })
      .filter({ hasText: 'We’ve been in touch' })
      .count(),
  ).toBe(1);
  await expectAccessible(page);
  expect(browser.consoleErrors).toEqual([]);
});
