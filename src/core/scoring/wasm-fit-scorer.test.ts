import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReferenceScorer } from '../../../tests/support/reference-fit-scorer';
import { syntheticMembers, TEST_CALENDAR } from '../../../tests/support/test-applicants';
import { LANGUAGE_LEVELS } from '../applications/labels';
import { CandidateSweep } from '../matching/candidate-sweep';
import { FIT_PARTS, MatchSettingsSchema } from './match-settings';
import { prepareScoringPool } from './scoring-pool';
import { createFitScorer } from './wasm-fit-scorer';

const ZONES = ['Asia/Kathmandu', 'Australia/Lord_Howe', 'Africa/Casablanca', 'America/St_Johns', 'UTC'];

/** Random settings: weights summing to at most 10,000, every rule and availability option. */
const settingsArb = fc
  .record({
    weights: fc.array(fc.integer({ min: 0, max: 1428 }), { minLength: 7, maxLength: 7 }),
    requireSharedLanguage: fc.boolean(),
    workingLanguageLevel: fc.constantFrom(...LANGUAGE_LEVELS),
    minWeeklyOverlapHours: fc.constantFrom(0, 0.25, 0.5, 1, 1.5, 2, 3.5),
    targetWeeklyHours: fc.constantFrom(0.5, 1, 2, 3.25),
    oneEmailOnlyCredit: fc.constantFrom(0, 0.3, 0.5, 1),
  })
  .map((r) =>
    MatchSettingsSchema.parse({
      weights: Object.fromEntries(FIT_PARTS.map((p, k) => [p, r.weights[k]])),
      rules: {
        requireSharedLanguage: r.requireSharedLanguage,
        workingLanguageLevel: r.workingLanguageLevel,
        minWeeklyOverlapHours: r.minWeeklyOverlapHours,
      },
      availability: { targetWeeklyHours: r.targetWeeklyHours, oneEmailOnlyCredit: r.oneEmailOnlyCredit },
    }),
  );

describe('the WebAssembly fit scorer (wasm-fit-scorer.ts)', () => {
  it('equals the JavaScript reference on every pair (table, verdicts, parts), and gathers the engine’s own candidate lists', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 2, max: 60 }),
        settingsArb,
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 3 }),
        (seed, count, settings, k, skipEvery) => {
          // Few countries and odd zones, so that every rule and regime case comes up.
          const members = syntheticMembers(count, seed).map((m, x) => ({
            ...m,
            personKey: x % 9 === 4 ? 'shared-person' : m.personKey,
            answers: {
              ...m.answers,
              countryOfResidence: ['AU', 'GB', 'IN', 'BR'][x % 4]!,
              timeZone: x % 3 === 0 ? ZONES[x % ZONES.length]! : m.answers.timeZone,
            },
          }));
          const ids = members.map((m) => m.id);
          const pool = prepareScoringPool(members, settings, TEST_CALENDAR, {
            exclusions: [[ids[0]!, ids[count - 1]!]],
            pastPartners: count > 3 ? [[members[1]!.personKey, members[2]!.personKey]] : [],
          });
          // A stage without some members (as locks take people out), scores fit + a bonus.
          const stage = Int32Array.from({ length: count }, (_, x) => x).filter(
            (x) => skipEvery === 0 || x % (skipEvery + 2) !== 1,
          );
          const position = new Int32Array(count).fill(-1);
          stage.forEach((x, u) => {
            position[x] = u;
          });
          const bonus = seed % 2 === 0 ? 1 : 70_007;
          const kk = Math.min(k, Math.max(1, stage.length - 1));
          const scorer = createFitScorer(pool);
          const { fits, candidates } = scorer.fillTable({ position, stageSize: stage.length, k: kk, bonus });
          const reference = createReferenceScorer(pool);
          const sweep = new CandidateSweep(stage.length, kk);
          let at = 0;
          for (let i = 0; i < count; i++) {
            reference.setRow(i);
            scorer.setRow(i);
            for (let j = i + 1; j < count; j++) {
              const fit = reference.fitWith(j);
              expect(fits[at++]).toBe(fit);
              expect(scorer.fitWith(j)).toBe(fit);
              expect(scorer.verdictWith(j)).toBe(reference.verdictWith(j));
              expect(scorer.overlapWith(j)).toBe(reference.overlapWith(j));
              expect(scorer.partsWith(j)).toEqual(reference.partsWith(j));
              if (fit >= 0 && position[i]! >= 0 && position[j]! >= 0)
                sweep.offer(position[i]!, position[j]!, fit + bonus);
            }
          }
          expect(candidates!.count).toEqual(sweep.count);
          expect(candidates!.heapV).toEqual(sweep.heapV);
          expect(candidates!.heapW).toEqual(sweep.heapW);
        },
      ),
      { numRuns: 150 },
    );
  });
});
