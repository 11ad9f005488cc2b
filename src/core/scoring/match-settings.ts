/**
 * A round's matching settings: how much each part of the fit counts, and the rules no match may
 * break. Every field has a default, so `MatchSettingsSchema.parse({})` gives a working round.
 *
 * Fit points: each part is a number in [0, 1] times its weight, rounded to a whole point; the fit
 * is the sum of the parts. Weights are whole numbers adding up to at most MAX_FIT_POINTS (10,000),
 * so a fit is an integer in 0..10,000 and the matching engine solves it exactly.
 */
import { z } from 'zod';
import { LANGUAGE_LEVELS } from '../applications/labels';

export const MAX_FIT_POINTS = 10_000;

const weight = (fallback: number) => z.int().min(0).max(MAX_FIT_POINTS).default(fallback);

export const FitWeightsSchema = z
  .object({
    /** Shared areas of interest from the taxonomy, rarer ones counting more (the program's key criterion). */
    sharedInterests: weight(3500),
    /** Partner preferences met, each direction half. */
    partnerPreferences: weight(2000),
    /** Guaranteed weekly call overlap (or both preferring email). */
    availability: weight(1500),
    /** Similar words in "other interests" and "hopes". */
    freeText: weight(1000),
    /** How comfortably the pair share a working language. */
    languages: weight(1000),
    /** Closeness of career stage. */
    careerStage: weight(500),
    /** Same sector. */
    sector: weight(500),
  })
  .refine((w) => Object.values(w).reduce((sum, x) => sum + x, 0) <= MAX_FIT_POINTS, {
    error: `The weights must add up to at most ${MAX_FIT_POINTS}`,
  });

export const MatchRulesSchema = z.object({
  /** Both must speak one language at `workingLanguageLevel` or better. */
  requireSharedLanguage: z.boolean().default(true),
  /**
   * The least level that counts as a working language: `conversational` by default (can hold an
   * hour's conversation and write messages). `basic` does not carry a peer-mentoring exchange.
   */
  workingLanguageLevel: z.enum(LANGUAGE_LEVELS).default('conversational'),
  /** When both want calls: the least guaranteed weekly overlap, in hours (0 turns the rule off). */
  minWeeklyOverlapHours: z.number().min(0).max(168).default(1),
  /** Leftover participants may join a partnership of two, making three. */
  allowTrios: z.boolean().default(true),
});

export const AvailabilityFitSchema = z.object({
  /** Weekly guaranteed overlap (hours) that earns the whole availability weight when both want calls. */
  targetWeeklyHours: z.number().positive().max(168).default(2),
  /** Share of the availability weight when one wants calls and the other prefers email. */
  oneEmailOnlyCredit: z.number().min(0).max(1).default(0.5),
});

export const AttentionSettingsSchema = z.object({
  /** Partnerships whose fit is below this many points are worth a look. */
  lowFitPoints: z.int().min(0).max(MAX_FIT_POINTS).default(2500),
  /** When both want calls, a guaranteed weekly overlap under this many hours is thin. */
  thinOverlapHours: z.number().min(0).max(168).default(1.5),
});

export const MatchSettingsSchema = z.object({
  weights: FitWeightsSchema.default(() => FitWeightsSchema.parse({})),
  rules: MatchRulesSchema.default(() => MatchRulesSchema.parse({})),
  availability: AvailabilityFitSchema.default(() => AvailabilityFitSchema.parse({})),
  attention: AttentionSettingsSchema.default(() => AttentionSettingsSchema.parse({})),
});

export type FitWeights = z.output<typeof FitWeightsSchema>;
export type MatchRules = z.output<typeof MatchRulesSchema>;
export type MatchSettings = z.output<typeof MatchSettingsSchema>;
export type MatchSettingsInput = z.input<typeof MatchSettingsSchema>;

export const DEFAULT_MATCH_SETTINGS: MatchSettings = MatchSettingsSchema.parse({});

/** The parts of a fit, in the order they are listed everywhere. */
export const FIT_PARTS = [
  'sharedInterests',
  'partnerPreferences',
  'availability',
  'freeText',
  'languages',
  'careerStage',
  'sector',
] as const satisfies readonly (keyof FitWeights)[];
export type FitPart = (typeof FIT_PARTS)[number];
