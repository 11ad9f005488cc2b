import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  insertRound,
  makeOpenRound,
  TEST_NOW,
  validForm,
} from '../../../../tests/support/applicant-fixtures';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

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

const privatePathIn = (text: string): string => {
  const match = text.match(/https?:\/\/[^/\s]+(\/applications\/[A-Za-z0-9_-]{43})/);
  if (!match?.[1]) throw new Error(`no private link in:\n${text}`);
  return match[1];
};

describe('the application form', () => {
  test('renders every field with a label, and the CSRF field', async () => {
    const response = await t.request(applyPath);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const id of [
      'field-name',
      'field-email',
      'field-countryOfResidence',
      'field-timeZone',
      'field-languages-0-code',
      'field-sector',
      'field-role',
      'field-yearsInProfession',
      'field-hopes',
      'field-heardFrom',
      'field-privacyConsent',
      'field-codeOfConductAccepted',
    ]) {
      expect(html, id).toContain(`for="${id}"`);
    }
    expect(html).toContain('name="_csrf"');
    expect(html).toContain('<legend class="field__label">Areas of interest');
    expect(html).toContain('href="/privacy"');
  });

  test('bad input answers 422 with the message next to the field, a summary, and the input kept', async () => {
    const response = await t.postForm(
      applyPath,
      validForm({ name: '', role: 'Archivist <b>', interests: ['cataloguing'] }),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('<a href="#field-name">Enter your name</a>');
    expect(html).toMatch(/id="field-name-error"[^>]*>[\s\S]*?Enter your name/);
    expect(html).toContain('Choose at least 3 areas of interest');
    expect(html).toContain('value="Archivist &lt;b&gt;"');
    expect(html).toMatch(/value="pt" selected/);
    expect(await mailTo('ana@example.org')).toHaveLength(0);
  });

  test('“add another language” without JavaScript re-renders with one more row and keeps the answers', async () => {
    const response = await t.postForm(applyPath, { ...validForm(), _add: 'languages', languageRows: '3' });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('field-languages-3-code');
    expect(html).not.toContain('class="error-summary"');
    expect(html).toContain('value="Ana Lima"');
  });

  test('success redirects (303) to the confirmation page and queues the email with the private link', async () => {
    const response = await t.postForm(applyPath, validForm());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/rounds/${round.id}/applied`);
    const page = await t.request(response.headers.get('location')!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Application received');
    const [mail] = await mailTo('ana@example.org');
    expect(mail?.kind).toBe('application-received');
    const privatePath = privatePathIn(mail!.text_body);
    const view = await t.request(privatePath);
    expect(view.status).toBe(200);
    expect(view.headers.get('cache-control')).toBe('private, no-store');
    const html = await view.text();
    expect(html).toContain('<meta name="referrer" content="no-referrer"/>');
    expect(html).toContain('Reference librarian');
  });

  test('a second application from the same address is refused (409), says so, and re-sends the link without revoking the first', async () => {
    expect((await t.postForm(applyPath, validForm())).status).toBe(303);
    t.clock.advance(61 * 60_000);
    const again = await t.postForm(applyPath, validForm({ email: 'ANA@example.org ' }));
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('An application from this email address is already in this round');
    const mails = await mailTo('ana@example.org');
    expect(mails.map((m) => m.kind)).toEqual(['application-received', 'application-link-resent']);
    // Both links work: re-sending adds a link, it never cancels the one the applicant has.
    expect((await t.request(privatePathIn(mails[1]!.text_body))).status).toBe(200);
    expect((await t.request(privatePathIn(mails[0]!.text_body))).status).toBe(200);
    expect(mails[1]!.text_body).not.toContain('no longer work');
  });

  test('repeated applications re-send the link at most once an hour, and never cancel a link (mail bombing)', async () => {
    expect((await t.postForm(applyPath, validForm())).status).toBe(303);
    const statuses = new Set<number>();
    for (let i = 0; i < 30; i++) statuses.add((await t.postForm(applyPath, validForm())).status);
    expect([...statuses].every((status) => status === 409 || status === 429)).toBe(true);
    // The confirmation was sent a moment ago: nothing more is sent within the hour.
    let mails = await mailTo('ana@example.org');
    expect(mails.map((m) => m.kind)).toEqual(['application-received']);
    t.clock.advance(60 * 60_000 + 1000);
    for (let i = 0; i < 3; i++) expect((await t.postForm(applyPath, validForm())).status).toBe(409);
    mails = await mailTo('ana@example.org');
    expect(mails.map((m) => m.kind)).toEqual(['application-received', 'application-link-resent']);
    for (const mail of mails) expect((await t.request(privatePathIn(mail.text_body))).status).toBe(200);
  });

  test('applying is limited per address: after five tries in an hour the form answers 429 and keeps the answers', async () => {
    expect((await t.postForm(applyPath, validForm())).status).toBe(303);
    for (let i = 0; i < 4; i++) expect((await t.postForm(applyPath, validForm())).status).toBe(409);
    const limited = await t.postForm(applyPath, validForm({ role: 'Kept role' }));
    expect(limited.status).toBe(429);
    const html = await limited.text();
    expect(html).toContain('Too many applications');
    expect(html).toContain('value="Kept role"');
    t.clock.advance(60 * 60_000 + 1000);
    expect((await t.postForm(applyPath, validForm())).status).toBe(409);
  });

  test('applying is limited per network address: the 21st application within an hour is refused and not stored', async () => {
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
    for (let i = 0; i < 20; i++) {
      const response = await t.postForm(
        applyPath,
        validForm({ email: `junk${i}@example.org` }),
        from('203.0.113.7'),
      );
      expect(response.status).toBe(303);
    }
    const limited = await t.postForm(
      applyPath,
      validForm({ email: 'junk20@example.org' }),
      from('203.0.113.7'),
    );
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain('Too many applications');
    expect(await mailTo('junk20@example.org')).toHaveLength(0);
    const stored = await t.database.db.selectFrom('applications').select('email').execute();
    expect(stored).toHaveLength(20);
    // Another network is not affected.
    const other = await t.postForm(applyPath, validForm({ email: 'real@example.org' }), from('198.51.100.4'));
    expect(other.status).toBe(303);
  });

  test('the form needs the CSRF token', async () => {
    await t.csrfToken();
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(validForm())) {
      for (const item of [value].flat()) body.append(name, item);
    }
    const response = await t.request(applyPath, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(response.status).toBe(403);
    expect(await mailTo('ana@example.org')).toHaveLength(0);
  });

  test('a closed round and a draft round refuse with a clear page, not an error', async () => {
    await insertRound(t.database.db, makeOpenRound({ id: 'closed', name: 'Closed round', status: 'closed' }));
    const closed = await t.request('/rounds/closed/apply');
    expect(closed.status).toBe(200);
    expect(await closed.text()).toContain('Closed round is not taking applications');
    const post = await t.postForm('/rounds/closed/apply', validForm());
    expect(post.status).toBe(200);
    await insertRound(t.database.db, makeOpenRound({ id: 'draft', status: 'draft' }));
    expect((await t.request('/rounds/draft/apply')).status).toBe(404);
  });

  test('/apply redirects to the open round; the round page shows its dates and an apply link', async () => {
    const response = await t.request('/apply');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(applyPath);
    const page = await (await t.request(`/rounds/${round.id}`)).text();
    expect(page).toContain(`datetime="${round.applicationsCloseAt.toISOString()}"`);
    expect(page).toContain(`href="${applyPath}"`);
    expect(page).toContain('href="/how-it-works"');
  });

  test('/apply explains when the next round opens when none is open', async () => {
    t.clock.set(new Date('2027-01-01T00:00:00Z'));
    const response = await t.request('/apply');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Applications are closed');
  });
});

describe('the private link', () => {
  const apply = async () => {
    expect((await t.postForm(applyPath, validForm())).status).toBe(303);
    const [mail] = await mailTo('ana@example.org');
    return privatePathIn(mail!.text_body);
  };
  const tokenOf = (path: string) => path.split('/').at(-1)!;

  test('edit: the form is pre-filled, a change is saved, and bad input is refused with 422', async () => {
    const path = await apply();
    const form = await (await t.request(`${path}/edit`)).text();
    expect(form).toContain('value="Reference librarian"');
    const bad = await t.postForm('/applications/edit', { ...validForm({ hopes: '' }), token: tokenOf(path) });
    expect(bad.status).toBe(422);
    const saved = await t.postForm('/applications/edit', {
      ...validForm({ role: 'Metadata librarian' }),
      token: tokenOf(path),
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(path);
    expect(await (await t.request(path)).text()).toContain('Metadata librarian');
  });

  test('after the round closes the application is read-only', async () => {
    const path = await apply();
    t.clock.set(new Date('2027-03-01T00:00:00Z'));
    const page = await (await t.request(path)).text();
    expect(page).toContain('can no longer be changed');
    expect(page).not.toContain(`${path}/edit`);
    const refused = await t.postForm('/applications/edit', {
      ...validForm({ role: 'Changed' }),
      token: tokenOf(path),
    });
    expect(refused.status).toBe(303);
    expect(await (await t.request(path)).text()).not.toContain('Changed');
  });

  test('withdraw asks first, then withdraws and emails a confirmation', async () => {
    const path = await apply();
    const confirm = await (await t.request(`${path}/withdraw`)).text();
    expect(confirm).toContain('Withdraw your application?');
    const response = await t.postForm('/applications/withdraw', { token: tokenOf(path) });
    expect(response.status).toBe(303);
    expect(await (await t.request(path)).text()).toContain('You have withdrawn this application.');
    expect((await mailTo('ana@example.org')).map((m) => m.kind)).toContain('application-withdrawn');
  });

  test('an unknown token is a 404 page, and tokens are not logged', async () => {
    const response = await t.request(`/applications/${'x'.repeat(43)}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('This link does not open an application');
    expect((await t.request('/applications/short')).status).toBe(404);
  });
});

describe('previous answers', () => {
  test('same answer whether or not the address is known; a known one gets a link that pre-fills the form', async () => {
    await insertRound(
      t.database.db,
      makeOpenRound({
        id: 'earlier',
        status: 'finished',
        applicationsOpenAt: new Date('2026-07-01T00:00:00Z'),
        applicationsCloseAt: new Date('2026-08-01T00:00:00Z'),
        startsOn: '2026-09-01',
        endsOn: '2026-12-31',
      }),
    );
    await t.database.db.updateTable('rounds').set({ status: 'open' }).where('id', '=', 'earlier').execute();
    t.clock.set(new Date('2026-07-15T00:00:00Z'));
    expect((await t.postForm('/rounds/earlier/apply', validForm({ role: 'Previous role' }))).status).toBe(
      303,
    );
    await t.database.db
      .updateTable('rounds')
      .set({ status: 'finished' })
      .where('id', '=', 'earlier')
      .execute();
    t.clock.set(TEST_NOW);

    const known = await t.postForm(`${applyPath}/previous-answers`, { 'previous-email': 'ana@example.org' });
    const unknown = await t.postForm(`${applyPath}/previous-answers`, {
      'previous-email': 'nobody@example.org',
    });
    expect(known.status).toBe(303);
    expect(unknown.status).toBe(303);
    expect(known.headers.get('location')).toBe(unknown.headers.get('location'));
    expect(await mailTo('nobody@example.org')).toHaveLength(0);
    const mail = (await mailTo('ana@example.org')).find((m) => m.kind === 'application-previous-answers');
    const link = mail!.text_body.match(/https?:\/\/[^/\s]+(\/rounds\/\S+)/)![1]!;
    const form = await (await t.request(link)).text();
    expect(form).toContain('value="Previous role"');
    expect(form).not.toMatch(/name="privacyConsent" value="on" checked/);
  });

  test('is rate-limited per address', async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        (await t.postForm(`${applyPath}/previous-answers`, { 'previous-email': 'x@example.org' })).status,
      ).toBe(303);
    }
    expect(
      (await t.postForm(`${applyPath}/previous-answers`, { 'previous-email': 'x@example.org' })).status,
    ).toBe(429);
  });
});

test('fuzz: random field values never cause a 500', { timeout: 120_000 }, async () => {
  const fieldNames = Object.keys(validForm()).concat([
    'languages.7.code',
    'availability.windows.30.day',
    'interests[]',
    '__proto__.x',
    'a'.repeat(200),
  ]);
  const value = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 50 }),
    fc.constant('x'.repeat(20_000)),
    fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }),
    fc.constantFrom('', 'on', '0', '-1', '99999', '24:00', 'ZZ', 'Not/AZone', 'en'),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 25 }),
      fc.boolean(),
      async (fields, startValid) => {
        const body = startValid
          ? { ...validForm({ email: `f${Math.random()}@example.org` }), ...fields }
          : fields;
        const response = await t.postForm(applyPath, body);
        // 400: a NUL character anywhere, refused with a plain page before any route (form-body.ts).
        expect([200, 303, 400, 409, 413, 422]).toContain(response.status);
        if (response.status === 400) expect(JSON.stringify(fields)).toContain('\\u0000');
      },
    ),
    { numRuns: 60 },
  );
});

describe('logs, resources and topics', () => {
  test('private tokens never appear in log lines, even when a private page fails', async () => {
    const { Writable } = await import('node:stream');
    const pino = (await import('pino')).default;
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    await t.dispose();
    t = await createTestApp({ now: TEST_NOW, logger: pino({ level: 'debug' }, stream) });
    await insertRound(t.database.db, round);
    expect((await t.postForm(applyPath, validForm())).status).toBe(303);
    const [mail] = await mailTo('ana@example.org');
    const path = privatePathIn(mail!.text_body);
    const token = path.split('/').at(-1)!;
    await t.request(path);
    await t.request(`${path}/edit`);
    await t.request(`/applications/${'y'.repeat(43)}`);
    // A POST without a CSRF token is refused and logged; its path holds no token.
    await t.request('/applications/withdraw', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }),
    });
    // A failing database makes the private page fail unexpectedly: logged, without the token.
    await t.database.db.schema.dropTable('audit_log').execute();
    expect((await t.postForm('/applications/withdraw', { token })).status).toBe(500);
    await t.database.db.schema.alterTable('rounds').renameTo('rounds_gone').execute();
    expect((await t.request(path)).status).toBe(500);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(token);
  });

  test('the resources page and the topics archive have honest empty states, then list what exists', async () => {
    expect(await (await t.request('/resources')).text()).toContain('There are no resources here yet.');
    expect(await (await t.request('/topics')).text()).toContain('No topics have been published yet.');
    const { createResourcesRepository } = await import(
      '../../../db/repositories/resources/resources-repository'
    );
    const { createTopicsRepository } = await import('../../../db/repositories/topics/topics-repository');
    await createResourcesRepository(t.database.db).insertResource(
      {
        id: 'r1',
        title: 'Peer mentoring guide',
        url: 'https://example.org/guide',
        description: 'How to start.',
        position: 0,
      },
      TEST_NOW,
    );
    const topics = createTopicsRepository(t.database.db);
    const topic = (id: string, title: string, publishOn: string) => ({
      id,
      roundId: round.id,
      title,
      body: 'Say hello.',
      publishOn,
      publishTime: '00:00',
      dueAt: new Date(`${publishOn}T00:00:00Z`),
      status: 'scheduled' as const,
      publishedAt: null,
      translations: {},
    });
    await topics.insertTopic(topic('t1', 'Getting to know you', '2027-01-20'), TEST_NOW);
    await topics.insertTopic(topic('t2', 'Not yet', '2027-03-01'), TEST_NOW);
    // The archive shows the topics of rounds under way or finished.
    await t.database.db
      .updateTable('rounds')
      .set({ status: 'under-way' })
      .where('id', '=', round.id)
      .execute();
    expect(await (await t.request('/resources')).text()).toContain('href="https://example.org/guide"');
    const archive = await (await t.request('/topics')).text();
    expect(archive).toContain('Getting to know you');
    expect(archive).not.toContain('Not yet');
  });

  test('coordinators manage resources; others are sent to sign in', async () => {
    const anonymous = await t.request('/coordinator/resources');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/sign-in');
  });
});
