import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { getT } from '../../src/i18n';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { accessibilityViolations, type Browser, openBrowser } from './support/browser';

/**
 * A newcomer applies to the demo's open round the way a person would: from the home page, by the
 * form's labels, once with JavaScript and once without; reads the confirmation in the outbox,
 * follows the private link and changes an answer. Axe on the form, the confirmation and the
 * private page; no console errors.
 */
let server: ServerProcess;
const t = getT('en');

beforeAll(async () => {
  server = await startServerProcess({ args: ['--demo-if-empty'] });
});
afterAll(async () => {
  await server?.stop();
});

// axe runs as a script in the page, which a browser with JavaScript disabled will not run; the
// pages are the same HTML either way, so the JavaScript pass checks them.
let isAxeAvailable = true;
const expectNoViolations = async (page: Page, where: string) => {
  if (!isAxeAvailable) return;
  expect(await accessibilityViolations(page), where).toEqual([]);
};

const fillApplication = async (page: Page, email: string, javaScript: boolean) => {
  await page.getByLabel('Full name').fill(javaScript ? 'Wanjiru Kamau' : 'Tomás Herrera');
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Country you live in').selectOption({ label: javaScript ? 'Kenya' : 'Chile' });
  if (javaScript) {
    // Suggested from the browser (the test browser lives in Asia/Kolkata); the person keeps it.
    await expect(page.getByLabel('Your time zone').inputValue()).resolves.not.toBe('');
  } else {
    await page.getByLabel('Your time zone').selectOption('America/Santiago');
  }
  const firstLanguage = page.getByRole('group', { name: 'Language 1' });
  await firstLanguage
    .getByLabel('Language', { exact: true })
    .selectOption({ label: javaScript ? 'Swahili' : 'Spanish' });
  await firstLanguage.getByLabel('How well you speak it').selectOption({ label: 'Native or first language' });
  const secondLanguage = page.getByRole('group', { name: /Language 2/ });
  await secondLanguage.getByLabel(/^Language/).selectOption({ label: 'English' });
  await secondLanguage.getByLabel('How well you speak it').selectOption({ label: 'Fluent' });
  await page.getByLabel('Sector you work or study in').selectOption({ label: 'Public' });
  await page.getByLabel('Your role').fill('Children’s librarian');
  await page.getByRole('radio', { name: 'Early career' }).check();
  await page.getByLabel('Years in the profession').fill('3');
  await page.getByRole('checkbox', { name: 'Children and young adults' }).check();
  await page.getByRole('checkbox', { name: 'Literacy and reading' }).check();
  await page.getByRole('checkbox', { name: 'Information literacy' }).check();
  await page
    .getByRole('checkbox', { name: 'I am open to a partner from any sector and career stage' })
    .check();
  if (javaScript) {
    await page.getByRole('checkbox', { name: 'I prefer to keep in touch by email only' }).check();
  } else {
    const firstTime = page.getByRole('group', { name: /Time 1/ });
    await firstTime.getByLabel('Day').selectOption({ label: 'Wednesday' });
    await firstTime.getByLabel('From').selectOption('17:00');
    await firstTime.getByLabel('Until').selectOption('19:00');
  }
  await page
    .getByLabel('What do you hope to get from the round?')
    .fill('Ideas for reading programs for teenagers.');
  await page
    .getByLabel('How did you hear about the program?')
    .selectOption({ label: 'A colleague or friend' });
  await page.getByRole('checkbox', { name: 'I agree to the privacy notice' }).check();
  await page.getByRole('checkbox', { name: 'I accept the code of conduct' }).check();
};

const journey = async (javaScript: boolean) => {
  const browser: Browser = await openBrowser({ javaScriptEnabled: javaScript });
  isAxeAvailable = javaScript;
  const { page } = browser;
  page.setDefaultTimeout(20_000);
  page.on('response', (response) => {
    if (response.status() >= 400) browser.consoleErrors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  const email = `newcomer-${javaScript ? 'js' : 'nojs'}@example.org`;
  try {
    await page.goto(server.baseUrl);
    await page.getByRole('link', { name: /^Apply for / }).click();
    await page.waitForURL('**/rounds/*/apply');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /^Apply to / }).count()).toBe(1);
    await expectNoViolations(page, 'form');

    // Sending the form half-filled shows the problems, keeps what was typed, and passes axe.
    await page.getByLabel('Full name').fill('Someone');
    await page.getByRole('button', { name: 'Send my application' }).click();
    await expect.poll(() => page.getByRole('heading', { name: t('form.errorSummaryTitle') }).count()).toBe(1);
    await expect(page.getByLabel('Full name').inputValue()).resolves.toBe('Someone');
    await expectNoViolations(page, 'form with errors');

    await fillApplication(page, email, javaScript);
    await page.getByRole('button', { name: 'Send my application' }).click();
    await page.waitForURL('**/applied*');
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Application received' }).count())
      .toBe(1);
    await expectNoViolations(page, 'confirmation');

    // The mail worker delivers within a few seconds: look again until the confirmation is there.
    await expect
      .poll(
        async () => {
          await page.goto(`${server.baseUrl}/outbox`);
          return page.getByRole('row', { name: new RegExp(email) }).count();
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    await page
      .getByRole('row', { name: new RegExp(email) })
      .getByRole('link')
      .first()
      .click();
    const privateLink = page.getByRole('link', { name: /\/applications\// });
    await expect.poll(() => privateLink.count()).toBe(1);
    await privateLink.click();
    await page.waitForURL(/\/applications\/[A-Za-z0-9_-]{43}$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: /^Your application to / }).count())
      .toBe(1);
    await expectNoViolations(page, 'private page');

    await page.getByRole('link', { name: 'Change my answers' }).click();
    await page.getByLabel('Your role').fill('Youth services librarian');
    await page.getByRole('button', { name: 'Save my changes' }).click();
    await page.waitForURL(/\/applications\/[A-Za-z0-9_-]{43}$/);
    await expect.poll(() => page.getByText('Your changes have been saved.').count()).toBe(1);
    await expect.poll(() => page.getByText('Youth services librarian').count()).toBe(1);
    await expectNoViolations(page, 'private page after saving');
    // The one deliberate half-filled submission answers 422 (and Chromium logs it); nothing else may fail.
    const unexpected = browser.consoleErrors.filter(
      (error) => !/HTTP 422 .*\/rounds\/[^/]+\/apply$|status of 422/.test(error),
    );
    expect(unexpected).toEqual([]);
    expect(browser.consoleErrors.length).toBeLessThanOrEqual(2);
  } finally {
    await browser.close();
  }
};

test('a newcomer applies with JavaScript, then changes an answer through the private link', {
  timeout: 240_000,
}, async () => {
  await journey(true);
});

test('the same journey works with JavaScript disabled', { timeout: 240_000 }, async () => {
  await journey(false);
});
