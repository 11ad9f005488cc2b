import type { MatchObjective, MatchSnapshot } from '../../core/matchmaking';
import type { Round } from '../../core/rounds';
import { MatchSettingsSchema } from '../../core/scoring/match-settings';
import type { MatchCandidate } from '../ports/matching';
import type { Store } from '../ports/store';

/**
 * Everything a match run of the round reads, as the snapshot stored with the run: the round's dates,
 * every application (only accepted ones take part), the settings, the locks and exclusions
 * coordinators made, and who were partners in earlier rounds (by email).
 */
export const buildMatchSnapshot = async (
  store: Pick<Store, 'matching'>,
  round: Round,
  objective: MatchObjective,
): Promise<{ snapshot: MatchSnapshot; candidates: MatchCandidate[] }> => {
  const [candidates, settings, locks, exclusions, pastPartners] = await Promise.all([
    store.matching.listCandidates(round.id),
    store.matching.findSettings(round.id),
    store.matching.listLocks(round.id),
    store.matching.listExclusions(round.id),
    store.matching.listPastPartnerKeys(round.id),
  ]);
  const snapshot: MatchSnapshot = {
    round: { startsOn: round.startsOn, endsOn: round.endsOn, programTimeZone: round.programTimeZone },
    applications: candidates.map((candidate) => ({
      id: candidate.applicationId,
      personKey: candidate.personKey,
      status: candidate.status as MatchSnapshot['applications'][number]['status'],
      answers: {
        countryOfResidence: candidate.answers.countryOfResidence,
        timeZone: candidate.answers.timeZone,
        languages: candidate.answers.languages,
        sector: candidate.answers.sector,
        careerStage: candidate.answers.careerStage,
        interests: candidate.answers.interests,
        otherInterests: candidate.answers.otherInterests,
        hopes: candidate.answers.hopes,
        partnerPreference: candidate.answers.partnerPreference,
        availability: candidate.answers.availability,
      },
    })),
    settings: MatchSettingsSchema.parse(settings ?? {}),
    objective,
    locks: locks.map((lock) => lock.applicationIds),
    exclusions: exclusions.map((exclusion) => exclusion.applicationIds),
    pastPartners,
  };
  return { snapshot, candidates };
};
