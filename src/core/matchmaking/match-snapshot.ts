/**
 * The input of a match run, as plain data that can be stored and re-run later: the round's dates,
 * the applications with their status, the settings, the objective, and what coordinators fixed
 * (locks: partnerships of two or three they made by hand; exclusions: pairs never to be matched)
 * plus who were partners in earlier rounds (by person key). A match run is a pure function of it.
 */
import { z } from 'zod';
import { ApplicationAnswersSchema } from '../applications/application-answers';
import { APPLICATION_STATUSES } from '../applications/application-status';
import { MatchSettingsSchema } from '../scoring/match-settings';
import type { PoolMember } from '../scoring/scoring-pool';
import { LocalDateSchema } from '../time/local-time';
import { TimeZoneSchema } from '../time/time-zones';

/**
 * `total-fit`: the most people paired, and among those pairings the largest total fit.
 * `fairness-first`: the most people paired; among those, the largest fit of the weakest
 * partnership; among those, the largest total fit.
 */
export const MATCH_OBJECTIVES = ['total-fit', 'fairness-first'] as const;
export type MatchObjective = (typeof MATCH_OBJECTIVES)[number];

export const MatchAnswersSchema = ApplicationAnswersSchema.pick({
  countryOfResidence: true,
  timeZone: true,
  languages: true,
  sector: true,
  careerStage: true,
  interests: true,
  otherInterests: true,
  hopes: true,
  partnerPreference: true,
  availability: true,
});

export const MatchApplicationSchema = z.object({
  id: z.string().min(1),
  personKey: z.string().min(1),
  status: z.enum(APPLICATION_STATUSES),
  answers: MatchAnswersSchema,
});

const idPair = z.tuple([z.string().min(1), z.string().min(1)]);

export const MatchSnapshotSchema = z.object({
  round: z.object({ startsOn: LocalDateSchema, endsOn: LocalDateSchema, programTimeZone: TimeZoneSchema }),
  applications: z.array(MatchApplicationSchema),
  settings: MatchSettingsSchema.default(() => MatchSettingsSchema.parse({})),
  objective: z.enum(MATCH_OBJECTIVES).default('total-fit'),
  /** Partnerships fixed by a coordinator: two or three application ids each. */
  locks: z.array(z.array(z.string().min(1)).min(2).max(3)).default([]),
  /** Application id pairs never to be matched. */
  exclusions: z.array(idPair).default([]),
  /** Person-key pairs who were partners in an earlier round. */
  pastPartners: z.array(idPair).default([]),
});

export type MatchApplication = z.output<typeof MatchApplicationSchema>;
export type MatchSnapshot = z.output<typeof MatchSnapshotSchema>;
export type MatchSnapshotInput = z.input<typeof MatchSnapshotSchema>;

export const toPoolMember = (application: MatchApplication): PoolMember => ({
  id: application.id,
  personKey: application.personKey,
  answers: application.answers,
});
