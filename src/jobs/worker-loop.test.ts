import { Writable } from 'node:stream';
import pino from 'pino';
import { expect, test, vi } from 'vitest';
import { createLogger } from '../composition/logger';
import { MAX_BACKOFF_MS, startWorkerLoop } from './worker-loop';

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

test('failing passes back off, doubling up to the cap, and are logged once per streak', async () => {
  vi.useFakeTimers();
  try {
    const lines: { level: number; msg: string }[] = [];
    const recording = pino(
      { level: 'debug' },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    const startedAt: number[] = [];
    let failing = true;
    const loop = startWorkerLoop({
      name: 'flaky',
      intervalMs: 1_000,
      logger: recording,
      pass: async () => {
        startedAt.push(Date.now());
        if (failing)
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        return 0;
      },
    });
    await vi.advanceTimersByTimeAsync(200_000);
    failing = false;
    await vi.advanceTimersByTimeAsync(MAX_BACKOFF_MS);
    await loop.stop();
    const gaps = startedAt.slice(1).map((at, i) => at - startedAt[i]!);
    // 1, 2, 4, 8, 16 s, then the 30 s cap; after the first success, the plain interval.
    expect(gaps.slice(0, 7)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(gaps.at(-1)).toBe(1_000);
    const errors = lines.filter((line) => line.level >= 50).map((line) => line.msg);
    // The first failure, then a reminder about once a minute over the 200 s: not one per pass.
    expect(errors[0]).toMatch(/worker pass failed/);
    expect(errors.length).toBeGreaterThanOrEqual(3);
    expect(errors.length).toBeLessThanOrEqual(5);
    expect(lines.filter((line) => line.level === 40).map((line) => line.msg)).toEqual([
      'worker passes succeed again',
    ]);
  } finally {
    vi.useRealTimers();
  }
});
