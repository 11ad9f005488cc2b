import { expect, test } from 'vitest';
import { makeOpenRound } from '../../tests/support/applicant-fixtures';
import type { Round } from '../core/rounds';
import { createRecentRounds } from './recent-rounds';

const counting = (rounds: Map<string, Round>) => {
  const reads: string[] = [];
  return {
    reads,
    read: async (id: string) => {
      reads.push(id);
      return rounds.get(id);
    },
  };
};

test('a round taking applications is read once per period; others are read every time', async () => {
  const open = makeOpenRound({ id: 'open' });
  const closed = makeOpenRound({ id: 'closed', status: 'closed' });
  const source = counting(new Map([open, closed].map((r) => [r.id, r])));
  const find = createRecentRounds(source.read, (round) => round.status === 'open', 60_000);
  expect(await find('open')).toBe(open);
  expect(await find('open')).toBe(open);
  expect(await find('closed')).toBe(closed);
  expect(await find('closed')).toBe(closed);
  expect(await find('nope')).toBeUndefined();
  expect(await find('nope')).toBeUndefined();
  expect(source.reads).toEqual(['open', 'closed', 'closed', 'nope', 'nope']);
});

test('a remembered round is read again once it is too old, or once it stops taking applications', async () => {
  const rounds = new Map([['r', makeOpenRound({ id: 'r' })]]);
  const source = counting(rounds);
  let accepting = true;
  const fresh = createRecentRounds(source.read, () => accepting, 0);
  await fresh('r');
  await fresh('r');
  expect(source.reads).toHaveLength(2);

  const remembering = createRecentRounds(source.read, () => accepting, 60_000);
  await remembering('r');
  await remembering('r');
  expect(source.reads).toHaveLength(3);
  accepting = false;
  await remembering('r');
  expect(source.reads).toHaveLength(4);
});

test('remembers a bounded number of rounds, whatever ids are asked for', async () => {
  const rounds = new Map(Array.from({ length: 100 }, (_, i) => [`r${i}`, makeOpenRound({ id: `r${i}` })]));
  const source = counting(rounds);
  const find = createRecentRounds(source.read, () => true, 60_000);
  for (let i = 0; i < 100; i++) await find(`r${i}`);
  // r0 was dropped when the cache filled up; r99 is remembered.
  await find('r0');
  await find('r99');
  expect(source.reads.slice(100)).toEqual(['r0']);
});
