import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { accessibilityViolations, type Browser, openBrowser } from './support/browser';

// A newcomer after `npm install && npm start`: the demo is seeded, no email is set up, and the only
// way in is the sign-in link that lands in the development outbox.
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  server = await startServerProcess({ args: ['--demo-if-empty'] });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const expectAccessible = async (page: Page) => {
  expect(await accessibilityViolations(page), `axe on ${page.url()}`).toEqual([]);
};

/** The mail worker polls every couple of seconds; a person would reload the outbox too. */
const openNewestMessage = async (page: Page, subject: RegExp) => {
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.goto(`${server.baseUrl}/outbox`);
    const link = page.getByRole('link', { name: subject }).first();
    if ((await link.count()) > 0) {
      await link.click();
      return;
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`no message matching ${subject} reached the outbox`);
};

test('a newcomer signs in as the demo coordinator through the outbox, reaches the dashboard and signs out', async () => {
  const { page } = browser;
  await page.goto(server.baseUrl);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
  const demoNote = page.getByText(/This is a demo/i);
  expect(await demoNote.count()).toBeGreaterThan(0);
  const coordinatorEmail = 'coordinator@demo.example.org';
  expect(await page.getByText(coordinatorEmail).count()).toBeGreaterThan(0);
  await expectAccessible(page);

  await page
    .getByRole('banner')
    .getByRole('link', { name: /^sign in$/i })
    .click();
  await expect.poll(() => page.getByRole('heading', { name: /sign in/i }).count()).toBeGreaterThan(0);
  await expectAccessible(page);
  await page.getByLabel(/email address/i).fill(coordinatorEmail);
  await page.getByRole('button', { name: /send me a sign-in link/i }).click();
  await expect.poll(() => page.getByRole('heading', { name: /check your email/i }).count()).toBe(1);
  await expectAccessible(page);

  await openNewestMessage(page, /sign-in link/i);
  await expectAccessible(page);
  await page
    .getByRole('link', { name: /\/sign-in\/verify/ })
    .first()
    .click();

  await page.waitForURL(/\/coordinator/);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(
    /demo program coordinator|dashboard|welcome/i,
  );
  expect(await page.getByText(/round \(demo\)/).count()).toBeGreaterThan(0);
  await expectAccessible(page);

  await page.getByRole('button', { name: /sign out/i }).click();
  await page.waitForURL(/\/sign-in|\/$/);
  await page.goto(`${server.baseUrl}/coordinator`);
  await page.waitForURL(/\/sign-in/);
  expect(browser.consoleErrors).toEqual([]);
});

/** Signs in as a person the way they would: the form, then the link in the outbox. */
const signInThroughOutbox = async (page: Page, email: string) => {
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.getByLabel(/email address/i).fill(email);
  await page.getByRole('button', { name: /send me a sign-in link/i }).click();
  await expect.poll(() => page.getByRole('heading', { name: /check your email/i }).count()).toBe(1);
  await openNewestMessage(page, /sign-in link/i);
  await page
    .getByRole('link', { name: /\/sign-in\/verify/ })
    .first()
    .click();
};

test('a participant of the demo round signs in and sees their partner; another participant does not', async () => {
  const { page } = browser;
  await page.goto(server.baseUrl);
  const note = (await page.getByText(/sign in the same way as one of them/i).textContent()) ?? '';
  const [first, second] = [...note.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)].map((match) => match[0]);
  expect(first && second, note).toBeTruthy();

  await signInThroughOutbox(page, first!);
  await page.waitForURL(/\/participant$/);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/your partnerships/i);
  await expectAccessible(page);
  await page
    .getByRole('link', { name: /see your partnership in/i })
    .first()
    .click();
  await page.waitForURL(/\/participant\/partnerships\//);
  const partnershipUrl = page.url();
  const partnerName = (await page.getByRole('heading', { level: 2 }).first().textContent())?.trim() ?? '';
  expect(partnerName.length).toBeGreaterThan(0);
  expect(await page.getByText(/their clock is/i).count()).toBeGreaterThan(0);
  expect(await page.getByRole('link', { name: /@/ }).count()).toBeGreaterThan(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: /sign out/i }).click();
  await page.waitForURL(/\/sign-in/);

  await signInThroughOutbox(page, second!);
  await page.waitForURL(/\/participant$/);
  expect(await page.getByText(partnerName).count()).toBe(0);
  const refused = await page.goto(partnershipUrl);
  expect(refused?.status()).toBe(404);
  expect(await page.getByText(partnerName).count()).toBe(0);
  await page.getByRole('button', { name: /sign out/i }).click();
  await page.waitForURL(/\/sign-in/);
  expect(browser.consoleErrors.filter((error) => !/404/.test(error))).toEqual([]);
});

test('the home page, information pages and sign-in work without JavaScript', async () => {
  const noScript = await openBrowser({ javaScriptEnabled: false });
  try {
    for (const path of ['/', '/how-it-works', '/faq', '/code-of-conduct', '/privacy', '/sign-in']) {
      const response = await noScript.page.goto(`${server.baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      // axe needs JavaScript in the page, so accessibility is checked in the journey above.
      expect(await noScript.page.getByRole('heading', { level: 1 }).count(), path).toBe(1);
    }
    await noScript.page.getByLabel(/email address/i).fill('nobody@example.org');
    await noScript.page.getByRole('button', { name: /send me a sign-in link/i }).click();
    await expect
      .poll(() => noScript.page.getByRole('heading', { name: /check your email/i }).count())
      .toBe(1);
    expect(noScript.consoleErrors).toEqual([]);
  } finally {
    await noScript.close();
  }
});
