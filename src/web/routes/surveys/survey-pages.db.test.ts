import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import {
  npsQuestionForm,
  SURVEY_CLOSES_AT,
  SURVEY_SEND_AT,
  scaleQuestionForm,
  seedRoundWithParticipants,
  surveySettingsForm,
  surveyTokensSentTo,
  textQuestionForm,
} from '../../../../tests/support/survey-fixtures';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { runDueJobs } from '../../../jobs';

/**
 * Surveys through the web app as people use them: a coordinator builds and schedules a survey with
 * plain forms, `run-due`'s jobs send it, a participant answers from the emailed link (twice, with
 * a bad form, after it closed, with a forged link), and the coordinator reads the results, the
 * CSV and the published report.
 */
let t: TestApp;
// Six in Kenya, three in Nigeria, two in Britain: Kenya is shown, the other two only together.
const PEOPLE = ['ke-1', 'ke-2', 'ke-3', 'ke-4', 'ke-5', 'ke-6', 'ng-1', 'ng-2', 'ng-3', 'gb-1', 'gb-2'];

beforeEach(async () => {
  t = await createTestApp({ now: new Date('2027-04-01T00:00:00Z') });
  await seedRoundWithParticipants(t.database.db, {
    participants: PEOPLE.map((id) => ({ id, country: id.slice(0, 2).toUpperCase() })),
  });
  await t.ctx.services.people.createCoordinator({
    email: 'lead@example.org',
    name: 'Lead',
    countryCodes: [],
    actorPersonId: null,
  });
  await t.ctx.services.people.createCoordinator({
    email: 'ke@example.org',
    name: 'KE',
    countryCodes: ['KE'],
    actorPersonId: null,
  });
  await signInAs(t, 'lead@example.org');
});
afterEach(async () => {
  await t.dispose();
});

const surveyIdFrom = (location: string | null) =>
  /\/coordinator\/surveys\/([^/]+)$/.exec(location ?? '')?.[1];

/** Builds and schedules the survey through the forms; returns its id. */
const buildThroughForms = async () => {
  const created = await t.postForm('/coordinator/surveys', { roundId: 'round-s', ...surveySettingsForm() });
  expect(created.status).toBe(303);
  const id = surveyIdFrom(created.headers.get('location'))!;
  for (const form of [scaleQuestionForm, npsQuestionForm, textQuestionForm]) {
    expect((await t.postForm(`/coordinator/surveys/${id}/questions`, form)).status).toBe(303);
  }
  expect((await t.postForm(`/coordinator/surveys/${id}/schedule`)).status).toBe(303);
  return id;
};

const sendDue = async () => {
  t.clock.set(SURVEY_SEND_AT);
  return runDueJobs(t.ctx.jobs());
};

/** Posts the answer form as a browser does: the CSRF field comes from a page this client loaded. */
const postAnswer = async (fields: Record<string, string | string[]>) => {
  const page = await (await t.request('/survey/thanks')).text();
  const csrf =
    /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? /name="csrf-token" content="([^"]+)"/.exec(page)?.[1];
  const body = new URLSearchParams({ _csrf: csrf ?? '' });
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  return t.request('/survey/answer', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
};

const answerAs = async (id: string, fields: Record<string, string | string[]>) => {
  const [token] = await surveyTokensSentTo(t.database.db, `${id}@example.org`);
  return postAnswer({ token: token!, ...fields });
};

describe('building', () => {
  test('a coordinator builds, reorders and schedules a survey with plain forms; run-due sends it', async () => {
    const created = await t.postForm('/coordinator/surveys', { roundId: 'round-s', ...surveySettingsForm() });
    const id = surveyIdFrom(created.headers.get('location'))!;
    await t.postForm(`/coordinator/surveys/${id}/questions`, scaleQuestionForm);
    await t.postForm(`/coordinator/surveys/${id}/questions`, {
      type: 'single',
      promptEn: 'How often are you in touch?',
      optionsEn: 'Every week\nEvery fortnight\nLess often',
      optionsEs: 'Cada semana\nCada quince días\nMenos',
    });
    const refused = await t.postForm(`/coordinator/surveys/${id}/questions`, {
      type: 'single',
      promptEn: '',
      optionsEn: 'Only one',
    });
    expect(refused.status).toBe(422);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain('Enter the question in English');
    expect(refusedPage).toContain('Give at least two options');
    expect(
      (await t.postForm(`/coordinator/surveys/${id}/questions/q2/move`, { direction: 'up' })).status,
    ).toBe(303);
    const builder = await (await t.request(`/coordinator/surveys/${id}`)).text();
    expect(builder.indexOf('How often are you in touch?')).toBeLessThan(
      builder.indexOf('How useful is your partnership?'),
    );
    const preview = await (await t.request(`/coordinator/surveys/${id}/preview?lang=es`)).text();
    expect(preview).toContain('Cada quince días');
    expect(preview).toMatch(/<button[^>]*disabled/);

    expect((await t.postForm(`/coordinator/surveys/${id}/schedule`)).status).toBe(303);
    const edit = await t.postForm(`/coordinator/surveys/${id}/questions`, npsQuestionForm);
    expect(edit.status).toBe(303);
    const afterEdit = await (await t.request(`/coordinator/surveys/${id}`)).text();
    expect(afterEdit).toContain('can no longer change');
    expect(afterEdit).not.toContain('How likely are you to recommend');

    const handled = await sendDue();
    expect(handled['survey-delivery']).toBe(PEOPLE.length);
    // The mail job ran first in that pass; the next pass delivers what the survey job queued.
    const next = await runDueJobs(t.ctx.jobs());
    expect(next['survey-delivery']).toBe(0);
    // (The round's check-in emails go in the same passes: count the invitations alone.)
    const invitations = await t.database.db
      .selectFrom('mail_messages')
      .select('status')
      .where('kind', '=', 'survey-invitation')
      .execute();
    expect(invitations.map((row) => row.status)).toEqual(PEOPLE.map(() => 'sent'));
  });

  test('settings that make no sense are shown again with the problems; a country coordinator cannot build', async () => {
    const refused = await t.postForm('/coordinator/surveys', {
      roundId: 'round-s',
      ...surveySettingsForm({ remindOn: '2027-04-01', titleEn: '' }),
    });
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(page).toContain('Enter the survey’s title in English');
    const id = await buildThroughForms();
    signOut(t);
    await signInAs(t, 'ke@example.org');
    expect((await t.request('/coordinator/surveys')).status).toBe(200);
    expect((await t.request(`/coordinator/surveys/${id}/results`)).status).toBe(200);
    expect((await t.request('/coordinator/surveys/new?round=round-s')).status).toBe(403);
    expect((await t.postForm(`/coordinator/surveys/${id}/unschedule`)).status).toBe(403);
  });
});

describe('answering from the link', () => {
  test('the link opens the form without signing in; the answer counts once; the second submit is told so', async () => {
    await buildThroughForms();
    await sendDue();
    signOut(t);
    const [token] = await surveyTokensSentTo(t.database.db, 'ke-1@example.org');
    const form = await t.request(`/survey/${token}`);
    expect(form.status).toBe(200);
    expect(form.headers.get('cache-control')).toContain('no-store');
    const html = await form.text();
    expect(html).toContain('How useful is your partnership?');
    expect(html).toContain('name="q_q1"');
    expect(html.length).toBeLessThan(30_000);
    const first = await answerAs('ke-1', { q_q1: '4', q_q2: '9', q_q3: 'Lovely' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/survey/thanks');
    const second = await answerAs('ke-1', { q_q1: '1' });
    expect(second.status).toBe(200);
    expect(await second.text()).toContain('You have already answered this survey');
    expect(await (await t.request(`/survey/${token}`)).text()).toContain(
      'You have already answered this survey',
    );
    const responses = await t.database.db.selectFrom('survey_responses').select('answers').execute();
    expect(responses.map((row) => JSON.parse(row.answers))).toEqual([{ q1: 4, q2: 9, q3: 'Lovely' }]);
  });

  test('a missing answer is shown again (422); a malformed one is a 400 with a message; no token is a 400', async () => {
    await buildThroughForms();
    await sendDue();
    signOut(t);
    const missing = await answerAs('ke-2', { q_q2: '5', q_q3: 'kept text' });
    expect(missing.status).toBe(422);
    const missingPage = await missing.text();
    expect(missingPage).toContain('Answer this question');
    expect(missingPage).toContain('kept text');
    const malformed = await answerAs('ke-2', { q_q1: '42' });
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain('This answer is not one the question offers');
    const noToken = await postAnswer({ q_q1: '3' });
    expect(noToken.status).toBe(400);
    expect(await noToken.text()).toContain('The form arrived without its personal link');
    expect(await t.database.db.selectFrom('survey_responses').selectAll().execute()).toEqual([]);
  });

  test('forged, mangled and expired links get a clear page, never a 500', async () => {
    await buildThroughForms();
    await sendDue();
    signOut(t);
    const [token] = await surveyTokensSentTo(t.database.db, 'ke-3@example.org');
    const [nonce, seconds, signature] = token!.split('.');
    for (const bad of [
      `${nonce}.${seconds}.${signature!.slice(0, -2)}xx`,
      `${nonce}.${Number(seconds) + 86_400}.${signature}`,
      'nonsense',
      `${token}%01`,
    ]) {
      const response = await t.request(`/survey/${bad}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('This survey link does not work');
    }
    const forgedPost = await postAnswer({ token: `${nonce}.${seconds}.forged`, q_q1: '3' });
    expect(forgedPost.status).toBe(404);
    t.clock.set(SURVEY_CLOSES_AT);
    const expired = await t.request(`/survey/${token}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This survey has closed');
    const late = await answerAs('ke-3', { q_q1: '3' });
    expect(late.status).toBe(410);
  });
});

describe('results', () => {
  test('results with small groups hidden, CSV with formula cells neutralised, and the public report', async () => {
    const id = await buildThroughForms();
    await sendDue();
    const texts = [
      '=HYPERLINK("http://evil")',
      '+ plus',
      'Thanks',
      'Good',
      'More video calls',
      '@mention',
      '-minus',
      'a',
      'b',
      'c',
      'd',
    ];
    for (const [index, person] of PEOPLE.entries()) {
      expect(
        (await answerAs(person, { q_q1: String((index % 5) + 1), q_q2: '8', q_q3: texts[index]! })).status,
      ).toBe(303);
    }
    const page = await (await t.request(`/coordinator/surveys/${id}/results`)).text();
    expect(page).toContain('<svg');
    expect(page).toContain('Kenya');
    expect(page).toContain('2 other groups together');
    expect(page).not.toMatch(/<th scope="row">Nigeria<\/th>/);
    expect(page).toContain('More video calls');

    const csv = await t.request(`/coordinator/surveys/${id}/results.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain("'+ plus");
    expect(text).toContain("'@mention");
    expect(text).toContain("'-minus");
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(text).not.toMatch(/,Nigeria,/);

    expect((await t.postForm('/coordinator/surveys/rounds/round-s/report/publish')).status).toBe(303);
    signOut(t);
    const list = await (await t.request('/reports')).text();
    expect(list).toContain('href="/reports/round-s"');
    const report = await t.request('/reports/round-s');
    expect(report.status).toBe(200);
    const reportPage = await report.text();
    expect(reportPage).toContain('How useful is your partnership?');
    expect(reportPage).not.toContain('More video calls');
    expect(reportPage).not.toContain('Anything else?');
    expect((await t.request('/reports/no-such-round')).status).toBe(404);
    const actions = (await t.database.db.selectFrom('audit_log').select('action').execute()).map(
      (row) => row.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['survey.exported', 'survey.report-published']));
  });
});
