import { expect, test } from 'vitest';
import { createMessageRenderer } from '../render-message';

const render = createMessageRenderer({ baseUrl: 'https://iln.example.org/' });
const payload = {
  name: 'Amaka',
  roundName: '2027 March round',
  surveyTitle: { en: 'Mid-round survey', fr: 'Enquête de mi-parcours' },
  token: 'abc.123.def',
  closesAt: '2027-05-06T13:59:00.000Z',
  timeZone: 'Africa/Lagos',
};

test('the invitation carries the personal link in both parts, and the closing moment in the participant’s zone', () => {
  const email = render({ kind: 'survey-invitation', to: 'a@example.org', locale: 'en', payload });
  expect(email.subject).toBe('Mid-round survey: tell us how your partnership is going');
  expect(email.text).toContain('https://iln.example.org/survey/abc.123.def');
  expect(email.html).toContain('href="https://iln.example.org/survey/abc.123.def"');
  expect(email.text).toContain('Hello Amaka,');
  expect(email.text).toMatch(/May 6, 2027 at 02:59 PM GMT\+1/);
  expect(email.text).toContain('stored apart from your name');
});

test('the reminder says so; a translated title follows the participant’s language', () => {
  const email = render({ kind: 'survey-reminder', to: 'a@example.org', locale: 'fr', payload });
  expect(email.subject).toBe('Rappel\u00a0: Enquête de mi-parcours');
  expect(email.text).toContain('Il y a quelques jours');
});
