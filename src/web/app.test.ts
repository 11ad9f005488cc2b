import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app';
import { makeRound } from '../../tests/support/test-round';
import { createRoundsRepository } from '../db/repositories/rounds/rounds-repository';
import { assetUrl, findAsset } from './assets';
import { CSRF_COOKIE } from './middleware/csrf';

const PAGES = ['/', '/how-it-works', '/faq', '/code-of-conduct', '/privacy'];

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-02-10T00:00:00Z') });
  // A state-changing route of the kind other areas add, to exercise CSRF protection.
  t.app.post('/test/echo', async (c) => c.json({ ok: true, body: await c.req.parseBody() }));
});

afterAll(async () => {
  await t.dispose();
});

describe('public pages', () => {
  test.each(PAGES)('%s is a complete, accessible HTML page', async (path) => {
    const response = await t.request(path, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<html lang="en" dir="ltr">');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(page).toMatch(/<a class="skip-link" href="#main">Skip to main content<\/a>/);
    expect(page).toContain('<main id="main"');
    expect(page.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(page).toContain('<nav class="site-nav" aria-label="Main">');
    expect(page).toContain('<footer');
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts
    expect(page).not.toMatch(/\sstyle="/); // no inline styles
    expect(page).not.toMatch(/\b[a-z]+(\.[a-zA-Z]+)+\b(?=<)/); // no untranslated i18n keys as text
  });

  test('the current page is marked in the navigation', async () => {
    const page = await (await t.request('/faq')).text();
    expect(page).toContain('<a href="/faq" aria-current="page">Questions</a>');
    expect(page).toContain('<a href="/sign-in">Sign in</a>');
  });

  test('the home page says no round is open when there is none', async () => {
    const page = await (await t.request('/')).text();
    expect(page).toContain('No round is open yet');
    expect(page).not.toContain('This is a demo');
  });

  describe('with rounds and the demo setting', () => {
    beforeAll(async () => {
      const db = t.ctx.database.db;
      const at = '2026-01-01T00:00:00.000Z';
      const rounds = createRoundsRepository(db);
      await rounds.insertRound(
        makeRound({
          id: 'r-open',
          name: 'March 2026 round',
          status: 'open',
          applicationsOpenAt: new Date('2026-01-31T13:00:00.000Z'),
          applicationsCloseAt: new Date('2026-02-28T12:59:00.000Z'),
          startsOn: '2026-03-10',
          endsOn: '2026-07-10',
        }),
        new Date(at),
      );
      await rounds.insertRound(
        makeRound({ id: 'r-draft', name: 'Secret draft round', status: 'draft', startsOn: '2026-03-01' }),
        new Date(at),
      );
      await db
        .insertInto('program_settings')
        .values({
          key: 'demo',
          value: JSON.stringify({ coordinatorEmail: 'coordinator@demo.example' }),
          updated_at: at,
        })
        .execute();
    });

    afterAll(async () => {
      await t.ctx.database.db.deleteFrom('rounds').execute();
      await t.ctx.database.db.deleteFrom('program_settings').execute();
    });

    test('the home page shows the open round with its deadline in the program zone', async () => {
      const page = await (await t.request('/')).text();
      expect(page).toContain('March 2026 round: applications are open');
      expect(page).not.toContain('Secret draft round');
      expect(page).toContain('datetime="2026-02-28T12:59:00.000Z"');
      expect(page).toContain('data-time-zone="Australia/Sydney"');
      expect(page).toContain(
        'Saturday, February 28, 2026 at 11:59 PM (Australia/Sydney · Australian Eastern Time)',
      );
      expect(page).toContain('data-local-label="That is {time} where you are."');
      expect(page).toContain('The round runs from March 10, 2026 to July 10, 2026.');
    });

    test('the home page shows the demo note with the coordinator address', async () => {
      const page = await (await t.request('/')).text();
      expect(page).toContain('This is a demo');
      expect(page).toContain('enter coordinator@demo.example, then open the Outbox');
      expect(page).toContain('<a href="/sign-in">Go to Sign in</a>');
      expect(page).toContain('<a href="/outbox">Open the Outbox</a>');
    });
  });
});

describe('security headers', () => {
  test.each(['/', '/healthz', '/no-such-page', assetUrl('app.css')])('are sent on %s', async (path) => {
    const response = await t.request(path);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  test('HSTS is sent only when the site is served over https', async () => {
    const secure = await createTestApp({ env: { BASE_URL: 'https://iln.example.org' } });
    try {
      const response = await secure.request('/');
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(response.headers.getSetCookie().find((c) => c.startsWith(`${CSRF_COOKIE}=`))).toMatch(
        /; Secure/,
      );
    } finally {
      await secure.dispose();
    }
  });
});

describe('not found', () => {
  test('an unknown page is a friendly 404 page in the layout', async () => {
    const response = await t.request('/no-such-page');
    expect(response.status).toBe(404);
    const page = await response.text();
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<h1>Page not found</h1>');
    expect(page).toContain('Go to the home page');
  });

  test('an unknown API path answers JSON', async () => {
    const response = await t.request('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Page not found' } });
  });
});

describe('CSRF protection', () => {
  test('a form posted without a token is refused with a 403 page', async () => {
    const response = await t.request('/test/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Ana',
    });
    expect(response.status).toBe(403);
    const page = await response.text();
    expect(page).toContain('<h1>This form has expired</h1>');
    expect(page).toContain('Go back, reload the page and send the form again');
  });

  test('a form posted with the token passes, and the handler can still read the body', async () => {
    const response = await t.postForm('/test/echo', { name: 'Ana' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, body: { _csrf: await t.csrfToken(), name: 'Ana' } });
  });

  test('htmx requests may send the token in the X-CSRF-Token header', async () => {
    const response = await t.request('/test/echo', {
      method: 'POST',
      headers: { 'x-csrf-token': await t.csrfToken(), 'hx-request': 'true' },
    });
    expect(response.status).toBe(200);
  });

  test('the token of another browser does not pass', async () => {
    const other = await createTestApp();
    try {
      const foreignToken = await other.csrfToken();
      const response = await t.postForm('/test/echo', { _csrf: foreignToken });
      expect(response.status).toBe(403);
    } finally {
      await other.dispose();
    }
  });

  test('a request from another origin is refused even with a token', async () => {
    const response = await t.postForm('/test/echo', {}, { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
  });

  test('a request from this origin passes', async () => {
    const response = await t.postForm('/test/echo', {}, { headers: { origin: 'http://localhost:3000' } });
    expect(response.status).toBe(200);
  });

  test('JSON clients get a JSON error', async () => {
    const response = await t.request('/api/anything', {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: 'CSRF', message: 'This form has expired' } });
  });

  test('pages embed the token for forms and htmx, and the cookie is httpOnly and SameSite=Lax', async () => {
    const fresh = await createTestApp();
    try {
      const response = await fresh.request('/');
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${CSRF_COOKIE}=`));
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      expect(cookie).not.toMatch(/; Secure/);
      const page = await response.text();
      const token = await fresh.csrfToken();
      expect(page).toContain(`<meta name="csrf-token" content="${token}"/>`);
      expect(page).toContain(`hx-headers="{&quot;X-CSRF-Token&quot;:&quot;${token}&quot;}"`);
    } finally {
      await fresh.dispose();
    }
  });
});

describe('bad request bodies', () => {
  test('a broken multipart body is a 400, not a 500', async () => {
    const response = await t.request('/test/echo', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: 'this is not multipart',
    });
    expect(response.status).toBe(400);
  });

  test('a body over the limit is a 413', async () => {
    const response = await t.request('/test/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': await t.csrfToken() },
      body: `name=${'a'.repeat(1024 * 1024 + 10)}`,
    });
    expect(response.status).toBe(413);
  });
});

describe('language', () => {
  test('?language= is remembered in a cookie; unknown languages fall back to English', async () => {
    const response = await t.request('/faq?language=en');
    expect(response.headers.getSetCookie().some((c) => c.startsWith('lang=en'))).toBe(true);
    // ?lang= chooses a page's content language (topics, surveys), never the interface's cookie.
    const content = await t.request('/faq?lang=es');
    expect(content.headers.getSetCookie().some((c) => c.startsWith('lang='))).toBe(false);
    const unknown = await t.request('/faq?language=xx', { headers: { 'accept-language': 'zz' } });
    expect(await unknown.text()).toContain('<html lang="en"');
  });
});

describe('health check', () => {
  test('answers ok while the database answers', async () => {
    const response = await t.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  test('answers 503 without details when the database is gone', async () => {
    const broken = await createTestApp();
    await broken.database.close();
    try {
      const response = await broken.request('/healthz');
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable' });
    } finally {
      await broken.dispose();
    }
  });
});

describe('static files', () => {
  test('versioned URLs may be cached for a year', async () => {
    const url = assetUrl('app.css');
    expect(url).toMatch(/^\/static\/app\.css\?v=[0-9a-f]{12}$/);
    const response = await t.request(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toContain('.skip-link');
  });

  test('unversioned or stale URLs are revalidated', async () => {
    const response = await t.request('/static/app.css?v=old');
    expect(response.headers.get('cache-control')).toBe('public, no-cache');
    const etag = response.headers.get('etag')!;
    const again = await t.request('/static/app.css', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  test('htmx is served from the app, compressed when the browser accepts it', async () => {
    const response = await t.request(assetUrl('htmx.min.js'), { headers: { 'accept-encoding': 'gzip, br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(Number(response.headers.get('content-length'))).toBeLessThan(
      findAsset('htmx.min.js')!.body.byteLength / 2,
    );
    const page = await (await t.request('/')).text();
    expect(page).toContain(`<script src="${assetUrl('htmx.min.js')}" defer="">`);
  });

  test('nothing outside public/ is reachable', async () => {
    for (const path of [
      '/static/..%2Fpackage.json',
      '/static/../package.json',
      '/static/%2e%2e/src/main.ts',
    ]) {
      expect((await t.request(path)).status).toBe(404);
    }
  });
});

describe('malformed requests on real form routes', () => {
  let m: TestApp;
  beforeAll(async () => {
    m = await createTestApp({ now: new Date('2026-02-10T00:00:00Z') });
    await createRoundsRepository(m.ctx.database.db).insertRound(
      makeRound({
        id: 'r-open',
        status: 'open',
        applicationsOpenAt: new Date('2026-01-31T13:00:00.000Z'),
        applicationsCloseAt: new Date('2026-02-28T12:59:00.000Z'),
      }),
      new Date('2026-01-01T00:00:00.000Z'),
    );
    await m.ctx.services.people.createCoordinator({
      email: 'lead@example.org',
      name: 'Lead',
      countryCodes: [],
      actorPersonId: null,
    });
  });
  afterAll(async () => {
    await m.dispose();
  });

  const FORM_ROUTES = [
    '/sign-in',
    '/sign-out',
    '/rounds/r-open/apply',
    '/rounds/r-open/apply/previous-answers',
    '/applications/edit',
    '/applications/withdraw',
    '/applications/carry-over',
  ];
  const COORDINATOR_ROUTES = [
    '/coordinator/rounds',
    '/coordinator/rounds/r-open',
    '/coordinator/rounds/r-open/status',
    '/coordinator/rounds/r-open/applications/bulk',
    '/coordinator/rounds/r-open/applications/a-1/review',
    '/coordinator/rounds/r-open/applications/a-1/notes',
    '/coordinator/rounds/r-open/imports',
    '/coordinator/resources',
  ];
  const broken = async (path: string, contentType: string, body: string) =>
    m.request(path, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-csrf-token': await m.csrfToken() },
      body,
    });

  test('a multipart body that cannot be read is a 400 page on every form route, never a 500', async () => {
    for (const path of FORM_ROUTES) {
      const response = await broken(path, 'multipart/form-data; boundary=xyz', 'this is not multipart');
      expect(response.status, path).toBe(400);
      const page = await response.text();
      expect(page, path).toContain('<h1>');
      expect(page, path).not.toContain('quote this reference');
    }
    const { signInAs } = await import('../../tests/support/sign-in');
    await signInAs(m, 'lead@example.org');
    for (const path of COORDINATOR_ROUTES) {
      const response = await broken(path, 'multipart/form-data; boundary=xyz', '--xyz\r\nbroken');
      expect(response.status, path).toBe(400);
    }
  });

  test('a multipart body with no boundary, or cut short, is a 400 too', async () => {
    expect((await broken('/sign-in', 'multipart/form-data', 'email=a')).status).toBe(400);
    const cut = '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nlead@exa';
    expect((await broken('/sign-in', 'multipart/form-data; boundary=xyz', cut)).status).toBe(400);
  });
});

describe('caching of pages with personal data', () => {
  test.each([
    '/',
    '/sign-in',
    '/sign-in/verify?token=nope',
    '/outbox',
    `/applications/${'x'.repeat(43)}`,
    '/rounds/no-such-round/apply',
    '/coordinator',
    '/api/rounds/r/applications',
    '/no-such-page',
  ])('%s is sent with Cache-Control: no-store', async (path) => {
    const response = await t.request(path);
    expect(response.headers.get('cache-control')).toMatch(/\bno-store\b/);
  });

  test('a failed sign-in post and a refused form are no-store too', async () => {
    expect((await t.postForm('/sign-in', { email: 'nope@' })).headers.get('cache-control')).toMatch(
      /no-store/,
    );
    const refused = await t.request('/sign-in', { method: 'POST', body: 'email=a' });
    expect(refused.headers.get('cache-control')).toMatch(/no-store/);
  });

  test('static files keep their own caching', async () => {
    const response = await t.request(assetUrl('app.css'));
    expect(response.headers.get('cache-control')).not.toMatch(/no-store/);
  });
});

test('a production instance on a copy of a demo database shows no demo note', async () => {
  const production = await createTestApp({
    env: { NODE_ENV: 'production', BASE_URL: 'https://iln.example.org' },
  });
  try {
    await production.ctx.database.db
      .insertInto('program_settings')
      .values({
        key: 'demo',
        value: JSON.stringify({ coordinatorEmail: 'coordinator@demo.example' }),
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    const page = await (await production.request('/')).text();
    expect(page).not.toContain('This is a demo');
    expect(page).not.toContain('coordinator@demo.example');
    expect(page).not.toContain('href="/outbox"');
  } finally {
    await production.dispose();
  }
});

test('the test database is migrated and reachable', async () => {
  await expect(sql`select 1 as one`.execute(t.ctx.database.db)).resolves.toBeTruthy();
});
