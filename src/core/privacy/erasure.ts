import { DateTime } from 'luxon';
import type { ApplicationAnswers } from '../applications/application-answers';
import type { LocalDate } from '../time/local-time';

/**
 * What erasing a person's data leaves behind (docs/decisions/0023-privacy-rights.md). Rows are
 * kept, emptied of everything that says who the person is, so that counts by country, sector,
 * career stage and status still add up and the ids other rows (and the immutable audit trail) hold
 * point at a record that names nobody.
 */

/** Shown where a name was. */
export const ERASED_NAME = '—';

/**
 * A placeholder address per erased record: unique (one application per address per round), never
 * deliverable (`.invalid` is reserved, RFC 2606), and built from the record's random id only.
 */
export const erasedEmail = (id: string): string => `erased-${id}@erased.invalid`;

export const isErasedEmail = (email: string): boolean => email.endsWith('@erased.invalid');

/**
 * The answers with the free text and the identifiers emptied. Kept: what the aggregates count
 * (country, sector, career stage, years, interests, languages, preferences, availability and zone),
 * none of which names a person on its own.
 */
export const eraseAnswers = (answers: ApplicationAnswers, id: string): ApplicationAnswers => ({
  ...answers,
  name: ERASED_NAME,
  email: erasedEmail(id),
  role: '',
  otherInterests: '',
  hopes: '',
  heardFromDetail: '',
});

/** The name a partner knows someone by: the first word of the name they applied with. */
export const firstNameOf = (name: string): string => name.trim().split(/\s+/)[0] ?? '';

/** The default number of months after a round ends that declined and withdrawn applications are kept. */
export const DEFAULT_RETENTION_MONTHS = 12;

/**
 * Applications of rounds that ended before this date are past retention: `months` calendar months
 * before today (UTC). A round that ended on 30 June 2025 is due, with 12 months, from 1 July 2026.
 */
export const computeRetentionCutoff = (now: Date, months: number): LocalDate =>
  DateTime.fromJSDate(now, { zone: 'utc' }).minus({ months }).toISODate() as LocalDate;
