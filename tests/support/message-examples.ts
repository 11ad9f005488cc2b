import type { Message, MessageKind, RoundFacts } from '../../src/core/messages/messages';

/**
 * An example of every kind of message the program sends (a new kind does not compile until it has
 * one), for the tests that render them all: src/email/render-message.test.ts (every part, every
 * link) and src/email/email-first.test.ts (what a participant can do from the emails).
 */
export const EXAMPLE_ROUND: RoundFacts = {
  id: 'round-2027-03',
  name: 'March 2027 round',
  applicationsCloseAt: '2027-02-28T12:59:00.000Z',
  startsOn: '2027-03-15',
  endsOn: '2027-07-15',
  programTimeZone: 'Australia/Sydney',
  isQuotaEnabled: true,
};
export const EXAMPLE_TOKEN = 'T'.repeat(43);
const round = EXAMPLE_ROUND;
const token = EXAMPLE_TOKEN;
const aboutApplication = { name: 'Ana Lima', round, timeZone: 'America/Sao_Paulo', privateToken: token };
export const EXAMPLE_SURVEY = {
  name: 'Ana Lima',
  roundName: round.name,
  surveyTitle: { en: 'Mid-round survey' },
  token: `nonce.${Date.UTC(2027, 4, 1)}.signature`,
  closesAt: '2027-05-01T00:00:00.000Z',
  timeZone: 'America/Sao_Paulo',
};
export const EXAMPLE_CHECK_IN = {
  token: 'nonce.3.signature',
  fortnight: 3,
  expiresAt: '2027-04-26T00:00:00.000Z',
};
const checkIn = EXAMPLE_CHECK_IN;
const survey = EXAMPLE_SURVEY;
const partner = {
  name: 'Wanjiru Kamau',
  email: 'wanjiru@example.org',
  countryCode: 'KE',
  role: 'Children’s librarian',
  sector: 'public',
  careerStage: 'early',
  timeZone: 'Africa/Nairobi',
  timeDifference: [{ fromAt: '2027-03-15T00:00:00.000Z', minutes: 360 }],
  sharedInterestIds: ['literacy-and-reading'],
  sharedLanguageCodes: ['en'],
  callMode: 'both-calls' as const,
  guaranteedWeeklyMinutes: 90,
};

export const MESSAGE_EXAMPLES: { [K in MessageKind]: Extract<Message, { kind: K }>['payload'] } = {
  'application-received': aboutApplication,
  'application-link-resent': aboutApplication,
  'application-imported': { ...aboutApplication, isWaitlisted: true },
  'application-waitlisted-by-quota': { ...aboutApplication, countryCode: 'BR' },
  'application-previous-answers': { name: 'Ana Lima', round, prefillToken: token, hours: 48 },
  'application-links': {
    name: 'Ana Lima',
    links: [
      { round, privateToken: token, status: 'pending' },
      {
        round: { ...round, id: 'round-2027-09', name: 'September 2027 round' },
        privateToken: token,
        status: 'waitlisted',
      },
    ],
  },
  'application-withdrawn': { name: 'Ana Lima', roundName: round.name, roundId: round.id },
  'application-accepted': { name: 'Ana Lima', round },
  'application-declined': { name: 'Ana Lima', round },
  'application-waitlisted': { name: 'Ana Lima', round },
  'application-carried-over': { name: 'Ana Lima', round },
  'sign-in-link': { name: 'Ana Lima', token: 'sign-in-token', minutes: 15 },
  'partnership-introduction': {
    name: 'Ana Lima',
    round,
    timeZone: 'America/Sao_Paulo',
    partners: [partner],
    isNewPartner: false,
  },
  'partnership-partner-left': { name: 'Ana Lima', roundName: round.name, isAlone: true },
  'survey-invitation': survey,
  'survey-reminder': survey,
  topic: {
    name: 'Ana Lima',
    roundId: round.id,
    roundName: round.name,
    topicId: 'topic-3',
    number: 3,
    publishOn: '2027-04-12',
    title: 'Library spaces',
    body: 'Describe **your favourite** space; [this study](https://example.org/spaces) may help.',
    textLocale: 'en',
    applicationId: 'application-1',
    checkIn,
  },
  'check-in-prompt': { name: 'Ana Lima', roundName: round.name, checkIn },
  'silent-partner-reminder': {
    name: 'Ana Lima',
    roundName: round.name,
    reason: 'reported-not-responding',
    partnerNames: ['Wanjiru'],
    checkIn,
  },
  'round-closing': {
    name: 'Ana Lima',
    roundName: round.name,
    timeZone: 'America/Sao_Paulo',
    survey: {
      state: 'open',
      title: { en: 'End-of-round survey' },
      token,
      closesAt: '2027-08-01T00:00:00.000Z',
    },
    nextRound: {
      id: 'round-2027-09',
      name: 'September 2027 round',
      isOpenNow: true,
      applicationsOpenAt: '2027-07-01T00:00:00.000Z',
      applicationsCloseAt: '2027-08-15T00:00:00.000Z',
    },
  },
};

export const exampleMessage = (kind: MessageKind): Message =>
  ({ kind, to: 'ana@example.org', locale: 'en', payload: MESSAGE_EXAMPLES[kind] }) as Message;
