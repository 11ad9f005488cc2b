import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeMember, syntheticMembers, TEST_CALENDAR } from '../../../tests/support/test-applicants';
import { guaranteedWeeklyOverlapMinutes } from '../time/weekly-overlap';
import {
  BLOCKED_CALL_OVERLAP,
  BLOCKED_EXCLUDED,
  BLOCKED_NO_LANGUAGE,
  BLOCKED_PAST_PARTNERS,
  BLOCKED_SAME_COUNTRY,
  FORBIDDEN,
  PAIR_ALLOWED,
  scorePair,
} from './fit-scorer';
import { DEFAULT_MATCH_SETTINGS, FIT_PARTS, MAX_FIT_POINTS, MatchSettingsSchema } from './match-settings';
import { buildPairFitTable } from './pair-fit-table';
import { listPairBreaches } from './partnership-rules';
import { type PairConstraints, type PoolMember, prepareScoringPool } from './scoring-pool';
import { createFitScorer } from './wasm-fit-scorer';

const settings = DEFAULT_MATCH_SETTINGS;
const poolOf = (members: PoolMember[], constraints: PairConstraints = {}, s = settings) =>
  prepareScoringPool(members, s, TEST_CALENDAR, constraints);

/** Monday and Wednesday 08:00–10:00 in London are 17:00–19:00 in Sydney in March (AEDT) and April–July (AEST 18:00–20:00 … ). */
const sydney = {
  countryOfResidence: 'AU',
  timeZone: 'Australia/Sydney',
  availability: {
    emailOnly: false,
    windows: [
      { day: 'mon' as const, startTime: '17:00', endTime: '20:00' },
      { day: 'wed' as const, startTime: '17:00', endTime: '20:00' },
    ],
  },
};

describe('fit score: named cases', () => {
  it('scores like-minded people in different countries high, with parts adding up to the fit', () => {
    const pool = poolOf([
      makeMember('a'),
      makeMember('b', { countryOfResidence: 'IE', timeZone: 'Europe/Dublin' }),
      makeMember('c', {
        countryOfResidence: 'FR',
        timeZone: 'Europe/Paris',
        interests: ['law-libraries', 'school-libraries', 'newspapers'],
        sector: 'law',
        careerStage: 'student',
      }),
    ]);
    const scorer = createFitScorer(pool);
    const ab = scorePair(scorer, 0, 1);
    const ac = scorePair(scorer, 0, 2);
    expect(ab.verdict).toBe(PAIR_ALLOWED);
    expect(ab.parts.sharedInterests).toBe(settings.weights.sharedInterests);
    expect(ab.parts.sector).toBe(settings.weights.sector);
    expect(ab.parts.languages).toBe(settings.weights.languages);
    expect(ab.fit).toBe(FIT_PARTS.reduce((sum, p) => sum + ab.parts[p], 0));
    expect(ac.parts.sharedInterests).toBe(0);
    expect(ac.parts.careerStage).toBe(Math.round(settings.weights.careerStage / 3));
    expect(ab.fit).toBeGreaterThan(ac.fit);
  });

  it.each([
    ['same country', [makeMember('a'), makeMember('b')], {}, BLOCKED_SAME_COUNTRY, 'same-country'],
    [
      'no shared working language (basic is not working level)',
      [
        makeMember('a'),
        makeMember('b', {
          countryOfResidence: 'FR',
          timeZone: 'Europe/Paris',
          languages: [
            { code: 'fr', level: 'native' },
            { code: 'en', level: 'basic' },
          ],
        }),
      ],
      {},
      BLOCKED_NO_LANGUAGE,
      'no-shared-working-language',
    ],
    [
      'excluded by a coordinator',
      [makeMember('a'), makeMember('b', { countryOfResidence: 'IE' })],
      { exclusions: [['b', 'a']] },
      BLOCKED_EXCLUDED,
      'excluded-by-coordinator',
    ],
    [
      'partners in an earlier round',
      [makeMember('a', {}, 'p1'), makeMember('b', { countryOfResidence: 'IE' }, 'p2')],
      { pastPartners: [['p2', 'p1']] },
      BLOCKED_PAST_PARTNERS,
      'past-partners',
    ],
    [
      'no call time in common',
      [makeMember('a'), makeMember('b', { countryOfResidence: 'JP', timeZone: 'Asia/Tokyo' })],
      {},
      BLOCKED_CALL_OVERLAP,
      'too-little-call-overlap',
    ],
  ] as const)('forbids a pair with %s and reports the rule', (_name, members, constraints, verdict, code) => {
    const pool = poolOf([...members], constraints as PairConstraints);
    const scorer = createFitScorer(pool);
    scorer.setRow(0);
    expect(scorer.verdictWith(1)).toBe(verdict);
    expect(scorer.fitWith(1)).toBe(FORBIDDEN);
    expect(listPairBreaches(pool, scorer, 0, 1).map((b) => b.code)).toEqual([code]);
    expect(listPairBreaches(pool, scorer, 1, 0).map((b) => b.applicationIds)).toEqual([['a', 'b']]);
  });

  it('lets a round drop the language rule and the call-overlap rule', () => {
    const relaxed = MatchSettingsSchema.parse({
      rules: { requireSharedLanguage: false, minWeeklyOverlapHours: 0 },
    });
    const pool = poolOf(
      [
        makeMember('a'),
        makeMember('b', {
          countryOfResidence: 'JP',
          timeZone: 'Asia/Tokyo',
          languages: [{ code: 'ja', level: 'native' }],
        }),
      ],
      {},
      relaxed,
    );
    const pair = scorePair(createFitScorer(pool), 0, 1);
    expect(pair.verdict).toBe(PAIR_ALLOWED);
    expect(pair.parts.languages).toBe(0);
    expect(pair.parts.availability).toBe(0);
  });

  it('uses the guaranteed weekly overlap across the round’s daylight-saving changes', () => {
    // London Mon/Wed 08–10; Sydney Mon/Wed 17–20. Until 30 March (GMT, AEDT) London 08–10 = Sydney
    // 19–21 → 1 h a day; 30 March – 6 April (BST, AEDT) = 18–20 → 2 h; then (BST, AEST) 17–19 → 2 h.
    const pool = poolOf([makeMember('a'), makeMember('b', sydney)]);
    const pair = scorePair(createFitScorer(pool), 0, 1);
    expect(pair.guaranteedWeeklyMinutes).toBe(120);
    expect(pair.parts.availability).toBe(Math.round(settings.weights.availability * (120 / 120)));
  });

  it('gives email-only pairs the whole availability part and mixed pairs the one-email-only credit', () => {
    const email = { availability: { emailOnly: true, windows: [] } };
    const pool = poolOf([
      makeMember('a', email),
      makeMember('b', { ...sydney, ...email }),
      makeMember('c', { countryOfResidence: 'FR', timeZone: 'Europe/Paris' }),
    ]);
    const scorer = createFitScorer(pool);
    expect(scorePair(scorer, 0, 1).parts.availability).toBe(settings.weights.availability);
    expect(scorePair(scorer, 1, 2).parts.availability).toBe(settings.weights.availability / 2);
  });

  it('counts preferences met in each direction', () => {
    const wantsPublic = {
      partnerPreference: { openToAnyone: false, sectors: ['public' as const], careerStages: [] },
    };
    const pool = poolOf([
      makeMember('a', wantsPublic),
      makeMember('b', { countryOfResidence: 'IE', sector: 'public' }),
      makeMember('c', { countryOfResidence: 'FR' }),
    ]);
    const scorer = createFitScorer(pool);
    expect(scorePair(scorer, 0, 1).parts.partnerPreferences).toBe(settings.weights.partnerPreferences);
    expect(scorePair(scorer, 0, 2).parts.partnerPreferences).toBe(settings.weights.partnerPreferences / 2);
  });
});

describe('fit score: properties', () => {
  it('is symmetric: renaming the applications so their order flips leaves every fit unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 2, max: 40 }), (seed, count) => {
        const members = syntheticMembers(count, seed).sort((x, y) => (x.id < y.id ? -1 : 1));
        const flipped = members.map((m, k) => ({ ...m, id: `z${String(count - k).padStart(3, '0')}` }));
        const poolA = poolOf(members);
        const poolB = poolOf(flipped);
        const a = buildPairFitTable(poolA);
        const b = buildPairFitTable(poolB);
        const at = (k: number) => poolA.indexOf.get(members[k]!.id)!;
        const bt = (k: number) => poolB.indexOf.get(flipped[k]!.id)!;
        for (let x = 0; x < count; x++) {
          for (let y = 0; y < count; y++) {
            if (x !== y) expect(b.fitOf(bt(x), bt(y))).toBe(a.fitOf(at(x), at(y)));
          }
        }
        // Every pair's order flipped, so each fit was computed from the other side.
        expect(at(0) < at(1)).toBe(bt(0) > bt(1));
      }),
      { numRuns: 25 },
    );
  });

  it('agrees between the table, the parts and the rule list, and stays within 0..10,000', () => {
    const members = syntheticMembers(120, 7);
    const pool = poolOf(members, { exclusions: [[members[0]!.id, members[1]!.id]] });
    const table = buildPairFitTable(pool);
    const scorer = createFitScorer(pool);
    for (let i = 0; i < pool.n; i++) {
      for (let j = i + 1; j < pool.n; j++) {
        const pair = scorePair(scorer, j, i);
        const breaches = listPairBreaches(pool, scorer, i, j);
        const fit = table.fitOf(j, i);
        expect(fit).toBe(pair.verdict === PAIR_ALLOWED ? pair.fit : FORBIDDEN);
        expect(breaches.length === 0).toBe(pair.verdict === PAIR_ALLOWED);
        // The scorer's flat merge equals the time module's overlap over the same periods.
        expect(pair.guaranteedWeeklyMinutes).toBe(
          guaranteedWeeklyOverlapMinutes(pool.profiles[i]!, pool.profiles[j]!),
        );
        expect(pair.fit).toBeGreaterThanOrEqual(0);
        expect(pair.fit).toBeLessThanOrEqual(MAX_FIT_POINTS);
      }
    }
  });

  it('does not mutate its inputs', () => {
    const members = syntheticMembers(30, 3);
    const constraints: PairConstraints = {
      exclusions: [['synthetic-0001', 'synthetic-0002']],
      pastPartners: [],
    };
    const before = structuredClone({ members, constraints, settings });
    buildPairFitTable(poolOf(members, constraints));
    expect({ members, constraints, settings }).toEqual(before);
  });
});

describe('MatchSettingsSchema', () => {
  it('defaults to weights that add up to 10,000 and the documented rules', () => {
    const s = MatchSettingsSchema.parse({});
    expect(Object.values(s.weights).reduce((a, b) => a + b, 0)).toBe(MAX_FIT_POINTS);
    expect(s.rules).toEqual({
      requireSharedLanguage: true,
      workingLanguageLevel: 'conversational',
      minWeeklyOverlapHours: 1,
      allowTrios: true,
    });
  });

  it('refuses weights adding up to more than 10,000 and fractional weights', () => {
    expect(MatchSettingsSchema.safeParse({ weights: { sharedInterests: 9000 } }).success).toBe(false);
    expect(MatchSettingsSchema.safeParse({ weights: { sector: 10.5 } }).success).toBe(false);
  });
});
