import { describe, expect, test } from 'vitest';
import {
  EXAMPLE_CHECK_IN,
  EXAMPLE_ROUND,
  EXAMPLE_SURVEY,
  EXAMPLE_TOKEN,
  exampleMessage,
} from '../../tests/support/message-examples';
import { MESSAGE_KINDS, type MessageKind } from '../core/messages/messages';
import { createMessageRenderer } from './render-message';

/**
 * Email first: a participant can do everything the program asks of them during a round from the
 * links in the emails they receive. The example of every kind of message
 * (tests/support/message-examples.ts), rendered; the links each carries are read from the HTML
 * (href) and the plain-text part, which must carry the same ones; then each thing a participant
 * must do is found behind a link of the emails that are about it.
 */
const BASE = 'https://iln.example.org';
const render = createMessageRenderer({ baseUrl: `${BASE}/` });
const PRIVATE = EXAMPLE_TOKEN;
const CHECK_IN = EXAMPLE_CHECK_IN.token.replaceAll('.', '\\.');
const SURVEY = EXAMPLE_SURVEY.token.replaceAll('.', '\\.');
const ROUND = EXAMPLE_ROUND.id;

const linksOf = (kind: MessageKind) => {
  const email = render(exampleMessage(kind));
  const html = [...email.html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
  const text = [...email.text.matchAll(/https?:\/\/[^\s<>()"]*[^\s<>()".,;:!?]/g)].map((match) => match[0]);
  return { html: [...new Set(html)], text: [...new Set(text)] };
};

/** What a participant must be able to do, and the emails whose links must let them. */
const ACTIONS: { action: string; kinds: MessageKind[]; link: RegExp }[] = [
  // The private page shows the application as received (the confirmation) and links to its edit
  // and withdraw pages (checked by the browser crawl, tests/e2e/page-crawl.test.ts).
  {
    action: 'see (confirm), edit or withdraw the application',
    kinds: ['application-received', 'application-imported', 'application-waitlisted-by-quota'],
    link: new RegExp(`^${BASE}/applications/${PRIVATE}$`),
  },
  {
    action: 'recover a lost private link',
    kinds: [
      'application-received',
      'application-imported',
      'application-waitlisted-by-quota',
      'application-link-resent',
    ],
    link: new RegExp(`^${BASE}/lost-link$`),
  },
  {
    action: 'decline being carried over from the waitlist',
    kinds: ['application-waitlisted-by-quota'],
    link: new RegExp(`^${BASE}/applications/${PRIVATE}/carry-over$`),
  },
  {
    action: 'apply with the previous answers',
    kinds: ['application-previous-answers'],
    link: new RegExp(`^${BASE}/rounds/${ROUND}/apply\\?prefill=${PRIVATE}$`),
  },
  {
    action: 'sign in',
    kinds: ['sign-in-link'],
    link: new RegExp(`^${BASE}/sign-in/verify\\?token=sign-in-token`),
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
    link: new RegExp(`^${BASE}/check-in/${CHECK_IN}\\?answer=${answer}$`),
  })),
  {
    action: 'report a silent partner',
    kinds: ['check-in-prompt', 'topic'],
    link: new RegExp(`^${BASE}/check-in/${CHECK_IN}\\?answer=not-responding$`),
  },
  {
    action: 'answer a survey',
    kinds: ['survey-invitation', 'survey-reminder', 'round-closing'],
    link: new RegExp(`^${BASE}/survey/(${SURVEY}|${PRIVATE})$`),
  },
  {
    action: 'read the fortnight’s topic on the site',
    kinds: ['topic'],
    link: new RegExp(`^${BASE}/topics/topic-3\\?lang=en$`),
  },
];

describe('every email', () => {
  test.each(MESSAGE_KINDS)('%s: its links are on the site and in both parts', (kind) => {
    const { html, text } = linksOf(kind);
    // The one link elsewhere is the one the example topic's body (a coordinator's Markdown) holds.
    const elsewhere = [...html, ...text].filter((link) => !link.startsWith(`${BASE}/`));
    expect(elsewhere).toEqual(
      kind === 'topic' ? ['https://example.org/spaces', 'https://example.org/spaces'] : [],
    );
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
