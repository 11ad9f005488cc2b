/**
 * The version of the privacy notice (the /privacy page and its catalog text). Every application
 * records the version its applicant accepted (applications.consent_version, migration 0022), so
 * when the notice changes in substance this changes too, and the applications accepted under the
 * old wording can still be told apart. A date, so that versions sort.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-06';
