import { expect, test } from 'vitest';
import { messageIdFor } from './deliver-due-mail';

test.each([
  ['International Librarians Network <hello@iln.example.org>', '<m1@iln.example.org>'],
  ['hello@iln.example.org', '<m1@iln.example.org>'],
  ['"ILN, team" <noreply@mail.example.net> ', '<m1@mail.example.net>'],
  ['no address at all', '<m1@localhost>'],
])('the Message-ID of %j is %s', (mailFrom, expected) => {
  expect(messageIdFor('m1', mailFrom)).toBe(expected);
});
