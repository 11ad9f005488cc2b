import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  fillerCountry,
  fillerId,
  JONAS,
  MATCHING_ROUND_ID,
  OLIVIA,
  RUI,
  seedMatchingRound,
} from '../../../../tests/support/matching-fixtures';
import { seedRound } from '../../../../tests/support/review-fixtures';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

/**
 * The matching board over HTTP, on a fresh database (SQLite and PostgreSQL): a run from a plain
 * form post, its partnerships with their explanations (attention first, 50 to a page), the
 * unmatched with reasons, a partnership on its own page, the comparison of two runs, and the
 * country scope of everything a country coordinator can reach, by page or by id.
 */
let t: TestApp;
const base = `/coordinator/rounds/${MATCHING_ROUND_ID}/matching`;
const decode = (html: string) =>
  html.replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&quot;', '"');
const page = async (path: string) => {
  const response = await t.request(path);
  return { status: response.status, html: decode(await response.text()) };
};
const articles = (html: string) => html.match(/<article class="partnership"/g)?.length ?? 0;
let firstRunId = '';

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-02-25T09:00:00Z') });
  for (const [email, name, countryCodes] of [
    ['lead@example.org', 'Lead', []],
    ['kenya@example.org', 'Wanjiru', ['KE']],
  ] as const) {
    await t.ctx.services.people.createCoordinator({
      email,
      name,
      countryCodes: [...countryCodes],
      actorPersonId: null,
    });
  }
  await seedMatchingRound(t.database.db);
  await signInAs(t, 'lead@example.org');
});
afterAll(async () => {
  await t.dispose();
});

describe('a program coordinator', () => {
  test('runs matching from a plain form and reads the run: figures, attention first, explanations', async () => {
    const before = await page(base);
    expect(before.status).toBe(200);
    expect(before.html).toContain('Matching has not been run for this round yet.');
    expect(before.html).toContain('name="objective" value="total-fit"');

    const ran = await t.postForm(`${base}/runs`, { objective: 'total-fit' });
    expect(ran.status).toBe(303);
    expect(ran.headers.get('location')).toBe(base);
    const board = await page(base);
    expect(board.html).toContain('Run 1 is ready: 53 partnerships, 1 without a partner.');
    expect(board.html).toMatch(/<dt>Partnerships<\/dt>\s*<dd>53<\/dd>/);
    expect(board.html).toMatch(/<dt>Proven optimal<\/dt>\s*<dd>Yes<\/dd>/);
    expect((await t.ctx.services.rounds.find(MATCHING_ROUND_ID))?.status).toBe('matching');

    // The attention list comes before the partnerships, and says why in words.
    const attention = board.html.indexOf('id="attention"');
    expect(attention).toBeGreaterThan(board.html.indexOf('id="run-summary"'));
    expect(attention).toBeLessThan(board.html.indexOf('id="partnerships"'));
    const attentionSection = board.html.slice(attention, board.html.indexOf('id="partnerships"'));
    expect(attentionSection).toContain('Olivia Chen and Jonas Weber can count on only 1 h a week for calls.');

    // Lowest fit first: the Sydney–Berlin pair leads page 1, with its explanation.
    expect(articles(board.html)).toBe(50);
    const card = board.html.slice(board.html.indexOf('<article class="partnership"'));
    const first = card.slice(0, card.indexOf('</article>'));
    expect(first).toContain('Olivia Chen and Jonas Weber');
    expect(first).toContain('Preservation and conservation');
    expect(first).toContain('“archiving”');
    expect(first).toContain('At least 1 h a week in common; the times move when the clocks change');
    expect(first).toContain('Tue and Thu 07:00–08:30 in Sydney = Mon and Wed 21:00–22:30 in Berlin');
    expect(first).toContain('From March 29: 3 h a week (Sydney UTC+11:00, Berlin UTC+02:00)');
    expect(first).toContain('From April 5: 1 h a week (Sydney UTC+10:00, Berlin UTC+02:00)');
    expect(first).toContain('Tue and Thu 07:00–07:30 in Sydney = Mon and Wed 23:00–23:30 in Berlin');
    expect(first).toContain('English (Olivia Chen: Native or first language; Jonas Weber: Fluent)');
    expect(first).toContain('Jonas Weber is open to anyone.');
    expect(first).toContain('Olivia Chen: Mid career; Jonas Weber: Early career');
    expect(first).toContain('How the fit of');

    // The one nobody could be paired with, and why.
    const unmatched = board.html.slice(board.html.indexOf('id="unmatched"'));
    expect(unmatched).toContain('Rui Costa (Brazil)');
    expect(unmatched).toContain('Nobody from another country shares a language with them at a working level');
    expect(board.html).toContain(`rel="next"`);
  });

  test('pages through the partnerships, 50 at a time, and filters them', async () => {
    const second = await page(`${base}?page=2`);
    expect(articles(second.html)).toBe(3);
    expect(second.html).toContain('53 partnerships; showing 51 to 53.');
    expect(second.html).toContain('rel="prev"');
    const beyond = await page(`${base}?page=999`);
    expect(articles(beyond.html)).toBe(3);
    const worth = await page(`${base}?show=attention`);
    expect(articles(worth.html)).toBe(1);
    const named = await page(`${base}?q=olivia`);
    expect(articles(named.html)).toBe(1);
    const bad = await page(`${base}?page=-3&sort=%3Cscript%3E&show=nonsense&country=<b>`);
    expect(bad.status).toBe(200);
    expect(articles(bad.html)).toBe(50);
  });

  test('opens one partnership on its own page; a key that is not a partnership is a 404', async () => {
    const key = [JONAS.id, OLIVIA.id].sort().join('+');
    const own = await page(`${base}/partnerships/${encodeURIComponent(key)}`);
    expect(own.status).toBe(200);
    expect(own.html).toMatch(/<h1 id="[^"]+">Olivia Chen and Jonas Weber<\/h1>/);
    expect(own.html).toContain('Mon and Wed 21:00–22:30 in Berlin');
    expect((await page(`${base}/partnerships/${encodeURIComponent(`${OLIVIA.id}+${RUI.id}`)}`)).status).toBe(
      404,
    );
    expect((await page(`${base}/partnerships/nothing`)).status).toBe(404);
  });

  test('runs again and compares the two runs: who changed partner, and the change in total fit', async () => {
    const runs = await t.ctx.services.matching.board({
      viewer: (await t.ctx.services.people.findViewerByEmail('lead@example.org'))!,
      roundId: MATCHING_ROUND_ID,
    });
    firstRunId = runs.run!.id;
    const partners = runs.run!.result.partnerships.find((p) => p.applicationIds.includes(fillerId(1)))!;
    expect((await t.postForm(`${base}/exclusions`, { applicationIds: partners.applicationIds })).status).toBe(
      303,
    );
    expect((await t.postForm(`${base}/runs`, { objective: 'fairness-first' })).status).toBe(303);
    const board = await page(base);
    expect(board.html).toContain('Run 2 (shown)');
    expect(board.html).toContain('Fairness first');
    const compared = await page(`${base}/compare`);
    expect(compared.status).toBe(200);
    expect(compared.html).toContain('Run 1 compared with run 2');
    expect(compared.html).toContain('Filler 001');
    expect(compared.html).toMatch(/People whose partners changed<\/dt>\s*<dd>[1-9]/);
    const older = await page(`${base}?run=${firstRunId}`);
    expect(older.html).toContain('Run 1 (shown)');
  });
});

describe('a country coordinator', () => {
  beforeAll(async () => {
    signOut(t);
    await signInAs(t, 'kenya@example.org');
  });

  test('sees only the partnerships with someone from Kenya, on every page', async () => {
    const board = await page(base);
    expect(board.status).toBe(200);
    expect(board.html).toContain('You see the partnerships with someone from Kenya');
    expect(board.html).not.toContain('Olivia Chen');
    expect(board.html).not.toContain('Rui Costa');
    expect(board.html).not.toContain('name="objective"');
    expect(board.html).not.toContain('>Keep together');
    expect(board.html).toContain('>Comment');
    const kenyans = Array.from({ length: 104 }, (_, i) => i + 1).filter((n) => fillerCountry(n) === 'KE');
    expect(articles(board.html)).toBe(kenyans.length);
    for (const n of [1, 2, 3, 4, 5, 6, 7]) {
      // Fillers of other countries appear only as the partner of a Kenyan.
      const name = `Filler ${String(n).padStart(3, '0')}`;
      if (board.html.includes(name)) {
        const card = board.html.slice(board.html.lastIndexOf('<article', board.html.indexOf(name)));
        expect(card.slice(0, card.indexOf('</article>'))).toContain('Kenya');
      }
    }
    const filtered = await page(`${base}?country=DE`);
    expect(articles(filtered.html)).toBe(0);
    expect(filtered.html).not.toContain('Jonas');
  });

  test('gets a 404 for another country’s partnership by id, and for a run of another round', async () => {
    const key = [JONAS.id, OLIVIA.id].sort().join('+');
    const other = await page(`${base}/partnerships/${encodeURIComponent(key)}`);
    expect(other.status).toBe(404);
    expect(other.html).not.toContain('Olivia');
    expect((await page(`${base}/partnerships/${encodeURIComponent(key)}?run=${firstRunId}`)).status).toBe(
      404,
    );
    await seedRound(t.database.db, { id: 'round-other', status: 'closed' });
    expect((await page(`/coordinator/rounds/round-other/matching?run=${firstRunId}`)).status).toBe(404);
    expect((await page('/coordinator/rounds/no-such-round/matching')).status).toBe(404);
  });

  test('compares runs for their own country only', async () => {
    const compared = await page(`${base}/compare`);
    expect(compared.status).toBe(200);
    expect(compared.html).not.toContain('Olivia');
    const rows = compared.html.match(/<th scope="row">[^<]+<\/th>/g) ?? [];
    for (const row of rows) expect(row).toContain('(Kenya)');
  });
});
