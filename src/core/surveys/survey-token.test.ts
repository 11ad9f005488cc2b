import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { dueDeliveryKinds, needsReminder } from './survey-schedule';
import { checkSurveyToken, formatSurveyToken } from './survey-token';

const sign = (payload: string) => createHmac('sha256', 'secret').update(payload).digest('base64url');
const otherSign = (payload: string) => createHmac('sha256', 'another').update(payload).digest('base64url');
const nonce = 'A'.repeat(43);
const closesAt = new Date('2027-05-01T00:00:00Z');

describe('survey link tokens', () => {
  const { token } = formatSurveyToken(nonce, closesAt, sign);

  test('a token is valid until it expires, then expired', () => {
    expect(checkSurveyToken(token, new Date('2027-04-30T23:59:59Z'), sign)).toEqual({
      status: 'valid',
      expiresAt: closesAt,
    });
    expect(checkSurveyToken(token, closesAt, sign)).toEqual({ status: 'expired', expiresAt: closesAt });
  });

  test.each([
    ['another secret', () => checkSurveyToken(token, new Date(0), otherSign)],
    ['a moved expiry', () => checkSurveyToken(token.replace(/\.\d+\./, '.99999999999.'), new Date(0), sign)],
    ['a changed nonce', () => checkSurveyToken(`B${token.slice(1)}`, new Date(0), sign)],
    ['a truncated token', () => checkSurveyToken(token.slice(0, -3), new Date(0), sign)],
    ['garbage', () => checkSurveyToken('not-a-token', new Date(0), sign)],
    ['too many parts', () => checkSurveyToken(`${token}.x`, new Date(0), sign)],
    ['not a string', () => checkSurveyToken(undefined, new Date(0), sign)],
  ])('%s is invalid', (_name, check) => {
    expect(check()).toEqual({ status: 'invalid' });
  });

  test('a nonce that is not 32 bytes is a programming error', () => {
    expect(() => formatSurveyToken('short', closesAt, sign)).toThrow(RangeError);
  });
});

describe('what a survey has due', () => {
  const survey = {
    status: 'scheduled' as const,
    sendAt: new Date('2027-04-01T00:00:00Z'),
    remindAt: new Date('2027-04-08T00:00:00Z'),
    closesAt,
  };

  test.each([
    ['before its moment', '2027-03-31T23:59:59Z', []],
    ['at its moment', '2027-04-01T00:00:00Z', ['invitation']],
    ['at the reminder', '2027-04-08T00:00:00Z', ['invitation', 'reminder']],
    ['once closed', '2027-05-01T00:00:00Z', []],
  ])('%s', (_name, at, kinds) => {
    expect(dueDeliveryKinds(survey, new Date(at))).toEqual(kinds);
  });

  test('a draft is never due', () => {
    expect(dueDeliveryKinds({ ...survey, status: 'draft' }, new Date('2027-04-09T00:00:00Z'))).toEqual([]);
  });

  test('the reminder goes only to those invited before its moment who have not answered', () => {
    const base = { invitedAt: new Date('2027-04-01T00:00:00Z'), hasAnswered: false, hasBeenReminded: false };
    expect(needsReminder(survey, base)).toBe(true);
    expect(needsReminder(survey, { ...base, hasAnswered: true })).toBe(false);
    expect(needsReminder(survey, { ...base, hasBeenReminded: true })).toBe(false);
    expect(needsReminder(survey, { ...base, invitedAt: new Date('2027-04-08T00:00:00Z') })).toBe(false);
    expect(needsReminder(survey, { ...base, invitedAt: null })).toBe(false);
  });
});
