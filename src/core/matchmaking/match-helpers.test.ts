import { describe, expect, it } from 'vitest';
import { makeMember, syntheticMembers } from '../../../tests/support/test-applicants';
import { makeSnapshot, settingsWith } from '../../../tests/support/test-snapshots';
import { maxWeightMatching } from '../matching/max-weight-matching';
import { DEFAULT_MATCH_SETTINGS } from '../scoring/match-settings';
import { listAttention } from './attention-list';
import { checkPartnership } from './check-partnership';
import { compareMatchRuns } from './compare-runs';
import { computeMatchRun } from './compute-match-run';
import { explainPartnerships } from './explain-partnership';
import { MatchSnapshotSchema } from './match-snapshot';
import { repairMatches } from './repair-run';
import { toSolverGraph } from './solver-graph';
import { verifyMatchRun } from './verify-match-run';

const london = (id: string, more = {}) => makeMember(id, more);
const dublin = (id: string, more = {}) =>
  makeMember(id, { countryOfResidence: 'IE', timeZone: 'Europe/Dublin', ...more });
const paris = (id: string, more = {}) =>
  makeMember(id, { countryOfResidence: 'FR', timeZone: 'Europe/Paris', ...more });
const tokyo = (id: string, more = {}) =>
  makeMember(id, { countryOfResidence: 'JP', timeZone: 'Asia/Tokyo', ...more });

describe('checkPartnership', () => {
  const snapshot = makeSnapshot([london('a'), london('b'), dublin('c'), tokyo('d'), paris('e')], {
    statuses: { e: 'waitlisted' },
    exclusions: [['a', 'c']],
  });

  it.each([
    ['a fine pair', ['b', 'c'], []],
    ['the same country', ['a', 'b'], ['same-country']],
    ['a coordinator’s exclusion', ['c', 'a'], ['excluded-by-coordinator']],
    ['no call time in common', ['a', 'd'], ['too-little-call-overlap']],
    ['an application that is not accepted', ['b', 'e'], ['application-not-accepted']],
    ['an unknown application', ['b', 'zz'], ['application-unknown']],
    ['one person', ['b'], ['partnership-size']],
    ['a trio with two problems', ['a', 'b', 'c'], ['same-country', 'excluded-by-coordinator']],
  ])('reports %s', (_name, ids, codes) => {
    expect(checkPartnership(snapshot, ids).map((b) => b.code)).toEqual(codes);
  });
});

describe('the call-overlap rule uses the guaranteed weekly overlap', () => {
  it('refuses a pair whose only shared hour vanishes between the US and European clock changes', () => {
    // New York Tue 08–09 = London Tue 13–14, except 9–30 March 2025 (New York already on summer time).
    const ny = makeMember('ny', {
      countryOfResidence: 'US',
      timeZone: 'America/New_York',
      availability: { emailOnly: false, windows: [{ day: 'tue', startTime: '08:00', endTime: '09:00' }] },
    });
    const ldn = makeMember('ldn', {
      availability: { emailOnly: false, windows: [{ day: 'tue', startTime: '13:00', endTime: '14:00' }] },
    });
    const march = makeSnapshot([ny, ldn]);
    expect(checkPartnership(march, ['ny', 'ldn'])).toEqual([
      {
        code: 'too-little-call-overlap',
        applicationIds: ['ldn', 'ny'],
        params: { guaranteedMinutes: 0, requiredMinutes: 60 },
      },
    ]);
    const april = makeSnapshot([ny, ldn], {
      round: { startsOn: '2025-04-07', endsOn: '2025-07-31', programTimeZone: 'Europe/London' },
    });
    expect(checkPartnership(april, ['ny', 'ldn'])).toEqual([]);
  });
});

describe('computeMatchRun: named cases', () => {
  it('pairs across countries, puts the odd one out into a trio, and explains nobody is left', () => {
    const run = computeMatchRun(makeSnapshot([london('a'), dublin('b'), paris('c')]));
    expect(run.partnerships.map((p) => [p.applicationIds, p.source])).toEqual([[['a', 'b', 'c'], 'trio']]);
    expect(run.partnerships[0]!.pairs).toHaveLength(3);
    expect(run.unmatched).toEqual([]);
    expect(run.certificate.trioStage?.certified).toBe(true);
  });

  it('leaves the odd one out alone when the round does not allow trios, with a reason', () => {
    const run = computeMatchRun(
      makeSnapshot([london('a'), dublin('b'), paris('c')], { settings: settingsWith({ allowTrios: false }) }),
    );
    expect(run.partnerships).toHaveLength(1);
    expect(run.unmatched).toHaveLength(1);
    expect(run.unmatched[0]!.code).toBe('every-allowed-partner-taken');
  });

  it.each([
    ['alone-in-round', [london('a')]],
    ['no-one-from-another-country', [london('a'), london('b'), london('c')]],
    [
      'no-shared-working-language',
      [london('a'), paris('b', { languages: [{ code: 'fr', level: 'native' }] })],
    ],
    ['no-allowed-partner', [london('a'), tokyo('b')]],
  ])('gives the reason %s', (code, members) => {
    const run = computeMatchRun(makeSnapshot(members));
    expect(run.unmatched.map((u) => u.code)).toContain(code);
  });

  it('skips applications that are not accepted, keeps valid locks and rejects a lock that breaks a rule', () => {
    const snapshot = makeSnapshot(
      [london('a'), london('b'), dublin('c'), paris('d'), paris('e'), tokyo('f')],
      {
        statuses: { f: 'withdrawn' },
        locks: [
          ['d', 'a'],
          ['b', 'e', 'c'],
          ['c', 'e'],
        ],
      },
    );
    const run = computeMatchRun(snapshot);
    expect(run.skipped).toEqual([
      { applicationId: 'f', code: 'application-not-accepted', params: { status: 'withdrawn' } },
    ]);
    expect(run.partnerships.filter((p) => p.source === 'lock').map((p) => p.applicationIds)).toEqual([
      ['a', 'd'],
      ['b', 'c', 'e'],
    ]);
    expect(run.rejectedLocks).toEqual([
      {
        applicationIds: ['c', 'e'],
        breaches: [
          { code: 'application-repeated', applicationIds: ['c'], params: {} },
          { code: 'application-repeated', applicationIds: ['e'], params: {} },
        ],
      },
    ]);
    expect(verifyMatchRun(snapshot, run)).toEqual({ ok: true, problems: [] });
  });

  it('never pairs past partners or excluded pairs even when they fit best', () => {
    const members = [
      london('a', {}),
      dublin('b'),
      paris('c', { interests: ['law-libraries', 'newspapers', 'school-libraries'] }),
      makeMember('d', {
        countryOfResidence: 'BE',
        timeZone: 'Europe/Brussels',
        interests: ['law-libraries', 'newspapers', 'school-libraries'],
      }),
    ];
    const free = computeMatchRun(makeSnapshot(members, { settings: settingsWith({ allowTrios: false }) }));
    expect(free.partnerships.map((p) => p.applicationIds)).toContainEqual(['a', 'b']);
    const ruled = computeMatchRun(
      makeSnapshot(members, {
        settings: settingsWith({ allowTrios: false }),
        pastPartners: [['person-a', 'person-b']],
        exclusions: [['c', 'd']],
      }),
    );
    for (const p of ruled.partnerships) {
      expect(p.applicationIds).not.toEqual(['a', 'b']);
      expect(p.applicationIds).not.toEqual(['c', 'd']);
    }
    expect(ruled.partnerships).toHaveLength(2);
  });

  it('parses a stored snapshot with defaults', () => {
    const parsed = MatchSnapshotSchema.parse({
      round: { startsOn: '2025-03-10', endsOn: '2025-07-10', programTimeZone: 'Australia/Sydney' },
      applications: [{ id: 'a', personKey: 'p', status: 'accepted', answers: london('a').answers }],
    });
    expect(parsed.objective).toBe('total-fit');
    expect(parsed.settings).toEqual(DEFAULT_MATCH_SETTINGS);
  });
});

describe('match run helpers on a synthetic round', () => {
  const members = syntheticMembers(120, 11);
  const snapshot = makeSnapshot(members);
  const run = computeMatchRun(snapshot);

  it('verifies against its snapshot alone, and catches a tampered run', () => {
    expect(verifyMatchRun(snapshot, run)).toEqual({ ok: true, problems: [] });
    const swapped = structuredClone(run);
    const [p, q] = swapped.partnerships.filter((x) => x.applicationIds.length === 2);
    [p!.applicationIds[1], q!.applicationIds[1]] = [q!.applicationIds[1]!, p!.applicationIds[1]!];
    expect(verifyMatchRun(snapshot, swapped).ok).toBe(false);
  });

  it('exports the stage graph whose optimum is the run’s solver weight', () => {
    const graph = toSolverGraph(snapshot);
    expect(graph.ids).toHaveLength(120);
    expect(graph.pairBonus).toBe(1);
    expect(maxWeightMatching(graph.edges).weight).toBe(run.solverWeight);
  });

  it('explains each partnership with shared interests, languages and call windows in both local times', () => {
    const [explanation] = explainPartnerships(snapshot, [run.partnerships[0]!.applicationIds]);
    const pair = explanation!.pairs[0]!;
    expect(pair.fit).toBe(run.partnerships[0]!.pairs[0]!.fit);
    expect(pair.sharedLanguages.length).toBeGreaterThan(0);
    if (pair.overlap.callMode === 'both-calls') {
      expect(pair.overlap.guaranteedWeeklyMinutes).toBe(
        run.partnerships[0]!.pairs[0]!.guaranteedWeeklyMinutes,
      );
      expect(pair.overlap.periods[0]!.sharedWindows[0]!.local).toHaveLength(2);
    }
  });

  it('lists partnerships worth a look, worst first', () => {
    const items = listAttention(run, DEFAULT_MATCH_SETTINGS);
    expect(items.length).toBeGreaterThan(0);
    for (let k = 1; k < items.length; k++)
      expect(items[k - 1]!.severity).toBeGreaterThanOrEqual(items[k]!.severity);
    const trio = run.partnerships.find((p) => p.applicationIds.length === 3);
    if (trio)
      expect(
        items.find((i) => i.applicationIds === trio.applicationIds)?.reasons.map((r) => r.code),
      ).toContain('trio');
  });

  it('compares two runs: the same run changes nothing, fairness first moves some people (and verifies)', () => {
    expect(compareMatchRuns(run, run)).toMatchObject({
      changes: [],
      totalFitChange: 0,
      unchangedPartnerships: run.partnerships.length,
    });
    const fairSnapshot = { ...snapshot, objective: 'fairness-first' as const };
    const fair = computeMatchRun(fairSnapshot);
    expect(verifyMatchRun(fairSnapshot, fair)).toEqual({ ok: true, problems: [] });
    const diff = compareMatchRuns(run, fair);
    expect(diff.changes.length).toBeGreaterThan(0);
    // Fairness first keeps the largest number of pairs (before trios), total fit may pair fewer.
    const stagePairs = (r: typeof run) => r.partnerships.filter((p) => p.source !== 'lock').length;
    expect(stagePairs(fair)).toBeGreaterThanOrEqual(stagePairs(run));
  });

  it('repairs a round: keeps every other partnership and re-matches orphans with newcomers', () => {
    const active = run.partnerships.map((p) => p.applicationIds);
    const pairs = active.filter((p) => p.length === 2);
    const leaving = [pairs[0]![0]!, pairs[1]![0]!];
    const newcomers = syntheticMembers(3, 99).map((m) => ({
      ...m,
      id: `new-${m.id}`,
      personKey: `new-${m.personKey}`,
    }));
    const repaired = repairMatches({
      snapshot: makeSnapshot([...members, ...newcomers]),
      activePartnerships: active,
      inactive: leaving,
      newcomers: newcomers.map((m) => m.id),
    });
    expect(repaired.orphans).toEqual([pairs[0]![1]!, pairs[1]![1]!].sort());
    expect(repaired.kept).toHaveLength(active.length - 2);
    const placed = [
      ...repaired.run.partnerships.flatMap((p) => p.applicationIds),
      ...repaired.run.unmatched.map((u) => u.applicationId),
    ];
    expect(placed.sort()).toEqual([...repaired.orphans, ...newcomers.map((m) => m.id)].sort());
  });
});
