import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { seedParticipants, seedUnderWayRound } from '../../../../tests/support/topic-fixtures';

/**
 * The topic pages through HTTP, as coordinators and visitors use them: forms without JavaScript,
 * the calendar, the preview, the public archive and the iCalendar feed.
 */
let t: TestApp;
const ROUND = 'round-topics';
const topicsPath = `/coordinator/rounds/${ROUND}/topics`;

beforeEach(async () => {
  t = await createTestApp({ now: new Date('2027-03-10T12:00:00Z') });
  await seedUnderWayRound(t.database.db);
  await t.ctx.services.people.createCoordinator({
    email: 'lead@example.org',
    name: 'Lead Coordinator',
    countryCodes: [],
    actorPersonId: null,
  });
  await t.ctx.services.people.createCoordinator({
    email: 'ng@example.org',
    name: 'Ngozi',
    countryCodes: ['NG'],
    actorPersonId: null,
  });
  await signInAs(t, 'lead@example.org');
});
afterEach(async () => {
  await t.dispose();
});

const page = async (path: string) => {
  const response = await t.request(path);
  return { status: response.status, html: await response.text(), headers: response.headers };
};
const topicIdIn = (location: string | null) => /\/topics\/([^/]+)\/preview/.exec(location ?? '')?.[1];
const auditActions = async () =>
  (
    await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'topic')
      .orderBy('at')
      .orderBy('action')
      .execute()
  ).map((row) => row.action);

const writeTopic = async (fields: Record<string, string>) => {
  const response = await t.postForm(topicsPath, {
    title: 'Getting to know you',
    body: 'Tell your partner about **your library**.',
    publishOn: '2027-03-15',
    publishTime: '09:00',
    status: 'scheduled',
    ...fields,
  });
  expect(response.status, await response.clone().text()).toBe(303);
  return topicIdIn(response.headers.get('location'))!;
};

describe('a program coordinator', () => {
  test('sees the fortnightly plan before any topic is written', async () => {
    const { status, html } = await page(topicsPath);
    expect(status).toBe(200);
    expect(html.match(/No topic yet/g)).toHaveLength(9);
    expect(html).toContain('Welcome (topic 1)');
    expect(html).toContain('What next? (topic 9)');
    expect(html).toContain(`href="${topicsPath}/new?publishOn=2027-03-15"`);
    expect(html).toContain(`href="/rounds/${ROUND}/calendar.ics"`);
    // A new topic starts on the first empty day of the plan still to come (it is 10 March).
    expect((await page(`${topicsPath}/new`)).html).toContain(
      'name="publishOn" type="date" value="2027-03-15"',
    );
    expect((await page(`${topicsPath}/new?publishOn=2027-04-01`)).html).toContain('value="2027-04-01"');
  });

  test('is shown every problem of the form at once, with what was typed kept', async () => {
    const response = await t.postForm(topicsPath, {
      title: '',
      body: 'Some words',
      publishOn: '2027-08-01',
      publishTime: '25:00',
      status: 'scheduled',
      title_es: 'Solo el título',
      body_es: '',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Give the topic a title');
    expect(html).toContain('Choose a day within the round, from 2027-03-01 to 2027-06-30');
    expect(html).toContain('Enter a time as HH:MM (24-hour clock)');
    expect(html).toContain('Write the translated topic too, or leave both of its fields empty');
    expect(html).toContain('Solo el título');
    expect(await auditActions()).toEqual([]);
  });

  test('writes and schedules a topic, previews its email in each language, and it reaches the archive at its moment', async () => {
    const id = await writeTopic({
      body: 'Tell your partner about **your library**.\n\n<script>alert("x")</script>',
      title_es: 'Conocerse',
      body_es: 'Háblale a tu pareja de **tu biblioteca**.',
    });
    const preview = await page(`${topicsPath}/${id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.html).toContain('Topic 1: Getting to know you');
    expect(preview.html).toContain('Tell your partner about <strong>your library</strong>.');
    expect(preview.html).not.toContain('alert(');
    expect(preview.html).toContain('Hello Lead Coordinator,');
    const spanish = await page(`${topicsPath}/${id}/preview?lang=es`);
    expect(spanish.html).toContain('Topic 1: Conocerse');
    expect(spanish.html).toContain('Háblale a tu pareja de <strong>tu biblioteca</strong>.');
    const french = await page(`${topicsPath}/${id}/preview?lang=fr`);
    // No French translation: the preview (in French now that the catalogs exist) says it goes out in English.
    expect(french.html).toContain('Ce sujet n’a pas de traduction dans cette langue');
    expect(french.html).toContain('Sujet 1\u00a0: Getting to know you');
    // ?lang=fr is remembered for the pages that follow: back to English for the rest.
    await page(`${topicsPath}?lang=en`);
    const email = await page(`${topicsPath}/${id}/preview/html?lang=es`);
    expect(email.headers.get('content-security-policy')).toContain('sandbox');
    expect(email.html).toMatch(/^<!DOCTYPE html>/);

    const calendar = await page(topicsPath);
    expect(calendar.html).toContain('Getting to know you');
    expect(calendar.html.match(/No topic yet/g)).toHaveLength(8);

    // Not public before its moment.
    expect((await page('/topics')).html).not.toContain('Getting to know you');
    expect((await page(`/topics/${id}`)).status).toBe(404);
    t.clock.set(new Date('2027-03-15T09:00:00Z'));
    const archive = await page('/topics');
    expect(archive.html).toContain('Getting to know you');
    expect(archive.html).toContain('Tell your partner about <strong>your library</strong>.');
    const one = await page(`/topics/${id}?lang=es`);
    expect(one.status).toBe(200);
    expect(one.html).toContain('<h1>Conocerse</h1>');
    expect(one.html).not.toContain('<script>alert');
    expect(await auditActions()).toEqual(['topic.created']);
  });

  test('reschedules, reorders, saves drafts and deletes; each change is audited', async () => {
    const first = await writeTopic({ title: 'First', publishOn: '2027-03-15' });
    const second = await writeTopic({ title: 'Second', publishOn: '2027-03-29', status: 'draft' });
    const order = async () => {
      const html = (await page(topicsPath)).html;
      return [html.indexOf('>First<'), html.indexOf('>Second<')];
    };
    let [a, b] = await order();
    expect(a).toBeLessThan(b!);
    expect((await t.postForm(`${topicsPath}/${first}/move`, { direction: 'later' })).status).toBe(303);
    [a, b] = await order();
    expect(b).toBeLessThan(a!);
    const moved = await t.database.db
      .selectFrom('topics')
      .select(['id', 'publish_on'])
      .orderBy('publish_on')
      .execute();
    expect(moved).toEqual([
      { id: second, publish_on: '2027-03-15' },
      { id: first, publish_on: '2027-03-29' },
    ]);

    const edited = await t.postForm(`${topicsPath}/${first}`, {
      title: 'First, later',
      body: 'New words',
      publishOn: '2027-04-12',
      publishTime: '18:30',
      status: 'scheduled',
    });
    expect(edited.status).toBe(303);
    const row = await t.database.db
      .selectFrom('topics')
      .select(['title', 'publish_time', 'due_at'])
      .where('id', '=', first)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ title: 'First, later', publish_time: '18:30', due_at: '2027-04-12T18:30:00.000Z' });

    expect((await t.postForm(`${topicsPath}/${second}/delete`, {})).status).toBe(303);
    expect((await page(topicsPath)).html).not.toContain('>Second<');
    expect((await auditActions()).sort()).toEqual(
      [
        'topic.created',
        'topic.created',
        'topic.rescheduled',
        'topic.rescheduled',
        'topic.edited',
        'topic.rescheduled',
        'topic.deleted',
      ].sort(),
    );
  });

  test('cannot move, delete or draft a topic once its moment has passed, but can correct its words', async () => {
    const id = await writeTopic({ publishOn: '2027-03-15' });
    t.clock.set(new Date('2027-03-16T00:00:00Z'));
    const refused = await t.postForm(`${topicsPath}/${id}/delete`, {});
    expect(refused.status).toBe(303);
    expect((await page(topicsPath)).html).toContain('can no longer be moved, deleted or made a draft');
    expect((await page(`${topicsPath}/${id}/edit`)).html).toContain('moment has passed, so it has been sent');
    const draft = await t.postForm(`${topicsPath}/${id}`, {
      title: 'Getting to know you',
      body: 'x',
      publishOn: '2027-03-15',
      publishTime: '09:00',
      status: 'draft',
    });
    expect(draft.status).toBe(409);
    const corrected = await t.postForm(`${topicsPath}/${id}`, {
      title: 'Getting to know each other',
      body: 'Corrected',
      publishOn: '2027-03-15',
      publishTime: '09:00',
      status: 'scheduled',
    });
    expect(corrected.status).toBe(303);
    expect((await page('/topics')).html).toContain('Getting to know each other');
  });
});

describe('who may do what', () => {
  test('a country coordinator reads the calendar and previews, but writes nothing', async () => {
    const id = await writeTopic({});
    signOut(t);
    await signInAs(t, 'ng@example.org');
    const calendar = await page(topicsPath);
    expect(calendar.status).toBe(200);
    expect(calendar.html).not.toContain('Write a topic');
    expect(calendar.html).not.toContain(`${topicsPath}/${id}/edit`);
    expect((await page(`${topicsPath}/${id}/preview`)).status).toBe(200);
    expect((await page(`${topicsPath}/new`)).status).toBe(403);
    expect(
      (await t.postForm(topicsPath, { title: 'x', body: 'y', publishOn: '2027-03-20', status: 'scheduled' }))
        .status,
    ).toBe(403);
    expect((await t.postForm(`${topicsPath}/${id}/delete`, {})).status).toBe(403);
  });

  test('a visitor is sent to sign in; a topic of another round is not found under this one', async () => {
    const id = await writeTopic({});
    await seedUnderWayRound(t.database.db, { id: 'other', name: 'Other' });
    expect((await page(`/coordinator/rounds/other/topics/${id}/preview`)).status).toBe(404);
    signOut(t);
    const response = await t.request(topicsPath);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('/sign-in');
  });
});

describe('the round calendar feed', () => {
  test('holds the round dates and its topics, a topic title only once public, and nobody', async () => {
    await seedParticipants(t.database.db, { roundId: ROUND, count: 4 });
    await writeTopic({ title: 'Getting to know you', publishOn: '2027-03-15' });
    await writeTopic({ title: 'Secret draft', publishOn: '2027-03-20', status: 'draft' });
    const feed = await page(`/rounds/${ROUND}/calendar.ics`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    expect(feed.html).toContain('BEGIN:VCALENDAR');
    expect(feed.html).toContain('SUMMARY:Applications to March 2027 round close');
    expect(feed.html).toContain('DTSTART;VALUE=DATE:20270301');
    expect(feed.html).toContain('SUMMARY:Topic 1 is sent');
    expect(feed.html).toContain('DTSTART:20270315T090000Z');
    expect(feed.html).not.toContain('Getting to know you');
    expect(feed.html).not.toContain('Secret draft');
    expect(feed.html).not.toContain('@example.org');
    t.clock.set(new Date('2027-03-15T10:00:00Z'));
    expect((await page(`/rounds/${ROUND}/calendar.ics`)).html).toContain(
      'SUMMARY:Topic 1: Getting to know you',
    );
    await seedUnderWayRound(t.database.db, { id: 'draft-round', status: 'draft' });
    expect((await page('/rounds/draft-round/calendar.ics')).status).toBe(404);
    expect((await page('/rounds/nowhere/calendar.ics')).status).toBe(404);
  });
});
