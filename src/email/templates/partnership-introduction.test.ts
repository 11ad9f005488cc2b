import { describe, expect, test } from 'vitest';
import type { IntroducedPartner, MessagePayloads } from '../../core/messages/messages';
import { renderPartnerLeftEmail, renderPartnershipIntroductionEmail } from './partnership-introduction';

const round = {
  id: 'r',
  name: 'March 2027 round',
  applicationsCloseAt: '2027-02-20T12:59:00.000Z',
  startsOn: '2027-03-01',
  endsOn: '2027-07-01',
  programTimeZone: 'Australia/Sydney',
  isQuotaEnabled: true,
};

const partner = (overrides: Partial<IntroducedPartner>): IntroducedPartner => ({
  name: 'Ana Souza',
  email: 'ana@example.org',
  countryCode: 'BR',
  role: 'Archivist',
  sector: 'public',
  careerStage: 'mid',
  timeZone: 'America/Sao_Paulo',
  timeDifference: [
    { fromAt: '2027-02-28T13:00:00.000Z', minutes: -180 },
    { fromAt: '2027-03-28T01:00:00.000Z', minutes: -240 },
  ],
  sharedInterestIds: ['open-access'],
  sharedLanguageCodes: ['pt'],
  callMode: 'both-calls',
  guaranteedWeeklyMinutes: 90,
  ...overrides,
});

const introduce = (payload: Partial<MessagePayloads['partnership-introduction']>) =>
  renderPartnershipIntroductionEmail({
    locale: 'en',
    areaUrl: 'https://iln.example.org/participant',
    payload: {
      name: 'João',
      round,
      timeZone: 'Europe/Lisbon',
      partners: [partner({})],
      isNewPartner: false,
      ...payload,
    },
  });

describe('the introduction email', () => {
  test('introduces the partner: who, where, how to reach them and how far apart the clocks are', () => {
    const email = introduce({});
    expect(email.subject).toBe('Meet your peer partner in March 2027 round');
    for (const line of [
      'Hello João,',
      'Here is the person you are paired with',
      'Ana Souza',
      'Archivist · Public · Brazil',
      'Email: ana@example.org',
      'Their clock is 3 hours behind yours.',
      'From March 28, 2027, when daylight saving changes: 4 hours behind yours.',
      'You both chose: Open access and scholarly communication.',
      'Languages you share: Portuguese.',
      'overlap by 1 hour 30 minutes a week',
      '• Plan on about an hour a week',
      'https://iln.example.org/participant',
    ]) {
      expect(email.text, line).toContain(line);
    }
    expect(email.html).toContain('href="https://iln.example.org/participant"');
  });

  test('a trio names both partners; a repair says "new partner"; names are escaped in HTML', () => {
    const trio = introduce({
      partners: [
        partner({}),
        partner({ name: 'Kim <b>Lee</b>', email: 'kim@example.org', countryCode: 'KR' }),
      ],
    });
    expect(trio.text).toContain('You are in a group of three');
    expect(trio.text).toContain('Kim <b>Lee</b>');
    expect(trio.text).toContain('South Korea');
    expect(trio.html).toContain('Kim &lt;b&gt;Lee&lt;/b&gt;');
    expect(trio.html).not.toContain('<b>Lee</b>');
    const repaired = introduce({ isNewPartner: true });
    expect(repaired.subject).toBe('Meet your new peer partner in March 2027 round');
    expect(repaired.text).toContain('We have found you a new partner');
  });

  test('email-only partners and shared nothing are said plainly', () => {
    const email = introduce({
      partners: [
        partner({
          callMode: 'one-email-only',
          guaranteedWeeklyMinutes: 0,
          sharedInterestIds: [],
          sharedLanguageCodes: [],
          timeDifference: [{ fromAt: round.applicationsCloseAt, minutes: 0 }],
        }),
      ],
    });
    expect(email.text).toContain('Their clock is the same as yours.');
    expect(email.text).toContain('You chose different interests');
    expect(email.text).toContain('One of you prefers email to calls');
  });
});

test('the partner-left email says what happens next', () => {
  const alone = renderPartnerLeftEmail({
    locale: 'en',
    areaUrl: 'https://x.example/participant',
    payload: { name: 'Ana', roundName: 'March 2027 round', isAlone: true },
  });
  expect(alone.subject).toBe('Your partner has left March 2027 round');
  expect(alone.text).toContain('We will find you a new partner');
  const staying = renderPartnerLeftEmail({
    locale: 'en',
    areaUrl: 'https://x.example/participant',
    payload: { name: 'Ana', roundName: 'March 2027 round', isAlone: false },
  });
  expect(staying.text).toContain('goes on with the partner who stays');
});
