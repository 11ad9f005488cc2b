import fc from 'fast-check';
import type { Logger } from '../../src/services/ports/runtime';
import { CSRF_FIELD, CSRF_HEADER } from '../../src/web/middleware/csrf';
import {
  changedTables,
  type DatabaseFingerprint,
  fingerprintDatabase,
  listTables,
} from './database-fingerprint';
import { type DiscoveredForm, decodeEntities, discoverForms, discoverQueryNames } from './form-discovery';
import {
  BROKEN_MULTIPART,
  BROKEN_URLENCODED,
  HOSTILE_FIELD_NAMES,
  HOSTILE_HEADERS,
  HOSTILE_STRINGS,
  INVALID_UTF8,
  ODD_CONTENT_TYPES,
  oversized,
  SCRIPT_PAYLOADS,
} from './hostile-values';
import { type AppRoute, fillPath, listRoutes, paramNames, routeName } from './route-table';
import type { TestApp } from './test-app';
import { TRUST_COORDINATORS, type TrustCredentials, type TrustFixture, trustParam } from './trust-fixture';

/**
 * The hostile-input harness: fast-check generates requests to every route of the app (from its
 * route table) with what an attacker or a broken client sends: oversized, malformed and
 * wrong-typed values, Unicode edge cases, script and SQL payloads, broken percent-encoding and
 * UTF-8, broken multipart bodies, repeated fields and huge numbers of fields, hostile headers and
 * path parameters. Each response must
 *   - not be a 5xx (and nothing may be logged at error level),
 *   - not contain database or runtime error text (SQLITE_, "syntax error at or near", "violates …
 *     constraint", exception names, stack frames),
 *   - if it is HTML, not contain any script payload unescaped (payloads stored by an earlier
 *     request are caught when a later page shows them),
 *   - if it refuses (4xx), say why in words (an error page, an error summary, an alert, or JSON's
 *     `error.message`; never empty, never an untranslated key) and leave every table of the
 *     database as it was (a fingerprint of every row, taken after each request);
 * and after the run the home page is still served, to a new visitor and to the coordinator.
 * The requests start from the real forms of the program: every page is rendered once (as a
 * program coordinator, with the applicant's and a participant's links) and its forms are read, so
 * a valid form is changed a little at a time, which reaches the validation and the use cases
 * behind it, not only the first check. Used by src/web/hostile-input.db.test.ts (a small sample in
 * `npm test`) and bench/hostile-input/run.ts (thousands).
 */

// ————— Browsers: a cookie jar and a CSRF token each. —————

export interface Browser {
  name: string;
  request: (path: string, init?: RequestInit) => Promise<Response>;
  csrfToken: () => Promise<string>;
  cookieHeader: () => string;
}

const createBrowser = (t: TestApp, name: string): Browser => {
  const jar = new Map<string, string>();
  let token: string | undefined;
  const cookieHeader = () => [...jar].map(([key, value]) => `${key}=${value}`).join('; ');
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const own = cookieHeader();
    const extra = headers.get('cookie');
    if (own || extra) headers.set('cookie', [own, extra].filter(Boolean).join('; '));
    const response = await t.app.request(path, { ...init, headers });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const index = pair.indexOf('=');
      if (index < 0) continue;
      const key = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === '' || /max-age=0/i.test(header)) jar.delete(key);
      else jar.set(key, value);
    }
    return response;
  };
  const csrfToken = async () => {
    if (token && jar.has('iln_csrf')) return token;
    const page = await (await request('/')).text();
    token = /<meta name="csrf-token" content="([^"]+)"/.exec(page)?.[1];
    if (!token) throw new Error(`${name}: the home page carried no CSRF token`);
    return token;
  };
  return { name, request, csrfToken, cookieHeader };
};

const signIn = async (t: TestApp, browser: Browser, email: string) => {
  const body = new URLSearchParams({ [CSRF_FIELD]: await browser.csrfToken(), email });
  const asked = await browser.request('/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  if (asked.status !== 200) throw new Error(`${browser.name}: POST /sign-in answered ${asked.status}`);
  const [mail] = await t.database.db
    .selectFrom('mail_messages')
    .select('text_body')
    .where('to_address', '=', email)
    .where('kind', '=', 'sign-in-link')
    .orderBy('created_at', 'desc')
    .execute();
  const link = mail?.text_body.match(/https?:\/\/[^/\s]+(\/sign-in\/verify\?\S+)/)?.[1];
  if (!link) throw new Error(`no sign-in link was emailed to ${email}`);
  const followed = await browser.request(link);
  if (followed.status !== 303)
    throw new Error(`${browser.name}: the sign-in link answered ${followed.status}`);
};

// ————— Targets: every route, its real path, and the forms that post to it. —————

export interface HostileTarget {
  route: AppRoute;
  /** The route's path with real ids of the fixture. */
  path: string;
  params: Record<string, string>;
  /** Forms found on the program's pages whose action is this route. */
  forms: DiscoveredForm[];
}

export interface Targets {
  targets: HostileTarget[];
  /** Every field and query name seen on any page, for routes without a form of their own. */
  names: string[];
}

const routePattern = (path: string) =>
  new RegExp(
    `^${path
      .split(/(:[A-Za-z0-9_]+(?:\{[^}]*\})?)/)
      .map((part) => {
        if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const custom = /\{([^}]*)\}/.exec(part)?.[1];
        return `(${custom ?? '[^/]+'})`;
      })
      .join('')}$`,
  );

/** The links the discovering browser holds: the applicant's and a participant's, to reach their forms. */
const discoveryCredentials = (f: TrustFixture): TrustCredentials => ({
  f,
  applicationToken: f.applicant.token,
  surveyToken: f.participant.surveyToken,
  checkInToken: f.participant.checkInToken,
});

export const discoverTargets = async (t: TestApp, f: TrustFixture, browser: Browser): Promise<Targets> => {
  const routes = listRoutes(t.app);
  const credentials = discoveryCredentials(f);
  const targets: HostileTarget[] = routes.map((route) => {
    const params: Record<string, string> = {};
    for (const name of paramNames(route.path)) {
      const value = trustParam(name, route.path, credentials);
      if (value === undefined) {
        throw new Error(
          `${routeName(route)}: no value for :${name}; add one to TRUST_PARAMS in tests/support/trust-fixture.ts`,
        );
      }
      params[name] = value;
    }
    return { route, path: fillPath(route.path, params), params, forms: [] };
  });
  const names = new Set<string>(['_add', 'token', 'lang', 'page', 'next', 'back']);
  const patterns = targets.map((target) => ({ target, pattern: routePattern(target.route.path) }));
  for (const target of targets) {
    if (target.route.method !== 'GET') continue;
    const response = await browser.request(target.path);
    if (!(response.headers.get('content-type') ?? '').includes('text/html')) continue;
    const html = await response.text();
    for (const name of discoverQueryNames(html)) names.add(name);
    for (const form of discoverForms(target.path, html)) {
      for (const [name] of form.fields) names.add(name);
      for (const name of form.choices.keys()) names.add(name);
      const actionPath = form.action.split('?')[0]!;
      const owner = patterns.find(
        ({ target: candidate, pattern }) =>
          candidate.route.method === form.method && pattern.test(actionPath),
      );
      if (!owner) continue;
      const seen = owner.target.forms.some(
        (known) => known.action === form.action && known.fields.length === form.fields.length,
      );
      if (!seen) owner.target.forms.push(form);
    }
  }
  names.delete(CSRF_FIELD);
  return { targets, names: [...names] };
};

// ————— Requests. —————

type Body =
  | { type: 'urlencoded'; pairs: [string, string][] }
  | { type: 'multipart'; pairs: [string, string][]; files: [string, string, string][] }
  | { type: 'raw'; contentType: string | undefined; bytes: Uint8Array | string };

export interface HostileRequest {
  /** The kind of hostility: a changed form, a broken body, a hostile query… */
  kind: string;
  /** What was tried, for the report: `POST /coordinator/resources [form: set title]`. */
  label: string;
  browser: 'program' | 'participant' | 'anonymous';
  method: string;
  path: string;
  headers: [string, string][];
  body?: Body;
  /** Where the valid CSRF token goes (so that what is tested is the parsing, not the CSRF check). */
  csrf: 'field' | 'header';
}

const pick = <T>(g: fc.GeneratorValue, items: readonly T[]): T => g(() => fc.constantFrom(...items));

const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: utf16Unit, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...HOSTILE_STRINGS))
      .map(([a, b]) => `${a.slice(0, 2000)}${b.slice(0, 2000)}`),
  },
);

/** Percent-encodes the UTF-8 of a string (lone surrogates become U+FFFD, as a browser sends them). */
const encodeSegment = (value: string) =>
  [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

const BROKEN_SEGMENTS = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '%ED%A0%80',
  '%FF',
  '%00',
  '..',
  '%2e%2e',
  '%2F',
  '.',
  '',
];

const formFields = (form: DiscoveredForm, g: fc.GeneratorValue): [string, string][] => {
  const pairs = form.fields
    .filter(([name]) => name !== CSRF_FIELD)
    .map(([n, v]) => [n, v] as [string, string]);
  if (form.buttons.length > 0) pairs.push(pick(g, [...form.buttons]));
  return pairs;
};

/** One to four changes to a valid form: a value replaced, a field dropped, repeated or added. */
const mutate = (
  pairs: [string, string][],
  names: readonly string[],
  g: fc.GeneratorValue,
): [string[], [string, string][]] => {
  const notes: string[] = [];
  let result = [...pairs];
  const count = g(fc.integer, { min: 1, max: 4 });
  for (let i = 0; i < count; i++) {
    const existing = result.map(([name]) => name);
    const field = existing.length > 0 && g(fc.boolean) ? pick(g, [...existing]) : pick(g, [...names]);
    const op = pick(g, ['set', 'set', 'set', 'drop', 'repeat', 'add-name']);
    if (op === 'set') {
      const value = g(() => hostileString);
      result = result.filter(([name]) => name !== field);
      result.push([field, value]);
      notes.push(
        `set ${field}=${JSON.stringify(value.slice(0, 40))}${value.length > 40 ? `…(${value.length})` : ''}`,
      );
    } else if (op === 'drop') {
      result = result.filter(([name]) => name !== field);
      notes.push(`drop ${field}`);
    } else if (op === 'repeat') {
      const times = pick(g, [2, 3, 50, 1000]);
      const current = result.find(([name]) => name === field)?.[1] ?? 'x';
      const value = g(() => fc.oneof(fc.constant(current), hostileString));
      for (let n = 0; n < times; n++) result.push([field, value]);
      notes.push(`repeat ${field}×${times}`);
    } else {
      const name = pick(g, [...HOSTILE_FIELD_NAMES]);
      const value = g(() => hostileString);
      result.push([name, value]);
      notes.push(`add ${JSON.stringify(name.slice(0, 40))}`);
    }
  }
  return [notes, result];
};

const manyFields = (g: fc.GeneratorValue): [string, [string, string][]] => {
  const count = pick(g, [1_000, 10_000, 40_000]);
  const distinct = g(fc.boolean);
  const pairs: [string, string][] = [];
  for (let i = 0; i < count; i++) pairs.push([distinct ? `f${i}` : 'ids', String(i)]);
  return [`${count} ${distinct ? 'distinct' : 'repeated'} fields`, pairs];
};

/** A request to one route, as fast-check's generator chooses it. */
export const generateRequest = (
  g: fc.GeneratorValue,
  { targets, names }: Targets,
): Omit<HostileRequest, 'browser'> => {
  const target = pick(g, [...targets]);
  const { route } = target;
  const isRead = route.method === 'GET' || route.method === 'HEAD';
  const name = routeName(route);
  const headers: [string, string][] = [];
  const base: Omit<HostileRequest, 'label' | 'browser' | 'kind'> & { kind: string } = {
    kind: '',
    method: route.method,
    path: target.path,
    headers,
    csrf: 'field',
  };
  const kinds = isRead
    ? (['query', 'query', 'path', 'raw-query', 'headers'] as const)
    : ([
        'form',
        'form',
        'form',
        'form',
        'multipart',
        'path',
        'raw',
        'broken-multipart',
        'many',
        'oversized',
        'content-type',
        'headers',
      ] as const);
  const kind = pick(g, [...kinds]);
  base.kind = kind;
  const form = target.forms.length > 0 ? pick(g, [...target.forms]) : undefined;
  const validPairs = (): [string, string][] => (form ? formFields(form, g) : []);
  const queryNames = [...new Set([...(form?.method === 'GET' ? form.fields.map(([n]) => n) : []), ...names])];

  switch (kind) {
    case 'query': {
      const pairs: string[] = [];
      const count = g(fc.integer, { min: 1, max: 5 });
      for (let i = 0; i < count; i++) {
        const field = pick(g, [...queryNames, ...HOSTILE_FIELD_NAMES.slice(0, 6)]);
        const value = g(() => hostileString).slice(0, 8000);
        pairs.push(`${encodeSegment(field)}=${encodeSegment(value)}`);
      }
      return {
        ...base,
        path: `${target.path}?${pairs.join('&')}`,
        label: `${name} [query ${pairs.join('&').slice(0, 80)}]`,
      };
    }
    case 'raw-query': {
      const raw = pick(g, [
        'page=%',
        'q=%zz',
        'status=%E0%A4%A',
        'lang=%ED%A0%80',
        'a=%FF%FE',
        '&&==&',
        'page=1&page=2&page=x',
        `sort=${'%2C'.repeat(500)}`,
        '?=?',
        'next=//evil.example/%2F..',
      ]);
      return { ...base, path: `${target.path}?${raw}`, label: `${name} [raw query ${raw.slice(0, 40)}]` };
    }
    case 'path': {
      const params = Object.keys(target.params);
      if (params.length === 0) {
        const segment = pick(g, [...BROKEN_SEGMENTS]);
        return {
          ...base,
          path: `${target.path}/${segment}`,
          label: `${name} [extra segment ${segment}]`,
          ...(isRead ? {} : { body: { type: 'urlencoded', pairs: validPairs() } }),
        };
      }
      const param = pick(g, [...params]);
      const broken = g(fc.boolean);
      const value = broken
        ? pick(g, [...BROKEN_SEGMENTS])
        : encodeSegment(g(() => hostileString).slice(0, 3000));
      const path = fillPath(target.route.path, { ...target.params, [param]: '\u0000' }).replace('%00', value);
      return {
        ...base,
        path,
        label: `${name} [:${param}=${value.slice(0, 40)}]`,
        ...(isRead ? {} : { body: { type: 'urlencoded', pairs: validPairs() } }),
      };
    }
    case 'headers': {
      const count = g(fc.integer, { min: 1, max: 3 });
      for (let i = 0; i < count; i++) headers.push(pick(g, [...HOSTILE_HEADERS]));
      return {
        ...base,
        headers,
        label: `${name} [headers ${headers.map(([h]) => h).join(', ')}]`,
        ...(isRead ? {} : { body: { type: 'urlencoded', pairs: validPairs() } }),
      };
    }
    case 'form':
    case 'multipart': {
      const [notes, pairs] = mutate(validPairs(), names, g);
      if (kind === 'form')
        return { ...base, body: { type: 'urlencoded', pairs }, label: `${name} [form: ${notes.join('; ')}]` };
      // A file where text is expected, or text (and a hostile file name) where a file is expected.
      const files: [string, string, string][] = [];
      const fileField = form?.fileFields[0] ?? pick(g, [...pairs.map(([n]) => n), 'file']);
      files.push([
        fileField,
        pick(g, ['a.csv', '../../etc/passwd', '\u202Evsc.exe', 'x'.repeat(300), '']),
        g(() => hostileString),
      ]);
      return {
        ...base,
        body: { type: 'multipart', pairs, files },
        label: `${name} [multipart: ${notes.join('; ')}; file ${fileField}]`,
      };
    }
    case 'raw': {
      const bytes = pick(g, [...BROKEN_URLENCODED, ...INVALID_UTF8]);
      return {
        ...base,
        csrf: 'header',
        body: { type: 'raw', contentType: 'application/x-www-form-urlencoded', bytes },
        label: `${name} [raw body ${JSON.stringify(Buffer.from(bytes).toString('latin1').slice(0, 40))}]`,
      };
    }
    case 'broken-multipart': {
      const broken = pick(g, [...BROKEN_MULTIPART]);
      return {
        ...base,
        csrf: 'header',
        body: { type: 'raw', contentType: broken.contentType, bytes: broken.body },
        label: `${name} [broken multipart ${JSON.stringify(broken.contentType)} ${JSON.stringify(broken.body.slice(0, 30))}]`,
      };
    }
    case 'many': {
      const [note, pairs] = manyFields(g);
      return {
        ...base,
        body: { type: 'urlencoded', pairs: [...validPairs(), ...pairs] },
        label: `${name} [${note}]`,
      };
    }
    case 'oversized': {
      const length = pick(g, [900_000, 1_100_000, 3_000_000]);
      const field = pick(g, [...(form?.fields.map(([n]) => n) ?? []), 'body']);
      return {
        ...base,
        body: { type: 'urlencoded', pairs: [...validPairs(), [field, oversized(length)]] },
        label: `${name} [${field} of ${length} bytes]`,
      };
    }
    case 'content-type': {
      const contentType = pick(g, [...ODD_CONTENT_TYPES, undefined]);
      const text = pick(g, [
        '{"title":"<script>hx(1)</script>","__proto__":{"polluted":1}}',
        '<x/>',
        'title=a',
        '',
        '\u0000',
      ]);
      return {
        ...base,
        csrf: 'header',
        body: { type: 'raw', contentType, bytes: text },
        label: `${name} [content-type ${String(contentType)}]`,
      };
    }
  }
};

const encodeBody = async (
  body: Body,
  csrf: string | undefined,
): Promise<{ contentType?: string; payload: NonNullable<RequestInit['body']> }> => {
  if (body.type === 'raw')
    return {
      ...(body.contentType !== undefined ? { contentType: body.contentType } : {}),
      payload: body.bytes as NonNullable<RequestInit['body']>,
    };
  const pairs: [string, string][] = csrf ? [[CSRF_FIELD, csrf], ...body.pairs] : body.pairs;
  if (body.type === 'urlencoded') {
    return {
      contentType: 'application/x-www-form-urlencoded',
      payload: new URLSearchParams(pairs).toString(),
    };
  }
  const data = new FormData();
  for (const [name, value] of pairs) data.append(name, value);
  for (const [name, fileName, content] of body.files)
    data.append(name, new File([content], fileName, { type: 'text/csv' }));
  return { payload: data };
};

// ————— Checks. —————

/** Text that only a failure inside the server could put in a response. */
const LEAK_PATTERNS: [string, RegExp][] = [
  ['SQLite error', /SQLITE_|SqliteError|no such (?:table|column)|near "[^"]*": syntax error/],
  [
    'PostgreSQL error',
    /syntax error at or near|violates [a-z -]*constraint|duplicate key value|invalid input syntax|invalid byte sequence|current transaction is aborted|relation "[a-z_]+" does not exist|column "[a-z_]+" (?:does not exist|of relation)/,
  ],
  [
    'exception name',
    /\b(?:TypeError|ReferenceError|RangeError|URIError|SyntaxError|ZodError|DomainError|HTTPException)\b/,
  ],
  [
    'stack frame',
    /\bat (?:async )?[\w$.<>]+ \((?:file:\/\/|\/)[^)]*:\d+:\d+\)|node_modules\/|\/src\/[\w/-]+\.tsx?:\d+/,
  ],
];

export interface HostileProblem {
  label: string;
  problem: string;
}

export const checkResponse = (_request: HostileRequest, response: Response, body: string): string[] => {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`answered ${response.status}`);
  for (const [what, pattern] of LEAK_PATTERNS) {
    const match = pattern.exec(body);
    if (match)
      problems.push(
        `shows ${what}: ${JSON.stringify(body.slice(Math.max(0, match.index - 60), match.index + 80))}`,
      );
  }
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    for (const { unescaped } of SCRIPT_PAYLOADS) {
      const at = body.indexOf(unescaped);
      if (at >= 0)
        problems.push(
          `shows a script payload unescaped: ${JSON.stringify(body.slice(Math.max(0, at - 60), at + 60))}`,
        );
    }
  }
  return problems;
};

/** Text an i18n key would show if its translation were missing: `errors.badRequest.title`, `auth:x.y`. */
const KEY_LIKE = /^[a-z][\w-]*(?::[\w-]+)?(?:\.[\w-]+)+$/;

const textOf = (html: string) =>
  decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The messages a refusal shows a person: the error page's title, the items of a form's error
 * summary, alerts and field errors, or (a page that refuses a signed-in person) its heading; for
 * JSON, `error.message`.
 */
export const refusalMessages = (response: Response, body: string): string[] => {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const message = (JSON.parse(body) as { error?: { message?: unknown } }).error?.message;
      return typeof message === 'string' ? [message] : [];
    } catch {
      return [];
    }
  }
  if (!type.includes('text/html')) return [];
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(body)?.[1] ?? body;
  const messages: string[] = [];
  const errorPage = /<article class="error-page">[\s\S]*?<h1[^>]*>([\s\S]*?)<\/h1>/.exec(main);
  if (errorPage) messages.push(textOf(errorPage[1]!));
  for (const summary of main.matchAll(/class="error-summary"[\s\S]*?<\/ul>/g))
    for (const item of summary[0].matchAll(/<li>([\s\S]*?)<\/li>/g)) messages.push(textOf(item[1]!));
  for (const alert of main.matchAll(
    /<(p|div)\b[^>]*(?:role="alert"|class="field__error")[^>]*>([\s\S]*?)<\/\1>/g,
  ))
    messages.push(textOf(alert[2]!));
  if (messages.length === 0 && response.status !== 422) {
    const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(main);
    if (heading) messages.push(textOf(heading[1]!));
  }
  return messages;
};

/** A refused request (4xx) must say why in words: a message, not empty and not an untranslated key. */
export const checkRefusal = (request: HostileRequest, response: Response, body: string): string[] => {
  if (response.status < 400 || response.status >= 500 || request.method === 'HEAD') return [];
  const messages = refusalMessages(response, body);
  if (messages.length === 0 || messages.every((message) => message === ''))
    return [`refused with ${response.status} and no message: ${JSON.stringify(textOf(body).slice(0, 160))}`];
  const keys = messages.filter((message) => KEY_LIKE.test(message));
  return keys.length > 0
    ? [`refused with ${response.status} showing a translation key: ${keys.join(', ')}`]
    : [];
};

// ————— Running. —————

/** The title of the page the CSRF check answers with (errors.csrf in common.json). */
const CSRF_REFUSAL = 'This form has expired';

/** A logger that keeps what was logged at error level (an unexpected failure), and drops the rest. */
export const createRecordingLogger = (): Logger & { errors: string[] } => {
  const errors: string[] = [];
  const record = (details: unknown, message?: string) => {
    const err = (details as { err?: unknown })?.err;
    const cause = err instanceof Error ? `${err.name}: ${err.message}` : '';
    errors.push([typeof details === 'string' ? details : message, cause].filter(Boolean).join(' — '));
  };
  const logger: Logger & { errors: string[] } = {
    errors,
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: record as Logger['error'],
    child: () => logger,
  };
  return logger;
};

export interface HostileRun {
  requests: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  routesHit: number;
  /** Refused by the CSRF check (an Origin or a body it could not read): the request tested little. */
  csrfRefusals: number;
  /** Refused requests (4xx) whose message and database were checked. */
  refusalsChecked: number;
  problems: HostileProblem[];
  /** The whole run: discovery, generating, sending, checking and fingerprinting the database. */
  seconds: number;
  /** Only the app's own work: from sending each request to reading its whole response. */
  serverSeconds: number;
}

export interface HostileRunOptions {
  seed: number;
  numRuns: number;
  /** The logger the test app was created with. */
  logger: Logger & { errors: string[] };
  /** Called after each request (progress in the benchmark). */
  onRequest?: (run: HostileRun) => void;
}

export const runHostileInput = async (
  t: TestApp,
  f: TrustFixture,
  options: HostileRunOptions,
): Promise<HostileRun> => {
  const started = performance.now();
  const browsers = {
    program: createBrowser(t, 'program'),
    participant: createBrowser(t, 'participant'),
    anonymous: createBrowser(t, 'anonymous'),
  };
  await signIn(t, browsers.program, TRUST_COORDINATORS.program.email);
  await signIn(t, browsers.participant, f.participant.email);
  const targets = await discoverTargets(t, f, browsers.program);
  // Signed-in browsers never sign out: the anonymous one may.
  const signedInTargets = {
    ...targets,
    targets: targets.targets.filter((target) => target.route.path !== '/sign-out'),
  };

  const run: HostileRun = {
    requests: 0,
    byStatus: {},
    byKind: {},
    routesHit: 0,
    csrfRefusals: 0,
    refusalsChecked: 0,
    problems: [],
    seconds: 0,
    serverSeconds: 0,
  };
  const hit = new Set<string>();
  const tables = await listTables(t.database.db);
  let fingerprint: DatabaseFingerprint = await fingerprintDatabase(t.database.db, tables);
  const send = async (request: HostileRequest) => {
    const browser = browsers[request.browser];
    const csrf = await browser.csrfToken();
    const headers = new Headers();
    for (const [name, value] of request.headers) {
      try {
        headers.append(name, value);
      } catch {
        // A value fetch itself refuses to send (a line break): no client can send it either.
      }
    }
    let body: NonNullable<RequestInit['body']> | undefined;
    if (request.body) {
      const encoded = await encodeBody(request.body, request.csrf === 'field' ? csrf : undefined);
      if (encoded.contentType !== undefined) headers.set('content-type', encoded.contentType);
      body = encoded.payload;
    }
    if (request.csrf === 'header' || !request.body) headers.set(CSRF_HEADER, csrf);
    const errorsBefore = options.logger.errors.length;
    const sent = performance.now();
    const response = await browser.request(request.path, {
      method: request.method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = request.method === 'HEAD' ? '' : await response.text();
    run.serverSeconds += (performance.now() - sent) / 1000;
    run.requests++;
    run.byStatus[response.status] = (run.byStatus[response.status] ?? 0) + 1;
    run.byKind[request.kind] = (run.byKind[request.kind] ?? 0) + 1;
    if (response.status === 403 && text.includes(CSRF_REFUSAL)) run.csrfRefusals++;
    hit.add(request.label.split(' [')[0]!);
    const problems = [...checkResponse(request, response, text), ...checkRefusal(request, response, text)];
    const after = await fingerprintDatabase(t.database.db, tables);
    if (response.status >= 400 && response.status < 500) {
      run.refusalsChecked++;
      // Every table, bookkeeping included: no refusal in the program writes anything yet.
      const stored = changedTables(fingerprint, after);
      if (stored.length > 0)
        problems.push(`refused with ${response.status} but changed ${stored.join(', ')}`);
    }
    fingerprint = after;
    for (const logged of options.logger.errors.slice(errorsBefore))
      problems.push(`logged an error: ${logged}`);
    for (const problem of problems)
      run.problems.push({ label: `${request.browser}: ${request.label}`, problem });
    options.onRequest?.(run);
  };

  // Every input is sent and every problem recorded (the property itself never fails): a failure
  // is reported with the request that caused it, and shrinking would replay requests against a
  // program earlier requests have changed.
  await fc.assert(
    fc.asyncProperty(fc.gen(), async (g) => {
      const browser = pick<HostileRequest['browser']>(g, ['program', 'program', 'participant', 'anonymous']);
      const request = generateRequest(g, browser === 'anonymous' ? targets : signedInTargets);
      try {
        await send({ ...request, browser });
      } catch (error) {
        // The harness itself failed (a request it could not build or send): say so, and go on.
        run.problems.push({
          label: `${browser}: ${request.label}`,
          problem: `the harness failed: ${String(error)}`,
        });
      }
    }),
    { seed: options.seed, numRuns: options.numRuns, endOnFailure: true },
  );
  run.routesHit = hit.size;
  // The server still serves its home page, to a new visitor and to the coordinator who sent most of it.
  for (const browser of [createBrowser(t, 'afterwards'), browsers.program]) {
    const home = await browser.request('/');
    const html = await home.text();
    if (home.status !== 200 || !html.includes('<h1'))
      run.problems.push({ label: `${browser.name}: GET / afterwards`, problem: `answered ${home.status}` });
  }
  run.seconds = (performance.now() - started) / 1000;
  return run;
};
