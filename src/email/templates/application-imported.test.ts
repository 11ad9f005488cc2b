import { expect, test } from 'vitest';
import { createMessageRenderer } from '../render-message';

const render = createMessageRenderer({ baseUrl: 'https://iln.example.org/' });
const payload = {
  name: 'Amina',
  round: {
    id: 'r1',
    name: 'March 2027 round',
    applicationsCloseAt: '2027-02-14T12:59:00.000Z',
    startsOn: '2027-03-01',
    endsOn: '2027-06-30',
    programTimeZone: 'Australia/Sydney',
    isQuotaEnabled: true,
  },
  timeZone: 'Africa/Nairobi',
  privateToken: 'tok.123',
  isWaitlisted: false,
};

test('an imported applicant hears that nothing more is needed, and gets the private link in both parts', () => {
  const email = render({ kind: 'application-imported', to: 'a@example.org', locale: 'en', payload });
  expect(email.subject).toBe(
    'Your application to March 2027 round is now with the International Librarians Network',
  );
  expect(email.text).toContain('You do not need to apply again.');
  expect(email.text).toContain('https://iln.example.org/applications/tok.123');
  expect(email.html).toContain('href="https://iln.example.org/applications/tok.123"');
  // Open round with a quota: the usual word about places settled at the close.
  expect(email.text).toContain('Places are settled in the order applications arrived');
  expect(email.text).not.toContain('so your application is on the waitlist');
});

test('one imported onto the waitlist of a closed round is told so', () => {
  const email = render({
    kind: 'application-imported',
    to: 'a@example.org',
    locale: 'en',
    payload: { ...payload, isWaitlisted: true },
  });
  expect(email.text).toContain('your application is on the waitlist');
  expect(email.text).not.toContain('Places are settled in the order applications arrived');
});
