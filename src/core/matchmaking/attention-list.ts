/**
 * Partnerships worth a coordinator's look, most telling first, each with reason codes:
 *  - `low-fit` (weight 3): fit under the round's attention threshold;
 *  - `preference-not-met` (2): some partner's preference is not (fully) met;
 *  - `thin-call-overlap` (2): both want calls and their guaranteed weekly overlap is thin;
 *  - `trio` (1): three people, whose conversations take more arranging.
 * Ranked by the sum of the weights of their reasons, then lowest fit, then ids.
 */
import type { MatchSettings } from '../scoring/match-settings';
import type { MatchRun, Partnership } from './match-run';

export const ATTENTION_CODES = ['low-fit', 'preference-not-met', 'thin-call-overlap', 'trio'] as const;
export type AttentionCode = (typeof ATTENTION_CODES)[number];

const SEVERITY: Record<AttentionCode, number> = {
  'low-fit': 3,
  'preference-not-met': 2,
  'thin-call-overlap': 2,
  trio: 1,
};

export interface AttentionReason {
  code: AttentionCode;
  params: Record<string, string | number>;
}

export interface AttentionItem {
  applicationIds: string[];
  fit: number;
  severity: number;
  reasons: AttentionReason[];
}

export function listAttention(run: MatchRun, settings: MatchSettings): AttentionItem[] {
  return run.partnerships
    .map((p) => {
      const reasons = reasonsFor(p, settings);
      return {
        applicationIds: p.applicationIds,
        fit: p.fit,
        severity: reasons.reduce((sum, r) => sum + SEVERITY[r.code], 0),
        reasons,
      };
    })
    .filter((item) => item.reasons.length > 0)
    .sort(
      (a, b) =>
        b.severity - a.severity ||
        a.fit - b.fit ||
        (a.applicationIds[0]! < b.applicationIds[0]!
          ? -1
          : a.applicationIds[0]! > b.applicationIds[0]!
            ? 1
            : 0),
    );
}

function reasonsFor(p: Partnership, settings: MatchSettings): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (p.fit < settings.attention.lowFitPoints) {
    reasons.push({ code: 'low-fit', params: { fit: p.fit, threshold: settings.attention.lowFitPoints } });
  }
  const fullPreference = settings.weights.partnerPreferences;
  for (const pair of p.pairs) {
    if (pair.parts.partnerPreferences < fullPreference) {
      reasons.push({
        code: 'preference-not-met',
        params: {
          first: pair.applicationIds[0],
          second: pair.applicationIds[1],
          points: pair.parts.partnerPreferences,
          of: fullPreference,
        },
      });
    }
  }
  const thinMinutes = settings.attention.thinOverlapHours * 60;
  for (const pair of p.pairs) {
    if (pair.callMode === 'both-calls' && pair.guaranteedWeeklyMinutes < thinMinutes) {
      reasons.push({
        code: 'thin-call-overlap',
        params: {
          first: pair.applicationIds[0],
          second: pair.applicationIds[1],
          guaranteedMinutes: pair.guaranteedWeeklyMinutes,
        },
      });
    }
  }
  if (p.applicationIds.length === 3) reasons.push({ code: 'trio', params: {} });
  return reasons;
}
