import { type BrowserContext, chromium, type Page, type Browser as PlaywrightBrowser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { validForm } from '../support/applicant-fixtures';
import { TRUST_COORDINATORS } from '../support/trust-fixture';
import { CHROMIUM_ARGS } from './support/browser';
import { signInBrowser, startTrustServer, type TrustServer } from './support/trust-server';

/**
 * Keyboard only: the skip link, applying (every field reached with Tab and answered with the keys
 * a person uses: typing, arrows, space; sent with Enter) and reviewing (a coordinator opens an
 * application from the list and decides). Every element that takes focus on the way must show it
 * (an outline or a shadow), and nothing is clicked. Runs over the trust fixture (its open round).
 */
let server: TrustServer;
let browser: PlaywrightBrowser;

beforeAll(async () => {
  server = await startTrustServer();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Focused {
  tag: string;
  type: string;
  name: string;
  value: string;
  checked: boolean;
  text: string;
  /** The focus indicator is visible: an outline or a box shadow. */
  isFocusVisible: boolean;
}

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the DOM types are not in this project's lib.
    const element = (globalThis as any).document.activeElement;
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    const style = (globalThis as any).getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      type: (element.getAttribute('type') ?? '').toLowerCase(),
      name: element.getAttribute('name') ?? '',
      value: element.value ?? '',
      checked: Boolean(element.checked),
      text: (element.textContent ?? '').trim(),
      isFocusVisible:
        (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== 'none',
    };
  });

/** Tabs forward until `isTarget`; every stop on the way must show its focus. */
const tabUntil = async (
  page: Page,
  isTarget: (element: Focused) => boolean,
  limit = 80,
): Promise<Focused> => {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    const element = await focused(page);
    expect(element.isFocusVisible, `focus is visible on ${element.tag} ${element.name || element.text}`).toBe(
      true,
    );
    if (isTarget(element)) return element;
  }
  throw new Error(`no matching element within ${limit} presses of Tab`);
};

/** Picks a select's option with the arrow keys (Home first), as a person on a keyboard does. */
const chooseWithArrows = async (page: Page, wanted: string) => {
  await page.keyboard.press('Home');
  for (let step = 0; step < 500 && (await focused(page)).value !== wanted; step++) {
    await page.keyboard.press('ArrowDown');
  }
  expect((await focused(page)).value).toBe(wanted);
};

const newContext = async (): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Africa/Nairobi' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
};

test('the first Tab reaches a visible skip link, and Enter moves to the main content', async () => {
  const { context, page } = await newContext();
  await page.goto(`${server.baseUrl}/`);
  await page.keyboard.press('Tab');
  const first = await focused(page);
  expect(first.text).toBe('Skip to main content');
  expect(first.isFocusVisible).toBe(true);
  await page.keyboard.press('Enter');
  expect(new URL(page.url()).hash).toBe('#main');
  await context.close();
});

test('an applicant fills the whole form and sends it with the keyboard only', {
  timeout: 240_000,
}, async () => {
  const { context, page } = await newContext();
  const answers = validForm({
    email: 'keyboard@example.org',
    name: 'Kibet Keyboard',
    timeZone: 'Africa/Nairobi',
  });
  await page.goto(`${server.baseUrl}/rounds/${server.f.openRoundId}/apply`);
  const seen = new Set<string>();
  for (let step = 0; step < 400; step++) {
    const element = await tabUntil(page, () => true, 1);
    if (element.tag === 'button' && /send my application/i.test(element.text)) {
      await page.keyboard.press('Enter');
      break;
    }
    const answer = answers[element.name];
    if (answer === undefined) continue;
    const key = `${element.name}=${element.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (element.tag === 'select' && typeof answer === 'string') await chooseWithArrows(page, answer);
    else if (element.type === 'checkbox') {
      const wanted = Array.isArray(answer) ? answer.includes(element.value) : answer === 'on';
      if (wanted !== element.checked) await page.keyboard.press('Space');
    } else if (element.type === 'radio') {
      // Arrows move through the group and check as they go.
      for (let move = 0; move < 10 && (await focused(page)).value !== answer; move++) {
        await page.keyboard.press('ArrowDown');
      }
    } else if (typeof answer === 'string' && answer !== '' && element.value === '') {
      await page.keyboard.type(answer);
    }
  }
  await page.waitForURL('**/applied*');
  await expect
    .poll(() => page.getByRole('heading', { level: 1, name: 'Application received' }).count())
    .toBe(1);
  const stored = await server.t.database.db
    .selectFrom('applications')
    .select(['name', 'country_code'])
    .where('email', '=', 'keyboard@example.org')
    .executeTakeFirst();
  expect(stored).toEqual({ name: 'Kibet Keyboard', country_code: 'BR' });
  await context.close();
});

test('a coordinator opens an application from the list and accepts it with the keyboard only', {
  timeout: 120_000,
}, async () => {
  const { context, page } = await newContext();
  await signInBrowser(context, server, TRUST_COORDINATORS.program.email);
  await page.goto(`${server.baseUrl}/coordinator/rounds/${server.f.openRoundId}/applications`);
  await tabUntil(page, (element) => element.tag === 'a' && element.text === 'Ngozi Eze', 200);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/applications\/[^/?]+(\?.*)?$/);
  await tabUntil(page, (element) => element.tag === 'button' && element.text === 'Accept', 200);
  await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press('Enter')]);
  const statusOf = async () =>
    (
      await server.t.database.db
        .selectFrom('applications')
        .select('status')
        .where('name', '=', 'Ngozi Eze')
        .executeTakeFirstOrThrow()
    ).status;
  await expect.poll(statusOf, { timeout: 20_000 }).toBe('accepted');
  await context.close();
});
