import {
  type ApplicationAnswers,
  type ApplicationStatus,
  validateApplicationForm,
} from '../../core/applications';
import type { Application } from '../../core/applications/application';
import { hashToken, isWellFormedToken } from '../../core/applications/application-token';
import { DomainError, invalidInput } from '../../core/errors';
import { roundFactsOf } from '../../core/messages/messages';
import { isAcceptingApplications, type Round } from '../../core/rounds';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';

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
 * A new token for an existing application, and the email carrying it. Earlier links stop working:
 * only one token hash is kept per application.
 */
export const resendPrivateLink = async (
  deps: Pick<UseCaseDeps, 'ids'>,
  store: Store,
  round: Round,
  application: Application,
  locale: string,
  now: Date,
): Promise<void> => {
  const token = deps.ids.newToken();
  await store.applications.setEditTokenHash(application.id, hashToken(token), now);
  await store.messages.enqueue(
    {
      kind: 'application-link-resent',
      to: application.email,
      locale,
      payload: {
        name: application.answers.name,
        round: roundFactsOf(round),
        timeZone: application.answers.timeZone,
        privateToken: token,
      },
    },
    now,
  );
  await store.audit.record(
    {
      actorPersonId: null,
      action: 'application.link-resent',
      subjectType: 'application',
      subjectId: application.id,
      details: { roundId: round.id },
    },
    now,
  );
};

type Outcome = { kind: 'submitted'; result: SubmitApplicationResult } | { kind: 'already-applied' };

/**
 * Someone applies to a round. Valid answers, an open round and one application per address per
 * round; the application is received as pending (the country quota is decided for everyone when
 * applications close: rounds/settle-country-quota.ts; likely duplicates are flagged a moment
 * later: flag-likely-duplicates.ts), and the confirmation email is queued in the same transaction.
 * A second application from the same address is refused with CONFLICT after re-sending the
 * private link; the unique (round, email) constraint is the final guard under concurrency.
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

  let outcome: Outcome;
  try {
    outcome = await deps.uow.transaction((store) =>
      insertApplication(deps, store, round, answers, input, now),
    );
  } catch (error) {
    if (!deps.uow.isUniqueViolation(error)) throw error;
    outcome = { kind: 'already-applied' };
  }
  if (outcome.kind === 'submitted') return outcome.result;

  await deps.uow.transaction(async (store) => {
    const existing = await store.applications.findApplicationByEmail(round.id, answers.email);
    if (existing) {
      const current = await store.rounds.getRound(round.id);
      await resendPrivateLink(deps, store, current, existing, input.locale, now);
    }
  });
  throw new DomainError('CONFLICT', 'application.alreadyApplied', { roundId: round.id });
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
