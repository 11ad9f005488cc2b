/** Snapshots for tests, built from the scoring test applicants. */

import type { MatchApplication, MatchSnapshot } from '../../src/core/matchmaking/match-snapshot';
import {
  DEFAULT_MATCH_SETTINGS,
  type MatchSettings,
  MatchSettingsSchema,
} from '../../src/core/scoring/match-settings';
import type { PoolMember } from '../../src/core/scoring/scoring-pool';
import { TEST_CALENDAR } from './test-applicants';

export function makeSnapshot(
  members: readonly PoolMember[],
  overrides: Partial<Omit<MatchSnapshot, 'applications'>> & {
    statuses?: Record<string, MatchApplication['status']>;
  } = {},
): MatchSnapshot {
  const { statuses = {}, ...rest } = overrides;
  return {
    round: TEST_CALENDAR,
    applications: members.map((m) => ({ ...m, status: statuses[m.id] ?? 'accepted' })),
    settings: DEFAULT_MATCH_SETTINGS,
    objective: 'total-fit',
    locks: [],
    exclusions: [],
    pastPartners: [],
    ...rest,
  };
}

/** Default settings with some rules changed. */
export const settingsWith = (rules: Partial<MatchSettings['rules']>): MatchSettings =>
  MatchSettingsSchema.parse({ rules: { ...DEFAULT_MATCH_SETTINGS.rules, ...rules } });
