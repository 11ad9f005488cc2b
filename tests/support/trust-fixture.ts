import type { Viewer } from '../../src/core/people/viewer';
import { partnershipKey } from '../../src/services/matching/match-board';
import { validForm } from './applicant-fixtures';
import { checkInTokensSentTo } from './check-in-fixtures';
import { fillerId, fillerName, seedMatchingRound } from './matching-fixtures';
import { ROUND_PEOPLE, seedParticipant } from './partnership-fixtures';
import { seedApplication, seedRound } from './review-fixtures';
import { scaleQuestionForm, surveySettingsForm, surveyTokensSentTo } from './survey-fixtures';
import type { TestApp } from './test-app';

/**
 * A whole program in every state the web app has pages for, for the authorization matrix and the
 * hostile-input harness (both call every route, so every path parameter needs a real id):
 *
 * - `round-a`, under way: the eight people of partnership-fixtures matched and published, so they
 *   are participants who can sign in (the participant is a Kenyan without a Nigerian partner); a mid-round survey sent (each participant holds a survey
 *   link), a draft survey, and the round report published;
 * - `round-m`, closed, with a proposed match run (not published) over applications in eight
 *   countries; the Kenyan application `filler-008` is locked with a British one, two others are kept
 *   apart, and a comment is left;
 * - `round-o`, open: Ana (Kenya) applied through the service and holds her private link; a
 *   Nigerian applied too; a CSV upload waits to be imported;
 * - round-a has two topics: one public since 2026-04-10, one scheduled for 2026-05-01;
 * - three resources; coordinators: a program coordinator, Kenya's and Nigeria's.
 *
 * Built through the use cases (as a program coordinator would), so it follows the rules as they
 * change. The clock is left at 2026-04-16, after the survey was sent and while round-o is open.
 */
export const TRUST_START = new Date('2026-02-25T09:00:00Z');
export const TRUST_NOW = new Date('2026-04-16T00:00:00Z');

export const TRUST_COORDINATORS = {
  program: { email: 'lead@example.org', name: 'Lead', countryCodes: [] as string[] },
  kenya: { email: 'ke@example.org', name: 'Wanjiru', countryCodes: ['KE'] },
  nigeria: { email: 'ng@example.org', name: 'Chidi', countryCodes: ['NG'] },
  /** Signs in as nobody: the coordinators pages change and remove this one. */
  spare: { email: 'gh@example.org', name: 'Kwame', countryCodes: ['GH'] },
} as const;

export const APPLICANT = { name: 'Ana Wekesa', email: 'ana.wekesa@example.org', country: 'KE' };

export interface TrustFixture {
  underWayRoundId: string;
  closedRoundId: string;
  openRoundId: string;
  /** The Kenyan application in the closed round that per-application pages are about. */
  kenyanApplicationId: string;
  kenyanApplicationEmail: string;
  kenyanApplicationName: string;
  /** The newer of the closed round's two proposed runs. */
  runId: string;
  /** The proposed partnership of the Kenyan application with a British one (locked). */
  partnershipKey: string;
  lockId: string;
  exclusionId: string;
  importId: string;
  resourceIds: string[];
  sentSurveyId: string;
  draftSurveyId: string;
  /** A question of the draft survey, and one of the sent survey (a participant answers it). */
  questionId: string;
  sentQuestionId: string;
  mailId: string;
  /** round-a's topics: one public since 2026-04-10, one scheduled for 2026-05-01. */
  publicTopicId: string;
  comingTopicId: string;
  /** The participant (signed in as `participant`) and one of another partnership. */
  participant: TrustParticipant;
  otherParticipant: TrustParticipant;
  /** A member of round-a's partnerships who is neither of the two, for "mark inactive". */
  bystanderApplicationId: string;
  applicant: { applicationId: string; token: string; email: string; name: string };
  /** The coordinator the coordinators pages change and remove. */
  spareCoordinatorId: string;
}

export interface TrustParticipant {
  applicationId: string;
  name: string;
  email: string;
  partnershipId: string;
  surveyToken: string;
  /** A one-click check-in link of the public topic's email. */
  checkInToken: string;
}

const programViewer = async (t: TestApp): Promise<Viewer> => {
  const viewer = await t.ctx.services.people.findViewerByEmail(TRUST_COORDINATORS.program.email);
  if (!viewer) throw new Error('the program coordinator was not created');
  return viewer;
};

export const seedTrustFixture = async (t: TestApp): Promise<TrustFixture> => {
  const { db } = t.database;
  const services = t.ctx.services;
  t.clock.set(TRUST_START);
  for (const coordinator of Object.values(TRUST_COORDINATORS)) {
    await services.people.createCoordinator({
      ...coordinator,
      countryCodes: [...coordinator.countryCodes],
      actorPersonId: null,
    });
  }
  const program = await programViewer(t);

  // round-a: matched and published, so its people are participants.
  const underWayRoundId = 'round-a';
  await seedRound(db, { id: underWayRoundId, status: 'closed' });
  for (const person of ROUND_PEOPLE) await seedParticipant(db, underWayRoundId, person);
  await services.matching.run({ viewer: program, roundId: underWayRoundId });
  await services.matching.publish({ viewer: program, roundId: underWayRoundId });
  const members = await db
    .selectFrom('partnership_members')
    .innerJoin('partnerships', 'partnerships.id', 'partnership_members.partnership_id')
    .select(['partnership_members.partnership_id', 'partnership_members.application_id'])
    .where('partnerships.round_id', '=', underWayRoundId)
    .orderBy('partnership_members.application_id')
    .execute();
  const partnershipOf = (applicationId: string) => {
    const row = members.find((member) => member.application_id === applicationId);
    if (!row) throw new Error(`${applicationId} was not matched`);
    return row.partnership_id;
  };
  // The participant is Kenyan and has no Nigerian partner, so that Nigeria's coordinator has no
  // reason to see them (a country coordinator sees the partnerships of their own people).
  const membersOf = (partnershipId: string) =>
    members
      .filter((member) => member.partnership_id === partnershipId)
      .map((member) => member.application_id);
  const participantId = ['ke-1', 'ke-2'].find(
    (id) => !membersOf(partnershipOf(id)).some((member) => member.startsWith('ng-')),
  );
  if (!participantId) throw new Error('both Kenyans were matched with Nigerians');
  const participantPartnership = partnershipOf(participantId);
  const other = members.find((member) => member.partnership_id !== participantPartnership);
  if (!other) throw new Error('round-a has a single partnership');
  const bystander = members.find(
    (member) =>
      member.partnership_id !== participantPartnership && member.partnership_id !== other.partnership_id,
  );
  if (!bystander) throw new Error('round-a has fewer than three partnerships');

  // round-m: closed, with a proposed run, a lock, an exclusion and a comment.
  const closedRoundId = await seedMatchingRound(db, { fillers: 9 });
  const kenyanApplicationId = fillerId(8);
  const britishApplicationId = fillerId(2);
  const lockedPair = [kenyanApplicationId, britishApplicationId];
  await services.matching.lock({ viewer: program, roundId: closedRoundId, applicationIds: lockedPair });
  await services.matching.exclude({
    viewer: program,
    roundId: closedRoundId,
    applicationIds: [fillerId(3), fillerId(4)],
  });
  await services.matching.comment({
    viewer: program,
    roundId: closedRoundId,
    applicationIds: lockedPair,
    body: 'Both asked for a partner in public libraries.',
  });
  // Two runs, so that there is something to compare; the later one is the one to publish.
  await services.matching.run({ viewer: program, roundId: closedRoundId });
  await services.matching.run({ viewer: program, roundId: closedRoundId });
  const run = await db
    .selectFrom('match_runs')
    .select('id')
    .where('round_id', '=', closedRoundId)
    .orderBy('number', 'desc')
    .executeTakeFirstOrThrow();
  const lock = await db.selectFrom('match_locks').select('id').executeTakeFirstOrThrow();
  const exclusion = await db.selectFrom('match_exclusions').select('id').executeTakeFirstOrThrow();

  // round-a's survey, sent; a draft one; the report published.
  t.clock.set(new Date('2026-04-01T00:00:00Z'));
  const sent = await services.surveys.create({
    viewer: program,
    roundId: underWayRoundId,
    form: surveySettingsForm({
      sendOn: '2026-04-15',
      remindOn: '2026-04-22',
      closesOn: '2026-05-06',
    }),
  });
  await services.surveys.addQuestion({ viewer: program, surveyId: sent.id, form: scaleQuestionForm });
  await services.surveys.schedule({ viewer: program, surveyId: sent.id });
  const draft = await services.surveys.create({
    viewer: program,
    roundId: underWayRoundId,
    form: surveySettingsForm({
      kind: 'end-of-round',
      titleEn: 'End-of-round survey',
      sendOn: '2026-06-24',
      remindOn: '2026-06-27',
      closesOn: '2026-06-30',
    }),
  });
  await services.surveys.addQuestion({ viewer: program, surveyId: draft.id, form: scaleQuestionForm });
  // round-a's topics: one public by TRUST_NOW (its moment has passed), one still to come.
  const topicForm = (title: string, publishOn: string) => ({
    title,
    body: `${title}: tell your partner about it.`,
    publishOn,
    publishTime: '09:00',
    status: 'scheduled',
  });
  const publicTopic = await services.topics.create({
    viewer: program,
    roundId: underWayRoundId,
    form: topicForm('Getting to know you', '2026-04-10'),
  });
  const comingTopic = await services.topics.create({
    viewer: program,
    roundId: underWayRoundId,
    form: topicForm('Library spaces', '2026-05-01'),
  });
  const questionOf = async (surveyId: string) => {
    const question = (await services.surveys.get(program, surveyId)).survey.definition.questions[0];
    if (!question) throw new Error(`survey ${surveyId} has no question`);
    return question.id;
  };
  t.clock.set(TRUST_NOW);
  for (const due of await services.surveys.listDueDeliveries()) await services.surveys.sendDue(due);
  // The public topic goes out, carrying each participant's one-click check-in links.
  for (const due of await services.topics.listDue()) await services.topics.deliver(due.topicId);
  await services.surveys.publishReport(program, underWayRoundId);
  const checkInTokenOf = async (applicationId: string) => {
    const [token] = await checkInTokensSentTo(db, `${applicationId}@example.org`);
    if (!token) throw new Error(`no check-in link was sent to ${applicationId}`);
    return token;
  };
  const surveyTokenOf = async (applicationId: string) => {
    const [token] = await surveyTokensSentTo(db, `${applicationId}@example.org`);
    if (!token) throw new Error(`no survey link was sent to ${applicationId}`);
    return token;
  };

  // round-o: open, with Ana's application (and her private link), a Nigerian's, and an upload.
  const openRoundId = 'round-o';
  await seedRound(db, {
    id: openRoundId,
    name: '2026 September round',
    status: 'open',
    applicationsOpenAt: new Date('2026-04-01T00:00:00Z'),
    applicationsCloseAt: new Date('2026-05-15T12:59:00Z'),
    startsOn: '2026-06-01',
    endsOn: '2026-10-01',
  });
  const submitted = await services.applications.submit({
    roundId: openRoundId,
    form: validForm({
      name: APPLICANT.name,
      email: APPLICANT.email,
      countryOfResidence: APPLICANT.country,
      timeZone: 'Africa/Nairobi',
    }),
    locale: 'en',
  });
  await seedApplication(db, { roundId: openRoundId, name: 'Ngozi Eze', country: 'NG' });
  const upload = await services.review.uploadCsv({
    viewer: program,
    roundId: openRoundId,
    fileName: 'partner-list.csv',
    content: 'Name,Email,Country\nIbrahim Musa,ibrahim@example.org,NG\n',
  });

  const resourceIds: string[] = [];
  for (const title of ['Peer mentoring guide', 'Icebreakers', 'Time zone planner']) {
    const resource = await services.resources.add({
      viewer: program,
      form: {
        title,
        url: `https://example.org/${title.toLowerCase().replaceAll(' ', '-')}`,
        description: '',
      },
    });
    resourceIds.push(resource.id);
  }
  const mail = await db
    .selectFrom('mail_messages')
    .select('id')
    .where('to_address', '=', `${participantId}@example.org`)
    .where('kind', '=', 'partnership-introduction')
    .executeTakeFirstOrThrow();

  const spare = await services.people.findViewerByEmail(TRUST_COORDINATORS.spare.email);
  if (!spare) throw new Error('the spare coordinator was not created');
  return {
    spareCoordinatorId: spare.personId,
    underWayRoundId,
    closedRoundId,
    openRoundId,
    kenyanApplicationId,
    kenyanApplicationEmail: `${kenyanApplicationId.replace('filler-', 'filler.')}@example.org`,
    kenyanApplicationName: fillerName(8),
    runId: run.id,
    partnershipKey: partnershipKey(lockedPair),
    lockId: lock.id,
    exclusionId: exclusion.id,
    importId: upload.importId,
    resourceIds,
    sentSurveyId: sent.id,
    draftSurveyId: draft.id,
    questionId: await questionOf(draft.id),
    sentQuestionId: await questionOf(sent.id),
    mailId: mail.id,
    publicTopicId: publicTopic.id,
    comingTopicId: comingTopic.id,
    participant: {
      applicationId: participantId,
      name: `Person ${participantId}`,
      email: `${participantId}@example.org`,
      partnershipId: participantPartnership,
      surveyToken: await surveyTokenOf(participantId),
      checkInToken: await checkInTokenOf(participantId),
    },
    otherParticipant: {
      applicationId: other.application_id,
      name: `Person ${other.application_id}`,
      email: `${other.application_id}@example.org`,
      partnershipId: other.partnership_id,
      surveyToken: await surveyTokenOf(other.application_id),
      checkInToken: await checkInTokenOf(other.application_id),
    },
    bystanderApplicationId: bystander.application_id,
    applicant: { applicationId: submitted.applicationId, token: submitted.token, ...APPLICANT },
  };
};

/** The links a visitor holds: their own, or ones that were never issued (well-formed, unknown). */
export interface TrustCredentials {
  f: TrustFixture;
  /** A private application link (the applicant's, or never issued). */
  applicationToken: string;
  /** A survey link (a participant's own, or never issued). */
  surveyToken: string;
  /** A one-click check-in link (a participant's own, or one whose signature is not ours). */
  checkInToken: string;
}

export const NEVER_ISSUED_APPLICATION_TOKEN = 'A'.repeat(43);
export const NEVER_ISSUED_SURVEY_TOKEN = 'bm90LWlzc3VlZA.4102444800.bm90LXNpZ25lZC1ieS11cw';

export const trustCredentials = (
  f: TrustFixture,
  holder?: 'applicant' | 'participant' | 'otherParticipant',
): TrustCredentials => ({
  f,
  applicationToken: holder === 'applicant' ? f.applicant.token : NEVER_ISSUED_APPLICATION_TOKEN,
  surveyToken:
    holder === 'participant' || holder === 'otherParticipant'
      ? f[holder].surveyToken
      : NEVER_ISSUED_SURVEY_TOKEN,
  checkInToken:
    holder === 'participant' || holder === 'otherParticipant'
      ? f[holder].checkInToken
      : forgedCheckInToken(f.participant.checkInToken),
});

/** A real check-in link with its last character changed: well-formed, but never signed by us. */
const forgedCheckInToken = (token: string) => `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;

/**
 * Real ids for path parameters, by name (and, for the generic `:id`, by the path): round-a for a
 * round's partnerships and report, round-o for imports, round-m (closed, with runs) otherwise.
 * A route with a new parameter name needs a line here.
 */
export const TRUST_PARAMS: Record<
  string,
  (f: TrustFixture, path: string, c: TrustCredentials) => string | undefined
> = {
  roundId: (f, path) =>
    /:roundId\/(partnerships|report|topics|calendar|check-ins)|^\/reports\//.test(path)
      ? f.underWayRoundId
      : path.includes('/imports')
        ? f.openRoundId
        : f.closedRoundId,
  id: (f, path) => {
    if (path.startsWith('/rounds/')) return f.openRoundId;
    if (path.startsWith('/coordinator/resources/')) return f.resourceIds[0];
    if (path.startsWith('/coordinator/surveys/')) return f.draftSurveyId;
    if (path.startsWith('/outbox/')) return f.mailId;
    return undefined;
  },
  applicationId: (f) => f.kenyanApplicationId,
  partnershipId: (f) => f.participant.partnershipId,
  runId: (f) => f.runId,
  key: (f) => f.partnershipKey,
  lockId: (f) => f.lockId,
  exclusionId: (f) => f.exclusionId,
  importId: (f) => f.importId,
  questionId: (f) => f.questionId,
  // The public topic pages show only a public topic; coordinators edit the one still to come.
  topicId: (f, path) => (path.startsWith('/topics/') ? f.publicTopicId : f.comingTopicId),
  token: (_, path, c) =>
    path.startsWith('/survey/')
      ? c.surveyToken
      : path.startsWith('/check-in/')
        ? c.checkInToken
        : c.applicationToken,
  name: () => 'app.css',
  personId: (f) => f.spareCoordinatorId,
  // No decision of the fixture is in its undo window: coordinators are told so (404).
  batchId: () => 'no-such-decision',
};

export const trustParam = (name: string, routePath: string, c: TrustCredentials): string | undefined =>
  TRUST_PARAMS[name]?.(c.f, routePath, c);

/**
 * Query strings (and path parameters other than TRUST_PARAMS gives) that GET pages need to show
 * what they are for, by route as registered; the browser crawl (tests/e2e/page-crawl.test.ts)
 * visits every GET route with them.
 */
export const TRUST_PAGE_QUERIES: Record<
  string,
  { query?: (f: TrustFixture) => string; params?: Record<string, (f: TrustFixture) => string> }
> = {
  'GET /sign-in/verify': { query: () => 'token=never-issued' },
  'GET /check-in/done': { query: () => 'outcome=recorded&answer=in-touch' },
  'GET /coordinator/rounds/:roundId/partnerships/inactive': {
    query: (f) => `application=${f.bystanderApplicationId}`,
  },
  'GET /coordinator/rounds/:roundId/matching/pair': { query: () => 'first=filler-005&second=filler-006' },
  'GET /coordinator/surveys/new': { query: (f) => `round=${f.underWayRoundId}` },
  'GET /coordinator/surveys/:id/results': { params: { id: (f) => f.sentSurveyId } },
};
