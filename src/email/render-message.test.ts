import { describe, expect, test } from 'vitest';
import { exampleMessage } from '../../tests/support/message-examples';
import { MESSAGE_KINDS, type MessageKind } from '../core/messages/messages';
import { createMessageRenderer } from './render-message';

/**
 * Every kind of message the program sends renders a subject, an HTML part and a plain-text part
 * that carries every link of the HTML one (email first: a reader whose client shows text only can
 * still do everything). A new kind does not compile until it has an example in tests/support/message-examples.ts.
 */
const render = createMessageRenderer({ baseUrl: 'https://iln.example.org' });
const messageOf = exampleMessage;

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
