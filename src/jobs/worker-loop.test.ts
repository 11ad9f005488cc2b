import { expect, test } from 'vitest';
import { createLogger } from '../composition/logger';
import { startWorkerLoop } from './worker-loop';

const logger = createLogger({ logLevel: 'silent' });
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

test('a pass that did work is followed at once by another, by default', async () => {
  let passes = 0;
  const loop = startWorkerLoop({
    name: 'busy',
    intervalMs: 60_000,
    logger,
    pass: async () => (++passes <= 3 ? 1 : 0),
  });
  await settle();
  await loop.stop();
  // Three passes with work, then one that found none and waits the interval.
  expect(passes).toBe(4);
});

test('with againAtOnce, a pass that did work but not enough waits the interval', async () => {
  let passes = 0;
  const loop = startWorkerLoop({
    name: 'costly',
    intervalMs: 60_000,
    logger,
    pass: async () => {
      passes++;
      return passes === 1 ? 10 : 3;
    },
    againAtOnce: (checked) => checked >= 10,
  });
  await settle();
  await loop.stop();
  // The first pass was full (10), so the second ran at once; it was not, so the loop waits.
  expect(passes).toBe(2);
});
