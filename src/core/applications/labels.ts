/**
 * Stable ids and English labels for every closed choice on the application form. The ids are
 * stored and used as i18n keys; the English labels are the source text the web layer turns into
 * i18next resources (see listApplicationLabelResources).
 */
import type { DayOfWeek } from '../time/weekly-availability';
import { INTEREST_GROUPS } from './interest-taxonomy';

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

export const SECTOR_LABELS: Record<Sector, string> = {
  academic: 'Academic and research',
  public: 'Public',
  school: 'School',
  special: 'Special',
  'national-or-state': 'National or state',
  government: 'Government',
  health: 'Health',
  law: 'Law',
  corporate: 'Corporate',
  archives: 'Archives and records',
  museum: 'Museum and gallery',
  'lis-education': 'Library and information education, or student',
  other: 'Other',
};

export const CAREER_STAGES = ['student', 'early', 'mid', 'late'] as const;
export type CareerStage = (typeof CAREER_STAGES)[number];

export const CAREER_STAGE_LABELS: Record<CareerStage, string> = {
  student: 'Student',
  early: 'Early career',
  mid: 'Mid career',
  late: 'Late career',
};

export const LANGUAGE_LEVELS = ['basic', 'conversational', 'fluent', 'native'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

export const LANGUAGE_LEVEL_LABELS: Record<LanguageLevel, string> = {
  basic: 'Basic',
  conversational: 'Conversational',
  fluent: 'Fluent',
  native: 'Native or first language',
};

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

export const REFERRAL_SOURCE_LABELS: Record<ReferralSource, string> = {
  colleague: 'A colleague or friend',
  'country-coordinator': 'A country coordinator',
  'previous-round': 'I took part in an earlier round',
  'social-media': 'Social media',
  'mailing-list': 'A mailing list or newsletter',
  association: 'A library association',
  conference: 'A conference or event',
  employer: 'My employer',
  course: 'My course or lecturer',
  website: 'The ILN website',
  other: 'Somewhere else',
};

export const DAY_OF_WEEK_LABELS: Record<DayOfWeek, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/**
 * Every label as a flat `key → English` map (`sector.academic`, `interest.cataloguing`,
 * `interestGroup.collections`, …), ready to become an i18next resource bundle.
 */
export function listApplicationLabelResources(): Record<string, string> {
  const resources: Record<string, string> = {};
  const add = (prefix: string, labels: Record<string, string>) => {
    for (const [id, label] of Object.entries(labels)) resources[`${prefix}.${id}`] = label;
  };
  add('sector', SECTOR_LABELS);
  add('careerStage', CAREER_STAGE_LABELS);
  add('languageLevel', LANGUAGE_LEVEL_LABELS);
  add('referralSource', REFERRAL_SOURCE_LABELS);
  add('dayOfWeek', DAY_OF_WEEK_LABELS);
  for (const group of INTEREST_GROUPS) {
    resources[`interestGroup.${group.id}`] = group.label;
    for (const interest of group.interests) resources[`interest.${interest.id}`] = interest.label;
  }
  return resources;
}
