import { createHmac } from 'node:crypto';
import { expect, test } from 'vitest';
import { formatSurveyToken } from '../surveys/survey-token';
import { CHECK_IN_ANSWERS, isCheckInAnswer, outcomeOfAnswer } from './check-in';
import { checkCheckInToken, checkInLinkPaths, formatCheckInToken } from './check-in-link';

const sign = (payload: string) => createHmac('sha256', 'secret').update(payload).digest('base64url');
const nonce = 'A'.repeat(43);
const expiresAt = new Date('2027-04-01T00:00:00Z');

test('a check-in token is valid until it expires; a survey token made from the same nonce is not one', () => {
  const { token } = formatCheckInToken(nonce, expiresAt, sign);
  expect(checkCheckInToken(token, new Date('2027-03-31T23:59:59Z'), sign)).toEqual({
    status: 'valid',
    expiresAt,
  });
  expect(checkCheckInToken(token, expiresAt, sign)).toEqual({ status: 'expired', expiresAt });
  const survey = formatSurveyToken(nonce, expiresAt, sign).token;
  expect(survey).not.toBe(token);
  expect(checkCheckInToken(survey, new Date(0), sign)).toEqual({ status: 'invalid' });
  expect(checkCheckInToken(`${token.slice(0, -2)}xx`, new Date(0), sign)).toEqual({ status: 'invalid' });
});

test('one token gives the three answers’ links, in the order the email lists them', () => {
  expect(checkInLinkPaths('tok')).toEqual([
    { answer: 'in-touch', path: '/check-in/tok?answer=in-touch' },
    { answer: 'not-yet', path: '/check-in/tok?answer=not-yet' },
    { answer: 'not-responding', path: '/check-in/tok?answer=not-responding' },
  ]);
});

test('answers and what recording one did', () => {
  expect(CHECK_IN_ANSWERS.every(isCheckInAnswer)).toBe(true);
  expect(isCheckInAnswer('maybe')).toBe(false);
  expect(isCheckInAnswer(undefined)).toBe(false);
  expect(outcomeOfAnswer(undefined, 'not-yet')).toBe('recorded');
  expect(outcomeOfAnswer('not-yet', 'not-yet')).toBe('unchanged');
  expect(outcomeOfAnswer('not-yet', 'in-touch')).toBe('changed');
});
