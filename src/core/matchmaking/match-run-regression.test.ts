/**
 * Pinned results: match runs on synthetic rounds of different sizes, seeds, settings, dates and
 * objectives must give exactly what they gave when recorded (before the pipeline was made faster,
 * commit 2119070). Each case pins a hash of its input (so a change to the synthetic pool generator
 * is told apart from a change of results) and hashes of: the run (partnerships, fits, parts,
 * totals, unmatched reasons, figures, certificate), the explanations of every partnership, the
 * two-person stage's whole scored graph (every allowed pair and its fit), the rules every pair of
 * a sample breaks, and, for a few, a repair run. Any speed-up must leave every hash as it is; when
 * a change of results is intended, re-record with `npx vitest run -u` and say why in the commit.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { syntheticMembers } from '../../../tests/support/test-applicants';
import { DEFAULT_MATCH_SETTINGS, MatchSettingsSchema } from '../scoring/match-settings';
import type { PoolMember } from '../scoring/scoring-pool';
import { checkPartnership } from './check-partnership';
import { computeMatchRun } from './compute-match-run';
import { explainPartnerships } from './explain-partnership';
import type { MatchSnapshot } from './match-snapshot';
import { repairMatches } from './repair-run';
import { toSolverGraph } from './solver-graph';

const hash = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** Zones with unusual rules: 45-minute and half-hour offsets, a 30-minute daylight saving
 * (Lord Howe), Ramadan's negative one (Casablanca), the southern hemisphere, none at all. */
const ODD_ZONES = [
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Africa/Casablanca',
  'Pacific/Chatham',
  'America/St_Johns',
  'America/Santiago',
  'America/Asuncion',
  'Asia/Tehran',
  'Europe/Dublin',
  'Pacific/Auckland',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'UTC',
];

/** Every `every`-th member gets an odd zone, odd-minute windows (one to midnight) and non-Latin text. */
function withOddities(members: PoolMember[], every: number): PoolMember[] {
  return members.map((m, k) => {
    if (k % every !== 0) return m;
    const zone = ODD_ZONES[(k / every) % ODD_ZONES.length]!;
    const windows =
      k % (2 * every) === 0
        ? [
            { day: 'tue' as const, startTime: '06:10', endTime: '08:35' },
            { day: 'sun' as const, startTime: '21:45', endTime: '24:00' },
            { day: 'mon' as const, startTime: '00:00', endTime: '01:20' },
          ]
        : m.answers.availability.windows;
    return {
      ...m,
      answers: {
        ...m.answers,
        timeZone: zone,
        availability: { ...m.answers.availability, windows },
        otherInterests: `${m.answers.otherInterests ?? ''} 图书馆 数字保存 Bibliothèque numérique ßtraße`,
        hopes: `${m.answers.hopes ?? ''} библиотека δεδομένα`,
      },
    };
  });
}

interface Case {
  name: string;
  snapshot: MatchSnapshot;
  /** Also run a repair with these inactive people and newcomers (ids), and verify nothing else. */
  repair?: { inactive: number; newcomers: number };
}

function snapshotOf(members: PoolMember[], rest: Partial<MatchSnapshot> = {}): MatchSnapshot {
  return {
    round: { startsOn: '2025-03-03', endsOn: '2025-06-30', programTimeZone: 'Australia/Sydney' },
    applications: members.map((m) => ({ ...m, status: 'accepted' as const })),
    settings: DEFAULT_MATCH_SETTINGS,
    objective: 'total-fit',
    locks: [],
    exclusions: [],
    pastPartners: [],
    ...rest,
  };
}

function cases(): Case[] {
  const small = withOddities(syntheticMembers(48, 5), 4);
  const id = (k: number) => small[k]!.id;
  const smallSnapshot = snapshotOf(small, {
    applications: small.map((m, k) => ({
      ...m,
      // Some not accepted, and two applications of one person.
      status: k % 11 === 3 ? ('waitlisted' as const) : k % 13 === 5 ? ('declined' as const) : 'accepted',
      personKey: k === 7 ? small[8]!.personKey : m.personKey,
    })),
    locks: [
      [id(0), id(1)],
      [id(2), id(4), id(6)],
      [id(10), id(10)],
      [id(12), id(3)],
    ],
    exclusions: [
      [id(20), id(21)],
      [id(22), id(30)],
      [id(9), 'not-in-round'],
    ],
    pastPartners: [
      [small[24]!.personKey, small[25]!.personKey],
      [small[26]!.personKey, small[40]!.personKey],
    ],
  });
  return [
    { name: 'small round with locks, exclusions, past partners', snapshot: smallSnapshot },
    {
      name: 'fairness first',
      snapshot: snapshotOf(withOddities(syntheticMembers(110, 9), 9), {
        objective: 'fairness-first',
        settings: MatchSettingsSchema.parse({ rules: { minWeeklyOverlapHours: 0.5 } }),
      }),
    },
    {
      name: 'northern autumn round, fluent working level, two hours of overlap, other weights',
      snapshot: snapshotOf(withOddities(syntheticMembers(300, 21), 5), {
        round: { startsOn: '2025-09-01', endsOn: '2025-12-19', programTimeZone: 'America/New_York' },
        settings: MatchSettingsSchema.parse({
          weights: {
            sharedInterests: 2000,
            partnerPreferences: 1000,
            availability: 3000,
            freeText: 1500,
            languages: 1200,
            careerStage: 700,
            sector: 600,
          },
          rules: { workingLanguageLevel: 'fluent', minWeeklyOverlapHours: 2 },
          availability: { targetWeeklyHours: 3.5, oneEmailOnlyCredit: 0.3 },
        }),
      }),
      repair: { inactive: 25, newcomers: 0 },
    },
    {
      name: 'no language or overlap rule, no trios',
      snapshot: snapshotOf(syntheticMembers(301, 4), {
        round: { startsOn: '2025-10-06', endsOn: '2026-02-27', programTimeZone: 'Europe/London' },
        settings: MatchSettingsSchema.parse({
          rules: { requireSharedLanguage: false, minWeeklyOverlapHours: 0, allowTrios: false },
        }),
      }),
    },
    { name: 'the benchmark round of 860', snapshot: snapshotOf(syntheticMembers(860, 1)) },
    {
      name: '1,500 with odd zones',
      snapshot: snapshotOf(withOddities(syntheticMembers(1500, 2), 17), {
        round: { startsOn: '2026-01-12', endsOn: '2026-05-29', programTimeZone: 'Pacific/Auckland' },
      }),
    },
  ];
}

function fingerprint({ snapshot, repair }: Case) {
  const run = computeMatchRun(snapshot);
  const explanations = explainPartnerships(
    snapshot,
    run.partnerships.map((p) => p.applicationIds),
  );
  const graph = toSolverGraph(snapshot);
  const ids = snapshot.applications.map((a) => a.id);
  const sample = ids.slice(0, 24);
  const breaches = sample.flatMap((x, i) =>
    sample
      .slice(i + 1)
      .map((y, j) => [
        checkPartnership(snapshot, [x, y]),
        checkPartnership(snapshot, [x, y, sample[(i + j + 5) % sample.length]!]),
      ]),
  );
  let repaired: string | undefined;
  if (repair) {
    const active = run.partnerships.map((p) => p.applicationIds);
    const inactive = active.slice(0, repair.inactive).map((p) => p[0]!);
    repaired = hash(repairMatches({ snapshot, activePartnerships: active, inactive, newcomers: [] }));
  }
  return {
    input: hash(snapshot),
    summary: [
      run.partnerships.length,
      run.unmatched.length,
      run.totalFit,
      run.solverWeight,
      run.certificate.pairStage.certified,
    ],
    run: hash(run),
    explanations: hash(explanations),
    graph: hash(graph),
    breaches: hash(breaches),
    ...(repaired === undefined ? {} : { repaired }),
  };
}

describe('match runs give the results recorded before the pipeline was made faster', () => {
  it('every case', () => {
    const got = Object.fromEntries(cases().map((c) => [c.name, fingerprint(c)]));
    expect(got).toMatchInlineSnapshot(`
      {
        "1,500 with odd zones": {
          "breaches": "abb80eb4ceec6e43",
          "explanations": "f89010b10eccf553",
          "graph": "f03237511d09d934",
          "input": "cf6c60825f093ab8",
          "run": "e5c8d0d064ac1deb",
          "summary": [
            743,
            14,
            4558715,
            4559458,
            true,
          ],
        },
        "fairness first": {
          "breaches": "886e23431ee185ec",
          "explanations": "1071dd4148805868",
          "graph": "b15aab014ef21940",
          "input": "bc34c7afd8d0aa92",
          "run": "c1a39607d0c4c0b3",
          "summary": [
            54,
            1,
            257121,
            30495781,
            true,
          ],
        },
        "no language or overlap rule, no trios": {
          "breaches": "d2605141e43fc514",
          "explanations": "a7086d0fec0ed333",
          "graph": "46d8579feb651f3b",
          "input": "c367b930f63d0c6d",
          "run": "4fe8b34d07af01fc",
          "summary": [
            150,
            1,
            883310,
            883460,
            true,
          ],
        },
        "northern autumn round, fluent working level, two hours of overlap, other weights": {
          "breaches": "28a55417eb90f78b",
          "explanations": "b328087e1394acf4",
          "graph": "00c091e4e46ee427",
          "input": "9540cb6d8d9a41c6",
          "repaired": "bf50eda031355b79",
          "run": "b6c28f124beff463",
          "summary": [
            98,
            103,
            540148,
            527058,
            true,
          ],
        },
        "small round with locks, exclusions, past partners": {
          "breaches": "0a6a4fbee513cbe4",
          "explanations": "5c9952ed91764d19",
          "graph": "3711819ef08edc7b",
          "input": "f2c9c673198f6e15",
          "run": "ce273f60300f9733",
          "summary": [
            15,
            8,
            74346,
            68228,
            true,
          ],
        },
        "the benchmark round of 860": {
          "breaches": "7da01850ee11b223",
          "explanations": "60d02b4d8a39bade",
          "graph": "deb6aa554d5b7eb7",
          "input": "5b0a946c221a9aa3",
          "run": "4cbfc0c0550bb7f8",
          "summary": [
            426,
            8,
            2514424,
            2514850,
            true,
          ],
        },
      }
    `);
  });
});
