import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestClock, type TestClock, testServiceDeps } from '../../../tests/support/mail';
import {
  npsQuestionForm,
  SURVEY_CLOSES_AT,
  SURVEY_REMIND_AT,
  SURVEY_SEND_AT,
  type SurveyParticipantSeed,
  scaleQuestionForm,
  seedRoundWithParticipants,
  surveySettingsForm,
  surveyTokensSentTo,
  textQuestionForm,
} from '../../../tests/support/survey-fixtures';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { COMMAND_LINE_OPERATOR, type Viewer } from '../../core/people/viewer';
import { createServices, type Services } from '..';

/**
 * Surveys on a real database (SQLite and PostgreSQL): sending exactly once, the reminder only to
 * those who have not answered, answering from the link, and answers stored apart from identities.
 */
let database: TestDatabase;
let services: Services;
let clock: TestClock;

const lead: Viewer = COMMAND_LINE_OPERATOR;
const kenya: Viewer = {
  personId: '',
  email: 'ke@example.org',
  name: 'KE',
  isProgramCoordinator: false,
  coordinatedCountryCodes: ['KE'],
};

const PARTICIPANTS: SurveyParticipantSeed[] = [
  { id: 'ke-1', country: 'KE', sector: 'academic', careerStage: 'early' },
  { id: 'ke-2', country: 'KE', sector: 'academic', careerStage: 'early' },
  { id: 'ke-3', country: 'KE', sector: 'public', careerStage: 'mid' },
  { id: 'ng-1', country: 'NG', sector: 'academic', careerStage: 'mid' },
  { id: 'ng-2', country: 'NG', sector: 'public', careerStage: 'late', locale: 'fr' },
  { id: 'gb-1', country: 'GB', sector: 'school', careerStage: 'student' },
  { id: 'br-1', country: 'BR', sector: 'academic', careerStage: 'mid' },
  { id: 'br-2', country: 'BR', sector: 'academic', careerStage: 'mid', left: true },
];
const ACTIVE = PARTICIPANTS.filter((person) => !person.left).map((person) => person.id);

beforeEach(async () => {
  database = await createTestDatabase();
  clock = createTestClock('2027-04-01T00:00:00.000Z');
  const deps = testServiceDeps(database, { now: clock.now });
  services = createServices(deps);
  await seedRoundWithParticipants(database.db, { participants: PARTICIPANTS });
  // Someone in another round is never sent this round's survey.
  await seedRoundWithParticipants(database.db, {
    roundId: 'round-other',
    participants: [
      { id: 'xx-1', country: 'KE' },
      { id: 'xx-2', country: 'NG' },
    ],
  });
});
afterEach(async () => {
  await database.dispose();
});

const buildSurvey = async (form = surveySettingsForm()) => {
  const survey = await services.surveys.create({ viewer: lead, roundId: 'round-s', form });
  for (const question of [scaleQuestionForm, npsQuestionForm, textQuestionForm]) {
    await services.surveys.addQuestion({ viewer: lead, surveyId: survey.id, form: question });
  }
  return services.surveys.schedule({ viewer: lead, surveyId: survey.id });
};

/** Every due survey email, as the job does it. */
const runDue = async (batchSize = 3) => {
  let sent = 0;
  for (const due of await services.surveys.listDueDeliveries()) {
    sent += (await services.surveys.sendDue(due, { batchSize })).sent;
  }
  return sent;
};

const surveyMail = (kind: 'survey-invitation' | 'survey-reminder') =>
  database.db
    .selectFrom('mail_messages')
    .select(['to_address', 'dedupe_key'])
    .where('kind', '=', kind)
    .execute();

const addressOf = (id: string) => `${id}@example.org`;

describe('sending', () => {
  test('nothing before the moment; at it every active participant once, in batches; never again', async () => {
    await buildSurvey();
    expect(await services.surveys.listDueDeliveries()).toEqual([]);
    clock.set(SURVEY_SEND_AT.toISOString());
    expect(await runDue(3)).toBe(ACTIVE.length);
    const mail = await surveyMail('survey-invitation');
    expect(mail.map((row) => row.to_address).sort()).toEqual(ACTIVE.map(addressOf).sort());
    expect(await runDue(3)).toBe(0);
    clock.advance(60 * 60_000);
    expect(await services.surveys.listDueDeliveries()).toEqual([]);
    expect(await surveyMail('survey-invitation')).toHaveLength(ACTIVE.length);
  });

  test('two senders at once still send each participant one invitation', async () => {
    await buildSurvey();
    clock.set(SURVEY_SEND_AT.toISOString());
    const [due] = await services.surveys.listDueDeliveries();
    const results = await Promise.all([
      services.surveys.sendDue(due!, { batchSize: 2 }),
      services.surveys.sendDue(due!, { batchSize: 2 }),
      services.surveys.sendDue(due!, { batchSize: 5 }),
    ]);
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(ACTIVE.length);
    const mail = await surveyMail('survey-invitation');
    expect(mail).toHaveLength(ACTIVE.length);
    expect(new Set(mail.map((row) => row.to_address)).size).toBe(ACTIVE.length);
    const deliveries = await database.db.selectFrom('survey_deliveries').selectAll().execute();
    expect(deliveries).toHaveLength(ACTIVE.length);
  });

  test('a participant who joins later is invited on the next pass; the email is in their language', async () => {
    const survey = await buildSurvey();
    clock.set(SURVEY_SEND_AT.toISOString());
    await runDue();
    const french = await database.db
      .selectFrom('mail_messages')
      .select(['subject', 'text_body'])
      .where('to_address', '=', addressOf('ng-2'))
      .executeTakeFirstOrThrow();
    expect(french.subject).toContain('Enquête de mi-parcours');
    // A withdrawn member comes back into a new partnership.
    await database.db
      .insertInto('partnerships')
      .values({
        id: 'p-repair',
        round_id: 'round-s',
        run_id: null,
        status: 'active',
        source: 'repair',
        fit: 10,
        details: '{}',
        created_at: 'x',
        ended_at: null,
        end_reason: null,
      })
      .execute();
    await database.db
      .insertInto('partnership_members')
      .values({
        partnership_id: 'p-repair',
        application_id: 'br-2',
        person_id: null,
        joined_at: 'x',
        left_at: null,
        left_reason: null,
      })
      .execute();
    expect(await services.surveys.listDueDeliveries()).toEqual([{ surveyId: survey.id, kind: 'invitation' }]);
    expect(await runDue()).toBe(1);
    expect((await surveyMail('survey-invitation')).map((row) => row.to_address)).toContain(addressOf('br-2'));
  });

  test('the reminder goes once, only to those who have not answered', async () => {
    await buildSurvey();
    clock.set(SURVEY_SEND_AT.toISOString());
    await runDue();
    for (const id of ['ke-1', 'ng-1', 'gb-1']) {
      const [token] = await surveyTokensSentTo(database.db, addressOf(id));
      const result = await services.surveys.submitAnswers({ token: token!, body: { q_q1: '4', q_q2: '9' } });
      expect(result.state).toBe('recorded');
    }
    clock.set(SURVEY_REMIND_AT.toISOString());
    expect(await runDue()).toBe(ACTIVE.length - 3);
    const reminded = (await surveyMail('survey-reminder')).map((row) => row.to_address).sort();
    expect(reminded).toEqual(
      ACTIVE.filter((id) => !['ke-1', 'ng-1', 'gb-1'].includes(id))
        .map(addressOf)
        .sort(),
    );
    expect(await runDue()).toBe(0);
    clock.set(SURVEY_CLOSES_AT.toISOString());
    expect(await services.surveys.listDueDeliveries()).toEqual([]);
  });

  test('after downtime past the reminder moment, the late invitations are not followed by a reminder at once', async () => {
    await buildSurvey();
    clock.set(new Date(SURVEY_REMIND_AT.getTime() + 3_600_000).toISOString());
    const result = await services.surveys.sendDue((await services.surveys.listDueDeliveries())[0]!);
    expect(result.sent).toBe(ACTIVE.length);
    expect(result.lateMs).toBeGreaterThan(7 * 24 * 3_600_000);
    expect(await runDue()).toBe(0);
    expect(await surveyMail('survey-reminder')).toEqual([]);
  });

  test('after partnerships end with the round, the end-of-round survey still reaches those who stayed', async () => {
    await database.db
      .updateTable('partnerships')
      .set({ status: 'ended', ended_at: '2027-07-01T14:00:00.000Z', end_reason: 'round-finished' })
      .where('round_id', '=', 'round-s')
      .execute();
    await database.db
      .updateTable('partnership_members')
      .set({ left_at: '2027-07-01T14:00:00.000Z', left_reason: 'partnership-ended' })
      .where('left_at', 'is', null)
      .execute();
    await buildSurvey(
      surveySettingsForm({
        kind: 'end-of-round',
        sendOn: '2027-07-02',
        remindOn: '2027-07-09',
        closesOn: '2027-07-20',
      }),
    );
    clock.set('2027-07-02T00:00:00.000Z');
    expect(await runDue()).toBe(ACTIVE.length);
    expect((await surveyMail('survey-invitation')).map((row) => row.to_address)).not.toContain(
      addressOf('br-2'),
    );
  });

  test('a draft is never sent, and a sent survey cannot go back to draft', async () => {
    const survey = await services.surveys.create({
      viewer: lead,
      roundId: 'round-s',
      form: surveySettingsForm(),
    });
    clock.set(SURVEY_SEND_AT.toISOString());
    expect(await services.surveys.listDueDeliveries()).toEqual([]);
    await expect(services.surveys.schedule({ viewer: lead, surveyId: survey.id })).rejects.toMatchObject({
      reason: 'survey.noQuestions',
    });
    await services.surveys.addQuestion({ viewer: lead, surveyId: survey.id, form: scaleQuestionForm });
    await services.surveys.schedule({ viewer: lead, surveyId: survey.id });
    await runDue();
    await expect(services.surveys.unschedule({ viewer: lead, surveyId: survey.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      reason: 'survey.alreadySent',
    });
    await expect(
      services.surveys.addQuestion({ viewer: lead, surveyId: survey.id, form: npsQuestionForm }),
    ).rejects.toMatchObject({ reason: 'survey.notEditable' });
    expect((await services.surveys.get(lead, survey.id)).survey.status).toBe('scheduled');
  });
});

describe('answering from the link', () => {
  test('opening changes nothing; the first submission counts, the second is told it was already answered', async () => {
    const survey = await buildSurvey();
    clock.set(SURVEY_SEND_AT.toISOString());
    await runDue();
    const [token] = await surveyTokensSentTo(database.db, addressOf('ke-3'));
    expect((await services.surveys.openLink(token!)).state).toBe('open');
    expect((await services.surveys.openLink(token!)).state).toBe('open');
    expect(await database.db.selectFrom('survey_respondents').selectAll().execute()).toEqual([]);
    const body = { q_q1: '5', q_q2: '10', q_q3: 'A good match' };
    expect((await services.surveys.submitAnswers({ token: token!, body })).state).toBe('recorded');
    expect(
      (await services.surveys.submitAnswers({ token: token!, body: { ...body, q_q1: '1' } })).state,
    ).toBe('answered');
    expect((await services.surveys.openLink(token!)).state).toBe('answered');
    const responses = await database.db.selectFrom('survey_responses').selectAll().execute();
    expect(responses).toHaveLength(1);
    expect(JSON.parse(responses[0]!.answers)).toEqual({ q1: 5, q2: 10, q3: 'A good match' });
    const rates = await services.surveys.responseRates(lead, 'round-s');
    expect(rates).toEqual([
      expect.objectContaining({ surveyId: survey.id, invited: ACTIVE.length, answered: 1, phase: 'open' }),
    ]);
  });

  test('both links (invitation and reminder) work, for one answer between them', async () => {
    await buildSurvey();
    clock.set(SURVEY_SEND_AT.toISOString());
    await runDue();
    clock.set(SURVEY_REMIND_AT.toISOString());
    await runDue();
    const [invitation, reminder] = await surveyTokensSentTo(database.db, addressOf('br-1'));
    expect(invitation).not.toBe(reminder);
    expect((await services.surveys.submitAnswers({ token: reminder!, body: { q_q1: '3' } })).state).toBe(
      'recorded',
    );
    expect((await services.surveys.submitAnswers({ token: invitation!, body: { q_q1: '3' } })).state).toBe(
      'answered',
    );
  });

  test('problems are returned, not stored; a forged, an expired and an unknown link open nothing', async () => {
    await buildSurvey();
    clock.set(SURVEY_SEND_AT.toISOString());
    await runDue();
    const [token] = await surveyTokensSentTo(database.db, addressOf('ke-1'));
    const missing = await services.surveys.submitAnswers({ token: token!, body: { q_q2: '3' } });
    expect(missing).toMatchObject({ state: 'problems', malformed: false, problems: [{ field: 'q_q1' }] });
    const malformed = await services.surveys.submitAnswers({ token: token!, body: { q_q1: '99' } });
    expect(malformed).toMatchObject({ state: 'problems', malformed: true });
    expect(await database.db.selectFrom('survey_responses').selectAll().execute()).toEqual([]);

    const [nonce, seconds] = token!.split('.');
    expect(
      (await services.surveys.openLink(`${nonce}.${seconds}.forged-signature-forged-signature`)).state,
    ).toBe('invalid');
    expect(
      (await services.surveys.openLink(`${nonce}.${Number(seconds) + 999}.${token!.split('.')[2]}`)).state,
    ).toBe('invalid');
    expect((await services.surveys.openLink('../../etc/passwd')).state).toBe('invalid');
    clock.set(SURVEY_CLOSES_AT.toISOString());
    expect((await services.surveys.openLink(token!)).state).toBe('expired');
    expect((await services.surveys.submitAnswers({ token: token!, body: { q_q1: '3' } })).state).toBe(
      'expired',
    );
  });

  test('the stored answer holds no identity, and who answered holds no answer', async () => {
    await buildSurvey();
    clock.set(SURVEY_SEND_AT.toISOString());
    await runDue();
    const [token] = await surveyTokensSentTo(database.db, addressOf('ng-2'));
    await services.surveys.submitAnswers({ token: token!, body: { q_q1: '2', q_q3: 'Slow start' } });
    const [response] = await database.db.selectFrom('survey_responses').selectAll().execute();
    expect(Object.keys(response!).sort()).toEqual(
      ['answers', 'career_stage', 'country_code', 'id', 'sector', 'survey_id'].sort(),
    );
    expect(response).toMatchObject({ country_code: 'NG', sector: 'public', career_stage: 'late' });
    const application = await database.db
      .selectFrom('applications')
      .select(['id', 'email', 'name', 'person_id'])
      .where('id', '=', 'ng-2')
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(response);
    for (const value of [application.id, application.email, application.name])
      expect(stored).not.toContain(value);
    const respondents = await database.db.selectFrom('survey_respondents').selectAll().execute();
    expect(respondents).toEqual([
      {
        survey_id: response!.survey_id,
        application_id: 'ng-2',
        answered_on: SURVEY_SEND_AT.toISOString().slice(0, 10),
      },
    ]);
    expect(JSON.stringify(respondents)).not.toContain('Slow start');
  });
});

describe('results', () => {
  test('fewer than five answers: counts only; country coordinators see the same; the export is audited', async () => {
    const survey = await buildSurvey();
    clock.set(SURVEY_SEND_AT.toISOString());
    await runDue();
    for (const id of ['ke-1', 'ke-2', 'ng-1']) {
      const [token] = await surveyTokensSentTo(database.db, addressOf(id));
      await services.surveys.submitAnswers({ token: token!, body: { q_q1: '4' } });
    }
    const view = await services.surveys.results(kenya, survey.id);
    expect(view.counts).toMatchObject({ invited: ACTIVE.length, answered: 3 });
    expect(view.results.questions[0]).toMatchObject({ answered: 3, overall: null, breakdowns: null });
    await expect(
      services.surveys.create({ viewer: kenya, roundId: 'round-s', form: surveySettingsForm() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(services.surveys.publishReport(kenya, 'round-s')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await services.surveys.exportResults(kenya, survey.id);
    const actions = (await database.db.selectFrom('audit_log').select('action').execute()).map(
      (row) => row.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['survey.created', 'survey.edited', 'survey.scheduled', 'survey.exported']),
    );
  });

  test('with enough answers the results are broken down, small groups hidden; the report is published without free text', async () => {
    const survey = await buildSurvey();
    clock.set(SURVEY_SEND_AT.toISOString());
    await runDue();
    for (const id of ACTIVE) {
      const [token] = await surveyTokensSentTo(database.db, addressOf(id));
      await services.surveys.submitAnswers({
        token: token!,
        body: { q_q1: '4', q_q2: '10', q_q3: `from ${id}` },
      });
    }
    const view = await services.surveys.results(lead, survey.id);
    const useful = view.results.questions[0]!;
    expect(useful.overall).toMatchObject({ n: 7, mean: 4 });
    // KE 3, NG 2, GB 1, BR 1: no country has five, so all are one group of seven.
    expect(useful.breakdowns!.country.groups).toEqual([]);
    expect(useful.breakdowns!.country.other?.tally.n).toBe(7);
    expect(view.results.questions[2]!.texts).toHaveLength(7);
    expect(view.comparison.rows).toHaveLength(1);

    const report = await services.surveys.publishReport(lead, 'round-s');
    expect(report.surveys[0]!.definition.questions.map((question) => question.type)).toEqual([
      'scale',
      'nps',
    ]);
    expect(JSON.stringify(report)).not.toContain('from ke-1');
    const published = await services.surveys.publishedReport('round-s');
    expect(published.report.surveys[0]!.responses).toBe(7);
    await services.surveys.unpublishReport(lead, 'round-s');
    await expect(services.surveys.publishedReport('round-s')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('an earlier round’s survey of the same kind, copied, is compared by question', async () => {
    await seedRoundWithParticipants(database.db, {
      roundId: 'round-2026',
      startsOn: '2026-09-01',
      endsOn: '2027-01-01',
      participants: Array.from({ length: 6 }, (_, i) => ({ id: `old-${i}`, country: 'KE' })),
    });
    clock.set('2026-09-01T00:00:00.000Z');
    const old = await services.surveys.create({
      viewer: lead,
      roundId: 'round-2026',
      form: surveySettingsForm({ sendOn: '2026-10-01', remindOn: '2026-10-08', closesOn: '2026-10-20' }),
    });
    await services.surveys.addQuestion({ viewer: lead, surveyId: old.id, form: scaleQuestionForm });
    await services.surveys.schedule({ viewer: lead, surveyId: old.id });
    clock.set('2026-10-02T00:00:00.000Z');
    await runDue();
    for (let i = 0; i < 6; i++) {
      const [token] = await surveyTokensSentTo(database.db, addressOf(`old-${i}`));
      await services.surveys.submitAnswers({ token: token!, body: { q_q1: String(1 + (i % 2)) } });
    }
    clock.set('2027-04-01T00:00:00.000Z');
    const copy = await services.surveys.create({
      viewer: lead,
      roundId: 'round-s',
      form: surveySettingsForm(),
      copyFromSurveyId: old.id,
    });
    const view = await services.surveys.results(lead, copy.id);
    expect(view.comparison.questionIds).toEqual(['q1']);
    expect(view.comparison.rows.map((row) => [row.roundName, row.isCurrent, row.questionMeans])).toEqual([
      ['Round round-2026', false, [1.5]],
      ['2027 March round', true, [null]],
    ]);
    expect(view.comparison.rows[0]).toMatchObject({ invited: 6, responses: 6, responseRate: 100 });
  });
});
