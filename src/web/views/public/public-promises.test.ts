import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MESSAGE_KINDS, type MessageKind } from '../../../core/messages/messages';

/**
 * Issue 13, item 13: the public pages (home, how matching works, questions, code of conduct,
 * privacy) promise only what the program does. Each promise they can make is found by its words
 * and needs the email that keeps it; when a feature lands (topics, check-ins), its words become
 * allowed, and a text that runs ahead of the code fails here.
 */
/** Emails of features still landing (topics, check-ins): named here so a typo is still caught. */
type LandingKind = 'topic' | 'check-in-prompt' | 'silent-partner-reminder';

interface PublicPromise {
  what: string;
  words: RegExp;
  /** A sentence the words must find, so that a pattern that finds nothing cannot pass unseen. */
  example: string;
  needs: MessageKind | LandingKind;
}

const PROMISES: PublicPromise[] = [
  {
    what: 'a discussion topic every fortnight',
    words: /\btopics?\b/i,
    example: 'Every two weeks we send a discussion topic.',
    needs: 'topic',
  },
  {
    what: 'a check-in ("did you connect?")',
    words: /\bcheck[- ]?ins?\b/i,
    example: 'Answer the check-in in the email.',
    needs: 'check-in-prompt',
  },
  {
    what: 'a reminder to a partner who has gone quiet',
    words: /\b(remind|reminder)\b[^.]*\b(quiet|silent|partner)/i,
    example: 'We send a friendly reminder to a partner who has gone quiet.',
    needs: 'silent-partner-reminder',
  },
  {
    what: 'surveys',
    words: /\bsurveys?\b/i,
    example: 'A short survey asks what you gained.',
    needs: 'survey-invitation',
  },
  {
    what: 'an introduction by email',
    words: /\bintroduc(e|ed|tion|tions)\b/i,
    example: 'You both receive an introduction by email.',
    needs: 'partnership-introduction',
  },
  {
    what: 'partners told when someone leaves',
    words: /\bpartners? (is|are) told\b/i,
    example: 'Your partner is told by email.',
    needs: 'partnership-partner-left',
  },
  {
    what: 'a lost private link sent again',
    words: /\b(ask for it again|get it again)\b/i,
    example: 'Lost it? You can ask for it again.',
    needs: 'application-links',
  },
  {
    what: 'waitlisted applications carried into the next round',
    words: /\bcarried (into|over)\b|\bwait for the next round\b/i,
    example: 'Waitlisted applications are carried into the next round.',
    needs: 'application-carried-over',
  },
];

const catalog = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../i18n/locales/en/public.json'), 'utf8'),
) as unknown;

/** Every sentence of the catalog, with where it is. */
const textsOf = (value: unknown, path: string): { path: string; text: string }[] => {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => textsOf(item, `${path}.${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => textsOf(item, path ? `${path}.${key}` : key));
  }
  return [];
};

// The demo's own box speaks to the person trying the demo, not to applicants.
const texts = textsOf(catalog, '').filter(({ path }) => !path.startsWith('home.demo.'));
const kinds: readonly string[] = MESSAGE_KINDS;

describe('the public pages promise only what the program does', () => {
  test.each(PROMISES)('the words for $what find their example', ({ words, example }) => {
    expect(words.test(example)).toBe(true);
  });

  test.each(PROMISES)('$what: promised only if the program sends it', ({ words, needs }) => {
    const promisedIn = texts.filter(({ text }) => words.test(text)).map(({ path }) => path);
    const unkept = kinds.includes(needs) ? [] : promisedIn;
    expect(unkept).toEqual([]);
  });
});
