import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/connection';
import { renderEmail } from '../../src/email/layout';
import { getT } from '../../src/i18n';
import { enqueueRawMail as enqueueMail } from '../support/mail';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { accessibilityViolations, type Browser, openBrowser } from './support/browser';

/**
 * The development outbox as a newcomer meets it: open without signing in, saying that no email is
 * really sent, with the link in the email clickable, and without accessibility violations.
 */
let server: ServerProcess;
let browser: Browser;
let mailId: string;
const t = getT('en');

beforeAll(async () => {
  server = await startServerProcess();
  // Queue an email straight into the server's database, as a service in its transaction would.
  const database = openDatabase({ dialect: 'sqlite', path: join(server.dataDir, 'iln.sqlite') });
  try {
    const email = renderEmail({
      t,
      locale: 'en',
      preheader: 'Your link to sign in',
      heading: 'Sign in to the ILN',
      paragraphs: ['Hello Ana,', 'Use the button below to sign in. The link works once, for 15 minutes.'],
      action: { label: 'Sign in', url: `${server.baseUrl}/faq?from=outbox-test` },
    });
    const queued = await enqueueMail(
      database.db,
      { to: 'ana@example.org', subject: 'Your sign-in link', kind: 'sign-in-link', ...email },
      new Date(),
    );
    mailId = queued.id;
  } finally {
    await database.close();
  }
  browser = await openBrowser();
  browser.page.on('response', (response) => {
    if (response.status() >= 400) browser.consoleErrors.push(`HTTP ${response.status()} ${response.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('the outbox lists the email, says no email is sent, and passes axe', async () => {
  const { page } = browser;
  await page.goto(`${server.baseUrl}/outbox`);
  await expect(page.getByRole('heading', { level: 1, name: t('mail:outbox.title') }).count()).resolves.toBe(
    1,
  );
  await expect(page.getByText(t('mail:outbox.development.title')).count()).resolves.toBe(1);
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Your sign-in link' }).click();
  await page.waitForURL(`**/outbox/${mailId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Your sign-in link' }).count()).resolves.toBe(1);
  expect(await accessibilityViolations(page)).toEqual([]);
  // Browsers ask for /favicon.ico on their own; until the web shell serves one, that 404 is not ours.
  const hasNoFavicon = (await fetch(`${server.baseUrl}/favicon.ico`)).status === 404;
  const errors = browser.consoleErrors.filter(
    (error) =>
      !(
        hasNoFavicon &&
        error === 'Failed to load resource: the server responded with a status of 404 (Not Found)'
      ),
  );
  expect(errors).toEqual([]);

  // The link in the plain-text version is clickable and goes where the email says.
  await page.getByRole('link', { name: `${server.baseUrl}/faq?from=outbox-test` }).click();
  await page.waitForURL('**/faq?from=outbox-test');
});

test('the HTML version of the email passes axe', async () => {
  const { page } = browser;
  // The outbox serves the email under a sandboxing CSP that blocks every script, axe included, so
  // the same HTML is checked as its own document here.
  const response = await fetch(`${server.baseUrl}/outbox/${mailId}/html`);
  expect(response.headers.get('content-security-policy')).toMatch(/sandbox/);
  await page.setContent(await response.text());
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the ILN' }).count()).resolves.toBe(1);
  await expect(page.getByRole('link', { name: 'Sign in', exact: true }).count()).resolves.toBe(1);
  // An email is shown inside the mail client's own page, which has the main landmark; the email
  // itself is one role="article" region, as email accessibility guidance recommends. So the two
  // whole-page rules do not apply; every other rule does.
  const results = await new AxeBuilder({ page }).disableRules(['landmark-one-main', 'region']).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});
