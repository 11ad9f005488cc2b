import { describe, expect, test } from 'vitest';
import type { Message, MessageKind, RoundFacts } from '../core/messages/messages';
import { MESSAGE_KINDS } from '../core/messages/messages';
import { createMessageRenderer } from './render-message';

/**
 * Email first: a participant can do everything the program asks of them during a round from the
 * links in the emails they receive. One example of every kind of message (the Record makes a new
 * kind fail to compile until it has one), rendered; the links each carries are read from the HTML
 * (href) and the plain-text part, which must carry the same ones; then each thing a participant
 * must do is found behind a link of the emails that are about it.
 */
const BASE = 'https://iln.example.org';
const render = createMessageRenderer({ baseUrl: `${BASE}/` });

const round: RoundFacts = {
  id: 'round-9',
  name: '2027 March round',
  applicationsCloseAt: '2027-02-20T12:59:00.000Z',
  startsOn: '2027-03-01',
  endsOn: '2027-06-30',
  programTimeZone: 'Australia/Sydney',
  isQuotaEnabled: true,
};
const aboutApplication = { name: 'Amaka', round, timeZone: 'Africa/Lagos', privateToken: 'PRIVATE' };
const aboutSurvey = {
  name: 'Amaka',
  roundName: round.name,
  surveyTitle: { en: 'Mid-round survey' },
  token: 'SURVEY.1.sig',
  closesAt: '2027-05-01T13:59:00.000Z',
  timeZone: 'Africa/Lagos',
};
const checkIn = { token: 'CHECKIN.2.sig', fortnight: 2, expiresAt: '2027-04-12T14:00:00.000Z' };

type Example<K extends MessageKind> = Extract<Message, { kind: K }>['payload'];
const EXAMPLES: { [K in MessageKind]: Example<K> } = {
  'application-received': aboutApplication,
  'application-link-resent': aboutApplication,
  'application-imported': { ...aboutApplication, isWaitlisted: false },
  'application-waitlisted-by-quota': { ...aboutApplication, countryCode: 'NG' },
  'application-previous-answers': { name: 'Amaka', round, prefillToken: 'PREFILL', hours: 24 },
  'application-withdrawn': { name: 'Amaka', roundName: round.name },
  'application-accepted': { name: 'Amaka', round },
  'application-declined': { name: 'Amaka', round },
  'application-waitlisted': { name: 'Amaka', round },
  'application-carried-over': { name: 'Amaka', round },
  'sign-in-link': { name: 'Amaka', token: 'SIGNIN', minutes: 15 },
  'partnership-introduction': {
    name: 'Amaka',
    round,
    timeZone: 'Africa/Lagos',
    isNewPartner: false,
    partners: [
      {
        name: 'Li Wei',
        email: 'li@example.org',
        countryCode: 'CN',
        role: 'Librarian',
        sector: 'academic',
        careerStage: 'mid-career',
        timeZone: 'Asia/Shanghai',
        timeDifference: [{ fromAt: '2027-03-01T00:00:00.000Z', minutes: 420 }],
        sharedInterestIds: [],
        sharedLanguageCodes: ['en'],
        callMode: 'both-email-only',
        guaranteedWeeklyMinutes: 0,
      },
    ],
  },
  'partnership-partner-left': { name: 'Amaka', roundName: round.name, isAlone: true },
  'survey-invitation': aboutSurvey,
  'survey-reminder': aboutSurvey,
  'check-in-prompt': { name: 'Amaka', roundName: round.name, checkIn },
  'silent-partner-reminder': {
    name: 'Amaka',
    roundName: round.name,
    reason: 'reported-not-responding',
    partnerNames: ['Li'],
    checkIn,
  },
  'round-closing': {
    name: 'Amaka',
    roundName: round.name,
    timeZone: 'Africa/Lagos',
    survey: {
      state: 'open',
      title: { en: 'End-of-round survey' },
      token: 'SURVEY.1.sig',
      closesAt: aboutSurvey.closesAt,
    },
  },
  topic: {
    name: 'Amaka',
    roundId: round.id,
    roundName: round.name,
    topicId: 'topic-1',
    number: 1,
    publishOn: '2027-03-05',
    title: 'Getting to know you',
    body: 'Tell your partner about your library.',
    textLocale: 'en',
    applicationId: 'app-1',
    checkIn,
  },
};

const linksOf = (kind: MessageKind) => {
  const email = render({ kind, to: 'amaka@example.org', locale: 'en', payload: EXAMPLES[kind] } as Message);
  const html = [...email.html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
  const text = [...email.text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]);
  return { html: [...new Set(html)], text: [...new Set(text)] };
};

/** What a participant must be able to do, and the emails whose links must let them. */
const ACTIONS: { action: string; kinds: MessageKind[]; link: RegExp }[] = [
  // The private page shows the application as received (the confirmation) and links to its edit
  // and withdraw pages (checked by the browser crawl, tests/e2e/page-crawl.test.ts).
  {
    action: 'see (confirm), edit or withdraw the application',
    kinds: ['application-received', 'application-imported', 'application-waitlisted-by-quota'],
    link: /^https:\/\/iln\.example\.org\/applications\/PRIVATE$/,
  },
  {
    action: 'recover a lost private link (a new one, beside the old)',
    kinds: ['application-link-resent'],
    link: /^https:\/\/iln\.example\.org\/applications\/PRIVATE$/,
  },
  {
    action: 'decline being carried over from the waitlist',
    kinds: ['application-waitlisted-by-quota'],
    link: /^https:\/\/iln\.example\.org\/applications\/PRIVATE\/carry-over$/,
  },
  {
    action: 'apply with the previous answers',
    kinds: ['application-previous-answers'],
    link: /^https:\/\/iln\.example\.org\/rounds\/round-9\/apply\?prefill=PREFILL$/,
  },
  {
    action: 'sign in',
    kinds: ['sign-in-link'],
    link: /^https:\/\/iln\.example\.org\/sign-in\/verify\?token=SIGNIN/,
  },
  {
    action: 'open the participants’ area (partners, check-ins)',
    kinds: [
      'partnership-introduction',
      'partnership-partner-left',
      'check-in-prompt',
      'silent-partner-reminder',
    ],
    link: /^https:\/\/iln\.example\.org\/participant$/,
  },
  ...(['in-touch', 'not-yet'] as const).map((answer) => ({
    action: `check in (${answer})`,
    kinds: ['check-in-prompt', 'silent-partner-reminder', 'topic'] as MessageKind[],
    link: new RegExp(`^https://iln\\.example\\.org/check-in/CHECKIN\\.2\\.sig\\?answer=${answer}$`),
  })),
  {
    action: 'report a silent partner',
    kinds: ['check-in-prompt', 'topic'],
    link: /^https:\/\/iln\.example\.org\/check-in\/CHECKIN\.2\.sig\?answer=not-responding$/,
  },
  {
    action: 'answer a survey',
    kinds: ['survey-invitation', 'survey-reminder', 'round-closing'],
    link: /^https:\/\/iln\.example\.org\/survey\/SURVEY\.1\.sig$/,
  },
  {
    action: 'read the fortnight’s topic on the site',
    kinds: ['topic'],
    link: /^https:\/\/iln\.example\.org\/topics\/topic-1\?lang=en$/,
  },
];

describe('every email', () => {
  test.each(MESSAGE_KINDS)('%s: its links are on the site and in both parts', (kind) => {
    const { html, text } = linksOf(kind);
    for (const link of [...html, ...text]) expect(link.startsWith(`${BASE}/`), link).toBe(true);
    // Someone reading the plain text (or a client that strips HTML) has every link the HTML has.
    expect(new Set(text)).toEqual(new Set(html));
  });
});

describe('what a participant must do is a link in the emails about it', () => {
  test.each(ACTIONS.flatMap(({ action, kinds, link }) => kinds.map((kind) => ({ action, kind, link }))))(
    '$action: $kind',
    ({ kind, link }) => {
      const { html, text } = linksOf(kind);
      expect(
        html.some((href) => link.test(href)),
        `${kind} HTML links: ${html.join(' ')}`,
      ).toBe(true);
      expect(
        text.some((url) => link.test(url)),
        `${kind} text links: ${text.join(' ')}`,
      ).toBe(true);
    },
  );
});
