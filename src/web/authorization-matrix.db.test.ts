import { describe, expect, test } from 'vitest';
import { validForm } from '../../tests/support/applicant-fixtures';
import { fillerId } from '../../tests/support/matching-fixtures';
import { makeTestRound } from '../../tests/support/review-fixtures';
import { type AppRoute, fillPath, listRoutes, paramNames, routeName } from '../../tests/support/route-table';
import { signInAs } from '../../tests/support/sign-in';
import { scaleQuestionForm, surveySettingsForm } from '../../tests/support/survey-fixtures';
import { createTestApp, type TestApp } from '../../tests/support/test-app';
import {
  seedTrustFixture,
  TRUST_COORDINATORS,
  TRUST_NOW,
  type TrustCredentials,
  type TrustFixture,
  trustCredentials,
  trustParam,
} from '../../tests/support/trust-fixture';
import { DEFAULT_MATCH_SETTINGS } from '../core/scoring/match-settings';
import { answerFieldOf } from '../core/surveys/survey-answers';
import { CSRF_FIELD } from './middleware/csrf';
import { toSettingsFormValues } from './views/matching/settings-fields';
import { toRoundFormValues } from './views/rounds/round-form-view';

/**
 * The authorization matrix: every route of the web app (read from Hono's route table, so nothing
 * is forgotten), called as every kind of visitor, against the one table below that says who may.
 *
 * Visitors (each in a fresh app over the same seeded program, tests/support/trust-fixture.ts):
 *   anonymous         nobody signed in, holding no link
 *   applicant         not signed in, holding the private link of her own application (Kenya)
 *   participant       signed in, a member of a published partnership (ke-1, round-a)
 *   otherParticipant  signed in, a member of ANOTHER partnership of the same round
 *   otherCountry      Nigeria's country coordinator (the per-application pages are about Kenya)
 *   country           Kenya's country coordinator
 *   program           a program coordinator
 * Path parameters are real ids from the fixture (TRUST_PARAMS in trust-fixture.ts); `:token` is the visitor's own link if
 * they hold one (the applicant's private link, a participant's survey link), else a well-formed
 * link that was never issued. POSTs carry this client's valid CSRF token, so what is tested is the
 * authorization, not the CSRF check.
 *
 * Outcomes: 'ok' = 2xx or a 3xx that is not to sign-in (what the page is for: a POST's form is
 * valid, so it succeeds or is refused by a rule of the domain, answered with a redirect and a
 * message); 'sign-in' = 303 to /sign-in?next=…; a number = exactly that status (401 for the JSON
 * API without a session, 403 for a signed-in visitor without the role, 404 where the thing exists
 * but is not theirs to see, so that it cannot be told from a missing one).
 *
 * On top of the statuses, every response is searched for personal data the visitor may not see
 * (SECRETS), and after a visitor's whole run the tables that only coordinators change are compared
 * with the fixture's (a refused POST leaves no trace, even if a page answered 303).
 *
 * Decided here and enforced by routes/resources and services/resources: the resources page is one
 * list for every participant in every country, so only PROGRAM coordinators edit it; country
 * coordinators get 403 (the README says so under "What is promised").
 *
 * ADDING A ROUTE: add one line to MATRIX, `'METHOD /path/as/registered': POLICY,` using a policy
 * below (or `{ ...POLICY, someone: 404 }`); a POST that needs a valid form gives it as
 * `{ who: POLICY, form: (c) => ({ field: 'value' }) }`. A new path parameter needs a value in
 * TRUST_PARAMS (tests/support/trust-fixture.ts). A route without a row fails the first test with the line to add.
 */

const VISITORS = [
  'anonymous',
  'applicant',
  'participant',
  'otherParticipant',
  'otherCountry',
  'country',
  'program',
] as const;
type Visitor = (typeof VISITORS)[number];
type Outcome = 'ok' | 'sign-in' | 400 | 401 | 403 | 404 | 409 | 410 | 422;
type Policy = Record<Visitor, Outcome>;

const policy = (base: Outcome, overrides: Partial<Policy> = {}): Policy => ({
  ...(Object.fromEntries(VISITORS.map((visitor) => [visitor, base])) as Policy),
  ...overrides,
});

/** Anyone, signed in or not. */
const EVERYONE = policy('ok');
/** Anyone signed in (participants and coordinators); others are sent to sign in. */
const SIGNED_IN = policy('ok', { anonymous: 'sign-in', applicant: 'sign-in' });
/** Program and country coordinators (lists show a country coordinator their own countries only). */
const COORDINATORS = policy('ok', {
  anonymous: 'sign-in',
  applicant: 'sign-in',
  participant: 403,
  otherParticipant: 403,
});
/** Coordinators of the thing's country (Kenya) and program coordinators; another country's: 404. */
const OWN_COUNTRY: Policy = { ...COORDINATORS, otherCountry: 404 };
/** Program coordinators only. */
const PROGRAM: Policy = { ...COORDINATORS, otherCountry: 403, country: 403 };
/** The JSON API: 401 without a session instead of a redirect. */
const API_COORDINATORS: Policy = { ...COORDINATORS, anonymous: 401, applicant: 401 };
const API_OWN_COUNTRY: Policy = { ...API_COORDINATORS, otherCountry: 404 };
/** The members of the partnership; anyone else signed in: 404. */
const OWN_PARTNERSHIP = policy(404, { anonymous: 'sign-in', applicant: 'sign-in', participant: 'ok' });
/** Whoever holds the application's private link; without it, 404. */
const LINK_HOLDER = policy(404, { applicant: 'ok' });
/** Whoever holds a survey link (each participant has their own); without one, 404. */
const SURVEY_LINK_HOLDERS = policy(404, { participant: 'ok', otherParticipant: 'ok' });

type Fields = Record<string, string | string[]>;
type RowContext = TrustCredentials;
interface Row {
  who: Policy;
  /** The urlencoded form a POST sends (the CSRF field is added). */
  form?: (c: RowContext) => Fields;
  /** A multipart upload instead: one file field and other fields. */
  upload?: (c: RowContext) => { field: string; fileName: string; content: string; fields?: Fields };
  query?: (c: RowContext) => string;
  /** Path parameters other than PARAMS gives. */
  params?: Partial<Record<string, (f: TrustFixture) => string>>;
  /**
   * Runs after the rows without one, lowest first: for a POST that changes what later rows need
   * (publishing a run, withdrawing; signing out is 2, the very last).
   */
  last?: number;
}

const roundForm = (c: RowContext) => ({
  ...toRoundFormValues(makeTestRound({ id: c.f.closedRoundId, name: 'September matching round' })),
});
const resourceForm = { title: 'Matrix guide', url: 'https://example.org/matrix', description: 'Checked' };
const topicForm = {
  title: 'Checked by the matrix',
  body: 'A topic the matrix wrote.',
  publishOn: '2026-05-15',
  publishTime: '09:00',
  status: 'scheduled',
};
const draftSurveyForm = surveySettingsForm({
  kind: 'end-of-round',
  titleEn: 'End-of-round survey',
  sendOn: '2026-06-24',
  remindOn: '2026-06-27',
  closesOn: '2026-06-30',
});

// biome-ignore format: one route per line is the point of this table.
const MATRIX: Record<string, Policy | Row> = {
  // Public pages and files.
  'GET /static/:name': EVERYONE,
  'HEAD /static/:name': EVERYONE,
  'GET /favicon.ico': EVERYONE,
  'HEAD /favicon.ico': EVERYONE,
  'GET /healthz': EVERYONE,
  'GET /': EVERYONE,
  'GET /how-it-works': EVERYONE,
  'GET /faq': EVERYONE,
  'GET /code-of-conduct': EVERYONE,
  'GET /privacy': EVERYONE,
  'GET /apply': EVERYONE,
  'GET /rounds/:id': EVERYONE,
  'GET /rounds/:id/apply': EVERYONE,
  'POST /rounds/:id/apply': { who: EVERYONE, form: () => validForm({ name: 'Matrix Applicant', email: 'matrix.applicant@example.org' }) },
  'GET /rounds/:id/applied': EVERYONE,
  'POST /rounds/:id/apply/previous-answers': { who: EVERYONE, form: () => ({ 'previous-email': 'someone@example.org' }) },
  'GET /lost-link': EVERYONE,
  'POST /lost-link': { who: EVERYONE, form: () => ({ email: 'someone@example.org' }) },
  'GET /resources': EVERYONE,
  'GET /topics': EVERYONE,
  'GET /topics/:topicId': EVERYONE,
  'GET /rounds/:roundId/calendar.ics': EVERYONE,
  'GET /reports': EVERYONE,
  'GET /reports/:roundId': EVERYONE,
  'GET /sign-in': EVERYONE,
  'POST /sign-in': { who: EVERYONE, form: () => ({ email: 'nobody@example.org' }) },
  'GET /sign-in/verify': { who: policy(400), query: () => 'token=never-issued' },
  'POST /sign-out': { who: EVERYONE, last: 2 },
  'GET /sign-out/everywhere': SIGNED_IN,
  // Ends every session of the person, so just before signing out.
  'POST /sign-out/everywhere': { who: SIGNED_IN, last: 1.5 },

  // Private links (the token is the key) and survey links.
  'GET /applications/:token': LINK_HOLDER,
  'GET /applications/:token/edit': LINK_HOLDER,
  'POST /applications/edit': { who: LINK_HOLDER, form: (c) => ({ ...validForm({ name: 'Ana Wekesa', email: c.f.applicant.email, countryOfResidence: 'KE', timeZone: 'Africa/Nairobi' }), token: c.applicationToken }) },
  'GET /applications/:token/withdraw': LINK_HOLDER,
  'POST /applications/withdraw': { who: LINK_HOLDER, form: (c) => ({ token: c.applicationToken }), last: 1 },
  'GET /applications/:token/carry-over': LINK_HOLDER,
  'POST /applications/carry-over': { who: { ...LINK_HOLDER, applicant: 409 }, form: (c) => ({ token: c.applicationToken }) },
  // Their data, email-first (routes/privacy): erasing comes after withdrawing, which it includes.
  'GET /applications/:token/my-data': LINK_HOLDER,
  'GET /applications/:token/my-data.json': LINK_HOLDER,
  'GET /applications/:token/erase': LINK_HOLDER,
  'POST /applications/erase': { who: LINK_HOLDER, form: (c) => ({ token: c.applicationToken }), last: 1.4 },
  'GET /data-erased': EVERYONE,
  'GET /check-in/done': { who: EVERYONE, query: () => 'outcome=recorded&answer=in-touch' },
  'GET /check-in/:token': SURVEY_LINK_HOLDERS,
  'POST /check-in': { who: SURVEY_LINK_HOLDERS, form: (c) => ({ token: c.checkInToken, answer: 'in-touch' }) },
  'GET /survey/thanks': EVERYONE,
  'GET /survey/:token': SURVEY_LINK_HOLDERS,
  'POST /survey/answer': { who: SURVEY_LINK_HOLDERS, form: (c) => ({ token: c.surveyToken, [answerFieldOf(c.f.sentQuestionId)]: '4' }) },

  // Participants' area.
  'GET /participant': SIGNED_IN,
  'GET /participant/my-data': SIGNED_IN,
  'GET /participant/my-data/download': SIGNED_IN,
  'GET /participant/my-data/erase': SIGNED_IN,
  // Erasing oneself during a round leaves one's partnership, a table this matrix watches; so here it
  // runs after everyone has signed out and only the refusal is checked. Who may erase (participants;
  // coordinators are refused with 409) is tested in routes/privacy/my-data-pages.db.test.ts.
  'POST /participant/my-data/erase': { who: policy('sign-in'), last: 3 },
  'GET /participant/partnerships/:partnershipId': OWN_PARTNERSHIP,
  'GET /participant/partnerships/:partnershipId/application': OWN_PARTNERSHIP,
  'GET /participant/check-ins': SIGNED_IN,
  'POST /participant/check-ins': { who: OWN_PARTNERSHIP, form: (c) => ({ partnershipId: c.f.participant.partnershipId, answer: 'in-touch' }) },

  // The coordinators' dashboard, rounds and resources.
  'GET /coordinator': COORDINATORS,
  'GET /coordinator/profile': COORDINATORS,
  'POST /coordinator/profile': { who: COORDINATORS, form: () => ({ timeZone: 'Europe/Berlin' }) },
  // Managing coordinators and reading the audit trail: program coordinators only.
  'GET /coordinator/people': PROGRAM,
  'POST /coordinator/people': { who: PROGRAM, form: () => ({ email: 'added@example.org', name: 'Added', kind: 'country', countries: 'UG' }) },
  'GET /coordinator/people/:personId': PROGRAM,
  'POST /coordinator/people/:personId': { who: PROGRAM, form: () => ({ name: 'Kwame A.', kind: 'country', countries: 'GH' }) },
  'GET /coordinator/people/:personId/remove': PROGRAM,
  'POST /coordinator/people/:personId/remove': { who: PROGRAM, last: 1 },
  'GET /coordinator/audit': PROGRAM,
  'GET /coordinator/audit/export.csv': PROGRAM,
  'GET /coordinator/resources': PROGRAM,
  'POST /coordinator/resources': { who: PROGRAM, form: () => resourceForm },
  'GET /coordinator/resources/:id/edit': PROGRAM,
  'POST /coordinator/resources/:id': { who: PROGRAM, form: () => resourceForm },
  'POST /coordinator/resources/:id/delete': { who: PROGRAM, params: { id: (f) => f.resourceIds[2]! } },
  'POST /coordinator/resources/:id/move': { who: PROGRAM, form: () => ({ direction: 'down' }) },
  'GET /coordinator/rounds': COORDINATORS,
  'GET /coordinator/rounds/new': PROGRAM,
  'POST /coordinator/rounds': { who: PROGRAM, form: (c) => ({ ...roundForm(c), name: 'Matrix round' }) },
  'GET /coordinator/rounds/:roundId{[^/]+}': PROGRAM,
  'GET /coordinator/rounds/:roundId/edit': PROGRAM,
  'POST /coordinator/rounds/:roundId/status': { who: PROGRAM, form: () => ({ to: 'finished' }) },
  'POST /coordinator/rounds/:roundId{[^/]+}': { who: PROGRAM, form: roundForm },

  // Reviewing applications (round-m; the application is Kenyan).
  'GET /coordinator/rounds/:roundId/applications': COORDINATORS,
  'GET /coordinator/rounds/:roundId/applications/export.csv': COORDINATORS,
  'GET /coordinator/rounds/:roundId/applications/counts': COORDINATORS,
  // Only an undo window's own decisions can be undone; the fixture has none in one.
  'POST /coordinator/rounds/:roundId/applications/decisions/:batchId/undo': { ...COORDINATORS, program: 404, country: 404, otherCountry: 404 },
  'POST /coordinator/rounds/:roundId/applications/bulk': { who: COORDINATORS, form: (c) => ({ ids: [c.f.kenyanApplicationId], action: 'waitlist' }) },
  'GET /coordinator/rounds/:roundId/applications/:applicationId': OWN_COUNTRY,
  'POST /coordinator/rounds/:roundId/applications/:applicationId/review': { who: OWN_COUNTRY, form: () => ({ action: 'restore' }) },
  'POST /coordinator/rounds/:roundId/applications/:applicationId/notes': { who: OWN_COUNTRY, form: () => ({ body: 'Checked by the matrix.' }) },
  'GET /coordinator/rounds/:roundId/waitlist': PROGRAM,
  'POST /coordinator/rounds/:roundId/waitlist': { who: PROGRAM, form: () => ({ places: '1' }) },
  'GET /coordinator/rounds/:roundId/imports/new': PROGRAM,
  'GET /coordinator/rounds/:roundId/imports/template.csv': PROGRAM,
  'POST /coordinator/rounds/:roundId/imports': { who: PROGRAM, upload: () => ({ field: 'file', fileName: 'more.csv', content: 'Name,Email,Country\nAisha Bello,aisha@example.org,NG\n' }) },
  'GET /coordinator/rounds/:roundId/imports/:importId': PROGRAM,
  'POST /coordinator/rounds/:roundId/imports/:importId': { who: { ...PROGRAM, program: 422 }, form: () => ({ 'map.name': '0', 'map.email': '1', 'map.countryOfResidence': '2' }) },

  // A round's partnerships (round-a, under way).
  'GET /coordinator/rounds/:roundId/partnerships': COORDINATORS,
  'GET /coordinator/rounds/:roundId/partnerships/inactive': { who: PROGRAM, query: (c) => `application=${c.f.bystanderApplicationId}` },
  'POST /coordinator/rounds/:roundId/partnerships/inactive': { who: PROGRAM, form: (c) => ({ applicationId: c.f.bystanderApplicationId }) },
  'POST /coordinator/rounds/:roundId/partnerships/repair': PROGRAM,
  'GET /coordinator/rounds/:roundId/check-ins': COORDINATORS,
  'GET /coordinator/rounds/:roundId/dashboard': COORDINATORS,
  // Nothing is flagged in the fixture, so a coordinator's dismissal finds no intervention (404): this
  // row checks only that others are refused; routes/checkins/check-in-pages.db.test.ts dismisses one.
  'POST /coordinator/rounds/:roundId/check-ins/dismiss': { who: { ...COORDINATORS, otherCountry: 404, country: 404, program: 404 }, form: (c) => ({ partnershipId: c.f.participant.partnershipId, episode: '2026-04-10' }) },

  // Matching (round-m, closed, two proposed runs; the partnership is Kenya–Britain).
  'GET /coordinator/rounds/:roundId/matching': COORDINATORS,
  'POST /coordinator/rounds/:roundId/matching/runs': { who: PROGRAM, form: () => ({ objective: 'total-fit' }) },
  'GET /coordinator/rounds/:roundId/matching/runs/:runId/publish': PROGRAM,
  'POST /coordinator/rounds/:roundId/matching/runs/:runId/publish': { who: PROGRAM, last: 1 },
  'GET /coordinator/rounds/:roundId/matching/partnerships/:key': OWN_COUNTRY,
  'POST /coordinator/rounds/:roundId/matching/locks': { who: PROGRAM, form: () => ({ applicationIds: [fillerId(5), fillerId(6)] }) },
  'POST /coordinator/rounds/:roundId/matching/locks/:lockId/delete': PROGRAM,
  'POST /coordinator/rounds/:roundId/matching/exclusions': { who: PROGRAM, form: () => ({ applicationIds: [fillerId(7), fillerId(1)] }) },
  'POST /coordinator/rounds/:roundId/matching/exclusions/:exclusionId/delete': PROGRAM,
  'POST /coordinator/rounds/:roundId/matching/comments': { who: OWN_COUNTRY, form: (c) => ({ applicationIds: c.f.partnershipKey.split('+'), body: 'Checked by the matrix.' }) },
  'GET /coordinator/rounds/:roundId/matching/pair': { who: PROGRAM, query: () => `first=${fillerId(5)}&second=${fillerId(6)}` },
  'POST /coordinator/rounds/:roundId/matching/pair': { who: PROGRAM, form: () => ({ first: fillerId(5), second: fillerId(6), intent: 'pair' }) },
  'GET /coordinator/rounds/:roundId/matching/settings': PROGRAM,
  'POST /coordinator/rounds/:roundId/matching/settings': { who: PROGRAM, form: () => toSettingsFormValues(DEFAULT_MATCH_SETTINGS) },
  'GET /coordinator/rounds/:roundId/matching/compare': COORDINATORS,

  // Surveys (round-a; :id is the draft survey, results are the sent one's).
  'GET /coordinator/surveys': COORDINATORS,
  'GET /coordinator/surveys/new': { who: PROGRAM, query: (c) => `round=${c.f.underWayRoundId}` },
  'POST /coordinator/surveys': { who: PROGRAM, form: (c) => ({ roundId: c.f.underWayRoundId, ...draftSurveyForm }) },
  'GET /coordinator/surveys/:id': COORDINATORS,
  'POST /coordinator/surveys/:id/settings': { who: PROGRAM, form: () => draftSurveyForm },
  'GET /coordinator/surveys/:id/questions/new': PROGRAM,
  'POST /coordinator/surveys/:id/questions': { who: PROGRAM, form: () => scaleQuestionForm },
  'GET /coordinator/surveys/:id/questions/:questionId/edit': PROGRAM,
  'POST /coordinator/surveys/:id/questions/:questionId': { who: PROGRAM, form: () => scaleQuestionForm },
  'POST /coordinator/surveys/:id/questions/:questionId/move': { who: PROGRAM, form: () => ({ direction: 'down' }) },
  'POST /coordinator/surveys/:id/questions/:questionId/delete': PROGRAM,
  'POST /coordinator/surveys/:id/schedule': PROGRAM,
  'POST /coordinator/surveys/:id/unschedule': PROGRAM,
  'GET /coordinator/surveys/:id/preview': COORDINATORS,
  'GET /coordinator/surveys/:id/results': { who: COORDINATORS, params: { id: (f) => f.sentSurveyId } },
  'GET /coordinator/surveys/:id/results.csv': { who: COORDINATORS, params: { id: (f) => f.sentSurveyId } },
  'GET /coordinator/surveys/rounds/:roundId/report': COORDINATORS,
  'POST /coordinator/surveys/rounds/:roundId/report/publish': PROGRAM,
  'POST /coordinator/surveys/rounds/:roundId/report/unpublish': PROGRAM,

  // Topics (round-a; :topicId is the topic still to come).
  'GET /coordinator/rounds/:roundId/topics': COORDINATORS,
  'GET /coordinator/rounds/:roundId/topics/new': PROGRAM,
  'POST /coordinator/rounds/:roundId/topics': { who: PROGRAM, form: () => topicForm },
  'GET /coordinator/rounds/:roundId/topics/:topicId/edit': PROGRAM,
  'POST /coordinator/rounds/:roundId/topics/:topicId': { who: PROGRAM, form: () => topicForm },
  'POST /coordinator/rounds/:roundId/topics/:topicId/move': { who: PROGRAM, form: () => ({ direction: 'later' }) },
  'POST /coordinator/rounds/:roundId/topics/:topicId/delete': { who: PROGRAM, last: 1 },
  'GET /coordinator/rounds/:roundId/topics/:topicId/preview': COORDINATORS,
  'GET /coordinator/rounds/:roundId/topics/:topicId/preview/html': COORDINATORS,

  // Mail (the outbox in development, the queue's status with SMTP).
  'GET /outbox': PROGRAM,
  'GET /outbox/dead-letters': PROGRAM,
  'POST /outbox/dead-letters/retry': { who: PROGRAM, form: (c) => ({ id: c.f.mailId }) },
  'GET /outbox/:id': PROGRAM,
  'GET /outbox/:id/html': PROGRAM,

  // The JSON API.
  'GET /api/rounds/:roundId/applications': API_COORDINATORS,
  'GET /api/rounds/:roundId/applications/:applicationId': API_OWN_COUNTRY,
};

/** Personal data in the fixture, and who may see it; every response to anyone else is searched. */
// biome-ignore format: a table.
const SECRETS: { what: string; of: (f: TrustFixture) => string; shownTo: readonly Visitor[] }[] = [
  { what: 'the Kenyan application’s address', of: (f) => f.kenyanApplicationEmail, shownTo: ['country', 'program'] },
  { what: 'the Kenyan application’s name', of: (f) => f.kenyanApplicationName, shownTo: ['country', 'program'] },
  { what: 'the applicant’s address', of: (f) => f.applicant.email, shownTo: ['applicant', 'country', 'program'] },
  { what: 'the applicant’s name', of: (f) => f.applicant.name, shownTo: ['applicant', 'country', 'program'] },
  { what: 'the participant’s address', of: (f) => f.participant.email, shownTo: ['participant', 'country', 'program'] },
  { what: 'the participant’s name', of: (f) => f.participant.name, shownTo: ['participant', 'country', 'program'] },
];

/** Tables only program coordinators change, and those only a coordinator of the country changes. */
const PROGRAM_TABLES = [
  'resources',
  'rounds',
  'match_runs',
  'match_locks',
  'match_exclusions',
  'partnerships',
  'partnership_members',
  'surveys',
  'survey_round_reports',
  'topics',
  'application_imports',
  'person_roles',
] as const;
const COUNTRY_TABLES = ['application_notes', 'match_comments'] as const;

const rowOf = (entry: Policy | Row): Row => ('who' in entry ? entry : { who: entry });

/** Who holds a link of their own (a private application link, a survey link). */
const LINKS_HELD: Partial<Record<Visitor, 'applicant' | 'participant' | 'otherParticipant'>> = {
  applicant: 'applicant',
  participant: 'participant',
  otherParticipant: 'otherParticipant',
};

const EMAIL_OF: Partial<Record<Visitor, (f: TrustFixture) => string>> = {
  participant: (f) => f.participant.email,
  otherParticipant: (f) => f.otherParticipant.email,
  otherCountry: () => TRUST_COORDINATORS.nigeria.email,
  country: () => TRUST_COORDINATORS.kenya.email,
  program: () => TRUST_COORDINATORS.program.email,
};

const outcomeOf = (response: Response): Outcome | number => {
  const location = response.headers.get('location') ?? '';
  if (response.status === 303 && location.startsWith('/sign-in?next=')) return 'sign-in';
  if (response.status >= 200 && response.status < 400) return 'ok';
  return response.status;
};

const pathFor = (route: AppRoute, row: Row, c: RowContext): string => {
  const values: Record<string, string> = {};
  for (const name of paramNames(route.path)) {
    const value = row.params?.[name]?.(c.f) ?? trustParam(name, route.path, c);
    if (value === undefined) {
      throw new Error(
        `${routeName(route)}: no value for :${name}; add one to TRUST_PARAMS in tests/support/trust-fixture.ts (or params to its row)`,
      );
    }
    values[name] = value;
  }
  const query = row.query?.(c);
  return `${fillPath(route.path, values)}${query ? `?${query}` : ''}`;
};

const send = async (t: TestApp, route: AppRoute, row: Row, c: RowContext): Promise<Response> => {
  const path = pathFor(route, row, c);
  if (route.method === 'GET' || route.method === 'HEAD') return t.request(path, { method: route.method });
  if (row.upload) {
    const upload = row.upload(c);
    const body = new FormData();
    body.append(CSRF_FIELD, await t.csrfToken());
    for (const [name, value] of Object.entries(upload.fields ?? {})) {
      for (const item of [value].flat()) body.append(name, item);
    }
    body.append(upload.field, new File([upload.content], upload.fileName, { type: 'text/csv' }));
    return t.request(path, { method: route.method, body });
  }
  return t.postForm(path, row.form?.(c) ?? {});
};

const fingerprint = async (t: TestApp, f: TrustFixture, tables: readonly string[]) => {
  const db = t.database.db;
  const print: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await db
      .selectFrom(table as 'resources')
      .selectAll()
      .execute();
    print[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  const application = await db
    .selectFrom('applications')
    .select(['status', 'updated_at'])
    .where('id', '=', f.kenyanApplicationId)
    .executeTakeFirst();
  print.kenyanApplication = [JSON.stringify(application)];
  return print;
};

/** Rows in the order they run: reads, then writes in table order, then the `last` ones. */
const runOrder = (routes: AppRoute[]) => {
  const rank = (route: AppRoute) => {
    const row = rowOf(MATRIX[routeName(route)]!);
    if (row.last) return 1 + row.last;
    return route.method === 'GET' || route.method === 'HEAD' ? 0 : 1;
  };
  const tableOrder = Object.keys(MATRIX);
  return [...routes].sort(
    (a, b) => rank(a) - rank(b) || tableOrder.indexOf(routeName(a)) - tableOrder.indexOf(routeName(b)),
  );
};

describe('the authorization matrix', () => {
  test('every route of the app has a row, and every row a route', async () => {
    const t = await createTestApp();
    try {
      const routes = listRoutes(t.app).map(routeName);
      const missing = routes.filter((name) => !(name in MATRIX));
      const stale = Object.keys(MATRIX).filter((name) => !routes.includes(name));
      expect(
        missing.map(
          (name) =>
            `${name} has no row in the authorization matrix (src/web/authorization-matrix.db.test.ts): ` +
            `add \`'${name}': PROGRAM,\` (or the policy that says who may) to MATRIX`,
        ),
      ).toEqual([]);
      expect(
        stale.map((name) => `${name} is in the matrix but the app has no such route: remove its row`),
      ).toEqual([]);
    } finally {
      await t.dispose();
    }
  });

  test.each(VISITORS)(
    'as %s, every route answers as the matrix says',
    { timeout: 240_000 },
    async (visitor) => {
      const t = await createTestApp({ now: TRUST_NOW });
      try {
        const f = await seedTrustFixture(t);
        const emailOf = EMAIL_OF[visitor];
        if (emailOf) await signInAs(t, emailOf(f));
        const c = trustCredentials(f, LINKS_HELD[visitor]);
        const watched =
          visitor === 'program'
            ? []
            : visitor === 'country'
              ? PROGRAM_TABLES
              : [...PROGRAM_TABLES, ...COUNTRY_TABLES];
        const before = await fingerprint(t, f, watched);
        const secrets = SECRETS.filter((secret) => !secret.shownTo.includes(visitor));

        const problems: string[] = [];
        for (const route of runOrder(listRoutes(t.app).filter((r) => routeName(r) in MATRIX))) {
          const row = rowOf(MATRIX[routeName(route)]!);
          const expected = row.who[visitor];
          const response = await send(t, route, row, c);
          const actual = outcomeOf(response);
          const body = route.method === 'HEAD' ? '' : await response.text();
          if (actual !== expected) {
            problems.push(
              `${routeName(route)}: expected ${expected}, got ${actual} (${response.status}` +
                `${response.headers.get('location') ? ` → ${response.headers.get('location')}` : ''})`,
            );
          }
          for (const secret of secrets) {
            if (body.includes(secret.of(f))) problems.push(`${routeName(route)}: shows ${secret.what}`);
          }
        }
        if (visitor !== 'program') {
          const after = await fingerprint(t, f, watched);
          if (visitor === 'country') delete (after as Record<string, unknown>).kenyanApplication;
          if (visitor === 'country') delete (before as Record<string, unknown>).kenyanApplication;
          for (const table of Object.keys(before)) {
            if (JSON.stringify(before[table]) !== JSON.stringify(after[table])) {
              problems.push(`changed ${table}, which ${visitor} may not change`);
            }
          }
        }
        expect(problems).toEqual([]);
      } finally {
        await t.dispose();
      }
    },
  );
});
