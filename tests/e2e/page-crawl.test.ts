import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fillPath, listRoutes, paramNames, routeName } from '../support/route-table';
import {
  TRUST_COORDINATORS,
  TRUST_PAGE_QUERIES,
  type TrustFixture,
  trustCredentials,
  trustParam,
} from '../support/trust-fixture';
import { CHROMIUM_ARGS } from './support/browser';
import { signInBrowser, startTrustServer, type TrustServer } from './support/trust-server';

/**
 * Every GET page of the web app (read from Hono's route table, path parameters from the trust
 * fixture's TRUST_PARAMS, so a new page is crawled without a line here), visited in Chromium as
 * every kind of visitor, one page after another in one browser:
 *
 * - WCAG 2.2 AA: axe (wcag2a … wcag22aa tags) finds no violation on any page that answers 200 with
 *   HTML, nor on the error pages (403, 404) a visitor meets;
 * - light pages: each public page, the applicant's private pages and the participant's pages
 *   transfer under 100 KB in all (document, CSS, scripts, images: Chromium's encodedDataLength,
 *   headers included, with the browser cache off, compressed as the server sends it (gzip when
 *   the browser asks for it, brotli or gzip for static files); the uncompressed size is not limited;
 * - no request leaves the site's origin, on any page, as anyone;
 * - without JavaScript (a second pass), every page answers as it did with it and its forms are
 *   plain forms: a method and an action that name a route of the app, submit buttons inside the
 *   form, no javascript: links, no inline handlers, and htmx only on elements that work without it;
 *   that pass is at a phone's width (390 px), where no table of any page, as any visitor
 *   (coordinators included), may be wider than the screen (stacked rows, `.table--stack` with a
 *   `data-label` on each cell, or few enough columns), and every chart has its table.
 */

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const PAGE_WEIGHT_LIMIT = 100 * 1024;

type Role = 'anonymous' | 'applicant' | 'participant' | 'country' | 'program';
const ROLES: { role: Role; email?: (f: TrustFixture) => string; light: boolean }[] = [
  { role: 'anonymous', light: true },
  { role: 'applicant', light: true },
  { role: 'participant', email: (f) => f.participant.email, light: true },
  { role: 'country', email: () => TRUST_COORDINATORS.kenya.email, light: false },
  { role: 'program', email: () => TRUST_COORDINATORS.program.email, light: false },
];

interface Visit {
  role: Role;
  route: string;
  url: string;
  status: number;
  isHtml: boolean;
  bytes: number;
  violations: string[];
}

let server: TrustServer;
let browser: Browser;
const visits: Visit[] = [];
const foreignRequests: string[] = [];
const consoleErrors: string[] = [];
let crawlSeconds = 0;
const noJavaScriptProblems: string[] = [];
const narrowProblems: string[] = [];

const pathsFor = (role: Role) => {
  const holder = role === 'applicant' ? 'applicant' : role === 'participant' ? 'participant' : undefined;
  const credentials = trustCredentials(server.f, holder);
  return listRoutes(server.t.app)
    .filter((route) => route.method === 'GET')
    .map((route) => {
      const extra = TRUST_PAGE_QUERIES[routeName(route)];
      const values: Record<string, string> = {};
      for (const name of paramNames(route.path)) {
        const value = extra?.params?.[name]?.(server.f) ?? trustParam(name, route.path, credentials);
        if (value === undefined) throw new Error(`TRUST_PARAMS has no value for :${name} in ${route.path}`);
        values[name] = value;
      }
      const query = extra?.query?.(server.f);
      return { route: routeName(route), path: `${fillPath(route.path, values)}${query ? `?${query}` : ''}` };
    });
};

const PHONE = { width: 390, height: 844 };

const openContext = async (javaScriptEnabled: boolean): Promise<BrowserContext> => {
  const context = await browser.newContext({
    javaScriptEnabled,
    locale: 'en-GB',
    timezoneId: 'Asia/Kolkata',
    // The second pass is a phone's width: tables must fit it (stacked rows or few columns).
    ...(javaScriptEnabled ? {} : { viewport: PHONE }),
  });
  const origin = new URL(server.baseUrl).origin;
  context.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin !== origin) foreignRequests.push(`${url} (from ${request.frame().url()})`);
  });
  return context;
};

/** Loads a page with the cache off and sums what crossed the network for it. */
const loadMeasured = async (page: Page, url: string) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  await cdp.detach();
  return { response, bytes };
};

const axeViolations = async (page: Page): Promise<string[]> => {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => `${node.target.join(' ')} ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
        .join('; ')}`,
  );
};

beforeAll(async () => {
  server = await startTrustServer();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const crawlAs = async ({ role, email, light }: (typeof ROLES)[number]) => {
  const started = Date.now();
  const errorPagesChecked = new Set<string>();
  const context = await openContext(true);
  if (email) await signInBrowser(context, server, email(server.f));
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('console', (message) => {
    // An error page's own status is reported as a failed load; that is the page, not a fault.
    const isOwnStatus = message.location().url === page.url() && /status of [45]\d\d/.test(message.text());
    if (message.type() === 'error' && !isOwnStatus)
      consoleErrors.push(`${role} ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${role} ${page.url()}: ${error.message}`));
  for (const { route, path } of pathsFor(role)) {
    if (route === 'GET /sign-out/everywhere' && role === 'anonymous') continue;
    const pageStarted = Date.now();
    // Asked first without following redirects: a redirect's target is crawled as its own route,
    // and files (CSV, calendars) are not pages.
    const head = await context.request.get(`${server.baseUrl}${path}`, { maxRedirects: 0 });
    const isHtml = (head.headers()['content-type'] ?? '').startsWith('text/html');
    if (!isHtml || (head.status() >= 300 && head.status() < 400)) {
      visits.push({ role, route, url: path, status: head.status(), isHtml, bytes: 0, violations: [] });
      continue;
    }
    const { response, bytes } = await loadMeasured(page, `${server.baseUrl}${path}`);
    const status = response?.status() ?? 0;
    // The email itself, shown on its own under a sandboxing CSP (no scripts, so no axe either).
    if ((response?.headers()['content-security-policy'] ?? '').startsWith('sandbox')) {
      visits.push({ role, route, url: page.url(), status, isHtml: false, bytes: 0, violations: [] });
      continue;
    }
    // Error pages are pages too; one of each status per visitor is enough (they share a view).
    const errorKey = `${status}`;
    const shouldCheck = status === 200 || (status >= 400 && !errorPagesChecked.has(errorKey));
    if (status >= 400) errorPagesChecked.add(errorKey);
    const violations = shouldCheck ? await axeViolations(page) : [];
    visits.push({ role, route, url: page.url(), status, isHtml, bytes: light ? bytes : 0, violations });
    if (process.env.ILN_CRAWL_TRACE) console.log(`${role} ${status} ${path} ${Date.now() - pageStarted} ms`);
  }
  await context.close();
  await checkWithoutJavaScript(role, email);
  return (Date.now() - started) / 1000;
};

/** The route patterns of the app by method, for "does this form post to a real route?". */
const routePatterns = () =>
  listRoutes(server.t.app).map((route) => ({
    method: route.method,
    pattern: new RegExp(
      `^${route.path.replace(/:[A-Za-z0-9_]+(?:\{([^}]*)\})?/g, (_, regex?: string) => `(${regex ?? '[^/]+'})`)}$`,
    ),
  }));

/**
 * The second pass, with JavaScript off: each page that answered 200 answers 200 again, has a main
 * landmark with text, and its forms are plain HTML forms that reach a route of the app.
 */
const checkWithoutJavaScript = async (role: Role, email?: (f: TrustFixture) => string) => {
  const context = await openContext(false);
  if (email) await signInBrowser(context, server, email(server.f));
  const page = await context.newPage();
  const patterns = routePatterns();
  const origin = new URL(server.baseUrl).origin;
  const pages = visits.filter((visit) => visit.role === role && visit.isHtml && visit.status === 200);
  for (const visit of pages) {
    const response = await page.goto(visit.url, { waitUntil: 'load' });
    const problems: string[] = [];
    if (response?.status() !== 200) problems.push(`answered ${response?.status()} without JavaScript`);
    const mainText = (await page.locator('main').first().textContent())?.trim() ?? '';
    if (mainText.length === 0) problems.push('no main content');
    const forms = await page.locator('form').evaluateAll((elements) =>
      elements.map((form) => ({
        method: (form.getAttribute('method') ?? 'get').toUpperCase(),
        // Resolved by hand: `form.action` is shadowed by a field named "action" (the review forms).
        action: new URL(form.getAttribute('action') ?? '', form.ownerDocument.baseURI).href,
        // A preview (a survey as participants will see it) shows its form with the button disabled.
        canSubmit:
          form.querySelector(
            'button:not([type="button"]):not([disabled]), input[type="submit"]:not([disabled])',
          ) !== null,
      })),
    );
    for (const form of forms) {
      const url = new URL(form.action);
      const method = form.method === 'GET' ? 'GET' : 'POST';
      if (!['GET', 'POST'].includes(form.method)) problems.push(`a form with method ${form.method}`);
      else if (url.origin !== origin) problems.push(`a form posting to ${form.action}`);
      else if (
        form.canSubmit &&
        !patterns.some((route) => route.method === method && route.pattern.test(url.pathname))
      ) {
        problems.push(`a form to ${method} ${url.pathname}, which is no route`);
      }
    }
    const scriptOnly = await page
      .locator(
        [
          'a[href^="javascript:"]',
          'a[href="#"]',
          '[onclick]',
          '[onsubmit]',
          '[onchange]',
          'button[type="submit"]:not(form button):not([form])',
          'input[type="submit"]:not(form input):not([form])',
          '[hx-get]:not(form):not(a[href])',
          '[hx-post]:not(form)',
        ].join(', '),
      )
      .evaluateAll((elements) => elements.map((element) => element.outerHTML.slice(0, 120)));
    for (const element of scriptOnly) problems.push(`needs JavaScript: ${element}`);
    const deadButtons = await page
      .locator('button[type="button"]:visible')
      .evaluateAll((elements) => elements.map((element) => element.outerHTML.slice(0, 120)));
    for (const element of deadButtons)
      problems.push(`a button that does nothing without JavaScript: ${element}`);
    const wideTables = await page
      .locator('table:visible')
      .evaluateAll(
        (tables, width) =>
          tables
            .filter((table) => table.getBoundingClientRect().right > width + 1)
            .map(
              (table) =>
                `${table.outerHTML.slice(0, 80)}… ${Math.round(table.getBoundingClientRect().width)} px`,
            ),
        PHONE.width,
      );
    // A chart is drawn for sighted readers; the same figures must be in a table on the page.
    const charts = await page.locator('svg.chart').count();
    if (charts > 0 && (await page.locator('table').count()) < charts)
      problems.push('a chart without its table');
    for (const table of wideTables)
      narrowProblems.push(`${role} ${visit.url}: a table wider than 390 px: ${table}`);
    if (problems.length > 0) noJavaScriptProblems.push(`${role} ${visit.url}: ${problems.join('; ')}`);
  }
  await context.close();
};

for (const visitor of ROLES) {
  test(`every page as ${visitor.role}: no axe violation, no request to another origin`, async () => {
    const seconds = await crawlAs(visitor);
    crawlSeconds += seconds;
    const mine = visits.filter((visit) => visit.role === visitor.role);
    const pages = mine.filter((visit) => visit.isHtml && visit.status === 200);
    console.log(
      `${visitor.role}: ${mine.length} URLs, ${pages.length} pages (200, HTML) in ${seconds.toFixed(1)} s`,
    );
    // Every visitor reaches pages of their own, so the crawl really signed each one in.
    expect(pages.length).toBeGreaterThan(5);
    const failures = mine
      .filter((visit) => visit.violations.length > 0)
      .map((visit) => `${visit.url} (${visit.status}):\n  ${visit.violations.join('\n  ')}`);
    expect(failures, 'axe violations').toEqual([]);
    expect(foreignRequests, 'requests to another origin').toEqual([]);
    expect(consoleErrors, 'console errors').toEqual([]);
    expect(noJavaScriptProblems, 'pages that need JavaScript').toEqual([]);
    // Every visitor's tables must fit a phone, coordinators' too (ADR 0025).
    const wide = narrowProblems.filter((problem) => problem.startsWith(`${visitor.role} `));
    expect(wide, 'tables that do not fit a phone').toEqual([]);
  }, 600_000);
}

test('the signed-in visitors reached their own pages', () => {
  const reached = (role: Role, route: string) =>
    visits.some((visit) => visit.role === role && visit.route === route && visit.status === 200);
  expect(reached('applicant', 'GET /applications/:token')).toBe(true);
  expect(reached('participant', 'GET /participant')).toBe(true);
  expect(reached('participant', 'GET /survey/:token')).toBe(true);
  expect(reached('country', 'GET /coordinator')).toBe(true);
  expect(reached('program', 'GET /coordinator/people')).toBe(true);
});

test('public, applicant and participant pages transfer under 100 KB each', () => {
  const weighed = visits.filter((visit) => visit.isHtml && visit.status === 200 && visit.bytes > 0);
  const heaviest = [...weighed].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
  console.log(
    `crawl took ${crawlSeconds.toFixed(1)} s; weighed ${weighed.length} pages; heaviest: ${heaviest
      .map((visit) => `${visit.role} ${new URL(visit.url).pathname} ${(visit.bytes / 1024).toFixed(1)} KB`)
      .join(', ')}`,
  );
  expect(weighed.length).toBeGreaterThan(15);
  const tooHeavy = weighed
    .filter((visit) => visit.bytes >= PAGE_WEIGHT_LIMIT)
    .map((visit) => `${visit.role} ${visit.url}: ${visit.bytes} bytes`);
  expect(tooHeavy, 'pages over 100 KB').toEqual([]);
});
