import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { accessibilityViolations, openBrowser } from './support/browser';

/**
 * Languages in a real browser (issue 13): the switcher on every page works without JavaScript and
 * is remembered; a Spanish browser gets Spanish pages; and a right-to-left layout holds, checked
 * with the stub Arabic locale on the home page and the application form at a desktop and a phone
 * width: `dir=rtl`, nothing wider than the window, and no axe violations.
 */
let server: ServerProcess;

beforeAll(async () => {
  server = await startServerProcess({ args: ['--demo-if-empty'] });
});
afterAll(async () => {
  await server?.stop();
});

// Run in the page; written as source because the project is compiled without the DOM's types.
const documentLanguage = (page: Page) =>
  page.evaluate('[document.documentElement.lang, document.documentElement.dir]') as Promise<string[]>;

/** Elements that reach past the window's edges (a sideways scroll), by a short description. */
const overflowing = (page: Page) =>
  page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const found = [];
    if (document.documentElement.scrollWidth > width) found.push('page ' + document.documentElement.scrollWidth + 'px');
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // The skip link waits off-screen until it is focused, on purpose.
      if (element.closest('.skip-link')) continue;
      if (box.left < -1 || box.right > width + 1)
        found.push(element.tagName.toLowerCase() + '.' + element.className + ' ' + Math.round(box.left) + '–' + Math.round(box.right));
    }
    return found.slice(0, 5);
  })()`) as Promise<string[]>;

test('the stub Arabic pages lay out right to left at 1280 px and 390 px, and pass axe', async () => {
  const browser = await openBrowser();
  const { page } = browser;
  page.setDefaultTimeout(20_000);
  try {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.baseUrl}/?language=ar`);
      expect(await documentLanguage(page)).toEqual(['ar', 'rtl']);
      // Arabic where the stub has it, English where it does not.
      await expect.poll(() => page.getByRole('link', { name: 'انتقل إلى المحتوى الرئيسي' }).count()).toBe(1);
      expect(await overflowing(page), `home at ${width}px`).toEqual([]);
      expect(await accessibilityViolations(page), `home at ${width}px`).toEqual([]);
      // The navigation starts at the right-hand edge.
      const nav = await page.locator('.site-header__name').boundingBox();
      expect(nav && nav.x + nav.width).toBeGreaterThan(width / 2);

      // The remembered choice carries over to the form.
      await page.getByRole('link', { name: /^Apply for / }).click();
      await page.waitForURL('**/rounds/*/apply');
      expect(await documentLanguage(page)).toEqual(['ar', 'rtl']);
      expect(await overflowing(page), `form at ${width}px`).toEqual([]);
      expect(await accessibilityViolations(page), `form at ${width}px`).toEqual([]);
    }
  } finally {
    await browser.close();
  }
});

test('without JavaScript, the switcher changes the language of the page and the next ones', async () => {
  const browser = await openBrowser({ javaScriptEnabled: false });
  const { page } = browser;
  page.setDefaultTimeout(20_000);
  try {
    await page.goto(`${server.baseUrl}/faq`);
    expect(await documentLanguage(page)).toEqual(['en', 'ltr']);
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Español' }).click();
    await page.waitForURL('**/faq?language=es');
    expect(await documentLanguage(page)).toEqual(['es', 'ltr']);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Preguntas y respuestas' }).count())
      .toBe(1);
    // The current language is marked for assistive technology, not by colour alone.
    await expect
      .poll(() =>
        page.getByRole('navigation', { name: 'Idioma' }).locator('a[aria-current="true"]').textContent(),
      )
      .toBe('Español');
    // Remembered: a plain link to another page stays in Spanish.
    await page.getByRole('link', { name: 'Código de conducta' }).first().click();
    await page.waitForURL('**/code-of-conduct');
    expect(await documentLanguage(page)).toEqual(['es', 'ltr']);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Código de conducta' }).count())
      .toBe(1);
  } finally {
    await browser.close();
  }
});

test('a browser that prefers Spanish gets the application form in Spanish, with Spanish names', async () => {
  // Chromium asks for the languages of its locale (Accept-Language: es-419,es;q=0.9).
  const browser = await openBrowser({ locale: 'es-419' });
  const { page } = browser;
  page.setDefaultTimeout(20_000);
  try {
    await page.goto(server.baseUrl);
    expect(await documentLanguage(page)).toEqual(['es', 'ltr']);
    await page.getByRole('link', { name: /^Presentarte a / }).click();
    await page.waitForURL('**/rounds/*/apply');
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: /^Solicitar plaza en / }).count())
      .toBe(1);
    // Country names come from the platform's CLDR data in the reader's language.
    const countries = await page.getByLabel('País en el que vives').locator('option').allTextContents();
    expect(countries).toContain('Alemania');
    expect(countries).toContain('Sudáfrica');
    expect(await accessibilityViolations(page)).toEqual([]);
  } finally {
    await browser.close();
  }
});
