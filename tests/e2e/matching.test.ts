import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/connection';
import { seedMatchingRound } from '../support/matching-fixtures';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { accessibilityViolations, type Browser, openBrowser } from './support/browser';
import { signInThroughOutbox } from './support/outbox-sign-in';

/**
 * Matching a round as a program coordinator does, in Chromium: open a closed round's matching
 * page from the round, run matching, read why two people were matched, keep that partnership
 * together, break up another, run again, compare the two runs and publish; then both partners find
 * their introduction in the outbox and see each other in their area, and a participant of another
 * partnership does not. The round is seeded through the test fixtures (not the demo). axe on the
 * board, a partnership, the comparison and the publishing step; no console errors. A last journey
 * pairs by hand with JavaScript turned off.
 */
let server: ServerProcess;
let browser: Browser;
const LEAD = 'matching-e2e@example.org';
const root = resolve(import.meta.dirname, '../..');

beforeAll(async () => {
  server = await startServerProcess();
  const database = openDatabase({ dialect: 'sqlite', path: join(server.dataDir, 'iln.sqlite') });
  try {
    await seedMatchingRound(database.db, { fillers: 20 });
  } finally {
    await database.close();
  }
  execFileSync(process.execPath, [join(root, 'bin/iln.js'), 'create-coordinator', LEAD, '--name', 'Ayesha'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'development',
      DATA_DIR: server.dataDir,
      LOG_LEVEL: 'warn',
    },
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

const flash = (page: Page) => page.locator('main > .notice').first().textContent();

test('a program coordinator runs matching, reads an explanation, locks, breaks up, runs again and compares', async () => {
  const { page } = browser;
  await signInThroughOutbox(page, server.baseUrl, LEAD);
  await page.goto(`${server.baseUrl}/coordinator/rounds`);
  await page.getByRole('link', { name: 'September matching round' }).click();
  await page.getByRole('link', { name: 'Matching', exact: true }).click();
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Matching: September matching round');
  await expectAccessible(page);

  // Run 1, with the objective chosen on the form.
  await page.getByRole('radio', { name: 'The best total fit' }).check();
  await page.getByRole('button', { name: 'Run matching' }).click();
  await expect.poll(() => flash(page)).toMatch(/^Run 1 is ready: 11 partnerships, 1 without a partner\./);
  expect(await page.getByRole('heading', { name: /Worth a look/ }).count()).toBe(1);
  await expectAccessible(page);

  // Why Olivia and Jonas were matched, in words, with their shared hours in both places.
  const pair = page.getByRole('article', { name: 'Olivia Chen and Jonas Weber' });
  expect(await pair.textContent()).toContain(
    'Tue and Thu 07:00–08:30 in Sydney = Mon and Wed 21:00–22:30 in Berlin',
  );
  await pair.getByText(/How the fit of [\d,]+ adds up/).click();
  expect(await pair.getByRole('row', { name: /Shared interests 3,500 3,500/ }).isVisible()).toBe(true);

  // Keep them together; break up another partnership.
  await pair.getByRole('button', { name: 'Keep together (Olivia Chen and Jonas Weber)' }).click();
  await expect
    .poll(() => flash(page))
    .toBe('Olivia Chen and Jonas Weber will be kept together in the next run.');
  const other = page.getByRole('article').filter({ hasText: 'Filler' }).first();
  const broken = (await other.getByRole('heading').first().textContent()) ?? '';
  await other.getByRole('button', { name: /^Break up/ }).click();
  await expect.poll(() => flash(page)).toBe(`${broken} will be kept apart from the next run.`);
  expect(await page.getByRole('heading', { name: 'Kept apart', exact: true }).count()).toBe(1);

  // Run 2 keeps the lock and the exclusion; compare the runs.
  await page.getByRole('button', { name: 'Run matching' }).click();
  await expect.poll(() => flash(page)).toMatch(/^Run 2 is ready/);
  expect(
    await page
      .getByRole('article', { name: 'Olivia Chen and Jonas Weber' })
      .getByText('Kept together')
      .count(),
  ).toBe(1);
  await page.getByLabel('Earlier run').selectOption({ label: 'Run 1' });
  await page.getByLabel('Later run').selectOption({ label: 'Run 2' });
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Run 1 compared with run 2');
  const changed = await page.getByRole('table').textContent();
  for (const name of broken.split(' and ')) expect(changed).toContain(name);
  await expectAccessible(page);

  // A partnership on its own page.
  await page.goto(`${server.baseUrl}/coordinator/rounds/round-m/matching`);
  await page.getByRole('link', { name: 'Olivia Chen and Jonas Weber' }).first().click();
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Olivia Chen and Jonas Weber');
  await expectAccessible(page);
  await page.goto(`${server.baseUrl}/coordinator/rounds/round-m/matching/pair?firstCountry=KE`);
  await expectAccessible(page);
  await page.goto(`${server.baseUrl}/coordinator/rounds/round-m/matching/settings`);
  await expectAccessible(page);

  expect(browser.consoleErrors).toEqual([]);
});

// axe cannot run without JavaScript; the pair page is checked in the journey above.
test('without JavaScript, a coordinator pairs two people by hand and the rules are named first', async () => {
  const plain = await openBrowser({ javaScriptEnabled: false });
  try {
    const { page } = plain;
    await signInThroughOutbox(page, server.baseUrl, LEAD);
    await page.goto(`${server.baseUrl}/coordinator/rounds/round-m/matching/pair`);
    await page.getByLabel('Country of the first person').selectOption('KE');
    await page.getByLabel('Country of the second person').selectOption('KE');
    await page.getByRole('button', { name: 'List the people' }).click();
    await page.getByLabel('First person', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Second person', { exact: true }).selectOption({ index: 2 });
    await page.getByRole('button', { name: 'Check the rules' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/live in the same country \(Kenya\)/);
    await page.getByLabel('Country of the second person').selectOption('BR');
    await page.getByRole('button', { name: 'List the people' }).click();
    await page
      .getByLabel('Second person', { exact: true })
      .selectOption({ label: 'Rui Costa, Brazil (no partner now)' });
    await page.getByRole('button', { name: 'Keep them together' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/Rui Costa and Filler \d+ share no language/);
  } finally {
    await plain.close();
  }
});

test('a program coordinator publishes run 2 after a confirmation step', async () => {
  const { page } = browser;
  // Publish run 2 after a confirmation page that says what it does.
  await page.goto(`${server.baseUrl}/coordinator/rounds/round-m/matching`);
  await page.getByRole('link', { name: 'Publish this run…' }).click();
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Publish run 2 of September matching round?');
  await expectAccessible(page);
  await page.getByRole('button', { name: /^Publish and email \d+ people$/ }).click();
  await expect.poll(() => flash(page)).toMatch(/^Run 2 is published: 11 partnerships started/);
  expect(browser.consoleErrors).toEqual([]);
});

test('both partners find their introduction and see each other; a participant of another partnership does not', async () => {
  const { page } = browser;
  const introductionTo = async (email: string) => {
    await page.goto(`${server.baseUrl}/outbox`);
    await page
      .getByRole('row')
      .filter({ hasText: email })
      .filter({ hasText: 'Meet your peer partner' })
      .getByRole('link')
      .first()
      .click();
    return page.locator('main').textContent();
  };
  expect(await introductionTo('olivia.chen@example.org')).toContain('Jonas Weber');
  expect(await introductionTo('jonas.weber@example.org')).toContain('Olivia Chen');
  await page.getByRole('button', { name: /sign out/i }).click();

  const seesPartner = async (email: string, partner: string) => {
    await signInThroughOutbox(page, server.baseUrl, email, /\/participant$/);
    await page
      .getByRole('link', { name: /see your partnership in/i })
      .first()
      .click();
    await page.waitForURL(/\/participant\/partnerships\//);
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toContain(partner);
    const url = page.url();
    await page.getByRole('button', { name: /sign out/i }).click();
    await page.waitForURL(/\/sign-in/);
    return url;
  };
  const olivias = await seesPartner('olivia.chen@example.org', 'Jonas Weber');
  expect(await seesPartner('jonas.weber@example.org', 'Olivia Chen')).toBe(olivias);

  // Someone in another partnership of the round: not Olivia's and Jonas's page, not their names.
  const database = openDatabase({ dialect: 'sqlite', path: join(server.dataDir, 'iln.sqlite') });
  let other: string;
  try {
    const member = await database.db
      .selectFrom('partnership_members')
      .innerJoin('applications', 'applications.id', 'partnership_members.application_id')
      .select('applications.email')
      .where('applications.id', 'like', 'filler-%')
      .executeTakeFirstOrThrow();
    other = member.email;
  } finally {
    await database.close();
  }
  await signInThroughOutbox(page, server.baseUrl, other, /\/participant$/);
  expect(await page.getByText('Olivia Chen').count()).toBe(0);
  const refused = await page.goto(olivias);
  expect(refused?.status()).toBe(404);
  expect(await page.getByText('Jonas Weber').count()).toBe(0);
  expect(browser.consoleErrors.filter((error) => !/404/.test(error))).toEqual([]);
});
