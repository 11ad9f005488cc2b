/**
 * Country quota and waitlist: the per-round cap that keeps one country from dominating a round.
 *
 * The rule, exactly (decided once, when applications close, over the round's applications in
 * submission order; until then every application is simply received, see settleQuotaAtClose):
 *
 *   cap = max(minimumPlaces, ceil(capPercent / 100 × totalApplications))
 *
 * A country's first `cap` applications (earliest submitted first) are within quota; its later
 * ones go to the waitlist. With the defaults (20%, minimum 5) a round of 392 lets each country
 * hold 79 places, and a pilot of 20 people still lets 5 come from one country.
 *
 * Why this way:
 * - The historical rule was "when more than 20% of a round's applicants come from one country,
 *   later applicants from that country are deferred (first come, first accepted)". So the share
 *   is of *applications* (not of accepted places) and order within a country is submission order.
 * - The cap is computed from the round's total rather than from the running total at each
 *   submission; otherwise whoever applied in the first hours would be judged against a tiny pool,
 *   and early applicants from a big country would be told they are waitlisted when the final
 *   cap would have given them a place (docs/decisions/0006-country-quota-at-close.md).
 * - `ceil` and the minimum keep small rounds workable: without them a round of 12 would allow
 *   two places per country.
 * - Because waitlisted applications count in the total, the accepted share of the biggest
 *   country can end slightly above capPercent of the accepted pool. That is the historical rule
 *   and keeps the cap independent of the order in which countries are decided.
 */
import { z } from 'zod';
import type { ApplicationStatus } from './application-status';

export interface QuotaSettings {
  /** Off means everyone is within quota. */
  enabled: boolean;
  /** Share of the round's applications one country may hold, 1–100. */
  capPercent: number;
  /** Places every country may hold however small the round. */
  minimumPlaces: number;
}

export const DEFAULT_QUOTA_SETTINGS: QuotaSettings = { enabled: true, capPercent: 20, minimumPlaces: 5 };

export const QuotaSettingsSchema = z.object({
  enabled: z.boolean({ error: 'quota.enabledMissing' }),
  capPercent: z
    .number({ error: 'quota.capInvalid' })
    .int({ error: 'quota.capInvalid' })
    .min(1, { error: 'quota.capInvalid' })
    .max(100, { error: 'quota.capInvalid' }),
  minimumPlaces: z
    .number({ error: 'quota.minimumInvalid' })
    .int({ error: 'quota.minimumInvalid' })
    .min(1, { error: 'quota.minimumInvalid' })
    .max(1000, { error: 'quota.minimumInvalid' }),
});

export interface QuotaCandidate {
  id: string;
  countryOfResidence: string;
}

export interface CountryQuotaCount {
  countryOfResidence: string;
  withinQuota: number;
  waitlisted: number;
}

export interface QuotaDecision {
  /** Places each country may hold; Infinity when the quota is off. */
  capPerCountry: number;
  withinQuota: string[];
  /** In submission order: the order in which places are offered when they free up. */
  waitlisted: string[];
  byCountry: CountryQuotaCount[];
}

/** The number of places one country may hold in a round of `totalApplications`. */
export function computeCountryCap(totalApplications: number, settings: QuotaSettings): number {
  if (!settings.enabled) return Number.POSITIVE_INFINITY;
  // Round away floating-point noise (20% of 35 is 7.000000000000001) before taking the ceiling.
  const share = Math.round(((settings.capPercent * totalApplications) / 100) * 1e9) / 1e9;
  return Math.max(settings.minimumPlaces, Math.ceil(share));
}

/** Splits a round's applications, given in submission order, into within quota and waitlist. */
export function decideCountryQuota(
  applicationsInSubmissionOrder: readonly QuotaCandidate[],
  settings: QuotaSettings = DEFAULT_QUOTA_SETTINGS,
): QuotaDecision {
  const capPerCountry = computeCountryCap(applicationsInSubmissionOrder.length, settings);
  const counts = new Map<string, CountryQuotaCount>();
  const withinQuota: string[] = [];
  const waitlisted: string[] = [];
  for (const application of applicationsInSubmissionOrder) {
    const count = countFor(counts, application.countryOfResidence);
    if (count.withinQuota < capPerCountry) {
      count.withinQuota++;
      withinQuota.push(application.id);
    } else {
      count.waitlisted++;
      waitlisted.push(application.id);
    }
  }
  return { capPerCountry, withinQuota, waitlisted, byCountry: [...counts.values()] };
}

/** What settling the quota needs of each application: where it stands now. */
export interface QuotaSettlementCandidate extends QuotaCandidate {
  status: ApplicationStatus;
}

export interface QuotaSettlement {
  capPerCountry: number;
  /** Received applications beyond their country's cap, in submission order: they go to the waitlist. */
  toWaitlist: string[];
  byCountry: CountryQuotaCount[];
}

/**
 * The quota decision when applications close, over the round's applications in submission order
 * whatever has happened to them while the round was open. It is decideCountryQuota's rule with
 * what coordinators did kept:
 *
 * - the cap comes from every application that was not withdrawn (the share is of applications,
 *   declined ones included, as decideCountryQuota counts them);
 * - within a country, applications a coordinator already accepted hold places first (their
 *   decision wins, even beyond the cap); pending applications then take the places left, in
 *   submission order, and the pending ones beyond the cap go to the waitlist;
 * - an application a coordinator moved to the waitlist or declined is left as it is and takes no
 *   place.
 *
 * So a country never holds more than `cap` places through pending applications, and when nobody
 * acted before the close the result equals decideCountryQuota exactly.
 */
export function settleQuotaAtClose(
  applicationsInSubmissionOrder: readonly QuotaSettlementCandidate[],
  settings: QuotaSettings = DEFAULT_QUOTA_SETTINGS,
): QuotaSettlement {
  const counted = applicationsInSubmissionOrder.filter((application) => application.status !== 'withdrawn');
  const capPerCountry = computeCountryCap(counted.length, settings);
  const counts = new Map<string, CountryQuotaCount>();
  for (const application of counted) {
    const count = countFor(counts, application.countryOfResidence);
    if (application.status === 'accepted') count.withinQuota++;
    else if (application.status === 'waitlisted') count.waitlisted++;
  }
  const toWaitlist: string[] = [];
  for (const application of counted) {
    if (application.status !== 'pending') continue;
    const count = countFor(counts, application.countryOfResidence);
    if (count.withinQuota < capPerCountry) {
      count.withinQuota++;
    } else {
      count.waitlisted++;
      toWaitlist.push(application.id);
    }
  }
  return { capPerCountry, toWaitlist, byCountry: [...counts.values()] };
}

/** How many applications of one country stand in one status. */
export interface QuotaStatusCount {
  countryOfResidence: string;
  status: ApplicationStatus;
  count: number;
}

/**
 * How many of each country's pending applications settleQuotaAtClose would move to the waitlist,
 * from counts alone (no order needed): each country's pending applications fill the places its
 * accepted ones left, `max(0, cap − accepted)`, and the rest wait. O(countries), for previews
 * over rounds of any size; the close itself (which must name the applications) uses
 * settleQuotaAtClose, and a property test keeps the two equal.
 */
export function countQuotaSettlement(
  counts: readonly QuotaStatusCount[],
  settings: QuotaSettings = DEFAULT_QUOTA_SETTINGS,
): { capPerCountry: number; toWaitlistByCountry: Map<string, number> } {
  let counted = 0;
  const byCountry = new Map<string, { accepted: number; pending: number }>();
  for (const { countryOfResidence, status, count } of counts) {
    if (status === 'withdrawn') continue;
    counted += count;
    let country = byCountry.get(countryOfResidence);
    if (!country) {
      country = { accepted: 0, pending: 0 };
      byCountry.set(countryOfResidence, country);
    }
    if (status === 'accepted') country.accepted += count;
    else if (status === 'pending') country.pending += count;
  }
  const capPerCountry = computeCountryCap(counted, settings);
  const toWaitlistByCountry = new Map<string, number>();
  for (const [countryOfResidence, { accepted, pending }] of byCountry) {
    const waiting = Math.max(0, pending - Math.max(0, capPerCountry - accepted));
    if (waiting > 0) toWaitlistByCountry.set(countryOfResidence, waiting);
  }
  return { capPerCountry, toWaitlistByCountry };
}

export interface WaitlistAdmissionInput {
  /** Applications currently holding a place (within quota, not withdrawn). */
  holdingPlaces: readonly QuotaCandidate[];
  /** The waitlist in submission order, earliest first. */
  waitlist: readonly QuotaCandidate[];
  settings: QuotaSettings;
  /**
   * The total the cap is computed from. Defaults to holding + waitlisted; pass the round's total
   * at closing to keep the cap where it was when the quota was first decided.
   */
  totalApplications?: number;
  /** Stop after this many admissions (for example the places the matching can still use). */
  maxAdmissions?: number;
}

/** Offers freed places to the waitlist, earliest first, never taking a country over its cap. */
export function admitFromWaitlist(input: WaitlistAdmissionInput): {
  admitted: string[];
  stillWaitlisted: string[];
} {
  const total = input.totalApplications ?? input.holdingPlaces.length + input.waitlist.length;
  const cap = computeCountryCap(total, input.settings);
  const maxAdmissions = input.maxAdmissions ?? Number.POSITIVE_INFINITY;
  const counts = new Map<string, CountryQuotaCount>();
  for (const holder of input.holdingPlaces) countFor(counts, holder.countryOfResidence).withinQuota++;
  const admitted: string[] = [];
  const stillWaitlisted: string[] = [];
  for (const candidate of input.waitlist) {
    const count = countFor(counts, candidate.countryOfResidence);
    if (admitted.length < maxAdmissions && count.withinQuota < cap) {
      count.withinQuota++;
      admitted.push(candidate.id);
    } else {
      stillWaitlisted.push(candidate.id);
    }
  }
  return { admitted, stillWaitlisted };
}

export interface WaitlistEntry extends QuotaCandidate {
  /** The applicant said they do not want to be carried into the next round. */
  declinedCarryOver: boolean;
}

/**
 * Who is carried into the next round: everyone still waitlisted at the end of a round who did not
 * decline, in their original order. They come before the next round's new applications, because
 * being deferred once should not mean waiting behind people who applied later.
 */
export function listCarriedOver<T extends WaitlistEntry>(waitlistAtRoundEnd: readonly T[]): T[] {
  return waitlistAtRoundEnd.filter((entry) => !entry.declinedCarryOver);
}

/** The next round's submission order: carried-over applications first, then new ones. */
export function mergeCarriedOver<T extends QuotaCandidate>(
  carriedOver: readonly T[],
  newInSubmissionOrder: readonly T[],
): T[] {
  const carriedIds = new Set(carriedOver.map((entry) => entry.id));
  return [...carriedOver, ...newInSubmissionOrder.filter((entry) => !carriedIds.has(entry.id))];
}

function countFor(counts: Map<string, CountryQuotaCount>, countryOfResidence: string): CountryQuotaCount {
  let count = counts.get(countryOfResidence);
  if (!count) {
    count = { countryOfResidence, withinQuota: 0, waitlisted: 0 };
    counts.set(countryOfResidence, count);
  }
  return count;
}
