import {
  type ApplicationAnswers,
  type ApplicationStatus,
  validateApplicationForm,
} from '../../core/applications';
import { hashToken, isWellFormedToken } from '../../core/applications/application-token';
import { DomainError, invalidInput } from '../../core/errors';
import { roundFactsOf } from '../../core/messages/messages';
import { normalizeEmail } from '../../core/people/person';
import { PRIVACY_NOTICE_VERSION } from '../../core/privacy/privacy-notice';
import { isAcceptingApplications, type Round } from '../../core/rounds';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';
import { addPrivateLink, resendPrivateLink } from './private-links';

export interface SubmitApplicationInput {
  roundId: string;
  /** The round as the caller already read it (the page it was posted to), saving a read. */
  round?: Round | undefined;
  /** The form body as parsed (`parseBody({ all: true })`) or any record: validated here. */
  form: Record<string, unknown>;
  /** The language the applicant used, for the email. */
  locale: string;
  /** The previous-answers token the form was opened with, if any: used up on success. */
  prefillToken?: string | undefined;
  /** The client's network address, for the per-IP limit; null or absent when unknown. */
  ipAddress?: string | null | undefined;
}

export interface SubmitApplicationResult {
  applicationId: string;
  status: ApplicationStatus;
  /** Only for the caller's tests: the token is sent by email, never shown or logged. */
  token: string;
}

export const assertAcceptingApplications = (round: Round, now: Date): void => {
  if (!isAcceptingApplications(round, now)) {
    throw new DomainError('CONFLICT', 'round.notTakingApplications', {
      round: round.name,
      roundId: round.id,
      status: round.status,
    });
  }
};

/**
 * At most this many applications per email address and per network address in the window:
 * tries that pass validation count, refused ones included. Beyond, RATE_LIMITED (429), so one
 * client cannot fill a round with junk, nor hammer an address. The counts are durable (they
 * survive restarts) and read before the transaction that records a try, so a burst of
 * simultaneous tries may pass a few over the limit.
 *
 * An address can only reach its limit once it has applied (its first try is the application
 * itself), so the per-address count is read only for repeated applications, keeping the first
 * submission, the one that matters during a deadline rush, free of it.
 */
export const APPLY_RATE_LIMIT = { windowMinutes: 60, perEmail: 5, perIpAddress: 20 } as const;

type LimitKeys = { email: string; ip: string | null };

const applyLimitKeys = (deps: Pick<UseCaseDeps, 'hashKey'>, email: string, ipAddress: string | null) => ({
  email: deps.hashKey(`apply:email:${normalizeEmail(email)}`),
  ip: ipAddress ? deps.hashKey(`apply:ip:${ipAddress}`) : null,
});

const isOverLimit = async (deps: UseCaseDeps, keyHash: string, limit: number, now: Date) => {
  const since = new Date(now.getTime() - APPLY_RATE_LIMIT.windowMinutes * 60_000);
  return (await deps.store.applicantRecords.countLinkRequestsSince(keyHash, since)) >= limit;
};

const tooMany = (reason: 'application.tooManyFromNetwork' | 'application.tooManyForAddress') =>
  new DomainError('RATE_LIMITED', reason, { minutes: APPLY_RATE_LIMIT.windowMinutes });

/** Counts one try against both limits, in the caller's transaction. */
const recordApplyTry = async (store: Store, keys: LimitKeys, now: Date) => {
  await store.applicantRecords.recordLinkRequest(keys.email, now);
  if (keys.ip) await store.applicantRecords.recordLinkRequest(keys.ip, now);
};

type Outcome = { kind: 'submitted'; result: SubmitApplicationResult } | { kind: 'already-applied' };

/**
 * Someone applies to a round. Valid answers, an open round and one application per address per
 * round; the application is received as pending (the country quota is decided for everyone when
 * applications close: rounds/settle-country-quota.ts; likely duplicates are flagged a moment
 * later: flag-likely-duplicates.ts), and the confirmation email is queued in the same transaction.
 * A second application from the same address is refused with CONFLICT, and the private link is
 * emailed again (at most once an hour, never cancelling a link: private-links.ts), unless the
 * first was withdrawn: then it becomes a fresh application (reopenWithdrawn). The unique
 * (round, email) constraint is the final guard under concurrency. Tries are limited per address
 * and per network address (APPLY_RATE_LIMIT).
 */
export const submitApplication = async (
  deps: UseCaseDeps,
  input: SubmitApplicationInput,
): Promise<SubmitApplicationResult> => {
  const validation = validateApplicationForm(input.form);
  if (!validation.ok) {
    throw invalidInput(validation.problems, { roundId: input.roundId });
  }
  const answers = validation.value;
  const now = deps.clock.now();
  const round =
    input.round?.id === input.roundId ? input.round : await deps.store.rounds.getRound(input.roundId);
  assertAcceptingApplications(round, now);
  const keys = applyLimitKeys(deps, answers.email, input.ipAddress ?? null);
  if (keys.ip && (await isOverLimit(deps, keys.ip, APPLY_RATE_LIMIT.perIpAddress, now))) {
    throw tooMany('application.tooManyFromNetwork');
  }

  let outcome: Outcome;
  try {
    outcome = await deps.uow.transaction(async (store) => {
      const inserted = await insertApplication(deps, store, round, answers, input, now);
      await recordApplyTry(store, keys, now);
      return inserted;
    });
  } catch (error) {
    if (!deps.uow.isUniqueViolation(error)) throw error;
    outcome = { kind: 'already-applied' };
  }
  if (outcome.kind === 'submitted') return outcome.result;

  if (await isOverLimit(deps, keys.email, APPLY_RATE_LIMIT.perEmail, now)) {
    throw tooMany('application.tooManyForAddress');
  }
  // The try above was rolled back with its insert: it is counted here, with what follows.
  const reopened = await deps.uow.transaction(async (store) => {
    await recordApplyTry(store, keys, now);
    const existing = await store.applications.findApplicationByEmail(round.id, answers.email);
    if (!existing) return undefined;
    const current = await store.applicantRecords.lockRoundShared(round.id);
    if (existing.status === 'withdrawn') {
      assertAcceptingApplications(current, now);
      return reopenWithdrawn(deps, store, current, existing.id, answers, input, now);
    }
    await resendPrivateLink(deps, store, current, existing, input.locale, now);
    return undefined;
  });
  if (reopened) return reopened;
  throw new DomainError('CONFLICT', 'application.alreadyApplied', { roundId: round.id });
};

/**
 * The address withdrew its application to this round and applies again while the round still
 * takes applications: the withdrawn application becomes a fresh one (one per address and round
 * stays true), confirmed by email with a new private link. Links emailed before still open it:
 * they went to the same address.
 */
const reopenWithdrawn = async (
  deps: UseCaseDeps,
  store: Store,
  round: Round,
  applicationId: string,
  answers: ApplicationAnswers,
  input: SubmitApplicationInput,
  now: Date,
): Promise<SubmitApplicationResult | undefined> => {
  if (
    !(await store.applicantRecords.reopenWithdrawn(applicationId, { answers, locale: input.locale }, now))
  ) {
    return undefined;
  }
  const token = await addPrivateLink(deps, store, applicationId, now);
  await store.messages.enqueue(
    {
      kind: 'application-received',
      to: answers.email,
      locale: input.locale,
      payload: {
        name: answers.name,
        round: roundFactsOf(round),
        timeZone: answers.timeZone,
        privateToken: token,
      },
    },
    now,
  );
  await store.audit.record(
    {
      actorPersonId: null,
      action: 'application.resubmitted',
      subjectType: 'application',
      subjectId: applicationId,
      details: { roundId: round.id, status: 'pending', countryOfResidence: answers.countryOfResidence },
    },
    now,
  );
  if (isWellFormedToken(input.prefillToken)) {
    await store.applicantRecords.markPrefillLinkUsed(hashToken(input.prefillToken), now);
  }
  return { applicationId, status: 'pending', token };
};

const insertApplication = async (
  deps: UseCaseDeps,
  store: Store,
  round: Round,
  answers: ApplicationAnswers,
  input: SubmitApplicationInput,
  now: Date,
): Promise<Outcome> => {
  // The round is read again under a shared lock: closing the round takes the row exclusively, so
  // no application slips in after the quota was settled. The caller's copy may be a moment old
  // (the web layer keeps it for a second during a rush); this one is current, and the email
  // uses it.
  const current = await store.applicantRecords.lockRoundShared(round.id);
  assertAcceptingApplications(current, now);
  // A second application from the same address fails on the unique (round, email) constraint:
  // the caller turns that into "already applied", without a query of its own for every submission.
  const id = deps.ids.newId();
  const status: ApplicationStatus = 'pending';
  const token = deps.ids.newToken();
  await store.applications.insertApplication({
    id,
    roundId: round.id,
    personId: null,
    status,
    answers,
    editTokenHash: hashToken(token),
    submittedAt: now,
    locale: input.locale,
    consentVersion: PRIVACY_NOTICE_VERSION,
    // Likely duplicates are flagged a moment later by the duplicate job
    // (flag-likely-duplicates.ts), so a submission's cost does not grow with its round.
    duplicateChecked: false,
  });
  await store.messages.enqueue(
    {
      kind: 'application-received',
      to: answers.email,
      locale: input.locale,
      dedupeKey: `application-received:${id}`,
      payload: {
        name: answers.name,
        round: roundFactsOf(current),
        timeZone: answers.timeZone,
        privateToken: token,
      },
    },
    now,
  );
  await store.audit.record(
    {
      actorPersonId: null,
      action: 'application.submitted',
      subjectType: 'application',
      subjectId: id,
      details: { roundId: current.id, status, countryOfResidence: answers.countryOfResidence },
    },
    now,
  );
  if (isWellFormedToken(input.prefillToken)) {
    await store.applicantRecords.markPrefillLinkUsed(hashToken(input.prefillToken), now);
  }
  return { kind: 'submitted', result: { applicationId: id, status, token } };
};
