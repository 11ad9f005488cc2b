import { expect, test } from 'vitest';
import { createMessageRenderer } from '../render-message';

const render = createMessageRenderer({ baseUrl: 'https://iln.example.org/' });
const checkIn = { token: 'abc.123.def', fortnight: 3, expiresAt: '2027-04-12T14:00:00.000Z' };

test('the check-in email carries the three one-click answers in both parts, and says opening one records nothing', () => {
  const email = render({
    kind: 'check-in-prompt',
    to: 'a@example.org',
    locale: 'en',
    payload: { name: 'Amaka', roundName: '2027 March round', checkIn },
  });
  expect(email.subject).toBe('2027 March round: have you been in touch with your partner?');
  for (const answer of ['in-touch', 'not-yet', 'not-responding']) {
    const url = `https://iln.example.org/check-in/abc.123.def?answer=${answer}`;
    expect(email.text).toContain(url);
    expect(email.html).toContain(`href="${url}"`);
  }
  expect(email.text).toContain('- We’ve been in touch:');
  expect(email.text).toContain('fortnight 3 of 2027 March round');
  expect(email.text).toContain('opening it records nothing');
  expect(email.text).toContain('https://iln.example.org/participant');
});

test('the silent partner’s reminder is friendly, names the partner and carries the answers when given', () => {
  const reported = render({
    kind: 'silent-partner-reminder',
    to: 'b@example.org',
    locale: 'en',
    payload: {
      name: 'Kofi',
      roundName: '2027 March round',
      reason: 'reported-not-responding',
      partnerNames: ['Amaka'],
      checkIn,
    },
  });
  expect(reported.subject).toBe('2027 March round: your partner would love to hear from you');
  expect(reported.text).toContain('Amaka would love to hear from you');
  expect(reported.text).toContain('check-in/abc.123.def?answer=in-touch');
  const quiet = render({
    kind: 'silent-partner-reminder',
    to: 'b@example.org',
    locale: 'en',
    payload: { name: 'Kofi', roundName: 'R', reason: 'no-check-in', partnerNames: ['Amaka', 'Li'] },
  });
  expect(quiet.text).toContain('your partnership with Amaka and Li');
  expect(quiet.text).not.toContain('check-in/');
});

test('the closing email: the survey link when it is open, the next round, or a general line', () => {
  const open = render({
    kind: 'round-closing',
    to: 'a@example.org',
    locale: 'en',
    payload: {
      name: 'Amaka',
      roundName: '2027 March round',
      timeZone: 'Africa/Lagos',
      survey: {
        state: 'open',
        title: { en: 'End-of-round survey' },
        token: 'sur.1.sig',
        closesAt: '2027-07-20T13:59:00.000Z',
      },
      nextRound: {
        id: 'r-sep',
        name: '2027 September round',
        isOpenNow: true,
        applicationsOpenAt: '2027-07-01T00:00:00.000Z',
        applicationsCloseAt: '2027-08-20T12:59:00.000Z',
      },
    },
  });
  expect(open.subject).toBe('2027 March round has ended: thank you');
  expect(open.html).toContain('href="https://iln.example.org/survey/sur.1.sig"');
  expect(open.text).toMatch(/open until .*July 20, 2027 at 02:59 PM GMT\+1/);
  expect(open.text).toContain('Applications for 2027 September round are open until');
  expect(open.html).toContain('href="https://iln.example.org/rounds/r-sep"');

  const none = render({
    kind: 'round-closing',
    to: 'a@example.org',
    locale: 'en',
    payload: { name: 'Amaka', roundName: 'R', timeZone: 'UTC', survey: { state: 'none' } },
  });
  expect(none.text).not.toContain('/survey/');
  expect(none.text).toContain('The next round will be announced');
});
