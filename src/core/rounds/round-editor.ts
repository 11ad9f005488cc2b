/**
 * What a program coordinator enters to create or edit a round. Dates and times are typed as the
 * coordinator reads them, in the program's zone; the schema turns them into UTC instants. It
 * accepts form-encoded strings too (numbers as text, a ticked checkbox as "on", an unticked one
 * absent), so the web layer can hand it `parseBody()` directly.
 */
import { z } from 'zod';
import { DEFAULT_QUOTA_SETTINGS, type QuotaSettings } from '../applications/country-quota';
import { validateWith } from '../applications/field-problems';
import { isLocalDate, type LocalDate, LocalDateSchema, LocalTimeSchema } from '../time/local-time';
import { isValidTimeZone, TimeZoneSchema } from '../time/time-zones';
import { resolveDeadlineAt } from './deadlines';
import type { Round } from './round';
import { computeDefaultRoundDates } from './round-dates';

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const wholeNumber = (message: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    (value) => {
      const present = blankToUndefined(value);
      return typeof present === 'string' && /^\s*\d{1,4}\s*$/.test(present) ? Number(present) : present;
    },
    z
      .number({ error: message })
      .int({ error: message })
      .min(min, { error: message })
      .max(max, { error: message })
      .default(fallback),
  );

const checkbox = z.preprocess((value) => {
  if (typeof value === 'boolean') return value;
  if (value === undefined) return false;
  const values = Array.isArray(value) ? value : [value];
  return values.some(
    (item) => typeof item === 'string' && ['on', 'true', 'yes', '1'].includes(item.trim().toLowerCase()),
  );
}, z.boolean());

export const RoundEditorSchema = z
  .object(
    {
      name: z
        .string({ error: 'round.nameMissing' })
        .trim()
        .min(1, { error: 'round.nameMissing' })
        .max(120, { error: 'round.nameTooLong' }),
      programTimeZone: TimeZoneSchema,
      applicationsOpenOn: LocalDateSchema,
      applicationsOpenTime: z.preprocess(blankToUndefined, LocalTimeSchema.default('00:00')),
      applicationsCloseOn: LocalDateSchema,
      applicationsCloseTime: z.preprocess(blankToUndefined, LocalTimeSchema.default('23:59')),
      startsOn: LocalDateSchema,
      endsOn: z.preprocess(blankToUndefined, LocalDateSchema.optional()),
      /** An unticked checkbox is absent from a form body, so absence means the quota is off. */
      quotaEnabled: checkbox,
      quotaCapPercent: wholeNumber('quota.capInvalid', 1, 100, DEFAULT_QUOTA_SETTINGS.capPercent),
      quotaMinimumPlaces: wholeNumber('quota.minimumInvalid', 1, 1000, DEFAULT_QUOTA_SETTINGS.minimumPlaces),
    },
    { error: 'round.formMissing' },
  )
  .transform((input, ctx) => {
    const endsOn = input.endsOn ?? computeDefaultRoundDates(input.startsOn).endsOn;
    if (!isValidTimeZone(input.programTimeZone) || !isLocalDate(endsOn)) return z.NEVER;
    const applicationsOpenAt = resolveDeadlineAt(
      input.applicationsOpenOn,
      input.applicationsOpenTime,
      input.programTimeZone,
    );
    const applicationsCloseAt = resolveDeadlineAt(
      input.applicationsCloseOn,
      input.applicationsCloseTime,
      input.programTimeZone,
    );
    if (applicationsCloseAt.getTime() <= applicationsOpenAt.getTime()) {
      ctx.addIssue({
        code: 'custom',
        path: ['applicationsCloseOn'],
        message: 'round.closeBeforeOpen',
      });
    }
    if (input.applicationsCloseOn > input.startsOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['applicationsCloseOn'],
        message: 'round.closeAfterStart',
      });
    }
    if (endsOn <= input.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'round.endBeforeStart' });
    }
    const quota: QuotaSettings = {
      enabled: input.quotaEnabled,
      capPercent: input.quotaCapPercent,
      minimumPlaces: input.quotaMinimumPlaces,
    };
    return {
      name: input.name,
      programTimeZone: input.programTimeZone,
      applicationsOpenAt,
      applicationsCloseAt,
      startsOn: input.startsOn,
      endsOn: endsOn as LocalDate,
      quota,
    };
  });

export type RoundEditorInput = z.input<typeof RoundEditorSchema>;
/** A round's editable settings, with deadlines as UTC instants. */
export type RoundSettings = z.output<typeof RoundEditorSchema>;

/** Never throws: the round's settings, or the problems to show beside each field. */
export const validateRoundEditorInput = (input: unknown) => validateWith(RoundEditorSchema, input);

/** A new round in draft, from validated settings. */
export const createDraftRound = (id: string, settings: RoundSettings): Round => ({
  id,
  status: 'draft',
  ...settings,
});
