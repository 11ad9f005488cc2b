import { expect, test } from 'vitest';
import { syntheticMembers } from '../../tests/support/test-applicants';
import { makeSnapshot } from '../../tests/support/test-snapshots';
import { computeEncodedMatch } from '../services/matching/compute-in-place';
import { encodeSnapshotInTurns } from './encode-snapshot';
import { createThreadMatchEngine, MatchEngineError } from './match-engine';

/** The server computes runs in a worker thread: the same result as in place, from the same snapshot. */
test('a run computed in a worker thread equals the run computed in place', { timeout: 60_000 }, async () => {
  const snapshot = makeSnapshot(syntheticMembers(120, 7));
  const engine = createThreadMatchEngine();
  const inThread = await engine.compute(snapshot);
  // The thread is kept: a second run, and two at once, come back to the right callers.
  const [again, other] = await Promise.all([
    engine.compute(snapshot),
    engine.compute(makeSnapshot(syntheticMembers(30, 8))),
  ]);
  expect(again.result).toEqual(inThread.result);
  expect(other.result.partnerships.flatMap((p) => p.applicationIds)).toHaveLength(
    30 - other.result.unmatched.length,
  );
  await engine.close();
  const inPlace = computeEncodedMatch(JSON.stringify(snapshot));
  expect(inThread.result).toEqual(inPlace.result);
  expect(inThread.stored.result).toBe(inPlace.stored.result);
  expect(inThread.stored.explanations).toBe(inPlace.stored.explanations);
  expect(JSON.parse(inThread.stored.snapshot)).toEqual(snapshot);
  expect(JSON.parse(inThread.stored.explanations)).toHaveLength(inThread.result.partnerships.length);
  expect(inThread.result.partnerships.length).toBeGreaterThan(40);
  expect(inThread.seconds).toBeGreaterThan(0);
});

test('a run that fails in its thread rejects with the thread’s message', { timeout: 60_000 }, async () => {
  const members = syntheticMembers(6, 3);
  // The same application twice: the core refuses the snapshot, in a thread as in place.
  const snapshot = makeSnapshot([...members, members[0]!]);
  expect(() => computeEncodedMatch(JSON.stringify(snapshot))).toThrow('appears twice in the snapshot');
  const engine = createThreadMatchEngine();
  const error = await engine.compute(snapshot).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MatchEngineError);
  expect((error as Error).message).toMatch(/^match run: application \S+ appears twice in the snapshot$/);
  // The thread is still there for the next run.
  await expect(engine.compute(makeSnapshot(members))).resolves.toMatchObject({ result: expect.any(Object) });
  await engine.close();
});

test('the snapshot is written in turns of the event loop, and reads back as the snapshot', async () => {
  const snapshot = makeSnapshot(syntheticMembers(1_200, 5));
  // Another task of the event loop, counting the turns it gets while the snapshot is written.
  let turns = 0;
  let writing = true;
  const other = () => {
    if (!writing) return;
    turns++;
    setImmediate(other);
  };
  setImmediate(other);
  const json = await encodeSnapshotInTurns(snapshot);
  writing = false;
  expect(JSON.parse(json)).toEqual(snapshot);
  // 1,200 applications at 500 a turn: the other task ran between the parts at least twice.
  expect(turns).toBeGreaterThanOrEqual(2);
  expect(JSON.parse(await encodeSnapshotInTurns({ ...snapshot, applications: [] }))).toEqual({
    ...snapshot,
    applications: [],
  });
});
