import { describe, expect, test } from 'vitest';
import { MESSAGE_KINDS, type Message, type MessageKind, type RoundFacts } from '../core/messages/messages';
import { createMessageRenderer } from './render-message';

/**
 * Every kind of message the program sends renders a subject, an HTML part and a plain-text part
 * that carries every link of the HTML one (email first: a reader whose client shows text only can
 * still do everything). A new kind does not compile here until it has an example below.
 */
const round: RoundFacts = {
  id: 'round-2027-03',
  name: 'March 2027 round',
  applicationsCloseAt: '2027-02-28T12:59:00.000Z',
  startsOn: '2027-03-15',
  endsOn: '2027-07-15',
  programTimeZone: 'Australia/Sydney',
  isQuotaEnabled: true,
};
const token = 'T'.repeat(43);
const aboutApplication = { name: 'Ana Lima', round, timeZone: 'America/Sao_Paulo', privateToken: token };
const survey = {
  name: 'Ana Lima',
  roundName: round.name,
  surveyTitle: { en: 'Mid-round survey' },
  token: `nonce.${Date.UTC(2027, 4, 1)}.signature`,
  closesAt: '2027-05-01T00:00:00.000Z',
  timeZone: 'America/Sao_Paulo',
};
const checkIn = { token: 'nonce.3.signature', fortnight: 3, expiresAt: '2027-04-26T00:00:00.000Z' };
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

const examples: { [K in MessageKind]: Extract<Message, { kind: K }>['payload'] } = {
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

const render = createMessageRenderer({ baseUrl: 'https://iln.example.org' });
const messageOf = (kind: MessageKind): Message =>
  ({ kind, to: 'ana@example.org', locale: 'en', payload: examples[kind] }) as Message;

/** The links of the HTML part, as a reader would follow them. */
const hrefsOf = (html: string) =>
  [...html.matchAll(/href="(https?:[^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));

describe('every message kind', () => {
  test.each([...MESSAGE_KINDS])(
    '%s renders a subject, HTML and a plain-text part with every link',
    (kind) => {
      const rendered = render(messageOf(kind));
      expect(rendered.subject.trim()).not.toBe('');
      expect(rendered.html).toMatch(/^<!DOCTYPE html>/);
      expect(rendered.text.trim().length).toBeGreaterThan(80);
      expect(rendered.text).not.toMatch(/<[a-z][^>]*>/i);
      const hrefs = hrefsOf(rendered.html);
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(rendered.text).toContain(href);
    },
  );

  test('emails about an application say how to get its private link again', () => {
    const applicantKinds: MessageKind[] = [
      'application-received',
      'application-link-resent',
      'application-imported',
      'application-waitlisted-by-quota',
      'application-accepted',
      'application-declined',
      'application-waitlisted',
      'application-carried-over',
    ];
    for (const kind of applicantKinds) {
      expect(render(messageOf(kind)).text, kind).toContain('https://iln.example.org/lost-link');
    }
    // The withdrawal says how to apply again while the round is open.
    expect(render(messageOf('application-withdrawn')).text).toContain(
      'https://iln.example.org/rounds/round-2027-03/apply',
    );
  });
});
