import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/connection';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { accessibilityViolations, type Browser, openBrowser } from './support/browser';

/**
 * A program coordinator writes a topic for the demo's round under way and schedules it for
 * tomorrow, previews its email in English and in Spanish, sees that the public archive does not
 * show it yet, reschedules it to a moment that has passed, and finds it in the archive. Every page
 * passes axe; no console errors. (The check-ins from the topic email come with issue 11 item 3.)
 */
let server: ServerProcess;
let browser: Browser;
let roundId: string;
const COORDINATOR = 'coordinator@demo.example.org';
const ZONE = 'Australia/Sydney';

beforeAll(async () => {
  server = await startServerProcess({ args: ['--demo-if-empty'] });
  const database = openDatabase({ dialect: 'sqlite', path: join(server.dataDir, 'iln.sqlite') });
  try {
    roundId = (
      await database.db
        .selectFrom('rounds')
        .select('id')
        .where('status', '=', 'under-way')
        .executeTakeFirstOrThrow()
    ).id;
  } finally {
    await database.close();
  }
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const expectAccessible = async (page: Page) => {
  expect(await accessibilityViolations(page), `axe on ${page.url()}`).toEqual([]);
};

const signIn = async (page: Page) => {
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.getByLabel(/email address/i).fill(COORDINATOR);
  await page.getByRole('button', { name: /send me a sign-in link/i }).click();
  await expect.poll(() => page.getByRole('heading', { name: /check your email/i }).count()).toBe(1);
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.goto(`${server.baseUrl}/outbox`);
    const link = page.getByRole('link', { name: /sign-in link/i }).first();
    if ((await link.count()) > 0) {
      await link.click();
      await page
        .getByRole('link', { name: /\/sign-in\/verify/ })
        .first()
        .click();
      await page.waitForURL(/\/coordinator/);
      return;
    }
    await page.waitForTimeout(500);
  }
  throw new Error('no sign-in link reached the outbox');
};

test('a coordinator writes, schedules and previews a topic; the archive shows it once it is due', async () => {
  const { page } = browser;
  await signIn(page);
  const today = DateTime.now().setZone(ZONE);

  await page.goto(`${server.baseUrl}/coordinator/rounds`);
  await page.locator(`[data-round-id="${roundId}"]`).getByRole('link', { name: 'Topics' }).click();
  await page.waitForURL(`**/coordinator/rounds/${roundId}/topics`);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Topics of /);
  expect(await page.getByText('No topic yet').count()).toBeGreaterThan(0);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Write a topic' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Library spaces');
  await page
    .getByLabel('The topic', { exact: true })
    .fill('Describe **your favourite** space in your library.');
  await page.getByLabel('Day').fill(today.plus({ days: 1 }).toISODate()!);
  await page.getByLabel('Time').fill('09:00');
  await page.getByLabel('Title in Español').fill('Espacios de la biblioteca');
  await page.getByLabel('The topic in Español').fill('Describe **tu espacio** favorito.');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save and schedule' }).click();

  await page.waitForURL(/\/preview$/);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Preview: Library spaces');
  expect(await page.getByText(/Topic \d+: Library spaces/).count()).toBe(1);
  expect(await page.locator('article.topic-body strong').textContent()).toBe('your favourite');
  await expectAccessible(page);
  // The preview's own language links (the header's switcher changes the interface instead).
  await page.getByRole('main').getByRole('link', { name: 'Español' }).click();
  await page.waitForURL(/\/preview\?lang=es$/);
  // The email a Spanish reader gets, in Spanish around the Spanish topic.
  expect(await page.getByText(/Tema \d+: Espacios de la biblioteca/).count()).toBe(1);

  // Scheduled for tomorrow: not public yet.
  await page.goto(`${server.baseUrl}/topics`);
  expect(await page.getByText('Library spaces').count()).toBe(0);

  // Rescheduled to a moment that has passed: it is due now.
  await page.goto(`${server.baseUrl}/coordinator/rounds/${roundId}/topics`);
  await page.getByRole('link', { name: 'Edit Library spaces' }).click();
  await page.getByLabel('Day').fill(today.toISODate()!);
  await page.getByLabel('Time').fill('00:00');
  await page.getByRole('button', { name: 'Save and schedule' }).click();
  await page.waitForURL(/\/preview$/);

  await page.goto(`${server.baseUrl}/topics`);
  await page.getByRole('link', { name: 'Library spaces' }).click();
  await page.waitForURL(/\/topics\/[^/?]+$/);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Library spaces');
  await expectAccessible(page);
  await page.getByRole('main').getByRole('link', { name: 'Español' }).click();
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Espacios de la biblioteca');
  expect(browser.consoleErrors).toEqual([]);
});
