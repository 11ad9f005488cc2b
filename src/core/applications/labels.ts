/**
 * Stable ids of every closed choice on the application form. The ids are stored and used as i18n
 * keys: the names people read, in every language, are in the `applications` catalog under
 * `labels.<kind>.<id>` (the web edge and the email renderer translate them).
 */

export const SECTORS = [
  'academic',
  'public',
  'school',
  'special',
  'national-or-state',
  'government',
  'health',
  'law',
  'corporate',
  'archives',
  'museum',
  'lis-education',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const CAREER_STAGES = ['student', 'early', 'mid', 'late'] as const;
export type CareerStage = (typeof CAREER_STAGES)[number];

export const LANGUAGE_LEVELS = ['basic', 'conversational', 'fluent', 'native'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

export const REFERRAL_SOURCES = [
  'colleague',
  'country-coordinator',
  'previous-round',
  'social-media',
  'mailing-list',
  'association',
  'conference',
  'employer',
  'course',
  'website',
  'other',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];
