import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { BrowserContext } from 'playwright-core';
import { freePort } from '../../support/free-port';
import { createTestApp, type TestApp } from '../../support/test-app';
import { seedTrustFixture, TRUST_START, type TrustFixture } from '../../support/trust-fixture';

/**
 * The trust fixture (tests/support/trust-fixture.ts: a program in every state the web app has
 * pages for) served over HTTP on 127.0.0.1, so a real browser can visit every page as every kind
 * of visitor. The app runs in this process, over the test database, with the fixture's clock.
 */
export interface TrustServer {
  t: TestApp;
  f: TrustFixture;
  baseUrl: string;
  close: () => Promise<void>;
}

export const startTrustServer = async (): Promise<TrustServer> => {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ now: TRUST_START, env: { BASE_URL: baseUrl } });
  const f = await seedTrustFixture(t);
  const server = serve({ fetch: t.app.fetch, port, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => {
    if ((server.address() as AddressInfo | null)?.port) resolve();
    else server.once('listening', () => resolve());
  });
  return {
    t,
    f,
    baseUrl,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.dispose();
    },
  };
};

/**
 * Signs a browser context in the way a person does: asks for a link on /sign-in, then follows the
 * link of the newest sign-in email to that address (read from the test database's mail queue).
 */
export const signInBrowser = async (
  context: BrowserContext,
  server: TrustServer,
  email: string,
): Promise<void> => {
  const page = await context.newPage();
  try {
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel(/email address/i).fill(email);
    await page.getByRole('button', { name: /send me a sign-in link/i }).click();
    await page.getByRole('heading', { name: /check your email/i }).waitFor();
    const message = await server.t.database.db
      .selectFrom('mail_messages')
      .select('text_body')
      .where('to_address', '=', email.toLowerCase())
      .where('kind', '=', 'sign-in-link')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    const path = message?.text_body.match(/https?:\/\/[^/\s]+(\/sign-in\/verify\?\S+)/)?.[1];
    if (!path) throw new Error(`no sign-in link was emailed to ${email}`);
    await page.goto(`${server.baseUrl}${path}`);
    if (page.url().includes('/sign-in')) throw new Error(`the sign-in link for ${email} did not sign in`);
  } finally {
    await page.close();
  }
};
