import type { CheckInAnswer } from '../../core/checkins/check-in';
import type { HourCount } from '../../core/dashboard/round-figures';
import type { CountryScope } from './review';

/**
 * The counts behind a round's dashboard, each one GROUP BY over an index the round's pages
 * already use, so the page costs the same at ten thousand participants as at a hundred. A scope
 * of countries counts only applications (and partnerships, check-ins, survey invitations) of
 * people from those countries.
 */
export interface RoundDashboardRepository {
  /** Applications submitted per UTC hour. */
  countApplicationsByHour: (roundId: string, scope: CountryScope) => Promise<HourCount[]>;
  /** Accepted applications (the round's participants) per country of residence. */
  countParticipantsByCountry: (
    roundId: string,
    scope: CountryScope,
  ) => Promise<{ countryCode: string; count: number }[]>;
  /** Active participants: members of the round's running partnerships who have not left. */
  countActiveParticipants: (roundId: string, scope: CountryScope) => Promise<number>;
  /** The round's partnerships (published runs and repairs) per band of `bandPoints` fit points. */
  countPartnershipsByFitBand: (
    roundId: string,
    scope: CountryScope,
    bandPoints: number,
  ) => Promise<{ band: number; count: number }[]>;
  /** Check-ins per fortnight and answer. */
  countCheckIns: (
    roundId: string,
    scope: CountryScope,
  ) => Promise<{ fortnight: number; answer: CheckInAnswer; count: number }[]>;
  /** Per survey: people invited and people who answered. */
  countSurveyResponses: (
    surveyIds: readonly string[],
    scope: CountryScope,
  ) => Promise<{ surveyId: string; invited: number; answered: number }[]>;
  /** The round's applications from these countries (ids only), to tell which partnerships a country coordinator sees. */
  listApplicationIdsFrom: (roundId: string, countryCodes: readonly string[]) => Promise<string[]>;
  /**
   * The whole mail queue: waiting to be sent (or being sent), of those how many failed an
   * attempt and will be retried, and the dead letters (given up).
   */
  countMailHealth: () => Promise<{ queued: number; retrying: number; deadLetters: number }>;
}
