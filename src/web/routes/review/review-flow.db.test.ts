import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { seedApplication, seedRound } from '../../../../tests/support/review-fixtures';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

/**
 * Reviewing one application after another as coordinators do (issue 13): a failed bulk action
 * keeps what was ticked and chosen and says why beside the form; select all works without
 * JavaScript; "done" says which action and whom; an application's page keeps the list it came
 * from (back, previous, next) and a decision goes straight on to the next one; decisions email
 * only after an undo window, in which they can be undone; what accepting means before the close;
 * times always carry their zone. On SQLite and PostgreSQL.
 */
let t: TestApp;
const START = new Date('2026-02-01T09:00:00Z');
const list = '/coordinator/rounds/round-f/applications';

/** Kenya: six pending applications (a–f by name, submitted in the order f, e, d, c, b, a); Nigeria: two. */
const KENYANS = ['Achieng', 'Baraka', 'Chebet', 'Daudi', 'Eunice', 'Faith'];

const statusOf = async (id: string) =>
  (
    await t.database.db
      .selectFrom('applications')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).status;

const mailTo = (email: string) =>
  t.database.db
    .selectFrom('mail_messages')
    .select(['id', 'kind', 'status', 'next_attempt_at'])
    .where('to_address', '=', email)
    .where('kind', 'like', 'application-%')
    .orderBy('created_at')
    .execute();

const emailOf = (name: string) => `${name.toLowerCase()}.kamau@example.org`;

/** The page the redirect leads to, with its flash. */
const follow = async (response: Response) => {
  expect(response.status).toBe(303);
  const location = response.headers.get('location') ?? '';
  return { location, page: await (await t.request(location)).text() };
};

const resetRound = async () => {
  const db = t.database.db;
  await db.deleteFrom('application_decisions').execute();
  await db.deleteFrom('mail_messages').where('kind', 'like', 'application-%').execute();
  await db.deleteFrom('applications').where('round_id', '=', 'round-f').execute();
  for (const [index, name] of KENYANS.entries()) {
    await seedApplication(db, {
      roundId: 'round-f',
      id: `ke-${name.toLowerCase()}`,
      name: `${name} Kamau`,
      country: 'KE',
      email: emailOf(name),
      submittedAt: new Date(Date.UTC(2026, 0, 20, 2, 44 - index)),
    });
  }
  await seedApplication(db, { roundId: 'round-f', id: 'ng-1', name: 'Chinedu Eze', country: 'NG' });
  await seedApplication(db, { roundId: 'round-f', id: 'ng-2', name: 'Ngozi Okafor', country: 'NG' });
};

beforeAll(async () => {
  t = await createTestApp({ now: START });
  await t.ctx.services.people.createCoordinator({
    email: 'lead@example.org',
    name: 'Lead',
    countryCodes: [],
    actorPersonId: null,
  });
  await t.ctx.services.people.createCoordinator({
    email: 'kenya@example.org',
    name: 'Wanjiru',
    countryCodes: ['KE'],
    actorPersonId: null,
  });
  await seedRound(t.database.db, { id: 'round-f', name: 'Flow round' });
  await signInAs(t, 'lead@example.org');
});

beforeEach(async () => {
  t.clock.set(START);
  await resetRound();
});

afterAll(async () => {
  await t.dispose();
});

describe('the bulk form', () => {
  test('a failed decline keeps the ticks, the action and the filters, and says why beside the form', async () => {
    const response = await t.postForm(`${list}/bulk`, {
      ids: ['ke-achieng', 'ke-baraka'],
      action: 'decline',
      declineReason: '  ',
      back: '?country=KE&sort=name',
    });
    expect(response.status).toBe(422);
    const page = await response.text();
    // The same filtered list, with the two boxes still ticked and the others not.
    expect(page).not.toContain('Chinedu Eze');
    expect(page).toMatch(/value="ke-achieng"[^>]*checked/);
    expect(page).toMatch(/value="ke-baraka"[^>]*checked/);
    expect(page).not.toMatch(/value="ke-chebet"[^>]*checked/);
    expect(page).toMatch(/<option value="decline" selected/);
    // The error summary links to the reason field, and both sit in the bulk form, above the table.
    const form = page.indexOf('class="bulk-actions panel"');
    const summary = page.indexOf('href="#field-bulk-declineReason"');
    const fieldError = page.indexOf('id="field-bulk-declineReason-error"');
    const table = page.indexOf('<table');
    expect(form).toBeGreaterThan(0);
    expect(summary).toBeGreaterThan(form);
    expect(fieldError).toBeGreaterThan(summary);
    expect(table).toBeGreaterThan(fieldError);
    expect(page).toContain('Give a reason for declining');
    expect(await statusOf('ke-achieng')).toBe('pending');
  });

  test('nothing ticked: the problem links to the select-all box', async () => {
    const response = await t.postForm(`${list}/bulk`, { action: 'accept', back: '' });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('href="#field-bulk-ids"');
    expect(page).toMatch(/id="field-bulk-ids"[^>]*aria-invalid="true"/);
    expect(page).toMatch(/<option value="accept" selected/);
  });

  test('“select all on this page” works without JavaScript, and the message names the action and whom', async () => {
    const listPage = await (await t.request(`${list}?country=KE`)).text();
    expect(listPage).toContain('Select all 6 on this page');
    const pageIds = [...listPage.matchAll(/name="pageIds" value="([^"]+)"/g)].map((match) => match[1]!);
    expect(pageIds).toHaveLength(6);
    const { location, page } = await follow(
      await t.postForm(`${list}/bulk`, {
        allOnPage: '1',
        pageIds,
        action: 'waitlist',
        back: '?country=KE',
      }),
    );
    expect(location).toBe(`${list}?country=KE`);
    for (const name of KENYANS) expect(await statusOf(`ke-${name.toLowerCase()}`)).toBe('waitlisted');
    // Three names in alphabetical order, then how many more.
    expect(page).toContain(
      'Moved 6 applications to the waitlist: Achieng Kamau, Baraka Kamau, Chebet Kamau, and 3 others.',
    );
    expect(page).toContain('The emails go in 5 minutes; until then you can undo this below.');
  });

  test('a few changed and one left as it was: both are said', async () => {
    await t.postForm(`${list}/ke-achieng/review`, { action: 'decline', declineReason: 'Not a librarian' });
    const { page } = await follow(
      await t.postForm(`${list}/bulk`, { ids: ['ke-achieng', 'ke-baraka'], action: 'accept', back: '' }),
    );
    expect(page).toContain('Accepted Baraka Kamau.');
    expect(page).toContain('1 selected application was left as it was');
  });
});

describe('one application after another', () => {
  const filtered = '?country=KE&status=pending&sort=name';

  test('the page keeps the list: back, previous and next in the list’s order, and every form carries it', async () => {
    const page = await (await t.request(`${list}/ke-chebet${filtered}`)).text();
    const query = filtered.replaceAll('&', '&amp;');
    expect(page).toContain(`href="${list}${query}">Back to the applications`);
    expect(page).toContain(`href="${list}/ke-baraka${query}" rel="prev">Previous: Baraka Kamau`);
    expect(page).toContain(`href="${list}/ke-daudi${query}" rel="next">Next: Daudi Kamau`);
    // Accept, waitlist, decline and the note.
    expect([...page.matchAll(/name="back" value="([^"]*)"/g)].map((m) => m[1])).toEqual(Array(4).fill(query));
    // The list's own links lead to the page with the list.
    const listPage = await (await t.request(`${list}${filtered}`)).text();
    expect(listPage).toContain(`href="${list}/ke-achieng${query}">Achieng Kamau`);
  });

  test('the first and the last of the list say so; another order gives other neighbours', async () => {
    const first = await (await t.request(`${list}/ke-achieng${filtered}`)).text();
    expect(first).toContain('This is the first application in the list.');
    expect(first).toContain('Next: Baraka Kamau');
    // By submission (the default order) Faith came first and Achieng last.
    const bySubmission = await (await t.request(`${list}/ke-achieng?country=KE`)).text();
    expect(bySubmission).toContain('Previous: Baraka Kamau');
    expect(bySubmission).toContain('This is the last application in the list.');
  });

  test('a decision goes straight on to the next one of the list, and after the last back to the list', async () => {
    const decided = await follow(
      await t.postForm(`${list}/ke-chebet/review`, { action: 'accept', back: filtered }),
    );
    expect(decided.location).toBe(`${list}/ke-daudi${filtered}`);
    expect(decided.page).toContain('Chebet Kamau was accepted. The email goes in 5 minutes');
    expect(decided.page).toMatch(/<h1>Daudi Kamau<\/h1>/);
    // Chebet is no longer pending, but Daudi's previous is still the one before Chebet.
    expect(decided.page).toContain('Previous: Baraka Kamau');
    const last = await follow(
      await t.postForm(`${list}/ke-faith/review`, {
        action: 'decline',
        declineReason: 'Applied twice',
        back: filtered,
      }),
    );
    expect(last.location).toBe(`${list}${filtered}`);
    expect(last.page).toContain('That was the last application in this list.');
  });

  test('a problem keeps the list too', async () => {
    const response = await t.postForm(`${list}/ke-chebet/review`, {
      action: 'decline',
      declineReason: '',
      back: filtered,
    });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('Next: Daudi Kamau');
    expect(page).toContain(`value="${filtered.replaceAll('&', '&amp;')}"`);
  });
});

describe('undoing a decision', () => {
  test('the email waits five minutes; undo puts the application back and takes the email back, audited', async () => {
    await t.postForm(`${list}/ke-baraka/review`, { action: 'accept', back: '' });
    expect(await statusOf('ke-baraka')).toBe('accepted');
    const [queued] = await mailTo(emailOf('Baraka'));
    expect(queued).toMatchObject({ kind: 'application-accepted', status: 'pending' });
    expect(new Date(queued!.next_attempt_at).getTime()).toBe(START.getTime() + 5 * 60_000);
    expect(await t.ctx.services.mail.listDue()).not.toContain(queued!.id);

    const page = await (await t.request(`${list}/ke-baraka`)).text();
    expect(page).toContain('You can still undo this');
    expect(page).toContain('Baraka Kamau was accepted at 08:00 PM GMT+11.');
    expect(page).toContain('The email goes at 08:05 PM GMT+11.');
    const action = page.match(/action="([^"]+\/undo)"/)?.[1];
    expect(action).toMatch(/\/decisions\/[^/]+\/undo$/);

    t.clock.advance(4 * 60_000);
    const undone = await follow(await t.postForm(action!, { applicationId: 'ke-baraka', back: '' }));
    expect(undone.location).toBe(`${list}/ke-baraka`);
    expect(undone.page).toContain('Undone: Baraka Kamau is back to “Pending”, and no email was sent.');
    expect(undone.page).not.toContain('You can still undo this');
    expect(await statusOf('ke-baraka')).toBe('pending');
    expect(await mailTo(emailOf('Baraka'))).toEqual([]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('subject_id', '=', 'ke-baraka')
      .where('action', '=', 'application.decision-undone')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ undid: 'accept', from: 'accepted', to: 'pending' });

    // Accepting again emails again: the undone email does not hold its place.
    await t.postForm(`${list}/ke-baraka/review`, { action: 'accept', back: '' });
    expect((await mailTo(emailOf('Baraka'))).map((mail) => mail.kind)).toEqual(['application-accepted']);
  });

  test('after the window the email is due and the undo is refused in words', async () => {
    await t.postForm(`${list}/ke-baraka/review`, { action: 'waitlist', back: '' });
    const page = await (await t.request(`${list}/ke-baraka`)).text();
    const action = page.match(/action="([^"]+\/undo)"/)![1]!;
    t.clock.advance(5 * 60_000);
    const [mail] = await mailTo(emailOf('Baraka'));
    expect(await t.ctx.services.mail.listDue()).toContain(mail!.id);
    const refused = await follow(await t.postForm(action, { applicationId: 'ke-baraka', back: '' }));
    expect(refused.page).toContain('It is too late to undo the decision about Baraka Kamau');
    expect(await statusOf('ke-baraka')).toBe('waitlisted');
    expect(await mailTo(emailOf('Baraka'))).toHaveLength(1);
  });

  test('deciding again within the window sends one email; undoing that brings the first one back', async () => {
    await t.postForm(`${list}/ke-baraka/review`, { action: 'accept', back: '' });
    t.clock.advance(60_000);
    await t.postForm(`${list}/ke-baraka/review`, { action: 'waitlist', back: '' });
    expect((await mailTo(emailOf('Baraka'))).map((mail) => mail.kind)).toEqual(['application-waitlisted']);
    const page = await (await t.request(`${list}/ke-baraka`)).text();
    expect(page).toContain('was moved to the waitlist at');
    await t.postForm(page.match(/action="([^"]+\/undo)"/)![1]!, { applicationId: 'ke-baraka', back: '' });
    expect(await statusOf('ke-baraka')).toBe('accepted');
    expect((await mailTo(emailOf('Baraka'))).map((mail) => mail.kind)).toEqual(['application-accepted']);
  });

  test('a bulk action is undone as a whole from the list', async () => {
    await t.postForm(`${list}/bulk`, {
      ids: ['ke-achieng', 'ke-baraka', 'ng-1'],
      action: 'accept',
      back: '?sort=name',
    });
    const page = await (await t.request(`${list}?sort=name`)).text();
    expect(page).toContain(
      '3 applications were accepted at 08:00 PM GMT+11: Achieng Kamau, Baraka Kamau, and Chinedu Eze.',
    );
    expect(page).toContain('Undo all 3');
    const action = page.match(/action="([^"]+\/undo)"/)![1]!;
    const { location, page: after } = await follow(await t.postForm(action, { back: '?sort=name' }));
    expect(location).toBe(`${list}?sort=name`);
    expect(after).toContain('Undone: 3 applications are back where they were');
    for (const id of ['ke-achieng', 'ke-baraka', 'ng-1']) expect(await statusOf(id)).toBe('pending');
    expect(
      await t.database.db
        .selectFrom('mail_messages')
        .select('id')
        .where('kind', '=', 'application-accepted')
        .execute(),
    ).toEqual([]);
  });

  test('a country coordinator cannot undo a decision about another country', async () => {
    await t.postForm(`${list}/ng-1/review`, { action: 'accept', back: '' });
    const page = await (await t.request(`${list}/ng-1`)).text();
    const action = page.match(/action="([^"]+\/undo)"/)![1]!;
    signOut(t);
    await signInAs(t, 'kenya@example.org');
    try {
      const refused = await t.postForm(action, { applicationId: 'ng-1', back: '' });
      expect(refused.status).toBe(404);
      expect(await statusOf('ng-1')).toBe('accepted');
    } finally {
      signOut(t);
      // A later clock, so that the new sign-in email is the newest on PostgreSQL too.
      t.clock.advance(1000);
      await signInAs(t, 'lead@example.org');
    }
  });
});

describe('what a decision means', () => {
  test('while applications are open the page explains what accepting does to the quota, and the undo window', async () => {
    const page = await (await t.request(`${list}/ke-baraka`)).text();
    expect(page).toContain(
      'Accepting now guarantees this person a place, and can move a later applicant from Kenya',
    );
    expect(page).toContain('email the applicant 5 minutes later');
    await t.database.db.updateTable('rounds').set({ status: 'closed' }).where('id', '=', 'round-f').execute();
    try {
      const closed = await (await t.request(`${list}/ke-baraka`)).text();
      expect(closed).not.toContain('Accepting now guarantees');
      expect(closed).toContain('email the applicant 5 minutes later');
    } finally {
      await t.database.db.updateTable('rounds').set({ status: 'open' }).where('id', '=', 'round-f').execute();
    }
  });
});

describe('times', () => {
  test('are shown in the round’s zone, named, until the coordinator chooses their own', async () => {
    // Achieng submitted at 02:44 UTC: 01:44 PM in Sydney (GMT+11), 08:14 AM in Kolkata.
    const sydney = await (await t.request(`${list}/ke-achieng`)).text();
    expect(sydney).toContain('01:44 PM GMT+11');
    expect(sydney).toContain('Times are shown in Australia/Sydney, the round’s time zone.');
    const listPage = await (await t.request(`${list}?country=KE`)).text();
    expect(listPage).toContain(
      '<time datetime="2026-01-20T02:44:00.000Z">Jan 20, 2026, 01:44 PM GMT+11</time>',
    );

    const bad = await t.postForm('/coordinator/profile', { timeZone: 'Mars/Olympus_Mons' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Choose a time zone from the list');
    await follow(await t.postForm('/coordinator/profile', { timeZone: 'Asia/Kolkata' }));
    try {
      const kolkata = await (await t.request(`${list}/ke-achieng`)).text();
      expect(kolkata).toContain('08:14 AM GMT+5:30');
      expect(kolkata).toContain('Times are shown in your time zone, Asia/Kolkata.');
      const dashboard = await (await t.request('/coordinator')).text();
      expect(dashboard).toContain('GMT+5:30');
      const rounds = await (await t.request('/coordinator/rounds')).text();
      expect(rounds).toContain('GMT+5:30');
    } finally {
      await follow(await t.postForm('/coordinator/profile', { timeZone: '' }));
    }
    const back = await (await t.request(`${list}/ke-achieng`)).text();
    expect(back).toContain('01:44 PM GMT+11');
  });
});
