import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Signs in the way a coordinator does on a development server: asks for a link, finds the email
 * in the outbox and follows the link in it. The person must exist (iln create-coordinator, or a
 * participant of a published round); `landsOn` is where they arrive (coordinators: /coordinator).
 */
export const signInThroughOutbox = async (
  page: Page,
  baseUrl: string,
  email: string,
  landsOn: RegExp = /\/coordinator/,
): Promise<void> => {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/email address/i).fill(email);
  await page.getByRole('button', { name: /send me a sign-in link/i }).click();
  await expect.poll(() => page.getByRole('heading', { name: /check your email/i }).count()).toBe(1);
  for (let attempt = 0; ; attempt++) {
    await page.goto(`${baseUrl}/outbox`);
    const rows = page.getByRole('row').filter({ hasText: email });
    if ((await rows.count()) > 0) {
      await rows.first().getByRole('link').first().click();
      break;
    }
    if (attempt === 39) throw new Error(`no sign-in link for ${email} in the outbox`);
    await page.waitForTimeout(500);
  }
  await page
    .getByRole('link', { name: /\/sign-in\/verify/ })
    .first()
    .click();
  await page.waitForURL(landsOn);
};
