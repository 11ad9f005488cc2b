import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { accessibilityViolations, type Browser, openBrowser } from './support/browser';
import { signInThroughOutbox } from './support/outbox-sign-in';

// A program coordinator adds, changes and removes a coordinator, reads what they did in the audit
// trail and signs out everywhere: first without JavaScript (every form is a plain form), then with
// it, checking each page with axe.
let server: ServerProcess;
const COORDINATOR = 'coordinator@demo.example.org';

beforeAll(async () => {
  server = await startServerProcess({ args: ['--demo-if-empty'] });
});
afterAll(async () => {
  await server?.stop();
});

const expectAccessible = async (page: Page) => {
  expect(await accessibilityViolations(page), `axe on ${page.url()}`).toEqual([]);
};

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

test('without JavaScript: add, change and remove a coordinator, then find it all in the audit trail', async () => {
  const browser: Browser = await openBrowser({ javaScriptEnabled: false });
  try {
    const { page } = browser;
    await signInThroughOutbox(page, server.baseUrl, COORDINATOR);
    await page.getByRole('banner').getByRole('link', { name: 'Coordinators' }).click();
    expect(await heading(page)).toBe('Coordinators');

    await page.getByLabel('Email address').fill('new.coordinator@example.org');
    await page.getByLabel(/^Name/).fill('Noor');
    await page.getByLabel('Country coordinator', { exact: true }).check();
    await page.getByLabel('Countries').fill('KE, ZZ');
    await page.getByRole('button', { name: 'Add the coordinator' }).click();
    expect(await page.getByText('Unknown country code: ZZ').count()).toBeGreaterThan(0);
    await page.getByLabel('Countries').fill('KE, NG');
    await page.getByRole('button', { name: 'Add the coordinator' }).click();
    await expect.poll(() => page.getByText('Noor is now a coordinator.').count()).toBe(1);
    expect(await page.getByRole('row', { name: /Noor/ }).textContent()).toContain('Kenya (KE), Nigeria (NG)');

    await page.getByRole('link', { name: 'Change Noor' }).click();
    expect(await heading(page)).toBe('Change Noor');
    await page.getByLabel('Countries').fill('GH');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    expect(await page.getByRole('row', { name: /Noor/ }).textContent()).toContain('Ghana (GH)');

    await page.getByRole('link', { name: 'Change Noor' }).click();
    await page.getByRole('link', { name: 'Remove Noor as a coordinator' }).click();
    expect(await heading(page)).toBe('Remove Noor as a coordinator?');
    await page.getByRole('button', { name: 'Remove Noor' }).click();
    await expect.poll(() => page.getByText('Noor is no longer a coordinator.').count()).toBe(1);

    await page.getByRole('banner').getByRole('link', { name: 'Audit trail' }).click();
    await page.getByLabel('What').selectOption({ label: 'Coordinator changed' });
    await page.getByRole('button', { name: 'Show entries' }).click();
    const rows = page.getByRole('row').filter({ hasText: 'Coordinator changed' });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Web');
    expect(await rows.first().textContent()).toContain('127.0.0.1');
    await page.getByRole('link', { name: 'Clear the filters' }).click();
    for (const label of ['Coordinator added', 'Coordinator changed', 'Coordinator removed']) {
      expect(await page.getByRole('row').filter({ hasText: label }).count()).toBeGreaterThan(0);
    }
  } finally {
    await browser.close();
  }
});

test('every new page passes axe, and signing out everywhere ends the session', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await signInThroughOutbox(page, server.baseUrl, COORDINATOR);
    for (const path of ['/coordinator/people', '/coordinator/audit', '/coordinator/audit?action=nonsense']) {
      await page.goto(`${server.baseUrl}${path}`);
      await expectAccessible(page);
    }
    await page.goto(`${server.baseUrl}/coordinator/people`);
    await page
      .getByRole('link', { name: /^Change / })
      .first()
      .click();
    await expectAccessible(page);
    await page.getByRole('link', { name: /^Remove / }).click();
    await expectAccessible(page);

    await page.getByRole('banner').getByRole('link', { name: 'Sign out everywhere' }).click();
    expect(await heading(page)).toBe('Sign out everywhere');
    await expectAccessible(page);
    await page.getByRole('main').getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(await page.getByText('You have signed out on every device.').count()).toBe(1);
    await page.goto(`${server.baseUrl}/coordinator`);
    await page.waitForURL(/\/sign-in/);
    // The one failed load expected: the bad filter answered 422 on purpose.
    expect(browser.consoleErrors.filter((error) => !/status of 422/.test(error))).toEqual([]);
  } finally {
    await browser.close();
  }
});
