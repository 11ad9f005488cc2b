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

const requiredText = (max: number, missing: string, tooLong: string) =>
  z.string({ error: missing }).trim().min(1, { error: missing }).max(max, { error: tooLong });

const optionalText = (max: number, tooLong: string) =>
  z.string({ error: tooLong }).trim().max(max, { error: tooLong }).optional().default('');

export const LanguageSkillSchema = z.object(
  {
    code: z
      .string({ error: 'Choose a language' })
      .trim()
      .toLowerCase()
      .refine(isLanguageCode, { error: 'Choose a language from the list' }),
    level: z.enum(LANGUAGE_LEVELS, { error: 'Choose how well you speak this language' }),
  },
  { error: 'Choose a language and your level' },
);

const bothTimes = (window: { startTime: unknown; endTime: unknown }) =>
  isLocalTime(window.startTime) && (isLocalTime(window.endTime) || window.endTime === '24:00');

export const AvailabilityWindowSchema = z
  .object(
    {
      day: z.enum(DAYS_OF_WEEK, { error: 'Choose a day of the week' }),
      startTime: LocalTimeSchema,
      endTime: z
        .string({ error: 'Enter an end time as HH:MM' })
        .trim()
        .refine((value) => value === '24:00' || /^([01]\d|2[0-3]):[0-5]\d$/.test(value), {
          error: 'Enter an end time as HH:MM (24-hour clock)',
        }),
    },
    { error: 'Give a day, a start time and an end time' },
  )
  // Zod 4 runs refinements even when a field failed, so only compare two readable times.
  .refine(
    (window) =>
      !bothTimes(window) || parseLocalTimeMinutes(window.endTime) > parseLocalTimeMinutes(window.startTime),
    {
      error: 'End the time window after it starts (split a window that crosses midnight into two)',
      path: ['endTime'],
    },
  );

export const AvailabilitySchema = z
  .object(
    {
      emailOnly: z.boolean({ error: 'Say whether you prefer email only' }).default(false),
      windows: z
        .array(AvailabilityWindowSchema, { error: 'Give the times you could take a call' })
        .max(21, { error: 'Give at most 21 time windows' })
        .default([]),
    },
    { error: 'Give the times you could take a call, or choose email only' },
  )
  .superRefine((availability, ctx) => {
    if (!Array.isArray(availability.windows)) return;
    if (availability.emailOnly && availability.windows.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['windows'],
        message: 'Choose either email only or times for calls, not both',
      });
    }
    if (!availability.emailOnly && availability.windows.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['windows'],
        message: 'Give at least one time you could take a call, or choose email only',
      });
    }
  });

export const PartnerPreferenceSchema = z
  .object(
    {
      openToAnyone: z.boolean({ error: 'Say whether you are open to any partner' }).default(false),
      sectors: z
        .array(z.enum(SECTORS, { error: 'Choose sectors from the list' }), {
          error: 'Choose sectors from the list',
        })
        .max(SECTORS.length)
        .default([]),
      careerStages: z
        .array(z.enum(CAREER_STAGES, { error: 'Choose career stages from the list' }), {
          error: 'Choose career stages from the list',
        })
        .max(CAREER_STAGES.length)
        .default([]),
    },
    { error: 'Say what kind of partner you would like' },
  )
  .superRefine((preference, ctx) => {
    if (!Array.isArray(preference.sectors) || !Array.isArray(preference.careerStages)) return;
    const hasChoices = preference.sectors.length + preference.careerStages.length > 0;
    if (preference.openToAnyone && hasChoices) {
      ctx.addIssue({
        code: 'custom',
        path: ['openToAnyone'],
        message: 'Choose either “open to anyone” or particular sectors or career stages, not both',
      });
    }
    if (!preference.openToAnyone && !hasChoices) {
      ctx.addIssue({
        code: 'custom',
        path: ['openToAnyone'],
        message:
          'Choose the sectors or career stages you would like in a partner, or say you are open to anyone',
      });
    }
  });

export const ApplicationAnswersSchema = z.object(
  {
    name: requiredText(200, 'Enter your name', 'Keep your name under 200 characters'),
    email: z
      .string({ error: 'Enter your email address' })
      .trim()
      .min(1, { error: 'Enter your email address' })
      .max(254, { error: 'Enter an email address under 254 characters' })
      .pipe(z.email({ error: 'Enter an email address like name@example.org' })),
    countryOfResidence: z
      .string({ error: 'Choose the country you live in' })
      .trim()
      .toUpperCase()
      .refine(isCountryCode, { error: 'Choose the country you live in from the list' }),
    timeZone: TimeZoneSchema,
    languages: z
      .array(LanguageSkillSchema, { error: 'Add at least one language you speak' })
      .min(1, { error: 'Add at least one language you speak' })
      .max(10, { error: 'Add at most 10 languages' })
      .refine((skills) => new Set(skills.map((skill) => skill?.code)).size === skills.length, {
        error: 'List each language once',
      }),
    sector: z.enum(SECTORS, { error: 'Choose the sector you work or study in' }),
    role: requiredText(
      200,
      'Describe your role (for example “reference librarian”)',
      'Keep your role under 200 characters',
    ),
    careerStage: z.enum(CAREER_STAGES, { error: 'Choose your career stage' }),
    yearsInProfession: z
      .number({ error: 'Enter your years in the profession as a whole number from 0 to 60' })
      .int({ error: 'Enter your years in the profession as a whole number from 0 to 60' })
      .min(0, { error: 'Enter your years in the profession as a whole number from 0 to 60' })
      .max(60, { error: 'Enter your years in the profession as a whole number from 0 to 60' }),
    interests: z
      .array(z.enum(INTEREST_IDS, { error: 'Choose areas of interest from the list' }), {
        error: `Choose ${MIN_INTERESTS} to ${MAX_INTERESTS} areas of interest`,
      })
      .min(MIN_INTERESTS, { error: `Choose at least ${MIN_INTERESTS} areas of interest` })
      .max(MAX_INTERESTS, { error: `Choose at most ${MAX_INTERESTS} areas of interest` })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'Choose each area of interest once' }),
    otherInterests: optionalText(1000, 'Keep your other interests under 1000 characters'),
    partnerPreference: PartnerPreferenceSchema,
    availability: AvailabilitySchema,
    hopes: requiredText(
      2000,
      'Tell us what you hope to get from the round',
      'Keep what you hope to get from the round under 2000 characters',
    ),
    heardFrom: z.enum(REFERRAL_SOURCES, { error: 'Choose how you heard about the program' }),
    heardFromDetail: optionalText(500, 'Keep how you heard about the program under 500 characters'),
    privacyConsent: z.literal(true, { error: 'You need to agree to the privacy notice to apply' }),
    codeOfConductAccepted: z.literal(true, { error: 'You need to accept the code of conduct to apply' }),
  },
  { error: 'Fill in the application form' },
);

export type ApplicationAnswers = z.output<typeof ApplicationAnswersSchema>;
export type ApplicationAnswersInput = z.input<typeof ApplicationAnswersSchema>;
export type LanguageSkill = z.output<typeof LanguageSkillSchema>;
export type PartnerPreference = z.output<typeof PartnerPreferenceSchema>;
export type Availability = z.output<typeof AvailabilitySchema>;

/** Never throws: any input gives either the parsed answers or a list of field problems. */
export const validateApplicationAnswers = (input: unknown) => validateWith(ApplicationAnswersSchema, input);
