import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/connection';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { accessibilityViolations, type Browser, openBrowser } from './support/browser';

/**
 * The round dashboard on the seeded demo, in Chromium: people sign in with a browser running
 * script, and read the dashboard in one with JavaScript off (it is plain HTML and SVG) holding the
 * same session; axe (itself a script) checks the same pages in the first. The program coordinator follows the link from the coordinator home to the round under
 * way's dashboard and finds every figure with a chart and a table (applications, participants by
 * country, fit, check-ins, the demo's survey response rate, the intervention list, the mail
 * queue); the country coordinator sees their country and no mail queue. axe on each page.
 */
let server: ServerProcess;
let browser: Browser;
let noScript: Browser;
let round: { id: string; name: string };

beforeAll(async () => {
  server = await startServerProcess({ args: ['--demo-if-empty'] });
  const database = openDatabase({ dialect: 'sqlite', path: join(server.dataDir, 'iln.sqlite') });
  try {
    round = await database.db
      .selectFrom('rounds')
      .select(['id', 'name'])
      .where('status', '=', 'under-way')
      .executeTakeFirstOrThrow();
  } finally {
    await database.close();
  }
  browser = await openBrowser();
  noScript = await openBrowser({ javaScriptEnabled: false });
});

afterAll(async () => {
  await browser?.close();
  await noScript?.close();
  await server?.stop();
});

/** axe runs as a script, so it reads the same address in the browser with script on. */
const expectAccessible = async (page: Page) => {
  await browser.page.goto(page.url());
  expect(await accessibilityViolations(browser.page), `axe on ${page.url()}`).toEqual([]);
};

/** Signs in with script on, then gives the script-less browser the same session. */
const signIn = async (email: string) => {
  const { page } = browser;
  await browser.context.clearCookies();
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.getByLabel(/email address/i).fill(email);
  await page.getByRole('button', { name: /send me a sign-in link/i }).click();
  await expect.poll(() => page.getByRole('heading', { name: /check your email/i }).count()).toBe(1);
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.goto(`${server.baseUrl}/outbox`);
    const row = page
      .getByRole('row')
      .filter({ hasText: email })
      .filter({ hasText: /sign-in/i });
    if ((await row.count()) > 0) {
      await row.first().getByRole('link').first().click();
      await page
        .getByRole('link', { name: /\/sign-in\/verify/ })
        .first()
        .click();
      await page.waitForURL(/\/coordinator/);
      await noScript.context.clearCookies();
      await noScript.context.addCookies(await browser.context.cookies());
      return;
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`no sign-in link reached the outbox for ${email}`);
};

test('coordinators read the round dashboard without JavaScript: a chart and a table for each figure', async () => {
  const { page } = noScript;
  await signIn('coordinator@demo.example.org');
  await page.goto(`${server.baseUrl}/coordinator`);
  await page.getByRole('link', { name: `Dashboard of ${round.name}` }).click();
  await page.waitForURL(`**/coordinator/rounds/${round.id}/dashboard`);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Dashboard: ${round.name}`);
  for (const heading of [
    'Applications over time',
    'Participants by country',
    'How well partnerships fit',
    'Check-ins by fortnight',
    'Survey response rates',
    'Partnerships that need a person',
    'Mail queue',
  ]) {
    expect(await page.getByRole('heading', { level: 2, name: heading }).count(), heading).toBe(1);
  }
  expect(await page.locator('svg.chart').count()).toBe(5);
  const surveys = page.getByRole('table', { name: /share of invited participants who answered/i });
  expect(await surveys.getByRole('row').filter({ hasText: 'Mid-round survey' }).count()).toBe(1);
  expect(await page.getByText(/1 partnership is on the intervention list/).count()).toBe(1);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'See the intervention list and the check-ins' }).click();
  await page.waitForURL(`**/coordinator/rounds/${round.id}/check-ins`);

  await signIn('country-coordinator@demo.example.org');
  await page.goto(`${server.baseUrl}/coordinator/rounds/${round.id}/dashboard`);
  expect(await page.getByText(/^Figures for the people of your countries: /).count()).toBe(1);
  expect(await page.getByRole('heading', { level: 2, name: 'Mail queue' }).count()).toBe(0);
  const countries = page.getByRole('table', { name: /accepted participants by country/i });
  expect(await countries.locator('tbody tr').count()).toBe(1);
  await expectAccessible(page);
  expect(browser.consoleErrors).toEqual([]);
  expect(noScript.consoleErrors).toEqual([]);
});
