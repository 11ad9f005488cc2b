import type { UseCaseDeps } from '../ports/deps';

/** The applicant side's rate-limit counts are kept this long, longer than any of their windows. */
export const APPLICANT_COUNTS_KEPT_HOURS = 24;

/** Before when the counts no longer matter, now. */
export const findApplicantCountsExpiry = (deps: UseCaseDeps): Date =>
  new Date(deps.clock.now().getTime() - APPLICANT_COUNTS_KEPT_HOURS * 60 * 60_000);

/**
 * Forgets the rate-limit counts of applying and of previous-answers requests older than `before`.
 * Applying records two per try, so they are pruned by a job (jobs/definitions) rather than in the
 * submission's own transaction, which must stay cheap during a deadline rush.
 */
export const pruneApplicantCounts = async (deps: UseCaseDeps, before: Date): Promise<void> => {
  await deps.store.applicantRecords.pruneLinkRequestsBefore(before);
};
