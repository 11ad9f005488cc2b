export {
  type ApplicationAnswers,
  type ApplicationAnswersInput,
  ApplicationAnswersSchema,
  type Availability,
  AvailabilitySchema,
  AvailabilityWindowSchema,
  type LanguageSkill,
  LanguageSkillSchema,
  type PartnerPreference,
  PartnerPreferenceSchema,
  validateApplicationAnswers,
} from './application-answers';
export { normaliseApplicationForm, validateApplicationForm } from './application-form';
export {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  isApplicationStatus,
  PLACE_HOLDING_STATUSES,
} from './application-status';
export {
  admitFromWaitlist,
  type CountryQuotaCount,
  computeCountryCap,
  DEFAULT_QUOTA_SETTINGS,
  decideCountryQuota,
  listCarriedOver,
  mergeCarriedOver,
  type QuotaCandidate,
  type QuotaDecision,
  type QuotaSettings,
  QuotaSettingsSchema,
  type QuotaSettlement,
  type QuotaSettlementCandidate,
  settleQuotaAtClose,
  type WaitlistAdmissionInput,
  type WaitlistEntry,
} from './country-quota';
export {
  createDuplicateProbe,
  type DuplicateCandidate,
  type DuplicateProbe,
  type DuplicateReason,
  type EarlierName,
  findNameDuplicateOf,
  firstTokenOf,
  isAdmittedByProbe,
  type LikelyDuplicate,
  listLikelyDuplicates,
  measureEditDistance,
  normaliseName,
} from './duplicates';
export { toFieldProblems, type ValidationResult, validateWith } from './field-problems';
export {
  findInterestGroupId,
  INTEREST_GROUPS,
  INTEREST_IDS,
  type InterestGroupId,
  type InterestId,
  isInterestId,
  MAX_INTERESTS,
  MIN_INTERESTS,
} from './interest-taxonomy';
export {
  CAREER_STAGES,
  type CareerStage,
  LANGUAGE_LEVELS,
  type LanguageLevel,
  REFERRAL_SOURCES,
  type ReferralSource,
  SECTORS,
  type Sector,
} from './labels';
