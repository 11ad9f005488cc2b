import { z } from 'zod';
import { isCountryCode } from '../countries/countries';
import { isLocalTime, LocalTimeSchema, parseLocalTimeMinutes } from '../time/local-time';
import { TimeZoneSchema } from '../time/time-zones';
import { DAYS_OF_WEEK } from '../time/weekly-availability';
import { validateWith } from './field-problems';
import { INTEREST_IDS, MAX_INTERESTS, MIN_INTERESTS } from './interest-taxonomy';
import { CAREER_STAGES, LANGUAGE_LEVELS, REFERRAL_SOURCES, SECTORS } from './labels';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** Answers per two-letter code (at most 676): asking ICU costs far more than the map. */
const knownLanguageCodes = new Map<string, boolean>();

function isLanguageCode(code: string): boolean {
  if (!/^[a-z]{2}$/.test(code)) return false;
  let known = knownLanguageCodes.get(code);
  if (known === undefined) {
    try {
      known = languageNames.of(code) !== undefined;
    } catch {
      known = false;
    }
    knownLanguageCodes.set(code, known);
  }
  return known;
}

/**
 * The most languages and weekly call times an application may give (the form says so). Not lower:
 * stored applications, imports and match snapshots are read with this same schema.
 */
export const MAX_LANGUAGES = 10;
export const MAX_AVAILABILITY_WINDOWS = 21;

const requiredText = (max: number, missing: string, tooLong: string) =>
  z.string({ error: missing }).trim().min(1, { error: missing }).max(max, { error: tooLong });

const optionalText = (max: number, tooLong: string) =>
  z.string({ error: tooLong }).trim().max(max, { error: tooLong }).optional().default('');

export const LanguageSkillSchema = z.object(
  {
    code: z
      .string({ error: 'language.missing' })
      .trim()
      .toLowerCase()
      .refine(isLanguageCode, { error: 'language.unknown' }),
    level: z.enum(LANGUAGE_LEVELS, { error: 'language.level' }),
  },
  { error: 'language.incomplete' },
);

const bothTimes = (window: { startTime: unknown; endTime: unknown }) =>
  isLocalTime(window.startTime) && (isLocalTime(window.endTime) || window.endTime === '24:00');

export const AvailabilityWindowSchema = z
  .object(
    {
      day: z.enum(DAYS_OF_WEEK, { error: 'window.day' }),
      startTime: LocalTimeSchema,
      endTime: z
        .string({ error: 'window.endMissing' })
        .trim()
        .refine((value) => value === '24:00' || /^([01]\d|2[0-3]):[0-5]\d$/.test(value), {
          error: 'window.endInvalid',
        }),
    },
    { error: 'window.incomplete' },
  )
  // Zod 4 runs refinements even when a field failed, so only compare two readable times.
  .refine(
    (window) =>
      !bothTimes(window) || parseLocalTimeMinutes(window.endTime) > parseLocalTimeMinutes(window.startTime),
    {
      error: 'window.endBeforeStart',
      path: ['endTime'],
    },
  );

export const AvailabilitySchema = z
  .object(
    {
      emailOnly: z.boolean({ error: 'availability.emailOnlyMissing' }).default(false),
      windows: z
        .array(AvailabilityWindowSchema, { error: 'availability.windowsMissing' })
        .max(MAX_AVAILABILITY_WINDOWS, { error: 'availability.tooManyWindows' })
        .default([]),
    },
    { error: 'availability.missing' },
  )
  .superRefine((availability, ctx) => {
    if (!Array.isArray(availability.windows)) return;
    if (availability.emailOnly && availability.windows.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['windows'],
        message: 'availability.both',
      });
    }
    if (!availability.emailOnly && availability.windows.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['windows'],
        message: 'availability.none',
      });
    }
  });

export const PartnerPreferenceSchema = z
  .object(
    {
      openToAnyone: z.boolean({ error: 'partner.openMissing' }).default(false),
      sectors: z
        .array(z.enum(SECTORS, { error: 'partner.sectorUnknown' }), {
          error: 'partner.sectorUnknown',
        })
        .max(SECTORS.length)
        .default([]),
      careerStages: z
        .array(z.enum(CAREER_STAGES, { error: 'partner.careerStageUnknown' }), {
          error: 'partner.careerStageUnknown',
        })
        .max(CAREER_STAGES.length)
        .default([]),
    },
    { error: 'partner.missing' },
  )
  .superRefine((preference, ctx) => {
    if (!Array.isArray(preference.sectors) || !Array.isArray(preference.careerStages)) return;
    const hasChoices = preference.sectors.length + preference.careerStages.length > 0;
    if (preference.openToAnyone && hasChoices) {
      ctx.addIssue({
        code: 'custom',
        path: ['openToAnyone'],
        message: 'partner.both',
      });
    }
    if (!preference.openToAnyone && !hasChoices) {
      ctx.addIssue({
        code: 'custom',
        path: ['openToAnyone'],
        message: 'partner.none',
      });
    }
  });

export const ApplicationAnswersSchema = z.object(
  {
    name: requiredText(200, 'name.missing', 'name.tooLong'),
    email: z
      .string({ error: 'email.missing' })
      .trim()
      .min(1, { error: 'email.missing' })
      .max(254, { error: 'email.tooLong' })
      .pipe(z.email({ error: 'email.invalid' })),
    countryOfResidence: z
      .string({ error: 'country.missing' })
      .trim()
      .toUpperCase()
      .refine(isCountryCode, { error: 'country.unknown' }),
    timeZone: TimeZoneSchema,
    languages: z
      .array(LanguageSkillSchema, { error: 'languages.missing' })
      .min(1, { error: 'languages.missing' })
      .max(MAX_LANGUAGES, { error: 'languages.tooMany' })
      .refine((skills) => new Set(skills.map((skill) => skill?.code)).size === skills.length, {
        error: 'languages.repeated',
      }),
    sector: z.enum(SECTORS, { error: 'sector.missing' }),
    role: requiredText(200, 'role.missing', 'role.tooLong'),
    careerStage: z.enum(CAREER_STAGES, { error: 'careerStage.missing' }),
    yearsInProfession: z
      .number({ error: 'years.invalid' })
      .int({ error: 'years.invalid' })
      .min(0, { error: 'years.invalid' })
      .max(60, { error: 'years.invalid' }),
    interests: z
      .array(z.enum(INTEREST_IDS, { error: 'interests.unknown' }), {
        error: 'interests.missing',
      })
      .min(MIN_INTERESTS, { error: 'interests.tooFew' })
      .max(MAX_INTERESTS, { error: 'interests.tooMany' })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'interests.repeated' }),
    otherInterests: optionalText(1000, 'otherInterests.tooLong'),
    partnerPreference: PartnerPreferenceSchema,
    availability: AvailabilitySchema,
    hopes: requiredText(2000, 'hopes.missing', 'hopes.tooLong'),
    heardFrom: z.enum(REFERRAL_SOURCES, { error: 'heardFrom.missing' }),
    heardFromDetail: optionalText(500, 'heardFromDetail.tooLong'),
    privacyConsent: z.literal(true, { error: 'consent.privacy' }),
    codeOfConductAccepted: z.literal(true, { error: 'consent.conduct' }),
  },
  { error: 'form.missing' },
);

export type ApplicationAnswers = z.output<typeof ApplicationAnswersSchema>;
export type ApplicationAnswersInput = z.input<typeof ApplicationAnswersSchema>;
export type LanguageSkill = z.output<typeof LanguageSkillSchema>;
export type PartnerPreference = z.output<typeof PartnerPreferenceSchema>;
export type Availability = z.output<typeof AvailabilitySchema>;

/** Never throws: any input gives either the parsed answers or a list of field problems. */
export const validateApplicationAnswers = (input: unknown) => validateWith(ApplicationAnswersSchema, input);
