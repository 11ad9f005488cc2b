import { expect, test } from 'vitest';
import { safeNextPath } from './safe-next';

test.each([
  ['/coordinator', '/coordinator'],
  ['/coordinator/rounds?status=open', '/coordinator/rounds?status=open'],
  ['//evil.example/', undefined],
  ['/\\evil.example', undefined],
  ['https://evil.example/', undefined],
  ['coordinator', undefined],
  ['/a\nb', undefined],
  ['', undefined],
  [undefined, undefined],
  [['/a'], undefined],
])('safeNextPath(%j) is %j', (input, expected) => {
  expect(safeNextPath(input)).toBe(expected);
});
