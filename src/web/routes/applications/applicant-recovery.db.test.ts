import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  insertRound,
  makeOpenRound,
  TEST_NOW,
  validForm,
} from '../../../../tests/support/applicant-fixtures';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

/**
 * What an applicant can do when something went astray (issue 13): apply again after withdrawing,
 * get a lost private link back (from its own page, the sign-in form, or "applied before?" while
 * already in the round), see where the confirmation went; and the form's own fixes: current zone
 * names only, old names stored as current ones, the new row focused, limits said.
 */
let t: TestApp;
const round = makeOpenRound();
const applyPath = `/rounds/${round.id}/apply`;

beforeEach(async () => {
  t = await createTestApp({ now: TEST_NOW });
  await insertRound(t.database.db, round);
});
afterEach(async () => {
  await t.dispose();
});

const mailTo = (address: string) =>
  t.database.db
    .selectFrom('mail_messages')
    .selectAll()
    .where('to_address', '=', address)
    .orderBy('created_at')
    .execute();

const privatePathsIn = (text: string): string[] =>
  [...text.matchAll(/https?:\/\/[^/\s]+(\/applications\/[A-Za-z0-9_-]{43})/g)].map((match) => match[1]!);
const tokenOf = (path: string) => path.split('/').at(-1)!;

const applyAs = async (overrides: Record<string, string | string[]> = {}) => {
  const response = await t.postForm(applyPath, validForm(overrides));
  expect(response.status).toBe(303);
  const mails = await mailTo(String(overrides.email ?? 'ana@example.org'));
  return privatePathsIn(mails.at(-1)!.text_body)[0]!;
};

describe('applying again after withdrawing', () => {
  test('the same address applies again to the open round: a fresh, pending application, confirmed by email', async () => {
    const first = await applyAs();
    // A minute between steps: entries of one instant have no order in the audit trail.
    t.clock.advance(60_000);
    expect((await t.postForm('/applications/withdraw', { token: tokenOf(first) })).status).toBe(303);
    const withdrawnPage = await (await t.request(first)).text();
    expect(withdrawnPage).toContain('You have withdrawn this application.');
    expect(withdrawnPage).toContain(`href="${applyPath}"`);
    expect(withdrawnPage).not.toContain('can no longer be changed');
    const withdrawnMail = (await mailTo('ana@example.org')).find((m) => m.kind === 'application-withdrawn');
    expect(withdrawnMail!.text_body).toContain('still open: apply again');

    t.clock.advance(60_000);
    const again = await t.postForm(applyPath, validForm({ role: 'Metadata librarian' }));
    expect(again.status).toBe(303);
    const mails = await mailTo('ana@example.org');
    expect(mails.map((m) => m.kind)).toEqual([
      'application-received',
      'application-withdrawn',
      'application-received',
    ]);
    const rows = await t.database.db.selectFrom('applications').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'pending', withdrawn_at: null, duplicate_checked: 0 });
    // Submitted anew: its place in the round's order is the new submission's.
    expect(rows[0]!.submitted_at).toBe(new Date(TEST_NOW.getTime() + 120_000).toISOString());
    // The new link and the old one both open the fresh application, which can be changed again.
    const fresh = privatePathsIn(mails[2]!.text_body)[0]!;
    for (const path of [fresh, first]) {
      const page = await (await t.request(path)).text();
      expect(page).toContain('Metadata librarian');
      expect(page).toContain(`${path}/edit`);
    }
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', rows[0]!.id)
      .orderBy('at')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'application.submitted',
      'application.withdrawn',
      'application.resubmitted',
    ]);
  });

  test('an address whose application is still in the round is refused with the same words whatever its status', async () => {
    await applyAs();
    await t.database.db.updateTable('applications').set({ status: 'declined' }).execute();
    const refused = await t.postForm(applyPath, validForm());
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain('An application from this email address is already in this round');
    // Nothing says "change" on the page of an application that can no longer be changed.
    expect(html).not.toContain('change your application');
    expect(html).toContain('href="/lost-link"');
  });
});

describe('a lost private link', () => {
  test('the page is linked from home, the form, sign-in and a dead link, and works without JavaScript', async () => {
    for (const path of ['/', applyPath, '/sign-in', `/applications/${'x'.repeat(43)}`]) {
      expect(await (await t.request(path)).text(), path).toContain('href="/lost-link"');
    }
    const page = await t.request('/lost-link');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post" action="/lost-link"');
    expect(html).toContain('for="field-email"');
    expect(html).toContain('name="_csrf"');
  });

  test('a known and an unknown address get the same page; only the known one gets its link, three times an hour at most', async () => {
    const first = await applyAs();
    const known = await t.postForm('/lost-link', { email: ' Ana@Example.org ' });
    const unknown = await t.postForm('/lost-link', { email: 'nobody@example.org' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const strip = (html: string) => html.replace(/ana@example\.org|nobody@example\.org/g, 'ADDRESS');
    expect(strip(await known.text())).toBe(strip(await unknown.text()));
    expect(await mailTo('nobody@example.org')).toHaveLength(0);

    let mails = await mailTo('ana@example.org');
    expect(mails.map((m) => m.kind)).toEqual(['application-received', 'application-links']);
    const [link] = privatePathsIn(mails[1]!.text_body);
    expect(link).not.toBe(first);
    expect(await (await t.request(link!)).text()).toContain('Reference librarian');
    // The earlier link still works: a new one never cancels it.
    expect((await t.request(first)).status).toBe(200);

    // Two more within the hour, then nothing more, however often anyone asks; an hour later, again.
    for (let i = 0; i < 5; i++) {
      expect((await t.postForm('/lost-link', { email: 'ana@example.org' })).status).toBe(200);
    }
    mails = await mailTo('ana@example.org');
    expect(mails).toHaveLength(4);
    t.clock.advance(61 * 60_000);
    await t.postForm('/lost-link', { email: 'ana@example.org' });
    expect(await mailTo('ana@example.org')).toHaveLength(5);
  });

  test('an address with applications to two rounds gets both links in one email, each named by its round', async () => {
    const other = makeOpenRound({ id: 'round-2027-09', name: 'September 2027 round' });
    await insertRound(t.database.db, other);
    await applyAs();
    expect((await t.postForm(`/rounds/${other.id}/apply`, validForm())).status).toBe(303);
    t.clock.advance(61 * 60_000);
    await t.postForm('/lost-link', { email: 'ana@example.org' });
    const mail = (await mailTo('ana@example.org')).find((m) => m.kind === 'application-links')!;
    expect(mail.text_body).toContain('March 2027 round (received)');
    expect(mail.text_body).toContain('September 2027 round (received)');
    expect(privatePathsIn(mail.text_body)).toHaveLength(2);
    expect(mail.html_body).toContain('<ul');
  });

  test('a bad address is a 422 with the message by the field; too many requests from one network a 429', async () => {
    const bad = await t.postForm('/lost-link', { email: 'not an address' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('<a href="#field-email">');
    const from = { headers: { 'x-forwarded-for': '203.0.113.9' } };
    for (let i = 0; i < 20; i++) {
      expect((await t.postForm('/lost-link', { email: `x${i}@example.org` }, from)).status).toBe(200);
    }
    const limited = await t.postForm('/lost-link', { email: 'x20@example.org' }, from);
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain('Too many requests for private links');
  });

  test('“Sign in” with an applicant’s address sends the private link, and says so without telling who is known', async () => {
    await applyAs();
    t.clock.advance(61 * 60_000);
    const response = await t.postForm('/sign-in', { email: 'ana@example.org' });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Check your email');
    expect(html).toContain('we have emailed it the private link to its application instead');
    const mails = await mailTo('ana@example.org');
    expect(mails.map((m) => m.kind)).toEqual(['application-received', 'application-links']);
    const unknown = await (await t.postForm('/sign-in', { email: 'nobody@example.org' })).text();
    expect(unknown).toContain('we have emailed it the private link to its application instead');
    expect(await mailTo('nobody@example.org')).toHaveLength(0);
  });

  test('every email about an application links to the lost-link page', async () => {
    await applyAs();
    const [received] = await mailTo('ana@example.org');
    expect(received!.text_body).toMatch(/https?:\/\/[^/\s]+\/lost-link/);
  });
});

describe('“applied before?”', () => {
  test('an address already in this round gets its private link, not a form to fill again', async () => {
    await applyAs();
    t.clock.advance(61 * 60_000);
    const response = await t.postForm(`${applyPath}/previous-answers`, {
      'previous-email': 'ana@example.org',
    });
    expect(response.status).toBe(303);
    const kinds = (await mailTo('ana@example.org')).map((m) => m.kind);
    expect(kinds).toEqual(['application-received', 'application-links']);
  });

  test('the disclosure has an accessible name', async () => {
    const html = await (await t.request(applyPath)).text();
    expect(html).toMatch(/<details[^>]*aria-labelledby="previous-answers-summary"/);
    expect(html).toMatch(/<summary id="previous-answers-summary">Applied before\?/);
  });
});

describe('the confirmation page', () => {
  test('says which address the email went to (from this browser only, never in the URL)', async () => {
    const response = await t.postForm(applyPath, validForm({ email: 'Ana@Example.org' }));
    expect(response.headers.get('location')).toBe(`/rounds/${round.id}/applied`);
    const page = await (await t.request(`/rounds/${round.id}/applied`)).text();
    expect(page).toContain('to ana@example.org');
    t.cookies.clear();
    const elsewhere = await (await t.request(`/rounds/${round.id}/applied`)).text();
    expect(elsewhere).not.toContain('ana@example.org');
    expect(elsewhere).toContain('We have emailed you a confirmation');
  });
});

describe('the form', () => {
  test('lists current zone names only, with offsets, and stores an old name as the current one', async () => {
    const html = await (await t.request(applyPath)).text();
    expect(html).toContain('<option value="Asia/Kolkata">UTC+05:30 · India — Kolkata</option>');
    expect(html).toContain('<option value="Europe/Kyiv">');
    for (const alias of ['Asia/Calcutta', 'Europe/Kiev', 'Asia/Saigon', 'US/Eastern', 'Etc/UTC']) {
      expect(html).not.toContain(`value="${alias}"`);
    }
    expect((await t.postForm(applyPath, validForm({ timeZone: 'Asia/Calcutta' }))).status).toBe(303);
    const row = await t.database.db.selectFrom('applications').select('answers').executeTakeFirstOrThrow();
    expect(JSON.parse(row.answers).timeZone).toBe('Asia/Kolkata');
  });

  test('“add another” focuses the new row’s first field, and the limits are said', async () => {
    const html = await (await t.request(applyPath)).text();
    expect(html).toContain('Up to 10 languages.');
    expect(html).toContain('Up to 21 times.');
    expect(html).not.toContain('autofocus');
    const added = await (
      await t.postForm(applyPath, { ...validForm(), _add: 'windows', windowRows: '2' })
    ).text();
    expect(added).toMatch(/<select[^>]*id="field-availability-windows-2-day"[^>]*autofocus/);
    const full = await (
      await t.postForm(applyPath, { ...validForm(), _add: 'languages', languageRows: '9' })
    ).text();
    expect(full).toMatch(/<select[^>]*id="field-languages-9-code"[^>]*autofocus/);
    expect(full).not.toContain('value="languages"');
    expect(full).toContain('That is the most languages the form takes (10).');
  });

  test('no “(optional)” on answers a rule needs, and no doubled row labels', async () => {
    const html = await (await t.request(applyPath)).text();
    expect(html).not.toMatch(/Times you could take a call<span class="field__optional">/);
    expect(html).not.toMatch(/Sectors you would like in a partner<span class="field__optional">/);
    expect(html).not.toMatch(/Time 1<span class="field__optional">/);
    expect(html).toContain('<legend class="visually-hidden">Time 1</legend>');
    expect(html).toContain('tick email only, or give at least one time');
  });
});
